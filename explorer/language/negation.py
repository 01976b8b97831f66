"""Negation with a scope, after NegEx: a cue before findings ("no", "without", "denies", "don't have")
makes every finding after it in the same clause absent, until the clause ends ("but", "except", a full
stop) or a new statement starts ("... and I have"). A cue after a finding at the end of its list item
("fever: none", "pain-free", "dry mouth denied") makes that item absent."""

BEFORE = frozenset(
    {
        *("no", "not", "without", "never", "denies", "deny", "denied", "nor", "neither", "none"),
        *("dont", "doesnt", "didnt", "havent", "hasnt", "hadnt", "arent", "isnt", "wasnt", "werent"),
        *("free", "negative", "absence"),  # "free of", "negative for", "absence of"
    }
)
AFTER = frozenset({"no", "none", "nope", "absent", "denied", "gone", "resolved", "free", "negative", "not"})
# "not only", "no change in", "not sure": these do not deny the finding that follows.
PSEUDO_NEXT = frozenset({"only", "just", "sure", "certain", "change", "changes", "worse", "better", "doubt"})


# Cues that open a clinical list of pertinent negatives, which may end in "and": "denies fever, weight
# loss and night sweats". After any other cue only a list closed by "or"/"nor" goes on past a comma.
LIST_CUES = frozenset({"denies", "deny", "denied", "negative"})
DISJUNCTIONS = frozenset({"or", "nor", "/"})


def is_cue_before(words: list[str], i: int) -> bool:
    """Is words[i] a negation cue for what follows? ``words`` are the clause's normalized words."""
    if words[i] not in BEFORE:
        return False
    return not (i + 1 < len(words) and words[i + 1] in PSEUDO_NEXT)


def is_cue_after(word: str) -> bool:
    return word in AFTER
