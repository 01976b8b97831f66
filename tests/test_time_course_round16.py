"""Round 16 of the time course look-alikes (issue 21): a face weak on both sides is its own finding (HPO
Bilateral facial palsy), read through the reader and the ranking on wordings of our own, with urgent twins.

- "both sides of my face have gone weak" is no face drooping on one side and raises no stroke warning, but a
  same-day warning of its own;
- after a tick bite it suggests infection-related neuropathy (Lyme disease) first;
- one side of the face that drops, or a face that goes weak suddenly, stays the emergency."""

import pytest

from explorer import explore


def read(text: str) -> set[str]:
    return {r.symptom.id for r in explore([text]).recognized}


def flags(text: str) -> set[str]:
    return {flag.id for flag in explore([text]).red_flags}


@pytest.mark.parametrize(
    "text",
    [
        "Over the last few days both sides of my face have gone weak.",
        "My face is weak on both sides since Tuesday.",
        "bilateral facial palsy",
    ],
)
def test_a_face_weak_on_both_sides_is_its_own_finding_with_a_same_day_warning(text):
    assert "facial_weakness_both_sides" in read(text)
    assert "face_drooping" not in read(text)
    assert "one_sided_weakness" not in flags(text)
    assert "face_weak_both_sides" in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "One side of my face dropped suddenly an hour ago.",
        "My face is drooping on the left.",
        "Suddenly both sides of my face went weak.",
    ],
)
def test_a_face_drooping_on_one_side_or_weak_all_at_once_stays_the_emergency(text):
    assert "one_sided_weakness" in flags(text)


def test_a_face_weak_on_both_sides_weeks_after_a_tick_bite_suggests_lyme_first():
    text = (
        "A month ago I pulled a tick off my leg and a red ring spread around it. This week both sides of my face "
        "have gone weak."
    )
    result = explore([text])
    assert result.suggestions[0].condition.id == "infection_related_neuropathy"
    assert "face_weak_both_sides" in {flag.id for flag in result.red_flags}


def test_weakness_on_both_sides_of_the_body_is_no_one_sided_weakness():
    text = "I have been feeling weak on both sides for a week."
    assert "one_sided_weakness" not in flags(text)


def test_a_face_weak_on_both_sides_told_of_someone_else_is_not_read_as_the_readers_own():
    # their warning is still shown (as for a face drooping told of someone else), never an emergency of ours
    text = "My neighbour says both sides of his face have gone weak."
    assert "facial_weakness_both_sides" not in read(text)
    assert "one_sided_weakness" not in flags(text)
