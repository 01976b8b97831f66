"""Findings read as concepts, not whole phrasings (data/concepts.yaml): a concept word ("swallow",
"bladder") and a cue ("can't", "lost") standing anywhere in one list item name the finding, in any order
and with other words between them ("I can't count to ten in one breath"). Words without a cue (slang,
idiom, a medicine's name) name a finding alone. They are matched as one more phrase index, after the
vocabulary's own names, so negation, past events and someone else's findings read them as any other name.

Course words then settle how urgent a reading is: a warning sign named with words that say it is
longstanding or explained ("for years", "my inhaler fixes it") is not read as happening now. (How fast a
finding came is the time course's: explorer/language/quickening.py.)"""

import bisect
import functools

from ..knowledge.records import KnowledgeBase
from ..knowledge.text import normalize
from ..records import replace
from .nearest import speaks_of, token_ranges
from .parse_records import Leftover, Mention
from .phrases import PhraseIndex, Target, site_words
from .tokens import Token, fold, sentences

CONCEPT_GAP = 4  # words of other meaning a concept and its cue may have between them in a list item


@functools.lru_cache(maxsize=8)
def concept_indexes(kb: KnowledgeBase) -> tuple[PhraseIndex, PhraseIndex]:
    """The concepts as phrase indexes: words that name a finding alone (an idiom's words stay together,
    as any name's), then each concept word with each of its cues (anywhere in the list item)."""
    alone = PhraseIndex(site_words(kb), kb.words)
    paired = PhraseIndex(site_words(kb), kb.words, max_gap=CONCEPT_GAP)
    split: dict[tuple[str, ...], list[str]] = {}  # each cue and name normalized once, not once per pairing

    def normalized(words: tuple[str, ...]) -> list[str]:
        return split.get(words) or split.setdefault(words, normalize(" ".join(words)).split())

    for concept in kb.concept_lexicon.concepts:
        if concept.also:
            continue  # three parts are read across the sentence only (across_sentences)
        target = Target(concept.finding)
        for words in concept.words:
            for cue in concept.cues:
                paired.add(normalized(cue) + normalized(words), target)
            if not concept.cues:
                alone.add(normalized(words), target)
    alone.finish()
    paired.finish()
    alone.own_site = paired.own_site = frozenset(s.id for s in kb.symptoms.values() if s.urgent_note)
    return alone, paired


def has_cue(norms: list[str], cues: tuple[tuple[str, ...], ...]) -> str | None:
    """The longest cue (a tuple of words) found in ``norms`` as consecutive words, as text; None if none is.
    One pass over the words, each looked up among the cues it can begin."""
    firsts = _by_first_word(cues)
    best: tuple[str, ...] = ()
    for k, word in enumerate(norms):
        for cue in firsts.get(word, ()):
            if len(cue) > len(best) and tuple(norms[k : k + len(cue)]) == cue:
                best = cue
    return " ".join(best) if best else None


@functools.lru_cache(maxsize=32)
def _by_first_word(cues: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        out.setdefault(cue[0], []).append(cue)
    return {word: tuple(found) for word, found in out.items()}


def calm_split(tokens: list[Token], mentions: list[Mention], kb: KnowledgeBase, urgent: frozenset):
    """Warning signs named in a clause with words that say they are longstanding or a comparison ("been
    like that for years") or with an everyday cause that explains them ("breathless after the swim"), and
    any finding named with an everyday cause ("after the dentist"): (the mentions kept, the ones set aside
    as Leftovers, with the words). A ``serious`` word in the clause keeps every finding."""
    tokens = [t for t in tokens if t.norm or t.kind != "other"]  # a hyphen joins nothing: "cross-legged"
    norms = [t.norm for t in tokens]
    told = _explained(norms, kb)
    # a question or a worry ("what if I can't breathe") says nothing is happening: as an explanation does
    hypothetical = None if told else has_cue(norms, kb.words.hypothetical)
    explained = told or hypothetical
    cue = explained or calm_words(norms, kb)
    # an everyday cause named beside a calm word is what the finding is told with: "my vision went sparkly after I
    # stood up, fine since" is light-headedness, not a loss of sight that passed (explorer/language/passing.py)
    causes = {} if explained else caused(norms, kb)
    if (cue is None and not causes) or has_cue(norms, kb.concept_lexicon.serious):
        return mentions, []  # "collapsed", "spreading": no cause or course word explains it away
    # calm or explaining words are about the finding nearest them ("my face drooped an hour ago, and my foot
    # has been numb for years": the years are the foot's); a question or a worry is about all it asks
    spots = [] if hypothetical or cue is None else _spots(norms, cue, kb)
    ranges = dict(zip(map(id, mentions), token_ranges(tokens, [(m.start, m.end) for m in mentions])))
    # a calm word does not end a warning sign told as lately passed ("my speech was slurred this morning for half an
    # hour, back to normal now"): an emergency that passed still needs care, as negation.resolved keeps it
    lately = (
        cue is not None and tuple(cue.split()) in kb.words.calm_over and has_cue(norms, kb.words.recent) is not None
    )
    kept, calm = [], []
    for m in mentions:
        why = (cue if explained or (m.symptom.id in urgent and not lately) else None) or causes.get(m.symptom.id)
        if why == cue and spots and not _nearest(m, spots, mentions, ranges, own=bool(told)):
            why = None
        elif why == cue and not explained and m.symptom.id in causes:
            why = causes[m.symptom.id]  # set aside by the calm word, told by its cause: "stood up ..., fine since"
        if why and told and why == cue and not _figure_allows(m, spots, ranges[id(m)], norms, kb):
            why = None
        if m.present and why:
            # an explanation or a worry ("after the dentist", "what if") is said to be one; a calm word ("fine
            # since", "for years") stays the time words it is. ``past`` holds both: the time course reads it.
            said = why if why != cue or explained else None
            calm.append(Leftover(m.text, m.start, m.end, (m.symptom,), past=why, explained=said))
        else:
            kept.append(m)
    return kept, calm


def _nearest(m: Mention, spots: list[tuple[int, int]], mentions: list[Mention], ranges: dict, own: bool) -> bool:
    """Is a place of the cue about ``m``: no other symptom named between them (history, and the same finding
    named again, are the same story)? With ``own`` (an explanation), a place holding a finding's own words is
    about that finding alone ("numb to it all, and I can't pee": the figure of speech is the numbness, never the
    bladder); a calm cue holding a finding ("tight when I'm anxious") still speaks of its neighbour."""
    mine = ranges[id(m)]
    others = [ranges[id(o)] for o in mentions if o.symptom.kind == "symptom" and o.symptom.id != m.symptom.id]
    if not own:
        return any(speaks_of(at, mine, others) for at in spots)
    # a figure holding a mention of its own speaks of that mention alone, even of the same finding named again
    # elsewhere ("I had a coughing fit then a seizure": the fit is the cough's, the seizure is one)
    held = [ranges[id(o)] for o in mentions if o is not m and o.symptom.kind == "symptom"]
    return any(
        _overlap(at, mine) or (not any(_overlap(at, o) for o in held) and speaks_of(at, mine, others)) for at in spots
    )


def _figure_allows(m: Mention, spots: list[tuple[int, int]], mine: tuple[int, int], norms: list[str], kb) -> bool:
    """May an explanation set ``m`` aside, as far as figures go? A figure holding a word that names ``m``'s finding
    ("coughing fit", "sneezing fit" for a seizure) explains only the reading of that word: not a reading elsewhere
    ("a sneezing fit, then I had a fit"), nor one that names the finding again outside the figure ("had a seizure
    after a coughing fit", "after a coughing fit I had a fit": one reading spans both). Named again: a word of the
    figure that names the finding, or a one-word name of it."""
    names, one_word = _name_words(kb, m.symptom.id)
    for start, end in spots:
        held = names & {fold(w) for w in norms[start : end + 1]}
        if not held:
            return True  # a cause, not a figure of this finding: _nearest has decided
        if not _overlap((start, end), mine):
            continue
        outside = [w for k, w in enumerate(norms[mine[0] : mine[1] + 1], mine[0]) if not start <= k <= end]
        if not (held | one_word).intersection(map(fold, outside)):
            return True
    return False


@functools.lru_cache(maxsize=256)
def _name_words(kb: KnowledgeBase, finding: str) -> tuple[frozenset[str], frozenset[str]]:
    """The folded words of a finding's names, and those of its names of one word, stop words left out."""
    skip = kb.words.stop_words
    names = [[fold(w) for w in name.split() if w not in skip] for name, i in kb.finding_names.items() if i == finding]
    return frozenset(w for words in names for w in words), frozenset(words[0] for words in names if len(words) == 1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _places(norms: list[str], cue: str) -> list[int]:
    """Where each place ``cue`` stands in ``norms`` begins."""
    words = cue.split()
    return [k for k in range(len(norms) - len(words) + 1) if norms[k : k + len(words)] == words]


def _spots(norms: list[str], cue: str, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """The first and last word of every place ``cue`` stands in ``norms`` and speaks as itself: a denied place
    ("not normal for me") or a likeness ("like after the dentist") speaks of no finding near it."""
    last = len(cue.split()) - 1
    return [(k, k + last) for k in _places(norms, cue) if _speaks(norms, k, kb)]


def _speaks(norms: list[str], k: int, kb: KnowledgeBase) -> bool:
    """Does the cue at ``norms[k]`` say what it says: no denial just before it, and no likeness?"""
    return not kb.words.negation_before.intersection(norms[max(0, k - 2) : k]) and not _likeness(norms, k, kb)


def _explained(norms: list[str], kb: KnowledgeBase) -> str | None:
    """The explanation words of a clause (data/concepts.yaml ``explained``), unless words just before them make
    them a likeness ("numb like after the dentist": ``comparison`` in data/words.yaml): None then."""
    cue = has_cue(norms, kb.concept_lexicon.explained)
    if cue is None:
        return None
    return cue if any(not _likeness(norms, k, kb) for k in _places(norms, cue)) else None


def _likeness(norms: list[str], k: int, kb: KnowledgeBase) -> bool:
    """Do words of a comparison ("like", "as if": data/words.yaml) end just before ``norms[k]``, or a few words
    before it with only ``comparison_between`` words between ("like I've run a marathon")?"""
    for start in range(k, max(-1, k - 4), -1):
        if any(tuple(norms[max(0, start - len(c)) : start]) == c for c in kb.words.comparison):
            return True
        if start > 0 and norms[start - 1] not in kb.words.comparison_between:
            return False
    return False


def calm_words(norms: list[str], kb: KnowledgeBase) -> str | None:
    """The calm words of a clause (data/concepts.yaml ``calm``), unless a negation just before them says the
    opposite ("definitely not normal for me", "it's not fine now"): None then."""
    cue = has_cue(norms, kb.concept_lexicon.calm)
    if cue is None:
        return None
    # not after a denial, nor a likeness ("numb like after the dentist": not the cause)
    return cue if any(_speaks(norms, k, kb) for k in _places(norms, cue)) else None


CAUSE_REACH = 4  # words after a linking word ("after", "when") that an everyday cause may stand within


def caused(norms: list[str], kb: KnowledgeBase) -> dict[str, str]:
    """Warning sign -> the everyday cause, after a linking word, that explains it ("out of breath after
    chasing the dog", "choking when I laugh"), or a trigger anywhere in the clause ("can't swallow big
    pills"), matched inflected or not. Causes, triggers and links: data/concepts.yaml."""
    lexicon = kb.concept_lexicon
    if not lexicon.causes and not lexicon.triggers:
        return {}
    folds = [fold(n) for n in norms]
    out = triggered(norms, kb, folds)
    for k in range(len(norms)):
        if _likeness(norms, k, kb):
            continue  # "numb like after the dentist": a likeness, not the cause
        for link in lexicon.cause_links:
            if tuple(norms[k : k + len(link)]) != link:
                continue
            start = k + len(link)
            if any(tuple(norms[start - len(c) : start]) == c for c in lexicon.change_links):
                continue  # "gone from jogging to needing help": the state left behind, not the cause
            window = _until(folds[start : start + CAUSE_REACH], kb.words.cause_ends)  # "without running": none
            for cause in lexicon.causes:
                found = has_cue(window, _folded(cause.words))
                if found:
                    end = start + _end_of(window, tuple(found.split()))
                    words = " ".join(norms[k:end])  # as typed: "after sprinting", not the folded "after sprint"
                    out.update((finding, words) for finding in cause.explains if finding not in out)
    return out


def _until(window: list[str], ends: frozenset[str]) -> list[str]:
    """``window`` up to its first word of ``ends``."""
    cut = next((i for i, word in enumerate(window) if word in ends), len(window))
    return window[:cut]


def triggered(norms: list[str], kb: KnowledgeBase, folds: list[str] | None = None) -> dict[str, str]:
    """Warning sign -> the everyday trigger anywhere in the clause that explains it ("can't swallow big pills",
    "too tired to get up"): narrow on purpose, so they hold even where a finding is named beside them. ``folds``:
    the clause's words folded, when the caller has them."""
    folds = [fold(n) for n in norms] if folds is None else folds
    out: dict[str, str] = {}
    for trigger in kb.concept_lexicon.triggers:
        found = has_cue(folds, _folded(trigger.words))
        if found:
            end = _end_of(folds, tuple(found.split()))
            said = " ".join(norms[end - len(found.split()) : end])  # as typed: "big pills"
            out.update((finding, said) for finding in trigger.explains if finding not in out)
    return out


def _end_of(words: list[str], phrase: tuple[str, ...]) -> int:
    """Where ``phrase`` (found in ``words``) ends, counted from the start of ``words``."""
    return next(j + len(phrase) for j in range(len(words)) if tuple(words[j : j + len(phrase)]) == phrase)


@functools.lru_cache(maxsize=64)
def _folded(phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(w) for w in phrase) for phrase in phrases)


NUMBER_REACH = 3  # tokens after a lab finding's name that its number may stand within ("ESR was 12")


def in_range(mentions: list[Mention], tokens: list[Token], kb: KnowledgeBase) -> list[Mention]:
    """A raised lab finding told with a number at or under its usual upper limit ("ESR 12") is no finding:
    it is dropped. Above the limit ("CRP 45"), or with no number, it is read as named."""
    limits = dict(kb.concept_lexicon.ranges)
    if not limits or not any(m.symptom.id in limits for m in mentions):
        return mentions
    return [m for m in mentions if not (m.symptom.id in limits and _number_after(m, tokens, limits[m.symptom.id]))]


def _number_after(m: Mention, tokens: list[Token], upper: float) -> bool:
    """Is a number within reach after ``m`` at or under ``upper``?"""
    at = bisect.bisect_left([t.start for t in tokens], m.end)
    after = tokens[at : at + NUMBER_REACH]
    for token in after:
        if token.kind == "end":
            return False
        try:
            return float(token.text.replace(",", ".")) <= upper
        except ValueError:
            continue
    return False


def dropped_limbs(mentions: list[Mention], tokens: list[Token], kb: KnowledgeBase) -> list[Mention]:
    """A warning sign whose words name a wrist or foot that drops or flops ("my right wrist flops") is read as
    that limb's weakness (data/concepts.yaml ``drops``): a nerve's weakness, not a stroke's one side."""
    drops = kb.concept_lexicon.drops
    if not drops:
        return mentions
    starts = [t.start for t in tokens]
    out = []
    for m in mentions:
        # a worsening form named as such stays ("foot drop getting worse by the day"); one read from a time
        # word alone ("my foot has dropped since yesterday") is the limb's weakness, dated by the time course
        named_worse = m.symptom.worsening_of and m.course_of is None
        if m.present and m.symptom.urgent_note and not named_worse:
            span = tokens[bisect.bisect_left(starts, m.start) : bisect.bisect_right(starts, m.end)]
            norms = [t.norm for t in span if t.end <= m.end]
            entry = next((d for d in drops if has_cue(norms, d.words) and has_cue(norms, d.cues)), None)
            if entry is not None:
                m = replace(m, symptom=kb.symptoms[entry.finding], site_changed=None, course_of=None, course=None)
        out.append(m)
    return out


def closer_readings(mentions: list[Mention], tokens: list[Token], kb: KnowledgeBase) -> list[Mention]:
    """A warning sign read with a finding that names it more closely (data/concepts.yaml ``closer``: sight
    that dims in an eye that hurts on moving) is read as that finding, unless a word says it came suddenly
    ("suddenly", "just now": data/words.yaml); the person's own findings only, present ones."""
    entries = kb.concept_lexicon.closer
    own = {m.symptom.id for m in mentions if m.present and not m.someone_else}
    found = [e for e in entries if e.finding in own and e.instead_of & own]
    if not found or has_cue([t.norm for t in tokens], kb.words.suddenly):
        return mentions
    out = []
    for m in mentions:
        entry = next((e for e in found if m.symptom.id in e.instead_of), None)
        if entry is not None and m.present and not m.someone_else:
            m = replace(m, symptom=kb.symptoms[entry.finding], site_changed=None, course_of=None, course=None)
        out.append(m)
    return out


def across_sentences(text: str, mentions: list[Mention], leftovers: list[Leftover], tokens: list[Token], kb):
    """Concepts read across a sentence's commas (``reach: sentence`` in data/concepts.yaml: "my hand started
    shaking, I couldn't stop it, then I don't remember"): (mentions, leftovers) with each such finding added,
    and the lesser reading of its word (a tremor) and the cue's leftover words taken into it. A sentence with
    a past cue is left alone. One that names someone else reads only warning signs, marked as theirs (their
    warning is raised whoever has it: "my friend collapsed and started jerking, she's coming round"), unless
    a relative only tells what they saw of the person ("my son says I shook": `witness` in data/words.yaml)."""
    entries = [c for c in kb.concept_lexicon.concepts if c.sentence]
    if not entries:
        return mentions, leftovers
    words = kb.words
    for sentence in sentences(tokens):
        norms = [t.norm for t in sentence]
        if has_cue(norms, words.past_before + words.past_after):
            continue
        owner = _owner(sentence, words)
        for entry in entries:
            word, cue = _first(sentence, entry.words), _first(sentence, entry.cues)
            if entry.also and not _third_part(sentence, entry, cue, words):
                continue  # "my eye is sore" without sight that blurs; "no pain, the sight in it blurs"
            if word is None or cue is None or any(m.symptom.id == entry.finding for m in mentions):
                continue
            if owner and not kb.symptoms[entry.finding].urgent_note:
                continue
            if _everyday(norms, entry.finding, kb):  # "shaking with cold, I don't remember the road"
                continue
            if _denied(word, mentions, leftovers) or _normal_after(sentence, word, words):
                continue  # "no shaking, I don't remember any fits", "my chest is fine, the cat scratched my arm"
            start, end = min(word[0], cue[0]), max(word[1], cue[1])
            taken = [m for m in mentions if m.start < end and start < m.end and not m.symptom.urgent_note]
            found = Mention(text[start:end], start, end, kb.symptoms[entry.finding], True, someone_else=owner)
            mentions = sorted([*(m for m in mentions if m not in taken), found], key=lambda m: m.start)
            leftovers = [x for x in leftovers if not (x.start < end and start < x.end)]
    return mentions, leftovers


def _third_part(sentence: list[Token], entry, cue: tuple[int, int] | None, words) -> bool:
    """Is an entry's third part (`with`) told in the sentence, and its cue not denied by a word just before
    it ("no pain", "doesn't hurt at all")? A cue the whole sentence reaches is read without the negation
    machinery of a list item, so this looks back a few words itself."""
    if cue is None or _first(sentence, entry.also) is None:
        return False
    before = [t.norm for t in sentence if t.end <= cue[0]][-3:]
    return not words.negation_before.intersection(before)


def _owner(sentence: list[Token], words) -> str | None:
    """The word that makes a sentence's findings someone else's ("friend", "she"), or None: none is named,
    or a relative only tells what they saw ("my son says") and no pronoun of theirs owns a finding."""
    norms = [t.norm for t in sentence]
    pronoun = next((n for n in norms if n in words.someone_else_pronouns), None)
    named = next((n for n in norms if n in words.someone_else or n.rstrip("s") in words.someone_else), None)
    if pronoun is None and named is not None and words.witness.intersection(norms):
        return None
    return named or pronoun


def _denied(span: tuple[int, int], mentions: list[Mention], leftovers: list[Leftover]) -> bool:
    """Is the word at ``span`` in a negation's scope (read absent, or left over under a cue)?"""
    absent = [(m.start, m.end) for m in mentions if not m.present]
    return any(a <= span[0] < b for a, b in [*absent, *((x.start, x.end) for x in leftovers if x.cue)])


def _normal_after(sentence: list[Token], span: tuple[int, int], words) -> bool:
    """Do words saying it is normal ("is fine", "normal": negation_normal) follow the word at ``span``?"""
    after = tuple(t.norm for t in sentence if t.start >= span[1])
    return any(after[: len(cue)] == cue for cue in words.negation_normal)


def _everyday(norms: list[str], finding: str, kb: KnowledgeBase) -> bool:
    """Does the sentence name, anywhere, an everyday cause of ``finding`` (data/concepts.yaml causes)?"""
    folds = [fold(n) for n in norms]
    return any(finding in c.explains and has_cue(folds, _folded(c.words)) for c in kb.concept_lexicon.causes)


def _first(sentence: list[Token], phrases: tuple[tuple[str, ...], ...]) -> tuple[int, int] | None:
    """The character span of the first of ``phrases`` in ``sentence`` (as consecutive words), or None."""
    norms = [t.norm for t in sentence]
    for k in range(len(norms)):
        for phrase in phrases:
            if tuple(norms[k : k + len(phrase)]) == phrase:
                return sentence[k].start, sentence[k + len(phrase) - 1].end
    return None
