"""Reader fixes from a user review (issue 20): a first time worded with a negation ("never ... until
today") and idioms holding a cue ("not just", "never mind") are present findings; an everyday cause or
trigger, a past event ("once", "last year") and a hypothetical ("what if") raise no emergency; a
did-you-mean offers no emergency note for a word that shares no concept with it. Each class is read as a
user would, through the CLI (CliRunner); phrasings are the project's own."""

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from explorer.cli import cli

EMERGENCY = "EMERGENCY NOW"


def parsed(text: str) -> dict:
    """finding id -> status, as `parse --format json` reads ``text``."""
    result = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert "Traceback" not in result.output
    doc = json.loads(result.output[: result.output.rindex("}") + 1])
    return {m["symptom"]["id"]: m["status"] for m in doc["mentions"]}


def matched(text: str) -> str:
    result = CliRunner().invoke(cli, ["match", text])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.output


# A first time said with "never": present now, and an emergency when it is one.
FIRST_TIME = [
    ("I never had trouble breathing until today", "trouble_breathing"),
    ("never had such trouble swallowing", "trouble_swallowing"),
    ("I've never been this short of breath", "trouble_breathing"),
    ("I have never had a seizure before today", "seizures"),
    ("my face never drooped before, it started an hour ago", "face_drooping"),
    ("we never had trouble swallowing till this morning", "trouble_swallowing"),
]


@pytest.mark.parametrize("text,finding", FIRST_TIME)
def test_a_first_time_worded_with_never_is_present_and_raises_its_emergency(text, finding):
    assert parsed(text).get(finding) == "present", text
    assert EMERGENCY in matched(text), text


def test_never_before_then_now_keeps_the_finding_present():
    assert parsed("never had numbness before, now my legs are numb") == {"numbness": "present"}


@pytest.mark.parametrize(
    "text", ["it's not just numbness, I also can't breathe", "never mind the numbness, I can't breathe"]
)
def test_not_just_and_never_mind_deny_nothing(text):
    assert parsed(text) == {"numbness": "present", "trouble_breathing": "present"}


@pytest.mark.parametrize(
    "text,finding",
    [
        ("I never had numbness", "numbness"),
        ("I never had trouble breathing", "trouble_breathing"),
        ("never had a seizure, the numbness started today", "seizures"),
    ],
)
def test_never_without_a_first_time_still_denies(text, finding):
    assert parsed(text).get(finding) == "absent", text
