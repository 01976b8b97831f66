"""Past events, after NegEx's historical cues: "I had chest pain years ago", "used to get numbness",
"past history of double vision". A symptom named as over and done is not read as a current finding (it
would raise a red flag for something that is not happening now); the parser reports it instead, with
the cue, so the reader can enter it again if it is happening now.

Only symptoms are concerned: "history of diabetes" names a risk factor, which is current. The rule is
narrow on purpose, so that it never hides a current warning sign:
- the cue must stand in the symptom's own list item ("I can't breathe, chest pain years ago": only the
  chest pain is past), within a few words;
- "days ago", "last week" are not cues (a recent episode still matters); only "years ago", "a year ago",
  "in the past", "as a child", "used to", "previous", "past history of" (not "history of" alone:
  "a two-year history of numbness" is ongoing);
- a word that says it goes on cancels the cue for the whole clause: "since", "still", "now", "again",
  "for", "started", "came back" ("chest pain started years ago" is current)."""

from bisect import bisect_left, bisect_right

from .tokens import Token

REACH = 8  # tokens looked at on each side of a mention
# "history of" alone is no cue: "a two-year history of numbness" is ongoing; "past history of" is one.
_BEFORE = (("used", "to"), ("previous",), ("previously",), ("past",), ("prior",))
_AFTER = (("years", "ago"), ("year", "ago"), ("in", "the", "past"), ("as", "a", "child"), ("as", "a", "kid"))
ONGOING = frozenset(
    {"since", "still", "now", "again", "for", "started", "start", "starting", "began", "begun", "ongoing"}
    | {"back", "returned", "currently", "today", "recurring", "every", "anymore", "worse", "getting"}
)
CUE_WORDS = frozenset(w for cue in _BEFORE + _AFTER for w in cue)


def past_cues(tokens: list[Token], spans: list[tuple[int, int]]) -> list[str | None]:
    """For each (start, end) character span of a mention in a clause, the cue that puts it in the past,
    or None. ``tokens`` are the clause's tokens."""
    norms = {t.norm for t in tokens}
    if not spans or norms.isdisjoint(CUE_WORDS) or not norms.isdisjoint(ONGOING):
        return [None] * len(spans)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    return [_cue(tokens, bisect_right(ends, start), bisect_left(starts, end) - 1) for start, end in spans]


def _cue(tokens: list[Token], first: int, last: int) -> str | None:
    """The cue in reach of the mention whose tokens run from ``first`` to ``last``."""
    for words, cues in ((_reach(tokens, first - 1, -1), _BEFORE), (_reach(tokens, last + 1, 1), _AFTER)):
        norms = [t.norm for t in words]
        for cue in cues:
            for k in range(len(norms) - len(cue) + 1):
                if tuple(norms[k : k + len(cue)]) == cue:
                    return " ".join(t.text for t in words[k : k + len(cue)])
    return None


def _reach(tokens: list[Token], k: int, step: int) -> list[Token]:
    """Up to REACH tokens from ``k`` in direction ``step``, stopping at a list separator or clause end;
    in text order."""
    out = []
    while 0 <= k < len(tokens) and len(out) < REACH and tokens[k].kind not in ("list", "end"):
        out.append(tokens[k])
        k += step
    return out if step > 0 else out[::-1]
