"""`symptom-explorer rules`: every rule as IF ... THEN ..., or the knowledge network as a diagram."""

import click

from ..formats.registry import Context, render
from .app import cli, format_option, knowledge_option, rules_option
from .display import color_option


@cli.group(invoke_without_command=True)
@click.option("--for", "for_condition", metavar="CONDITION", help="Only the rules that lead to CONDITION.")
@click.option("--uses", metavar="FINDING", help="Only the rules that use FINDING (directly or through a pattern).")
@click.option("--all", "every", is_flag=True, help="Every rule, the generated annotation rules included.")
@click.option("--group", metavar="GROUP", help="Only the rules of GROUP (annotations: one per annotated finding).")
@format_option("rules")
@color_option
@knowledge_option
@rules_option
@click.pass_context
def rules(ctx, for_condition, uses, every, group, fmt, display, kb):
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
      symptom-explorer rules new -o my_rules.yaml     (a rule pack to edit)
      symptom-explorer rules --rules my_rules.yaml --for lupus   (with it)
      symptom-explorer rules try my_rules.yaml        (what it changes)
    """
    if ctx.invoked_subcommand:
        return
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


@rules.command("new")
@click.option("--output", "-o", metavar="FILE", help="Write the template to FILE instead of standard output.")
def new_pack(output):
    """Write a commented rule pack template, valid as written.

    Edit it, then add it to any run with --rules FILE (match, batch,
    compare, cases, quiz, serve) or try it on every example case with
    `symptom-explorer rules try FILE`.
    """
    from ..knowledge.loader import packaged_folders
    from .outfile import output_stream

    template = packaged_folders()[0].joinpath("lab", "rule_template.yaml").read_text(encoding="utf-8")
    with output_stream(output or "-") as out:
        out.write(template)
    if output:
        click.echo(f"Wrote a rule pack template to {output}; try it: symptom-explorer rules try {output}", err=True)


@rules.command("try")
@click.argument("pack_file", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--cases", "cases_file", metavar="FILE", help="Try it on the cases in FILE instead of the library.")
@format_option("pack_trial")
@color_option
@knowledge_option
def try_pack(pack_file, cases_file, fmt, display, kb):
    """Run the example cases with and without the rule pack FILE.

    Prints each case the pack changed and how (a new suggestion, a changed
    strength or rank, a new red flag), with the pack's rules that fired
    there, and the rules that fired in no case. Exit 3 when FILE is not a
    valid rule pack.

    \b
    Examples:
      symptom-explorer rules try my_rules.yaml
      symptom-explorer rules try my_rules.yaml --format json
    """
    from ..cases.packtrial import try_pack as run_trial
    from .app import with_rule_pack
    from .teach import load_cases

    joined = with_rule_pack(kb, pack_file)
    trial = run_trial(kb, joined, load_cases(cases_file, joined))
    click.echo(render("pack_trial", fmt, trial, Context(joined, display)), nl=False)
