"""Laying a block of text out on a terminal screen of N rows (formats/screen.py): the header on every
screen, spacing dropped before anything is cut, then parts that each fit, with a note on how to see more.
And text wrapped for a terminal never breaks inside a path or a command meant to be copied."""

import shlex

from click.testing import CliRunner

from explorer.cli import cli
from explorer.formats.screen import paginate, screen_rows
from explorer.formats.terminal import Display
from tests.test_installed import installed

NOTE = "(part {page} of {pages})"


def test_a_body_that_fits_is_one_screen_unchanged():
    screens = paginate(["HEAD"], ["a", "", "b", ""], rows=4, columns=80, note=NOTE)
    assert [s.lines for s in screens] == [("HEAD", "a", "", "b")]  # trailing blank lines are not drawn


def test_blank_lines_go_from_the_bottom_up_before_anything_is_cut():
    body = ["", "a", "", "b", "", "c"]
    (screen,) = paginate(["HEAD"], body, rows=5, columns=80, note=NOTE)
    assert screen.lines == ("HEAD", "", "a", "b", "c")
    (screen,) = paginate(["HEAD"], body, rows=4, columns=80, note=NOTE)
    assert screen.lines == ("HEAD", "a", "b", "c")


def test_a_tall_body_is_cut_into_parts_each_with_the_header_and_a_note():
    body = [f"line {n}" for n in range(1, 11)]
    screens = paginate(["HEAD", "score"], body, rows=6, columns=80, note=NOTE)
    assert [s.lines[:2] for s in screens] == [("HEAD", "score")] * 4
    assert all(len(s.lines) <= 6 for s in screens)
    assert [line for s in screens for line in s.lines[2:-1]] == body  # nothing lost, in order
    assert [s.lines[-1] for s in screens] == [f"(part {n} of 4)" for n in range(1, 5)]


def test_rows_are_counted_as_the_terminal_shows_them():
    assert screen_rows("x" * 80, 80) == 1 and screen_rows("x" * 81, 80) == 2 and screen_rows("", 80) == 1
    assert screen_rows("\x1b[1;32m" + "x" * 80 + "\x1b[0m", 80) == 1  # colour codes take no room
    screens = paginate(["HEAD"], ["y" * 150, "z"], rows=3, columns=80, note=NOTE)
    assert [s.lines[1:-1] for s in screens] == [("y" * 150,), ("z",)]
    assert paginate(["HEAD"], ["a", "b"], rows=1, columns=80, note=NOTE)[0].lines == ("HEAD", "a", "(part 1 of 2)")


# -- paths and commands are never wrapped inside ----------------------------------------------------
LONG_PATH = "/srv/class notes for the autumn term/week three/saved answers from the projector session.yaml"


def test_a_kept_path_stays_whole_on_one_line():
    text = f"Not recognized in {LONG_PATH}, left out: 'blorp'"
    assert not any(LONG_PATH in line for line in Display(80).wrap(text))  # spaces inside: split without keep
    lines = Display(80).wrap(text, "", "  ", keep=(LONG_PATH,))
    assert lines == ["Not recognized in", f"  {LONG_PATH},", "  left out: 'blorp'"]


def test_an_error_naming_a_path_keeps_it_and_the_command_whole_at_80_columns(tmp_path):
    folder = tmp_path / "class notes for the autumn term" / "week three"
    folder.mkdir(parents=True)
    saved = folder / "saved answers from the projector session.yaml"
    saved.write_text('- id: x\n  symptoms: [numbness, "blorpitude of the frobnicated elbow"]\n', encoding="utf-8")
    loaded = CliRunner().invoke(cli, ["ask", "--answers", str(saved)], input="", env={"COLUMNS": "80"})
    assert loaded.exit_code == 0
    assert any(f"  {saved}," == line for line in loaded.stdout.splitlines()), loaded.stdout

    refused = installed("ask", "--save", str(saved), input="", env={"COLUMNS": "80"})  # as a user would
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    (command,) = [line for line in refused.stderr.splitlines() if "symptom-explorer ask --answers" in line]
    assert shlex.split(command) == ["symptom-explorer", "ask", "--answers", str(saved), "--save", str(saved)]


def test_suggested_commands_in_the_case_list_are_never_split():
    for width in range(40, 89):
        listing = CliRunner().invoke(cli, ["cases"], env={"COLUMNS": str(width)}).stdout
        assert "symptom-explorer cases show ID" in listing and "symptom-explorer quiz" in listing, width
