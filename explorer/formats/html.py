"""HTML: the printable handout for one case (`match --format html -o case.html`), and the same fragments
a notebook shows for a Result, a condition card and a comparison (``_repr_html_``). One self-contained
page: inline CSS and an inline SVG diagram, no script, nothing fetched. Every text from a user or a
knowledge file goes through ``escape``."""

from ..knowledge.disclaimer import DISCLAIMER, STRENGTH_WORDS
from ..knowledge.loader import load_knowledge
from ..knowledge.records import Condition, KnowledgeBase
from ..knowledge.urgency import URGENCY_LABELS
from ..reasoning.compare import Comparison
from ..reasoning.result import Result
from ..reasoning.rulesview import fired_network
from .cards import SECTIONS
from .common import basis, cite, flags_by_level, step_line, unused_notes
from .escape import escape_html as escape
from .svg import render_svg

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem;
       color: #111; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
.disclaimer { border: 2px solid #555; padding: .6rem .8rem; background: #f4f4f4; }
.urgent { border: 3px solid #b71c1c; background: #fde2e1; padding: .6rem .8rem; }
.urgent h2 { color: #b71c1c; margin-top: 0; }
.urgent.same_day { border-color: #e65100; background: #fff0e0; } .urgent.same_day h2 { color: #a33f00; }
.strength { font-weight: bold; padding: 0 .3rem; border-radius: 3px; }
.strong { background: #c8e6c9; } .moderate { background: #fff3c4; } .weak { background: #d7eef7; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: .3rem .5rem;
       text-align: left; vertical-align: top; }
.diagram { overflow-x: auto; } .diagram svg { max-width: 100%; height: auto; }
section, .suggestion, tr { break-inside: avoid; }
@page { margin: 1.5cm; }
@media print { body { margin: 0; max-width: none; } .diagram { overflow: visible; } }
"""


def page(title: str, body: str) -> str:
    """A whole HTML document around ``body``."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else "<p>none</p>"


def _evidence(items) -> str:
    return ", ".join(f"{escape(e.symptom.label)} <small>({escape(basis(e))})</small>" for e in items) or "none"


def result_fragment(result: Result, title: str = "Symptom explorer handout", note: str = "") -> str:
    """The handout's body: findings, red flags, suggestions with evidence, fired path, trace, sources;
    ``note``: a teaching note shown under the title."""
    out = [f"<h1>{escape(title)}</h1>", f'<p class="disclaimer"><strong>{escape(DISCLAIMER)}</strong></p>']
    if note:
        out.append(f"<p><em>Teaching note:</em> {escape(note)}</p>")
    out += urgent_fragment(result)
    out += ["<section><h2>Findings</h2>", _list([escape(r.symptom.label) for r in result.recognized])]
    if result.absent:
        out += ["<h3>Reported absent</h3>", _list([escape(r.symptom.label) for r in result.absent])]
    if result.unrecognized:
        out += ["<h3>Not used</h3>", _list([escape(line) for line in unused_notes(result, echo=str)])]
    out.append("</section>")
    out.append("<section><h2>Related conditions to read about, best match first</h2>")
    if not result.suggestions:
        out.append("<p>No related condition matched these findings.</p>")
    for s in result.suggestions:
        lowered = " (lowered: a hallmark finding was reported absent)" if s.lowered else ""
        out += [
            f'<div class="suggestion"><h3>{s.rank}. {escape(s.condition.name)} '
            f'<span class="strength {escape(s.strength)}">{escape(s.strength)} match</span>{escape(lowered)}</h3>',
            f"<p>{escape(s.explanation)}</p><table>",
            f"<tr><th>Supporting</th><td>{_evidence(s.supporting)}</td></tr>",
            f"<tr><th>Typical, not reported</th><td>{escape(', '.join(e.symptom.label for e in s.missing)) or 'none'}"
            "</td></tr>",
            f"<tr><th>Reported absent</th><td>{_evidence(s.against)}</td></tr>",
            f"<tr><th>Rules</th><td><code>{escape(', '.join(s.rules))}</code></td></tr>",
            f"<tr><th>Sources</th><td>{escape('; '.join(cite(src) for src in s.sources))}</td></tr></table></div>",
        ]
    if result.suggestions:
        out.append(f"<p><small>{escape('Strength: ' + '; '.join(STRENGTH_WORDS.values()) + '.')}</small></p>")
    out.append("</section>")
    if result.trace:
        out += [
            "<section><h2>The path the rules took</h2>",
            '<div class="diagram">' + render_svg(fired_network(result), "Fired path: findings, patterns, conclusions"),
            "</div>",
            "<h3>Rules in the order they fired</h3><ol>",
            *[f"<li>{escape(step_line(step))}</li>" for step in result.trace],
            "</ol></section>",
        ]
    out += ["<section><h2>Sources</h2>", _list([escape(str(src)) for src in _all_sources(result)]), "</section>"]
    out.append(f'<p class="disclaimer">{escape(result.disclaimer)}</p>')
    return "\n".join(out)


def urgent_fragment(result: Result) -> list[str]:
    """One urgent section per level, highest first, each flag with its title, action, why and because
    (the level's own words: a same-day flag never says "now")."""
    out = []
    for level, flags in flags_by_level(result):
        out.append(f'<section class="urgent {escape(level)}"><h2>Urgent: {escape(URGENCY_LABELS[level])}</h2><ul>')
        for flag in flags:
            because = ", ".join(s.label for s in flag.because)
            title = flag.title[:1].upper() + flag.title[1:]
            out.append(
                f"<li><strong>{escape(title)}: {escape(flag.action)}</strong> {escape(flag.message)} "
                f"(because: {escape(because)})</li>"
            )
        out.append("</ul></section>")
    return out


def _all_sources(result: Result) -> list:
    seen, out = set(), []
    for src in [src for f in result.red_flags for src in f.sources] + [
        x for s in result.suggestions for x in s.sources
    ]:
        key = (src.kind, src.ref)
        if key not in seen:
            seen.add(key)
            out.append(src)
    return sorted(out, key=lambda s: (s.kind != "article", s.ref))


def render_html(result: Result, explain: bool = False, title: str = "", note: str = "") -> str:
    """The handout page (``explain`` changes nothing: the handout always shows the path and trace)."""
    title = title or "Symptom explorer handout"
    return page(title, result_fragment(result, title, note))


def card_fragment(condition: Condition, kb: KnowledgeBase | None = None) -> str:
    kb = kb or load_knowledge()
    codes = f" ({', '.join(condition.codes)})" if condition.codes else ""
    out = [f"<h2>{escape(condition.name + codes)}</h2>"]
    if condition.aliases:
        out.append(f"<p><em>Also called:</em> {escape(', '.join(condition.aliases))}</p>")
    for key, heading in SECTIONS:
        out.append(f"<h3>{escape(heading)}</h3><p>{escape(getattr(condition, key))}</p>")
    out.append("<h3>Findings linked to it</h3><table><tr><th>Finding</th><th>Role</th><th>Source</th></tr>")
    for link in condition.links:
        out.append(
            f"<tr><td>{escape(kb.label(link.symptom))}</td><td>{escape(link.role)}</td>"
            f"<td>{escape(str(link.source))}</td></tr>"
        )
    out.append("</table>")
    out.append(f"<p><small>Sources: {escape('; '.join(cite(s) for s in condition.sources))}</small></p>")
    out.append(f'<p class="disclaimer">{escape(DISCLAIMER)}</p>')
    return "\n".join(out)


def comparison_fragment(comparison: Comparison, kb: KnowledgeBase | None = None) -> str:
    a, b = comparison.a, comparison.b

    def row(f):
        freq = f" ({f.frequency})" if f.frequency and f.frequency != "not stated" else ""
        return f"<li>{escape(f.label)} <small>[{escape(f.role + freq)}]</small></li>"

    out = [
        f"<h2>{escape(a.name)} compared with {escape(b.name)}</h2>",
        "<table><tr><th>Both</th>" + f"<th>Only {escape(a.name)}</th><th>Only {escape(b.name)}</th></tr><tr>",
        "<td><ul>" + "".join(row(x) for x, _ in comparison.shared) + "</ul></td>",
        "<td><ul>" + "".join(row(f) for f in comparison.only_a) + "</ul></td>",
        "<td><ul>" + "".join(row(f) for f in comparison.only_b) + "</ul></td></tr>",
        f"<tr><th>Rules</th><td><code>{escape(', '.join(comparison.rules_a))}</code></td>"
        f"<td><code>{escape(', '.join(comparison.rules_b))}</code></td></tr></table>",
        "<h3>Questions that best tell them apart</h3><ol>",
    ]
    names = {a.id: a.name, b.id: b.name}
    for q in comparison.questions:
        out.append(f"<li>{escape(q.sentence(names[q.points_to]))}.</li>")
    out += ["</ol>", f'<p class="disclaimer">{escape(DISCLAIMER)}</p>']
    return "\n".join(out)


def html_fragment(record) -> str:
    """What a notebook shows for a record (``_repr_html_``): a style block and the record's fragment."""
    if isinstance(record, Result):
        body = result_fragment(record, title="Symptom explorer result")
    elif isinstance(record, Condition):
        kb = load_knowledge()
        body = card_fragment(record, kb if record.id in kb.conditions else None)
    elif isinstance(record, Comparison):
        body = comparison_fragment(record)
    else:
        raise TypeError(f"no HTML view for {type(record).__name__}")
    scoped = CSS.replace("body {", ".symptom-explorer {").replace(
        "@media print { body", "@media print { .symptom-explorer"
    )
    return f'<div class="symptom-explorer"><style>{scoped}</style>{body}</div>'


__all__ = ["card_fragment", "comparison_fragment", "html_fragment", "page", "render_html"]
