"""A rule pack tried on the case library (`symptom-explorer rules try FILE`): every case run with the built-in
knowledge and again with the pack, and what the pack changed in each (a new suggestion, a changed strength
or rank, a suggestion gone, a new red flag), with the pack's rules that fired there."""

from dataclasses import dataclass

from ..knowledge.records import KnowledgeBase, RulePack
from ..reasoning.explore import explore
from ..reasoning.result import Result
from .library import LibraryCase


@dataclass(frozen=True)
class CaseChange:
    """What the pack changed in one case: each change as a sentence, and the pack's rules that fired."""

    case: str
    changes: tuple[str, ...]
    fired: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"case": self.case, "changes": list(self.changes), "fired": list(self.fired)}


@dataclass(frozen=True)
class PackTrial:
    """A pack tried on ``cases`` cases: those it changed (in library order), and its rules that fired in
    no case at all (a rule that never fires is worth a second look)."""

    pack: RulePack
    cases: int
    changed: tuple[CaseChange, ...]
    never_fired: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "schema_version": 1,
            "rule_pack": self.pack.to_dict(),
            "cases": self.cases,
            "changed": [c.to_dict() for c in self.changed],
            "never_fired": list(self.never_fired),
        }


def try_pack(base: KnowledgeBase, joined: KnowledgeBase, cases: tuple[LibraryCase, ...]) -> PackTrial:
    """Run each case with ``base`` and with ``joined`` (``base`` plus a pack, rulepack.apply_pack)."""
    if joined.pack is None:
        raise ValueError("try_pack needs a knowledge base that includes a rule pack")
    changed: list[CaseChange] = []
    fired_anywhere: set[str] = set()
    for case in cases:
        before = explore(case.case.present, case.case.absent, kb=base)
        after = explore(case.case.present, case.case.absent, kb=joined)
        fired = tuple(dict.fromkeys(t.rule for t in after.trace if t.from_pack))
        fired_anywhere.update(fired)
        changes = differences(before, after)
        if changes or fired:
            changed.append(CaseChange(case.id, changes, fired))
    never = tuple(r for r in joined.pack.rules if r not in fired_anywhere)
    return PackTrial(joined.pack, len(cases), tuple(changed), never)


def differences(before: Result, after: Result) -> tuple[str, ...]:
    """What changed from ``before`` to ``after``, as sentences: suggestions new, gone, re-ranked or with
    another strength, and red flags new or gone, in ranking order."""
    old = {s.condition.id: s for s in before.suggestions}
    new = {s.condition.id: s for s in after.suggestions}
    out = []
    for cid, s in new.items():
        was = old.get(cid)
        if was is None:
            out.append(f"new suggestion: {s.condition.name} ({s.strength}, rank {s.rank})")
            continue
        if was.strength != s.strength:
            out.append(f"{s.condition.name}: strength {was.strength} -> {s.strength}")
        if was.rank != s.rank:
            out.append(f"{s.condition.name}: rank {was.rank} -> {s.rank}")
    out += [f"no longer suggested: {s.condition.name}" for cid, s in old.items() if cid not in new]
    flags_before = {f.id for f in before.red_flags}
    flags_after = {f.id for f in after.red_flags}
    out += [f"new red flag: {f.title or f.id}" for f in after.red_flags if f.id not in flags_before]
    out += [f"red flag gone: {f.title or f.id}" for f in before.red_flags if f.id not in flags_after]
    return tuple(out)
