"""How suggestions are ranked; the README's "How strength is decided" describes exactly this.

1. A condition is suggested only when at least one of its suggestion rules fired.
2. Its evidence score (weighing.py) weighs each entered finding by how often the condition shows it
   against how often our conditions show it, takes a little off for findings it does not link, and
   counts findings it shows very often, reported absent, against it; a time course value of a one-value
   dimension (onset, symmetry) rules the other values out, which count the same way without being shown as
   reported ("chronic" weighs against a condition whose hallmark is an acute onset). The score earns a word
   (weighing.word); one finding alone is never more than weak.
3. ``limited``: the strongest fired rule claims more than the present findings earn ("the findings so far earn no
   stronger"); ``lowered``: the findings reported absent took the word down.
4. Suggestions are ordered by word, then by score, then by fewer findings against, then by more rules
   fired, then by name, so ties are broken the same way every time.
"""

import functools
from operator import attrgetter, itemgetter
from typing import NamedTuple

from ..knowledge.records import LINK_ROLES, STRENGTHS, Condition, KnowledgeBase, Source
from .engine import Inference
from .result import Evidence, Suggestion
from .weighing import weights_for, word


def rank_suggestions(
    kb: KnowledgeBase, inference: Inference, present: set, absent: set, conflicting: frozenset = frozenset()
) -> tuple:
    rules, first_of = kb.rule_index, _precedence(kb)
    drafts = []
    for a in _assessments(kb, inference, present, absent, conflicting):
        view = a.view
        supporting = view.evidence(a.supporting, a.behind_rule)
        best = max(a.fired_ids, key=first_of.__getitem__)  # the strongest claim, then the first in the files
        # Suggestion's fields after its rank, by position (a record made by keyword takes a slower path).
        fields = (
            a.condition,
            STRENGTHS[a.level],
            supporting,
            view.missing(present, absent),
            view.evidence(a.against, {}),
            rules[best].explanation,
            a.fired_ids,
            view.sources(rules, a.fired_ids, supporting, a.supporting),
            a.lowered,
            a.limited,
        )
        drafts.append((a.key, fields))
    drafts.sort(key=_first_of_draft)
    return tuple(Suggestion(i, *fields) for i, (_, fields) in enumerate(drafts, start=1))


def ranked_strengths(kb: KnowledgeBase, inference: Inference, present: set, absent: set, keep: bool = False) -> tuple:
    """(sort key, condition id, strength) of rank_suggestions' suggestions, in its order, without building
    their evidence (the questionnaire's trials need only this; the key holds everything the order and
    the strength were decided on). ``keep``: the run will be ranked again with other answers (see _fired)."""
    ranked = sorted(_assessments(kb, inference, present, absent, keep=keep), key=_key)
    return tuple((a.key, a.condition.id, STRENGTHS[a.level]) for a in ranked)


class _Assessment(NamedTuple):
    """What rank_suggestions decides for one suggested condition before writing it out, by finding ids (a
    trial makes many, and a named tuple is as cheap to make and read as a plain one)."""

    key: tuple  # the sort key: see the module docstring, point 4
    condition: Condition
    level: int  # the strength's index in STRENGTHS
    limited: bool  # the strongest fired rule claims more than the present findings earn
    lowered: bool  # findings reported absent took the word down
    fired_ids: tuple  # the ids of the rules fired
    behind_rule: dict  # reported finding id -> the rules it stands behind
    supporting: set  # the supporting finding ids
    against: set  # the finding ids against
    view: "_View"  # the condition's _View


# Made straight from its fields' tuple: the class's own __new__ is a Python call, which a trial would pay per condition.
_new_assessment = tuple.__new__
_key = attrgetter("key")  # an assessment's sort key
_first_of_draft = itemgetter(0)  # a draft's sort key


def _assessments(
    kb: KnowledgeBase,
    inference: Inference,
    present: set,
    absent: set,
    conflicting: frozenset = frozenset(),
    keep: bool = False,
) -> list[_Assessment]:
    """The _Assessment of each suggested condition, in firing order. ``keep``: see _fired."""
    weights, course = weights_for(kb), _course_ids(kb)
    ruled_out = _ruled_out(kb, present)
    weighed = absent | ruled_out if ruled_out else absent
    # Sorted once for every condition's score (weighing.Weights.score_sorted).
    in_order, weighed_in_order, conflicting_in_order = sorted(present), sorted(weighed), sorted(conflicting)
    ruled_out_in_order = sorted(ruled_out)
    out = []
    for condition, view, behind_rule, claimed, fired_ids in _fired(kb, inference, keep):
        links = view.links
        supporting = (links.keys() & present) | behind_rule.keys()
        against = links.keys() & absent
        score, for_present = weights.score_sorted(
            condition.id, in_order, weighed_in_order, behind_rule, conflicting_in_order
        )
        if ruled_out:  # what the present findings earn counts what they rule out; answers "no" come on top
            for_present = weights.score_sorted(
                condition.id, in_order, ruled_out_in_order, behind_rule, conflicting_in_order
            )[0]
        # A time course value says how a finding came, not another finding: "numbness for years" is one finding.
        findings = len(supporting - course)
        level, unanswered = word(score, findings), word(for_present, findings)
        limited = unanswered < claimed  # the rules' picture would allow more than the findings entered give
        lowered = level < unanswered  # findings the condition shows very often were reported absent
        key = (-level, -score, len(against), -len(fired_ids), view.sort_name)
        fields = (key, condition, level, limited, lowered, fired_ids, behind_rule, supporting, against, view)
        out.append(_new_assessment(_Assessment, fields))
    return out


def _fired(kb: KnowledgeBase, inference: Inference, keep: bool) -> list:
    """Per suggested condition, what the run alone decides: (condition, its _View, reported finding id
    -> the rules it stands behind, the strongest strength a fired rule claims, the ids of the rules
    fired). The questionnaire ranks its current answers' run again and again with other answers (a trial
    whose answer changes no conclusion reuses it), so with ``keep`` the last runs' are kept, each with its
    run (an id is reused only once its object is gone). explore() and a trial's own run rank a run once:
    keeping those would only keep them alive for the collector to walk."""
    kept = _FIRED.get(id(inference))
    if kept is not None and kept[0] is inference and kept[1] is kb:
        return kept[2]
    fired_by_condition: dict = {}
    for step in inference.steps:
        if step.conclusion == "suggest":
            fired_by_condition.setdefault(step.target, []).append(step)
    strength_of, support, conditions = _claims(kb), inference.support, kb.conditions
    out = []
    for condition_id, fired in fired_by_condition.items():
        condition = conditions[condition_id]
        behind_rule: dict = {}
        rules = []
        for step in fired:
            rule = step.rule
            rules.append(rule)
            for finding in step.matched_present:
                behind = support.get(finding)
                for symptom_id in (finding,) if behind is None else behind:  # a finding stands for itself
                    behind_rule.setdefault(symptom_id, []).append(rule)
        claimed = max(map(strength_of.__getitem__, rules))
        out.append((condition, _view(kb, condition), behind_rule, claimed, tuple(dict.fromkeys(rules))))
    if not keep:
        return out
    if len(_FIRED) >= _FIRED_KEPT:
        _FIRED.clear()
    _FIRED[id(inference)] = (inference, kb, out)
    return out


_FIRED: dict = {}  # id(inference) -> (the inference, its knowledge base, _fired of it)
_FIRED_KEPT = 64


def _ruled_out(kb: KnowledgeBase, present) -> frozenset:
    """The other values of a one-value dimension (onset, symmetry) a present value rules out: a chronic onset
    is not an acute one, a patchy picture not one alike on both sides. They weigh against a condition that
    shows them very often, as a finding reported absent does, but are never shown as reported."""
    out: frozenset = frozenset()
    for values in _exclusive_values(kb):
        if not values.isdisjoint(present):
            out |= values.difference(present)
    return out


@functools.lru_cache(maxsize=8)
def _exclusive_values(kb: KnowledgeBase) -> tuple[frozenset, ...]:
    """The time course values of each one-value dimension (worked out once: every query asks _ruled_out)."""
    course = _course_ids(kb)
    return tuple(
        frozenset(i for i in course if kb.symptoms[i].system == dimension) for dimension in kb.time_course.exclusive
    )


@functools.lru_cache(maxsize=8)
def _course_ids(kb: KnowledgeBase) -> frozenset:
    """The ids of the time course findings."""
    return frozenset(i for i, s in kb.symptoms.items() if s.kind == "course")


@functools.lru_cache(maxsize=8)
def _claims(kb: KnowledgeBase) -> dict:
    """rule id -> the strength its suggestion claims (an index into STRENGTHS)."""
    return {rule.id: STRENGTHS.index(rule.strength) for rule in kb.rules if rule.conclusion == "suggest"}


@functools.lru_cache(maxsize=8)
def _precedence(kb: KnowledgeBase) -> dict:
    """suggestion rule id -> (the strength it claims, minus its place in the files): the fired rule whose
    explanation a suggestion shows is the one with the greatest."""
    return {rule.id: (STRENGTHS.index(rule.strength), -rule.order) for rule in kb.rules if rule.conclusion == "suggest"}


class _View:
    """What ranking reads of one condition, worked out once: its links and roles by finding, the findings
    that count as missing when not answered, the order evidence is listed in (hallmark findings first
    when roles count, article links next, then by label) and the evidence records that name no rule."""

    def __init__(self, kb: KnowledgeBase, condition):
        self.kb, self.condition = kb, condition
        self.sort_name = condition.name.lower()  # the last part of the sort key (see the module docstring)
        self.links = _links_by_symptom(condition)
        self.roles = _roles_by_symptom(condition)
        # Time course values are asked as one choice each (onset, spread...), never listed as unreported.
        self.wanted = tuple(s for s in self.links if self.roles[s] != "possible" and kb.symptoms[s].kind != "course")
        self._order: dict = {False: {}, True: {}}  # by_role -> finding id -> sort key
        self._bare: dict = {}  # finding id -> Evidence naming no rule
        self._with_rules: dict = {}  # (finding id, rules behind it) -> its Evidence
        self._wanted_in_order: tuple | None = None  # self.wanted, sorted as missing evidence is listed
        self._wanted_set: frozenset = frozenset()
        self._missing: dict = {}  # the wanted findings answered -> the missing evidence
        self._sources: dict = {}  # (rules fired, supporting findings) -> the sources cited

    def order(self, symptom_id: str, by_role: bool) -> tuple:
        known = self._order[by_role].get(symptom_id)
        if known is None:
            role = LINK_ROLES.index(self.roles[symptom_id]) if by_role else 0
            article_first = not any(src.kind == "article" for src in self.links.get(symptom_id, ()))
            label = self.kb.symptoms[symptom_id].label.lower()
            known = self._order[by_role][symptom_id] = (role, article_first, label)
        return known

    def missing(self, present, absent) -> tuple:
        """Evidence for the wanted findings neither ``present`` nor ``absent``, hallmark ones first."""
        if self._wanted_in_order is None:
            self._wanted_in_order = tuple(sorted(self.wanted, key=lambda i: self.order(i, True)))
            self._wanted_set = frozenset(self.wanted)
        # Remembered by which wanted findings were answered (a few findings against tens wanted).
        wanted = self._wanted_set
        answered = wanted.intersection(present).union(wanted.intersection(absent))  # a frozenset
        known = self._missing.get(answered)
        if known is None:
            if len(self._missing) >= _REMEMBERED:
                self._missing.clear()
            known = self._missing[answered] = tuple(
                self._bare_evidence(i) for i in self._wanted_in_order if i not in answered
            )
        return known

    def sources(self, rules, fired_ids, supporting, supporting_ids) -> tuple:
        """_sources, remembered: they depend only on the rules fired and the supporting findings (whose
        links this view holds, and whose ids ``supporting_ids`` decide their order), and a query would
        otherwise make each Source again."""
        key = (fired_ids, frozenset(supporting_ids))
        known = self._sources.get(key)
        if known is None:
            if len(self._sources) >= _REMEMBERED:
                self._sources.clear()
            known = self._sources[key] = _sources(rules, fired_ids, supporting)
        return known

    def _bare_evidence(self, symptom_id: str):
        bare = self._bare.get(symptom_id)
        if bare is None:
            bare = self._bare[symptom_id] = Evidence(self.kb.symptoms[symptom_id], self.links.get(symptom_id, ()), ())
        return bare

    def evidence(self, symptom_ids, behind_rule: dict, by_role: bool = False) -> tuple:
        """Evidence records for ``symptom_ids``, in order; ``behind_rule``: the rules each one is behind."""
        if not symptom_ids:
            return ()
        order = self._order[by_role]
        for i in symptom_ids:
            if i not in order:
                self.order(i, by_role)  # worked out once, then read by the sort below
        out = []
        for i in sorted(symptom_ids, key=order.__getitem__):
            rules = behind_rule.get(i)
            if rules:
                # Made once per finding and rules behind it (a record is costly to make), then shared.
                key = (i, tuple(dict.fromkeys(rules)))
                evidence = self._with_rules.get(key)
                if evidence is None:
                    if len(self._with_rules) >= _REMEMBERED:
                        self._with_rules.clear()
                    evidence = self._with_rules[key] = Evidence(self.kb.symptoms[i], self.links.get(i, ()), key[1])
                out.append(evidence)
                continue
            out.append(self._bare_evidence(i))
        return tuple(out)


_REMEMBERED = 256  # missing-evidence lists kept per condition


@functools.lru_cache(maxsize=8)
def _views(kb: KnowledgeBase) -> dict:
    return {}  # condition id -> its _View, filled as conditions are ranked


def _view(kb: KnowledgeBase, condition) -> _View:
    views = _views(kb)
    view = views.get(condition.id)
    if view is None or view.condition is not condition:
        view = views[condition.id] = _View(kb, condition)
    return view


def _links_by_symptom(condition) -> dict:
    links: dict = {}
    for link in condition.links:
        links.setdefault(link.symptom, []).append(link.source)
    return {symptom: tuple(sources) for symptom, sources in links.items()}


def _roles_by_symptom(condition) -> dict:
    """The strongest role any link gives a finding (a finding may be linked by article and annotation)."""
    roles: dict = {}
    for link in condition.links:
        current = roles.get(link.symptom, "possible")
        roles[link.symptom] = min(current, link.role, key=LINK_ROLES.index)
    return roles


def _sources(rules, fired_ids, supporting) -> tuple:
    sources = [src for rule_id in fired_ids for src in rules[rule_id].sources]
    sources += [src for evidence in supporting for src in evidence.links]
    # An annotation is cited once per disease, whatever the frequency of each linked finding.
    seen, out = set(), []
    for src in sources:
        key = (src.kind, src.ref)
        if key not in seen:
            seen.add(key)
            out.append(Source(src.kind, src.ref))
    return tuple(out)
