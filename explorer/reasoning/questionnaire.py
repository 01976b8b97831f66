"""The adaptive questionnaire's logic, with no input or output of its own (the CLI's `ask` does that).

Which question comes next is decided by the rules: for every suggested condition the engine's question
rules declare the findings it would like to know about (WantToKnow facts). Each candidate is tried both
ways, yes and no; one whose answer cannot change the picture (the red flags, and the ranked suggestions
with their strengths) is never asked, and when no candidate is left the questionnaire is done. The
others are ranked by

    weight (see score_candidates) + 2 x suggested conditions whose strength or place an answer changes

ties broken by label, so the same answers always lead to the same question. Two rules come before that
score: a finding that raises a red flag on its own (an urgent feature of a suggested condition, such as
trouble breathing for Guillain-Barré syndrome) is asked before any other, highest urgency level first;
and when no rule wants anything, the article's core nerve symptoms are asked, so that a single finding
never ends the questionnaire at once.
"""

import functools
from dataclasses import dataclass, field

from ..knowledge.catalog import rules_for
from ..knowledge.records import STRENGTHS, KnowledgeBase, Source, Symptom
from ..language.time_course import course_findings
from ..limits import MAX_QUESTION_CANDIDATES, QUESTION_WORK
from .explore import Explored, explore_inference
from .result import Result
from .trials import Picture, Trials
from .urgent_questions import urgency_rank, urgent_findings

ANSWERS = ("yes", "no", "unsure")
ROLE_WEIGHT = {"hallmark": 3, "typical": 2, "possible": 1}
RULE_WEIGHT = 2  # a finding a suggestion rule names weighs like a typical one...
PATTERN_WEIGHT = 1  # ...and one that only feeds a pattern the rule names, like a possible one


@dataclass(frozen=True)
class Reason:
    """Why one suggested condition wants a finding: the rules that name it and the card links to it."""

    condition_id: str
    condition_name: str
    rules: tuple[str, ...]
    links: tuple[Source, ...]


@dataclass(frozen=True)
class Question:
    finding: Symptom
    reasons: tuple[Reason, ...]  # one per suggested condition that wants to know, best ranked first
    score: float
    others: tuple[str, ...] = ()  # names of the suggested conditions this finding is not part of
    # A choice question (onset, spread or symmetry: "When did it start?"): pick one; ``finding`` is the first choice.
    choices: tuple[Symptom, ...] = ()
    wording: str = ""
    about: str = ""  # what the choice's answer is about ("How fast it came"), from the ask entry's `why`
    separates: tuple[str, ...] = ()  # names of the conditions that lead, for one value or another
    shown: tuple[str, ...] = ()  # the words each choice is shown in, in the order of ``choices``

    def why(self) -> str:
        """For a choice question: which suggestions it tells apart, and how."""
        names = ", ".join(self.separates[:-1]) + f" and {self.separates[-1]}" if self.separates else ""
        return f"{self.about} tells {names} apart: the answer changes which comes first or how strongly each fits."

    @property
    def text(self) -> str:
        if self.choices:
            return self.wording
        if self.finding.kind == "history":
            return f"Does this apply: {self.finding.label.lower()}?"
        return f"Have you noticed this: {self.finding.label.lower()}?"


@dataclass(frozen=True)
class Answer:
    finding: str  # finding id
    answer: str  # "yes", "no" or "unsure" (skipped questions are saved as unsure)
    entered: bool = False  # typed in freely rather than asked


@dataclass
class Questionnaire:
    """The answers so far, and what to ask next. ``answers`` is in the order given; ``back`` undoes."""

    kb: KnowledgeBase
    answers: list = field(default_factory=list)
    _last: tuple | None = field(default=None, repr=False, compare=False)

    # -- state ------------------------------------------------------------------------------------------
    def known(self) -> set:
        return {a.finding for a in self.answers}

    def present(self) -> list[str]:
        return [a.finding for a in self.answers if a.answer == "yes"]

    def absent(self) -> list[str]:
        return [a.finding for a in self.answers if a.answer == "no"]

    def unsure(self) -> list[str]:
        return [a.finding for a in self.answers if a.answer == "unsure"]

    def record(self, finding: str, answer: str, entered: bool = False) -> bool:
        """Record an answer; returns False if that finding was already answered (nothing changes)."""
        if answer not in ANSWERS:
            raise ValueError(f"answer must be one of {ANSWERS}")
        if finding in self.known():
            return False
        self.answers.append(Answer(finding, answer, entered))
        return True

    def back(self) -> Answer | None:
        """Undo the last answer to a question; returns it, or None when the last answer is none (nothing
        yet, or a finding the person typed: going back to a question never takes back what they typed)."""
        return self.answers.pop() if self.answers and not self.answers[-1].entered else None

    # -- reasoning --------------------------------------------------------------------------------------
    def result(self) -> Result:
        return self._run().result

    def _run(self) -> Explored:
        # The ask loop wants the result after each answer and again to pick the next question: run once
        # per set of answers.
        key = tuple(self.answers)
        if self._last is None or self._last[0] != key:
            self._last = (key, self._explore())
        return self._last[1]

    def _explore(self) -> Explored:
        return explore_inference(
            self._labels(self.present()),
            self._labels(self.absent()),
            self.kb,
            questions=question_map(self.kb),
            asked=self.unsure(),
        )

    def next_question(self, exhaustive: bool = False, choices: bool = False) -> Question | None:
        """The most useful question now, or None when no answer would change the picture.

        A candidate is tried (yes and no) only while it could still beat the best so far: with its urgency
        rank, its score plus 2 for every current suggestion is the most it can reach. ``exhaustive`` tries
        every candidate through explore() instead, the straightforward way the tests compare against.
        ``choices``: a time course question (course_question) may come first, after any urgent one."""
        run = self._run()
        result, inference = run.result, run.inference
        current = picture(result)
        trials = Trials(self.kb, self.present(), self.absent(), base=self._same_findings(result, inference))
        if exhaustive:
            effect = functools.partial(self._effect, current=current)
        else:
            effect = functools.partial(_effect, trials, current=current)
        best = None
        scored = _scored(self.kb, result, inference.wants) if result.suggestions else []
        # Only the best candidates are tried both ways (fewer for a large rule set), so no knowledge folder
        # can make choosing a question explode; urgent questions always come first among those tried.
        tried = max(8, min(MAX_QUESTION_CANDIDATES, QUESTION_WORK // max(len(self.kb.rules), 1)))
        basis = question_basis(self.kb)
        urgent = urgent_findings(self.kb)  # urgency_rank reads the reasons of these findings only
        kb, last = self.kb, len(self.kb.urgency_levels)  # last: urgency_rank of a finding not urgent
        scored.sort(key=lambda c: urgency_rank(kb, c[2], _reasons_of(kb, result, c), basis) if c[2] in urgent else last)
        # Questions are made only for the candidates tried (a large rule set wants hundreds of findings).
        for question in (_question(self.kb, result, c) for c in scored[:tried]):
            first = urgency_rank(self.kb, question.finding.id, question.reasons, basis)
            if not exhaustive and best is not None and _rank_key(first, question, len(current.suggestions)) >= best[0]:
                continue  # even changing every suggestion it could not come first
            changes_picture, changed = effect(question.finding.id)
            if changes_picture and (best is None or _rank_key(first, question, changed) < best[0]):
                best = (_rank_key(first, question, changed), question)  # on a tie the earlier candidate stays
        # After urgent questions, before the yes/no ones: worked out only when no urgent question came first.
        if choices and (best is None or best[0][0] == len(self.kb.urgency_levels)):
            choice = course_question(self, result, trials)
            if choice:
                return choice
        if best:
            return best[1]
        return self._core_question(effect)

    def _same_findings(self, result: Result, inference):
        """``inference`` when the run behind ``result`` read exactly the answers' findings (the labels it
        was given name them), else None: the trials then run the current answers themselves."""
        read = {r.symptom.id for r in result.recognized}, {r.symptom.id for r in result.absent}
        same = read == (set(self.present()), set(self.absent())) and not result.conflicting
        return inference if same else None

    def _core_question(self, effect) -> Question | None:
        """The first core nerve symptom not yet answered whose answer would change the picture."""
        for finding in self.kb.core_findings:
            if finding in self.kb.symptoms and finding not in self.known() and effect(finding)[0]:
                return Question(self.kb.symptoms[finding], (), 0.0)
        return None

    def _effect(self, finding: str, current) -> tuple[bool, int]:
        """Whether a yes or a no would change the picture at all, and how many of the currently
        suggested conditions would change strength or place (conditions that would newly appear do not
        count: the question is there to tell the current ones apart). Through explore(), for comparison;
        next_question uses the module's _effect."""
        trials = []
        for answer in ("yes", "no"):
            present = self.present() + ([finding] if answer == "yes" else [])
            absent = self.absent() + ([finding] if answer == "no" else [])
            trials.append(picture(explore_inference(self._labels(present), self._labels(absent), self.kb).result))
        return _compare(current, trials)

    def _labels(self, finding_ids) -> list[str]:
        # Labels, not ids, go to explore(): they resolve to the same findings and read well in the output.
        return [self.kb.symptoms[f].label for f in finding_ids]

    def as_case(self, case_id: str = "questionnaire") -> dict:
        """The answers as a batch case (also what --save writes and --answers reads)."""
        case = {"id": case_id, "symptoms": self.present(), "absent": self.absent()}
        if self.unsure():
            case["unsure"] = self.unsure()
        return case


def _rank_key(first: int, question: Question, changed: int) -> tuple:
    """Lower is better: urgent features first (``first``, see urgent_questions.py), then score plus 2 for
    each current suggestion the answer changes, then the label."""
    return first, -(question.score + 2 * changed), question.finding.label.lower()


def asked_as_urgent(kb: KnowledgeBase, question: Question) -> str | None:
    """The urgency level a yes to ``question`` raises on its own when that is why it comes before every
    other question (see urgent_questions.py), else None: what "why" says first."""
    if question.choices:
        return None
    rank = urgency_rank(kb, question.finding.id, question.reasons, question_basis(kb))
    return kb.urgency_levels[rank] if rank < len(kb.urgency_levels) else None


def _effect(trials: Trials, finding: str, current: Picture) -> tuple[bool, int]:
    """Questionnaire._effect, computed from engine runs on finding ids (see trials.py)."""
    return _compare(current, [trials.picture(finding, answer) for answer in ("yes", "no")])


def _compare(current: Picture, trials: list[Picture]) -> tuple[bool, int]:
    changes_picture, changed = False, set()
    for trial in trials:
        changes_picture = changes_picture or trial != current
        place = {c: (i, strength) for i, (c, strength) in enumerate(trial.suggestions)}
        changed |= {c for i, (c, strength) in enumerate(current.suggestions) if place.get(c) != (i, strength)}
    return changes_picture, len(changed)


def picture(result: Result) -> Picture:
    """What the person is shown: red flags, and the ranked suggestions with their strengths."""
    return Picture(
        red_flags=tuple(f.id for f in result.red_flags),
        suggestions=tuple((s.condition.id, s.strength) for s in result.suggestions),
    )


def score_candidates(kb: KnowledgeBase, result: Result, wants) -> list[Question]:
    """Questions for every finding the engine wants to know about, best first.

    A finding scores, for each suggested condition that wants it, the condition's strength (strong 3,
    moderate 2, weak 1) times the finding's weight for it (hallmark 3, typical 2, possible 1; named by a
    suggestion rule 2, or 1 when it only feeds a pattern the rule names). A finding every suggested
    condition wants cannot tell them apart, so it counts a third when more than one is suggested.
    """
    return [_question(kb, result, candidate) for candidate in _scored(kb, result, wants)]


def _scored(kb: KnowledgeBase, result: Result, wants) -> list[tuple]:
    """score_candidates' candidates, in its order, before they are made Questions: (score, finding label
    in lower case, finding id, ids of the conditions that want it). Their reasons are made only for the
    candidates that need them (_reasons_of)."""
    basis = question_basis(kb)
    suggested = {s.condition.id for s in result.suggestions}
    wanted: dict = {}
    for finding, condition_id in wants:
        if condition_id in suggested:
            wanted.setdefault(finding, set()).add(condition_id)
    strength = {s.condition.id: STRENGTHS.index(s.strength) + 1 for s in result.suggestions}
    many, symptoms = len(suggested) > 1, kb.symptoms
    out = []
    for finding, conditions in wanted.items():
        # Whole numbers (strength 1-3 times weight 1-3), so the sum is exact in any order.
        score = 0.0
        for condition_id in conditions:
            score += strength[condition_id] * basis[(condition_id, finding)][2]
        if many and len(conditions) == len(suggested):
            score /= 3
        out.append((score, symptoms[finding].label.lower(), finding, conditions))
    out.sort(key=lambda c: (-c[0], c[1]))
    return out


def _reasons_of(kb: KnowledgeBase, result: Result, candidate: tuple) -> tuple:
    """The Reasons of one of _scored's candidates, best ranked condition first."""
    _, _, finding, conditions = candidate
    basis, known = question_basis(kb), _reasons(kb)
    reasons = []
    for s in result.suggestions:  # in rank order
        condition_id = s.condition.id
        if condition_id not in conditions:
            continue
        reason = known.get((condition_id, finding))
        if reason is None:
            rules, links, _ = basis[(condition_id, finding)]
            reason = known[(condition_id, finding)] = Reason(condition_id, s.condition.name, rules, links)
        reasons.append(reason)
    return tuple(reasons)


def _question(kb: KnowledgeBase, result: Result, candidate: tuple) -> Question:
    """The Question of one of _scored's candidates."""
    score, _, finding, conditions = candidate
    others = tuple(s.condition.name for s in result.suggestions if s.condition.id not in conditions)
    return Question(kb.symptoms[finding], _reasons_of(kb, result, candidate), score, others)


@functools.lru_cache(maxsize=8)
def _reasons(kb: KnowledgeBase) -> dict:
    return {}  # (condition id, finding id) -> its Reason, made once (a Reason holds only what the base says)


@functools.lru_cache(maxsize=8)
def question_basis(kb: KnowledgeBase) -> dict:
    """(condition id, finding id) -> (rules naming the finding, card links to it, weight), for every
    finding worth asking about once the condition is suggested: its card links, and the reported
    findings its suggestion rules rest on (patterns expanded into the findings that infer them). Only the
    hand-written links and rules: the generated annotation ones (lab results, scans, rare signs by the
    hundred) count as evidence when entered, but are not asked about."""
    leaves = _pattern_leaves(kb)
    basis: dict = {}
    for condition in kb.conditions.values():
        entries: dict = {}
        for link in (link for link in condition.links if not link.group):
            entry = entries.setdefault(link.symptom, ([], [], 0))
            entries[link.symptom] = (entry[0], entry[1] + [link.source], max(entry[2], ROLE_WEIGHT[link.role]))
        for rule in (rule for rule in rules_for(kb, condition.id) if not rule.group):
            for ref in rule.all + rule.any:
                weight = PATTERN_WEIGHT if ref in leaves else RULE_WEIGHT
                for finding in leaves.get(ref, {ref}):
                    entry = entries.setdefault(finding, ([], [], 0))
                    entries[finding] = (entry[0] + [rule.id], entry[1], max(entry[2], weight))
        for finding, (rules, links, weight) in entries.items():
            if kb.symptoms.get(finding) and kb.symptoms[finding].kind == "course":
                continue  # a time course value is one answer of a choice question, not a yes or no
            basis[(condition.id, finding)] = (tuple(dict.fromkeys(rules)), tuple(dict.fromkeys(links)), weight)
    return basis


@functools.lru_cache(maxsize=8)
def question_map(kb: KnowledgeBase) -> dict:
    """condition id -> findings worth asking about, the shape the engine's question rules are built from.
    Cached, so the questionnaire engine is built once per knowledge base."""
    out: dict = {}
    for condition_id, finding in sorted(question_basis(kb)):
        out.setdefault(condition_id, []).append(finding)
    return {k: tuple(v) for k, v in out.items()}


def _pattern_leaves(kb: KnowledgeBase) -> dict:
    """pattern id -> the reported findings that can infer it, through any chain of pattern rules."""
    direct: dict = {}
    for rule in kb.rules:
        if rule.conclusion == "infer":
            direct.setdefault(rule.target, set()).update(rule.all + rule.any)

    # Each pattern is expanded once (memoized, without recursion): dense links stay linear.
    leaves: dict = {}
    for pattern in sorted(kb.patterns):
        stack = [pattern]
        while stack:
            ref = stack[-1]
            waiting = [p for p in direct.get(ref, ()) if p not in kb.symptoms and p not in leaves and p not in stack]
            if waiting:
                stack.extend(waiting)
                continue
            stack.pop()
            found = {p for p in direct.get(ref, ()) if p in kb.symptoms}
            for part in direct.get(ref, ()):
                found |= leaves.get(part, set())
            leaves[ref] = found
    return {pattern: leaves[pattern] for pattern in kb.patterns}


def course_question(session: Questionnaire, result: Result, trials: Trials | None = None) -> Question | None:
    """A time course choice question (data/time_course.yaml ``ask``: the onset, the spread, the symmetry)
    for a dimension no answer or finding gives yet, when its values would tell the leading suggestions
    apart: the first two come out in another order or with other strengths depending on the value chosen.
    Each value is tried as the yes/no candidates are (``trials``: the rules' replayed run, no engine run when
    it can follow them). Of the dimensions that qualify, the one whose values change the standing of more of
    the leading two is asked; on a tie, the one listed first."""
    if len(result.suggestions) < 2:
        return None
    trials = trials or Trials(session.kb, session.present(), session.absent())
    words = session.kb.time_course
    why, shown = dict(words.ask_why), dict(words.choice_words)
    current = picture(result).suggestions[:2]
    best: tuple[int, Question] | None = None
    for dimension, wording in words.ask:
        if best is not None and best[0] == len(current):
            break  # no later dimension can change the standing of more of the leading two
        values = tuple(s for s in course_findings(session.kb) if s.system == dimension)
        if not values or _dimension_given(session, values):
            continue
        leads = {trials.picture(value.id, "yes").suggestions[:2] for value in values}
        changed = {entry[0] for i, entry in enumerate(current) if any(lead[i : i + 1] != (entry,) for lead in leads)}
        if len(leads) > 1 and (best is None or len(changed) > best[0]):
            ids = dict.fromkeys([c for c, _ in current] + [c for lead in sorted(leads) for c, _ in lead])
            question = Question(
                values[0],
                (),
                0.0,
                choices=values,
                wording=wording,
                about=why.get(dimension, ""),
                separates=tuple(session.kb.conditions[c].name for c in ids),
                shown=tuple(shown.get(v.id, v.label.split(": ", 1)[-1]) for v in values),
            )
            best = (len(changed), question)
    return best[1] if best else None


def _dimension_given(session: Questionnaire, values: tuple[Symptom, ...]) -> bool:
    """Whether an answer gives one of ``values``, or a finding present says one in its own name
    (``said_by``: "weakness on one side" says the symmetry)."""
    ids = {v.id for v in values}
    said = {by for value, by in session.kb.time_course.said_by if value in ids}
    return bool(session.known() & ids or said & set(session.present()))
