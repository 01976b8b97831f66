"""Teaching commands: `compare A B` and `cases` (list the example cases, `cases show ID` runs one)."""

import json

import click

from .app import EXIT_PARTIAL, cli, format_option, knowledge_option
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
    from ..cases.library import list_cases

    try:
        return list_cases(cases_file, kb=kb)
    except BatchFileError as exc:
        raise click.UsageError(str(exc)) from None


@cli.command()
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@format_option("text", "markdown", "json", "html")
@click.option("--output", "-o", metavar="FILE", help="Write the output to FILE instead.")
@color_option
@knowledge_option
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
    if fmt == "json":
        text = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        from ..formats.html import comparison_fragment, page

        text = page(f"{comparison.a.name} and {comparison.b.name}", comparison_fragment(comparison, kb))
    else:
        from ..formats.teaching import comparison_markdown, comparison_text

        text = comparison_markdown(comparison) if fmt == "markdown" else comparison_text(comparison, display)
    write_output(text, output)


@cli.group(invoke_without_command=True)
@CASES_FILE
@format_option("text", "markdown", "json")
@color_option
@knowledge_option
@click.pass_context
def cases(ctx, cases_file, fmt, display, kb):
    """List the example cases and their notes; `cases show ID` runs one.

    \b
    Examples:
      symptom-explorer cases
      symptom-explorer cases show lookalike-ms
    """
    if ctx.invoked_subcommand:
        return
    found = load_cases(cases_file, kb)
    if fmt == "json":
        from ..knowledge.disclaimer import SHORT_DISCLAIMER

        data = {"schema_version": 1, "cases": [c.to_dict() for c in found], "disclaimer": SHORT_DISCLAIMER}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from ..formats.teaching import cases_markdown, cases_text

    click.echo(cases_markdown(found) if fmt == "markdown" else cases_text(found, display), nl=False)


@cases.command("show")
@click.argument("case_id", metavar="ID")
@CASES_FILE
@format_option("text", "markdown", "json", "html")
@click.option("--output", "-o", metavar="FILE", help="Write the output to FILE instead.")
@color_option
@knowledge_option
def show_case(case_id, cases_file, fmt, output, display, kb):
    """Run case ID with its teaching note, the explanation and the expected answer."""
    from ..cases.library import expectation_problems, find_case, run_case
    from .match import render_result

    found = load_cases(cases_file, kb)
    case = find_case(found, case_id)
    if case is None:
        raise click.UsageError(f"no case {case_id!r}; list them with: symptom-explorer cases")
    result = run_case(case, kb)
    problems = expectation_problems(case, result)
    if fmt == "json":
        data = {"case": case.to_dict(), "matches_expectation": not problems, "result": result.to_dict()}
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    elif fmt == "html":
        from ..formats.html import render_html

        write_output(render_html(result, title=f"Case {case.id}", note=case.case.note), output)
    elif fmt == "markdown":
        header = [f"# Case `{case.id}`", "", f"*Findings:* {', '.join(case.case.present)}"]
        if case.case.absent:
            header.append(f"*Reported absent:* {', '.join(case.case.absent)}")
        if case.case.note:
            header += ["", f"*Teaching note:* {case.case.note}"]
        write_output("\n".join([*header, "", ""]) + render_result(result, fmt, True), output)
    else:
        write_output(_case_header(case, problems, display) + render_result(result, fmt, True, display), output)
    if problems:
        click.echo(f"symptom-explorer: case {case_id}: {'; '.join(problems)}", err=True)
        raise SystemExit(EXIT_PARTIAL)


def _case_header(case, problems, display) -> str:
    d = display
    lines = [d.paint(f"Case {case.id}", "bold")]
    lines += d.wrap("Findings: " + ", ".join(case.case.present), "", "  ")
    if case.case.absent:
        lines += d.wrap("Reported absent: " + ", ".join(case.case.absent), "", "  ")
    if case.case.note:
        lines += d.wrap("Teaching note: " + case.case.note, "", "  ")
    if case.case.expect:
        verdict = "the engine agrees" if not problems else "the engine differs: " + "; ".join(problems)
        lines += d.wrap(f"Expected first: {case.case.expect.first or 'no suggestion'} ({verdict})", "", "  ")
    return "\n".join(lines) + "\n\n"
