"""`match --step`: one rule firing per screen, the class reads it, the teacher presses Enter.
Enter: next; b: back; q: quit (Ctrl-D and Ctrl-C quit too). The full result follows the last step."""

import sys

import click

from ..formats.stepping import step_screens, step_text

KEYS = "[Enter] next   [b] back   [q] quit"


def step_through(result, kb, display, expand=False) -> None:
    """Show each step of ``result`` (recorded with steps=True) until the last one or q; unless ``expand``,
    one screen stands for a group's firings for one condition (annotation rules)."""
    if not result.steps:
        click.echo("No rule fired, so there is no step to show.\n")
        return
    screens = step_screens(result, expand)
    index, last = 0, len(screens) - 1
    clear = sys.stdout.isatty()
    while True:
        if clear:
            click.clear()
        click.echo(step_text(result, screens[index], kb, display, expand))
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
                click.echo("Already at the first step.")
            index = max(0, index - 1)
        elif key == "":
            if index == last:
                click.echo("\nThat was the last step. The result:\n")
                return
            index += 1
        else:
            click.echo(f"Press Enter for the next step, b to go back or q to quit (not {key!r}).")
