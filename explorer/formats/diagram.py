"""The knowledge network (findings -> patterns -> conditions and red flags) as Mermaid or Graphviz DOT
text: the whole network for `rules`, or one case's fired path for `match`. Several rules joining the same
two nodes become one arrow labelled with every rule."""

from ..knowledge.disclaimer import SHORT_DISCLAIMER
from ..knowledge.records import RulePack
from ..reasoning.result import Result
from ..reasoning.rulesview import Network, RuleGroup, fired_network, knowledge_network
from .registry import Context

# Node shapes a class can tell apart on a projector, and the same colours in both languages.
FILL = {"finding": "#e8eefc", "pattern": "#fff4d6", "condition": "#e3f5e1", "red_flag": "#fde2e1"}
STROKE = {"finding": "#3d5a99", "pattern": "#9a6b00", "condition": "#2e7d32", "red_flag": "#b71c1c"}
LEGEND = "findings -> patterns -> conditions and red flags"


def merged_edges(network: Network) -> list[tuple[str, str, bool, bool, tuple[str, ...]]]:
    """(source, target, negated, fired, rules) per pair of nodes, in a stable order."""
    merged: dict = {}
    for e in network.edges:
        key = (e.source, e.target, e.negated)
        rules, fired = merged.get(key, ((), False))
        merged[key] = ((*rules, e.rule), fired or e.fired)
    return [(s, t, n, fired, rules) for (s, t, n), (rules, fired) in sorted(merged.items())]


def _mermaid_ids(network: Network) -> dict[str, str]:
    """Short ids, a kind's initial and a number (f1, p1, c1, r1), never shown in the drawing: Mermaid
    refuses a text over 50,000 characters by default, and ids written out in full (each used once per
    node and twice per arrow) made the whole network longer than that."""
    counts: dict[str, int] = {}
    ids = {}
    for node in network.nodes:
        counts[node.kind] = counts.get(node.kind, 0) + 1
        ids[node.id] = f"{node.kind[0]}{counts[node.kind]}"
    return ids


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


_MERMAID_SHAPE = {"finding": '["{}"]', "pattern": '(["{}"])', "condition": '[["{}"]]', "red_flag": '{{{{"{}"}}}}'}


def render_mermaid(network: Network, title: str = "", rule_labels: bool = True) -> str:
    """A Mermaid flowchart, left to right; fired nodes and arrows drawn thicker when any are marked."""
    out = [f"%% {title or 'symptom-explorer knowledge network'}: {LEGEND}", f"%% {SHORT_DISCLAIMER}", "flowchart LR"]
    for kind in FILL:
        out.append(f"  classDef {kind} fill:{FILL[kind]},stroke:{STROKE[kind]},color:#111")
    out.append("  classDef fired stroke-width:4px")
    short = _mermaid_ids(network)
    for node in network.nodes:
        shape = _MERMAID_SHAPE[node.kind].format(_mermaid_text(node.label))
        out.append(f"  {short[node.id]}{shape}:::{node.kind}")
    fired_links = []
    for index, (source, target, negated, fired, rules) in enumerate(merged_edges(network)):
        label = ("NOT " if negated else "") + ", ".join(rules) if rule_labels else ("NOT" if negated else "")
        arrow = "-.->" if negated else "-->"
        text = f'|"{_mermaid_text(label)}"|' if label else ""
        out.append(f"  {short[source]} {arrow}{text} {short[target]}")
        if fired:
            fired_links.append(str(index))
    fired_nodes = [short[n.id] for n in network.nodes if n.fired]
    if fired_nodes and len(fired_nodes) < len(network.nodes):
        out.append(f"  class {','.join(fired_nodes)} fired")
    if fired_links and len(fired_links) < len(merged_edges(network)):
        out.append(f"  linkStyle {','.join(fired_links)} stroke-width:4px,stroke:#b71c1c")
    return "\n".join(out) + "\n"


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_DOT_SHAPE = {"finding": "box", "pattern": "ellipse", "condition": "box3d", "red_flag": "hexagon"}


def render_dot(network: Network, title: str = "", rule_labels: bool = True) -> str:
    """A Graphviz digraph, left to right, one rank per kind of node."""
    some_fired = any(n.fired for n in network.nodes) and not all(n.fired for n in network.nodes)
    out = [
        f"// {SHORT_DISCLAIMER}",
        f"digraph {_dot_text(title or 'knowledge network')} {{",
        "  rankdir=LR;",
        f"  label={_dot_text((title + ': ' if title else '') + LEGEND)}; labelloc=t;",
        '  node [fontname="Helvetica", style="filled"]; edge [fontname="Helvetica", fontsize=10];',
    ]
    for node in network.nodes:
        width = ", penwidth=3" if some_fired and node.fired else ""
        out.append(
            f"  {_dot_text(node.id)} [label={_dot_text(node.label)}, shape={_DOT_SHAPE[node.kind]}, "
            f'fillcolor="{FILL[node.kind]}", color="{STROKE[node.kind]}"{width}];'
        )
    for source, target, negated, fired, rules in merged_edges(network):
        attrs = [f"label={_dot_text(('NOT ' if negated else '') + ', '.join(rules))}"] if rule_labels else []
        if negated:
            attrs.append("style=dashed")
        if some_fired and fired:
            attrs.append('penwidth=3, color="#b71c1c"')
        out.append(f"  {_dot_text(source)} -> {_dot_text(target)} [{', '.join(attrs)}];")
    out.append("}")
    return "\n".join(out) + "\n"


def render_mermaid_path(result: Result, explain: bool = False, expand: bool = False) -> str:
    """The fired path of one case as Mermaid (`match --format mermaid`)."""
    return render_mermaid(fired_network(result, expand), "fired path of this case")


def render_dot_path(result: Result, explain: bool = False, expand: bool = False) -> str:
    """The fired path of one case as Graphviz DOT (`match --format dot`)."""
    return render_dot(fired_network(result, expand), "fired path of this case")


def result_mermaid(result: Result, context: Context) -> str:
    return _pack_comment("%% ", result) + render_mermaid_path(result, expand=context.expand)


def result_dot(result: Result, context: Context) -> str:
    return _pack_comment("// ", result) + render_dot_path(result, expand=context.expand)


def _pack_comment(prefix: str, result: Result) -> str:
    """The rule pack's note as a comment line above the diagram, when the knowledge included one."""
    return _note_comment(prefix, result.rule_pack)


def _note_comment(prefix: str, pack: RulePack | None) -> str:
    return f"{prefix}{' '.join(pack.note.split())}\n" if pack else ""


def _rules_network(groups: tuple[RuleGroup, ...], context: Context) -> Network:
    """The part of the knowledge network drawn by the rules in ``groups``."""
    ids = {r.id for g in groups for r in g.rules}
    whole = knowledge_network(context.knowledge())
    edges = tuple(e for e in whole.edges if e.rule in ids)
    kept = {e.source for e in edges} | {e.target for e in edges}
    return Network(tuple(n for n in whole.nodes if n.id in kept), edges)


def rules_mermaid(groups: tuple[RuleGroup, ...], context: Context) -> str:
    pack = context.kb.pack if context.kb else None
    return _note_comment("%% ", pack) + render_mermaid(_rules_network(groups, context), "knowledge network")


def rules_dot(groups: tuple[RuleGroup, ...], context: Context) -> str:
    pack = context.kb.pack if context.kb else None
    return _note_comment("// ", pack) + render_dot(_rules_network(groups, context), "knowledge network")
