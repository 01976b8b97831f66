"""Time course, round 11 (issue 21, a review's leftovers): a history finding that is an event (a recent
infection) dated long ago is a past event, not recent. Through the CLI, as a learner types."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def read(text: str) -> dict[str, dict]:
    """Every mention of ``text`` by finding id (present or absent)."""
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return {m["symptom"]["id"]: m for m in json.loads(done.stdout)["mentions"]}


def present(text: str) -> set[str]:
    return {i for i, m in read(text).items() if m["status"] == "present"}


@pytest.mark.parametrize(
    "text",
    [
        "I had covid once. My feet have been tingling for two weeks.",
        "had shingles years back, now my hands are numb for a month",
        "Caught the flu when I was a kid, and my toes have tingled since the spring",
    ],
)
def test_an_infection_dated_long_ago_is_a_past_event(text):
    mention = read(text)["recent_infection"]
    assert mention["status"] == "absent" and mention.get("past"), mention
    assert "course_after_infection" not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "I had the flu two weeks ago and now my legs are weak",  # weeks ago: recent
        "I had a chest infection last month, and my feet tingle",
    ],
)
def test_an_infection_of_weeks_ago_stays_recent(text):
    assert "recent_infection" in present(text)


def test_an_infection_long_ago_is_said_so_and_suggests_no_infection_cause():
    done = CliRunner().invoke(cli, ["match", "I had covid once. My feet have been tingling for two weeks."])
    assert "a past event ('once')" in done.output
    assert "Neuropathy after or during an infection" not in done.output
