"""`match --step`: one rule firing per screen, the class reads it, the teacher presses Enter.
Enter: next; b: back; q: quit (Ctrl-D and Ctrl-C quit too); on a terminal, m shows the rest of a step
taller than the screen. The full result follows the last step."""

import sys

import click

from ..formats.stepping import step_screens, step_text
from .screen import draw, terminal_now

KEYS = "[Enter] next   [b] back   [q] quit"


def step_through(result, kb, display, expand=False) -> None:
    """Show each step of ``result`` (recorded with steps=True) until the last one or q; unless ``expand``,
    one screen stands for a group's firings for one condition (annotation rules)."""
    if not result.steps:
        click.echo("No rule fired, so there is no step to show.\n")
        return
    screens = step_screens(result, expand)
    index, last, part, notice = 0, len(screens) - 1, 1, ""
    on_screen = sys.stdout.isatty()  # one fitted screen per step; into a pipe, plain text as it comes
    while True:
        if on_screen:
            term = terminal_now(display)
            lines = step_text(result, screens[index], kb, term.display, expand).split("\n")
            part = draw(term, lines, part, KEYS + " > ", notice).page
        else:
            if notice:
                click.echo(notice)
            click.echo(step_text(result, screens[index], kb, display, expand))
        notice = ""
        try:
            key = click.prompt(KEYS, default="", show_default=False, prompt_suffix=" > ").strip().lower()
        except click.Abort:  # Ctrl-C, or the end of the input
            click.echo("")
            return
        if not sys.stdin.isatty():
            click.echo("")  # keys piped in are not echoed: end the prompt's line
        if key in ("q", "quit"):
            return
        if key in ("b", "back"):
            if index == 0:
                notice = "Already at the first step."
            index, part = max(0, index - 1), 1
        elif key == "":
            if index == last:
                click.echo("\nThat was the last step. The result:\n")
                return
            index, part = index + 1, 1
        elif key == "m" and on_screen:
            part += 1
        else:
            notice = f"Press Enter for the next step, b to go back or q to quit (not {key!r})."
