"""A block of text laid out on a terminal screen of a given size: a header that stays at the top of every
screen, the body under it, shortened when it is taller than the screen. Blank lines go first, from the
bottom up (they are spacing only); then the body is cut into parts, each ending with a note on how to see
the rest. This only decides which lines go on which screen; the command line clears and draws."""

import re
from dataclasses import dataclass

_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass(frozen=True)
class Screen:
    lines: tuple[str, ...]
    page: int  # 1-based
    pages: int


def screen_rows(line: str, columns: int) -> int:
    """The rows ``line`` takes on a terminal ``columns`` wide (a longer line goes on to the next row)."""
    visible = len(_ESCAPE.sub("", line))
    return max(1, -(-visible // max(1, columns)))


def _height(lines: list[str], columns: int) -> int:
    return sum(screen_rows(line, columns) for line in lines)


def paginate(header: list[str], body: list[str], rows: int, columns: int, note: str) -> list[Screen]:
    """``header`` then ``body`` in screens of at most ``rows`` rows. ``note`` (with {page} and {pages}) ends
    every screen of a body split into pages, so the rest can be asked for; a body that fits is one screen."""
    body = list(body)
    while body and not body[-1].strip():
        body.pop()
    room = rows - _height(header, columns)
    blanks = [i for i, line in enumerate(body) if not line.strip()]
    while blanks and _height(body, columns) > room:  # the lowest spacing goes first
        del body[blanks.pop()]
    if _height(body, columns) <= room:
        return [Screen(tuple(header + body), 1, 1)]
    chunks = _chunks(body, max(1, room - 1), columns)
    return [
        Screen(tuple(header + chunk + [note.format(page=n, pages=len(chunks))]), n, len(chunks))
        for n, chunk in enumerate(chunks, start=1)
    ]


def _chunks(body: list[str], room: int, columns: int) -> list[list[str]]:
    """``body`` in runs of at most ``room`` rows (a line taller than that gets a run of its own)."""
    chunks: list[list[str]] = [[]]
    used = 0
    for line in body:
        height = screen_rows(line, columns)
        if chunks[-1] and used + height > room:
            chunks.append([])
            used = 0
        chunks[-1].append(line)
        used += height
    return chunks
