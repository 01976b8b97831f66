"""One fuzzy matcher (explorer/fuzzy.py, on rapidfuzz): what it returns, and that nothing else matches fuzzily."""

import re
from pathlib import Path

from explorer import load_knowledge
from explorer.fuzzy import close_matches, one_slip_away, similarity
from explorer.knowledge.build_base import close_match
from explorer.knowledge.catalog import close_conditions

PACKAGE = Path(__file__).resolve().parent.parent / "explorer"


def test_close_matches_are_ranked_by_similarity_and_cut_off():
    choices = ["multiple sclerosis", "sjogren syndrome", "systemic sclerosis", "lupus"]
    assert close_matches("multiple sclerosi", choices) == ["multiple sclerosis", "systemic sclerosis"]
    assert close_matches("multiple sclerosi", choices, limit=1) == ["multiple sclerosis"]
    assert close_matches("zzz", choices) == []
    assert similarity("lupus", "lupus") == 100 and similarity("abc", "xyz") == 0


def test_one_slip_away_counts_a_swap_as_one_slip():
    words = ["tingling", "tinglign", "numbness", "tinkling", "tingle"]
    assert one_slip_away("tinglnig", words) == ["tingling"]  # n and i swapped: one slip
    assert one_slip_away("tingling", words) == ["tinglign", "tinkling"]  # equal is not a slip
    assert one_slip_away("weakness", words) == []


def test_did_you_mean_for_conditions_and_knowledge_ids():
    kb = load_knowledge()
    assert [c.id for c in close_conditions(kb, "sjogrn")][:1] == ["sjogren_syndrome"]
    assert [c.id for c in close_conditions(kb, "multiple sclerossis")][:1] == ["multiple_sclerosis"]
    assert close_conditions(kb, "qqqqqq") == []
    assert close_match("fevr", kb.symptoms) == " (did you mean 'fever'?)"
    assert close_match("qqqqqq", kb.symptoms) == ""


def test_only_the_fuzzy_module_uses_a_fuzzy_matching_library():
    users = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if re.search(r"^\s*(import|from) (difflib|rapidfuzz)\b", path.read_text(), re.MULTILINE)
    )
    assert users == ["fuzzy.py"]
