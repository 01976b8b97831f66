"""Warning signs that the reader's figure-of-speech and "it is over" words must never hide (a review of the
day's reader rounds): a figure of speech speaks of its own finding only, and a warning sign said to be over
still warns unless it is dated in the past."""

import pytest
from click.testing import CliRunner

from explorer.cli import cli

EMERGENCY = "URGENT - EMERGENCY NOW"


def _match(text: str) -> str:
    done = CliRunner().invoke(cli, ["match", text])
    assert done.exception is None or isinstance(done.exception, SystemExit), done.output
    return done.output


@pytest.mark.parametrize(
    "text",
    [
        "My legs have gone weak at the knees over two days and now my hands are weak too.",
        "I'm numb to everything below my waist since yesterday and can't pee.",
        "I'm numb to it all and I can't pee",
        "I fell asleep sitting up and woke up unable to move my legs.",
        "My face drooped and my speech slurred, then normal after ten minutes.",
        "My sight went in one eye and it came back.",
        "My vision went black in one eye for a minute, then normal.",
    ],
)
def test_an_emergency_beside_a_figure_of_speech_or_told_as_passed_still_warns(text):
    assert EMERGENCY in _match(text)


@pytest.mark.parametrize(
    "text",
    [
        "I went weak at the knees when he proposed",
        "my foot fell asleep sitting cross-legged",
        "Years ago I lost the sight in one eye for a few weeks, and it came back.",
        "I had double vision as a kid but it went away",
    ],
)
def test_a_figure_of_speech_or_a_dated_past_episode_stays_calm(text):
    assert "URGENT" not in _match(text)
