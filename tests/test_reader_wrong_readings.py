"""Wrong readings that frighten or mislead (issue 20, round 4): a limb's drop is no face drooping, an injury
that has healed raises no emergency, spelling never turns a common word into a finding, a lab result in its
usual range is no finding, and a body part wasting away is muscle wasting. Phrasings are the project's own."""

import pytest
from click.testing import CliRunner

from explorer import explore
from explorer.cli import cli
from explorer.language.parser import parse
from tests.kbedit import assert_breakage_reported


def reading(text, kb) -> dict:
    return {m.symptom.id: m.present for m in parse(text, kb).mentions if m.symptom.kind != "course"}


def flags(text, kb) -> dict:
    return {f.id: f.level for f in explore([text], kb=kb).red_flags}


def test_a_dropped_foot_or_wrist_is_a_weak_limb_not_a_drooping_face(kb):
    for text in ("my foot has dropped", "my left foot has dropped", "my wrist has dropped"):
        found = reading(text, kb)
        assert "face_drooping" not in found, text
        assert set(found) & {"leg_weakness", "muscle_weakness"}, (text, found)
        assert "face_drooping" not in flags(text, kb), text
    assert reading("my face has dropped", kb) == {"face_drooping": True}  # the face keeps its warning


def test_a_wrist_or_foot_that_drops_or_flops_raises_no_stroke_warning(kb):
    assert reading("my right wrist flops down", kb).get("muscle_weakness") is True
    assert "one_sided_weakness" not in reading("my left foot flops when I walk", kb)
    for text in ("my right wrist flops down", "my left foot flops when I walk", "my foot has dropped since yesterday"):
        assert flags(text, kb) == {}, text
    assert flags("my right arm went floppy suddenly", kb) == {"one_sided_weakness": "emergency"}


def test_a_relatives_warning_alone_says_it_is_about_someone_else(kb):
    result = CliRunner().invoke(cli, ["match", "my mum had a stroke and her face drooped"])
    assert result.exit_code == 2
    assert "URGENT" in result.output  # the warning is still raised
    assert "about someone else (mum); nothing of the person's own was described" in result.stderr
    assert "none of the findings could be used" not in result.stderr


def test_an_injury_that_has_healed_raises_no_emergency(kb):
    for text in (
        "couldn't walk for a week after I sprained my ankle, it's fine now",
        "couldn't walk for a week after I sprained my ankle",
        "I couldn't walk for a week, it's fine now",
    ):
        assert flags(text, kb) == {}, text
    assert flags("I can't walk since yesterday", kb)  # no cause, not over: still the warning


def test_spelling_never_turns_a_common_word_into_a_finding(kb):
    assert "fatigue" not in reading("I tried to sleep", kb)
    assert "fatigue" not in reading("I tried everything", kb)
    assert reading("I feel tierd", kb) == {"fatigue": True}  # a real slip is still corrected


def test_a_lab_result_in_its_usual_range_is_no_finding(kb):
    esr, crp = "elevated_erythrocyte_sedimentation_rate", "elevated_circulating_c_reactive_protein_concentration"
    assert esr not in reading("ESR 12", kb)
    assert crp not in reading("my CRP was 3", kb)
    assert reading("ESR was 45", kb).get(esr) is True
    assert reading("my CRP is 120", kb).get(crp) is True
    assert reading("raised ESR", kb).get(esr) is True  # no number: read as named
    assert reading("ESR 12, numb feet", kb) == {"numbness": True}


def test_a_body_part_wasting_away_is_muscle_wasting(kb):
    assert reading("my calves are wasting away", kb) == {"muscle_wasting": True}
    assert reading("my hands are wasting away", kb) == {"muscle_wasting": True}
    assert reading("I'm wasting away", kb) == {"weight_loss": True}  # no body part: the whole body


def test_a_bad_lab_range_is_reported_with_its_line(kb_copy):
    assert_breakage_reported(
        kb_copy, "data/concepts.yaml", "    upper: 20\n", "    upper: twenty\n", "upper: twenty", "a positive number"
    )


def test_a_recent_onset_with_a_spread_upward_reads_the_quickly_worsening_form(kb):
    # urgent recall (round 4): the course told by an onset and a spread, not by a "spreading" name
    for text in (
        "my toes went numb two days ago and it keeps climbing",
        "pins and needles in my hands at breakfast and by now it's past my elbows",
        "my feet went numb this morning and by dinner it's past my shins",
    ):
        assert flags(text, kb).get("spreading_numbness") == "same_day", text
    # calm: a spread over years
    assert flags("numbness in my feet for years, slowly creeping up past my ankles", kb) == {}


@pytest.mark.parametrize(
    "old,new,needle,message",
    [
        (
            "  growth: [spread_ascending, course_progressing]",
            "  growth: [spread_ascending, course_progresing]",
            "course_progresing",
            "unknown value 'course_progresing' (did you mean 'course_progressing'?)",
        ),
        (
            "  onsets: [onset_sudden, onset_acute]",
            "  onsets: [onset_sudden, onset_subacute, course_progressing]",
            "onsets: [onset_sudden",
            "'course_progressing' is not an onset value",
        ),
        (  # the key of an earlier version, whose values are in `quick` now
            "  unless: [symmetry_patchy, symmetry_one_side, spread_one_limb]\n",
            "  unless: [symmetry_patchy, symmetry_one_side, spread_one_limb]\nquickening:\n  onset: [onset_sudden]\n",
            "quickening:",
            "'quickening' is no longer read: its values are in `quick` now",
        ),
    ],
)
def test_a_bad_quick_value_or_the_old_quickening_key_is_reported_with_its_line(kb_copy, old, new, needle, message):
    assert_breakage_reported(kb_copy, "data/time_course.yaml", old, new, needle, message)


@pytest.mark.parametrize(
    "name,old,new,needle,message",
    [
        (  # quick.words say an onset or a growth: a course value of another kind is refused
            "data/time_course.yaml",
            "    spread_ascending: [ascending,",
            "    course_stable: [no worse]\n    spread_ascending: [ascending,",
            "course_stable: [no worse]",
            "'course_stable' is no onset or growth value (one of: ",
        ),
        (  # the fast and slow lists of an earlier version, whose words are in `quick` now
            "data/concepts.yaml",
            "\neveryday_names:",
            "\nfast: [since yesterday]\neveryday_names:",
            "fast: [since yesterday]",
            "'fast' is no longer read: words that say how fast a finding came are in `quick` in data/time_course.yaml",
        ),
        (
            "data/concepts.yaml",
            "\neveryday_names:",
            "\nslow: [slowly]\neveryday_names:",
            "slow: [slowly]",
            "'slow' is no longer read: words that say how fast a finding came are in `quick`",
        ),
    ],
)
def test_a_quick_word_of_another_value_or_the_retired_fast_and_slow_lists_are_reported_with_their_line(
    kb_copy, name, old, new, needle, message
):
    assert_breakage_reported(kb_copy, name, old, new, needle, message)


def test_a_seizure_told_across_commas_raises_its_warning(kb):
    for text in (
        "my arm started shaking on its own, I couldn't stop it, then I don't remember anything",
        "I fainted and my body kept shaking for a minute, then I was very sleepy",
    ):
        assert reading(text, kb).get("seizures") is True, text
        assert flags(text, kb), text
    # calm: shivering with an everyday cause, and a denied shaking
    assert "seizures" not in reading("I was shaking with cold, I don't remember the name of the road", kb)
    assert "seizures" not in reading("no shaking at all, I don't remember the way home", kb)


def test_a_nerve_harming_infection_and_a_lead_level_are_read_as_history(kb):
    assert reading("I'm living with HIV", kb) == {"recent_infection": True}  # was a skin rash ("hives")
    # read as the infection history, and as a child a past event, not a recent one (test_time_course_when_and_whose.py)
    assert reading("I had leprosy as a child", kb) == {"recent_infection": False}
    assert reading("my blood lead level was 45", kb) == {"toxin_exposure": True}
