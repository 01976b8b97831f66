"""The command line: parses arguments, calls the core, formats its records. Nothing else lives here.
One module per command group; each registers its commands on the group in app.py, and is imported when
one of its commands is named (app.COMMAND_MODULES lists them)."""

import sys

import click

from .app import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, cli
from .outfile import quiet_stdout, write_error_message


def main():
    try:
        try:
            # Not standalone: click would turn Ctrl-C into "Aborted!" and exit 1; here it exits 130.
            code = cli.main(prog_name="symptom-explorer", standalone_mode=False)
        except click.ClickException as exc:
            exc.show()
            code = exc.exit_code
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
    except (KeyboardInterrupt, click.Abort):  # Ctrl-C at start-up or while loading: quietly, like a shell
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


__all__ = ["cli", "main"]
