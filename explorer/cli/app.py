"""The command group and what every command shares: exit codes, --knowledge, --format."""

import functools
import importlib
import sys
from typing import NoReturn

import click

from .. import __version__, startup
from ..errors import KnowledgeError
from ..formats.registry import formats_for
from ..knowledge.loader import load_knowledge

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_KNOWLEDGE = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it

EXIT_CODES_HELP = """\b
Exit codes: 0 all findings used; 1 results shown but some findings were not
recognized or contradicted each other; 2 bad usage, no usable finding or an
output that cannot be written; 3 invalid knowledge files; 130 interrupted."""


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
        startup.end()
        return command(*args, kb=kb, **kwargs)

    return wrapper


def rules_option(command):
    """--rules FILE: a learner's rule pack added to the knowledge for this run (knowledge/rulepack.py); goes
    under knowledge_option, which hands it the base. A broken pack is a knowledge error (exit 3)."""

    @click.option(
        "--rules",
        "rules_file",
        metavar="FILE",
        type=click.Path(exists=True, dir_okay=False),
        help="Add the rules in FILE (a rule pack; `symptom-explorer rules new` writes one) to the knowledge "
        "for this run. Every output says so.",
    )
    @functools.wraps(command)
    def wrapper(*args, kb, rules_file=None, **kwargs):
        if rules_file is not None:
            kb = with_rule_pack(kb, rules_file)
        return command(*args, kb=kb, **kwargs)

    return wrapper


def with_rule_pack(kb, path: str):
    """``kb`` plus the rule pack in file ``path``; a broken pack ends the command with exit 3."""
    from ..knowledge.rulepack import apply_pack, read_pack

    try:
        return apply_pack(kb, read_pack(path), path)[0]
    except KnowledgeError as exc:
        fail_knowledge(exc, what="the rule pack is invalid")


def format_option(view: str):
    """--format, its choices the formats that render ``view`` (formats/registry.py), the view's default first."""
    choices = formats_for(view)
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help="Output format."
    )


def fail_knowledge(exc: KnowledgeError, what: str = "the knowledge files are invalid") -> NoReturn:
    click.echo(f"symptom-explorer: {what}:", err=True)
    for problem in exc.problems:
        click.echo(f"  {problem}", err=True)
    sys.exit(EXIT_KNOWLEDGE)


# Command name -> the module (in explorer.cli) that registers it. A command runs after importing only its
# own module, so `match` does not pay for the batch readers or the questionnaire.
COMMAND_MODULES = {
    "match": "match",
    "batch": "batch",
    "ask": "ask",
    "conditions": "browse",
    "show": "browse",
    "symptoms": "browse",
    "check": "browse",
    "parse": "parse",
    "quiz": "quiz",
    "rules": "rules",
    "serve": "serve",
    "compare": "teach",
    "cases": "teach",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when first named (all of them for --help)."""

    def get_command(self, ctx, cmd_name):
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"{__package__}.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx):
        for module in sorted(set(COMMAND_MODULES.values())):
            importlib.import_module(f"{__package__}.{module}")
        return super().list_commands(ctx)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="symptom-explorer")
def cli():
    """Explore how symptoms relate to neuropathy and autoimmune disease.

    An educational expert system: rules written from an article on neuropathy and
    autoimmune disease, extended with Human Phenotype Ontology annotations, suggest
    related conditions to read about and show the reasoning behind each one.
    It never diagnoses.
    """
