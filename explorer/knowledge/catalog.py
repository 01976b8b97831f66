"""Browsing the knowledge base: find a condition by id, name or alias; list conditions and findings."""

from collections.abc import Iterable

from .records import Condition, KnowledgeBase
from .text import normalize


def condition_names(condition: Condition) -> tuple[str, ...]:
    return (condition.id.replace("_", " "), condition.name) + condition.aliases + condition.codes


def find_condition(kb: KnowledgeBase, query: str) -> Condition | None:
    """The condition named by ``query`` (id, name, alias or ORPHA/OMIM code; case and accents ignored)."""
    return named_among(kb.conditions.values(), query)


def named_among(conditions: Iterable[Condition], query: str) -> Condition | None:
    """The first of ``conditions`` that ``query`` names, as find_condition reads names (also while the
    knowledge is still being built)."""
    key = normalize(query)
    return next((c for c in conditions if any(normalize(name) == key for name in condition_names(c))), None)


def close_conditions(kb: KnowledgeBase, query: str, limit: int = 3) -> list[Condition]:
    """Conditions whose names are close to ``query``, for "did you mean"."""
    from ..fuzzy import close_matches  # only when a name was not found

    key = normalize(query)
    by_name = {normalize(name): c for c in kb.conditions.values() for name in condition_names(c)}
    near = close_matches(key, by_name, limit=8, cutoff=60)
    near += [name for name in sorted(by_name) if key and (key in name or name in key)]
    found = list(dict.fromkeys(by_name[name].id for name in near))
    return [kb.conditions[i] for i in found[:limit]]


def sorted_conditions(kb: KnowledgeBase) -> list[Condition]:
    """Autoimmune diseases first, then the neuropathy pattern, then causes; by name within each."""
    order = {"autoimmune": 0, "pattern": 1, "cause": 2}
    return sorted(kb.conditions.values(), key=lambda c: (order[c.kind], c.name.lower()))


def flags_for(kb: KnowledgeBase, condition_id: str) -> tuple:
    """The red flags a finding linked on the condition's card raises on its own, highest level first:
    the warning signs its "when to seek care" must name."""
    linked = {link.symptom for link in kb.conditions[condition_id].links}
    raised = {
        rule.target
        for rule in kb.rules
        if rule.conclusion == "red_flag" and linked & set(rule.all + rule.any) and len(rule.all) <= 1
    }
    return tuple(sorted((kb.red_flags[f] for f in raised), key=lambda f: (kb.urgency_levels.index(f.level), f.id)))


def rules_for(kb: KnowledgeBase, condition_id: str) -> list:
    return [rule for rule in kb.rules if rule.conclusion == "suggest" and rule.target == condition_id]
