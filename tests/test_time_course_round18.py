"""Round 18 of the time course (issue 21): a past episode that got better, told in everyday words, makes a new
episode a relapsing course; poisons, a lasting infection and shingles named by what they are; one nerve after
another on different sides is no stroke's one-sided weakness unless the weakness itself came suddenly; a mild new
weakness that still lets a person walk is seen within a day, and anything more stays the emergency."""

import pytest

from explorer import explore
from tests.readings import absent, present, warnings


def first(text: str) -> str:
    return explore([text]).suggestions[0].condition.id


def top(text: str, n: int = 3) -> list[str]:
    return [s.condition.id for s in explore([text]).suggestions[:n]]


# --- 1. a past episode that recovered ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two years ago my right arm was numb for a month and then it got better by itself. Now my left eye is "
        "blurry and hurts when I move it.",
        "Last spring my sight went blurry in one eye for two weeks, then recovered. This week my left leg has gone "
        "numb.",
        "A few years ago my legs went numb for a fortnight and then it recovered. Now when I bend my neck I get an "
        "electric shock down my back.",
    ],
)
def test_a_past_episode_that_got_better_makes_a_new_one_relapsing(text):
    assert "course_relapsing" in present(text)
    assert first(text) == "multiple_sclerosis"


def test_the_past_episode_is_not_read_as_present_now():
    text = "Last year my left leg was numb for three weeks and then it got better by itself. Now my right hand tingles."
    assert "numbness" in absent(text)
    assert "course_relapsing" in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "My knee was sore for a week and then it got better by itself.",
        "The tingling in my feet got better on its own.",
        "My left hand went numb for a day, then it went away.",
    ],
)
def test_one_episode_that_got_better_alone_is_no_relapsing_course(text):
    assert "course_relapsing" not in present(text)
    assert not warnings(text)


def test_now_and_then_is_a_course_that_comes_and_goes_but_since_then_is_when():
    assert "course_relapsing" in present("My feet tingle every now and then.")
    assert "course_relapsing" not in present("I moved house in May and since then my hands have gone numb.")


# --- 2. exposures and infections named by what they are ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our well water was tested and it has arsenic in it, and for a month my feet have burned and gone numb.",
        "I mixed sheep dip without gloves all summer and a few weeks later my hands and feet started to tingle.",
        "I sprayed an organophosphate pesticide on the crops and since then my feet tingle on both sides.",
    ],
)
def test_a_poison_named_by_what_it_is_points_to_a_toxic_neuropathy(text):
    assert "toxin_exposure" in present(text)
    assert "toxic_neuropathy" in top(text, 2)


def test_hands_out_in_the_cold_without_gloves_are_still_explained():
    text = "I was out in the snow without gloves and my fingers went numb."
    assert "toxin_exposure" not in present(text)
    assert not warnings(text)


def test_camping_is_no_cramp():
    assert "muscle_cramps" not in present("We went camping last weekend and my feet are tingling.")


def test_hiv_diagnosed_years_ago_is_still_had():
    text = (
        "My feet have burned for months and now my fingers tingle. I was diagnosed with HIV a few years back and "
        "stopped taking my tablets."
    )
    assert "recent_infection" in present(text)
    assert first(text) == "infection_related_neuropathy"


def test_an_infection_that_ended_years_ago_stays_past():
    text = "I had shingles years back and now my hands are numb."
    assert "recent_infection" not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "A week ago a band of blisters came up around the left side of my chest.",
        "I had a stripe of blisters wrapping round my ribs on the right last week.",
    ],
)
def test_blisters_in_a_band_round_the_trunk_are_shingles(text):
    assert "recent_infection" in present(text)
    assert "chest_pain" not in warnings(text)


@pytest.mark.parametrize(
    "text",
    ["I have a strip of blisters on my foot from my sandal strap.", "My new shoes gave me blisters on both heels."],
)
def test_blisters_from_shoes_are_no_infection(text):
    assert "recent_infection" not in present(text)


# --- 3. one nerve after another in RA or lupus ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I've had rheumatoid arthritis for ten years. Over the last month my left foot went numb overnight and now "
        "my right hand is weak at the wrist.",
        "I have lupus. Three weeks ago my right foot suddenly went numb and floppy, then my left hand became weak.",
    ],
)
def test_nerves_hit_one_after_another_on_different_sides_are_no_stroke(text):
    got = warnings(text)
    assert got.get("nerves_one_after_another") == "same_day"
    assert "one_sided_weakness" not in got


@pytest.mark.parametrize(
    "text",
    [
        "My right foot went numb last week, and an hour ago my left hand went weak.",
        "My left foot went numb a fortnight ago and my right hand suddenly went weak.",
        "My left arm and leg went weak an hour ago.",
        "My right foot went numb last month. My left arm and leg went weak an hour ago.",
    ],
)
def test_a_weakness_that_came_suddenly_itself_stays_the_stroke_emergency(text):
    assert warnings(text).get("one_sided_weakness") == "emergency"


# --- 4. a mild new weakness that still lets a person walk -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I had a cold last week. Since yesterday my toes tingle and my legs are a bit weak, but I can still walk "
        "normally.",
        "After a stomach bug, since Monday my feet have pins and needles and my legs feel slightly weak, but I can "
        "still get around.",
    ],
)
def test_mild_weakness_with_walking_kept_after_an_infection_is_seen_within_a_day(text):
    got = warnings(text)
    assert got.get("weakness_after_infection") == "same_day"
    assert "emergency" not in got.values()
    assert first(text) == "guillain_barre_syndrome"


@pytest.mark.parametrize(
    "text",
    [
        "I had a cold last week. Since yesterday my legs are weak, I can still walk but only with a stick.",
        "I had a cold last week. Since yesterday my legs and arms feel weak, but I can still walk.",
        "I had a cold last week. Since yesterday my legs feel weak and it's spreading up, but I can still walk.",
        "I had a cold last week. Since yesterday my legs are weak, I can still walk but I keep falling.",
        "Since yesterday my legs feel weak but I can still walk. My hands are weak too.",
        "Since yesterday my legs feel weak but I can still walk, and now I have trouble swallowing.",
        "Since yesterday my legs feel weak but I can still walk, and I'm struggling to breathe.",
        "My legs went weak over the weekend.",
    ],
)
def test_weakness_that_limits_walking_spreads_or_reaches_further_stays_the_emergency(text):
    assert "emergency" in warnings(text).values()
