"""Which rules fire for a set of answers, read from the rules' data without running the engine.

The rules only ever add facts (no rule retracts one or tests that a fact is missing: absent findings
are facts of their own), so applying the pattern rules until nothing new follows gives exactly the
patterns the engine infers, and a rule fires exactly when its conditions hold over those. The engine
uses this to build, for the first query of a process, only the rules that fire for it; the
questionnaire uses it to skip trials that cannot change what the rules conclude. The tests compare both
with full engine runs.
"""

import functools

from ..knowledge.records import KnowledgeBase, Rule
from ..records import fields as record_fields
from ..records import record
from .inference import SALIENCE, Inference, Step

# What this module knows a rule to be made of. Should rules gain another field (a new kind of condition,
# say) or another kind of conclusion, `understood` turns false and every rule is taken as one that may
# fire, until the fields are added here (and to `fires`, if they are conditions).
KNOWN_FIELDS = frozenset(
    {"id", "all", "any", "at_least", "absent", "conclusion", "target", "strength", "explanation", "sources"}
    | {"origin", "order", "group"}  # a group only says how outputs show a rule, never when it fires
)
KNOWN_CONCLUSIONS = frozenset({"infer", "suggest", "red_flag"})


@record
class Bounds:
    """What an engine run concludes, read from the rules: two Inferences with the same firings that differ
    only in the support of patterns, where the engine's firing order decides (see ``conclusions``)."""

    least: Inference
    most: Inference


@functools.lru_cache(maxsize=8)
def understood(kb: KnowledgeBase) -> bool:
    """Whether the rules of ``kb`` are all made of what this module reads."""
    fields = {f.name for f in record_fields(Rule)}
    return fields <= KNOWN_FIELDS and all(rule.conclusion in KNOWN_CONCLUSIONS for rule in kb.rules)


@functools.lru_cache(maxsize=8)
def _pattern_rules(kb: KnowledgeBase) -> tuple:
    return tuple(rule for rule in kb.rules if rule.conclusion == "infer")


def fires(rule, holding: set, absent: set) -> bool:
    """Whether ``rule``'s conditions hold with findings ``holding`` (reported or inferred) and ``absent``."""
    if any(ref not in holding for ref in rule.all):
        return False
    if rule.any and sum(ref in holding for ref in rule.any) < rule.at_least:
        return False
    return all(ref in absent for ref in rule.absent)


def holding(kb: KnowledgeBase, present: set, absent: set) -> set:
    """``present`` and every pattern the pattern rules infer from it, to a fixed point."""
    found = set(present)
    grew = True
    while grew:
        grew = False
        for rule in _pattern_rules(kb):
            if rule.target not in found and fires(rule, found, absent):
                found.add(rule.target)
                grew = True
    return found


def rules_that_fire(kb: KnowledgeBase, present, absent) -> tuple:
    """The rules of ``kb`` that fire for findings ``present`` and ``absent``, in knowledge order (every
    rule when they are not all `understood`)."""
    if not understood(kb):
        return kb.rules
    absent = set(absent)
    found = holding(kb, set(present), absent)
    return tuple(rule for rule in kb.rules if fires(rule, found, absent))


@functools.lru_cache(maxsize=8)
def _chained(kb: KnowledgeBase) -> frozenset | None:
    """The patterns inferred from other patterns; None when ``conclusions`` cannot be read from the rules
    at all (rules not `understood`, or a pattern named like a finding)."""
    if not understood(kb):
        return None
    patterns = {rule.target for rule in _pattern_rules(kb)}
    if patterns & set(kb.symptoms):
        return None
    return frozenset(rule.target for rule in _pattern_rules(kb) if patterns.intersection(rule.all + rule.any))


def conclusions(kb: KnowledgeBase, present: set, absent: set) -> Bounds | None:
    """What an engine run concludes for finding ids ``present`` and ``absent``, read from the rules: every
    firing (in knowledge order, not firing order) with what it matched, and the findings behind each
    pattern, as Bounds: two Inferences (least, most) that differ only where the engine's firing order decides.
    None when the rules cannot be read this way (see ``_chained``).

    Order decides only through a pattern inferred from another pattern: such a rule can fire before all
    of its inputs are known, and passes on as support only the findings behind those known then (which
    ones, only a run can tell). Its support lies between what every way of firing gives it (least) and
    everything behind all of its inputs (most).
    Every other pattern is inferred from reported findings, all declared and counted before any rule
    fires; a suggestion rule (the lowest salience but the questionnaire's) fires after every pattern is
    known, so it matches every finding of its "any" group that holds in the end."""
    chained = _chained(kb)
    if chained is None:
        return None
    absent = set(absent)
    found = holding(kb, set(present), absent)
    steps: list[Step] = []
    inputs: dict[str, list[tuple[str, ...]]] = {}  # pattern -> what each rule inferring it matched
    for rule in kb.rules:
        if fires(rule, found, absent):
            matched = tuple(rule.all) + tuple(ref for ref in rule.any if ref in found)
            if rule.conclusion == "infer":
                inputs.setdefault(rule.target, []).append(matched)
            salience = SALIENCE[rule.conclusion]
            steps.append(Step(len(steps) + 1, rule.id, salience, matched, rule.absent, rule.conclusion, rule.target))
    most = {f: {f} for f in present}
    grew = True
    while grew:  # a pattern's support: the findings behind its inputs, through chains to a fixed point
        grew = False
        for target, ways in inputs.items():
            behind = set().union(*(most.get(ref, set()) for refs in ways for ref in refs))
            if not behind <= most.get(target, set()):
                most.setdefault(target, set()).update(behind)
                grew = True
    least = {f: behind for f, behind in most.items() if f not in chained}
    for target in inputs.keys() & chained:
        least[target] = _surely_behind(inputs[target], inputs, chained, most)
    for target in inputs:
        most.setdefault(target, set())
        least.setdefault(target, set())
    return Bounds(least=Inference(steps=steps, support=least), most=Inference(steps=list(steps), support=most))


def _surely_behind(matched: list, inputs: dict, chained: frozenset, most: dict) -> set:
    """What is behind a chained pattern however the engine fires (``matched``: what each rule inferring it
    matched): whichever input is known first passes on at least the findings one rule inferring that
    input matched, so at least those common to every such rule. A reported input passes on itself."""
    sets = []
    for ref in {ref for refs in matched for ref in refs}:
        if ref in chained:
            return set()  # chains of chains: no bound kept
        if ref in inputs:  # a plain pattern: each of its rules matched reported findings only
            sets += [set(refs) for refs in inputs[ref]]
        else:
            sets.append(most.get(ref, set()))
    return set.intersection(*sets) if sets else set()
