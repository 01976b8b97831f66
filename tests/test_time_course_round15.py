"""Round 15 of the time course look-alikes (issue 21): the classes behind development set J's misses, each tested
through the reader and the ranking on wordings of our own, with its calm or urgent twin.

- a side named of a nerve's small part (a shin, a thumb, a finger) counts toward nerves hit one after another;
- nerves hit one after another with a lasting infection suggest infection-related neuropathy;
- "finished" is no "fine": "I finished chemo for bowel cancer" is no loss of bowel control;
- "a two-week holiday" tells how long the holiday lasted, not when the findings began;
- a tick found on the skin is a tick bite (a tick never found is none);
- findings there "for years before that" do not follow the event told before them."""

import pytest

from explorer import explore


def read(text: str) -> set[str]:
    return {r.symptom.id for r in explore([text]).recognized}


def flags(text: str) -> set[str]:
    return {flag.id for flag in explore([text]).red_flags}


def first(text: str) -> str:
    return explore([text]).suggestions[0].condition.id


@pytest.mark.parametrize(
    "text",
    [
        "Last month a painful numb spot came up on my right shin, and ten days later my left wrist went limp.",
        "My left foot dropped suddenly a fortnight ago, then the right thumb and two fingers went numb overnight.",
        "Over three weeks the right calf went numb, then the left hand lost its grip.",
    ],
)
def test_left_and_right_told_of_a_nerves_small_part_and_another_limb_are_nerves_hit_one_after_another(text):
    assert "symmetry_patchy" in read(text)
    assert "symmetry_one_side" not in read(text)


def test_one_side_told_of_a_shin_and_a_foot_is_still_one_side():
    text = "For two weeks my left shin has been numb and my left foot tingles."
    assert "symmetry_patchy" not in read(text)


def test_a_patchy_picture_in_lupus_ranks_lupus_first_with_its_same_day_warning():
    text = (
        "I have lupus. Three weeks ago my right foot dropped all of a sudden, and since last night the left "
        "thumb and first finger are numb and sore."
    )
    assert first(text) == "systemic_lupus_erythematosus"
    assert "nerves_one_after_another" in flags(text)


def test_nerves_hit_one_after_another_with_hepatitis_c_suggest_infection_related_neuropathy():
    text = (
        "I have had hepatitis C for years. Over ten days I've had sudden burning numbness, first in my left foot, "
        "then my right shin, then my left hand."
    )
    ids = [s.condition.id for s in explore([text]).suggestions]
    assert "infection_related_neuropathy" in ids[:2]
    assert "time.patchy-with-infection" in next(
        s.rules for s in explore([text]).suggestions if s.condition.id == "infection_related_neuropathy"
    )


@pytest.mark.parametrize(
    "text",
    [
        "I finished my chemo for bowel cancer in March and my toes have tingled since.",
        "She finished treatment for bladder cancer last year; her fingertips are numb.",
        "He's finishing radiotherapy for bowel cancer and his feet tingle.",
    ],
)
def test_finishing_a_treatment_for_a_bowel_or_bladder_cancer_is_no_loss_of_control(text):
    assert "bladder_bowel_loss" not in read(text)
    assert "bladder_bowel" not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "My bowels have given up, I can't control them and my legs are weak since yesterday.",
        "My legs are finished, they won't move at all since this morning.",
    ],
)
def test_lost_control_and_limbs_that_are_finished_still_warn(text):
    assert flags(text)


def test_a_holiday_of_two_weeks_is_no_onset_of_months_of_numbness():
    text = (
        "Over months my feet and then my hands have gone numb and weak, evenly on both sides. "
        "It got a little better during my two-week holiday."
    )
    assert "onset_acute" not in read(text) and "onset_chronic" in read(text)
    assert not flags(text)


@pytest.mark.parametrize("holiday", ["", " It was a bit better during my two-day trip."])
def test_days_of_climbing_weakness_still_warn_beside_a_holiday(holiday):
    text = "For ten days my feet and then my hands have gone numb and weak, and it is climbing up my legs." + holiday
    assert "onset_acute" in read(text)
    assert "spreading_weakness" in flags(text)


def test_a_tick_found_on_the_skin_is_a_tick_bite_and_one_never_found_is_none():
    text = "A month ago I found a tick on my leg and a red ring came up. Now my face is weak and my arm burns."
    assert "course_after_tick_bite" in read(text)
    assert "course_after_tick_bite" not in read("I walk in the woods but I never found a tick. My feet tingle.")


def test_findings_there_years_before_an_event_do_not_follow_it():
    before = (
        "I had chemotherapy for breast cancer last year. My toes had been going numb for ten years before that, "
        "evenly in both feet."
    )
    after = (
        "I had chemotherapy for breast cancer last year. Since then my toes have been going numb, evenly in both feet."
    )
    assert "course_follows_exposure" not in read(before)
    assert "course_follows_exposure" in read(after)
