"""A body part told as the subject of words that say it fails (data/concepts.yaml ``subjects``): read in order,
not as a bag of words, so "my legs just didn't work" and "no movement in my left arm" are paralysis while "the
cream didn't work on my legs", "my legs ache when I'm not moving" and "no movement problems" are not.

Each reading is one more ``Found`` of the clause, so negation, past events, someone else's findings and calm
words read it as any other name; a finding that is no warning sign read on the same words gives way to it."""

from ..knowledge.records import KnowledgeBase, SubjectConcept, Words
from .matching import Found, Item, segment
from .phrases import Target
from .tokens import Token, same_word

SUBJECT_GAP = 2  # other words the part and the words after it may have between them ("my legs totally no movement")
CARRIED_GAP = 4  # words after the part in the item before "and" ("my legs gave way and wouldn't hold me")
PAIR_WORDS = frozenset({"one", "left", "right"})  # "my left arm": a side of a pair between a link and the part


def read(items: list[Item], found: list[Found], tokens: list[Token], kb: KnowledgeBase, urgent: frozenset):
    """``found`` with each part told as the subject of its failing added (a lesser reading on its words dropped);
    ``tokens`` are the clause's and the word ending it, for the words right after and between (stop words are
    no items)."""
    entries = kb.concept_lexicon.subjects
    if not entries:
        return found
    out = list(found)
    for entry in entries:
        for first, last in _cue_spans(items, entry, kb.words):
            site, carried = _subject(items, first, entry, kb.words)
            if site is None:
                site, carried = _linked(items, last, tokens, entry, kb.words), False
            if site is None or _undone(tokens, items[last].token, entry):
                continue
            lo = first if carried or site > last else site + 1  # words between the part and the cue are its own
            used = tuple(range(lo, last + 1))
            clash = [f for f in out if set(f.used) & set(used)]
            if any(f.target.symptom in urgent for f in clash):
                continue  # already read as a warning sign ("I can't move my legs")
            sites = () if carried else _sites(items, site, used)
            target = Target(entry.finding, None if carried else items[site].site)
            key = frozenset(items[k].fold for k in used)
            out = sorted([*(f for f in out if f not in clash), Found(used, target, sites, None, key)], key=_order)
    return out


def _order(f: Found) -> tuple:
    return f.used


def _sites(items: list[Item], site: int, used: tuple[int, ...]) -> tuple[int, ...]:
    """The part and every other site in its list item ("my face is falling on one side", "arms and legs")."""
    lo, hi = segment(items, (site, *used))
    return tuple(k for k in range(lo, hi + 1) if items[k].role == "site")


def _cue_spans(items: list[Item], entry: SubjectConcept, words: Words) -> list[tuple[int, int]]:
    """(first, last) item positions of each cue of ``entry`` standing as consecutive items (stop words are none)."""
    norms = [same_word(item.token.norm) if item.role != "sep" else "" for item in items]
    spans = []
    for cue in entry.cues:
        core = tuple(w for w in cue if w not in words.stop_words)
        for k in range(len(norms) - len(core) + 1) if core else ():
            if tuple(norms[k : k + len(core)]) == core:
                spans.append((k, k + len(core) - 1))
    return spans


def _subject(items: list[Item], first: int, entry: SubjectConcept, words: Words) -> tuple[int | None, bool]:
    """The position of the part told as the subject just before the cue at ``first`` (none: None), and whether
    it was found in the list item before "and" (the cue has no subject of its own)."""
    k, gaps, carried = first - 1, 0, False
    while k >= 0:
        item = items[k]
        if item.role == "site":
            return (k if item.site in entry.sites else None), carried
        if item.role == "sep":
            if item.fold != "and" or k != first - 1:
                return None, False
            carried = True
        elif item.token.norm in entry.pronouns:  # "the legs are like dead, they are not moving"
            return _named_before(items, k, entry), True
        elif item.token.norm in words.subjects:
            return None, False  # "my legs ache when I'm not moving": the subject is the person
        else:
            gaps += 1
            if gaps > (CARRIED_GAP if carried else SUBJECT_GAP):
                return None, False
        k -= 1
    return None, False


def _named_before(items: list[Item], k: int, entry: SubjectConcept) -> int | None:
    """The nearest part named before position ``k`` in the clause, if it is one of ``entry``'s."""
    site = next((j for j in range(k - 1, -1, -1) if items[j].role == "site"), None)
    return site if site is not None and items[site].site in entry.sites else None


def _linked(items: list[Item], last: int, tokens: list[Token], entry: SubjectConcept, words: Words) -> int | None:
    """The position of the part after the cue ending at ``last`` and a link word ("no movement in my left arm")."""
    if not entry.links:
        return None
    k = last + 1
    while k < len(items) and items[k].fold in PAIR_WORDS:
        k += 1
    if k >= len(items) or items[k].role != "site" or items[k].site not in entry.sites:
        return None
    between = [t.norm for t in tokens if items[last].token.end <= t.start and t.end <= items[k].token.start]
    allowed = entry.links | words.stop_words | PAIR_WORDS
    return k if entry.links.intersection(between) and all(n in allowed for n in between) else None


def _undone(tokens: list[Token], last: Token, entry: SubjectConcept) -> bool:
    """Does a word of ``unless_after`` stand right after the cue ("no movement problems")?"""
    after = next((t for t in tokens if t.start >= last.end), None)
    return after is not None and after.norm in entry.unless_after
