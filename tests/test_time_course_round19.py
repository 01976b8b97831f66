"""Round 19 of the time course (issue 21): a stabbing or shooting pain told along the strip where a band of
blisters lay is a nerve's pain (shingles), while a stabbing pain in the chest stays chest pain; weakness with
tingling on both sides that came on over a few weeks is seen within a day (over days it stays the emergency, and a
slow build over a year raises nothing)."""

import pytest

from explorer import explore
from tests.readings import present, warnings


def top(text: str, n: int = 3) -> list[str]:
    return [s.condition.id for s in explore([text]).suggestions[:n]]


@pytest.mark.parametrize(
    "text",
    [
        "Last week I had a band of blisters wrap around the right side of my chest, and now there's a burning, "
        "stabbing pain along exactly that strip.",
        "I had blisters in a band round my ribs last month and now I get shooting pains along the same strip.",
    ],
)
def test_a_pain_along_the_strip_of_a_band_of_blisters_is_nerve_pain(text):
    found = present(text)
    assert "nerve_pain" in found
    assert "recent_infection" in found  # the blisters stay read as the infection they are
    assert "chest_pain" not in warnings(text)


def test_shingles_pain_with_diabetes_puts_the_infection_first():
    text = (
        "My sugars have been poorly controlled for years. Last week I had a band of blisters wrap around the right "
        "side of my chest, and now there's a burning, stabbing pain along exactly that strip."
    )
    assert top(text, 1) == ["infection_related_neuropathy"]


@pytest.mark.parametrize(
    "text",
    [
        "I have a stabbing pain in my chest.",
        "I have a burning, stabbing pain in my chest.",
        "I have a stabbing pain in a band across my chest.",
    ],
)
def test_a_stabbing_pain_in_the_chest_keeps_the_chest_pain_emergency(text):
    assert warnings(text).get("chest_pain") == "emergency"


def test_someone_elses_pain_along_the_strip_is_not_read():
    text = "My friend had blisters in a band round her chest and now has stabbing pains along that strip."
    assert "nerve_pain" not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "I mixed sheep dip without gloves several times, and a few weeks later my feet and hands began to tingle and "
        "my legs feel weak, evenly on both sides.",
        "For the past few weeks both my legs have felt weak and my feet tingle on both sides.",
        "Over the last few weeks my feet and hands have started to tingle and my legs feel weak, evenly on both sides.",
    ],
)
def test_weakness_with_tingling_over_weeks_on_both_sides_is_seen_within_a_day(text):
    assert warnings(text) == {"weakness_over_weeks": "same_day"}


def test_the_same_over_days_stays_the_emergency():
    text = "Since yesterday both my legs have gone weak and my feet tingle on both sides."
    assert warnings(text).get("spreading_weakness") == "emergency"
    assert "weakness_over_weeks" not in warnings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Over the past year my feet have tingled and my legs feel weak on both sides.",
        "For the past few weeks my feet tingle on both sides, but my legs are not weak.",
        "My husband's legs have felt weak for the past few weeks and his feet tingle on both sides.",
    ],
)
def test_a_slow_build_a_denied_weakness_or_someone_elses_raise_no_warning(text):
    assert not warnings(text)
