"""The free-text reader's word lists as one frozen record (data/words.yaml says what each list does): kept apart
from explorer/knowledge/records.py, one concept to a module."""

from ..records import record


@record
class Words:
    """The words the free-text reader gives a role (data/words.yaml says what each list does). A cue of
    several words (``past_before``, ``past_after``) is a tuple of its words."""

    stop_words: frozenset[str] = frozenset()
    quiet_words: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    clause_ends: frozenset[str] = frozenset()
    list_words: frozenset[str] = frozenset()
    answers: frozenset[str] = frozenset()
    negation_before: frozenset[str] = frozenset()
    negation_after: frozenset[str] = frozenset()
    negation_void_next: frozenset[str] = frozenset()
    negation_list_cues: frozenset[str] = frozenset()
    past_before: tuple[tuple[str, ...], ...] = ()
    past_after: tuple[tuple[str, ...], ...] = ()
    ongoing: frozenset[str] = frozenset()
    over_at_once_ends: tuple[tuple[str, ...], ...] = ()  # the findings ``over_at_once`` ends
    over_at_once: tuple[tuple[str, ...], ...] = ()  # a choke cleared at once: over however lately (negation.py)
    ongoing_void: tuple[tuple[str, ...], ...] = ()  # "hasn't had one since": no going on (past.py)
    someone_else: frozenset[str] = frozenset()
    someone_else_before: frozenset[str] = frozenset()
    someone_else_after: frozenset[str] = frozenset()
    family_history: frozenset[str] = frozenset()
    site_breaks: frozenset[str] = frozenset()
    site_list_ends: frozenset[str] = frozenset()
    statement_verbs: frozenset[str] = frozenset()
    not_meaningful: frozenset[str] = frozenset()
    everyday: frozenset[str] = frozenset()
    between_episodes: tuple[tuple[str, ...], ...] = ()
    things: frozenset[str] = frozenset()  # nouns that fold onto a finding's word ("exhaust")
    not_the_back: tuple[tuple[str, ...], ...] = ()  # "came back", "back in": no body part
    list_words_opening: frozenset[str] = frozenset()  # "also": a list word only opening a list item
    worsening_after: tuple[tuple[str, ...], ...] = ()
    worsening_before: tuple[tuple[str, ...], ...] = ()
    # Optional lists (a teacher's words.yaml written before them still loads):
    statement_openers: frozenset[str] = frozenset()  # after "and", a new statement: "no rash and my joints hurt"
    negation_resolved: tuple[tuple[str, ...], ...] = ()  # after findings: "the tingling has gone away"
    negation_normal: tuple[tuple[str, ...], ...] = ()  # after a finding in its list item: "... is fine"
    negation_double: tuple[tuple[str, ...], ...] = ()  # before a cue, undo it: "I can't say I haven't"
    negation_verbs: frozenset[str] = frozenset()  # a cue's scope goes on past them: "don't think I've lost"
    both_sides: frozenset[str] = frozenset()  # words naming both of a pair: "arms", "legs"
    someone_else_pronouns: frozenset[str] = frozenset()  # "my dad has diabetes and his feet are numb"
    first_person: frozenset[str] = frozenset()  # the person speaking of themself: "my son says I shook"
    calm_over: tuple[tuple[str, ...], ...] = ()  # calm words saying it is over: "back to normal" (not if recent)
    suddenly: tuple[tuple[str, ...], ...] = ()  # words saying a finding came suddenly: "all of a sudden"
    bounded: frozenset[str] = frozenset()  # after "for", a span that ended: "for a few weeks" (past.py)
    negation_idioms: tuple[tuple[str, ...], ...] = ()  # a cue in them denies nothing: "not just", "never mind"
    first_time: tuple[tuple[str, ...], ...] = ()  # from a cue, a first time: "never been this", "never had such"
    first_time_until: frozenset[str] = frozenset()  # "never ... until today": the cue's first time ends there
    first_time_now: tuple[tuple[str, ...], ...] = ()  # ... when now follows: "today", "now", "it started"
    first_time_end: tuple[tuple[str, ...], ...] = ()  # ending the cue's item, a history: "never had a fit before"
    hypothetical: tuple[tuple[str, ...], ...] = ()  # findings after them are not said to happen: "what if"
    past_final: tuple[tuple[str, ...], ...] = ()  # past cues only at the end of a list item: "a seizure once"
    past_final_void: frozenset[str] = frozenset()  # before a final cue, undo it: "all at once"
    never_corrected: frozenset[str] = frozenset()  # common words spelling never turns into a finding: "tried"
    witness: frozenset[str] = frozenset()  # a relative who tells what they saw: "my son says I shook"
    amounts: frozenset[str] = frozenset()  # how many, in an exposure's rate: "six cans a night"
    ages: frozenset[str] = frozenset()  # an age in words, "nn" in a past cue: "when I was six"
    negation_resolved_back: frozenset[str] = frozenset()  # a sentence saying it is over points back: "It recovered."
    ability: frozenset[str] = frozenset()  # beside "no longer", what cannot be done now: "I can no longer stand"
    recent: tuple[tuple[str, ...], ...] = ()  # a warning sign told as lately passed still warns: "this morning"
    # over "when" something ends it ("it goes when I calm down"): an episode that comes and goes with a cause
    resolved_conditions: tuple[tuple[str, ...], ...] = ()
    # long ago, vaguely ("ages ago"): dates an episode said to be over, never a finding told without "over"
    long_ago: tuple[tuple[str, ...], ...] = ()
    comparison: tuple[tuple[str, ...], ...] = ()  # before an explanation, a likeness: "numb like after the dentist"
    comparison_between: frozenset[str] = frozenset()  # between the likeness and it: "like I've run a marathon"
    animals: frozenset[str] = frozenset()  # an animal told of is not the person: "the dog is panting"
    # after a warning sign told as over, besides a negation, a word that says it is not: "still not back to normal"
    still_there: frozenset[str] = frozenset()
    # before a function said to be normal, words that say it fails all the same: "I can't walk fine"
    normal_denied: frozenset[str] = frozenset()
    # ... and words that tell it as it was before: "my legs were fine on Friday"
    normal_then: frozenset[str] = frozenset()
    over_all: frozenset[str] = frozenset()  # an over-word said of every finding before it: "but it all went away"
    cause_ends: frozenset[str] = frozenset()  # ends an everyday cause's reach: "in the choir without running out of"
    animal_openers: frozenset[str] = frozenset()  # before an animal opening its sentence: "my", "the"
    needs_without: tuple[tuple[str, ...], ...] = ()  # before "without", what it takes: "can't eat without choking"
    past_span_units: frozenset[str] = frozenset()  # after a past cue, a span up to now: "the past two weeks"
    # before a past cue ending on a unit, a span up to now: "over the last year"
    past_span_before: tuple[tuple[str, ...], ...] = ()
    past_compared: frozenset[str] = frozenset()  # before a past cue, a comparison with it: "weaker than last year"
    # an infection that goes on once caught, dated by its diagnosis: "diagnosed with HIV a few years back"
    lasting_infections: tuple[tuple[str, ...], ...] = ()
    past_again: frozenset[str] = frozenset()  # after an event's past cue, dated anew: "years ago and again last week"
    told_of_body: tuple[tuple[str, ...], ...] = ()  # a finding only of a person or a part, not "my wifi got weaker"
    told_of_links: frozenset[str] = frozenset()  # between such words and their subject: "got", "is", "even"
    people: frozenset[str] = frozenset()  # a person named by no family word: "the lad", "a man"
    stories: tuple[tuple[str, ...], ...] = ()  # a story's opening: "in the film the guy couldn't breathe"
    stopped_cues: frozenset[str] = frozenset()  # a function told as stopped is a warning: "he's not breathing"
    stopped_breathing: tuple[tuple[str, ...], ...] = ()
    stopped_responding: tuple[tuple[str, ...], ...] = ()
    stopped_after: frozenset[str] = frozenset()
    stopped_until: frozenset[str] = frozenset()  # what else may follow: when or why ("not breathing after he fell")
