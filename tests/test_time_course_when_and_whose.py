"""What the time words say of each finding, and whose it is: an infection dated long ago is a past event; a
stroke's warning that passed days ago is seen within a day; a one-sided weakness grown over days is an emergency
that says so; a weakness told as grown, a medicine started in the passive, an episode dated past beside a finding
told as now, and a relative's diagnosis said to be the person's too. Through the CLI, as a learner types."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def read(text: str) -> dict[str, dict]:
    """Every mention of ``text`` by finding id (present or absent)."""
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return {m["symptom"]["id"]: m for m in json.loads(done.stdout)["mentions"]}


def present(text: str) -> set[str]:
    return {i for i, m in read(text).items() if m["status"] == "present"}


@pytest.mark.parametrize(
    "text",
    [
        "I had covid once. My feet have been tingling for two weeks.",
        "had shingles years back, now my hands are numb for a month",
        "Caught the flu when I was a kid, and my toes have tingled since the spring",
    ],
)
def test_an_infection_dated_long_ago_is_a_past_event(text):
    mention = read(text)["recent_infection"]
    assert mention["status"] == "absent" and mention.get("past"), mention
    assert "course_after_infection" not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "I had the flu two weeks ago and now my legs are weak",  # weeks ago: recent
        "I had a chest infection last month, and my feet tingle",
    ],
)
def test_an_infection_of_weeks_ago_stays_recent(text):
    assert "recent_infection" in present(text)


def test_an_infection_long_ago_is_said_so_and_suggests_no_infection_cause():
    done = CliRunner().invoke(cli, ["match", "I had covid once. My feet have been tingling for two weeks."])
    assert "a past event ('once')" in done.output
    assert "Neuropathy after or during an infection" not in done.output


# A stroke's warning sign told as over: dated days or more ago it needs a doctor within a day; within the last day,
# or undated, it stays an emergency (data/time_course.yaml ``passed_warning``).


def levels(text: str) -> set[str]:
    done = CliRunner().invoke(cli, ["match", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return {flag["level"] for flag in json.loads(done.stdout)["red_flags"]}


@pytest.mark.parametrize(
    "text",
    [
        "last Tuesday my face drooped for ten minutes, fine since",
        "Last Tuesday my face drooped for ten minutes but it has been fine since.",
        "A week ago my speech was slurred for twenty minutes, then it went back to normal",
        "three days ago I lost the sight in my left eye for an hour, then it came back",
        "Two weeks ago my left side went numb for half an hour but it went away",
    ],
)
def test_a_stroke_warning_that_passed_days_ago_is_seen_within_a_day(text):
    assert levels(text) == {"same_day"}
    assert "stroke_warning_passed" in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "this morning my speech was slurred for twenty minutes, back to normal now",
        "yesterday my face drooped for ten minutes, fine since",
        "my face drooped for ten minutes, then back to normal",  # undated: most likely lately
        "Last Tuesday my face drooped and it is still drooping",  # not over
    ],
)
def test_a_stroke_warning_within_the_last_day_or_still_there_stays_an_emergency(text):
    assert "emergency" in levels(text)
    assert "stroke_warning_passed" not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "my face has drooped since last week and it hasn't gone away",
        "on saturday my speech went slurred and it is still not back to normal",
        "4 days ago i lost the sight in my right eye and it never came back",
        "last tuesday my face drooped and i can no longer smile on that side",
        "2 days ago my mum's face dropped on one side, it's not gone away",
    ],
)
def test_a_stroke_warning_whose_end_is_denied_stays_an_emergency(text):
    """Words of an ending that are denied ("hasn't gone away", "never came back") say the sign is still there."""
    assert "emergency" in levels(text)
    assert "stroke_warning_passed" not in present(text)


def test_a_stroke_warning_years_ago_stays_a_past_event():
    done = CliRunner().invoke(cli, ["match", "years ago my face drooped for ten minutes, fine since"])
    assert done.exit_code == 2 and "URGENT" not in done.output
    assert "a past event" in done.output


def test_the_passed_warning_says_which_words_dated_it():
    notes = read("last Tuesday my face drooped for ten minutes, fine since")["stroke_warning_passed"]["notes"]
    said = "Face drooping on one side read as A stroke's warning sign that has passed: 'last Tuesday' says it"
    assert f"{said} passed then" in notes
    done = CliRunner().invoke(cli, ["parse", "last Tuesday my face drooped for ten minutes, fine since"])
    assert '"last"' not in done.output  # the words that dated it are read


# A one-sided weakness that came on gradually over days: read as the weakness it is, on one side and getting worse,
# with its own emergency that says so (data/time_course.yaml ``gradual``, red-flag.one-side-over-days-weak): still a
# stroke's warning sign, so never a lower level than the stroke's.


def flags(text: str) -> dict[str, str]:
    done = CliRunner().invoke(cli, ["match", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return {flag["id"]: flag["level"] for flag in json.loads(done.stdout)["red_flags"]}


@pytest.mark.parametrize(
    "text",
    [
        "I have MS. Over the last three days my left leg has got weak.",
        "Over the past five days my left arm has gradually become weak",
        "my left arm became weak bit by bit over the last four days",
    ],
)
def test_a_one_sided_weakness_grown_over_days_is_an_emergency_that_says_so(text):
    assert flags(text) == {"one_side_over_days": "emergency"}
    read = present(text)
    assert "one_sided_weakness" not in read and "muscle_weakness" in read, read
    assert {"symmetry_one_side", "course_progressing", "onset_acute"} <= read


@pytest.mark.parametrize(
    "text",
    [
        "Three days ago my left arm suddenly went weak",  # sudden, days ago: a stroke's
        "Since Tuesday my left arm has been weak",  # a day named: it may have struck then
        "For three days my left leg has been weak",  # no word that it grew
        "my left arm became weak two days ago",  # a change told, not how fast
        "my right leg got weak 3 days ago and now I can't lift it",
        "my left arm suddenly went weak 3 days ago and it has got weak ever since",
    ],
)
def test_a_one_sided_weakness_not_told_as_gradual_keeps_the_stroke_warning(text):
    assert flags(text).get("one_sided_weakness") == "emergency"


def test_the_gradual_reading_says_which_words_dated_it():
    notes = read("I have MS. Over the last three days my left leg has got weak.")["muscle_weakness"]["notes"]
    assert any("Sudden weakness on one side of the body read as Muscle weakness" in note for note in notes), notes


# A weakness told as grown ("got weaker", "has become weaker") is the weakness; the time course says how fast. "Over
# the last year" is a span up to now, not a past event (past_span_before in data/words.yaml).


@pytest.mark.parametrize(
    "text, finding",
    [
        ("Over the last year my wrists have slowly got weaker, both hands evenly.", "muscle_weakness"),
        ("for the last year my arms have grown weaker", "muscle_weakness"),
        ("my legs have slowly got weaker", "leg_weakness"),
    ],
)
def test_a_weakness_grown_slowly_is_the_weakness_and_raises_nothing(text, finding):
    assert finding in present(text)
    assert levels(text) == set()


def test_a_weakness_grown_over_days_is_still_weakness_that_worsens_quickly():
    assert flags("my legs got weaker over the weekend") == {"spreading_weakness": "emergency"}


def test_a_past_cue_without_the_words_of_a_span_stays_a_past_event():
    assert read("I had a seizure last year")["seizures"]["status"] == "absent"
    assert "onset_chronic" in present("over the last year my feet have been numb")


@pytest.mark.parametrize(
    "text",
    ["My right arm has slowly got weaker over four days", "my left leg has got weaker over the last three days"],
)
def test_a_one_sided_weakness_told_as_grown_over_days_keeps_a_warning(text):
    # read as the weakness grown over days on one side, still an emergency
    assert flags(text) == {"one_side_over_days": "emergency"}
    assert "course_progressing" in present(text)


# A medicine started, told in the passive ("was put on", "was started on"), is the exposure the findings follow, as
# "put me on" was (dating.events, course_follows_exposure).


@pytest.mark.parametrize(
    "text",
    [
        "I was put on amiodarone in March. Since June my feet have been tingling.",
        "My mum was started on thalidomide in the spring. Since about June she has had numb feet.",
    ],
)
def test_a_medicine_started_in_the_passive_is_the_exposure_followed(text):
    assert "course_follows_exposure" in present(text)


def test_a_plan_started_in_the_passive_is_no_exposure():
    assert "course_follows_exposure" not in present("I was put on a diet in March. Since June my feet have tingled.")


# A word that goes on ("now", "still") in a later list item, before a finding of its own, speaks of that finding, not
# of an episode a past cue dated before it: the episode stays past.


@pytest.mark.parametrize(
    "text, past",
    [
        (
            "last year my vision blurred in one eye for a few weeks, and now my right hand is tingly again.",
            "optic_neuritis",
        ),
        ("years ago my speech slurred for an hour, and now my feet are numb", "slurred_speech"),
    ],
)
def test_an_episode_dated_past_stays_past_beside_a_finding_told_as_now(text, past):
    assert read(text)[past]["status"] == "absent"
    assert levels(text) == set()


@pytest.mark.parametrize(
    "text", ["my feet went numb years ago and still are", "I had chest pain years ago, and now it is back"]
)
def test_a_word_that_goes_on_with_no_finding_of_its_own_keeps_the_finding_current(text):
    assert {"numbness", "chest_pain"} & present(text)


# A relative's diagnosis the person says is theirs too ("... and I've just been diagnosed too", "so do I") is the
# background of their findings, as "I have lupus" is (diagnosed_too in data/time_course.yaml).

PATCHY = "Over the past week the top of my left foot went numb suddenly, then the back of my right hand two days later."


@pytest.mark.parametrize(
    "text, background",
    [
        (f"My mother has lupus and I've just been diagnosed too. {PATCHY}", "background_lupus"),
        ("My dad has MS and so do I. Since Monday my right arm has been tingling.", "background_multiple_sclerosis"),
    ],
)
def test_a_relatives_diagnosis_said_to_be_mine_too_is_my_background(text, background):
    assert background in present(text)


def test_a_relatives_diagnosis_alone_stays_theirs():
    assert "background_lupus" not in present(f"My mother has lupus. {PATCHY}")
