"""`symptom-explorer batch`: streams cases from a file or stdin through the explorer and writes one
record per case as soon as it is done. The reading and exploring live in batch.py."""

import sys
from pathlib import Path

import click

from ..cases.batch import open_cases, read_cases, run_cases
from ..formats.batch_formats import WRITERS


def run(source, input_format, fmt, output, kb) -> tuple[int, int]:
    """Run every case; returns (cases that failed or were partial, cases seen). Raises BatchFileError
    when the input cannot be read further."""
    if output != "-" and source != "-" and Path(output).resolve() == Path(source).resolve():
        raise click.UsageError("--output must not be the input file")
    failed = 0
    with (
        click.open_file(source, "r", encoding="utf-8") as stream,
        click.open_file(output, "w", encoding="utf-8") as out,
    ):
        writer = WRITERS[fmt](out)
        progress = Progress(enabled=sys.stderr.isatty() and (output != "-" or not sys.stdout.isatty()))
        try:
            chosen, cases = open_cases(stream, source, None if input_format == "auto" else input_format)
            writer.start()
            for outcome in run_cases(read_cases(cases, chosen, kb), kb):
                writer.write(outcome)
                out.flush()
                failed += outcome.status != "ok"
                progress.step(outcome)
        finally:
            # Also when the input breaks part-way: the cases already done stay written, and complete.
            writer.finish()
            progress.done()
    return failed, progress.count


class Progress:
    """A one-line case counter on stderr, only when stderr is a terminal and results are not printed there."""

    def __init__(self, enabled: bool):
        self.enabled, self.count = enabled, 0

    def step(self, outcome):
        self.count += 1
        if self.enabled:
            click.echo(f"\r{self.count} case(s) done", nl=False, err=True)

    def done(self):
        if self.enabled and self.count:
            click.echo("", err=True)
