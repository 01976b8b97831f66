"""The free-text reader scored on the blind set (tests/blind/reading_a.yaml): descriptions written by a helper
who never saw the lexicon or rules, split into a development and a test half (tests/blind/split.py) before
any tuning. A script, not a test: it reports.

    python benchmarks/reading_blind.py [--half test|dev|all] [--misses 20]
    python benchmarks/reading_blind.py --set b      # the second blind set (tests/blind/reading_b.yaml), whole
    python benchmarks/reading_blind.py --set c --misses 40   # the third (reading_c.yaml), whole: for tuning
    python benchmarks/reading_blind.py --set e --misses 40   # the fifth (reading_e.yaml), whole: for tuning
    python benchmarks/reading_blind.py --set f      # the sixth (reading_f.yaml), whole: held out like b
    python benchmarks/reading_blind.py --set g      # the seventh (reading_g.yaml), whole: held out like b
    python benchmarks/reading_blind.py --set h      # the eighth (reading_h.yaml), whole: held out like b
    python benchmarks/reading_blind.py --set i      # the ninth (reading_i.yaml), whole: held out like b
    python benchmarks/reading_blind.py --set j --misses 40   # the tenth (reading_j.yaml, mostly urgent), for tuning
    python benchmarks/reading_blind.py --half dev --misses 60 --urgent   # only urgent items at the wrong level

An item is read exactly when the findings read as present, as absent and as history are the ones expected
(an expected HPO term counts as read by a finding whose term is it, or a close relative of it: at most two
steps up or down the ontology, as the set's README asks) and the urgency level raised is the one expected.
Urgent items are scored on their own: the right level, and the right warning for the presentation. Calm
near-misses are scored on how many raise any warning, and urgent findings read with the wrong polarity
(present read absent, or absent read present) are counted.
"""

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "tests" / "blind")]

from split import split  # noqa: E402

# The set's closed keys -> our finding ids (history) and red-flag ids (presentations); None: we have none.
HISTORY = {
    "diabetes": "diabetes",
    "heavy_alcohol": "heavy_alcohol_use",
    "recent_infection": "recent_infection",
    "neurotoxic_medicine": "toxin_exposure",
    "toxic_exposure": "toxin_exposure",
    "vitamin_b12_deficiency": None,
}
PRESENTATION = {
    "breathing_difficulty": "breathing",
    "swallowing_difficulty": "swallowing",
    "rapidly_spreading_weakness": "spreading_weakness",
    "paralysis": "paralysis",
    "one_sided_weakness_or_face_droop": "one_sided_weakness",
    "sudden_vision_loss": "vision_loss",
    "bladder_or_bowel_control_loss": "bladder_bowel",
    "chest_pain": "chest_pain",
    "seizure": "seizures",  # the seizures red flag (data/red_flags.yaml) came after this table was written
    "double_vision": "double_vision",
    "painful_vision_loss_one_eye": "painful_vision",
    "rapidly_spreading_numbness": "spreading_numbness",
}
LEVELS = ("none", "same_day", "emergency")
WHOLE = ("b", "c", "e", "f", "g", "h", "i", "j", "k", "l", "m")  # sets scored whole, not split in halves
TUNED = ("c", "e", "j", "k", "m")  # whole sets written for tuning: their misses are listed


def finding_terms(kb) -> dict[str, set[str]]:
    """finding id -> the HPO ids read as it (its term, its narrower terms, the generated index's terms)."""
    from explorer.language.hpo_index import index_data

    out: dict[str, set[str]] = defaultdict(set)
    for symptom in kb.symptoms.values():
        if symptom.hpo:
            out[symptom.id].add(symptom.hpo.id)
        out[symptom.id].update(term.id for term in symptom.narrower)
    for entry in index_data()["terms"]:
        out[entry["finding"]].add(entry["id"])
    return out


def neighbourhood(terms: dict, steps: int = 2) -> dict[str, set[str]]:
    """HPO id -> the ids at most ``steps`` edges up or down from it (itself included)."""
    children: dict[str, set[str]] = defaultdict(set)
    for term, data in terms.items():
        for parent in data["parents"]:
            children[parent].add(term)

    def near(term):
        seen, frontier = {term}, {term}
        for _ in range(steps):
            frontier = {n for t in frontier for n in (*terms.get(t, {}).get("parents", ()), *children[t])} - seen
            seen |= frontier
        return seen

    return _Lazy(near)


class _Lazy(dict):
    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        self[key] = value = self.make(key)
        return value


def expected_findings(hpo_ids, read_as, near) -> list[set[str]]:
    """For each expected HPO id, the finding ids that would count as reading it (empty: none of ours)."""
    return [{f for f, ids in read_as.items() if ids & near[hpo]} for hpo in hpo_ids]


def matches(expected: list[set[str]], got: set[str]) -> bool:
    """Every expected term read by some finding, and every finding read accounted for by an expected term."""
    return all(options & got for options in expected) and all(any(f in o for o in expected) for f in got)


def read(kb, text):
    from explorer import explore

    result = explore([text], kb=kb)
    history_ids = {s.id for s in kb.symptoms.values() if s.kind == "history"}
    # time course and pattern (onset, spread, sides, severity) qualify findings; the sets list findings only
    present = {r.symptom.id for r in result.recognized if r.symptom.kind != "course"}
    flags = {f.id: f.level for f in result.red_flags}
    return {
        "present": present - history_ids,
        "history": present & history_ids,
        "absent": {r.symptom.id for r in result.absent},
        "flags": flags,
        "level": max((flags.values()), key=LEVELS.index, default="none"),
        "someone_else": any(u.someone_else for u in result.unrecognized),
        "conditions": {u.condition.id for u in result.unrecognized if u.condition and not u.someone_else},
    }


def score(item, got, read_as, near) -> dict[str, bool]:
    want = item["expect"]
    history = [k for k in want.get("history") or [] if k != "family_history" and not k.startswith("autoimmune")]
    expected_history = [{HISTORY[k]} if HISTORY.get(k) else set() for k in history]
    present_ok = matches(expected_findings(want.get("present") or [], read_as, near), got["present"])
    absent_ok = matches(expected_findings(want.get("absent") or [], read_as, near), got["absent"])
    history_ok = matches(expected_history, got["history"])
    family_ok = ("family_history" in (want.get("history") or [])) <= got["someone_else"]
    level_ok = got["level"] == want.get("urgent", "none")
    flag = PRESENTATION.get(want.get("urgent_presentation") or "")
    return {
        "exact": present_ok and absent_ok and history_ok and family_ok and level_ok,
        "level": level_ok,
        "flag": bool(flag) and got["flags"].get(flag) == want.get("urgent"),
        "any_flag": bool(got["flags"]),
    }


def wrong_polarity(item, got, read_as, near, urgent_ids) -> int:
    """Urgent findings read with the wrong polarity: expected present and read absent (and not present), or
    expected absent and read present. The issue's target is none."""
    want = item["expect"]
    wrong = 0
    for options in expected_findings(want.get("present") or [], read_as, near):
        mine = options & urgent_ids
        wrong += bool(mine & got["absent"]) and not mine & got["present"]
    for options in expected_findings(want.get("absent") or [], read_as, near):
        wrong += bool(options & urgent_ids & got["present"])
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["test", "dev", "all"], default="test")
    parser.add_argument("--misses", type=int, default=0, help="print this many missed items (never on the test half)")
    parser.add_argument("--urgent", action="store_true", help="list only the misses of urgent items (with --misses)")
    parser.add_argument(
        "--set",
        choices=["a", "b", "c", "e", "f", "g", "h", "i", "j", "k", "l", "m"],
        default="a",
        help="b, f, g, h, i and l: never tuned on (all of it); c, e, j, k and m: written for tuning (all of it, misses"
        " listed); a: split into a tuning half (dev) and a held-out half (test)",
    )
    args = parser.parse_args()
    if args.set in ("b", "f", "g", "h", "i", "l") and args.misses:
        parser.error(f"set {args.set.upper()} is never tuned on: its misses are not listed")
    from build_hpo_index import ontology_files, read_obo

    from explorer import load_knowledge

    items = yaml.safe_load((ROOT / "tests" / "blind" / f"reading_{args.set}.yaml").read_text(encoding="utf-8"))
    dev, test = split(items)
    chosen = items if args.set in WHOLE else {"test": test, "dev": dev, "all": items}[args.half]
    files = ontology_files(fetch=True)
    terms = read_obo(files["hp.obo"])[1] if files else {}
    near = neighbourhood(terms) if terms else _Lazy(lambda t: {t})
    kb = load_knowledge()
    read_as = finding_terms(kb)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    urgent, missed = Counter(), []
    urgent_ids = {s.id for s in kb.symptoms.values() if s.urgent_note}
    for item in chosen:
        got = read(kb, item["text"])
        s = score(item, got, read_as, near)
        urgent["polarity"] += wrong_polarity(item, got, read_as, near, urgent_ids)
        kind = by_kind[item["kind"]]
        kind["n"] += 1
        kind["exact"] += s["exact"]
        if item["expect"].get("urgent", "none") != "none":
            urgent["n"] += 1
            urgent["level"] += s["level"]
            urgent["flag"] += s["flag"]
        if item["kind"] == "near_miss":
            urgent["calm"] += 1
            urgent["calm_flagged"] += s["any_flag"]
        if not s["exact"] and (not args.urgent or not s["level"]):
            missed.append((item, got))
    total = sum(by_kind.values(), Counter())
    half = "whole set" if args.set in WHOLE else f"{args.half} half"
    print(f"Blind set {args.set.upper()}, {half}: {total['n']} descriptions")
    print(f"  read exactly: {total['exact']}/{total['n']} ({total['exact'] / total['n']:.0%})")
    for kind, c in sorted(by_kind.items()):
        print(f"    {kind:<13} {c['exact']:>4}/{c['n']:<4} ({c['exact'] / c['n']:.0%})")
    if urgent["n"]:
        n = urgent["n"]
        print(
            f"  urgent presentations: right level {urgent['level']}/{n} ({urgent['level'] / n:.0%}),"
            f" right warning {urgent['flag']}/{n} ({urgent['flag'] / n:.0%})"
        )
    if urgent["calm"]:
        share = urgent["calm_flagged"] / urgent["calm"]
        print(f"  calm near-misses raising a warning: {urgent['calm_flagged']}/{urgent['calm']} ({share:.0%})")
    print(f"  urgent findings read with the wrong polarity: {urgent['polarity']}")
    if args.misses and (args.set in TUNED or args.half != "test"):
        for item, got in missed[: args.misses]:
            print(f"- {item['id']} {item['text']!r}\n  expected {item['expect']}\n  read {got}")


if __name__ == "__main__":
    main()
