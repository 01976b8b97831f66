"""A finding read as its quickly worsening form because of its time course (``quick`` in data/time_course.yaml):
weakness said to have come over hours or days ("my legs got weak over the weekend": weakness that spreads),
and any finding with such a form told with a recent onset and a spread upward or a worsening ("numb from my
feet two days ago and it keeps climbing": numbness that spreads). One decision for every wording, with the
same exclusions; and its undoing when a case's onset entered on its own ("Onset: chronic") sets the story's
quick onset aside."""

import functools

from ..knowledge.records import KnowledgeBase, Symptom
from ..records import replace
from .concepts import has_cue
from .parse_records import Mention
from .tokens import Token


def quickened(
    tokens: list[Token], mentions: list[Mention], timed: list[Mention], kb: KnowledgeBase
) -> tuple[list[Mention], list[Mention]]:
    """``mentions`` with each finding the time course says came fast read as its quickly worsening form, its
    ``course`` the onset's words; and ``timed``, the course mentions, saying so in their ``qualifies``."""
    quick = kb.time_course.quick
    onset = next((m for m in timed if m.symptom.id in quick.onsets), None)
    if onset is None or _set_aside(tokens, [*mentions, *timed], kb):
        return mentions, timed
    # a spread upward or a worsening makes any finding quick, unless words say it came slowly ("slowly creeping")
    grown = any(m.symptom.id in quick.growth for m in timed) and not has_cue(
        [t.norm for t in tokens], kb.concept_lexicon.slow
    )
    faster = faster_forms(kb)
    changed: dict[str, Symptom] = {}
    out = []
    for m in mentions:
        told = grown or (m.symptom.id in quick.findings and (not onset.qualifies or m.symptom in onset.qualifies))
        if m.present and m.course_of is None and m.symptom.id in faster and told and not _dropped(m, tokens, kb):
            changed[m.symptom.id] = faster[m.symptom.id]
            m = replace(m, symptom=faster[m.symptom.id], course_of=m.symptom, course=onset.text)
        out.append(m)
    if not changed:
        return mentions, timed
    return out, [replace(t, qualifies=tuple(changed.get(s.id, s) for s in t.qualifies)) for t in timed]


def _set_aside(tokens: list[Token], mentions: list[Mention], kb: KnowledgeBase) -> bool:
    """Whether the text says the findings are not quick whatever their onset: nerves hit one at a time, one
    side or one limb (an ``unless`` value: their own warnings say how urgent), or words that set warning signs
    aside ("too lazy", "been like that for years") with no serious word, as the parser's calm reading does."""
    if any(m.present and m.symptom.id in kb.time_course.quick.unless for m in mentions):
        return True
    norms = [t.norm for t in tokens]
    lexicon = kb.concept_lexicon
    calm = has_cue(norms, lexicon.calm) or has_cue(norms, lexicon.explained)
    return calm is not None and has_cue(norms, lexicon.serious) is None


def _dropped(m: Mention, tokens: list[Token], kb: KnowledgeBase) -> bool:
    """Whether ``m``'s words name a wrist or foot that dropped: one nerve's weakness in one limb
    (data/concepts.yaml ``drops``), never weakness that spreads."""
    drops = tuple(cue for concept in kb.concept_lexicon.drops for cue in concept.cues)
    return bool(drops) and has_cue([t.norm for t in tokens if m.start <= t.start < m.end], drops) is not None


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
