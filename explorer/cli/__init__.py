"""The command line: parses arguments, calls the core, formats its records. Nothing else lives here.
One module per command group; each registers its commands on the group in app.py, and is imported when
one of its commands is named (app.COMMAND_MODULES lists them)."""

import sys

from .app import EXIT_OK, cli


def main():
    try:
        cli(prog_name="symptom-explorer")
    except BrokenPipeError:
        # Output piped into a command that stopped reading (e.g. `| head`): not an error worth a traceback.
        sys.stderr.close()
        sys.exit(EXIT_OK)


__all__ = ["cli", "main"]
