"""ask: red-flag questions first whenever a suggested condition has urgent features; never stopping at
once after a single finding, core nerve symptoms first."""

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.reasoning.questionnaire import CORE_FINDINGS, Questionnaire, urgent_findings


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


@pytest.mark.parametrize("finding", ["fever", "hair_loss", "trouble_breathing", "dry_skin"])
def test_core_nerve_symptoms_are_asked_when_no_rule_asks(kb, finding):
    assert asked(kb, {finding: "yes"}, 1) == [CORE_FINDINGS[0]]


def test_ask_asks_about_breathing_first_for_weak_legs_after_flu():
    out = CliRunner().invoke(cli, ["ask"], input="weak legs, flu\n\nquit\n").stdout
    assert "Question 1: Have you noticed this: trouble breathing?" in out


def test_ask_why_for_a_core_question():
    out = CliRunner().invoke(cli, ["ask"], input="fever\n\nwhy\nquit\n").stdout
    assert "Question 1: Have you noticed this: numbness?" in out
    assert "core nerve symptoms" in out
