"""One case from a parsed mapping: our own case shape, or a GA4GH Phenopacket."""

from ..knowledge.records import KnowledgeBase
from ..knowledge.vocabulary import split_inputs, vocabulary_for
from .records import Case, CaseError, Expectation

CASE_KEYS = {"id", "symptoms", "absent", "unsure", "note", "expect"}


def case_from_mapping(data, line: int, kb: KnowledgeBase, ordinal: int) -> Case | CaseError:
    if not isinstance(data, dict):
        return CaseError(None, line, f"expected a case (a mapping with id, symptoms, absent), got {_kind(data)}")
    if "phenotypicFeatures" in data:
        return _phenopacket(data, line, kb, ordinal)
    identifier = case_id(data.get("id"), ordinal)
    unknown = sorted(str(k) for k in data if k not in CASE_KEYS)
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
    note = data.get("note") if isinstance(data.get("note"), str) else ""
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


def _phenopacket(data, line, kb, ordinal) -> Case | CaseError:
    """GA4GH Phenopacket: phenotypicFeatures with HPO ids; ``excluded: true`` means reported absent."""
    identifier = case_id(data.get("id"), ordinal)
    features = data.get("phenotypicFeatures")
    if not isinstance(features, list):
        return CaseError(identifier, line, "phenotypicFeatures must be a list")
    vocabulary = vocabulary_for(kb)
    present, absent = [], []
    for index, feature in enumerate(features):
        term = feature.get("type") if isinstance(feature, dict) else None
        if not isinstance(term, dict) or not isinstance(term.get("id"), str):
            return CaseError(identifier, line, f"phenotypicFeatures[{index}] needs type.id (an HPO id)")
        # Known HPO ids resolve directly; for others the label may still name a finding we know.
        text = term["id"]
        if vocabulary.resolve(text).symptom is None and isinstance(term.get("label"), str):
            text = term["label"]
        (absent if feature.get("excluded") is True else present).append(text)
    if not present and not absent:
        return CaseError(identifier, line, "the phenopacket has no phenotypicFeatures")
    return Case(identifier, line, tuple(present), tuple(absent))


def _findings(value):
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(split_inputs([value]))
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(split_inputs(value))
    return None


def case_id(value, ordinal) -> str:
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return f"case-{ordinal}"


def _kind(value) -> str:
    return {list: "a list", str: "text", type(None): "nothing"}.get(type(value), type(value).__name__)
