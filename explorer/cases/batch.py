"""Batch work: run each case as it is read. The readers are in readers.py, the records in records.py."""

from collections.abc import Iterator

from ..knowledge.records import KnowledgeBase
from ..reasoning.explore import explore, unused_findings
from .readers import FORMATS, detect_format, format_from_name, open_cases, read_cases
from .records import BatchFileError, Case, CaseError, Outcome

__all__ = [
    "FORMATS",
    "BatchFileError",
    "Case",
    "CaseError",
    "Outcome",
    "detect_format",
    "format_from_name",
    "open_cases",
    "read_cases",
    "run_cases",
]


def run_cases(cases, kb: KnowledgeBase) -> Iterator[Outcome]:
    """Explore each case as it arrives."""
    for item in cases:
        if isinstance(item, CaseError):
            yield Outcome(item.id, item.line, "error", error=item.message)
            continue
        result = explore(item.present, item.absent, kb=kb)
        if not result.usable:
            # only conflicts: each was recognized, so "not recognizable" would mislead
            only_conflicts = result.conflicting and not result.unrecognized
            what = "no usable findings" if only_conflicts else "no recognizable findings"
            error = f"{what}: {unused_findings(result, [*item.present, *item.absent])}"
            yield Outcome(item.id, item.line, "error", result=result, note=item.note, error=error)
        else:
            yield Outcome(item.id, item.line, "ok" if result.complete else "partial", result=result, note=item.note)
