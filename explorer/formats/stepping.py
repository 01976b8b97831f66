"""Text and Markdown for watching the engine: one firing at a time (`match --step`, big and sparse so it
reads from the back of a room) and what changed after a what-if."""

from ..knowledge.disclaimer import DISCLAIMER
from ..knowledge.records import KnowledgeBase
from ..knowledge.urgency import URGENCY_LABELS
from ..reasoning.folding import count_rules, folded_rules
from ..reasoning.result import Result
from ..reasoning.rulesview import rule_view
from ..reasoning.steps import MemoryFact
from ..reasoning.whatif import WhatIf
from .common import PACK_MARK
from .escape import escape_markdown, terminal_safe
from .markdown_format import urgent_markdown
from .registry import Context
from .teaching import if_then
from .terminal import Display
from .text_format import urgent_lines

CHANGE_SIGN = {"add": "+", "remove": "-", "absent": "!"}


def fact_text(fact: MemoryFact, kb: KnowledgeBase) -> str:
    """A working-memory fact in words, with its id: "f-4 Finding: Numbness (reported)"."""
    if fact.kind == "Suggested":
        value = kb.conditions[fact.value].name if fact.value in kb.conditions else fact.value
    elif fact.kind == "GroupMet":
        value = f"{fact.value} has enough of its 'any of' findings"
    else:
        value = kb.label(fact.value)
    origin = f" ({fact.origin})" if fact.origin else ""
    return f"f-{fact.id} {fact.kind}: {value}{origin}"


def step_screens(result: Result, expand: bool = False) -> list[int]:
    """The step indices a step-through shows: every one with ``expand``, else one per folded group of
    firings (annotation rules for one condition: its first firing stands for the rest)."""
    folds = folded_rules(result.trace) if not expand else {}
    return [i for i, t in enumerate(result.trace) if t.rule not in folds or folds[t.rule].rules[0] == t.rule]


def step_text(result: Result, index: int, kb: KnowledgeBase, display: Display | None = None, expand=False) -> str:
    """Screen ``index`` (0-based) of a step-through: agenda with the winner and why, the rule as IF/THEN,
    the fact it added, and working memory before it. Unless ``expand``, a group's firings for one
    condition show as one line, on the agenda and as the rule fired."""
    d = display or Display()
    step, trace = result.steps[index], result.trace[index]
    out = [d.paint(f"STEP {step.number} of {len(result.steps)}", "bold"), ""]
    if result.rule_pack:
        out += d.wrap(terminal_safe(result.rule_pack.note)) + [""]
    out.append(d.paint("Agenda - rules waiting to fire, best first:", "bold"))
    for position, line in enumerate(_agenda_lines(step.agenda, kb, expand)):
        out += [d.paint(x, "bold", "green") if position == 0 else x for x in d.wrap(line, "  ", "      ")]
    out += [""] + d.wrap(f"Fires first because {step.reason}.", "  ", "  ")
    fold = None if expand else folded_rules(result.trace).get(step.rule)
    if fold:
        out += ["", d.paint("Fired:", "bold")] + d.wrap(fold.line(), "  ", "    ")
    else:
        mark = f" {PACK_MARK}" if trace.from_pack else ""
        out += ["", d.paint(f"Fired: {step.rule}{mark}", "bold")]
        for word, text in if_then(rule_view(kb, kb.rule_index[step.rule])):
            out += d.wrap(f"{word:<7} {text}", "  ", " " * 10)
    if step.added:
        added = "Added to working memory: " + fact_text(step.added, kb)
    elif trace.conclusion == "red_flag":
        added = f"Raised the red flag '{trace.target_label}' (a warning, not a fact)"
    else:
        added = "Nothing new added: working memory already held that conclusion"
    out += [""] + [d.paint(x, "red" if trace.conclusion == "red_flag" else "yellow") for x in d.wrap(added, "", "  ")]
    out += ["", d.paint("Working memory before this step:", "bold")]
    out += [x for f in step.memory for x in d.wrap(fact_text(f, kb), "  ", "      ")]
    return "\n".join(out) + "\n"


def _agenda_lines(agenda, kb: KnowledgeBase, expand: bool) -> list[str]:
    """One line per waiting activation; unless ``expand``, a group's activations for one condition share
    one line ("12 annotation rules for Sjögren's syndrome"), where the first of them waits."""
    lines: list = []
    folded: dict = {}
    for position, act in enumerate(agenda):
        rule = kb.rule_index.get(act.rule)
        mark = ">" if position == 0 else " "
        if rule is None or not rule.group or expand:
            facts = ", ".join(f"f-{f}" for f in act.facts)
            own = f" {PACK_MARK}" if rule is not None and rule.from_pack else ""
            lines.append(f"{mark} {act.rule}{own}   salience {act.salience}   facts {facts}")
            continue
        key = (rule.group, rule.target)
        if key not in folded:
            folded[key] = [len(lines), mark, act.salience, 0]
            lines.append("")
        folded[key][3] += 1
    for (group, target), (at, mark, salience, count) in folded.items():
        name = kb.conditions[target].name if target in kb.conditions else target
        lines[at] = f"{mark} {count_rules(group, count)} for {name}   salience {salience}"
    return lines


def _changes(w: WhatIf) -> str:
    return ", ".join(f"{CHANGE_SIGN[c.kind]}{c.label}" for c in w.changes)


def _ranking(result: Result) -> list[str]:
    return [f"{s.rank}. {s.condition.name} ({s.strength})" for s in result.suggestions] or ["(no suggestion)"]


def _flag_news(flags, ids) -> list[str]:
    """The flags among ``flags`` whose id is in ``ids``: "Title (level): action"."""
    return [
        f"{f.title[:1].upper() + f.title[1:]} ({URGENCY_LABELS[f.level].lower()}): {f.action}"
        for f in flags
        if f.id in ids
    ]


def _differences(w: WhatIf) -> list[tuple[str, list[str]]]:
    def moved(m):
        if m.direction == "appeared":
            return f"{m.name}: appears ({m.after}, rank {m.rank_after})"
        if m.direction == "left":
            return f"{m.name}: leaves (was {m.before}, rank {m.rank_before})"
        if m.direction == "moved":
            return f"{m.name}: rank {m.rank_before} -> {m.rank_after} (still {m.after})"
        return f"{m.name}: {m.before} -> {m.after}, rank {m.rank_before} -> {m.rank_after}"

    return [
        ("Red flags raised", _flag_news(w.after.red_flags, w.red_flags_raised)),
        ("Red flags cleared", _flag_news(w.before.red_flags, w.red_flags_cleared)),
        ("Suggestions", [moved(m) for m in w.moves]),
        ("Rules that start firing", _rule_names(w.rules_started, w.after)),
        ("Rules that stop firing", _rule_names(w.rules_stopped, w.before)),
    ]


def _rule_names(rules: tuple[str, ...], result: Result) -> list[str]:
    """The rule ids, a group's rules for one condition folded into one name ("2 annotation rules for
    Sjögren's syndrome"), where the first of them stands; ``result`` is the run they fired in."""
    fired = {t.rule: t for t in result.trace}
    names: list = []  # a rule id, or the list of one fold's rules
    folds: dict = {}
    for rule in rules:
        step = fired.get(rule)
        if step is None or not step.group:
            names.append(rule)
            continue
        key = (step.group, step.target_label)
        if key not in folds:
            folds[key] = []
            names.append((key, folds[key]))
        folds[key].append(rule)
    return [n if isinstance(n, str) else f"{count_rules(n[0][0], len(n[1]))} for {n[0][1]}" for n in names]


def what_if_text(w: WhatIf, kb: KnowledgeBase, display: Display | None = None) -> str:
    """The urgent block for the case after the change first (flags the change raised say so; flags it
    cleared follow, with their level and action), then the rankings and what changed."""
    d = display or Display()
    out = urgent_lines(w.after, d, raised=w.red_flags_raised)
    if w.after.rule_pack:
        out += [d.paint(line, "bold") for line in d.wrap(terminal_safe(w.after.rule_pack.note))] + [""]
    cleared = _flag_news(w.before.red_flags, w.red_flags_cleared)
    if cleared:
        out.append(d.paint("!! The case before the change raised (cleared by the change):", "bold", "red"))
        out += [d.paint(x, "red") for item in cleared for x in d.wrap(f"- {item}", "   ", "     ")]
        out.append("")
    out += [d.paint(f"What if: {_changes(w)}", "bold"), ""]
    for title, result in (("Before", w.before), ("After", w.after)):
        out.append(d.paint(f"{title}:", "bold"))
        out += [x for line in _ranking(result) for x in d.wrap(line, "  ", "     ")]
        out.append("")
    out.append(d.paint("What changed:", "bold"))
    for title, items in _differences(w):
        if items:
            colour = ("red",) if title.startswith("Red flags") else ()
            out += [d.paint(x, *colour) for x in d.wrap(f"{title}: " + "; ".join(items), "  ", "    ")]
    if not any(items for _, items in _differences(w)):
        out.append("  nothing: the same rules fire and the ranking is the same")
    out += [""] + d.wrap(DISCLAIMER)
    return "\n".join(out) + "\n"


def what_if_markdown(w: WhatIf, kb: KnowledgeBase) -> str:
    out = [f"# What if: {_changes(w)}", ""] + urgent_markdown(w.after, raised=w.red_flags_raised)
    if w.after.rule_pack:
        out += [f"> **{escape_markdown(w.after.rule_pack.note)}**", ""]
    cleared = _flag_news(w.before.red_flags, w.red_flags_cleared)
    if cleared:
        out += ["## The case before the change raised (cleared by the change)", ""]
        out += [f"- **{item}**" for item in cleared] + [""]
    for title, result in (("Before", w.before), ("After", w.after)):
        out += [f"## {title}", ""] + [f"- {line}" for line in _ranking(result)] + [""]
    out += ["## What changed", ""]
    changed = [(t, items) for t, items in _differences(w) if items]
    out += [f"- **{title}:** " + "; ".join(items) for title, items in changed] or ["- nothing"]
    out += ["", "---", "", f"*{DISCLAIMER}*"]
    return "\n".join(out) + "\n"


# The what-if view of the registry (text and Markdown): here, beside the functions they call, so the text
# and Markdown renderers, which this module uses for the urgent block, never import it back.
def render_what_if_text(w: WhatIf, context: Context) -> str:
    return what_if_text(w, context.knowledge(), context.display)


def render_what_if_markdown(w: WhatIf, context: Context) -> str:
    return what_if_markdown(w, context.knowledge())
