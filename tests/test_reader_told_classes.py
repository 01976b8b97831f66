"""Urgent findings told by what they are like, read as classes (issue 20, sets C and E's urgent misses): an eye
that hurts with sight that blurs in it, and the calm near-misses each class must stay calm on. Phrasings here
are the project's own, written for these tests (never items of a blind set)."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from tests.kbedit import assert_breakage_reported


def run(*args: str) -> dict:
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    # 1: some words were not understood, 2: nothing of the person's own was read; the JSON is out either way
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads(result.stdout)


def levels(text: str) -> dict:
    """red flag id -> level, as `match` raised them for ``text``."""
    return {f["id"]: f["level"] for f in run("match", text)["red_flags"]}


# 1. one eye that hurts, with sight that blurs, clouds or dims in it, told across the sentence: the same-day
# warning of painful blurred vision, not silence and not the emergency of sudden loss of sight
PAINFUL_EYE = [
    "my right eye throbs and everything in it looks foggy",
    "the eye hurts, things look misty on that side since yesterday",
    "there's a dark smudge in my left eye and it aches behind it",
    "my eye has been sore for two days and I'm losing the sight in it",
]


@pytest.mark.parametrize("text", PAINFUL_EYE)
def test_an_eye_that_hurts_with_sight_that_blurs_is_painful_vision(text):
    assert levels(text) == {"painful_vision": "same_day"}


CALM_EYES = [
    "my eye is sore",  # pain alone
    "my eyes are sore and blurry after a long day",  # both eyes
    "my eye is sore and a bit blurry from the chlorine",  # an everyday cause
    "no pain in my eye, it's just a bit blurry when I wake",  # the pain denied
    "my eye doesn't hurt, it's just blurry in the mornings",
]


@pytest.mark.parametrize("text", CALM_EYES)
def test_a_sore_eye_alone_two_eyes_a_cause_or_no_pain_raise_nothing(text):
    assert levels(text) == {}


def test_sight_gone_suddenly_in_a_painful_eye_stays_the_emergency():
    assert levels("my eye hurts and the vision in it suddenly went dark")["vision_loss"] == "emergency"


def test_a_third_part_without_reach_sentence_is_reported_with_its_file_and_line(kb_copy):
    old = "    cues: [pain]\n    with: [blurring, dimming]\n    reach: sentence\n"
    new = "    cues: [pain]\n    with: [blurring, dimming]\n"
    assert_breakage_reported(
        kb_copy, "data/concepts.yaml", old, new, "with: [blurring, dimming]", "a third part needs reach: sentence"
    )


def test_an_unknown_third_part_group_is_reported(kb_copy):
    old, new = "with: [blurring, dimming]", "with: [bluring, dimming]"
    assert_breakage_reported(kb_copy, "data/concepts.yaml", old, new, new, "unknown cue group 'bluring'")


# 2. a lost function that returned, told by the function or "all": the episode is over (it was read present,
# a warning with the wrong polarity); "it came back" alone is the finding's return and still warns
@pytest.mark.parametrize(
    "text",
    [
        "I had a scare about ten years ago, half my face dropped, but it all came back in a month",
        "a few years back the sight in my left eye went dark for a week and the vision came back fully",
        "two years ago my arm went weak on one side, then the strength came back",
    ],
)
def test_a_lost_function_that_came_back_is_over(text):
    assert levels(text) == {}


def test_a_finding_that_came_back_today_still_warns():
    assert levels("my face drooped on one side two years ago and it came back this week")
    assert levels("my speech went slurred, then it got better, but today it has all come back")
