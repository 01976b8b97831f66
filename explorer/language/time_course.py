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

from ..knowledge.records import KnowledgeBase, Symptom, TimeCourseWords
from ..records import replace
from .concepts import caused, triggered
from .dating import after_events, dated, told_event, unit_of
from .moves import moved, reached_trunk
from .parse_records import Leftover, Mention
from .past import dated_past
from .phrases import LIMBS
from .quickening import denied_before, unquickened
from .reread import reread
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
    whole += [(m.start, m.end) for m in mentions if m.symptom.kind == "course"]  # "Symmetry: patchy": named already
    said_by = _by_sentence(mentions, starts)  # present or not: a past event's clause dates the event
    breaks = [t.start for t in tokens if t.kind == "list" and t.text != "+"]  # where a clause may end: ",", "and"
    bounds: list[tuple[int, list[Token], Symptom]] = []  # a sentence telling an event, its course value
    found: dict[str, Mention] = {}
    spans: list[tuple[int, int]] = []
    now: set[int] = set()  # the sentences naming a finding present now
    ended: list[tuple[int, Mention, bool]] = []  # an episode that ended, its sentence, a finding now after it?
    sides: list[tuple[str, str, Mention]] = []  # left or right, and a limb: a patchy picture?
    for number, sentence in enumerate(sentences):
        here = [m.symptom for m in here_by.get(number, ())]
        symptoms = tuple(dict.fromkeys(s for s in here if s.kind == "symptom"))
        event = told_event([t.norm for t in sentence], words.dating) if not symptoms else None  # "I had a cold"
        if not symptoms and (any(s.kind != "course" for s in here) or number in aside_by or event):
            ended += _past_episode(number, sentence, aside_by.get(number, []), words, kb)
            bounds += [(number, sentence, kb.symptoms[v]) for v in _events_told(here, event, words)]
            for told in _told_with_event(sentence, kb, spans):
                found.setdefault(told.symptom.id, told)
            continue  # history, a named diagnosis, a past event or an event: its dates are not the findings' course
        if not symptoms and _spared(sentence, words, kb.words.between_episodes):
            continue  # "my hands and face are fine": where the findings are not
        # "couldn't walk for a week after I sprained my ankle": an everyday cause explains the course words
        # (with a finding named, only a narrow trigger: "couldn't get up this morning, too tired")
        explained = (caused if not symptoms else triggered)([t.norm for t in sentence], kb)
        now |= {number} if symptoms else set()
        ended += [
            (number, m, _now_too(sentence, m, number, (here_by, aside_by), words))
            for m in _remitted(sentence, words, kb, symptoms)
        ]
        skip = {value for value, by in words.said_by if any(s.id == by for s in here)} | set(explained)
        for mention in _values(sentence, said_by.get(number, []), (breaks, whole, skip), kb, spans):
            found[mention.symptom.id] = _said_again(found.get(mention.symptom.id), mention)
        sides += _sides(sentence, symptoms, kb)
    spans += [(m.start, m.end) for _, _, m in sides]  # "my left hand": read as a side, not left over
    found, spans = _with_events(found, spans, bounds, (sentences, now), kb)
    relapse = next((m for at, m, later in ended if later or now - {at}), None)  # ended, and a finding now
    if relapse is not None:
        found.setdefault("course_relapsing", relapse)
        spans.append((relapse.start, relapse.end))
    found = _settled(found, sides, kb)
    background, home = _backgrounds(bool(found), leftovers, tokens, (sentences, now), kb)
    spans += home + [(m.start, m.end) for m in background]  # "brings the dust home": read too
    found = {m.symptom.id: m for m in background} | found  # a value read already stays
    known = {m.symptom.id for m in mentions}
    return [m for m in sorted(found.values(), key=lambda m: m.start) if m.symptom.id not in known], spans


def _told_with_event(sentence: list[Token], kb: KnowledgeBase, spans: list[tuple[int, int]]) -> list[Mention]:
    """ "It all started after the flu."; "since the flu I can't walk": the event hides no disability, unless an
    everyday cause in the sentence explains it ("sprained my ankle after a jab, can't walk on it")."""
    explains = caused([t.norm for t in sentence], kb)
    told = [*_after_events(sentence, kb), *_severities(sentence, kb, spans)]
    return [m for m in told if m.symptom.id not in explains]


def _spared(sentence: list[Token], words, between: tuple[tuple[str, ...], ...]) -> bool:
    """Does the sentence say where the findings are not ("my hands and face are fine"), not how they are between
    bouts ("in between times they feel fine": ``between``, a remission)?"""
    if not _cues(sentence, tuple(("", phrase) for phrase in words.spared)):
        return False
    return not _cues(sentence, tuple(("", phrase) for phrase in between))


def _said_again(told: Mention | None, again: Mention) -> Mention:
    """The value told first, said also of the findings it is told again of ("dry eyes for several years ... over
    eight months she has developed numbness": chronic is the onset of both)."""
    if told is None:
        return again
    if not (told.qualifies and again.qualifies):
        return told
    return replace(told, qualifies=tuple(dict.fromkeys(told.qualifies + again.qualifies)))


def _after_events(sentence: list[Token], kb: KnowledgeBase) -> list[Mention]:
    """The course values of the events named after "after" or "since" in a sentence naming no finding, as
    values of the whole picture ("It all started after the flu.")."""
    return [
        Mention(_span(sentence, a, b), sentence[a].start, sentence[b].end, kb.symptoms[value], True)
        for value, a, b in after_events([t.norm for t in sentence], kb.time_course.dating)
    ]


def _severities(sentence: list[Token], kb: KnowledgeBase, spans: list) -> list[Mention]:
    """The severity values a sentence telling an event or history says ("since the flu last week I can't walk"),
    as values of the whole picture: what a person can no longer do is read whatever else the sentence tells.
    Their spans go to ``spans`` (read, so not left over)."""
    out = [
        Mention(_span(sentence, a, b), sentence[a].start, sentence[b].end, kb.symptoms[value], True)
        for value, a, b in _timed(sentence, kb.time_course)[0]
        if kb.symptoms[value].system == "severity"
    ]
    spans += [(m.start, m.end) for m in out]
    return out


def _values(sentence: list[Token], here: list[Mention], context: tuple, kb: KnowledgeBase, spans: list) -> list:
    """The course values a sentence naming findings (``here``: its mentions, present or not) tells, each linked
    to the findings it names; the spans of every cue read go to ``spans``. Not one in ``skip`` (said by a
    finding's own name, or explained by an everyday cause), nor one inside a whole-text finding's words, nor
    the onset of a clause that names only history when another clause dates the findings ("numb for years, and
    I started metformin 2 months ago")."""
    breaks, whole, skip = context
    symptoms = tuple(dict.fromkeys(m.symptom for m in here if m.present and m.symptom.kind == "symptom"))
    read, lengths = _timed(sentence, kb.time_course)
    spans += [(sentence[a].start, sentence[b].end) for a, b in lengths]  # read: an episode's length, no onset
    out = []
    for finding, first, last in _anchored(read, sentence, here, breaks, kb):
        a, b = sentence[first].start, sentence[last].end
        if finding not in skip and not any(x <= a and b <= y for x, y in whole):
            out.append(Mention(_span(sentence, first, last), a, b, kb.symptoms[finding], True, qualifies=symptoms))
            spans.append((a, b))
    return out


def _anchored(read: list, sentence: list[Token], here: list[Mention], breaks: list[int], kb: KnowledgeBase) -> list:
    """``read`` without the onsets said in a clause (between commas or "and") that names history, a past event
    or an event ("I had a cold last week") and no finding present,
    when another clause of the sentence gives an onset: a date anchors to the finding its clause names."""
    onsets = {value for value, _ in kb.time_course.dating.under} | {kb.time_course.dating.longer}

    def clause(first: int, last: int) -> tuple[bool, bool]:
        """(names history or an event and no finding present, names only a past event such as "chest pain
        years ago", whose date is the event's and never the onset of a finding elsewhere)."""
        at = bisect.bisect_right(breaks, sentence[first].start)
        low, high = breaks[at - 1] if at else -1, breaks[at] if at < len(breaks) else sentence[last].end + 1
        mentioned = [m for m in here if low <= m.start < high]
        named = [m.present and m.symptom.kind == "symptom" for m in mentioned]
        event = told_event([t.norm for t in sentence if low <= t.start < high], kb.time_course.dating)
        alone = bisect.bisect_right(breaks, sentence[last].start) == at
        history = (bool(named) or bool(event)) and not any(named) and alone
        return history, history and any(m.past for m in mentioned)

    dated = [(value, a, b, *clause(a, b)) for value, a, b in read]
    everywhere = all(history for value, _, _, history, _ in dated if value in onsets)
    return [
        (value, a, b)
        for value, a, b, history, past in dated
        if value not in onsets or not (past or (history and not everywhere))
    ]


def _events_told(here: list[Symptom], event: str | None, words) -> list[str]:
    """The course values of the events a sentence tells ("I had the flu two weeks ago."): a history finding's
    (``dating.bounds``) or an event's named without "after" ("I had a cold")."""
    values = [dict(words.dating.bounds)[s.id] for s in here if s.id in dict(words.dating.bounds)]
    return list(dict.fromkeys([*values, *([event] if event else [])]))


def _with_events(found: dict, spans: list, bounds: list, told: tuple, kb: KnowledgeBase) -> tuple[dict, list]:
    """``found`` and ``spans`` with the events told in sentences of their own that the findings' course follows
    (``_bounded``; ``told``: the sentences, and those naming a finding now), and the dates that dated them."""
    sentences, now = told
    pointing = {n for n in now if _pointing(sentences[n], kb.time_course.dating.since_then)}
    # "... for eight years before that": the findings were there first, so the event told before is not their course
    first = [n for n in now if _pointing(sentences[n], kb.time_course.dating.before_then)]
    bounded = _bounded(found, [b for b in bounds if not any(n > b[0] for n in first)], pointing, now, kb)
    return found | bounded, spans + _dates_read(bounded, bounds)


def _long_over(event: Symptom, sentence: list[Token], kb: KnowledgeBase) -> bool:
    """Is the event told in ``sentence`` dated long ago, and not again since ("covid years ago and again last week":
    dated anew, ``past_again``)? One that goes on once begun (``dating.lasting``: a medicine) never is."""
    norms = [t.norm for t in sentence]
    if event.id in kb.time_course.dating.lasting or not dated_past(norms, kb.words):
        return False
    return kb.words.past_again.isdisjoint(norms)


def _dates_read(bounded: dict[str, Mention], bounds: list) -> list[tuple[int, int]]:
    """The spans of the dates that dated an event told in a sentence of its own ("years ago and again last week"):
    read, so not left over (an undated event's mention spans its whole sentence, whose words are not all read)."""
    whole = {(sentence[0].start, sentence[-1].end) for _, sentence, _ in bounds}
    return [(m.start, m.end) for m in bounded.values() if (m.start, m.end) not in whole]


def _onsets(kb: KnowledgeBase) -> set[str]:
    """The onset values a dating names (``dating.under`` and ``longer``)."""
    return {value for value, _ in kb.time_course.dating.under} | {kb.time_course.dating.longer}


def _pointing(sentence: list[Token], phrases: tuple) -> bool:
    """Whether a sentence points back to an event told before it with one of ``phrases`` ("About ten days after
    that ...", "for years before that")."""
    return bool(_cues(sentence, tuple(("", phrase) for phrase in phrases)))


def _bounded(found: dict[str, Mention], bounds: list, pointing: set[int], now: set[int], kb: KnowledgeBase) -> dict:
    """An event told in a sentence of its own before the findings ("I had the flu two weeks ago.") is their
    course's event when a later sentence naming them points back to it ("ten days after that"), or when it is
    dated no later than their onset and not months or years ago, or told with no date before findings of a recent
    onset ("I had a cold. Since Friday my legs are weak."); with no onset told of the findings, its date (hours to
    weeks ago) is their onset ("... Now my legs are weak."). An event that goes on once begun (``dating.lasting``:
    a medicine started) is theirs when dated months or years ago too, if no later than their onset."""
    order, onsets = _course_order(kb), _onsets(kb)
    told_onset = min((order[i] for i in onsets & set(found)), default=None)
    for number, sentence, event in bounds:
        if not any(later > number for later in now):
            continue
        if _long_over(event, sentence, kb):
            continue  # "I had glandular fever as a teenager.": long over, no trigger of today's findings
        dates = sorted(  # the shortest first: it dates the event ("years ago and again last week": last week)
            [(f, a, b) for f, a, b in _timed(sentence, kb.time_course)[0] if f in onsets], key=lambda d: order[d[0]]
        )
        a, b = (dates[0][1], dates[0][2]) if dates else (0, len(sentence) - 1)
        after = Mention(_span(sentence, a, b), sentence[a].start, sentence[b].end, event, True)
        if any(later > number for later in pointing):  # "... after that my feet started tingling"
            return {event.id: after}
        if not dates and told_onset is not None and told_onset < order[kb.time_course.dating.longer]:
            return {event.id: after}  # "I had a cold. Since Friday my legs ...": undated, told as what came first
        value = min((d[0] for d in dates), key=order.__getitem__, default=kb.time_course.dating.longer)
        if value == kb.time_course.dating.longer and event.id in kb.time_course.dating.lasting:
            if told_onset is None or order[value] >= told_onset:  # "started me on X in January. Since April ..."
                return {event.id: after}
            continue
        if value == kb.time_course.dating.longer:
            continue  # "I had the flu in 2015.": too long ago to date the findings or be their event
        if told_onset is None:
            return {value: replace(after, symptom=kb.symptoms[value]), event.id: after}
        if order[value] >= told_onset:  # "I had a cold two weeks ago. Three days ago my toes started tingling"
            return {event.id: after}
    return {}


def _backgrounds(course: bool, leftovers: list[Leftover], tokens: list[Token], told: tuple, kb: KnowledgeBase) -> tuple:
    """The diagnoses the findings are read against, when a ``course`` is told (a diagnosis is never read alone), and
    the exposures of another that are the person's (``_brought_home``), with the spans of the words that said it
    reached home; ``told``: the sentences, and those naming a finding now."""
    sentences, now = told
    another = _told_of_another(sentences, now, kb.time_course)
    diagnoses = _diagnoses(leftovers, kb, another or _theirs_too(tokens, kb.time_course)) if course else []
    exposures, home = _brought_home(leftovers, tokens, another, kb)
    return [*diagnoses, *exposures], home


def _brought_home(leftovers: list[Leftover], tokens: list[Token], another: bool, kb: KnowledgeBase) -> tuple:
    """Another's exposure that is the person's (``brought_home``), and the spans of the cues read: the findings are
    told of that person (``another``), or the text says it reached home ("works with lead and brings the dust
    home", "dad's overalls from the battery plant")."""
    findings, cues = kb.time_course.brought_home
    theirs = [x for x in leftovers if x.someone_else and not (x.cue or x.past or x.condition)]
    shared = [(x, s) for x in theirs for s in x.did_you_mean[:1] if s.id in findings]
    home = (
        [(tokens[a].start, tokens[b].end) for _, a, b in _cues(tokens, tuple(("", p) for p in cues))] if shared else []
    )
    if not (another or home):
        return [], []
    return [Mention(x.text, x.start, x.end, symptom, True) for x, symptom in shared], home


def _diagnoses(leftovers: list[Leftover], kb: KnowledgeBase, another: bool) -> list[Mention]:
    """The diagnoses the person the findings are told of has ("I have MS", "my RA"; "my mum has had lupus" when
    the story is hers, or the person says it is theirs too, ``another``: "... and I've been diagnosed too"): not
    negated, not past, and with a value in data/time_course.yaml (``background``)."""
    values = dict(kb.time_course.diagnosed)
    return [
        Mention(x.text, x.start, x.end, kb.symptoms[values[x.condition.id]], True)
        for x in leftovers
        if x.condition is not None
        and x.condition.id in values
        and not (x.cue or x.past or (x.someone_else and not another))
    ]


def _theirs_too(tokens: list[Token], words) -> bool:
    """Whether the person says a diagnosis said of another is theirs too ("... and I've just been diagnosed too":
    ``diagnosed_too``)."""
    return bool(_cues(tokens, tuple(("", p) for p in words.diagnosed_too)))


def _told_of_another(sentences: list[list[Token]], now: set[int], words) -> bool:
    """Whether the findings are told of another person: no sentence naming one has a first-person word, and
    one has a third-person word ("three weeks ago she got a numb patch")."""
    first, third = words.narrator
    norms = [{t.norm for t in sentences[n]} for n in now]
    return bool(third) and not any(first & n for n in norms) and any(third & n for n in norms)


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


def _now_too(sentence: list[Token], ended: Mention, number: int, by: tuple[dict, dict], words) -> bool:
    """Whether a finding present now is named in the sentence of an episode that ended, after it or before it."""
    here_by, aside_by = by
    return _now_after(sentence, ended, here_by.get(number, []), words) or _now_before(ended, number, here_by, aside_by)


def _now_before(ended: Mention, number: int, here_by: dict, aside_by: dict) -> bool:
    """Whether the episode that ended is a past event's ("last autumn I had numbness down my right side for a month
    that went away"), with a finding present now named before that event in the same sentence ("a week ago my left
    eye went blurry, and last autumn ..."): another episode now, after one that ended."""
    past = [x for x in aside_by.get(number, ()) if isinstance(x, Mention) and x.past and x.start < ended.start]
    return any(m.symptom.kind == "symptom" and m.end <= x.start for x in past for m in here_by.get(number, ()))


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


def _timed(sentence: list[Token], words) -> tuple[list[tuple[str, int, int]], list[tuple[int, int]]]:
    """The cues, the time and the moves said as structure of a sentence (a cue wins where both read the same words: "for
    two weeks" is going on since, subacute), leaving out the length of an episode ("stiff for an hour", "numb for
    an hour a day"): how long an episode lasts is not how it began. Also (first, last token) of each such length,
    with the words that make it one."""
    onsets = {value for value, _ in words.dating.under} | {words.dating.longer}
    climbs = {value for value, _ in words.moves.directions}  # "went up the stairs" is no climb
    cues = _cues(sentence, words.cues)
    found = [*cues, *(d for d in dated(sentence, words.dating) if not any(a <= d[2] and d[1] <= b for _, a, b in cues))]
    norms = [t.norm for t in sentence]
    found += moved(norms, words.moves)  # "worked its way up to my knees"
    found = [
        (f, a, b) for f, a, b in found if not (f in climbs and words.moves.unless.intersection(norms[b + 1 : b + 3]))
    ]
    found += reached_trunk(norms, found, words.moves)  # "now it's up to my belly button": a level on the body
    found = [x for x in found if not (x[0] == "course_relapsing" and _back_from(norms, x[2], words.back_from))]
    lengths = [span for finding, a, b in found if finding in onsets and (span := _episode(sentence, a, b, words))]
    kept = [(f, a, b) for f, a, b in found if not any(x <= b and a <= y for x, y in lengths)]
    climbed = climbs | {words.moves.level}  # a level on the body is told by its climb's words
    return [(f, a, b) for f, a, b in kept if not _denied(norms, f, a, words, climbed)], lengths


def _denied(norms: list[str], value: str, first: int, words: TimeCourseWords, climbs: set[str]) -> bool:
    """Is the value told at ``first`` denied: a negation just before it, or, for a climb, before its verb ("it has
    not gone up to my waist", "hasn't spread any higher")?"""
    if denied_before(norms, first, words.negation):
        return True
    if value not in climbs:
        return False
    passed = words.moves.moves | words.negation[1]
    at = first
    while at > 0 and norms[at - 1] in passed:
        at -= 1
    return at < first and denied_before(norms, at, words.negation)


def _back_from(norms: list[str], last: int, back_from: tuple[tuple[str, ...], ...]) -> bool:
    """Do words just after a relapsing cue's last word make it a return from a place ("came back from Spain")?"""
    return any(tuple(norms[last + 1 : last + 1 + len(w)]) == w for w in back_from)


def episode_lengths(sentence: list[Token], kb: KnowledgeBase) -> list[tuple[int, int]]:
    """The (start, end) characters of each episode's length ``sentence`` (its tokens with words) tells ("for ten
    minutes")."""
    return [(sentence[a].start, sentence[b].end) for a, b in _timed(sentence, kb.time_course)[1]]


def onsets_told(sentence: list[Token], kb: KnowledgeBase) -> list[tuple[str, str, int, int]]:
    """(onset value, its words, their start and end characters) of each onset ``sentence`` (its tokens with words)
    tells, the shortest first."""
    order, onsets = _course_order(kb), _onsets(kb)
    told = [
        (f, _span(sentence, a, b), sentence[a].start, sentence[b].end)
        for f, a, b in _timed(sentence, kb.time_course)[0]
        if f in onsets
    ]
    return sorted(told, key=lambda pair: order.get(pair[0], 0))


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
    glued = norms[last].lstrip("0123456789")  # "2hrs": a count glued to its unit
    if unit_of(glued, dict.fromkeys(episode.short), dict(words.dating.spelled)) is None:  # "hrs": hour
        return None
    after = next((p for p in episode.after if tuple(norms[last + 1 : last + 1 + len(p)]) == p), ())
    if "for" in norms[before + 1 : first]:
        return before + 1, last + len(after)
    return (first, last + len(after)) if after else None


def _sides(sentence: list[Token], symptoms: tuple, kb: KnowledgeBase) -> list[tuple[str, str, Mention]]:
    """(left or right, limb, where it was said) for "my left foot", "the right forearm"."""
    norms = [t.norm for t in sentence]
    parts = LIMBS | kb.time_course.moves.sided  # a nerve's patch may be a shin or a thumb, not a whole limb
    out = []
    for i, norm in enumerate(norms):
        limb = next((j for j in (i + 1, i + 2) if j < len(norms) and norms[j] in parts), None)
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
    return reread(unquickened(mentions, kept, kb), kb)


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
