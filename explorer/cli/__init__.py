"""The command line: parses arguments, calls the core, formats its records. Nothing else lives here."""

import functools
import json
import sys
from pathlib import Path

import click

from .. import __version__
from ..api import list_conditions, list_symptoms
from ..cases.batch import FORMATS as BATCH_FORMATS
from ..cases.batch import BatchFileError
from ..cases.casefile import load_one_case
from ..errors import InputError, KnowledgeError
from ..formats import RENDERERS
from ..formats.cards import card_dict, card_text, conditions_dict, conditions_text, symptoms_dict, symptoms_text
from ..knowledge.catalog import close_conditions, find_condition
from ..knowledge.disclaimer import DISCLAIMER
from ..knowledge.loader import load_knowledge
from ..reasoning.explore import explore
from . import ask as cli_ask
from . import batch as cli_batch

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_KNOWLEDGE = 0, 1, 2, 3

EXIT_CODES_HELP = """\b
Exit codes: 0 all findings used; 1 results shown but some findings were not
recognized or contradicted each other; 2 bad usage or no usable finding;
3 invalid knowledge files."""


def knowledge_option(command):
    """--knowledge DIR, shared by every command; the loaded base arrives as ``kb``."""

    @click.option(
        "--knowledge",
        "knowledge_dir",
        metavar="DIR",
        type=click.Path(exists=True, file_okay=False),
        help="Use the knowledge folder DIR (holding data/ and rules/) instead of the built-in one.",
    )
    @functools.wraps(command)
    def wrapper(*args, knowledge_dir=None, **kwargs):
        try:
            kb = load_knowledge(knowledge_dir)
        except KnowledgeError as exc:
            fail_knowledge(exc)
        return command(*args, kb=kb, **kwargs)

    return wrapper


def format_option(*choices):
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help="Output format."
    )


def fail_knowledge(exc: KnowledgeError):
    click.echo("symptom-explorer: the knowledge files are invalid:", err=True)
    for problem in exc.problems:
        click.echo(f"  {problem}", err=True)
    sys.exit(EXIT_KNOWLEDGE)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="symptom-explorer")
def cli():
    """Explore how symptoms relate to neuropathy and autoimmune disease.

    An educational expert system: rules written from an article on neuropathy and
    autoimmune disease, extended with Human Phenotype Ontology annotations, suggest
    related conditions to read about and show the reasoning behind each one.
    It never diagnoses.
    """


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("findings", nargs=-1, metavar="FINDING...")
@click.option(
    "--absent",
    "-a",
    multiple=True,
    metavar="FINDING",
    help="A finding the person does NOT have (repeatable; commas separate several).",
)
@format_option("text", "json", "markdown")
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


@cli.command(
    epilog="""\b
Exit codes: 0 every case used all its findings; 1 some cases failed or had
findings that could not be used (their records say why); 2 bad usage or an
input that cannot be read; 3 invalid knowledge files."""
)
@click.argument("source", metavar="FILE|-", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "--input-format",
    type=click.Choice(["auto", *BATCH_FORMATS]),
    default="auto",
    show_default=True,
    help="Input format; auto goes by the file extension, or for stdin by the first characters. "
    "Phenopacket JSON is read as json or jsonl.",
)
@format_option("jsonl", "csv", "markdown")
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-",
    help="Write results to FILE instead of stdout.",
)
@knowledge_option
def batch(source, input_format, fmt, output, kb):
    """Explore many cases from FILE (or - for stdin), one result per case.

    \b
    Input formats:
      yaml, json   a list of cases: {id, symptoms, absent, unsure, note}
      jsonl        one case (or one Phenopacket) per line
      csv          header row with the columns id, present, absent (note optional)
      Phenopacket  GA4GH Phenopacket JSON: phenotypicFeatures with HPO ids;
                   "excluded": true means reported absent
    Findings inside one field may be separated by commas or semicolons.

    A bad case (malformed line, unknown keys, no recognizable findings) is
    reported with its id and line and the other cases still run.
    """
    try:
        failed, total = cli_batch.run(source, input_format, fmt, output, kb)
    except BatchFileError as exc:
        click.echo(f"symptom-explorer: cannot read {'stdin' if source == '-' else source}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if failed:
        click.echo(
            f"symptom-explorer: {failed} of {total} case(s) failed or had findings that could not "
            "be used (see their records).",
            err=True,
        )
        sys.exit(EXIT_PARTIAL)


@cli.command()
@click.option(
    "--save",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Save the answers to FILE (YAML) after every answer, so nothing is lost if the session is cut off.",
)
@click.option(
    "--answers",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False),
    help="Replay answers saved with --save (or any one-case file) and continue from there.",
)
@knowledge_option
def ask(save, answers, kb):
    """Answer questions one at a time; the rules choose what to ask next.

    Start with the findings you already have, in your own words. The explorer
    then asks yes / no / not sure questions about the finding that best helps
    to tell apart the conditions it currently suggests, and stops when no
    answer would change the picture. At any prompt: why, how, back, skip,
    quit, help. Ctrl-D or Ctrl-C end the session with the results so far.
    Answers can also be piped on stdin, one per line.
    """
    if save and Path(save).exists() and not (answers and Path(answers).resolve() == Path(save).resolve()):
        raise click.UsageError(
            f"{save} already exists; to carry on with it use --answers {save} --save {save}, or save to a new file"
        )
    try:
        cli_ask.run(kb, save, answers)
    except BatchFileError as exc:
        raise click.UsageError(str(exc)) from None
    except OSError as exc:
        raise click.UsageError(f"cannot save to {save}: {exc.strerror}") from None


@cli.command()
@format_option("text", "json")
@knowledge_option
def conditions(fmt, kb):
    """List the conditions the explorer can suggest."""
    items = list_conditions(kb)
    click.echo(
        json.dumps(conditions_dict(items), ensure_ascii=False, indent=2) if fmt == "json" else conditions_text(items),
        nl=fmt == "json",
    )


@cli.command()
@click.argument("condition", metavar="CONDITION")
@format_option("text", "json", "markdown")
@knowledge_option
def show(condition, fmt, kb):
    """Show the card for CONDITION (id, name or alias: "sjogren", "SLE", "GBS")."""
    found = find_condition(kb, condition)
    if found is None:
        near = close_conditions(kb, condition)
        hint = f" Did you mean: {', '.join(c.name for c in near)}?" if near else ""
        raise click.UsageError(f"no condition called {condition!r}.{hint} List them with: symptom-explorer conditions")
    if fmt == "json":
        click.echo(json.dumps(card_dict(found, kb), ensure_ascii=False, indent=2))
    else:
        click.echo(card_text(found, kb, markdown=fmt == "markdown"), nl=False)


@cli.command()
@click.option("--search", "-s", metavar="TEXT", help="Only findings whose names contain TEXT, or are close to it.")
@format_option("text", "json")
@knowledge_option
def symptoms(search, fmt, kb):
    """List the findings the explorer understands, with their HPO terms and synonyms."""
    items = list_symptoms(search, kb=kb)
    if fmt == "json":
        click.echo(json.dumps(symptoms_dict(items), ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo(f"No finding matches {search!r}.", err=True)
        sys.exit(EXIT_PARTIAL)
    click.echo(symptoms_text(items, grouped=not search), nl=False)


@cli.command()
@knowledge_option
def check(kb):
    """Validate the knowledge files and summarize them (use with --knowledge DIR)."""
    counts = {"infer": 0, "suggest": 0, "red_flag": 0}
    for rule in kb.rules:
        counts[rule.conclusion] += 1
    click.echo(
        f"OK: {kb.where}: {len(kb.symptoms)} findings, {len(kb.patterns)} patterns, "
        f"{len(kb.conditions)} conditions, {len(kb.red_flags)} red flags, {len(kb.rules)} rules "
        f"({counts['infer']} pattern, {counts['suggest']} suggestion, {counts['red_flag']} red flag)."
    )


def main():
    try:
        cli(prog_name="symptom-explorer")
    except BrokenPipeError:
        # Output piped into a command that stopped reading (e.g. `| head`): not an error worth a traceback.
        sys.stderr.close()
        sys.exit(EXIT_OK)


__all__ = ["cli", "main", "DISCLAIMER"]
