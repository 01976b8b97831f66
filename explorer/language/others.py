"""Findings said of someone else: "family history of diabetes", "my mother has lupus", "my dad had MS",
"diabetes runs in my family", "grandmother with diabetes"; words of a finding said of a thing ("my wifi got
weaker": told_of_things); and a finding told of a story's character ("in the film the guy couldn't breathe":
told_of_stories). A relative's illness is not the person's own
finding (it would suggest a condition from somebody else's history); the parser reports it instead, with
the words that say whose it is, as it reports a past event.

The rule is narrow on purpose, so that it never sets aside something the person has:
- a family word must be the subject or the owner of the finding: before it, joined to it only by a few
  linking words ("my mother has", "family history of", "grandmother with", "mother's"), or after it
  through "runs in my family", "in the family", "on my father's side";
- any other word between them breaks the link: "my mother noticed I have trouble breathing" is the
  person's trouble breathing (a subject word such as "I" is never a linking word);
- a third-person pronoun that owns the finding ("his feet", "she's") stands for a family word earlier in
  the same clause: "my dad has diabetes and his feet are numb", "my wife says her fingers go white";
- failing that, the subject it is told of: looking back from the finding through its sentence, a family word
  met before a first-person word ("my mom keeps choking on her food", "my father is holding his chest, he
  says the pain is going down his arm"), or a pronoun that stands for a family word told before, in any
  earlier sentence ("My husband can't get his breath. His legs went weak on Tuesday."); a first-person word
  met first, or one in the finding's own list item, keeps it the person's ("my wife says I was shaking",
  "my son drove me in, my face drooped", "my dad is diabetic, numbness in my feet");
- it stays within the finding's own list item: "diabetes in the family and numbness in my feet" keeps
  the numbness. Only a history finding (diabetes, heavy drinking) in a list right after one set aside
  is carried along ("family history of diabetes and heavy drinking"); a symptom never is."""

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..knowledge.records import Words
from ..knowledge.text import normalize
from ..records import replace
from .parse_records import Leftover, Mention
from .tokens import Token

REACH = 4  # linking words allowed between the family word and the finding
# The family words, and the words that may join one to its finding, are knowledge: data/words.yaml
# (someone_else, someone_else_before, someone_else_after, family_history).


@functools.lru_cache(maxsize=8)
def family_words(words: Words) -> frozenset:
    """Every word naming someone else, an animal too, each also with an "s" ("mother's" is read as "mothers")."""
    named = words.someone_else | words.animals
    return named | frozenset(w + "s" for w in named if not w.endswith("s"))


def animal(cue: Token | None, words: Words) -> bool:
    """Is ``cue`` (the word that made a finding someone else's) an animal? Its warning signs are set aside."""
    return cue is not None and (cue.norm in words.animals or cue.norm[:-1] in words.animals)


def _opens(tokens: list[Token], k: int, words: Words) -> bool:
    """Does the animal word at ``k`` open its sentence or list item, only openers before it ("the dog is
    panting", not "I walked the dog and ...")? Only then is it the subject a finding after it is told of."""
    for token in reversed(tokens[:k]):
        if token.ends_sentence or token.kind in ("list", "end"):
            return True
        if token.norm and token.norm not in words.animal_openers:
            return False
    return True


def other_cues(
    tokens: list[Token], spans: list[tuple[int, int]], words: Words, before: Sequence[Token] = (), voiced: bool = True
) -> list[Token | None]:
    """For each (start, end) character span of a mention in a clause, the family word that makes it
    someone else's, or None. ``tokens`` are the clause's tokens, ``before`` the text's tokens before it;
    ``voiced``: the text has a first-person word of the writer's own (speaks_of_self)."""
    family = family_words(words)
    if not spans or (family.isdisjoint(t.norm for t in tokens) and family.isdisjoint(t.norm for t in before)):
        return [None] * len(spans)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    out = []
    for start, end in spans:
        first, last = bisect_right(ends, start), bisect_left(starts, end) - 1
        cue = _cue(tokens, first, last, words)
        out.append(
            cue
            if cue is not None
            else _subject([*before, *tokens], (len(before) + first, len(before) + last), words, voiced)
        )
    return out


def _subject(tokens: list[Token], span: tuple[int, int], words: Words, voiced: bool) -> Token | None:
    """The family word a finding on tokens ``at`` to ``last`` is told of, looking back through its sentence
    (the module's docstring says when), or None. A list item that is the finding alone after a comma ("my dad
    had MS, tingling") is a finding typed in a list: the person's own, as a comma ends what a family word owns;
    after "and" it goes on with the subject ("he's breathing fast and can't finish a sentence")."""
    family, first = family_words(words), words.first_person
    at, last = span
    start, end = _item(tokens, at)
    if first.intersection(t.norm for t in tokens[at:end]):
        return None  # "my dad is diabetic, numbness in my feet"
    bare = all(at <= k <= last for k in range(start, end) if tokens[k].norm)
    for k in range(end - 1, -1, -1):
        token = tokens[k]
        if k >= at and token.norm not in words.someone_else_pronouns:
            continue  # within the finding's item only a pronoun speaks: "and can't feel his legs"
        if token.ends_sentence or (bare and token.kind == "list" and token.norm != "and"):
            return None
        if token.norm in first and not (k + 1 < len(tokens) and tokens[k + 1].norm in family):
            return None  # "my wife says I was shaking"; not "me mam can't swallow"
        if animal(token, words) and not _opens(tokens, k, words):
            continue  # "I walked the dog and couldn't breathe": an animal that is no subject
        if token.norm in family and token.norm not in words.family_history and not own_past(tokens, k, words):
            return token
        if token.norm in words.someone_else_pronouns:
            return _antecedent(tokens[:k], family, voiced)
    return None


def _antecedent(tokens: list[Token], family: frozenset, voiced: bool) -> Token | None:
    """The family word a pronoun after ``tokens`` stands for: the last one named in its sentence, or in an
    earlier sentence when the writer also speaks of themself (``voiced``). A story told wholly of another
    ("My mum has had lupus. Three weeks ago she got a numb patch") is read as the case asked about, as the
    time course reads it (narrator in data/time_course.yaml); its warnings are raised either way."""
    for token in reversed(tokens):
        if token.ends_sentence and not voiced:
            return None
        if token.norm in family:
            return token
    return None


def speaks_of_self(tokens: list[Token], words: Words) -> bool:
    """Does the writer speak of themself anywhere (a first-person word, not "my" or "me" before a family word:
    "I have", "my feet"; not only "my mum")?"""
    family = family_words(words)
    return any(
        t.norm in words.first_person and not (k + 1 < len(tokens) and tokens[k + 1].norm in family)
        for k, t in enumerate(tokens)
    )


def _item(tokens: list[Token], at: int) -> tuple[int, int]:
    """The first token of the list item holding token ``at`` and the one after its last."""
    start, end = at, at
    while start > 0 and tokens[start - 1].kind not in ("list", "end"):
        start -= 1
    while end < len(tokens) and tokens[end].kind not in ("list", "end"):
        end += 1
    return start, end


def _cue(tokens: list[Token], first: int, last: int, words: Words) -> Token | None:
    """The family word joined to the mention whose tokens run from ``first`` to ``last``: directly, or
    through a pronoun that stands for one named earlier in the clause ("my dad has diabetes and his feet
    are numb")."""
    family = family_words(words)
    for k, step, links in ((first - 1, -1, words.someone_else_before), (last + 1, 1, words.someone_else_after)):
        seen = 0
        while 0 <= k < len(tokens) and tokens[k].kind not in ("list", "end") and seen <= REACH:
            norm = tokens[k].norm
            if norm in family and own_past(tokens, k, words):
                break  # "when I was a kid my legs were weak": the person's own past, not a child's
            if animal(tokens[k], words) and (step > 0 or not _opens(tokens, k, words)):
                # "I can't breathe on the dog's bed": an animal owns no finding told before it; nor one told after
                # it unless it opens its sentence ("sick as a dog with chest pain" is the person's)
                break
            if norm in family:
                return tokens[k]
            if step < 0 and norm in words.someone_else_pronouns:
                earlier = next((t for t in reversed(tokens[:k]) if t.norm in family), None)
                if earlier is not None:
                    return earlier
            if norm and norm not in links:
                break  # "my mother noticed I have ...": a word that is no link breaks it
            seen += 1
            k += step
    return None


def own_past(tokens: list[Token], k: int, words: Words) -> bool:
    """Is the family word at ``k`` part of a past cue that tells of the person's own past ("as a kid", "when I
    was a child": past_before and past_after in data/words.yaml)?"""
    norms = [t.norm for t in tokens]
    for cue in _cues_with(words, norms[k]):
        for j in (j for j, w in enumerate(cue) if w == norms[k]):
            if k - j >= 0 and tuple(norms[k - j : k - j + len(cue)]) == cue:
                return True
    return False


@functools.lru_cache(maxsize=256)
def _cues_with(words: Words, norm: str) -> tuple[tuple[str, ...], ...]:
    return tuple(cue for cue in words.past_before + words.past_after if norm in cue)


def family_history(cue: Token | None, words: Words) -> bool:
    """Is ``cue`` (the word that made a finding someone else's) a family history ("family history of",
    "runs in the family", "FHx") rather than a person ("my daughter")?"""
    return cue is not None and cue.norm in words.family_history


def carried(tokens: list[Token], end: int, start: int, words: Words) -> bool:
    """Does a list of findings go on from ``end`` (a finding set aside after its family word) to the
    finding at ``start``, joined by "and"/"or" and linking words only? A comma ends it: findings typed one
    after another ("numbness, family history of diabetes, heavy drinking") are each the person's own."""
    between = [t for t in tokens if end <= t.start and t.end <= start]
    return not any(
        t.kind == "end"
        or (t.kind == "list" and t.norm not in _JOINING and t.text not in ("&", "+"))
        or (t.kind == "word" and t.norm not in words.someone_else_before)
        for t in between
    )


_JOINING = frozenset({"and", "or", "nor"})


def leftover_cue(tokens: list[Token], words: Words) -> tuple[Token, int, int] | None:
    """Words left over that a family word owns ("mother has lupus", "lupus runs in my family"): the
    family word and the (start, end) characters of what it owns, or None."""
    named = [t for t in tokens if t.norm]
    family, before, after = family_words(words), words.someone_else_before, words.someone_else_after
    at = next((k for k, t in enumerate(named) if t.norm in family and not own_past(named, k, words)), None)
    if at is None:
        return None
    if all(t.norm in before for t in named[:at]):
        rest = named[at + 1 :]
        while rest and (rest[0].norm in before or rest[0].norm in family):  # "twin sister", "cousin sister"
            rest.pop(0)
        if rest:
            return named[at], rest[0].start, rest[-1].end
    if at == len(named) - 1:
        rest = named[:at]
        while rest and rest[-1].norm in after:
            rest.pop()
        if rest:
            return named[at], rest[0].start, rest[-1].end
    return None


def split_others(
    tokens: list[Token],
    mentions: list[Mention],
    text: str,
    urgent: frozenset,
    words: Words,
    before: Sequence[Token] = (),
    held: frozenset = frozenset(),
    voiced: bool = True,
) -> tuple[list, list]:
    """Findings said of someone else ("my mother has diabetes") are not the person's: they are reported
    as left over, from the family word to the finding, with that word (other_cues says how narrow).
    A finding that raises a red flag (``urgent``) is never set aside, whoever it is said of: "my daughter
    can't breathe" needs the emergency warning as much as "I can't breathe"; it stays a mention, marked
    with the family word, and explore() raises its warning without making it the person's finding. Only a
    family history ("family history of paralysis") is set aside, being no one's emergency now. A finding
    that may turn out to be one (``held``: numbness that may be read as spreading fast) is also kept as such a
    mention until the time course has read it (``settle_held``)."""
    cues = other_cues(tokens, [(m.start, m.end) for m in mentions], words, before, voiced)
    # a warning sign stays a mention, marked as someone else's, so that its warning is raised
    # (not an animal's: no one's emergency here)
    warned = [
        c is not None and m.symptom.id in urgent and not family_history(c, words) and not animal(c, words)
        for m, c in zip(mentions, cues)
    ]
    mentions = [replace(m, someone_else=c.text) if w and c else m for m, c, w in zip(mentions, cues, warned)]
    cues = [None if w else c for c, w in zip(cues, warned)]
    mine, theirs, carry = [], [], None  # carry: (a family word written first, where its list goes on)
    for m, cue in zip(mentions, cues):
        start, end = m.start, m.end
        if cue is None and carry and m.symptom.kind != "symptom" and carried(tokens, carry[1], start, words):
            cue = carry[0]  # "family history of diabetes and heavy drinking": the list goes on
        elif cue is not None and tokens and cue.start >= tokens[0].start:
            start, end = min(m.start, cue.start), max(m.end, cue.end)  # from the family word in its clause
        if cue is None:
            mine.append(m)
            carry = None
            continue
        carry = (cue, end) if cue.start <= m.start else None
        theirs.append(Leftover(text[start:end], start, end, (m.symptom,), someone_else=cue.text))
        if m.symptom.id in held and not family_history(cue, words) and not animal(cue, words):
            mine.append(replace(m, someone_else=cue.text))
    return mine, theirs


def settle_held(mentions: list[Mention], leftovers: list[Leftover], urgent: frozenset) -> tuple[list, list]:
    """Someone else's findings held as mentions (split_others) once the time course has read them: one read as a
    warning sign ("my sister's numbness started on Saturday and is up to her waist") stays, marked as theirs, in
    place of its leftover, so its warning is raised; any other is only the leftover it already has."""
    held = [m for m in mentions if m.someone_else and m.symptom.id not in urgent]
    warned = [m for m in mentions if m.someone_else and m.symptom.id in urgent]
    if not held and not warned:
        return mentions, leftovers
    kept = [x for x in leftovers if not (x.someone_else and any(x.start <= m.start and m.end <= x.end for m in warned))]
    return [m for m in mentions if m not in held], kept


def reported(span: tuple, theirs: list[Leftover], kept: list[Mention], words: Words) -> bool:
    """Is a leftover span (text, start, end, ...) worth reporting as not understood? Not when it lies
    inside a finding set aside as someone else's (its family and linking words), nor when it is only a
    family word beside a finding kept ("daughter" in "my daughter can't breathe")."""
    inside = any(x.start <= span[1] and span[2] <= x.end for x in theirs)
    return not inside and not (kept and _only_family(span[0], family_words(words)))


def _only_family(piece: str, family: frozenset) -> bool:
    named = normalize(piece).split()
    return bool(named) and all(w in family or w in ("my", "our", "his", "her", "the") for w in named)


def told_of_things(
    tokens: list[Token], mentions: list[Mention], text: str, words: Words, known: frozenset
) -> tuple[list, list]:
    """Findings read only on words that say so of a body or a person (``told_of_body``: "weaker", "paralysed by")
    but told of a thing: "my wifi got weaker", "the pound got worse", "the whole city was paralysed by the snow".
    They are left over, as someone else's are. The thing is a word the reader knows nothing of (``known``: the
    words of every finding's names and sites) after a determiner; a person, a family word or a part keeps the
    finding ("my legs got weaker", "I've got weaker and weaker", "the lad got weaker"), and "paralysed" is set
    aside only with "by" after it (an agent, not a body failing)."""
    if _changes(words).isdisjoint(t.norm for t in tokens):
        return mentions, []
    kept, things = [], []
    for m in mentions:
        if _of_thing(tokens, m, words, known):
            things.append(Leftover(text[m.start : m.end], m.start, m.end))
        else:
            kept.append(m)
    return kept, things


def _of_thing(tokens: list[Token], m: Mention, words: Words, known: frozenset) -> bool:
    named = normalize(m.text).split()
    if not named or named[0] not in _changes(words) or not set(named) <= _said_of_change(words):
        return False  # "the signal got weaker every day": how fast too
    after = tuple(t.norm for t in tokens if t.start >= m.end and t.norm)
    if not any(entry[0] == named[0] and after[: len(entry) - 1] == entry[1:] for entry in words.told_of_body):
        return False  # "paralysed" without "by": it may be a person's
    before = [t for t in tokens if t.end <= m.start and t.norm]
    while before and before[-1].norm in words.told_of_links:
        before.pop()
    if len(before) < 2 or _a_person(before[-1], words, known):
        return False
    # "the whole city", "my home wifi": a determiner a word or two before the subject, nothing known between
    for k in (-2, -3):
        if len(before) >= -k and before[k].norm in words.animal_openers:
            return all(not _a_person(t, words, known) for t in before[k + 1 :])
    return False


@functools.lru_cache(maxsize=8)
def _said_of_change(words: Words) -> frozenset:
    """The words a change said of a thing may be read with: the change and how fast ("weaker by the day")."""
    rates = {w for cue in words.worsening_after + words.worsening_before for w in cue}
    return _changes(words) | _JOINING | rates | {"by", "the", "day", "hour", "each", "every"}


@functools.lru_cache(maxsize=8)
def _changes(words: Words) -> frozenset:
    """The first word of each entry of ``told_of_body``: "weaker", "paralysed"."""
    return frozenset(entry[0] for entry in words.told_of_body)


def _a_person(token: Token, words: Words, known: frozenset) -> bool:
    """Is ``token`` a person, a family word or a word the reader knows (a part, a finding's word)?"""
    norm = token.norm
    people = words.people | words.subjects | words.first_person | words.someone_else_pronouns
    return norm in people or norm in family_words(words) or token.fold in known


def told_of_stories(
    tokens: list[Token], mentions: list[Mention], leftovers: list[Leftover], text: str, words: Words
) -> tuple[list, list]:
    """Findings told of someone in a story after words that open it (``stories``: "in the film the guy couldn't
    breathe", "watching a show where a woman has a seizure", "I read about a man who lost his sight"): left over as
    that character's, their warning no one's here. Only with a character named between the opening and the finding
    (``people`` or a pronoun) and no first-person or family word: "I was watching a film and suddenly couldn't
    breathe" is the person's, "a film with my dad and he collapsed" his, and both still warn."""
    norms = [t.norm for t in tokens]
    opened = [k + len(cue) for cue in words.stories for k in range(len(norms)) if tuple(norms[k : k + len(cue)]) == cue]
    if not opened:
        return mentions, leftovers
    kept, told, starts = [], [], [t.start for t in tokens]
    for m in mentions:
        who = _character(tokens, opened, (bisect_left(starts, m.start), bisect_left(starts, m.end)), words)
        if who is None:
            kept.append(m)
        else:
            told.append(Leftover(m.text, m.start, m.end, (m.symptom,), someone_else=who.text))
    return kept, sorted([*leftovers, *told], key=lambda x: (x.start, x.end))


def _character(tokens: list[Token], opened: list[int], span: tuple[int, int], words: Words) -> Token | None:
    """The character a story opened before the mention on tokens ``span`` (in its sentence) tells it of, or None."""
    at, end = span
    start = max((k for k in opened if k <= at), default=None)
    if start is None or any(t.ends_sentence for t in tokens[start:at]):
        return None
    between = tokens[start:end]
    if any(t.norm in words.first_person or t.norm in family_words(words) for t in between):
        return None  # "I was watching a film and couldn't breathe", "a film with my dad and he collapsed"
    told = words.people | words.someone_else_pronouns
    return next((t for t in tokens[start:at] if t.norm in told), None) or _named_before(tokens, start, words)


CHARACTER_REACH = 3  # words before a story's opening in which its character may be named ("the guy in the movie")


def _named_before(tokens: list[Token], start: int, words: Words) -> Token | None:
    """A character (``people``) named just before the opening that ends at ``start`` ("the guy in the movie had a
    seizure"), in the same list item; not a pronoun, which may be the person's own story ("he took me to a film")."""
    cue = next(len(c) for c in words.stories if tuple(t.norm for t in tokens[start - len(c) : start]) == c)
    before = tokens[max(0, start - cue - CHARACTER_REACH) : start - cue]
    if any(t.kind != "word" for t in before):
        before = before[max(k for k, t in enumerate(before) if t.kind != "word") + 1 :]
    return next((t for t in reversed(before) if t.norm in words.people), None)
