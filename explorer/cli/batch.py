"""`symptom-explorer batch`: streams cases from a file or stdin through the explorer and writes one
record per case as soon as it is done. The reading and exploring live in cases/."""

import contextlib
import functools
import io
import os
import stat
import sys

import click

from ..cases.batch import FORMATS as BATCH_FORMATS
from ..cases.batch import BatchFileError, open_cases, read_cases
from ..cases.duplicates import RepeatedIds
from ..cases.parallel import default_jobs, run_cases_parallel
from ..cases.readers import open_stdin, open_text
from ..formats.escape import terminal_safe
from ..formats.registry import renderer
from .app import EXIT_INTERRUPTED, EXIT_PARTIAL, EXIT_USAGE, cli, format_option, knowledge_option, rules_option
from .outfile import output_stream, same_file, write_error_message
from .terminate import Terminated, stop_cleanly_on_signals


def run(source, input_format, fmt, output, kb, jobs=1) -> tuple[int, int]:
    """Run every case; returns (cases that failed or were partial, cases seen). Raises BatchFileError
    when the input cannot be read further, once the cases before that point are written."""
    if same_file(source, output):
        raise click.UsageError(
            f"--output must not be the input file ({output} is {source}); write the results to another file"
        )
    failed, stopped, repeated = 0, None, RepeatedIds()
    with (
        _open_source(source) as stream,
        output_stream(output) as out,
    ):
        writer = renderer("batch", fmt)(out)
        if kb.pack is not None and hasattr(writer, "pack_note"):  # a table's rows cannot say it: its end does
            writer.pack_note = kb.pack.note
        progress = Progress(enabled=sys.stderr.isatty() and (output != "-" or not sys.stdout.isatty()))
        writer.start()  # before reading: finish() always runs, so an unreadable input still gives whole output
        try:
            chosen, cases = open_cases(stream, source, None if input_format == "auto" else input_format)
            records = run_cases_parallel(read_cases(cases, chosen, kb), kb, jobs, functools.partial(_record, fmt))
            separator = ""
            with contextlib.closing(records):  # stopped part-way: the workers' queued work is dropped at once
                for status, case_id, line, text in records:
                    out.write(separator + text)
                    separator = writer.between
                    repeated.see(case_id, line)
                    out.flush()
                    failed += status != "ok"
                    progress.step(status)
        except BatchFileError as exc:
            stopped = exc  # the cases done so far are still written, and the output is complete
        finally:
            writer.finish()
            progress.done()
    for message in repeated.messages("stdin" if source == "-" else source):
        click.echo(f"symptom-explorer: warning: {terminal_safe(message)}", err=True)
    if stopped:
        raise stopped
    return failed, progress.count


@contextlib.contextmanager
def _open_source(source: str):
    """The input as text read as every case file is (cases/readers.py: a lone CR stays inside its line)."""
    if source != "-":
        with open_text(source) as stream:
            yield stream
        return
    stream = open_stdin(sys.stdin.buffer)
    try:
        yield stream
    finally:
        stream.detach()  # stdin itself stays open


def _record(fmt, outcome) -> tuple[str, str | None, int, str]:
    """One case's status, id and line, and its record as text; runs where the case ran (a worker with --jobs)."""
    buffer = io.StringIO()
    renderer("batch", fmt)(buffer).write(outcome)
    return outcome.status, outcome.id, outcome.line, buffer.getvalue()


def interrupted_message(output: str, how: str = "interrupted") -> str:
    """What Ctrl-C (or SIGTERM, ``how`` "terminated") left behind: a file given with -o is written whole or
    not at all (outfile.py), so nothing; a device or pipe has the cases done so far; stdout has shown them."""
    if output == "-":
        return f"{how}: the output holds the cases done so far"
    shown = terminal_safe(output)
    try:
        regular = stat.S_ISREG(os.stat(output).st_mode)
    except OSError:
        regular = True  # not there: it was to be created, and was not
    if regular:
        return f"{how}: nothing was written to {shown}" + (" (it is as it was)" if os.path.exists(output) else "")
    return f"{how}: {shown} holds the cases done so far"


class Progress:
    """A one-line case counter on stderr, only when stderr is a terminal and results are not printed there."""

    def __init__(self, enabled: bool):
        self.enabled, self.count = enabled, 0

    def step(self, status):
        self.count += 1
        if self.enabled:
            click.echo(f"\r{self.count} case(s) done", nl=False, err=True)

    def done(self):
        if self.enabled and self.count:
            click.echo("", err=True)


@cli.command(
    epilog="""\b
Exit codes: 0 every case used all its findings; 1 some cases failed or had
findings that could not be used (their records say why); 2 bad usage or an
input that cannot be read or an output that cannot be written; 3 invalid
knowledge files; 130 interrupted (Ctrl-C)."""
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
@format_option("batch")
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-",
    help="Write results to FILE instead of stdout.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Explore cases in N processes (0: one per CPU). The output is the same, in input order.",
)
@knowledge_option
@rules_option
def batch(source, input_format, fmt, output, jobs, kb):
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
    if not output:  # else it reads "cannot write the output: Is a directory"
        raise click.UsageError("--output is empty: name a file, or - for stdout")
    stop_cleanly_on_signals()
    try:
        failed, total = run(source, input_format, fmt, output, kb, jobs or default_jobs())
    except KeyboardInterrupt:
        click.echo(f"symptom-explorer: {interrupted_message(output)}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Terminated:
        click.echo(f"symptom-explorer: {interrupted_message(output, 'terminated')}", err=True)
        raise
    except BatchFileError as exc:
        shown = terminal_safe(f"cannot read {'stdin' if source == '-' else source}: {exc}")
        click.echo(f"symptom-explorer: {shown}", err=True)
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        raise  # `batch ... | head`: main() ends quietly, as for every command
    except OSError as exc:  # -o in a folder that cannot be written, a full disk
        click.echo(write_error_message(exc, output), err=True)
        sys.exit(EXIT_USAGE)
    if failed:
        click.echo(
            f"symptom-explorer: {failed} of {total} case(s) failed or had findings that could not "
            "be used (see their records).",
            err=True,
        )
        sys.exit(EXIT_PARTIAL)
