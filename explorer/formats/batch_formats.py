"""Batch output writers: JSON Lines (one record per case), one JSON array of the same records, CSV (one
row per case, top suggestions) and a Markdown table. Each writer is a class with ``start``,
``write(outcome)`` and ``finish``, and ``between``, the text that goes between two records, so results go
out as soon as each case is done; registry.py names them as the formats of the ``batch`` view."""

import csv
import json
from typing import Protocol

from ..cases.batch import Outcome
from ..knowledge.disclaimer import DISCLAIMER, SHORT_DISCLAIMER
from ..knowledge.urgency import URGENCY_LABELS
from .escape import csv_cell, escape_markdown, valid_utf8
from .json_format import SCHEMA_VERSION

TOP = 3


def outcome_dict(outcome: Outcome) -> dict:
    """One batch record (the ``batch_record`` definition of the published JSON Schema)."""
    record = {
        "schema_version": SCHEMA_VERSION,
        "case": {"id": outcome.id, "line": outcome.line},
        "status": outcome.status,
    }
    if outcome.note:
        record["note"] = outcome.note
    if outcome.error:
        record["error"] = outcome.error
    if outcome.result is not None:
        record["result"] = outcome.result.to_dict()
    record["disclaimer"] = SHORT_DISCLAIMER
    return record


def _compact_json(outcome: Outcome) -> str:
    return valid_utf8(json.dumps(outcome_dict(outcome), ensure_ascii=False, separators=(",", ":")))


class JsonLinesWriter:
    between = ""

    def __init__(self, out):
        self.out = out

    def start(self):
        pass

    def write(self, outcome: Outcome):
        self.out.write(_compact_json(outcome) + "\n")

    def finish(self):
        pass


class JsonArrayWriter:
    """One JSON array, written as the cases come: "[" first, the records with a comma and a line break
    between them, "]" at the end. Memory stays bounded, and the array is valid even when the input
    breaks off part-way (``finish`` still runs)."""

    between = ",\n"

    def __init__(self, out):
        self.out = out

    def start(self):
        self.out.write("[")

    def write(self, outcome: Outcome):
        self.out.write(_compact_json(outcome))

    def finish(self):
        self.out.write("]\n")


class CsvWriter:
    between = ""
    COLUMNS = (
        ["id", "line", "status", "red_flags", "urgency"]
        + [f"{kind}_{i}" for i in range(1, TOP + 1) for kind in ("suggestion", "strength")]
        + ["recognized", "absent", "unrecognized", "conflicting", "error", "disclaimer"]
    )

    def __init__(self, out):
        self.writer = csv.writer(out, lineterminator="\n")

    def start(self):
        self.writer.writerow(self.COLUMNS)

    def write(self, outcome: Outcome):
        r = outcome.result
        row = {
            "id": outcome.id or "",
            "line": outcome.line,
            "status": outcome.status,
            "error": outcome.error or "",
            "disclaimer": SHORT_DISCLAIMER + (f" {r.rule_pack.note}" if r is not None and r.rule_pack else ""),
        }
        if r is not None:
            # highest level first: each id with its level, and the highest level on its own for sorting
            row["red_flags"] = "; ".join(f"{f.id} ({f.level})" for f in r.red_flags)
            row["urgency"] = r.red_flags[0].level if r.red_flags else ""
            for i, s in enumerate(r.suggestions[:TOP], start=1):
                row[f"suggestion_{i}"], row[f"strength_{i}"] = s.condition.name, s.strength
            row["recognized"] = "; ".join(x.symptom.id for x in r.recognized)
            row["absent"] = "; ".join(_absent(x) for x in r.absent)
            row["unrecognized"] = "; ".join(_unused(u) for u in r.unrecognized)
            # Given both as present and as absent, so left out of the reasoning: said, never dropped.
            row["conflicting"] = "; ".join(c.symptom.id for c in r.conflicting)
        self.writer.writerow([csv_cell(row.get(c, "")) for c in self.COLUMNS])

    def finish(self):
        pass


class MarkdownWriter:
    between = ""

    def __init__(self, out):
        self.out = out
        self.pack_note = ""  # set by the caller when the cases run with a rule pack (each row is its own writer's)

    def start(self):
        self.out.write(
            "| Case | Line | Status | Urgent | Related conditions to read about | Not used |\n"
            "|---|---|---|---|---|---|\n"
        )

    def write(self, outcome: Outcome):
        r = outcome.result
        urgent = ", ".join(f"{f.id} ({URGENCY_LABELS[f.level].lower()})" for f in r.red_flags) if r else ""
        top = ", ".join(f"{s.condition.name} ({s.strength})" for s in r.suggestions[:TOP]) if r else ""
        unused = [escape_markdown(outcome.error)] if outcome.error else []
        if r and not outcome.error:  # an error already names the findings it could not use
            unused += [_past(x, escape_markdown) for x in r.absent if x.mention is not None and x.mention.past]
            unused += [_unused(u, quote=True, esc=escape_markdown) for u in r.unrecognized]
        if r:
            unused += [f"{c.symptom.label} (given as present and as absent)" for c in r.conflicting]
        cells = [escape_markdown(outcome.id or ""), str(outcome.line), outcome.status, urgent, top, ", ".join(unused)]
        self.out.write("| " + " | ".join(cells) + " |\n")

    def finish(self):
        if self.pack_note:  # the cases were run with a learner's rule pack (--rules)
            self.out.write(f"\n**{escape_markdown(self.pack_note)}**\n")
        self.out.write(f"\n*{DISCLAIMER}*\n")


class BatchWriter(Protocol):
    """What every writer does: ``start``, then ``write`` once per outcome (``between`` written between
    two of them), then ``finish``."""

    between: str

    def start(self) -> None: ...
    def write(self, outcome: Outcome) -> None: ...
    def finish(self) -> None: ...


def _absent(x) -> str:
    """A finding reported absent, by id; a past event says so ("chest_pain (a past event: years ago)")."""
    past = x.mention.past if x.mention is not None else None
    return f"{x.symptom.id} (a past event: {past})" if past else x.symptom.id


def _past(x, esc) -> str:
    """A past event, read as absent now, in the table's "Not used" (it is no current finding)."""
    return f'"{esc(x.input)}" (a past event: {esc(x.mention.past)}, absent now)'


def _unused(u, quote: bool = False, esc=str) -> str:
    """An input not used, marked when it was set aside rather than not understood; ``esc`` makes the
    person's own words safe for the format."""
    text = f'"{esc(u.input)}"' if quote else esc(u.input)
    if u.explained:  # ``past`` holds the same words
        return f"{text} (explained by: {esc(u.explained)})"
    if u.past:
        return f"{text} (a past event: {esc(u.past)})"
    if u.someone_else:
        return f"{text} (someone else's: {esc(u.someone_else)})"
    return text
