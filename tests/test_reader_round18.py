"""Urgent wordings read as classes (issues 20 and 21, round 18): numbness told as spreading by the sites it
reached, weakness told by what walking, standing or gripping no longer do, paralysis by what cannot move, sight
lost or doubled in everyday words, breath that runs out with talking or lying down, one side of the body, a
blackout with shaking, a bladder that let go; and the calm twins of each (slow, denied, a figure of speech, a
passing pain checked and gone, a drooping eyelid). Phrasings are the project's own, never items of a blind set."""

import pytest

from tests.readings import absent, present, warnings

# 1. numbness or tingling that reached higher sites within a day or two
SPREADING_NUMBNESS = [
    "my toes went numb yesterday, my knees now",
    "the numbness started in my feet two days ago and now both my thighs are numb",
    "my fingertips tingled this morning and now my whole arms are tingling",
    "pins and needles go from my feet up to my knee, since yesterday",
    "the tingling went from your toes to your knees overnight",
    "tingling began in my fingers this arvo and now it's in my arms",
]


@pytest.mark.parametrize("text", SPREADING_NUMBNESS)
def test_numbness_told_spreading_by_its_sites_warns_the_same_day(text, kb):
    assert warnings(text, kb).get("spreading_numbness") == "same_day"


CALM_NUMBNESS = [
    "the tingling in my fingers is from my carpal tunnel, it is not spreading",
    "my feet went numb years ago, my knees now",
    "over the past three years the numbness has gone from my toes to my knees",
    "I go up to my room when my feet feel numb",
]


@pytest.mark.parametrize("text", CALM_NUMBNESS)
def test_numbness_denied_spreading_or_spread_over_years_raises_nothing(text, kb):
    assert warnings(text, kb) == {}


# 2. weakness within days told by what the person can no longer do
SPREADING_WEAKNESS = [
    "I was fine on Sunday and now I can hardly shuffle to the bathroom",
    "my legs were a bit shaky Thursday, now I can barely stand",
    "since yesterday I couldn't climb the stairs and my hands are weak",
    "in three days I've gone from jogging to needing help to stand up",
    "my legs went floppy yesterday and now I cant even hold a cup",
    "Monday it was my feet, today I can't get up the stairs",
]


@pytest.mark.parametrize("text", SPREADING_WEAKNESS)
def test_weakness_told_by_what_it_stops_within_days_is_an_emergency(text, kb):
    assert warnings(text, kb).get("spreading_weakness") == "emergency"


CALM_WEAKNESS = [
    "I've not been able to climb the stairs for years because of my knees",
    "my grip has been going slowly for a few years",
    "I'm going to see the GP on Friday about my stiff knees",
]


@pytest.mark.parametrize("text", CALM_WEAKNESS)
def test_a_chronic_or_everyday_limit_raises_no_spreading_weakness(text, kb):
    assert "spreading_weakness" not in warnings(text, kb)


# 3. paralysis told by what cannot move
@pytest.mark.parametrize(
    "text",
    [
        "I can't move my legs or arms at all, I can only move my head",
        "I can't lift my legs or arms off the mattress",
        "my legs won't go, I can't shift them an inch",
        "acute flaccid paralysis of both legs since this morning",
    ],
)
def test_paralysis_told_by_what_cannot_move(text, kb):
    assert warnings(text, kb).get("paralysis") == "emergency"


@pytest.mark.parametrize("text", ["the boxes were too heavy to shift", "I couldn't budge the wardrobe"])
def test_things_that_will_not_move_are_no_paralysis(text, kb):
    assert "paralysis" not in present(text, kb)


# 4. sight lost or doubled
@pytest.mark.parametrize(
    "text",
    [
        "all of a sudden my left eye sees nothing",
        "half an hour ago everything went black on one side",
    ],
)
def test_sight_lost_in_everyday_words_is_an_emergency(text, kb):
    assert warnings(text, kb).get("vision_loss") == "emergency"


def test_sight_fading_in_a_sore_eye_is_painful_vision_loss_the_same_day(kb):
    assert warnings("my left eye aches and everything looks faded through it", kb) == {"painful_vision": "same_day"}


@pytest.mark.parametrize(
    "text",
    [
        "since this morning the telly has a ghost image beside it",
        "the words on the page split in two when I look left",
    ],
)
def test_double_vision_in_everyday_words_warns_the_same_day(text, kb):
    assert warnings(text, kb).get("double_vision") == "same_day"


@pytest.mark.parametrize(
    "text",
    [
        "everything went dark and I fainted at the bus stop",
        "my eye is sore and my old jeans have faded",
        "we split into two teams at football",
    ],
)
def test_near_misses_of_sight_raise_no_sight_warning(text, kb):
    got = warnings(text, kb)
    assert "vision_loss" not in got and "double_vision" not in got and "painful_vision" not in got


# 5. breathing
@pytest.mark.parametrize(
    "text",
    [
        "I'm out of breath just talking, I stop mid sentence",
        "I can't lie flat tonight, I feel like I'm suffocating",
    ],
)
def test_breath_that_runs_out_with_talking_or_lying_down_is_an_emergency(text, kb):
    assert warnings(text, kb).get("breathing") == "emergency"


@pytest.mark.parametrize("text", ["my mum is smothering me with attention", "I get winded running for the train"])
def test_figures_and_exertion_raise_no_breathing_warning(text, kb):
    assert "breathing" not in warnings(text, kb)


# 6. one side, a seizure, the bladder
def test_one_side_of_the_body_weak_across_commas_is_an_emergency(kb):
    assert warnings("one side of my body, the left, went weak suddenly", kb).get("one_sided_weakness") == "emergency"


def test_blacking_out_and_shaking_is_a_seizure(kb):
    assert warnings("I blacked out and was shaking all over", kb).get("seizures") == "emergency"


def test_waterworks_that_let_go_is_control_lost(kb):
    assert "bladder_bowel_loss" in present("this afternoon my waterworks just let go", kb)


def test_a_denied_blackout_with_shaking_raises_nothing(kb):
    assert "seizures" not in warnings("I don't black out and I don't shake", kb)


# 7. false alarms
@pytest.mark.parametrize(
    "text",
    [
        "my face dropped when I saw the gas bill",
        "the neighbours will drive me to a seizure with that music",
        "work is giving me a stroke this week",
    ],
)
def test_figures_of_speech_raise_no_warning(text, kb):
    assert warnings(text, kb) == {}


def test_a_face_that_dropped_while_eating_still_warns(kb):
    assert warnings("my face dropped when I was eating my lunch", kb).get("one_sided_weakness") == "emergency"


def test_a_chest_pain_checked_and_gone_now_is_over(kb):
    text = "I had chest pain a fortnight ago, the tests were all clear, and it's gone now"
    assert "chest_pain" in absent(text, kb) and "chest_pain" not in warnings(text, kb)


def test_a_negation_put_before_the_subject_denies(kb):
    text = "my fingers tremble a little, never I lose consciousness"
    assert "reduced_consciousness" in absent(text, kb) and warnings(text, kb) == {}


def test_an_answer_before_the_subject_denies_nothing(kb):
    assert warnings("no I have chest pain right now", kb).get("chest_pain") == "emergency"


def test_a_drooping_eyelid_with_double_vision_is_no_face_droop(kb):
    text = "since yesterday I see double and my eyelid is drooping"
    got = warnings(text, kb)
    assert "face_drooping" not in present(text, kb)
    assert got == {"double_vision": "same_day"}


def test_nothing_came_on_suddenly_tells_no_sudden_onset(kb):
    assert "onset_sudden" not in present("my feet have been numb a long time, nothing came on suddenly", kb)
