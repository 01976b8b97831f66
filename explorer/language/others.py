"""Findings said of someone else: "family history of diabetes", "my mother has lupus", "my dad had MS",
"diabetes runs in my family", "grandmother with diabetes". A relative's illness is not the person's own
finding (it would suggest a condition from somebody else's history); the parser reports it instead, with
the words that say whose it is, as it reports a past event.

The rule is narrow on purpose, so that it never sets aside something the person has:
- a family word must be the subject or the owner of the finding: before it, joined to it only by a few
  linking words ("my mother has", "family history of", "grandmother with", "mother's"), or after it
  through "runs in my family", "in the family", "on my father's side";
- any other word between them breaks the link: "my mother noticed I have trouble breathing" is the
  person's trouble breathing (a subject word such as "I" is never a linking word);
- it stays within the finding's own list item: "diabetes in the family and numbness in my feet" keeps
  the numbness. Only a history finding (diabetes, heavy drinking) in a list right after one set aside
  is carried along ("family history of diabetes and heavy drinking"); a symptom never is."""

from bisect import bisect_left, bisect_right

from ..knowledge.text import normalize
from .parse_records import Leftover, Mention
from .tokens import Token

REACH = 4  # linking words allowed between the family word and the finding
_RELATIVES = (
    "family relative relatives mother mom mum mommy mummy mama father dad daddy papa parent parents "
    "brother brothers sister sisters sibling siblings son sons daughter daughters child children kids "
    "grandmother grandma granny nan nana grandfather grandpa granddad grandparent grandparents "
    "aunt aunts auntie uncle uncles cousin cousins niece nephew husband wife spouse fh fhx "
    # not relatives, but someone else all the same
    "partner boyfriend girlfriend fiance fiancee friend friends kid neighbour neighbor colleague roommate flatmate"
)
FAMILY = frozenset(_RELATIVES.split()) | frozenset(
    w + "s"
    for w in _RELATIVES.split()
    if not w.endswith("s")  # "mother's" is read as "mothers"
)
# Words that may stand between a family word and the finding it owns, before the finding ...
_BEFORE_WORDS = (
    "my our his her their the a an has have had having with history hx of is was were are also both "
    "who suffers suffered suffering from diagnosed got gets no not never doesnt didnt hasnt hadnt"
)
_LINK_BEFORE = frozenset(_BEFORE_WORDS.split())
# ... and after it ("diabetes runs in my family", "on my father's side").
_AFTER_WORDS = "runs run running ran in on my our his her their the of side"
_LINK_AFTER = frozenset(_AFTER_WORDS.split())


def other_cues(tokens: list[Token], spans: list[tuple[int, int]]) -> list[Token | None]:
    """For each (start, end) character span of a mention in a clause, the family word that makes it
    someone else's, or None. ``tokens`` are the clause's tokens."""
    if not spans or FAMILY.isdisjoint(t.norm for t in tokens):
        return [None] * len(spans)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    return [_cue(tokens, bisect_right(ends, start), bisect_left(starts, end) - 1) for start, end in spans]


def _cue(tokens: list[Token], first: int, last: int) -> Token | None:
    """The family word joined to the mention whose tokens run from ``first`` to ``last``."""
    for k, step, links in ((first - 1, -1, _LINK_BEFORE), (last + 1, 1, _LINK_AFTER)):
        seen = 0
        while 0 <= k < len(tokens) and tokens[k].kind not in ("list", "end") and seen <= REACH:
            norm = tokens[k].norm
            if norm in FAMILY:
                return tokens[k]
            if norm and norm not in links:
                break  # "my mother noticed I have ...": a word that is no link breaks it
            seen += 1
            k += step
    return None


def family_history(cue: Token | None) -> bool:
    """Is ``cue`` (the word that made a finding someone else's) a family history ("family history of",
    "runs in the family", "FHx") rather than a person ("my daughter")?"""
    return cue is not None and cue.norm in _HISTORY_WORDS


_HISTORY_WORDS = frozenset({"family", "families", "fh", "fhx", "relative", "relatives"})


def carried(tokens: list[Token], end: int, start: int) -> bool:
    """Does a list of findings go on from ``end`` (a finding set aside after its family word) to the
    finding at ``start``, joined by "and"/"or" and linking words only? A comma ends it: findings typed one
    after another ("numbness, family history of diabetes, heavy drinking") are each the person's own."""
    between = [t for t in tokens if end <= t.start and t.end <= start]
    return not any(
        t.kind == "end"
        or (t.kind == "list" and t.norm not in _JOINING and t.text not in ("&", "+"))
        or (t.kind == "word" and t.norm not in _LINK_BEFORE)
        for t in between
    )


_JOINING = frozenset({"and", "or", "nor"})


def leftover_cue(tokens: list[Token]) -> tuple[Token, int, int] | None:
    """Words left over that a family word owns ("mother has lupus", "lupus runs in my family"): the
    family word and the (start, end) characters of what it owns, or None."""
    words = [t for t in tokens if t.norm]
    at = next((k for k, t in enumerate(words) if t.norm in FAMILY), None)
    if at is None:
        return None
    if all(t.norm in _LINK_BEFORE for t in words[:at]):
        rest = words[at + 1 :]
        while rest and rest[0].norm in _LINK_BEFORE:
            rest.pop(0)
        if rest:
            return words[at], rest[0].start, rest[-1].end
    if at == len(words) - 1:
        rest = words[:at]
        while rest and rest[-1].norm in _LINK_AFTER:
            rest.pop()
        if rest:
            return words[at], rest[0].start, rest[-1].end
    return None


def split_others(tokens: list[Token], mentions: list[Mention], text: str, urgent: frozenset) -> tuple[list, list]:
    """Findings said of someone else ("my mother has diabetes") are not the person's: they are reported
    as left over, from the family word to the finding, with that word (other_cues says how narrow).
    A finding that raises a red flag (``urgent``) is never set aside, whoever it is said of: "my daughter
    can't breathe" needs the emergency warning as much as "I can't breathe". Only a family history
    ("family history of paralysis") is, being no one's emergency now."""
    cues = other_cues(tokens, [(m.start, m.end) for m in mentions])
    cues = [None if m.symptom.id in urgent and not family_history(cue) else cue for m, cue in zip(mentions, cues)]
    mine, theirs, carry = [], [], None  # carry: (a family word written first, where its list goes on)
    for m, cue in zip(mentions, cues):
        start, end = m.start, m.end
        if cue is None and carry and m.symptom.kind != "symptom" and carried(tokens, carry[1], start):
            cue = carry[0]  # "family history of diabetes and heavy drinking": the list goes on
        elif cue is not None:
            start, end = min(m.start, cue.start), max(m.end, cue.end)
        if cue is None:
            mine.append(m)
            carry = None
            continue
        carry = (cue, end) if cue.start <= m.start else None
        theirs.append(Leftover(text[start:end], start, end, (m.symptom,), someone_else=cue.text))
    return mine, theirs


def reported(span: tuple, theirs: list[Leftover], kept: list[Mention]) -> bool:
    """Is a leftover span (text, start, end, ...) worth reporting as not understood? Not when it lies
    inside a finding set aside as someone else's (its family and linking words), nor when it is only a
    family word beside a finding kept ("daughter" in "my daughter can't breathe")."""
    inside = any(x.start <= span[1] and span[2] <= x.end for x in theirs)
    return not inside and not (kept and _only_family(span[0]))


def _only_family(piece: str) -> bool:
    words = normalize(piece).split()
    return bool(words) and all(w in FAMILY or w in ("my", "our", "his", "her", "the") for w in words)
