"""`symptom-explorer rules`: every rule as IF ... THEN ..., or the knowledge network as a diagram."""

import click

from ..formats.registry import Context, render
from .app import cli, format_option, knowledge_option
from .display import color_option


@cli.command()
@click.option("--for", "for_condition", metavar="CONDITION", help="Only the rules that lead to CONDITION.")
@click.option("--uses", metavar="FINDING", help="Only the rules that use FINDING (directly or through a pattern).")
@click.option("--all", "every", is_flag=True, help="Every rule, the generated annotation rules included.")
@click.option("--group", metavar="GROUP", help="Only the rules of GROUP (annotations: one per annotated finding).")
@format_option("rules")
@color_option
@knowledge_option
def rules(for_condition, uses, every, group, fmt, display, kb):
    """List the rules as IF/THEN, grouped by what they conclude.

    Each rule shows its strength, its salience (which waiting rule fires
    first) and its sources. mermaid and dot draw the knowledge network:
    findings -> patterns -> conditions and red flags. The hand-written
    teaching rules are shown; --all adds the generated ones (one rule per
    finding a condition's HPO annotations record, --group annotations).

    \b
    Examples:
      symptom-explorer rules --for sjogren
      symptom-explorer rules --uses numbness --format markdown
      symptom-explorer rules --format dot | dot -Tsvg > network.svg
      symptom-explorer rules --group annotations --for sjogren
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
    known = sorted({r.group for r in kb.rules if r.group})
    if group and group not in known:
        raise click.UsageError(f"no rule group called {group!r}; the groups are: {', '.join(known) or 'none'}")
    if every and group:
        raise click.UsageError("give --all or --group, not both")
    chosen = None if every else group or ""
    groups = rule_groups(kb, for_condition or "", uses or "", chosen)
    click.echo(render("rules", fmt, groups, Context(kb, display)), nl=False)
    hidden = [] if chosen is None or group else _hidden(kb, for_condition or "", uses or "", known)
    if hidden:
        click.echo(f"({'; '.join(hidden)} not shown: add --all, or --group NAME)", err=True)


def _hidden(kb, for_condition: str, uses: str, known: list) -> list[str]:
    """ "179 rules of group 'annotations'" for each group the default listing leaves out (when it has any)."""
    from ..reasoning.rulesview import rule_groups

    counts = [(g, sum(len(x.rules) for x in rule_groups(kb, for_condition, uses, g))) for g in known]
    return [f"{count} rules of group {name!r}" for name, count in counts if count]
