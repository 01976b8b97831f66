"""Emergencies a fresh review (review9, 2026-12-04) found silenced or lowered by the day's reader and time-course
rounds, each with the calm wording next to it that must stay calm."""

import pytest

from tests.test_reader_urgent_classes import run


def _flags(text: str) -> set[str]:
    return {flag["id"] for flag in run("match", text)["red_flags"]}


# A leak that nearly happened is no leak ("explained": nearly wet myself), but one that then happened, or came
# unfelt, is the bladder emergency ("serious" words keep it).
@pytest.mark.parametrize(
    "text",
    [
        "I almost wet myself and then did, didn't even notice",
        "nearly wet myself because I can't feel when my bladder is full",
    ],
)
def test_a_leak_that_then_happened_or_came_unfelt_warns(text):
    assert "bladder_bowel" in _flags(text)


@pytest.mark.parametrize("text", ["I nearly wet myself laughing", "I nearly wet myself"])
def test_a_leak_that_nearly_happened_stays_calm(text):
    assert not _flags(text)
