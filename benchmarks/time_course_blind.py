"""The time-course reasoning scored on the blind look-alike vignettes (tests/blind/time_course.yaml): 40
vignettes in 20 pairs that differ only in time course, spread, symmetry, severity or what the illness
followed, written by a helper who never saw the code, split into a development and a test half
(tests/blind/split.py, a pair stays in one half) before any tuning. A script, not a test: it reports.

    python benchmarks/time_course_blind.py [--half test|dev|all] [--misses] [--set t|b|c|d|e|f|g|h]

A vignette is right first when the condition ranked first is the one expected, and at the right level when
the highest urgency level of the warnings raised is the one expected (none, same_day, emergency). Misses are
printed for the development half only: the test half is read for its figures, never to tune.

Set B (tests/blind/time_course_b.yaml, 30 vignettes) is never tuned on: scored whole, its misses never
listed. Set C (tests/blind/time_course_c.yaml, 40 vignettes in 20 pairs, copied from the third blind
writer's folder) was written for tuning: scored whole, its misses listed on request. Set D
(tests/blind/time_course_d.yaml, 40 vignettes in 20 pairs, a fourth writer) is held out like set B. Set E
(tests/blind/time_course_e.yaml, 40 vignettes in 20 pairs, a fifth writer, copied from /work/blinde) is a
development set like set C: scored whole, its misses listed on request. Set F (tests/blind/time_course_f.yaml,
40 vignettes in 20 pairs, a sixth writer, copied from /work/blindf after the day's tuning) and set G
(tests/blind/time_course_g.yaml, a seventh writer, copied from /work/blindg), set H (time_course_h.yaml, an
eighth writer, copied from /work/blindh) and set I (time_course_i.yaml, a ninth writer, copied from /work/blindi)
are held out like sets B and D.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "blind")]

from split import split  # noqa: E402

# The set's closed answer keys -> our condition ids (vasculitic involvement is read on the RA and lupus cards).
CONDITION = {
    "guillain_barre": "guillain_barre_syndrome",
    "diabetic_neuropathy": "diabetic_neuropathy",
    "alcohol_neuropathy": "alcohol_related_neuropathy",
    "multiple_sclerosis": "multiple_sclerosis",
    "vasculitic_ra": "rheumatoid_arthritis",
    "vasculitic_lupus": "systemic_lupus_erythematosus",
    "sjogren": "sjogren_syndrome",
    "toxic_neuropathy": "toxic_neuropathy",
    "infection_neuropathy": "infection_related_neuropathy",
}
LEVELS = ("none", "same_day", "emergency")


def run(kb, text: str) -> dict:
    from explorer import explore

    result = explore([text], kb=kb)
    levels = [flag.level for flag in result.red_flags]
    return {
        "first": result.suggestions[0].condition.id if result.suggestions else None,
        "order": [s.condition.id for s in result.suggestions[:3]],
        "level": max(levels, key=LEVELS.index, default="none"),
        "flags": sorted(flag.id for flag in result.red_flags),
        "read": sorted(r.symptom.id for r in result.recognized),
    }


HEADINGS = {
    "t": "T",
    "b": "B (time course)",
    "c": "C (time course, tuning set)",
    "d": "D (time course, held out)",
    "e": "E (time course, development set)",
    "f": "F (time course, held out)",
    "g": "G (time course, held out)",
    "h": "H (time course, held out)",
    "i": "I (time course, held out)",
    "j": "J (time course, development set)",
    "k": "K (time course, development set)",
    "l": "L (time course, held out)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["test", "dev", "all"], default="test")
    parser.add_argument("--misses", action="store_true", help="print the missed vignettes (never on the test half)")
    parser.add_argument(
        "--set",
        choices=["t", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"],
        default="t",
        help="b, d, f, g, h, i and l: never tuned on (all of it); c, e, j and k: development sets (all of it, misses"
        " listed); t: split into a development half (dev) and a held-out half (test)",
    )
    args = parser.parse_args()
    if args.set in ("b", "d", "f", "g", "h", "i", "l") and args.misses:
        parser.error(f"set {args.set.upper()} is never tuned on: its misses are not listed")
    from explorer import load_knowledge

    name = "time_course.yaml" if args.set == "t" else f"time_course_{args.set}.yaml"
    items = yaml.safe_load((ROOT / "tests" / "blind" / name).read_text(encoding="utf-8"))
    dev, test = split(items)
    chosen = items if args.set != "t" else {"test": test, "dev": dev, "all": items}[args.half]
    kb = load_knowledge()
    counts: Counter = Counter()
    missed = []
    for item in chosen:
        got = run(kb, item["text"])
        first = got["first"] == CONDITION[item["expected_first"]]
        level = got["level"] == item["urgent"]
        counts["n"] += 1
        counts["first"] += first
        counts["level"] += level
        counts["both"] += first and level
        if item["urgent"] == "emergency":
            counts["emergency"] += 1
            counts["emergency_raised"] += got["level"] == "emergency"
        if item["urgent"] == "none":
            counts["calm"] += 1
            counts["calm_flagged"] += got["level"] != "none"
        if not (first and level):
            missed.append((item, got))
    n = counts["n"]
    part = f"{args.half} half" if args.set == "t" else "whole set"
    heading = HEADINGS[args.set] + f", {part}"
    print(f"Blind set {heading}: {n} vignettes")
    print(f"  right condition first: {counts['first']}/{n} ({counts['first'] / n:.0%})")
    print(f"  right urgency level:   {counts['level']}/{n} ({counts['level'] / n:.0%})")
    print(f"  both right:            {counts['both']}/{n} ({counts['both'] / n:.0%})")
    if counts["emergency"]:
        print(f"  emergencies raising the emergency level: {counts['emergency_raised']}/{counts['emergency']}")
    if counts["calm"]:
        print(f"  calm vignettes raising any warning: {counts['calm_flagged']}/{counts['calm']}")
    diabetic = next((it for it in chosen if it["id"] == "t01a"), None) if args.set == "t" else None
    if diabetic is not None:
        got = run(kb, diabetic["text"])
        print(f"  the diabetic with acute weakness (t01a): first {got['first']}, level {got['level']}")
    if args.misses and (args.set in ("c", "e", "j", "k") or args.half != "test"):
        for item, got in missed:
            print(f"- {item['id']} expected {item['expected_first']}/{item['urgent']}: {item['text']}")
            print(f"    got {got['order']} level {got['level']} flags {got['flags']}\n    read {got['read']}")
    elif args.misses:
        print("  (misses are not printed for the test half)")


if __name__ == "__main__":
    main()
