"""One case from a parsed mapping: our own case shape, or a GA4GH Phenopacket."""

from ..knowledge.parser import parse
from ..knowledge.records import KnowledgeBase
from .records import Case, CaseError

CASE_KEYS = {"id", "symptoms", "absent", "unsure", "note"}


def case_from_mapping(data, line: int, kb: KnowledgeBase, ordinal: int) -> Case | CaseError:
    if not isinstance(data, dict):
        return CaseError(None, line, f"expected a case (a mapping with id, symptoms, absent), got {_kind(data)}")
    if "phenotypicFeatures" in data:
        return _phenopacket(data, line, kb, ordinal)
    identifier = case_id(data.get("id"), ordinal)
    unknown = sorted(str(k) for k in data if k not in CASE_KEYS)
    if unknown:
        return CaseError(
            identifier, line, f"unknown key(s) {', '.join(unknown)} (allowed: absent, id, note, symptoms, unsure)"
        )
    present, absent = _findings(data.get("symptoms")), _findings(data.get("absent"))
    unsure = _findings(data.get("unsure"))
    for key, value in (("symptoms", present), ("absent", absent), ("unsure", unsure)):
        if value is None:
            return CaseError(identifier, line, f"'{key}' must be a list of findings or a comma-separated text")
    if not present and not absent:
        return CaseError(identifier, line, "no findings: give 'symptoms' (and optionally 'absent')")
    note = data.get("note") if isinstance(data.get("note"), str) else ""
    return Case(identifier, line, present, absent, note, unsure)


def _phenopacket(data, line, kb, ordinal) -> Case | CaseError:
    """GA4GH Phenopacket: phenotypicFeatures with HPO ids; ``excluded: true`` means reported absent."""
    identifier = case_id(data.get("id"), ordinal)
    features = data.get("phenotypicFeatures")
    if not isinstance(features, list):
        return CaseError(identifier, line, "phenotypicFeatures must be a list")
    present, absent = [], []
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
        term = onset.get("ontologyClass") if isinstance(onset.get("ontologyClass"), dict) else onset
        ids.add(term.get("id"))
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
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return f"case-{ordinal}"


def _kind(value) -> str:
    return {list: "a list", str: "text", type(None): "nothing"}.get(type(value), type(value).__name__)
