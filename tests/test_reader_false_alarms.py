"""False alarms (issue 20 round 4): words of everyday life read as a finding or as its speed. A unit of time
after a word of a finding ("these days", "this month") says when, not how fast: only a rate ("every day", "by
the day", "by the hour") makes weakness the spreading-weakness emergency. A thing whose name folds onto a
finding's word ("the exhaust") names no finding. Phrasings are the project's own, never items of a blind set."""

import pytest

from explorer.knowledge.text import normalize
from explorer.language.phrases import site_words, split_sites
from explorer.language.tokens import fold
from tests.test_reader_exact_classes import read
from tests.test_reader_urgent_classes import run

NOT_A_RATE = [
    "I'm weaker these days",
    "I feel a bit weaker these days than I used to",
    "my grip is weaker these days",
]


@pytest.mark.parametrize("text", NOT_A_RATE)
def test_a_time_that_is_no_rate_raises_no_spreading_weakness(text):
    got = run("match", text)
    assert "rapidly_spreading_weakness" not in read(text)
    assert got["red_flags"] == []


RATES = [
    "I'm getting weaker by the day",
    "my legs are getting weaker by the hour",
    "I'm getting weaker every day",
]


@pytest.mark.parametrize("text", RATES)
def test_a_rate_keeps_the_spreading_weakness_emergency(text):
    assert "spreading_weakness" in {flag["id"] for flag in run("match", text)["red_flags"]}


@pytest.mark.parametrize("text", ["I burnt my leg on the exhaust", "the exhaust on my car is rattling"])
def test_an_exhaust_is_no_exhaustion(text):
    assert "fatigue" not in read(text)


@pytest.mark.parametrize("text", ["I'm exhausted all the time", "the exhaustion never lifts"])
def test_being_exhausted_is_still_fatigue(text):
    assert read(text).get("fatigue") is True


def _core(name: str, kb) -> tuple[list[str], list[str]]:
    """A name's folded words as the phrase index keeps them (fillers and subjects dropped), and its sites."""
    dropped = kb.words.stop_words | kb.words.subjects
    return split_sites(tuple(fold(w) for w in normalize(name).split() if w not in dropped), site_words(kb))


def test_no_lay_name_reads_on_one_generic_word_left(kb):
    """Every lay name of a finding that keeps one word and no body site once its fillers are dropped ("the spins"
    was "spin", "like ice" "ice") keeps a word that is a one-word name of that finding itself: "I went for a
    spin" is no vertigo."""
    bad = []
    for finding in kb.symptoms.values():
        own = {fold(n) for n in (*finding.lay_synonyms, *finding.clinical_synonyms, finding.label) if " " not in n}
        for name in (*finding.lay_synonyms, *finding.derived_names):
            core, sites = _core(name, kb)
            if " " in normalize(name) and len(core) == 1 and not sites and core[0] not in own:
                bad.append(f"{finding.id}: {name!r} reads on {core[0]!r}")
    assert bad == []


EVERYDAY = [
    ("I went for a spin in the new car", "vertigo"),
    ("I put ice on it after football", "cold_extremities"),
    ("I'm sick of my job", "vomiting"),
    ("I'm drowsy after my hay fever tablets", "reduced_consciousness"),
]


@pytest.mark.parametrize("text,finding", EVERYDAY)
def test_an_everyday_word_left_of_a_lay_name_reads_nothing(text, finding):
    assert finding not in read(text)
    assert run("match", text)["red_flags"] == []


LAY_NAMES_STILL_READ = [
    ("I've got the spins when I stand up", "vertigo"),
    ("my feet feel like ice at night", "cold_extremities"),
    ("I keep being sick", "vomiting"),
    ("I went suddenly very drowsy an hour ago", "reduced_consciousness"),
]


@pytest.mark.parametrize("text,finding", LAY_NAMES_STILL_READ)
def test_the_longer_lay_name_still_reads(text, finding):
    assert read(text).get(finding) is True


def _suggested(text: str) -> list[str]:
    """The findings offered as did-you-means for what `match` could not read in ``text``."""
    return [s["id"] for item in run("match", text)["unrecognized"] for s in item["did_you_mean"]]


@pytest.mark.parametrize("text", ["I burnt my leg on the stove", "I scraped my leg on the exhaust"])
def test_a_body_part_alone_brings_up_no_urgent_did_you_mean(text):
    assert "paralysis" not in _suggested(text)


@pytest.mark.parametrize("text", ["cant mvoe my legs", "my legs wont mvoe"])
def test_a_body_part_with_what_cannot_be_done_still_brings_it_up(text):
    assert "paralysis" in _suggested(text)


@pytest.mark.parametrize(
    "text",
    ["I had a coughing fit", "she had a sneezing fit at the table", "a fit of coughing", "my baby won't stop coughing"],
)
def test_a_fit_of_coughing_or_sneezing_is_no_seizure(text):
    assert not run("match", text)["red_flags"]


@pytest.mark.parametrize("text", ["I had a coughing fit then a seizure", "I had a coughing fit. Then I had a fit"])
def test_a_seizure_told_beside_a_coughing_fit_still_warns(text):
    """The figure speaks of its own words only, even when the same finding is named again beside it."""
    assert {flag["id"] for flag in run("match", text)["red_flags"]} == {"seizures"}


@pytest.mark.parametrize(
    "text", ["I can't stop coughing and I can't breathe", "my cough is too weak to clear my chest"]
)
def test_a_cough_too_weak_or_no_breath_beside_a_cough_still_warns(text):
    assert {flag["id"] for flag in run("match", text)["red_flags"]} == {"breathing"}


@pytest.mark.parametrize("text", ["I had a seizure of laughter", "I couldn't swallow the huge vitamin tablet"])
def test_a_figure_or_a_big_tablet_raises_nothing(text):
    assert not run("match", text)["red_flags"]
