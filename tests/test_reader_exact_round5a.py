"""Exact reading, issue 20 round 5a (the dev sets' misses by class): findings never read from their everyday
words. Back pain is a background finding of its own (read and shown, never evidence), and "back" that says
again, home or when ("the ache came back", "back in 2019") names no back. Phrasings are the project's own,
written for these tests (never items of a blind set), each class with near-misses that must stay as they were."""

import pytest

from tests.test_reader_exact_classes import read
from tests.test_reader_urgent_classes import run

BACK_PAIN = [
    "my back has been killing me since I moved the sofa",
    "I've had a bad back for a week and my toes tingle",
    "there's a dull ache in my lower back",
]


@pytest.mark.parametrize("text", BACK_PAIN)
def test_back_pain_is_read(text):
    assert read(text).get("back_pain") is True


NOT_THE_BACK = [
    ("the pain came back last night", set()),
    ("my feet ache since I got back from holiday", {"leg_pain"}),
    ("back in 2019 my hands went numb", {"numbness"}),
]


@pytest.mark.parametrize("text,want", NOT_THE_BACK)
def test_back_that_says_again_or_when_names_no_back(text, want):
    got = read(text)
    assert "back_pain" not in got
    assert want <= set(got)


def test_back_pain_is_no_evidence_and_keeps_the_bladder_warning():
    got = run("match", "my back is killing me and I wet myself without knowing")
    assert "bladder_bowel" in {flag["id"] for flag in got["red_flags"]}
