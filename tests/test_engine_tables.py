"""Engine behaviour as tables: findings in, expected suggestions and red flags out."""

import json
import os
import subprocess
import sys

import pytest

from explorer import explore


def ids(result):
    return [s.condition.id for s in result.suggestions]


# The word is the evidence score's on the shipped knowledge (README, "How strength is decided"): findings
# that many of our conditions share, such as numbness and tingling, earn less than ones few share.
FIRST = [
    # the article's descriptions, in lay words
    (["dry eyes", "numbness"], [], "sjogren_syndrome", "moderate"),
    (["dry mouth", "pins and needles", "can't feel my feet"], [], "sjogren_syndrome", "moderate"),
    (["butterfly rash", "joint pain", "tired"], [], "systemic_lupus_erythematosus", "strong"),
    (["joint pain", "swollen joints", "morning stiffness"], [], "rheumatoid_arthritis", "strong"),
    (["muscle weakness", "tingling", "recent infection"], [], "guillain_barre_syndrome", "moderate"),
    (["double vision", "clumsy", "reduced reflexes", "recent infection"], [], "guillain_barre_syndrome", "strong"),
    (["numbness", "burning feet", "diabetes"], [], "diabetic_neuropathy", "strong"),
    (["tingling", "heavy drinking"], [], "alcohol_related_neuropathy", "moderate"),
    (["numbness", "solvent exposure"], [], "toxic_neuropathy", "moderate"),
    (["double vision", "clumsy", "tingling"], [], "multiple_sclerosis", "moderate"),
    (["numbness", "tingling"], [], "peripheral_neuropathy", "weak"),
    # clinical words
    (["xerostomia", "keratoconjunctivitis sicca", "paresthesia"], [], "sjogren_syndrome", "strong"),
    (["arthralgia", "joint swelling", "joint stiffness", "paraesthesia"], [], "rheumatoid_arthritis", "strong"),
]


@pytest.mark.parametrize("present,absent,expected,strength", FIRST)
def test_characteristic_combination_ranks_its_condition_first(kb, present, absent, expected, strength):
    result = explore(present, absent, kb=kb)
    assert result.unrecognized == ()
    assert ids(result)[0] == expected, [(s.condition.id, s.strength) for s in result.suggestions]
    assert result.suggestions[0].strength == strength


def test_suggestion_lists_supporting_missing_and_against(kb):
    result = explore(["dry eyes", "numbness"], ["dry mouth"], kb=kb)
    sjogren = result.suggestions[0]
    assert sjogren.condition.id == "sjogren_syndrome"
    assert {e.symptom.id for e in sjogren.supporting} == {"dry_eyes", "numbness"}
    assert [e.symptom.id for e in sjogren.against] == ["dry_mouth"]
    assert "dry_mouth" not in {e.symptom.id for e in sjogren.missing}
    assert "fatigue" in {e.symptom.id for e in sjogren.missing}
    # dry mouth is a hallmark of Sjögren's (very frequent): reported absent, it counts against it
    assert sjogren.lowered and sjogren.strength == "weak"
    assert explore(["dry eyes", "numbness"], kb=kb).suggestions[0].strength == "moderate"
    assert any(src.kind == "annotation" and src.ref == "ORPHA:289390" for src in sjogren.sources)


def test_article_and_annotation_links_are_told_apart(kb):
    result = explore(["dry eyes", "fatigue", "numbness"], kb=kb)
    sjogren = next(s for s in result.suggestions if s.condition.id == "sjogren_syndrome")
    links = {e.symptom.id: {(src.kind, src.ref, src.frequency) for src in e.links} for e in sjogren.supporting}
    assert ("annotation", "ORPHA:289390", "very frequent") in links["dry_eyes"]
    assert ("article", "Common Autoimmune Diseases Associated with Neuropathy", None) in links["dry_eyes"]
    assert links["fatigue"] == {("annotation", "ORPHA:289390", "frequent")}


def test_risk_factor_steers_toward_its_cause(kb):
    plain = explore(["numbness", "tingling"], kb=kb)
    with_diabetes = explore(["numbness", "tingling", "history of diabetes"], kb=kb)
    assert "diabetic_neuropathy" not in ids(plain)
    assert ids(with_diabetes)[0] == "diabetic_neuropathy"


@pytest.mark.parametrize(
    "finding,flag",
    [
        ("trouble breathing", "breathing"),
        ("difficulty swallowing", "swallowing"),
        ("weakness getting worse quickly", "spreading_weakness"),
        ("paralysis", "paralysis"),
    ],
)
def test_urgent_findings_raise_their_red_flag(kb, finding, flag):
    result = explore(["tingling", finding], kb=kb)
    assert [f.id for f in result.red_flags] == [flag]
    assert result.red_flags[0].because[0].id in {s.id for s in kb.symptoms.values()}


@pytest.mark.parametrize(
    "findings",
    [
        ["numbness", "tingling"],
        ["dry eyes", "dry mouth"],
        ["joint pain", "fatigue"],
        ["weakness", "recent infection"],
        ["gritty eyes"],
    ],
)
def test_non_urgent_findings_raise_no_red_flag(kb, findings):
    assert explore(findings, kb=kb).red_flags == ()


def test_reported_absent_red_flag_finding_raises_nothing(kb):
    assert explore(["tingling"], ["trouble breathing"], kb=kb).red_flags == ()


def test_chaining_goes_symptom_pattern_pattern_condition(kb):
    result = explore(["numbness"], kb=kb)
    steps = [(s.rule, s.matched_present, s.target) for s in result.trace]
    assert steps[:3] == [
        ("pattern.sensory", ("numbness",), "sensory_nerve_symptoms"),
        ("pattern.peripheral", ("sensory_nerve_symptoms",), "peripheral_nerve_involvement"),
        ("neuropathy.nerve-involvement", ("peripheral_nerve_involvement",), "peripheral_neuropathy"),
    ]


def test_same_result_whatever_the_input_order(kb):
    findings = ["weakness", "tingling", "recent infection", "dry eyes", "joint pain", "fatigue"]
    first = explore(findings, ["fever"], kb=kb)
    assert explore(list(reversed(findings)), ["fever"], kb=kb) == first


@pytest.mark.slow
def test_same_bytes_whatever_the_hash_seed():
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "explorer",
                "match",
                "--format",
                "json",
                "weakness",
                "tingling",
                "recent infection",
                "dry eyes",
                "joint pain",
                "fatigue",
                "butterfly rash",
            ],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["trace"]


def test_conflicting_finding_is_left_out_and_reported(kb):
    result = explore(["numbness", "dry eyes"], ["Numbness"], kb=kb)
    assert [c.symptom.id for c in result.conflicting] == ["numbness"]
    assert "numbness" not in {r.symptom.id for r in result.recognized}
    assert ids(result)[0] == "sjogren_syndrome"
    assert not result.complete


def test_engine_is_reused_between_queries(kb):
    from explorer.reasoning.engine import engine_for

    assert engine_for(kb) is engine_for(kb)
