"""Resolution scope (issue 20 round 4): words that say an episode is over ("that went away", "cleared up") speak
of the finding nearest them, never of one named earlier in a statement of its own ("my hands are numb and my eye
blurred but that went away": the numbness is still there), unless they say "all". Phrasings are the project's
own, never items of a blind set."""

import pytest

from tests.test_reader_exact_classes import read

EARLIER_STAYS = [
    ("My hands are numb and my eye blurred but that went away.", "numbness", "blurred_vision"),
    (
        "My feet tingle all the time, and last spring I had double vision for a week that cleared up.",
        "tingling",
        "double_vision",
    ),
    ("my legs are weak and I had a rash but it cleared up", "leg_weakness", "skin_rash"),
]


@pytest.mark.parametrize("text,current,over", EARLIER_STAYS)
def test_an_over_word_ends_only_the_finding_of_its_own_statement(text, current, over):
    got = read(text)
    assert got.get(current) is True
    assert got.get(over) is False


OVER = [
    ("My left eye went blurry on Monday. It went away by Wednesday.", ["blurred_vision"]),
    ("My feet were numb and my hands tingled, but it all went away", ["numbness", "tingling"]),
    ("numb feet and tingling hands, gone away now", ["numbness", "tingling"]),
    ("numb feet last year but it cleared up", ["numbness"]),
]


@pytest.mark.parametrize("text,findings", OVER)
def test_an_over_word_with_no_finding_of_its_own_or_saying_all_still_ends_them(text, findings):
    got = read(text)
    assert {f: got.get(f) for f in findings} == {f: False for f in findings}


COME_AND_GO = [
    ("My legs go numb for weeks at a time, and in between I'm completely back to normal", "numbness"),
    ("My vision blurs for a few days at a time and in between it's back to normal", "blurred_vision"),
    ("my hands get numb in flares, between flares they are fine now", "numbness"),
]


@pytest.mark.parametrize("text,finding", COME_AND_GO)
def test_normal_between_episodes_is_no_episode_over(text, finding):
    assert read(text).get(finding) is True
