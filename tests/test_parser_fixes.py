"""Tables for the parser's reviewed defects: a negation's scope past a comma or dash, questionnaire-style
answers, "history of" anywhere in a text, and the urgent note of a did-you-mean."""

import json
import subprocess

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.language.parser import parse
from tests.test_installed import installed_command


def reading(text, kb):
    p = parse(text, kb)
    # time course values ("two days ago", "for years") have their own tests: tests/test_time_course.py
    return {m.symptom.id: m.present for m in p.mentions if m.symptom.kind != "course"}, p


# (text, {finding: present?}, the sites of the last finding)
SCOPE = [
    ("no rash, trouble breathing", {"skin_rash": False, "trouble_breathing": True}, ()),
    ("no fever, can't swallow", {"fever": False, "trouble_swallowing": True}, ()),
    ("not dizzy, my face is drooping on one side", {"vertigo": False, "face_drooping": True}, ("face", "one_side")),
    ("no fever, numbness in my feet", {"fever": False, "numbness": True}, ("feet",)),
    ("denies fever, reports numbness in feet", {"fever": False, "numbness": True}, ("feet",)),
    ("without fever, tingling in feet", {"fever": False, "tingling": True}, ("feet",)),
    ("no fever, has numbness", {"fever": False, "numbness": True}, ()),
    ("no fever - numbness in my feet", {"fever": False, "numbness": True}, ("feet",)),
    ("no fever \u2013 numbness in my feet", {"fever": False, "numbness": True}, ("feet",)),
    ("no fever, I have numbness", {"fever": False, "numbness": True}, ()),
    ("no fever, numbness and tingling", {"fever": False, "numbness": True, "tingling": True}, ()),
    # real negated lists keep every item absent
    ("no fever, rash or joint pain", {"fever": False, "skin_rash": False, "joint_pain": False}, ()),
    ("no dry eyes or dry mouth", {"dry_eyes": False, "dry_mouth": False}, ()),
    ("no fever, dry eyes, or joint pain", {"fever": False, "dry_eyes": False, "joint_pain": False}, ()),
    ("neither fever, dry eyes nor joint pain", {"fever": False, "dry_eyes": False, "joint_pain": False}, ()),
    ("denies fever, weight loss and night sweats", {"fever": False, "weight_loss": False, "night_sweats": False}, ()),
    ("no fever/joint pain", {"fever": False, "joint_pain": False}, ()),
    # a hyphen inside a word is not a dash
    ("pain-free joints, numbness", {"joint_pain": False, "numbness": True}, ()),
]


@pytest.mark.parametrize("text,expected,sites", SCOPE, ids=[row[0] for row in SCOPE])
def test_a_negation_scope_stops_where_a_new_clause_starts(kb, text, expected, sites):
    found, p = reading(text, kb)
    assert found == expected
    assert tuple(s.id for s in p.mentions[-1].sites) == sites


def test_every_item_of_a_denied_list_left_over_is_said_to_be_absent(kb):
    p = parse("denies fever, chills, or hiccups", kb)
    assert [(m.symptom.id, m.present) for m in p.mentions] == [("fever", False)]
    assert [(x.text, x.cue) for x in p.leftovers] == [("chills", "denies"), ("hiccups", "denies")]
    # a word after the comma that starts a clause of its own stands outside the scope
    assert [(x.text, x.cue) for x in parse("no fever, hiccups", kb).leftovers] == [("hiccups", None)]


ANSWERS = [
    ("fever? no. numbness? yes", {"fever": False, "numbness": True}),
    ("fever? no, numbness? yes", {"fever": False, "numbness": True}),
    ("fever - no", {"fever": False}),
    ("fever \u2014 no", {"fever": False}),
    ("fever: no", {"fever": False}),
    ("fever? none", {"fever": False}),
    ("dry mouth? nope. dry eyes? yes.", {"dry_mouth": False, "dry_eyes": True}),
    ("numbness - yes; fever - no", {"numbness": True, "fever": False}),
    ("numbness: yes", {"numbness": True}),
    # a question with no answer is just the finding named
    ("numbness? tingling?", {"numbness": True, "tingling": True}),
]


@pytest.mark.parametrize("text,expected", ANSWERS, ids=[row[0] for row in ANSWERS])
def test_questionnaire_answers_read_like_a_colon(kb, text, expected):
    found, p = reading(text, kb)
    assert found == expected
    assert p.leftovers == ()


HISTORY = [
    ("numbness, history of diabetes", {"numbness": True, "diabetes": True}),
    ("recent flu; history of diabetes", {"recent_infection": True, "diabetes": True}),
    ("numbness and history of diabetes", {"numbness": True, "diabetes": True}),
    ("tingling. History of heavy drinking", {"tingling": True, "heavy_alcohol_use": True}),
    ("numbness, hx of diabetes", {"numbness": True, "diabetes": True}),
    ("numbness, PMH of diabetes", {"numbness": True, "diabetes": True}),
    ("numbness, known diabetic", {"numbness": True, "diabetes": True}),
    ("weak legs, no history of diabetes", {"leg_weakness": True, "diabetes": False}),
]


@pytest.mark.parametrize("text,expected", HISTORY, ids=[row[0] for row in HISTORY])
def test_history_of_is_read_anywhere_in_a_text(kb, text, expected):
    found, p = reading(text, kb)
    assert found == expected
    assert p.leftovers == ()


URGENT_NOTE = "If you meant Chest pain: Chest pain needs emergency care unless a doctor has already explained it."


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_did_you_mean_with_an_urgent_note_says_so(fmt):
    result = CliRunner().invoke(cli, ["match", "--format", fmt, "chest pian"])
    assert result.exit_code == 2
    assert URGENT_NOTE in " ".join(result.stdout.split())
    breathe = CliRunner().invoke(cli, ["match", "--format", fmt, "i cnat breathe"]).stdout
    assert "If you meant Trouble breathing: Trouble breathing needs emergency care." in " ".join(breathe.split())
    # a did-you-mean that carries no urgent note adds nothing
    plain = CliRunner().invoke(cli, ["match", "--format", fmt, "dry ey"]).stdout
    assert "did you mean" in plain and "If you meant" not in plain


def test_the_urgent_note_of_a_did_you_mean_is_in_the_json(kb):
    result = CliRunner().invoke(cli, ["match", "--format", "json", "chest pian", "numbness"])
    entry = json.loads(result.stdout)["unrecognized"][0]
    assert entry["urgent_if_meant"] == [
        {
            "id": "chest_pain",
            "label": "Chest pain",
            "note": "Chest pain needs emergency care unless a doctor has already explained it.",
        }
    ]
    assert [s["id"] for s in entry["did_you_mean"]][0] == "chest_pain"
    left = parse("dry ey", kb).leftovers[0].to_dict()
    assert left["did_you_mean"] and left["urgent_if_meant"] == []


@pytest.mark.slow
def test_the_installed_command_shows_the_urgent_note():
    done = subprocess.run(
        [installed_command(), "parse", "--format", "json", "chest pian"],
        capture_output=True,
        text=True,
        check=False,
    )
    leftover = json.loads(done.stdout)["leftovers"][0]
    assert [u["id"] for u in leftover["urgent_if_meant"]] == ["chest_pain"]
    text = subprocess.run([installed_command(), "match", "chest pian"], capture_output=True, text=True, check=False)
    assert text.returncode == 2 and URGENT_NOTE in " ".join(text.stdout.split())


# Symptoms named as over and done: (text, the words reported, the cue)
PAST = [
    ("I had chest pain years ago", "chest pain", "years ago"),
    ("I used to get chest pain", "chest pain", "used to"),
    ("chest pain in the past", "chest pain", "in the past"),
    ("past history of double vision", "double vision", "past"),
    ("previous trouble swallowing", "trouble swallowing", "previous"),
    ("numbness a year ago", "numbness", "year ago"),
]


@pytest.mark.parametrize("text,words,cue", PAST, ids=[row[0] for row in PAST])
def test_a_past_event_is_not_a_current_finding(kb, text, words, cue):
    """A symptom that has gone is absent now (the blind sets' convention too), with the words that say so."""
    p = parse(text, kb)
    assert p.present == ()
    assert [(m.text, m.past) for m in p.mentions] == [(words, cue)]
    assert all(x.did_you_mean == () for x in p.leftovers)


# The past-event rule is narrow: each of these is current (or absent), as before.
NOT_PAST = [
    ("chest pain started years ago", {"chest_pain": True}),
    ("I had chest pain years ago and now I have it again", {"chest_pain": True}),
    ("I had chest pain two days ago", {"chest_pain": True}),
    ("I've had numbness for years", {"numbness": True}),
    ("I still get chest pain, as a child too", {"chest_pain": True}),
    ("history of diabetes", {"diabetes": True}),
    ("numbness, history of heavy drinking", {"numbness": True, "heavy_alcohol_use": True}),
    ("no history of chest pain", {"chest_pain": False}),
    ("a two-year history of numbness in my feet", {"numbness": True}),
    ("history of double vision", {"double_vision": True}),
    ("I can't breathe, chest pain years ago", {"trouble_breathing": True, "chest_pain": False}),
    ("chest pain years ago and trouble breathing", {"trouble_breathing": True, "chest_pain": False}),
]


@pytest.mark.parametrize("text,expected", NOT_PAST, ids=[row[0] for row in NOT_PAST])
def test_only_a_symptom_clearly_in_the_past_is_set_aside(kb, text, expected):
    assert reading(text, kb)[0] == expected


@pytest.mark.slow
def test_a_past_event_says_so_in_every_format():
    text = CliRunner().invoke(cli, ["match", "I had chest pain years ago", "numbness"]).stdout
    flat = " ".join(text.split())
    assert "Reported absent: Chest pain (from \"chest pain\"; a past event ('years ago'): if it is happening" in flat
    assert "URGENT" not in text and "Chest pain needs emergency care" in flat
    data = json.loads(CliRunner().invoke(cli, ["match", "--format", "json", "I used to get chest pain"]).stdout)
    assert data["red_flags"] == [] and data["absent"][0]["parse"]["past"] == "used to"
    markdown = CliRunner().invoke(cli, ["match", "--format", "markdown", "past history of double vision"]).stdout
    assert "a past event ('past')" in markdown
    done = subprocess.run(
        [installed_command(), "parse", "--format", "json", "chest pain years ago"], capture_output=True, text=True
    )
    assert json.loads(done.stdout)["mentions"][0]["past"] == "years ago"


def test_every_name_of_every_finding_reads_as_that_finding_and_nothing_else(kb):
    """A label copied from `symptoms` or the web page must read whole ("Weakness in the feet or lower legs"
    once left "lower legs" over: its "or" was taken for a list of two findings)."""
    wrong = []
    for symptom in kb.symptoms.values():
        for name in [n for n in symptom.names if not n.startswith("HP:")] + list(symptom.derived_names):
            if "/" in name and symptom.hpo and name == symptom.hpo.label:
                # The reader takes "/" as "or" ("numbness/tingling"); an HPO label spelled with one
                # ("Anti-Ro/SS-A antibody positivity") is read as its parts, its other names whole.
                continue
            got = parse(name, kb)
            if [(m.symptom.id, m.present) for m in got.mentions] != [(symptom.id, True)] or got.leftovers:
                wrong.append((name, [m.symptom.id for m in got.mentions], [x.text for x in got.leftovers]))
    assert wrong == []


# (text, finding, its sites): a list word between two body sites lists the sites of one finding
SITE_LISTS = [
    ("pins and needles in hands and feet", "tingling", ("hands", "feet")),
    ("weakness in the feet or legs", "leg_weakness", ("feet", "legs")),
    ("I have weakness in the feet or lower legs", "leg_weakness", ("feet", "legs")),
    ("weakness in both arms and legs", "muscle_weakness", ("arms", "legs")),
    ("weakness in my feet or legs that is getting worse every day", "rapidly_spreading_weakness", ("feet", "legs")),
    ("no numbness in my hands or feet", "numbness", ("hands", "feet")),
    ("my hands and feet are numb", "numbness", ("hands", "feet")),
]

# (text, [(finding, its sites)]): a site that goes with the words after it is not listed with the one before
SITES_APART = [
    ("weakness in my legs and face drooping", [("leg_weakness", ("legs",)), ("face_drooping", ("face",))]),
    ("numbness in my feet and face drooping", [("numbness", ("feet",)), ("face_drooping", ("face",))]),
    (
        "pins and needles in my hands and feet and my face is drooping",
        [("tingling", ("hands", "feet")), ("face_drooping", ("face",))],
    ),
    (
        "I used to have weak legs and now my arms are weak",
        [("leg_weakness", ("legs",)), ("muscle_weakness", ("arms",))],
    ),
    ("weak legs and my hands are numb", [("leg_weakness", ("legs",)), ("numbness", ("hands",))]),
]


@pytest.mark.parametrize("text,expected", SITES_APART, ids=[row[0] for row in SITES_APART])
def test_a_site_with_its_own_finding_after_it_is_not_joined_to_the_one_before(kb, text, expected):
    got = parse(text, kb)
    assert [(m.symptom.id, tuple(s.id for s in m.sites)) for m in got.mentions] == expected


@pytest.mark.parametrize("text,finding,sites", SITE_LISTS, ids=[row[0] for row in SITE_LISTS])
def test_sites_joined_by_and_or_belong_to_one_finding(kb, text, finding, sites):
    got = parse(text, kb)
    mentions = [m for m in got.mentions if m.symptom.kind != "course"]  # "both arms": a pattern as well
    assert [m.symptom.id for m in mentions] == [finding]
    assert tuple(s.id for s in mentions[0].sites) == sites
    assert got.leftovers == ()


def test_a_text_read_in_full_asks_for_no_did_you_mean(kb, monkeypatch):
    # The whole-name check once went through resolve(), whose did-you-means (a fuzzy comparison with every
    # name, ~85% of reading a short text) were thrown away: only a leftover may ask for them.
    from explorer.language.vocabulary import Vocabulary

    asked = []
    monkeypatch.setattr(Vocabulary, "suggest", lambda self, key, limit=3: asked.append(key) or ())
    got = parse("numbness and dry eyes", kb)
    assert [m.symptom.id for m in got.mentions] == ["numbness", "dry_eyes"] and got.leftovers == ()
    assert asked == []
    parse("numbness and a florpish", kb)
    assert asked == ["florpish"]  # a leftover still gets its did-you-means
