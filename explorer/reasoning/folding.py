"""Folded firings: the many generated rules of one group (one per finding a condition's HPO annotations
record) shown as one line per condition, so a trace, a graph or a step-through stays readable."""

from ..records import record
from .result import TraceStep

SHOWN_FINDINGS = 6  # findings named in a folded line before "and N more"


def count_rules(group: str, count: int) -> str:
    """ "12 annotation rules", "1 annotation rule"."""
    word = group[:-1] if group.endswith("s") else group
    return f"{count} {word} rule{'s' if count != 1 else ''}"


@record
class FoldedSteps:
    """Every firing of one group's rules for one condition: where the first was, and what they matched."""

    number: int  # the first firing's step number
    group: str
    target: str
    target_label: str
    rules: tuple[str, ...]
    codes: tuple[str, ...]  # the disease codes the rules cite, in first-cited order
    findings: tuple[str, ...]  # labels of the findings they matched, in firing order

    def line(self) -> str:
        """ "12 annotation rules: HPO annotations of ORPHA:289390 support Sjögren's syndrome (Dry eyes, ...)"."""
        count = count_rules(self.group, len(self.rules))
        shown = list(self.findings[:SHOWN_FINDINGS])
        if len(self.findings) > SHOWN_FINDINGS:
            shown.append(f"and {len(self.findings) - SHOWN_FINDINGS} more")
        codes = ", ".join(self.codes) or "its codes"
        return f"{count}: HPO annotations of {codes} support {self.target_label} ({', '.join(shown)})"


def folded_trace(trace: tuple[TraceStep, ...], expand: bool = False) -> list[TraceStep | FoldedSteps]:
    """The trace with each group's firings for one condition folded into one entry, placed where the first
    of them fired; the hand-written rules' firings stay as they are. ``expand``: the trace unchanged."""
    if expand:
        return list(trace)
    folds: dict = {}
    out: list = []
    for step in trace:
        if not step.group:
            out.append(step)
            continue
        key = (step.group, step.target)
        if key not in folds:
            folds[key] = len(out)
            out.append([])
        out[folds[key]].append(step)
    return [_fold(item) if isinstance(item, list) else item for item in out]


def _fold(steps: list[TraceStep]) -> FoldedSteps:
    codes = dict.fromkeys(src.ref for step in steps for src in step.sources if src.kind == "annotation")
    findings = dict.fromkeys(label for step in steps for label in step.matched_labels)
    first = steps[0]
    return FoldedSteps(
        first.number,
        first.group,
        first.target,
        first.target_label,
        tuple(step.rule for step in steps),
        tuple(codes),
        tuple(findings),
    )


def folded_rules(trace: tuple[TraceStep, ...]) -> dict[str, FoldedSteps]:
    """Rule id -> the fold it belongs to, for every firing of a grouped rule."""
    return {rule: fold for fold in folded_trace(trace) if isinstance(fold, FoldedSteps) for rule in fold.rules}
