"""The engine's step-through record, for teaching: before each rule firing, what the agenda held (the
activations waiting, best first), why the first one won, what working memory held, and the fact the
firing added. Built from experta's own objects at the moment they exist, then kept as frozen records.

Conflict resolution (see engine._StableStrategy): the activation with the highest salience fires first;
among equal salience, the one matching the most recently declared fact (the highest fact id: recency);
among those, the rule that comes first in the knowledge files (rule order).
"""

from dataclasses import dataclass

WHY = {
    "only": "it was the only activation on the agenda",
    "salience": "it has the highest salience",
    "recency": "equal salience; it matched the most recently added fact (recency)",
    "rule order": "equal salience and equally recent facts; its rule comes first in the knowledge files",
}


@dataclass(frozen=True)
class MemoryFact:
    """One fact in working memory: its id (the order it was added in), kind and what it says."""

    id: int
    kind: str  # "Finding", "Absent", "GroupMet", "Suggested", "Asked", "WantToKnow"
    value: str  # the finding, rule or condition id the fact names
    origin: str = ""  # "reported" or "inferred" for a Finding

    def to_dict(self) -> dict:
        data = {"id": self.id, "kind": self.kind, "value": self.value}
        if self.origin:
            data["origin"] = self.origin
        return data


@dataclass(frozen=True)
class Activation:
    """A rule whose conditions hold, waiting on the agenda, with the facts it matched."""

    rule: str
    salience: int
    facts: tuple[int, ...]  # fact ids, most recent first
    order: int  # the rule's position in the knowledge files (-1 for the engine's own helper rule)

    def to_dict(self) -> dict:
        return {"rule": self.rule, "salience": self.salience, "facts": list(self.facts)}


@dataclass(frozen=True)
class EngineStep:
    """One firing seen from inside the engine. ``number`` matches the TraceStep of the same firing."""

    number: int
    rule: str  # the rule that fired
    agenda: tuple[Activation, ...]  # before the firing, best first: agenda[0] is the one that fired
    why: str  # a key of WHY: why agenda[0] beat agenda[1]
    memory: tuple[MemoryFact, ...]  # working memory before the firing
    added: MemoryFact | None  # the fact the firing declared (a red flag adds none)

    @property
    def reason(self) -> str:
        return WHY[self.why]

    def to_dict(self) -> dict:
        return {
            "step": self.number,
            "rule": self.rule,
            "agenda": [a.to_dict() for a in self.agenda],
            "why": self.why,
            "reason": self.reason,
            "memory": [f.to_dict() for f in self.memory],
            "added": self.added.to_dict() if self.added else None,
        }


def agenda_view(activations) -> tuple[Activation, ...]:
    """experta's agenda list (the next to fire is the LAST item) as records, best first."""
    return tuple(
        Activation(
            rule=act.rule._wrapped.__name__,
            salience=act.rule.salience,
            facts=tuple(sorted((f["__factid__"] for f in act.facts), reverse=True)),
            order=act.rule._wrapped.rule_order,
        )
        for act in reversed(activations)
    )


def why_first(agenda: tuple[Activation, ...]) -> str:
    """Which part of the conflict-resolution key put agenda[0] ahead of agenda[1]."""
    if len(agenda) < 2:
        return "only"
    first, second = agenda[0], agenda[1]
    if first.salience != second.salience:
        return "salience"
    if first.facts != second.facts:
        return "recency"
    return "rule order"


def memory_fact(fact) -> MemoryFact | None:
    """A working-memory fact as a record (None for experta's InitialFact)."""
    kind = type(fact).__name__
    if kind == "InitialFact":
        return None
    fields = {k: v for k, v in fact.items() if not str(k).startswith("__")}
    value = fields.get("id") or fields.get("rule") or fields.get("condition") or fields.get("finding") or ""
    return MemoryFact(fact["__factid__"], kind, str(value), str(fields.get("origin", "")))


def engine_step(number: int, rule: str, activations, memory, added) -> EngineStep:
    agenda = agenda_view(activations)
    return EngineStep(number, rule, agenda, why_first(agenda), memory, memory_fact(added) if added else None)


def memory_view(facts) -> tuple[MemoryFact, ...]:
    found = (memory_fact(f) for f in facts.values())
    return tuple(sorted((f for f in found if f), key=lambda f: f.id))
