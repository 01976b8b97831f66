"""Reports peak memory and speed of `symptom-explorer batch` for growing inputs, to show that memory
stays flat as the input grows (cases are read, explored and written one at a time). A script, not a
test: it prints figures and never fails on them.

    python benchmarks/batch_memory.py [--sizes 500 5000 20000]
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FINDINGS = [
    ["numbness", "dry eyes"],
    ["joint pain", "swollen joints", "stiff joints"],
    ["weakness", "tingling", "flu"],
    ["butterfly rash", "tired", "joint pain"],
    ["double vision", "clumsy"],
    ["burning feet", "diabetes"],
]


def command() -> list[str]:
    here = Path(sys.executable).parent / "symptom-explorer"
    return [str(here) if here.exists() else shutil.which("symptom-explorer") or "symptom-explorer"]


def run(size: int, folder: Path) -> tuple[float, float]:
    source = folder / f"cases-{size}.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(size):
            out.write(json.dumps({"id": f"c{i}", "symptoms": FINDINGS[i % len(FINDINGS)]}) + "\n")
    start = time.perf_counter()
    # A fresh Python process per size, so ru_maxrss of the child is this run's peak alone.
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command(), "batch", str(source)], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, int(done.stdout.strip()) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 20000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            seconds, peak_mib = run(size, Path(folder))
            print(
                f"batch of {size:>6} cases (JSON Lines): {seconds:6.1f} s, {size / seconds:6.0f} cases/s, "
                f"peak memory {peak_mib:.0f} MiB"
            )


if __name__ == "__main__":
    main()
