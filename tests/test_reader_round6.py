"""Words that fold into another word (issue 20, round 6): "hives" and "HIV", "skinny" and "skin", "fizzy" and
"fizzing" once folded to one form, so an infection read as a rash, a twitch under the skin as wasting and a fizzy
drink as tingling. Each word now keeps its own meaning, while the finding it really names is still read.
Phrasings are the project's own, never items of a blind set."""

import pytest

from tests.test_reader_exact_classes import read

NOT_THE_OTHER_WORD = [
    ("I was told I have HIV last year", "skin_rash"),
    ("I have been HIV positive since 2010", "skin_rash"),
    ("there's a flicker in my thighs just under the skin", "muscle_wasting"),
    ("my calf muscles ripple under the skin", "muscle_wasting"),
    ("I drink fizzy pop most days", "tingling"),
    ("I've cut down on fizzy water", "tingling"),
]


@pytest.mark.parametrize("text,finding", NOT_THE_OTHER_WORD)
def test_a_word_does_not_read_as_the_word_it_folds_into(text, finding):
    assert finding not in read(text)


STILL_READ = [
    ("I have been HIV positive since 2010", "recent_infection"),
    ("I've come out in hives all over my arms", "skin_rash"),
    ("an itchy hive came up on my neck", "skin_rash"),
    ("my legs have gone skinny", "muscle_wasting"),
    ("my feet are fizzing", "tingling"),
]


@pytest.mark.parametrize("text,finding", STILL_READ)
def test_the_finding_the_word_names_is_still_read(text, finding):
    assert read(text).get(finding) is True


# "anything ... down" across other words read swallowing: "I can't feel anything from my waist down"
NOT_SWALLOWING = [
    "I can't feel anything from my waist down",
    "I couldn't feel anything from the hips down this morning",
    "I can hardly feel anything from my knees down",
]


@pytest.mark.parametrize("text", NOT_SWALLOWING)
def test_feeling_lost_from_a_part_down_is_not_swallowing(text):
    assert "trouble_swallowing" not in read(text)


@pytest.mark.parametrize("text", ["I can't get anything down", "I'm struggling to get anything down at meals"])
def test_getting_nothing_down_is_still_swallowing(text):
    assert read(text).get("trouble_swallowing") is True
