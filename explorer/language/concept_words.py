"""What a concept's words mean on their own (data/concepts.yaml): the urgent findings words left over may
have meant ("something is off with my swallowing": the reader says so at the top of every output), and
the words an urgent finding must share with a phrase before a did-you-mean offers it."""

import functools

from ..knowledge.records import KnowledgeBase, Symptom
from .tokens import fold


@functools.lru_cache(maxsize=8)
def _unsure_words(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Folded word -> the urgent findings it alone may mean (a concept's ``unsure`` words)."""
    out: dict[str, list[str]] = {}
    for concept in kb.concept_lexicon.concepts:
        for word in concept.unsure:
            ids = out.setdefault(fold(word), [])
            if concept.finding not in ids:
                ids.append(concept.finding)
    return {word: tuple(ids) for word, ids in out.items()}


def unsure_of(kb: KnowledgeBase, normalized: str) -> tuple[Symptom, ...]:
    """The urgent findings words left over may have meant: a concept word without its cue ("something
    is wrong with my swallowing"). The reader says so at the top of every output, never only in a
    did-you-mean."""
    words = _unsure_words(kb)
    ids = dict.fromkeys(i for w in normalized.split() for i in words.get(fold(w), ()))
    return tuple(kb.symptoms[i] for i in ids)


def concept_words(kb: KnowledgeBase, finding: str) -> frozenset[str]:
    """The folded concept words of a finding (not its cues): what a phrase must share with it before a
    did-you-mean offers it as urgent."""
    return _concept_words(kb).get(finding, frozenset())


@functools.lru_cache(maxsize=8)
def _concept_words(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for concept in kb.concept_lexicon.concepts:
        words = out.setdefault(concept.finding, set())
        if concept.cues:  # a concept's words, not an idiom's (whose words mean something only together)
            words.update(fold(w) for phrase in concept.words for w in phrase)
        words.update(fold(w) for w in concept.unsure)
    return {finding: frozenset(words) for finding, words in out.items()}


def restating(kb: KnowledgeBase, leftovers: list, mentions: list) -> list:
    """``leftovers`` without those that only restate a history finding read in the text: its own concept
    words, an amount or a figure ("6 beers", "bottle of wine" beside "I drink 6 beers a day" read as heavy
    alcohol use, "factory" beside solvents at work). Shown as not understood they would be noise; a leftover
    that is negated, past, someone else's or a condition's name is always kept."""
    read = {m.symptom.id for m in mentions if m.present and m.symptom.kind == "history"}
    if not read:
        return leftovers
    own = frozenset().union(*(_history_words(kb, i) for i in read))
    skip = kb.words.stop_words | kb.words.quiet_words | kb.words.amounts
    kept = []
    for x in leftovers:
        words = [w for w in x.text.lower().replace("'", "").split() if not w.isdigit() and w not in skip]
        if x.cue or x.past or x.someone_else or x.condition or any(fold(w) not in own for w in words):
            kept.append(x)
    return kept


@functools.lru_cache(maxsize=64)
def _history_words(kb: KnowledgeBase, finding: str) -> frozenset[str]:
    """The folded words of every concept entry of a history finding, with its cues' words."""
    out: set[str] = set()
    for concept in kb.concept_lexicon.concepts:
        if concept.finding == finding:
            out.update(fold(w) for phrase in (*concept.words, *concept.cues) for w in phrase)
    return frozenset(out)
