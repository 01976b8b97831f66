"""Reports start-up and query speed on the shipped knowledge base. A script, not a test: it prints
figures and never fails on them.

    python benchmarks/bench.py [--runs 10] [--queries 2000]
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

CASES = [
    (["numbness", "dry eyes"], []),
    (["weakness", "tingling", "recent infection", "trouble breathing"], ["dry mouth"]),
    (["joint pain", "swollen joints", "morning stiffness", "fatigue"], []),
    (["butterfly rash", "joint pain", "tired", "hair loss", "mouth ulcers"], ["fever"]),
    (["double vision", "clumsy", "tingling", "loss of bladder control"], []),
]


def command() -> list[str]:
    here = Path(sys.executable).parent / "symptom-explorer"
    return [str(here) if here.exists() else shutil.which("symptom-explorer") or "symptom-explorer"]


def cold_start(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command() + ["match", "numbness", "dry eyes"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def in_process(queries: int) -> dict:
    start = time.perf_counter()
    from explorer import explore, load_knowledge
    from explorer.reasoning.engine import engine_for

    kb = load_knowledge()
    loaded = time.perf_counter()
    engine_for(kb)
    built = time.perf_counter()
    explore(*CASES[0], kb=kb)
    start_q = time.perf_counter()
    for i in range(queries):
        explore(*CASES[i % len(CASES)], kb=kb)
    elapsed = time.perf_counter() - start_q
    return {
        "import+load_ms": (loaded - start) * 1000,
        "build_ms": (built - loaded) * 1000,
        "per_query_ms": elapsed / queries * 1000,
        "queries_per_s": queries / elapsed,
        "rules": len(kb.rules),
        "next_question_ms": next_question_ms(kb),
    }


def next_question_ms(kb, rounds: int = 5) -> float:
    """Mean time for the questionnaire to choose its next question, over whole sessions answered "no"."""
    from explorer.language.vocabulary import vocabulary_for
    from explorer.reasoning.questionnaire import Questionnaire

    times = []
    for _ in range(rounds):
        for present, _absent in CASES:
            session = Questionnaire(kb)
            for text in present:
                found = vocabulary_for(kb).resolve(text).symptom
                if found:
                    session.record(found.id, "yes", entered=True)
            while True:
                start = time.perf_counter()
                question = session.next_question()
                times.append(time.perf_counter() - start)
                if question is None:
                    break
                session.record(question.finding.id, "no")
    return statistics.mean(times) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="cold starts to time")
    parser.add_argument("--queries", type=int, default=2000, help="in-process queries to time")
    args = parser.parse_args()
    times = cold_start(args.runs)
    print(
        f'cold start, `symptom-explorer match numbness "dry eyes"` ({args.runs} runs): '
        f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms"
    )
    figures = in_process(args.queries)
    print(
        f"in process: import and load knowledge {figures['import+load_ms']:.0f} ms, build engine "
        f"({figures['rules']} rules) {figures['build_ms']:.0f} ms"
    )
    print(
        f"in process: {figures['per_query_ms']:.2f} ms per query, {figures['queries_per_s']:.0f} queries/s "
        f"({args.queries} queries over {len(CASES)} cases, full explore(): resolve, run, rank)"
    )
    print(
        f"questionnaire: {figures['next_question_ms']:.0f} ms on average to choose the next question "
        f"(every candidate tried both ways)"
    )


if __name__ == "__main__":
    main()
