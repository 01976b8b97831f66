"""Laying a block of text out on a terminal screen of N rows (formats/screen.py): the header on every
screen, spacing dropped before anything is cut, then parts that each fit, with a note on how to see more."""

from explorer.formats.screen import paginate, screen_rows

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
