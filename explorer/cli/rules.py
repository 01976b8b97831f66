"""`symptom-explorer rules`: every rule as IF ... THEN ..., or the knowledge network as a diagram."""

import json

import click

from .app import cli, format_option, knowledge_option
from .display import color_option


@cli.command()
@click.option("--for", "for_condition", metavar="CONDITION", help="Only the rules that lead to CONDITION.")
@click.option("--uses", metavar="FINDING", help="Only the rules that use FINDING (directly or through a pattern).")
@format_option("text", "markdown", "json", "mermaid", "dot")
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
    from ..knowledge.disclaimer import SHORT_DISCLAIMER
    from ..language.vocabulary import vocabulary_for
    from ..reasoning.rulesview import knowledge_network, rule_groups

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
    if fmt in ("mermaid", "dot"):
        from ..formats.diagram import render_dot, render_mermaid

        ids = {r.id for g in groups for r in g.rules}
        whole = knowledge_network(kb)
        edges = tuple(e for e in whole.edges if e.rule in ids)
        kept = {e.source for e in edges} | {e.target for e in edges}
        network = type(whole)(tuple(n for n in whole.nodes if n.id in kept), edges)
        click.echo((render_mermaid if fmt == "mermaid" else render_dot)(network, "knowledge network"), nl=False)
    elif fmt == "json":
        data = {"schema_version": 1, "groups": [g.to_dict() for g in groups], "disclaimer": SHORT_DISCLAIMER}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from ..formats.teaching import rules_markdown, rules_text

        click.echo(rules_markdown(groups) if fmt == "markdown" else rules_text(groups, display), nl=False)
