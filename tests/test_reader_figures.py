"""A figure of speech that holds a finding's own word ("a coughing fit", "a sneezing fit", "a seizure of laughter")
explains only the reading of that word: a seizure named again beside it, even in the same reading, is one."""

import pytest

from tests.readings import cli_warnings as flags


@pytest.mark.parametrize(
    "text",
    [
        "had a seizure after a coughing fit",
        "after a coughing fit I had a fit",
        "coughing fit then a seizure",
        "a sneezing fit and then I had a fit",
        "sneezing fit, then I had a fit",
        "I had a fit of coughing and then a convulsion",
    ],
)
def test_a_seizure_beside_a_figure_is_a_seizure(text):
    assert flags(text) == {"seizures": "emergency"}


@pytest.mark.parametrize(
    "text",
    [
        "I had a coughing fit",
        "had a coughing fit this morning, nothing else",
        "I had a fit of sneezing",
        "seizure of laughter in class today",
    ],
)
def test_the_figure_alone_raises_nothing(text):
    assert flags(text) == {}


def test_a_figure_of_one_finding_still_leaves_another_finding():
    assert flags("numb to it all and I can't pee") == {"bladder_bowel": "emergency"}
