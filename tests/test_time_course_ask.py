"""The questionnaire asks the spread and the symmetry as choices, as it asks the onset: only when the
answer would change the leading suggestions (tried value by value), never when an answer or the text
already gave that dimension, with a why naming what it tells apart; saved and loaded back like any answer."""

import yaml
from click.testing import CliRunner

from explorer.cli import cli
from explorer.language.time_course import course_findings
from explorer.reasoning.questionnaire import Questionnaire, course_question
from explorer.reasoning.trials import Trials

GBS, DIABETIC = "guillain_barre_syndrome", "diabetic_neuropathy"
# diabetes with numbness and weakness that came on over days: the classic trap of issue 21
TRAP = ("diabetes", "numbness", "muscle_weakness", "onset_acute")


def session_with(kb, present=(), unsure=()) -> Questionnaire:
    session = Questionnaire(kb)
    for finding in present:
        session.record(finding, "yes", entered=True)
    for finding in unsure:
        session.record(finding, "unsure")
    return session


def leads_by_value(kb, session, dimension) -> dict:
    """value id -> the leading two suggestions (condition id, strength) if it were chosen."""
    trials = Trials(kb, session.present(), session.absent())
    values = [s.id for s in course_findings(kb) if s.system == dimension]
    return {value: trials.picture(value, "yes").suggestions[:2] for value in values}


def test_the_spread_is_asked_when_it_separates_guillain_barre_from_diabetic_neuropathy(kb):
    session = session_with(kb, TRAP)
    question = course_question(session, session.result())
    assert question is not None and question.finding.system == "spread"
    assert question.text == dict(kb.time_course.ask)["spread"]
    assert [c.id for c in question.choices][:4] == [
        "spread_ascending", "spread_descending", "spread_from_feet", "spread_from_hands"]  # fmt: skip
    assert question.shown[2] == "in the toes or feet first (the hands later, if at all)"
    # the acute onset weighs against diabetic neuropathy (its hallmark is a chronic one: a value of a one-value
    # dimension rules the others out), so multiple sclerosis, with its one-limb spread, is the other lead
    assert question.separates[:3] == ("Guillain-Barré syndrome", "Multiple sclerosis", "Diabetic neuropathy")
    assert question.why().startswith("Where it started and how it moved tells Guillain-Barré syndrome, Multiple")
    # the answer really does put one or the other first
    firsts = {}
    for value in ("spread_ascending", "spread_one_limb"):
        picked = session_with(kb, TRAP)
        picked.record(value, "yes")
        firsts[value] = picked.result().suggestions[0].condition.id
    assert firsts == {"spread_ascending": GBS, "spread_one_limb": "multiple_sclerosis"}


def test_a_dimension_an_answer_or_the_text_gave_is_never_asked(kb):
    # the onset typed in the text ("over a few days") is not asked; the symmetry, then the spread, are
    done = CliRunner().invoke(
        cli, ["ask"], input="diabetes, numb, weak muscles, it came on over a few days\n\n" + "no\n" * 5 + "1\nquit\n"
    )
    assert "When did it start" not in done.stdout and "Where did it start, and has it moved since?" in done.stdout
    # the spread given by the text: not asked either
    told = "diabetes, numb, weak muscles that started in my toes, it came on over a few days\n\n"
    done = CliRunner().invoke(cli, ["ask"], input=told + "no\n" * 8 + "quit\n")
    assert "+ Spread: distal first" in " ".join(done.stdout.split()) and "Where did it start" not in done.stdout
    assert "Traceback" not in done.output


def test_a_finding_whose_name_gives_the_symmetry_keeps_the_symmetry_from_being_asked(kb):
    settled = ("onset_sudden", "spread_ascending")  # answered "not sure": the symmetry is left to ask
    plain = session_with(kb, ("numbness", "vision_loss"), settled)
    question = course_question(plain, plain.result())
    assert question is not None and question.finding.system == "symmetry"
    assert question.separates == ("Multiple sclerosis", "Peripheral neuropathy")
    # "weakness on one side" says the symmetry in its own name (said_by): the values would still tell the
    # leads apart, but the question is not put
    # (double vision: with vision loss the leads no longer differ by side since one side is linked for diabetic
    # amyotrophy too)
    one_side = session_with(kb, ("numbness", "double_vision", "one_sided_weakness"), settled)
    assert len(set(leads_by_value(kb, one_side, "symmetry").values())) > 1
    question = course_question(one_side, one_side.result())
    assert question is None or question.finding.system != "symmetry"


def test_a_chronic_stable_picture_raises_no_flag_whatever_the_spread_or_symmetry(kb):
    for value in (s.id for s in course_findings(kb) if s.system in ("spread", "symmetry")):
        session = session_with(kb, ("diabetes", "numbness", "onset_chronic", "course_stable", value))
        assert session.result().red_flags == (), value


def test_ask_saves_a_spread_pick_and_an_answers_file_carries_on_without_asking_it_again(tmp_path):
    saved = tmp_path / "answers.yaml"
    story = "diabetes, numb, weak muscles, it came on over a few days\n\n" + "no\n" * 5
    done = CliRunner().invoke(cli, ["ask", "--save", str(saved)], input=story + "1\nwhy\n3\nquit\n")
    assert done.exit_code == 0, done.output
    told = " ".join(done.stdout.split())
    assert "3. in the toes or feet first (the hands later, if at all)" in told
    assert "Where it started and how it moved tells Guillain-Barré syndrome and Diabetic neuropathy apart" in told
    case = yaml.safe_load(saved.read_text(encoding="utf-8"))[0]
    assert case["symptoms"][-1] == "spread_from_feet"
    again = CliRunner().invoke(cli, ["ask", "--answers", str(saved)], input="quit\n")
    assert f"Loaded {len(case['symptoms']) + len(case['absent'])} answer(s)" in again.stdout
    assert "Where did it start" not in again.stdout and "When did it start" not in again.stdout
    assert "Which sides of the body" not in again.stdout  # the symmetry picked (both sides) was saved too
    found = " ".join(again.stdout.split("What was found so far")[-1].split())  # as read, not as wrapped
    assert "Spread: distal first (length-dependent)" in found
    # "not sure" is saved as unsure and settles the question as well
    unsure = tmp_path / "unsure.yaml"
    CliRunner().invoke(cli, ["ask", "--save", str(unsure)], input=story + "1\nnot sure\nquit\n")
    assert yaml.safe_load(unsure.read_text(encoding="utf-8"))[0]["unsure"] == ["spread_ascending"]
    again = CliRunner().invoke(cli, ["ask", "--answers", str(unsure)], input="quit\n")
    assert "Where did it start" not in again.stdout and "Traceback" not in again.output


def test_words_typed_at_a_choice_prompt_are_read_and_settle_the_dimension():
    done = CliRunner().invoke(cli, ["ask"], input="diabetes, numb feet\n\n4\nit started in my toes\nquit\n")
    out = done.stdout
    assert "+ Spread: distal first (length-dependent)" in out and out.count("Where did it start") == 1
    assert "Please answer yes, no or not sure" not in out and "Traceback" not in done.output
    assert "Spread: distal first" in out.split("What was found so far")[-1]
