"""Phrasing shared by the human-readable formats (text and Markdown)."""

from ..knowledge.records import Source
from ..reasoning.folding import FoldedSteps
from ..reasoning.result import Evidence, Result, TraceStep
from .escape import terminal_safe

LIMITED_NOTE = "the findings so far earn no stronger"


def flags_by_level(result: Result) -> list:
    """[(level, flags)] for the raised red flags, highest level first (the flags arrive in that order)."""
    groups: dict = {}
    for flag in result.red_flags:
        groups.setdefault(flag.level, []).append(flag)
    return list(groups.items())


def possible_urgent(result: Result, echo=terminal_safe) -> list[str]:
    """A sentence for each urgent finding words left over may have meant, for the top of a report."""
    return [may_have_described(words, s, echo) for words, s in result.possible_urgent]


def may_have_described(words: str, symptom, echo=terminal_safe) -> str:
    note = symptom.urgent_note[:1].lower() + symptom.urgent_note[1:]
    return f'You may have described {symptom.label.lower()} ("{echo(words)}"): if so, {note}'


def basis(item: Evidence) -> str:
    """Where a finding's link to a condition comes from: "article", "ORPHA:289390 very frequent", "rule"."""
    parts = []
    for source in item.links:
        if source.kind == "article":
            parts.append("article")
        elif source.kind == "reference":
            parts.append("reference")
        else:
            parts.append(source.ref + (f" {source.frequency}" if source.frequency != "not stated" else ""))
    if not parts and item.rules:
        parts.append("rule")
    return "; ".join(dict.fromkeys(parts))


MISSING_SHOWN = 6  # typical findings not reported, named in text and Markdown (hallmarks first); JSON has all


def evidence_list(items, with_basis=True, most: int | None = None) -> str:
    if not items:
        return "none"
    shown = items if most is None or len(items) <= most else items[:most]
    more = f", and {len(items) - len(shown)} more (--format json lists them all)" if len(shown) < len(items) else ""
    if not with_basis:
        return ", ".join(e.symptom.label for e in shown) + more
    return ", ".join(f"{e.symptom.label} ({basis(e)})" for e in shown) + more


def source_list(sources) -> str:
    return "; ".join(cite(s) for s in sources)


def cite(source: Source) -> str:
    return f'article "{source.ref}"' if source.kind == "article" else source.ref  # an id or an address


CONCLUDED = {"infer": "inferred pattern", "suggest": "suggested", "red_flag": "raised red flag"}
PACK_MARK = "(learner's rule)"  # after a rule of a rule pack (--rules), wherever a rule is named


def rule_names(rule_ids, result: Result) -> list[str]:
    """Rule ids as outputs list them, the learner's own (a rule pack's) marked as such."""
    pack = result.rule_pack.rules if result.rule_pack else ()
    return [f"{rule} {PACK_MARK}" if rule in pack else rule for rule in rule_ids]


def step_line(step: "TraceStep | FoldedSteps") -> str:
    """One trace step as a sentence: rule, what it matched, what it concluded (a folded group of firings
    as its one line)."""
    if isinstance(step, FoldedSteps):
        return step.line()
    matched = ", ".join(step.matched_labels)
    if step.matched_absent:
        matched += "; reported absent: " + ", ".join(step.matched_absent_labels)
    mark = f" {PACK_MARK}" if step.from_pack else ""
    return f"{step.rule}{mark} [{matched}] -> {CONCLUDED[step.conclusion]}: {step.target_label}"


def input_notes(result: Result, echo=terminal_safe) -> list[str]:
    """What happened to each input, for the end of a report. ``echo`` makes the user's own text safe
    for the output format (formats/escape.py)."""
    notes = []
    if result.recognized:
        notes.append("Findings used: " + ", ".join(_named(r, echo) for r in result.recognized))
    if result.absent:
        notes.append("Reported absent: " + ", ".join(_named(r, echo) for r in result.absent))
    notes += unused_notes(result, echo)
    for c in result.conflicting:
        inputs = ", ".join(echo(i) for i in c.inputs)
        notes.append(f"Left out: {c.symptom.label} was given both as present and as absent ({inputs})")
    return notes


def absent_label(recognized) -> str:
    """A finding reported absent, as a list shows it: its label, and for a past event the words that put it
    there with its urgent note ("Chest pain (a past event ('years ago'): ...)")."""
    mention = recognized.mention
    if mention is None or not mention.past:
        return recognized.symptom.label
    return f"{recognized.symptom.label} ({mention.notes()[-1]})"


def unused_notes(result: Result, echo=terminal_safe) -> list[str]:
    """A line for each input not used: a past event, someone else's finding, or words not recognized."""
    notes = []
    for u in result.unrecognized:
        if u.explained:  # set aside by calm or explaining words (``past`` holds them too)
            hint = explained_hint(u.explained, u.did_you_mean)
            notes.append(f'Not read as a current finding: "{echo(u.input)}" ({hint})')
            continue
        if u.past:
            notes.append(f'Not read as a current finding: "{echo(u.input)}" ({past_hint(u.past, u.did_you_mean)})')
            continue
        if u.someone_else:
            hint = someone_else_hint(u.someone_else, u.did_you_mean, u.condition)
            notes.append(f'Not read as the person\'s own: "{echo(u.input)}" ({hint})')
            continue
        absent = f"said to be absent ('{u.negation}'); " if u.negation else ""
        notes.append(f'Not recognized: "{echo(u.input)}" ({absent}{unrecognized_hint(u.did_you_mean, u.condition)})')
    return notes


def unrecognized_hint(did_you_mean, condition) -> str:
    """What to say about an input that names no finding: a condition's card, close findings, or a search."""
    if condition is not None:
        return (
            f"{condition.name} is a condition, not a finding: read its card with `symptom-explorer show {condition.id}`"
        )
    if did_you_mean:
        urgent = "".join(f" If you meant {s.label}: {s.urgent_note}" for s in did_you_mean if s.urgent_note)
        return f"did you mean: {', '.join(s.label for s in did_you_mean)}?{urgent}"
    return "try `symptom-explorer symptoms --search WORD`"


def past_hint(cue: str, named) -> str:
    """What to say about a symptom named as a past event ("chest pain years ago")."""
    labels = ", ".join(s.label for s in named)
    urgent = "".join(f" {s.urgent_note}" for s in named if s.urgent_note)
    return f"a past event ('{cue}'): {labels}; if it is happening now, enter it without the time words.{urgent}"


def explained_hint(cue: str, named) -> str:
    """What to say about a symptom set aside by calm or explaining words ("numb lip after the dentist")."""
    labels = ", ".join(s.label for s in named)
    urgent = "".join(f" {s.urgent_note}" for s in named if s.urgent_note)
    return (
        f"explained or played down by '{cue}': {labels}; if it is happening now without that cause, "
        f"enter it on its own.{urgent}"
    )


def someone_else_hint(cue: str, named, condition=None) -> str:
    """What to say about a finding or condition said of a relative ("my mother has diabetes")."""
    what = ", ".join(s.label for s in named) or (condition.name if condition else "it")
    card = f" Read about {condition.name} with `symptom-explorer show {condition.id}`." if condition else ""
    urgent = "".join(f" {s.urgent_note}" for s in named if s.urgent_note)
    again = "; if the person has it too, enter it on its own." if named else "."
    return f"said of someone else ('{cue}'), not the person's own: {what}{again}{card}{urgent}"


def leftover_hint(x) -> str:
    """What to say about words the parser left over (a parse Leftover)."""
    if x.explained:  # ``past`` holds the same words
        return explained_hint(x.explained, x.did_you_mean)
    if x.past:
        return past_hint(x.past, x.did_you_mean)
    if x.someone_else:
        return someone_else_hint(x.someone_else, x.did_you_mean, x.condition)
    hint = unrecognized_hint(x.did_you_mean, x.condition)
    return f"said to be absent ('{x.cue}'); {hint}" if x.cue else hint


def _named(recognized, echo) -> str:
    label = recognized.symptom.label
    mention = recognized.mention
    if mention is not None and mention.sites:
        label += " - " + ", ".join(site.label for site in mention.sites)
    if recognized.input.strip().lower() == recognized.symptom.label.lower() and not (mention and mention.past):
        return label  # a past event always says so, with its urgent note
    # How the words were read, when it was not word for word: a spelling slip, a narrower HPO term.
    notes = [n for n in mention.notes() if not n.startswith("absent:")] if mention is not None else []
    return f'{label} (from "{echo(recognized.input)}"' + (f"; {'; '.join(notes)}" if notes else "") + ")"
