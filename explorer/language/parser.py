"""One parser from free text to findings, used by every entry point: it finds every finding named
anywhere in a text, whatever the word order, inflection and filler; keeps body sites with them; reads
negation with a scope; corrects a clear spelling slip; widens a narrower HPO term to the finding above
it; and reports whatever matched nothing, each with the span of text it came from.

Work is linear in the length of the text: one tokenizing pass, then per clause a scan whose window is
bounded by the longest phrase; spelling correction is tried for a bounded number of words. The HPO
index and the spelling library are loaded only when a text holds words the vocabulary does not know."""

import functools

from ..knowledge.catalog import find_condition
from ..knowledge.records import KnowledgeBase, Words
from ..knowledge.text import normalize
from ..records import replace
from . import (
    concept_words,
    concepts,
    condition_names,
    coordination,
    matching,
    negation,
    others,
    past,
    spelling,
    stopped,
    subjects,
)
from .bouts import bouts
from .dating import happened
from .gradual import gradual
from .indexes import reader_indexes
from .matching import Found, Item
from .normal_state import normal_only
from .parse_records import Leftover, Mention, Parse
from .passing import passed
from .phrases import Target, hpo_ids, site_words
from .quickening import faster_forms, quickened
from .time_course import read as read_time_course
from .tokens import Token, fold, tokenize
from .vocabulary import vocabulary_for

MAX_CORRECTIONS = 200  # words tried for spelling per text, so a huge text of unknown words stays fast
_SEP_WORDS = {"&": "and", "+": "and"}  # "pins & needles" is "pins and needles"
MAX_HINTED = 25  # leftovers given close matches per text
HINT_LENGTH = 80  # longer leftovers get no close matches (they are not a phrase)
CACHED_TEXTS = 4096  # readings kept per knowledge base
CACHED_LENGTH = 200  # longer texts are read afresh, so the cache stays small (at most ~1 MB of text)


def parse(text: str, kb: KnowledgeBase | None = None) -> Parse:
    """Read ``text`` into the findings it names (present or absent) and what was left over."""
    if kb is None:
        from ..knowledge.loader import load_knowledge

        kb = load_knowledge()
    return parser_for(kb).parse(text)


@functools.lru_cache(maxsize=8)
def parser_for(kb: KnowledgeBase) -> "Parser":
    return Parser(kb)


class Parser:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.words = words = kb.words  # data/words.yaml
        # Words never corrected for spelling ("never" is a negation cue, not a slip for "fever").
        self.closed_words = words.negation_before | words.negation_after | words.subjects
        self.closed_words |= words.quiet_words | words.stop_words | words.never_corrected
        # Words that make a text more than one of the vocabulary's names ("past history of", "family history of").
        self.not_exact = past.cue_words(words) | others.family_words(words)
        self.ids = {hpo_id: Target(symptom) for hpo_id, symptom in hpo_ids(kb).items()}
        self.site_folds = frozenset(word for key in site_words(kb) for word in key)
        self.siteless = frozenset(s.id for s in kb.symptoms.values() if s.kind != "symptom")  # "flu - legs"
        self.quickens = frozenset(faster_forms(kb))  # someone else's numbness may be read as spreading fast
        self.events = happened(kb.time_course.dating)  # "I had covid once": an event, so it can be long past
        # The same short text reads the same way every time (a Parse is frozen), and a batch or a
        # questionnaire meets the same few phrases again and again: keep the last readings.
        self._remembered = functools.lru_cache(maxsize=CACHED_TEXTS)(self._read_text)

    def parse(self, text: str) -> Parse:
        if not isinstance(text, str):
            raise TypeError(f"parse() takes text, got {type(text).__name__}")
        if len(text) <= CACHED_LENGTH:
            return self._remembered(text)
        return self._read_text(text)

    @functools.cached_property
    def urgent(self) -> frozenset:
        """Findings that raise a red flag: a site's reading towards one wins, and none is set aside as
        someone else's."""
        return vocabulary_for(self.kb).urgent

    @functools.cached_property
    def known(self) -> frozenset:
        """The folded words of every finding's names and of the sites: a subject among them is no thing."""
        return self.site_folds | frozenset(fold(w) for name in self.kb.finding_names for w in name.split())

    @functools.cached_property
    def vocabulary(self):
        """The phrase index, built (or read from the knowledge cache) on the first text that is not one of the
        vocabulary's names as it stands (a plain `match numbness "dry eyes"` never needs it)."""
        return self.indexes[0]

    @functools.cached_property
    def indexes(self) -> list:
        """The vocabulary's names first, then the concepts (data/concepts.yaml)."""
        return list(reader_indexes(self.kb))

    def _read_text(self, text: str) -> Parse:
        tokens = tokenize(text, self.words)  # once, for the exact reading's checks and the parse
        exact = self._exact(text, tokens)
        if exact is not None and not self.site_folds.intersection(t.fold for t in tokens):
            return exact
        reading = self._parse(text, tokens)
        if exact is None:
            return reading
        if not reading.leftovers and [m.symptom for m in reading.mentions] == [exact.mentions[0].symptom]:
            return reading  # the same finding, with its sites and notes
        return exact

    def _parse(self, text: str, tokens: list[Token]) -> Parse:
        budget = [MAX_CORRECTIONS]
        mentions: list[Mention] = []
        spans: list[tuple] = []
        earlier: list[Leftover] = []
        start, void = 0, negation.void_cues(tokens, self.words)
        voiced = others.speaks_of_self(tokens, self.words)  # "his legs" after "my husband." is his, if I speak too
        for i, token in enumerate([*tokens, None]):
            if token is None or token.kind == "end":
                if i > start:
                    items = self._items(clause := tokens[start:i])
                    found, items = self._read(items, budget)
                    # "my legs didn't work": the words ending the clause too ("falling apart")
                    found = subjects.read(items, found, tokens[start : i + 1], self.kb, self.urgent)
                    found = coordination.settle_sites(items, found, self.siteless)
                    attached = coordination.coordinated_sites(items, found)
                    shared = coordination.shared_subject(
                        items, found, self._changes, self.words.subjects
                    )  # "legs numb and weak"
                    absent, in_force = negation.scopes(items, found, self.words, self.urgent, void)
                    mentions_here = self._mentions(items, found, attached, text, absent, shared)
                    mine, theirs = others.split_others(
                        clause, mentions_here, text, self.urgent, self.words, tokens[:start], self.quickens, voiced
                    )
                    mine, things = others.told_of_things(clause, mine, text, self.words, self.known)  # "my wifi"
                    now = _split_past(clause, mine, self.words, self.events)
                    now, calm = concepts.calm_split(clause, now, self.kb, self.urgent)
                    mentions.extend(now)
                    earlier.extend(calm + theirs + things)
                    left = matching.leftover_spans(items, found, attached, text, self.words, in_force)
                    spans.extend(s for s in left if others.reported(s, theirs, mine, self.words))
                start = i + 1
        leftovers = sorted(self._hinted(spans) + earlier, key=lambda x: (x.start, x.end))
        mentions = normal_only(negation.resolved(tokens, mentions, self.words), tokens, self.kb)  # over; "is fine"
        mentions = negation.returned(tokens, mentions, self.kb.concept_lexicon.returns, self.words)  # sight came back
        mentions, leftovers = self._told_otherwise(text, tokens, mentions, leftovers)  # "he's not breathing"
        mentions, leftovers = self._concepts_across(text, tokens, mentions, leftovers)
        named = condition_names.spans(tokens, self.kb)
        if named:
            mentions, leftovers = condition_names.point(mentions, leftovers, named)
        timed, read = read_time_course(tokens, mentions, leftovers, self.kb)  # how fast, where, how severe
        mentions, timed = quickened(tokens, mentions, timed, self.kb)  # weak since Friday: quickly
        mentions, leftovers = others.settle_held(mentions, leftovers, self.urgent)  # theirs, quick: still warns
        mentions, leftovers = passed(tokens, mentions, leftovers, self.kb)  # a stroke's sign over days ago
        if timed or read:
            mentions = sorted([*mentions, *timed], key=lambda m: m.start)
            mentions = gradual(tokens, mentions, self.kb)  # one side, over days: no stroke's
            mentions, leftovers = bouts(tokens, mentions, leftovers, self.kb)  # "back to normal in between"
            leftovers = [x for x in leftovers if not any(a <= x.start and x.end <= b for a, b in read)]
        leftovers = concept_words.restating(self.kb, leftovers, mentions)  # "6 beers" beside heavy drinking read
        leftovers = self._time_words_kept(tokens, mentions, leftovers, read)  # "than last year", "once": read
        mentions, kept = _past_kept(mentions)
        if kept:
            leftovers = sorted([*leftovers, *kept], key=lambda x: (x.start, x.end))
        return Parse(text, tuple(mentions), tuple(leftovers))

    def _concepts_across(self, text: str, tokens: list[Token], mentions: list, leftovers: list) -> tuple[list, list]:
        """The concepts read over the whole text, once its clauses are read."""
        mentions = concepts.in_range(mentions, tokens, self.kb)  # "ESR 12" is in range: no finding
        mentions = concepts.dropped_limbs(mentions, tokens, self.kb)  # "my wrist flops": no stroke
        mentions, held = negation.histories_held(tokens, mentions, self.words)  # "never had a fit before"
        mentions, leftovers = concepts.across_sentences(text, mentions, leftovers, tokens, self.kb)  # "shaking, then"
        mentions = negation.first_times(mentions, held)  # "he shook all over, never had a fit before": a first
        mentions = concepts.closer_readings(mentions, tokens, self.kb)  # a painful eye's dim sight: optic neuritis
        return mentions, leftovers

    def _told_otherwise(self, text: str, tokens: list[Token], mentions: list, leftovers: list) -> tuple[list, list]:
        """A vital function told as stopped is its warning sign ("he's not breathing"); a finding told of a story's
        character is no one's here ("in the film the guy couldn't breathe")."""
        mentions, leftovers = stopped.read(text, tokens, mentions, leftovers, self.kb)
        return others.told_of_stories(tokens, mentions, leftovers, text, self.words)

    def _time_words_kept(self, tokens: list[Token], mentions: list, leftovers: list, read: list) -> list[Leftover]:
        """``leftovers`` without those whose every word the time reading used (past.time_words, or a span the
        time course read): a time word the reader used is not left over."""
        used = [*past.time_words(tokens, {m.past for m in mentions if m.past}, self.words), *read]
        if not used:
            return leftovers
        stop = self.words.stop_words | self.words.quiet_words

        def only_time(x: Leftover) -> bool:
            inside = [t for t in tokens if x.start <= t.start and t.end <= x.end and t.kind == "word"]
            content = [t for t in inside if t.norm not in stop]
            return bool(content) and all(any(a <= t.start and t.end <= b for a, b in used) for t in content)

        return [x for x in leftovers if x.past or x.condition or x.someone_else or x.cue or not only_time(x)]

    def _exact(self, text: str, tokens: list[Token]) -> Parse | None:
        """A text that is one of the vocabulary's names as a whole (a label, "history of diabetes", an
        HPO id) is that finding, read exactly as the vocabulary has always read it."""
        if len(text) > HINT_LENGTH or not text.strip():
            return None
        if not self.not_exact.isdisjoint(t.norm for t in tokens):
            return None  # "past history of ...", "family history of ...": the parser knows both
        symptom = vocabulary_for(self.kb).find(text)  # not resolve(): its did-you-means would go unused
        if symptom is None:
            return None
        start = len(text) - len(text.lstrip())
        piece = text.strip()
        return Parse(text, (Mention(piece, start, start + len(piece), symptom, True),), ())

    def _items(self, tokens: list[Token]) -> list[Item]:
        items: list[Item | None] = []
        for n, token in enumerate(tokens):
            if token.norm in self.words.site_breaks:
                items.append(None)  # marks the next item: sites do not reach across this word
                continue
            if token.kind == "list":
                items.append(Item(token, token.norm or _SEP_WORDS.get(token.text, token.text), "sep"))
                cue = items[-3] if _joins_verbs(items, self.words) else None
                if cue is not None:  # "can't feel or move my legs": the cue goes with both verbs, quietly
                    items.append(replace(cue, role="quiet"))
            elif token.kind == "hpo":
                items.append(Item(token, token.norm, "hpo"))
            elif token.norm in self.words.things or _not_the_back(tokens, n, self.words.not_the_back):
                items.append(Item(token, "", "other"))  # "the exhaust", "came back": not the finding's word
            elif token.kind == "other":
                import unicodedata  # only for a token that is no word, number or separator: rare in findings

                if unicodedata.category(token.text[0])[0] not in "PCZ":
                    items.append(Item(token, "", "other"))
            elif token.norm in self.words.statement_openers and items and items[-1] and items[-1].fold == "and":
                items[-1] = replace(items[-1], opens=True)  # the "and" before "my ...": a new statement
            elif token.norm not in self.words.stop_words:
                quiet = token.norm in self.words.quiet_words
                items.append(Item(token, fold(token.norm), "quiet" if quiet else "word"))
        return coordination.mark_sites(_cut(items), self.vocabulary.site_words, self.words.site_list_ends)

    def _read(self, items: list[Item], budget: list) -> tuple[list[Found], list[Item]]:
        """Vocabulary first; only words it leaves unread bring in the HPO index, then spelling."""
        found = matching.match(items, self.indexes, self.ids, self.words)
        if not matching.unread(items, found, self.words):
            return found, items
        from .hpo_index import hpo_index_for  # loaded only for words the vocabulary does not know

        hpo = hpo_index_for(self.kb)
        indexes, ids = [*self.indexes, hpo.phrases], {**hpo.ids, **self.ids}
        found = matching.match(items, indexes, ids, self.words)
        if matching.unread(items, found, self.words) and budget[0] > 0:
            found, items = self._correct(items, found, indexes, ids, budget)
        if matching.unread(items, found, self.words):
            found = sorted(found + coordination.ellipsis(items, found, indexes, self.urgent), key=lambda f: f.used)
        return found, items

    def _correct(self, items, found, indexes, ids, budget):
        lexicon, own = spelling.lexicon_of(tuple(indexes)), spelling.lexicon_of(tuple(self.indexes))
        taken = {i for f in found for i in f.used}
        tried = list(items)
        for i, item in enumerate(items):
            norm = item.token.norm
            if i in taken or item.role != "word" or len(norm) < spelling.MIN_LENGTH or budget[0] <= 0:
                continue
            if norm in self.closed_words:
                continue
            if any(item.fold in index.by_word for index in indexes):
                continue  # a known word that simply did not complete a phrase here
            budget[0] -= 1
            # a word of our own names first: an HPO-only word one slip away ("numbers") is no rival of "numbness"
            better = own.correction(norm) or lexicon.correction(norm)
            if better:
                tried[i] = replace(item, fold=fold(better), typed=norm, read_as=better)
        if tried == items:
            return found, items
        # Keep a correction only where it completes a phrase; elsewhere the word is left over as typed.
        used = {i for f in matching.match(tried, indexes, ids, self.words) for i in f.used}
        kept = [t if i in used else items[i] for i, t in enumerate(tried)]
        return matching.match(kept, indexes, ids, self.words), kept

    def _changes(self, site: str, symptom_id: str) -> bool:
        return symptom_id in self.kb.sites[site].changes

    def _mentions(self, items, found: list[Found], attached: dict, text: str, cues: dict, shared: dict) -> list:
        """The findings found in a clause as mentions; ``cues``: Found.used -> the cue that denies it; ``shared``:
        Found.used -> the sites of a subject it shares ("my legs are numb and weak")."""
        mentions = []
        for f in found:
            own = [items[i].site for i in f.sites] + shared.get(f.used, [])
            sites = tuple(self.kb.sites[s] for s in dict.fromkeys(own + attached.get(f.used, [])))
            symptom_id, changed = f.target.symptom, None
            both = self._both_sides(symptom_id, items, f)
            if both:
                changed, symptom_id = self.kb.symptoms[symptom_id], both
            plain = self.vocabulary.resolve(f.key, ()) if f.target.site else None
            if plain and any(self.kb.sites[s].changes.get(plain.symptom) == symptom_id for s in own):
                changed = self.kb.symptoms[plain.symptom]  # "weak legs": weakness, changed by the site
            # A site changes the finding only when every site named with it does ("weakness in the feet or
            # legs" is leg weakness; "weakness in arms and legs" stays muscle weakness), or when the change
            # is to an urgent finding, which always wins ("my arm and leg on one side are weak").
            news = [self.kb.sites[site].changes.get(symptom_id) for site in dict.fromkeys(own)]
            # a side named alone in the next list item counts for an urgent reading too ("weak arm, left side")
            lone = [self.kb.sites[site].changes.get(symptom_id) for site in attached.get(f.used, [])]
            urgent = [new for new in news + lone if new in self.urgent]
            if urgent or (len(set(news)) == 1 and news[0] is not None):
                changed, symptom_id = self.kb.symptoms[symptom_id], (urgent or news)[0]
            if f.used in cues and self.kb.symptoms[symptom_id].denied:  # "no weakness": muscle weakness
                symptom_id = self.kb.symptoms[symptom_id].denied
            span = [items[i].token for i in (*f.used, *f.sites)]
            start, end = min(t.start for t in span), max(t.end for t in span)
            mentions.append(
                Mention(
                    text=text[start:end],
                    start=start,
                    end=end,
                    symptom=self.kb.symptoms[symptom_id],
                    present=f.used not in cues,
                    sites=sites,
                    cue=cues.get(f.used),
                    corrections=tuple((items[i].typed or "", items[i].read_as or "") for i in f.used if items[i].typed),
                    hpo=f.target.hpo,
                    site_changed=changed,
                )
            )
        return mentions

    def _both_sides(self, symptom_id: str, items: list[Item], f: Found) -> str | None:
        """What a one-sided finding named with both of a pair reads as ("can't lift my arms": weakness of both
        arms, no stroke warning; "suddenly" in the clause: weakness that came quickly), or None."""
        symptom = self.kb.symptoms[symptom_id]
        if not symptom.both_sides:
            return None
        tokens = [items[i].token for i in (*f.used, *f.sites)]
        # "my arm's useless" folds to "arms": a plural only as typed, without an apostrophe
        if not any(t.norm in self.words.both_sides and t.text.isalpha() for t in tokens):
            return None
        norms = [item.token.norm for item in items]
        sudden = any(tuple(norms[k : k + len(cue)]) == cue for cue in self.words.suddenly for k in range(len(norms)))
        return symptom.both_sides_sudden if sudden else symptom.both_sides

    def _hinted(self, spans: list[tuple]) -> list[Leftover]:
        vocabulary = vocabulary_for(self.kb)
        out = []
        for n, (piece, start, end, cue) in enumerate(spans):
            theirs = self._their_condition(piece) if len(piece) <= HINT_LENGTH else None
            if theirs:
                out.append(Leftover(piece, start, end, (), theirs[1], cue, someone_else=theirs[0]))
            elif n < MAX_HINTED and len(piece) <= HINT_LENGTH:
                near = vocabulary.suggest(normalize(piece))
                maybe = () if cue else concept_words.unsure_of(self.kb, normalize(piece))
                out.append(Leftover(piece, start, end, near, find_condition(self.kb, piece), cue, maybe=maybe))
            else:
                out.append(Leftover(piece, start, end, cue=cue))
        return out

    def _their_condition(self, piece: str) -> tuple | None:
        """A condition a family word owns in words left over ("mother has lupus"): (that word, it)."""
        if others.family_words(self.words).isdisjoint(t.norm for t in tokenize(piece, self.words)):
            return None
        owned = others.leftover_cue(tokenize(piece, self.words), self.words)
        if not owned:
            return None
        # the condition's name, with any time words after it dropped ("had GBS last year", "MS for ten years")
        ends = sorted({t.end for t in tokenize(piece, self.words) if owned[1] < t.end <= owned[2]}, reverse=True)
        condition = next((c for end in ends if (c := find_condition(self.kb, piece[owned[1] : end]))), None)
        return (owned[0].text, condition) if condition else None


def _not_the_back(tokens: list[Token], n: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """The word "back" saying again, home or when ("the pain came back", "back in 2019": data/words.yaml
    ``not_the_back``), not naming the body part."""
    if tokens[n].norm != "back":
        return False
    before = (tokens[n - 1].norm, "back") if n else None
    after = ("back", tokens[n + 1].norm) if n + 1 < len(tokens) else None
    return before in phrases or after in phrases


def _joins_verbs(items: list, words: Words) -> bool:
    """Does the "or"/"and" just added join two verbs after "can't" ("can't feel or move my legs")?"""
    last = items[-3:]
    return (
        len(last) == 3
        and None not in last
        and last[2].fold in ("or", "and")
        and last[1].role in ("word", "quiet")
        and last[0].token.norm in words.statement_verbs
    )


def _cut(items: list) -> list[Item]:
    """Drop the break marks, each setting ``cut`` on the item after it."""
    out, cut = [], False
    for item in items:
        if item is None:
            cut = True
        else:
            out.append(replace(item, cut=True) if cut else item)
            cut = False
    return out


def _split_past(tokens: list[Token], mentions: list[Mention], words: Words, events: frozenset[str]) -> list[Mention]:
    """Symptoms named as past events ("chest pain years ago") are not current findings: they are read as
    absent now, with the cue (past.py says why, and how narrow); ``_past_kept`` settles a finding named
    both ways. So is a history finding that is an event (``events``: "I had covid once", "shingles years back"
    is no recent infection); a risk factor that goes on ("diabetes for years") is not concerned."""
    concerned = [
        m
        for m in mentions
        if m.present and (m.symptom.kind == "symptom" or (m.symptom.id in events and not _lasting(m, words)))
    ]
    spans, at = (
        [(m.start, m.end) for m in concerned],
        frozenset(n for n, m in enumerate(concerned) if m.symptom.id in events),
    )
    cues = dict(zip(map(id, concerned), past.past_cues(tokens, spans, words, at)))
    return [replace(m, present=False, past=cues[id(m)]) if cues.get(id(m)) else m for m in mentions]


def _lasting(mention: Mention, words: Words) -> bool:
    """Is the event an infection that goes on once caught (``lasting_infections``: "diagnosed with HIV years ago")?"""
    return tuple(mention.text.lower().replace("-", " ").split()) in words.lasting_infections


def _past_kept(mentions: list[Mention]) -> tuple[list[Mention], list[Leftover]]:
    """A past event whose finding is also named as present now ("numb hands years ago, my feet are numb")
    is not absent: it is reported as a past event, left over with its cue, and the present finding stands."""
    now = {m.symptom.id for m in mentions if m.present}
    clash = [m for m in mentions if m.past and m.symptom.id in now]
    if not clash:
        return mentions, []
    kept = [m for m in mentions if not (m.past and m.symptom.id in now)]
    return kept, [Leftover(m.text, m.start, m.end, (m.symptom,), past=m.past) for m in clash]
