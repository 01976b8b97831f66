"""`match --step` and `quiz` in a real pseudo-terminal, as a class would see them: an 80-column
projector terminal, colour on, keys pressed one at a time. On an 80x24 terminal the screen itself is read
through a VT100 emulator (pyte), so what scrolled off the top is gone, as it is for the class."""

import re

import pytest

from tests.golden.capture import CASES, HERE, piped
from tests.test_installed import installed, installed_command

pytestmark = pytest.mark.slow  # the installed command in a terminal: left out by pytest -m 'not slow'

pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency: pip install '.[test]'")
pyte = pytest.importorskip("pyte", reason="pyte is a test dependency: pip install '.[test]'")

STEP_PROMPT = r"\[Enter\] next   \[b\] back   \[q\] quit > "
QUIZ_PROMPT = r"Your answer \(number or name; s skip, q quit\) > "
NEXT_PROMPT = r"\[Enter\] (next case|final score)   \[q\] quit > "
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
    child.expect("Score: 1 of 1")
    child.expect(NEXT_PROMPT)
    child.sendline("m")  # the verdict's screen is taller than 40 rows: the rules that fired are in part 2
    child.expect("How the engine reasoned")
    child.expect(NEXT_PROMPT)
    child.sendline("")
    child.expect("Case 2 of 2: lookalike-ms")
    child.expect(QUIZ_PROMPT)
    child.sendline("1")
    child.expect("Not this time.")
    child.expect("The explorer ranks Multiple sclerosis first.")
    child.expect(NEXT_PROMPT)
    child.sendline("")
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


# -- an 80x24 projector terminal, read as a screen ---------------------------------------------------
class Projector:
    """The command in an 80x24 pty; ``expect`` returns the screen's rows as the class sees them."""

    def __init__(self, *args, rows=24, columns=80, env=None):
        self.child = pexpect.spawn(
            installed_command(),
            list(args),
            encoding="utf-8",
            timeout=30,
            dimensions=(rows, columns),
            env={"TERM": "xterm", "PATH": "/usr/bin:/bin", **(env or {})},
        )
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)

    def expect(self, pattern):
        self.child.expect(pattern)
        self.stream.feed(self.child.before + self.child.after)
        return [row.rstrip() for row in self.screen.display]

    def resize(self, rows, columns):
        self.screen.resize(rows, columns)
        self.child.setwinsize(rows, columns)

    def end(self, key="q"):
        self.child.sendline(key)
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert self.child.exitstatus == 0


def test_every_step_fits_an_80x24_terminal_with_its_header_on_top():
    room = Projector("match", "--step", "numbness", "dry eyes", "trouble breathing")
    rows = room.expect(STEP_PROMPT)
    total = int(re.fullmatch(r"STEP 1 of (\d+)", rows[0]).group(1))
    paged = 0
    for number in range(1, total + 1):
        assert rows[0] == f"STEP {number} of {total}", rows
        assert room.screen.buffer[0][0].bold  # in colour and bold on a terminal, as before
        assert any(row.startswith("[Enter] next") for row in rows)
        parts = re.search(r"\(part 1 of (\d+): m shows the next part\)", "\n".join(rows))
        for part in range(2, int(parts.group(1)) + 1 if parts else 2):  # taller than the screen: one key away
            room.child.sendline("m")
            rows = room.expect(STEP_PROMPT)
            assert rows[0] == f"STEP {number} of {total}" and f"(part {part} of " in "\n".join(rows), rows
            paged += 1
        room.child.sendline("")
        if number < total:
            rows = room.expect(STEP_PROMPT)
    assert paged >= 1  # at least one step is taller than 24 rows, so paging was tried
    room.child.expect("That was the last step")
    room.child.expect(pexpect.EOF)


def test_steps_keep_the_header_after_a_wrong_key_back_and_a_resize():
    room = Projector("match", "--step", "numbness", "dry eyes", "trouble breathing")
    room.expect(STEP_PROMPT)
    room.child.sendline("b")
    rows = room.expect(STEP_PROMPT)
    assert rows[0].startswith("STEP 1 of ") and "Already at the first step." in rows
    room.child.sendline("x")
    rows = room.expect(STEP_PROMPT)
    assert rows[0].startswith("STEP 1 of ") and any(r.startswith("Press Enter for the next step") for r in rows)
    room.resize(14, 50)  # read again before every step: the next screen fits the smaller window
    room.child.sendline("")
    rows = room.expect(STEP_PROMPT)
    assert rows[0].startswith("STEP 2 of ") and any(r.startswith("(part 1 of ") for r in rows)
    assert len(rows) == 14 and max(len(r) for r in rows) <= 50
    room.end()


def test_piped_step_and_quiz_are_unchanged():
    """Into a pipe there is no clearing and no fitting: the bytes captured before the screens existed."""
    for name, (args, keys) in CASES.items():
        before = (HERE / name).read_text(encoding="utf-8")
        assert piped(name) == before, name
        done = installed(*args, input=keys, env={"COLUMNS": "80"})  # as a script runs it (no echo of the keys)
        assert done.returncode == 0
        assert done.stdout == (HERE / f"installed-{name}").read_text(encoding="utf-8"), name


def test_the_quiz_verdict_stays_on_top_of_every_screen_at_80x24():
    room = Projector("quiz", "--case", "lookalike-gbs", "--case", "lookalike-ms", "--case", "lookalike-sjogren")
    rows = room.expect(QUIZ_PROMPT)
    assert rows[0] == "Case 1 of 3: lookalike-gbs" and "  10. Toxic neuropathy" in rows
    room.child.sendline("nonsense")
    rows = room.expect(QUIZ_PROMPT)
    assert rows[0] == "Case 1 of 3: lookalike-gbs" and "Type a number from 1 to 10, or a condition's name." in rows
    room.child.sendline("GBS")
    parts = 0
    while True:  # every part of the verdict's screen, m after m, keeps the verdict and the score on top
        rows = room.expect(NEXT_PROMPT)
        assert rows[:2] == ["Right! The explorer ranks Guillain-Barré syndrome first.", "Score: 1 of 1"], rows
        parts += 1
        if f"(part {parts} of {parts}: m shows the next part)" in rows:
            break
        room.child.sendline("m")
    assert parts >= 3 and "[Enter] next case   [q] quit >" in rows
    room.child.sendline("")
    room.child.expect(QUIZ_PROMPT)
    room.child.sendline("s")
    rows = room.expect(QUIZ_PROMPT)
    assert rows[0] == "Case 3 of 3: lookalike-sjogren" and "Skipped." in rows
    room.child.sendline("4")
    rows = room.expect(NEXT_PROMPT)
    assert rows[:2] == ["Right! The explorer ranks Sjögren's syndrome first.", "Score: 2 of 2"]
    assert rows[-1].startswith("[Enter] final score")
    room.child.sendline("")
    room.child.expect(pexpect.EOF)
    room.stream.feed(room.child.before)
    assert [row.rstrip() for row in room.screen.display][0] == "Final score: 2 of 2"


@pytest.mark.parametrize(("options", "env"), [(["--no-color"], {}), ([], {"NO_COLOR": "1"})])
def test_screens_without_colour_are_still_cleared_and_fitted(options, env):
    room = Projector("match", "--step", *options, "numbness", "dry eyes", "trouble breathing", env=env)
    rows = room.expect(STEP_PROMPT)
    room.child.sendline("")
    rows = room.expect(STEP_PROMPT)
    assert rows[0].startswith("STEP 2 of ") and not room.screen.buffer[0][0].bold
    assert "\x1b[2J" in room.child.before and not re.search(r"\x1b\[[0-9;]*m", room.child.before)
    room.end()
