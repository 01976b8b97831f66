"""One case from a parsed mapping: our own case shape, or a GA4GH Phenopacket."""

from ..knowledge.records import KnowledgeBase
from ..language.parser import parse
from ..limits import MAX_ID_CHARS, findings_problem, is_clean_text
from .records import Case, CaseError, Expectation

CASE_KEYS = {"id", "symptoms", "absent", "unsure", "note", "expect"}


def case_from_mapping(data, line: int, kb: KnowledgeBase, ordinal: int) -> Case | CaseError:
    if not isinstance(data, dict):
        return CaseError(None, line, f"expected a case (a mapping with id, symptoms, absent), got {_kind(data)}")
    if "phenotypicFeatures" in data:
        return _phenopacket(data, line, kb, ordinal)
    identifier = case_id(data.get("id"), ordinal)
    unknown = sorted(str(k) or '""' for k in data if k not in CASE_KEYS)  # an empty key is shown, not blank
    if unknown:
        return CaseError(
            identifier,
            line,
            f"unknown key(s) {', '.join(unknown)} (allowed: absent, expect, id, note, symptoms, unsure)",
        )
    present, absent = _findings(data.get("symptoms")), _findings(data.get("absent"))
    unsure = _findings(data.get("unsure"))
    for key, value in (("symptoms", present), ("absent", absent), ("unsure", unsure)):
        if value is None:
            return CaseError(identifier, line, f"'{key}' must be a list of findings or a comma-separated text")
    if not present and not absent:
        return CaseError(identifier, line, "no findings: give 'symptoms' (and optionally 'absent')")
    note = data.get("note")
    note = note if isinstance(note, str) else ""
    expect = _expectation(data.get("expect"))
    if isinstance(expect, str):
        return CaseError(identifier, line, expect)
    return Case(identifier, line, present, absent, note, unsure, expect)


def _expectation(value) -> Expectation | str | None:
    """A teacher's expected answer: ``{first: condition id, red_flags: [red flag ids]}``; text when invalid."""
    if value is None:
        return None
    usage = "'expect' must be a mapping such as {first: sjogren_syndrome, red_flags: [breathing]}"
    if not isinstance(value, dict) or set(value) - {"first", "red_flags"}:
        return usage
    first, flags = value.get("first", ""), value.get("red_flags", [])
    if not isinstance(first, str) or not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        return usage
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


def _phenopacket(data, line, kb, ordinal) -> Case | CaseError:
    """GA4GH Phenopacket: phenotypicFeatures with HPO ids; ``excluded: true`` means reported absent."""
    identifier = case_id(data.get("id"), ordinal)
    features = data.get("phenotypicFeatures")
    if not isinstance(features, list):
        return CaseError(identifier, line, "phenotypicFeatures must be a list")
    present: list[str] = []
    absent: list[str] = []
    for index, feature in enumerate(features):
        term = feature.get("type") if isinstance(feature, dict) else None
        if not isinstance(term, dict) or not isinstance(term.get("id"), str):
            return CaseError(identifier, line, f"phenotypicFeatures[{index}] needs type.id (an HPO id)")
        # A modifier or onset (e.g. Rapidly progressive) may name a finding of its own, often an urgent one;
        # otherwise the parser reads the id (ours, or one below a finding in the HPO index); failing that, the
        # label may still name a finding we know.
        text = _modified_finding(kb, term["id"], _modifier_ids(feature)) or term["id"]
        if not parse(text, kb).mentions and isinstance(term.get("label"), str):
            text = term["label"]
        (absent if feature.get("excluded") is True else present).append(text)
    if not present and not absent:
        return CaseError(identifier, line, "the phenopacket has no phenotypicFeatures")
    return Case(identifier, line, tuple(present), tuple(absent))


def _modifier_ids(feature: dict) -> set:
    """HPO ids of a feature's modifiers and of its onset (Phenopacket v2 ontologyClass, or a plain term)."""
    ids = {m.get("id") for m in feature.get("modifiers") or () if isinstance(m, dict)}
    onset = feature.get("onset")
    if isinstance(onset, dict):
        term = onset.get("ontologyClass")
        ids.add((term if isinstance(term, dict) else onset).get("id"))
    return {i for i in ids if isinstance(i, str)}


def _modified_finding(kb: KnowledgeBase, term_id: str, modifiers: set) -> str | None:
    """The label of the finding whose HPO term and modifier are ``term_id`` plus one of ``modifiers``."""
    for symptom in sorted(kb.symptoms.values(), key=lambda s: s.id):
        if symptom.hpo and symptom.hpo_modifier and symptom.hpo.id == term_id and symptom.hpo_modifier.id in modifiers:
            return symptom.label
    return None


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
