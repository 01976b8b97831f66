"""HTML: the printable handout for one case (`match --format html -o case.html`), and the same fragments
a notebook shows for a Result, a condition card and a comparison (``_repr_html_``). One self-contained
page: inline CSS and an inline SVG diagram, no script, nothing fetched. Built as ``Html`` (markupsafe,
see markup.py): every text from a user or a knowledge file put into it is escaped."""

from ..knowledge.disclaimer import DISCLAIMER, STRENGTH_WORDS
from ..knowledge.loader import load_knowledge
from ..knowledge.records import Condition, KnowledgeBase
from ..knowledge.urgency import URGENCY_LABELS
from ..reasoning.compare import Comparison
from ..reasoning.folding import folded_trace
from ..reasoning.result import Result
from ..reasoning.rulesview import fired_network
from .cards import SECTIONS
from .common import absent_label, basis, cite, flags_by_level, possible_urgent, rule_names, step_line, unused_notes
from .markup import NEWLINE, Html
from .registry import CaseRun, Context
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
    """A whole HTML document around ``body`` (Html; plain text would be escaped), all of it in the page's
    main landmark, so a screen reader's "skip to main" lands on it."""
    return str(
        Html(
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{}</title>\n'
            "<style>{}</style>\n</head>\n<body>\n<main>\n{}\n</main>\n</body>\n</html>\n"
        ).format(title, Html(CSS), body)
    )


def _list(items) -> Html:
    if not items:
        return Html("<p>none</p>")
    return Html("<ul>{}</ul>").format(Html().join(Html("<li>{}</li>").format(item) for item in items))


def _evidence(items) -> Html:
    shown = Html(", ").join(Html("{} <small>({})</small>").format(e.symptom.label, basis(e)) for e in items)
    return shown or Html("none")


def result_fragment(result: Result, title: str = "Symptom explorer handout", note: str = "") -> Html:
    """The handout's body: findings, red flags, suggestions with evidence, fired path, trace, sources;
    ``note``: a teaching note shown under the title."""
    out = [Html("<h1>{}</h1>").format(title), Html('<p class="disclaimer"><strong>{}</strong></p>').format(DISCLAIMER)]
    if note:
        out.append(Html("<p><em>Teaching note:</em> {}</p>").format(note))
    if result.rule_pack:
        out.append(Html('<p class="rule-pack"><strong>{}</strong></p>').format(result.rule_pack.note))
    out += urgent_fragment(result)
    out += [Html("<section><h2>Findings</h2>"), _list([r.symptom.label for r in result.recognized])]
    if result.absent:
        out += [Html("<h3>Reported absent</h3>"), _list([absent_label(r) for r in result.absent])]
    if result.unrecognized:
        out += [Html("<h3>Not used</h3>"), _list(unused_notes(result, echo=str))]
    out.append(Html("</section>"))
    out.append(Html("<section><h2>Related conditions to read about, best match first</h2>"))
    if not result.suggestions:
        out.append(Html("<p>No related condition matched these findings.</p>"))
    out += [_suggestion(s, result) for s in result.suggestions]
    if result.suggestions:
        strength = "Strength: " + "; ".join(STRENGTH_WORDS.values()) + "."
        out.append(Html("<p><small>{}</small></p>").format(strength))
    out.append(Html("</section>"))
    if result.trace:
        diagram = render_svg(fired_network(result), "Fired path: findings, patterns, conclusions")
        out += [
            Html("<section><h2>The path the rules took</h2>"),
            Html('<div class="diagram">{}').format(diagram),
            Html("</div>"),
            Html("<h3>Rules in the order they fired</h3><ol>"),
            *[Html("<li>{}</li>").format(step_line(step)) for step in folded_trace(result.trace)],
            Html("</ol></section>"),
        ]
    out += [Html("<section><h2>Sources</h2>"), _list([str(src) for src in _all_sources(result)]), Html("</section>")]
    out.append(Html('<p class="disclaimer">{}</p>').format(result.disclaimer))
    return NEWLINE.join(out)


def _suggestion(s, result: Result) -> Html:
    """One suggestion: its rank, name and strength, why, and its evidence, rules and sources as a table."""
    lowered = " (lowered: a hallmark finding was reported absent)" if s.lowered else ""
    rows = [
        ("Supporting", _evidence(s.supporting)),
        ("Typical, not reported", ", ".join(e.symptom.label for e in s.missing) or "none"),
        ("Reported absent", _evidence(s.against)),
        ("Rules", Html("<code>{}</code>").format(", ".join(rule_names(s.rules, result)))),
        ("Sources", "; ".join(cite(src) for src in s.sources)),
    ]
    return NEWLINE.join(
        [
            Html('<div class="suggestion"><h3>{}. {} <span class="strength {}">{} match</span>{}</h3>').format(
                s.rank, s.condition.name, s.strength, s.strength, lowered
            ),
            Html("<p>{}</p><table>").format(s.explanation),
            *[Html("<tr><th>{}</th><td>{}</td></tr>").format(head, cell) for head, cell in rows[:-1]],
            Html("<tr><th>{}</th><td>{}</td></tr></table></div>").format(*rows[-1]),
        ]
    )


def urgent_fragment(result: Result) -> list[Html]:
    """One urgent section per level, highest first, each flag with its title, action, why and because
    (the level's own words: a same-day flag never says "now")."""
    out = [Html('<p class="urgent"><strong>{}</strong></p>').format(s) for s in possible_urgent(result, str)]
    for level, flags in flags_by_level(result):
        out.append(Html('<section class="urgent {}"><h2>Urgent: {}</h2><ul>').format(level, URGENCY_LABELS[level]))
        for flag in flags:
            because = ", ".join(s.label for s in flag.because)
            title = flag.title[:1].upper() + flag.title[1:]
            out.append(
                Html("<li><strong>{}: {}</strong> {} (because: {})</li>").format(
                    title, flag.action, flag.message, because
                )
            )
        out.append(Html("</ul></section>"))
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


def render_result(result: Result, context: Context) -> str:
    return render_html(result, context.explain)


def render_comparison(comparison: Comparison, context: Context) -> str:
    title = f"{comparison.a.name} and {comparison.b.name}"
    # a page of its own has a level-one heading; the fragment (also a notebook's) starts at level two
    pack = context.kb.pack if context.kb else None
    note = Html('<p class="rule-pack"><strong>{}</strong></p>\n').format(pack.note) if pack else Html("")
    return page(title, Html("<h1>{}</h1>\n").format(title) + note + comparison_fragment(comparison, context.kb))


def render_case(run: CaseRun, context: Context) -> str:
    return render_html(run.result, title=f"Case {run.case.id}", note=run.case.case.note)


def card_fragment(condition: Condition, kb: KnowledgeBase | None = None) -> Html:
    kb = kb or load_knowledge()
    codes = f" ({', '.join(condition.codes)})" if condition.codes else ""
    out = [Html("<h2>{}</h2>").format(condition.name + codes)]
    if condition.aliases:
        out.append(Html("<p><em>Also called:</em> {}</p>").format(", ".join(condition.aliases)))
    for key, heading in SECTIONS:
        out.append(Html("<h3>{}</h3><p>{}</p>").format(heading, getattr(condition, key)))
    out.append(Html("<h3>Findings linked to it</h3><table><tr><th>Finding</th><th>Role</th><th>Source</th></tr>"))
    for link in condition.links:
        out.append(
            Html("<tr><td>{}</td><td>{}</td><td>{}</td></tr>").format(kb.label(link.symptom), link.role, link.source)
        )
    out.append(Html("</table>"))
    out.append(Html("<p><small>Sources: {}</small></p>").format("; ".join(cite(s) for s in condition.sources)))
    out.append(Html('<p class="disclaimer">{}</p>').format(DISCLAIMER))
    return NEWLINE.join(out)


def comparison_fragment(comparison: Comparison, kb: KnowledgeBase | None = None) -> Html:
    a, b = comparison.a, comparison.b

    def row(f) -> Html:
        freq = f" ({f.frequency})" if f.frequency and f.frequency != "not stated" else ""
        return Html("<li>{} <small>[{}]</small></li>").format(f.label, f.role + freq)

    def column(items) -> Html:
        return Html("<td><ul>{}</ul></td>").format(Html().join(row(f) for f in items))

    out = [
        Html("<h2>{} compared with {}</h2>").format(a.name, b.name),
        Html("<table><tr><th>Both</th><th>Only {}</th><th>Only {}</th></tr><tr>").format(a.name, b.name),
        column(x for x, _ in comparison.shared),
        column(comparison.only_a),
        column(comparison.only_b) + Html("</tr>"),
        Html("<tr><th>Rules</th><td><code>{}</code></td><td><code>{}</code></td></tr></table>").format(
            ", ".join(comparison.rules_a), ", ".join(comparison.rules_b)
        ),
    ]
    if comparison.time_course:
        out.append(Html("<h3>Time course and pattern ({} / {})</h3><ul>").format(a.name, b.name))
        out += [Html("<li>{}</li>").format(line) for line in comparison.course_rows()]
        out.append(Html("</ul>"))
    out.append(Html("<h3>Questions that best tell them apart</h3><ol>"))
    names = {a.id: a.name, b.id: b.name}
    out += [Html("<li>{}.</li>").format(q.sentence(names[q.points_to])) for q in comparison.questions]
    out += [Html("</ol>"), Html('<p class="disclaimer">{}</p>').format(DISCLAIMER)]
    return NEWLINE.join(out)


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
