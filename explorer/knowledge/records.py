"""Frozen records: everything downstream of the loader works with these, never with raw dicts."""

from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType

from ..records import field, record
from .course_records import PassedWarning, PatchyLimb, QuickLevel, SlowClimb, SlowOneSide
from .text import normalize
from .word_records import Words

STRENGTHS = ("weak", "moderate", "strong")  # lowest first; the index is the rank order
FREQUENCIES = ("obligate", "very frequent", "frequent", "occasional", "very rare", "not stated")


@record
class Source:
    """Where a piece of knowledge comes from: the article (by section), an HPO disease annotation, or
    another public reference named by its address (such as a health service's page)."""

    kind: str  # "article", "annotation" or "reference"
    ref: str  # section heading, a disease id such as "ORPHA:289390", or an https:// address
    frequency: str | None = None  # annotation frequency category, when the annotation gives one
    # A rule's article citation may support only some of its findings ("for:"); None means all of them.
    supports: tuple[str, ...] | None = field(default=None, compare=False)

    def __str__(self):
        if self.kind == "article":
            return f'article, section "{self.ref}"'
        if self.kind == "reference":
            return f"reference {self.ref}"
        return f"HPO annotation {self.ref}" + (f" ({self.frequency})" if self.frequency else "")


@record
class Term:
    """An HPO term (or a term with a modifier, such as "Muscle weakness" + "Rapidly progressive")."""

    id: str
    label: str


@record
class Symptom:
    """A finding a person can enter: a symptom, or a risk factor / history item (``kind == "history"``)."""

    id: str
    label: str
    kind: str  # "symptom", "history", or "course" (a time course or pattern value, data/time_course.yaml)
    system: str  # body system, "history" for history items, the dimension ("onset", ...) for course values
    hpo: Term | None = None
    hpo_modifier: Term | None = None
    description: str = ""
    lay_synonyms: tuple[str, ...] = ()
    clinical_synonyms: tuple[str, ...] = ()
    urgent_note: str = ""
    # A warning sign that still warns once said to be over, unless dated in the past (``passing: warns``): a
    # stroke's signs that passed ("then normal after ten minutes") still need care.
    warns_when_passed: bool = False
    background: str = ""  # why no rule uses this finding, when none does (shown, never used as evidence)
    # Findings whose quick worsening this finding is ("numbness getting worse every day" is spreading
    # numbness), and the phrases built from their names at load time (not listed, but recognized).
    worsening_of: tuple[str, ...] = ()
    derived_names: tuple[str, ...] = ()
    # A one-sided finding named with both of a pair ("can't lift my arms"): what it reads as instead, and
    # what it reads as when the clause says it came suddenly (empty: not a one-sided finding).
    both_sides: str = ""
    both_sides_sudden: str = ""
    # What a denial of this finding denies, when a broader reading is meant (empty: this finding): "no
    # weakness" denies weakness of the muscles, not only feeling weak all over.
    denied: str = ""
    # HPO terms more specific than this finding that the ontology files elsewhere (Areflexia sits beside
    # Hyporeflexia): the parser reads them, and the terms below them, as this finding, "a broader term".
    narrower: tuple[Term, ...] = ()

    def __repr__(self) -> str:
        """Short, for a Python shell: a list of every finding would print as some 70,000 characters."""
        return f"<Symptom {self.id}: {self.label}" + (f", {self.hpo.id}>" if self.hpo else ">")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this finding answers to, its HPO id included. An HPO term with a modifier names the
        broader finding, not this one, so it is left out."""
        hpo = (self.hpo.id, self.hpo.label) if self.hpo and not self.hpo_modifier else ()
        names = (self.id.replace("_", " "), self.label) + hpo + self.lay_synonyms + self.clinical_synonyms
        return names + self.derived_names


@record
class Pattern:
    """An intermediate conclusion the rules draw, such as peripheral nerve involvement."""

    id: str
    label: str
    description: str


@record
class UrgencyLevel:
    """An urgency level of red flags (data/urgency.yaml, highest first): its id and how outputs name it."""

    id: str
    label: str


@record
class ReadingConcept:
    """A finding read from a concept and a cue wherever both stand in one list item (data/concepts.yaml):
    a concept word (a body function or part: "swallow", "bladder") with a cue ("can't", "lost"). Without
    cues, each word names the finding on its own (slang, idiom, a medicine's name). Words and cues are
    tuples of the words of each entry, written as the reader sees them."""

    finding: str
    words: tuple[tuple[str, ...], ...]
    cues: tuple[tuple[str, ...], ...] = ()
    unsure: tuple[str, ...] = ()  # words that alone make the reader unsure the finding was meant
    sentence: bool = False  # word and cue may stand anywhere in one sentence ("shaking, then I don't remember")
    # cues (`with`) of which one must also stand in that sentence: an eye that hurts, with sight that blurs
    also: tuple[tuple[str, ...], ...] = ()


@record
class EverydayCause:
    """A kind of everyday cause (exertion, laughter, a drink, eye drops...) and the warning signs it explains
    when named after a linking word: "out of breath after chasing the dog" is no breathing emergency, while
    "chest pain while jogging" stays one (exertion explains no chest pain)."""

    words: tuple[tuple[str, ...], ...]
    explains: frozenset[str]


@record
class ConceptLexicon:
    """What data/concepts.yaml holds: the concepts, and the course words that change how a reading counts
    (``calm``: a warning sign longstanding or a comparison; ``explained``: any finding with an everyday
    cause; ``everyday_names``: names in the generated HPO index
    that are not read as the urgent finding above them, since they name an everyday state: "sleepy", "deja vu")."""

    concepts: tuple[ReadingConcept, ...] = ()
    calm: tuple[tuple[str, ...], ...] = ()
    explained: tuple[tuple[str, ...], ...] = ()
    everyday_names: frozenset[str] = frozenset()
    # Everyday causes named after a linking word ("after the swim", "when I laugh"), each with the warning
    # signs it explains; ``serious`` words keep a warning sign whatever cause is named ("collapsed").
    cause_links: tuple[tuple[str, ...], ...] = ()
    change_links: tuple[tuple[str, ...], ...] = ()  # "gone from jogging to ...": a state left, not a cause
    causes: tuple["EverydayCause", ...] = ()
    serious: tuple[tuple[str, ...], ...] = ()
    # Everyday triggers explaining their warning signs anywhere in the clause: "I can't swallow big pills".
    triggers: tuple["EverydayCause", ...] = ()
    # A lab finding told with a number ("ESR 12") is read only above its usual upper limit: finding -> limit.
    ranges: tuple[tuple[str, float], ...] = ()
    # A wrist or foot that drops or flops is a nerve's weakness there, never a stroke's one side or face.
    drops: tuple["ReadingConcept", ...] = ()
    # A warning sign read with one that names it more closely is read as that one, unless told as sudden.
    closer: tuple["CloserFinding", ...] = ()
    # A body part told as the subject of words that say it fails, in that order: "my legs just didn't work".
    subjects: tuple["SubjectConcept", ...] = ()
    # A lost function told as returned ("I lost the sight in one eye, and it came back"): that loss is over.
    returns: tuple["ReturnedFunction", ...] = ()


@record
class SubjectConcept:
    """A finding read from a body part (one of ``sites``) told as the subject of words that say it fails, in
    that order (data/concepts.yaml ``subjects``): "my legs just didn't work", "my face is falling on one side";
    with ``links``, the words may come first and the part after a link word ("no movement in my left arm").
    A word of ``unless_after`` right after the words says they tell of something else ("no movement problems",
    "my legs don't work properly"). Cues are tuples of the words of each, written as the reader sees them."""

    finding: str
    sites: frozenset[str]
    cues: tuple[tuple[str, ...], ...]
    links: frozenset[str] = frozenset()
    unless_after: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()  # stand for the part named before in the clause: "the legs ... they"


@record
class ReturnedFunction:
    """Bare words ("came back", "has returned") that, told after a loss of function in ``ends`` (in the data:
    sight, ``vision_loss``), say the function came back, so that loss is over (data/concepts.yaml ``returns``);
    after any other finding ("the numbness came back", "my arm went weak and it came back") they say the finding
    returned. Words that name the function ("the strength came back") are over-words in data/words.yaml
    ``negation_resolved`` instead."""

    words: tuple[tuple[str, ...], ...]
    ends: frozenset[str]


@record
class CloserFinding:
    """A finding that names more closely the warning signs ``instead_of`` when both are read in one text
    (data/concepts.yaml ``closer``): sight that dims in an eye that hurts on moving is painful blurred vision
    in one eye, seen the same day, not the sudden loss of sight of an emergency."""

    finding: str
    instead_of: frozenset[str]


@record
class EpisodeWords:
    """What makes a duration the length of an episode ("stiff for an hour") rather than an onset: a `before`
    word ("lasts") past `fillers` ("for about"), and for `short` units (minutes, hours) "for" or an `after`
    phrase ("a day")."""

    before: frozenset[str] = frozenset()
    fillers: frozenset[str] = frozenset()
    short: frozenset[str] = frozenset()
    after: tuple[tuple[str, ...], ...] = ()


@record
class QuickWords:
    """When the time course makes a finding its quickly worsening form (``quick`` in data/time_course.yaml):
    an onset among `onsets` with a `growth` value (and no word saying it came slowly) makes any such finding
    quick, said of one of `findings` alone makes that one quick; never with an `unless` value in the text.
    `words` say an onset or growth value for this reading only; `slow` words say a finding came slowly."""

    onsets: frozenset[str] = frozenset()
    growth: frozenset[str] = frozenset()
    findings: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    words: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()  # (onset or growth value, its phrases)
    slow: tuple[tuple[str, ...], ...] = ()
    # a mild weakness told as still walking ("a little weak, but I can still walk around the house"): not quick by its
    # onset alone, unless `limited` words, a `walks_not` finding or a weakness beyond `walks_sites` says more
    walks: tuple[tuple[str, ...], ...] = ()
    limited: tuple[tuple[str, ...], ...] = ()
    walks_not: frozenset[str] = frozenset()
    walks_sites: frozenset[str] = frozenset()


@record
class DatingWords:
    """Time said as structure (``dating`` in data/time_course.yaml): a count and a unit ("10+ yrs", "a couple of
    weeks") mapped to an onset by the days it spans; a named day, month, season or year after a pointing word
    ("since Tuesday", "last spring", "since 2019"); an event after a pointing word ("after the flu", "since
    chemo") mapped to a course value."""

    units: tuple[tuple[str, float], ...] = ()  # (unit, days it spans)
    spelled: tuple[tuple[str, str], ...] = ()  # (another way to write a unit, the unit): "yrs" -> "year"
    numbers: tuple[tuple[str, float], ...] = ()  # (number word, its count): "couple" -> 2
    under: tuple[tuple[str, float], ...] = ()  # (onset value, a duration of fewer days is it), shortest first
    longer: str = ""  # the onset of a duration longer than every `under`
    up_to_now: frozenset[str] = frozenset()  # "the last 18 months": a span up to now, part of the duration
    intervals: frozenset[str] = frozenset()  # "every few months": how often, no onset
    ages: frozenset[str] = frozenset()  # "a 47-year-old woman": an age, no onset
    lengths_of: frozenset[str] = frozenset()  # "his two-week holiday": how long that lasted, no onset
    plural: float = 0  # the count of a unit said in the plural with no count, beside a `beside` word ("for weeks")
    beside: frozenset[str] = frozenset()
    pointers: frozenset[str] = frozenset()  # "since", "last": before a named time
    named: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (onset value, a named time): "tuesday", "spring"
    then_now: frozenset[str] = frozenset()  # "wobbly Friday, now I can barely stand": a named time, then now
    years: str = ""  # the onset value a year in digits after a pointer dates ("since 2019")
    after: tuple[tuple[str, ...], ...] = ()  # "after", "ever since": before an event
    fillers: frozenset[str] = frozenset()  # words between a pointer and what it points to ("the", "my", "bad")
    events: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (course value, an event): "flu", "chemo"
    not_events: frozenset[str] = frozenset()  # a word after the event that makes it something else ("flu jab")
    bounds: tuple[tuple[str, str], ...] = ()  # (history finding, course value): its date bounds the onset
    since_then: tuple[tuple[str, ...], ...] = ()  # "after that": the findings followed the event told before
    before_then: tuple[tuple[str, ...], ...] = ()  # "years before that": the findings came first, not its course
    lasting: frozenset[str] = frozenset()  # course values of events that go on once begun (a medicine started)


@record
class MovesWords:
    """Where findings moved, read as structure (``moves`` in data/time_course.yaml): a `moves` word and within
    `window` words a direction ("worked its way up") or a `to` word and a `higher` part ("travelled to my
    thighs"); and findings told in one limb, then another kind of limb ("one foot, then the other hand")."""

    moves: frozenset[str] = frozenset()
    window: int = 0
    directions: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (spread value, a direction): "up", "further up"
    to: frozenset[str] = frozenset()
    higher: frozenset[str] = frozenset()
    fillers: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()  # "went up the stairs": no spread
    one: frozenset[str] = frozenset()
    other: frozenset[str] = frozenset()
    patchy: str = ""  # the value of findings told in one limb, then another kind of limb
    flares: tuple[tuple[str, ...], ...] = ()  # "flares up": the `relapsing` value, unless a `flares_unless` word
    flares_unless: frozenset[str] = frozenset()  # is in the sentence (the joints, a rash flare)
    relapsing: str = ""
    # each way up (legs, arms), its parts bottom up, one rank a row: "yesterday my ankles, today my knees" climbs
    levels: tuple[tuple[frozenset[str], ...], ...] = ()
    level_times: frozenset[str] = frozenset()
    level_breaks: frozenset[str] = frozenset()
    sided: frozenset[str] = frozenset()  # parts a side is named of besides the limbs: "my left shin", "right thumb"
    trunk: frozenset[str] = frozenset()  # parts of the trunk a climb can reach: "now it's up to my belly button"
    level: str = ""  # the value of a climb that reached the trunk: a level on the body


@record
class GradualWords:
    """A one-sided finding that came on gradually over days (``gradual`` in data/time_course.yaml): the onsets it
    is read for, the values then said of it, the word before the onset ("over") and the words that say so, and the
    plain findings told on one side by a side word that are read so too."""

    onsets: frozenset[str] = frozenset()
    values: tuple[str, ...] = ()
    before: frozenset[str] = frozenset()
    words: tuple[tuple[str, ...], ...] = ()
    findings: frozenset[str] = frozenset()
    one_site: frozenset[str] = frozenset()  # those of ``findings`` read so when told of a single body site too


@record
class TimeCourseWords:
    """What data/time_course.yaml gives the free-text reader: the dimensions in order (onset, course,
    spread, symmetry, severity), each value's cue phrases (folded words), the duration units that name an
    onset ("day" -> onset_acute) and the number words of "four days ago"."""

    dimensions: tuple[str, ...] = ()
    cues: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (course finding id, phrase), longest phrases first
    said_by: tuple[tuple[str, str], ...] = ()  # (course id, a finding whose name already says it)
    exclusive: tuple[str, ...] = ()  # dimensions that hold one value per case (onset, symmetry)
    ask: tuple[tuple[str, str], ...] = ()  # (dimension, question): asked as a choice by the questionnaire
    remitted: tuple[tuple[str, ...], ...] = ()  # "went away": an episode ended (relapsing, with one now)
    diagnosed: tuple[tuple[str, str], ...] = ()  # (condition id, value id): "I have MS" read as this value
    spared: tuple[tuple[str, ...], ...] = ()  # "are fine": a sentence naming no finding says where none is
    ask_why: tuple[tuple[str, str], ...] = ()  # (dimension, what its answer is about): "How fast it came"
    choice_words: tuple[tuple[str, str], ...] = ()  # (value id, the words a choice question shows it in)
    episode: EpisodeWords = field(default_factory=EpisodeWords)  # "for an hour a day": an episode's length
    quick: QuickWords = field(default_factory=QuickWords)  # "weak since Friday": read as weakness that spreads
    slow_climb: SlowClimb = field(default_factory=SlowClimb)  # a slow climb is length-dependent
    slow_one_side: SlowOneSide = field(default_factory=SlowOneSide)  # over weeks or more: no stroke's
    gradual: GradualWords = field(default_factory=GradualWords)  # "over three days my left leg got weak"
    passed_warning: PassedWarning = field(default_factory=PassedWarning)  # a stroke's sign over days ago
    patchy_limb: PatchyLimb = field(default_factory=PatchyLimb)  # one nerve's weakness in a patchy picture
    quick_level: QuickLevel = field(default_factory=QuickLevel)  # a level on the body reached within hours
    remitted_now: tuple[tuple[str, ...], ...] = ()  # "and now": a finding named after them is one now
    negation: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # (words, fillers): "never"
    narrator: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # (first, third person words)
    diagnosed_too: tuple[tuple[str, ...], ...] = ()  # "I've been diagnosed too": another's diagnosis is mine too
    brought_home: tuple[frozenset[str], tuple[tuple[str, ...], ...]] = (frozenset(), ())  # (findings, cues)
    back_from: tuple[tuple[str, ...], ...] = ()  # after "came back": a return from a place, no relapse
    dating: DatingWords = field(default_factory=DatingWords)  # "for 10+ yrs", "since March", "after the flu"
    moves: MovesWords = field(default_factory=MovesWords)  # "worked its way up to my knees"


@record
class RedFlagDef:
    """An urgent-care warning: its level (an UrgencyLevel id), a short title naming the presentation,
    the plain action to take, and a sentence on why."""

    id: str
    message: str
    sources: tuple[Source, ...]
    level: str = "emergency"
    title: str = ""
    action: str = ""


LINK_ROLES = ("hallmark", "typical", "possible")


@record
class Link:
    """A finding linked to a condition, with where that link comes from.

    ``role``: "hallmark" findings lower a suggestion's strength when reported absent; "hallmark" and
    "typical" ones are listed as not reported; "possible" ones only count as support.
    """

    symptom: str
    source: Source
    role: str
    group: str = ""  # "annotations" for a link generated from the HPO annotations (data/annotation_links.yaml)


@record
class Condition:
    id: str
    name: str
    kind: str  # "autoimmune", "pattern" or "cause"
    aliases: tuple[str, ...]
    codes: tuple[str, ...]
    summary: str
    nerves: str
    mechanism: str
    evaluation: str
    management: str
    seek_care: str
    sources: tuple[Source, ...]
    links: tuple[Link, ...]

    def __repr__(self) -> str:
        """Short, for a Python shell: the card's text is in its fields and in ``_repr_html_``."""
        return f"<Condition {self.id}: {self.name}, {len(self.links)} linked findings, {len(self.sources)} sources>"

    def _repr_html_(self) -> str:
        """How a notebook shows it: the same HTML as the handout (explorer.formats.html)."""
        from ..notebook import repr_html

        return repr_html(self)


@record
class Rule:
    """One YAML rule: when these findings hold, infer a pattern, suggest a condition, or raise a red flag."""

    id: str
    all: tuple[str, ...]
    any: tuple[str, ...]
    at_least: int
    absent: tuple[str, ...]
    conclusion: str  # "infer", "suggest" or "red_flag"
    target: str  # pattern id, condition id or red flag id
    strength: str | None
    explanation: str
    sources: tuple[Source, ...]
    origin: str  # "file:line", shown in errors and traces
    order: int  # position across all rule files: ties in firing order break on it
    # A named group outside the hand-written teaching rules ("annotations": one rule per finding a condition's
    # HPO annotations record), listed on request and folded into one line per condition in traces.
    group: str = ""
    # True for a learner's rule from a rule pack (rulepack.py): not the explorer's knowledge, and said so.
    from_pack: bool = False

    def __repr__(self) -> str:
        """Short, for a Python shell."""
        return f"<Rule {self.id}: {self.conclusion} {self.target}" + (f", {self.strength}>" if self.strength else ">")


@record
class Site:
    """A body site ("feet", "one side of the body"): the words that name it, the findings it turns into
    others (``changes``: finding id -> finding id) and what it tells a reader (``note``)."""

    id: str
    label: str
    words: tuple[str, ...]
    changes: Mapping = field(default_factory=lambda: MappingProxyType({}), hash=False)
    note: str = ""


NOTE_RULES = 12  # rule ids a rule pack's note names


@record
class RulePack:
    """A learner's rule pack added to the built-in knowledge for one run (rulepack.py): the file it came
    from and the ids it added, so every output made with it can say what is not the explorer's own."""

    source: str  # the file as the learner named it ("rules.yaml")
    rules: tuple[str, ...]
    patterns: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        """The sentence every output made with the pack carries."""
        kinds = [(self.rules, "rule"), (self.patterns, "pattern"), (self.conditions, "condition")]
        parts = [f"{len(ids)} {what}{'' if len(ids) == 1 else 's'}" for ids, what in kinds if ids]
        added = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        named = ", ".join(self.rules[:NOTE_RULES])  # a long pack is named by its first rules, then counted
        more = f" and {len(self.rules) - NOTE_RULES:,} more" if len(self.rules) > NOTE_RULES else ""
        owner = "not part of the explorer's knowledge (a learner's rule pack)"
        return f"Includes {added} from {self.source}, {owner}: {named}{more}."

    def to_dict(self) -> dict:
        """The plain-data form JSON outputs add under "rule_pack"."""
        return {
            "source": self.source,
            "rules": list(self.rules),
            "patterns": list(self.patterns),
            "conditions": list(self.conditions),
            "note": self.note,
        }


# eq=False: a knowledge base is hashed by identity, so per-base caches (vocabulary, engine) work.
@record(eq=False)
class KnowledgeBase:
    __slots__ = ("__dict__",)  # room for the cached properties below

    symptoms: Mapping = field(hash=False)  # id -> Symptom (read-only)
    patterns: Mapping = field(hash=False)  # id -> Pattern
    red_flags: Mapping = field(hash=False)  # id -> RedFlagDef
    conditions: Mapping = field(hash=False)  # id -> Condition
    rules: tuple = field(hash=False)  # Rule, in order
    article_title: str = ""
    article_sections: tuple[str, ...] = ()
    # section heading -> ids (findings, patterns, conditions, red flags) the section mentions
    article_concepts: Mapping = field(default_factory=lambda: MappingProxyType({}), hash=False)
    where: str = ""  # the folder or package it was loaded from
    sites: Mapping = field(default_factory=lambda: MappingProxyType({}), hash=False)  # id -> Site
    words: Words = field(default_factory=Words, hash=False)  # the free-text reader's word lists
    urgency: tuple[UrgencyLevel, ...] = ()  # highest first
    core_findings: tuple[str, ...] = ()  # asked by the questionnaire when nothing else is
    concept_lexicon: ConceptLexicon = field(default_factory=ConceptLexicon, hash=False)  # data/concepts.yaml
    time_course: TimeCourseWords = field(default_factory=TimeCourseWords, hash=False)  # data/time_course.yaml
    pack: RulePack | None = None  # a learner's rule pack added for this run (rulepack.py), else None

    def __repr__(self) -> str:
        """Short, for a Python shell: the whole base would print as some 135,000 characters."""
        counts = f"{len(self.conditions)} conditions, {len(self.symptoms)} findings, {len(self.rules)} rules"
        return f"<KnowledgeBase from {self.where or 'memory'}: {counts}>"

    @cached_property
    def urgency_levels(self) -> tuple[str, ...]:
        """The urgency level ids, highest first: a level's index is the order outputs show it in."""
        return tuple(level.id for level in self.urgency)

    def urgency_label(self, level: str) -> str:
        """How outputs name an urgency level ("Emergency now")."""
        return next((u.label for u in self.urgency if u.id == level), level)

    @cached_property
    def finding_names(self) -> Mapping:
        """Every name of every finding, normalized -> the finding's id (a name two findings share goes to
        the first by id): the reader's exact index. The knowledge cache keeps it with the base, as building
        it (some 2,800 names) was a twentieth of a cold ``match``."""
        names: dict[str, str] = {}
        for symptom in sorted(self.symptoms.values(), key=lambda s: s.id):
            for phrase in symptom.names:
                names.setdefault(normalize(phrase), symptom.id)
        return MappingProxyType(names)

    @cached_property
    def rule_index(self) -> Mapping:
        """Rule id -> Rule, built once per base (queries look rules up on every run)."""
        return MappingProxyType({rule.id: rule for rule in self.rules})

    def label(self, fact_id: str) -> str:
        """Display label of a symptom, history item or pattern id."""
        item = self.symptoms.get(fact_id) or self.patterns.get(fact_id)
        return item.label if item else fact_id
