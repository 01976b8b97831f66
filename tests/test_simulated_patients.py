"""The simulated-patient benchmark draws patients as its docstring says (on a small made-up ontology, so the
test needs no ontology download)."""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from simulated_patients import ancestors, frequency, simulate  # noqa: E402

TERMS = {
    "HP:0000118": {"parents": ["HP:0000001"]},
    "HP:1": {"parents": ["HP:0000118"]},
    "HP:11": {"parents": ["HP:1"]},
    "HP:12": {"parents": ["HP:1"]},
    "HP:13": {"parents": ["HP:1"]},
    "HP:14": {"parents": ["HP:1"]},
    "HP:15": {"parents": ["HP:1"]},
    "HP:16": {"parents": ["HP:1"]},
    "HP:2": {"parents": ["HP:0000118"]},
    "HP:21": {"parents": ["HP:2"]},
    "HP:22": {"parents": ["HP:2"]},
}
PROFILE = {"HP:11": 0.9, "HP:12": 0.9, "HP:13": 0.55, "HP:14": 0.55, "HP:15": 0.17, "HP:16": 0.025}
NOISE = ["HP:11", "HP:1", "HP:21", "HP:22"]


def test_frequencies_follow_the_hpo_categories_and_counts():
    assert frequency("HP:0040281") == 0.9
    assert frequency("3/4") == 0.75
    assert frequency("20%") == 0.2
    assert frequency("") == 0.55


def test_even_patients_get_one_unrelated_term_and_odd_ones_a_parent():
    rng = random.Random(1)
    for number in range(200):
        patient = simulate(PROFILE, number, rng, TERMS, NOISE)
        drawn = [t for t in patient if t in PROFILE]
        if number % 2 == 0:
            assert 3 <= len(drawn) <= 6 and len(patient) == len(drawn) + 1
            assert patient[-1] in {"HP:21", "HP:22"}  # never the condition's own term or one of its ancestors
        else:
            assert 3 <= len(patient) <= 6
            assert len(drawn) == len(patient) - 1 and "HP:1" in patient  # one term replaced by its parent
        assert len(set(patient)) == len(patient)


def test_frequent_terms_are_drawn_more_often_and_the_draw_is_seeded():
    rng = random.Random(7)
    drawn = [t for n in range(400) for t in simulate(PROFILE, 0, rng, TERMS, NOISE)]
    assert drawn.count("HP:11") > 2 * drawn.count("HP:16")
    again = random.Random(7)
    assert [simulate(PROFILE, 1, again, TERMS, NOISE) for _ in range(3)] == [
        simulate(PROFILE, 1, r, TERMS, NOISE) for r in [random.Random(7)] for _ in range(3)
    ]
    assert ancestors("HP:11", TERMS) == {"HP:1", "HP:0000118", "HP:0000001"}
