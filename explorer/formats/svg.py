"""The knowledge network drawn as inline SVG, for the HTML handout: no script, no network, prints as it
shows. Columns left to right: findings, then patterns by how many steps they are from a finding, then
red flags and conditions. Fired nodes and arrows are drawn thick and dark."""

import textwrap

from ..reasoning.rulesview import Network
from .diagram import FILL, STROKE, merged_edges
from .markup import NEWLINE, Html

BOX_W, LINE_H, PAD, GAP_X, GAP_Y, CHARS = 190, 16, 8, 90, 14, 24


def _columns(network: Network) -> dict:
    """Node id -> column: findings 0, a pattern one past its furthest input, conclusions last."""
    kinds = {n.id: n.kind for n in network.nodes}
    inputs: dict = {}
    for e in network.edges:
        inputs.setdefault(e.target, set()).add(e.source)
    column: dict = {}

    def depth(node, seen=()):
        if node not in column:
            if kinds[node] == "finding" or node in seen:
                column[node] = 0
            else:
                column[node] = 1 + max((depth(s, (*seen, node)) for s in inputs.get(node, ())), default=0)
        return column[node]

    for node in kinds:
        depth(node)
    last = max((c for n, c in column.items() if kinds[n] == "pattern"), default=0) + 1
    return {n: (last if kinds[n] in ("condition", "red_flag") else c) for n, c in column.items()}


def render_svg(network: Network, title: str = "") -> Html:
    """An <svg> element (with a <title> for screen readers), sized to fit its content."""
    columns = _columns(network)
    lines = {n.id: textwrap.wrap(n.label, CHARS, break_long_words=False) or [""] for n in network.nodes}
    boxes: dict[str, tuple[int, int, int]] = {}
    heights: dict[int, int] = {}
    for node in network.nodes:  # nodes arrive sorted by kind then label: stack them in that order
        col = columns[node.id]
        height = len(lines[node.id]) * LINE_H + 2 * PAD
        top = heights.get(col, 10)
        boxes[node.id] = (10 + col * (BOX_W + GAP_X), top, height)
        heights[col] = top + height + GAP_Y
    width = 20 + (max(columns.values(), default=0) + 1) * (BOX_W + GAP_X) - GAP_X
    height = max(heights.values(), default=20) + 10
    some_fired = any(n.fired for n in network.nodes) and not all(n.fired for n in network.nodes)
    out = [
        Html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            'role="img" font-family="Helvetica, Arial, sans-serif" font-size="13">'
        ).format(w=width, h=height),
        Html("<title>{}</title>").format(title or "Knowledge network"),
        Html(
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>'
        ),
    ]
    for source, target, negated, fired, rules in merged_edges(network):
        x1, y1, h1 = boxes[source]
        x2, y2, h2 = boxes[target]
        ax, ay, bx, by = x1 + BOX_W, y1 + h1 / 2, x2, y2 + h2 / 2
        bold = some_fired and fired
        out.append(
            Html(
                '<path class="edge{fired}" d="M {ax} {ay} C {c1} {ay}, {c2} {by}, {bx} {by}" fill="none" '
                'stroke="{colour}" stroke-width="{width}"{dash} marker-end="url(#arrow)"><title>{rules}</title></path>'
            ).format(
                fired=" fired" if bold else "",
                ax=ax,
                ay=ay,
                c1=ax + GAP_X / 2,
                c2=bx - GAP_X / 2,
                bx=bx,
                by=by,
                colour="#b71c1c" if bold else "#888",
                width=3 if bold else 1.2,
                dash=Html(' stroke-dasharray="5 4"') if negated else "",
                rules=("NOT " if negated else "") + ", ".join(rules),
            )
        )
    for node in network.nodes:
        out += _node(node, boxes[node.id], lines[node.id], some_fired and node.fired)
    out.append(Html("</svg>"))
    return NEWLINE.join(out)


def _node(node, box: tuple, lines: list[str], bold: bool) -> list[Html]:
    """One node: its box, and its label line by line (bold when it fired on a partly fired network)."""
    x, y, h = box
    out = [
        Html(
            '<g class="node {kind}{fired}"><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}" '
            'stroke="{stroke}" stroke-width="{width}"/>'
        ).format(
            kind=node.kind,
            fired=" fired" if bold else "",
            x=x,
            y=y,
            w=BOX_W,
            h=h,
            rx=12 if node.kind == "pattern" else 4,
            fill=FILL[node.kind],
            stroke=STROKE[node.kind],
            width=3 if bold else 1,
        )
    ]
    weight = Html(' font-weight="bold"') if bold else ""
    for i, text in enumerate(lines):
        out.append(
            Html('<text x="{}" y="{}"{}>{}</text>').format(x + PAD, y + PAD + (i + 1) * LINE_H - 4, weight, text)
        )
    out.append(Html("</g>"))
    return out
