"""Sources that hold and findings with a role: article citations stay inside what their section mentions,
red flags are validated strictly, and every finding is used, asked about or marked background only."""

import pytest

from explorer.language.vocabulary import vocabulary_for
from tests.kbedit import assert_breakage_reported


def article_citations(kb):
    """(where, section, ids it is cited for) for every article citation in the knowledge base."""
    for rule in kb.rules:
        for source in rule.sources:
            findings = rule.all + rule.any if source.supports is None else source.supports
            yield rule.id, source, findings + (rule.target,)
    for condition in kb.conditions.values():
        for source in condition.sources:
            yield condition.id, source, (condition.id,)
        for link in condition.links:
            yield f"{condition.id} -> {link.symptom}", link.source, (condition.id, link.symptom)
    for flag in kb.red_flags.values():
        for source in flag.sources:
            yield flag.id, source, (flag.id,)


def test_no_article_citation_outside_its_section(kb):
    unsupported, cited = [], 0
    for where, source, ids in article_citations(kb):
        if source.kind != "article":
            continue
        cited += 1
        concepts = kb.article_concepts[source.ref]
        unsupported += [(where, source.ref, i) for i in ids if i not in concepts]
    assert cited > 20 and unsupported == []


def test_a_scoped_citation_covers_only_the_findings_it_names(kb):
    rule = kb.rule_index["sle.skin-with-nerve-symptoms"]
    article = next(s for s in rule.sources if s.kind == "article")
    assert article.supports == ("peripheral_nerve_involvement",)


def test_the_article_does_not_mention_breathing_swallowing_or_speed(kb):
    """The issue's example: the section on autoimmune diseases says nothing about these."""
    concepts = kb.article_concepts["Common Autoimmune Diseases Associated with Neuropathy"]
    assert not concepts & {"trouble_breathing", "trouble_swallowing", "rapidly_spreading_weakness", "recent_infection"}
    assert {"guillain_barre_syndrome", "paralysis", "tingling"} <= concepts


def test_every_finding_has_a_role(kb):
    """Used by a rule, asked about (linked on a card, so the questionnaire can ask it), or background only."""
    used = {f for rule in kb.rules for f in rule.all + rule.any + rule.absent}
    linked = {link.symptom for c in kb.conditions.values() for link in c.links}
    without = [s.id for s in kb.symptoms.values() if s.id not in used | linked and not s.background]
    assert without == []
    # background means exactly that: no rule uses the finding
    assert [s.id for s in kb.symptoms.values() if s.background and s.id in used] == []


@pytest.mark.parametrize("finding", ["unsteady_walking", "depression", "muscle_pain"])
def test_findings_the_issue_named_are_used_by_a_rule(kb, finding):
    assert any(finding in rule.all + rule.any for rule in kb.rules)


@pytest.mark.parametrize(
    "phrase,finding",
    [
        ("muscle spasms", "muscle_cramps"),
        ("stiff muscles", "stiff_muscles"),
        ("sudden blurred vision", "vision_loss"),
        ("vision loss in one eye", "vision_loss"),
        ("sharp chest pain", "chest_pain"),
        ("weakness", "general_weakness"),
        ("asthenia", "general_weakness"),
        ("loss of bladder control", "bladder_bowel_loss"),
    ],
)
def test_meaning_changing_synonyms_name_their_own_finding(kb, phrase, finding):
    assert vocabulary_for(kb).resolve(phrase).symptom.id == finding


def test_stabbing_pain_is_not_taken_for_nerve_pain(kb):
    assert vocabulary_for(kb).resolve("stabbing pain").symptom is None


BREAKAGES = [
    # (file, text replaced, replacement, text on the line the problem must name, what it must say)
    (
        "data/red_flags.yaml",
        "level: same_day\n  title: double vision",
        "level: soon\n  title: double vision",
        "level: soon",
        "red_flag 'double_vision'.level: 'soon' must be one of: emergency, same_day",
    ),
    (
        "data/red_flags.yaml",
        "  action: Call your local emergency number (999, 112 or 911) now.\n",
        "",
        "- id: breathing",
        "red_flag 'breathing': missing required key 'action'",
    ),
    (
        "rules/20_red_flags.yaml",
        "    - reference: https://gaincharity.org.uk/what-are-the-symptoms-of-guillain-barre-syndrome",
        "    - article: Common Autoimmune Diseases Associated with Neuropathy",
        "article: Common Autoimmune Diseases",
        "does not mention trouble_breathing, breathing",
    ),
    (
        "data/conditions.yaml",
        '{symptom: hair_loss, annotation: "ORPHA:536", frequency: frequent}',
        "{symptom: hair_loss, article: The Autoimmune Connection}",
        "symptom: hair_loss",
        "article section 'The Autoimmune Connection' does not mention hair_loss",
    ),
    (
        "data/article.yaml",
        "concepts: [peripheral_nerve_involvement]",
        "concepts: [peripheral_nerve_involvment]",
        "peripheral_nerve_involvment",
        "unknown concept 'peripheral_nerve_involvment' (did you mean 'peripheral_nerve_involvement'?)",
    ),
    (
        "rules/40_autoimmune.yaml",
        "for: [peripheral_nerve_involvement]",
        "for: [fever]",
        "for: [fever]",
        "'fever' is not one of this rule's findings",
    ),
    (
        "rules/40_autoimmune.yaml",
        "for: [peripheral_nerve_involvement]",
        "for: [lupus_skin_signs]",
        "for: [lupus_skin_signs]",
        "does not mention lupus_skin_signs",
    ),
    (
        "data/symptoms.yaml",
        "worsening_of: [numbness, tingling]",
        "worsening_of: [numbnes, tingling]",
        "worsening_of: [numbnes",
        "symptom 'worsening_numbness'.worsening_of: 'numbnes' is not another symptom",
    ),
    (
        "data/red_flags.yaml",
        "reference: https://www2.hse.ie/conditions/chest-pain",
        "reference: http://www2.hse.ie/conditions/chest-pain",
        "http://www2.hse.ie",
        "must be an https:// address",
    ),
]


@pytest.mark.parametrize("name,old,new,needle,message", BREAKAGES)
def test_breakage_is_reported_at_its_file_and_line(kb_copy, name, old, new, needle, message):
    assert_breakage_reported(kb_copy, name, old, new, needle, message)
