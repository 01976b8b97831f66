"""One case from a GA4GH Phenopacket: ``phenotypicFeatures`` with HPO ids, ``excluded: true`` meaning
reported absent, and a feature's ``onset`` and ``modifiers`` read as time course and pattern values when
their HPO term is one's (Acute, Chronic, Recurrent, Bilateral...: data/time_course.yaml). Every field the
reader uses is checked for its type first, so a wrong one (``excluded: "yes"``) is refused with its path
(``phenotypicFeatures[2].excluded: must be true or false, got text``) instead of being read as something
else; values are described, never quoted."""

from ..knowledge.quoting import described
from ..knowledge.records import KnowledgeBase
from ..language.parser import parse
from .records import Case, CaseError

_TEXT, _FLAG, _TERM = "must be text", "must be true or false", "must be a mapping such as {id: HP:0001250}"


def phenopacket_case(data: dict, line: int, kb: KnowledgeBase, identifier: str) -> Case | CaseError:
    problem = phenopacket_problem(data)
    if problem:
        return CaseError(identifier, line, problem)
    present: list[str] = []
    absent: list[str] = []
    for feature in data["phenotypicFeatures"]:
        term = feature["type"]
        # A modifier or onset (e.g. Rapidly progressive) may name a finding of its own, often an urgent one;
        # otherwise the parser reads the id (ours, or one below a finding in the HPO index); failing that, the
        # label may still name a finding we know.
        modified = _modified_finding(kb, term["id"], _modifier_ids(feature))
        text = modified or term["id"]
        if not parse(text, kb).mentions and _given(term, "label"):
            text = term["label"]
        (absent if feature.get("excluded") else present).append(text)
        if not feature.get("excluded") and not modified:
            present.extend(c for c in _course_values(kb, _modifier_ids(feature)) if c not in present)
    if not present and not absent:
        return CaseError(identifier, line, "the phenopacket has no phenotypicFeatures")
    return Case(identifier, line, tuple(present), tuple(absent))


def phenopacket_problem(data: dict) -> str | None:
    """The first field of the wrong type, as ``path: what it must be, got what it is``; None if all are right."""
    if _given(data, "id") and not isinstance(data["id"], str):
        return _wrong("id", _TEXT, data["id"])
    features = data["phenotypicFeatures"]
    if not isinstance(features, list):
        return _wrong("phenotypicFeatures", "must be a list of features", features)
    for index, feature in enumerate(features):
        problem = _feature_problem(f"phenotypicFeatures[{index}]", feature)
        if problem:
            return problem
    return None


def _feature_problem(where: str, feature) -> str | None:
    if not isinstance(feature, dict):
        return _wrong(where, "must be a mapping with type.id (an HPO id)", feature)
    if "type" not in feature:
        return f"{where}: needs type.id (an HPO id)"
    if problem := _term_problem(f"{where}.type", feature["type"], required=True):
        return problem
    if _given(feature, "excluded") and not isinstance(feature["excluded"], bool):
        return _wrong(f"{where}.excluded", _FLAG, feature["excluded"])
    if _given(feature, "modifiers"):
        if not isinstance(feature["modifiers"], list):
            return _wrong(f"{where}.modifiers", "must be a list of terms", feature["modifiers"])
        for number, modifier in enumerate(feature["modifiers"]):
            if problem := _term_problem(f"{where}.modifiers[{number}]", modifier, required=True):
                return problem
    return _onset_problem(f"{where}.onset", feature["onset"]) if _given(feature, "onset") else None


def _given(mapping: dict, key: str) -> bool:
    # Phenopacket JSON is protobuf JSON, where null stands for a field left out.
    return mapping.get(key) is not None


def _onset_problem(where: str, onset) -> str | None:
    """An onset is a mapping: a Phenopacket v2 time element (its ontologyClass a term, other kinds such
    as an age not used here) or a v1 plain term."""
    if not isinstance(onset, dict):
        return _wrong(where, "must be a mapping (a time element or a term)", onset)
    if "ontologyClass" in onset:
        return _term_problem(f"{where}.ontologyClass", onset["ontologyClass"], required=True)
    return _term_problem(where, onset, required=False)


def _term_problem(where: str, term, required: bool) -> str | None:
    if not isinstance(term, dict):
        return _wrong(where, _TERM, term)
    if "id" not in term:
        return f"{where}: needs an id (such as HP:0001250)" if required else None
    if not isinstance(term["id"], str) or not term["id"].strip():
        return _wrong(f"{where}.id", "must be an ontology id such as HP:0001250", term["id"])
    if _given(term, "label") and not isinstance(term["label"], str):
        return _wrong(f"{where}.label", _TEXT, term["label"])
    return None


def _wrong(where: str, must: str, value) -> str:
    return f"{where}: {must}, got {described(value)}"


def _modifier_ids(feature: dict) -> set:
    """HPO ids of a feature's modifiers and of its onset (Phenopacket v2 ontologyClass, or a plain term)."""
    ids = {m["id"] for m in feature.get("modifiers") or ()}
    onset = feature.get("onset")
    if onset is not None:
        ids.add(onset.get("ontologyClass", onset).get("id"))
    return {i for i in ids if isinstance(i, str)}


def _modified_finding(kb: KnowledgeBase, term_id: str, modifiers: set) -> str | None:
    """The label of the finding whose HPO term and modifier are ``term_id`` plus one of ``modifiers``."""
    for symptom in sorted(kb.symptoms.values(), key=lambda s: s.id):
        if symptom.hpo and symptom.hpo_modifier and symptom.hpo.id == term_id and symptom.hpo_modifier.id in modifiers:
            return symptom.label
    return None


def _course_values(kb: KnowledgeBase, term_ids: set) -> list[str]:
    """The labels of the time course values (kind "course") whose HPO term is one of ``term_ids``."""
    return sorted(s.label for s in kb.symptoms.values() if s.kind == "course" and s.hpo and s.hpo.id in term_ids)
