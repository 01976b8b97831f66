"""One case from a parsed mapping: our own case shape, or a GA4GH Phenopacket (phenopacket.py)."""

from ..knowledge.catalog import close_conditions, find_condition
from ..knowledge.quoting import shown
from ..knowledge.records import KnowledgeBase
from ..language.time_course import course_findings, course_value
from ..limits import MAX_ID_CHARS, findings_problem, is_clean_text
from .phenopacket import phenopacket_case
from .records import Case, CaseError, Expectation

CASE_KEYS = {"id", "symptoms", "absent", "unsure", "note", "expect"}


def case_from_mapping(data, line: int, kb: KnowledgeBase, ordinal: int) -> Case | CaseError:
    if not isinstance(data, dict):
        return CaseError(None, line, f"expected a case (a mapping with id, symptoms, absent), got {_kind(data)}")
    if "phenotypicFeatures" in data:
        return phenopacket_case(data, line, kb, case_id(data.get("id"), ordinal))
    identifier = case_id(data.get("id"), ordinal)
    dimensions = kb.time_course.dimensions  # onset, course, spread, symmetry, severity
    unknown = sorted(shown(k, quote=False) for k in data if k not in CASE_KEYS and k not in dimensions)  # names only
    if unknown:
        allowed = ", ".join(sorted(CASE_KEYS | set(dimensions)))
        return CaseError(identifier, line, f"unknown key(s) {', '.join(unknown)} (allowed: {allowed})")
    course = course_texts(data, kb)
    if isinstance(course, str):
        return CaseError(identifier, line, course)
    present, absent = _findings(data.get("symptoms")), _findings(data.get("absent"))
    unsure = _findings(data.get("unsure"))
    for key, value in (("symptoms", present), ("absent", absent), ("unsure", unsure)):
        if value is None:
            return CaseError(identifier, line, f"'{key}' must be a list of findings or a comma-separated text")
    if not present and not absent:
        return CaseError(identifier, line, "no findings: give 'symptoms' (and optionally 'absent')")
    note = data.get("note")
    note = note if isinstance(note, str) else ""
    expect = _expectation(data.get("expect"), kb)
    if isinstance(expect, str):
        return CaseError(identifier, line, expect)
    return Case(identifier, line, present + course, absent, note, unsure, expect)


def course_texts(data: dict, kb: KnowledgeBase) -> tuple[str, ...] | str:
    """The time course values a case gives in its own fields ("onset: acute", "spread: ascending, from
    feet"), as the labels explore() reads; the problem as text when a value is not one of its dimension's."""
    out = []
    for dimension in kb.time_course.dimensions:
        value = data.get(dimension)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            first = next(s for s in course_findings(kb) if s.system == dimension)
            return f"'{dimension}' must be text, such as {dimension}: {first.id.removeprefix(dimension + '_')}"
        for part in (p for p in value.split(",") if p.strip()):
            try:
                out.append(course_value(kb, dimension, part).label)
            except ValueError as exc:
                return f"'{dimension}': {exc}"
    return tuple(out)


def _expectation(value, kb: KnowledgeBase) -> Expectation | str | None:
    """A teacher's expected answer: ``{first: condition, red_flags: [red flag ids]}``; text when invalid.
    The condition may be named as `show` takes it (id, name, alias or code) and is kept as its id."""
    if value is None:
        return None
    usage = "'expect' must be a mapping such as {first: sjogren_syndrome, red_flags: [breathing]}"
    if not isinstance(value, dict) or set(value) - {"first", "red_flags"}:
        return usage
    first, flags = value.get("first", ""), value.get("red_flags", [])
    if not isinstance(first, str) or not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        return usage
    if first.strip():
        found = find_condition(kb, first)
        if found is None:
            near = ", ".join(c.id for c in close_conditions(kb, first))
            hint = f" (did you mean: {near}?)" if near else " (list them with: symptom-explorer conditions)"
            return f"'expect': no condition called {shown(first)}{hint}"
        first = found.id
    unknown = [flag for flag in flags if flag not in kb.red_flags]
    if unknown:
        return f"'expect': no red flag called {shown(unknown[0])} (the ids: {', '.join(kb.red_flags)})"
    return Expectation(first, tuple(sorted(flags)))


def checked(case: Case) -> Case | CaseError:
    """The case, or a CaseError naming the limit it breaks (too many or too long findings, text that
    is not valid UTF-8)."""
    problem = findings_problem(case.present, case.absent, case.unsure)
    if problem is None and not is_clean_text(case.note):
        problem = "the note is not valid text (a byte that is not UTF-8, or a lone surrogate)"
    if problem is None:
        return case
    return CaseError(case.id, case.line, problem)


def _findings(value):
    if value is None:
        return ()
    # Each text stays whole: the parser splits lists itself and keeps a negation's scope across commas
    # ("no fever, rash or joint pain").
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v for v in value if v.strip())
    return None


def case_id(value, ordinal) -> str:
    """The case's id as given, or case-N. An id too long or not valid text is replaced by a safe one
    (never echoed), so the case can still be reported."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**MAX_ID_CHARS:
        return str(value)
    if isinstance(value, str) and value.strip():
        text = value.strip()
        if len(text) <= MAX_ID_CHARS and is_clean_text(text):
            return text
        return f"case-{ordinal} (its id is not usable: over {MAX_ID_CHARS} characters or not valid text)"
    return f"case-{ordinal}"


def _kind(value) -> str:
    return {list: "a list", str: "text", type(None): "nothing"}.get(type(value), type(value).__name__)
