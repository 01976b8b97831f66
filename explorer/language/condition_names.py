"""Condition names in free text ("I have rheumatoid arthritis", "had guillan barre years ago", "MS for
five years"): a diagnosis the person names is history, not a finding, so its words point to the
condition's card instead of being read as a symptom they contain ("arthritis" is not joint pain here).
Names are the autoimmune conditions' names and aliases; a word of five letters or more may carry one
spelling slip, as the reader allows elsewhere."""

import functools

from ..knowledge.catalog import condition_names
from ..knowledge.records import Condition, KnowledgeBase
from ..knowledge.text import normalize
from ..records import replace
from .parse_records import Leftover, Mention
from .tokens import Token

SLIP_SIMILARITY = 85  # fuzzy.similarity (0-100) from which a word of five letters or more counts as the same


@functools.lru_cache(maxsize=8)
def _names(kb: KnowledgeBase) -> dict[str, tuple[tuple[tuple[str, ...], Condition], ...]]:
    """First letter -> (the words of a name, its condition), longest names first; ids and codes left out.
    A slip is never in the first letter, so a word is compared only with names sharing it."""
    out = []
    for condition in kb.conditions.values():
        if condition.kind != "autoimmune":
            continue  # "diabetes" names a history finding too: the vocabulary reads it
        for name in condition_names(condition):
            words = tuple(normalize(name).split())
            if words and ":" not in name and "_" not in name:
                out.append((words, condition))
    by_letter: dict[str, list] = {}
    for words, condition in sorted(out, key=lambda item: (-len(item[0]), item[0])):
        by_letter.setdefault(words[0][0], []).append((words, condition))
    return {letter: tuple(names) for letter, names in by_letter.items()}


def spans(tokens: list[Token], kb: KnowledgeBase) -> list[tuple[int, int, Condition]]:
    """(start, end, condition) of each condition named in the text's tokens."""
    norms = [t.norm for t in tokens]
    out: list[tuple[int, int, Condition]] = []
    k = 0
    names = _names(kb)
    while k < len(norms):
        for words, condition in names.get(norms[k][:1], ()):
            if _same(norms[k : k + len(words)], words):
                out.append((tokens[k].start, tokens[k + len(words) - 1].end, condition))
                k += len(words) - 1
                break
        k += 1
    return out


def _same(typed: list[str], name: tuple[str, ...]) -> bool:
    if len(typed) != len(name):
        return False
    from ..fuzzy import similarity

    return all(
        t == n or (len(n) >= 5 and abs(len(t) - len(n)) <= 1 and similarity(t, n) >= SLIP_SIMILARITY)
        for t, n in zip(typed, name)
    )


def point(
    mentions: list[Mention], leftovers: list[Leftover], named: list[tuple[int, int, Condition]]
) -> tuple[list[Mention], list[Leftover]]:
    """Findings read inside a condition's name become a pointer to its card (still someone else's when the
    finding was: "my grandma had rheumatoid arthritis"); words left over that hold a name point to it too."""
    kept, pointers = [], []
    for m in mentions:
        inside = next((c for s, e, c in named if s <= m.start and m.end <= e), None)
        if inside is None:
            kept.append(m)
        else:
            pointers.append(Leftover(m.text, m.start, m.end, condition=inside, someone_else=m.someone_else))
    marked = [
        replace(x, condition=next((c for s, e, c in named if x.start <= s and e <= x.end), None))
        if x.condition is None
        else x
        for x in leftovers
    ]
    return kept, sorted(marked + pointers, key=lambda x: (x.start, x.end))
