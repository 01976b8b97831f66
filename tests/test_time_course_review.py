"""Time-course reading fixes from a user review (issue 21), each a class of wordings through the CLI: weakness
that came over hours or days warns however its time is said, severity or a spread alone is not speed, how long
an episode lasts is not how it began, and childhood or years-long courses are read."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def matched(*args: str) -> dict:
    done = CliRunner().invoke(cli, ["match", "--format", "json", *args])
    # 2: nothing of the person's own could be used (every finding set aside); the JSON is out all the same
    assert done.exit_code in (0, 1, 2), done.output
    return json.loads(done.stdout)


def flags(*args: str) -> set[str]:
    return {flag["id"] for flag in matched(*args)["red_flags"]}


def read(text: str) -> set[str]:
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    return {m["symptom"]["id"] for m in json.loads(done.stdout)["mentions"] if m["status"] == "present"}


@pytest.mark.parametrize(
    "text",
    [
        "my legs got weak over a few days",
        "my legs got weak over the weekend",
        "my legs got weak over 3 days",
        "my legs got weak since Friday",
        "my legs have been getting weak since Friday",
        "I had the flu two weeks ago and now my legs are weak",
        "my arms went weak overnight",
        "This week my legs gave out.",
    ],
)
def test_weakness_that_came_over_hours_or_days_is_weakness_that_spreads_however_said(text):
    assert "spreading_weakness" in flags(text)
    assert "rapidly_spreading_weakness" in read(text)


@pytest.mark.parametrize(
    "text",
    [
        "my legs have been weak for three weeks",  # subacute alone: recent, not quick
        "My legs have been weak for years and it hasn't changed.",  # chronic and stable
        "my right foot dropped over the weekend, then my left hand went weak",  # one nerve at a time: its own warning
    ],
)
def test_weeks_years_or_nerves_one_at_a_time_do_not_make_weakness_spread(text):
    assert "spreading_weakness" not in flags(text)


def test_entered_values_warn_as_the_story_does():
    assert "spreading_weakness" in flags("weak legs", "Onset: acute (days)", "both sides")
    assert "spreading_weakness" not in flags("weak legs", "Onset: subacute (weeks)", "both sides")
    # an onset entered on its own sets the story's aside, and the quick reading with it
    assert "spreading_weakness" not in flags("my legs got weak over the weekend", "Onset: chronic (months to years)")


def test_batch_fields_ascending_and_cannot_walk_warn_unless_the_climb_took_years(tmp_path):
    cases = tmp_path / "cases.jsonl"
    base = {"symptoms": ["numbness"], "spread": "from feet, ascending", "severity": "cannot walk"}
    cases.write_text(json.dumps(base) + "\n" + json.dumps({**base, "onset": "chronic", "course": "stable"}) + "\n")
    done = CliRunner().invoke(cli, ["batch", str(cases), "--format", "jsonl"])
    results = [json.loads(line)["result"] for line in done.stdout.splitlines()]
    assert [{f["id"] for f in r["red_flags"]} for r in results] == [{"spreading_weakness"}, set()]
    assert "spread_ascending" not in {c["value"]["id"] for c in results[1]["time_course"]}


@pytest.mark.parametrize("text", ["I can't get up from a chair", "I can't stand up", "I'm too weak to walk"])
def test_severity_alone_is_not_speed(text):
    got = matched(text)
    assert "rapidly_spreading_weakness" not in {r["symptom"]["id"] for r in got["recognized"]}
    assert got["red_flags"] == []


def test_severity_with_days_still_warns():
    assert "spreading_weakness" in flags("I can't get up from a chair since yesterday")


def test_a_spread_said_without_time_is_not_quick_and_tingling_stays_tingling():
    text = "tingling started in my toes and now in my fingers"
    got = matched(text)
    ids = {r["symptom"]["id"] for r in got["recognized"]}
    assert "tingling" in ids and "worsening_numbness" not in ids
    assert got["red_flags"] == []
    assert "spread_from_feet" in ids


@pytest.mark.parametrize(
    "text",
    [
        "stiff for an hour",
        "numbness that lasts a few minutes",
        "numb for about an hour a day",
        "numb for an hour every day",
    ],
)
def test_how_long_an_episode_lasts_is_not_how_it_began(text):
    assert not {"onset_sudden", "onset_acute"} & read(text)


@pytest.mark.parametrize(
    "text,onset",
    [
        ("numb for the last hour", "onset_sudden"),  # since an hour ago: an onset
        ("numb since an hour ago", "onset_sudden"),
        ("tingling for a couple of weeks", "onset_subacute"),  # going on for weeks
        ("tingling for two weeks", "onset_subacute"),
        ("weak legs two weeks after a stomach bug", "onset_acute"),  # dated from an event: over days
    ],
)
def test_durations_of_a_finding_still_there_are_read_as_its_onset(text, onset):
    assert onset in read(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("numb feet since I was a child", {"onset_chronic"}),
        ("numb feet getting slowly worse over years", {"onset_chronic", "course_progressing"}),
        ("my feet have been slowly getting worse for years", {"onset_chronic", "course_progressing"}),
    ],
)
def test_childhood_and_years_long_courses_are_read(text, expected):
    assert expected <= read(text)


@pytest.mark.parametrize(
    "old,new,needle,message",
    [
        ("  short: [minute, hour]\n", "  short: [minute, hours]\n", "short: [minute, hours]", "'hours' is not one of"),
        (
            "  findings: [muscle_weakness, leg_weakness, general_weakness]\n",
            "  findings: [muscle_weakness, leg_weakness_x, general_weakness]\n",
            "findings: [muscle_weakness, leg_weakness_x, general_weakness]",
            "unknown symptom 'leg_weakness_x'",
        ),
        (
            "read_as: spread_from_feet}",
            "read_as: spread_from_toes}",
            "slow_climb:",
            "unknown symptom 'spread_from_toes'",
        ),
    ],
)
def test_the_episode_quick_and_slow_climb_words_are_checked_at_their_line(kb_copy, old, new, needle, message):
    from tests.kbedit import assert_breakage_reported

    assert_breakage_reported(kb_copy, "data/time_course.yaml", old, new, needle, message)


def test_words_that_set_a_warning_sign_aside_keep_a_quick_weakness_calm():
    # "too lazy" says the legs are not the warning sign (data/concepts.yaml calm), as the parser reads it
    assert flags("my legs wont move this morning i'm too lazy to get out of bed haha") == set()


def test_calm_words_turned_round_by_a_negation_leave_a_quick_weakness_urgent():
    # "not normal for me" is no calm word (the parser's own calm reading, concepts.calm_words): the weakness
    # that came over the weekend is weakness that spreads
    assert "spreading_weakness" in flags("this is definitely not normal for me, my legs got weak over the weekend")
