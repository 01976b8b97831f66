"""Emergencies a fresh review (review9, 2026-12-04) found silenced or lowered by the day's reader and time-course
rounds, each with the calm wording next to it that must stay calm."""

import pytest

from tests.test_reader_urgent_classes import run


def _flags(text: str) -> set[str]:
    return {flag["id"] for flag in run("match", text)["red_flags"]}


# A leak that nearly happened is no leak ("explained": nearly wet myself), but one that then happened, or came
# unfelt, is the bladder emergency ("serious" words keep it).
@pytest.mark.parametrize(
    "text",
    [
        "I almost wet myself and then did, didn't even notice",
        "nearly wet myself because I can't feel when my bladder is full",
    ],
)
def test_a_leak_that_then_happened_or_came_unfelt_warns(text):
    assert "bladder_bowel" in _flags(text)


@pytest.mark.parametrize("text", ["I nearly wet myself laughing", "I nearly wet myself"])
def test_a_leak_that_nearly_happened_stays_calm(text):
    assert not _flags(text)


# One hand or foot going numb or tingly over days, with a side word and an everyday cause, is a nerve's, not the
# one-side-over-days emergency (data/time_course.yaml gradual.one_site); an arm and a leg, or a weakness, still is.
@pytest.mark.parametrize(
    "text",
    [
        "over the last few days my left hand has slowly got tingly at night, shaking it helps",
        "my right hand has gradually gone numb over a few days since I started using a new mouse at work",
        "over the last few days my left foot has gradually gone numb since I started wearing tight boots",
    ],
)
def test_one_hand_or_foot_numb_over_days_is_no_emergency(text):
    assert "one_side_over_days" not in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "over the last ten days my left arm and leg have gradually gone numb",
        "since two days my left hand and leg are becoming weak slowly",
        "my right leg has gradually gone numb and weak over the week",
    ],
)
def test_a_side_or_a_weakness_grown_over_days_still_warns(text):
    assert "one_side_over_days" in _flags(text)


# A mini-stroke named within the last day, undated, or happening now is the emergency its own card says it is
# (data/time_course.yaml passed_warning.recent); named days ago it is the see-a-doctor-within-a-day warning.
@pytest.mark.parametrize(
    "text",
    [
        "I had a mini-stroke an hour ago",
        "I had a TIA today",
        "i think im having a tia",
        "could this be a mini stroke? my arm went weak for 5 mins",
        "I had a TIA this morning, fine now",
    ],
)
def test_a_mini_stroke_within_the_last_day_is_an_emergency(text):
    assert "stroke_warning_recent" in _flags(text)


@pytest.mark.parametrize("text", ["I had a TIA on Sunday", "I had a mini stroke last week"])
def test_a_mini_stroke_days_ago_needs_a_doctor_within_a_day(text):
    assert _flags(text) == {"stroke_warning_passed"}


def test_a_mini_stroke_years_ago_is_history():
    assert not _flags("I had a TIA years ago")


# A second review (review10) of the mends above.
@pytest.mark.parametrize(
    "text, flag",
    [
        ("he's not breathing after he fell", "breathing"),
        ("she isn't breathing properly since the seizure", "breathing"),
        ("she isnt waking up after the fall", "sudden_confusion"),
        ("I can't feel anything from my waist down since this morning", "paralysis"),
        ("my wife is having a TIA right now", "stroke_warning_recent"),
        ("my mum just had a mini stroke", "stroke_warning_recent"),
        ("mum thinks I had a mini stroke this morning", "stroke_warning_recent"),
        ("had a wee TIA this morning", "stroke_warning_recent"),
        ("had a possible TIA at lunch", "stroke_warning_recent"),
    ],
)
def test_review10_emergencies_warn(text, flag):
    assert flag in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "they ruled out a TIA",
        "my doctor ruled out a mini-stroke yesterday",
        "I had a mini stroke of panic",
        "he's not breathing in the smoke",
        "what if he's not breathing after the op",
    ],
)
def test_review10_calm_wordings_stay_calm(text):
    assert not _flags(text)
