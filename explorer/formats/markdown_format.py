"""Markdown, for case sheets and handouts: the same content as the text format, as headings and lists.
The other views' Markdown (``render_VIEW``, see registry.py) is written by their own modules."""

from typing import TYPE_CHECKING

from ..knowledge.disclaimer import STRENGTH_WORDS
from ..knowledge.urgency import URGENCY_LABELS
from ..reasoning.folding import folded_trace
from ..reasoning.result import Result
from .common import (
    LIMITED_NOTE,
    MISSING_SHOWN,
    evidence_list,
    flags_by_level,
    input_notes,
    possible_urgent,
    rule_names,
    source_list,
    step_line,
)
from .escape import escape_markdown
from .registry import CaseRun, Context

if TYPE_CHECKING:
    from ..cases.library import LibraryCase
    from ..knowledge.records import Condition
    from ..reasoning.compare import Comparison
    from ..reasoning.rulesview import RuleGroup


def render_markdown(result: Result, explain: bool = False, expand: bool = False) -> str:
    out: list[str] = ["# Symptom explorer report", ""] + urgent_markdown(result)
    if result.rule_pack:
        out += [f"> **{escape_markdown(result.rule_pack.note)}**", ""]
    out += ["## Related conditions to read about", ""]
    if not result.suggestions:
        out += ["No related conditions matched these findings.", ""]
    for s in result.suggestions:
        out += [
            f"### {s.rank}. {s.condition.name} ({s.strength} match)" + (f" ({LIMITED_NOTE})" if s.limited else ""),
            "",
            f"- **Why:** {s.explanation}",
            f"- **Supporting:** {evidence_list(s.supporting)}",
            f"- **Typical, not reported:** {evidence_list(s.missing, with_basis=False, most=MISSING_SHOWN)}",
            f"- **Reported absent:** {evidence_list(s.against)}"
            + (" (strength lowered: a hallmark finding was reported absent)" if s.lowered else ""),
            f"- **Rules:** {', '.join(f'`{r}`' for r in rule_names(s.rules, result))}",
            f"- **Sources:** {source_list(s.sources)}",
            "",
        ]
    if result.suggestions:
        out += ["Strength: " + "; ".join(STRENGTH_WORDS.values()) + ".", ""]
    if explain and result.trace:
        out += ["## How the engine reasoned", ""]
        out += [f"{step.number}. {step_line(step)}" for step in folded_trace(result.trace, expand)]
        out.append("")
    notes = input_notes(result, echo=escape_markdown)
    if notes:
        out += ["## Input", ""] + [f"- {note}" for note in notes] + [""]
    out += ["---", "", f"*{result.disclaimer}*"]
    return "\n".join(out) + "\n"


def urgent_markdown(result: Result, heading: str = "##", raised=()) -> list[str]:
    """One "Urgent: <level>" section per level, highest first, each flag with title, action, why and
    because; no flag, no lines. Flags whose id is in ``raised`` say so."""
    out: list[str] = [f"**{sentence}**" for sentence in possible_urgent(result, escape_markdown)]
    out += [""] if out else []
    for level, flags in flags_by_level(result):
        out += [f"{heading} Urgent: {URGENCY_LABELS[level].lower()}", ""]
        for flag in flags:
            because = ", ".join(s.label for s in flag.because)
            news = " (raised by the change)" if flag.id in raised else ""
            out.append(
                f"- **{flag.title[:1].upper() + flag.title[1:]}: {flag.action}**{news} {flag.message} "
                f"(because: {because})"
            )
        out.append("")
    return out


def render_result(result: Result, context: Context) -> str:
    return render_markdown(result, context.explain, context.expand)


def render_conditions(conditions: "list[Condition]", context: Context) -> str:
    from .cards import conditions_markdown

    return conditions_markdown(conditions)


def render_card(condition: "Condition", context: Context) -> str:
    from .cards import card_text

    return card_text(condition, context.knowledge(), markdown=True, display=context.display)


def render_rules(groups: "tuple[RuleGroup, ...]", context: Context) -> str:
    from .teaching import rules_markdown

    pack = context.kb.pack if context.kb else None
    return (f"> **{escape_markdown(pack.note)}**\n\n" if pack else "") + rules_markdown(groups)


def render_comparison(comparison: "Comparison", context: Context) -> str:
    from .teaching import comparison_markdown

    pack = context.kb.pack if context.kb else None
    return (f"> **{escape_markdown(pack.note)}**\n\n" if pack else "") + comparison_markdown(comparison)


def render_cases(cases: "list[LibraryCase]", context: Context) -> str:
    from .teaching import cases_markdown

    return cases_markdown(cases)


def render_case(run: CaseRun, context: Context) -> str:
    """The case's findings and teaching note, then its result with the rule trace."""
    case = run.case.case
    header = [f"# Case `{run.case.id}`", "", f"*Findings:* {', '.join(case.present)}"]
    if case.absent:
        header.append(f"*Reported absent:* {', '.join(case.absent)}")
    if case.note:
        header += ["", f"*Teaching note:* {case.note}"]
    return "\n".join([*header, "", ""]) + render_markdown(run.result, True)
