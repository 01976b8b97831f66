"""Time said as structure (``dating`` in data/time_course.yaml, explorer/language/dating.py): a count and a unit
read as the onset its days fall in, a named day, month, season or year after a pointing word, an event after
"after" or "since", and a date anchored to the finding its clause names. Through the CLI, as a learner types."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from tests.kbedit import assert_breakage_reported


def parsed(text: str) -> dict[str, dict]:
    """Present mentions of ``text``, by finding id."""
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return {m["symptom"]["id"]: m for m in json.loads(done.stdout)["mentions"] if m["status"] == "present"}


def onset(text: str) -> str | None:
    return next((i for i in parsed(text) if i.startswith("onset_")), None)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("my feet have been numb for 10+ yrs", "onset_chronic"),  # digits, an abbreviated unit
        ("my feet have been numb for six months", "onset_chronic"),
        ("my feet have been numb for the last 18 months", "onset_chronic"),
        ("my feet have been numb for 10 days", "onset_acute"),
        ("my feet have been numb for 2-3 weeks", "onset_subacute"),
        ("my feet have been numb for weeks", "onset_subacute"),  # a plural with no count
        ("my legs went weak last weekend", "onset_acute"),  # a named day after a pointing word
        ("my legs went weak the day before yesterday", "onset_acute"),
        ("my feet have been numb since march", "onset_chronic"),  # a month
        ("my feet have been numb on and off since spring", "onset_chronic"),  # a season
        ("my feet have been numb since 2019", "onset_chronic"),  # a year
        ("my feet have been numb for donkey's years", "onset_chronic"),  # vague spans
        ("my feet went numb ages ago", "onset_chronic"),
        ("my feet have been numb for a while now", "onset_chronic"),
        ("my feet have been numb for 10yrs", "onset_chronic"),  # texting style: count and unit in one word
        ("numb for 18mths", "onset_chronic"),
        ("legs weak for 3days and getting worse", "onset_acute"),
    ],
)
def test_a_duration_or_a_date_is_read_as_the_onset_its_days_fall_in(text, expected):
    assert onset(text) == expected, parsed(text)


@pytest.mark.parametrize(
    "text",
    [
        "these days my feet are numb",  # a plural with no count and no "for": no span
        "my feet are numb when i sit in the sun",  # no abbreviation that is a word ("sun", "sat", "wed")
        "my feet are numb, some days worse than others",
        "my hands go numb for 2hrs a day",  # an episode's length, glued or not
        "my b12 was low and my feet are numb",
    ],
)
def test_words_that_only_look_like_dates_give_no_onset(text):
    assert onset(text) is None, parsed(text)


def test_an_event_after_after_or_since_is_the_course_it_names():
    assert "course_after_infection" in parsed("my legs got weak after a nasty chest infection")
    assert "course_after_infection" in parsed("my legs have been weak ever since i came down with the flu")
    assert "course_follows_exposure" in parsed("my feet went numb after chemo started")


def test_a_date_anchors_to_the_finding_its_clause_names():
    # the months date the metformin and the week the cold; the years date the numbness
    assert onset("my feet have been numb and burning for about 5 years, and i started metformin 2 months ago") == (
        "onset_chronic"
    )
    assert onset("my feet have been numb for years, and i had a cold last week") == "onset_chronic"
    # with no other onset, the date of the clause beside the findings still dates them (the shortest wins)
    assert onset("i had a cold last week, and now my legs are weak and i cant walk") == "onset_acute"
    assert onset("i've had diabetes for 20 years and my legs went weak 3 days ago") == "onset_acute"


def test_an_infection_dated_in_a_sentence_of_its_own_dates_the_findings_told_after_it():
    got = parsed("I had the flu two weeks ago. Now my legs are weak and I can't walk.")
    assert {"onset_acute", "course_after_infection", "rapidly_spreading_weakness"} <= set(got), got
    done = CliRunner().invoke(
        cli, ["match", "--format", "json", "I had the flu two weeks ago. Now my legs are weak and I can't walk."]
    )
    result = json.loads(done.stdout)
    assert result["suggestions"][0]["condition"]["id"] == "guillain_barre_syndrome"
    assert "spreading_weakness" in {f["id"] for f in result["red_flags"]}
    # told after the findings, or a lasting condition, it dates nothing of theirs
    assert onset("My legs are weak. I had the flu two weeks ago.") is None
    assert onset("I've had diabetes for fifteen years. My feet are numb.") is None


DATING_BREAKAGES = [
    # (text replaced, replacement, text on the line the problem must name, what it must say)
    (
        "units: {minute: 0.0007,",
        "units: {minute: soon,",
        "units: {minute: soon",
        "dating.units.minute: expected a positive number",
    ),
    ("yr: year, yrs: year}", "yr: year, yrs: yearz}", "yrs: yearz", "'yearz' is not one of the units"),
    (
        "under: {onset_sudden: 1, onset_acute: 15, onset_subacute: 63}",
        "under: {onset_sudden: 1, onset_acute: 15, onset_subacute: 9}",
        "onset_subacute: 9",
        "onset_subacute: expected more days than 15",
    ),
    (
        "  longer: onset_chronic",
        "  longer: course_stable",
        "longer: course_stable",
        "'course_stable' is not an onset value",
    ),
    (
        "    course_follows_exposure: [chemo,",
        "    onset_chronic: [chemo,",
        "onset_chronic: [chemo",
        "dating.events.onset_chronic: 'onset_chronic' is not a course value",
    ),
    ("  fillers: [the, a,", "  fillers: [the end, a,", "fillers: [the end", "dating.fillers[0]: expected one word"),
    (
        "  lasting: [course_follows_exposure]",
        "  lasting: [course_after_tick_bite]",
        "lasting: [course_after_tick_bite]",
        "dating.lasting[0]: 'course_after_tick_bite' is not a value of `events`",
    ),
    (
        "bounds: {recent_infection: course_after_infection}",
        "bounds: {numbness: course_after_infection}",
        "bounds: {numbness",
        "'numbness' is not a history finding",
    ),
    (
        "dating:\n",
        "numbers: [a, two]\ndating:\n",
        "numbers: [a, two]",
        "'numbers' is no longer read: number words are in `dating.numbers` now",
    ),
    (
        "      lay: [acute onset]\n",
        "      lay: [acute onset]\n      units: [day]\n",
        "units: [day]",
        "`units` is no longer read",
    ),
]


@pytest.mark.parametrize("old,new,needle,message", DATING_BREAKAGES)
def test_a_broken_dating_entry_is_reported_at_its_line(kb_copy, old, new, needle, message):
    assert_breakage_reported(kb_copy, "data/time_course.yaml", old, new, needle, message)


def test_an_event_told_in_a_sentence_of_its_own_is_the_course_of_the_findings_after_it():
    # a cold dated before an onset told of the findings: the findings followed it
    got = parsed("I had a cold two weeks ago. Three days ago my toes started tingling and it's crept up to my knees.")
    assert {"course_after_infection", "onset_acute"} <= set(got), got
    # an event dated months or years ago, or after the findings began, is not their course's event
    assert "course_after_infection" not in parsed("I had a cold last week. My feet have been numb for years.")
    assert onset("I had a cold last week. My feet have been numb for years.") == "onset_chronic"
    assert "onset_chronic" not in parsed("I had the flu in 2015. My legs are weak.")
    # "after the flu" in a sentence that names only the infection still says what the findings followed
    assert "course_after_infection" in parsed("My legs are weak. It all started after the flu.")


def test_a_relatives_diagnosis_is_the_background_when_the_story_is_theirs():
    story = (
        "My mum has had lupus for fifteen years. Three weeks ago she got a burning numb patch on the top of her "
        "right foot, and last Friday her left hand went weak."
    )
    assert "background_lupus" in parsed(story)
    done = CliRunner().invoke(cli, ["match", "--format", "json", story])
    assert json.loads(done.stdout)["suggestions"][0]["condition"]["id"] == "systemic_lupus_erythematosus"
    # told of the writer, a relative's diagnosis stays the relative's
    mine = "My mum has lupus. Three weeks ago my right foot went numb and last Friday my left hand went weak."
    assert "background_lupus" not in parsed(mine)


def test_the_date_of_a_past_event_is_the_events_never_another_findings_onset():
    # "years ago" dates the chest pain that is over; the numbness told beside it has no onset from it
    assert onset("numbness, chest pain years ago") is None
    assert onset("numbness, family history of diabetes, chest pain years ago, my mother has lupus") is None
    assert onset("numbness for years, chest pain years ago") == "onset_chronic"  # its own clause dates it


@pytest.mark.parametrize(
    "story",
    [
        "I had a cold. Since Friday my feet and hands have gone numb and my legs are getting weaker.",
        "I had the flu. Over the last few days my legs have become weak and I can't climb stairs.",
        "I had a tummy bug. Three days ago my toes started tingling and it's crept up to my knees.",
    ],
)
def test_an_undated_infection_told_before_findings_of_a_recent_onset_is_their_event(story):
    assert "course_after_infection" in parsed(story)
    done = CliRunner().invoke(cli, ["match", "--format", "json", story])
    assert json.loads(done.stdout)["suggestions"][0]["condition"]["id"] == "guillain_barre_syndrome"


def test_an_undated_infection_is_no_event_of_findings_of_years_or_of_no_onset():
    # near misses: a cold told before numbness of years, or before findings given no onset, dates nothing
    assert "course_after_infection" not in parsed("I had a cold. My feet have been numb for years.")
    assert "course_after_infection" not in parsed("I had a cold. My feet are numb.")


@pytest.mark.parametrize(
    "story",
    [
        "I had my flu jab ten days ago. Now my legs are weak and tingling on both sides.",
        "I had the covid vaccine two weeks ago. Since Friday my feet and hands have gone numb and my legs are "
        "getting weaker.",
        "Since my booster on Monday my legs have got weaker and I can barely walk.",
    ],
)
def test_a_vaccination_is_the_course_of_findings_after_it_never_an_infection(story):
    got = parsed(story)
    assert "course_after_vaccination" in got and "course_after_infection" not in got, got
    done = CliRunner().invoke(cli, ["match", "--format", "json", story])
    result = json.loads(done.stdout)
    assert result["suggestions"][0]["condition"]["id"] == "guillain_barre_syndrome"
    assert "spreading_weakness" in {f["id"] for f in result["red_flags"]}


def test_a_sore_arm_after_a_jab_suggests_no_nerve_condition_and_raises_nothing():
    done = CliRunner().invoke(cli, ["match", "--format", "json", "My arm is sore after the flu jab yesterday."])
    result = json.loads(done.stdout)
    assert "guillain_barre_syndrome" not in {s["condition"]["id"] for s in result["suggestions"]}
    assert result["red_flags"] == []


@pytest.mark.parametrize(
    "story",
    [
        "I have rheumatoid arthritis, and the rheumatologist started me on leflunomide in January. Since about April "
        "both my feet and then both hands have gone tingly and numb, evenly on both sides.",
        "My GP started me on amiodarone two years ago. Over the last few months my feet have gone numb, both sides.",
        "I started taking a new tablet for my heart in March. Since the summer my feet and hands have gone numb.",
    ],
)
def test_a_medicine_started_months_before_the_findings_is_the_exposure_they_follow(story):
    assert "course_follows_exposure" in parsed(story)
    done = CliRunner().invoke(cli, ["match", "--format", "json", story])
    assert json.loads(done.stdout)["suggestions"][0]["condition"]["id"] == "toxic_neuropathy"


def test_a_medicine_started_after_the_findings_began_is_not_their_exposure():
    # near miss: the tablet came last week, the numbness years before it
    assert "course_follows_exposure" not in parsed(
        "The doctor put me on a new tablet last week. My feet have been numb for years."
    )
