"""One finding's reading set right by its time course (data/time_course.yaml; the entries' records in
explorer/knowledge/course_records.py): a climb from the feet over months is the slow length-dependent spread, a
sudden one-sided finding told over weeks or more is the plain finding on one side, and in a picture of nerves hit one
after another a hand's or a foot's one-sided weakness is that nerve's; a level on the body reached within hours is
one reached quickly."""

from ..knowledge.records import KnowledgeBase
from ..records import replace
from .parse_records import Mention


def reread(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """``mentions`` with the slow climb, the slow one-sided finding and the patchy limb read as their entries say."""
    return _quick_level(_patchy_limb(_slow_one_side(_slow_climb(mentions, kb), kb), kb), kb)


def _quick_level(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """A level on the body reached within hours is read also as such a level (data/time_course.yaml,
    ``quick_level``), which raises its emergency; told beside an earlier episode that got better (an ``unless``
    value) it is a relapse, whose own warning stands. Said with the level's words."""
    entry = kb.time_course.quick_level
    ids = {m.symptom.id for m in mentions if m.present}
    if not entry.value or entry.value not in ids or not ids & entry.onsets or ids & entry.unless:
        return mentions
    if entry.read_as in ids:
        return mentions
    level = next(m for m in mentions if m.present and m.symptom.id == entry.value)
    return [*mentions, replace(level, symptom=kb.symptoms[entry.read_as])]


def _patchy_limb(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """In a picture of nerves hit one after another, a one-sided weakness said only of a hand or a foot is that
    nerve's weakness (data/time_course.yaml, ``patchy_limb``), not a stroke's: read as the weakness it is. Not
    with an ``unless`` value (a weakness that came within minutes or hours may be a stroke whatever came before). A
    ``severity`` value said of those weaknesses only ("her left hand went weak and she can't hold a pen") is that
    nerve's loss of use, not a disabling weakness of days: it is not kept."""
    entry = kb.time_course.patchy_limb
    ids = {m.symptom.id for m in mentions}
    if not entry.value or entry.value not in ids:
        return mentions
    limb = [m for m in mentions if m.symptom.id == entry.finding and m.sites and {s.id for s in m.sites} <= entry.sites]
    if not limb or any(_own_onset(m, limb, mentions) for m in mentions if m.symptom.id in entry.unless):
        return mentions
    read_as, changed = kb.symptoms[entry.read_as], {id(m) for m in limb}
    # one hand that cannot hold a pen, in that picture, is that nerve's loss, not a weakness that spreads
    theirs = {m.symptom for m in limb}
    return [
        replace(m, symptom=read_as) if id(m) in changed else m
        for m in mentions
        if not (m.symptom.id in entry.severity and m.qualifies and set(m.qualifies) <= theirs)
    ]


def _own_onset(onset: Mention, limb: list[Mention], mentions: list[Mention]) -> bool:
    """Is the ``onset`` (an ``unless`` value: "an hour ago", "suddenly") told of the limb's weakness, the finding
    nearest its words, rather than of another nerve's finding told before it ("my right foot went numb overnight, and
    now my left hand is weak": the night dates the foot)? Nearest by characters; a tie counts as the weakness's own."""
    others = [m for m in mentions if m.present and m.symptom.kind == "symptom" and m not in limb]
    if not others:
        return True
    return min(map(_gap(onset), limb)) <= min(map(_gap(onset), others))


def _gap(onset: Mention):
    return lambda m: max(m.start - onset.end, onset.start - m.end, 0)


def _slow_one_side(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """A sudden one-sided finding whose own onset is told as weeks, months or years is read as the finding it names,
    on one side (data/time_course.yaml, ``slow_one_side``): a stroke comes suddenly. Said with the onset's words."""
    entry = kb.time_course.slow_one_side
    said = [m for m in mentions if m.symptom.id in entry.onsets]
    if not said or entry.unless & {m.symptom.id for m in mentions}:
        return mentions
    read_as = {finding: kb.symptoms[other] for finding, other in entry.findings}
    out = []
    for m in mentions:
        onset = next((o for o in said if m.symptom in o.qualifies), None)
        if m.present and m.symptom.id in read_as and onset is not None:
            m = replace(m, symptom=read_as[m.symptom.id], course_of=m.symptom, course=onset.text, site_changed=None)
        out.append(m)
    read = [m for m in out if m.course_of and m.course_of.id in read_as]
    if not read:
        return mentions
    # the values said of the sudden form are said of the finding it is read as (not of a finding gone)
    gone = {m.course_of.id: m.symptom for m in read if m.course_of}
    out = [replace(m, qualifies=tuple(gone.get(q.id, q) for q in m.qualifies)) if m.qualifies else m for m in out]
    side = kb.symptoms[entry.value]
    if any(m.symptom.kind == "course" and m.symptom.system == side.system for m in mentions):
        return out  # the symmetry told ("patchy", "one side") stands
    one_side = replace(read[0], symptom=side, sites=(), course_of=None, course=None)
    return [*out, replace(one_side, qualifies=(read[0].symptom,))]


def _slow_climb(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """With an onset over months or years, a climb from the feet is the length-dependent spread, not the
    ascending weakness of days (data/time_course.yaml, ``slow_climb``): read as that spread, said once."""
    entry = kb.time_course.slow_climb
    onset, climb, read_as = entry.onset, entry.climb, entry.read_as
    ids = {m.symptom.id for m in mentions}
    if not onset or onset not in ids or climb not in ids:
        return mentions
    out = [m for m in mentions if m.symptom.id != climb]
    if read_as not in ids:
        first = next(m for m in mentions if m.symptom.id == climb)
        out.insert(mentions.index(first), replace(first, symptom=kb.symptoms[read_as]))
    return out
