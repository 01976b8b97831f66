"""data/sites.yaml is validated strictly, like every knowledge file: `file:line: where: what`."""

import pytest

from explorer.errors import KnowledgeError
from explorer.knowledge.loader import load_knowledge
from tests.kbedit import edit, line_of


def problems_for(kb_dir):
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_dir)
    return caught.value.problems


@pytest.mark.parametrize(
    "old,new,needle,message",
    [
        ("  label: feet\n", "  lable: feet\n", "lable: feet", "site 'feet': unknown key 'lable'"),
        (
            "changes: {muscle_weakness: leg_weakness, general_weakness: leg_weakness}",
            "changes: {muscle_weakness: leg_weaknes, general_weakness: leg_weakness}",
            "leg_weaknes",
            "site 'feet'.changes: unknown finding 'leg_weaknes'",
        ),
        (
            "words: [hand, hands,",
            "words: [foot, hands,",
            "words: [foot, hands,",
            "site 'hands'.words[0]: 'foot' already names site 'feet'",
        ),
        ("- id: arms\n", "- id: Arms\n", "id: Arms", "site[3]: id 'Arms' must be lower-case"),
        ("- id: legs\n", "- id: feet\n", "- id: feet", "duplicate"),
    ],
)
def test_site_problems_name_file_line_and_entry(kb_copy, old, new, needle, message):
    sites = kb_copy / "data" / "sites.yaml"
    edit(sites, old, new)
    problems = problems_for(kb_copy)
    line = line_of(sites, needle) if "duplicate" not in message else None
    hits = [p for p in problems if message in p and p.startswith(f"{sites}:")]
    assert hits, problems
    if line is not None:
        assert hits[0].startswith(f"{sites}:{line}: "), problems


def test_a_knowledge_folder_without_sites_still_loads(kb_copy):
    (kb_copy / "data" / "sites.yaml").unlink()
    kb = load_knowledge(kb_copy)
    assert kb.sites == {}
    from explorer.language.parser import parse

    assert [m.symptom.id for m in parse("tingling in my feet", kb).mentions] == ["tingling"]


def test_every_packaged_site_word_and_change_is_used(kb):
    assert {"feet", "hands", "legs", "arms", "face", "one_side"} <= set(kb.sites)
    assert kb.sites["legs"].changes["muscle_weakness"] == "leg_weakness"
