"""`symptom-explorer match`: one case from the command line; also its teaching faces: --step, --what-if,
and the handout and diagram formats (html, mermaid, dot), whose renderers are imported only when asked."""

import sys

import click

from ..errors import InputError
from ..formats.escape import terminal_safe
from ..formats.registry import Context, formats_for, render
from ..reasoning.explore import explore, unused_findings
from .app import EXIT_CODES_HELP, EXIT_PARTIAL, EXIT_USAGE, cli, format_option, knowledge_option, rules_option
from .display import color_option
from .outfile import write_output

EXAMPLE = 'Example: symptom-explorer match numbness "dry eyes"'


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("findings", nargs=-1, metavar="FINDING...")
@click.option(
    "--absent",
    "-a",
    multiple=True,
    metavar="FINDING",
    help="A finding the person does NOT have (repeatable; commas separate several).",
)
@format_option("result")
@click.option("--explain", is_flag=True, help="Also show the rules in the order they fired (text, markdown).")
@click.option(
    "--expand",
    is_flag=True,
    help="Show each annotation rule's firing on its own line (in --explain, --step and the graphs) "
    "instead of one line per condition.",
)
@click.option(
    "--from",
    "case_file",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False),
    help="Also take findings from a one-case file, such as answers saved by `ask --save`.",
)
@click.option(
    "--what-if",
    "changes",
    multiple=True,
    metavar="CHANGE",
    help='Change the case and show what moves: "+dry mouth" adds, "-dry eyes" takes away, "!dry mouth" '
    "reports absent (repeatable; text, markdown or json).",
)
@click.option("--step", is_flag=True, help="Step through the rule firings (Enter: next, b: back, q: quit).")
@click.option("--output", "-o", metavar="FILE", help="Write the output to FILE (such as case.html) instead.")
@color_option
@knowledge_option
@rules_option
def match(findings, absent, fmt, explain, expand, case_file, changes, step, output, display, kb):
    """Suggest related conditions for FINDING... (symptoms and history).

    Each FINDING is free text: a symptom in everyday or clinical words
    ("pins and needles", "xerostomia") or a history item ("diabetes",
    "recent infection"). Quote findings with spaces, or separate several
    with commas.

    \b
    Examples:
      symptom-explorer match numbness "dry eyes"
      symptom-explorer match --absent "dry mouth" --format json numbness tingling
      symptom-explorer match numbness "dry eyes" --what-if "+dry mouth"
      symptom-explorer match numbness "dry eyes" --format html -o case.html
    """
    if case_file:
        from ..cases.casefile import BatchFileError, load_one_case  # the case readers only for --from

        try:
            case = load_one_case(case_file, kb)
        except BatchFileError as exc:
            raise click.UsageError(str(exc)) from None
        findings, absent = (*case.present, *findings), (*case.absent, *absent)
    if changes and step:
        raise click.UsageError("--step and --what-if do not go together: step through each case on its own")
    if changes:
        return _what_if(findings, absent, changes, fmt, output, display, kb)
    if step and fmt != "text":
        raise click.UsageError("--step shows text on the terminal; leave out --format")
    try:
        result = explore(findings, absent, kb=kb, steps=step or fmt == "json")
    except InputError as exc:
        raise click.UsageError(f"{exc}. {EXAMPLE}") from None
    if step and result.usable:
        from .step import step_through

        step_through(result, kb, display, expand)
    write_output(render_result(result, fmt, explain, display if not output else None, expand), output)
    _exit_for(result, (*findings, *absent), output)


def render_result(result, fmt, explain, display=None, expand=False) -> str:
    """``result`` in format ``fmt`` (text laid out for ``display``: the terminal's width and colour)."""
    return render("result", fmt, result, Context(display=display, explain=explain, expand=expand))


def _exit_for(result, given, output):
    """Exit 2 when no finding could be used, 1 when some could not, naming them: "see above" alone would
    name nothing when a text held no finding ("..."), or when the output went to a file."""
    others = [u.someone_else for u in result.unrecognized if u.someone_else]
    if not result.usable and result.red_flags and others:  # a relative's warning sign, nothing of the person's
        who = terminal_safe(", ".join(dict.fromkeys(others)))
        click.echo(
            f"symptom-explorer: the warning above is about someone else ({who}); nothing of the person's own was"
            " described, so there is nothing to explore.",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    if not result.usable:
        shown = terminal_safe(unused_findings(result, given))
        click.echo(f"symptom-explorer: none of the findings could be used: {shown}.", err=True)
        sys.exit(EXIT_USAGE)
    if not result.complete:
        unused = len(result.unrecognized) + len(result.conflicting)
        where = f"see {terminal_safe(output)}" if output else "see above"
        click.echo(
            f"symptom-explorer: {unused} finding(s) could not be used ({where}); the results use the rest.", err=True
        )
        sys.exit(EXIT_PARTIAL)


def _what_if(findings, absent, changes, fmt, output, display, kb):
    from ..reasoning.whatif import what_if

    shown = formats_for("what_if")
    if fmt not in shown:
        raise click.UsageError(f"--what-if shows {', '.join(shown[:-1])} or {shown[-1]}")
    try:
        compared = what_if(findings, absent, changes, kb=kb)
    except InputError as exc:
        raise click.UsageError(
            f'{exc}. Example: symptom-explorer match numbness "dry eyes" --what-if "+dry mouth"'
        ) from None
    write_output(render("what_if", fmt, compared, Context(kb, display if not output else None)), output)
    _exit_for(compared.before, (*findings, *absent), output)
