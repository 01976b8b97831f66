"""Findings told as over by the end of their episode, and urine told as hard to pass (issue 20, round 19): "gone
now", "gone by the time I got home", "fine once I warmed up", "fine as soon as I sat down" end a calm finding told
before them; a warning sign told as lately passed still warns; "no trouble weeing" denies trouble passing urine,
where "trouble weeing" reads it. Phrasings are the project's own, never items of a blind set."""

import pytest

from tests.readings import absent, present, warnings

OVER = [
    ("tingling in my toes at the bus stop, gone now", "tingling"),
    ("my fingers went numb holding the ice pack, gone by the time I got home", "numbness"),
    ("my ears and nose went numb on the ski lift, fine once I warmed up", "numbness"),
    ("I felt the room spin on the swing, fine as soon as I sat down", "vertigo"),
    ("a cramp in my foot at the pool woke me, gone now", "muscle_cramps"),
]


@pytest.mark.parametrize(("text", "finding"), OVER)
def test_a_calm_finding_told_as_over_is_absent_and_warns_of_nothing(text, finding, kb):
    assert finding in absent(text, kb)
    assert finding not in present(text, kb)
    assert warnings(text, kb) == {}


STILL_THERE = [
    ("tingling in my toes at the bus stop", "tingling"),
    ("my ears went numb on the ski lift and they still are", "numbness"),
]


@pytest.mark.parametrize(("text", "finding"), STILL_THERE)
def test_the_same_finding_not_told_as_over_is_present(text, finding, kb):
    assert finding in present(text, kb)


PASSED_WARNINGS = [
    "my speech went slurred this morning, gone now",
    "my face drooped on one side an hour ago, gone by the time the ambulance came",
    "I lost the sight in one eye this morning, fine once I lay down",
]


@pytest.mark.parametrize("text", PASSED_WARNINGS)
def test_a_warning_sign_told_as_lately_over_still_warns(text, kb):
    assert warnings(text, kb)


def test_a_finding_that_settles_each_time_with_a_cause_stays_present(kb):
    assert "tremor" in present("my hands shake a little when I skip lunch, fine after a snack", kb)


def test_never_since_ends_a_finding_told_before_it(kb):
    text = "the pins and needles in my hands from the cold snap, never since"
    assert "tingling" not in present(text, kb)


@pytest.mark.parametrize("text", ["I have trouble weeing", "some difficulty passing water lately"])
def test_urine_told_as_hard_to_pass_reads_hesitancy_not_a_warning(text, kb):
    assert "urinary_hesitancy" in present(text, kb)
    assert warnings(text, kb) == {}


@pytest.mark.parametrize(
    "text", ["numb toes, no trouble weeing", "sore knees, no difficulty passing water", "no trouble peeing"]
)
def test_no_trouble_passing_urine_is_absent(text, kb):
    assert "urinary_hesitancy" in absent(text, kb)
    assert "bladder_bowel_loss" not in present(text, kb)


@pytest.mark.parametrize(
    "text",
    [
        "I'm struggling to pee and nothing comes out since this morning",
        "I can't pee at all since last night",
    ],
)
def test_urine_that_will_not_come_still_warns(text, kb):
    assert warnings(text, kb).get("bladder_bowel") == "emergency"


# A function said to be normal: absent only where the normal word closes it
@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("burning soles, but I can walk fine", "unsteady_walking"),
        ("walking is normal, my fingertips tingle", "unsteady_walking"),
        ("tingling in my thumb, my legs are fine", "leg_weakness"),
        ("numb heel, my bladder is normal", "bladder_bowel_loss"),
    ],
)
def test_a_function_told_as_normal_is_absent(text, finding, kb):
    assert finding in absent(text, kb)
    assert warnings(text, kb) == {}


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("a fine tremor comes when I swallow", "trouble_swallowing"),
        ("such a fine evening for a walk", "unsteady_walking"),
        ("fine tingling in my legs", "leg_weakness"),
    ],
)
def test_a_normal_word_that_closes_nothing_names_nothing(text, finding, kb):
    assert finding not in present(text, kb)
    assert finding not in absent(text, kb)


@pytest.mark.parametrize(
    ("text", "finding"),
    [("my eyesight is not normal", "vision_loss"), ("my swallowing isn't fine", "trouble_swallowing")],
)
def test_a_function_denied_normal_is_not_read_absent(text, finding, kb):
    assert finding not in absent(text, kb)


@pytest.mark.parametrize(
    ("text", "finding"),
    [("I can't breathe fine lying flat tonight", "trouble_breathing"), ("I can't walk fine", "unsteady_walking")],
)
def test_cannot_do_it_fine_is_the_finding_there(text, finding, kb):
    assert finding in present(text, kb)
    assert finding not in absent(text, kb)


@pytest.mark.parametrize(
    "text",
    [
        "my legs were fine on Saturday, now I can barely stand and my arms are going",
        "I could walk fine on Monday, now my legs won't hold me and my hands are weak",
    ],
)
def test_normal_before_a_quick_loss_denies_nothing_and_still_warns(text, kb):
    assert "leg_weakness" not in absent(text, kb)
    assert "unsteady_walking" not in absent(text, kb)
    assert warnings(text, kb)
