"""A vital function told as not happening is the warning sign itself (issue 20, round 5b): "he's not breathing"
was read as breathing denied, which names nothing, and no warning was raised. Told in order, with only words of how
after it; a denial of a problem, a breath of smoke, a worry, a past event and an animal stay as they were.
Phrasings are the project's own, never items of a blind set."""

import pytest

from tests.test_reader_urgent_classes import run


def flags(text: str) -> set:
    return {f["id"] for f in run("match", text)["red_flags"]}


STOPPED = [
    ("he's not breathing", "breathing"),
    ("she isn't breathing properly", "breathing"),
    ("my baby isn't breathing, help", "breathing"),
    ("I'm not breathing right", "breathing"),
    ("he is not responding", "sudden_confusion"),
    ("my husband's not responding to us", "sudden_confusion"),
    ("she's not waking up", "sudden_confusion"),
    ("grandad wasn't responding at all", "sudden_confusion"),
    ("she's gone all floppy and won't wake", "sudden_confusion"),
]


@pytest.mark.parametrize("text,flag", STOPPED)
def test_a_vital_function_told_as_not_happening_warns(text, flag):
    assert flag in flags(text)


NOT_STOPPED = [
    "breathing is not a problem",
    "I'm not having breathing trouble",
    "he's not breathing in the smoke any more",
    "what if he's not breathing",
    "not breathing hard after the run",
    "years ago he wasn't breathing for a minute at birth",
    "I'm not conscious of any numbness",
    "my dog isn't breathing properly",
    "she wouldn't answer me",
    "I won't wake up early tomorrow",
]


@pytest.mark.parametrize("text", NOT_STOPPED)
def test_a_denial_a_worry_a_past_event_or_an_animal_raises_no_warning(text):
    assert not {"breathing", "sudden_confusion"} & flags(text)


def test_the_warning_is_marked_as_someone_elses():
    got = run("match", "my husband's not responding to us")
    assert got["red_flags"] and not got["recognized"]
