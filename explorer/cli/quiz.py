"""`symptom-explorer quiz`: a case's findings, the student picks the condition the explorer ranks first,
then sees the ranking and the rules that fired, and the score."""

import functools
import sys

import click

from ..formats.escape import terminal_safe
from ..formats.terminal import Display
from ..knowledge.disclaimer import SHORT_DISCLAIMER
from .app import cli, knowledge_option, rules_option
from .display import color_option
from .quiz_screen import ask_on_screen, choice, read_answer, reveal_on_screen
from .teach import CASES_FILE, load_cases


@cli.command()
@CASES_FILE
@click.option("--case", "case_ids", multiple=True, metavar="ID", help="Only case ID (repeatable).")
@color_option
@knowledge_option
@rules_option
def quiz(cases_file, case_ids, display, kb):
    """Quiz on the example cases (or your own with --cases FILE).

    Each round shows a case's findings; choose the condition you think the
    explorer ranks first (its number or name; s skips, q quits). The ranking
    and the rules that fired follow, and the score is kept. On a terminal each
    is one screen; m shows the next part of a screen taller than the window.
    """
    from ..knowledge.catalog import sorted_conditions

    found = load_cases(cases_file, kb)
    if case_ids:
        unknown = [i for i in case_ids if i not in {c.id for c in found}]
        if unknown:
            raise click.UsageError(f"no case {', '.join(unknown)}; list them with: symptom-explorer cases")
        found = [c for c in found if c.id in case_ids]
    choices = sorted_conditions(kb)
    right = asked = 0
    on_screen = sys.stdout.isatty()  # one fitted screen per question and per verdict; a pipe gets plain text
    notice = ""
    rounds = _rounds(found, kb)
    for number, (case, result, answer) in enumerate(rounds, start=1):
        lines = functools.partial(_case_lines, case, number, len(rounds), choices)
        if on_screen:
            picked = ask_on_screen(lines, choices, kb, display, notice)
        else:
            click.echo("\n".join(lines(display)))
            picked = _ask(choices, kb)
        if picked is None:
            break
        notice = "Skipped." if picked == "skip" else ""
        if picked == "skip":
            if not on_screen:  # on a screen, the next case's screen says so
                click.echo("Skipped.\n")
            continue
        asked += 1
        right += picked == answer
        verdict = _verdict(picked == answer, kb.conditions[answer].name, display)
        score = display.paint(f"Score: {right} of {asked}", "bold")
        if on_screen:
            if not reveal_on_screen([verdict, score], result, display, last=number == len(rounds)):
                break
        else:
            _reveal(verdict, result, display)
            click.echo(score + "\n")
    if on_screen:
        click.clear()  # the score on a screen of its own, not under the last verdict's
    click.echo(display.paint(f"Final score: {right} of {asked}", "bold"))
    click.echo("\n".join(display.wrap(SHORT_DISCLAIMER)))  # also when quit before any case was answered


def _rounds(found, kb) -> list:
    """(case, result, the answer) for each case with a condition to name first; the others are named on
    stderr, never dropped without a word (a case that only raises a warning has no ranking to quiz on)."""
    from ..cases.library import run_case

    rounds, left_out = [], []
    for case in found:
        result = run_case(case, kb)
        answer = case.case.expect.first if case.case.expect else ""
        answer = answer or (result.suggestions[0].condition.id if result.suggestions else "")
        if answer:
            rounds.append((case, result, answer))
        else:
            left_out.append(case.id)
    if left_out:
        click.echo(
            f"symptom-explorer: note: {len(left_out)} case(s) with no condition ranked first are left out of the"
            f" quiz: {', '.join(map(terminal_safe, left_out))}"
            " (see one with: symptom-explorer cases show ID --cases FILE)",
            err=True,
        )
    if not rounds:
        raise click.UsageError("no case has a condition ranked first to quiz on")
    return rounds


def _case_lines(case, number, total, choices, d: Display) -> list[str]:
    out = [d.paint(f"Case {number} of {total}: {case.id}", "bold")]
    out += d.wrap("Findings: " + ", ".join(case.case.present), "", "  ")
    if case.case.absent:
        out += d.wrap("Reported absent: " + ", ".join(case.case.absent), "", "  ")
    out += ["", "Which condition does the explorer rank first?"]
    return out + [f"  {i:>2}. {condition.name}" for i, condition in enumerate(choices, start=1)]


def _ask(choices, kb):
    """The chosen condition id, "skip", or None to stop (q, Ctrl-D, Ctrl-C)."""
    while True:
        text = read_answer()
        if text is None:
            return None
        picked = choice(text, choices, kb)
        if picked != "":
            return None if picked == "quit" else picked
        click.echo(f"Type a number from 1 to {len(choices)}, or a condition's name.")


def _verdict(correct, answer_name, d) -> str:
    verdict = d.paint("Right!", "bold", "green") if correct else d.paint("Not this time.", "bold", "yellow")
    return f"{verdict} The explorer ranks {answer_name} first."


def _reveal(verdict, result, d):
    from ..formats.text_format import render_text

    click.echo(f"\n{verdict}\n")
    click.echo(render_text(result, explain=True, display=d))
