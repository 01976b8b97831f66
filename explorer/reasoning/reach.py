"""Which rules fire for a set of answers, read from the rules' data without running the engine.

The rules only ever add facts (no rule retracts one or tests that a fact is missing: absent findings
are facts of their own), so applying the pattern rules until nothing new follows gives exactly the
patterns the engine infers, and a rule fires exactly when its conditions hold over those. The engine
uses this to build, for the first query of a process, only the rules that fire for it; the
questionnaire uses it to skip trials that cannot change what the rules conclude. The tests compare both
with full engine runs.
"""

import functools

from ..knowledge.records import KnowledgeBase


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
    """The rules of ``kb`` that fire for findings ``present`` and ``absent``, in knowledge order."""
    absent = set(absent)
    found = holding(kb, set(present), absent)
    return tuple(rule for rule in kb.rules if fires(rule, found, absent))
