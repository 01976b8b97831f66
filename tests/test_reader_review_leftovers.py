"""Safety leftovers of a review of the reader (issue 20, round 3): an animal told of as the subject is not the
person, so its breathing raises no emergency (while the person's own, beside an animal, still does); a number
word of a time span brings up no did-you-mean; an eye that hurts and blurs keeps its warning when halos are told
too (acute glaucoma is not a finding we have, and silence would be worse than the nearest warning). Phrasings here
are the project's own, written for these tests (never items of a blind set)."""

import pytest

from tests.test_reader_urgent_classes import levels, run  # the same JSON readers

ANIMALS = [
    "the dog is panting on the sofa",
    "my cat can't breathe",
    "our puppy keeps choking on his food",
    "the horse is wheezing badly and can't get its breath",
]


@pytest.mark.parametrize("text", ANIMALS)
def test_an_animals_warning_sign_is_not_the_persons_emergency(text):
    assert levels(text) == {}
    parsed = run("parse", text)
    assert not [m for m in parsed["mentions"] if m["status"] == "present"]
    assert any(x["someone_else"] for x in parsed["leftovers"])  # said to be the animal's, not dropped


OWN_BESIDE_AN_ANIMAL = [
    "I walked the dog and couldn't breathe",  # the dog is no subject: the person's own emergency
    "the dog jumped up at me and now I can't breathe",
    "I can't breathe when I'm near the cat",
    "my dog died last week and I can't breathe",
]


@pytest.mark.parametrize("text", OWN_BESIDE_AN_ANIMAL)
def test_the_persons_own_emergency_beside_an_animal_is_raised(text):
    assert levels(text) == {"breathing": "emergency"}


@pytest.mark.parametrize(
    "text",
    ["sick as a dog with chest pain", "sweating like a pig with crushing chest pain", "chest pain, sick as a dog"],
)
def test_an_animal_in_a_likeness_owns_no_finding(text):
    """An animal after "as a" or "like a" is a figure of speech, not a subject: the chest pain is the person's."""
    assert levels(text) == {"chest_pain": "emergency"}


def test_a_relatives_emergency_is_still_raised():
    assert levels("my daughter can't breathe") == {"breathing": "emergency"}


SPANS = [
    "it came on over two days",
    "my feet got worse over two days",
    "it all started three weeks ago",
]


@pytest.mark.parametrize("text", SPANS)
def test_a_number_word_of_a_span_brings_up_no_did_you_mean(text):
    offered = [s["id"] for x in run("parse", text)["leftovers"] for s in x["did_you_mean"]]
    assert "double_vision" not in offered
    assert not [x for x in run("parse", text)["leftovers"] if x["urgent_if_meant"]]


def test_seeing_two_of_everything_still_reads_or_offers_double_vision():
    parsed = run("parse", "everything comes in twos, I see two of each car")
    read = {m["symptom"]["id"] for m in parsed["mentions"]}
    offered = {s["id"] for x in parsed["leftovers"] for s in x["did_you_mean"]}
    assert "double_vision" in read | offered


@pytest.mark.parametrize(
    "text",
    [
        "seeing rainbows round lights, eye pain and my vision went blurry in one eye",
        "my eye hurts when i move it and everything is blurry, i see halos at night",
        "I played Halo all night and now my left eye hurts when i move it and my vision in it is blurry",
    ],
)
def test_a_painful_blurry_eye_told_with_halos_keeps_its_warning(text):
    assert levels(text) == {"painful_vision": "same_day"}


def test_an_eye_that_hurts_and_blurs_without_halos_is_still_painful_vision():
    assert levels("my right eye hurts when I move it and it has gone blurry") == {"painful_vision": "same_day"}


@pytest.mark.parametrize(
    "text",
    [
        "my right arm went numb and weak an hour ago",
        "my left arm is numb and weak since this morning",
    ],
)
def test_one_side_gone_numb_and_weak_suddenly_is_a_strokes_sign(text):
    """A side and a limb open the item, so "weak" after "and" is that arm's (no weakness all over), and weakness or
    numbness on one side within hours raises the stroke's warnings, however it is worded (pattern.one-side-sudden-*)."""
    assert levels(text) == {"one_sided_weakness": "emergency", "one_sided_numbness": "emergency"}


def test_one_side_numb_and_weak_for_years_is_no_emergency():
    assert levels("my right hand has been numb and weak for years") == {}


@pytest.mark.parametrize(
    "text", ["my left arm has got weaker", "my right arm became weaker after lunch", "my left arm has got weeker"]
)
def test_one_arm_grown_weaker_keeps_the_strokes_warning(text):
    """One arm said to have got weaker is the stroke's one-sided sign (no lay name of plain weakness takes it first)."""
    assert levels(text) == {"one_sided_weakness": "emergency"}


def test_a_sudden_one_sided_weakness_getting_worse_is_the_strokes_card_not_the_grown_over_days_one():
    assert levels("my left arm suddenly went weak an hour ago and it is getting worse") == {
        "one_sided_weakness": "emergency"
    }


@pytest.mark.parametrize("text", ["hit my head this morning and now im drowsy and confused", "confused and drowsy"])
def test_drowsy_and_confused_is_the_emergency(text):
    assert levels(text) == {"sudden_confusion": "emergency"}


@pytest.mark.parametrize("text", ["all of a sudden my left leg went numb", "my right hand went numb an hour ago"])
def test_one_side_gone_numb_suddenly_is_the_numbness_warning(text):
    assert levels(text) == {"one_sided_numbness": "emergency"}


@pytest.mark.parametrize(
    "text",
    [
        "i came off my bike and hit my head, now im sick and drowsy",
        "after he banged his head he kept being sick and got very drowsy",
        "after a head injury I'm drowsy and confused",
    ],
)
def test_drowsy_after_a_blow_to_the_head_is_the_emergency(text):
    """An injury or a fall from a bike is no everyday cause that explains drowsiness away."""
    assert levels(text) == {"sudden_confusion": "emergency"}


def test_one_seizure_long_ago_and_never_another_since_is_a_past_event():
    assert levels("I had one seizure back in 1998 after a head injury and never another since.") == {}


@pytest.mark.parametrize(
    "text",
    ["I had a seizure this morning and never another since", "I had a seizure yesterday, never had another since"],
)
def test_a_seizure_within_the_day_and_none_since_still_warns(text):
    assert levels(text) == {"seizures": "emergency"}


def test_a_stroke_sign_yesterday_fine_now_is_still_the_emergency():
    """'fine now' ends an episode as 'fine since' does, and a stroke's sign that passed within the last day warns."""
    assert levels("yesterday my face drooped for ten minutes, fine now") == {"one_sided_weakness": "emergency"}
