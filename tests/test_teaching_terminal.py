"""`match --step` and `quiz` in a real pseudo-terminal, as a class would see them: an 80-column
projector terminal, colour on, keys pressed one at a time."""

import re

import pytest

from tests.test_installed import installed_command

pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency: pip install '.[test]'")

STEP_PROMPT = r"\[Enter\] next   \[b\] back   \[q\] quit > "
QUIZ_PROMPT = r"Your answer \(number or name; s skip, q quit\) > "
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def spawn(*args, env=None):
    return pexpect.spawn(
        installed_command(),
        list(args),
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 80),
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin", **(env or {})},
    )


def visible_lines(text):
    return ANSI.sub("", text).replace("\r", "").split("\n")


def test_step_forward_back_and_quit_on_an_80_column_terminal():
    child = spawn("match", "--step", "numbness", "dry eyes", "trouble breathing")
    child.expect(STEP_PROMPT)
    first = child.before
    assert "\x1b[1m" in first and "\x1b[31m" in first  # bold headings, the red flag in red
    # 8 firings: dry eyes also fires the annotation rule that Sjögren's HPO annotations give it
    assert "STEP 1 of 8" in ANSI.sub("", first) and "it has the highest salience" in ANSI.sub("", first)
    assert max(len(line) for line in visible_lines(first)) <= 80
    child.sendline("")
    child.expect(STEP_PROMPT)
    second = ANSI.sub("", child.before)
    assert "STEP 2 of 8" in second and "(recency)" in second and "> pattern.sicca" in second
    child.sendline("b")
    child.expect(STEP_PROMPT)
    assert "STEP 1 of 8" in ANSI.sub("", child.before)
    child.sendline("x")
    child.expect("Press Enter for the next step")
    child.expect(STEP_PROMPT)
    child.sendline("q")
    child.expect("URGENT")
    child.expect("not a diagnosis")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_step_without_colour_and_ctrl_d():
    child = spawn("match", "--step", "--no-color", "numbness")
    child.expect(STEP_PROMPT)
    assert "\x1b[1m" not in child.before and "STEP 1 of" in child.before
    child.sendeof()
    child.expect("Peripheral neuropathy")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_no_color_environment_turns_colour_off():
    child = spawn("match", "numbness", "trouble breathing", env={"NO_COLOR": "1"})
    child.expect(pexpect.EOF)
    assert "URGENT" in child.before and "\x1b[3" not in child.before


def test_quiz_in_a_terminal_keeps_the_score():
    child = spawn("quiz", "--case", "lookalike-gbs", "--case", "lookalike-ms")
    child.expect("Case 1 of 2: lookalike-gbs")
    child.expect("Which condition does the explorer rank first\\?")
    child.expect(QUIZ_PROMPT)
    child.sendline("nonsense")
    child.expect("Type a number from 1 to")
    child.expect(QUIZ_PROMPT)
    child.sendline("GBS")
    child.expect("Right!")
    child.expect("How the engine reasoned")
    child.expect("Score: 1 of 1")
    child.expect("Case 2 of 2: lookalike-ms")
    child.expect(QUIZ_PROMPT)
    child.sendline("1")
    child.expect("Not this time.")
    child.expect("The explorer ranks Multiple sclerosis first.")
    child.expect("Final score: 1 of 2")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_quiz_ctrl_c_ends_with_the_score():
    child = spawn("quiz")
    child.expect(QUIZ_PROMPT)
    child.sendintr()
    child.expect("Final score: 0 of 0")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
