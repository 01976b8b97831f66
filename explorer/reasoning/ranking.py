"""How suggestions are ranked; the README's "How strength is decided" describes exactly this.

1. A condition is suggested only when at least one of its suggestion rules fired. Its strength is the
   highest strength among those rules (strong > moderate > weak), but never more than the entered findings
   allow (``strength_allowed``, the written definition): "fitting" findings are entered findings the
   condition's card links as hallmark or typical.
   - strong needs at least 3 fitting findings, or 2 when one of them is a hallmark;
   - moderate needs at least 2 supporting findings (several), at least 1 of them fitting;
   - anything less is weak: one finding alone is never more than weak.
2. If a hallmark finding of the condition (a link marked "hallmark", which annotations marked obligate or
   very frequent are by default) was reported absent, the strength drops one step (never below weak).
3. Suggestions are ordered by strength, then by how many entered findings support them, then by fewer
   findings against, then by more rules fired, then by name, so ties are broken the same way every time.
"""

from ..knowledge.records import LINK_ROLES, STRENGTHS, KnowledgeBase, Source
from .engine import Inference
from .result import Evidence, Suggestion


def rank_suggestions(kb: KnowledgeBase, inference: Inference, present: set, absent: set) -> tuple:
    fired_by_condition: dict = {}
    for step in inference.steps:
        if step.conclusion == "suggest":
            fired_by_condition.setdefault(step.target, []).append(step)
    rules = kb.rule_index
    drafts = []
    for condition_id, fired in fired_by_condition.items():
        condition = kb.conditions[condition_id]
        links = _links_by_symptom(condition)
        roles = _roles_by_symptom(condition)
        behind_rule = {}
        for step in fired:
            for finding in step.matched_present:
                for symptom_id in inference.support.get(finding, {finding}):
                    behind_rule.setdefault(symptom_id, []).append(step.rule)
        supporting_ids = (set(links) & present) | set(behind_rule)
        supporting = _evidence(kb, supporting_ids, links, behind_rule)
        against = _evidence(kb, set(links) & absent, links, {})
        missing_ids = {s for s in links if s not in present and s not in absent and roles[s] != "possible"}
        missing = _evidence(kb, missing_ids, links, {}, roles)
        level = max(STRENGTHS.index(rules[s.rule].strength) for s in fired)
        allowed = strength_allowed(supporting, roles)
        limited = allowed < level
        level = min(level, allowed)
        lowered = any(roles[e.symptom.id] == "hallmark" for e in against) and level > 0
        level -= lowered
        best = max(fired, key=lambda s: (STRENGTHS.index(rules[s.rule].strength), -rules[s.rule].order))
        fired_ids = tuple(dict.fromkeys(s.rule for s in fired))
        drafts.append(
            (
                (-level, -len(supporting), len(against), -len(fired_ids), condition.name.lower()),
                dict(
                    condition=condition,
                    strength=STRENGTHS[level],
                    supporting=supporting,
                    missing=missing,
                    against=against,
                    explanation=rules[best.rule].explanation,
                    rules=fired_ids,
                    sources=_sources(rules, fired_ids, supporting),
                    lowered=lowered,
                    limited=limited,
                ),
            )
        )
    drafts.sort(key=lambda d: d[0])
    return tuple(Suggestion(rank=i, **fields) for i, (_, fields) in enumerate(drafts, start=1))


def strength_allowed(supporting, roles) -> int:
    """The most a suggestion may claim (an index into STRENGTHS) for its supporting findings: see the
    module docstring and the README's "How strength is decided"."""
    fitting = [e for e in supporting if roles.get(e.symptom.id) in ("hallmark", "typical")]
    hallmarks = [e for e in fitting if roles[e.symptom.id] == "hallmark"]
    if len(fitting) >= 3 or (len(fitting) >= 2 and hallmarks):
        return STRENGTHS.index("strong")
    if len(supporting) >= 2 and fitting:
        return STRENGTHS.index("moderate")
    return STRENGTHS.index("weak")


def _links_by_symptom(condition) -> dict:
    links: dict = {}
    for link in condition.links:
        links.setdefault(link.symptom, []).append(link.source)
    return links


def _roles_by_symptom(condition) -> dict:
    """The strongest role any link gives a finding (a finding may be linked by article and annotation)."""
    roles: dict = {}
    for link in condition.links:
        current = roles.get(link.symptom, "possible")
        roles[link.symptom] = min(current, link.role, key=LINK_ROLES.index)
    return roles


def _evidence(kb, symptom_ids, links, behind_rule, roles=None) -> tuple:
    """Evidence records, hallmark findings first (when roles are given), article links next, then by label."""

    def order(symptom_id):
        role = LINK_ROLES.index(roles[symptom_id]) if roles else 0
        article_first = not any(src.kind == "article" for src in links.get(symptom_id, []))
        return role, article_first, kb.symptoms[symptom_id].label.lower()

    return tuple(
        Evidence(kb.symptoms[i], tuple(links.get(i, ())), tuple(dict.fromkeys(behind_rule.get(i, ()))))
        for i in sorted(symptom_ids, key=order)
    )


def _sources(rules, fired_ids, supporting) -> tuple:
    sources = [src for rule_id in fired_ids for src in rules[rule_id].sources]
    sources += [src for evidence in supporting for src in evidence.links]
    # An annotation is cited once per disease, whatever the frequency of each linked finding.
    seen, out = set(), []
    for src in sources:
        key = (src.kind, src.ref)
        if key not in seen:
            seen.add(key)
            out.append(Source(src.kind, src.ref))
    return tuple(out)
