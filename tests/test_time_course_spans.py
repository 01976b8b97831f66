"""What the last time-course round left (issue 21, course10): a span up to now told with "past" is how long a
finding has gone on, not a past event. Through the CLI, in the project's words."""

import json

from click.testing import CliRunner

from explorer.cli import cli


def parsed(text: str) -> dict[str, list[dict]]:
    """Mentions of ``text`` by status ("present", "absent"), each a list of finding ids with its mention."""
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    out: dict[str, list[dict]] = {}
    for mention in json.loads(done.stdout)["mentions"]:
        out.setdefault(mention["status"], []).append(mention)
    return out


def present(text: str) -> set[str]:
    return {m["symptom"]["id"] for m in parsed(text).get("present", [])}


def test_a_span_up_to_now_told_with_past_is_a_duration_not_a_past_event():
    for text, onset in (
        ("Over the past two weeks my feet have gone numb.", "onset_acute"),
        ("My hands have been tingling over the past few years.", "onset_chronic"),
        ("In the past six weeks my feet have been burning.", "onset_subacute"),
        ("During the past year my feet have slowly gone numb.", "onset_chronic"),
    ):
        got = parsed(text)
        assert not [m for m in got.get("absent", []) if m.get("past")], text
        assert onset in present(text), (text, present(text))
        assert present(text) - {onset}, text  # the finding itself is read as current


def test_a_past_told_without_a_span_is_still_a_past_event():
    # the near-miss: "in the past" with no count or unit after it, and "past history of"
    for text in ("I had double vision in the past.", "Past history of double vision."):
        got = parsed(text)
        assert "double_vision" not in present(text), text
        assert [m for m in got.get("absent", []) if m.get("past")], text
