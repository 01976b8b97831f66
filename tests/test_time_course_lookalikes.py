"""The ranking separates look-alikes by the time course read, not by the words of the items: the same person,
the same findings named, told with another duration, spread or course (issue 21). Through `match`, as a
learner types; each text says its time in a form read as structure (explorer/language/dating.py, moves.py)."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def matched(text: str) -> tuple[str, set[str]]:
    done = CliRunner().invoke(cli, ["match", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    result = json.loads(done.stdout)
    return result["suggestions"][0]["condition"]["id"], {f["id"] for f in result["red_flags"]}


PAIRS = [
    # (slow picture, its first; quick picture, its first and the warning it raises)
    (
        "I've had diabetes for 12 years. For 5 yrs my legs have been weak and numb, both sides the same, "
        "starting in the toes and working its way up to my knees.",
        "diabetic_neuropathy",
        "I've had diabetes for 12 years. For 5 days my legs have been weak and numb, both sides the same, "
        "starting in the toes and working its way up to my knees.",
        "guillain_barre_syndrome",
    ),
    (
        "I drink a bottle of wine a day. For donkey's years both feet have burned and my legs feel weak, and "
        "it has crept up to my shins.",
        "alcohol_related_neuropathy",
        "I drink a bottle of wine a day. Since the weekend both feet have burned and my legs feel weak, and "
        "it has crept up to my shins.",
        "guillain_barre_syndrome",
    ),
]


@pytest.mark.parametrize("slow,slow_first,quick,quick_first", PAIRS)
def test_the_same_findings_told_slow_or_quick_rank_their_own_look_alike_first(slow, slow_first, quick, quick_first):
    first, flags = matched(slow)
    assert first == slow_first and "spreading_weakness" not in flags, (first, flags)
    first, flags = matched(quick)
    assert first == quick_first and "spreading_weakness" in flags, (first, flags)


def test_weeks_of_climbing_weakness_after_a_gut_infection_is_guillain_barre_with_its_warning():
    first, flags = matched(
        "I've had diabetes for 12 years. Three weeks after a tummy bug my legs started getting weak, starting in "
        "my feet and working its way up to my hips."
    )
    assert first == "guillain_barre_syndrome" and "spreading_weakness" in flags, (first, flags)


def test_numbness_climbing_with_bladder_urgency_after_an_episode_that_recovered_is_multiple_sclerosis():
    cord = (
        "Two years ago my right eye was blurred and painful for three weeks, which recovered fully. Now, over four "
        "days, numbness has risen from my feet to a band at my waist, and I keep needing to pee urgently."
    )
    assert matched(cord)[0] == "multiple_sclerosis"
    # the same climb without the earlier episode is the nerves' (no relapse: the rule needs one)
    first, _ = matched(
        "Over four days numbness has risen from my feet to my waist, and I keep needing to pee urgently."
    )
    assert first != "multiple_sclerosis"


def suggestions(text: str) -> list[str]:
    done = CliRunner().invoke(cli, ["match", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return [s["condition"]["id"] for s in json.loads(done.stdout)["suggestions"]]


def test_a_value_of_a_one_value_dimension_weighs_against_a_condition_whose_hallmark_is_another():
    # a patchy picture is not one alike on both sides: Guillain-Barre (its hallmark) falls behind the
    # vasculitic look-alikes, though nothing was reported absent
    patchy = (
        "My joints are swollen and painful. A month ago my right foot dropped, then my left hand went numb, "
        "one nerve after another."
    )
    order = suggestions(patchy)
    assert order.index("rheumatoid_arthritis") == 0
    assert "guillain_barre_syndrome" not in order[:2], order
    done = CliRunner().invoke(cli, ["match", "--format", "json", patchy])
    assert all(not s["strength_lowered"] for s in json.loads(done.stdout)["suggestions"])  # nothing reported absent


def test_in_a_patchy_picture_a_hand_or_foot_gone_weak_is_the_nerves_not_a_stroke():
    text = (
        "I've had rheumatoid arthritis since 2010. First my right foot dropped, then two weeks later my left wrist "
        "went weak, and now the thumb side of my right hand is numb."
    )
    first, flags = matched(text)
    assert first == "rheumatoid_arthritis"
    assert "nerves_one_after_another" in flags and "one_sided_weakness" not in flags, flags
    # without nerves hit one after another, a hand gone weak on one side keeps the stroke warning
    done = CliRunner().invoke(
        cli, ["match", "--format", "json", "This morning my left hand went weak and I can't lift it."]
    )
    assert "one_sided_weakness" in {f["id"] for f in json.loads(done.stdout)["red_flags"]}, done.stdout


def test_a_hand_gone_weak_within_the_hour_keeps_the_stroke_warning_in_a_patchy_picture():
    # nerves hit one after another explain a weak hand over days, not one that came on in the last hour
    def flags(text: str) -> set[str]:
        done = CliRunner().invoke(cli, ["match", "--format", "json", text])
        return {f["id"] for f in json.loads(done.stdout)["red_flags"]}

    sudden = flags("my right hand suddenly went weak an hour ago; last year my left foot dropped")
    assert "one_sided_weakness" in sudden, sudden
    over_weeks = flags("my right foot dropped two weeks ago, and this week my left wrist went weak")
    assert "one_sided_weakness" not in over_weeks and "nerves_one_after_another" in over_weeks, over_weeks


@pytest.mark.parametrize(
    "text",
    [
        "I've had diabetes for twenty years. Two days ago my left thigh became very painful and weak, and I can't "
        "straighten the knee; the other leg is fine.",
        "I have type 2 diabetes. Over the last week my right thigh has become very painful and weak, only on "
        "the right.",
        "I'm diabetic. Since Monday my left hip and thigh hurt badly and the leg is weak; the right leg is fine.",
    ],
)
def test_a_painful_thigh_gone_weak_on_one_side_in_diabetes_is_diabetic_amyotrophy(text):
    assert matched(text)[0] == "diabetic_neuropathy"


def test_legs_weak_on_both_sides_and_climbing_in_diabetes_stay_guillain_barre():
    # near miss: the same person, both legs, climbing, with aching thighs: the course of Guillain-Barre syndrome
    first, flags = matched(
        "I'm diabetic. Since Monday both my legs are weak and it is creeping up, and my thighs ache."
    )
    assert first == "guillain_barre_syndrome" and "spreading_weakness" in flags
