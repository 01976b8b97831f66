"""`symptom-explorer rules`: every rule as IF ... THEN ..., or the knowledge network as a diagram."""

import click

from ..formats.registry import Context, render
from .app import cli, format_option, knowledge_option
from .display import color_option


@cli.command()
@click.option("--for", "for_condition", metavar="CONDITION", help="Only the rules that lead to CONDITION.")
@click.option("--uses", metavar="FINDING", help="Only the rules that use FINDING (directly or through a pattern).")
@format_option("rules")
@color_option
@knowledge_option
def rules(for_condition, uses, fmt, display, kb):
    """List every rule as IF/THEN, grouped by what it concludes.

    Each rule shows its strength, its salience (which waiting rule fires
    first) and its sources. mermaid and dot draw the knowledge network:
    findings -> patterns -> conditions and red flags.

    \b
    Examples:
      symptom-explorer rules --for sjogren
      symptom-explorer rules --uses numbness --format markdown
      symptom-explorer rules --format dot | dot -Tsvg > network.svg
    """
    from ..knowledge.catalog import close_conditions, find_condition
    from ..language.vocabulary import vocabulary_for
    from ..reasoning.rulesview import rule_groups

    if for_condition and find_condition(kb, for_condition) is None:
        near = ", ".join(c.id for c in close_conditions(kb, for_condition))
        hint = f" Did you mean: {near}?" if near else ""
        raise click.UsageError(
            f"no condition called {for_condition!r}.{hint} List them with: symptom-explorer conditions"
        )
    if uses and vocabulary_for(kb).resolve(uses).symptom is None:
        raise click.UsageError(
            f"{uses!r} is not a finding the explorer knows. Search with: symptom-explorer symptoms -s"
        )
    groups = rule_groups(kb, for_condition or "", uses or "")
    click.echo(render("rules", fmt, groups, Context(kb, display)), nl=False)
