"""Warning signs told by what the person cannot do or what it looks like (issue 20, round 22): sight gone from one
eye ("everything's gone in my left eye", "went out like a light"), a painful misty eye (the same-day flag, not the
emergency), breath that runs out singing or talking, weakness told by everyday tasks over days, a smile that lifts
one side, two of a thing one on top of the other, a sip that chokes; and the calm twins beside each class.
Phrasings are the project's own, never items of a blind set."""

import pytest

from tests.readings import present, warnings

SIGHT_GONE = [
    "Everything's gone in my left eye since lunch.",
    "Suddenly my left eye everything went, I can't see a thing out of it.",
    "It's like someone switched it off, my right eye can't see anything at all since an hour ago.",
    "The sight in my left eye went out like a light this morning.",
    "The vision in one eye just went out like a light an hour ago.",
    "I can't see the telly with my left eye since this evening, like a thumb over it.",
]


@pytest.mark.parametrize("text", SIGHT_GONE)
def test_sight_gone_from_one_eye_told_by_what_it_looks_like_is_the_emergency(text):
    assert warnings(text).get("vision_loss") == "emergency"


SIGHT_CALM = [
    "Sparkly vision for a few seconds when I stood up too quickly, fine since.",
    "My vision went a bit sparkly after I stood up from the sofa, cleared in seconds, fine since.",
    "My right eye went dark for a second when I stood up, fine since.",
    "I can't see the board without my glasses.",
    "I can't see well with my left eye without my glasses, always been short-sighted.",
    "I can't see the board with my right eye, I need new glasses.",
    "I go out like a light as soon as my head hits the pillow.",
]


@pytest.mark.parametrize("text", SIGHT_CALM)
def test_light_headedness_and_needing_glasses_raise_no_sight_warning(text):
    assert "vision_loss" not in warnings(text)


PAINFUL_MISTY_EYE = [
    "My left eye's gone misty and it aches when I look about.",
    "One eye has gone dim and it hurts when I move it.",
    "It's like frosted glass out of my right eye and it's sore when I roll it.",
    "My left eye aches when I look sideways and the sight in it is like smoke.",
]


@pytest.mark.parametrize("text", PAINFUL_MISTY_EYE)
def test_a_misty_eye_that_aches_as_it_moves_is_the_same_day_flag_not_the_emergency(text):
    found = warnings(text)
    assert found.get("painful_vision") == "same_day"
    assert "vision_loss" not in found


BREATH_RUNS_OUT = [
    "I can't sing a line without running out of air.",
    "I can't sing a single verse in the choir anymore without running out of air.",
    "I can't finish a sentence without gasping.",
    "I'm short of puff after two words.",
    "I have to sit up on the edge of the bed to get a breath.",
]


@pytest.mark.parametrize("text", BREATH_RUNS_OUT)
def test_breath_that_runs_out_singing_or_talking_is_the_breathing_emergency(text):
    assert warnings(text).get("breathing") == "emergency"


BREATH_CALM = [
    "I'm out of puff after running for the bus.",
    "My asthma played up but it settled with the inhaler as usual.",
    "I ran out of breath singing at karaoke after the run.",
]


@pytest.mark.parametrize("text", BREATH_CALM)
def test_breath_lost_to_a_run_or_settled_asthma_raises_no_warning(text):
    assert "breathing" not in warnings(text)


WEAKNESS_BY_TASKS = [
    "Since Monday I can't lift the teapot and my legs won't carry me, getting worse each day.",
    "Over two days my legs have gone to custard and now I'm crawling to the loo.",
    "Three days ago I couldn't squat, yesterday I couldn't climb the stairs, today I can barely lift my arms.",
    "I couldn't press the pedal properly yesterday and it started in my toes three days ago, worse today.",
]


@pytest.mark.parametrize("text", WEAKNESS_BY_TASKS)
def test_weakness_told_by_tasks_spreading_over_days_is_the_emergency(text):
    assert warnings(text).get("spreading_weakness") == "emergency"


@pytest.mark.parametrize(
    "text,finding",
    [
        ("I can't lift the teapot any more.", "muscle_weakness"),
        ("My legs won't carry me to the door.", "leg_weakness"),
        ("My legs have gone to custard.", "leg_weakness"),
        ("I'm crawling to the loo.", "muscle_weakness"),
    ],
)
def test_a_task_the_muscles_fail_at_is_read_as_weakness(text, finding):
    assert finding in present(text)


WEAKNESS_CALM = [
    "My knees won't carry me up the stairs like they used to, arthritis for years.",
    "I can't squat since my knee replacement.",
    "The legs won't carry me after that hike.",
]


@pytest.mark.parametrize("text", WEAKNESS_CALM)
def test_weakness_of_long_standing_or_with_its_cause_raises_no_warning(text):
    assert warnings(text) == {}


ONE_SIDE = [
    "When I smile only one side of my mouth goes up.",
    "Only one side of my mouth lifts when I smile, since this morning.",
    "My left hand and left leg are not working properly since this morning.",
    "My right arm and right leg stopped working properly an hour ago.",
]


@pytest.mark.parametrize("text", ONE_SIDE)
def test_a_one_sided_smile_or_one_sides_hand_and_leg_failing_is_the_stroke_emergency(text):
    assert warnings(text).get("one_sided_weakness") == "emergency"


def test_two_of_a_thing_one_on_top_of_the_other_is_double_vision():
    assert warnings("I see two buses, one on top of other, since yesterday.").get("double_vision") == "same_day"
    assert warnings("There are two cars, one on top of the other, when I look down the road.").get("double_vision")
    assert "double_vision" not in warnings("We stacked the two boxes one on top of the other.")


def test_a_sip_that_cannot_be_taken_without_choking_is_the_swallowing_emergency():
    assert warnings("Now I can't take a sip of water without choking.").get("swallowing") == "emergency"
    assert warnings("I can't eat a mouthful without choking since yesterday.").get("swallowing") == "emergency"


FALSE_ALARMS = [
    ("I couldn't swallow that news about the redundancies.", "swallowing"),
    ("I still can't swallow the news that the shop is closing.", "swallowing"),
    ("The bubble tea went down the wrong pipe, coughed a bit, now ok already.", "swallowing"),
    ("My teacher says my English speaking is not clear because I am learning.", "slurred_speech"),
    ("My speech is unclear in English, it is my second language.", "slurred_speech"),
    ("My chest hurts where I bumped it, bruised and tender to press.", "chest_pain"),
    ("My chest is sore to touch where I banged it on the door.", "chest_pain"),
]


@pytest.mark.parametrize("text,flag", FALSE_ALARMS)
def test_figures_a_language_being_learnt_and_a_bruise_raise_no_warning(text, flag):
    assert flag not in warnings(text)


STILL_URGENT = [
    ("I can't swallow since this morning, even water comes back.", "swallowing"),
    ("My speech has been slurred since this morning.", "slurred_speech"),
    ("I have crushing chest pain going down my arm, and a bruise on my arm from the fall.", "chest_pain"),
    ("The wine went down the wrong way and now I can't swallow anything at all.", "swallowing"),
]


@pytest.mark.parametrize("text,flag", STILL_URGENT)
def test_the_calm_words_leave_a_real_warning_sign_beside_them(text, flag):
    assert warnings(text).get(flag) == "emergency"
