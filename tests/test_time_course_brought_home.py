"""Another's exposure that is the person's: brought home ("my husband works with lead and brings the dust home"), or
told in a story of that person ("My husband has worked at a battery plant ... his wrists have got weaker"); a
relative's exposure alone, or their own illness, stays theirs. Through the CLI, as a learner types."""

import pytest

from tests.test_time_course_compared import parsed, present  # the same JSON readers


@pytest.mark.parametrize(
    "text",
    [
        "My husband works with lead and brings the dust home. My feet are numb and my hands tingle.",
        "Dad's overalls from the battery plant were washed with ours. Now my hands tingle.",
        "my partner sands old lead paint for a living and comes home covered in it; my fingers have gone numb",
    ],
)
def test_an_exposure_brought_home_is_the_persons(text):
    assert "toxin_exposure" in present(text)
    assert not any(x.get("someone_else") for x in parsed(text)["leftovers"])


def test_an_exposure_in_a_story_told_of_another_is_theirs_as_the_findings_are():
    text = "My husband has worked at a battery recycling plant for years. Since spring his wrists have got weaker."
    assert "toxin_exposure" in present(text)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("My husband has worked at a battery plant for years. My feet are numb.", "husband"),  # the near miss
        ("My mother has lupus and brings the washing home. My hands are numb.", "mother"),  # her illness stays hers
    ],
)
def test_anothers_exposure_or_illness_alone_stays_theirs(text, owner):
    found = parsed(text)
    assert "toxin_exposure" not in present(text)
    assert "systemic_lupus_erythematosus" not in present(text)
    assert any(x.get("someone_else", "").lower().startswith(owner) for x in found["leftovers"]), found["leftovers"]
