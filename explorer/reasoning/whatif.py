"""what_if(): run a case, change some findings, run it again, and say what moved.

A change is text: "+dry mouth" adds a finding as present, "-dry eyes" takes a finding away (whether it
was given as present or absent), "!dry mouth" reports a finding absent. Changes name findings in any of
the words explore() understands; they are matched to the case's findings by finding id.
"""

from dataclasses import dataclass

from ..errors import InputError
from ..knowledge.loader import load_knowledge
from ..knowledge.records import STRENGTHS, KnowledgeBase
from ..language.time_course import course_value
from ..language.vocabulary import split_inputs, vocabulary_for
from .brief import counted_with_names, first_few
from .explore import explore
from .result import Result

CHANGE_KINDS = {"+": "add", "-": "remove", "!": "absent"}


@dataclass(frozen=True)
class Change:
    kind: str  # "add", "remove" or "absent"
    text: str
    finding: str  # finding id
    label: str


@dataclass(frozen=True)
class StrengthMove:
    condition: str  # condition id
    name: str
    before: str  # strength word before ("" when it was not suggested)
    after: str  # strength word after ("" when it is no longer suggested)
    rank_before: int  # 0 when not suggested
    rank_after: int

    @property
    def direction(self) -> str:
        """ "appeared", "left", "up", "down" (strength), or "moved" (same strength, other rank)."""
        if not self.before:
            return "appeared"
        if not self.after:
            return "left"
        if self.before != self.after:
            return "up" if STRENGTHS.index(self.after) > STRENGTHS.index(self.before) else "down"
        return "moved"


@dataclass(frozen=True)
class WhatIf:
    """A case before and after some changes, and the differences a class would want pointed out."""

    changes: tuple[Change, ...]
    before: Result
    after: Result
    moves: tuple[StrengthMove, ...]  # every condition whose presence, strength or rank changed
    rules_started: tuple[str, ...]  # rules that fire after but did not before
    rules_stopped: tuple[str, ...]
    red_flags_raised: tuple[str, ...]  # red flag ids
    red_flags_cleared: tuple[str, ...]

    def __repr__(self) -> str:
        """Short, for a Python shell (brief.py): the changes, what moved and the red flags raised or cleared."""
        signs = {kind: sign for sign, kind in CHANGE_KINDS.items()}
        changes = first_few(signs[c.kind] + c.text for c in self.changes)
        moves = counted_with_names((f"{m.name} {m.direction}" for m in self.moves), "move")
        flags = f"red flags raised: {first_few(self.red_flags_raised) or 'none'}"
        flags += f", cleared: {first_few(self.red_flags_cleared) or 'none'}"
        return f"<WhatIf {changes}: {moves}; {flags}>"

    @property
    def appeared(self) -> tuple[StrengthMove, ...]:
        return tuple(m for m in self.moves if m.direction == "appeared")

    @property
    def left(self) -> tuple[StrengthMove, ...]:
        return tuple(m for m in self.moves if m.direction == "left")

    def to_dict(self) -> dict:
        return {
            "changes": [{"kind": c.kind, "input": c.text, "id": c.finding, "label": c.label} for c in self.changes],
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "moves": [
                {
                    "condition": m.condition,
                    "name": m.name,
                    "direction": m.direction,
                    "strength_before": m.before or None,
                    "strength_after": m.after or None,
                    "rank_before": m.rank_before or None,
                    "rank_after": m.rank_after or None,
                }
                for m in self.moves
            ],
            "rules_started": list(self.rules_started),
            "rules_stopped": list(self.rules_stopped),
            "red_flags_raised": list(self.red_flags_raised),
            "red_flags_cleared": list(self.red_flags_cleared),
        }


def parse_changes(changes, kb: KnowledgeBase) -> tuple[Change, ...]:
    """Changes as records; an unknown sign or an unrecognized finding raises InputError."""
    vocabulary = vocabulary_for(kb)
    parsed = []
    for raw in changes:
        text = str(raw).strip()
        if "=" in text and text[:1] not in CHANGE_KINDS:
            parsed.append(_course_change(raw, text, kb))  # "onset=chronic"
            continue
        kind, words = CHANGE_KINDS.get(text[:1]), text[1:].strip()
        if not text:
            raise InputError('a what-if change is empty: give a sign and a finding, as in "+dry mouth"')
        if kind is None:
            raise InputError(f'what-if change "{raw}" must start with + (add), - (remove) or ! (absent): "+dry mouth"')
        if not words:
            raise InputError(f'what-if change "{raw}" names no finding after its sign: "{text[0]}dry mouth"')
        symptom = vocabulary.resolve(words).symptom
        if symptom is None:
            raise InputError(f'what-if change "{raw}": "{words}" is not a finding the explorer knows')
        parsed.append(Change(kind, words, symptom.id, symptom.label))
    return tuple(parsed)


def _course_change(raw, text: str, kb: KnowledgeBase) -> Change:
    """ "onset=chronic", "symmetry=one side": the time course value to add. Added on its own, it takes the
    place of the value the case's story gave for a one-value dimension (onset, symmetry: explore())."""
    dimension, _, value = text.partition("=")
    try:
        symptom = course_value(kb, dimension, value)
    except ValueError as exc:
        raise InputError(f'what-if change "{raw}": {exc} (as in "onset=chronic")') from None
    return Change("add", symptom.label, symptom.id, symptom.label)


def what_if(findings, absent=(), changes=(), kb: KnowledgeBase | None = None) -> WhatIf:
    """The case (``findings`` present, ``absent`` reported absent) before and after ``changes``."""
    kb = kb or load_knowledge()
    parsed = parse_changes(changes, kb)
    if not parsed:
        raise InputError('no what-if change given: for example "-dry eyes" or "+dry mouth"')
    before = explore(findings, absent, kb=kb)
    given = {r.symptom.id for r in (*before.recognized, *before.absent)} | {c.symptom.id for c in before.conflicting}
    for change in parsed:
        if change.kind == "remove" and change.finding not in given:
            raise InputError(f'what-if change "-{change.text}": the case does not include {change.label}')
    vocabulary = vocabulary_for(kb)
    present_after = _without(split_inputs(findings), parsed, vocabulary)
    absent_after = _without(split_inputs(absent), parsed, vocabulary)
    present_after += [c.text for c in parsed if c.kind == "add"]
    absent_after += [c.text for c in parsed if c.kind == "absent"]
    if not present_after and not absent_after:
        raise InputError("the what-if changes leave no finding at all")
    after = explore(present_after, absent_after, kb=kb)
    fired_before = list(dict.fromkeys(t.rule for t in before.trace))
    fired_after = list(dict.fromkeys(t.rule for t in after.trace))
    flags_before, flags_after = [f.id for f in before.red_flags], [f.id for f in after.red_flags]
    return WhatIf(
        changes=parsed,
        before=before,
        after=after,
        moves=_moves(before, after),
        rules_started=tuple(r for r in fired_after if r not in fired_before),
        rules_stopped=tuple(r for r in fired_before if r not in fired_after),
        red_flags_raised=tuple(f for f in flags_after if f not in flags_before),
        red_flags_cleared=tuple(f for f in flags_before if f not in flags_after),
    )


def _without(texts, changes, vocabulary) -> list[str]:
    """``texts`` less every finding a change names (a change replaces whatever the case said about it)."""
    named = {c.finding for c in changes}
    return [
        t for t in texts if (vocabulary.resolve(t).symptom is None or vocabulary.resolve(t).symptom.id not in named)
    ]


def _moves(before: Result, after: Result) -> tuple[StrengthMove, ...]:
    old = {s.condition.id: s for s in before.suggestions}
    new = {s.condition.id: s for s in after.suggestions}
    moves = []
    # after's order first (best match first), then what left, in its old order
    for cid in [*new, *(c for c in old if c not in new)]:
        a, b = old.get(cid), new.get(cid)
        move = StrengthMove(
            cid,
            (b or old[cid]).condition.name,  # a condition in neither is never listed
            a.strength if a else "",
            b.strength if b else "",
            a.rank if a else 0,
            b.rank if b else 0,
        )
        if (move.before, move.rank_before) != (move.after, move.rank_after):
            moves.append(move)
    return tuple(moves)
