"""Browsing the knowledge: conditions, show, symptoms, check."""

import sys

import click

from ..api import list_conditions, list_symptoms
from ..formats.escape import quoted
from ..formats.registry import Context, Listing, render
from ..knowledge.catalog import close_conditions, find_condition
from .app import (
    EXIT_PARTIAL,
    cli,
    format_option,
    knowledge_option,
)
from .display import color_option


@cli.command()
@format_option("conditions")
@color_option
@knowledge_option
def conditions(fmt, display, kb):
    """List the conditions the explorer can suggest."""
    click.echo(render("conditions", fmt, list_conditions(kb), Context(kb, display)), nl=False)


@cli.command()
@click.argument("condition", metavar="CONDITION")
@format_option("card")
@color_option
@knowledge_option
def show(condition, fmt, display, kb):
    """Show the card for CONDITION (id, name or alias: "sjogren", "SLE", "GBS")."""
    if not condition.strip():
        raise click.UsageError('CONDITION is empty: give an id, name or alias ("sjogren", "SLE")')
    found = find_condition(kb, condition)
    if found is None:
        near = close_conditions(kb, condition)
        hint = f" Did you mean: {', '.join(c.name for c in near)}?" if near else ""
        raise click.UsageError(
            f"no condition called {quoted(condition)}.{hint} List them with: symptom-explorer conditions"
        )
    click.echo(render("card", fmt, found, Context(kb, display)), nl=False)


@cli.command()
@click.option("--search", "-s", metavar="TEXT", help="Only findings whose names contain TEXT, or are close to it.")
@format_option("symptoms")
@color_option
@knowledge_option
def symptoms(search, fmt, display, kb):
    """List the findings the explorer understands, with their HPO terms and synonyms."""
    items = list_symptoms(search, kb=kb)
    if not items and fmt != "json":  # JSON says so with an empty list, for scripts
        click.echo(f"No finding matches {quoted(search)}.", err=True)
        sys.exit(EXIT_PARTIAL)
    click.echo(render("symptoms", fmt, Listing(tuple(items), grouped=not search), Context(kb, display)), nl=False)


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
