"""A climb denied by a negation before its verb is no climb ("it has not gone up to my waist"): before, only a
negation just before the direction word counted, so the denied climb still raised the spreading-numbness warning
(and, to the trunk, a level on the body). Phrasings are the project's own."""

import pytest

from tests.readings import present, warnings

DENIED = [
    "My feet went numb on Monday but it has not gone up to my waist",
    "My feet went numb on Monday but it has not spread up my legs",
    "My feet went numb on Monday but it hasn't gone any higher",
]


@pytest.mark.parametrize("text", DENIED)
def test_a_climb_denied_before_its_verb_is_no_climb(text, kb):
    read = present(text, kb)
    assert "numbness" in read or "worsening_numbness" in read
    assert not {"spread_ascending", "spread_to_a_level"} & read
    assert "spreading_numbness" not in warnings(text, kb)


@pytest.mark.parametrize(
    "text",
    [
        "numb feet since Monday and it has gone up to my knees",
        "the numbness has not improved, it has gone up to my waist since yesterday",
    ],
)
def test_a_climb_told_beside_another_denial_still_climbs(text, kb):
    assert "spread_ascending" in present(text, kb)
    assert warnings(text, kb).get("spreading_numbness") == "same_day"
