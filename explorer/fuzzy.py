"""Fuzzy string matching, in one place: every "did you mean" and spelling correction asks this module,
which asks rapidfuzz (a well-kept C++ library), imported only when a name was not found as typed.

A leaf module: every layer may import it. Similarity is rapidfuzz's ``ratio`` (0-100, the share of the
two strings' characters that line up, as difflib's ratio measured it)."""

from collections.abc import Iterable


def similarity(first: str, second: str) -> float:
    """How alike two strings are, 0 (nothing in common) to 100 (equal)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(first, second)


def similarities(word: str, choices: list[str]) -> list[float]:
    """``similarity(word, choice)`` for every choice, in order: one import for the whole list (a
    did-you-mean compares a phrase with every name in the vocabulary)."""
    from rapidfuzz.fuzz import ratio

    return [ratio(word, choice) for choice in choices]


def close_matches(word: str, choices: Iterable[str], limit: int = 3, cutoff: float = 60) -> list[str]:
    """The ``choices`` at least ``cutoff`` alike to ``word``, most alike first (ties in the choices' order)."""
    from rapidfuzz import fuzz, process

    hits = process.extract(word, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
    return [choice for choice, _score, _index in hits]


def one_slip_away(word: str, choices: Iterable[str], limit: int = 8) -> list[str]:
    """The ``choices`` one slip from ``word`` (an insertion, deletion, substitution or swap of two
    neighbouring letters), sorted."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    hits = process.extract(word, list(choices), scorer=OSA.distance, score_cutoff=1, limit=limit)
    return sorted(choice for choice, distance, _index in hits if distance == 1)
