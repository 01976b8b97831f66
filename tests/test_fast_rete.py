"""Differential test: stock experta and fast_rete, side by side, must agree on everything the engine does.

For each set of findings both engines run and we compare the agenda after every update (the rules and
facts waiting, in order), the firings, the trace steps, the support map and the questions wanted. The
inputs are the example cases plus a seeded random corpus, for the plain and the questionnaire engines.
"""

import random
import re
from pathlib import Path

import pytest
import yaml

from explorer.knowledge.loader import packaged_folders
from explorer.language.vocabulary import vocabulary_for
from explorer.reasoning import engine as engine_module
from explorer.reasoning._experta import experta
from explorer.reasoning.engine import Engine
from explorer.reasoning.fast_rete import FastReteMatcher, is_plain_conjunction
from explorer.reasoning.questionnaire import question_map


class _Recording(engine_module._StableStrategy):
    """The engine's own strategy, also noting the agenda each time it is brought up to date (before every
    activation is taken from it, and after facts are declared outside a run)."""

    def __init__(self):
        super().__init__()
        self.log = []

    def update_agenda(self, agenda, added, removed):
        super().update_agenda(agenda, added, removed)
        self.log.append(tuple((a.rule.__name__, _facts(a)) for a in agenda.activations))


def _agendas(log):
    """The agendas a rule of the knowledge (or a question rule) was taken from, and the last one: stock
    experta's counting rule fires first whenever it has an activation (the fast engine counts as facts are
    declared instead), so the agendas it was taken from are left out, and then repeats of one agenda
    (brought up to date with nothing new). Empty agendas before the first activation are left out too: stock
    experta brings the agenda up to date after its reset's InitialFact, with nothing to add, and the fast
    engine matches that fact with the findings, in one pass."""
    kept = [agenda for agenda in log if not agenda or agenda[-1][0] != "count_groups"]
    while kept and not kept[0]:
        kept.pop(0)
    return [agenda for i, agenda in enumerate(kept) if i == 0 or agenda != kept[i - 1]]


def _facts(activation):
    return tuple(sorted((type(f).__name__, f["__factid__"], repr(f)) for f in activation.facts))


def _engines(kb, questions):
    pair = {}
    for matcher in ("experta", "fast"):
        engine = Engine(kb, questions, matcher=matcher)
        engine._engine.strategy = _Recording()
        pair[matcher] = engine
    assert isinstance(pair["fast"]._engine.matcher, FastReteMatcher)
    assert not isinstance(pair["experta"]._engine.matcher, FastReteMatcher)
    return pair


def _run(engine, present, absent, asked, record=False):
    strategy = engine._engine.strategy
    strategy.log = []
    inference = engine.run(present, absent, asked, record=record)
    facts = sorted((type(f).__name__, i, repr(f)) for i, f in engine._engine.facts.items())
    support = {k: sorted(v) for k, v in inference.support.items()}
    return _agendas(strategy.log), inference.steps, support, inference.wants, facts, inference.engine_steps


def _example_inputs(kb):
    vocabulary = vocabulary_for(kb)
    text = packaged_folders()[0].joinpath("cases", "examples.yaml").read_text(encoding="utf-8")
    inputs = []
    for case in yaml.safe_load(text):
        ids = [vocabulary.resolve(t).symptom for t in case.get("symptoms", []) + case.get("absent", [])]
        present = {s.id for s, t in zip(ids, case.get("symptoms", [])) if s}
        absent = {s.id for s in ids[len(case.get("symptoms", [])) :] if s} - present
        inputs.append((present, absent, set()))
    assert inputs
    return inputs


def _random_inputs(kb, count=150, seed=11):
    """Findings drawn mostly from what the rules name, so that many rules fire, some from anywhere."""
    rng = random.Random(seed)
    named = sorted({ref for rule in kb.rules for ref in rule.all + rule.any + rule.absent} & set(kb.symptoms))
    everything = sorted(kb.symptoms)
    inputs = []
    for _ in range(count):
        pool = rng.sample(named, min(len(named), rng.randint(1, 8))) + rng.sample(everything, rng.randint(0, 2))
        rng.shuffle(pool)
        cut, cut2 = sorted(rng.randint(0, len(pool)) for _ in range(2))
        present, absent, asked = set(pool[:cut] or pool[:1]), set(pool[cut:cut2]), set(pool[cut2:])
        inputs.append((present, absent - present, asked - present - absent))
    return inputs


@pytest.mark.slow
@pytest.mark.parametrize("with_questions", [False, True], ids=["plain", "questionnaire"])
def test_fast_matcher_agrees_with_experta(kb, with_questions):
    questions = question_map(kb) if with_questions else None
    pair = _engines(kb, questions)
    fired_somewhere = grouped_somewhere = recorded_somewhere = 0
    for number, (present, absent, asked) in enumerate(_example_inputs(kb) + _random_inputs(kb)):
        if not with_questions:
            asked = set()
        record = number % 2 == 0  # every other run also keeps the --step records (agenda, memory, fact added)
        stock = _run(pair["experta"], present, absent, asked, record)
        fast = _run(pair["fast"], present, absent, asked, record)
        assert fast == stock, (present, absent, asked)
        fired_somewhere += bool(stock[1])
        grouped_somewhere += any(kind == "GroupMet" for kind, _, _ in stock[4])
        recorded_somewhere += bool(stock[5])
    assert fired_somewhere > 20  # the corpus exercises the rules, not only empty runs
    assert grouped_somewhere > 20 and recorded_somewhere > 10  # and the "any" groups and the step records


@pytest.mark.slow
@pytest.mark.parametrize("counting", [True, False], ids=["counted", "network"])
def test_fast_matcher_agrees_with_experta_on_many_joins(tmp_path, kb, monkeypatch, counting):
    """The benchmark's generated rules (two or three findings each, some with a group or an absent
    finding), matched by counting or, with counting off, as hundreds of two-input nodes, most of them given
    tokens while their other side is empty, and many left holding memory for the next reset: the same
    agendas, firings and records."""
    monkeypatch.setattr(FastReteMatcher, "counting", counting)
    import sys
    from pathlib import Path

    from explorer.knowledge.loader import load_knowledge

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from generate_knowledge import generate

    generated = load_knowledge(generate(tmp_path / "kb", len(kb.rules) + 300))
    pair = _engines(generated, None)
    one_sided = joined = waiting = 0
    # Random findings seldom fill a rule of two or more; each of these fills one.
    filling = [(set(rule.all), set(), set()) for rule in generated.rules if len(rule.all) >= 2][:20]
    for number, (present, absent, _) in enumerate(_random_inputs(generated, count=60, seed=13) + filling):
        stock = _run(pair["experta"], present, absent, set(), record=number % 2 == 0)
        assert _run(pair["fast"], present, absent, set(), record=number % 2 == 0) == stock, (present, absent)
        matcher = pair["fast"]._engine.matcher
        one_sided += sum(bool(getattr(n, "right_memory", None)) and not n.left_memory for n in matcher._holding)
        # Facts filed under patterns of rules of two or more, and such rules with facts under two of them.
        filed = matcher._counting._filed.values()
        waiting += sum(len(facts) for patterns in filed for facts in patterns.values())
        joined += sum(len(patterns) >= 2 for patterns in filed)
    if counting:
        assert waiting > 100 and joined >= 20 and one_sided == 0  # joins made by counting, no two-input node used
    else:
        assert one_sided > 100  # the one-sided path was taken, and reset after


def test_engine_of_only_the_rules_that_fire_agrees_with_experta(kb):
    """The first query of a process builds only the rules reach.py says fire: same agendas, firings and
    trace as stock experta with every rule."""
    from explorer.reasoning.reach import rules_that_fire

    stock = _engines(kb, None)["experta"]
    for present, absent, _ in _example_inputs(kb) + _random_inputs(kb, count=60, seed=5):
        rules = rules_that_fire(kb, present, absent)
        small = Engine(kb, rules=rules)
        small._engine.strategy = _Recording()
        expected = _run(stock, present, absent, set())
        assert _run(small, present, absent, set()) == expected, (present, absent)
        assert {r.id for r in rules} == {step.rule for step in expected[1]}  # exactly the rules that fire


def test_rules_with_unknown_parts_are_all_built(kb, monkeypatch):
    """A rule field reach.py does not know (a new kind of condition) makes it keep every rule."""
    from explorer.reasoning import reach

    assert reach.understood(kb)
    reach.understood.cache_clear()
    monkeypatch.setattr(reach, "KNOWN_FIELDS", reach.KNOWN_FIELDS - {"absent"})
    try:
        assert reach.rules_that_fire(kb, {"numbness"}, set()) == kb.rules
    finally:
        reach.understood.cache_clear()


def test_first_query_then_every_rule(kb):
    from explorer.reasoning.engine import _FirstQueryFirst

    lazy, full = _FirstQueryFirst(kb), Engine(kb)
    for present, absent, _ in _example_inputs(kb)[:3]:
        assert lazy.run(present, absent).steps == full.run(present, absent).steps
    assert lazy.first_done and lazy.full is not None


def test_fast_matcher_survives_reuse_after_a_failing_rule(kb):
    """A rule body that raises leaves both engines in the same state for the next query."""
    pair = _engines(kb, None)
    case = _example_inputs(kb)[0]
    for engine in pair.values():
        inner = engine._engine
        inner.reset()
        inner.hits, inner.inference = {}, None  # the first conclusion to run fails on this
        inner.declare(*[engine_module.Finding(id=f, origin="reported") for f in sorted(case[0])])
        with pytest.raises(AttributeError):
            inner.run()
    assert _run(pair["fast"], *case) == _run(pair["experta"], *case)


def test_plain_rules_skip_the_rewrite_with_an_equal_result(kb):
    engine = Engine(kb, question_map(kb), matcher="fast")._engine
    rules = engine.get_rules()
    plain = [rule for rule in rules if is_plain_conjunction(rule)]
    assert len(plain) >= len(rules) - 1  # all but the counting rule's kind of rule are plain here
    assert FastReteMatcher.prepare_ruleset(engine) == experta.matchers.ReteMatcher.prepare_ruleset(engine)


def _probe(base):
    """An engine with rules outside our own fact model: OR, predicates, bindings, numbers, lists."""
    AS, OR, L, P, Fact, Rule = experta.AS, experta.OR, experta.L, experta.P, experta.Fact, experta.Rule

    class Thing(Fact):
        pass

    class Probe(base):
        @Rule(Thing(kind=L("a") | L("b")), salience=2)
        def either(self):
            self.fired.append("either")

        @Rule(AS.t << Thing(kind=P(lambda v: str(v).startswith("c"))), OR(Thing(n=1), Thing(n=2)))
        def predicate(self, t):
            self.fired.append(("predicate", t["kind"]))

        @Rule(Thing(kind=L(("x",))), Thing(n=True))
        def listed(self):
            self.fired.append("listed")

    probe = Probe()
    probe.fired = []
    probe.reset()
    probe.declare(Thing(kind="b"), Thing(kind="cat"), Thing(n=1.0), Thing(kind=["x"]), Thing(kind=("x",)))
    probe.declare(Thing(kind="a", n=["z"]), Thing(kind=["y"], n=2), Thing(kind="cow", n=2))  # plain and not
    probe.run()
    return probe


def test_fast_matcher_agrees_on_rules_outside_our_fact_model():
    """Rules with OR, field constraints and bindings go through experta's own rewrite, values that are
    not plain (lists, 1.0 == 1 == True) are offered to every child, and the result is experta's."""
    from explorer.reasoning.fast_engine import FastKnowledgeEngine

    fast, stock = _probe(FastKnowledgeEngine), _probe(experta.KnowledgeEngine)
    assert not any(is_plain_conjunction(r) for r in fast.get_rules() if r.__name__ != "listed")
    assert fast.fired == stock.fired
    assert {"either", "listed", ("predicate", "cat"), ("predicate", "cow")} <= set(fast.fired)
    assert fast.fired.count("either") == 2  # kind "b", and kind "a" beside a list-valued field


def test_facts_made_by_new_fact_are_told_apart_as_experta_tells_them():
    """A fact made by new_fact is filed under the duplicate key experta's own fact gets, so either one
    declared after the other is dropped as a duplicate; a special name makes no shortcut."""
    from explorer.reasoning.fast_engine import FastKnowledgeEngine, new_fact

    engine = FastKnowledgeEngine()
    engine.reset()
    first = engine.declare(new_fact(engine_module.Finding, id="numbness", origin="reported"))
    assert first is not None and first["__factid__"] == 1
    assert engine.declare(engine_module.Finding(id="numbness", origin="reported")) is None
    assert engine.declare(engine_module.Finding(id="tingling", origin="reported")) is not None
    assert engine.declare(new_fact(engine_module.Finding, id="tingling", origin="reported")) is None
    assert engine.declare(new_fact(engine_module.Finding, id="numbness", origin="inferred")) is not None
    special = new_fact(engine_module.Finding, __bind__="x", id="a")
    assert "_plain_names" not in special.__dict__ and special == engine_module.Finding(__bind__="x", id="a")


def test_a_rule_reading_no_bindings_is_called_with_the_engine_alone():
    """The fast engine calls a rule function marked reads_no_bindings with the engine only; any other
    gets the activation's bindings, as experta passes them."""
    from explorer.reasoning.fast_engine import FastKnowledgeEngine

    AS, Fact, Rule = experta.AS, experta.Fact, experta.Rule

    class Thing(Fact):
        pass

    def marked(engine, **bindings):
        engine.calls.append(("marked", sorted(bindings)))

    marked.reads_no_bindings = True

    def plain(engine, **bindings):
        engine.calls.append(("plain", sorted(bindings)))

    namespace = {"m": Rule(AS.t << Thing(kind="a"))(marked), "p": Rule(AS.t << Thing(kind="b"))(plain)}
    engine = type("Probe", (FastKnowledgeEngine,), namespace)()
    engine.calls = []
    engine.reset()
    engine.declare(Thing(kind="a"), Thing(kind="b"))
    engine.run()
    assert sorted(engine.calls) == [("marked", []), ("plain", ["t"])]


def test_activations_hash_as_experta_hashes_them(kb, monkeypatch):
    """The network's activations, hashed with their rule's hash worked out once, hash and compare as
    experta's own activations of the same rule, facts and bindings."""
    monkeypatch.setattr(FastReteMatcher, "counting", False)
    engine = Engine(kb, matcher="fast")
    inner = engine._engine
    inner.reset()
    inner.hits, inner.inference = {}, engine_module.Inference()
    case = _example_inputs(kb)[0]
    inner.declare(*[engine_module.Finding(id=f, origin="reported") for f in sorted(case[0])])
    activations = list(inner.agenda.activations)
    assert activations
    for activation in activations:
        theirs = experta.activation.Activation(activation.rule, activation.facts, activation.context)
        theirs.key = activation.key  # the strategy's sort key, given as the agenda took it
        assert type(activation) is not experta.activation.Activation
        assert hash(activation) == hash(theirs) and theirs in {activation} and activation in {theirs}


def test_a_fact_watcher_hears_every_fact_either_engine_declares(kb, caplog):
    """The fast engine reads whether experta's fact watcher listens once per declaration and once per run,
    not once per fact: with it listening, each fact declared (before the run and by the rules as they fire)
    is still logged, as stock experta logs it."""
    present = {"dry_eyes", "dry_mouth", "joint_pain", "numbness", "tingling"}
    heard = {}
    watcher = experta.watchers.FACTS
    level = watcher.level
    try:
        watcher.setLevel("INFO")
        for matcher in ("experta", "fast"):
            engine = Engine(kb, matcher=matcher)
            caplog.clear()
            with caplog.at_level("INFO", logger=watcher.name):
                engine.run(present, {"fatigue"})
            declared = [r.getMessage() for r in caplog.records if r.name == watcher.name and "==>" in r.getMessage()]
            heard[matcher] = (declared, len(engine._engine.facts))
    finally:
        watcher.setLevel(level)
    assert heard["fast"] == heard["experta"]
    declared, kept = heard["fast"]
    assert len(declared) == kept > len(present) + 2  # the initial fact, the findings, and facts the rules added


def _heard(kb, caplog, name: str, level: str, matcher: str) -> list[str]:
    """What experta's watcher ``name``, set to ``level``, hears from one query run by ``matcher``."""
    watcher = getattr(experta.watchers, name)
    before = watcher.level
    try:
        watcher.setLevel(level)
        engine = Engine(kb, matcher=matcher)
        caplog.clear()
        with caplog.at_level(level, logger=watcher.name):
            engine.run({"dry_eyes", "dry_mouth", "joint_pain", "numbness"}, {"fatigue"})
        return [r.getMessage() for r in caplog.records if r.name == watcher.name]
    finally:
        watcher.setLevel(before)


@pytest.mark.parametrize("name, level", [("RULES", "INFO"), ("ACTIVATIONS", "INFO"), ("AGENDA", "DEBUG")])
def test_a_watcher_listening_hears_the_same_from_either_engine(kb, caplog, name, level):
    """Each place the fast engine asks whether a watcher listens (``_experta.listening``) steps aside for
    experta's own code then: the watcher hears what stock experta tells it (stock experta also fires its
    group-counting rule, which shifts the numbers in its messages: those and their numbers are left out)."""
    heard = {}
    for matcher in ("experta", "fast"):
        messages = _heard(kb, caplog, name, level, matcher)
        heard[matcher] = {re.sub(r"^(FIRE )?\d+:? ", "", m) for m in messages if "count_groups" not in m}
    assert heard["fast"] and heard["fast"] == heard["experta"]


@pytest.mark.parametrize("name, level", [("MATCH", "INFO"), ("MATCHER", "DEBUG")])
def test_a_matcher_watcher_listening_is_told_by_the_fast_matcher(kb, caplog, name, level):
    """The fast matcher's nodes step aside for experta's, which tell the watcher (what they test differs from
    stock experta's network, so the messages do too), and say nothing while no one listens."""
    assert _heard(kb, caplog, name, level, "fast")
    assert not _heard(kb, caplog, name, "WARNING", "fast")


@pytest.mark.parametrize("name, level", [("MATCH", "INFO"), ("MATCHER", "DEBUG")])
def test_a_matcher_watcher_set_between_runs_is_told_on_the_next_run(kb, caplog, name, level):
    """The engine reads whether a match watcher listens once per declaration or run, not at every node: one
    engine that ran unwatched tells a watcher set before its next run, and is quiet again once it is unset."""
    watcher = getattr(experta.watchers, name)
    before = watcher.level
    engine = Engine(kb, matcher="fast")
    case = ({"dry_eyes", "dry_mouth", "joint_pain", "numbness"}, {"fatigue"})
    engine.run(*case)
    heard = []
    try:
        for told in (True, False):
            caplog.clear()
            with caplog.at_level(level if told else "WARNING", logger=watcher.name):
                engine.run(*case)
            heard.append(any(r.name == watcher.name for r in caplog.records))
    finally:
        watcher.setLevel(before)
    assert heard == [True, False]
    assert engine._engine.matcher.watch.quiet is False  # outside a run, every node asks for itself


def test_only_the_experta_shim_reads_whether_a_watcher_listens():
    """One test of "is a watcher listening" (``_experta.listening``), not copies of experta's worth() or
    logging calls that may drift apart."""
    folder = Path(engine_module.__file__).parent
    readers = sorted(
        p.name
        for p in folder.glob("*.py")
        if p.name != "_experta.py" and any(s in p.read_text() for s in ("isEnabledFor", "worth(", ".level <="))
    )
    assert readers == []


def _probe_rules():
    """Rules of several shapes over one fact class, each recording its firing (read by the two tests below)."""
    AS, Fact, NOT, Rule = experta.AS, experta.Fact, experta.NOT, experta.Rule

    class Thing(Fact):
        pass

    def body(name):
        def fire(engine, **bindings):
            engine.calls.append(name)

        fire.__name__ = name
        fire.reads_no_bindings = name != "bound"
        return fire

    shapes = {
        "pair": (Thing(kind="a"), Thing(kind="b")),
        "single": (Thing(kind="c"),),
        "negated": (Thing(kind="a"), NOT(Thing(kind="d"))),
        "bound": (AS.t << Thing(kind="a"),),
        "two_fields": (Thing(kind="a"), Thing(size="big")),
    }
    return Thing, {name: Rule(*patterns)(body(name)) for name, patterns in shapes.items()}


def test_only_conjunctions_of_one_field_values_are_counted():
    """A rule is matched by counting only when each pattern names one field's value, no rule call reads a
    binding, and no fact could fill two patterns; a NOT, a binding read by the rule, or patterns of one
    class naming different fields keep the rule in experta's network."""
    from explorer.reasoning.counting import countable

    _, rules = _probe_rules()
    assert {name for name, rule in rules.items() if countable(rule)} == {"pair", "single"}


def test_counted_rules_agree_with_experta_when_facts_are_retracted():
    """The knowledge never retracts a fact, but the matcher answers as experta does when one is: the
    activations it took part in leave the agenda, and declaring it again brings them back."""
    from explorer.reasoning.fast_engine import FastKnowledgeEngine

    Thing, rules = _probe_rules()
    agendas = {}
    for base in (FastKnowledgeEngine, experta.KnowledgeEngine):
        engine = type("Probe", (base,), dict(rules))()
        engine.calls, seen = [], []
        engine.reset()
        a, _, c = engine.declare(Thing(kind="a")), engine.declare(Thing(kind="b")), engine.declare(Thing(kind="c"))
        seen.append(sorted(act.rule.__name__ for act in engine.agenda.activations))
        engine.retract(a)
        engine.retract(c)
        seen.append(sorted(act.rule.__name__ for act in engine.agenda.activations))
        engine.declare(Thing(kind="a"))
        engine.run()
        seen.append(sorted(engine.calls))
        agendas[base] = seen
    assert agendas[FastKnowledgeEngine] == agendas[experta.KnowledgeEngine]
    assert agendas[FastKnowledgeEngine][:2] == [["bound", "negated", "pair", "single"], []]
