"""Wordings from the eleventh review: control of the bladder or bowel lost after lifting something heavy is the
warning itself (a disc pressing on the nerves at the base of the spine), not a leak the belly's pressure explains."""

import pytest

from tests.readings import cli_warnings as flags


@pytest.mark.parametrize(
    "text",
    [
        "lost control of my bowels and both legs are numb after lifting something heavy",
        "lost control of my bladder after lifting a sofa",
    ],
)
def test_control_lost_after_lifting_warns(text):
    assert flags(text).get("bladder_bowel") == "emergency"


@pytest.mark.parametrize("text", ["I leak a bit when I sneeze", "a little leak when I jump on the trampoline"])
def test_a_leak_when_the_belly_is_pressed_raises_nothing(text):
    assert flags(text) == {}


def test_walking_grown_hard_within_days_beside_new_numbness_warns():
    # no climb told: the start of Guillain-Barre syndrome as a person may first describe it
    assert flags("my feet went numb on Monday and now I'm struggling to walk") == {"spreading_weakness": "emergency"}


@pytest.mark.parametrize(
    "text",
    [
        "tingling feet for years and difficulty walking for years",
        "my feet have been numb for 5 years, and I've been struggling to walk for a few months",
        "numb feet since the weekend, walking is fine",
        "I've had difficulty walking since I sprained my ankle on Monday and my foot is numb",
    ],
)
def test_walking_trouble_that_is_old_denied_or_explained_raises_nothing(text):
    assert flags(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "I choke up every time I watch that film",
        "I was paralysed by fear before my exam",
        "traffic was at a standstill, felt paralysed with boredom",
    ],
)
def test_a_feeling_told_as_choking_or_paralysis_raises_nothing(text):
    # review12's calm wordings
    assert flags(text) == {}


@pytest.mark.parametrize(
    "text, flag",
    [
        ("I'm paralysed from the waist down since this morning", "paralysis"),
        ("my legs are paralysed and I'm scared", "paralysis"),
        ("I choke on water every time I drink since yesterday", "swallowing"),
    ],
)
def test_their_urgent_twins_still_warn(text, flag):
    assert flags(text).get(flag) == "emergency"
