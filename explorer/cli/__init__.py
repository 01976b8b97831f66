"""The command line: parses arguments, calls the core, formats its records. Nothing else lives here.
One module per command group; each registers its commands on the group in app.py."""

import sys

import click

from . import ask, batch, browse, match  # noqa: F401  (importing a command module registers its commands)
from .app import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, cli
from .output import quiet_stdout, write_error_message


def main():
    try:
        try:
            cli(prog_name="symptom-explorer")
        finally:
            sys.stdout.flush()  # a write error shows here, not in Python's own flush at exit
    except BrokenPipeError:
        # Output piped into a command that stopped reading (e.g. `| head`): not an error worth a traceback.
        quiet_stdout()
        sys.exit(EXIT_OK)
    except OSError as exc:  # stdout cannot be written: /dev/full, a full disk
        quiet_stdout()
        click.echo(write_error_message(exc, None), err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:  # Ctrl-C outside a command (start-up, shutdown): quietly, like a shell
        sys.exit(EXIT_INTERRUPTED)


__all__ = ["cli", "main"]
