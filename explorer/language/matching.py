"""Matching inside one clause, for the parser: phrases found in any word order within a small window,
and the spans of whatever is left over (negation.py decides which of them a cue denies)."""

import threading

from ..knowledge.records import Words
from ..records import record
from .phrases import PhraseIndex, Target
from .tokens import Token

MAX_GAP = 1  # by default, unknown words a phrase may have between its own words ("tingling sensation in my feet")
WINDOW_SLACK = 8  # how far past a phrase's length a scan may look (site and filler words included)


@record
class Item:
    """A token that matters for matching, with its folded form and role in the clause."""

    token: Token
    fold: str
    role: str  # "word", "quiet", "site", "sep", "hpo", "other"
    site: str | None = None
    typed: str | None = None  # the word as typed, when spelling corrected it
    read_as: str | None = None  # the vocabulary word it was read as
    cut: bool = False  # a site break ("since", "with": data/words.yaml) stands just before it
    opens: bool = False  # it starts a new statement ("and my joints hurt": data/words.yaml statement_openers)


@record
class Found:
    used: tuple[int, ...]  # item positions of the phrase's words
    target: Target
    sites: tuple[int, ...]  # item positions of the site words in the same list item
    cue: int | None = None  # position of a negation cue between the phrase's words ("mouth is not dry")
    key: frozenset = frozenset()  # the phrase's folded words


def match(items: list[Item], indexes: list[PhraseIndex], ids: dict, words: Words) -> list[Found]:
    """The phrases found in a clause, longest first, never two on one word; in text order."""
    candidates: list[tuple] = []  # (-length, rank, position, used, key, index, cue)
    in_clause = {item.fold for item in items}  # a key with a word the clause lacks cannot match: no scan
    for rank, index in enumerate(indexes):
        for i, item in enumerate(items):
            if item.role == "hpo" and rank == 0 and item.fold in ids:
                candidates.append((-1, 0, i, (i,), None, None, None))
            if item.role not in ("word", "quiet"):
                continue
            for key in index.by_word.get(item.fold, ()):
                if not key <= in_clause:
                    continue
                used, cue = _scan(items, i, key, words.negation_before, index.max_gap)
                if used:
                    candidates.append((-len(key), rank, i, used, tuple(sorted(key)), index, cue))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], c[3][-1] - c[3][0], c[4] or ()))
    taken: set[int] = set()
    found = []
    for _, _, i, used, key, index, cue in candidates:
        if taken.intersection(used):
            continue
        sites = _sites_near(items, used)
        if index is None:
            target = ids[items[i].fold]
        else:
            target = index.resolve(frozenset(key), tuple(items[s].site for s in sites))
        if target is None:
            continue
        taken.update(used)
        found.append(Found(used, target, sites, cue, frozenset(key or ())))
    return sorted((_absorb(items, f, indexes, taken) for f in found), key=lambda f: f.used)


def _absorb(items: list[Item], found: Found, indexes: list[PhraseIndex], taken: set) -> Found:
    """Words left in a finding's list item that another name of the same finding uses belong to it:
    "choking on my food when I eat" is one mention ("choking on food", "choking when eating")."""
    if not found.key:
        return found
    lo, hi = segment(items, found.used)
    lo, hi = max(lo, min(found.used) - WINDOW_SLACK), min(hi, max(found.used) + WINDOW_SLACK)
    free = {items[k].fold: k for k in range(lo, hi + 1) if k not in taken and items[k].role == "word"}
    extra: set[int] = set()
    for word in free:
        for index in (ix for ix in indexes if ix.absorbs):
            for key in index.by_word.get(word, ()):
                if key <= found.key | set(free) and any(t.symptom == found.target.symptom for t in index.keys[key]):
                    extra.update(free[w] for w in key if w in free)
    if not extra:
        return found
    taken.update(extra)
    return Found(tuple(sorted({*found.used, *extra})), found.target, found.sites, found.cue, found.key)


def _scan(
    items: list[Item], i: int, key: frozenset, before: frozenset, max_gap: int = MAX_GAP
) -> tuple[tuple[int, ...] | None, int | None]:
    need = set(key)
    need.discard(items[i].fold)
    used, gaps, j, cue = [i], 0, i + 1, None
    limit = min(len(items), i + len(key) + WINDOW_SLACK)
    while need and j < limit:
        item = items[j]
        if item.fold in need and item.role in ("word", "quiet", "sep"):
            need.discard(item.fold)
            used.append(j)
        elif item.role == "sep" or (item.token.norm in before and cue is not None):
            break
        elif item.token.norm in before:
            cue = j  # "my mouth is not dry": the phrase goes on, and is negated
        elif item.role not in ("site", "quiet"):
            gaps += 1
            if gaps > max_gap:
                break
        j += 1
    return (None, None) if need else (tuple(used), cue)


# The last clause's items and their list-item bounds, per thread (one clause at a time in each: the web
# app reads texts in several threads, and a reading is remembered, so one must never see another's).
_BOUNDS = threading.local()


def _bounds(items: list[Item]) -> tuple[list[int], list[int]]:
    """For each item, the first and last position of its list item; computed once per clause, so that
    every look-up is constant time and a clause of any length is read in linear time."""
    known = getattr(_BOUNDS, "last", None)
    if known is None or known[0] is not items:
        n = len(items)
        lo_of, hi_of = list(range(n)), list(range(n))
        for i in range(1, n):
            if items[i].role != "sep" and items[i - 1].role != "sep":
                lo_of[i] = lo_of[i - 1]
        for i in range(n - 2, -1, -1):
            if items[i].role != "sep" and items[i + 1].role != "sep":
                hi_of[i] = hi_of[i + 1]
        known = _BOUNDS.last = (items, (lo_of, hi_of))
    return known[1]


def segment(items: list[Item], used) -> tuple[int, int]:
    """The list item around positions ``used``: between the separators that are not part of the phrase."""
    lo_of, hi_of = _bounds(items)
    return lo_of[min(used)], hi_of[max(used)]


def _sites_near(items: list[Item], used) -> tuple[int, ...]:
    """Site words in the phrase's list item, near it (a long list item does not share its sites)."""
    lo, hi = segment(items, used)
    lo, hi = max(lo, min(used) - WINDOW_SLACK), min(hi, max(used) + WINDOW_SLACK)
    return tuple(k for k in range(lo, hi + 1) if items[k].role == "site")


def unread(items: list[Item], found: list[Found], words: Words) -> bool:
    """Is there a word no phrase took (one worth a second look: HPO terms, then spelling)?"""
    taken = {i for f in found for i in f.used}
    cue_words = words.negation_before | words.negation_after | words.subjects
    return any(
        i not in taken and item.role in ("word", "hpo") and item.token.norm not in cue_words
        for i, item in enumerate(items)
    )


def list_items(items: list[Item]) -> list[tuple[int, int]]:
    """(lo, hi) of each list item of a clause, in order."""
    segments, i = [], 0
    while i < len(items):
        if items[i].role == "sep":
            i += 1
            continue
        lo, hi = segment(items, (i,))
        segments.append((lo, hi))
        i = hi + 1
    return segments


def leftover_spans(
    items: list[Item], found: list[Found], attached: dict, text: str, words: Words, in_force: list
) -> list[tuple]:
    """Runs of words that named nothing (sites with no finding included), as (text, start, end, cue):
    ``cue`` is the negation in whose scope they stand ("no rash": rash was said to be absent), from
    ``in_force``, the cue in force at each item (negation.scopes)."""
    cue_words = words.negation_before | words.negation_after
    taken = {i for f in found for i in f.used}
    taken.update(k for f in found for k in f.sites)
    lone_sites = {s for sites in attached.values() for s in sites}
    spans: list[tuple] = []
    run: list[tuple[int, Item]] = []
    for i, item in enumerate([*items, None]):
        if item is None or item.role == "sep" or i in taken:
            if run:
                start, end = run[0][1].token.start, run[-1][1].token.end
                spans.append((text[start:end], start, end, in_force[run[0][0]]))
            run = []
            continue
        if item.role == "site" and item.site in lone_sites:
            continue
        norm = item.token.norm
        if item.role in ("word", "hpo", "other", "site") and norm not in cue_words:
            run.append((i, item))
    return spans
