"""ask: red-flag questions first whenever a suggested condition has urgent features; never stopping at
once after a single finding, core nerve symptoms first."""

import json
import subprocess

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.reasoning.questionnaire import Questionnaire
from explorer.reasoning.urgent_questions import urgent_findings
from tests.test_ask_terminal import ANSWER_PROMPT, spawn
from tests.test_installed import installed_command


def asked(kb, answers, count):
    q = Questionnaire(kb)
    for finding, answer in answers.items():
        assert q.record(finding, answer)
    out = []
    for _ in range(count):
        question = q.next_question()
        if question is None:
            break
        out.append(question.finding.id)
        q.record(question.finding.id, "no")
    return out


GBS_RED_FLAGS = {"trouble_breathing", "trouble_swallowing", "rapidly_spreading_weakness"}


@pytest.mark.parametrize(
    "answers",
    [
        {"leg_weakness": "yes", "recent_infection": "yes"},  # weak legs after flu
        {"general_weakness": "yes", "recent_infection": "yes"},  # "weakness, flu"
        {"muscle_weakness": "yes", "tingling": "yes"},
    ],
)
def test_gbs_red_flag_questions_come_before_any_other(kb, answers):
    first = asked(kb, answers, 5)
    assert set(first[:5]) >= GBS_RED_FLAGS, first
    urgent = urgent_findings(kb)
    assert all(f in urgent for f in first[:5]), first


def test_emergency_questions_come_before_same_day_ones(kb):
    order = asked(kb, {"leg_weakness": "yes", "recent_infection": "yes"}, 8)
    levels = [urgent_findings(kb).get(f, 9) for f in order]
    assert levels[: levels.index(1)] == [0] * levels.index(1) and "double_vision" in order


def test_no_red_flag_question_without_an_urgent_condition(kb):
    assert asked(kb, {"dry_eyes": "yes", "numbness": "yes"}, 1) == ["dry_mouth"]


def test_every_single_finding_leads_to_a_question(kb):
    ended = [finding for finding in kb.symptoms if not asked(kb, {finding: "yes"}, 1)]
    assert ended == []


# Findings no suggestion rule uses alone (fever, hair loss and dry skin now suggest the conditions whose HPO
# annotations record them, so they no longer serve here).
@pytest.mark.parametrize("finding", ["general_weakness", "chest_pain", "trouble_breathing", "heavy_alcohol_use"])
def test_core_nerve_symptoms_are_asked_when_no_rule_asks(kb, finding):
    assert asked(kb, {finding: "yes"}, 1) == [kb.core_findings[0]]


def test_ask_asks_the_emergency_questions_first_for_weak_legs_after_flu():
    """Both emergency questions come first; spreading weakness, a hallmark few other conditions show, moves
    the picture more than trouble breathing (only possible in Guillain-Barré syndrome), so it leads."""
    out = CliRunner().invoke(cli, ["ask"], input="weak legs, flu\n\nno\nquit\n").stdout
    assert "Question 1: Have you noticed this: weakness that spreads or worsens quickly?" in out
    assert "Question 2: Have you noticed this: trouble breathing?" in out


def test_ask_why_for_a_core_question():
    out = CliRunner().invoke(cli, ["ask"], input="feeling weak all over\n\nwhy\nquit\n").stdout
    assert "Question 1: Have you noticed this: numbness?" in out
    assert "core nerve symptoms" in out


@pytest.mark.slow
def test_in_a_terminal_the_red_flag_question_comes_first_and_a_yes_warns_at_once(tmp_path):
    pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency: pip install '.[test]'")
    child = spawn(tmp_path)
    child.expect("findings> ")
    child.sendline("weak legs, flu")
    child.expect("findings> ")
    child.sendline("")
    child.expect("Question 1: Have you noticed this: weakness that spreads or worsens quickly\\?")
    child.expect(ANSWER_PROMPT)
    child.sendline("yes")
    child.expect("!! URGENT - EMERGENCY NOW: Go to an emergency department now")
    child.expect("Question 2: Have you noticed this: trouble breathing\\?")
    child.expect(ANSWER_PROMPT)
    child.sendline("quit")
    child.expect("What was found so far:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.slow
def test_installed_command_shows_the_highest_level_first(tmp_path):
    done = subprocess.run(
        [installed_command(), "match", "--format", "json", "seeing double", "I can't breathe"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["urgency"]["level"] == "emergency"
    assert [f["id"] for f in data["red_flags"]] == ["breathing", "double_vision"]
