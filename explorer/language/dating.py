"""Time said as structure, not as set phrases (``dating`` in data/time_course.yaml): a count and a unit ("for
10+ yrs", "a couple of weeks", "six months ago") read as the onset its days fall in; a day, month, season or
year named after a pointing word ("since Tuesday", "last weekend", "on and off since spring", "since 2019");
an event named after "after" or "since" ("after the flu", "ever since my chest infection", "after chemo
started") read as the course value it names."""

import functools
import re

from ..knowledge.records import DatingWords
from .tokens import Token


def dated(sentence: list[Token], dating: DatingWords) -> list[tuple[str, int, int]]:
    """(value id, first, last token) of each duration, named time and event in ``sentence``."""
    norms = [t.norm for t in sentence]
    return [*_durations(norms, dating), *_named(norms, dating), *_events(norms, dating)]


_GLUED = re.compile(r"^(\d+)([a-z]+)$")


def _durations(norms: list[str], dating: DatingWords) -> list[tuple[str, int, int]]:
    """A count (digits or a number word, the one nearest the unit) and a unit: the onset of its days."""
    units, spelled = dict(dating.units), dict(dating.spelled)
    out = []
    for i, norm in enumerate(norms):
        glued = _GLUED.match(norm)  # "10yrs", "3wks", "2days": texting style, the count and unit in one word
        unit = unit_of(glued.group(2) if glued else norm, units, spelled)
        if unit is None:
            continue
        first, count = (i, float(glued.group(1))) if glued else _counted(norms, i, dating)
        beside = {norms[i - 1] if i else "", norms[i + 1] if i + 1 < len(norms) else ""}
        if not count and norm.endswith("s") and not beside.isdisjoint(dating.beside):
            first, count = (i - 1 if i and norms[i - 1] in dating.beside else i), dating.plural  # "for years"
        if i + 1 < len(norms) and norms[i + 1] in dating.ages | dating.lengths_of:
            continue  # "a 47-year-old woman": an age; "his two-week holiday": how long the holiday lasted
        if count and not (first and norms[first - 1] in dating.intervals):  # "every few months": how often
            out.append((onset_of(count * units[unit], dating), first, i))
    return out


def _counted(norms: list[str], unit: int, dating: DatingWords) -> tuple[int, float]:
    """(first word, count) of the count just before the unit at ``unit`` ("10 days", "a couple of weeks", the
    "+" of "10+ yrs" is no word), or (``unit``, 0) when there is none; the words before it are not the count's
    ("lasts a few weeks": "last" is no count here)."""
    at = unit - 1
    at -= at >= 0 and norms[at] == "of"  # "a couple of days"
    count = _count(norms[at], dict(dating.numbers)) if at >= 0 else None
    if count is None:
        return unit, 0.0
    if at and norms[at - 1] in ("a", "an"):  # "a few", "a couple"
        at -= 1
    if at > 1 and norms[at - 1] in dating.up_to_now and norms[at - 2] == "the":  # "the last 18 months"
        at -= 1
    return at, count


def unit_of(norm: str, units: dict, spelled: dict) -> str | None:
    """The unit a word names ("weeks", "yrs", "fortnight"), or None."""
    for word in (norm, norm[:-1] if norm.endswith("s") else norm):
        word = spelled.get(word, word)
        if word in units:
            return word
    return None


def _count(norm: str, numbers: dict) -> float | None:
    if norm.isdigit():
        return float(norm) or None
    return numbers.get(norm)


def onset_of(days: float, dating: DatingWords) -> str:
    """The onset value a span of ``days`` falls in: the first of ``under`` it is below, else ``longer``."""
    return next((value for value, limit in dating.under if days < limit), dating.longer)


def _named(norms: list[str], dating: DatingWords) -> list[tuple[str, int, int]]:
    """A named day, month or season, or a year in digits, after a pointing word ("since last March")."""
    index = _index(dating.named)
    out = []
    for i, norm in enumerate(norms):
        if norm not in dating.pointers:
            continue
        for j in _past_fillers(norms, i + 1, dating.fillers):
            if dating.years and len(norms[j]) == 4 and norms[j].isdigit() and 1900 <= int(norms[j]) <= 2099:
                out.append((dating.years, i, j))
                break
            found = _phrase_at(norms, j, index)
            if found:
                out.append((found[0], i, j + found[1] - 1))
                break
    return out + _named_then_now(norms, dating, index, out)


NOW_REACH = 7  # words after a named time in which a `then_now` word tells the change since it


def _named_then_now(norms: list[str], dating: DatingWords, index, dated: list) -> list[tuple[str, int, int]]:
    """A named time with no pointing word, followed a few words on by a `then_now` word: the findings changed
    since that day ("me legs were a bit wobbly Friday, now I can barely stand", "Tuesday it was my ankles,
    today I can't get up the stairs")."""
    out = []
    for i in range(len(norms)):
        found = None if any(a <= i <= b for _, a, b in dated) else _phrase_at(norms, i, index)
        end = i + found[1] if found else i
        if found and dating.then_now.intersection(norms[end : end + NOW_REACH]):
            out.append((found[0], i, end - 1))
    return out


def _events(norms: list[str], dating: DatingWords) -> list[tuple[str, int, int]]:
    """An event named after "after", "since" ("after a nasty chest infection"): the course value it names,
    unless a word after it makes it something else ("after the flu jab")."""
    index, starts = _index(dating.events), _index(tuple(("", p) for p in dating.after))
    out = []
    for i in range(len(norms)):
        pointer = _phrase_at(norms, i, starts)
        if not pointer:
            continue
        for j in _past_fillers(norms, i + pointer[1], dating.fillers):
            found = _phrase_at(norms, j, index)
            end = j + found[1] if found else 0
            if found and (end >= len(norms) or norms[end] not in dating.not_events):
                out.append((found[0], i, end - 1))
                break
    return out


def happened(dating: DatingWords) -> frozenset[str]:
    """The history findings that name an event (``dating.bounds``: a recent infection), not one that goes on once
    begun (``dating.lasting``): dated long ago ("I had covid once", "shingles years back"), they are past events."""
    return frozenset(finding for finding, event in dating.bounds if event not in dating.lasting)


def after_events(norms: list[str], dating: DatingWords) -> list[tuple[str, int, int]]:
    """(course value, first, last word) of each event named after "after" or "since" ("after the flu")."""
    return _events(norms, dating)


def told_event(norms: list[str], dating: DatingWords) -> str | None:
    """The course value of an event ``norms`` name ("I had a cold"), or None; None too when an "after" word
    points to it ("after a cold": read as its course value where it is said)."""
    index = _index(dating.events)
    places = ((i, _phrase_at(norms, i, index)) for i in range(len(norms)))
    named = next((found[0] for i, found in places if found and _names_event(norms, i, found, dating)), None)
    return named if named and not _events(norms, dating) else None


def _names_event(norms: list[str], at: int, found: tuple[str, int], dating: DatingWords) -> bool:
    """Whether the event phrase at ``at`` names its event: no `not_events` word follows it past fillers ("put me
    on an exercise plan" starts no medicine)."""
    after = _past_fillers(norms, at + found[1], dating.fillers)
    return not after or norms[after[-1]] not in dating.not_events


def _past_fillers(norms: list[str], start: int, fillers: frozenset[str]) -> range:
    """The places from ``start`` up to the first word that is no filler, inclusive (at most five fillers:
    "since i came down with the flu")."""
    end = start
    while end < len(norms) and end - start < 5 and norms[end] in fillers:
        end += 1
    return range(start, min(end + 1, len(norms)))


def _phrase_at(norms: list[str], at: int, index: dict) -> tuple[str, int] | None:
    """(value, length) of the longest indexed phrase starting at ``at``, or None."""
    for value, phrase in index.get(norms[at], ()) if at < len(norms) else ():
        if tuple(norms[at : at + len(phrase)]) == phrase:
            return value, len(phrase)
    return None


@functools.lru_cache(maxsize=16)
def _index(phrases: tuple) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """(value, phrase) pairs by the phrase's first word, the longest first."""
    out: dict[str, list] = {}
    for value, phrase in sorted(phrases, key=lambda pair: -len(pair[1])):
        out.setdefault(phrase[0], []).append((value, phrase))
    return out
