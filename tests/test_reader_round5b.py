"""False alarms and silent emergencies (issue 20, round 5b), as classes: a change said of a thing ("my wifi got
weaker", "the city was paralysed by the snow") names no finding, while the same words said of the person or a
part still do; a face or speech that changes each time the person is tired, a face seen in a photo, sleep after a
meal and symptoms that settle each time are calm, while one told once, lately, still warns; someone who cannot
be woken is never asleep. Phrasings are the project's own, never items of a blind set."""

import pytest

from tests.test_reader_exact_classes import read
from tests.test_reader_urgent_classes import run


def flags(text: str) -> set:
    return {f["id"] for f in run("match", text)["red_flags"]}


THINGS = [
    ("my wifi got weaker", "general_weakness"),
    ("the pound got weaker against the dollar", "general_weakness"),
    ("the signal got weaker every day this week", "rapidly_spreading_weakness"),
    ("the whole city was paralysed by the snow", "paralysis"),
    ("the council is paralysed by indecision", "paralysis"),
]


@pytest.mark.parametrize("text,finding", THINGS)
def test_a_change_said_of_a_thing_names_no_finding(text, finding):
    assert finding not in read(text)
    assert flags(text) == set()


OF_THE_PERSON = [
    ("my legs got weaker", "leg_weakness", set()),
    ("I've got weaker and weaker since Tuesday", "rapidly_spreading_weakness", {"spreading_weakness"}),
    ("the lad got weaker by the day", "rapidly_spreading_weakness", {"spreading_weakness"}),
    ("my other half got weaker every day this week", "rapidly_spreading_weakness", {"spreading_weakness"}),
    ("the city is paralysed", "paralysis", {"paralysis"}),  # no agent: it may be a person's, so it warns
]


@pytest.mark.parametrize("text,finding,warns", OF_THE_PERSON)
def test_the_same_change_said_of_a_person_or_part_is_still_read(text, finding, warns):
    assert read(text).get(finding) is True
    assert warns <= flags(text)


CALM = [
    "I slur my words when I'm exhausted",
    "my face droops a bit when I'm tired",
    "my words get slurry when I am exhausted at night",
    "her face drooped in the photo",
    "my smile looks droopy in the wedding photos",
    "passed out on the sofa after sunday lunch",
    "crashed out on the couch after the pub",
    "every time I have a hot shower my right arm goes weak, then it settles once I've cooled off",
    "saw double after too many at the wedding",
]


@pytest.mark.parametrize("text", CALM)
def test_an_everyday_cause_that_explains_it_raises_no_warning(text):
    assert flags(text) == set()


STILL_WARNS = [
    ("my speech went slurred this morning when I was tired", "slurred_speech"),
    ("my face drooped when I was tired this morning", "one_sided_weakness"),
    ("my face drooped in the mirror this morning", "one_sided_weakness"),
    ("I passed out on the sofa and my wife couldn't wake me", "sudden_confusion"),
    ("passed out on the couch and wouldn't wake up", "sudden_confusion"),
    ("my left arm went weak this morning then it settles", "one_sided_weakness"),
    ("I passed out in the kitchen", "sudden_confusion"),
]


@pytest.mark.parametrize("text,flag", STILL_WARNS)
def test_the_same_sign_told_once_lately_or_with_no_waking_still_warns(text, flag):
    assert flag in flags(text)


CONFUSED_NOW = [
    "he's been muddled since this morning",
    "I'm confused since this morning and can't think",
    "she doesn't know where she is since last night",
    "I'm muddled after banging my head",
    "very drowsy and muddled after he hit his head",
]


@pytest.mark.parametrize("text", CONFUSED_NOW)
def test_confusion_that_began_today_or_after_a_blow_to_the_head_warns(text):
    assert "sudden_confusion" in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was confused by the forms this morning",
        "feeling confused about the new rota since this morning",
        "I'm sleepy this morning",
        "I'm a bit confused",
    ],
)
def test_puzzled_by_a_thing_or_sleepy_in_the_morning_is_no_confusion(text):
    assert flags(text) == set()


def test_incontinence_with_no_word_of_when_is_asked_about_not_raised():
    """'just now' was a cue of sudden loss of control made only of stop words: dropped, it left no cue, and the
    word alone read as the emergency. Said with no time, the reader is unsure and says so at the top."""
    got = run("match", "I'm incontinent")
    assert got["red_flags"] == []
    assert [p["symptom"]["id"] for p in got["possible_urgent"]] == ["bladder_bowel_loss"]


@pytest.mark.parametrize("text", ["I suddenly became incontinent", "became incontinent an hour ago"])
def test_incontinence_that_came_lately_still_warns(text):
    assert "bladder_bowel" in flags(text)


TOLD_PLAINLY = [
    ("she keeled over in the garden and was jerking all over", "seizures"),
    ("he hit the deck and started shaking and jerking", "seizures"),
    ("my words went weird about half an hour ago", "slurred_speech"),
    ("his speech has gone funny since lunch", "slurred_speech"),
]


@pytest.mark.parametrize("text,flag", TOLD_PLAINLY)
def test_a_collapse_with_shaking_or_speech_that_went_funny_warns(text, flag):
    assert flag in flags(text)


@pytest.mark.parametrize("text", ["the telly went funny", "my phone went weird", "I keeled over at the shops"])
def test_a_thing_that_went_funny_or_a_fall_alone_raises_no_seizure_or_speech_warning(text):
    assert not {"seizures", "slurred_speech"} & flags(text)


@pytest.mark.parametrize("text", ["this dress is so tight I can't breathe", "my jeans are too tight, can't breathe"])
def test_clothes_too_tight_to_breathe_in_raise_no_warning(text):
    assert flags(text) == set()


@pytest.mark.parametrize(
    "text",
    ["my chest is so tight I can't breathe", "my throat is closing up", "it feels like my throat is closing"],
)
def test_a_tight_chest_or_a_closing_throat_warns(text):
    assert "breathing" in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "my arm kept jerking for five minutes and I couldn't stop it",
        "my leg was jerking and I couldn't make it stop, this morning",
    ],
)
def test_a_limb_jerking_that_would_not_stop_is_a_seizure(text):
    assert "seizures" in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "my eyelid kept twitching and wouldn't stop",
        "my leg jerks at night and I can't stop it",
        "the car jerked and wouldn't stop",
    ],
)
def test_a_twitch_a_jerk_now_and_then_or_a_car_is_no_seizure(text):
    assert "seizures" not in flags(text)


EXPLAINED_MORE = [
    "couldn't walk for a week after the marathon",
    "can't swallow, my throat is so sore with tonsillitis",
    "I passed out drunk at the party",
    "I lost my sight line to the stage",
]


@pytest.mark.parametrize("text", EXPLAINED_MORE)
def test_a_race_a_sore_throat_a_drink_or_a_view_explains_it(text):
    assert flags(text) == set()


@pytest.mark.parametrize(
    "text,flag",
    [
        ("I can't swallow my own spit and I'm drooling", "swallowing"),
        ("I passed out drunk and my mates couldn't wake me", "sudden_confusion"),
        ("I can't walk since yesterday", "spreading_weakness"),
    ],
)
def test_the_same_without_the_everyday_cause_still_warns(text, flag):
    assert flag in flags(text)


STORIES = [
    "in the film the guy couldn't breathe",
    "watching a show where a woman has a seizure",
    "I read about a man who lost his sight suddenly",
    "this heat is killing me, can't breathe",
]


@pytest.mark.parametrize("text", STORIES)
def test_a_story_s_character_or_the_weather_raises_no_warning(text):
    assert flags(text) == set()


@pytest.mark.parametrize(
    "text,flag",
    [
        ("I was watching a film and suddenly couldn't breathe", "breathing"),
        ("watching a film with my dad and he collapsed and couldn't breathe", "breathing"),
        ("on the news a man collapsed, now my chest hurts and it's going down my arm", "chest_pain"),
    ],
)
def test_the_person_or_a_relative_watching_a_story_still_warns(text, flag):
    assert flag in flags(text)


@pytest.mark.parametrize(
    "text,flag",
    [
        ("hard to breathe and my legs are weak, started after a cold", "breathing"),
        ("he won't wake up for anything", "sudden_confusion"),
    ],
)
def test_weakness_after_a_cold_or_one_who_will_not_wake_warns(text, flag):
    assert flag in flags(text)


@pytest.mark.parametrize("text", ["hard to breathe with a cold", "I was slurring after the wine"])
def test_a_cold_or_a_drink_still_explains_it(text):
    assert flags(text) == set()
