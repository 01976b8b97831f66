"""The shipped knowledge base is complete and every rule is reachable."""

import pytest

from explorer import explore
from explorer.knowledge.catalog import rules_for
from explorer.knowledge.records import LINK_ROLES


def minimal_inputs(kb, finding, seen=()):
    """Reported findings that make ``finding`` hold: itself, or what the first rule inferring it needs."""
    if finding in kb.symptoms:
        return {finding}
    rule = next(r for r in kb.rules if r.conclusion == "infer" and r.target == finding and finding not in seen)
    return requirements(kb, rule, seen + (finding,))


def requirements(kb, rule, seen=()):
    needed = set()
    for finding in rule.all + rule.any[: rule.at_least]:
        needed |= minimal_inputs(kb, finding, seen)
    return needed


def test_every_rule_can_fire(kb):
    for rule in kb.rules:
        result = explore(sorted(requirements(kb, rule)), sorted(rule.absent), kb=kb)
        fired = [step.rule for step in result.trace]
        assert rule.id in fired, f"{rule.id} ({rule.origin}) did not fire for its own requirements"


def test_every_condition_has_a_complete_card_with_sources(kb):
    for condition in kb.conditions.values():
        for field in ("summary", "nerves", "mechanism", "evaluation", "management", "seek_care"):
            assert len(getattr(condition, field)) > 40, (condition.id, field)
        assert condition.sources, condition.id
        assert condition.links, condition.id
        assert rules_for(kb, condition.id), f"{condition.id} is never suggested"
        assert all(link.role in LINK_ROLES for link in condition.links)


def test_every_rule_explains_itself_and_cites_a_source(kb):
    for rule in kb.rules:
        assert len(rule.explanation) > 20 and rule.sources, rule.id


def test_article_conditions_are_all_present(kb):
    names = {c.name for c in kb.conditions.values()}
    for expected in (
        "Peripheral neuropathy",
        "Guillain-Barré syndrome",
        "Sjögren's syndrome",
        "Systemic lupus erythematosus",
        "Rheumatoid arthritis",
        "Multiple sclerosis",
        "Diabetic neuropathy",
        "Alcohol-related neuropathy",
        "Toxic neuropathy",
        "Neuropathy after or during an infection",
    ):
        assert expected in names


def test_article_and_annotation_links_are_both_used(kb):
    kinds = {link.source.kind for c in kb.conditions.values() for link in c.links}
    assert kinds == {"article", "annotation", "reference"}


@pytest.mark.parametrize(
    "flag_symptom", ["trouble_breathing", "trouble_swallowing", "rapidly_spreading_weakness", "paralysis"]
)
def test_urgent_findings_carry_an_urgent_note(kb, flag_symptom):
    assert kb.symptoms[flag_symptom].urgent_note


def test_knowledge_base_cannot_be_changed_in_place(kb):
    with pytest.raises(TypeError):
        kb.symptoms["new"] = kb.symptoms["numbness"]
    with pytest.raises(AttributeError):
        kb.symptoms["numbness"].label = "changed"
