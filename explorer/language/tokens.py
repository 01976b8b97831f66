"""Words of free text, with their spans, in one linear pass: what each word is (a separator, a filler
word, a word to match) and its folded form, which ignores inflection ("tingling", "tingles", "tingly").

The tokenizer's pattern has no nested repetition, so it cannot backtrack: time grows with the length of
the text, whatever the text holds (emoji, control characters, right-to-left scripts)."""

import functools
import re

from ..knowledge.records import Words
from ..knowledge.text import normalize
from ..records import record, replace

# An HPO id; a word (letters and digits, inner apostrophes: "can't"); sentence ends; list separators.
_TOKEN = re.compile(r"(?i:hp:\d{7})|[^\W_]+(?:['\u2019][^\W_]+)*|[.;!?\n]|[,/&+]|[^\s\w]")

# Which words end a clause, separate a list, answer a question, are dropped or kept quiet: knowledge, in
# data/words.yaml (a Words record on the knowledge base).
_ASK = frozenset({"?", "-", "\u2013", "\u2014", ":"})
# Words spelt two ways that every matcher reads as one ("cannot walk" is "can't walk", typed without the
# apostrophe as the tokenizer keeps it); the fold below starts from the same table.
_SAME_WORD = {"cannot": "cant"}
_IRREGULAR = {"feet": "foot", "teeth": "tooth", "swollen": "swell", "unable": "cant", **_SAME_WORD}
_IRREGULAR.update({"left": "one", "right": "one"})  # "my left eye", "the right side": one of a pair
# Words whose fold would be another word's: "hives" -> "hiv" (HIV), "skinny" -> "skin", "fizzy" -> "fiz"
# ("fizzing", tingling); each is folded to a word of the same meaning instead.
_IRREGULAR.update({"hives": "wheal", "hive": "wheal", "skinny": "thin", "fizzy": "carbonated"})
# "finished" would fold as "fine" ("fin"), so "finished chemo for bowel cancer" read as "bowels are fine" said
# without its calm word: a loss of control
_IRREGULAR.update({w: "complete" for w in ("finish", "finished", "finishes", "finishing")})
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


@record
class Token:
    text: str  # as typed
    start: int
    end: int
    norm: str  # lower case, no accents or punctuation; "" for a word in a script we cannot read
    kind: str  # "word", "hpo", "end" (clause end), "list" (list separator), "other"

    @property
    def fold(self) -> str:
        return fold(self.norm)

    @property
    def ends_sentence(self) -> bool:
        """A full stop, "!", "?" or a new line. A ";" joins two clauses of one sentence, as "but" does: it ends a
        clause (kind "end"), not a sentence; a comma or "and" separates a list."""
        return self.kind == "end" and self.text[0] in ".!?\n"


def sentences(tokens: list[Token]) -> list[list[Token]]:
    """The text's sentences: its tokens between sentence ends (``Token.ends_sentence``: ".", "!", "?", a new
    line), the ends left out, empty sentences dropped. Every reading that looks at a whole sentence (the time
    course, concepts told across commas, words that end an episode, recent words) splits with this function
    or that property, so a ";" or a "but" is inside a sentence for all of them alike."""
    out: list[list[Token]] = [[]]
    for token in tokens:
        if token.ends_sentence:
            out.append([])
        else:
            out[-1].append(token)
    return [sentence for sentence in out if sentence]


def tokenize(text: str, words: Words) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        norm = _norm(raw)
        if raw[0] in ".;!?\n" or norm in words.clause_ends:
            kind = "end"
        elif raw in ",/&+" or _separates(norm, tokens, words) or _is_dash(text, match.start(), raw):
            kind = "list"
        elif raw[:3].lower() == "hp:":
            kind, norm = "hpo", raw.upper()
        elif norm:
            kind = "word"
        else:
            kind = "other"  # emoji, symbols, words in scripts normalize() cannot fold
        tokens.append(Token(raw, match.start(), match.end(), norm, kind))
    return _answers(_joined(tokens, text), words.answers)


def _separates(norm: str, tokens: list[Token], words: Words) -> bool:
    """A list word, unless it only separates where it opens a list item and a word stands just before it
    ("my eyes are also dry": data/words.yaml ``list_words_opening``)."""
    if norm not in words.list_words:
        return False
    return norm not in words.list_words_opening or not tokens or tokens[-1].kind != "word"


def _joined(tokens: list[Token], text: str) -> list[Token]:
    """Words written apart that every matcher reads as one: "can not" is "cannot" ("I can not breathe" is
    trouble breathing, not a negated "breathe")."""
    out: list[Token] = []
    for token in tokens:
        if out and out[-1].norm == "can" and token.norm == "not" and text[out[-1].end : token.start].isspace():
            first = out.pop()
            token = Token(text[first.start : token.end], first.start, token.end, "cannot", "word")
        out.append(token)
    return out


def _is_dash(text: str, start: int, raw: str) -> bool:
    """A dash between words separates them ("no fever - numbness"); a hyphen inside one does not
    ("pain-free")."""
    if raw in "\u2013\u2014":
        return True
    if raw != "-":
        return False
    before, after = text[start - 1 : start], text[start + 1 : start + 2]
    return not (before.isalnum() and after.isalnum())


def _answers(tokens: list[Token], answers: frozenset) -> list[Token]:
    """Questionnaire style: "fever? no" and "fever - no" read as "fever: no", the answer going with the
    question before it, so the "?" or dash neither ends the clause nor separates the answer."""
    out = list(tokens)
    for i in range(len(out) - 1):
        if out[i].text not in _ASK or out[i + 1].norm not in answers:
            continue
        if i + 2 == len(out) or out[i + 2].kind in ("end", "list"):
            out[i] = replace(out[i], kind="other")
    return out


@functools.lru_cache(maxsize=65536)
def _norm(raw: str) -> str:
    return normalize(raw).replace(" ", "")


def same_word(norm: str) -> str:
    """A normalized word as every matcher reads it: "cannot" -> "cant" (the fold does more)."""
    return _SAME_WORD.get(norm, norm)


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


def phrase_folds(phrase: str, stop_words: frozenset) -> tuple[str, ...]:
    """A vocabulary phrase as the folded words matching uses (stop words dropped)."""
    return tuple(fold(w) for w in normalize(phrase).split() if w not in stop_words)
