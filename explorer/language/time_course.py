"""Time course and pattern in free text (data/time_course.yaml on the base, ``kb.time_course``): how fast
findings came ("four days ago", "for years"), how they went on ("comes and goes"), where they started
and moved ("started in my toes and is creeping up"), which sides ("both feet", "only my left arm") and
what they stop ("can't walk without help").

Each value read is a Mention of its course finding, linked (``qualifies``) to the findings the same
sentence names, or to the whole picture when it names none. A sentence that names only history or a
diagnosis ("I've had diabetes for five years") says nothing about the findings' course and is skipped.
When several onsets are read, the shortest is kept: it dates the change now being described. A
diagnosis the person names as their own ("I have MS") is read as its ``background`` value when the
text also tells a time course or pattern: the background that course is read against.
"""

import bisect
import functools

from ..knowledge.records import KnowledgeBase, Symptom
from ..records import replace
from .concepts import caused
from .parse_records import Leftover, Mention
from .phrases import LIMBS
from .quickening import unquickened
from .tokens import Token, same_word, sentences


def read(
    tokens: list[Token], mentions: list[Mention], leftovers: list[Leftover], kb: KnowledgeBase
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The course mentions ``tokens`` hold, beside the parser's ``mentions`` (not repeating one of them),
    and the spans of every cue read (a value said twice is one mention, but neither is left over)."""
    words = kb.time_course
    sentences = _sentences(tokens) if words.cues else []
    if not sentences:
        return [], []
    starts = [sentence[0].start for sentence in sentences]
    here_by = _by_sentence([m for m in mentions if m.present], starts)
    # "over the past ten years" is a duration, not a past event, whatever the past-event cue made of it
    aside = [x for x in leftovers if x.condition or x.past not in (None, "past")]
    aside_by = _by_sentence([*aside, *(m for m in mentions if m.past not in (None, "past"))], starts)
    whole = _named_whole(tokens, mentions)
    found: dict[str, Mention] = {}
    spans: list[tuple[int, int]] = []
    now: set[int] = set()  # the sentences naming a finding present now
    ended: list[tuple[int, Mention, bool]] = []  # an episode that ended, its sentence, a finding now after it?
    sides: list[tuple[str, str, Mention]] = []  # left or right, and a limb: a patchy picture?
    for number, sentence in enumerate(sentences):
        here = [m.symptom for m in here_by.get(number, ())]
        symptoms = tuple(dict.fromkeys(s for s in here if s.kind == "symptom"))
        if not symptoms and (here or number in aside_by):
            ended += _past_episode(number, sentence, aside_by.get(number, []), words, kb)
            continue  # history, a named diagnosis or a past event: its dates are not the findings' course
        if not symptoms and _cues(sentence, tuple(("", phrase) for phrase in words.spared)):
            continue  # "my hands and face are fine": where the findings are not
        # "couldn't walk for a week after I sprained my ankle": an everyday cause explains the course words
        explained = caused([t.norm for t in sentence], kb) if not symptoms else {}
        now |= {number} if symptoms else set()
        ended += [
            (number, m, _now_after(sentence, m, here_by.get(number, []), words))
            for m in _remitted(sentence, words, kb, symptoms)
        ]
        said = {value for value, by in words.said_by if any(s.id == by for s in here)}  # "one-sided weakness"
        read, lengths = _timed(sentence, words)
        spans += [(sentence[a].start, sentence[b].end) for a, b in lengths]  # read: an episode's length, no onset
        for finding, first, last in read:
            a, b = sentence[first].start, sentence[last].end
            if finding in said or finding in explained or any(x <= a and b <= y for x, y in whole):
                continue
            found.setdefault(
                finding, Mention(_span(sentence, first, last), a, b, kb.symptoms[finding], True, qualifies=symptoms)
            )
            spans.append((a, b))
        sides += _sides(sentence, symptoms, kb)
    spans += [(m.start, m.end) for _, _, m in sides]  # "my left hand": read as a side, not left over
    relapse = next((m for at, m, later in ended if later or now - {at}), None)  # ended, and a finding now
    if relapse is not None:
        found.setdefault("course_relapsing", relapse)
        spans.append((relapse.start, relapse.end))
    found = _settled(found, sides, kb)
    if found:  # a diagnosis named is the background of the course told beside it, never read alone
        for mention in _diagnoses(leftovers, kb):
            found.setdefault(mention.symptom.id, mention)
            spans.append((mention.start, mention.end))
    known = {m.symptom.id for m in mentions}
    return [m for m in sorted(found.values(), key=lambda m: m.start) if m.symptom.id not in known], spans


def _diagnoses(leftovers: list[Leftover], kb: KnowledgeBase) -> list[Mention]:
    """The diagnoses the person names as their own ("I have MS", "my RA"): not negated, not another's, not
    past, and with a value in data/time_course.yaml (``background``)."""
    values = dict(kb.time_course.diagnosed)
    return [
        Mention(x.text, x.start, x.end, kb.symptoms[values[x.condition.id]], True)
        for x in leftovers
        if x.condition is not None and x.condition.id in values and not (x.cue or x.past or x.someone_else)
    ]


def _by_sentence(items, starts: list[int]) -> dict[int, list]:
    """Mentions or leftovers grouped by the number of the sentence they start in (a binary search each)."""
    out: dict[int, list] = {}
    for item in items:
        out.setdefault(bisect.bisect_right(starts, item.start) - 1, []).append(item)
    return out


def _named_whole(tokens: list[Token], mentions: list[Mention]) -> list[tuple[int, int]]:
    """The span of a quickly worsening finding named by the whole text ("weakness getting worse by the
    day"): its words say its course already, so they are not read again."""
    words = [t for t in tokens if t.kind == "word"]
    if not words:
        return []
    return [
        (m.start, m.end)
        for m in mentions
        if m.symptom.worsening_of and m.start <= words[0].start and m.end >= words[-1].end
    ]


def _remitted(sentence: list[Token], words, kb: KnowledgeBase, symptoms: tuple) -> list[Mention]:
    """Where the sentence says an episode ended ("went numb for a month and recovered")."""
    if "course_relapsing" not in kb.symptoms:
        return []
    relapsing = kb.symptoms["course_relapsing"]
    found = _cues(sentence, tuple(("course_relapsing", phrase) for phrase in words.remitted))
    return [
        Mention(_span(sentence, a, b), sentence[a].start, sentence[b].end, relapsing, True, qualifies=symptoms)
        for _, a, b in found
    ]


def _past_episode(
    number: int, sentence: list[Token], aside: list, words, kb: KnowledgeBase
) -> list[tuple[int, Mention, bool]]:
    """(sentence, where it ended, False) for a finding told as a past event that ended ("years ago I had
    double vision that went away"): an episode of its own, with no date of the findings' course."""
    told = [x for x in aside if x.past]  # a past event read absent (a Mention), or set aside (a Leftover)
    if not any(isinstance(x, Mention) or (x.did_you_mean and not (x.condition or x.someone_else)) for x in told):
        return []
    return [(number, m, False) for m in _remitted(sentence, words, kb, ())]


def _now_after(sentence: list[Token], ended: Mention, here: list[Mention], words) -> bool:
    """Whether a finding present now is named after an episode's end in the same sentence, past a word that
    says the present ("went numb for a month and recovered, and now my arm tingles")."""
    after = next((i for i, t in enumerate(sentence) if t.start >= ended.end), len(sentence))
    marks = [a for _, a, _ in _cues(sentence[after:], tuple(("", phrase) for phrase in words.remitted_now))]
    if not marks:
        return False
    present = sentence[after + min(marks)].start  # the first word that says the present
    return any(m.start > present and m.symptom.kind == "symptom" for m in here)


def _sentences(tokens: list[Token]) -> list[list[Token]]:
    """The text's sentences (tokens.sentences), each with only its tokens that have words."""
    return [words for sentence in sentences(tokens) if (words := [t for t in sentence if t.norm])]


def _cues(sentence: list[Token], cues: tuple) -> list[tuple[str, int, int]]:
    """(finding id, first, last token) of each cue phrase, the longest first (then in the data's order),
    never two on one token. Phrases are looked up by their first word, so a sentence costs its length."""
    by_first = _cue_index(cues)
    norms = [same_word(t.norm) for t in sentence]
    candidates = []
    for i, norm in enumerate(norms):
        for order, (finding, phrase) in by_first.get(norm, ()):
            if tuple(norms[i : i + len(phrase)]) == phrase:
                candidates.append((-len(phrase), order, i, finding))
    taken: set[int] = set()
    out = []
    for minus_size, _, i, finding in sorted(candidates):
        if taken.isdisjoint(range(i, i - minus_size)):
            taken.update(range(i, i - minus_size))
            out.append((finding, i, i - minus_size - 1))
    return out


@functools.lru_cache(maxsize=8)
def _cue_index(cues: tuple) -> dict[str, list[tuple[int, tuple[str, tuple[str, ...]]]]]:
    index: dict[str, list] = {}
    for order, (finding, phrase) in enumerate(cues):
        phrase = tuple(same_word(word) for word in phrase)  # read as the text is: "cannot walk" is "cant walk"
        index.setdefault(phrase[0], []).append((order, (finding, phrase)))
    return index


def _durations(sentence: list[Token], words) -> list[tuple[str, int, int]]:
    """(onset id, first, last token) of "four days ago", "for two years", "a fortnight": a number word
    (or digits) just before a unit."""
    units = dict(words.units)
    out = []
    for i, token in enumerate(sentence):
        unit = token.norm[:-1] if token.norm.endswith("s") and token.norm[:-1] in units else token.norm
        if unit in units and i and _number(sentence[i - 1].norm, words.numbers):
            first = i - 2 if i > 1 and _number(sentence[i - 2].norm, words.numbers) else i - 1
            out.append((units[unit], first, i))
    return out


def _timed(sentence: list[Token], words) -> tuple[list[tuple[str, int, int]], list[tuple[int, int]]]:
    """The cues and durations of a sentence, leaving out the length of an episode ("stiff for an hour",
    "numb for an hour a day"): how long an episode lasts is not how it began. Also (first, last token)
    of each such length, with the words that make it one."""
    onsets = {finding for _, finding in words.units}
    found = [*_cues(sentence, words.cues), *_durations(sentence, words)]
    lengths = [span for finding, a, b in found if finding in onsets and (span := _episode(sentence, a, b, words))]
    kept = [(f, a, b) for f, a, b in found if not any(x <= b and a <= y for x, y in lengths)]
    return kept, lengths


def _episode(sentence: list[Token], first: int, last: int, words) -> tuple[int, int] | None:
    """(first, last token) with its marking words, when the onset words at ``first``-``last`` give how long an
    episode lasts: after "lasts" (past "for about"), or in minutes or hours after "for" or before "a day"."""
    episode = words.episode
    norms = [t.norm for t in sentence]
    before = first - 1
    while before >= 0 and norms[before] in episode.fillers:
        before -= 1
    if before >= 0 and norms[before] in episode.before:
        return before, last
    unit = norms[last][:-1] if norms[last].endswith("s") else norms[last]
    if unit not in episode.short:
        return None
    after = next((p for p in episode.after if tuple(norms[last + 1 : last + 1 + len(p)]) == p), ())
    if "for" in norms[before + 1 : first]:
        return before + 1, last + len(after)
    return (first, last + len(after)) if after else None


def _number(norm: str, numbers: frozenset) -> bool:
    return norm.isdigit() or norm in numbers or norm == "of"  # "a couple of days"


def _sides(sentence: list[Token], symptoms: tuple, kb: KnowledgeBase) -> list[tuple[str, str, Mention]]:
    """(left or right, limb, where it was said) for "my left foot", "the right forearm"."""
    norms = [t.norm for t in sentence]
    out = []
    for i, norm in enumerate(norms):
        limb = next((j for j in (i + 1, i + 2) if j < len(norms) and norms[j] in LIMBS), None)
        if norm in ("left", "right") and limb is not None and "symmetry_patchy" in kb.symptoms:
            at = Mention(
                _span(sentence, i, limb),
                sentence[i].start,
                sentence[limb].end,
                kb.symptoms["symmetry_patchy"],
                True,
                qualifies=symptoms,
            )
            out.append((norm, norms[limb], at))
    return out


def _settled(found: dict[str, Mention], sides: list, kb: KnowledgeBase) -> dict[str, Mention]:
    """One onset (the shortest). Left and right in different limbs make a patchy picture, one side named
    alone a one-sided one; neither when both sides are said to be alike, or when the findings come and go
    (then they are episodes in different places)."""
    onsets = [s.id for s in kb.symptoms.values() if s.kind == "course" and s.system == "onset"]
    for later in [i for i in onsets if i in found][1:]:
        del found[later]
    named = {side for side, _, _ in sides}
    if "symmetry_both_sides" in found or "course_relapsing" in found or not named:
        return found
    if named == {"left", "right"} and len({limb for _, limb, _ in sides}) > 1:
        found.setdefault("symmetry_patchy", sides[0][2])
        found.pop("symmetry_one_side", None)
    elif len(named) == 1 and "symmetry_patchy" not in found and "symmetry_one_side" in kb.symptoms:
        found.setdefault("symmetry_one_side", replace(sides[0][2], symptom=kb.symptoms["symmetry_one_side"]))
    return found


def _span(sentence: list[Token], first: int, last: int) -> str:
    return " ".join(t.text for t in sentence[first : last + 1])


def course_findings(kb: KnowledgeBase) -> list[Symptom]:
    """The course findings, dimension by dimension, in the order data/time_course.yaml lists them."""
    order = {d: i for i, d in enumerate(kb.time_course.dimensions)}
    values = [s for s in kb.symptoms.values() if s.kind == "course"]
    return sorted(values, key=lambda s: order.get(s.system, len(order)))


@functools.lru_cache(maxsize=8)
def _course_order(kb: KnowledgeBase) -> dict[str, int]:
    """Course finding id -> its place in course_findings (worked out once per base: settled() runs on every query)."""
    return {s.id: i for i, s in enumerate(course_findings(kb))}


def settled(mentions: list[Mention], entered: set[str], kb: KnowledgeBase) -> list[Mention]:
    """A case's present mentions, across its texts, with one value per exclusive dimension (onset,
    symmetry): one ``entered`` on its own wins, else the first in data/time_course.yaml's order."""
    if all(m.symptom.kind != "course" for m in mentions):  # most cases name no time course: nothing to settle
        return list(mentions)
    order = _course_order(kb)
    keep: dict[str, str] = {}
    for dimension in kb.time_course.exclusive:
        values = sorted(
            {m.symptom.id for m in mentions if m.symptom.system == dimension and m.symptom.kind == "course"},
            key=lambda i: (i not in entered, order.get(i, 0)),
        )
        if values:
            keep[dimension] = values[0]
    kept = [
        m for m in mentions if m.symptom.kind != "course" or keep.get(m.symptom.system, m.symptom.id) == m.symptom.id
    ]
    return _slow_climb(unquickened(mentions, kept, kb), kb)


def _slow_climb(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """With an onset over months or years, a climb from the feet is the length-dependent spread, not the
    ascending weakness of days (data/time_course.yaml, ``slow_climb``): read as that spread, said once."""
    onset, climb, read_as = kb.time_course.slow_climb
    ids = {m.symptom.id for m in mentions}
    if not onset or onset not in ids or climb not in ids:
        return mentions
    out = [m for m in mentions if m.symptom.id != climb]
    if read_as not in ids:
        first = next(m for m in mentions if m.symptom.id == climb)
        out.insert(mentions.index(first), replace(first, symptom=kb.symptoms[read_as]))
    return out


def course_value(kb: KnowledgeBase, dimension: str, value: str) -> Symptom:
    """The course finding named ``dimension`` = ``value`` ("onset", "chronic"; "symmetry", "one side");
    ValueError naming the choices when there is none."""
    dimension = dimension.strip().lower()
    values = [s for s in course_findings(kb) if s.system == dimension]
    if not values:
        known = ", ".join(dict.fromkeys(s.system for s in course_findings(kb)))
        raise ValueError(f'"{dimension}" is not one of: {known}')
    wanted = f"{dimension}_{'_'.join(value.strip().lower().replace('-', ' ').split())}"
    for symptom in values:
        if symptom.id == wanted:
            return symptom
    choices = ", ".join(s.id.removeprefix(f"{dimension}_").replace("_", " ") for s in values)
    raise ValueError(f'"{value.strip()}" is not a value of {dimension}: {choices}')
