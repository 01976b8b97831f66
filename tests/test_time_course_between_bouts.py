"""A recovery told between the bouts of a relapsing course is its remission: the bouts' findings stay present and the
course is relapsing ("My legs go numb. It comes in bouts, and in between I'm completely back to normal"); a recovery
told otherwise still ends them. Through the CLI, as a learner types."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def status(text: str) -> dict[str, str]:
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return {m["symptom"]["id"]: m["status"] for m in json.loads(done.stdout)["mentions"]}


@pytest.mark.parametrize(
    "text",
    [
        "My legs go numb. It comes in bouts, and in between I'm completely back to normal.",
        "Both my legs go numb. It comes in bouts of a few weeks; in between times they feel fine.",
        "My feet go numb for a week or so. It keeps coming back, and between attacks I'm back to normal.",
    ],
)
def test_a_recovery_between_bouts_keeps_the_findings_present(text):
    found = status(text)
    assert found.get("numbness") == "present", found
    assert found.get("course_relapsing") == "present", found


def test_a_recovery_told_without_bouts_ends_the_finding():
    found = status("My legs go numb. It comes in bouts, and now I'm completely back to normal.")
    assert found.get("numbness") == "absent", found


def test_parts_said_to_be_fine_are_still_where_the_findings_are_not():
    found = status("My feet are numb. My hands and face are fine.")
    assert found.get("numbness") == "present" and "symmetry_both_sides" not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The numbness comes and goes: my legs went numb for a few weeks in the spring, cleared up, and now my left arm"
        " is numb.",
        "My numbness keeps coming back. My right leg was numb in March but it cleared up, and this week my left hand is"
        " numb.",
    ],
)
def test_a_bout_that_cleared_beside_the_same_finding_now_is_an_earlier_bout(text):
    assert status(text).get("numbness") == "present"
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert any(x.get("past") for x in json.loads(done.stdout)["leftovers"])


def test_a_finding_that_cleared_with_no_bouts_told_stays_absent():
    assert status("My legs went numb for a week and it cleared up completely.").get("numbness") == "absent"


@pytest.mark.parametrize(
    "text, finding",
    [
        ("My feet go numb in bouts. I have no chest pain. In between I am back to normal.", "chest_pain"),
        # a denied weakness is the muscles' (reader round 16)
        ("My legs go weak in bouts. Not weak today. In between I am not too bad.", "muscle_weakness"),
    ],
)
def test_a_denied_finding_stays_absent_beside_a_remission(text, finding):
    """A denial is no recovery ("no" inside "normal" once brought a denied chest pain back as present)."""
    assert status(text).get(finding) == "absent"
