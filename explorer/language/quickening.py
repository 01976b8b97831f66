"""A finding read as its quickly worsening form because of its time course (``quick`` in data/time_course.yaml):
weakness said to have come over hours or days ("my legs got weak over the weekend": weakness that spreads),
and any finding with such a form told with a recent onset and a spread upward or a worsening ("numb from my
feet two days ago and it keeps climbing": numbness that spreads), whether the onset and growth are values the
time course reads or ``quick.words`` said for this reading only ("rapidly progressive"). One decision for every
wording, with the same exclusions; a worsening form named with words that say it came slowly ("getting weaker
over the past year") read as the finding it worsens; and the undoing of a quick reading when a case's onset
entered on its own ("Onset: chronic") sets the story's quick onset aside."""

import functools

from ..knowledge.records import KnowledgeBase, QuickWords, Symptom
from ..records import replace
from .concepts import calm_words, caused, has_cue
from .parse_records import Mention
from .tokens import Token

Negation = tuple[frozenset[str], frozenset[str]]  # (negation words, fillers between one and what it denies)


def quickened(
    tokens: list[Token], mentions: list[Mention], timed: list[Mention], kb: KnowledgeBase
) -> tuple[list[Mention], list[Mention]]:
    """``mentions`` with each finding the time course says came fast read as its quickly worsening form, its
    ``course`` the onset's words, or with nothing saying fast, each worsening form told slowly as the finding it
    worsens; and ``timed``, the course mentions, saying so in their ``qualifies``."""
    quick = kb.time_course.quick
    norms = [t.norm for t in tokens]
    slow = has_cue(norms, quick.slow)
    told = [*timed, *(m for m in mentions if m.present and m.symptom.kind == "course")]  # "acute" names one too
    denied = kb.time_course.negation
    onset = _onset(told, norms, quick, slow, denied)
    if onset is None:
        out = [_slower(m, tokens, kb) for m in mentions] if slow else mentions
    elif _set_aside(tokens, [*mentions, *timed], kb):
        return mentions, timed
    else:
        # a spread upward or a worsening makes any finding quick, unless words say it came slowly ("slowly creeping")
        grown = slow is None and bool(
            any(m.symptom.id in quick.growth for m in told) or _said(norms, quick, quick.growth, denied)
        )
        said, qualified = onset
        faster = faster_forms(kb)
        walks = not grown and _still_walks(norms, mentions, quick)
        # an everyday cause of the quick form ("weak from too many pushups yesterday") makes it no quick worsening
        causes = {} if has_cue(norms, kb.concept_lexicon.serious) else caused(norms, kb)
        out = []
        for m in mentions:
            fast = grown or (not walks and m.symptom.id in quick.findings and (not qualified or m.symptom in qualified))
            fast = fast and faster.get(m.symptom.id, m.symptom).id not in causes
            if m.present and m.course_of is None and m.symptom.id in faster and fast and not _dropped(m, tokens, kb):
                m = replace(m, symptom=faster[m.symptom.id], course_of=m.symptom, course=said)
            out.append(m)
    changed = {m.course_of.id: m.symptom for m in out if m.course_of and m not in mentions}
    if not changed:
        return mentions, timed
    return out, [replace(t, qualifies=tuple(changed.get(s.id, s) for s in t.qualifies)) for t in timed]


def _still_walks(norms: list[str], mentions: list[Mention], quick: QuickWords) -> bool:
    """Is a new weakness told as mild, walking kept ("a little weak, but I can still walk around the house"), with
    nothing that says more (``quick.limited`` words, a ``quick.walks_not`` finding, a weakness beyond the legs)?"""
    if not quick.walks or has_cue(norms, quick.walks) is None or has_cue(norms, quick.limited) is not None:
        return False
    present = [m for m in mentions if m.present]
    if any(m.symptom.id in quick.walks_not for m in present):
        return False
    weak = [m for m in present if m.symptom.id in quick.findings]
    return all({s.id for s in m.sites} <= quick.walks_sites for m in weak)


def _onset(
    told: list[Mention], norms: list[str], quick: QuickWords, slow: str | None, denied: Negation
) -> tuple[str, tuple[Symptom, ...]] | None:
    """The words that say the findings came quickly and the findings they are said of (none: all): a quick
    onset told, else, with no onset told, `quick.words` for one, which a word saying slowly outweighs."""
    read = next((m for m in told if m.symptom.id in quick.onsets), None)
    if read is not None:
        return read.text, read.qualifies
    if slow is not None or any(m.symptom.system == "onset" for m in told):
        return None  # "for three weeks", "for years": the onset told is not quick
    said = _said(norms, quick, quick.onsets, denied)
    return (said, ()) if said else None


def _said(norms: list[str], quick: QuickWords, values: frozenset[str], denied: Negation) -> str | None:
    """The first of `quick.words` for one of ``values`` found in ``norms`` and not denied ("it is not
    spreading" says no growth), as text; None if none is."""
    found = (_undenied(norms, phrases, denied) for value, phrases in quick.words if value in values)
    return next((said for said in found if said), None)


def _undenied(norms: list[str], phrases: tuple[tuple[str, ...], ...], denied: Negation) -> str | None:
    """The longest of ``phrases`` found in ``norms`` with no negation word just before it, as text."""
    found: list[tuple[str, ...]] = [
        p
        for k in range(len(norms))
        for p in phrases
        if tuple(norms[k : k + len(p)]) == p and not denied_before(norms, k, denied)
    ]
    if not found:
        return None
    longest: tuple[str, ...] = max(found, key=len)
    return " ".join(longest)


def denied_before(norms: list[str], first: int, negation: Negation) -> bool:
    """Whether a negation word comes just before ``first``, past fillers only ("never comes and goes", "no other
    neurological episodes", "it is not spreading")."""
    words, fillers = negation
    at = first - 1
    while at >= 0 and norms[at] in fillers:
        at -= 1
    return at >= 0 and norms[at] in words


def _slower(m: Mention, tokens: list[Token], kb: KnowledgeBase) -> Mention:
    """``m`` read as the finding it is the worsening form of, when its sentence says it came slowly."""
    if not (m.present and m.symptom.worsening_of and m.course_of is None):
        return m
    said = has_cue([t.norm for t in _sentence(tokens, m.start)], kb.time_course.quick.slow)
    if said is None:
        return m
    base = m.symptom.worsening_of[0]
    at_site = [site.changes.get(base) for site in m.sites if site.changes.get(base) in m.symptom.worsening_of]
    return replace(m, symptom=kb.symptoms[at_site[0] if at_site else base], course_of=m.symptom, course=said)


def _sentence(tokens: list[Token], at: int) -> list[Token]:
    """The tokens of the sentence (between full stops) holding character ``at``."""
    start = 0
    for k, token in enumerate(tokens):
        if token.ends_sentence:
            if token.start >= at:
                return tokens[start:k]
            start = k + 1
    return tokens[start:]


def _set_aside(tokens: list[Token], mentions: list[Mention], kb: KnowledgeBase) -> bool:
    """Whether the text says the findings are not quick whatever their onset: nerves hit one at a time, one
    side or one limb (an ``unless`` value: their own warnings say how urgent), or words that set warning signs
    aside ("too lazy", "been like that for years") with no serious word, as the parser's calm reading does."""
    if any(m.present and m.symptom.id in kb.time_course.quick.unless for m in mentions):
        return True
    norms = [t.norm for t in tokens]
    lexicon = kb.concept_lexicon
    calm = has_cue(norms, lexicon.explained) or calm_words(norms, kb)  # "not normal for me" is not calm
    return calm is not None and has_cue(norms, lexicon.serious) is None


def _dropped(m: Mention, tokens: list[Token], kb: KnowledgeBase) -> bool:
    """Whether ``m``'s words name a wrist or foot that dropped: one nerve's weakness in one limb
    (data/concepts.yaml ``drops``), never weakness that spreads."""
    span = [t.norm for t in tokens if m.start <= t.start < m.end]
    # the limb and the drop both: "keeps dropping things" names no dropped wrist
    return any(
        has_cue(span, concept.words) is not None and has_cue(span, concept.cues) is not None
        for concept in kb.concept_lexicon.drops
    )


@functools.lru_cache(maxsize=8)
def faster_forms(kb: KnowledgeBase) -> dict[str, Symptom]:
    """Finding id -> its quickly worsening form (``worsening_of`` in data/symptoms.yaml), worked out once per
    base."""
    return {base: s for s in kb.symptoms.values() for base in s.worsening_of}


def unquickened(mentions: list[Mention], kept: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """``kept``, a case's mentions once one value per dimension is settled, with each finding read as quick
    because of an onset set aside (by one entered on its own that is not quick: "Onset: chronic") read again
    as the finding named."""
    onsets = kb.time_course.quick.onsets
    dropped = {m.text for m in mentions if m.symptom.id in onsets and m not in kept}
    if not dropped or any(m.symptom.id in onsets for m in kept):
        return kept
    return [
        replace(m, symptom=m.course_of, course_of=None, course=None) if m.course_of and m.course in dropped else m
        for m in kept
    ]
