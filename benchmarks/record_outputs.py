"""Record a corpus of outputs, to show that a change meant only for speed changes no output: run it on
the code before and after the change (each in its own checkout, same interpreter) and compare the two
folders with `diff -r`.

    python benchmarks/record_outputs.py OUT_DIR [--cases 300]

What it writes, through the command line (click's CliRunner, in this process): `match` for every example
and teaching case and for seeded random cases, in text (with --explain), json, markdown and mermaid;
`match --what-if`; `batch` of every case in jsonl, csv and markdown; `compare` of pairs of conditions; and
seeded questionnaire sessions (the question chosen at each step and the picture after each answer).
"""

import argparse
import dataclasses
import json
import random
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from explorer import load_knowledge
from explorer.cli import cli
from explorer.knowledge.loader import packaged_folders
from explorer.reasoning.questionnaire import Questionnaire, picture


def library_cases() -> list[dict]:
    folder = packaged_folders()[0] / "cases"
    return [case for name in ("examples.yaml", "teaching.yaml") for case in yaml.safe_load((folder / name).read_text())]


def random_cases(kb, count: int, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    # Time course values are left out, so the random cases are the same as before they existed.
    labels = sorted(s.label for s in kb.symptoms.values() if s.kind != "course")
    cases = []
    for i in range(count):
        chosen = rng.sample(labels, rng.randint(1, 7))
        cut = rng.randint(0, len(chosen) - 1) if len(chosen) > 1 and rng.random() < 0.4 else len(chosen)
        cases.append({"id": f"r{i}", "symptoms": chosen[:cut] or chosen, "absent": chosen[cut:] if cut else []})
    return cases


def invoke(args: list[str], shown: list[str] | None = None) -> str:
    done = CliRunner().invoke(cli, args)
    return f"$ {' '.join(shown or args)}\nexit {done.exit_code}\n{done.output}"


def match_args(case: dict) -> list[str]:
    args = ["match", *case.get("symptoms", [])]
    for absent in case.get("absent", []):
        args += ["--absent", absent]
    return args


def sessions(kb, starts: list[list[str]], seed: int = 9, per_session: int = 10) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for start in starts:
        session = Questionnaire(kb)
        for finding in start:
            session.record(finding, "yes", entered=True)
        for _ in range(per_session):
            question = session.next_question()
            lines.append(f"{sorted(start)} -> {question.finding.id if question else None}")
            if question is None:
                break
            session.record(question.finding.id, rng.choice(["yes", "no", "no", "unsure"]))
            lines.append(f"  picture {json.dumps(dataclasses.astuple(picture(session.result())))}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    kb = load_knowledge()
    cases = library_cases() + random_cases(kb, args.cases)
    for fmt, extra in (("text", ["--explain"]), ("json", []), ("markdown", []), ("mermaid", [])):
        with (args.out / f"match-{fmt}.txt").open("w") as out:
            for case in cases:
                out.write(invoke(match_args(case) + ["--format", fmt, *extra]))
    with (args.out / "what-if.txt").open("w") as out:
        for case in cases[:60]:
            out.write(invoke(match_args(case) + ["--what-if", "+dry mouth", "--what-if", "!numbness"]))
    table = args.out / "cases.jsonl"
    table.write_text("".join(json.dumps(case) + "\n" for case in cases))
    for fmt in ("jsonl", "csv", "markdown"):
        shown = ["batch", table.name, "--format", fmt]  # the folder's name would differ between two recordings
        (args.out / f"batch-{fmt}.txt").write_text(invoke(["batch", str(table), "--format", fmt], shown))
    ids = sorted(kb.conditions)
    with (args.out / "compare.txt").open("w") as out:
        for first, second in zip(ids, ids[1:]):
            out.write(invoke(["compare", first, second]))
    starts = [[s.id for s in kb.symptoms.values() if s.label in case["symptoms"]] for case in cases[:80]]
    (args.out / "questionnaire.txt").write_text("\n".join(sessions(kb, [s for s in starts if s])) + "\n")
    import explorer

    print(f"recorded {len(cases)} cases into {args.out} with {Path(explorer.__file__).parent}", file=sys.stderr)


if __name__ == "__main__":
    main()
