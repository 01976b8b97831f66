"""Every error message names what it is about: none is built from a value that may be empty and so ends
with nothing after its colon ("no recognizable findings: "), or quotes an empty name ("no case ''")."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def batch_errors(*cases):
    stdin = "".join(json.dumps(case) + "\n" for case in cases)
    done = run("batch", "-", "--input-format", "jsonl", input=stdin)
    return [json.loads(line).get("error") for line in done.stdout.splitlines()]


def test_a_batch_case_whose_findings_name_nothing_says_which_texts():
    errors = batch_errors(
        {"id": "dots", "symptoms": ["..."]},
        {"id": "filler", "symptoms": ["the", "and"]},
        {"id": "unknown", "symptoms": ["glowing toenails"]},
    )
    assert errors[0] == 'no recognizable findings: "..." (nothing in it names a finding)'
    assert errors[1] == 'no recognizable findings: "the", "and" (nothing in them names a finding)'
    assert errors[2] == 'no recognizable findings: "glowing toenails"'


def test_a_batch_case_given_only_conflicts_names_them():
    (error,) = batch_errors({"id": "both", "symptoms": ["numbness"], "absent": ["numbness"]})
    assert error == "no usable findings: Numbness (given as present and as absent)"


def test_an_empty_key_is_shown_in_the_unknown_keys_message():
    (error,) = batch_errors({"id": "k", "symptoms": ["numbness"], "": 1})
    assert error.startswith("unknown key(s) empty text (allowed:")


def test_match_names_the_findings_it_could_not_use():
    done = run("match", "...", " ")
    assert done.exit_code == 2  # the blank finding was never read, so it is not named
    assert 'none of the findings could be used: "..." (nothing in it names a finding).' in done.stderr
    conflict = run("match", "numbness", "--absent", "numbness")
    assert "could be used: Numbness (given as present and as absent)." in conflict.stderr


def test_match_with_output_to_a_file_points_at_the_file(tmp_path):
    target = tmp_path / "case.html"
    done = run("match", "numbness", "xyzzy", "--format", "html", "-o", str(target))
    assert done.exit_code == 1
    assert f"could not be used (see {target})" in done.stderr and "see above" not in done.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["match", "numbness", "--what-if", ""], "a what-if change is empty: give a sign and a finding"),
        (["match", "numbness", "--what-if", "+"], 'what-if change "+" names no finding after its sign'),
        (["match", "numbness", "--what-if", " ! "], 'what-if change " ! " names no finding after its sign'),
        (["match", "numbness", "--what-if", "dry mouth"], "must start with + (add)"),
        (["show", ""], "CONDITION is empty: give an id, name or alias"),
        (["compare", "", "lupus"], "a condition name is empty: give an id, name or alias"),
        (["compare", "sjogren", " "], "a condition name is empty"),
        (["cases", "show", ""], "ID is empty; list them with: symptom-explorer cases"),
        (["batch", "-", "-o", ""], "--output is empty: name a file, or - for stdout"),
    ],
)
def test_an_empty_name_is_said_to_be_empty(args, message):
    done = run(*args)
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert message in done.stderr
    assert "''" not in done.stderr and '""' not in done.stderr
