"""Spelling correction for one word, with explorer.fuzzy (rapidfuzz, imported only when a word is not
found as typed, so a text of known words never loads it)."""

import functools

from .tokens import fold

MIN_LENGTH = 5  # shorter words have too many neighbours one slip away


def correct(word: str, lexicon: dict) -> str | None:
    """The vocabulary word a single slip (an insertion, deletion, substitution or swap of two neighbours)
    away from ``word``, or None when there is none or a rival one slip away names another finding.
    ``lexicon``: word -> the findings whose names use it."""
    if len(word) < MIN_LENGTH:
        return None
    from ..fuzzy import one_slip_away

    close = one_slip_away(word, lexicon)
    # Rivals that are one word inflected ("tingle", "tingles") or that all name a common finding
    # ("paresthesia", "paraesthesia": both Tingling) are one candidate, not two; the one naming the fewest
    # other findings is taken, so the text reads as that common finding.
    if close and len({fold(w) for w in close}) == 1:
        return close[0]
    if close and frozenset.intersection(*(lexicon[w] for w in close)):
        return min(close, key=lambda w: (len(lexicon[w]), w))
    return None


class Lexicon:
    """Every word of the indexes' phrases, with the findings each names, and a cache of corrections."""

    def __init__(self, indexes: tuple):
        words: dict[str, set] = {}
        for index in indexes:
            for word, findings in index.words.items():
                words.setdefault(word, set()).update(findings)
        self.words = {w: frozenset(words[w]) for w in sorted(words)}
        self.cache: dict[str, str | None] = {}

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def correction(self, word: str) -> str | None:
        if word not in self.cache:
            self.cache[word] = correct(word, self.words)
        return self.cache[word]


@functools.lru_cache(maxsize=8)
def lexicon_of(indexes: tuple) -> Lexicon:
    return Lexicon(indexes)
