"""Words of free text, with their spans, in one linear pass: what each word is (a separator, a filler
word, a word to match) and its folded form, which ignores inflection ("tingling", "tingles", "tingly").

The tokenizer's pattern has no nested repetition, so it cannot backtrack: time grows with the length of
the text, whatever the text holds (emoji, control characters, right-to-left scripts)."""

import functools
import re
from dataclasses import dataclass, replace

from ..knowledge.text import normalize

# An HPO id; a word (letters and digits, inner apostrophes: "can't"); sentence ends; list separators.
_TOKEN = re.compile(r"(?i:hp:\d{7})|[^\W_]+(?:['\u2019][^\W_]+)*|[.;!?\n]|[,/&+]|[^\s\w]")

# Words that end a clause: mentions never span them, and they close a negation's scope.
CLAUSE_END = frozenset({"but", "except", "however", "although", "though", "whereas", "yet", "apart", "aside"})
# Words that separate mentions in a list without ending the clause ("no fever, rash or joint pain").
LIST_WORDS = frozenset({"and", "or", "nor", "plus", "also"})
# A yes/no answer after "?" or a dash; "no" and "none" are negation cues after a finding (negation.py).
ANSWERS = frozenset({"no", "none", "nope", "yes", "yeah", "yep"})
_ASK = frozenset({"?", "-", "\u2013", "\u2014", ":"})
# Dropped before matching, from phrases and text alike: they never tell findings apart.
_STOP_WORDS = (
    "a an the my your his her their our its me of in on at to into from for with by over around about is are am "
    "was were be been being it that this these those there very really quite so too bit little much "
    "some kind sort like both all just quite rather pretty extremely severely slightly mildly constantly "
    "always often sometimes occasionally lately recently currently now still again usually mostly "
    "when while whenever after before during since"
)
STOP = frozenset(_STOP_WORDS.split())
# Kept for matching ("dead feeling"), but never reported as left over on their own.
_QUIET_WORDS = (
    "i im ive id ill we he she they hes shes theyre have you has had having get gets got getting feel feels "
    "felt feeling notice noticed noticing experience experiencing experienced suffer suffering suffered "
    "keep keeps seem seems do does did doing then day days week weeks month months year years ago "
    "morning night evening today yesterday time times thing things symptom symptoms problem problems "
    "issue issues any new ok okay well please hi hello thanks longer anymore "
    # when something began says nothing about what it is (the urgent wordings that need "sudden" say so)
    "suddenly gradually slowly monday tuesday wednesday thursday friday saturday sunday weekend "
    # an answer in questionnaire style ("numbness? yes") says the finding is there, as naming it does
    "yes yeah yep history hx pmh known medical reports reported complains complaining used past previous "
    "previously prior"
)
QUIET = frozenset(_QUIET_WORDS.split())
# Subject words open a new statement, which ends a negation's scope ("no fever and I have numbness").
SUBJECTS = frozenset({"i", "im", "ive", "he", "she", "they", "we", "hes", "shes", "theyre", "patient"})
_IRREGULAR = {"feet": "foot", "teeth": "tooth", "swollen": "swell", "cannot": "cant", "unable": "cant"}
_IRREGULAR.update({"left": "one", "right": "one"})  # "my left eye", "the right side": one of a pair
_SUFFIXES = (
    ("nesses", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("ity", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ed", ""),
    ("ful", ""),
    ("ish", ""),
    ("es", "e"),
    ("s", ""),
    ("y", ""),
)


@dataclass(frozen=True)
class Token:
    text: str  # as typed
    start: int
    end: int
    norm: str  # lower case, no accents or punctuation; "" for a word in a script we cannot read
    kind: str  # "word", "hpo", "end" (clause end), "list" (list separator), "other"

    @property
    def fold(self) -> str:
        return fold(self.norm)


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        norm = _norm(raw)
        if raw[0] in ".;!?\n" or norm in CLAUSE_END:
            kind = "end"
        elif raw in ",/&+" or norm in LIST_WORDS or _is_dash(text, match.start(), raw):
            kind = "list"
        elif raw[:3].lower() == "hp:":
            kind, norm = "hpo", raw.upper()
        elif norm:
            kind = "word"
        else:
            kind = "other"  # emoji, symbols, words in scripts normalize() cannot fold
        tokens.append(Token(raw, match.start(), match.end(), norm, kind))
    return _answers(tokens)


def _is_dash(text: str, start: int, raw: str) -> bool:
    """A dash between words separates them ("no fever - numbness"); a hyphen inside one does not
    ("pain-free")."""
    if raw in "\u2013\u2014":
        return True
    if raw != "-":
        return False
    before, after = text[start - 1 : start], text[start + 1 : start + 2]
    return not (before.isalnum() and after.isalnum())


def _answers(tokens: list[Token]) -> list[Token]:
    """Questionnaire style: "fever? no" and "fever - no" read as "fever: no", the answer going with the
    question before it, so the "?" or dash neither ends the clause nor separates the answer."""
    out = list(tokens)
    for i in range(len(out) - 1):
        if out[i].text not in _ASK or out[i + 1].norm not in ANSWERS:
            continue
        if i + 2 == len(out) or out[i + 2].kind in ("end", "list"):
            out[i] = replace(out[i], kind="other")
    return out


@functools.lru_cache(maxsize=65536)
def _norm(raw: str) -> str:
    return normalize(raw).replace(" ", "")


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Fold inflection away, the same way for the vocabulary and for what people type:
    "tingling", "tingles", "tingly" -> "tingl"; "numbness" -> "numb"; "feet" -> "foot"."""
    word = _IRREGULAR.get(word, word)
    for _ in range(2):
        if len(word) <= 3:
            break
        for suffix, replacement in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                if suffix == "s" and word.endswith(("ss", "us", "is")):
                    continue
                word = word[: -len(suffix)] + replacement
                break
        else:
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def phrase_folds(phrase: str) -> tuple[str, ...]:
    """A vocabulary phrase as the folded words matching uses (stop words dropped)."""
    return tuple(fold(w) for w in normalize(phrase).split() if w not in STOP)
