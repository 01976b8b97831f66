"""compare(): two conditions side by side, for a class looking at look-alikes (GBS and MS, Sjogren's and
lupus): the findings they share, those only one has, the rules that suggest each, and the questions
that best tell them apart."""

from dataclasses import dataclass

from ..errors import InputError
from ..knowledge.catalog import close_conditions, find_condition, rules_for
from ..knowledge.disclaimer import SHORT_DISCLAIMER
from ..knowledge.loader import load_knowledge
from ..knowledge.records import LINK_ROLES, Condition, KnowledgeBase, Source
from .brief import counted_with_names
from .result_data import source_dict

ROLE_WEIGHT = {"hallmark": 3, "typical": 2, "possible": 1, "rule": 1}
ROLE_PHRASE = {
    "hallmark": "a hallmark of",
    "typical": "typical of",
    "possible": "possible in",
    "rule": "used by the rules for",
}


@dataclass(frozen=True)
class LinkedFinding:
    """A finding in a condition's picture: its strongest link role ("rule" when only a rule names it),
    annotation frequency when one is given, and where the link comes from."""

    id: str
    label: str
    role: str
    frequency: str
    sources: tuple[Source, ...]
    in_rules: tuple[str, ...]  # suggestion rules of the condition that use the finding (directly or via a pattern)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "label": self.label,
            "role": self.role,
            "frequency": self.frequency or None,
            "sources": [source_dict(s) for s in self.sources],
            "rules": list(self.in_rules),
        }


@dataclass(frozen=True)
class Question:
    """Ask about ``finding``: it belongs to ``points_to``'s picture and not to the other's."""

    finding: str
    label: str
    points_to: str  # condition id
    role: str
    frequency: str = ""  # the annotation's frequency when no article link says more than how often

    def to_dict(self) -> dict:
        return {"finding": self.finding, "label": self.label, "points_to": self.points_to, "role": self.role}

    def sentence(self, name: str) -> str:
        """ "Ask about Dry eyes: a hallmark of Sjögren's syndrome", ``name`` being the condition's name; a
        hallmark known only from how often an annotation says it occurs is called that ("very frequent in"),
        as "a hallmark" would claim it marks the condition out."""
        phrase = FREQUENCY_PHRASE.get(self.frequency) if self.role == "hallmark" else None
        return f"Ask about {self.label}: {phrase or ROLE_PHRASE[self.role]} {name}"


FREQUENCY_PHRASE = {"obligate": "always present in", "very frequent": "very frequent in"}


def _frequency_only(f: "LinkedFinding") -> str:
    """The annotation frequency of ``f`` when only annotations link it (no article or reference), else ""."""
    only_annotations = all(s.kind == "annotation" for s in f.sources)
    return f.frequency if only_annotations and f.frequency in FREQUENCY_PHRASE else ""


@dataclass(frozen=True)
class Comparison:
    a: Condition
    b: Condition
    shared: tuple[tuple[LinkedFinding, LinkedFinding], ...]  # (as in a, as in b)
    only_a: tuple[LinkedFinding, ...]
    only_b: tuple[LinkedFinding, ...]
    rules_a: tuple[str, ...]
    rules_b: tuple[str, ...]
    questions: tuple[Question, ...]  # best first
    # Per time course dimension (onset, spread...): the values each links, apart from the findings above.
    time_course: tuple[tuple[str, tuple[LinkedFinding, ...], tuple[LinkedFinding, ...]], ...] = ()

    def __repr__(self) -> str:
        """Short, for a Python shell (brief.py)."""
        counts = f"{len(self.shared)} shared, {len(self.only_a)} only in the first, {len(self.only_b)} in the second"
        asks = counted_with_names((q.label for q in self.questions), "question")
        return f"<Comparison {self.a.name} and {self.b.name}: findings {counts}; {asks}>"

    def to_dict(self) -> dict:
        return {
            "a": {"id": self.a.id, "name": self.a.name},
            "b": {"id": self.b.id, "name": self.b.name},
            "shared": [{"id": x.id, "label": x.label, "a": x.to_dict(), "b": y.to_dict()} for x, y in self.shared],
            "only_a": [f.to_dict() for f in self.only_a],
            "only_b": [f.to_dict() for f in self.only_b],
            "rules_a": list(self.rules_a),
            "rules_b": list(self.rules_b),
            "questions": [q.to_dict() for q in self.questions],
            "time_course": [
                {"dimension": d, "a": [f.to_dict() for f in a], "b": [f.to_dict() for f in b]}
                for d, a, b in self.time_course
            ],
            "disclaimer": SHORT_DISCLAIMER,
        }

    def course_rows(self) -> tuple[str, ...]:
        """One line per time course dimension, a's values then b's, each with its role:
        "onset: acute (days) [hallmark], subacute (weeks) [typical] / chronic (months to years) [hallmark]"."""

        def values(found) -> str:
            return ", ".join(f"{f.label.split(': ', 1)[-1]} [{f.role}]" for f in found) or "none"

        return tuple(f"{dimension}: {values(a)} / {values(b)}" for dimension, a, b in self.time_course)

    def _repr_html_(self) -> str:
        """How a notebook shows it: the same HTML as the handout (explorer.formats.html)."""
        from ..notebook import repr_html

        return repr_html(self)


def named_condition(kb: KnowledgeBase, query: str) -> Condition:
    if not query.strip():
        raise InputError('a condition name is empty: give an id, name or alias ("sjogren", "SLE")')
    condition = find_condition(kb, query)
    if condition is None:
        near = ", ".join(c.id for c in close_conditions(kb, query))
        raise InputError(f'no condition named "{query}"' + (f" (did you mean: {near}?)" if near else ""))
    return condition


def compare(a: str, b: str, kb: KnowledgeBase | None = None, limit: int = 5) -> Comparison:
    """Conditions ``a`` and ``b`` (by id, name, alias or code) side by side; InputError for an unknown name."""
    kb = kb or load_knowledge()
    first, second = named_condition(kb, a), named_condition(kb, b)
    if first.id == second.id:
        raise InputError(f"compare needs two different conditions ({a!r} and {b!r} are both {first.name})")
    pa, pb = picture(kb, first), picture(kb, second)
    courses = _time_course(kb, pa, pb)
    # Time course values have rows of their own; a warning sign that only reaches a condition through a pattern
    # ("numbness that spreads quickly" counts as a sensory symptom) is a reason to get care, not its picture.
    warnings = {ref for r in kb.rules if r.conclusion == "red_flag" for ref in (*r.all, *r.any)}
    pa, pb = (
        {
            i: f
            for i, f in p.items()
            if (kb.symptoms.get(i) is None or kb.symptoms[i].kind != "course")
            and not (f.role == "rule" and i in warnings)
        }
        for p in (pa, pb)
    )
    only_a = tuple(f for f in pa.values() if f.id not in pb)
    only_b = tuple(f for f in pb.values() if f.id not in pa)
    questions = [Question(f.id, f.label, first.id, f.role, _frequency_only(f)) for f in only_a]
    questions += [Question(f.id, f.label, second.id, f.role, _frequency_only(f)) for f in only_b]
    # A finding a hand-written rule uses weighs more; the generated annotation rules (one per annotated
    # finding, lab results among them) add nothing, or every annotated finding would weigh the same.
    taught = lambda f: any(not kb.rule_index[r].group for r in f.in_rules)  # noqa: E731
    weight = {f.id: ROLE_WEIGHT[f.role] + taught(f) for f in (*only_a, *only_b)}
    questions.sort(key=lambda q: (-weight[q.finding], q.label.lower()))
    return Comparison(
        first,
        second,
        tuple((f, pb[f.id]) for f in pa.values() if f.id in pb),
        only_a,
        only_b,
        tuple(r.id for r in rules_for(kb, first.id)),
        tuple(r.id for r in rules_for(kb, second.id)),
        tuple(questions[:limit]),
        courses,
    )


def _time_course(kb: KnowledgeBase, pa: dict, pb: dict) -> tuple:
    """(dimension, values in a's picture, values in b's) for each time course dimension either links."""
    rows = []
    for dimension in kb.time_course.dimensions:
        values: list[tuple[dict, list[LinkedFinding]]] = [(pa, []), (pb, [])]
        for found, out in values:
            out += [f for i, f in found.items() if kb.symptoms.get(i) and kb.symptoms[i].system == dimension]
        if values[0][1] or values[1][1]:
            rows.append((dimension, tuple(values[0][1]), tuple(values[1][1])))
    return tuple(rows)


def picture(kb: KnowledgeBase, condition: Condition) -> dict:
    """Finding id -> LinkedFinding for every finding the condition's links or suggestion rules name,
    strongest role first, then by label."""
    roles: dict[str, str] = {}
    sources: dict[str, list[Source]] = {}
    frequencies: dict[str, str] = {}
    for link in condition.links:
        roles[link.symptom] = min(roles.get(link.symptom, "possible"), link.role, key=LINK_ROLES.index)
        sources.setdefault(link.symptom, []).append(link.source)
        if link.source.frequency:
            frequencies.setdefault(link.symptom, link.source.frequency)
    used: dict = {}
    for rule in rules_for(kb, condition.id):
        for finding in findings_behind(kb, (*rule.all, *rule.any)):
            used.setdefault(finding, []).append(rule.id)
    found = [
        LinkedFinding(
            i,
            kb.label(i),
            roles.get(i, "rule"),
            frequencies.get(i, ""),
            tuple(sources.get(i, ())),
            tuple(dict.fromkeys(used.get(i, ()))),
        )
        for i in {*roles, *used}
    ]
    order = (*LINK_ROLES, "rule")
    found.sort(key=lambda f: (order.index(f.role), f.label.lower()))
    return {f.id: f for f in found}


def findings_behind(kb: KnowledgeBase, ids) -> list[str]:
    """The entered findings behind ``ids``: a pattern stands for the findings its rules infer it from."""
    out, seen, todo = [], set(), list(ids)
    while todo:
        item = todo.pop(0)
        if item in seen:
            continue
        seen.add(item)
        if item in kb.patterns:
            for rule in kb.rules:
                if rule.conclusion == "infer" and rule.target == item:
                    todo += [*rule.all, *rule.any]
        else:
            out.append(item)
    return out
