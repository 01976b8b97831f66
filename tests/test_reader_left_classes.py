"""What the reader's last round left (issue 20, sets C and E's misses), read as classes: someone else told of
as the subject of a sentence, infections and exposures named by what they are, a vaccination as a trigger, and
a recent warning sign that went back to normal. Each class with calm near-misses it must stay calm on.
Phrasings here are the project's own, written for these tests (never items of a blind set)."""

import json

import pytest
from click.testing import CliRunner

from explorer import load_knowledge
from explorer.cli import cli


def run(text: str) -> dict:
    result = CliRunner().invoke(cli, ["match", text, "--format", "json"])
    # 1: some words were not understood, 2: nothing of the person's own was read; the JSON is out either way
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads(result.stdout)


def own(data: dict) -> set[str]:
    """The ids of the findings read as the person's own (time course values left out)."""
    kb = load_knowledge()
    return {r["symptom"]["id"] for r in data["recognized"] if kb.symptoms[r["symptom"]["id"]].kind != "course"}


def levels(data: dict) -> dict:
    return {f["id"]: f["level"] for f in data["red_flags"]}


def theirs(data: dict) -> set[str]:
    return {u["someone_else"] for u in data["unrecognized"] if u.get("someone_else")}


# 1. someone else as the subject the finding is told of, looking back through the sentence, or a pronoun
# standing for them in a later sentence: not the person's findings; their warning signs still warn
THEIRS = [
    ("my nan keeps choking on her porridge and her speech is thick", {"swallowing"}),
    ("Grandad's got an awful crushing pain across his chest", {"chest_pain"}),
    (
        "My boyfriend woke up and can't feel his legs. He can't move them at all. I don't know what to do.",
        {"paralysis"},
    ),
    ("my flatmate is on the sofa, she's gasping for air and can't get a sentence out", {"breathing"}),
    ("A student in my lab slumped over. Her left arm is floppy and her face has dropped.", set()),
]


@pytest.mark.parametrize("text,flags", THEIRS)
def test_someone_else_told_as_the_subject_is_not_the_person(text, flags):
    data = run(text)
    assert own(data) == set()
    assert flags <= set(levels(data))
    if "student" in text:
        assert levels(data).get("one_sided_weakness") == "emergency"


def test_a_pronoun_in_a_later_sentence_stands_for_the_relative_named_before():
    data = run("My uncle has been off colour for a week. His feet have gone numb and he is exhausted. I'm fine.")
    assert own(data) == set() and "uncle" in theirs(data)


def test_a_story_told_wholly_of_another_is_the_case_asked_about():
    # no word of the writer's own: the findings are read as the case (the time course reads it so), warnings raised
    data = run("My uncle has been off colour for a week. His feet have gone numb and he can't swallow.")
    assert "numbness" in own(data) and "swallowing" in levels(data)


def test_someone_elses_finding_that_came_fast_still_warns():
    # numbness set aside as the sister's had no time course to quicken it into the spreading warning
    data = run("My sister's numbness started in her toes on Saturday and now it is up to her waist.")
    assert own(data) == set() and levels(data) == {"spreading_numbness": "same_day"}


MINE = [
    ("my son drove me here, my face has dropped on one side", {"face_drooping"}),
    ("my partner says I was jerking and now my tongue is bitten, numb feet", {"numbness"}),
    ("my dad has diabetes, numbness in my feet for a year", {"numbness"}),
    ("My wife is worried. I have tingling hands.", {"tingling"}),
    ("My husband is fine but I can't swallow my tea", {"trouble_swallowing"}),
    ("my mum had lupus, tingling, dry eyes", {"tingling", "dry_eyes"}),  # findings typed in a list
]


@pytest.mark.parametrize("text,expected", MINE)
def test_a_first_person_word_keeps_the_finding_the_persons(text, expected):
    assert expected <= own(run(text))


# 2. infections and exposures named by what they are: the history findings they are (data/concepts.yaml)
NAMED_HISTORY = [
    ("I got shingles round my waist in March and the skin there still prickles", "recent_infection"),
    ("after a bout of glandular fever my legs have felt heavy", "recent_infection"),
    ("caught dengue on holiday and since then my feet tingle", "recent_infection"),
    ("I strip old paint off houses for a living and my wrists have gone weak", "toxin_exposure"),
    ("twenty years at the battery plant, now my fingers are numb", "toxin_exposure"),
    ("been doing nangs most weekends and my feet have gone numb", "toxin_exposure"),
    ("I'm a welder and lately my hands shake", "toxin_exposure"),
]


@pytest.mark.parametrize("text,history", NAMED_HISTORY)
def test_an_infection_or_exposure_named_by_what_it_is_is_history(text, history):
    assert history in own(run(text))


CALM_NAMES = [
    "my legs went to jelly laughing at the wedding",  # one letter from "welding"
    "I changed the batteries in the smoke alarm",
    "I painted the fence on Saturday and my hands tingle",
    "my mono headphones stopped working and my feet are numb",
]


@pytest.mark.parametrize("text", CALM_NAMES)
def test_everyday_words_near_an_exposure_name_no_history(text):
    assert own(run(text)).isdisjoint({"toxin_exposure", "recent_infection"})


# 3. a vaccination is a trigger (the time course's course_after_vaccination), not an everyday cause: findings told
# days after it are read, and weakness that spreads warns; the jab's own sore or weak arm stays explained
AFTER_A_JAB = [
    ("Ten days after my flu jab my feet started tingling and now my legs are weak", "tingling"),
    ("since my covid booster last week my hands have gone numb", "numbness"),
    ("a fortnight after the vaccine my legs got weaker by the day", "rapidly_spreading_weakness"),
]


@pytest.mark.parametrize("text,finding", AFTER_A_JAB)
def test_findings_days_after_a_vaccination_are_read(text, finding):
    data = run(text)
    assert finding in own(data) and "recent_infection" not in own(data)


def test_weakness_spreading_after_a_jab_warns():
    text = "Two weeks after my flu shot my legs went weak and now it's up to my hips"
    assert levels(run(text)).get("spreading_weakness") == "emergency"


JAB_ARMS = [
    "my arm was weak and achy for a day after the booster, sore where the needle went in",
    "My arm is sore after the flu jab yesterday.",
]


@pytest.mark.parametrize("text", JAB_ARMS)
def test_the_jabs_own_arm_raises_nothing(text):
    data = run(text)
    assert levels(data) == {} and "recent_infection" not in own(data)


# 4. a calm word that says it is over ("back to normal", `calm_over`) keeps a warning sign told as lately passed,
# as the words that end an episode do: an emergency that passed still needs care
LATELY_PASSED = [
    # passed days ago: a doctor within a day (data/time_course.yaml passed_warning)
    (
        "Last week the sight in my right eye went for an hour and then it went back to normal",
        "stroke_warning_passed",
        "same_day",
    ),
    (
        "my words came out jumbled and slurred this morning for twenty minutes, back to normal now",
        "slurred_speech",
        "emergency",
    ),
    ("yesterday my face drooped on the left for a bit, okay now", "one_sided_weakness", "emergency"),
]


@pytest.mark.parametrize("text,flag,level", LATELY_PASSED)
def test_a_warning_sign_lately_passed_still_warns_beside_a_calm_word(text, flag, level):
    assert levels(run(text)).get(flag) == level


CALM_OVER = [
    "my face drooped years ago after a bout of Bell's palsy, back to normal now",  # long past
    "the boss threw a fit again today, whole office cannot breathe",  # a figure of speech, told today
    "I was puffing after the run this morning, back to normal now",  # an everyday cause
]


@pytest.mark.parametrize("text", CALM_OVER)
def test_a_calm_word_still_calms_what_is_long_past_a_figure_of_speech_or_explained(text):
    assert levels(run(text)) == {}
