"""Sixty fresh wordings (issue 20, round 5b), written for this test before any tuning of the round: thirty everyday
ways of telling an emergency (several Englishes, texting style) that must raise their level, and thirty calm
near-misses (figures of speech, everyday causes that really explain the words, things that are no body) that must
raise no warning. They are the project's own wordings, never items of a blind set."""

import pytest

from tests.test_reader_urgent_classes import run

LEVELS = ("emergency", "same_day")

URGENT = [
    # weakness moving on to new limbs, read since "this arvo" tells a sudden onset (tests/test_reader_round18.py)
    ("cant lift my arms above my head since this arvo and now my legs r going too", "emergency"),
    ("my face has gone lopsided and I'm talking gibberish", "emergency"),
    ("I keeled over at the shops and was shaking all over for a couple of mins", "emergency"),
    ("I've wet myself twice today and I can't feel anything down there", "emergency"),
    ("the food keeps going down the wrong way and I'm coughing at every meal", "emergency"),
    ("lost the sight in my left eye all at once about an hour ago", "emergency"),
    ("crushing pain in my chest going down my left arm", "emergency"),
    ("I'm gasping for air just sitting here", "emergency"),
    ("my speech went all funny and slurry about 20 mins ago", "emergency"),
    ("my right arm just went floppy and I can't grip anything", "emergency"),
    ("I'm not making sense and don't know what day it is, started this morning", "emergency"),
    ("my leg is not carrying me again since yesterday, I cannot stand", "emergency"),
    ("tingles started in my toes on friday and it's past my knees now", "same_day"),
    ("I am having double vision since morning itself", "same_day"),
    ("it hurts behind my eye when I look sideways and colours look washed out", "same_day"),
    ("my bum's gone numb and I haven't been able to pee since yesterday", "emergency"),
    ("half my face won't move, I can't close my eye on that side", "emergency"),
    ("pls help i cant breathe properly and my lips r blue", "emergency"),
    ("I keep choking on water, it comes back out my nose", "emergency"),
    ("my legs got weaker every day this week and today I fell on the stairs", "emergency"),
    ("had a fit at work, first one ever, bit my tongue", "emergency"),
    ("suddenly my left side numb lah, cannot feel the arm and leg", "emergency"),
    ("woke up n half my body is numb on the right", "emergency"),
    ("I can't get my words out, I know what I want to say but it comes out wrong", "emergency"),
    ("ngl i cant swallow anything rn, not even my spit", "emergency"),
    ("a curtain came down over my eye this morning", "emergency"),
    ("I've messed myself without feeling it", "emergency"),
    ("tight band round my chest, sweating buckets, feel sick", "emergency"),
    ("my legs have gone to jelly since Monday and today I can't get up off the floor", "emergency"),
    ("I'm very drowsy and muddled after banging my head", "emergency"),
]

CALM = [
    "my phone battery got weaker after the update",
    "the signal got worse when it rained",
    "I had a sneezing fit this morning, fine now",
    "choked on a crisp at lunch, coughed it up, all good",
    "the whole street blacked out in the storm last night",
    "I was dying of laughter at the wedding",
    "my legs were dead after the marathon",
    "I couldn't feel my fingers after building the snowman, they warmed up in ten minutes",
    "I slurred my words after four pints, as you do",
    "I'm numb to the news these days",
    "pins and needles in my foot from sitting cross-legged, went in a minute",
    "saw double at the pub after too many, my own fault",
    "couldn't breathe from laughing so hard",
    "I got a stitch in my side running for the bus",
    "the whole city was paralysed by the snow",
    "the council is paralysed by indecision",
    "I can't swallow the idea of moving house again",
    "my face dropped when I saw the bill",
    "I nearly wet myself laughing",
    "my knees gave way on the trampoline, landed on my bum, fine",
    "I was paralytic on saturday night",
    "my eyes go blurry when I'm reading without my glasses",
    "my arm went dead from sleeping on it, fine after a shake",
    "my voice went hoarse from shouting at the football",
    "feeling confused by the new tax forms",
    "my grip on the situation got weaker as the meeting went on",
    "the dollar got weaker again this week",
    "my knees are worse when it rains, have been for years",
    "the cat had a coughing fit and brought up a hairball",
    "i was so tired i couldnt be bothered getting up this morning",
]


def _level(text: str) -> str:
    flags = run("match", text)["red_flags"]
    found = {f["level"] for f in flags}
    return next((level for level in LEVELS if level in found), "none")


@pytest.mark.parametrize("text,level", URGENT)
def test_an_everyday_emergency_raises_its_level(text, level):
    assert _level(text) == level


@pytest.mark.parametrize("text", CALM)
def test_a_calm_near_miss_raises_no_warning(text):
    assert run("match", text)["red_flags"] == []
