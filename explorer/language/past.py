"""Past events, after NegEx's historical cues: "I had chest pain years ago", "used to get numbness",
"past history of double vision", "back in 2019". A symptom named as over and done is not read as a current finding (it
would raise a red flag for something that is not happening now); the parser reports it instead, with
the cue, so the reader can enter it again if it is happening now.

Only symptoms are concerned: "history of diabetes" names a risk factor, which is current. The rule is
narrow on purpose, so that it never hides a current warning sign:
- the cue must stand in the symptom's own list item ("I can't breathe, chest pain years ago": only the
  chest pain is past), within a few words;
- "days ago", "last week" are not cues (a recent episode still matters); only "years ago", "a year ago",
  "last year", "in the past", "as a child", "used to", "previous", "past history of" (not "history of"
  alone: "a two-year history of numbness" is ongoing), and "once" as the last word of the item ("I had a
  seizure once", never "all at once" nor "once I sat down");
- a word that says it goes on cancels the cue of the finding it speaks of (nearest.py: no other finding
  named between them): "since", "still", "now", "again", "for", "started", "came back" ("chest pain started
  years ago" is current, "chest pain years ago, numbness now" is not); a cue's own words do not ("two years
  back", "back in 2015")."""

import functools

from ..knowledge.records import Words
from ..records import replace
from .concepts import has_cue
from .nearest import speaks_of, token_ranges
from .tokens import Token

REACH = 8  # tokens looked at on each side of a mention
# The cues and the words that say it goes on are knowledge: data/words.yaml (past_before, past_after,
# ongoing). "history of" alone is no cue: "a two-year history of numbness" is ongoing.


# A year ("in 1987", "back in 2019") is written "yyyy" in the cues of data/words.yaml.
YEAR = "yyyy"


def is_year(norm: str) -> bool:
    return len(norm) == 4 and norm.isdigit() and norm[:2] in ("19", "20")


# An age ("when I was six", "at the age of 12") is written "nn" in the cues of data/words.yaml.
AGE = "nn"


def dating_word(norm: str, words: Words) -> str:
    """``norm`` as the past cues see it: a year as ``YEAR``, an age (one or two digits, or one of ``ages``) as
    ``AGE``, any other word as itself."""
    if is_year(norm):
        return YEAR
    return AGE if (norm.isdigit() and len(norm) <= 2) or norm in words.ages else norm


def dated_past(norms: list[str], words: Words) -> bool:
    """Whether words date something in the past ("years ago", "as a teenager", "in 2015", "ages ago": the past
    cues and `long_ago` of data/words.yaml; not the bare word "past", which dates nothing: "over the past two
    days"), or end on a past word ("I had covid once.")."""
    here = [dating_word(n, words) for n in norms]
    last = [n for n in here if n][-1:]
    return tuple(last) in words.past_final or has_cue(here, _date_cues(words)) is not None


@functools.lru_cache(maxsize=8)
def _date_cues(words: Words) -> tuple[tuple[str, ...], ...]:
    return tuple(c for c in words.past_before + words.past_after + words.long_ago if c != ("past",))


@functools.lru_cache(maxsize=8)
def cue_words(words: Words) -> frozenset:
    """Every word of a past cue: a text without any of them has no past event."""
    return frozenset(w for cue in words.past_before + words.past_after + words.past_final for w in cue)


def past_cues(
    tokens: list[Token], spans: list[tuple[int, int]], words: Words, events: frozenset[int] = frozenset()
) -> list[str | None]:
    """For each (start, end) character span of a mention in a clause, the cue that puts it in the past,
    or None. ``tokens`` are the clause's tokens; ``events``, the places in ``spans`` of events (an infection): a
    word that goes on past the cue that dates one speaks of what comes after ("had shingles years back, now my
    hands are numb": the shingles stay past); in a later list item, before a finding of its own, it speaks of that
    one ("last year my vision blurred for a few weeks, and now my right hand is tingly again")."""
    tokens = _spans_up_to_now([replace(t, norm=dating_word(t.norm, words)) for t in tokens], words)
    norms = {t.norm for t in tokens}
    if not spans or norms.isdisjoint(cue_words(words)):
        return [None] * len(spans)
    inside = _cue_positions([t.norm for t in tokens], words)
    if not inside:
        return [None] * len(spans)
    # a word that says it goes on (a cue's own words do not) keeps the finding it speaks of current
    going = [(k, k) for k in range(len(tokens)) if k not in inside and _goes_on(tokens, k, words)]
    ranges = token_ranges(tokens, spans)
    return [
        None
        if any(
            speaks_of(k, found, ranges)
            and not (n in events and _beyond(k, found, inside) and tokens[k[0]].norm not in words.past_again)
            and not _names_its_own(tokens, k[0], found, ranges)
            for k in going
        )
        else _cue(tokens, found[0], found[1], words)
        for n, found in enumerate(ranges)
    ]


def _names_its_own(tokens: list[Token], k: int, found: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    """Does the word at ``k``, in a later list item than the finding at ``found``, come before a finding of its own
    item ("..., and now my right hand is tingly")? Then it speaks of that one."""
    if k < found[1] or not any(tokens[j].kind == "list" for j in range(found[1] + 1, k)):
        return False
    end = next((j for j in range(k + 1, len(tokens)) if tokens[j].kind in ("list", "end")), len(tokens))
    return any(k < first < end for first, _ in ranges)


def _beyond(going: tuple[int, int], found: tuple[int, int], cues: set[int]) -> bool:
    """Does a past cue's word stand between the finding at tokens ``found`` and the word at ``going``?"""
    low, high = (found[1], going[0]) if going[0] > found[1] else (going[1], found[0])
    return any(low < c < high for c in cues)


SPAN = "(span)"  # the norm a past cue's words take when they open a span up to now: no cue, no word of one
SPAN_REACH = 3  # words after a past cue in which a unit of time makes it a span ("the past few weeks")


def _spans_up_to_now(tokens: list[Token], words: Words) -> list[Token]:
    """``tokens`` with the words of each past cue a unit of time follows made no cue: "over the past two weeks",
    "in the past few years" say how long the finding has gone on (dating reads the span), not that it is over;
    so with a cue a comparison word comes before ("weaker than last year": how it has changed since)."""
    norms = [t.norm for t in tokens]
    firsts = _by_first_word(words)
    out = list(tokens)
    for k, norm in enumerate(norms):
        for cue in firsts.get(norm, ()):
            end = k + len(cue)
            if tuple(norms[k:end]) == cue and (
                _unit_follows(tokens, end, words) or _span_before(norms, k, cue, words) or _compared(tokens, k, words)
            ):
                out[k:end] = [replace(t, norm=SPAN) for t in out[k:end]]
    return out


def _compared(tokens: list[Token], at: int, words: Words) -> bool:
    """Does a comparison word stand among the few words before the past cue at ``at``, in its clause ("weaker
    than last year", "worse than they were last summer")? Then the time is what the finding is compared with."""
    for token in reversed(tokens[max(0, at - SPAN_REACH) : at]):
        if token.kind != "word":
            return False
        if token.norm in words.past_compared:
            return True
    return False


def _span_before(norms: list[str], k: int, cue: tuple[str, ...], words: Words) -> bool:
    """Does the past cue at ``k`` end on a unit of time with words of a span just before it ("over the last year")?"""
    if cue[-1] not in words.past_span_units:
        return False
    return any(tuple(norms[max(0, k - len(before)) : k]) == before for before in words.past_span_before)


def _unit_follows(tokens: list[Token], at: int, words: Words) -> bool:
    """Is there a unit of time among the few words from ``at``, before any list separator or clause end?"""
    for token in tokens[at : at + SPAN_REACH]:
        if token.kind != "word":
            return False
        if token.norm in words.past_span_units:
            return True
    return False


def _goes_on(tokens: list[Token], k: int, words: Words) -> bool:
    """Does tokens[k] say the finding goes on? Not "for" with an ended span after it ("for a few weeks")."""
    if tokens[k].norm not in words.ongoing:
        return False
    # "hasn't had one since": a word of going on that ends a denial says none came after the past one
    # (the words read, a list mark skipped: "20/20 now")
    norms = [t.norm for t in tokens[max(0, k - 5) : k + 1] if t.norm]
    if any(tuple(norms[len(norms) - len(cue) :]) == cue for cue in _denied_as_read(words)):
        return False
    return not (tokens[k].norm == "for" and any(t.norm in words.bounded for t in tokens[k + 1 : k + 4]))


@functools.lru_cache(maxsize=8)
def _denied_as_read(words: Words) -> tuple[tuple[str, ...], ...]:
    """``ongoing_void`` as the past cues see words: "one" is an age there ("hasn't had one since")."""
    return tuple(tuple(dating_word(w, words) for w in cue) for cue in words.ongoing_void)


def _cue_positions(norms: list[str], words: Words) -> set[int]:
    """The positions of the words of every past cue in the clause ("two years back": its "back" is no
    "came back"); one pass, each word looked up among the cues it can begin."""
    firsts = _by_first_word(words)
    inside: set[int] = set()
    for k, norm in enumerate(norms):
        for cue in firsts.get(norm, ()):
            if tuple(norms[k : k + len(cue)]) == cue:
                inside.update(range(k, k + len(cue)))
    return inside


@functools.lru_cache(maxsize=8)
def _by_first_word(words: Words) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in words.past_before + words.past_after + words.past_final:
        out.setdefault(cue[0], []).append(cue)
    return {first: tuple(cues) for first, cues in out.items()}


def _cue(tokens: list[Token], first: int, last: int, words: Words) -> str | None:
    """The cue in reach of the mention whose tokens run from ``first`` to ``last``."""
    sides = ((_reach(tokens, first - 1, -1), words.past_before), (_reach(tokens, last + 1, 1), words.past_after))
    for near, cues in sides:
        norms = [t.norm for t in near]
        for cue in cues:
            for k in range(len(norms) - len(cue) + 1):
                if tuple(norms[k : k + len(cue)]) == cue:
                    return " ".join(t.text for t in near[k : k + len(cue)])
    return _final_cue(tokens, last, words)


def _final_cue(tokens: list[Token], last: int, words: Words) -> str | None:
    """A cue that counts only as the last words of the mention's list item ("I had a seizure once"), not
    after a word that undoes it ("all at once")."""
    near = _reach(tokens, last + 1, 1)
    end = last + 1 + len(near)
    if end < len(tokens) and tokens[end].kind not in ("list", "end"):
        return None  # the item goes on past the reach: the cue, if any, is not its last word
    norms = [t.norm for t in near]
    for cue in words.past_final:
        k = len(norms) - len(cue)
        if k >= 0 and tuple(norms[k:]) == cue and not (k and norms[k - 1] in words.past_final_void):
            return " ".join(t.text for t in near[k:])
    return None


def _reach(tokens: list[Token], k: int, step: int) -> list[Token]:
    """Up to REACH tokens from ``k`` in direction ``step``, stopping at a list separator or clause end;
    in text order."""
    out: list[Token] = []
    while 0 <= k < len(tokens) and len(out) < REACH and tokens[k].kind not in ("list", "end"):
        out.append(tokens[k])
        k += step
    return out if step > 0 else out[::-1]


def time_words(tokens: list[Token], cues: set[str], words: Words) -> list[tuple[int, int]]:
    """The (start, end) character spans of the time words read in ``tokens``: the words of each past cue in
    ``cues`` (the cues that made a finding past: "last year", "once") or of one an event's second dating follows
    ("covid as a kid and again last week"), and a comparison word before a time it
    compares with ("weaker than last year"). The reader used them, so they are not left over."""
    norms = [dating_word(t.norm, words) for t in tokens]
    if not cues and set(norms).isdisjoint(words.past_compared | words.past_again):
        return []
    told = {" ".join(cue.lower().split()) for cue in cues}
    inside = sorted(_cue_positions(norms, words))
    spans = [(tokens[k].start, tokens[k].end) for k in inside if _in_cue(tokens, k, told) or _again(tokens, k, words)]
    compared = _spans_up_to_now(tokens, words)
    for k, token in enumerate(compared):
        if token.norm == SPAN and tokens[k].norm != SPAN and _compared(tokens, k, words):
            spans.append((token.start, token.end))
            spans += [(t.start, t.end) for t in tokens[max(0, k - SPAN_REACH) : k] if t.norm in words.past_compared]
    return spans


def _again(tokens: list[Token], at: int, words: Words) -> bool:
    """Does a word saying it happened again follow the past cue word at ``at`` in its sentence ("the flu as a kid
    and again this month")? The cue dated the first time."""
    for token in tokens[at + 1 : at + 1 + REACH]:
        if token.kind == "end":
            return False
        if token.norm in words.past_again:
            return True
    return False


def _in_cue(tokens: list[Token], at: int, told: set[str]) -> bool:
    """Is the word at ``at`` inside a cue text of ``told`` found around it?"""
    for low in range(max(0, at - 4), at + 1):
        for high in range(at + 1, min(len(tokens), low + 6) + 1):
            if " ".join(t.text.lower() for t in tokens[low:high]) in told:
                return True
    return False
