"""Warning signs read with the wrong polarity (issue 20, round 25): a past episode told well since ("sober since",
"all clear since", "fine now"), a yearly occasion last time it came ("last Christmas"), a span of part of a day
("for one evening"). Each class with its twin that
stays current or urgent. Phrasings are the project's own, never items of a blind set."""

import pytest

from tests.readings import absent, warnings

OVER_SINCE = [
    "I had a fit after a night of heavy drinking years ago, been sober since.",
    "Back in 2012 I had trouble swallowing for a month after an infection, all clear since.",
    "Years ago my face drooped on one side for a few weeks, fine ever since.",
    "I went blind in my left eye in 2009, had an operation, 20/20 now.",
    "Chest pain years ago from a gallstone, perfect now.",
]


@pytest.mark.parametrize("text", OVER_SINCE)
def test_a_past_episode_told_well_since_stays_past(text):
    assert not warnings(text)


GOES_ON_SINCE = [
    "I had a fit years ago and I still have them now and then.",
    "Back in 2012 I started having trouble swallowing and it's worse now.",
    "I went blind in my left eye in 2009, it was fine now and then, but since this morning I can't see out of it.",
]


@pytest.mark.parametrize("text", GOES_ON_SINCE)
def test_a_past_cue_with_a_word_of_going_on_still_warns(text):
    assert "emergency" in warnings(text).values()


OCCASIONS = [
    "Last Christmas the log fire made me short of breath for one evening.",
    "Last Easter I choked on a bit of lamb, it came up on its own.",
]


@pytest.mark.parametrize("text", OCCASIONS)
def test_a_yearly_occasion_last_time_dates_the_past(text):
    assert not warnings(text)


def test_since_a_yearly_occasion_goes_on():
    assert "emergency" in warnings("I've been short of breath since last Christmas and it's getting worse.").values()


def test_a_part_of_a_day_ends_a_past_span_but_a_present_one_still_warns():
    assert "trouble_breathing" in absent("Last summer I was short of breath for one night after a fire.")
    assert "emergency" in warnings("I can't breathe tonight, it's been like this all evening.").values()
