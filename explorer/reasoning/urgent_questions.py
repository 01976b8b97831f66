"""Which questions the questionnaire asks before any other: the urgent features of a suggested condition
(findings that raise a red flag on their own), highest urgency level first; and, when no rule wants to
know anything yet, the article's core nerve symptoms (data/questionnaire.yaml, on the knowledge base)."""

import functools

from ..knowledge.records import KnowledgeBase

TYPICAL_WEIGHT = 2  # question_basis weight of a finding a rule names or a card links as typical


@functools.lru_cache(maxsize=8)
def urgent_findings(kb: KnowledgeBase) -> dict:
    """finding id -> index of the highest urgency level it raises on its own (a red-flag rule that needs
    nothing else)."""
    out: dict = {}
    for rule in kb.rules:
        if rule.conclusion != "red_flag" or len(rule.all) + min(len(rule.any), 1) != 1:
            continue
        if rule.any and rule.at_least != 1:
            continue
        level = kb.urgency_levels.index(kb.red_flags[rule.target].level)
        for finding in rule.all + rule.any:
            if finding in kb.symptoms:
                out[finding] = min(out.get(finding, level), level)
    return out


def urgency_rank(kb: KnowledgeBase, finding: str, reasons, basis: dict) -> int:
    """Where a candidate question goes: its urgency level (0 = emergency) when it is an urgent feature of
    a suggested condition, else after every level. An urgent feature raises a red flag and the condition
    names it itself, by a rule or a card link, rather than only through a pattern; for a level below
    emergency a link marked possible is not enough."""
    level = urgent_findings(kb).get(finding)
    if level is None:  # most candidates: nothing more to look at
        return len(kb.urgency_levels)
    rules = kb.rule_index
    named = [r for r in reasons if r.links or any(finding in rules[i].all + rules[i].any for i in r.rules)]
    if not named:
        return len(kb.urgency_levels)
    weight = max(basis[(r.condition_id, finding)][2] for r in named)
    top = level == 0  # the highest level (emergency) is asked whatever the link
    return level if top or weight >= TYPICAL_WEIGHT else len(kb.urgency_levels)
