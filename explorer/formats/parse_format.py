"""What the parser understood in a text, for `symptom-explorer parse`: text for people, JSON for scripts."""

import json

from ..knowledge.disclaimer import DISCLAIMER
from ..language.parse_records import Parse
from ..reasoning.result_data import SCHEMA_VERSION
from .common import leftover_hint, may_have_described
from .escape import terminal_safe
from .terminal import Display


def parse_dict(reading: Parse) -> dict:
    """The JSON record (``$defs/parse`` in output.schema.json)."""
    return {"schema_version": SCHEMA_VERSION, **reading.to_dict(), "disclaimer": DISCLAIMER}


def render_parse_json(reading: Parse) -> str:
    return json.dumps(parse_dict(reading), ensure_ascii=False, indent=2) + "\n"


def render_parse_text(reading: Parse, display: Display | None = None) -> str:
    """For people: laid out for ``display`` (the terminal's width); typed text echoed with controls shown."""
    d = display or Display()
    lines = [
        line
        for x in reading.leftovers
        for s in x.maybe
        for line in d.wrap("!! " + may_have_described(x.text, s), "", "   ") + [""]
    ]
    if reading.mentions:
        lines.append("Understood:")
    for m in reading.mentions:
        where = f" - {', '.join(s.label for s in m.sites)}" if m.sites else ""
        status = "present" if m.present else "ABSENT"
        lines.append(f"  {status:<7} {m.symptom.label}{where}")
        lines += d.wrap(f'from "{terminal_safe(m.text)}" (characters {m.start}-{m.end})', " " * 10, " " * 12)
        for note in m.notes():
            lines += d.wrap(terminal_safe(note), " " * 10, " " * 12)
    if not reading.mentions:
        lines.append("No finding was recognized.")
    if reading.leftovers:
        lines.append("")
        lines.append("Left over (not understood):")
        for x in reading.leftovers:
            hint = leftover_hint(x)
            shown = terminal_safe(x.text if len(x.text) <= 60 else x.text[:57] + "...")
            lines += d.wrap(f'"{shown}" (characters {x.start}-{x.end}): {hint}', "  ", "    ")
    lines.append("")
    lines += d.wrap(DISCLAIMER)
    return "\n".join(lines) + "\n"
