"""Records print short in a Python shell: repr names the record and counts the rest, in a few hundred
characters; the whole stays in to_dict() and, in a notebook, _repr_html_."""

import pytest

import explorer
from explorer.reasoning.compare import compare
from explorer.reasoning.whatif import what_if

SHORT = 400  # characters: a few hundred at most


def test_a_result_names_its_suggestions_and_red_flags():
    result = explorer.explore(["numbness", "dry eyes"])
    assert (
        repr(result) == "<Result: 2 suggestions (Sjögren's syndrome moderate, Peripheral neuropathy weak), 0 red flags>"
    )
    assert str(result) == repr(result)
    assert len(result._repr_html_()) > 2000 and "Sjögren" in result._repr_html_()  # the long form is kept
    assert result.to_dict()["suggestions"][0]["condition"]["name"] == "Sjögren's syndrome"


def test_a_large_result_stays_short():
    result = explorer.explore(["weakness", "tingling", "recent flu", "trouble breathing", "double vision", "x" * 3000])
    shown = repr(result)
    assert len(shown) < SHORT, shown
    assert shown.startswith("<Result: 4 suggestions (Guillain-Barré syndrome strong, ")
    assert ", ...), 2 red flags (breathing: emergency, double_vision: same_day), 1 input not used>" in shown
    assert "x" * 100 not in shown
    assert repr(explorer.explore(["xyzzy"])) == "<Result: 0 suggestions, 0 red flags, 1 input not used>"


def test_the_records_inside_a_result_are_short_too():
    result = explorer.explore(["weakness", "tingling", "trouble breathing"])
    assert repr(result.red_flags[0]) == "<RedFlag breathing: emergency; because of Trouble breathing>"
    top = result.suggestions[0]
    assert repr(top).startswith(f"<Suggestion 1: {top.condition.name}, {top.strength}; ")
    outcome = next(iter(explorer.explore_file("data/cases/examples.yaml")))
    assert "result=<Result: 4 suggestions" in repr(outcome) and len(repr(outcome)) < SHORT + 200


@pytest.mark.parametrize(
    "make, start",
    [
        (
            lambda: what_if(["numbness", "dry eyes"], [], ["+dry mouth", "!numbness"]),
            "<WhatIf +dry mouth, !numbness: 2 moves (Sjögren's syndrome up, Peripheral neuropathy left); red flags",
        ),
        (
            lambda: compare("sjogren", "lupus"),
            "<Comparison Sjögren's syndrome and Systemic lupus erythematosus: findings 19 shared, ",
        ),
        (lambda: explorer.get_condition("SLE"), "<Condition systemic_lupus_erythematosus: Systemic lupus"),
        (lambda: explorer.load_knowledge(), "<KnowledgeBase from explorer: "),
    ],
)
def test_what_if_comparison_condition_and_knowledge_base_are_short(make, start):
    shown = repr(make())
    assert shown.startswith(start) and shown.endswith(">") and len(shown) < SHORT, shown


def test_findings_rules_and_the_network_are_short_so_their_lists_are_too():
    numbness = next(s for s in explorer.list_symptoms("numbness") if s.id == "numbness")
    assert repr(numbness).startswith("<Symptom numbness: Numbness, HP:")
    findings = explorer.list_symptoms()  # every finding: each one line (the list was some 69,000 characters)
    assert all(len(repr(s)) <= 150 for s in findings) and len(repr(findings)) < 100 * len(findings)
    rule = next(r for r in explorer.load_knowledge().rules if r.id == "sjogren.sicca-with-nerve-symptoms")
    assert repr(rule) == "<Rule sjogren.sicca-with-nerve-symptoms: suggest sjogren_syndrome, strong>"
    group = next(g for g in explorer.rule_groups() if g.target == "sjogren_syndrome")
    assert repr(group).startswith("<RuleGroup Sjögren's syndrome (suggest): ")
    assert repr(group.rules[0]).startswith(f"<RuleView {group.rules[0].id}: suggest Sjögren's syndrome, ")
    groups = explorer.rule_groups()  # one short line a group, however many groups (all of them was some 37,000)
    assert len(repr(groups)) < 120 * len(groups)
    network = explorer.knowledge_network(result=explorer.explore(["numbness", "dry eyes"]))
    assert repr(network) == f"<Network: {len(network.nodes)} nodes, {len(network.edges)} edges, 8 fired>"
