"""`python -m explorer`: the same command line as the installed `symptom-explorer` command."""

from .entry import main

main()
