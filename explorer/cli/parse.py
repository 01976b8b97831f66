"""`symptom-explorer parse`: show exactly what the parser understood in a text."""

import sys

import click

from ..formats.registry import Context, render
from ..language.parser import parse as parse_text
from .app import EXIT_CODES_HELP, EXIT_PARTIAL, EXIT_USAGE, cli, format_option, knowledge_option
from .display import color_option


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("words", nargs=-1, metavar="TEXT...")
@format_option("parse")
@color_option
@knowledge_option
def parse(words, fmt, display, kb):
    """Show how TEXT is read: each finding, its span, present or absent.

    The words are joined into one text (quotes are optional); "-" reads
    the text from standard input. For each finding it shows the words it
    came from, body sites, negation, spelling corrections and HPO terms
    read as a broader finding, and it lists whatever was left over.

    \b
    Examples:
      symptom-explorer parse tingling in my feet but no dry mouth
      symptom-explorer parse --format json "Areflexia and numb hands"
    """
    if words == ("-",):
        try:
            text = sys.stdin.read()
        except UnicodeDecodeError:
            raise click.UsageError("standard input is not UTF-8 text") from None
    else:
        text = " ".join(words)
    if not text.strip():
        raise click.UsageError('no text given. Example: symptom-explorer parse "tingling in my feet"')
    reading = parse_text(text, kb)
    click.echo(render("parse", fmt, reading, Context(kb, display)), nl=False)
    if not reading.mentions:
        click.echo("symptom-explorer: no finding was recognized (see above).", err=True)
        sys.exit(EXIT_USAGE)
    if reading.leftovers:
        click.echo(f"symptom-explorer: {len(reading.leftovers)} part(s) of the text were not understood.", err=True)
        sys.exit(EXIT_PARTIAL)
