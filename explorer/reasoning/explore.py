"""explore(): findings in, a Result out. Resolves the words, runs the engine, ranks the suggestions."""

import functools
from itertools import repeat

from ..errors import InputError
from ..knowledge.disclaimer import DISCLAIMER
from ..knowledge.loader import load_knowledge
from ..knowledge.records import KnowledgeBase
from ..language import time_course
from ..language.parser import parse
from ..limits import MAX_FINDINGS, MAX_TEXT_CHARS, findings_problem
from ..records import record
from .engine import Inference, engine_for
from .ranking import rank_suggestions
from .result import Conflict, InferredPattern, Recognized, RedFlag, Result, TraceStep, Unrecognized


def explore(present=(), absent=(), kb: KnowledgeBase | None = None, steps: bool = False) -> Result:
    """Suggest related conditions to read about for the findings ``present`` (and those reported ``absent``).

    Each item is free text, read by the parser: one finding ("pins and needles", "Xerostomia", "history of
    diabetes") or a whole sentence ("tingling in my feet but no dry mouth"); findings it names as negated
    count as absent. A single string is one text. Raises InputError when no finding at all is given.
    ``steps``: also record what the engine's agenda and working memory held before each firing
    (``Result.steps``, for teaching).
    """
    present, absent = checked_findings(present, absent)
    if not present and not absent:
        raise InputError("no findings given: name at least one symptom or history item")
    return _inference(present, absent, kb or load_knowledge(), record=steps).result


def unused_findings(result: Result, given=()) -> str:
    """The findings of an unusable or partial ``result``, each named for a one-line message: those not
    understood (with any did-you-mean) and those given both as present and as absent. When there are
    none, every text in ``given`` (the case's own findings) was read as naming no finding ("...",
    "the"), so those are named instead: the message never ends with an empty list."""
    named = [
        f'"{u.input}"' + (f" (did you mean: {', '.join(s.label for s in u.did_you_mean)}?)" if u.did_you_mean else "")
        for u in result.unrecognized
    ]
    named += [f"{c.symptom.label} (given as present and as absent)" for c in result.conflicting]
    texts = [text for text in given if text.strip()]  # blank ones were never read (checked_findings)
    them = "it" if len(texts) == 1 else "them"
    return "; ".join(named) or ", ".join(f'"{text}"' for text in texts) + f" (nothing in {them} names a finding)"


@record
class Explored:
    """A Result with the engine run behind it (the questionnaire reads what its question rules want)."""

    result: Result
    inference: Inference


def checked_findings(present, absent) -> tuple[list[str], list[str]]:
    """The findings as lists of texts (blank ones dropped); InputError when they are not text or break a limit
    (too many, too long, not valid text: see explorer/limits.py), so no argument can hang a run."""
    present, absent = _texts(present), _texts(absent)
    problem = findings_problem(present, absent)
    if problem:
        raise InputError(problem)
    return present, absent


def _texts(values) -> list[str]:
    if isinstance(values, str):
        values = [values]
    try:
        values = list(values)
    except TypeError:
        raise InputError("findings must be given as text or a list of texts") from None
    # The loops over the texts run in C (map, filter): every query of every caller comes through here.
    if not all(map(isinstance, values, repeat(str))):
        raise InputError("findings must be given as text or a list of texts")
    # Before any reading, so a huge input is refused without work.
    if len(values) > MAX_FINDINGS:
        raise InputError(f"{len(values)} findings, over the limit of {MAX_FINDINGS} findings per case")
    total = sum(map(len, values))
    if total > MAX_TEXT_CHARS:
        raise InputError(f"{total:,} characters of findings, over the limit of {MAX_TEXT_CHARS:,} per case")
    return list(filter(str.strip, values))


def explore_inference(
    present, absent, kb: KnowledgeBase, questions: dict | None = None, asked=(), record=False
) -> Explored:
    """explore(), also returning the engine's Inference; with ``questions``, the engine's question rules
    run too and ``asked`` names findings not to ask about again (the questionnaire uses this)."""
    return _inference(_texts(present), _texts(absent), kb, questions, asked, record)


def _inference(present: list, absent: list, kb: KnowledgeBase, questions=None, asked=(), record=False) -> Explored:
    """explore_inference for findings already checked (lists of texts)."""
    said_present: list = []  # Mentions
    said_absent: list = []
    leftovers: set[tuple] = set()
    entered: set[str] = set()  # time course values given on their own ("Onset: chronic"), not read in a story
    for texts, given_absent in ((present, False), (absent, True)):
        for text in texts:
            reading = parse(text, kb)
            if len(reading.mentions) == 1 and reading.mentions[0].symptom.kind == "course":
                entered.add(reading.mentions[0].symptom.id)
            for mention in reading.mentions:
                (said_absent if given_absent or not mention.present else said_present).append(mention)
            if reading.leftovers:
                leftovers.update(
                    (x.text, x.did_you_mean, x.condition, x.cue, x.past, x.someone_else, x.maybe, x.explained)
                    for x in reading.leftovers
                )
    said_present = time_course.settled(said_present, entered, kb)  # one onset, one symmetry
    said_present, theirs = _theirs(said_present, leftovers)
    present_ids = {m.symptom.id for m in said_present}
    absent_ids = {m.symptom.id for m in said_absent}
    clash = present_ids & absent_ids
    conflicting: tuple = ()
    if clash:
        conflicting = tuple(
            Conflict(kb.symptoms[i], tuple(sorted({m.text for m in said_present + said_absent if m.symptom.id == i})))
            for i in sorted(clash)
        )
        present_ids -= clash
        absent_ids -= clash
    # A past episode that is over ("double vision years ago, it went away") is absent now and shown so, but
    # it is no evidence against a condition: an episode that came and went is how some of them run.
    weighed = absent_ids - _only_past(said_absent) if said_absent else absent_ids
    inference = engine_for(kb, questions).run(present_ids, weighed, asked, record=record)
    # Every field by position, in Result's order (a record made by keyword takes a slower path).
    result = Result(
        _recognized(said_present, present_ids),
        tuple(
            Unrecognized(*u)
            for u in sorted(leftovers, key=lambda u: (u[0].lower(), u[0], u[3] or "", u[4] or "", u[5] or ""))
        ),
        _recognized(said_absent, absent_ids),
        conflicting,
        _with_their_flags(kb, _red_flags(kb, inference), theirs - present_ids),
        _patterns(kb, inference),
        rank_suggestions(kb, inference, present_ids, weighed, frozenset(clash)),
        _trace(kb, inference),
        DISCLAIMER,
        tuple(inference.engine_steps),
        kb.pack,
    )
    return Explored(result, inference)


def _only_past(said_absent: list) -> set[str]:
    """Ids of findings said absent only as past episodes (every mention of them carries a past cue)."""
    past = {m.symptom.id for m in said_absent if m.past}
    return past - {m.symptom.id for m in said_absent if not m.past}


def _theirs(said_present: list, leftovers: set) -> tuple[list, set]:
    """Warning signs said of someone else ("my husband can't breathe") are not the person's findings: they
    are reported as someone else's (added to ``leftovers``) and their ids returned, so their warnings are
    raised on their own."""
    theirs = [m for m in said_present if m.someone_else]
    if not theirs:  # the usual case: every finding is the person's own
        return said_present, set()
    for m in theirs:
        leftovers.add((m.text, (m.symptom,), None, None, None, m.someone_else, (), None))
    return [m for m in said_present if not m.someone_else], {m.symptom.id for m in theirs}


def _with_their_flags(kb, flags: tuple, theirs: set) -> tuple:
    """The person's red flags and those of warning signs said of someone else, each flag once."""
    if not theirs:
        return flags
    own = {f.id for f in flags}
    extra = [f for f in _red_flags(kb, engine_for(kb, None).run(theirs, set(), ())) if f.id not in own]
    return tuple(sorted((*flags, *extra), key=lambda f: (kb.urgency_levels.index(f.level), f.id)))


def _recognized(mentions, kept_ids) -> tuple:
    # Sorted by label then input, so the output does not depend on the order findings were typed in.
    items: dict = {}
    for m in mentions:
        if m.symptom.id in kept_ids:
            items.setdefault((m.symptom.label.lower(), m.text, m.symptom.id), m)
    return tuple(map(_recognized_as, map(items.__getitem__, sorted(items))))


def _recognized_as(mention):
    """Recognized(text, symptom, mention), made once per mention: the parser remembers its readings of
    short texts, so the same Mention comes back whenever a text is read again, and a record is costly to
    make. Kept by the mention's id with the mention itself (an id is reused only once its object is gone)."""
    kept = _RECOGNIZED.get(id(mention))
    if kept is not None and kept[0] is mention:
        return kept[1]
    if len(_RECOGNIZED) >= _RECOGNIZED_KEPT:
        _RECOGNIZED.clear()
    made = Recognized(mention.text, mention.symptom, mention)
    _RECOGNIZED[id(mention)] = (mention, made)
    return made


_RECOGNIZED: dict = {}  # id(mention) -> (the mention, its Recognized)
_RECOGNIZED_KEPT = 4096


def _because(kb, inference: Inference, fired):
    ids = set()
    for step in fired:
        for finding in step.matched_present:
            ids |= inference.support.get(finding, {finding})
    return tuple(sorted((kb.symptoms[i] for i in ids), key=lambda s: s.label.lower()))


def _grouped(inference: Inference, conclusion: str) -> dict:
    groups: dict = {}
    for step in inference.steps:
        if step.conclusion == conclusion:
            groups.setdefault(step.target, []).append(step)
    return groups


def _red_flags(kb, inference) -> tuple:
    """The raised red flags, highest urgency level first, then by id."""
    flags = []
    for flag_id, fired in _grouped(inference, "red_flag").items():
        flag = kb.red_flags[flag_id]
        because = _because(kb, inference, fired)
        rules = tuple(s.rule for s in fired)
        flags.append(RedFlag(flag.id, flag.message, because, rules, flag.sources, flag.level, flag.action, flag.title))
    return tuple(sorted(flags, key=lambda f: (kb.urgency_levels.index(f.level), f.id)))


def _patterns(kb, inference) -> tuple:
    return tuple(
        InferredPattern(kb.patterns[p], _because(kb, inference, fired), tuple(s.rule for s in fired))
        for p, fired in sorted(_grouped(inference, "infer").items())
    )


def _trace(kb, inference) -> tuple:
    label, known, made = kb.label, _rule_parts(kb), _trace_steps(kb)
    out = []
    for s in inference.steps:
        # A TraceStep is a frozen record of 14 fields, costly to make: one is made per firing (its number,
        # rule and what it matched; the rest follows from the rule) and then shared.
        key = (s.number, s.rule, s.matched_present, s.matched_absent)
        step = made.get(key)
        if step is not None:
            out.append(step)
            continue
        if len(made) >= _TRACE_STEPS_KEPT:
            made.clear()
        parts = known.get(s.rule) or _parts_of(kb, s.rule, known)
        explanation, sources, target_label, group, from_pack = parts
        # By position: a record made by keyword takes a slower path, and a query makes one per firing.
        step = made[key] = TraceStep(
            s.number,
            s.rule,
            s.salience,
            s.matched_present,
            s.matched_absent,
            s.conclusion,
            s.target,
            explanation,
            sources,
            tuple(map(label, s.matched_present)),
            tuple(map(label, s.matched_absent)),
            target_label,
            group,
            from_pack,
        )
        out.append(step)
    return tuple(out)


_TRACE_STEPS_KEPT = 4096  # trace steps kept per knowledge base for reuse


@functools.lru_cache(maxsize=8)
def _trace_steps(kb: KnowledgeBase) -> dict:
    return {}  # (number, rule id, matched present, matched absent) -> its TraceStep, filled as rules fire


@functools.lru_cache(maxsize=8)
def _rule_parts(kb: KnowledgeBase) -> dict:
    return {}  # rule id -> _parts_of the rule, filled as rules fire


def _parts_of(kb: KnowledgeBase, rule_id: str, known: dict) -> tuple:
    """What a trace step of a rule says whatever it matched: its explanation, sources, the label of its
    target, its group and whether it is from a rule pack."""
    rule = kb.rule_index[rule_id]
    if rule.conclusion == "infer":
        target = kb.patterns[rule.target].label
    elif rule.conclusion == "suggest":
        target = kb.conditions[rule.target].name
    else:
        target = rule.target
    known[rule_id] = parts = (rule.explanation, rule.sources, target, rule.group, rule.from_pack)
    return parts
