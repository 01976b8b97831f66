"""Condition cards and vocabulary listings, for `show`, `conditions` and `symptoms`."""

from ..knowledge.catalog import flags_for, rules_for
from ..knowledge.disclaimer import DISCLAIMER, SHORT_DISCLAIMER
from ..knowledge.records import Condition, KnowledgeBase
from ..reasoning.folding import count_rules
from ..reasoning.result_data import source_dict
from .common import cite
from .terminal import Display

SECTIONS = (
    ("summary", "What it is"),
    ("nerves", "How nerves are involved"),
    ("mechanism", "Why it happens"),
    ("evaluation", "How it is evaluated"),
    ("management", "How it is managed"),
    ("seek_care", "When to seek care"),
)


def card_dict(condition: Condition, kb: KnowledgeBase) -> dict:
    data: dict = {
        "id": condition.id,
        "name": condition.name,
        "kind": condition.kind,
        "aliases": list(condition.aliases),
        "codes": list(condition.codes),
    }
    data.update({key: getattr(condition, key) for key, _ in SECTIONS})
    data["links"] = [
        {
            "symptom": {"id": link.symptom, "label": kb.label(link.symptom)},
            "role": link.role,
            "source": source_dict(link.source),
        }
        for link in condition.links
    ]
    data["red_flags"] = [
        {"id": f.id, "level": f.level, "level_label": kb.urgency_label(f.level), "title": f.title, "action": f.action}
        for f in flags_for(kb, condition.id)
    ]
    data["rules"] = [rule.id for rule in rules_for(kb, condition.id)]
    data["sources"] = [source_dict(s) for s in condition.sources]
    data["disclaimer"] = DISCLAIMER
    return data


def card_text(condition: Condition, kb: KnowledgeBase, markdown: bool = False, display: Display | None = None) -> str:
    """The card as text (wrapped to ``display``'s width at spaces, headings in bold) or as Markdown."""
    d = display or Display()
    out = _card_lines(condition, kb, markdown, d)
    if not markdown:
        wrapped = []
        for line in out:
            item = line.startswith("  - ")
            wrapped += d.wrap(line, "", "      " if item else "  ") if len(line) > d.width else [line]
        out = [d.paint(line, "bold") if line.endswith(":") and not line.startswith(" ") else line for line in wrapped]
    return "\n".join(out) + "\n"


def _card_lines(condition: Condition, kb: KnowledgeBase, markdown: bool, d: Display) -> list[str]:
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
        out += [body] if markdown else d.wrap(body, "  ")
    flags = flags_for(kb, condition.id)
    if flags:
        out.append("")
        out.append("## Warning signs" if markdown else "Warning signs:")
        for flag in flags:
            line = f"{kb.urgency_label(flag.level)}: {flag.title}. {flag.action}"
            out += [f"- {line}"] if markdown else d.wrap(line, "  - ", "    ")
    out.append("")
    out.append("## Findings linked to it" if markdown else "Findings linked to it:")
    for role in ("hallmark", "typical", "possible"):
        links = [link for link in condition.links if link.role == role]
        by_symptom: dict = {}
        for link in links:
            by_symptom.setdefault(kb.label(link.symptom), []).append(
                cite(link.source)
                + (f" {link.source.frequency}" if link.source.frequency not in (None, "not stated") else "")
            )
        for label, refs in by_symptom.items():
            out.append(f"{'-' if markdown else '  -'} {label} [{role}]: {'; '.join(refs)}")
    rules = rules_for(kb, condition.id)
    out.append("")
    out.append("## Rules that suggest it" if markdown else "Rules that suggest it:")
    for rule in (rule for rule in rules if not rule.group):
        out.append(f"{'-' if markdown else '  -'} {rule.id} ({rule.strength}): {rule.explanation}")
    for group in dict.fromkeys(rule.group for rule in rules if rule.group):
        count = count_rules(group, sum(rule.group == group for rule in rules))
        listed = f"symptom-explorer rules --group {group} --for {condition.id}"
        out.append(
            f"{'-' if markdown else '  -'} {count} (weak): one for each finding listed above from its HPO "
            f"annotations ({'`' + listed + '`' if markdown else listed})"
        )
    out.append("")
    out.append(("Sources: " if not markdown else "**Sources:** ") + "; ".join(cite(s) for s in condition.sources))
    out.append("")
    out += [f"*{DISCLAIMER}*"] if markdown else d.wrap(DISCLAIMER)
    return out


KIND_HEADINGS = {
    "autoimmune": "Autoimmune diseases",
    "pattern": "Nerve damage pattern",
    "cause": "Other causes of neuropathy named in the article",
}


def conditions_dict(conditions) -> dict:
    return {
        "schema_version": 1,
        "conditions": [
            {"id": c.id, "name": c.name, "kind": c.kind, "codes": list(c.codes), "aliases": list(c.aliases)}
            for c in conditions
        ],
        "disclaimer": SHORT_DISCLAIMER,
    }


def conditions_text(conditions) -> str:
    out, current = [], None
    for c in conditions:
        if c.kind != current:
            out += ([""] if current else []) + [f"{KIND_HEADINGS[c.kind]}:"]
            current = c.kind
        codes = f"  [{', '.join(c.codes)}]" if c.codes else ""
        out.append(f"  {c.id:<30} {c.name}{codes}")
    out += [
        "",
        "Show one with: symptom-explorer show NAME   (id, name or alias, e.g. sjogren, SLE, GBS)",
        SHORT_DISCLAIMER,
    ]
    return "\n".join(out) + "\n"


def conditions_markdown(conditions) -> str:
    """The conditions as a Markdown table per kind, for a handout or a wiki page."""
    out, current = ["# Conditions the explorer can suggest"], None
    for c in conditions:
        if c.kind != current:
            out += ["", f"## {KIND_HEADINGS[c.kind]}", "", "| Id | Name | Codes | Also called |", "|---|---|---|---|"]
            current = c.kind
        cells = [f"`{c.id}`", c.name, ", ".join(c.codes), ", ".join(c.aliases)]
        out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    out += ["", "Show one with `symptom-explorer show NAME`.", "", f"*{SHORT_DISCLAIMER}*"]
    return "\n".join(out) + "\n"


def symptoms_dict(symptoms) -> dict:
    def term(t):
        return {"id": t.id, "label": t.label} if t else None

    return {
        "schema_version": 1,
        "symptoms": [
            {
                "id": s.id,
                "label": s.label,
                "kind": s.kind,
                "system": s.system,
                "hpo": term(s.hpo),
                "hpo_modifier": term(s.hpo_modifier),
                "lay_synonyms": list(s.lay_synonyms),
                "clinical_synonyms": list(s.clinical_synonyms),
                "urgent": s.urgent_note or None,
                "background": s.background or None,
            }
            for s in symptoms
        ],
        "disclaimer": SHORT_DISCLAIMER,
    }


def symptoms_text(symptoms, grouped: bool = True) -> str:
    """One finding a line with its HPO term, then its other names; under body-system headings if grouped."""
    out, group = [], None
    for s in symptoms:
        heading = "history and risk factors" if s.kind == "history" else s.system
        if grouped and heading != group:
            out += ([""] if group else []) + [f"{heading.capitalize()}:"]
            group = heading
        hpo = ""
        if s.hpo:
            hpo = f"  [{s.hpo.id} {s.hpo.label}" + (f" + {s.hpo_modifier.label}" if s.hpo_modifier else "") + "]"
        out.append(f"  {s.label}{hpo}")
        synonyms = s.lay_synonyms + s.clinical_synonyms
        if synonyms:
            out.append(f"      also: {', '.join(synonyms)}")
        if s.worsening_of:
            bases = ", ".join(b.replace("_", " ") for b in s.worsening_of)
            out.append(f'      also: any wording of {bases}, with "getting worse every day", "spreading" and the like')
        if s.urgent_note:
            out.append(f"      URGENT: {s.urgent_note}")
    out += ["", SHORT_DISCLAIMER]
    return "\n".join(out) + "\n"
