"""The terminal layout for standard output (width, colour), and the --no-color option every command with
text output shares."""

import functools
import os
import sys

import click

from ..formats.terminal import MIN_WIDTH, WIDTH, Display


def terminal_display(is_tty: bool | None = None, no_color: bool = False) -> Display:
    """The terminal's width (at most WIDTH; COLUMNS for a pipe when set), and colour only on a terminal
    unless NO_COLOR (any non-empty value, see no-color.org) or --no-color turns it off."""
    if is_tty is None:
        is_tty = sys.stdout.isatty()
    columns = WIDTH
    if is_tty:
        import shutil  # only on a terminal: shutil pulls in bz2 and lzma

        columns = shutil.get_terminal_size((WIDTH, 24)).columns
    if not is_tty and os.environ.get("COLUMNS", "").isdigit():
        columns = int(os.environ["COLUMNS"])
    width = max(MIN_WIDTH, min(WIDTH, columns))
    return Display(width, is_tty and not no_color and not os.environ.get("NO_COLOR"))


def color_option(command):
    """--no-color; the command receives ``display`` (a Display) instead."""

    @click.option("--no-color", is_flag=True, help="No colour or bold, even on a terminal (NO_COLOR works too).")
    @functools.wraps(command)
    def wrapper(*args, no_color=False, **kwargs):
        return command(*args, display=terminal_display(no_color=no_color), **kwargs)

    return wrapper
