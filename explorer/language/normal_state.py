"""A finding read through a word that says its function is normal ("swallowing is fine", "sight normal",
data/concepts.yaml `sign_normal`) is read only as absent, and only where that word closes it
(negation.resolved). Read any other way, the word said nothing of the finding: "a fine tremor when I swallow"
names no trouble swallowing, and "my vision is not fine" does not say the sight is there (nor that it is lost).
A normal word after a finding that is denied says how the function fails, not that it is normal: "I can't
breathe fine" is trouble breathing."""

import functools

from ..knowledge.records import KnowledgeBase
from ..records import replace
from .parse_records import Mention
from .tokens import Token


@functools.lru_cache(maxsize=8)
def _normal_findings(kb: KnowledgeBase) -> tuple[frozenset[str], frozenset[str]]:
    """The one-word normal cues (data/words.yaml negation_normal), and the findings a concept reads with one."""
    normal = frozenset(cue[0] for cue in kb.words.negation_normal if len(cue) == 1)
    findings = frozenset(
        c.finding for c in kb.concept_lexicon.concepts if any(len(cue) == 1 and cue[0] in normal for cue in c.cues)
    )
    return normal, findings


def normal_only(mentions: list[Mention], tokens: list[Token], kb: KnowledgeBase) -> list[Mention]:
    """The mentions, less those a normal word named that it does not close as absent, and less those it closes
    as they were before ("my legs were fine on Friday": how it was, not how it is)."""
    normal, findings = _normal_findings(kb)
    kept = [
        m
        for m in mentions
        if not (m.symptom.id in findings and _stray(m, tokens, normal, kb))
        and not (_closed(m, kb) and kb.words.normal_then.intersection(_near(m, tokens)))
    ]
    return [replace(m, present=True, cue=None) if _fails(m, tokens, kb) else m for m in kept]


def _closed(m: Mention, kb: KnowledgeBase) -> bool:
    """Was ``m`` read absent by words saying it is normal ("is fine")?"""
    return not m.present and m.cue is not None and tuple(m.cue.split()) in kb.words.negation_normal


def _near(m: Mention, tokens: list[Token]) -> list[str]:
    """The words of ``m`` and the one just before it."""
    return [t.norm for t in tokens if t.end <= m.start][-1:] + [
        t.norm for t in tokens if m.start <= t.start and t.end <= m.end
    ]


def _fails(m: Mention, tokens: list[Token], kb: KnowledgeBase) -> bool:
    """Was ``m`` closed as normal though a negation cue stands in it or just before it ("can't walk fine")?"""
    return _closed(m, kb) and bool(kb.words.normal_denied.intersection(_near(m, tokens)))


def _stray(m: Mention, tokens: list[Token], normal: frozenset[str], kb: KnowledgeBase) -> bool:
    """Does a normal word inside ``m`` read it, yet not close it: present ("fine tremor when I swallow"), or
    denied by a cue before the normal word ("vision is not fine")?"""
    inside = [t.norm for t in tokens if m.start <= t.start and t.end <= m.end]
    if not normal.intersection(inside):
        return False
    if m.present:
        return True
    return m.cue is not None and tuple(m.cue.split()) not in kb.words.negation_normal and inside[-1] in normal
