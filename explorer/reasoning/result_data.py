"""The JSON contract (schema_version 1): a Result as plain data, documented in the README. It lives
beside the records, not among the formatters, so that ``Result.to_dict()`` needs no formatter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge.urgency import URGENCY_LABELS
from ..language.parse_records import symptom_ref, unused_fields

if TYPE_CHECKING:
    from ..knowledge.records import Source
    from .result import Evidence, Result

SCHEMA_VERSION = 1


def _urgency(result: Result) -> dict | None:
    """The highest urgency level among the red flags, with its action, or None when no flag was raised."""
    if not result.red_flags:
        return None
    top = result.red_flags[0]  # flags come highest level first
    return {"level": top.level, "label": URGENCY_LABELS[top.level], "action": top.action}


def source_dict(source: Source) -> dict:
    data = {"kind": source.kind, "ref": source.ref}
    if source.frequency:
        data["frequency"] = source.frequency
    return data


def _evidence(item: Evidence) -> dict:
    return {
        "symptom": symptom_ref(item.symptom),
        "links": [source_dict(s) for s in item.links],
        "rules": list(item.rules),
    }


def _recognized(item) -> dict:
    data = {"input": item.input, "symptom": symptom_ref(item.symptom)}
    if item.mention is not None:
        data["parse"] = item.mention.to_dict()
    return data


def result_to_dict(result: Result) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "recognized": [_recognized(r) for r in result.recognized],
        "unrecognized": [
            {"input": u.input, **unused_fields(u.did_you_mean, u.condition, u.negation, u.past, u.someone_else)}
            for u in result.unrecognized
        ],
        "absent": [_recognized(r) for r in result.absent],
        "conflicting": [{"inputs": list(c.inputs), "symptom": symptom_ref(c.symptom)} for c in result.conflicting],
        "urgency": _urgency(result),
        "red_flags": [
            {
                "id": f.id,
                "level": f.level,
                "level_label": URGENCY_LABELS[f.level],
                "title": f.title,
                "action": f.action,
                "message": f.message,
                "because": [symptom_ref(s) for s in f.because],
                "rules": list(f.rules),
                "sources": [source_dict(s) for s in f.sources],
            }
            for f in result.red_flags
        ],
        "patterns": [
            {
                "id": p.pattern.id,
                "label": p.pattern.label,
                "because": [symptom_ref(s) for s in p.because],
                "rules": list(p.rules),
            }
            for p in result.patterns
        ],
        "suggestions": [
            {
                "rank": s.rank,
                "condition": {"id": s.condition.id, "name": s.condition.name, "kind": s.condition.kind},
                "strength": s.strength,
                "strength_lowered": s.lowered,
                "strength_limited": s.limited,
                "supporting": [_evidence(e) for e in s.supporting],
                "missing": [_evidence(e) for e in s.missing],
                "against": [_evidence(e) for e in s.against],
                "explanation": s.explanation,
                "rules": list(s.rules),
                "sources": [source_dict(src) for src in s.sources],
            }
            for s in result.suggestions
        ],
        "trace": [
            {
                "step": t.number,
                "rule": t.rule,
                "salience": t.salience,
                "matched": [{"id": f, "label": label} for f, label in zip(t.matched_present, t.matched_labels)],
                "matched_absent": [
                    {"id": f, "label": label} for f, label in zip(t.matched_absent, t.matched_absent_labels)
                ],
                "concluded": {"kind": t.conclusion, "id": t.target, "label": t.target_label},
            }
            for t in result.trace
        ],
        "disclaimer": result.disclaimer,
    }
