"""A one-sided weakness or numbness that came on gradually over days ("over the last three days my left leg is getting
weaker", "my right arm has slowly got weaker over four days"): read as the weakness or numbness it is, on one side and
getting worse (``gradual`` in data/time_course.yaml), which raises its own emergency, one that says it grew over days
(still a stroke's warning sign, and possibly a relapse of multiple sclerosis). Dated by a day named ("since
Tuesday", when a stroke may have struck), or with no word that it came gradually, it stays the stroke's sign."""

from ..knowledge.records import KnowledgeBase, Symptom
from ..records import replace
from .concepts import has_cue
from .dating import unit_of
from .parse_records import Mention
from .phrases import site_words, split_sites
from .tokens import Token, phrase_folds, sentences


def gradual(tokens: list[Token], mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """``mentions`` with each one-sided finding told as coming on gradually over days read as its plain form, and
    the entry's values (one side, getting worse) said of it when the text tells none of their kind."""
    entry, pairs = kb.time_course.gradual, dict(kb.time_course.slow_one_side.findings)
    if not entry.onsets:
        return mentions
    onsets = [m for m in mentions if m.symptom.id in entry.onsets and _counted(m.text, kb)]
    found = [
        (m, o)
        for m in mentions
        if m.present and m.symptom.id in pairs
        for o in onsets[:1]
        if m.symptom in o.qualifies and _told_gradually(tokens, m, o, kb)
    ]
    if not found:
        return _plain(tokens, mentions, onsets[:1], kb)
    gone = {m.symptom.id: kb.symptoms[pairs[m.symptom.id]] for m, _ in found}
    changed = {id(m): replace(m, symptom=gone[m.symptom.id], course_of=m.symptom, course=o.text) for m, o in found}
    out = [_requalified(changed.get(id(m), m), gone) for m in mentions]
    return _with_values(out, changed[id(found[0][0])], kb)


def _plain(tokens: list[Token], mentions: list[Mention], onsets: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """``mentions`` with the values said of the first plain finding (``findings``) that a side word puts on one side
    and that came on gradually over days ("since two days my left hand and leg are becoming weak slowly"). A numbness
    told of a single site is not, unless a weakness (``one_site``) is told too: one hand going numb over days ("since I
    started using a new mouse") is a nerve's, not a side's."""
    side, entry = kb.time_course.slow_one_side.value, kb.time_course.gradual
    weak_told = any(m.present and m.symptom.id in entry.one_site for m in mentions)
    sided = [m for m in mentions if m.present and m.symptom.id == side]
    first = next(
        (
            m
            for m in mentions
            if m.present
            and m.symptom.id in entry.findings
            and (m.symptom.id in entry.one_site or weak_told or len(_sites_told(tokens, m, kb)) != 1)
            for o in onsets
            if m.symptom in o.qualifies
            and any(not s.qualifies or m.symptom in s.qualifies for s in sided)
            and _told_gradually(tokens, m, o, kb)
        ),
        None,
    )
    return mentions if first is None else _with_values(list(mentions), first, kb)


def _sites_told(tokens: list[Token], m: Mention, kb: KnowledgeBase) -> set[str]:
    """The body sites the sentence of ``m`` names, whatever finding took their words ("my left hand and leg":
    hands, legs)."""
    sentence = next((s for s in sentences(tokens) if s and s[0].start <= m.start <= s[-1].end), tokens)
    folds = phrase_folds(" ".join(t.norm for t in sentence if t.norm), kb.words.stop_words)
    return set(split_sites(folds, site_words(kb))[1])


def _with_values(out: list[Mention], first: Mention, kb: KnowledgeBase) -> list[Mention]:
    """``out`` with each of the entry's values not told of its kind said of ``first``."""
    for value in (kb.symptoms[v] for v in kb.time_course.gradual.values):
        if not any(_same_kind(m.symptom, value, kb) for m in out):
            out.append(replace(first, symptom=value, sites=(), course_of=None, course=None, qualifies=(first.symptom,)))
    return sorted(out, key=lambda m: m.start)


def _counted(text: str, kb: KnowledgeBase) -> bool:
    """Do the onset's words end on a unit of time ("the last three days", "a week"), not a day named ("Tuesday")?"""
    dating = kb.time_course.dating
    last = text.lower().split()[-1] if text.split() else ""
    return unit_of(last, dict(dating.units), dict(dating.spelled)) is not None


def _told_gradually(tokens: list[Token], m: Mention, onset: Mention, kb: KnowledgeBase) -> bool:
    """Does the finding's sentence say it came gradually: a ``words`` cue ("slowly", "got weaker"), or a ``before``
    word just before the onset's words ("over the last three days")?"""
    entry = kb.time_course.gradual
    sentence = next((s for s in sentences(tokens) if s and s[0].start <= m.start <= s[-1].end), [])
    words = [t for t in sentence if t.norm]
    if has_cue([t.norm for t in words], entry.words) is not None:
        return True
    at = next((k for k, t in enumerate(words) if t.start >= onset.start), None)
    return at is not None and any(t.norm in entry.before for t in words[max(0, at - 2) : at])


def _requalified(m: Mention, gone: dict[str, Symptom]) -> Mention:
    """A value said of a finding read as another is said of that other."""
    if not m.qualifies:
        return m
    return replace(m, qualifies=tuple(gone.get(q.id, q) for q in m.qualifies))


def _same_kind(told: Symptom, value: Symptom, kb: KnowledgeBase) -> bool:
    """Is ``told`` the value, or another value of an exclusive dimension it belongs to (a symmetry told stands)?"""
    if told.id == value.id:
        return True
    return told.kind == "course" and told.system == value.system and value.system in kb.time_course.exclusive
