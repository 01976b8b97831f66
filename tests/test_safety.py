"""Safety as tables: every urgent presentation raises the right urgency level, ordinary ones raise none;
every red flag has a level, an action and a source; cards' "when to seek care" agree with the flags."""

import json
import re

import pytest
from click.testing import CliRunner

from explorer import explore
from explorer.cases.mapping import case_from_mapping
from explorer.cli import cli
from explorer.knowledge.catalog import flags_for

EMERGENCY, SAME_DAY = "emergency", "same_day"

# (what a person types, red flag expected, its level, needs the parser)
URGENT = [
    # trouble breathing
    ("I can't breathe", "breathing", EMERGENCY),
    ("can't breathe", "breathing", EMERGENCY),
    ("difficulty breathing", "breathing", EMERGENCY),
    ("struggling to breathe", "breathing", EMERGENCY),
    ("gasping for air", "breathing", EMERGENCY),
    ("dyspnoea", "breathing", EMERGENCY),
    # trouble swallowing
    ("can't swallow", "swallowing", EMERGENCY),
    ("choking when I eat", "swallowing", EMERGENCY),
    ("food gets stuck", "swallowing", EMERGENCY),
    ("dysphagia", "swallowing", EMERGENCY),
    # weakness spreading over hours or days
    ("weakness spreading up my legs", "spreading_weakness", EMERGENCY),
    ("legs getting weaker every day", "spreading_weakness", EMERGENCY),
    ("getting weaker every day", "spreading_weakness", EMERGENCY),
    ("ascending weakness", "spreading_weakness", EMERGENCY),
    ("rapidly progressive weakness", "spreading_weakness", EMERGENCY),
    ("muscle weakness getting worse every day", "spreading_weakness", EMERGENCY),
    ("weak legs getting worse quickly", "spreading_weakness", EMERGENCY),
    # paralysis
    ("paralysed legs", "paralysis", EMERGENCY),
    ("can't move my legs", "paralysis", EMERGENCY),
    ("paralysis", "paralysis", EMERGENCY),
    ("tetraplegia", "paralysis", EMERGENCY),
    # sudden weakness or drooping of one side of the face or body
    ("face drooping on one side", "one_sided_weakness", EMERGENCY),
    ("crooked smile", "one_sided_weakness", EMERGENCY),
    ("facial palsy", "one_sided_weakness", EMERGENCY),
    ("sudden weakness on one side", "one_sided_weakness", EMERGENCY),
    ("can't lift my arm", "one_sided_weakness", EMERGENCY),
    ("hemiparesis", "one_sided_weakness", EMERGENCY),
    # sudden loss of vision
    ("sudden loss of vision in one eye", "vision_loss", EMERGENCY),
    ("vision loss in one eye", "vision_loss", EMERGENCY),
    ("sudden blurred vision", "vision_loss", EMERGENCY),
    ("can't see out of one eye", "vision_loss", EMERGENCY),
    ("amaurosis", "vision_loss", EMERGENCY),
    # new loss of bladder or bowel control
    ("loss of bladder or bowel control", "bladder_bowel", EMERGENCY),
    ("loss of bladder control", "bladder_bowel", EMERGENCY),
    ("loss of bowel control", "bladder_bowel", EMERGENCY),
    ("faecal incontinence", "bladder_bowel", EMERGENCY),
    # chest pain
    ("sharp chest pain", "chest_pain", EMERGENCY),
    ("crushing chest pain", "chest_pain", EMERGENCY),
    ("pleurisy", "chest_pain", EMERGENCY),
    # see a doctor within a day
    ("double vision", "double_vision", SAME_DAY),
    ("seeing double", "double_vision", SAME_DAY),
    ("diplopia", "double_vision", SAME_DAY),
    ("numbness spreading up my legs", "spreading_numbness", SAME_DAY),
    ("numbness getting worse every day", "spreading_numbness", SAME_DAY),
    ("ascending numbness", "spreading_numbness", SAME_DAY),
    ("pins and needles getting worse every day", "spreading_numbness", SAME_DAY),
    ("numb feet spreading", "spreading_numbness", SAME_DAY),
    ("painful eye movements", "painful_vision", SAME_DAY),
    ("optic neuritis", "painful_vision", SAME_DAY),
    # sentences: only the free-text parser can read these
    ("my legs have been getting weaker every day this week", "spreading_weakness", EMERGENCY),
    ("the weakness is spreading from my feet up to my knees", "spreading_weakness", EMERGENCY),
    ("I keep choking on my food when I eat", "swallowing", EMERGENCY),
    ("my face has dropped on the left side", "one_sided_weakness", EMERGENCY),
    ("I suddenly can't see out of my left eye", "vision_loss", EMERGENCY),
    ("I have wet myself and did not feel it", "bladder_bowel", EMERGENCY),
    ("the numbness has crept up to my knees since Monday", "spreading_numbness", SAME_DAY),
    # lay wordings that once raised nothing
    ("suddenly blind in one eye", "vision_loss", EMERGENCY),
    ("my legs have been getting weaker all week", "spreading_weakness", EMERGENCY),
    ("I can't walk anymore", "paralysis", EMERGENCY),
    ("my chest hurts", "chest_pain", EMERGENCY),
    ("I can't pee", "bladder_bowel", EMERGENCY),
    ("tingling spreading fast", "spreading_numbness", SAME_DAY),
    ("out of breath", "breathing", EMERGENCY),
    # a negation does not run on past a comma or dash into a new clause
    ("no fever, trouble breathing", "breathing", EMERGENCY),
    ("no fever, can't swallow", "swallowing", EMERGENCY),
    ("no fever - can't breathe", "breathing", EMERGENCY),
    ("without fever, weakness spreading up my legs", "spreading_weakness", EMERGENCY),
    ("denies fever, reports double vision", "double_vision", SAME_DAY),
    ("no fever, has numbness spreading up my legs", "spreading_numbness", SAME_DAY),
    # everyday wordings a reviewer found raising nothing
    ("my legs are getting weaker", "spreading_weakness", EMERGENCY),
    ("my weakness is getting worse", "spreading_weakness", EMERGENCY),
    ("weakness worse each day", "spreading_weakness", EMERGENCY),
    ("weak legs getting worse", "spreading_weakness", EMERGENCY),
    ("weakness climbing up my legs", "spreading_weakness", EMERGENCY),
    ("weakness moving up my legs", "spreading_weakness", EMERGENCY),  # "going up": test_reader_concepts.py
    ("weaker and weaker", "spreading_weakness", EMERGENCY),
    ("my legs keep getting weaker", "spreading_weakness", EMERGENCY),
    ("weakness in my arm and leg on one side", "one_sided_weakness", EMERGENCY),
    ("my arm and leg on one side are weak", "one_sided_weakness", EMERGENCY),
    ("lost vision", "vision_loss", EMERGENCY),
    ("suddenly can't see", "vision_loss", EMERGENCY),
    ("one eye went dark", "vision_loss", EMERGENCY),
    ("my face is lopsided", "one_sided_weakness", EMERGENCY),
    ("my mouth droops", "one_sided_weakness", EMERGENCY),
    ("my legs stopped working", "paralysis", EMERGENCY),
    ("my legs won't work", "paralysis", EMERGENCY),
    ("food goes down the wrong way", "swallowing", EMERGENCY),
    ("I'm choking", "swallowing", EMERGENCY),
    ("weakness in my legs and face drooping", "one_sided_weakness", EMERGENCY),
]

# Texts with words the explorer does not know ("rash", "dizzy"), where the cue before a comma once made
# the urgent finding after it absent: (text, red flag, level, the finding that must be present).
NEGATION_SCOPE = [
    ("no rash, trouble breathing", "breathing", EMERGENCY, "trouble_breathing"),
    ("not dizzy, my face is drooping on one side", "one_sided_weakness", EMERGENCY, "face_drooping"),
    ("no rash - crushing chest pain", "chest_pain", EMERGENCY, "chest_pain"),
    ("no fever, rash, i cant swallow", "swallowing", EMERGENCY, "trouble_swallowing"),
]


@pytest.mark.parametrize("text,flag,level,finding", NEGATION_SCOPE, ids=[row[0] for row in NEGATION_SCOPE])
def test_a_negation_before_a_comma_never_hides_an_urgent_finding(kb, text, flag, level, finding):
    result = explore([text], kb=kb)
    assert finding in [r.symptom.id for r in result.recognized]
    assert finding not in [r.symptom.id for r in result.absent]
    assert [(f.id, f.level) for f in result.red_flags] == [(flag, level)]


ORDINARY = [
    ["numbness"],
    ["tingling"],
    ["pins and needles"],
    ["burning feet"],
    ["painful to touch"],
    ["dry eyes"],
    ["gritty eyes"],
    ["dry mouth"],
    ["xerostomia"],
    ["swollen glands in my cheeks"],
    ["dry skin"],
    ["vaginal dryness"],
    ["joint pain"],
    ["swollen joints"],
    ["morning stiffness"],
    ["arthralgia"],
    ["tired"],
    ["fatigue"],
    ["fever"],
    ["losing weight"],
    ["hair loss"],
    ["butterfly rash"],
    ["sun sensitivity"],
    ["mouth ulcer"],
    ["white fingers"],
    ["feeling down"],
    ["muscle aches"],
    ["muscle spasms"],
    ["muscle cramps"],
    ["stiff muscles"],
    ["spastic legs"],
    ["weakness"],
    ["feeling weak"],
    ["muscle weakness"],
    ["weak legs"],
    ["reduced reflexes"],
    ["unsteady walking"],
    ["clumsy"],
    ["leaking urine"],
    ["weak urine stream"],
    ["diabetes"],
    ["heavy drinking"],
    ["recent flu"],
    ["solvent exposure"],
    ["weakness", "flu"],
    ["weak legs", "flu"],
    ["numbness", "tingling", "diabetes"],
    ["dry eyes", "dry mouth", "joint pain"],
    # a symptom named as a past event is set aside, not read as current (its note is still shown)
    ["I had chest pain years ago"],
    ["I used to get chest pain", "numbness"],
    ["past history of double vision"],
]


def test_the_tables_are_large_enough(kb):
    assert len(URGENT) >= 40
    assert len(ORDINARY) >= 40
    assert {level for _, _, level in URGENT} == set(kb.urgency_levels)


@pytest.mark.parametrize("text,flag,level", URGENT, ids=[text for text, *_ in URGENT])
def test_urgent_presentation_raises_its_level(kb, text, flag, level):
    result = explore([text], kb=kb)
    assert result.unrecognized == ()
    assert [f.id for f in result.red_flags] == [flag]
    assert result.red_flags[0].level == level
    assert result.red_flags[0].action
    assert result.to_dict()["urgency"]["level"] == level


@pytest.mark.parametrize("findings", ORDINARY, ids=", ".join)
def test_ordinary_presentation_raises_no_flag(kb, findings):
    result = explore(findings, kb=kb)
    assert [u.input for u in result.unrecognized if not u.past] == []
    assert result.red_flags == ()
    assert result.to_dict()["urgency"] is None


def test_highest_level_comes_first_in_every_format():
    findings = ["double vision", "muscle weakness", "can't breathe"]
    result = CliRunner().invoke(cli, ["match", "--format", "json", *findings])
    data = json.loads(result.stdout)
    assert [f["level"] for f in data["red_flags"]] == ["emergency", "same_day"]
    assert data["urgency"]["level"] == "emergency" and data["urgency"]["action"].startswith("Call")
    text = CliRunner().invoke(cli, ["match", *findings]).stdout
    emergency, same_day = text.index("!! URGENT - EMERGENCY NOW"), text.index("!! URGENT - SEE A DOCTOR WITHIN A DAY")
    assert emergency < same_day < text.index("Related conditions")
    assert "Call your local emergency number (999, 112 or 911) now." in text
    markdown = CliRunner().invoke(cli, ["match", "--format", "markdown", *findings]).stdout
    assert markdown.index("## Urgent: emergency now") < markdown.index("## Urgent: see a doctor within a day")


def test_a_phenopacket_modifier_raises_the_red_flag(kb):
    feature = {
        "type": {"id": "HP:0001324", "label": "Muscle weakness"},
        "modifiers": [{"id": "HP:0003678", "label": "Rapidly progressive"}],
    }
    case = case_from_mapping({"id": "p1", "phenotypicFeatures": [feature]}, 1, kb, 1)
    result = explore(case.present, case.absent, kb=kb)
    assert [f.id for f in result.red_flags] == ["spreading_weakness"]
    # without the modifier it is plain muscle weakness; a slowly progressive one is not urgent either
    for modifiers in ([], [{"id": "HP:0003677", "label": "Slowly progressive"}]):
        plain = dict(feature, modifiers=modifiers)
        case = case_from_mapping({"id": "p2", "phenotypicFeatures": [plain]}, 1, kb, 1)
        assert explore(case.present, kb=kb).red_flags == ()


def test_a_phenopacket_onset_raises_the_red_flag(kb):
    feature = {"type": {"id": "HP:0000020"}, "onset": {"ontologyClass": {"id": "HP:0011009", "label": "Acute"}}}
    case = case_from_mapping({"id": "p3", "phenotypicFeatures": [feature]}, 1, kb, 1)
    assert [f.id for f in explore(case.present, kb=kb).red_flags] == ["bladder_bowel"]


def test_every_red_flag_has_a_level_an_action_a_title_and_a_source(kb):
    incomplete = [
        f.id
        for f in kb.red_flags.values()
        if f.level not in kb.urgency_levels or not f.action or not f.title or not f.message or not f.sources
    ]
    assert incomplete == []
    assert {f.level for f in kb.red_flags.values()} == set(kb.urgency_levels)


def test_every_urgent_note_belongs_to_a_finding_that_raises_a_flag(kb):
    raising = {f for rule in kb.rules if rule.conclusion == "red_flag" for f in rule.all + rule.any}
    assert {s.id for s in kb.symptoms.values() if s.urgent_note} <= raising
    assert "URGENT: Trouble breathing needs emergency care." in CliRunner().invoke(cli, ["symptoms"]).stdout


WORDS = {EMERGENCY: "emergency", SAME_DAY: "within a day"}


@pytest.mark.parametrize("condition_id", ["guillain_barre_syndrome", "multiple_sclerosis", "sjogren_syndrome"])
def test_conditions_with_urgent_features_have_some(kb, condition_id):
    assert flags_for(kb, condition_id)


def test_when_to_seek_care_agrees_with_the_red_flags(kb):
    """Each red flag a card's linked finding raises is named in its "when to seek care", in a clause that
    gives that flag's level."""
    disagree = []
    for condition in kb.conditions.values():
        clauses = [c.lower() for c in re.split(r"[;.]", condition.seek_care)]
        for flag in flags_for(kb, condition.id):
            clause = next((c for c in clauses if flag.title.lower() in c), None)
            if clause is None or WORDS[flag.level] not in clause:
                disagree.append((condition.id, flag.id, flag.level))
    assert disagree == []


def test_the_card_lists_its_warning_signs(kb):
    out = CliRunner().invoke(cli, ["show", "GBS"]).stdout
    assert out.index("Warning signs:") < out.index("Findings linked to it:")
    assert "Emergency now: trouble breathing." in out
    data = json.loads(CliRunner().invoke(cli, ["show", "--format", "json", "GBS"]).stdout)
    assert {"id": "double_vision", "level": "same_day"}.items() <= data["red_flags"][-2].items()


def test_batch_reads_the_modifier_from_a_phenopacket_file(tmp_path):
    packet = {
        "id": "rapid-weakness",
        "phenotypicFeatures": [
            {"type": {"id": "HP:0001324"}, "modifiers": [{"id": "HP:0003678", "label": "Rapidly progressive"}]},
            {"type": {"id": "HP:0003401", "label": "Paresthesia"}},
        ],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(packet), encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(path)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["result"]["urgency"]["level"] == "emergency"
    assert [f["id"] for f in record["result"]["red_flags"]] == ["spreading_weakness"]
