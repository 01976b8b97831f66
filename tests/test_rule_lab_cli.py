"""The rule lab on the command line: --rules FILE on the commands that reason, `rules new` and `rules try`,
checked through CliRunner and, on the exercise packs and a broken pack, as a user runs the installed command."""

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.knowledge.loader import packaged_folders
from tests.test_installed import installed_command

LAB = packaged_folders()[0] / "lab"
EXERCISES = sorted(LAB.glob("exercise*.yaml"))
RULE = "lab.lupus-ulcers-with-joints"
LUPUS_CASE = ["dry eyes", "joint pain", "tiredness", "mouth ulcers"]


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.fixture
def exercise1() -> Path:
    return LAB / "exercise1_sjogren_or_lupus.yaml"


def test_match_with_a_rule_that_fires_changes_the_output_and_names_the_rule(exercise1):
    plain = run("match", *LUPUS_CASE)
    with_pack = run("match", "--rules", exercise1, "--explain", *LUPUS_CASE)
    assert with_pack.exit_code == 0
    assert "1. Systemic lupus erythematosus - strong match" in with_pack.stdout
    assert "1. Sjögren's syndrome" in plain.stdout and "Includes" not in plain.stdout
    assert f"Includes 1 rule from {exercise1}, not part of the explorer's knowledge" in " ".join(
        with_pack.stdout.split()
    )
    assert f"{RULE} (learner's rule) [" in " ".join(with_pack.stdout.split())  # the trace marks it


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "mermaid", "dot"])
def test_every_match_format_says_it_includes_the_pack(exercise1, fmt):
    out = " ".join(run("match", "--rules", exercise1, "--format", fmt, *LUPUS_CASE).stdout.split())
    assert "not part of the explorer&#x27;s knowledge" in out or "not part of the explorer's knowledge" in out


def test_json_adds_the_rule_pack_key_and_marks_the_learners_firings(exercise1):
    data = json.loads(run("match", "--rules", exercise1, "--format", "json", *LUPUS_CASE).stdout)
    assert data["rule_pack"]["rules"] == [RULE] and data["rule_pack"]["source"] == str(exercise1)
    assert [t["rule"] for t in data["trace"] if t.get("from_pack")] == [RULE]
    assert "rule_pack" not in json.loads(run("match", "--format", "json", *LUPUS_CASE).stdout)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "markdown"])
def test_every_batch_format_says_it_includes_the_pack(exercise1, tmp_path, fmt):
    cases = tmp_path / "cases.csv"
    cases.write_text('id,present\nc1,"dry eyes; joint pain; tiredness; mouth ulcers"\n', encoding="utf-8")
    out = run("batch", "--rules", exercise1, "--format", fmt, cases).stdout
    assert "not part of the explorer's knowledge" in out.replace("\\(", "(").replace("\\)", ")")


@pytest.mark.parametrize(
    "args", [["compare", "sjogren", "lupus"], ["cases", "show", "lookalike-lupus"], ["match", "--step", "dry eyes"]]
)
def test_compare_cases_and_step_say_it_too(exercise1, args):
    result = run(*args, "--rules", exercise1)
    assert "not part of the explorer's knowledge" in " ".join(result.stdout.split())


def test_cases_show_runs_with_a_pack_given_to_the_cases_group(exercise1):
    result = run("cases", "--rules", exercise1, "show", "lookalike-lupus")
    assert "not part of the explorer's knowledge" in " ".join(result.stdout.split())


def test_a_broken_pack_gives_file_line_and_exit_3(tmp_path):
    pack = tmp_path / "rules.yaml"
    pack.write_text("- id: lab.x\n  when: {all: [dry_eye]}\n  suggest: sjogren\n  strength: weak\n", encoding="utf-8")
    result = run("match", "--rules", pack, "numbness")
    assert result.exit_code == 3 and result.stdout == ""
    assert "symptom-explorer: the rule pack is invalid:" in result.stderr
    assert f"{pack}:2: rule 'lab.x'.when.all: unknown finding 'dry_eye' (did you mean 'dry_eyes'?)" in result.stderr


def test_a_pack_suppressing_a_red_flag_is_refused_by_name(tmp_path):
    pack = tmp_path / "rules.yaml"
    pack.write_text(
        "- id: red-flag.breathing\n  when: {all: [numbness]}\n  red_flag: breathing\n  salience: 99\n"
        "  explanation: x\n  sources: [{reference: 'https://e.org'}]\n",
        encoding="utf-8",
    )
    result = run("match", "--rules", pack, "trouble breathing")
    assert result.exit_code == 3
    assert "cannot set a salience" in result.stderr and "not raise a red flag" in result.stderr


def test_rules_new_writes_a_template_that_is_valid_as_written(tmp_path):
    target = tmp_path / "my_rules.yaml"
    result = run("rules", "new", "-o", target)
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# A rule pack")
    tried = run("match", "--rules", target, "dry eyes", "mouth ulcers", "--format", "json")
    assert tried.exit_code == 0
    assert json.loads(tried.stdout)["rule_pack"]["rules"] == ["my.dry-eyes-with-mouth-ulcers"]
    assert run("rules", "new").stdout == target.read_text(encoding="utf-8")


def test_rules_alone_still_lists_the_rules():
    assert "IF" in run("rules", "--for", "sjogren").stdout


EXPECTED_CHANGES = {
    "exercise1_sjogren_or_lupus.yaml": (
        "lookalike-lupus",
        ["Systemic lupus erythematosus: strength moderate -> strong", "Systemic lupus erythematosus: rank 2 -> 1"],
    ),
    "exercise2_salience.yaml": ("lookalike-lupus", ["Systemic lupus erythematosus: rank 2 -> 1"]),
    "exercise3_why_not_fired.yaml": (
        "numb-after-infection",
        ["new suggestion: Guillain-Barré syndrome (weak, rank 2)"],
    ),
}


@pytest.mark.parametrize("pack", EXERCISES, ids=[p.name for p in EXERCISES])
def test_rules_try_on_each_exercise_pack(pack):
    case, expected = EXPECTED_CHANGES[pack.name]
    data = json.loads(run("rules", "try", pack, "--format", "json").stdout)
    changed = {c["case"]: c for c in data["changed"]}
    assert set(expected) <= set(changed[case]["changes"]) and changed[case]["fired"]
    assert data["never_fired"] == [] and data["cases"] >= 18
    text = " ".join(run("rules", "try", pack).stdout.split())
    assert case in text and expected[0] in text and "not part of the explorer's knowledge" in text


def test_exercise2_pattern_rule_fires_before_every_suggestion_rule():
    data = json.loads(run("match", "--rules", LAB / "exercise2_salience.yaml", "--format", "json", *LUPUS_CASE).stdout)
    kinds = [(t["concluded"]["kind"], t["rule"]) for t in data["trace"]]
    first_suggestion = next(i for i, (kind, _) in enumerate(kinds) if kind == "suggest")
    assert kinds.index(("infer", "lab.mucosal-signs")) < first_suggestion


def test_as_a_user_would_the_installed_command_on_the_exercise_packs_and_a_broken_one(tmp_path):
    command = installed_command()
    for pack in EXERCISES:
        done = subprocess.run([command, "rules", "try", str(pack)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and "Traceback" not in done.stderr
        assert EXPECTED_CHANGES[pack.name][0] in done.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id: lab.x\n  when: [oops\n", encoding="utf-8")
    done = subprocess.run(
        [command, "match", "--rules", str(broken), "numbness"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert f"{broken}:3:" in done.stderr or f"{broken}:2:" in done.stderr


def test_serve_serves_the_built_in_knowledge_plus_the_pack(kb, exercise1):
    """`serve --rules FILE` hands create_app the joined base: the API's results carry the pack and its firings."""
    from starlette.testclient import TestClient

    from explorer.knowledge.rulepack import apply_pack, read_pack
    from explorer.web import create_app

    joined, _ = apply_pack(kb, read_pack(exercise1), "exercise1.yaml")
    data = TestClient(create_app(joined)).post("/api/explore", json={"present": LUPUS_CASE}).json()
    assert data["rule_pack"]["rules"] == [RULE] and data["suggestions"][0]["condition"]["id"].startswith("systemic")
    plain = TestClient(create_app(kb)).post("/api/explore", json={"present": LUPUS_CASE}).json()
    assert "rule_pack" not in plain


@pytest.mark.parametrize(
    "text, message",
    [
        ("# " + "x" * 300_000 + "\n", "bytes, the limit for a rule pack"),
        ("rules: &loop [*loop]\n", "an alias refers to a list or mapping that contains it"),
        ("rules: " + "[" * 40 + "]" * 40 + "\n", "nested more than 32 levels deep"),
        ("".join(f"- {{id: r{i}}}\n" for i in range(2001)), "2,001 rules, over the limit of 2,000 for a rule pack"),
    ],
    ids=["huge", "cyclic", "deeply-nested", "2001-rules"],
)
def test_hostile_packs_are_refused_by_the_cli_with_exit_3(tmp_path, text, message):
    pack = tmp_path / "pack.yaml"
    pack.write_text(text, encoding="utf-8")
    result = run("match", "--rules", pack, "numbness")
    assert result.exit_code == 3 and message in result.stderr


def test_quiz_with_a_pack_says_so_in_its_reveal(exercise1):
    result = CliRunner().invoke(cli, ["quiz", "--rules", str(exercise1), "--case", "lookalike-lupus"], input="1\n")
    assert "not part of the explorer's knowledge" in " ".join(result.stdout.split())


def test_exercise3_the_class_first_version_fires_in_no_case_until_fever_is_reported_absent(tmp_path):
    """The lesson's claim: with `absent: [fever]` the rule fires nowhere, because no case says "no fever"."""
    solution = (LAB / "exercise3_why_not_fired.yaml").read_text(encoding="utf-8")
    first_try = tmp_path / "first_try.yaml"
    first_try.write_text(
        solution.replace(
            "    all: [numbness, recent_infection]\n", "    all: [numbness, recent_infection]\n    absent: [fever]\n"
        ),
        encoding="utf-8",
    )
    data = json.loads(run("rules", "try", first_try, "--format", "json").stdout)
    assert data["never_fired"] == ["lab.numb-after-infection"] and data["changed"] == []
    reported = json.loads(
        run(
            "match", "--rules", first_try, "--absent", "fever", "--format", "json", "numbness", "recent infection"
        ).stdout
    )
    assert [t["rule"] for t in reported["trace"] if t.get("from_pack")] == ["lab.numb-after-infection"]


def test_rules_with_a_pack_lists_the_learners_rule_marked_and_valid_json(exercise1):
    import jsonschema

    from explorer.api import output_schema

    text = " ".join(run("rules", "--rules", exercise1, "--for", "lupus").stdout.split())
    assert f"{RULE} (learner's rule) (strength strong, salience 10)" in text
    assert "not part of the explorer's knowledge" in text
    data = json.loads(run("rules", "--rules", exercise1, "--for", "lupus", "--format", "json").stdout)
    marked = [r["id"] for g in data["groups"] for r in g["rules"] if r.get("from_pack")]
    assert marked == [RULE] and data["rule_pack"]["rules"] == [RULE]
    schema = output_schema()
    jsonschema.validate(data, {"$ref": "#/$defs/rule_list", "$defs": schema["$defs"]})
    compared = json.loads(run("compare", "--rules", exercise1, "sjogren", "lupus", "--format", "json").stdout)
    jsonschema.validate(compared, {"$ref": "#/$defs/comparison", "$defs": schema["$defs"]})
    matched = json.loads(run("match", "--rules", exercise1, "--format", "json", *LUPUS_CASE).stdout)
    jsonschema.validate(matched, schema)


def test_a_pack_that_is_a_fifo_or_not_utf8_is_refused_without_waiting(tmp_path):
    import os

    fifo = tmp_path / "pack.fifo"
    os.mkfifo(fifo)  # nothing ever writes to it: reading it would wait forever
    result = run("match", "--rules", fifo, "numbness")
    assert result.exit_code == 3 and f"{fifo}: not a regular file" in result.stderr
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("- id: caf\xe9\n".encode("latin-1"))
    result = run("match", "--rules", latin, "numbness")
    assert result.exit_code == 3 and f"{latin}: not valid UTF-8 text" in result.stderr


def test_a_missing_key_is_reported_once(tmp_path):
    # the keys' check and the sources' check both notice it; the learner reads it once
    path = tmp_path / "pack.yaml"
    path.write_text("- id: x\n  when:\n    all: [numbness]\n  suggest: sjogren_syndrome\n  strength: weak\n")
    done = CliRunner().invoke(cli, ["match", "--rules", str(path), "numbness"])
    assert done.exit_code == 3
    assert done.output.count("missing required key 'sources'") == 1
