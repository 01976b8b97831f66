"""The evidence score that orders suggestions and picks their strength word (README, "How strength is decided").

Each entered finding is weighed for each suggested condition, in the spirit of LIRICAL's likelihood ratios:
how often the condition shows the finding (``f``, from the link's annotation frequency, or its role when
the link states none) against how often the finding turns up across all our conditions (``b``, the
background: a finding most conditions show says little, one only this condition shows says a lot).

- an entered finding the condition links adds log(f / b);
- an entered finding it does not link takes off a small fixed amount (``UNLINKED``): people report
  things that belong to something else, so one stray finding must not sink the right condition;
- a finding reported absent that the condition shows very often (f >= ``VERY_FREQUENT``) takes off
  log((1 - f) / (1 - b)).

A finding that a fired rule of the condition stood on, but that its card does not link, counts neither
for nor against: the rule says it bears on the condition, the card does not say how often. Findings are
the reported ones, so a pattern inferred from them counts through them and never a second time.
The score is never shown: only the word it earns (``word``).
"""

import functools
import math

from ..knowledge.records import STRENGTHS, KnowledgeBase

# Mid-points of HPO's frequency categories: the share of people with the condition who show the finding.
FREQUENCY = {"obligate": 1.0, "very frequent": 0.9, "frequent": 0.55, "occasional": 0.17, "very rare": 0.025}
# A link that states no frequency (article and reference links, "not stated" annotations) counts by role.
ROLE_FREQUENCY = {"hallmark": 0.9, "typical": 0.55, "possible": 0.17}
# Added to every finding's sum over our conditions before averaging: conditions we do not cover show
# findings too, so even a finding only one of ours links is not proof of it.
OUTSIDE = 0.5
UNLINKED = -1.0  # an entered finding the condition does not link (noise tolerance)
VERY_FREQUENT = 0.8  # a finding reported absent counts against a condition that shows it at least this often
LEAST_MISSING = 0.05  # even an obligate finding reported absent is not proof against: answers can be wrong
# The least score each word needs, strongest first; chosen on simulated patients (README).
THRESHOLDS = (("strong", 3.0), ("moderate", 2.0))


class Weights:
    """Per condition, the frequency each linked finding has; per finding, its sum over all conditions."""

    def __init__(self, kb: KnowledgeBase):
        self.frequencies: dict[str, dict[str, float]] = {}
        self.sums: dict[str, float] = {}
        for condition in kb.conditions.values():
            linked = self.frequencies[condition.id] = link_frequencies(condition)
            for symptom, f in linked.items():
                self.sums[symptom] = self.sums.get(symptom, 0.0) + f
        self.count = len(kb.conditions)
        self._gains: dict[str, dict[str, float]] = {}  # condition -> finding -> log(f / b), as first worked out

    def gain(self, condition_id: str, symptom: str, f: float) -> float:
        """log(f / b) for a finding ``condition_id`` links with frequency ``f``, worked out once per pair
        (the same arithmetic every time, so the same float)."""
        gains = self._gains.get(condition_id)
        if gains is None:
            gains = self._gains[condition_id] = {}
        known = gains.get(symptom)
        if known is None:
            known = gains[symptom] = math.log(f / self.background(symptom))
        return known

    def background(self, symptom: str) -> float:
        """How often ``symptom`` turns up across our conditions, smoothed by those we do not cover."""
        return (self.sums.get(symptom, 0.0) + OUTSIDE) / (self.count + 1)

    def score(self, condition_id: str, present, absent, behind_rule, conflicting=frozenset()) -> tuple[float, float]:
        """(score, score of the present findings alone) for ``present`` and ``absent`` finding ids;
        ``behind_rule``: the findings the condition's fired rules stood on; ``conflicting``: findings given
        as both present and absent, which count for nothing but still cost what they would cost present (an
        unlinked mention, a link rarer than elsewhere), so reporting a finding absent as well can never
        raise a strength."""
        return self.score_sorted(condition_id, sorted(present), sorted(absent), behind_rule, sorted(conflicting))

    def score_sorted(self, condition_id: str, present, absent, behind_rule, conflicting=()) -> tuple[float, float]:
        """score() for finding ids already sorted (the ranking sorts a query's findings once, not once per
        condition): the sums are made in that order, so they are the same floats."""
        linked = self.frequencies[condition_id]
        total = 0.0
        for symptom in conflicting:
            f = linked.get(symptom)
            if f is not None:
                total += min(0.0, math.log(f / self.background(symptom)))
            elif symptom not in behind_rule:
                total += UNLINKED
        gains = self._gains.get(condition_id) or {}
        for symptom in present:
            f = linked.get(symptom)
            if f is not None:
                gain = gains.get(symptom)  # what self.gain gives, without a call for a pair worked out before
                total += self.gain(condition_id, symptom, f) if gain is None else gain
            elif symptom not in behind_rule:
                total += UNLINKED
        against = 0.0
        for symptom in absent:
            f = linked.get(symptom, 0.0)
            if f >= VERY_FREQUENT:
                # never above zero: a finding reported absent never raises a strength
                against += min(0.0, math.log(max(1 - f, LEAST_MISSING) / (1 - self.background(symptom))))
        return total + against, total


def link_frequencies(condition) -> dict[str, float]:
    """Finding id -> how often ``condition`` shows it: the highest any of its links says."""
    out: dict[str, float] = {}
    for link in condition.links:
        stated = link.source.frequency
        f = FREQUENCY[stated] if stated in FREQUENCY else ROLE_FREQUENCY[link.role]
        out[link.symptom] = max(out.get(link.symptom, 0.0), f)
    return out


@functools.lru_cache(maxsize=8)
def weights_for(kb: KnowledgeBase) -> Weights:
    return Weights(kb)


def word(score: float, supporting: int) -> int:
    """The strength (an index into STRENGTHS) ``score`` earns; one supporting finding alone is never more
    than weak, whatever it scores: a single finding has many causes."""
    if supporting < 2:
        return _WEAK
    for level, least in _LEVELS:
        if score >= least:
            return level
    return _WEAK


_WEAK = STRENGTHS.index("weak")
_LEVELS = tuple((STRENGTHS.index(name), least) for name, least in THRESHOLDS)  # THRESHOLDS by index
