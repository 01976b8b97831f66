"""What people type resolves to findings: case, spacing, punctuation, accents, lay and clinical words."""

import pytest

from explorer import explore
from explorer.knowledge.catalog import find_condition
from explorer.knowledge.text import normalize
from explorer.language.vocabulary import Vocabulary, split_inputs


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sjögren's  Syndrome", "sjogrens syndrome"),
        ("  PINS-and-needles!! ", "pins and needles"),
        ("can’t feel my feet", "cant feel my feet"),
        ("Guillain–Barré", "guillain barre"),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "text,finding",
    [
        ("numbness", "numbness"),
        ("NUMB", "numbness"),
        ("can't feel my feet", "numbness"),
        ("Hypoesthesia", "numbness"),
        ("pins and needles", "tingling"),
        ("Paresthesia", "tingling"),
        ("paraesthesia", "tingling"),
        ("dry eye", "dry_eyes"),
        ("Keratoconjunctivitis sicca", "dry_eyes"),
        ("xerostomia", "dry_mouth"),
        ("Arthralgia", "joint_pain"),
        ("Diplopia", "double_vision"),
        ("history of diabetes", "diabetes"),
        ("I have numbness", "numbness"),
        ("shortness of breath", "trouble_breathing"),
        ("Raynaud's", "raynaud"),
        ("swollen joints", "joint_swelling"),
        ("butterfly rash", "butterfly_rash"),
        ("heavy drinking", "heavy_alcohol_use"),
        ("recent flu", "recent_infection"),
        ("HP:0003401", "tingling"),
        ("hp:0000217", "dry_mouth"),
        ("had the flu last week", "recent_infection"),
        ("numbness lately", "numbness"),
        ("I've been getting muscle aches", "muscle_pain"),
    ],
)
def test_lay_and_clinical_words_resolve(kb, text, finding):
    resolved = Vocabulary(kb).resolve(text)
    assert resolved.symptom is not None and resolved.symptom.id == finding


@pytest.mark.parametrize(
    "typo,expected",
    [("numbnes", "numbness"), ("tingeling", "tingling"), ("dry eyez", "dry_eyes"), ("joint pian", "joint_pain")],
)
def test_unknown_input_gets_close_matches(kb, typo, expected):
    resolved = Vocabulary(kb).resolve(typo)
    assert resolved.symptom is None
    assert expected in [s.id for s in resolved.did_you_mean]


def test_unrecognized_input_is_reported_not_dropped(kb):
    result = explore(["numbness", "glowing toenails"], kb=kb)
    assert [u.input for u in result.unrecognized] == ["glowing toenails"]
    assert [r.symptom.id for r in result.recognized] == ["numbness"]
    assert result.suggestions


def test_commas_separate_several_findings():
    assert split_inputs(["numbness, dry eyes", "tingling;fatigue", " "]) == [
        "numbness",
        "dry eyes",
        "tingling",
        "fatigue",
    ]


@pytest.mark.parametrize(
    "query,condition",
    [
        ("sjogren", "sjogren_syndrome"),
        ("SJÖGREN", "sjogren_syndrome"),
        ("SLE", "systemic_lupus_erythematosus"),
        ("gbs", "guillain_barre_syndrome"),
        ("Guillain Barre", "guillain_barre_syndrome"),
        ("ms", "multiple_sclerosis"),
        ("ORPHA:536", "systemic_lupus_erythematosus"),
    ],
)
def test_conditions_found_by_alias(kb, query, condition):
    assert find_condition(kb, query).id == condition


def test_a_condition_name_given_as_a_finding_points_to_its_card(kb):
    result = explore(["Sjögren", "numbness"], kb=kb)
    (entry,) = result.unrecognized
    assert entry.input == "Sjögren" and entry.condition.id == "sjogren_syndrome"
    from explorer.formats.common import input_notes

    assert any(
        "Sjögren's syndrome is a condition, not a finding: read its card with "
        "`symptom-explorer show sjogren_syndrome`" in note
        for note in input_notes(result)
    )
