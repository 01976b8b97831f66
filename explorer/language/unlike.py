"""Pictures the explorer has no finding for (``unlike`` in data/concepts.yaml): words such as "halos round
lights" tell of another picture than a finding that shares the sentence's other words (a painful eye with halos,
as in acute glaucoma, is no optic neuritis). In a sentence holding one, that finding is neither read nor offered
as a did-you-mean: its words are left over, not understood, rather than read as the wrong finding."""

from ..knowledge.records import KnowledgeBase
from ..records import replace
from .concepts import has_cue
from .parse_records import Leftover, Mention
from .tokens import Token, sentences


def set_aside(
    mentions: list[Mention], leftovers: list[Leftover], tokens: list[Token], kb: KnowledgeBase
) -> tuple[list[Mention], list[Leftover]]:
    """(mentions, leftovers) with each finding an ``unlike`` entry voids in its sentence taken out of both: a
    mention becomes a leftover of its words, a did-you-mean or may-have-meant loses it."""
    entries = kb.concept_lexicon.unlike
    if not entries:
        return mentions, leftovers
    for sentence in sentences(tokens):
        norms = [t.norm for t in sentence]
        voids = frozenset().union(*(e.voids for e in entries if has_cue(norms, e.words)))
        if not voids:
            continue
        start, end = sentence[0].start, sentence[-1].end
        inside = [m for m in mentions if start <= m.start < end and m.symptom.id in voids]
        mentions = [m for m in mentions if m not in inside]
        leftovers = [
            replace(
                x,
                did_you_mean=tuple(s for s in x.did_you_mean if s.id not in voids),
                maybe=tuple(s for s in x.maybe if s.id not in voids),
            )
            if start <= x.start < end
            else x
            for x in leftovers
        ]
        leftovers = sorted([*leftovers, *(Leftover(m.text, m.start, m.end) for m in inside)], key=_place)
    return mentions, leftovers


def _place(x: Leftover) -> tuple[int, int]:
    return x.start, x.end
