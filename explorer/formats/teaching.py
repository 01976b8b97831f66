"""Text and Markdown for the teaching views: the rules as IF ... THEN ..., a comparison of two
conditions, and the case library (a case run's text header)."""

from ..knowledge.disclaimer import DISCLAIMER, SHORT_DISCLAIMER
from ..reasoning.compare import Comparison
from ..reasoning.rulesview import RuleGroup, RuleView
from .common import PACK_MARK, cite
from .registry import CaseRun
from .terminal import Display

THEN = {"infer": "infer pattern", "suggest": "suggest", "red_flag": "raise red flag"}
GROUP_KIND = {"infer": "pattern", "suggest": "condition", "red_flag": "red flag"}


def if_then(rule: RuleView) -> list[tuple[str, str]]:
    """The rule as (keyword, text) lines: IF / AND / AND NOT / THEN."""
    parts = [label for _, label in rule.all]
    if rule.any:
        quantity = "any of" if rule.at_least == 1 else f"at least {rule.at_least} of"
        parts.append(f"{quantity}: " + ", ".join(label for _, label in rule.any))
    lines = [("IF" if i == 0 else "AND", part) for i, part in enumerate(parts)]
    lines += [("AND NOT", f"{label} (reported absent)") for _, label in rule.absent]
    strength = f" [{rule.strength}]" if rule.strength else ""
    lines.append(("THEN", f"{THEN[rule.conclusion]}: {rule.target_label}{strength}"))
    return lines


def rules_text(groups: tuple[RuleGroup, ...], display: Display | None = None) -> str:
    d = display or Display()
    out: list[str] = []
    for group in groups:
        out += [
            "",
            d.paint(
                f"{group.label} ({GROUP_KIND[group.conclusion]})",
                "bold",
                "red" if group.conclusion == "red_flag" else "blue",
            ),
        ]
        for rule in group.rules:
            strength = f"strength {d.strength(rule.strength)}, " if rule.strength else ""
            mine = f" {PACK_MARK}" if rule.from_pack else ""
            out.append(f"  {d.paint(rule.id, 'bold')}{mine}  ({strength}salience {rule.salience})")
            for word, text in if_then(rule):
                out += d.wrap(f"{word:<7} {text}", "    ", " " * 12)
            out += d.wrap(f"Why: {rule.explanation}", "    ", "      ")
            out += d.wrap("Sources: " + "; ".join(cite(s) for s in rule.sources), "    ", "      ")
    if not groups:
        out.append("No rule matches.")
    out += [""] + d.wrap(
        "Salience decides which waiting rule fires first: red flags (30), then patterns (20), then "
        "suggestions (10). " + SHORT_DISCLAIMER
    )
    return "\n".join(out).lstrip("\n") + "\n"


def rules_markdown(groups: tuple[RuleGroup, ...]) -> str:
    out = ["# Rules", ""]
    for group in groups:
        out += [f"## {group.label} ({GROUP_KIND[group.conclusion]})", ""]
        for rule in group.rules:
            strength = f"strength **{rule.strength}**, " if rule.strength else ""
            mine = f" {PACK_MARK}" if rule.from_pack else ""
            out += [f"### `{rule.id}`{mine}", "", f"{strength}salience {rule.salience}", ""]
            out += [f"- **{word}** {text}" for word, text in if_then(rule)]
            out += ["", f"*Why:* {rule.explanation}", "", "*Sources:* " + "; ".join(cite(s) for s in rule.sources), ""]
    if not groups:
        out += ["No rule matches.", ""]
    out += ["---", "", f"*{DISCLAIMER}*"]
    return "\n".join(out) + "\n"


def _finding(f, d: Display | None = None) -> str:
    freq = f", {f.frequency}" if f.frequency and f.frequency != "not stated" else ""
    role = f"{f.role}{freq}"
    return f"{f.label} [{d.paint(role, 'bold') if d and f.role == 'hallmark' else role}]"


def comparison_text(c: Comparison, display: Display | None = None) -> str:
    d = display or Display()
    names = {c.a.id: c.a.name, c.b.id: c.b.name}
    out = [d.paint(f"{c.a.name}  compared with  {c.b.name}", "bold"), ""]
    sections = [
        ("Findings both share", [f"{x.label} [{x.role} / {y.role}]" for x, y in c.shared]),
        (f"Only {c.a.name}", [_finding(f, d) for f in c.only_a]),
        (f"Only {c.b.name}", [_finding(f, d) for f in c.only_b]),
        *([("Time course and pattern", list(c.course_rows()))] if c.time_course else []),
        (f"Rules suggesting {c.a.name}", list(c.rules_a)),
        (f"Rules suggesting {c.b.name}", list(c.rules_b)),
    ]
    for title, items in sections:
        out.append(d.paint(title + ":", "bold"))
        out += [line for item in items for line in d.wrap(f"- {item}", "  ", "    ")] or ["  none"]
        out.append("")
    out.append(d.paint("Questions that best tell them apart:", "bold"))
    for i, q in enumerate(c.questions, start=1):
        out += d.wrap(f"{i}. {q.sentence(names[q.points_to])}", "  ", "     ")
    if not c.questions:
        out.append("  none: their pictures hold the same findings")
    out += [""] + d.wrap(DISCLAIMER)
    return "\n".join(out) + "\n"


def comparison_markdown(c: Comparison) -> str:
    names = {c.a.id: c.a.name, c.b.id: c.b.name}
    out = [f"# {c.a.name} compared with {c.b.name}", "", "## Findings both share", ""]
    out += [f"- {x.label} ({x.role} / {y.role})" for x, y in c.shared] or ["- none"]
    for name, items, rules in ((c.a.name, c.only_a, c.rules_a), (c.b.name, c.only_b, c.rules_b)):
        out += ["", f"## Only {name}", ""] + ([f"- {_finding(f)}" for f in items] or ["- none"])
        out += ["", f"Rules: {', '.join(f'`{r}`' for r in rules) or 'none'}"]
    if c.time_course:
        out += ["", f"## Time course and pattern ({c.a.name} / {c.b.name})", ""]
        out += [f"- {row}" for row in c.course_rows()]
    out += ["", "## Questions that best tell them apart", ""]
    out += [f"{i}. {q.sentence(names[q.points_to])}." for i, q in enumerate(c.questions, 1)]
    out += ["", "---", "", f"*{DISCLAIMER}*"]
    return "\n".join(out) + "\n"


def cases_text(cases, display: Display | None = None) -> str:
    d = display or Display()
    out = []
    for case in cases:
        out.append(d.paint(case.id, "bold"))
        findings = ", ".join(case.case.present) + (
            f"; absent: {', '.join(case.case.absent)}" if case.case.absent else ""
        )
        out += d.wrap(f"Findings: {findings}", "  ", "    ")
        if case.case.note:
            out += d.wrap(f"Note: {case.case.note}", "  ", "    ")
        out.append("")
    commands = ("symptom-explorer cases show ID", "symptom-explorer quiz")  # each kept whole, to be copied
    out += d.wrap(f"Run one with: {commands[0]}   Quiz a class with: {commands[1]}", keep=commands)
    out += [""] + d.wrap(SHORT_DISCLAIMER)
    return "\n".join(out) + "\n"


def cases_markdown(cases) -> str:
    out = ["# Example cases", "", "| Case | Findings | Teaching note |", "|---|---|---|"]
    for case in cases:
        findings = ", ".join(case.case.present) + (
            f"; absent: {', '.join(case.case.absent)}" if case.case.absent else ""
        )
        cells = [f"`{case.id}`", findings, case.case.note]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    out += ["", f"*{SHORT_DISCLAIMER}*"]
    return "\n".join(out) + "\n"


def case_header(run: CaseRun, display: Display | None = None) -> str:
    """The case's findings, teaching note and expected answer, above its result."""
    d, case = display or Display(), run.case
    lines = [d.paint(f"Case {case.id}", "bold")]
    lines += d.wrap("Findings: " + ", ".join(case.case.present), "", "  ")
    if case.case.absent:
        lines += d.wrap("Reported absent: " + ", ".join(case.case.absent), "", "  ")
    if case.case.note:
        lines += d.wrap("Teaching note: " + case.case.note, "", "  ")
    if case.case.expect:
        verdict = "the engine agrees" if not run.problems else "the engine differs: " + "; ".join(run.problems)
        lines += d.wrap(f"Expected first: {case.case.expect.first or 'no suggestion'} ({verdict})", "", "  ")
    return "\n".join(lines) + "\n\n"
