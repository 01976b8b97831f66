"""Reports time and peak memory of the installed command over growing hostile inputs (1 KB to 50 MB by
default), to show both stay linear (time) and flat (memory) whatever the input. A script, not a test:
it prints figures and never fails on them.

    python benchmarks/hostile.py [--sizes 1e3 1e5 1e7 5e7] [--only json-element ...]
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

GOOD = json.dumps({"id": "good", "symptoms": ["numbness", "dry eyes"]})


def one_json_element(size):  # a single array element as large as the input (re-parsed from the start before)
    return "json", f'[{GOOD}, {{"id": "big", "symptoms": ["' + "a" * size + f'"]}}, {GOOD}]'


def deep_json(size):  # nesting as deep as the input allows
    return "json", f"[{GOOD}, " + "[" * (size // 2) + "]" * (size // 2) + f", {GOOD}]"


def endless_line(size):  # JSON Lines with one line and no newline (like an endless stream)
    return "jsonl", GOOD + "\n" + "x" * size


def yaml_blank_lines(size):  # a YAML item with a syntax error followed by blank lines (quadratic before)
    return "yaml", "- id: bad\n  symptoms: [\n" + "\n" * size + "- id: good\n  symptoms: [numbness]\n"


def csv_open_quotes(size):  # CSV rows that each open a quote and never close it
    row = 'x,"numbness, fever\n'
    return "csv", "id,present\n" + row * (size // len(row)) + "good,numbness\n"


def csv_quotes_within(size):  # CSV rows that each open a quote and keep the one before open (a look-ahead
    # from every row would rescan the rest of the input)
    row = 'a"b,"c\n'
    return "csv", "id,present\n" + row * (size // len(row)) + "good,numbness\n"


INPUTS = {
    f.__name__.replace("_", "-"): f
    for f in (one_json_element, deep_json, endless_line, yaml_blank_lines, csv_open_quotes, csv_quotes_within)
}


def command() -> str:
    here = Path(sys.executable).parent / "symptom-explorer"
    return str(here) if here.exists() else shutil.which("symptom-explorer") or "symptom-explorer"


def measure(path: Path) -> tuple[float, float, int]:
    """Wall time (s), peak resident memory (MiB) and exit code of one `batch` run over ``path``. A small
    probe process starts the command, so the peak is the command's alone (Linux carries a process's
    peak over fork and exec, and this script holds the input it wrote)."""
    probe = (
        "import resource, subprocess, sys, time; start = time.perf_counter(); "
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, command(), "batch", str(path)], capture_output=True, text=True, check=True
    )
    seconds, peak, code = done.stdout.split()
    return float(seconds), int(peak) / 1024, int(code)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1e3, 1e5, 1e6, 1e7, 5e7])
    parser.add_argument("--only", nargs="+", choices=sorted(INPUTS), default=sorted(INPUTS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name in args.only:
            for size in map(int, args.sizes):
                fmt, text = INPUTS[name](size)
                path = Path(folder) / f"input.{fmt}"
                path.write_text(text, encoding="utf-8")
                megabytes = len(text) / 1e6
                del text
                seconds, peak, code = measure(path)
                print(f"{name:<17} {megabytes:9.3f} MB: {seconds:7.2f} s, peak memory {peak:5.0f} MiB, exit {code}")
                path.unlink()


if __name__ == "__main__":
    main()
