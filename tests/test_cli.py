"""Every command through click's CliRunner: exit code, stdout and stderr checked separately."""

import json
import re

import click
import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.knowledge.disclaimer import DISCLAIMER


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def flat(text):
    return " ".join(text.split())


def test_match_text_shows_ranked_suggestions_with_reasons():
    result = run("match", "numbness", "dry eyes")
    assert result.exit_code == 0, result.output
    out = result.stdout
    # moderate: numbness is shared by most of our conditions, so only dry eyes weighs much (README)
    assert out.index("1. Sjögren's syndrome - moderate match") < out.index("2. Peripheral neuropathy")
    assert "Supporting: Dry eyes (article; ORPHA:289390 very frequent; OMIM:270150)" in out
    assert "Typical, not reported: Dry mouth" in out
    assert flat(DISCLAIMER) in flat(out)
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_long_list_of_typical_findings_names_the_first_six_and_counts_the_rest(fmt):
    everything = json.loads(run("match", "numbness", "dry eyes", "--format", "json").stdout)
    missing = [e["symptom"]["label"] for e in everything["suggestions"][0]["missing"]]
    assert len(missing) > 6  # the annotation links make Sjogren's list long
    out = flat(run("match", "numbness", "dry eyes", "--format", fmt).stdout)
    assert f"{missing[5]}, and {len(missing) - 6} more (--format json lists them all)" in out
    assert missing[6] not in out.split("Typical, not reported")[1].split("Reported absent")[0]


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_every_format_carries_the_disclaimer(fmt):
    result = run("match", "--format", fmt, "tingling")
    assert result.exit_code == 0
    assert flat(DISCLAIMER) in flat(result.stdout.replace("*", ""))


def test_json_contract():
    result = run("match", "--absent", "dry mouth", "--format", "json", "numbness", "tingling", "numbbnesss")
    assert result.exit_code == 1  # one input could not be used; the rest still gives results
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    first = data["recognized"][0]
    assert {k: first[k] for k in ("input", "symptom")} == {
        "input": "numbness",
        "symptom": {"id": "numbness", "label": "Numbness"},
    }
    assert first["parse"]["span"] == [0, 8] and first["parse"]["status"] == "present"
    assert data["unrecognized"] == [
        {
            "input": "numbbnesss",
            "did_you_mean": [{"id": "numbness", "label": "Numbness"}],
            "condition": None,
            "negation": None,
            "urgent_if_meant": [],
            "past": None,
            "someone_else": None,
            "explained": None,
            "may_have_meant": [],
        }
    ]
    (absent,) = data["absent"]
    assert absent["input"] == "dry mouth" and absent["symptom"] == {"id": "dry_mouth", "label": "Dry mouth"}
    top = data["suggestions"][0]
    assert set(top) >= {"rank", "condition", "strength", "supporting", "missing", "against", "explanation", "sources"}
    assert top["rank"] == 1 and top["condition"]["id"] == "peripheral_neuropathy"
    assert data["trace"][0]["rule"] == "pattern.sensory"
    assert data["red_flags"] == []
    assert data["disclaimer"] == DISCLAIMER
    assert "could not be used" in result.stderr


def test_red_flag_comes_before_suggestions_in_every_format():
    for fmt, marker in (("text", "URGENT"), ("markdown", "## Urgent")):
        out = run("match", "--format", fmt, "muscle weakness", "trouble breathing").stdout
        assert out.index(marker) < out.index("Guillain-Barré")
    data = json.loads(run("match", "--format", "json", "muscle weakness", "trouble breathing").stdout)
    assert list(data).index("red_flags") < list(data).index("suggestions")
    assert data["red_flags"][0]["because"] == [{"id": "trouble_breathing", "label": "Trouble breathing"}]


def test_no_red_flag_text_without_urgent_findings():
    assert "URGENT" not in run("match", "numbness", "dry eyes").stdout


def test_explain_shows_the_trace():
    out = run("match", "--explain", "numbness").stdout
    assert "How the engine reasoned" in out
    assert re.search(r"1\. pattern\.sensory \[Numbness\] -> inferred pattern: Sensory nerve symptoms", out)


def test_empty_input_is_a_usage_error():
    result = run("match")
    assert result.exit_code == 2
    assert "no findings given" in result.stderr and result.stdout == ""
    result = run("match", " , ")
    assert result.exit_code == 2


def test_nothing_recognized_exits_2_with_suggestions():
    result = run("match", "tinggeling")
    assert result.exit_code == 2
    assert 'Not recognized: "tinggeling" (did you mean: Tingling or pins and needles' in result.stdout
    assert "none of the findings could be used" in result.stderr


def test_bad_option_value_is_a_clean_usage_error():
    result = run("match", "--format", "xml", "numbness")
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.stderr


def test_output_contains_no_diagnostic_wording():
    for fmt in ("text", "markdown", "json"):
        out = run("match", "--format", fmt, "--explain", "weakness", "tingling", "recent infection", "dry eyes").stdout
        assert not re.search(r"you (have|are suffering|are diagnosed)|your diagnosis|probability|\d+ ?%", out, re.I)


def test_conditions_lists_every_condition(kb):
    out = run("conditions").stdout
    for condition in kb.conditions.values():
        assert condition.name in out
    assert "not a diagnosis" in out
    data = json.loads(run("conditions", "--format", "json").stdout)
    assert {c["id"] for c in data["conditions"]} == set(kb.conditions)
    assert "not a diagnosis" in data["disclaimer"]


@pytest.mark.parametrize("query", ["sjogren", "Sjögren's syndrome", "SS"])
def test_show_finds_by_alias(query):
    result = run("show", query)
    assert result.exit_code == 0
    assert result.stdout.startswith("Sjögren's syndrome (ORPHA:289390, OMIM:270150)")
    assert "How nerves are involved:" in result.stdout and "dry_eyes" not in result.stdout
    assert "Dry eyes [hallmark]" in result.stdout


def test_show_json_and_markdown():
    data = json.loads(run("show", "--format", "json", "SLE").stdout)
    assert data["id"] == "systemic_lupus_erythematosus" and data["disclaimer"] == DISCLAIMER
    assert run("show", "--format", "markdown", "GBS").stdout.startswith("# Guillain-Barré syndrome")


def test_show_unknown_condition():
    result = run("show", "lupis")
    assert result.exit_code == 2
    assert "Did you mean: Systemic lupus erythematosus?" in result.stderr


def test_symptoms_lists_and_searches(kb):
    out = run("symptoms").stdout
    assert "Tingling or pins and needles  [HP:0003401 Paresthesia]" in out
    assert out.count("[HP:") == sum(1 for s in kb.symptoms.values() if s.hpo)
    searched = run("symptoms", "--search", "dry").stdout
    assert "Dry eyes" in searched and "Dry mouth" in searched and "Numbness" not in searched
    assert "not a diagnosis" in out
    data = json.loads(run("symptoms", "--format", "json", "--search", "xerostomia").stdout)
    first = data["symptoms"][0]
    assert first["id"] == "dry_mouth" and first["hpo"] == {"id": "HP:0000217", "label": "Xerostomia"}
    assert "not a diagnosis" in data["disclaimer"]
    missing = run("symptoms", "--search", "qqqqq")
    assert missing.exit_code == 1 and "No finding matches" in missing.stderr


def test_check_summarizes_the_knowledge_base():
    result = run("check")
    assert result.exit_code == 0 and result.stdout.startswith("OK: explorer:")


def walk(command, path=()):
    yield path, command
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):  # lists lazily loaded commands too
            yield from walk(command.get_command(context, name), path + (name,))


def test_every_command_has_help():
    for path, command in walk(cli):
        assert command.help and len(command.help) > 20, path
        result = run(*path, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout, path


def test_the_questionnaire_help_fits_an_80_column_terminal():
    from explorer.cli.ask_commands import HELP

    assert max(len(line) for line in HELP.splitlines()) < 80  # a full line would wrap under the cursor
