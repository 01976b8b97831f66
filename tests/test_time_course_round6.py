"""The time course's sixth round (issue 21): cannot walk told beside an infection or a jab warns as every other
cannot-walk wording does, while the same sentence that still walks raises nothing. Through explore()."""

import pytest

from explorer import explore


def levels(text: str) -> dict[str, str]:
    return {flag.id: flag.level for flag in explore([text]).red_flags}


@pytest.mark.parametrize(
    "text",
    [
        "since the flu last week I can't walk",  # the sentence names an event: its cannot-walk was skipped
        "since my jab I can't walk",
        "after a stomach bug I can no longer walk",
        "I had a bad cold two weeks ago and now I cannot walk",
    ],
)
def test_cannot_walk_after_an_infection_or_a_jab_is_the_emergency(text):
    assert levels(text).get("spreading_weakness") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "since the flu last week I can walk fine",  # the near miss: walking told as unaffected
        "couldn't walk for a week after I sprained my ankle",  # an everyday cause, no infection
    ],
)
def test_walking_still_possible_or_an_injury_raises_no_spreading_weakness(text):
    assert "spreading_weakness" not in levels(text)


def test_cannot_walk_in_a_sentence_naming_an_event_is_read_and_not_left_over():
    result = explore(["since the flu last week I can't walk"])
    assert "severity_cannot_walk" in {r.symptom.id for r in result.recognized}
