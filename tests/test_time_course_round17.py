"""Round 17 of the time course (issue 21): numbness that climbed to a level on the trunk within hours is an
emergency, over days numbness that spreads; a slow climb or a relapse beside earlier episodes keeps its own
reading; the hands or wrists too weak to lift or grip are a severity; a face that stopped moving is the stroke's."""

import pytest

from tests.readings import present, warnings

LEVEL = "numbness_to_a_level"


@pytest.mark.parametrize(
    "text",
    [
        "My feet went numb this morning and by lunchtime the numbness was up to my waist.",
        "Within a few hours the tingling has crept up from my feet to my chest.",
        "Numbness started in my feet at breakfast and now it's up to my belly button.",
        "Since this morning I've been numb from the waist down.",
    ],
)
def test_numbness_up_to_the_trunk_within_hours_is_an_emergency(text):
    assert warnings(text).get(LEVEL) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "My toes went numb on Monday and now the numbness is up to my belly button.",
        "The tingling started in my feet three days ago and now it's up to my waist.",
        "Since Tuesday the tingling has crept up from my feet to my chest.",
        "Since Sunday I've had numbness climbing from both feet up to a tight band around my stomach.",
    ],
)
def test_numbness_up_to_the_trunk_over_days_warns_within_a_day(text):
    """The development sets tell a climb to the trunk over days as numbness that spreads (data/time_course.yaml,
    `quick_level`): the same-day warning, whose action sends a person to the emergency department if weakness joins."""
    got = warnings(text)
    assert got.get("spreading_numbness") == "same_day"
    assert LEVEL not in got
    assert {"spread_ascending", "spread_to_a_level"} <= present(text)


@pytest.mark.parametrize(
    "text",
    [
        # slow: the length-dependent climb of years
        "My feet have been numb for years and it is slowly creeping up to my ankles.",
        "My feet have been numb for years and over time it has crept up to my waist.",
        # up to the knees within hours: numbness that spreads, no level on the trunk
        "This morning my toes started tingling, and now the tingling is up to my knees.",
        # not a nerve symptom: a rash that spread is no level on the body
        "Since this morning the rash has spread up to my belly.",
        # a climb up the legs, and the stomach named apart
        "Since this morning the tingling has crept up my legs and my stomach hurts.",
    ],
)
def test_a_slow_low_or_other_climb_raises_no_level_emergency(text):
    assert LEVEL not in warnings(text)


def test_the_slow_climb_stays_calm():
    assert warnings("My feet have been numb for years and it is slowly creeping up to my ankles.") == {}


@pytest.mark.parametrize(
    "text",
    [
        # an earlier episode that recovered: a relapse in the spinal cord, told as numbness that spreads (same day)
        "Last year my left eye hurt when I moved it and went blurry for a month, then got better. Since this morning "
        "I've had numbness climbing from both feet up to a tight band around my stomach.",
        "I have MS. Since this morning the numbness has climbed from my feet up to my waist.",
    ],
)
def test_a_level_in_a_relapse_keeps_the_same_day_warning(text):
    got = warnings(text)
    assert LEVEL not in got
    assert got.get("spreading_numbness") == "same_day"


def test_the_level_is_read_beside_the_climb():
    read = present("My feet went numb this morning and by lunchtime the numbness was up to my waist.")
    assert {"spread_ascending", "spread_to_a_level", "course_level_quickly"} <= read


@pytest.mark.parametrize(
    "text",
    [
        "I can't lift my wrists.",
        "Both my wrists have gone weak so I can't lift my hands or fingers.",
        "My hands are so weak I can't hold a cup.",
        "I couldn't lift my hands off the table this morning.",
    ],
)
def test_hands_or_wrists_too_weak_to_lift_or_grip_are_a_severity(text):
    assert "severity_cannot_use_hands" in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "In the last three weeks both my wrists have gone weak so I can't lift my hands or fingers.",
        "Since Monday both my wrists have gone weak and I can't lift my hands.",
    ],
)
def test_hands_too_weak_to_lift_within_days_or_weeks_warn_as_walking_does(text):
    assert warnings(text).get("spreading_weakness") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "For years my hands have been weak and I can't lift my wrists.",
        "I can't lift my hands above my head when I have a bad shoulder day.",
    ],
)
def test_hands_too_weak_for_years_stay_calm(text):
    assert "spreading_weakness" not in warnings(text)


@pytest.mark.parametrize(
    "text",
    ["Half my face isn't moving.", "One side of my face dropped suddenly.", "My face is drooping."],
)
def test_a_face_that_droops_or_stops_moving_is_the_stroke_emergency(text):
    assert warnings(text).get("one_sided_weakness") == "emergency"


def test_a_face_not_moving_in_photos_is_no_warning():
    assert warnings("I'm not moving my face much when I smile in photos.") == {}
