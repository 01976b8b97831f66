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
def _index(kb: KnowledgeBase) -> tuple[dict, dict] | None:
    """(finding id -> rules naming it anywhere, finding id -> rules whose "any" group names it), or None
    when a run cannot be replayed (rules not `understood`, or a pattern named like a finding)."""
    if not understood(kb) or {r.target for r in kb.rules if r.conclusion == "infer"} & kb.symptoms.keys():
        return None
    naming: dict = {}
    groups: dict = {}
    for rule in kb.rules:
        for ref in rule.all + rule.any + rule.absent:
            naming.setdefault(ref, []).append(rule)
        for ref in rule.any:
            groups.setdefault(ref, []).append(rule)
    return naming, groups


class _Run:
    """The state of one replayed run: fact ids so far, the groups' counts, activations waiting."""

    def __init__(self, groups: dict, present: list, absent: list):
        self.groups = groups
        self.found = {f: i for i, f in enumerate(present, start=1)}  # finding -> its Finding's fact id
        self.absent = {f: i for i, f in enumerate(absent, start=len(present) + 1)}
        self.next_id = len(present) + len(absent) + 1
        self.hits: dict = {}  # rule id -> findings counted toward its "any" group
        self.met: dict = {}  # rule id -> fact id of its GroupMet
        self.suggested: set = set()
        self.waiting: list = []  # heap of (the agenda key, turned so the smallest fires first; the rule)
        self.done: set = set()  # rule ids activated (waiting or fired)

    def count(self, found) -> None:
        for finding in found:
            for rule in self.groups.get(finding, ()):
                counted = self.hits.setdefault(rule.id, [])
                counted.append(finding)
                if len(counted) == rule.at_least:
                    self.met[rule.id] = self.new_id()

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def offer(self, rules) -> None:
        """Activate those of ``rules`` whose facts are all there (each once)."""
        for rule in rules:
            if rule.id in self.done:
                continue
            ids = [self.found.get(ref) for ref in rule.all] + [self.absent.get(ref) for ref in rule.absent]
            if rule.any:
                ids.append(self.met.get(rule.id))
            if None not in ids:
                self.done.add(rule.id)
                heapq.heappush(self.waiting, (_turned(SALIENCE[rule.conclusion], ids, rule.order), rule))


def _turned(salience: int, ids: list, order: int) -> tuple:
    """_StableStrategy's key (salience, fact ids most recent first, minus the rule order), turned so that
    its order is reversed: each part negated, and the ids followed by one more, larger than any, since of
    two lists where one begins the other the shorter comes first and must now come last."""
    return -salience, [-i for i in sorted(ids, reverse=True)] + [_LAST], order


_LAST = float("inf")


def replay(kb: KnowledgeBase, present, absent) -> Inference | None:
    """What the plain engine concludes for finding ids ``present`` and ``absent`` (Engine.run's Inference:
    its steps in firing order, and the support of every finding), or None when it cannot be replayed."""
    index = _index(kb)
    if index is None or not set(present) <= kb.symptoms.keys():
        return None
    naming, groups = index
    reported = sorted(set(present))
    run = _Run(groups, reported, sorted(set(absent)))
    run.count(reversed(reported))
    inference = Inference(support={f: {f} for f in present})
    for finding in reported + list(run.absent):
        run.offer(naming.get(finding, ()))
    steps, support = inference.steps, inference.support
    while run.waiting:
        _, rule = heapq.heappop(run.waiting)
        matched = tuple(rule.all)
        if rule.any:
            counted = run.hits[rule.id]
            matched += tuple(f for f in rule.any if f in counted)
        salience = SALIENCE[rule.conclusion]
        steps.append(Step(len(steps) + 1, rule.id, salience, matched, rule.absent, rule.conclusion, rule.target))
        if rule.conclusion == "infer":
            support.setdefault(rule.target, set()).update(*(support.get(f, {f}) for f in matched))
            if rule.target not in run.found:
                run.found[rule.target] = run.new_id()
                run.count((rule.target,))
                run.offer(naming.get(rule.target, ()))
        elif rule.conclusion == "suggest" and rule.target not in run.suggested:
            run.suggested.add(rule.target)
            run.new_id()
    return inference
