"""Browsing the knowledge: conditions, show, symptoms, check."""

import json
import sys

import click

from ..api import list_conditions, list_symptoms
from ..formats.cards import (
    card_dict,
    card_text,
    conditions_dict,
    conditions_markdown,
    conditions_text,
    symptoms_dict,
    symptoms_text,
)
from ..formats.escape import quoted
from ..knowledge.catalog import close_conditions, find_condition
from .app import (
    EXIT_PARTIAL,
    cli,
    format_option,
    knowledge_option,
)
from .display import color_option


@cli.command()
@format_option("text", "json", "markdown")
@color_option
@knowledge_option
def conditions(fmt, display, kb):
    """List the conditions the explorer can suggest."""
    items = list_conditions(kb)
    if fmt == "json":
        click.echo(json.dumps(conditions_dict(items), ensure_ascii=False, indent=2))
    else:
        click.echo(conditions_markdown(items) if fmt == "markdown" else display.fit(conditions_text(items)), nl=False)


@cli.command()
@click.argument("condition", metavar="CONDITION")
@format_option("text", "json", "markdown")
@color_option
@knowledge_option
def show(condition, fmt, display, kb):
    """Show the card for CONDITION (id, name or alias: "sjogren", "SLE", "GBS")."""
    found = find_condition(kb, condition)
    if found is None:
        near = close_conditions(kb, condition)
        hint = f" Did you mean: {', '.join(c.name for c in near)}?" if near else ""
        raise click.UsageError(
            f"no condition called {quoted(condition)}.{hint} List them with: symptom-explorer conditions"
        )
    if fmt == "json":
        click.echo(json.dumps(card_dict(found, kb), ensure_ascii=False, indent=2))
    else:
        click.echo(card_text(found, kb, markdown=fmt == "markdown", display=display), nl=False)


@cli.command()
@click.option("--search", "-s", metavar="TEXT", help="Only findings whose names contain TEXT, or are close to it.")
@format_option("text", "json")
@color_option
@knowledge_option
def symptoms(search, fmt, display, kb):
    """List the findings the explorer understands, with their HPO terms and synonyms."""
    items = list_symptoms(search, kb=kb)
    if fmt == "json":
        click.echo(json.dumps(symptoms_dict(items), ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo(f"No finding matches {quoted(search)}.", err=True)
        sys.exit(EXIT_PARTIAL)
    click.echo(display.fit(symptoms_text(items, grouped=not search)), nl=False)


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
