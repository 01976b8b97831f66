"""Tables for two parser defects: a relative's illness read as the person's own ("family history of
diabetes" suggested diabetic neuropathy), and a body site reaching a later finding across "since" ("my legs
feel weak since the flu" read "Recent infection - legs")."""

import json
import subprocess

import jsonschema
import pytest
from click.testing import CliRunner

import explorer
from explorer import explore
from explorer.cli import cli
from explorer.language.parser import parse
from tests.test_installed import installed_command


def reading(text, kb):
    p = parse(text, kb)
    return {m.symptom.id: m.present for m in p.mentions}, p


# (text, the words set aside, the family word, the finding or condition named)
THEIRS = [
    ("family history of diabetes", "family history of diabetes", "family", "diabetes"),
    ("my mother has lupus", "mother has lupus", "mother", "systemic_lupus_erythematosus"),
    ("my dad had MS", "dad had MS", "dad", "multiple_sclerosis"),
    ("diabetes runs in my family", "diabetes runs in my family", "family", "diabetes"),
    ("family history of rheumatoid arthritis", "family history of rheumatoid arthritis", "family", "joint_pain"),
    ("my sister has Sjogren's", "sister has Sjogren's", "sister", "sjogren_syndrome"),
    ("grandmother with diabetes", "grandmother with diabetes", "grandmother", "diabetes"),
    ("my mother's diabetes", "mother's diabetes", "mother's", "diabetes"),
    ("no family history of diabetes", "family history of diabetes", "family", "diabetes"),
    ("my brother has numbness in his feet", "brother has numbness in his feet", "brother", "numbness"),
    ("lupus runs in the family", "lupus runs in the family", "family", "systemic_lupus_erythematosus"),
]


@pytest.mark.parametrize("text,words,cue,named", THEIRS, ids=[row[0] for row in THEIRS])
def test_a_finding_said_of_a_relative_is_not_the_persons(kb, text, words, cue, named):
    p = parse(text, kb)
    assert p.mentions == ()
    assert len(p.leftovers) == 1  # the family words are part of it, not left over on their own
    x = p.leftovers[0]
    assert (x.text, x.someone_else) == (words, cue)
    assert named in [s.id for s in x.did_you_mean] + ([x.condition.id] if x.condition else [])
    assert x.to_dict()["someone_else"] == cue


# The rule is narrow: each of these is the person's own (present or absent), as before.
MINE = [
    ("history of diabetes", {"diabetes": True}),
    ("I have diabetes", {"diabetes": True}),
    ("diabetic", {"diabetes": True}),
    ("my diabetes", {"diabetes": True}),
    ("diabetes in the family and numbness in my feet", {"numbness": True}),
    ("my mother noticed I have trouble breathing", {"trouble_breathing": True}),
    ("my wife says I have numbness in my feet", {"numbness": True}),
    ("family history of diabetes, numbness in my feet", {"numbness": True}),
    ("I have diabetes like my mother", {"diabetes": True}),
    ("my mother has diabetes and I have numbness", {"numbness": True}),
    # a list after a relative's finding carries on only through history findings, never to a symptom
    ("family history of diabetes and numbness in my feet", {"numbness": True}),
    ("family history of diabetes, numbness and heavy drinking", {"numbness": True, "heavy_alcohol_use": True}),
    ("family history of diabetes and I drink heavily", {"heavy_alcohol_use": True}),
    ("diabetes in the family and heavy drinking", {"heavy_alcohol_use": True}),
]


def test_a_list_of_history_joined_by_and_after_a_family_word_is_all_theirs(kb):
    p = parse("family history of diabetes and heavy drinking or solvent exposure", kb)
    assert p.mentions == ()
    assert [(x.text, x.someone_else, [s.id for s in x.did_you_mean]) for x in p.leftovers] == [
        ("family history of diabetes", "family", ["diabetes"]),
        ("heavy drinking", "family", ["heavy_alcohol_use"]),
        ("solvent exposure", "family", ["toxin_exposure"]),
    ]


# A comma ends a relative's list: findings typed one after another are each the person's own.
COMMA_LISTS = [
    ("family history of diabetes, recent flu, weak legs", {"recent_infection": True, "leg_weakness": True}),
    ("numbness, family history of diabetes, heavy drinking", {"numbness": True, "heavy_alcohol_use": True}),
    ("family history of diabetes, heavy drinking, numb feet", {"heavy_alcohol_use": True, "numbness": True}),
]


@pytest.mark.parametrize("text,expected", COMMA_LISTS, ids=[row[0] for row in COMMA_LISTS])
def test_a_comma_ends_what_a_family_word_owns(kb, text, expected):
    got, p = reading(text, kb)
    assert got == expected
    assert [x.text for x in p.leftovers if x.someone_else] == ["family history of diabetes"]


# Not relatives, but someone else all the same.
OTHER_PEOPLE = [
    ("my partner has diabetes", "partner", "diabetes"),
    ("my kid has numbness", "kid", "numbness"),
    ("my boyfriend drinks heavily", "boyfriend", "heavy_alcohol_use"),
    ("my friend has lupus", "friend", "systemic_lupus_erythematosus"),
]


@pytest.mark.parametrize("text,cue,named", OTHER_PEOPLE, ids=[row[0] for row in OTHER_PEOPLE])
def test_a_partner_or_friend_is_someone_else_too(kb, text, cue, named):
    p = parse(text, kb)
    assert p.mentions == ()
    (x,) = p.leftovers
    assert x.someone_else == cue
    assert named in [s.id for s in x.did_you_mean] + ([x.condition.id] if x.condition else [])


@pytest.mark.parametrize("text,expected", MINE, ids=[row[0] for row in MINE])
def test_only_a_finding_a_family_word_owns_is_set_aside(kb, text, expected):
    assert reading(text, kb)[0] == expected


def test_the_persons_own_warning_sign_is_never_set_aside(kb):
    result = explore(["my mother noticed I have trouble breathing"], kb=kb)
    assert [f.id for f in result.red_flags] and result.red_flags[0].level == "emergency"
    assert [r.symptom.id for r in result.recognized] == ["trouble_breathing"]


@pytest.mark.slow
def test_a_relatives_illness_suggests_nothing_and_says_why():
    data = json.loads(CliRunner().invoke(cli, ["match", "--format", "json", "family history of diabetes"]).stdout)
    assert data["recognized"] == [] and "diabetic_neuropathy" not in json.dumps(data["suggestions"])
    assert data["unrecognized"][0]["someone_else"] == "family"
    run = CliRunner().invoke(cli, ["match", "my mother has lupus", "numbness in my feet"])
    flat = " ".join(run.stdout.split())
    assert run.exit_code == 1
    assert "Findings used: Numbness - feet" in flat
    assert (
        "Not read as the person's own: \"mother has lupus\" (said of someone else ('mother'), not the person's"
        " own: Systemic lupus erythematosus. Read about Systemic lupus erythematosus with `symptom-explorer"
        " show systemic_lupus_erythematosus`.)" in flat
    )
    markdown = CliRunner().invoke(cli, ["match", "--format", "markdown", "grandmother with diabetes"]).stdout
    assert "Not read as the person's own" in markdown
    done = subprocess.run(
        [installed_command(), "parse", "my dad has numbness in his feet"], capture_output=True, text=True, check=False
    )
    flat = " ".join(done.stdout.split())
    assert "said of someone else ('dad'), not the person's own: Numbness;" in flat


# A finding that raises a red flag is never set aside, whoever has it: the warning matters either way.
URGENT_OF_OTHERS = [
    ("my daughter can't breathe", "trouble_breathing", "breathing"),
    ("my dad has trouble breathing", "trouble_breathing", "breathing"),
    ("my son's face is drooping on one side", "face_drooping", "one_sided_weakness"),
    ("my mother has chest pain", "chest_pain", "chest_pain"),
]


def test_a_family_history_of_an_urgent_finding_raises_no_warning(kb):
    for text in ("family history of paralysis", "family history of trouble breathing", "paralysis runs in my family"):
        result = explore([text], kb=kb)
        assert result.red_flags == () and result.unrecognized[0].someone_else == "family", text


@pytest.mark.parametrize("text,finding,flag", URGENT_OF_OTHERS, ids=[row[0] for row in URGENT_OF_OTHERS])
def test_an_urgent_finding_said_of_someone_else_still_raises_its_warning(kb, text, finding, flag):
    got, p = reading(text, kb)
    assert got.get(finding) is True
    assert p.leftovers == ()  # nor is the family word reported as a word not understood
    result = explore([text], kb=kb)
    assert flag in [f.id for f in result.red_flags]


def test_someone_elses_findings_keep_to_the_json_schema_and_show_in_ask():
    data = json.loads(CliRunner().invoke(cli, ["match", "--format", "json", "my dad had MS", "numbness"]).stdout)
    jsonschema.Draft202012Validator(explorer.output_schema()).validate(data)
    assert [(u["input"], u["someone_else"], u["condition"]["id"]) for u in data["unrecognized"]] == [
        ("dad had MS", "dad", "multiple_sclerosis")
    ]
    parsed = json.loads(CliRunner().invoke(cli, ["parse", "--format", "json", "grandmother with diabetes"]).stdout)
    jsonschema.Draft202012Validator({**explorer.output_schema(), "$ref": "#/$defs/parse"}).validate(parsed)
    ask = CliRunner().invoke(cli, ["ask", "--no-color"], input="my dad had MS, tingling\n\nquit\n")
    flat = " ".join(ask.stdout.split())
    assert "+ Tingling or pins and needles" in flat
    assert "Not used: \"dad had MS\" - said of someone else ('dad'), not the person's own: Multiple sclerosis." in flat


# (text, {finding: its sites}): a site goes with the finding it is written with
SITES = [
    ("my legs feel weak since the flu", {"leg_weakness": ("legs",), "recent_infection": ()}),
    ("weak legs after the flu", {"leg_weakness": ("legs",), "recent_infection": ()}),
    ("weakness after the flu in my legs", {"leg_weakness": ("legs",), "recent_infection": ()}),
    ("numb feet with tingling", {"numbness": ("feet",), "tingling": ()}),
    ("numbness in my feet because of diabetes", {"numbness": ("feet",), "diabetes": ()}),
    ("tingling in my hands with fatigue", {"tingling": ("hands",), "fatigue": ()}),
    ("fatigue with tingling in my hands", {"fatigue": (), "tingling": ("hands",)}),
    ("numb hands and feet", {"numbness": ("hands", "feet")}),
    ("weakness in the feet or legs", {"leg_weakness": ("feet", "legs")}),
    ("pins and needles in hands and feet", {"tingling": ("hands", "feet")}),
    ("tingling in my feet but no dry mouth", {"tingling": ("feet",), "dry_mouth": ()}),
]


@pytest.mark.parametrize("text,expected", SITES, ids=[row[0] for row in SITES])
def test_a_site_stays_with_its_own_finding(kb, text, expected):
    p = parse(text, kb)
    got = {m.symptom.id: tuple(s.id for s in m.sites) for m in p.mentions if m.symptom.kind != "course"}
    assert got == expected  # "after the flu" is also a time course value, tested in tests/test_time_course.py
    assert p.leftovers == ()
