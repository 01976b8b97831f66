"""A finding compared with a past time is how it has changed, not a past event ("weaker than last year"); the time
words the reader used to date or compare a finding are never left over. Through the CLI, as a learner types."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def parsed(text: str) -> dict:
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)


def present(text: str) -> set[str]:
    return {m["symptom"]["id"] for m in parsed(text)["mentions"] if m["status"] == "present"}


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("My legs are weaker than last year.", "leg_weakness"),
        ("My hands are weaker than they were last year", "muscle_weakness"),
        ("my hands are weaker compared to last summer", "muscle_weakness"),
        ("My arms feel weaker than a year ago", "muscle_weakness"),
    ],
)
def test_a_finding_compared_with_a_past_time_goes_on(text, finding):
    assert finding in present(text)
    assert parsed(text)["leftovers"] == []


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("I had numbness in my feet last year.", "numbness"),  # the near miss: dated, not compared
        ("My legs went weak last summer and got better.", "leg_weakness"),
    ],
)
def test_a_finding_dated_in_the_past_without_a_comparison_stays_past(text, finding):
    mention = next(m for m in parsed(text)["mentions"] if m["symptom"]["id"] == finding)
    assert mention["status"] == "absent" and mention.get("past"), mention


@pytest.mark.parametrize(
    "text",
    [
        "I had numbness in my feet last year.",
        "I had a seizure once.",
        "My feet tingled once, now my hands are numb.",
    ],
)
def test_the_past_cue_that_dated_a_finding_is_not_left_over(text):
    assert parsed(text)["leftovers"] == []


def test_words_the_reader_did_not_use_are_still_left_over():
    leftovers = [x["text"] for x in parsed("I had a seizure once, and a blorfy thing last year.")["leftovers"]]
    assert any("blorfy" in x for x in leftovers), leftovers


@pytest.mark.parametrize(
    "text",
    [
        "Last Tuesday my face drooped for ten minutes, fine since.",
        "A week ago my speech was slurred for ten minutes but it passed off.",
        "Last weekend my face drooped on one side for about ten minutes and then it passed.",
    ],
)
def test_the_length_and_end_of_a_passed_warning_are_not_left_over(text):
    found = parsed(text)
    assert "stroke_warning_passed" in {m["symptom"]["id"] for m in found["mentions"]}
    assert found["leftovers"] == []
