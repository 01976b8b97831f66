"""Negation with a scope, after NegEx: a cue before findings ("no", "without", "denies", "don't have")
makes every finding after it in the same clause absent, until the clause ends ("but", "except", a full
stop) or a new statement starts ("... and I have"). A cue after a finding at the end of its list item
("fever: none", "pain-free", "dry mouth denied") makes that item absent."""

import functools

from ..knowledge.records import ReturnedFunction, Words
from ..records import replace
from .concepts import has_cue
from .matching import Found, Item, segment
from .parse_records import Mention
from .past import dated_past
from .tokens import Token, sentences

# The cue words themselves are knowledge: data/words.yaml (negation_*), on the knowledge base.
# What closes a list of denied findings past a comma ("no fever, rash or joint pain"): separators, not cues.
DISJUNCTIONS = frozenset({"or", "nor", "/"})


def is_cue_before(norms: list[str], i: int, words: Words) -> bool:
    """Is norms[i] a negation cue for what follows? ``norms`` are the clause's normalized words; a cue
    followed by a word such as "only" or "sure" ("not only", "not sure") denies nothing, nor one that a
    double negation undoes ("I can't say I haven't noticed")."""
    if norms[i] not in words.negation_before:
        return False
    if i + 1 < len(norms) and norms[i + 1] in words.negation_void_next:
        return False
    before = " ".join(norms[max(0, i - 4) : i])
    return not any(" ".join(cue) in before for cue in words.negation_double)


NEEDS_REACH = 6  # words before "without" an inability may stand within ("can't even finish a sentence without")


def _needs(norms: list[str], i: int, words: Words) -> bool:
    """Does an inability (``needs_without``) stand a few words before the "without" at ``i``, in the same list
    item (no punctuation or "and" between)? Stop words are not counted: "I can't sing a single line in church
    anymore without running out of air" is as near as "can't sing a line without"."""
    before: list[str] = []
    counted = 0
    for norm in reversed(norms[:i]):
        # "or" joins what the inability takes ("I can't stand or walk without falling"); "and" ends it
        if not norm or norm == "and" or counted == NEEDS_REACH:
            break
        before.insert(0, norm)
        counted += norm not in words.stop_words
    return any(tuple(before[j : j + len(c)]) == c for c in words.needs_without for j in range(len(before)))


def void_cues(tokens: list[Token], words: Words) -> frozenset[int]:
    """The start offsets of the negation cues that deny nothing: an idiom ("not just numbness", "never
    mind the numbness") or a first time ("I've never been this short of breath", "never had trouble
    breathing until today", "never had numbness before, now my legs are numb") or what something takes ("I
    can't eat without choking"): what follows is present."""
    norms = [t.norm for t in tokens]
    out = set()
    for k, token in enumerate(tokens):
        if token.norm not in words.negation_before:
            continue
        here = tuple(norms[k : k + 4])
        if any(here[: len(p)] == p for p in words.negation_idioms + words.first_time) or _until_now(tokens, k, words):
            out.add(token.start)
        elif token.norm == "without" and _needs(norms, k, words):
            out.add(token.start)  # "I can't eat without choking": what eating takes, not what is absent
    return frozenset(out)


def _until_now(tokens: list[Token], k: int, words: Words) -> bool:
    """Is the cue at ``k`` followed in its sentence by "until"/"before" and then by a word saying now?"""
    rest = [token.norm for token in _sentence_after(tokens, k)]
    until = next((j for j, norm in enumerate(rest) if norm in words.first_time_until), None)
    if until is None:
        return False
    after = rest[until + 1 :]
    return any(tuple(after[j : j + len(now)]) == now for now in words.first_time_now for j in range(len(after)))


def _sentence_after(tokens: list[Token], k: int) -> list[Token]:
    rest = []
    for token in tokens[k + 1 :]:
        if token.ends_sentence:
            break
        rest.append(token)
    return rest


def history_denials(tokens: list[Token], words: Words) -> list[tuple[int, int]]:
    """Text spans (start, end) of cues whose list item ends on words like "before" ("never had a fit before",
    `first_time_end`): they deny the finding's history, not that it is happening now."""
    spans = []
    for k, token in enumerate(tokens):
        if token.norm not in words.negation_before:
            continue
        rest = _sentence_after(tokens, k)
        end = next((j for j, t in enumerate(rest) if t.kind in ("end", "list")), len(rest))
        own = tuple(t.norm for t in rest[:end])
        if own and any(own[-len(last) :] == last for last in words.first_time_end):
            spans.append((token.start, rest[end - 1].end))
    return spans


def histories_held(tokens: list[Token], mentions: list[Mention], words: Words) -> tuple[list[Mention], list[Mention]]:
    """(the other mentions, the absent ones denied only as history: "never had a fit before"), so that what
    is read afterwards ("my husband collapsed and shook all over") is not taken as denied by them."""
    spans = history_denials(tokens, words)
    held = [m for m in mentions if not m.present and any(a <= m.start < b for a, b in spans)]
    return [m for m in mentions if m not in held], held


def first_times(mentions: list[Mention], held: list[Mention]) -> list[Mention]:
    """``mentions`` with the held denials put back, except those of a finding the text tells as happening:
    that is its first time, and the present reading stands. Told alone ("I've never had chest pain before")
    a history denial is still a denial."""
    now = {m.symptom.id for m in mentions if m.present}
    back = [m for m in held if m.symptom.id not in now]
    return sorted([*mentions, *back], key=lambda m: m.start) if back else mentions


def is_cue_after(word: str, words: Words) -> bool:
    return word in words.negation_after


def scopes(
    items: list[Item], found: list[Found], words: Words, urgent: frozenset = frozenset(), void: frozenset = frozenset()
) -> tuple[dict, list]:
    """Negation: (Found.used -> the cue that makes it absent, for the findings in a cue's scope;
    the cue in force at each item, so that words left over in a scope can say so). Cues at the start
    offsets in ``void`` deny nothing (``void_cues``)."""
    found, norms = _voided(items, found, void)
    taken = {i for f in found for i in f.used}
    after: dict = {}  # found.used -> cue word after it, at the end of its list item
    cue_positions = set()
    for f in found:
        lo, hi = segment(items, f.used)
        tail = []
        for k in range(max(f.used) + 1, hi + 1):
            if k in taken:
                break  # the next finding's words: the cue, if any, is its own
            if items[k].role in ("word", "quiet"):
                tail.append(k)
        only_cues = all(norms[k] in words.negation_after or items[k].role == "quiet" for k in tail)
        if tail and is_cue_after(norms[tail[-1]], words) and only_cues:
            after[f.used] = items[tail[-1]].token.text
            cue_positions.add(tail[-1])
    for f in found:
        if f.cue is not None:
            after[f.used] = items[f.cue].token.text
            cue_positions.add(f.cue)
    starts = {f.used[0]: f for f in found}
    closed = _closed_lists(items, words.subjects | words.statement_verbs)
    bare = _bare_items(items, found, urgent)
    list_cues = words.negation_list_cues
    out: dict = {}
    scope: str | None = None
    in_force: list[str | None] = []
    anded = False  # the scope has gone on past an "and"
    other, cue_at = False, -1  # the cue at cue_at has denied words that name no finding, and no finding yet
    for i, item in enumerate(items):
        ends = i not in bare and _scope_ends(item, scope or "", closed[i + 1], words.negation_list_cues)
        # "my sugar is not controlled and my feet burn": a cue that denied something else ends at "and"
        ends = ends or (other and item.role == "sep" and item.fold == "and")
        if scope and (ends or item.opens):
            scope = None
        anded = bool(scope) and (anded or (item.role == "sep" and item.fold == "and"))
        in_force.append(scope)
        # A warning sign after "and" in an everyday cue's scope stays present: "no fever and trouble
        # breathing" may be a new statement, and denying it wrongly would hide an emergency.
        kept = anded and i in starts and starts[i].target.symptom in urgent and (scope or "").lower() not in list_cues
        if i in starts and (scope or starts[i].used in after) and not kept:
            out[starts[i].used] = scope or after[starts[i].used]
        if i in starts and scope:
            other = False  # it denies a finding: a list may go on past "and"
        if i in taken or i in cue_positions:
            continue
        if scope and item.role == "word" and not is_cue_before(norms, i, words):
            other = other or not any(f.used[0] > cue_at for f in found if f.used[-1] < i and out.get(f.used))
        if item.token.norm in words.subjects and not _subject_denied(norms, i, cue_at, words):
            scope = None  # a new statement
        elif is_cue_before(norms, i, words):
            scope, anded, other, cue_at = item.token.text, False, False, i
    return out, in_force


def _subject_denied(norms: list[str], i: int, cue_at: int, words: Words) -> bool:
    """Whether the subject at ``i`` goes on in the cue's scope instead of opening a new statement: after "don't
    think" ("I don't think I've lost weight"), or right after the cue, the cue put first ("never I lose
    consciousness", a learner's order); not after an answer ("no I have chest pain")."""
    if i and norms[i - 1] in words.negation_verbs:
        return True
    return cue_at == i - 1 and norms[cue_at] not in words.answers


def _voided(items: list[Item], found: list[Found], void: frozenset) -> tuple[list[Found], list[str]]:
    """The findings and the clause's normalized words, with each cue in ``void`` made an ordinary word."""
    if void:
        found = [replace(f, cue=None) if f.cue is not None and items[f.cue].token.start in void else f for f in found]
    return found, ["" if item.token.start in void else item.token.norm for item in items]


def _scope_ends(item: Item, scope: str, closed: tuple[bool, bool], list_cues: frozenset) -> bool:
    """Past a comma or dash, a negation's scope goes on only through a list of findings it clearly
    denies: one closed by "or"/"nor", or, after a clinical "denies"/"negative for", by "and" or the clause's
    end with no new statement on the way (never "no rash, can't swallow"; never "denies fever, reports ...")."""
    if item.role != "sep" or item.fold in ("and", "or", "nor", "plus", "also", "/"):
        return False
    by_or, by_and = closed
    return not by_or and not (by_and and scope.lower() in list_cues)


def _bare_items(items: list[Item], found: list[Found], urgent: frozenset) -> set[int]:
    """Commas a denied list goes on through without "or": those of a list of three or more items, each
    nothing but a finding that is not urgent ("no joint pain, swelling, stiffness"). Two items stay two
    clauses ("no fever, numbness in my feet"), and a warning sign after a comma stays present ("no rash,
    trouble breathing"), as any other words do."""
    owner = {i: f for f in found for i in f.used}
    bare = []  # (comma position, is the item after it a bare finding)
    for k, item in enumerate(items):
        if item.role == "sep" and item.fold == ",":
            bare.append((k, _bare_after(items, k, owner, urgent)))
    out = set()
    for n, (k, ok) in enumerate(bare):
        neighbours = [bare[m][1] for m in (n - 1, n + 1) if 0 <= m < len(bare)]
        if ok and any(neighbours):
            out.add(k)
    return out


def _bare_after(items: list[Item], k: int, owner: dict, urgent: frozenset) -> bool:
    """Is the list item after the separator at ``k`` nothing but one finding's words, not urgent?"""
    named = None
    for j in range(k + 1, len(items)):
        if items[j].role == "sep":
            break
        if j not in owner:
            return False
        named = owner[j]
    return named is not None and named.target.symptom not in urgent


def _closed_lists(items: list[Item], openers: frozenset) -> list[tuple[bool, bool]]:
    """For each position: does the list from there on end with "or"/"nor" (first), or with "and" or the
    clause's end (second), before a word that opens a new statement ("has", "I", "can't": ``openers`` and
    quiet words)? One backward pass."""
    out = [(False, True)] * (len(items) + 1)
    for k in range(len(items) - 1, -1, -1):
        item, (by_or, by_and) = items[k], out[k + 1]
        if item.role == "sep" and item.fold in DISJUNCTIONS:
            by_or = True
        elif item.role == "sep" and item.fold == "and":
            by_and = True
        elif item.role == "quiet" or item.token.norm in openers:
            by_or = by_and = False
        out[k] = (by_or, by_and)
    return out


def _ability(tokens: list[Token], k: int, length: int, words: Words) -> bool:
    """Whether the over-words at ``tokens[k:k+length]`` stand beside an ability word ("I can no longer stand",
    "no longer able to walk"): they say what cannot be done now, not that something passed."""
    after = tokens[k + length].norm if k + length < len(tokens) else ""
    return (k > 0 and tokens[k - 1].norm in words.ability) or after in words.ability


def resolved(tokens: list[Token], mentions: list[Mention], words: Words) -> list[Mention]:
    """Findings said to be over ("the tingling has gone away now", "numb feet last year but it cleared
    up"): every present symptom before such words in the same sentence is absent, with them as its cue, or
    in the sentence before when theirs opens by pointing back ("... for a few weeks. It recovered."); one said
    to be normal ("my bladder control is fine") only in its own list item. A warning sign in a sentence that
    says it was recent ("this morning", `recent`), or a stroke's sign not dated in the past ("years ago": the past
    cues of data/words.yaml), stays: an emergency that passed (a TIA) still needs care. Unless the words go on
    to what ends it each time (`resolved_conditions`: "it goes when I calm down"): an episode that comes and
    goes with a cause.

    A lost function told as returned is read here only when the words name the function or "all" ("the
    strength came back", "it all came back"): they say the episode is over, so they end every finding before
    them, as any over-word does. A bare "came back" or "returned" says so only after the losses listed for it,
    and that is ``returned`` (after any other finding it tells the finding's return: "the numbness came
    back"); the two are kept apart on purpose, since either alone reads some texts wrongly."""
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for cue in words.negation_resolved + words.negation_normal:
        firsts.setdefault(cue[0], []).append(cue)
    out, sentence, before, item = list(mentions), 0, 0, 0
    stays = _warning_stays(tokens, words)
    for k, token in enumerate(tokens):
        if token.ends_sentence:
            opener = tokens[k + 1].norm if k + 1 < len(tokens) else ""  # "It recovered.": the sentence before
            before, sentence = (sentence if opener in words.negation_resolved_back else token.end), token.end
        if token.kind in ("end", "list"):
            item = token.end
        if k and tokens[k - 1].norm in words.negation_before | words.statement_verbs:
            continue  # "hasn't gone away", "won't clear up": still there
        for cue in firsts.get(token.norm, ()):
            if tuple(t.norm for t in tokens[k : k + len(cue)]) == cue:
                if _ability(tokens, k, len(cue), words) or _between(tokens, k, words):
                    break
                said = " ".join(t.text for t in tokens[k : k + len(cue)])
                normal = cue in words.negation_normal
                linked = _followed_by(tokens, k + len(cue), words.resolved_conditions)
                since = item if normal else before  # "is fine": its own list item only
                end = tokens[k + len(cue) - 1].end
                since = max(since, _statement_start(tokens, k, out, since, words))
                out = [  # only findings wholly before the words ("legs have stopped working" is no cue), or
                    # for a normal state the sign it closes ("Sensation intact", "Reflexes normal"); a risk factor
                    # stays ("on chemo, the tingling is all gone": the chemo was given all the same)
                    replace(m, present=False, cue=said)
                    if m.present
                    and m.symptom.kind != "history"
                    and since <= m.start
                    and (m.end <= token.start or (normal and m.end == end))
                    and not (m.symptom.urgent_note and not normal and not linked and stays(m))
                    else m
                    for m in out
                ]
                break
    return out


def _between(tokens: list[Token], k: int, words: Words) -> bool:
    """Whether the over-words at ``tokens[k]`` follow, in their clause, words for the time between episodes ("in
    between I'm completely back to normal"): the findings come and go, they are not over."""
    j = k
    while j > 0 and tokens[j - 1].kind not in ("list", "end"):
        j -= 1
    return has_cue([t.norm for t in tokens[j:k]], words.between_episodes) is not None


def _statement_start(tokens: list[Token], k: int, mentions: list[Mention], lower: int, words: Words) -> int:
    """Where the findings an over-word at ``tokens[k]`` speaks of begin: after the nearest new statement before
    it (a list word or clause end, then a subject: "my hands are numb and my eye blurred but that went away",
    "..., and last autumn I had numbness that went away") that names a finding of its own; ``lower`` when none
    does, or when the words between say "all" (``over_all`` in data/words.yaml: "numb feet and my hands tingled,
    but it all went away")."""
    cue = tokens[k].start
    openers = words.statement_openers | words.subjects
    for j in range(k - 1, -1, -1):
        if tokens[j].end <= lower or tokens[j].norm in words.over_all:
            return lower
        if tokens[j].kind not in ("list", "end"):
            continue
        head = []
        for t in tokens[j + 1 : j + 4]:
            if t.kind in ("list", "end"):
                break
            head.append(t.norm)
        at = tokens[j].end
        if openers.intersection(head) and any(
            m.symptom.kind == "symptom" and at <= m.start and m.end <= cue for m in mentions
        ):
            return at
    return lower


def _followed_by(tokens: list[Token], k: int, links: tuple[tuple[str, ...], ...]) -> bool:
    """Do the words from ``tokens[k]`` open with one of ``links``?"""
    return any(tuple(t.norm for t in tokens[k : k + len(link)]) == link for link in links)


def _sentences_where(tokens: list[Token], said) -> list[tuple[int, int]]:
    """The spans of the sentences whose words ``said`` is true of."""
    return [(s[0].start, s[-1].end) for s in sentences(tokens) if said([t.norm for t in s])]


def _warning_stays(tokens: list[Token], words: Words):
    """Whether a warning sign said to be over still warns: when its sentence says it was recent ("this
    morning", `recent`), or, for a stroke's signs (``passing: warns`` in data/symptoms.yaml), when it does not
    date it in the past at all ("then normal after ten minutes": most likely lately, and a stroke warning that
    passed still needs care); only a past cue ("years ago", "as a kid") ends those. The sentences are read
    only when a warning sign is said to be over (most texts say nothing is)."""

    @functools.cache
    def spans() -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
        # a choke cleared at once ("coughed it up straight away", `over_at_once`) is over however lately it came
        at_once = _sentences_where(tokens, lambda norms: has_cue(norms, words.over_at_once) is not None)
        recent = _sentences_where(tokens, lambda norms: has_cue(norms, words.recent) is not None)
        return recent, _sentences_where(tokens, lambda norms: dated_past(norms, words)), at_once

    def stays(m: Mention) -> bool:
        recent, dated, at_once = spans()
        if _in_spans(m, at_once) and tuple(m.symptom.id.split("_")) in words.over_at_once_ends:
            return False
        return _in_spans(m, recent) or (m.symptom.warns_when_passed and not _in_spans(m, dated))

    return stays


def _in_spans(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start < b for a, b in spans)


def returned(tokens: list[Token], mentions: list[Mention], returns: tuple[ReturnedFunction, ...], words: Words):
    """A lost function told as returned after its loss in the same sentence ("years ago I lost the sight in one
    eye for a few weeks, and it came back": data/concepts.yaml ``returns``): that loss is absent, with the
    words as its cue. Not after a denial ("it hasn't come back"), and never a warning sign in a sentence that
    says it was recent or does not date it in the past ("this morning my sight went, then it came back": a loss
    that passed still warns).

    Unlike ``resolved``, whose words name the function or "all" and end every finding before them, these bare
    words end only the losses their entry lists (``ends``), and a denial up to two words before them keeps the
    loss ("the balance never fully came back"): as over-words of ``resolved`` they would end "the numbness came
    back" or "double vision ... now it has come back", a finding that returned."""
    out = list(mentions)
    stays = _warning_stays(tokens, words)
    for sentence in sentences(tokens):
        norms = [t.norm for t in sentence]
        for entry in returns:
            for k, cue in ((k, c) for k in range(len(norms)) for c in entry.words if tuple(norms[k : k + len(c)]) == c):
                if words.negation_before.intersection(norms[max(0, k - 2) : k]):
                    continue  # "it hasn't come back", "never came back"
                said = " ".join(t.text for t in sentence[k : k + len(cue)])
                out = [
                    replace(m, present=False, cue=said)
                    if m.present
                    and m.symptom.id in entry.ends
                    and sentence[0].start <= m.start
                    and m.end <= sentence[k].start
                    and not (m.symptom.urgent_note and stays(m))
                    else m
                    for m in out
                ]
    return out
