"""What-if runs for the questionnaire: would a yes or a no to one finding change the picture?

A trial needs only what the picture is made of (the red flags raised and the ranked suggestions with
their strengths), so it runs the engine on finding ids and ranks, without resolving words or building a
Result. An answer that cannot change what the rules conclude is not run at all. A yes to a finding only
matters to the rules that name it (in "all" or "any"; the group-counting rule sees every finding but
counts only those a group names), a no only to the rules that need it absent, and only if one of those
rules fires with that answer. Whether it does is read from the rules' data: the patterns the answers
lead to are found by applying the pattern rules until nothing new follows (reach.py: the rules only
ever add facts, so this is what the engine infers), then each rule naming the finding is checked.
When none fires, the engine would conclude exactly what it concludes for the current answers, so that
run is reused; only the ranking, which also reads the findings, is done again. When one does and no
pattern rule reads the answer, the current run is taken with that answer's red-flag and suggestion
firings added (``Trials._edited``); otherwise the run is replayed from the rules (replay.py), in the
engine's own firing order, and the engine runs only for rules the replay cannot follow. The tests
compare every such shortcut with a real run.
"""

import functools
from dataclasses import dataclass

from ..knowledge.records import KnowledgeBase
from .engine import Inference, engine_for
from .inference import Step
from .ranking import ranked_strengths
from .reach import fires, holding, holding_from, understood
from .replay import Start, matched_by, replay, replayable, shared_step, shared_steps


@dataclass(frozen=True)
class Picture:
    """What the person is shown, as far as choosing a question goes: the red flags raised (ids, highest
    level first) and the ranked suggestions as (condition id, strength)."""

    red_flags: tuple[str, ...]
    suggestions: tuple[tuple[str, str], ...]


@functools.lru_cache(maxsize=8)
def _rule_views(kb: KnowledgeBase) -> tuple[dict, dict]:
    """(finding -> rules matching it present, finding -> rules matching it absent)."""
    present: dict = {}
    absent: dict = {}
    for rule in kb.rules:
        for ref in dict.fromkeys(rule.all + rule.any):
            present.setdefault(ref, []).append(rule)
        for ref in rule.absent:
            absent.setdefault(ref, []).append(rule)
    return present, absent


@functools.lru_cache(maxsize=8)
def _pattern_reads(kb: KnowledgeBase) -> tuple[frozenset, frozenset]:
    """(the ids a pattern rule reads present, in "all" or "any"; those it reads absent)."""
    infer = [rule for rule in kb.rules if rule.conclusion == "infer"]
    return (
        frozenset(ref for rule in infer for ref in rule.all + rule.any),
        frozenset(ref for rule in infer for ref in rule.absent),
    )


@functools.lru_cache(maxsize=8)
def _picture_parts(kb: KnowledgeBase) -> bool:
    """Whether a picture follows from the set of firings alone, not their order: the rules are replayable
    (replay.py) and no two conditions share a name (the ranking orders conditions by name last; two alike
    would keep the order they fired in)."""
    names = [condition.name.lower() for condition in kb.conditions.values()]
    return replayable(kb) and len(set(names)) == len(names)


def picture_of(kb: KnowledgeBase, inference: Inference, present: set, absent: set, again: bool = False) -> Picture:
    """The picture (as questionnaire.picture gives it for a Result) straight from an engine run; ``again``: the
    run will be pictured again with other answers (the current answers' run), so what ranking reads of it
    alone is kept (ranking._fired); a trial's own run is pictured once."""
    ranked = ranked_strengths(kb, inference, present, absent, keep=again)
    return Picture(_flags(kb, inference), tuple((condition, strength) for _, condition, strength in ranked))


def _flags(kb: KnowledgeBase, inference: Inference) -> tuple[str, ...]:
    """The red flags raised, in explore()'s order: highest urgency level first, then by id."""
    raised = {step.target for step in inference.steps if step.conclusion == "red_flag"}
    return tuple(sorted(raised, key=lambda f: (kb.urgency_levels.index(kb.red_flags[f].level), f)))


class Trials:
    """Trials from one set of answers (finding ids reported present and absent)."""

    def __init__(self, kb: KnowledgeBase, present, absent, base: Inference | None = None):
        """``base``: the plain engine's Inference for these answers, when the caller has one already
        (a questionnaire engine's run concludes the same: its question rules add no fact and no step)."""
        self.kb = kb
        self.present, self.absent = set(present), set(absent)
        self.seen_present, self.seen_absent = _rule_views(kb)
        self._base: Inference | None = base
        self._start: Start | None = None  # what the current answers do before any rule fires (replay.py)
        self._held: set | None = None  # the current answers and the patterns they lead to (reach.holding)
        self.engine_runs = 0  # for the benchmark and the tests

    def _run(self, present: set, absent: set) -> Inference:
        self.engine_runs += 1
        return engine_for(self.kb).run(present, absent)

    def base(self) -> Inference:
        """The firings of the current answers, run once."""
        if self._base is None:
            self._base = self._run(self.present, self.absent)
        return self._base

    def picture(self, finding: str, answer: str) -> Picture:
        """The picture if ``finding`` were answered ``answer`` ("yes" or "no")."""
        if answer == "yes":
            present, absent = self.present | {finding}, self.absent
        else:
            present, absent = self.present, self.absent | {finding}
        if not self.may_change(finding, answer):
            return picture_of(self.kb, self.base(), present, absent, again=True)
        inference = self._edited(finding, answer)
        if inference is not None:
            return picture_of(self.kb, inference, present, absent)
        if self._start is None:
            self._start = Start(self.kb, self.present, self.absent)
        inference = replay(self.kb, present, absent, self._start)
        if inference is None:  # rules replay.py cannot follow: the engine runs
            inference = self._run(present, absent)
        return picture_of(self.kb, inference, present, absent)

    def _edited(self, finding: str, answer: str) -> Inference | None:
        """For an answer no pattern rule reads, the current run with that answer's firings added (a picture
        needs no firing order: see _picture_parts), or None when the answer is one a pattern rule reads.
        No pattern changes then, and red-flag and suggestion rules add no fact another rule reads, so the
        run differs only in the red-flag and suggestion rules naming the finding that now fire, and in what
        the suggestion rules whose "any" group names it matched."""
        if finding in self.present or finding in self.absent or finding not in self.kb.symptoms:
            return None  # (a pattern id given as an answer would also be inferred: replay.py declines it too)
        if not _picture_parts(self.kb):
            return None
        read_present, read_absent = _pattern_reads(self.kb)
        if finding in (read_present if answer == "yes" else read_absent):
            return None
        base = self.base()
        if self._held is None:
            self._held = holding(self.kb, self.present, self.absent)
        if answer == "yes":
            found, absent = self._held | {finding}, self.absent
        else:
            found, absent = self._held, self.absent | {finding}
        made, fired, rules = shared_steps(self.kb), set(), self.kb.rule_index
        steps: list[Step] = []
        for step in base.steps:
            fired.add(step.rule)
            # What a red-flag step matched is left as it was: a picture reads only which flags are raised.
            if answer == "yes" and step.conclusion == "suggest" and finding in rules[step.rule].any:
                step = shared_step(made, len(steps) + 1, rules[step.rule], matched_by(rules[step.rule], found))
            steps.append(step)
        for rule in (self.seen_present if answer == "yes" else self.seen_absent).get(finding, ()):
            if rule.id not in fired and fires(rule, found, absent):
                steps.append(shared_step(made, len(steps) + 1, rule, matched_by(rule, found)))
        support = base.support if answer == "no" else {**base.support, finding: {finding}}
        return Inference(steps, support, [], [])

    def may_change(self, finding: str, answer: str) -> bool:
        """False when answering ``finding`` ``answer`` provably leaves the rules' conclusions unchanged."""
        if not understood(self.kb):
            return True
        rules = (self.seen_present if answer == "yes" else self.seen_absent).get(finding, ())
        if not rules:
            return False
        if self._held is None:
            self._held = holding(self.kb, self.present, self.absent)
        if answer == "yes":
            absent = self.absent
            found = holding_from(self.kb, self._held, absent, added=(finding,))
        else:
            absent = self.absent | {finding}
            found = holding_from(self.kb, self._held, absent, added_absent=(finding,))
        return any(fires(rule, found, absent) for rule in rules)
