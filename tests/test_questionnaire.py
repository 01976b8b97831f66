"""The questionnaire: question selection as tables, the `ask` command through CliRunner, saved answers
replayed through ask, match and batch."""

import json

import pytest
import yaml
from click.testing import CliRunner

from explorer import load_knowledge
from explorer.cli import cli
from explorer.knowledge.disclaimer import DISCLAIMER
from explorer.reasoning.questionnaire import Questionnaire, picture, question_basis


def session(kb, **answers):
    q = Questionnaire(kb)
    for finding, answer in answers.items():
        assert q.record(finding, answer)
    return q


NEXT = [
    # answers so far -> the finding asked next
    ({"dry_eyes": "yes", "numbness": "yes"}, "dry_mouth"),  # Sjögren's hallmark pair
    # Lupus's annotations record joint pain, so lupus is suggested (weak) beside RA: its urgent feature first.
    ({"joint_pain": "yes", "joint_swelling": "yes"}, "pleuritic_chest_pain"),
    ({"butterfly_rash": "yes"}, "pleuritic_chest_pain"),  # lupus is suggested: its urgent feature first
    ({"butterfly_rash": "yes", "pleuritic_chest_pain": "no"}, "fatigue"),  # then very frequent, raises strength
    # GBS is suggested: its red flags first. Both weakness that spreads and trouble breathing are emergencies;
    # with Sjögren's and MS now suggested too (their annotations record these findings), spreading weakness
    # moves more of the picture.
    ({"tingling": "yes", "muscle_weakness": "yes"}, "rapidly_spreading_weakness"),
    # GBS's annotations record tingling, so GBS is already suggested (weak): its urgent feature first. Every
    # suggestion wants spreading weakness (MS's relapse rule names the motor pattern), so it counts a third and
    # trouble swallowing, GBS's alone, moves more of the picture.
    ({"numbness": "yes", "tingling": "yes", "diabetes": "no"}, "trouble_swallowing"),
    # a second nerve symptom: with the evidence score, leg weakness (which many of our conditions do not share
    # with numbness) moves the picture more than tingling
    ({"numbness": "yes"}, "leg_weakness"),
]


@pytest.mark.parametrize("answers,expected", NEXT)
def test_next_question_is_the_most_useful_finding(kb, answers, expected):
    question = session(kb, **answers).next_question()
    assert question is not None and question.finding.id == expected, question


def test_question_explains_which_conditions_it_tells_apart(kb):
    question = session(kb, tingling="yes", muscle_weakness="yes").next_question()
    names = [r.condition_id for r in question.reasons]
    assert "guillain_barre_syndrome" in names
    gbs = next(r for r in question.reasons if r.condition_id == "guillain_barre_syndrome")
    assert "gbs.weakness-with-breathing-or-swallowing" in gbs.rules


def test_every_question_would_change_the_picture(kb):
    q = session(kb, dry_eyes="yes", numbness="yes")
    for _ in range(6):
        question = q.next_question()
        if question is None:
            break
        before = picture(q.result())
        changed = []
        for answer in ("yes", "no"):
            trial = session(kb, **{a.finding: a.answer for a in q.answers})
            trial.record(question.finding.id, answer)
            changed.append(picture(trial.result()) != before)
        assert any(changed), question.finding.id
        q.record(question.finding.id, "no")


def test_questionnaire_ends_when_nothing_would_change(kb):
    q = session(kb, dry_eyes="yes", numbness="yes")
    asked = []
    while (question := q.next_question()) is not None:
        assert question.finding.id not in asked, "a question came back"
        asked.append(question.finding.id)
        q.record(question.finding.id, "unsure")
        assert len(asked) < 60
    assert asked and q.next_question() is None


def test_unsure_and_skipped_are_not_asked_again_and_not_evidence(kb):
    q = session(kb, dry_eyes="yes", numbness="yes", dry_mouth="unsure")
    assert q.next_question().finding.id != "dry_mouth"
    assert "dry_mouth" not in {r.symptom.id for r in q.result().recognized}


def test_back_undoes_the_last_answer(kb):
    q = session(kb, dry_eyes="yes")
    first = q.next_question().finding.id
    q.record(first, "yes")
    assert q.back().finding == first
    assert q.next_question().finding.id == first


def test_back_never_takes_back_a_typed_finding(kb):

    q = Questionnaire(kb)
    q.record("numbness", "yes", entered=True)
    assert q.back() is None and [a.finding for a in q.answers] == ["numbness"]
    done = CliRunner().invoke(cli, ["ask"], input="numbness, dry eyes\n\nback\nquit\n")
    assert "There is no question to go back to (the findings you typed stay)." in done.stdout
    assert "Took back" not in done.stdout
    summary = done.stdout.rsplit("back", 1)[1]
    assert "Numbness" in summary and "Dry eyes" in summary, summary


def test_candidates_come_from_the_rules_and_links(kb):
    basis = question_basis(kb)
    rules, links, weight = basis[("sjogren_syndrome", "dry_mouth")]
    assert "sjogren.dry-eyes-and-mouth" in rules and weight == 3
    assert ("guillain_barre_syndrome", "recent_infection") in basis


def run_ask(*args, input):
    return CliRunner().invoke(cli, ["ask", *args], input=input)


def test_ask_with_piped_answers(tmp_path):
    # the spread comes first as a choice (started in the face or hands as early as the feet fits Sjögren's
    # syndrome better), then the yes/no questions
    result = run_ask(input="numbness, dry eyes, numbbnesss\n\nwhy\nnot sure\nwhy\nyes\nback\nyes\nquit\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("This questionnaire is for learning, not a diagnosis")
    assert 'Not recognized: "numbbnesss" - did you mean: Numbness?' in out
    assert "Question 1: Where did it start, and has it moved since?" in out
    told = " ".join(out.split())
    assert "Where it started and how it moved tells Sjögren's syndrome and Peripheral neuropathy apart" in told
    assert "Question 2: Have you noticed this: dry mouth?" in out
    assert "Dry mouth is part of the picture of:\n  - Sjögren's syndrome: rules sjogren" in out
    assert "but not of: Peripheral neuropathy. Your answer helps to tell them apart." in out
    assert "Took back: Dry mouth = yes" in out
    assert out.count("Question 2: Have you noticed this: dry mouth?") == 2
    assert "What was found so far:" in out and "1. Sjögren's syndrome - strong match" in out
    assert " ".join(DISCLAIMER.split()) in " ".join(out.split())


def test_ask_end_of_input_shows_results_so_far():
    result = run_ask(input="dry eyes, numbness\n\n")
    assert result.exit_code == 0
    assert "What was found so far:" in result.stdout and "Traceback" not in result.output


def test_ask_red_flag_shows_at_once():
    result = run_ask(input="tingling, trouble breathing\n")
    out = result.stdout
    assert "!! URGENT - EMERGENCY NOW: Call your local emergency number" in out
    assert out.index("!! URGENT") < out.index("What was found so far")


def test_ask_how_shows_rules_and_sources():
    out = run_ask(input="numbness\n\nhow\nquit\n").stdout
    assert "How the engine reasoned" in out and "pattern.sensory [Numbness]" in out


def test_a_line_with_no_finding_in_it_is_answered_never_passed_over_in_silence():
    # "yes" before any question, or only filler words, used to print nothing: the person could not tell
    # whether the line was read.
    out = run_ask(input="numbness\nyes\nthe and\n\nadd so\nquit\n").stdout
    assert "yes\n  No question has been asked yet: type what you notice, or press Enter" in out
    assert out.count("Nothing in that reads as a finding (for example: numbness, dry eyes).") == 2


def test_why_on_a_warning_sign_says_first_that_it_is_asked_first_and_why():
    out = " ".join(run_ask(input="weak legs, flu\n\nwhy\nquit\n").stdout.split())
    said = out.split("> why", 1)[1]
    assert said.startswith(
        " Asked before any other question: weakness that spreads or worsens quickly is a warning sign on its own"
        " (a yes shows EMERGENCY NOW at once, with what to do). Weakness that spreads or worsens quickly is part"
        " of the picture of: - Guillain-Barré syndrome"
    ), said[:300]
    calm = " ".join(run_ask(input="dry eyes, dry mouth\n\nwhy\nquit\n").stdout.split())
    assert "> why" in calm and "Asked before any other question" not in calm


def test_a_reply_that_is_no_answer_to_a_choice_question_is_told_to_pick_a_number():
    out = run_ask(input="diabetes, numb feet\n\n\nquit\n").stdout
    assert "Question 1: When did it start" in out
    assert "Answer with a number from 1 to 4, or not sure (or type help)." in out
    assert "Please answer yes, no or not sure" not in out


def test_ask_nothing_entered():
    result = run_ask(input="\n\n")
    assert result.exit_code == 0
    assert "Nothing was entered" in result.stdout


def test_save_is_written_after_every_answer_and_replays(tmp_path):
    saved = tmp_path / "answers.yaml"
    # the spread choice first (5: as early in the face or hands as in the feet), then yes / no questions
    result = run_ask("--save", str(saved), input="numbness, dry eyes\n\n5\nyes\nno\n")  # then input ends
    assert result.exit_code == 0
    case = yaml.safe_load(saved.read_text(encoding="utf-8"))[0]
    # the third question: fatigue, frequent in Sjögren's (ORPHA:289390), which the evidence score weighs
    # (depression under the counting ranking, optic neuritis before the annotation links)
    assert case["symptoms"] == ["numbness", "dry_eyes", "spread_not_length_dependent", "dry_mouth"]
    assert case["absent"] == ["fatigue"]

    replay = run_ask("--answers", str(saved), input="quit\n")
    assert "Loaded 5 answer(s)" in replay.stdout
    assert "Question 1:" not in replay.stdout  # answered questions are not asked again

    refused = run_ask("--save", str(saved), input="numbness\n")  # would overwrite the earlier session
    assert refused.exit_code == 2 and "already exists" in refused.stderr
    carried_on = run_ask("--answers", str(saved), "--save", str(saved), input="yes\n")
    assert carried_on.exit_code == 0
    assert len(yaml.safe_load(saved.read_text(encoding="utf-8"))[0]["symptoms"]) >= 3

    match = CliRunner().invoke(cli, ["match", "--from", str(saved), "--format", "json"])
    assert match.exit_code == 0
    data = json.loads(match.stdout)
    assert data["suggestions"][0]["condition"]["id"] == "sjogren_syndrome"
    assert [a["symptom"]["id"] for a in data["absent"]] == ["fatigue"]

    batch = CliRunner().invoke(cli, ["batch", str(saved)])
    assert batch.exit_code == 0 and json.loads(batch.stdout)["status"] == "ok"


def test_save_to_an_impossible_place_is_a_clean_error(tmp_path):
    result = run_ask("--save", str(tmp_path / "missing-dir" / "a.yaml"), input="numbness\n")
    assert result.exit_code == 2 and "cannot save" in result.stderr


def test_answers_file_with_several_cases_is_refused(tmp_path):
    path = tmp_path / "two.yaml"
    path.write_text("- id: a\n  symptoms: [numbness]\n- id: b\n  symptoms: [tingling]\n", encoding="utf-8")
    result = run_ask("--answers", str(path), input="")
    assert result.exit_code == 2 and "holds more than one case" in result.stderr


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_question_numbers_after_back_into_loaded_answers():
    from explorer.cli.ask_numbers import QuestionNumbers

    numbers = QuestionNumbers()
    numbers.load(6)
    assert numbers.show("a") == 7 and numbers.show("a") == 7  # shown again (after why or add): same number
    assert numbers.show("b") == 8
    numbers.back("a", answers_left=6)  # a's answer taken back: the question asked next is 7 again
    assert numbers.show("a") == 7
    numbers.back("a", answers_left=6)
    numbers.back("f", answers_left=5)  # then a loaded answer: its question is the 6th
    assert numbers.show("f") == 6 and numbers.show("a") == 7
