"""False alarms (issue 20 round 4): words of everyday life read as a finding or as its speed. A unit of time
after a word of a finding ("these days", "this month") says when, not how fast: only a rate ("every day", "by
the day", "by the hour") makes weakness the spreading-weakness emergency. A thing whose name folds onto a
finding's word ("the exhaust") names no finding. Phrasings are the project's own, never items of a blind set."""

import pytest

from tests.test_reader_exact_classes import read
from tests.test_reader_urgent_classes import run

NOT_A_RATE = [
    "I'm weaker these days",
    "I feel a bit weaker these days than I used to",
    "my grip is weaker these days",
]


@pytest.mark.parametrize("text", NOT_A_RATE)
def test_a_time_that_is_no_rate_raises_no_spreading_weakness(text):
    got = run("match", text)
    assert "rapidly_spreading_weakness" not in read(text)
    assert got["red_flags"] == []


RATES = [
    "I'm getting weaker by the day",
    "my legs are getting weaker by the hour",
    "I'm getting weaker every day",
]


@pytest.mark.parametrize("text", RATES)
def test_a_rate_keeps_the_spreading_weakness_emergency(text):
    assert "spreading_weakness" in {flag["id"] for flag in run("match", text)["red_flags"]}


@pytest.mark.parametrize("text", ["I burnt my leg on the exhaust", "the exhaust on my car is rattling"])
def test_an_exhaust_is_no_exhaustion(text):
    assert "fatigue" not in read(text)


@pytest.mark.parametrize("text", ["I'm exhausted all the time", "the exhaustion never lifts"])
def test_being_exhausted_is_still_fatigue(text):
    assert read(text).get("fatigue") is True
