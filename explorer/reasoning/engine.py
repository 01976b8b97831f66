"""The experta inference engine, generated from the YAML rules.

Fact model (chosen for speed, see the design notes: matching cost grows with every declared fact and
every distinct constant): one small ``Finding`` fact per reported or inferred finding, one ``Absent``
per finding reported absent, and one ``GroupMet`` per rule whose "at least N of" group is satisfied.
An "any" group is not expanded into every combination (experta's OR does that): each ``Finding`` fact
is counted toward every "any" group that names it, and ``GroupMet`` is declared once a group reaches
its "at least" count. With stock experta a counting rule of the highest salience does that, firing once
per finding (half of all firings); the fast engine counts as the findings are declared instead, giving
the ``GroupMet`` facts the ids the counting rule's firings would (see ``_groups_met``), so fact ids,
firings and step records are the same (tests/test_fast_rete.py).

The engine class is built once per knowledge base and process, then reused with reset/declare/run.
"""

import bisect
import inspect
import logging
import os
import threading
from operator import attrgetter

from ..knowledge.records import KnowledgeBase
from ._experta import AS, NOT, DepthStrategy, Fact, KnowledgeEngine, Rule, listening
from ._experta import experta as _experta_package
from .fast_engine import FastKnowledgeEngine, new_fact
from .inference import SALIENCE, Inference, Step

# "fast": experta's RETE network driven by fast_rete (same firings, see tests/test_fast_rete.py);
# "experta": the stock matcher, kept to compare against and to fall back on.
MATCHERS = {"fast": FastKnowledgeEngine, "experta": KnowledgeEngine}

_watchers = _experta_package.watchers
_ACTIVATIONS = _watchers.ACTIVATIONS


class Finding(Fact):
    """A finding that holds: reported by the person (origin "reported") or inferred by a rule."""


class Absent(Fact):
    """A finding the person reported as absent."""


class GroupMet(Fact):
    """The "any" group of rule ``rule`` has at least ``at_least`` findings present."""


class Suggested(Fact):
    """Some rule suggested ``condition``."""


class Asked(Fact):
    """The person was asked about finding ``id`` and was not sure, or skipped it: do not ask again."""


class WantToKnow(Fact):
    """The engine would like to know whether ``finding`` is present, to weigh suggested ``condition``."""


_KEY = attrgetter("key")


class _StableStrategy(DepthStrategy):
    """experta breaks salience ties by fact ids, then by hash order; adding the rule's position in the
    knowledge files makes the firing order, and so the trace, the same on every run."""

    def get_key(self, activation):
        facts = sorted([f["__factid__"] for f in activation.facts], reverse=True)
        return activation.rule.salience, facts, -activation.rule._wrapped.rule_order

    recording = False
    last_agenda: list = []

    def update_agenda(self, agenda, added, removed):
        if removed or listening(_ACTIVATIONS, logging.INFO):
            super().update_agenda(agenda, added, removed)  # experta's, with its messages
            return
        # What experta's DepthStrategy does with activations only added: each goes in by its key.
        if added:
            activations = agenda.activations
            for activation in added:
                activation.key = self.get_key(activation)
                bisect.insort(activations, activation, key=_KEY)  # the comparisons Activation.__lt__ makes
        if self.recording:
            self.last_agenda = list(agenda.activations)

    def _update_agenda(self, agenda, added, removed):
        super()._update_agenda(agenda, added, removed)
        if self.recording:  # the agenda just before experta takes its next activation (the last item)
            self.last_agenda = list(agenda.activations)


class Engine:
    """An experta engine for one knowledge base. Not thread-safe: use ``engine_for`` per thread."""

    def __init__(self, kb: KnowledgeBase, questions: dict | None = None, matcher: str | None = None, rules=None):
        """``questions`` maps a condition id to the findings worth asking about once it is suggested;
        with it the engine also declares WantToKnow facts for the questionnaire. ``matcher`` is a key of
        MATCHERS (default: $SYMPTOM_EXPLORER_MATCHER, else "fast"). ``rules``: build only these of the
        base's rules (the group counting still covers every rule, so the same facts are declared)."""
        self.kb = kb
        groups: dict = {}  # finding id -> (id, "at least" count) of the rules whose "any" group names it
        for rule in kb.rules:
            for alternative in rule.any:
                groups.setdefault(alternative, []).append((rule.id, rule.at_least))
        base = MATCHERS[matcher or os.environ.get("SYMPTOM_EXPLORER_MATCHER", "fast")]
        # The fast engine counts groups as findings are declared; stock experta keeps the counting rule.
        counts = issubclass(base, FastKnowledgeEngine)
        namespace: dict = {"count_groups": _counting_rule()} if not counts else {}
        for rule in kb.rules if rules is None else rules:
            namespace[f"r{rule.order}"] = _main_rule(rule)
        for condition_id, findings in sorted((questions or {}).items()):
            for finding in findings:
                # The order the question rules always had (one counting rule, the rules, then these).
                order = len(namespace) + counts
                namespace[f"q_{condition_id}_{finding}"] = _question_rule(condition_id, finding, order)
        namespace.update(groups=groups, counts_on_declare=counts)
        engine_class = type("SymptomExplorerEngine", (base,), namespace)
        self._engine = engine_class()
        self._engine.strategy = _StableStrategy()

    def run(self, present, absent, asked=(), record=False) -> Inference:
        """Reset, declare the findings (sorted, so fact ids do not depend on input order) and run.
        ``asked``: findings already asked about without a yes or no (questionnaire engines only).
        ``record``: also keep, per firing, the agenda and working memory before it (Inference.engine_steps)."""
        engine = self._engine
        engine.strategy.recording = record
        engine.hits = {}
        # By position (steps, support, wants, engine_steps): a record made by keyword takes a slower path.
        engine.inference = Inference([], {f: {f} for f in present}, [], [])
        reported = sorted(set(present))
        facts = [new_fact(Finding, id=f, origin="reported") for f in reported]
        facts += [new_fact(Absent, id=f) for f in sorted(set(absent))]
        facts += [new_fact(Asked, id=f) for f in sorted(set(asked))]
        if engine.counts_on_declare:
            facts += _groups_met(engine, reversed(reported))
        _reset_declaring(engine, facts)
        try:
            engine.run()
        finally:
            engine.running = False  # a failing rule body would leave experta marked as running
        return engine.inference


def _declare(engine, *facts):
    """Declare facts made by new_fact: the fast engine skips the checks they always pass."""
    return getattr(engine, "declare_plain", engine.declare)(*facts)


def _reset_declaring(engine, facts):
    """Reset, then declare facts made by new_fact: the fast engine matches them and its InitialFact in one pass."""
    if isinstance(engine, FastKnowledgeEngine):
        return engine.reset_declaring(*facts)
    engine.reset()
    return _declare(engine, *facts)


def _declare_running(engine, fact):
    """_declare of one fact from a rule body: the fast engine, running, only files it in its fact list (its
    run loop brings the agenda up to date before the next firing, as experta's declare would leave it)."""
    if engine.counts_on_declare:
        return engine.facts.declare(fact)
    return _declare(engine, fact)


def _groups_met(engine, found) -> list:
    """Count findings ``found`` toward the "any" groups that name them, in the order stock experta's
    counting rule would fire for their facts (it has the highest salience, so it fires for every new
    Finding before any other rule, the most recent fact first), and return the GroupMet facts it would
    declare, in its order. Declared right after those findings, they get the ids it would give them."""
    met = []
    hits, groups = engine.hits, engine.groups
    for finding in found:
        for rule_id, at_least in groups.get(finding, ()):
            counted = hits.get(rule_id)
            if counted is None:
                counted = hits[rule_id] = []
            counted.append(finding)  # each Finding id is declared once, so no duplicates
            if len(counted) == at_least:
                met.append(new_fact(GroupMet, rule=rule_id))
    return met


def _counting_rule():
    def count_groups(engine, found):
        met = _groups_met(engine, (found["id"],))
        if met:
            _declare(engine, *met)

    count_groups.__name__ = "count_groups"
    count_groups.__dict__["rule_order"] = -1  # what _StableStrategy sorts ties by (a plain attribute)
    return Rule(AS.found << Finding(), salience=SALIENCE["helper"])(count_groups)


def _main_rule(rule):
    # No pattern is given a name: a rule's body reads what it matched from the rule itself (experta still
    # binds each pattern under a private name of its own, which no rule call passes on).
    patterns = [Finding(id=ref) for ref in rule.all]
    if rule.any:
        patterns.append(GroupMet(rule=rule.id))
    patterns += [Absent(id=ref) for ref in rule.absent]

    salience = SALIENCE[rule.conclusion]
    matched_all = tuple(rule.all)
    made: dict = {}  # (steps before it, findings matched) -> the Step of this rule's firing

    def conclude(engine, **matched):
        inference = engine.inference
        memory = _memory_before(engine) if engine.strategy.recording else None
        added = None
        present = matched_all
        if rule.any:
            hits = engine.hits.get(rule.id, ())
            present = (*present, *(f for f in rule.any if f in hits))
        steps = inference.steps
        # A Step is a frozen record, and making one costs more than the rest of a firing: the rule's steps
        # are made once per place in the run and what the group matched, then shared.
        key = (len(steps), present)
        step = made.get(key)
        if step is None:
            if len(made) >= _STEPS_KEPT:
                made.clear()
            # By position (a record made by keyword takes a slower path): number, rule, salience, matched
            # present and absent, conclusion, target.
            step = made[key] = Step(
                len(steps) + 1, rule.id, salience, present, rule.absent, rule.conclusion, rule.target
            )
        steps.append(step)
        if rule.conclusion == "infer":
            behind = set().union(*(inference.support.get(f, {f}) for f in present))
            inference.support.setdefault(rule.target, set()).update(behind)
            added = _declare_running(engine, new_fact(Finding, id=rule.target, origin="inferred"))
            if added is not None and engine.counts_on_declare:  # counted as the counting rule would, next
                for met in _groups_met(engine, (rule.target,)):
                    _declare_running(engine, met)
        elif rule.conclusion == "suggest":
            added = _declare_running(engine, new_fact(Suggested, condition=rule.target))
        if memory is not None:
            _record(engine, rule.id, memory, added)

    conclude.__name__ = rule.id
    conclude.__signature__ = _CONCLUDE_SIGNATURE  # experta's Rule() reads it instead of inspecting each rule
    conclude.rule_order = rule.order
    conclude.reads_no_bindings = True  # the fast engine then calls it with the engine alone
    return Rule(*patterns, salience=SALIENCE[rule.conclusion])(conclude)


_STEPS_KEPT = 64  # Steps a rule keeps for reuse (its places in a run, times what its "any" group matched)
_CONCLUDE_SIGNATURE = inspect.signature(lambda engine, **matched: None)


def _memory_before(engine):
    from .steps import memory_view  # imported only by runs that record steps: a plain `match` never loads it

    return memory_view(engine.facts)


def _record(engine, rule_id: str, memory, added):
    """Keep the step of the firing of ``rule_id``: the agenda experta held before it, working memory
    before it and the fact it added (None: a red flag, or a fact already known, which experta drops)."""
    from .steps import engine_step

    steps = engine.inference.engine_steps
    steps.append(engine_step(len(engine.inference.steps), rule_id, engine.strategy.last_agenda, memory, added))


def _question_rule(condition_id: str, finding: str, order: int):
    """Once ``condition_id`` is suggested, want to know about ``finding`` unless it is already known."""

    def want(engine):
        engine.inference.wants.append((finding, condition_id))

    want.__name__ = f"ask {finding} for {condition_id}"
    want.__dict__["rule_order"] = order
    want.__dict__["reads_no_bindings"] = True  # the fast engine then calls it with the engine alone
    return Rule(
        Suggested(condition=condition_id),
        NOT(Finding(id=finding)),
        NOT(Absent(id=finding)),
        NOT(Asked(id=finding)),
        salience=SALIENCE["question"],
    )(want)


_local = threading.local()


class _FirstQueryFirst:
    """The plain engine for a base, built in two steps: the first query gets an engine of only the rules
    that fire for it (reach.py; at 1,000 rules building every rule is most of a one-query command's
    time), later queries one engine of every rule, built once. A rule that cannot fire never has an
    activation, so both give the same agenda, firings and trace (tests/test_fast_rete.py)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb, self.first_done = kb, False
        self.full: Engine | None = None

    def run(self, present, absent, asked=(), record=False) -> Inference:
        if self.full is None and not self.first_done and not asked and not record:
            self.first_done = True
            from .reach import rules_that_fire

            return Engine(self.kb, rules=rules_that_fire(self.kb, present, absent)).run(present, absent)
        return self.prepare().run(present, absent, asked, record=record)

    def prepare(self) -> Engine:
        """The engine of every rule, built now if not yet (batch builds it before forking its workers)."""
        if self.full is None:
            self.full = Engine(self.kb)
        return self.full


def engine_for(kb: KnowledgeBase, questions: dict | None = None):
    """The engine for ``kb`` (with question rules when ``questions`` is given), built on first use in this
    thread and reused afterwards. ``questions`` must be the same object on every call for one base."""
    cache = getattr(_local, "engines", None)
    if cache is None:
        cache = _local.engines = {}
    key = (kb, questions is not None)
    if key not in cache:
        cache[key] = Engine(kb, questions) if questions is not None else _FirstQueryFirst(kb)
    return cache[key]
