"""Hostile knowledge folders: `check` names what is wrong (cycles with their path, files that are
folders, links that loop, FIFOs, files past the size limit) and exits 3, never with a traceback; and
the questionnaire stays fast however densely the patterns are linked."""

import os
import subprocess

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.knowledge.loader import load_knowledge
from explorer.reasoning.questionnaire import Questionnaire
from tests.kbedit import edit
from tests.test_installed import installed_command


def check(kb_dir):
    result = CliRunner().invoke(cli, ["check", "--knowledge", str(kb_dir)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_a_pattern_inferred_from_itself_is_refused(kb_copy):
    rules = kb_copy / "rules" / "10_patterns.yaml"
    edit(
        rules,
        "any: [sensory_nerve_symptoms, motor_nerve_symptoms]",
        "any: [sensory_nerve_symptoms, motor_nerve_symptoms, peripheral_nerve_involvement]",
    )
    result = check(kb_copy)
    assert result.exit_code == 3
    assert "pattern 'peripheral_nerve_involvement' is inferred from itself (rule pattern.peripheral)" in result.stderr
    assert f"{rules}:" in result.stderr


def test_a_cycle_of_pattern_rules_is_refused_with_its_path(kb_copy):
    rules = kb_copy / "rules" / "10_patterns.yaml"
    edit(
        rules,
        "any: [numbness, tingling, nerve_pain]",
        "any: [numbness, tingling, nerve_pain, peripheral_nerve_involvement]",
    )
    result = check(kb_copy)
    assert result.exit_code == 3
    assert (
        "pattern rules form a cycle: peripheral_nerve_involvement <- sensory_nerve_symptoms "
        "<- peripheral_nerve_involvement"
    ) in result.stderr


def test_the_packaged_knowledge_has_no_cycle():
    result = check_packaged = CliRunner().invoke(cli, ["check"])
    assert check_packaged.exit_code == 0 and result.stdout.startswith("OK")


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda rules: (rules / "x.yaml").mkdir(), "x.yaml: is a folder, not a file"),
        (
            lambda rules: os.symlink(rules / "loop.yaml", rules / "loop.yaml"),
            "loop.yaml: is a symbolic link that loops",
        ),
        (lambda rules: os.mkfifo(rules / "pipe.yaml"), "pipe.yaml: cannot be read: not a regular file"),
        (lambda rules: (rules / "big.yaml").write_bytes(b"# " + b"x" * (3 << 20) + b"\n"), "big.yaml: larger than"),
        (lambda rules: (rules / "deep.yaml").write_text("- " + "[" * 900 + "]" * 900 + "\n"), "nested more than 32"),
        (lambda rules: (rules.parent / "data" / "history.yaml").unlink(), "history.yaml: file is missing"),
    ],
    ids=["folder named .yaml", "symlink loop", "fifo", "10 MB file", "deep nesting", "missing file"],
)
def test_unusable_knowledge_files_are_named(kb_copy, make, message):
    make(kb_copy / "rules")
    result = check(kb_copy)
    assert result.exit_code == 3 and message in result.stderr, result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_is_named(kb_copy):
    (kb_copy / "rules" / "40_autoimmune.yaml").chmod(0)
    result = check(kb_copy)
    assert result.exit_code == 3 and "40_autoimmune.yaml: cannot be read: Permission denied" in result.stderr


def dense(kb_copy, count=14):
    """``count`` patterns, each inferred from every earlier one: 2**count paths through the rules."""
    symptoms = "numbness, tingling, nerve_pain, dry_eyes, dry_mouth, joint_pain, fever, muscle_weakness"
    patterns, rules = [], []
    for i in range(count):
        patterns.append(f"- id: dense_{i}\n  label: Dense {i}\n  description: Linked to every earlier one.\n")
        refs = ", ".join([symptoms] + [f"dense_{j}" for j in range(i)])
        rules.append(
            f"- id: dense.r{i}\n  when:\n    any: [{refs}]\n  infer: dense_{i}\n  explanation: generated.\n"
            "  sources:\n    - reference: https://example.org/dense-test\n"
        )
    rules.append(
        f"- id: dense.top\n  when:\n    all: [dense_{count - 1}]\n  suggest: sjogren_syndrome\n"
        "  strength: weak\n  explanation: generated.\n  sources:\n    - reference: https://example.org/dense-test\n"
    )
    with open(kb_copy / "data" / "patterns.yaml", "a", encoding="utf-8") as out:
        out.write("\n" + "\n".join(patterns))
    (kb_copy / "rules" / "90_dense.yaml").write_text("\n".join(rules), encoding="utf-8")
    return kb_copy


def test_densely_linked_patterns_still_give_a_question(kb_copy):
    questionnaire = Questionnaire(load_knowledge(dense(kb_copy)))
    questionnaire.record("numbness", "yes")
    questionnaire.record("dry_eyes", "yes")
    assert questionnaire.next_question() is not None


@pytest.mark.slow
def test_ask_over_dense_patterns_in_a_subprocess_within_its_cap(kb_copy):
    done = subprocess.run(
        [installed_command(), "ask", "--knowledge", str(dense(kb_copy))],
        input="numbness, dry eyes\n\nyes\nno\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "Question 1:" in done.stdout and "Traceback" not in done.stderr
