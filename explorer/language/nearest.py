"""Which finding a word beside several findings speaks of: a cue such as "for years" or "now" is about the
finding named nearest to it, never about one with another finding named between them ("my face drooped an
hour ago, and my foot has been numb for years": the years are the foot's, not the face's)."""

from bisect import bisect_left, bisect_right

from .tokens import Token


def token_ranges(tokens: list[Token], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first and last token of each (start, end) character span."""
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    return [(bisect_right(ends, start), bisect_left(starts, end) - 1) for start, end in spans]


def speaks_of(cue: tuple[int, int], finding: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Is the cue at tokens ``cue`` about the finding at tokens ``finding``: is no other finding (``others``)
    named between them?"""
    low, high = (cue[1], finding[0]) if cue[1] < finding[0] else (finding[1], cue[0])
    return not any(low < first and last < high for first, last in others if (first, last) != finding)
