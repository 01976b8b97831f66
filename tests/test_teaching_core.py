"""The teaching core: step records checked against experta's own firing log, what-if, compare, the rules
view and the knowledge network."""

import json
import logging

import jsonschema
import pytest

from explorer import (
    InputError,
    compare,
    explore,
    knowledge_network,
    list_cases,
    output_schema,
    rule_groups,
    what_if,
)
from explorer.reasoning._experta import experta

CASES = [
    (["dry eyes", "dry mouth", "numbness", "tingling"], []),
    (["weak legs", "tingling feet", "recent stomach bug", "weakness spreading up the legs"], []),
    (["muscle weakness", "trouble breathing", "recent infection"], []),
    (["double vision", "clumsy", "tingling"], ["numbness"]),
    (["butterfly rash", "joint pain", "tiredness", "numbness"], []),
    (["paralysis", "trouble swallowing", "diabetes", "heavy drinking"], []),
]


class _Fired(logging.Handler):
    """Collects experta's own "FIRE n rule: facts" records (the RULES watcher)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.rules = []

    def emit(self, record):
        self.rules.append(record.args[1])


@pytest.fixture
def experta_log():
    handler = _Fired()
    logger = experta.watchers.RULES
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


@pytest.mark.parametrize("present, absent", CASES)
def test_recorded_winner_is_the_rule_experta_fired(kb, experta_log, present, absent):
    result = explore(present, absent, kb=kb, steps=True)
    fired = [name for name in experta_log.rules if name in kb.rule_index]  # leave out the counting helper
    assert fired, "experta fired no rule"
    assert [s.agenda[0].rule for s in result.steps] == fired
    assert [s.rule for s in result.steps] == fired == [t.rule for t in result.trace]


class _Agendas(logging.Handler):
    """experta's own view, iteration by iteration: the AGENDA watcher lists every activation (index 0 is
    the last to fire), then the RULES watcher names the one it fires."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.current, self.fired = [], []  # fired: (agenda as experta listed it, rule fired)

    def emit(self, record):
        if record.name.endswith("AGENDA"):
            if record.args[0] == 0:
                self.current = []
            self.current.append(record.args[1])
        else:
            self.fired.append((self.current, record.args[1]))
            self.current = []


@pytest.mark.parametrize("present, absent", CASES)
def test_recorded_agenda_is_experta_agenda(kb, present, absent):
    handler = _Agendas()
    loggers = [experta.watchers.AGENDA, experta.watchers.RULES]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        result = explore(present, absent, kb=kb, steps=True)
    finally:
        for logger, level in zip(loggers, levels):
            logger.removeHandler(handler)
            logger.setLevel(level)
    theirs = [(agenda, rule) for agenda, rule in handler.fired if rule in kb.rule_index]
    assert len(theirs) == len(result.steps)
    for (agenda, rule), step in zip(theirs, result.steps):
        assert [a.rule for a in step.agenda] == list(reversed(agenda))
        assert agenda[-1] == rule == step.rule


@pytest.mark.parametrize("present, absent", CASES)
def test_agenda_is_in_conflict_resolution_order(kb, present, absent):
    """Best first: higher salience, then more recent facts, then earlier rule; the reason names the
    first part of that key where the winner and the runner-up differ."""
    for step in explore(present, absent, kb=kb, steps=True).steps:
        keys = [(a.salience, a.facts, -a.order) for a in step.agenda]
        assert keys == sorted(keys, reverse=True)
        if len(step.agenda) == 1:
            assert step.why == "only"
        else:
            first, second = step.agenda[0], step.agenda[1]
            expected = (
                "salience"
                if first.salience != second.salience
                else "recency"
                if first.facts != second.facts
                else "rule order"
            )
            assert step.why == expected


def test_every_kind_of_reason_occurs_in_the_cases(kb):
    reasons = {s.why for present, absent in CASES for s in explore(present, absent, kb=kb, steps=True).steps}
    assert {"salience", "recency", "only"} <= reasons


def test_memory_before_and_fact_added(kb):
    result = explore(["dry eyes", "dry mouth", "numbness"], kb=kb, steps=True)
    first = result.steps[0]
    reported = {f.value for f in first.memory if f.kind == "Finding" and f.origin == "reported"}
    assert reported == {"dry_eyes", "dry_mouth", "numbness"}
    for step, following in zip(result.steps, result.steps[1:]):
        if step.added:
            assert step.added not in step.memory and step.added in following.memory
    sicca = next(s for s in result.steps if s.rule == "pattern.sicca")
    assert (sicca.added.kind, sicca.added.value, sicca.added.origin) == ("Finding", "sicca_symptoms", "inferred")
    # a second rule suggesting the same condition adds nothing new: experta drops the duplicate fact
    suggested = [s for s in result.steps if s.rule.startswith("sjogren.")]
    assert suggested[0].added.kind == "Suggested" and all(s.added is None for s in suggested[1:])


def test_red_flag_adds_no_fact_and_fires_first(kb):
    result = explore(["trouble breathing", "muscle weakness"], kb=kb, steps=True)
    assert result.steps[0].rule == "red-flag.breathing" and result.steps[0].added is None


def test_steps_only_when_asked_and_deterministic(kb):
    plain = explore(["numbness", "dry eyes"], kb=kb)
    assert plain.steps == () and "steps" not in plain.to_dict()
    a = explore(["numbness", "dry eyes"], kb=kb, steps=True).to_dict()
    b = explore(["dry eyes", "numbness"], kb=kb, steps=True).to_dict()
    assert json.dumps(a) == json.dumps(b)
    jsonschema.validate(a, output_schema())
    assert a["steps"][0]["agenda"][0]["rule"] == a["steps"][0]["rule"]


def test_what_if_adds_removes_and_reports_absent(kb):
    added = what_if(["numbness", "dry eyes"], changes=["+dry mouth"], kb=kb)
    assert "sjogren.dry-eyes-and-mouth" in added.rules_started and not added.rules_stopped
    removed = what_if(["dry eyes", "dry mouth"], changes=["-xerostomia"], kb=kb)
    assert "sjogren.dry-eyes-and-mouth" in removed.rules_stopped
    assert [r.symptom.id for r in removed.after.recognized] == ["dry_eyes"]
    flagged = what_if(["muscle weakness"], changes=["+trouble breathing"], kb=kb)
    assert flagged.red_flags_raised == ("breathing",) and not flagged.red_flags_cleared
    # GBS's annotations record muscle weakness, so GBS is suggested (weak) before; with the evidence score,
    # trouble breathing (a possible GBS finding, shared with others) raises the emergency but not GBS's word
    assert [s.condition.id for s in flagged.after.suggestions if s.strength == "weak"][:1] == [
        "guillain_barre_syndrome"
    ]
    appeared = what_if(["numbness"], changes=["+muscle weakness"], kb=kb)
    gbs = next(m for m in appeared.moves if m.condition == "guillain_barre_syndrome")
    assert gbs.direction == "appeared" and gbs.after and gbs.rank_before == 0 and gbs in appeared.appeared
    lowered = what_if(["dry eyes", "numbness"], changes=["!dry mouth"], kb=kb)
    sjogren = next(m for m in lowered.moves if m.condition == "sjogren_syndrome")
    # dry mouth is very frequent in Sjögren's: reported absent, it counts against it (README)
    assert (sjogren.before, sjogren.after, sjogren.direction) == ("moderate", "weak", "down")
    gone = what_if(["numbness", "dry eyes"], changes=["-numbness"], kb=kb)
    assert {m.condition for m in gone.left} >= {"peripheral_neuropathy"}
    json.dumps(gone.to_dict())


@pytest.mark.parametrize("changes", [["dry mouth"], ["+"], ["+not a finding at all"], [], ["-dry mouth"]])
def test_what_if_rejects_bad_changes(kb, changes):
    with pytest.raises(InputError):
        what_if(["numbness"], changes=changes, kb=kb)


def test_compare_look_alikes(kb):
    gbs_ms = compare("GBS", "multiple sclerosis", kb=kb)
    assert (gbs_ms.a.id, gbs_ms.b.id) == ("guillain_barre_syndrome", "multiple_sclerosis")
    assert "tingling" in {a.id for a, _ in gbs_ms.shared}
    only_a, only_b = {f.id for f in gbs_ms.only_a}, {f.id for f in gbs_ms.only_b}
    assert only_a and only_b and not only_a & only_b
    assert not (only_a | only_b) & {x.id for x, _ in gbs_ms.shared}
    assert "optic_neuritis" in only_b and "reduced_reflexes" in only_a
    assert set(gbs_ms.rules_a) == {r.id for r in kb.rules if r.target == "guillain_barre_syndrome"}
    asked = {q.finding: q.points_to for q in gbs_ms.questions}
    assert asked and all(points in (gbs_ms.a.id, gbs_ms.b.id) for points in asked.values())
    causes = compare("diabetic_neuropathy", "alcohol_related_neuropathy", kb=kb)
    assert "diabetes" in {f.id for f in causes.only_a} and "heavy_alcohol_use" in {f.id for f in causes.only_b}
    asked = {q.finding: q.points_to for q in causes.questions}
    assert asked["diabetes"] == "diabetic_neuropathy" and asked["heavy_alcohol_use"] == "alcohol_related_neuropathy"
    dryness = compare("sjogren", "lupus", kb=kb)
    hallmark = [f for f in dryness.only_a if f.role == "hallmark"]
    assert hallmark and dryness.questions[0].finding in {f.id for f in hallmark}
    json.dumps(dryness.to_dict())


@pytest.mark.parametrize("a, b", [("sjogren", "no such thing"), ("sjogren", "Sjogren's syndrome")])
def test_compare_rejects_unknown_or_same(kb, a, b):
    with pytest.raises(InputError):
        compare(a, b, kb=kb)


def test_rules_view_lists_every_rule_once_grouped(kb):
    groups = rule_groups(kb=kb, group=None)  # every rule; the default is the hand-written ones
    listed = [r.id for g in groups for r in g.rules]
    assert sorted(listed) == sorted(r.id for r in kb.rules)
    assert all(r.conclusion == g.conclusion and r.target == g.target for g in groups for r in g.rules)
    kinds = [g.conclusion for g in groups]
    assert kinds == sorted(kinds, key=["red_flag", "infer", "suggest"].index)


def test_rules_view_filters(kb):
    sjogren = rule_groups(kb=kb, for_condition="Sjogren")
    targets = {g.target for g in sjogren}
    assert "sjogren_syndrome" in targets and "sicca_symptoms" in targets
    assert not targets & set(kb.conditions) - {"sjogren_syndrome"}
    numb = rule_groups(kb=kb, uses="numb feet")
    ids = {r.id for g in numb for r in g.rules}
    assert "pattern.sensory" in ids and "sjogren.sicca-with-nerve-symptoms" in ids
    assert "sjogren.dry-eyes-and-mouth" not in ids
    assert rule_groups(kb=kb, for_condition="no such condition") == ()


def test_network_and_fired_path(kb):
    whole = knowledge_network(kb)
    node_ids = {n.id for n in whole.nodes}
    assert all(e.source in node_ids and e.target in node_ids for e in whole.edges)
    assert {e.rule for e in whole.edges} == {r.id for r in kb.rules}
    result = explore(["dry eyes", "numbness"], kb=kb)
    path = knowledge_network(kb, result, only_fired=True)
    assert {e.rule for e in path.edges} == {t.rule for t in result.trace}
    assert "condition:sjogren_syndrome" in {n.id for n in path.nodes}
    assert all(n.fired for n in path.nodes)


def test_fired_path_from_the_trace_alone_is_the_same(kb):
    """`match --format mermaid|dot|html` draws the path from the result alone, with no knowledge base."""
    from explorer.cases.library import run_case
    from explorer.reasoning.rulesview import fired_network

    for case in list_cases(kb=kb):
        result = run_case(case, kb)
        # expanded: each annotation firing as its own edge, as the knowledge network draws them
        assert fired_network(result, expand=True) == knowledge_network(kb, result, only_fired=True), case.id


def test_case_library_is_complete_and_answers_as_expected(kb):
    from explorer.cases.library import expectation_problems, run_case

    cases = list_cases(kb=kb)
    assert len(cases) >= 12 and len({c.id for c in cases}) == len(cases)
    firsts, flagged, problems = set(), 0, {}
    for case in cases:
        assert case.case.note and case.case.expect is not None, case.id
        result = run_case(case, kb)
        assert result.complete, (case.id, result.unrecognized)
        if expectation_problems(case, result):
            problems[case.id] = expectation_problems(case, result)
        firsts.add(case.case.expect.first)
        flagged += bool(case.case.expect.red_flags)
    assert not problems, f"cases whose expected answer no longer holds (update data/cases): {problems}"
    assert firsts == set(kb.conditions)
    assert flagged >= 2
    ids = {c.id for c in cases}
    for pair in ("gbs", "ms"), ("sjogren", "lupus"), ("diabetic", "alcohol"):
        assert {f"lookalike-{p}" for p in pair} <= ids


def test_a_teachers_file_with_a_bad_expectation_is_refused(kb, tmp_path):
    from explorer import BatchFileError

    path = tmp_path / "mine.yaml"
    path.write_text("- id: one\n  symptoms: [numbness]\n  expect: sjogren\n", encoding="utf-8")
    with pytest.raises(BatchFileError, match="mine.yaml:1: 'expect' must be a mapping"):
        list_cases(path, kb=kb)
    path.write_text("- id: one\n  symptoms: [numbness]\n", encoding="utf-8")
    (case,) = list_cases(path, kb=kb)
    assert case.case.expect is None


def test_notebooks_show_results_cards_and_comparisons_as_html(kb):
    from explorer import get_condition

    result = explore(["numbness", "dry eyes", "<img src=x onerror=alert(1)>"], kb=kb)
    shown = result._repr_html_()
    assert shown.startswith('<div class="symptom-explorer">') and "<svg" in shown and "Sjögren" in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown and "<img" not in shown
    assert "body {" not in shown  # the style is scoped to the fragment, not the whole notebook
    card = get_condition("sjogren", kb=kb)._repr_html_()
    assert "Findings linked to it" in card and "Dry mouth" in card and "not a diagnosis" in card
    comparison = compare("gbs", "ms", kb=kb)._repr_html_()
    assert "Questions that best tell them apart" in comparison and "Ask about" in comparison
