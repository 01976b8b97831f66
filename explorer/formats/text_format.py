"""Plain text for a terminal: red flags first, then suggestions best first, then inputs and disclaimer."""

import textwrap

from ..knowledge.disclaimer import STRENGTH_WORDS
from ..knowledge.records import URGENCY_LABELS
from ..reasoning.result import Result
from .common import LIMITED_NOTE, evidence_list, flags_by_level, input_notes, source_list, step_line

WIDTH = 88


def _wrap(label: str, body: str, indent: int = 3) -> list[str]:
    head = " " * indent + (f"{label}: " if label else "")
    return textwrap.wrap(body, WIDTH, initial_indent=head, subsequent_indent=" " * (indent + 2)) or [head]


def render_text(result: Result, explain: bool = False) -> str:
    lines: list[str] = []
    for level, flags in flags_by_level(result):
        lines.append(f"!! URGENT - {URGENCY_LABELS[level].upper()}:")
        for flag in flags:
            lines += _wrap("", f"- {flag.title[:1].upper() + flag.title[1:]}: {flag.action}", indent=3)
            lines += _wrap("why", flag.message, indent=5)
            lines += _wrap("because", ", ".join(s.label for s in flag.because), indent=5)
        lines.append("")
    if result.suggestions:
        lines.append("Related conditions to read about, best match first:")
        for s in result.suggestions:
            lines.append("")
            lines.append(
                f"{s.rank}. {s.condition.name} - {s.strength} match"
                + (" (lowered: a hallmark finding was reported absent)" if s.lowered else "")
                + (f" ({LIMITED_NOTE})" if s.limited else "")
            )
            lines += _wrap("Why", s.explanation)
            lines += _wrap("Supporting", evidence_list(s.supporting))
            lines += _wrap("Typical, not reported", evidence_list(s.missing, with_basis=False))
            lines += _wrap("Reported absent", evidence_list(s.against))
            lines += _wrap("Rules", ", ".join(s.rules))
            lines += _wrap("Sources", source_list(s.sources))
        lines.append("")
        lines += textwrap.wrap("Strength words: " + "; ".join(STRENGTH_WORDS.values()) + ".", WIDTH)
    elif result.recognized or result.absent:
        lines.append("No related conditions matched these findings. Try adding more of what you notice,")
        lines.append("or browse with `symptom-explorer conditions`.")
    else:
        lines.append("No finding was recognized, so there is nothing to suggest.")
    if explain and result.trace:
        lines.append("")
        lines.append("How the engine reasoned (rules in the order they fired):")
        for step in result.trace:
            lines += textwrap.wrap(
                step_line(step), WIDTH, initial_indent=f"{step.number:>3}. ", subsequent_indent="     "
            )
    lines.append("")
    for note in input_notes(result):
        lines += textwrap.wrap(note, WIDTH, subsequent_indent="  ")
    lines.append("")
    lines += textwrap.wrap(result.disclaimer, WIDTH)
    return "\n".join(lines) + "\n"
