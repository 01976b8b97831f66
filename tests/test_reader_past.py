"""Past events read as the blind sets and a triage nurse read them (issue 20, set C's `past` kind): a symptom
that has gone is absent now, with the words that put it in the past and its urgent note, and raises no
warning; a finding still there after a past cue stays present, and so does a finding named as happening
now beside a past episode of it. Phrasings here are the project's own, written for these tests (never
items of a blind set)."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def run(*args: str) -> dict:
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code in (0, 1, 2), result.output  # 1: words not understood, 2: nothing of the person's
    return json.loads(result.stdout)


def statuses(text: str) -> dict:
    """finding id -> "present"/"absent", as `parse` read ``text``."""
    return {m["symptom"]["id"]: m["status"] for m in run("parse", text)["mentions"]}


GONE = [
    # a past cue: absent now, whatever else the sentence says
    ("years ago I had chest pain", "chest_pain"),
    ("two years back I had double vision for a month", "double_vision"),
    ("I used to get pins and needles in my feet", "tingling"),
    ("as a kid I had a seizure", "seizures"),
    # no past cue, but words that say the episode is over
    ("my legs went weak after a virus but it all recovered", "leg_weakness"),
    ("my feet were numb on the old tablets, long gone", "numbness"),
    ("the tingling in my toes, already gone", "tingling"),
]


@pytest.mark.parametrize("text,finding", GONE)
def test_a_symptom_that_has_gone_is_absent_now_and_raises_no_warning(text, finding):
    assert statuses(text).get(finding) == "absent", text
    assert run("match", text)["red_flags"] == [], text


def test_a_past_event_keeps_its_words_and_urgent_note_in_every_format():
    data = run("parse", "years ago I had chest pain")
    (mention,) = [m for m in data["mentions"] if m["symptom"]["id"] == "chest_pain"]
    assert mention["past"] == "years ago" and "Chest pain needs emergency care" in " ".join(mention["notes"])
    text = CliRunner().invoke(cli, ["match", "years ago I had chest pain", "numb feet"]).stdout
    flat = " ".join(text.split())
    assert "Reported absent: Chest pain (from" in flat and "a past event ('years ago')" in flat
    assert "Chest pain needs emergency care" in flat and "URGENT" not in text


STILL_HERE = [
    # a word that says it goes on: the finding is current and its warning stands
    ("years ago I had chest pain and I still get it", "chest_pain"),
    ("I had double vision years ago and now it has come back", "double_vision"),
    # the same finding named as past and as present now: present (never given both ways)
    ("Years ago my hands were numb. My feet are numb now.", "numbness"),
]


@pytest.mark.parametrize("text,finding", STILL_HERE)
def test_a_finding_still_there_after_a_past_cue_stays_present(text, finding):
    assert statuses(text).get(finding) == "present", text
    assert run("match", text)["conflicting"] == [], text


INABILITY = [
    # "no longer" beside an ability word says what cannot be done now: the findings before it stay present
    ("my toes are numb and I can no longer stand", "numbness"),
    ("my hands tingle and I could no longer hold a cup", "tingling"),
    ("my legs are weak and I am no longer able to walk", "leg_weakness"),
]


@pytest.mark.parametrize("text,finding", INABILITY)
def test_no_longer_beside_can_or_able_is_an_inability_not_an_episode_over(text, finding):
    assert statuses(text)[finding] == "present"


def test_climbing_numbness_until_one_can_no_longer_stand_raises_the_emergency():
    text = (
        "Ten days after a chest infection my toes went numb, within three days it climbed to my knees"
        " and I can no longer stand."
    )
    flags = {(f["id"], f["level"]) for f in run("match", text)["red_flags"]}
    assert ("spreading_weakness", "emergency") in flags, flags


@pytest.mark.parametrize("text", ["my toes were numb but no longer", "the numbness is no longer there"])
def test_no_longer_alone_still_says_the_finding_is_over(text):
    assert statuses(text)["numbness"] == "absent"


def test_a_past_episode_is_shown_absent_but_never_weighed_against_a_condition():
    """An episode that came and went is how multiple sclerosis runs: reported absent now, with its past cue,
    but no suggestion lists it against itself; a plain denial still counts against."""
    past = run("match", "I had double vision years ago, it went away. Now my hands tingle.")
    assert [a["symptom"]["id"] for a in past["absent"]] == ["double_vision"]
    assert all(s["against"] == [] for s in past["suggestions"]), past["suggestions"]
    denied = run("match", "no double vision, my hands tingle")
    ms = next(s for s in denied["suggestions"] if s["condition"]["id"] == "multiple_sclerosis")
    assert [a["symptom"]["id"] for a in ms["against"]] == ["double_vision"]
