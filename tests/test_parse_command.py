"""`symptom-explorer parse` and the parse carried by `match --format json`: through click's CliRunner
and as the installed command in a subprocess."""

import json
import subprocess

import jsonschema
import pytest
from click.testing import CliRunner

import explorer
from explorer.cli import cli
from explorer.knowledge.disclaimer import DISCLAIMER
from tests.test_installed import installed_command
from tests.workcount import LINEAR_BOUND, growth


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def parse_validator():
    return jsonschema.Draft202012Validator({**explorer.output_schema(), "$ref": "#/$defs/parse"})


def test_parse_text_shows_each_mention_span_status_site_and_notes():
    result = run("parse", "tinglng", "in", "my", "feet", "but", "no", "dry", "mouth,", "Areflexia")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "present Tingling or pins and needles - feet" in out
    assert 'from "tinglng in my feet" (characters 0-18)' in out
    assert "read 'tinglng' as 'tingling'" in out
    assert "ABSENT  Dry mouth" in out and "absent: 'no'" in out
    assert "Areflexia (HP:0001284), read as Reduced reflexes, a broader term" in out
    assert " ".join(DISCLAIMER.split()) in " ".join(out.split())
    assert result.stderr == ""


def test_parse_reports_what_was_left_over_and_exits_1():
    result = run("parse", "numbness and glowing toenails")
    assert result.exit_code == 1
    assert 'Left over (not understood):\n  "glowing toenails" (characters 13-29)' in result.stdout
    assert "1 part(s) of the text were not understood" in result.stderr


def test_parse_with_nothing_recognized_or_no_text_exits_2():
    result = run("parse", "qwzx")
    assert result.exit_code == 2 and "No finding was recognized." in result.stdout
    result = run("parse", "  ")
    assert result.exit_code == 2 and "no text given" in result.stderr and result.stdout == ""


def test_parse_json_validates_against_the_schema():
    result = run("parse", "--format", "json", "tinglng in my feet but no dry mouth, zzz")
    data = json.loads(result.stdout)
    parse_validator().validate(data)
    assert [m["status"] for m in data["mentions"]] == ["present", "absent"]
    assert data["mentions"][0]["span"] == [0, 18] and data["mentions"][0]["sites"] == [{"id": "feet", "label": "feet"}]
    assert data["leftovers"] == [
        # a new list item after a comma, with no "or" closing a denied list: outside the "no" scope
        {
            "text": "zzz",
            "span": [37, 40],
            "did_you_mean": [],
            "condition": None,
            "negation": None,
            "urgent_if_meant": [],
            "past": None,
            "someone_else": None,
            "explained": None,
            "may_have_meant": [],
        }
    ]
    assert data["disclaimer"] == DISCLAIMER


def test_a_finding_set_aside_by_its_everyday_cause_is_said_to_be_explained_not_past():
    """'numb lip after the dentist' is no past event: every output says what set it aside (JSON adds the key
    ``explained``; ``past`` keeps the same words, as older readers read them)."""
    text = "my lip is numb after the dentist"
    parsed = " ".join(run("parse", text).stdout.split())  # as one line: the text output wraps
    assert "explained or played down by 'after the dentist': Numbness" in parsed and "a past event" not in parsed
    matched = run("match", text, "my feet tingle")
    shown = " ".join(matched.stdout.split())
    assert matched.exit_code == 1  # "dentist" was not understood: the results use the rest
    assert "explained or played down by 'after the dentist'" in shown and "a past event" not in shown
    data = json.loads(run("match", text, "my feet tingle", "--format", "json").stdout)
    (set_aside,) = [u for u in data["unrecognized"] if u["input"] == "lip is numb"]
    assert set_aside["explained"] == set_aside["past"] == "after the dentist"
    leftovers = json.loads(run("parse", text, "--format", "json").stdout)["leftovers"]
    parse_validator().validate(json.loads(run("parse", text, "--format", "json").stdout))
    assert [x["explained"] for x in leftovers if x["text"] == "lip is numb"] == ["after the dentist"]
    # a real past event still says so
    assert "a past event ('years ago')" in " ".join(run("parse", "numb lip years ago").stdout.split())


def test_parse_reads_standard_input():
    result = run("parse", "-", input="my hands are numb\nno fever\n")
    assert result.exit_code == 0
    assert "present Numbness - hands" in result.stdout and "ABSENT  Fever" in result.stdout


def test_match_json_carries_the_parse_under_each_finding():
    result = run("match", "--format", "json", "tingling in my feet but no dry mouth", "numbness")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(explorer.output_schema()).validate(data)
    tingling = next(r for r in data["recognized"] if r["symptom"]["id"] == "tingling")
    assert tingling["input"] == "tingling in my feet"
    assert tingling["parse"]["sites"] == [{"id": "feet", "label": "feet"}]
    (absent,) = data["absent"]
    assert absent["symptom"]["id"] == "dry_mouth" and absent["parse"]["negation"] == "no"


def test_match_reads_a_sentence_with_negation():
    out = run("match", "I have dry eyes and tingling in my hands but no dry mouth").stdout
    assert "Reported absent: Dry mouth" in out
    assert "Sjögren's syndrome" in out


@pytest.mark.slow
def test_installed_parse_command_in_a_subprocess(tmp_path):
    done = subprocess.run(
        [installed_command(), "parse", "--format", "json", "my feet tingle, no fever"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [(m["symptom"]["id"], m["status"]) for m in data["mentions"]] == [
        ("tingling", "present"),
        ("fever", "absent"),
    ]


ODD_TEXT = "numbness 😀 \x00 and tingling, שלום no fever. "  # emoji, a NUL, right-to-left words


@pytest.mark.slow
def test_installed_parse_reads_odd_text_from_stdin_without_a_traceback(tmp_path):
    done = subprocess.run(
        [installed_command(), "parse", "-"],
        input=ODD_TEXT * 400,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 1  # the Hebrew words and the emoji are left over
    assert "present Numbness" in done.stdout and "ABSENT  Fever" in done.stdout
    assert done.stdout.count("ABSENT  Fever") == 400


def test_parse_from_stdin_does_linear_work_in_the_length_of_the_text():
    assert growth(lambda n: lambda: run("parse", "-", input=ODD_TEXT * n), 40) < LINEAR_BOUND


@pytest.mark.slow
def test_parse_output_is_the_same_under_any_hash_seed(tmp_path):
    text = "tinglng & numb hands and feet, no fever or rash but dry eyes and mouth; Areflexia, zzq, Sjögren"
    outputs = set()
    for seed in ("0", "1", "12345"):
        done = subprocess.run(
            [installed_command(), "parse", "--format", "json", text],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        )
        assert done.returncode == 1, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_words_left_over_in_a_negation_say_so_before_any_did_you_mean():
    result = run("match", "numbness, no fever or red skin")
    assert result.exit_code == 1
    assert "Not recognized: \"red skin\" (said to be absent ('no'); did you mean: Small purple spots" in " ".join(
        result.stdout.split()
    )
    data = json.loads(run("match", "--format", "json", "numbness, no fever or red skin").stdout)
    assert data["unrecognized"][0]["negation"] == "no"


def test_parse_text_fits_the_terminal_width_and_never_echoes_control_characters():
    text = "tinglng in my feet but no dry mouth, Areflexia, zz\x1b[31mqq\x07"
    shown = CliRunner().invoke(cli, ["parse", text], env={"COLUMNS": "60"}).stdout
    assert "Reduced reflexes" in shown and "\x1b" not in shown and "\x07" not in shown
    assert all(len(line) <= 60 or " " not in line.strip() for line in shown.splitlines()), shown
