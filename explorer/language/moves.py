"""Where findings moved and how they came back, read as structure (``moves`` in data/time_course.yaml): a word
of moving and, a few words on, a direction ("worked its way up to my knees", "has spread from my feet up") or a
higher part ("it travelled to my thighs"), or told by its progress, a higher part at a later time ("yesterday my
ankles, today my knees"); findings told in one limb, then another kind of limb ("first one foot
went numb, then the other hand"), which is a patchy picture; and a flare of the findings, not of the joints."""

from ..knowledge.records import MovesWords
from .phrases import LIMBS
from .tokens import fold


def moved(norms: list[str], moves: MovesWords) -> list[tuple[str, int, int]]:
    """(value id, first, last word) of each move and each one-limb-then-another told in ``norms``."""
    return [*_climbs(norms, moves), *_by_levels(norms, moves), *_one_then_other(norms, moves), *_flares(norms, moves)]


def _climbs(norms: list[str], moves: MovesWords) -> list[tuple[str, int, int]]:
    out = []
    for i, norm in enumerate(norms):
        if norm not in moves.moves:
            continue
        for j in range(i + 1, min(i + 1 + moves.window, len(norms))):
            found = _direction(norms, j, moves) or _higher(norms, j, moves)
            if found:
                value, last = found
                if not moves.unless.intersection(norms[last + 1 : last + 3]):  # "went up the stairs"
                    out.append((value, i, last))
                break
    return out


def _direction(norms: list[str], at: int, moves: MovesWords) -> tuple[str, int] | None:
    for value, phrase in moves.directions:
        if tuple(norms[at : at + len(phrase)]) == phrase:
            return value, at + len(phrase) - 1
    return None


def _higher(norms: list[str], at: int, moves: MovesWords) -> tuple[str, int] | None:
    """("spread_ascending", the part's place) for "to my knees", "into both hands"."""
    if norms[at] not in moves.to:
        return None
    k = at + 1
    while k < len(norms) and norms[k] in moves.fillers:
        k += 1
    ascending = next((value for value, phrase in moves.directions if phrase == ("up",)), "")
    return (ascending, k) if ascending and k < len(norms) and norms[k] in moves.higher else None


TRUNK_REACH = 6  # words after a climb in which the part it reached is named ("crept up from my feet to my chest")


def reached_trunk(norms: list[str], found: list[tuple[str, int, int]], moves: MovesWords) -> list[tuple[str, int, int]]:
    """(``moves.level``, first, last word) for each climb in ``found`` that reached the trunk: a ``moves.trunk`` part
    ends it or is named soon after it in its own part of the sentence ("numb up to my waist", "it's up to my belly
    button"; not "creeping up my legs and my stomach hurts"). Numbness with a border on the trunk is a level on the
    body, which points to the spinal cord rather than to the limbs' nerves."""
    ascending = next((value for value, phrase in moves.directions if phrase == ("up",)), "")
    if not moves.level or not ascending:
        return []
    return [(moves.level, a, b) for value, a, b in found if value == ascending and _trunk_after(norms, b, moves)]


def _trunk_after(norms: list[str], last: int, moves: MovesWords) -> bool:
    for k in range(last, min(last + 1 + TRUNK_REACH, len(norms))):
        if norms[k] in moves.trunk:
            return True
        if k > last and (not norms[k] or norms[k] in moves.level_breaks):
            return False
    return False


LEVEL_REACH = 8  # words before a part in which its time is told ("by lunchtime it was up to my shoulders")


def _by_levels(norms: list[str], moves: MovesWords) -> list[tuple[str, int, int]]:
    """The ascending value for a part named at a later time above a part of the same limb named before it
    ("yesterday my ankles, today my knees", "this morning knee, now hip"): a climb told by its progress."""
    ascending = next((value for value, phrase in moves.directions if phrase == ("up",)), "")
    for way in moves.levels if ascending else ():
        rank = {word: r for r, row in enumerate(way) for word in row}
        for j, norm in enumerate(norms):
            time = _time_before(norms, j, moves) or _time_after(norms, j, moves) if norm in rank else None
            lower = next((i for i in range(time or 0) if rank.get(norms[i], rank[norm]) < rank[norm]), None)
            if lower is not None:
                return [(ascending, lower, j)]
    return []


def _time_before(norms: list[str], at: int, moves: MovesWords) -> int | None:
    """The place of a `level_times` word before ``at`` in its own part of the sentence (no comma nor
    `level_breaks` word between), or None: "now and my knees ache" tells no time of the knees."""
    for k in range(at - 1, max(at - 1 - LEVEL_REACH, -1), -1):
        if norms[k] in moves.level_times:
            return k
        if not norms[k] or norms[k] in moves.level_breaks:
            return None
    return None


def _time_after(norms: list[str], at: int, moves: MovesWords) -> int | None:
    """The place of ``at`` when a `level_times` word right after it ends its part of the sentence ("feet
    yesterday, thighs now"): the part is told at that time. Not "my knees now and then", "my hips today hurt"."""
    after = at + 1
    ends = after + 1 >= len(norms) or not norms[after + 1]
    return at if after < len(norms) and norms[after] in moves.level_times and ends else None


def _one_then_other(norms: list[str], moves: MovesWords) -> list[tuple[str, int, int]]:
    """``moves.patchy`` for "one foot ... the other hand": a limb after a `one` word, then a different limb after
    an `other` word."""
    first = next((i for i in range(len(norms) - 1) if norms[i] in moves.one and norms[i + 1] in LIMBS), None)
    if first is None or not moves.patchy:
        return []
    for j in range(first + 2, len(norms) - 1):
        if norms[j] in moves.other and norms[j + 1] in LIMBS and fold(norms[j + 1]) != fold(norms[first + 1]):
            return [(moves.patchy, first, j + 1)]
    return []


def _flares(norms: list[str], moves: MovesWords) -> list[tuple[str, int, int]]:
    """``moves.relapsing`` for a flare of the findings ("it flares up every few months"), not of the joints."""
    if not moves.relapsing or not moves.flares_unless.isdisjoint(norms):
        return []
    for i in range(len(norms)):
        for phrase in sorted(moves.flares, key=len, reverse=True):
            if tuple(norms[i : i + len(phrase)]) == phrase:
                return [(moves.relapsing, i, i + len(phrase) - 1)]
    return []
