"""`symptom-explorer quiz`: a case's findings, the student picks the condition the explorer ranks first,
then sees the ranking and the rules that fired, and the score."""

import click

from ..knowledge.disclaimer import SHORT_DISCLAIMER
from .app import cli, knowledge_option
from .display import color_option
from .teach import CASES_FILE, load_cases


@cli.command()
@CASES_FILE
@click.option("--case", "case_ids", multiple=True, metavar="ID", help="Only case ID (repeatable).")
@color_option
@knowledge_option
def quiz(cases_file, case_ids, display, kb):
    """Quiz on the example cases (or your own with --cases FILE).

    Each round shows a case's findings; choose the condition you think the
    explorer ranks first (its number or name; s skips, q quits). The ranking
    and the rules that fired follow, and the score is kept.
    """
    from ..cases.library import run_case
    from ..knowledge.catalog import sorted_conditions

    found = load_cases(cases_file, kb)
    if case_ids:
        unknown = [i for i in case_ids if i not in {c.id for c in found}]
        if unknown:
            raise click.UsageError(f"no case {', '.join(unknown)}; list them with: symptom-explorer cases")
        found = [c for c in found if c.id in case_ids]
    choices = sorted_conditions(kb)
    right = asked = 0
    for number, case in enumerate(found, start=1):
        result = run_case(case, kb)
        answer = case.case.expect.first if case.case.expect else ""
        answer = answer or (result.suggestions[0].condition.id if result.suggestions else "")
        if not answer:
            continue
        _show_case(case, number, len(found), choices, display)
        picked = _ask(choices, kb)
        if picked is None:
            break
        if picked == "skip":
            click.echo("Skipped.\n")
            continue
        asked += 1
        right += picked == answer
        _reveal(picked == answer, kb.conditions[answer].name, result, display)
        click.echo(display.paint(f"Score: {right} of {asked}", "bold") + "\n")
    click.echo(display.paint(f"Final score: {right} of {asked}", "bold"))
    click.echo("\n".join(display.wrap(SHORT_DISCLAIMER)))  # also when quit before any case was answered


def _show_case(case, number, total, choices, d):
    click.echo(d.paint(f"Case {number} of {total}: {case.id}", "bold"))
    click.echo("\n".join(d.wrap("Findings: " + ", ".join(case.case.present), "", "  ")))
    if case.case.absent:
        click.echo("\n".join(d.wrap("Reported absent: " + ", ".join(case.case.absent), "", "  ")))
    click.echo("\nWhich condition does the explorer rank first?")
    for i, condition in enumerate(choices, start=1):
        click.echo(f"  {i:>2}. {condition.name}")


def _ask(choices, kb):
    """The chosen condition id, "skip", or None to stop (q, Ctrl-D, Ctrl-C)."""
    import sys

    from ..knowledge.catalog import find_condition

    while True:
        try:
            text = click.prompt("Your answer (number or name; s skip, q quit)", prompt_suffix=" > ").strip()
        except click.Abort:
            click.echo("")
            return None
        if not sys.stdin.isatty():
            click.echo(text)  # an answer piped in is not echoed: show it
        if text.lower() in ("q", "quit"):
            return None
        if text.lower() in ("s", "skip"):
            return "skip"
        if text.isdigit() and 1 <= int(text) <= len(choices):
            return choices[int(text) - 1].id
        found = find_condition(kb, text)
        if found:
            return found.id
        click.echo(f"Type a number from 1 to {len(choices)}, or a condition's name.")


def _reveal(correct, answer_name, result, d):
    from ..formats.text_format import render_text

    verdict = d.paint("Right!", "bold", "green") if correct else d.paint("Not this time.", "bold", "yellow")
    click.echo(f"\n{verdict} The explorer ranks {answer_name} first.\n")
    click.echo(render_text(result, explain=True, display=d))
