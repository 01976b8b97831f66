"""Compares the cold start of two installed `symptom-explorer` commands side by side (for example the
main branch's and a branch's), alternating runs so that both see the same machine load. A script, not a
test: it prints figures and never fails on them.

    python benchmarks/cold_start_compare.py BASELINE_COMMAND NEW_COMMAND [--runs 30] [-- ARGS...]
"""

import argparse
import os
import resource
import statistics
import subprocess
import time

DEFAULT_ARGS = ["match", "numbness", "dry eyes"]
# Bytecode is written on the warm-up run, as an install leaves it: with PYTHONDONTWRITEBYTECODE set (some
# machines set it) every edited module would be compiled again on every run.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(command: str, args: list[str]) -> tuple[float, float]:
    """Wall time, and the CPU time (user + system) the command used: on a busy machine the CPU time
    moves much less than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([command, *args], check=True, capture_output=True, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
    print(f"symptom-explorer {' '.join(options.args)}  ({options.runs} alternating runs each)")
    medians = {}
    for label, command in (("baseline", options.baseline), ("new", options.new)):
        wall, cpu = [w for w, _ in times[command]], [c for _, c in times[command]]
        medians[label] = statistics.median(wall), statistics.median(cpu)
        print(
            f"  {label:<8} wall median {medians[label][0] * 1000:6.1f} ms (min {min(wall) * 1000:6.1f})   "
            f"CPU median {medians[label][1] * 1000:6.1f} ms (min {min(cpu) * 1000:6.1f})   {command}"
        )
    wall_ratio = medians["new"][0] / medians["baseline"][0]
    cpu_ratio = medians["new"][1] / medians["baseline"][1]
    print(f"  new / baseline (medians): wall {wall_ratio:.3f}, CPU {cpu_ratio:.3f}")


if __name__ == "__main__":
    main()
