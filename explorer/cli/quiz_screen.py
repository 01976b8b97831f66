"""`quiz` on a terminal: each question and each verdict is one screen that fits the terminal, the case or
the verdict and score on its top rows, so they never scroll away; m shows the rest of a taller screen.
Also the reading of an answer, which the plain (piped) quiz shares."""

import sys
from collections.abc import Callable

import click

from ..formats.terminal import Display
from .screen import draw, terminal_now

PROMPT = "Your answer (number or name; s skip, q quit)"


def read_answer() -> str | None:
    """One line typed (or piped) at the quiz prompt; None at Ctrl-C or the end of the input."""
    try:
        text = click.prompt(PROMPT, prompt_suffix=" > ").strip()
    except click.Abort:
        click.echo("")
        return None
    if not sys.stdin.isatty():
        click.echo(text)  # an answer piped in is not echoed: show it
    return text


def choice(text: str, choices, kb) -> str:
    """What ``text`` picks: a condition id, "skip", "quit", or "" when it names none of the choices."""
    from ..knowledge.catalog import find_condition

    if text.lower() in ("q", "quit"):
        return "quit"
    if text.lower() in ("s", "skip"):
        return "skip"
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1].id
    found = find_condition(kb, text)
    return found.id if found else ""


def ask_on_screen(lines: Callable[[Display], list[str]], choices, kb, display, notice="") -> str | None:
    """The question screen (``lines`` at the terminal's width, the case on top) until an answer: the chosen
    condition's id, "skip", or None to stop."""
    part = 1
    while True:
        term = terminal_now(display)
        part = draw(term, lines(term.display), part, PROMPT + " > ", notice).page
        text = read_answer()
        if text is None:
            return None
        if text.lower() == "m":
            part, notice = part + 1, ""
            continue
        picked = choice(text, choices, kb)
        if picked:
            return None if picked == "quit" else picked
        notice = f"Type a number from 1 to {len(choices)}, or a condition's name."


def reveal_on_screen(header: list[str], result, display, last: bool) -> bool:
    """The verdict and score on top, the ranking and the rules that fired under them; False to stop (q)."""
    from ..formats.text_format import render_text

    keys = ("[Enter] final score" if last else "[Enter] next case") + "   [q] quit"
    part = 1
    while True:
        term = terminal_now(display)
        body = render_text(result, explain=True, display=term.display).split("\n")
        part = draw(term, header + [""] + body, part, keys + " > ", pin=len(header)).page
        try:
            key = click.prompt(keys, default="", show_default=False, prompt_suffix=" > ").strip().lower()
        except click.Abort:
            click.echo("")
            return False
        if key == "m":
            part += 1
        elif key in ("q", "quit"):
            return False
        elif key == "":
            return True
