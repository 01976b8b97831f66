"""The part of the fast matcher that matches rules made only of facts each naming one field's value.

Almost every rule of the knowledge is such a conjunction: ``Finding(id="numbness"), Finding(id="tingling"),
Absent(id="dry_eyes")``. For them experta's RETE network sends every declared fact through a chain of
nodes (its type, its field's value, a node binding it to the pattern's name, a two-input node per
further pattern, the rule's conflict set), each making or copying a token. Here each such rule keeps, per
pattern, the facts matching it; a declared fact is looked up by (class, field, value) and filed under
every pattern it matches, and the rule is activated for each combination of facts that now fills all
its patterns, the new fact among them. That is what the network computes for these rules: the same
activations (rule and facts; such a rule's body reads no bindings, so none are made), produced in the
same ``changes`` call. Rules of any other shape (a NOT, a test, a binding, a field constraint) stay in
the network. tests/test_fast_rete.py compares agendas, firings and working memory with stock experta.
"""

from itertools import product
from typing import Any

from ._experta import experta as _experta_package
from .rete_dispatch import PLAIN_VALUES as _PLAIN_VALUES

_Fact = _experta_package.Fact
_Activation: Any = _experta_package.activation.Activation  # experta ships no types
_ce = _experta_package.conditionalelement


def countable(rule) -> bool:
    """Whether ``rule`` can be matched here: its body reads no bindings, and its patterns are facts each
    naming one plain field's plain value, no two alike and the patterns of one class all naming the same
    field (so no fact can fill two of them)."""
    wrapped = getattr(rule, "_wrapped", None)
    if not getattr(wrapped, "reads_no_bindings", False) or len(rule) == 0:
        return False
    keys = [_pattern_key(element) for element in rule]
    if None in keys or len(set(keys)) != len(keys):
        return False
    return len({(fact_class, field) for fact_class, field, _ in keys}) == len({key[0] for key in keys})


def _pattern_key(element):
    """(class, field, value) of a pattern naming one field's plain value; None for anything else."""
    if type(element) in (_ce.NOT, _ce.AND, _ce.OR, _ce.TEST, _ce.EXISTS, _ce.FORALL):
        return None
    if not isinstance(element, _Fact) or len(element) != 1:
        return None
    ((field, value),) = element.items()
    if not isinstance(field, str) or "__" in field or type(value) not in _PLAIN_VALUES:
        return None
    return type(element), field, value


class CountingMatcher:
    """Matches countable rules (see ``countable``): filed facts per pattern, activations as patterns fill."""

    def __init__(self, rules):
        self._rules = tuple(rules)
        self._sizes = tuple(len(rule) for rule in self._rules)
        # class -> [(field, value -> [(rule slot, pattern position)])]: the fields its patterns name
        self._fields: dict = {}
        index: dict = {}
        for slot, rule in enumerate(self._rules):
            for position, element in enumerate(rule):
                fact_class, field, value = _pattern_key(element)
                by_value = index.get((fact_class, field))
                if by_value is None:
                    by_value = index[fact_class, field] = {}
                    self._fields.setdefault(fact_class, []).append((field, by_value))
                by_value.setdefault(value, []).append((slot, position))
        # rule slot -> pattern position -> the facts filed under it, for the patterns with facts (rules of two
        # or more patterns given a fact since the last reset): a rule is complete when it holds every position
        self._filed: dict = {}

    def reset(self) -> None:
        self._filed.clear()

    def added(self, fact) -> list:
        """The activations ``fact`` completes, filing it under every pattern of two or more it matches."""
        out: list = []
        rules, sizes, filed_by_slot = self._rules, self._sizes, self._filed
        for slot, position in self._patterns_of(fact):
            size = sizes[slot]
            if size == 1:  # most rules: one pattern, nothing to wait for
                out.append(_Activation(rules[slot], (fact,), {}))
                continue
            filed = filed_by_slot.get(slot)
            if filed is None:  # the rule's first fact: it waits for the others
                filed_by_slot[slot] = {position: [fact]}
                continue
            facts = filed.get(position)
            if facts is None:
                filed[position] = [fact]
            else:
                facts.append(fact)
            if len(filed) == size:  # every pattern has a fact
                out.extend(self._combinations(slot, filed, position, fact))
        return out

    def removed(self, fact) -> list:
        """The activations ``fact`` took part in (equal to those made when it came), unfiling it."""
        out: list = []
        for slot, position in self._patterns_of(fact):
            if self._sizes[slot] == 1:
                out.append(_Activation(self._rules[slot], (fact,), {}))
                continue
            filed = self._filed.get(slot, {})
            facts = filed.get(position, ())
            if fact not in facts:
                continue
            if len(filed) == self._sizes[slot]:
                out.extend(self._combinations(slot, filed, position, fact))
            facts.remove(fact)
            if not facts:
                del filed[position]
        return out

    def _patterns_of(self, fact) -> list:
        hits: list = []
        for field, by_value in self._fields.get(type(fact), ()):
            value = fact.get(field, _MISSING)
            if type(value) in _PLAIN_VALUES:
                found = by_value.get(value)
                if found is not None:
                    hits += found
            elif value is not _MISSING:  # a value a dict lookup might not compare like ==: compare with each
                hits.extend(hit for wanted, found in by_value.items() if value == wanted for hit in found)
        return hits

    def _combinations(self, slot, filed, position, fact) -> list:
        """Activations of rule ``slot`` for ``fact`` at ``position`` with each combination of the facts
        filed under its other patterns (each has some)."""
        others = [facts for i, facts in filed.items() if i != position]
        rule = self._rules[slot]
        return [_Activation(rule, (fact, *combination), {}) for combination in product(*others)]


_MISSING = object()
