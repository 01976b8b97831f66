"""Warning signs a fresh-eyes review found misread (issue 20, round 23): sudden vertigo with standing or walking lost,
confusion told by a witness beside a fall; and false alarms: a past fit "not had one since", "back" of a time, pills
too big to swallow, weakness from a workout named by its exercise, a pain checked and found fine, a choke coughed up
at once, a story's character named before its opening. Each class with its calm or urgent twins. Phrasings are the
project's own, never items of a blind set."""

import pytest

from tests.readings import absent, cli_warnings, present, warnings

VERTIGO_FALLING = [
    "Sudden bad vertigo, I'm being sick and I can't stand or walk without falling to the left.",
    "Suddenly dizzy and I keep falling to one side, I can't walk straight.",
]


@pytest.mark.parametrize("text", VERTIGO_FALLING)
def test_sudden_vertigo_with_standing_or_walking_lost_is_the_stroke_emergency(text):
    assert warnings(text).get("sudden_balance_loss") == "emergency"


def test_sudden_vertigo_that_stops_standing_is_an_emergency():
    assert (
        "emergency"
        in warnings("Sudden severe vertigo this evening and I can't stand up without toppling over.").values()
    )


VERTIGO_CALM = [
    "I've had vertigo for years when I roll over in bed.",
    "Sudden dizziness when I stood up too fast, fine after a minute.",
    "I have vertigo and I can't stand up without falling, for years now.",
    "I can stand and walk without falling, no dizziness at all.",
]


@pytest.mark.parametrize("text", VERTIGO_CALM)
def test_longstanding_or_postural_dizziness_raises_no_stroke_warning(text):
    assert "sudden_balance_loss" not in warnings(text)


def test_an_inability_reaches_past_or_to_its_without():
    # "or" joins what the inability takes: the falling is there, not denied; "and" ends the inability's reach
    assert "unsteady_walking" in present("I can't stand or walk without falling to one side.")
    assert "unsteady_walking" in absent("I can't stand and I walk without falling.")


WITNESS_CONFUSION = [
    "Found my dad on the kitchen floor and he doesn't know where he is.",
    "My nan collapsed and now she's talking nonsense.",
    "Found my grandad on the floor, he doesn't recognise me.",
]


@pytest.mark.parametrize("text", WITNESS_CONFUSION)
def test_confusion_told_by_a_witness_beside_a_fall_is_sudden_confusion(text):
    assert warnings(text).get("sudden_confusion") == "emergency"


CONFUSION_CALM = [
    "My nan has dementia and doesn't know where she is most days.",
    "My grandad doesn't recognise me any more, he has Alzheimer's.",
    "I dropped my keys on the floor and I'm confused by the new lock.",
]


@pytest.mark.parametrize("text", CONFUSION_CALM)
def test_longstanding_confusion_or_a_puzzle_raises_no_sudden_confusion(text):
    assert "sudden_confusion" not in warnings(text)


PAST_FIT = [
    "My brother had a seizure back in 2012 and hasn't had one since.",
    "My aunt had a fit in 2015 and has not had another since, she's off her meds now.",
    "I had a seizure way back when I was at school and never had one since.",
    "I had a fit back when I was a teenager.",
]


@pytest.mark.parametrize("text", PAST_FIT)
def test_a_fit_long_past_with_none_since_raises_nothing(text):
    assert "seizures" not in warnings(text)


FIT_AGAIN = [
    "I had a seizure back in 2015 and I've had two more since.",
    "My dad had a seizure back in 2010 and he's had another one today.",
    "Had a seizure way back in 2012, now I'm having one again.",
]


@pytest.mark.parametrize("text", FIT_AGAIN)
def test_a_fit_that_came_again_still_warns(text):
    assert "seizures" in warnings(text)


BIG_PILLS = [
    "I can't swallow those massive vitamin pills so I crush them.",
    "I can't swallow my fish oil capsules, they're too big to swallow.",
    "Can't swallow the tablets, the pills are too big.",
]


@pytest.mark.parametrize("text", BIG_PILLS)
def test_pills_too_big_to_swallow_are_no_swallowing_emergency(text):
    assert "swallowing" not in warnings(text)


SWALLOWING_LOST = ["I can't swallow even water.", "I can't swallow since this morning, not even my spit."]


@pytest.mark.parametrize("text", SWALLOWING_LOST)
def test_swallowing_lost_still_warns(text):
    assert warnings(text).get("swallowing") == "emergency"


WORKOUT_WEAKNESS = [
    "My arms feel weak after too many press ups yesterday.",
    "My legs are weak from deadlifts yesterday.",
    "My arms are weak from doing pull ups yesterday.",
]


@pytest.mark.parametrize("text", WORKOUT_WEAKNESS)
def test_weakness_after_a_workout_is_no_quick_spreading_weakness(text):
    assert "spreading_weakness" not in warnings(text)


QUICK_WEAKNESS = [
    "My arms went weak yesterday and it's spreading to my legs.",
    "My arms have been weak since yesterday.",
    "My legs got weak after a workout yesterday and now it's spreading up.",
]


@pytest.mark.parametrize("text", QUICK_WEAKNESS)
def test_weakness_that_came_quickly_with_no_cause_or_spreading_still_warns(text):
    assert warnings(text).get("spreading_weakness") == "emergency"


PAIN_CHECKED = [
    "The chest pain from last week was checked in A&E, ECG and bloods fine, they said it was muscular.",
    "My chest pain got looked at by the GP, she said it was a pulled muscle.",
    "Had it looked at, the doctor told me it was muscular, the chest pain.",
]


@pytest.mark.parametrize("text", PAIN_CHECKED)
def test_a_chest_pain_checked_and_found_fine_raises_nothing(text):
    assert "chest_pain" not in warnings(text)


PAIN_NOW = [
    "I have chest pain now, my ECG last week was normal.",
    "Crushing chest pain right now, it was checked in A&E last week.",
]


@pytest.mark.parametrize("text", PAIN_NOW)
def test_a_chest_pain_now_still_warns_whatever_was_checked_before(text):
    assert warnings(text).get("chest_pain") == "emergency"


CHOKE_CLEARED = [
    "My little girl choked on a sweet yesterday but coughed it up straight away and is fine.",
    "I choked on a fish bone at lunch but spat it out straight away.",
]


@pytest.mark.parametrize("text", CHOKE_CLEARED)
def test_a_choke_cleared_at_once_raises_nothing(text):
    assert "swallowing" not in warnings(text)


CHOKE_GOING = [
    "My son choked on a grape an hour ago and is still coughing and struggling to breathe.",
    "My toddler choked on a grape an hour ago and keeps gagging.",
]


@pytest.mark.parametrize("text", CHOKE_GOING)
def test_a_choke_still_going_still_warns(text):
    assert warnings(text)


def test_a_face_drooping_this_morning_still_warns_beside_a_cleared_cough():
    flags = warnings("My face drooped this morning, coughed it up straight away.")
    assert flags.get("one_sided_weakness") == "emergency"


STORY_CHARACTER = [
    "The woman on tv couldn't breathe, brilliant acting.",
    "A man in the film went blind suddenly, what a twist.",
    "The lad in the movie had a seizure and collapsed, really convincing.",
]


@pytest.mark.parametrize("text", STORY_CHARACTER)
def test_a_character_named_before_the_story_is_no_ones_here(text):
    assert not warnings(text)


STORY_OWN = [
    "I was in the movie theatre and had a seizure.",
    "I was watching a film and suddenly couldn't breathe.",
]


@pytest.mark.parametrize("text", STORY_OWN)
def test_the_persons_own_finding_at_a_film_still_warns(text):
    assert warnings(text)


def test_the_cli_reads_the_sudden_balance_emergency():
    flags = cli_warnings("Sudden terrible vertigo, throwing up, and I can't stand or walk without falling to one side.")
    assert flags.get("sudden_balance_loss") == "emergency"
