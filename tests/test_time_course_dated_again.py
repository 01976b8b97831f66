"""An event dated long ago and again recently is a recent event: the second, recent dating wins ("covid years ago
and again last week"), and the time words that dated it are not left over. Through the CLI, as a learner types."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def parsed(text: str) -> dict:
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)


def status(text: str) -> dict[str, str]:
    return {m["symptom"]["id"]: m["status"] for m in parsed(text)["mentions"]}


@pytest.mark.parametrize(
    "text",
    [
        "I had covid years ago and again last week. Now my feet tingle.",
        "Had the flu as a kid and again a fortnight ago. Since then my legs have gone weak.",
        "I had covid back in 2020 and then again ten days ago. Now my hands and feet are numb",
    ],
)
def test_an_infection_dated_again_recently_is_a_recent_one(text):
    found = status(text)
    assert found.get("recent_infection") == "present", found
    assert found.get("course_after_infection") == "present", found
    assert parsed(text)["leftovers"] == []


@pytest.mark.parametrize(
    "text",
    [
        "I had covid years ago. Now my feet tingle.",  # the near miss: dated once, long ago
        "had shingles years back, now my hands are numb again",  # "again" of the numbness, not the shingles
    ],
)
def test_an_infection_dated_only_long_ago_stays_past(text):
    found = status(text)
    assert found.get("recent_infection") == "absent", found
    assert "course_after_infection" not in found
