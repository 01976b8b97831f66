"""The records one exploration returns, and their JSON contract (schema_version 1, documented in the
README; ``result_to_dict``). They back every output format."""

from ..knowledge.records import Condition, Pattern, RulePack, Source, Symptom
from ..knowledge.urgency import URGENCY_LABELS
from ..language.parse_records import Mention, symptom_ref, unused_fields
from ..records import record
from .brief import counted, counted_with_names, first_few
from .result_data import SCHEMA_VERSION, source_dict


@record
class Recognized:
    input: str  # the words that named the finding (the whole entry, or its part in a sentence)
    symptom: Symptom
    mention: Mention | None = None  # how the parser read it: span, sites, negation, spelling, HPO


@record
class Unrecognized:
    input: str
    did_you_mean: tuple[Symptom, ...]
    condition: Condition | None = None  # set when the input names a condition rather than a finding
    negation: str | None = None  # the cue whose scope it stood in ("no rash"): it was said to be absent
    past: str | None = None  # the words that made it a past event ("years ago"): not a current finding
    someone_else: str | None = None  # the family word that made it another's ("mother"): not the person's
    maybe: tuple[Symptom, ...] = ()  # urgent findings its words may have meant (a concept word, no cue)
    explained: str | None = None  # the calm or explaining words that set it aside ("after the dentist")


@record
class Conflict:
    """A finding given both as present and as absent: it is left out of the reasoning."""

    symptom: Symptom
    inputs: tuple[str, ...]


@record
class Evidence:
    """A finding in a suggestion's picture, with the links (article or annotation) and rules behind it."""

    symptom: Symptom
    links: tuple[Source, ...]
    rules: tuple[str, ...] = ()


@record
class Suggestion:
    rank: int
    condition: Condition
    strength: str
    supporting: tuple[Evidence, ...]
    missing: tuple[Evidence, ...]  # typical findings that were not reported either way
    against: tuple[Evidence, ...]  # typical findings reported absent
    explanation: str
    rules: tuple[str, ...]  # suggestion rules that fired for it
    sources: tuple[Source, ...]
    lowered: bool = False  # the word is lower because findings it shows very often were reported absent
    limited: bool = False  # a fired rule claims more than the entered findings earn (weighing.py)

    def __repr__(self) -> str:
        """Short, for a Python shell (brief.py)."""
        fit = counted_with_names((e.symptom.label for e in self.supporting), "finding fits", "findings fit")
        return f"<Suggestion {self.rank}: {self.condition.name}, {self.strength}; {fit}>"


@record
class RedFlag:
    id: str
    message: str
    because: tuple[Symptom, ...]
    rules: tuple[str, ...]
    sources: tuple[Source, ...]
    level: str = "emergency"  # an urgency level id (data/urgency.yaml)
    action: str = ""  # what to do, in plain words
    title: str = ""

    def __repr__(self) -> str:
        """Short, for a Python shell (brief.py)."""
        return f"<RedFlag {self.id}: {self.level}; because of {first_few(s.label for s in self.because)}>"


@record
class InferredPattern:
    pattern: Pattern
    because: tuple[Symptom, ...]
    rules: tuple[str, ...]


@record
class TraceStep:
    number: int
    rule: str
    salience: int
    matched_present: tuple[str, ...]
    matched_absent: tuple[str, ...]
    conclusion: str  # "infer", "suggest" or "red_flag"
    target: str
    explanation: str
    sources: tuple[Source, ...]
    matched_labels: tuple[str, ...]  # display labels of matched_present, in the same order
    matched_absent_labels: tuple[str, ...]
    target_label: str
    group: str = ""  # the rule's group ("annotations"); outputs fold a group's firings per condition
    from_pack: bool = False  # a learner's rule from a rule pack (--rules), marked as theirs in every output


@record
class Result:
    recognized: tuple[Recognized, ...]
    unrecognized: tuple[Unrecognized, ...]
    absent: tuple[Recognized, ...]
    conflicting: tuple[Conflict, ...]
    red_flags: tuple[RedFlag, ...]
    patterns: tuple[InferredPattern, ...]
    suggestions: tuple[Suggestion, ...]
    trace: tuple[TraceStep, ...]
    disclaimer: str
    steps: tuple = ()  # EngineStep per firing (agenda, working memory), when explore() was asked to record them
    rule_pack: RulePack | None = None  # the learner's rule pack the knowledge included, said in every output

    def __repr__(self) -> str:
        """Short, for a Python shell (brief.py): the suggestions, the red flags and what was not used."""
        suggestions = counted_with_names((f"{s.condition.name} {s.strength}" for s in self.suggestions), "suggestion")
        flags = counted_with_names((f"{f.id}: {f.level}" for f in self.red_flags), "red flag")
        unused = len(self.unrecognized) + len(self.conflicting)
        return f"<Result: {suggestions}, {flags}" + (f", {counted(unused, 'input')} not used>" if unused else ">")

    @property
    def complete(self) -> bool:
        """True when every input was used: nothing unrecognized and nothing contradictory."""
        return not self.unrecognized and not self.conflicting

    @property
    def possible_urgent(self) -> tuple[tuple[str, Symptom], ...]:
        """(words, finding) for each urgent finding words left over may have meant, unless a red flag
        already names it: every output says so at the top, beside the red flags."""
        raised = {s.id for f in self.red_flags for s in f.because}
        return tuple((u.input, s) for u in self.unrecognized for s in u.maybe if s.id not in raised)

    @property
    def usable(self) -> bool:
        """True when at least one finding (present or absent) could be used."""
        return bool(self.recognized or self.absent)

    def to_dict(self) -> dict:
        """The JSON contract (schema_version 1), as plain data; "steps" only when they were recorded."""
        data = result_to_dict(self)
        if self.steps:
            data["steps"] = [step.to_dict() for step in self.steps]
        return data

    def _repr_html_(self) -> str:
        """How a notebook shows it: the same HTML as the handout (explorer.formats.html)."""
        from ..notebook import repr_html

        return repr_html(self)


def _urgency(result: Result) -> dict | None:
    """The highest urgency level among the red flags, with its action, or None when no flag was raised."""
    if not result.red_flags:
        return None
    top = result.red_flags[0]  # flags come highest level first
    return {"level": top.level, "label": URGENCY_LABELS[top.level], "action": top.action}


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


def _time_course(result: Result) -> list[dict]:
    """The time course and pattern values read (kind "course"), each with the findings it was said of
    (none: the whole picture), by dimension then id."""
    values = sorted(
        (r for r in result.recognized if r.symptom.kind == "course"), key=lambda r: (r.symptom.system, r.symptom.id)
    )
    return [
        {
            "dimension": r.symptom.system,
            "value": symptom_ref(r.symptom),
            "input": r.input,
            "qualifies": [symptom_ref(s) for s in r.mention.qualifies] if r.mention else [],
        }
        for r in values
    ]


def result_to_dict(result: Result) -> dict:
    data = {
        "schema_version": SCHEMA_VERSION,
        "recognized": [_recognized(r) for r in result.recognized],
        "unrecognized": [
            {
                "input": u.input,
                **unused_fields(u.did_you_mean, u.condition, u.negation, u.past, u.someone_else, u.explained),
                "may_have_meant": [symptom_ref(s) for s in u.maybe],
            }
            for u in result.unrecognized
        ],
        "absent": [_recognized(r) for r in result.absent],
        "conflicting": [{"inputs": list(c.inputs), "symptom": symptom_ref(c.symptom)} for c in result.conflicting],
        "urgency": _urgency(result),
        "possible_urgent": [
            {"input": words, "symptom": symptom_ref(s), "note": s.urgent_note} for words, s in result.possible_urgent
        ],
        "time_course": _time_course(result),
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
            | ({"from_pack": True} if t.from_pack else {})
            for t in result.trace
        ],
        "disclaimer": result.disclaimer,
    }
    if result.rule_pack is not None:  # an added key: output made without a pack is unchanged
        data["rule_pack"] = result.rule_pack.to_dict()
    return data
