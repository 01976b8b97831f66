"""What a story's earlier sentence names as the findings' trigger (a review of the day's time-course rounds):
a plan or a booster is no medicine or infection, and an infection dated long ago is no trigger of today's."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def _course(text: str) -> set[str]:
    done = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    mentions = json.loads(done.stdout)["mentions"]
    return {
        m["symptom"]["id"] for m in mentions if m["status"] == "present" and m["symptom"]["id"].startswith("course_")
    }


@pytest.mark.parametrize(
    "text, course",
    [
        ("The physio put me on an exercise plan last year. Since April my feet tingle.", set()),
        ("My GP put me on a diet in March. Since May my toes are numb.", set()),
        (
            "The rheumatologist started me on leflunomide in January. Since April my feet tingle.",
            {"course_follows_exposure"},
        ),
        ("I had glandular fever as a teenager. Since Friday my legs are weak.", set()),
        ("I had covid once. Since Friday my feet tingle.", set()),
        ("I had a cold. Since Friday my legs are weak.", {"course_after_infection"}),
    ],
)
def test_an_earlier_sentence_is_the_trigger_only_when_it_names_one_lately(text, course):
    assert _course(text) & {"course_follows_exposure", "course_after_infection"} == course


def test_a_covid_booster_is_a_vaccination_not_an_infection():
    assert "course_after_infection" not in _course("Since my covid booster last week my hands have been tingling.")
