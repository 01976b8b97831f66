"""`symptom-explorer match`: one case from the command line."""

import sys

import click

from ..errors import InputError
from ..formats import RENDERERS
from ..reasoning.explore import explore
from .app import EXIT_CODES_HELP, EXIT_PARTIAL, EXIT_USAGE, cli, format_option, knowledge_option


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("findings", nargs=-1, metavar="FINDING...")
@click.option(
    "--absent",
    "-a",
    multiple=True,
    metavar="FINDING",
    help="A finding the person does NOT have (repeatable; commas separate several).",
)
@format_option(*RENDERERS)
@click.option("--explain", is_flag=True, help="Also show the rules in the order they fired (text, markdown).")
@click.option(
    "--from",
    "case_file",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False),
    help="Also take findings from a one-case file, such as answers saved by `ask --save`.",
)
@knowledge_option
def match(findings, absent, fmt, explain, case_file, kb):
    """Suggest related conditions for FINDING... (symptoms and history).

    Each FINDING is free text: a symptom in everyday or clinical words
    ("pins and needles", "xerostomia") or a history item ("diabetes",
    "recent infection"). Quote findings with spaces, or separate several
    with commas.

    \b
    Examples:
      symptom-explorer match numbness "dry eyes"
      symptom-explorer match --absent "dry mouth" --format json numbness tingling
    """
    if case_file:
        from ..cases.casefile import BatchFileError, load_one_case  # the case readers only for --from

        try:
            case = load_one_case(case_file, kb)
        except BatchFileError as exc:
            raise click.UsageError(str(exc)) from None
        findings, absent = (*case.present, *findings), (*case.absent, *absent)
    try:
        result = explore(findings, absent, kb=kb)
    except InputError as exc:
        raise click.UsageError(f'{exc}. Example: symptom-explorer match numbness "dry eyes"') from None
    click.echo(RENDERERS[fmt](result, explain=explain), nl=False)
    if not result.usable:
        click.echo("symptom-explorer: none of the findings could be used (see above).", err=True)
        sys.exit(EXIT_USAGE)
    if not result.complete:
        unused = len(result.unrecognized) + len(result.conflicting)
        click.echo(
            f"symptom-explorer: {unused} finding(s) could not be used (see above); the results use the rest.", err=True
        )
        sys.exit(EXIT_PARTIAL)
