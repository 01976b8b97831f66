"""Negation with a scope, after NegEx: a cue before findings ("no", "without", "denies", "don't have")
makes every finding after it in the same clause absent, until the clause ends ("but", "except", a full
stop) or a new statement starts ("... and I have"). A cue after a finding at the end of its list item
("fever: none", "pain-free", "dry mouth denied") makes that item absent."""

from ..knowledge.records import Words
from .matching import Found, Item, segment

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


def scopes(items: list[Item], found: list[Found], words: Words) -> tuple[dict, list]:
    """Negation: (Found.used -> the cue that makes it absent, for the findings in a cue's scope;
    the cue in force at each item, so that words left over in a scope can say so)."""
    taken = {i for f in found for i in f.used}
    norms = [item.token.norm for item in items]
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
    out: dict = {}
    scope: str | None = None
    in_force: list[str | None] = []
    for i, item in enumerate(items):
        if scope and _scope_ends(item, scope, closed[i + 1], words.negation_list_cues):
            scope = None
        in_force.append(scope)
        if i in starts and (scope or starts[i].used in after):
            out[starts[i].used] = scope or after[starts[i].used]
        if i in taken or i in cue_positions:
            continue
        if item.token.norm in words.subjects:
            scope = None
        elif is_cue_before(norms, i, words):
            scope = item.token.text
    return out, in_force


def _scope_ends(item: Item, scope: str, closed: tuple[bool, bool], list_cues: frozenset) -> bool:
    """Past a comma or dash, a negation's scope goes on only through a list of findings it clearly
    denies: one closed by "or"/"nor", or by "and" after a clinical "denies" (never "no rash, can't swallow")."""
    if item.role != "sep" or item.fold in ("and", "or", "nor", "plus", "also", "/"):
        return False
    by_or, by_and = closed
    return not by_or and not (by_and and scope.lower() in list_cues)


def _closed_lists(items: list[Item], openers: frozenset) -> list[tuple[bool, bool]]:
    """For each position: does the list from there on end with "or"/"nor" (first), or with "and"
    (second), before a word that opens a new statement ("has", "I", "can't": ``openers`` and quiet words)?
    One backward pass."""
    out = [(False, False)] * (len(items) + 1)
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
