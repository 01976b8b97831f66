"""Turns what a person typed into finding ids: case, spacing, punctuation, accents, lay and clinical
synonyms; anything not recognized comes back with close matches, never silently dropped."""

import functools
import re
from collections.abc import Mapping

from ..knowledge.catalog import find_condition
from ..knowledge.records import Condition, KnowledgeBase, Symptom, Words
from ..knowledge.text import normalize
from ..records import record

# Leading words people add around a finding ("history of diabetes", "I have numbness").
_FILLER = re.compile(
    r"^(?:(?:i|ive|have|has|had|having|a|an|the|my|some|history|of|feeling|feel|with|"
    r"been|get|getting|experiencing)\s+)+"
)
# Trailing words about when ("flu last week", "numbness lately").
_WHEN = re.compile(
    r"\s+(?:recently|lately|last (?:week|month|year)|(?:a |one |two |few |\d+ )*(?:days?|weeks?|months?) "
    r"ago|yesterday|today|at times|sometimes|all the time|at night|in the morning)$"
)
_SPLIT = re.compile(r"[,;]")


@record
class Resolution:
    """One input and what it names: ``symptom`` is None when it is not recognized."""

    input: str
    symptom: Symptom | None
    did_you_mean: tuple[Symptom, ...] = ()
    condition: Condition | None = None  # the input names a condition, not a finding


class Vocabulary:
    """Lookup of every way a finding can be named, built once per knowledge base."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.exact: Mapping[str, str] = kb.finding_names  # normalized name -> finding id

    @functools.cached_property
    def keys(self) -> list:
        """Every known name, sorted (for close matches: not needed at start-up)."""
        return sorted(self.exact)

    @functools.cached_property
    def loose(self) -> dict:
        """A second index that ignores plural "s", used only where it names one finding; built on the
        first name that is not exactly a known one, not at start-up."""
        loose: dict[str, set] = {}
        for key, symptom_id in self.exact.items():
            loose.setdefault(_singular(key), set()).add(symptom_id)
        return {key: ids.pop() for key, ids in loose.items() if len(ids) == 1}

    @functools.cached_property
    def meaning(self) -> dict:
        """Phrase -> its meaningful words; built on the first did-you-mean, not at start-up."""
        return {phrase: meaningful_words(phrase, self.kb.words) for phrase in self.keys}

    @functools.cached_property
    def everyday(self) -> frozenset:
        """Folded everyday words that alone never bring up an urgent finding (data/words.yaml)."""
        from .tokens import fold

        return frozenset(fold(w) for w in self.kb.words.everyday)

    @functools.cached_property
    def site_folds(self) -> frozenset:
        """Folded body-part words (data/sites.yaml): where, never what, so alone they bring up no urgent finding
        ("I burnt my leg on the stove" is no Paralysis) unless told with what cannot be done."""
        from .tokens import fold

        return frozenset(fold(w) for site in self.kb.sites.values() for w in site.words if " " not in w)

    @functools.cached_property
    def urgent(self) -> frozenset:
        return urgent_findings(self.kb)

    def urgent_words(self, symptom_id: str) -> frozenset:
        """The words an urgent finding must share with a phrase before a did-you-mean offers it."""
        return self._urgent_words[symptom_id]

    @functools.cached_property
    def _urgent_words(self) -> dict[str, frozenset]:
        from .concept_words import concept_words

        return {
            i: concept_words(self.kb, i) | meaningful_words(self.kb.symptoms[i].label, self.kb.words)
            for i in self.urgent
        }

    def resolve(self, text: str) -> Resolution:
        symptom = self.find(text)
        if symptom is not None:
            return Resolution(text, symptom)
        return Resolution(text, None, self.suggest(normalize(text)), find_condition(self.kb, text))

    def find(self, text: str) -> Symptom | None:
        """The finding ``text`` names as a whole, or None: ``resolve`` without its did-you-means, which cost
        a fuzzy comparison with every name (the parser asks this of every short text it reads)."""
        key = normalize(text)
        for candidate in dict.fromkeys((key, _FILLER.sub("", key), _WHEN.sub("", _FILLER.sub("", key)))):
            if candidate in self.exact:
                return self.kb.symptoms[self.exact[candidate]]
            if _singular(candidate) in self.loose:
                return self.kb.symptoms[self.loose[_singular(candidate)]]
        return None

    def suggest(self, key: str, limit: int = 3) -> tuple[Symptom, ...]:
        """Close matches for an unrecognized phrase: findings sharing meaningful words with it first (most
        shared first), then by spelling. A finding that raises a red flag is offered only when it shares a
        meaningful word: "can't climb stairs" never suggests Trouble breathing."""
        if not key:
            return ()
        from ..fuzzy import similarities

        words = meaningful_words(key, self.kb.words)
        # a common word one slip from a finding's word ("tried", "tired") is no misspelling of it: only a shared
        # word brings up a finding for a phrase of nothing else
        spelt = not self.kb.words.never_corrected.issuperset(key.split())
        told = words - self._spreading(key)  # "moving up to my knees" says how it spreads: no "can't move"
        # a body part counts for an urgent finding only beside a word of what cannot be done ("cant mvoe my legs")
        unable = self.kb.words.statement_verbs | {cue[0] for cue in self.kb.words.needs_without if len(cue) == 1}
        places = frozenset() if unable.intersection(key.split()) else self.site_folds
        best: dict[str, tuple[int, float]] = {}
        for phrase, alike in zip(self.keys, similarities(key, self.keys)):
            symptom_id = self.exact[phrase]
            common = words & self.meaning[phrase]
            # an everyday word alone ("I walked the dog") never brings up an urgent finding, nor a word that
            # is not one of its concepts (data/concepts.yaml) or its label's: a filler word brings up no warning
            shared = len(
                (common & told & self.urgent_words(symptom_id)) - self.everyday - places
                if symptom_id in self.urgent
                else common
            )
            score = (shared, alike)
            if score > best.get(symptom_id, (0, 0.0)):
                best[symptom_id] = score
        ranked = sorted(
            (
                (-shared, -similarity, self.kb.symptoms[i].label.lower(), i)
                for i, (shared, similarity) in best.items()
                if shared or (spelt and similarity >= SPELLING_SIMILARITY and i not in self.urgent)
            )
        )
        return tuple(self.kb.symptoms[i] for *_, i in ranked[:limit])

    def _spreading(self, key: str) -> frozenset:
        """The folded words of a phrase in ``key`` that says a finding spreads or worsens ("moving up",
        data/words.yaml worsening_after/before): they say how it goes, never which finding it is."""
        from .tokens import fold

        norms = key.split()
        out: set[str] = set()
        for phrase in self.kb.words.worsening_after + self.kb.words.worsening_before:
            for k in range(len(norms) - len(phrase) + 1):
                if tuple(norms[k : k + len(phrase)]) == phrase:
                    out.update(fold(w) for w in phrase)
        return frozenset(out)

    def search(self, text: str) -> list[Symptom]:
        """Symptoms any of whose names contain ``text`` (normalized), or that are close to it."""
        key = normalize(text)
        found = {symptom_id for phrase, symptom_id in self.exact.items() if key in phrase}
        found.update(s.id for s in self.suggest(key, limit=5))
        return sorted((self.kb.symptoms[i] for i in found), key=lambda s: s.label.lower())


SPELLING_SIMILARITY = 72  # fuzzy.similarity (0-100) from which a phrase counts as a spelling neighbour
# The words that say how or how much, not what (not_meaningful), and the everyday words urgent names use
# too (everyday: "I walked the dog" brings up no urgent finding) are knowledge: data/words.yaml.


def meaningful_words(text: str, words: Words) -> frozenset:
    """The folded words of a phrase that say what it is about ("can't climb stairs" -> climb, stair)."""
    from .tokens import phrase_folds

    skip = _skipped_words(words)
    return frozenset(
        w for w in phrase_folds(text, words.stop_words) if w not in skip and len(w) > 1 and not w.isdigit()
    )


@functools.lru_cache(maxsize=8)
def _skipped_words(words: Words) -> frozenset:
    from .tokens import fold

    return frozenset(fold(w) for w in words.not_meaningful | words.quiet_words)


def urgent_findings(kb: KnowledgeBase) -> frozenset:
    """Findings that raise a red flag: an urgent note, or named by a red-flag rule."""
    ids = {s.id for s in kb.symptoms.values() if s.urgent_note}
    for rule in kb.rules:
        if rule.conclusion == "red_flag":
            ids.update(i for i in (*rule.all, *rule.any) if i in kb.symptoms)
    return frozenset(ids)


def split_inputs(values) -> list[str]:
    """Findings as given on a command line or in a file: each value may hold several, split on , and ;"""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in _SPLIT.split(value) if part.strip())
    return out


def _singular(key: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in key.split())


@functools.lru_cache(maxsize=8)
def vocabulary_for(kb: KnowledgeBase) -> Vocabulary:
    return Vocabulary(kb)
