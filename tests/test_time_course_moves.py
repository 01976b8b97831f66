"""Where findings moved and how they came back, read as structure (``moves`` in data/time_course.yaml,
explorer/language/moves.py): a word of moving and a direction or a higher part, one limb then another kind of
limb, a flare of the findings; and a duration that says how often, not how long. Through the CLI."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from tests.kbedit import assert_breakage_reported


def parsed(text: str) -> set[str]:
    """The ids of the present mentions of ``text``."""
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return {m["symptom"]["id"] for m in json.loads(done.stdout)["mentions"] if m["status"] == "present"}


@pytest.mark.parametrize(
    "text",
    [
        "it has spread from my feet up to my knees in three days",
        "the weakness started in my feet and has worked its way up over the weekend",
        "the numbness has travelled to my thighs since friday",
    ],
)
def test_a_word_of_moving_and_a_direction_or_a_higher_part_is_a_climb(text):
    assert "spread_ascending" in parsed(text)


def test_going_up_the_stairs_is_no_climb():
    assert "spread_ascending" not in parsed("my legs gave way when i went up the stairs")
    assert "spread_ascending" not in parsed("my legs are weak and i moved up the stairs slowly")


def test_one_limb_then_another_kind_is_patchy_and_one_then_the_same_is_not():
    assert "symmetry_patchy" in parsed("first one foot went numb, then the other hand")
    assert "symmetry_patchy" not in parsed("first one foot went numb, then the other foot")


def test_a_flare_of_the_findings_comes_and_goes_and_a_joint_flare_does_not():
    got = parsed("my tingling flares up every few months and then settles")
    assert "course_relapsing" in got
    assert "onset_chronic" not in got  # "every few months" says how often, not how long
    assert "course_relapsing" in parsed("the numbness keeps relapsing and remitting")
    assert "course_relapsing" in parsed("my hand went numb, got better after a month, and now it has returned")
    assert "course_relapsing" not in parsed("my RA flares up and my feet are numb")


def test_a_sentence_naming_only_a_course_value_is_read_for_the_rest_of_its_course():
    # "spread" names a course value by itself; the sentence was skipped as history and lost its onset
    assert {"onset_acute", "spread_ascending"} <= parsed("It has spread from my feet up to my knees in three days.")


@pytest.mark.parametrize(
    "old,new,needle,message",
    [
        ("  window: 5", "  window: many", "window: many", "moves.window: expected a whole number from 1 to 10"),
        (
            "    spread_descending: [down,",
            "    symmetry_patchy: [down,",
            "symmetry_patchy: [down",
            "is not a spread value",
        ),
        (
            "  patchy: symmetry_patchy",
            "  patchy: spread_ascending",
            "patchy: spread_ascending",
            "is not a symmetry value",
        ),
        ("  one: [one, first]", "  one: [one, at first]", "one: [one, at first]", "moves.one[1]: expected one word"),
        (
            "sites: [hands, feet],",
            "sites: [hands, paws],",
            "sites: [hands, paws]",
            "patchy_limb.sites[1]: unknown site",
        ),
        ("unless: [onset_sudden]}", "unless: [onset_sudde]}", "unless: [onset_sudde]", "onset_sudde"),
        (
            "read_as: muscle_weakness, sites",
            "read_as: muscle_weaknes, sites",
            "read_as: muscle_weaknes",
            "muscle_weaknes",
        ),
    ],
)
def test_a_broken_moves_entry_is_reported_at_its_line(kb_copy, old, new, needle, message):
    assert_breakage_reported(kb_copy, "data/time_course.yaml", old, new, needle, message)


@pytest.mark.parametrize(
    "text,value",
    [
        ("my feet burn, both the same. it never comes and goes, it just gets worse", "course_relapsing"),
        (
            "slowly progressive numbness of both feet for three years. no other neurological episodes.",
            "course_relapsing",
        ),
        ("my legs are weak but i don't need a stick", "severity_cannot_walk"),
    ],
)
def test_a_value_said_after_a_negation_is_denied_not_told(text, value):
    assert value not in parsed(text)


def test_no_feeling_in_both_feet_still_tells_both_sides():
    assert "symmetry_both_sides" in parsed("there is no feeling in both feet")


@pytest.mark.parametrize(
    "text",
    [
        "two winters ago my left leg went numb for a month then came good. since tuesday my right hand is numb.",
        "in 2021 i have numb legs for six weeks and it goes away. now since ten days my right arm is numb.",
        "two years ago my eye was painful and blurred for three weeks, which recovered fully. now my feet are numb.",
    ],
)
def test_an_episode_told_over_in_any_words_with_a_finding_now_comes_and_goes(text):
    assert "course_relapsing" in parsed(text)


def test_a_finding_told_after_that_follows_the_event_told_before_it():
    text = (
        "I went hiking in June and came home with a bad chest infection. About ten days after that my feet "
        "started tingling, and over four days both legs have got weak."
    )
    assert "course_after_infection" in parsed(text)
    # a date after a pointing word, past "about": "since about April" is months ago
    assert "onset_chronic" in parsed("since about april both my feet have gone tingly, slowly and evenly")
