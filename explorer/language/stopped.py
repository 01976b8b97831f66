"""A vital function told as not happening: "he's not breathing", "she isn't responding", "he's not waking up".
The denial is the warning sign itself, not a denial of one: negation reads "not breathing" as breathing denied,
which names no finding, so the emergency was silent. Read in order only: a cue (``stopped_cues`` in
data/words.yaml) right before the function's words (``stopped_breathing``, ``stopped_responding``), with nothing
after them in their list item but words that say how (``stopped_after``: "properly", "at all"). "Breathing is not
a problem", "I'm not having breathing trouble", "he's not breathing in the smoke" and "what if he's not breathing"
tell no such thing."""

from ..knowledge.records import KnowledgeBase, Words
from .concepts import has_cue
from .others import animal, family_words
from .parse_records import Mention
from .tokens import Token

# Each list of a function's words (data/words.yaml) and the warning sign its stopping is.
FUNCTIONS = (("stopped_breathing", "trouble_breathing"), ("stopped_responding", "reduced_consciousness"))
OWNER_LINKS = frozenset({"is", "s", "was", "has", "been", "just", "still", "really"})  # "he is not breathing"


def read(text: str, tokens: list[Token], mentions: list, leftovers: list, kb: KnowledgeBase) -> tuple[list, list]:
    """(mentions, leftovers) with each vital function told as stopped read as its warning sign, in place of the
    leftover that read it as denied."""
    words = kb.words
    if words.stopped_cues.isdisjoint(t.norm for t in tokens):
        return mentions, leftovers
    norms = [t.norm for t in tokens]
    if has_cue(norms, words.hypothetical) or has_cue(norms, words.past_before + words.past_after):
        return mentions, leftovers  # "what if he's not breathing", "years ago": no event now
    found = []
    for k, token in enumerate(tokens):
        if token.norm not in words.stopped_cues:
            continue
        for key, finding in FUNCTIONS:
            length = _told(tokens, k + 1, getattr(words, key))
            if not length or not _only_how(tokens, k + 1 + length, words) or finding not in kb.symptoms:
                continue
            start, end = token.start, tokens[k + length].end
            owner = _owner(tokens, k, words)
            if owner is not None and animal(owner, words):
                continue  # "the dog isn't breathing": a vet's emergency, set aside as animals' are
            theirs = owner.text if owner is not None else None
            found.append(Mention(text[start:end], start, end, kb.symptoms[finding], True, someone_else=theirs))
    if not found:
        return mentions, leftovers
    kept = [x for x in leftovers if not any(m.start < x.end and x.start < m.end for m in found)]
    return sorted([*mentions, *found], key=lambda m: m.start), kept


def _told(tokens: list[Token], at: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many tokens from ``at`` the longest of ``phrases`` takes, 0 if none stands there."""
    norms = [t.norm for t in tokens[at : at + max((len(p) for p in phrases), default=0)]]
    return max((len(p) for p in phrases if tuple(norms[: len(p)]) == p), default=0)


def _only_how(tokens: list[Token], at: int, words: Words) -> bool:
    """Are the words from ``at`` to the end of the list item only words of how ("properly", "at all"), or to a word
    that opens when or why ("after he fell")?"""
    for token in tokens[at:]:
        if token.kind in ("list", "end") or token.norm in words.stopped_until:
            return True
        if token.norm and token.norm not in words.stopped_after:
            return False
    return True


def _owner(tokens: list[Token], k: int, words: Words) -> Token | None:
    """The family word or pronoun told as the subject just before the cue at ``k`` ("he's not breathing": he),
    or None: the person's own, or someone the reader has no word for ("the baby isn't breathing")."""
    for token in reversed(tokens[:k]):
        if token.norm in OWNER_LINKS or not token.norm:
            continue
        named = token.norm in words.someone_else_pronouns or token.norm in family_words(words)
        return token if named or animal(token, words) else None
    return None
