"""Exact reading, round 16 of issue 20 (classes of the dev sets' misses): limbs that cannot move at all named
the clinical way (paraplegia, tetraplegia) are paralysis; choking episodes are trouble swallowing; heavy
sweating is read as a finding of its own (shown, never evidence), with night sweats kept apart; and a denied
weakness ("no weakness", "I'm not weak") denies muscle weakness, while feeling weak stays feeling weak all
over. Phrasings are the project's own, written for these tests (never items of a blind set)."""

import pytest

from tests.test_reader_exact_classes import read
from tests.test_reader_urgent_classes import run


def flags(text: str) -> set:
    return {f["id"] for f in run("match", text)["red_flags"]}


@pytest.mark.parametrize("text", ["sudden paraplegia since this morning", "acute tetraplegia", "complete paraplegia"])
def test_paraplegia_and_tetraplegia_read_as_paralysis(text):
    assert read(text).get("paralysis") is True


def test_sudden_paraplegia_raises_the_paralysis_warning():
    assert "paralysis" in flags("sudden paraplegia since this morning")


@pytest.mark.parametrize("text", ["choking episodes at every meal", "recurrent choking episodes when I drink"])
def test_choking_episodes_read_as_trouble_swallowing(text):
    assert read(text).get("trouble_swallowing") is True


def test_choking_episodes_denied_are_absent():
    assert read("no choking episodes").get("trouble_swallowing") is False


SWEATING = [
    ("I'm sweating buckets and my chest hurts", {"sweating": True, "chest_pain": True}),
    ("clammy and sweaty all afternoon", {"sweating": True}),
    ("patient diaphoretic", {"sweating": True}),
    ("no sweating", {"sweating": False}),
]


@pytest.mark.parametrize("text,want", SWEATING)
def test_heavy_sweating_is_read(text, want):
    got = read(text)
    assert {k: v for k, v in got.items() if k in want} == want


@pytest.mark.parametrize(
    "text",
    ["I sweat a lot at night", "I wake up sweating", "I'm sweating a lot at night", "sweaty at night", "I wake up soaked in sweat"],
)
def test_sweating_at_night_stays_night_sweats(text):
    got = read(text)
    assert got.get("night_sweats") is True
    assert "sweating" not in got


def test_sweating_is_shown_never_used_as_evidence():
    got = run("match", "I'm sweating a lot")
    assert got["red_flags"] == []
    assert any(m["symptom"]["id"] == "sweating" for m in run("parse", "I'm sweating a lot")["mentions"])


def test_chest_pain_with_sweating_still_warns():
    assert "chest_pain" in flags("crushing chest pain and I'm sweating")


DENIED_WEAKNESS = [
    "no weakness",
    "Nil weakness. Sensation intact.",
    "I'm not weak, only tired",
    "no weakness and no numbness, just tingling in my toes",
]


@pytest.mark.parametrize("text", DENIED_WEAKNESS)
def test_a_denied_weakness_denies_muscle_weakness(text):
    got = read(text)
    assert got.get("muscle_weakness") is False
    assert "general_weakness" not in got


@pytest.mark.parametrize("text", ["I feel weak all over", "I've been feeling weak since the flu"])
def test_feeling_weak_is_still_weakness_all_over(text):
    assert read(text).get("general_weakness") is True


def test_a_denied_weakness_of_the_legs_stays_the_legs():
    assert read("no weakness in my legs").get("leg_weakness") is False
