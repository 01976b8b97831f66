"""Teaching commands: `compare A B` and `cases` (list the example cases, `cases show ID` runs one)."""

import click

from ..formats.escape import terminal_safe
from ..formats.registry import CaseRun, Context, render
from ..knowledge.records import KnowledgeBase
from .app import EXIT_PARTIAL, cli, format_option, knowledge_option, rules_option
from .display import color_option
from .outfile import write_output

CASES_FILE = click.option(
    "--cases",
    "cases_file",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False),
    help="Use the cases in FILE (the batch format, optionally with expect:) instead of the built-in ones.",
)


def load_cases(cases_file, kb):
    from ..cases.batch import BatchFileError
    from ..cases.duplicates import RepeatedIds
    from ..cases.library import list_cases

    try:
        found = list_cases(cases_file, kb=kb)
    except BatchFileError as exc:
        raise click.UsageError(str(exc)) from None
    repeated = RepeatedIds()
    for case in found:
        repeated.see(case.id, case.case.line)
    for message in repeated.messages(str(cases_file)) if cases_file else ():
        click.echo(f"symptom-explorer: warning: {terminal_safe(message)}", err=True)
    return found


@cli.command()
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@format_option("comparison")
@click.option("--output", "-o", metavar="FILE", help="Write the output to FILE instead.")
@color_option
@knowledge_option
@rules_option
def compare(first, second, fmt, output, display, kb):
    """Compare conditions A and B: shared and distinct findings, rules, questions.

    \b
    Example:
      symptom-explorer compare GBS "multiple sclerosis"
    """
    from ..errors import InputError
    from ..reasoning.compare import compare as compare_conditions

    try:
        comparison = compare_conditions(first, second, kb=kb)
    except InputError as exc:
        raise click.UsageError(f"{exc}. List them with: symptom-explorer conditions") from None
    write_output(render("comparison", fmt, comparison, Context(kb, display)), output)


@cli.group(invoke_without_command=True)
@CASES_FILE
@format_option("cases")
@color_option
@knowledge_option
@rules_option
@click.pass_context
def cases(ctx, cases_file, fmt, display, kb):
    """List the example cases and their notes; `cases show ID` runs one.

    \b
    Examples:
      symptom-explorer cases
      symptom-explorer cases show lookalike-ms
    """
    if ctx.invoked_subcommand:
        ctx.obj = kb  # `cases --rules FILE show ID`: show runs with the group's rule pack (_group_pack)
        return
    click.echo(render("cases", fmt, load_cases(cases_file, kb), Context(kb, display)), nl=False)


@cases.command("show")
@click.argument("case_id", metavar="ID")
@CASES_FILE
@format_option("case")
@click.option("--output", "-o", metavar="FILE", help="Write the output to FILE instead.")
@color_option
@knowledge_option
@rules_option
def show_case(case_id, cases_file, fmt, output, display, kb):
    """Run case ID with its teaching note, the explanation and the expected answer."""
    from ..cases.library import expectation_problems, find_case, run_case

    kb = _group_pack(kb)
    found = load_cases(cases_file, kb)
    case = find_case(found, case_id)
    if case is None:
        named = f"no case {case_id!r}" if case_id.strip() else "ID is empty"
        raise click.UsageError(f"{named}; list them with: symptom-explorer cases")
    result = run_case(case, kb)
    problems = expectation_problems(case, result)
    write_output(render("case", fmt, CaseRun(case, result, tuple(problems)), Context(kb, display)), output)
    if problems:
        click.echo(f"symptom-explorer: case {case_id}: {'; '.join(problems)}", err=True)
        raise SystemExit(EXIT_PARTIAL)


def _group_pack(kb):
    """``kb``, or the base of the `cases` group when only the group was given a rule pack (--rules)."""
    outer = click.get_current_context().find_object(KnowledgeBase)
    return outer if kb.pack is None and outer is not None and outer.pack is not None else kb
