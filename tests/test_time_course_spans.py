"""What the last time-course round left (issue 21, course10): a span up to now told with "past" is how long a
finding has gone on, not a past event. Through the CLI, in the project's words."""

import json

from click.testing import CliRunner

from explorer.cli import cli


def parsed(text: str) -> dict[str, list[dict]]:
    """Mentions of ``text`` by status ("present", "absent"), each a list of finding ids with its mention."""
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    out: dict[str, list[dict]] = {}
    for mention in json.loads(done.stdout)["mentions"]:
        out.setdefault(mention["status"], []).append(mention)
    return out


def present(text: str) -> set[str]:
    return {m["symptom"]["id"] for m in parsed(text).get("present", [])}


def test_a_span_up_to_now_told_with_past_is_a_duration_not_a_past_event():
    for text, onset in (
        ("Over the past two weeks my feet have gone numb.", "onset_acute"),
        ("My hands have been tingling over the past few years.", "onset_chronic"),
        ("In the past six weeks my feet have been burning.", "onset_subacute"),
        ("During the past year my feet have slowly gone numb.", "onset_chronic"),
    ):
        got = parsed(text)
        assert not [m for m in got.get("absent", []) if m.get("past")], text
        assert onset in present(text), (text, present(text))
        assert present(text) - {onset}, text  # the finding itself is read as current


def test_a_past_told_without_a_span_is_still_a_past_event():
    # the near-miss: "in the past" with no count or unit after it, and "past history of"
    for text in ("I had double vision in the past.", "Past history of double vision."):
        got = parsed(text)
        assert "double_vision" not in present(text), text
        assert [m for m in got.get("absent", []) if m.get("past")], text


def matched(text: str) -> dict:
    done = CliRunner().invoke(cli, ["match", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)


def flags(text: str) -> set[str]:
    return {f["id"] for f in matched(text)["red_flags"]}


def test_numbness_told_by_its_progress_is_the_spreading_numbness_and_its_same_day_warning():
    # a level reached at a later time than a lower one, or a climb told per hour, is a spread over hours or days
    for text in (
        "Yesterday my ankles were numb, today my knees.",
        "My toes went numb at breakfast and by lunchtime it was up to my shoulders.",
        "The numbness started in my feet and every hour it is going higher.",
        "This morning the numbness was at my knees, now it is at my hips.",
    ):
        assert "spread_ascending" in present(text), (text, present(text))
        assert "worsening_numbness" in present(text), (text, present(text))
        assert flags(text) == {"spreading_numbness"}, text
        assert matched(text)["urgency"]["level"] == "same_day", text


def test_weakness_told_by_its_progress_is_the_spreading_weakness_emergency():
    for text in (
        "Yesterday my ankles were weak, today my knees.",
        "My legs are weak and every hour it is going higher.",
    ):
        assert "spreading_weakness" in flags(text), text
        assert matched(text)["urgency"]["level"] == "emergency", text


def test_parts_named_together_or_downward_tell_no_climb():
    # the near-misses: two parts with no later time between them, a part lower at the later time, a time word
    # that belongs to the first part's clause
    for text in (
        "My feet and my knees are numb.",
        "Yesterday my knees were numb, today my feet.",
        "My feet are numb now and my knees ache.",
        "I check my sugar every hour and my feet are numb.",
    ):
        assert "spread_ascending" not in present(text), (text, present(text))
        assert "spreading_numbness" not in flags(text), text


def test_nerves_hit_one_after_another_tell_no_climb():
    # a foot, then a hand or a wrist: nerves one after another, not numbness climbing a limb
    for text in (
        "In the last three weeks my right foot dropped, then my left hand went numb, then my left wrist got weak.",
        "On Monday my right foot went numb, and by Friday my left wrist was weak.",
    ):
        assert "spread_ascending" not in present(text), (text, present(text))


def findings_matched(*names: str) -> dict:
    done = CliRunner().invoke(cli, ["match", "--format", "json", *names])
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)


def test_a_one_sided_finding_that_came_over_weeks_or_months_raises_no_stroke_warning():
    # a stroke comes suddenly: one side gone numb or weak over weeks or months is no emergency by itself
    for text in (
        "For a year the left side of my body has been numb.",
        "The left side of my body has gone numb over the last few weeks.",
        "My left side has got weaker over about three months.",
    ):
        got = matched(text)
        assert not {"one_sided_numbness", "one_sided_weakness"} & {f["id"] for f in got["red_flags"]}, text
        assert (got["urgency"] or {}).get("level") != "emergency", text


def test_a_one_sided_finding_told_as_sudden_keeps_its_stroke_warning():
    # the near-misses: told as sudden, or with a sudden onset beside a slow one, or with no onset at all
    for text, flag in (
        ("The left side of my body went numb an hour ago.", "one_sided_numbness"),
        ("My left arm and leg are weak.", "one_sided_weakness"),
    ):
        assert flag in flags(text), text
    got = findings_matched("one_sided_numbness", "onset_chronic", "onset_sudden")
    assert "one_sided_numbness" in {f["id"] for f in got["red_flags"]}
    assert got["urgency"]["level"] == "emergency"


def test_an_age_is_no_onset():
    # "a 47-year-old" says how old the person is, not since when the finding is there
    for text in ("A 47-year-old woman with numb feet.", "My feet are numb and I am a 62 year old man."):
        assert not {f for f in present(text) if f.startswith("onset_")}, (text, present(text))
        assert "numbness" in present(text), text
    # the near-miss: years told as how long, not as an age
    assert "onset_chronic" in present("For 47 years my feet have been numb.")


def test_an_onset_told_again_of_other_findings_is_theirs_too():
    # chronic is said of the dry mouth, then again of the one-sided numbness: of both, so no stroke warning
    text = "My mouth has been dry for several years. Over eight months the left side of my body has slowly gone numb."
    onset = next(v for v in matched(text)["time_course"] if v["value"]["id"] == "onset_chronic")
    assert [q["id"] for q in onset["qualifies"]] == ["dry_mouth", "numbness"], onset
    assert not {"one_sided_numbness"} & flags(text), text


def first(text: str) -> str:
    return matched(text)["suggestions"][0]["condition"]["id"]


def test_new_weak_legs_with_bladder_loss_in_someone_with_ms_put_ms_first():
    # bladder and bowel trouble is common in MS and rare early in Guillain-Barre: with weak legs over hours or days in
    # someone diagnosed with MS, a relapse in the spinal cord leads, the emergency kept
    for text in (
        "I was diagnosed with MS two years ago. Since yesterday both legs are weak and I can't walk, and I wet myself.",
        "I have multiple sclerosis. Overnight both my legs went weak and I can't pass water.",
    ):
        assert first(text) == "multiple_sclerosis", (text, present(text))
        assert matched(text)["urgency"]["level"] == "emergency", text


def test_weak_legs_over_days_without_ms_or_the_bladder_keep_guillain_barre_first():
    # the near-miss: the same legs with no MS named, or MS named with no bladder trouble, or trouble without MS
    for text in (
        "Since yesterday both my legs are weak and I can't walk.",
        "Since yesterday both my legs are weak and I can't walk, and I can't pass water.",
    ):
        assert first(text) == "guillain_barre_syndrome", (text, present(text))
