"""Matching inside one clause, for the parser: phrases found in any word order within a small window,
negation scopes, and the spans of whatever is left over."""

import threading
from dataclasses import dataclass

from ..knowledge.records import Words
from .negation import DISJUNCTIONS, is_cue_after, is_cue_before
from .phrases import PhraseIndex, Target
from .tokens import Token

MAX_GAP = 1  # unknown words a phrase may have between its own words ("tingling sensation in my feet")
WINDOW_SLACK = 8  # how far past a phrase's length a scan may look (site and filler words included)


@dataclass(frozen=True)
class Item:
    """A token that matters for matching, with its folded form and role in the clause."""

    token: Token
    fold: str
    role: str  # "word", "quiet", "site", "sep", "hpo", "other"
    site: str | None = None
    typed: str | None = None  # the word as typed, when spelling corrected it
    read_as: str | None = None  # the vocabulary word it was read as
    cut: bool = False  # a site break ("since", "with": data/words.yaml) stands just before it


@dataclass(frozen=True)
class Found:
    used: tuple[int, ...]  # item positions of the phrase's words
    target: Target
    sites: tuple[int, ...]  # item positions of the site words in the same list item
    cue: int | None = None  # position of a negation cue between the phrase's words ("mouth is not dry")
    key: frozenset = frozenset()  # the phrase's folded words


def match(items: list[Item], indexes: list[PhraseIndex], ids: dict, words: Words) -> list[Found]:
    """The phrases found in a clause, longest first, never two on one word; in text order."""
    candidates = []
    for rank, index in enumerate(indexes):
        for i, item in enumerate(items):
            if item.role == "hpo" and rank == 0 and item.fold in ids:
                candidates.append((-1, 0, i, (i,), None, None, None))
            if item.role not in ("word", "quiet"):
                continue
            for key in index.by_word.get(item.fold, ()):
                used, cue = _scan(items, i, key, words.negation_before)
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
    extra = set()
    for word in free:
        for index in indexes:
            for key in index.by_word.get(word, ()):
                if key <= found.key | set(free) and any(t.symptom == found.target.symptom for t in index.keys[key]):
                    extra.update(free[w] for w in key if w in free)
    if not extra:
        return found
    taken.update(extra)
    return Found(tuple(sorted({*found.used, *extra})), found.target, found.sites, found.cue, found.key)


def _scan(items: list[Item], i: int, key: frozenset, before: frozenset) -> tuple[tuple[int, ...] | None, int | None]:
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
            if gaps > MAX_GAP:
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


def cues(items: list[Item], found: list[Found], words: Words) -> tuple[dict, list]:
    """Negation: (Found.used -> the cue that makes it absent, for the findings in a cue's scope;
    the cue in force at each item, so that words left over in a scope can say so)."""
    taken = {i for f in found for i in f.used}
    norms = [item.token.norm for item in items]
    after: dict = {}  # found.used -> cue word after it, at the end of its list item
    cue_positions = set()
    for f in found:
        lo, hi = segment(items, f.used)
        tail = []
        for k in range(max(f.used) + 1, hi + 1):
            if k in taken:
                break  # the next finding's words: the cue, if any, is its own
            if items[k].role in ("word", "quiet"):
                tail.append(k)
        only_cues = all(norms[k] in words.negation_after or items[k].role == "quiet" for k in tail)
        if tail and is_cue_after(norms[tail[-1]], words) and only_cues:
            after[f.used] = items[tail[-1]].token.text
            cue_positions.add(tail[-1])
    for f in found:
        if f.cue is not None:
            after[f.used] = items[f.cue].token.text
            cue_positions.add(f.cue)
    starts = {f.used[0]: f for f in found}
    closed = _closed_lists(items, words.subjects | words.statement_verbs)
    out, scope, in_force = {}, None, []
    for i, item in enumerate(items):
        if scope and _scope_ends(item, scope, closed[i + 1], words.negation_list_cues):
            scope = None
        in_force.append(scope)
        if i in starts and (scope or starts[i].used in after):
            out[starts[i].used] = scope or after[starts[i].used]
        if i in taken or i in cue_positions:
            continue
        if item.token.norm in words.subjects:
            scope = None
        elif is_cue_before(norms, i, words):
            scope = item.token.text
    return out, in_force


def _scope_ends(item: Item, scope: str, closed: tuple[bool, bool], list_cues: frozenset) -> bool:
    """Past a comma or dash, a negation's scope goes on only through a list of findings it clearly
    denies: one closed by "or"/"nor", or by "and" after a clinical "denies" (never "no rash, can't swallow")."""
    if item.role != "sep" or item.fold in ("and", "or", "nor", "plus", "also", "/"):
        return False
    by_or, by_and = closed
    return not by_or and not (by_and and scope.lower() in list_cues)


def _closed_lists(items: list[Item], openers: frozenset) -> list[tuple[bool, bool]]:
    """For each position: does the list from there on end with "or"/"nor" (first), or with "and"
    (second), before a word that opens a new statement ("has", "I", "can't": ``openers`` and quiet words)?
    One backward pass."""
    out = [(False, False)] * (len(items) + 1)
    for k in range(len(items) - 1, -1, -1):
        item, (by_or, by_and) = items[k], out[k + 1]
        if item.role == "sep" and item.fold in DISJUNCTIONS:
            by_or = True
        elif item.role == "sep" and item.fold == "and":
            by_and = True
        elif item.role == "quiet" or item.token.norm in openers:
            by_or = by_and = False
        out[k] = (by_or, by_and)
    return out


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


def leftover_spans(items: list[Item], found: list[Found], attached: dict, text: str, words: Words) -> list[tuple]:
    """Runs of words that named nothing (sites with no finding included), as (text, start, end, cue):
    ``cue`` is the negation in whose scope they stand ("no rash": rash was said to be absent)."""
    in_force = cues(items, found, words)[1]
    cue_words = words.negation_before | words.negation_after
    taken = {i for f in found for i in f.used}
    taken.update(k for f in found for k in f.sites)
    lone_sites = {s for sites in attached.values() for s in sites}
    spans, run = [], []
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
