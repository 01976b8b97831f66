"""Which rules fire for a set of answers, read from the rules' data without running the engine.

The rules only ever add facts (no rule retracts one or tests that a fact is missing: absent findings
are facts of their own), so applying the pattern rules until nothing new follows gives exactly the
patterns the engine infers, and a rule fires exactly when its conditions hold over those. The engine
uses this to build, for the first query of a process, only the rules that fire for it; the
questionnaire uses it to skip trials that cannot change what the rules conclude (and replay.py to know
the rules are all of a kind it can follow). The tests compare both with full engine runs.
"""

import functools

from ..knowledge.records import KnowledgeBase, Rule
from ..records import fields as record_fields

# What this module knows a rule to be made of. Should rules gain another field (a new kind of condition,
# say) or another kind of conclusion, `understood` turns false and every rule is taken as one that may
# fire, until the fields are added here (and to `fires`, if they are conditions).
KNOWN_FIELDS = frozenset(
    {"id", "all", "any", "at_least", "absent", "conclusion", "target", "strength", "explanation", "sources"}
    | {"origin", "order", "group", "from_pack"}  # group and from_pack say how outputs show a rule, not when it fires
)
KNOWN_CONCLUSIONS = frozenset({"infer", "suggest", "red_flag"})


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


def holding_from(kb: KnowledgeBase, found: set, absent: set, added=(), added_absent=()) -> set:
    """``holding(kb, present | added, absent)`` when ``found`` is ``holding(kb, present, absent - added_absent)``:
    the rules only add facts, so a pattern rule that did not fire before can only fire now if it names
    something new (an added finding or absent one, or a pattern inferred since), and only those are tried.
    (A rule fires once the last thing it lacked comes; it is tried then, with everything before it.)"""
    found = found | set(added)
    naming, naming_absent = _naming(kb)
    waiting = [rule for ref in added_absent for rule in naming_absent.get(ref, ())]
    waiting += [rule for ref in added for rule in naming.get(ref, ())]
    while waiting:
        rule = waiting.pop()
        if rule.target not in found and fires(rule, found, absent):
            found.add(rule.target)
            waiting += naming.get(rule.target, ())
    return found


@functools.lru_cache(maxsize=8)
def _naming(kb: KnowledgeBase) -> tuple[dict, dict]:
    """(id -> the pattern rules naming it in "all" or "any", finding id -> those needing it absent)."""
    naming: dict = {}
    naming_absent: dict = {}
    for rule in _pattern_rules(kb):
        for ref in dict.fromkeys(rule.all + rule.any):
            naming.setdefault(ref, []).append(rule)
        for ref in dict.fromkeys(rule.absent):
            naming_absent.setdefault(ref, []).append(rule)
    return naming, naming_absent


def rules_that_fire(kb: KnowledgeBase, present, absent) -> tuple:
    """The rules of ``kb`` that fire for findings ``present`` and ``absent``, in knowledge order (every
    rule when they are not all `understood`)."""
    if not understood(kb):
        return kb.rules
    absent = set(absent)
    found = holding(kb, set(present), absent)
    return tuple(rule for rule in kb.rules if fires(rule, found, absent))
