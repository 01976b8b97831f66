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
from tests.kbedit import assert_breakage_reported

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


# Each printed EMERGENCY NOW before: an everyday cause or trigger, a past event, a hypothetical.
CALM = [
    "I can't swallow big pills",
    "I choked on a fish bone once",
    "I get out of breath walking up stairs",
    "I get short of breath when I have a cold",
    "my leg is paralysed by the cast",
    "I wet myself last night",
    "I had a seizure last year",
    "I had a seizure once",
    "what if I can't breathe",
    "I keep a phone by me in case I can't breathe",
]


@pytest.mark.parametrize("text", CALM)
def test_an_everyday_trigger_a_past_event_or_a_hypothetical_raises_no_emergency(text):
    out = matched(text)
    assert "URGENT" not in out, text
    # set aside with its words, never dropped silently: a past event is reported absent now, with its words
    assert "Not read as a current finding" in out or "a past event" in out, text


def test_drowsy_alone_is_left_over_not_read_as_sudden_drowsiness():
    # "drowsy" names an everyday state (data/concepts.yaml everyday_names): left over with its words, never an
    # emergency; "suddenly very drowsy" still reads through the concepts.
    out = matched("I'm drowsy after my sleeping pill")
    assert "URGENT" not in out
    assert 'Not recognized: "drowsy after my sleeping pill"' in out


# The same findings still raise their emergency with no trigger, with a narrower word, or when the
# time word is no past cue.
STILL_URGENT = [
    "I can't swallow my tablets",
    "I choked on my food today",
    "I get out of breath just sitting still",
    "I can't breathe and I'm in a cold sweat",
    "I lost control of my bladder last night",
    "I lost my sight all at once",
    "I couldn't breathe once I sat down",
    "I had a seizure once, and again today",
    "my leg is paralysed",
]


@pytest.mark.parametrize("text", STILL_URGENT)
def test_real_emergencies_stay_raised(text):
    assert EMERGENCY in matched(text), text


@pytest.mark.parametrize("text", ["I see double when I look to the side", "seeing double", "everything doubled"])
def test_seeing_double_is_double_vision(text):
    assert parsed(text).get("double_vision") == "present", text


@pytest.mark.parametrize("text,word", [("I see double when I look to the side", "look to the side")])
def test_did_you_mean_offers_no_emergency_for_a_word_sharing_no_concept(text, word):
    result = CliRunner().invoke(cli, ["parse", text])
    assert f'"{word}' in result.output  # left over, with its did-you-mean
    assert "If you meant" not in result.output and "emergency" not in result.output.split("Educational")[0]


def test_moving_up_to_the_knees_is_read_whole_as_a_climb_with_no_emergency_offered():
    # its words are all the time course's (a climb, "moving up"), so none is left over (a time word used is read)
    result = CliRunner().invoke(cli, ["parse", "moving up to my knees"])
    assert "Spread: ascending" in result.output and "Left over" not in result.output
    assert "If you meant" not in result.output and "emergency" not in result.output.split("Educational")[0]


def test_did_you_mean_still_offers_an_emergency_note_for_a_shared_concept():
    result = CliRunner().invoke(cli, ["parse", "my bladder"])
    assert "If you meant New loss of bladder or bowel control" in " ".join(result.output.split())


def test_installed_command_reads_a_first_time_and_sets_a_trigger_aside(tmp_path):
    """As a user would: the installed command, in a subprocess."""
    command = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "symptom-explorer"
    if not command.exists():
        pytest.skip("no installed command in .venv")
    first = subprocess.run(
        [str(command), "match", "I never had trouble breathing until today"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    calm = subprocess.run(
        [str(command), "match", "I can't swallow big pills"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert EMERGENCY in first.stdout and "Traceback" not in first.stderr
    assert "URGENT" not in calm.stdout and "Traceback" not in calm.stderr


def test_a_wet_night_that_came_again_stays_an_emergency():
    assert EMERGENCY in matched("I wet myself last night and again this morning")


@pytest.mark.parametrize(
    "name,old,new,needle,message",
    [
        (
            "data/concepts.yaml",
            "  - explains: [reduced_consciousness]  # a medicine",
            "  - explains: [drowsy_spells]  # a medicine",
            "drowsy_spells",
            "unknown finding 'drowsy_spells'",
        ),
        ("data/words.yaml", "past_final: [once]", "past_final: once", "past_final:", "past_final"),
        ("data/words.yaml", "first_time_until: [until,", "first_time_until: [Until,", "first_time_until:", "Until"),
    ],
)
def test_a_broken_trigger_or_cue_list_is_reported_with_its_file_and_line(kb_copy, name, old, new, needle, message):
    assert_breakage_reported(kb_copy, name, old, new, needle, message)
