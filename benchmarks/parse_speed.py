"""Parser speed: time per phrase over the test corpus, time for large texts, and a cold `match` side
by side with a baseline commit (default: main), to show what the parser costs at start-up. A script,
not a test: it prints figures and never fails on them.

    python benchmarks/parse_speed.py [--runs 20] [--baseline main]
"""

import argparse
import io
import statistics
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def per_phrase(rounds: int = 20) -> tuple[int, float]:
    from explorer.knowledge.loader import load_knowledge
    from explorer.language.parser import parse
    from tests.parse_corpus import cases

    kb = load_knowledge()
    texts = [text for text, *_ in cases()]
    for text in texts:
        parse(text, kb)  # warm: indexes built, HPO index and rapidfuzz loaded
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            parse(text, kb)
    return len(texts), (time.perf_counter() - start) / (rounds * len(texts)) * 1000


def large_texts() -> list[tuple[str, float]]:
    from explorer.knowledge.loader import load_knowledge
    from explorer.language.parser import parse

    kb = load_knowledge()
    out = []
    for size in (10_000, 100_000, 1_000_000):
        texts = {
            "sentences": "I have tingling in my feet but no dry mouth, and zzqx words. ",
            "one list item": "numb feet tingling ",  # no separator at all: one clause, one list item
        }
        for kind, unit in texts.items():
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            parse(text, kb)
            out.append((f"{size:>9,} characters, {kind}", time.perf_counter() - start))
    return out


def baseline_tree(ref: str, into: Path) -> Path:
    """The baseline commit's files, unpacked with `git archive` (the repository is only read)."""
    data = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(into, filter="data")
    return into


def cold(tree: Path) -> float:
    # -S: no .pth files, so an editable install cannot point `explorer` at another checkout; the
    # libraries come from site-packages on PYTHONPATH, the same for both trees.
    libraries = sysconfig.get_paths()["purelib"]
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-S", "-m", "explorer", "match", "numbness", "dry eyes"],
        cwd=tree,
        check=True,
        capture_output=True,
        env={"PYTHONPATH": f"{tree}:{libraries}", "PATH": "/usr/bin:/bin"},
    )
    return time.perf_counter() - start


def side_by_side(ref: str, runs: int) -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline_tree(ref, Path(tmp))
        ours, theirs = [], []
        cold(ROOT), cold(base)  # warm the file cache for both
        for _ in range(runs):  # alternate, so machine load falls on both alike
            ours.append(cold(ROOT))
            theirs.append(cold(base))
    return ours, theirs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--baseline", default="main", help="git ref to compare a cold match with")
    args = parser.parse_args()
    count, ms = per_phrase()
    print(f"parse: {ms:.3f} ms per phrase on average ({count} corpus phrasings, warm)")
    for label, seconds in large_texts():
        print(f"parse: {label}: {seconds:.2f} s")
    ours, theirs = side_by_side(args.baseline, args.runs)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(
        f'cold `match numbness "dry eyes"` ({args.runs} runs each, alternating): this checkout median '
        f"{a * 1000:.0f} ms, {args.baseline} median {b * 1000:.0f} ms, {100 * (a - b) / b:+.1f}%"
    )


if __name__ == "__main__":
    main()
