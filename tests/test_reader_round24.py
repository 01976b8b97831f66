"""Calm look-alikes of an emergency that raised a warning (issue 20, round 24): two images made by an optical thing or
a figure, a thing that chokes or stalls, a cause named that is no emergency, an episode told as over and recovered, a
sign found fine or told as muscular, a question of what might come one day, a novel's character, a dog
or a plant, a decade or a season gone by, and someone else by their team. Each class with urgent twins that must
still warn. Phrasings are the project's own, never items of a blind set."""

import pytest

from tests.readings import warnings

OPTICAL_DOUBLE = [
    "My 3D glasses broke in the cinema and the whole film went double.",
    "These binoculars give me double vision until I focus them.",
    "Looking through binoculars I see two of everything for a second.",
    "I did a double take when my old teacher walked into the shop.",
    "The funhouse mirrors at the fair gave me double vision.",
    "If you cross your eyes you see double, my nephew does it all day.",
    "There are ghost images on the telly again, the aerial is loose.",
]


@pytest.mark.parametrize("text", OPTICAL_DOUBLE)
def test_double_images_of_an_optical_thing_or_a_figure_raise_no_warning(text):
    assert "double_vision" not in warnings(text)


DOUBLE_URGENT = [
    "I took the 3D glasses off an hour ago and I'm still seeing double.",
    "I'm still seeing double even without the binoculars, since this morning.",
    "If I cross my eyes it's fine, but I've had double vision since this morning.",
    "I have double vision with pain around one eye since last night.",
]


@pytest.mark.parametrize("text", DOUBLE_URGENT)
def test_double_vision_told_as_now_still_warns(text):
    assert warnings(text).get("double_vision") == "same_day"


THINGS = [
    "The bathroom sink is choking on hair again, I need a plumber.",
    "My laptop froze and had a fit right before I saved my work.",
    "My manager keeps breathing down my neck about the deadline.",
    "The whole booking system is paralysed again this afternoon.",
]


@pytest.mark.parametrize("text", THINGS)
def test_a_thing_that_chokes_or_stalls_or_a_boss_too_close_raises_no_warning(text):
    assert not set(warnings(text).values()) & {"emergency", "same_day"}


def test_a_choking_sink_beside_a_throat_that_will_not_swallow_still_warns():
    assert warnings("My sink is choking and I suddenly can't swallow, since this afternoon.").get("swallowing")


def test_a_boss_breathing_down_my_neck_beside_real_breathlessness_still_warns():
    text = "I suddenly can't breathe, my boss is breathing down my neck and I'm gasping and my lips are blue."
    assert warnings(text).get("breathing") == "emergency"


NAMED_CAUSES = [
    "Frozen shoulder, so I can't lift my left arm above my head, physio is helping slowly.",
    "My dad used to stop breathing at night but his CPAP machine sorted it out.",
    "My singing teacher says I run out of breath in long phrases.",
    "Out of breath in the pool most days, thats the training with hypoxic sets.",
]


@pytest.mark.parametrize("text", NAMED_CAUSES)
def test_a_named_cause_that_is_no_emergency_raises_no_warning(text):
    assert "emergency" not in warnings(text).values()


NAMED_CAUSE_TWINS = [
    "I have a frozen shoulder but an hour ago my face drooped and I can't lift my right arm.",
    "He has a CPAP machine but tonight he stopped breathing and isn't responding.",
    "My toddler wets the bed, and today I lost control of my bladder and my legs are numb.",
    "I've been wetting the bed the last two nights at forty, my back aches and my legs feel weak.",
    "I'm after wetting the bed and I'm fifty, and my legs have gone weak on me.",
]


@pytest.mark.parametrize("text", NAMED_CAUSE_TWINS)
def test_a_named_cause_beside_a_new_emergency_still_warns(text):
    assert "emergency" in warnings(text).values()


RECOVERED = [
    "Years ago my face drooped on one side for a month and then recovered completely.",
    "My aunt lost the sight in one eye for a while at uni, got her sight back fully.",
    "The bonfire smoke made me breathless for one evening, no problem after that.",
    "My mate choked on a chip at the pub last year, he's grand now.",
    "I had double vision during a flare in 2016, had treatment, all clear since.",
]


@pytest.mark.parametrize("text", RECOVERED)
def test_an_episode_told_as_over_and_recovered_raises_no_warning(text):
    assert "emergency" not in warnings(text).values() and "same_day" not in warnings(text).values()


def test_an_episode_recovered_this_morning_still_warns():
    text = "My face drooped this morning and then recovered completely after ten minutes."
    assert warnings(text).get("one_sided_weakness") == "emergency"


def test_fine_after_that_does_not_hide_a_new_loss_of_sight():
    text = "I was fine after that but this morning I suddenly lost the sight in my left eye."
    assert warnings(text).get("vision_loss") == "emergency"


def test_seizure_free_for_years_does_not_hide_todays_seizures():
    text = "I've been seizure-free for years. Today I've had two in a row and didn't come round in between."
    assert warnings(text).get("seizures") == "emergency"


FOUND_FINE = [
    "My chest is sore after the gym, it hurts when I press on it.",
    "I get a tight chest before exams, it goes once I start writing.",
    "The optometrist checked my eyes, all normal, I just need reading glasses.",
    "When the choir holds a long note I feel like I can't breathe haha.",
]


@pytest.mark.parametrize("text", FOUND_FINE)
def test_a_sign_found_fine_or_told_as_muscular_or_as_a_joke_raises_no_warning(text):
    assert "emergency" not in warnings(text).values() and "same_day" not in warnings(text).values()


FOUND_FINE_TWINS = [
    "My chest hurts when I press on it and I have crushing pain going down my arm.",
    "I have crushing chest pain before my exams today and it's going into my arm.",
    "haha I can't breathe, my throat is closing up and my lips are blue.",
    "I need reading glasses, and since this morning I suddenly can't see out of my left eye.",
]


@pytest.mark.parametrize("text", FOUND_FINE_TWINS)
def test_a_serious_sign_beside_calm_words_still_warns(text):
    assert "emergency" in warnings(text).values()


HYPOTHETICAL = [
    "With my MS could I end up paralysed one day? I'm walking fine.",
    "If someone has a fit at work what should I do first?",
    "Could it cause double vision later on? My eyes are fine now.",
    "My gran reckons I'll choke one day, I eat so fast.",
]


@pytest.mark.parametrize("text", HYPOTHETICAL)
def test_a_question_of_what_might_come_raises_no_warning(text):
    assert not set(warnings(text).values()) & {"emergency", "same_day"}


HYPOTHETICAL_TWINS = [
    "If someone has a fit, what do I do? My son is fitting right now and won't wake up.",
    "Could I end up paralysed? I can't move my legs since this morning.",
    "My mum reckons I'll be fine but I can't swallow at all since this morning.",
]


@pytest.mark.parametrize("text", HYPOTHETICAL_TWINS)
def test_a_question_beside_a_present_emergency_still_warns(text):
    assert "emergency" in warnings(text).values()


OTHERS_AND_STORIES = [
    "In the novel the main character suddenly goes blind in a storm.",
    "Our labrador's face looks droopy on one side, but that's his breed.",
    "My tomatoes are drooping on one side, they need more water.",
    "My grandad was paralysed in a mining accident in the 70s, he ran a shop after.",
    "My teammate saw double after a knock last season, he was fine in a day.",
    "My teammate saw double after a clash of heads, cleared in a day and he's back playing.",
    "Last Christmas I was breathless for a day with a chest infection, fine since.",
]


@pytest.mark.parametrize("text", OTHERS_AND_STORIES)
def test_a_story_a_game_a_pet_a_plant_or_an_old_episode_of_someone_else_raises_no_warning(text):
    assert not set(warnings(text).values()) & {"emergency", "same_day"}


OTHERS_TWINS = [
    "In the novel the main character goes blind, and today I suddenly lost the sight in one eye.",
    "My character got paralysed in the game and now I can't move my legs, since an hour ago.",
    "My uncle was paralysed in the 80s and today my dad suddenly can't move his legs.",
    "My coach just collapsed and isn't breathing.",
    "My teammate collapsed and is having a fit on the pitch.",
    "My dog is fine but I suddenly can't move my right arm and my face is drooping.",
    "Since last Christmas I'm more and more breathless, and today I can't breathe at all.",
    "I had my retina fixed with surgery last year, but this morning I suddenly lost the sight in that eye.",
]


@pytest.mark.parametrize("text", OTHERS_TWINS)
def test_the_person_or_someone_else_now_still_warns(text):
    assert "emergency" in warnings(text).values()


def test_a_teammate_seeing_double_after_a_knock_today_still_warns():
    assert warnings("My teammate took a knock today and is seeing double and being sick.").get("double_vision")
