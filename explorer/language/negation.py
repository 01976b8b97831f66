"""Negation with a scope, after NegEx: a cue before findings ("no", "without", "denies", "don't have")
makes every finding after it in the same clause absent, until the clause ends ("but", "except", a full
stop) or a new statement starts ("... and I have"). A cue after a finding at the end of its list item
("fever: none", "pain-free", "dry mouth denied") makes that item absent."""

from ..knowledge.records import Words

# The cue words themselves are knowledge: data/words.yaml (negation_*), on the knowledge base.
# What closes a list of denied findings past a comma ("no fever, rash or joint pain"): separators, not cues.
DISJUNCTIONS = frozenset({"or", "nor", "/"})


def is_cue_before(norms: list[str], i: int, words: Words) -> bool:
    """Is norms[i] a negation cue for what follows? ``norms`` are the clause's normalized words; a cue
    followed by a word such as "only" or "sure" ("not only", "not sure") denies nothing."""
    if norms[i] not in words.negation_before:
        return False
    return not (i + 1 < len(norms) and norms[i + 1] in words.negation_void_next)


def is_cue_after(word: str, words: Words) -> bool:
    return word in words.negation_after
