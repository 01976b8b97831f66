"""Turns what a person typed into finding ids: case, spacing, punctuation, accents, lay and clinical
synonyms; anything not recognized comes back with close matches, never silently dropped."""

import functools
import re
from dataclasses import dataclass

from .catalog import find_condition
from .records import Condition, KnowledgeBase, Symptom
from .text import normalize

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


@dataclass(frozen=True)
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
        self.exact: dict[str, str] = {}
        for symptom in sorted(kb.symptoms.values(), key=lambda s: s.id):
            for phrase in symptom.names:
                self.exact.setdefault(normalize(phrase), symptom.id)
        # A second index that ignores plural "s", used only where it names one finding.
        loose: dict[str, set] = {}
        for key, symptom_id in self.exact.items():
            loose.setdefault(_singular(key), set()).add(symptom_id)
        self.loose = {key: ids.pop() for key, ids in loose.items() if len(ids) == 1}
        self.keys = sorted(self.exact)

    def resolve(self, text: str) -> Resolution:
        key = normalize(text)
        for candidate in dict.fromkeys((key, _FILLER.sub("", key), _WHEN.sub("", _FILLER.sub("", key)))):
            if candidate in self.exact:
                return Resolution(text, self.kb.symptoms[self.exact[candidate]])
            if _singular(candidate) in self.loose:
                return Resolution(text, self.kb.symptoms[self.loose[_singular(candidate)]])
        return Resolution(text, None, self.suggest(key), find_condition(self.kb, text))

    def suggest(self, key: str, limit: int = 3) -> tuple[Symptom, ...]:
        """Close matches for an unrecognized phrase: spelling first, then shared words."""
        if not key:
            return ()
        import difflib  # only for input that was not recognized

        ids: list[str] = []
        for phrase in difflib.get_close_matches(key, self.keys, n=8, cutoff=0.72):
            ids.append(self.exact[phrase])
        words = set(_singular(key).split()) - {"of", "in", "my", "the", "a", "and", "to"}
        if words:
            scored = []
            for phrase in self.keys:
                shared = words & set(_singular(phrase).split())
                if shared:
                    scored.append((-len(shared) / len(words | set(phrase.split())), phrase))
            ids.extend(self.exact[phrase] for _, phrase in sorted(scored)[:8])
        unique = list(dict.fromkeys(ids))[:limit]
        return tuple(self.kb.symptoms[i] for i in unique)

    def search(self, text: str) -> list[Symptom]:
        """Symptoms any of whose names contain ``text`` (normalized), or that are close to it."""
        key = normalize(text)
        found = {symptom_id for phrase, symptom_id in self.exact.items() if key in phrase}
        found.update(s.id for s in self.suggest(key, limit=5))
        return sorted((self.kb.symptoms[i] for i in found), key=lambda s: s.label.lower())


def split_inputs(values) -> list[str]:
    """Findings as given on a command line or in a file: each value may hold several, split on , and ;"""
    out = []
    for value in values:
        out.extend(part.strip() for part in _SPLIT.split(value) if part.strip())
    return out


def _singular(key: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in key.split())


@functools.lru_cache(maxsize=8)
def vocabulary_for(kb: KnowledgeBase) -> Vocabulary:
    return Vocabulary(kb)
