"""Compares the cold start of two installed `symptom-explorer` commands side by side (for example the
main branch's and a branch's), alternating runs so that both see the same machine load. A script, not a
test: it prints figures and never fails on them.

    python benchmarks/cold_start_compare.py BASELINE_COMMAND NEW_COMMAND [--runs 30] [-- ARGS...]
"""

import argparse
import statistics
import subprocess
import time

DEFAULT_ARGS = ["match", "numbness", "dry eyes"]


def once(command: str, args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([command, *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline")
    parser.add_argument("new")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("args", nargs="*", default=DEFAULT_ARGS)
    options = parser.parse_args()
    times: dict = {options.baseline: [], options.new: []}
    for command in times:  # warm the file cache once
        once(command, options.args)
    for _ in range(options.runs):
        for command in times:
            times[command].append(once(command, options.args))
    base, new = (statistics.median(times[c]) for c in (options.baseline, options.new))
    print(f"symptom-explorer {' '.join(options.args)}  ({options.runs} alternating runs each)")
    for label, command in (("baseline", options.baseline), ("new", options.new)):
        runs = times[command]
        print(
            f"  {label:<8} median {statistics.median(runs) * 1000:6.1f} ms   "
            f"min {min(runs) * 1000:6.1f} ms   max {max(runs) * 1000:6.1f} ms   ({command})"
        )
    print(f"  new / baseline (medians): {new / base:.3f}")


if __name__ == "__main__":
    main()
