"""The teaching commands through click's CliRunner (exit code, stdout, stderr) and, for each, the
installed command in a subprocess."""

import json
import re

import jsonschema
import pytest
from click.testing import CliRunner

from explorer import output_schema
from explorer.cli import cli
from explorer.cli.display import terminal_display
from tests.test_installed import installed


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, list(args), input=input, env=env)


# -- rules --------------------------------------------------------------------------------------------
def test_rules_lists_every_rule_as_if_then(kb):
    done = run("rules", "--all")
    assert done.exit_code == 0, done.stderr
    for rule in kb.rules:
        assert rule.id in done.stdout
    assert done.stdout.count("THEN") == len(kb.rules)
    assert "IF      Dryness of eyes or mouth (sicca)\n    AND     Sensory nerve symptoms" in done.stdout
    assert "salience 30" in done.stdout and "strength strong" in done.stdout


def test_rules_filters_and_formats(kb):
    sjogren = run("rules", "--for", "Sjögren")
    assert sjogren.exit_code == 0 and "sjogren.sicca" in sjogren.stdout and "gbs." not in sjogren.stdout
    numb = json.loads(run("rules", "--uses", "numb feet", "--format", "json").stdout)
    ids = {r["id"] for g in numb["groups"] for r in g["rules"]}
    assert "pattern.sensory" in ids and "sjogren.dry-eyes-and-mouth" not in ids
    assert numb["groups"][0]["rules"][0]["then"]["kind"] in ("infer", "suggest", "red_flag")
    markdown = run("rules", "--for", "gbs", "--format", "markdown").stdout
    assert markdown.startswith("# Rules") and "### `gbs.paralysis`" in markdown and "not a diagnosis" in markdown


def test_rules_diagrams(kb):
    mermaid = run("rules", "--format", "mermaid").stdout
    assert "flowchart LR" in mermaid and '["Numbness"]:::finding' in mermaid and "Trouble breathing" in mermaid
    arrow = re.search(r'^  (f\d+) -->\|"pattern.sicca"\| (p\d+)$', mermaid, re.M)
    assert arrow, "an arrow joins two nodes by their short ids, labelled with its rule"
    assert re.search(rf'^  {arrow[1]}\["Dry eyes"\]:::finding$', mermaid, re.M)
    assert re.search(rf'^  {arrow[2]}\(\["Dryness of eyes or mouth \(sicca\)"\]\):::pattern$', mermaid, re.M)
    whole = run("rules", "--all", "--format", "mermaid").stdout
    # Mermaid's defaults (maxTextSize, maxEdges): a longer text is drawn as an error box, not a diagram
    assert len(whole) < 50_000 and whole.count(" --> ") + whole.count(" -.-> ") < 500
    dot = run("rules", "--for", "sjogren", "--format", "dot").stdout
    assert dot.startswith("// Educational only, not a diagnosis")
    assert dot.splitlines()[1] == 'digraph "knowledge network" {' and dot.rstrip().endswith("}")
    assert '"pattern:sicca_symptoms" -> "condition:sjogren_syndrome"' in dot
    assert "guillain" not in dot


@pytest.mark.parametrize("args", [["--for", "sjogrn"], ["--uses", "no such finding"]])
def test_rules_unknown_filter_is_a_usage_error(args):
    done = run("rules", *args)
    assert done.exit_code == 2 and done.stdout == ""
    assert "Traceback" not in done.stderr and ("did you mean" in done.stderr.lower() or "symptoms -s" in done.stderr)


# -- match: json steps, what-if, step, handout, diagrams ------------------------------------------------
def test_match_json_carries_the_steps():
    data = json.loads(run("match", "--format", "json", "numbness", "dry eyes", "trouble breathing").stdout)
    jsonschema.validate(data, output_schema())
    assert [s["rule"] for s in data["steps"]] == [t["rule"] for t in data["trace"]]
    assert data["steps"][0]["why"] == "salience" and data["steps"][0]["rule"] == "red-flag.breathing"


def test_match_what_if():
    done = run("match", "numbness", "dry eyes", "--what-if", "+dry mouth", "--what-if", "!numbness")
    assert done.exit_code == 0, done.stderr
    assert "What if: +Dry mouth, !Numbness" in done.stdout
    assert "Rules that start firing: sjogren.dry-eyes-and-mouth" in done.stdout
    assert "Peripheral neuropathy: leaves (was " in " ".join(done.stdout.split())  # however it wraps
    data = json.loads(run("match", "numbness", "--what-if", "+trouble breathing", "--format", "json").stdout)
    assert data["red_flags_raised"] == ["breathing"] and data["before"]["schema_version"] == 1
    markdown = run("match", "numbness", "--what-if", "+dry eyes", "--format", "markdown").stdout
    assert markdown.startswith("# What if: +Dry eyes") and "## What changed" in markdown


@pytest.mark.parametrize(
    "args, message",
    [
        (["numbness", "--what-if", "dry mouth"], "must start with +"),
        (["numbness", "--what-if", "+flibbertigibbet"], "not a finding"),
        (["numbness", "--what-if", "+dry mouth", "--format", "html"], "--what-if shows text"),
        (["numbness", "--step", "--format", "json"], "--step shows text"),
        (["numbness", "--step", "--what-if", "+dry eyes"], "do not go together"),
    ],
)
def test_match_teaching_options_refuse_bad_usage(args, message):
    done = run("match", *args)
    assert done.exit_code == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_match_step_reads_enter_back_and_quit():
    done = run("match", "--step", "numbness", "dry eyes", input="\nb\n\nq\n")
    assert done.exit_code == 0, done.stderr
    screens = re.findall(r"STEP (\d) of (\d)", done.stdout)
    assert [s for s, _ in screens] == ["1", "2", "1", "2"]
    assert "Fires first because" in done.stdout and "Working memory before this step:" in done.stdout
    assert "1. Sjögren's syndrome - moderate match" in done.stdout  # the result follows the steps


def test_match_step_to_the_end_and_at_end_of_input():
    steps = len(re.findall("Fired:", run("match", "--step", "numbness", input="\n" * 20).stdout))
    trace = json.loads(run("match", "--format", "json", "numbness").stdout)["trace"]
    assert steps == len(trace)
    done = run("match", "--step", "numbness", input="")  # stdin closed at once: first screen, then the result
    assert done.exit_code == 0 and done.stdout.count("STEP 1 of") == 1 and "Peripheral neuropathy" in done.stdout


def test_match_html_handout_written_to_a_file(tmp_path):
    target = tmp_path / "case.html"
    done = run(
        "match", "numbness", "dry eyes", "trouble breathing", "<b>odd</b>", "--format", "html", "-o", str(target)
    )
    assert done.exit_code == 1  # one finding was not recognized; the handout uses the rest
    assert done.stdout == "" and f"wrote {target}" in done.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "not a diagnosis" in page
    assert "&lt;b&gt;odd&lt;" in page and "<b>odd" not in page  # the parser splits the markup at "/"
    assert not re.search(r"<script|<link|src=|@import|url\(http", page)
    assert "red-flag.breathing" in page and "ORPHA:289390" in page


def test_match_html_cannot_write_is_a_usage_error(tmp_path):
    done = run("match", "numbness", "--format", "html", "-o", str(tmp_path / "missing" / "case.html"))
    assert done.exit_code == 2 and "cannot write" in done.stderr


def test_match_fired_path_diagrams():
    mermaid = run("match", "numbness", "dry eyes", "--format", "mermaid").stdout
    assert "flowchart LR" in mermaid and '["Numbness"]:::finding' in mermaid
    assert '[["Sjögren\'s syndrome"]]:::condition' in mermaid
    assert "Double vision" not in mermaid  # only the fired path
    dot = run("match", "numbness", "dry eyes", "--format", "dot").stdout
    assert '"finding:dry_eyes" -> "pattern:sicca_symptoms"' in dot


# -- compare, cases, quiz, conditions -----------------------------------------------------------------
def test_compare_command():
    done = run("compare", "GBS", "multiple sclerosis")
    assert done.exit_code == 0, done.stderr
    assert "Guillain-Barré syndrome  compared with  Multiple sclerosis" in done.stdout
    assert "Only Multiple sclerosis:" in done.stdout and "Double vision" in done.stdout
    assert "Questions that best tell them apart:" in done.stdout
    data = json.loads(run("compare", "diabetic_neuropathy", "alcohol_related_neuropathy", "--format", "json").stdout)
    assert "diabetes" in [f["id"] for f in data["only_a"]]
    assert run("compare", "sjogren", "lupus", "--format", "html").stdout.startswith("<!DOCTYPE html>")
    assert "## Questions that best tell them apart" in run("compare", "ra", "sle", "--format", "markdown").stdout


def test_a_finding_known_only_as_frequent_is_never_called_a_hallmark(kb):
    """ "A hallmark" says a finding marks a condition out; an annotation says only how often it occurs."""
    from explorer.reasoning.compare import compare

    questions = compare("sjogren_syndrome", "systemic_lupus_erythematosus", kb=kb).questions
    by_frequency = [q for q in questions if q.role == "hallmark" and q.frequency]
    assert by_frequency, "the pair has hallmarks known only from annotation frequencies"
    for question in questions:
        name = kb.conditions[question.points_to].name
        said = question.sentence(name)
        if question in by_frequency:
            assert f": {question.frequency} in {name}" in said or f": always present in {name}" in said, said
        else:
            assert "very frequent in" not in said
    done = run("compare", "sjogren", "lupus").stdout
    assert "Feeling generally unwell: a hallmark" not in done


def test_a_warning_sign_reached_only_through_a_pattern_is_not_a_shared_finding(kb):
    from explorer.reasoning.compare import compare

    shared = [a.id for a, _ in compare("sjogren", "lupus", kb=kb).shared]
    assert "numbness" in shared and "numbness_spreading" not in shared
    gbs = compare("gbs", "diabetic_neuropathy", kb=kb)
    assert "trouble_breathing" in [f.id for f in gbs.only_a], "a warning sign on a card stays in its picture"


def test_compare_unknown_condition():
    done = run("compare", "sjogren", "sjogrn")
    assert done.exit_code == 2 and 'no condition named "sjogrn"' in done.stderr and "sjogren_syndrome" in done.stderr


def test_cases_list_and_show():
    listed = run("cases")
    assert listed.exit_code == 0 and "lookalike-ms" in listed.stdout and "Note:" in listed.stdout
    data = json.loads(run("cases", "--format", "json").stdout)
    assert len(data["cases"]) >= 12 and all(c["expect"] for c in data["cases"])
    assert "| `lookalike-gbs` |" in run("cases", "--format", "markdown").stdout
    shown = run("cases", "show", "weakness-and-breathless")
    assert shown.exit_code == 0, shown.stderr
    assert "Teaching note:" in shown.stdout and "(the engine agrees)" in shown.stdout
    assert "!! URGENT" in shown.stdout and "How the engine reasoned" in shown.stdout
    markdown = run("cases", "show", "lookalike-ms", "--format", "markdown").stdout
    assert markdown.startswith("# Case `lookalike-ms`") and "*Teaching note:*" in markdown
    assert "## How the engine reasoned" in markdown
    page = run("cases", "show", "lookalike-ms", "--format", "html").stdout
    assert "<title>Case lookalike-ms</title>" in page and "Teaching note:" in page and "<svg" in page
    unknown = run("cases", "show", "no-such-case")
    assert unknown.exit_code == 2 and "no case 'no-such-case'" in unknown.stderr


def test_a_teachers_own_cases(tmp_path):
    own = tmp_path / "mine.yaml"
    own.write_text(
        "- id: dry\n  symptoms: [dry eyes, dry mouth]\n  expect: {first: sjogren_syndrome}\n"
        "- id: wrong\n  symptoms: [numbness]\n  expect: {first: multiple_sclerosis}\n",
        encoding="utf-8",
    )
    assert [c["id"] for c in json.loads(run("cases", "--cases", str(own), "--format", "json").stdout)["cases"]] == [
        "dry",
        "wrong",
    ]
    wrong = run("cases", "show", "wrong", "--cases", str(own))
    assert wrong.exit_code == 1 and "expected multiple_sclerosis first, got peripheral_neuropathy" in wrong.stderr
    quiz = run("quiz", "--cases", str(own), input="sjogren\n6\n")
    assert quiz.exit_code == 0, quiz.stderr
    assert "Right! The explorer ranks Sjögren's syndrome first." in quiz.stdout
    assert "Not this time. The explorer ranks Multiple sclerosis first." in quiz.stdout
    assert "Final score: 1 of 2" in quiz.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  symptoms: [numbness]\n  expect: [sjogren]\n", encoding="utf-8")
    refused = run("quiz", "--cases", str(bad))
    assert refused.exit_code == 2 and "bad.yaml:1: 'expect' must be a mapping" in refused.stderr


def test_a_teachers_expected_answer_is_named_as_show_takes_it_or_refused_by_name(tmp_path):
    own = tmp_path / "own.yaml"
    own.write_text("- id: alias\n  symptoms: [dry eyes, dry mouth]\n  expect: {first: sjogren}\n", encoding="utf-8")
    quiz = run("quiz", "--cases", str(own), input="4\n")  # an alias, kept as the condition's id
    assert quiz.exit_code == 0 and quiz.exception is None, quiz.stderr
    assert "Right! The explorer ranks Sjögren's syndrome first." in quiz.stdout
    assert run("cases", "show", "alias", "--cases", str(own)).exit_code == 0
    for expect, message in [
        ("{first: nosuch}", "'expect': no condition called 'nosuch'"),
        ("{first: lupos}", "no condition called 'lupos' (did you mean: systemic_lupus_erythematosus"),
        ("{first: sjogren, red_flags: [breath]}", "'expect': no red flag called 'breath' (the ids: breathing,"),
    ]:
        own.write_text(f"- id: x\n  symptoms: [numbness]\n  expect: {expect}\n", encoding="utf-8")
        for command in (["quiz"], ["cases"]):
            refused = run(*command, "--cases", str(own), input="1\n")
            assert refused.exit_code == 2 and message in refused.stderr, (command, refused.output)
        batch = run("batch", str(own))  # the one case refused by name, the run goes on
        assert batch.exit_code == 1 and message in batch.stdout and "Traceback" not in batch.output


@pytest.mark.parametrize(
    "command", [["match", "--from"], ["cases", "--cases"], ["quiz", "--cases"], ["ask", "--answers"]]
)
def test_a_case_file_that_is_not_a_list_is_refused_with_its_name_and_line(tmp_path, command):
    broken = tmp_path / "g.yaml"
    broken.write_text("# a teacher's file\ngarbage: [\n", encoding="utf-8")
    done = run(*command, str(broken), input="")
    assert done.exit_code == 2 and f"{broken}:2: expected a YAML list of cases" in done.stderr, done.output
    broken.write_text("", encoding="utf-8")
    assert f"{broken}: the input holds no cases" in run(*command, str(broken), input="").stderr


def test_quiz_names_the_cases_it_leaves_out(tmp_path):
    own = tmp_path / "own.yaml"
    cases = ["- id: dry\n  symptoms: [dry eyes, dry mouth]", "- id: nonsense\n  symptoms: [xyzzy]"]
    cases.append("- id: breath\n  symptoms: [trouble breathing]")  # a warning only: nothing ranked first
    own.write_text("\n".join(cases) + "\n", encoding="utf-8")
    quiz = run("quiz", "--cases", str(own), input="4\n")
    assert quiz.exit_code == 0 and "Case 1 of 1: dry" in quiz.stdout and "Final score: 1 of 1" in quiz.stdout
    assert "2 case(s) with no condition ranked first are left out of the quiz: nonsense, breath" in quiz.stderr
    own.write_text(cases[2] + "\n", encoding="utf-8")
    none = run("quiz", "--cases", str(own))
    assert none.exit_code == 2 and "no case has a condition ranked first to quiz on" in none.stderr


def test_quiz_skip_retry_and_quit():
    done = run("quiz", input="s\nforty-two\n1\nq\n")
    assert done.exit_code == 0, done.stderr
    assert "Case 1 of" in done.stdout and "Skipped." in done.stdout
    assert "Type a number from 1 to" in done.stdout and "Final score: " in done.stdout
    assert done.stdout.count("Case ") >= 3


def test_conditions_markdown(kb):
    done = run("conditions", "--format", "markdown")
    assert done.exit_code == 0 and done.stdout.startswith("# Conditions the explorer can suggest")
    assert all(f"| `{c}` |" in done.stdout for c in kb.conditions)


# -- terminal layout ----------------------------------------------------------------------------------
def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert terminal_display(is_tty=True).color and not terminal_display(is_tty=False).color
    assert not terminal_display(is_tty=True, no_color=True).color
    monkeypatch.setenv("NO_COLOR", "1")
    assert not terminal_display(is_tty=True).color


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["match", "--explain", "numbness", "dry eyes", "trouble breathing", "recent flu", "weak legs"],
        ["show", "guillain_barre_syndrome"],
        ["rules"],
        ["compare", "sjogren", "lupus"],
        ["cases", "show", "lookalike-lupus"],
        ["conditions"],
        ["symptoms"],
    ],
)
def test_wrapped_at_80_columns_never_mid_word(args):
    """At 80 columns every line fits and the words are exactly those of the wide layout: nothing was cut."""
    narrow = installed(*args, env={"COLUMNS": "80"})
    wide = installed(*args, env={"COLUMNS": "200"})
    assert narrow.returncode == wide.returncode == 0, narrow.stderr
    # only a single word longer than the width (a source's web address) may stick out
    assert [line for line in narrow.stdout.splitlines() if len(line) > 80 and len(line.split()) > 1] == []
    assert narrow.stdout.split() == wide.stdout.split()
    assert "\x1b[" not in narrow.stdout  # a pipe gets no colour


# -- the installed command ----------------------------------------------------------------------------
@pytest.mark.slow
def test_installed_teaching_commands(tmp_path):
    assert "THEN" in installed("rules", "--for", "lupus").stdout
    assert "Questions that best tell them apart" in installed("compare", "gbs", "ms").stdout
    assert "lookalike-diabetic" in installed("cases").stdout
    quiz = installed("quiz", "--case", "lookalike-alcohol", input="alcohol-related neuropathy\n")
    assert quiz.returncode == 0 and "Final score: 1 of 1" in quiz.stdout
    handout = installed("match", "numbness", "dry eyes", "--format", "html", "-o", "case.html", cwd=tmp_path)
    assert handout.returncode == 0 and (tmp_path / "case.html").read_text(encoding="utf-8").count("<svg") == 1
    step = installed("match", "--step", "numbness", input="\n\nq\n")
    assert step.returncode == 0 and "STEP 3 of" in step.stdout and "Traceback" not in step.stderr


# -- the JSON of the teaching commands follows the published schema -----------------------------------
@pytest.mark.parametrize(
    "definition, args",
    [
        ("what_if", ["match", "numbness", "dry eyes", "--what-if", "+dry mouth", "--what-if", "!numbness"]),
        ("what_if", ["match", "muscle weakness", "--what-if", "+trouble breathing", "--what-if", "-muscle weakness"]),
        ("comparison", ["compare", "sjogren", "lupus"]),
        ("comparison", ["compare", "gbs", "ms"]),
        ("rule_list", ["rules"]),
        ("rule_list", ["rules", "--for", "sle"]),
        ("case_list", ["cases"]),
        ("case_run", ["cases", "show", "cannot-move-cannot-swallow"]),
    ],
)
def test_teaching_json_follows_the_schema(definition, args):
    schema = output_schema()
    done = run(*args, "--format", "json")
    assert done.exit_code == 0, done.stderr
    jsonschema.validate(json.loads(done.stdout), {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]})
