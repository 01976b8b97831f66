"""Condition cards and vocabulary listings, for `show`, `conditions` and `symptoms`."""
import textwrap

from ..catalog import rules_for
from ..disclaimer import DISCLAIMER
from ..records import Condition, KnowledgeBase
from .common import cite
from .json_format import source_dict

SECTIONS = (("summary", "What it is"), ("nerves", "How nerves are involved"), ("mechanism", "Why it happens"),
            ("evaluation", "How it is evaluated"), ("management", "How it is managed"),
            ("seek_care", "When to seek care"))


def card_dict(condition: Condition, kb: KnowledgeBase) -> dict:
    data = {"id": condition.id, "name": condition.name, "kind": condition.kind, "aliases": list(condition.aliases),
            "codes": list(condition.codes)}
    data.update({key: getattr(condition, key) for key, _ in SECTIONS})
    data["links"] = [{"symptom": {"id": link.symptom, "label": kb.label(link.symptom)}, "role": link.role,
                      "source": source_dict(link.source)} for link in condition.links]
    data["rules"] = [rule.id for rule in rules_for(kb, condition.id)]
    data["sources"] = [source_dict(s) for s in condition.sources]
    data["disclaimer"] = DISCLAIMER
    return data


def card_text(condition: Condition, kb: KnowledgeBase, markdown: bool = False) -> str:
    codes = f" ({', '.join(condition.codes)})" if condition.codes else ""
    out = [f"# {condition.name}{codes}" if markdown else f"{condition.name}{codes}"]
    if not markdown:
        out.append("=" * len(out[0]))
    if condition.aliases:
        out.append(f"Also called: {', '.join(condition.aliases)}")
    for key, title in SECTIONS:
        out.append("")
        out.append(f"## {title}" if markdown else f"{title}:")
        body = getattr(condition, key)
        out += [body] if markdown else textwrap.wrap(body, 88, initial_indent="  ", subsequent_indent="  ")
    out.append("")
    out.append("## Findings linked to it" if markdown else "Findings linked to it:")
    for role in ("hallmark", "typical", "possible"):
        links = [link for link in condition.links if link.role == role]
        by_symptom: dict = {}
        for link in links:
            by_symptom.setdefault(kb.label(link.symptom), []).append(cite(link.source) + (
                f" {link.source.frequency}" if link.source.frequency not in (None, "not stated") else ""))
        for label, refs in by_symptom.items():
            out.append(f"{'-' if markdown else '  -'} {label} [{role}]: {'; '.join(refs)}")
    rules = rules_for(kb, condition.id)
    out.append("")
    out.append("## Rules that suggest it" if markdown else "Rules that suggest it:")
    for rule in rules:
        out.append(f"{'-' if markdown else '  -'} {rule.id} ({rule.strength}): {rule.explanation}")
    out.append("")
    out.append(("Sources: " if not markdown else "**Sources:** ") + "; ".join(cite(s) for s in condition.sources))
    out.append("")
    out += [f"*{DISCLAIMER}*"] if markdown else textwrap.wrap(DISCLAIMER, 88)
    return "\n".join(out) + "\n"
