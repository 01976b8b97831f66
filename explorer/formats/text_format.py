"""Plain text for a terminal. A result: red flags first, then suggestions best first, then inputs and
disclaimer. Wrapped to the Display's width at spaces only; red flags in red and strength words in colour
when the Display has colour on. The other views' text (``render_VIEW``, see registry.py) is written by
their own modules, imported when asked for."""

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
from .escape import terminal_safe
from .registry import CaseRun, Context, Listing
from .terminal import WIDTH, Display

if TYPE_CHECKING:
    from ..cases.library import LibraryCase
    from ..knowledge.records import Condition
    from ..language.parse_records import Parse
    from ..reasoning.compare import Comparison
    from ..reasoning.rulesview import RuleGroup

__all__ = ["WIDTH", "render_text", "urgent_lines"]


def render_text(result: Result, explain: bool = False, display: Display | None = None, expand: bool = False) -> str:
    d = display or Display()
    lines = urgent_lines(result, d)
    if result.rule_pack:
        lines += [d.paint(line, "bold") for line in d.wrap(terminal_safe(result.rule_pack.note))] + [""]
    if result.suggestions:
        lines.append(d.paint("Related conditions to read about, best match first:", "bold"))
        for s in result.suggestions:
            lines.append("")
            lowered = " (lowered: a hallmark finding was reported absent)" if s.lowered else ""
            limited = f" ({LIMITED_NOTE})" if s.limited else ""
            head = d.wrap(f"{s.rank}. {s.condition.name} - {s.strength} match{lowered}{limited}", "", "   ")
            lines += [_strength_in(d, line, s.strength) for line in head]
            lines += _field(d, "Why", s.explanation)
            lines += _field(d, "Supporting", evidence_list(s.supporting))
            lines += _field(d, "Typical, not reported", evidence_list(s.missing, with_basis=False, most=MISSING_SHOWN))
            lines += _field(d, "Reported absent", evidence_list(s.against))
            lines += _field(d, "Rules", ", ".join(rule_names(s.rules, result)))
            lines += _field(d, "Sources", source_list(s.sources))
        lines.append("")
        lines += d.wrap("Strength words: " + "; ".join(STRENGTH_WORDS.values()) + ".")
    elif result.recognized or result.absent:
        lines += d.wrap(
            "No related conditions matched these findings. Try adding more of what you notice, "
            "or browse with `symptom-explorer conditions`."
        )
    else:
        lines.append("No finding was recognized, so there is nothing to suggest.")
    if explain and result.trace:
        lines.append("")
        lines.append(d.paint("How the engine reasoned (rules in the order they fired):", "bold"))
        for step in folded_trace(result.trace, expand):
            lines += d.wrap(step_line(step), f"{step.number:>3}. ", "     ")
    lines.append("")
    for note in input_notes(result):
        lines += d.wrap(note, "", "  ")
    lines.append("")
    lines += d.wrap(result.disclaimer)
    return "\n".join(lines) + "\n"


def urgent_lines(result: Result, display: Display | None = None, raised=()) -> list[str]:
    """The `!! URGENT - <LEVEL>` blocks, highest level first, each flag with title, action, why and because;
    every block ends with a blank line. No flag, no lines. Flags whose id is in ``raised`` say so."""
    d = display or Display()
    lines: list[str] = []
    for sentence in possible_urgent(result):
        lines += [d.paint(line, "bold", "red") for line in d.wrap("!! " + sentence, "", "   ")]
    lines += [""] if lines else []
    for level, flags in flags_by_level(result):
        lines.append(d.paint(f"!! URGENT - {URGENCY_LABELS[level].upper()}:", "bold", "red"))
        for flag in flags:
            action = f"- {flag.title[:1].upper() + flag.title[1:]}: {flag.action}"
            action += " (raised by the change)" if flag.id in raised else ""
            lines += [d.paint(line, "red") for line in d.wrap(action, "   ", "     ")]
            lines += _field(d, "why", flag.message, indent=5)
            lines += _field(d, "because", ", ".join(s.label for s in flag.because), indent=5)
        lines.append("")
    return lines


def _field(d: Display, label: str, body: str, indent: int = 3) -> list[str]:
    head = " " * indent + (f"{label}: " if label else "")
    lines = d.wrap(head + body, "", " " * (indent + 2))
    if d.color and label:  # the label in bold, after wrapping so colour codes never count toward the width
        lines[0] = lines[0].replace(f"{label}:", d.paint(f"{label}:", "bold"), 1)
    return lines


def _strength_in(d: Display, line: str, strength: str) -> str:
    word = f" - {strength} match"
    return line.replace(word, f" - {d.strength(strength)} match", 1) if word in line else line


def render_result(result: Result, context: Context) -> str:
    return render_text(result, context.explain, context.display, context.expand)


def render_conditions(conditions: "list[Condition]", context: Context) -> str:
    from .cards import conditions_text

    return (context.display or Display()).fit(conditions_text(conditions))


def render_card(condition: "Condition", context: Context) -> str:
    from .cards import card_text

    return card_text(condition, context.knowledge(), display=context.display)


def render_symptoms(listing: Listing, context: Context) -> str:
    from .cards import symptoms_text

    return (context.display or Display()).fit(symptoms_text(listing.symptoms, grouped=listing.grouped))


def render_parse(reading: "Parse", context: Context) -> str:
    from .parse_format import render_parse_text

    return render_parse_text(reading, context.display)


def render_rules(groups: "tuple[RuleGroup, ...]", context: Context) -> str:
    from .teaching import rules_text

    text = rules_text(groups, context.display)
    pack = context.kb.pack if context.kb else None
    return "\n".join((context.display or Display()).wrap(terminal_safe(pack.note))) + "\n\n" + text if pack else text


def render_comparison(comparison: "Comparison", context: Context) -> str:
    from .teaching import comparison_text

    text = comparison_text(comparison, context.display)
    pack = context.kb.pack if context.kb else None
    return "\n".join((context.display or Display()).wrap(terminal_safe(pack.note))) + "\n\n" + text if pack else text


def render_cases(cases: "list[LibraryCase]", context: Context) -> str:
    from .teaching import cases_text

    return cases_text(cases, context.display)


def render_case(run: CaseRun, context: Context) -> str:
    from .teaching import case_header

    return case_header(run, context.display) + render_text(run.result, True, context.display)
