"""One reading makes a finding its quickly worsening form from the time course (``quick`` in
data/time_course.yaml, explorer/language/quickening.py): whether a story tells an onset alone (weakness over
the weekend) or an onset with a spread or a worsening (numbness over the weekend that keeps climbing), the
same words say why, and the same things keep it from being quick. Through the CLI, in the project's words."""

import json

from click.testing import CliRunner

from explorer.cli import cli


def parsed(text: str) -> dict[str, dict]:
    """Present mentions of ``text``, by finding id."""
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return {m["symptom"]["id"]: m for m in json.loads(done.stdout)["mentions"] if m["status"] == "present"}


def matched(*args: str) -> dict:
    done = CliRunner().invoke(cli, ["match", "--format", "json", *args])
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)


def test_the_onset_words_say_why_whether_or_not_a_spread_is_told():
    weak = parsed("my legs went weak over the weekend")["rapidly_spreading_weakness"]
    numb = parsed("my feet went numb over the weekend and it keeps climbing")["worsening_numbness"]
    for mention in (weak, numb):
        assert any("'over the weekend' says it came quickly" in note for note in mention["notes"]), mention


def test_a_dropped_foot_is_one_nerve_whatever_tells_its_course():
    for text in (
        "my foot dropped over the weekend",
        "my foot dropped over the weekend and it keeps getting worse",
    ):
        got = parsed(text)
        assert "leg_weakness" in got and "rapidly_spreading_weakness" not in got, text
        assert "spreading_weakness" not in {f["id"] for f in matched(text)["red_flags"]}, text


def test_one_side_keeps_a_climb_from_reading_as_the_spreading_form():
    # a climb on one side is not the even spread of the spreading form, whatever the wording
    for text in (
        "my right leg got weak over the weekend",
        "my right foot went numb over the weekend and it keeps climbing",
    ):
        got = parsed(text)
        assert not {"rapidly_spreading_weakness", "worsening_numbness"} & set(got), text
        assert "symmetry_one_side" in got, text


def test_words_that_set_a_warning_aside_keep_a_told_growth_from_quickening_it():
    text = "my legs went weak over the weekend and it keeps climbing, i am too lazy to get out of bed haha"
    assert "rapidly_spreading_weakness" not in parsed(text)


def test_an_onset_entered_on_its_own_sets_a_quick_growth_aside():
    text = "my feet went numb over the weekend and it keeps climbing"
    assert {f["id"] for f in matched(text)["red_flags"]} == {"spreading_numbness"}
    got = matched(text, "Onset: chronic (months to years)")
    assert "worsening_numbness" not in {r["symptom"]["id"] for r in got["recognized"]}
    assert got["red_flags"] == []


def test_numbness_that_climbs_over_days_warns_on_either_side_and_in_every_entry_point():
    # the facts, not the wording: a quick onset, a climb and numbness are numbness that spreads
    for args in (
        ["my right foot went numb over the weekend and it keeps climbing"],
        ["numbness", "Onset: acute (days)", "Spread: ascending, moving upward"],
    ):
        got = matched(*args)
        assert {(f["id"], f["level"]) for f in got["red_flags"]} == {("spreading_numbness", "same_day")}, args
    # a climb over weeks, or over years (the length-dependent spread), does not raise it by itself
    assert matched("numbness", "Onset: subacute (weeks)", "Spread: ascending, moving upward")["red_flags"] == []
    assert matched("numb feet for years, slowly creeping up to my knees")["red_flags"] == []


def test_every_wording_of_a_quick_course_keeps_the_same_exclusions():
    # words that said "fast" on their own (the retired concepts.yaml `fast` list, now `quick.words`) made these
    # the quickly worsening form whatever else the text said; one side, one limb, patchy or calm words keep
    # the finding as named, as they do for an onset read as a value
    for text in (
        "numbness in one leg, rapidly progressive",
        "tingling in my right hand since monday, spreading",
        "numb patches here and there on my legs since yesterday, getting worse",
        "my legs feel weak since yesterday but i am just too lazy to get out of bed haha",
    ):
        assert not {"rapidly_spreading_weakness", "worsening_numbness"} & set(parsed(text)), text


def test_words_that_say_quick_for_this_reading_only_make_a_finding_quick_with_their_note():
    for text, words in (
        ("numb feet, worse by the hour", "worse by the hour"),
        ("numbness in my feet, it's spreading", "spreading"),
        ("i was fine, now my legs are weak", "i was fine"),
        # a day named after a pointing word is an onset of its own (data/time_course.yaml `dating`), said as why
        ("i was fine on monday, now my legs are weak", "on monday"),
    ):
        got = parsed(text)
        quick = got.get("worsening_numbness") or got.get("rapidly_spreading_weakness")
        assert quick and any(f"'{words}' says it came quickly" in note for note in quick["notes"]), (text, got)
    # for this reading only: they are no fact of the case (no onset, no course)
    assert set(parsed("numb feet, worse by the hour")) == {"worsening_numbness"}
    # a word that says it came slowly outweighs them: a climb over years is no quick spread
    assert "worsening_numbness" not in parsed("my feet have been numb for years and it's spreading")
