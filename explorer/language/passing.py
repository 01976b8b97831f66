"""A stroke's warning sign told as over and dated days or more ago ("last Tuesday my face drooped for ten minutes,
fine since"): read as a warning sign that passed (``passed_warning`` in data/time_course.yaml), to be seen by a
doctor within a day. Within the last day ("this morning", "yesterday"), or with no date, it stays the stroke's sign,
an emergency: a mini-stroke is most dangerous in its first hours and days."""

from ..knowledge.records import KnowledgeBase
from ..records import replace
from .concepts import has_cue
from .others import family_words
from .parse_records import Leftover, Mention
from .past import dated_past
from .time_course import episode_lengths, onsets_told
from .tokens import Token, sentences


def passed(
    tokens: list[Token], mentions: list[Mention], leftovers: list[Leftover], kb: KnowledgeBase
) -> tuple[list[Mention], list[Leftover]]:
    """``mentions`` with each stroke's sign told as over days or more ago read as the passed warning, and
    ``leftovers`` without one set aside by a calm word that said so ("fine since"), read so too."""
    read_as = kb.time_course.passed_warning.read_as
    mentions, leftovers = _named(tokens, mentions, leftovers, kb)
    signs = [m for m in mentions if m.symptom.warns_when_passed and (m.present or _normal_again(m, kb))]
    calm = [x for x in leftovers if x.past and any(s.warns_when_passed for s in x.did_you_mean)]
    if not read_as or not (signs or calm):
        return mentions, leftovers
    over = _over_words(kb)
    changed: dict[int, Mention] = {}
    taken: list[Leftover] = []
    spans: list[tuple[int, int]] = []  # the words that dated a passed warning: read, not left over
    for sentence in sentences(tokens):
        words = [t for t in sentence if t.norm]
        if not words:
            continue
        here = [m for m in signs if words[0].start <= m.start < words[-1].end]
        there = [x for x in calm if words[0].start <= x.start < words[-1].end and tuple((x.past or "").split()) in over]
        if not (here or there):
            continue
        norms = [t.norm for t in words]
        if dated_past(norms, kb.words):
            continue  # "years ago": a past event, as the reader has it
        dated = _dated(words, min([m.end for m in here] + [x.end for x in there]), kb)
        read, said = kb.symptoms[read_as], dated[0] if dated else None
        if dated:  # its date, how long it lasted and the words that it ended: read, not left over
            spans += [dated[1:], *episode_lengths(words, kb), *_cue_spans(words, over)]
            changed |= {
                id(m): replace(m, symptom=read, course_of=m.symptom, course=said, present=True, cue=None)
                for m in here
                if _ended_after(words, m.end, over + _returned(m.symptom.id, kb)) and not _still_there(words, m.end, kb)
            }
        # within the last day or not dated, a sign a "normal" ended ("then went back to normal"): the emergency
        changed |= {
            id(m): replace(m, present=True, cue=None)
            for m in here
            if not m.present and id(m) not in changed and _ended_after(words, m.end, over)
        }
        for x in there:  # within the last day or not dated, the stroke's sign set aside by a calm word: an emergency
            sign = next(s for s in x.did_you_mean if s.warns_when_passed)
            mention = Mention(x.text, x.start, x.end, sign, True, someone_else=x.someone_else)  # theirs stays theirs
            passed_then = said and not _still_there(words, x.end, kb)
            changed[id(x)] = replace(mention, symptom=read, course_of=sign, course=said) if passed_then else mention
            taken.append(x)
    if not changed:
        return mentions, leftovers
    kept = [changed.get(id(m), m) for m in mentions] + [changed[id(x)] for x in taken]
    left = [x for x in leftovers if x not in taken and not any(a <= x.start and x.end <= b for a, b in spans)]
    return sorted(kept, key=lambda m: m.start), left


def _named(tokens: list[Token], mentions: list[Mention], leftovers: list[Leftover], kb: KnowledgeBase) -> tuple:
    """``mentions`` with each passed warning the person names ("I had a TIA on Sunday": one of the entry's
    ``names``) read as one, dated by its own date, and ``leftovers`` without the words it was in: a relative's (a
    family word before it, no "I" between: "my wife is having a TIA", not "mum thinks I had one") said to be
    theirs, with its warning when within the last day, as their history when days ago. Not when denied or ruled
    out ("never had a TIA", "they ruled out a TIA"), a figure ("a mini stroke of panic") or dated in the past."""
    entry, family = kb.time_course.passed_warning, family_words(kb.words)
    if not entry.names or any(m.symptom.id in (entry.read_as, entry.recent) for m in mentions):
        return mentions, leftovers
    for sentence in sentences(tokens):
        words = [t for t in sentence if t.norm]
        norms = [t.norm for t in words]
        at = next(((k, n) for k in range(len(words)) for n in entry.names if _at(norms, k, n)), None)
        if at is None or kb.words.negation_before & set(norms[: at[0]]) or dated_past(norms, kb.words):
            continue  # "I had a TIA years ago": history
        after = at[0] + len(at[1])
        if has_cue(norms[: at[0]], entry.ruled_out) is not None or any(_at(norms, after, f) for f in entry.figure):
            continue  # "they ruled out a TIA", "a mini stroke of panic"
        if _taken_back(words, after, mentions, entry):
            continue  # the person takes it back: "I had a TIA this morning? no, actually it was a migraine"
        first, last = words[at[0]], words[after - 1]
        kept = [x for x in leftovers if x.end <= first.start or x.start >= last.end]
        name, read = _text(tokens, first.start, last.end), kb.symptoms[entry.read_as]
        before = words[: at[0]]
        k = next((i for i, t in enumerate(before) if t.norm in family), None)
        whose = before[k].text if k is not None and not kb.words.first_person & {t.norm for t in before[k:]} else None
        dated = _dated(words, last.end, kb)
        if whose is not None and dated:  # "my father had a mini-stroke last week": his history, said to be his
            theirs = Leftover(name, first.start, last.end, (read,), someone_else=whose)
            return mentions, sorted([*kept, theirs], key=lambda x: (x.start, x.end))
        if not dated and entry.recent:  # no date days ago ("today", "I think I'm having a TIA"): within the last day
            read = kb.symptoms[entry.recent]
        # a relative's within the last day is theirs, its warning raised as theirs ("my wife is having a TIA")
        said = Mention(name, first.start, last.end, read, True, course=dated[0] if dated else None, someone_else=whose)
        return sorted([*mentions, said], key=lambda m: m.start), kept
    return mentions, leftovers


def _taken_back(words: list[Token], after: int, mentions: list[Mention], entry) -> bool:
    """Do words after the name take it back and say what it was instead: a ``corrected`` cue with a finding read
    after it ("no, actually it was a migraine")? Without one ("it was actually scary") the name stands."""
    norms = [t.norm for t in words]
    at = next((k for k in range(after, len(norms)) if any(_at(norms, k, c) for c in entry.corrected)), None)
    return at is not None and any(m.start >= words[at].start for m in mentions)


def _text(tokens: list[Token], start: int, end: int) -> str:
    """The words of ``tokens`` between characters ``start`` and ``end``, as typed ("mini-stroke")."""
    out, at = "", start
    for t in (t for t in tokens if start <= t.start and t.end <= end):
        out, at = out + " " * (t.start - at) + t.text, t.end
    return out


def _dated(words: list[Token], end: int, kb: KnowledgeBase) -> tuple[str, int, int] | None:
    """The words (and their span) of the shortest onset dating the warning that ends at character ``end`` when it
    is days or more ago (one of the entry's ``onsets``), else None (within the last day, a ``lately`` word, or no
    date). Its own date comes before the words that it ended: after them a time says when or how soon it ended
    ("back to normal after ten minutes"), and another clause's ("my feet have tingled since this morning") dates
    another finding. With no date before them, the whole sentence's."""
    onsets, lately = kb.time_course.passed_warning.onsets, kb.time_course.passed_warning.lately
    over = _over_words(kb)
    norms = [t.norm for t in words]
    at = next((k for k, t in enumerate(words) if t.start >= end and any(_at(norms, k, cue) for cue in over)), None)
    own = words[:at] if at is not None and onsets_told(words[:at], kb) else words
    told = [] if has_cue([t.norm for t in own], lately) is not None else onsets_told(own, kb)
    return told[0][1:] if told and told[0][0] in onsets else None


def _at(norms: list[str], k: int, cue: tuple[str, ...]) -> bool:
    """Does ``cue`` begin at word ``k``?"""
    return tuple(norms[k : k + len(cue)]) == cue


def _normal_again(m: Mention, kb: KnowledgeBase) -> bool:
    """Was a stroke's sign ended by a word that says something is normal ("then went back to normal" reads
    "normal" too)? The passed-warning reading then looks at the words that ended it, as it does for a sign kept."""
    return not m.present and m.cue is not None and tuple(m.cue.split()) in kb.words.negation_normal


def _over_words(kb: KnowledgeBase) -> tuple[tuple[str, ...], ...]:
    """The words that say an episode ended: data/words.yaml's ``negation_resolved`` and ``calm_over``, and the
    time course's ``remitted``."""
    words = kb.words
    return tuple(dict.fromkeys([*words.negation_resolved, *words.calm_over, *kb.time_course.remitted]))


def _returned(sign: str, kb: KnowledgeBase) -> tuple[tuple[str, ...], ...]:
    """The words that tell a lost function returned after ``sign`` ("then it came back": data/concepts.yaml
    ``returns``, the entries that end it)."""
    return tuple(w for entry in kb.concept_lexicon.returns if sign in entry.ends for w in entry.words)


def _still_there(words: list[Token], end: int, kb: KnowledgeBase) -> bool:
    """Do words after character ``end`` deny that the sign ended ("it hasn't gone away", "never came back", "still
    not back to normal", "I can no longer smile")? A negation or a ``still_there`` word (data/words.yaml) anywhere
    after it keeps the sign an emergency: a warning wrongly read as passed would lower its level."""
    after = {t.norm for t in words if t.start >= end}
    return bool(after & (kb.words.negation_before | kb.words.still_there))


def _cue_spans(words: list[Token], cues: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
    """The (start, end) characters of each of ``cues`` in ``words``."""
    norms = [t.norm for t in words]
    return [
        (words[k].start, words[k + len(cue) - 1].end)
        for k in range(len(norms))
        for cue in cues
        if tuple(norms[k : k + len(cue)]) == cue
    ]


def _ended_after(words: list[Token], end: int, over: tuple[tuple[str, ...], ...]) -> bool:
    """Do words after character ``end`` of the sentence say the episode ended?"""
    after = [t.norm for t in words if t.start >= end]
    return has_cue(after, over) is not None
