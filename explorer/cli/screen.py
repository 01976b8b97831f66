"""One screen at a time on a terminal, for `match --step` and `quiz` on a projector: the terminal's size is
read afresh for every screen (a resized window is used at once), the screen is cleared, then drawn so that
it and the prompt under it fit, its header on top. Into a pipe nothing here is used: output stays plain."""

import dataclasses

import click

from ..formats.screen import Screen, paginate, screen_rows
from ..formats.terminal import MIN_WIDTH, WIDTH, Display
from ..records import replace

MORE = "(part {page} of {pages}: m shows the next part)"


@dataclasses.dataclass(frozen=True)
class Terminal:
    rows: int
    columns: int
    display: Display  # the display given, at the terminal's width now


def terminal_now(display: Display) -> Terminal:
    import shutil  # only on a terminal: shutil pulls in bz2 and lzma

    size = shutil.get_terminal_size((WIDTH, 24))
    width = max(MIN_WIDTH, min(WIDTH, size.columns))
    return Terminal(size.lines, size.columns, replace(display, width=width))


def draw(term: Terminal, lines: list[str], page: int, prompt: str, notice: str = "", pin: int = 1) -> Screen:
    """Clear the screen and draw part ``page`` of ``lines`` (its first ``pin`` lines on every part), then
    ``notice``; room is left for ``prompt``, which the caller shows. Returns the part drawn."""
    below = screen_rows(prompt, term.columns) + (screen_rows(notice, term.columns) if notice else 0)
    screens = paginate(lines[:pin], lines[pin:], term.rows - below, term.columns, MORE)
    screen = screens[(page - 1) % len(screens)]
    click.clear()
    click.echo("\n".join(screen.lines))
    if notice:
        click.echo(notice)
    return screen
