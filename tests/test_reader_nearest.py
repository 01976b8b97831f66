"""A calm, explaining or ongoing word speaks of the finding named nearest it (explorer/language/nearest.py), and
a feeling that comes with emergencies is no calm word: a warning sign told beside them still raises its warning
(each case here raised none, or the wrong one, before)."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def flags(text: str) -> list[str]:
    done = CliRunner().invoke(cli, ["match", "--format", "json", text])
    assert done.exit_code in (0, 1, 2) and "Traceback" not in done.output, done.output
    return [f["id"] for f in json.loads(done.stdout)["red_flags"]] if done.stdout.strip() else []


@pytest.mark.parametrize(
    "text",
    [
        "I'm really anxious, I can't breathe properly",
        "my chest hurts and I'm anxious",
        "my face is drooping on one side and I'm in tears",
        "I have asthma and I can't breathe",
        "my face is drooping on one side lol",
        "my face drooped on one side an hour ago, and my foot has been numb for years",  # the years are the foot's
        "I'm out of breath after the swim and my face is drooping on one side",  # the swim explains the breath only
    ],
)
def test_a_warning_sign_beside_a_feeling_or_another_findings_calm_words_raises_its_warning(text):
    assert flags(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I can't breathe, been like that for years",  # the calm words are about the breathing itself
        "breathless after chasing the dog",
        "I couldn't breathe for laughing",
        "choked up with tears at the wedding",
    ],
)
def test_calm_words_about_the_finding_itself_still_calm_it(text):
    assert flags(text) == [], text


def test_a_word_that_says_it_goes_on_is_about_its_own_finding_not_a_past_one_beside_it():
    assert flags("chest pain years ago, numbness now") == []  # "now" is the numbness's
    assert flags("I had chest pain years ago and it's back now") != []  # no other finding between: it is back


@pytest.mark.parametrize(
    "text",
    [
        # the calm words stand twice: beside the warning sign denied or as a likeness, later about another finding
        "my face is drooping and that is not normal for me, my feet have always been numb, normal for me",
        "my speech is slurred like after a few pints, my feet go numb after a few pints",
    ],
)
def test_a_denied_or_likened_place_of_calm_words_speaks_of_no_finding_beside_it(text):
    assert flags(text), text
