"""The command line: parses arguments, calls the core, formats its records. Nothing else lives here.
One module per command group; each registers its commands on the group in app.py."""

import sys

from . import ask, batch, browse, match, quiz, rules, serve, teach  # noqa: F401  (importing a command module registers its commands)
from .app import EXIT_OK, cli


def main():
    try:
        cli(prog_name="symptom-explorer")
    except BrokenPipeError:
        # Output piped into a command that stopped reading (e.g. `| head`): not an error worth a traceback.
        sys.stderr.close()
        sys.exit(EXIT_OK)


__all__ = ["cli", "main"]
