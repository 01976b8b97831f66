"""An engine run replayed from the rules, without experta: the firings of the plain engine in its own
order, with what each matched and the findings behind each pattern (the questionnaire's trials use it
instead of running the engine for every candidate answer).

The engine's fact model is small enough to follow exactly. Fact ids are given as the engine gives them:
0 is experta's initial fact, then the reported findings (sorted), the absent ones (sorted), the GroupMet
facts in the order the groups are counted (engine._groups_met), and then, firing by firing, the Finding
an inference adds (and the GroupMet facts it completes) or the Suggested fact a suggestion adds, when
new. A rule's activation is its facts: one Finding per finding in "all", its GroupMet, one Absent per
finding in "absent"; each rule has at most one, since a finding id names one Finding (patterns are never
named like findings, else this replay gives up). The next to fire is the one experta's agenda would take
(engine._StableStrategy): the highest salience, then the most recent facts, then the first rule in the
knowledge files. Nothing is ever retracted, so an activation, once made, waits until it fires.

tests/test_replay.py requires the same Inference (steps in order, support) as a real run.
"""

import functools
import heapq

from ..knowledge.records import KnowledgeBase
from .inference import SALIENCE, Inference, Step
from .reach import understood


@functools.lru_cache(maxsize=8)
def _index(kb: KnowledgeBase) -> tuple[dict, dict, dict] | None:
    """(finding id -> (rule, how many facts it needs) for the rules needing its Finding, the same for its
    Absent, finding id -> rules whose "any" group names it), or None when a run cannot be replayed (rules
    not `understood`, or a pattern named like a finding)."""
    if not understood(kb) or {r.target for r in kb.rules if r.conclusion == "infer"} & kb.symptoms.keys():
        return None
    present: dict = {}
    absent: dict = {}
    groups: dict = {}
    for rule in kb.rules:
        needs = len(rule.all) + len(rule.absent) + (1 if rule.any else 0)  # facts its activation needs
        for refs, index in ((rule.all, present), (rule.absent, absent)):
            for ref in refs:
                index.setdefault(ref, []).append((rule, needs))
        for ref in rule.any:
            groups.setdefault(ref, []).append(rule)
    return present, absent, groups


def replayable(kb: KnowledgeBase) -> bool:
    """Whether a run of ``kb``'s rules can be replayed (see _index)."""
    return _index(kb) is not None


class _Run:
    """The state of one replayed run: fact ids so far, the groups' counts, the facts each rule still
    lacks, activations waiting."""

    def __init__(self, groups: dict, present: list, absent: list):
        self.groups = groups
        self.found = {f: i for i, f in enumerate(present, start=1)}  # finding -> its Finding's fact id
        self.absent = {f: i for i, f in enumerate(absent, start=len(present) + 1)}
        self.next_id = len(present) + len(absent) + 1
        self.hits: dict = {}  # rule id -> findings counted toward its "any" group
        self.met: dict = {}  # rule id -> fact id of its GroupMet
        self.lacking: dict = {}  # rule id -> how many of its facts are not there yet (once one arrived)
        self.suggested: set = set()
        self.waiting: list = []  # heap of (the agenda key, turned so the smallest fires first; the rule)

    def count(self, found) -> None:
        for finding in found:
            for rule in self.groups.get(finding, ()):
                counted = self.hits.setdefault(rule.id, [])
                counted.append(finding)
                if len(counted) == rule.at_least:
                    self.met[rule.id] = self.new_id()
                    self.arrived(((rule, len(rule.all) + len(rule.absent) + 1),))

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def arrived(self, rules) -> None:
        """One of the facts each of ``rules`` ((rule, facts it needs) pairs) needs is there: activate those
        that now have them all."""
        for rule, needs in _completed(self.lacking, rules):
            self.activate(rule, needs)

    def activate(self, rule, needs: int) -> None:
        """Put ``rule``'s activation (``needs`` facts) on the agenda: its facts are all there."""
        if needs == 1:  # most rules: one finding
            if rule.all:
                ids = [self.found[rule.all[0]]]
            else:
                ids = [self.met[rule.id]] if rule.any else [self.absent[rule.absent[0]]]
        else:
            ids = [self.found[ref] for ref in rule.all] + [self.absent[ref] for ref in rule.absent]
            if rule.any:
                ids.append(self.met[rule.id])
        heapq.heappush(self.waiting, (_turned(SALIENCE[rule.conclusion], ids, rule.order), rule))


def _completed(lacking: dict, rules) -> list:
    """The pairs of ``rules`` ((rule, facts it needs), one of whose facts just came) whose rule now has all its
    facts; ``lacking`` (rule id -> facts still missing, once one came) is brought up to date."""
    done = []
    for pair in rules:
        rule, needs = pair
        if needs == 1:  # the fact that came is its only one
            done.append(pair)
            continue
        left = lacking[rule.id] = lacking.get(rule.id, needs) - 1
        if not left:
            done.append(pair)
    return done


class Start:
    """What the reported and absent findings of one set of answers do before any rule fires: which rules
    they complete and the facts the others still lack. It depends on the findings only (not on their
    fact ids), so every trial that adds one answer to them starts from it (``replay(..., start=...)``)
    instead of going through every finding's rules again."""

    def __init__(self, kb: KnowledgeBase, present, absent):
        self.present, self.absent = frozenset(present), frozenset(absent)
        self.lacking: dict = {}
        self.ready: list = []  # (rule, facts it needs) of the rules complete with these findings alone
        index = _index(kb)
        if index is not None:
            self._add(index, self.present, self.absent)

    def _add(self, index, present, absent) -> None:
        needing, needing_absent, _ = index
        for finding in present:
            self.ready += _completed(self.lacking, needing.get(finding, ()))
        for finding in absent:
            self.ready += _completed(self.lacking, needing_absent.get(finding, ()))


def _turned(salience: int, ids: list, order: int) -> tuple:
    """_StableStrategy's key (salience, fact ids most recent first, minus the rule order), turned so that
    its order is reversed: each part negated, and the ids followed by one more, larger than any, since of
    two lists where one begins the other the shorter comes first and must now come last."""
    if len(ids) == 1:
        return -salience, [-ids[0], _LAST], order
    return -salience, [-i for i in sorted(ids, reverse=True)] + [_LAST], order


_LAST = float("inf")


def matched_by(rule, found) -> tuple:
    """What ``rule``'s firing matched once every finding of ``found`` is declared: its "all" findings, then
    those of its "any" group that hold, in the group's order (the engine's)."""
    matched = tuple(rule.all)
    return matched + tuple(f for f in rule.any if f in found) if rule.any else matched


def replay(kb: KnowledgeBase, present, absent, start: Start | None = None) -> Inference | None:
    """What the plain engine concludes for finding ids ``present`` and ``absent`` (Engine.run's Inference:
    its steps in firing order, and the support of every finding), or None when it cannot be replayed.
    ``start``: a Start of some of these findings (the trials' current answers), to begin from."""
    index = _index(kb)
    if index is None or not set(present) <= kb.symptoms.keys():
        return None
    needing, needing_absent, groups = index
    present, absent = set(present), set(absent)
    if start is None or not (start.present <= present and start.absent <= absent):
        start = Start(kb, (), ())
    begun = Start.__new__(Start)  # the start's state, copied, with the findings it does not have added
    begun.lacking, begun.ready = dict(start.lacking), list(start.ready)
    begun._add(index, present - start.present, absent - start.absent)
    reported = sorted(present)
    run = _Run(groups, reported, sorted(absent))
    run.lacking = begun.lacking
    for rule, needs in begun.ready:  # the agenda orders them by key, not by the order they came in
        run.activate(rule, needs)
    run.count(reversed(reported))
    # By position (steps, support, wants, engine_steps): a record made by keyword takes a slower path.
    inference = Inference([], {f: {f} for f in present}, [], [])
    made = shared_steps(kb)
    steps, support = inference.steps, inference.support
    while run.waiting:
        _, rule = heapq.heappop(run.waiting)
        matched = matched_by(rule, run.hits[rule.id] if rule.any else ())
        steps.append(shared_step(made, len(steps) + 1, rule, matched))
        if rule.conclusion == "infer":
            support.setdefault(rule.target, set()).update(*(support.get(f, {f}) for f in matched))
            if rule.target not in run.found:
                run.found[rule.target] = run.new_id()
                run.count((rule.target,))
                run.arrived(needing.get(rule.target, ()))
        elif rule.conclusion == "suggest" and rule.target not in run.suggested:
            run.suggested.add(rule.target)
            run.new_id()
    return inference


def shared_step(made: dict, number: int, rule, matched: tuple) -> Step:
    """The Step of a firing, made once per rule, place in the run and findings matched, then shared (a
    frozen record is costly to make, and a replay makes one per firing)."""
    key = (number, rule.id, matched)
    step = made.get(key)
    if step is None:
        if len(made) >= _STEPS_KEPT:
            made.clear()
        step = made[key] = Step(
            number, rule.id, SALIENCE[rule.conclusion], matched, rule.absent, rule.conclusion, rule.target
        )
    return step


_STEPS_KEPT = 8192


@functools.lru_cache(maxsize=8)
def shared_steps(kb: KnowledgeBase) -> dict:
    return {}  # (number, rule id, findings matched) -> its Step, filled as replays fire rules
