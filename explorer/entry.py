"""The installed command's entry point. It imports the command line only once running, so a Ctrl-C
during start-up (while the commands load) exits quietly with 130 instead of printing a traceback."""

import sys

from . import startup


def main():
    startup.begin()  # the collector runs rarely until the knowledge is loaded (startup.py)
    try:
        from .cli import main as run_cli
    except KeyboardInterrupt:
        sys.exit(130)
    run_cli()
