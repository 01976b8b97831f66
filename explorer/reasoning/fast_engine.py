"""The engine side of the fast matcher: experta 1.9.4's KnowledgeEngine, subclassed (never copied).

What a run does is experta's: the same fact list, agenda, strategy, firing order and rule calls. What
changes is the work around it, measured as most of a query's time once the matcher was fast:

- ``run`` builds experta's watcher messages (a string of every fired activation's facts) only when a
  watcher would print them; otherwise it is experta's loop without them, and a rule whose function
  is marked ``reads_no_bindings`` is called with the engine alone (experta would build the dict of the
  activation's bindings, then pass it to a function that ignores it).
- ``declare`` makes experta's checks without a method call per fact and check, and files each fact
  in a fact list whose duplicate key is built without experta's list copy (and, for facts of classes
  without fields, without the checks such a fact always passes; for a fact made by ``new_fact``,
  without looking for special keys it cannot have).
- ``reset`` starts a new fact list of that kind, and looks the deffacts up once per engine (when only
  experta's own is there, its InitialFact is made directly).

tests/test_fast_rete.py runs stock experta and this engine side by side and asserts identical agendas,
firings, traces and working memory.
"""

import inspect
import logging
from collections import Counter as _Counter
from collections import OrderedDict as _OrderedDict
from itertools import chain
from typing import Any

from ._experta import KnowledgeEngine, listening
from ._experta import experta as _experta_package
from .fast_rete import FastReteMatcher

_watchers = _experta_package.watchers
_ConditionalElement = _experta_package.conditionalelement.ConditionalElement
_FactList: Any = _experta_package.factlist.FactList  # experta ships no types: Any, said so for the subclass
_Agenda = _experta_package.agenda.Agenda
_Fact = _experta_package.Fact
_InitialFact = _experta_package.fact.InitialFact
_INITIAL_FACT = KnowledgeEngine.__dict__["_declare_initial_fact"]  # experta's DefFacts declaring InitialFact


class _FastFactList(_FactList):
    """experta's FactList; the key that tells duplicates apart is the same set, built in one step, and a
    fact whose class declares no fields (every fact of the explorer's) is filed without the checks that
    cannot fail for it (its class, its fields) and without the watcher call when no watcher listens."""

    quiet = False  # True while the engine declares or runs with no fact watcher listening (read once there)

    def __init__(self):
        # experta's, with its Counter made empty directly: Counter() goes through two Python calls (its
        # __init__ and update), and every query starts a new fact list.
        _OrderedDict.__init__(self)
        self.last_index = 0
        self.reference_counter = _Counter.__new__(_Counter)
        self.added = []
        self.removed = []
        self.duplication = False

    @property
    def changes(self):
        # experta's: the facts added and removed since the last call, then new lists (without try/finally).
        changes = self.added, self.removed
        self.added, self.removed = [], []
        return changes

    def declare(self, fact):
        loud = not self.quiet and listening(_watchers.FACTS, logging.INFO)
        if loud or not isinstance(fact, _Fact) or type(fact).__fields__:
            return super().declare(fact)
        if "_plain_names" in fact.__dict__ and "__factid__" not in fact:
            fact_id = frozenset((fact.__class__, *fact.items()))  # new_fact's names: no special key to leave out
        else:
            fact_id = self._get_fact_id(fact)
        counter = self.reference_counter
        if self.duplication or fact_id not in counter:
            index = self.last_index
            dict.__setitem__(fact, "__factid__", index)  # what experta's __factid__ setter does
            if "_hash" not in fact.__dict__:
                # What Fact.__hash__ computes and keeps on first use (the matcher hashes every fact), made
                # here so that first use does not go through its AttributeError.
                fact._hash = hash(frozenset(fact.items()))
            self[index] = fact
            self.last_index = index + 1
            self.added.append(fact)
            counter[fact_id] = counter.get(fact_id, 0) + 1  # a Counter's += goes through its __missing__
            return fact
        return None

    @staticmethod
    def _get_fact_id(fact):
        return frozenset(
            (fact.__class__, *((k, v) for k, v in fact.items() if not (isinstance(k, str) and k[:2] == k[-2:] == "__")))
        )


def _check(facts):
    """experta's checks on declared facts (the same errors, in the same order), without a method call per
    fact and check."""
    if any(isinstance(value, _ConditionalElement) for fact in facts for value in fact.values()):
        raise TypeError("Declared facts cannot contain conditional elements")
    if any("__" in str(key).strip("_") for fact in facts for key in fact):  # str.strip("__") strips "_"
        raise KeyError("Cannot declare facts containing double underscores as keys.")


class FastKnowledgeEngine(KnowledgeEngine):
    """A KnowledgeEngine that matches with FastReteMatcher; see the module docstring for what differs."""

    __matcher__ = FastReteMatcher

    def get_deffacts(self):
        cached = self.__dict__.get("_deffacts_once")
        if cached is None:
            cached = self._deffacts_once = super().get_deffacts()
            for deffacts in cached:
                # experta's reset reads each signature with inspect on every call; inspect uses this if present.
                deffacts.__signature__ = inspect.signature(deffacts)
        # A DefFacts object belongs to the class and remembers the last instance it was read from.
        return [deffacts.__get__(self, type(self)) for deffacts in cached]

    def reset(self, **kwargs):
        if kwargs:  # deffacts taking arguments: experta's own reset
            super().reset(**kwargs)
            return
        self.reset_declaring()

    def reset_declaring(self, *facts):
        """``reset()`` then ``declare_plain(*facts)``, matched in one pass when only experta's own deffacts
        are there: its InitialFact is filed first, so every fact has the id it would have, and the agenda,
        which orders activations by key, comes out the same as after two passes."""
        self.agenda = _Agenda()
        self.facts = _FastFactList()
        self.matcher.reset()
        only_initial = self.__dict__.get("_only_initial")  # whether only experta's own deffacts are there
        if only_initial is None:
            deffacts = self.get_deffacts()
            only_initial = self._only_initial = len(deffacts) == 1 and deffacts[0] is _INITIAL_FACT
        if only_initial:
            # Only experta's own: the InitialFact it would copy from its generator, made directly.
            last = self._declare_checked(new_fact(_InitialFact), *facts, checked=True)
        else:
            self._declare_checked(*chain.from_iterable(deffacts() for deffacts in self.get_deffacts()))
            last = self._declare_checked(*facts, checked=True) if facts else None
        self.running = False
        return last

    def declare(self, *facts):
        if not self.facts:
            _watchers.ENGINE.warning("Declaring fact before reset()")
        return self._declare_checked(*facts)

    def declare_plain(self, *facts):
        """``declare`` for facts made by ``new_fact``: text values under plain names, which experta's
        checks always pass, so they are not made."""
        if not self.facts:
            _watchers.ENGINE.warning("Declaring fact before reset()")
        return self._declare_checked(*facts, checked=True)

    def _declare_checked(self, *facts, checked=False):
        if not checked:
            _check(facts)
        last = None
        fact_list = self.facts
        quiet = fact_list.quiet
        fact_list.quiet = quiet or not listening(_watchers.FACTS, logging.INFO)  # once, not once a fact
        try:
            for fact in facts:
                last = fact_list.declare(fact)
        finally:
            fact_list.quiet = quiet
        if not self.running:
            watch = self.matcher.watch
            watch.quiet = _matches_unwatched()  # once, not at every node for every token
            try:
                added, removed = self.get_activations()
            finally:
                watch.quiet = False
            self.strategy.update_agenda(self.agenda, added, removed)
        return last

    def run(self, steps=float("inf")):
        if listening(_watchers.RULES, logging.INFO) or listening(_watchers.AGENDA, logging.DEBUG):
            super().run(steps)  # someone is watching: experta's loop, with its messages
            return
        self.running = True
        # Read once: a rule body does not replace the engine's matcher, fact list, strategy or agenda.
        changes, facts, update, agenda = self.matcher.changes, self.facts, self.strategy.update_agenda, self.agenda
        # Whether a fact or match watcher listens is read once a run (the rules declare facts as they fire).
        facts.quiet = not listening(_watchers.FACTS, logging.INFO)
        watch = self.matcher.watch
        watch.quiet = _matches_unwatched()
        try:
            while steps > 0 and self.running:
                added, removed = changes(*facts.changes)  # experta's get_activations
                update(agenda, added, removed)
                activation = agenda.get_next()
                if activation is None:
                    break
                steps -= 1
                rule = activation.rule
                if rule._wrapped_self is None and getattr(rule._wrapped, "reads_no_bindings", False):
                    rule._wrapped(self)  # what experta's call comes to for a function that reads no bindings
                else:
                    rule(self, **{k: v for k, v in activation.context.items() if not k.startswith("__")})
        finally:
            facts.quiet = False
            watch.quiet = False
        self.running = False


def _matches_unwatched() -> bool:
    """Whether neither of the watchers the matcher's nodes tell (MATCH at INFO, MATCHER at DEBUG) listens."""
    return not (listening(_watchers.MATCH, logging.INFO) or listening(_watchers.MATCHER, logging.DEBUG))


def new_fact(fact_type, **fields):
    """``fact_type(**fields)`` for fields whose values are all text, built without experta's per-field
    freezing (text is already frozen: experta's freeze returns it as is): the same fact, made faster.
    The fact is marked as having only plain names (keyword arguments, none of them ``__special__``), so
    the fact list makes its duplicate key without looking for special keys to leave out."""
    for name, value in fields.items():
        if type(value) is not str or name[:2] == "__":
            return fact_type(**fields)
    fact = dict.__new__(fact_type)
    dict.update(fact, fields)
    # What Fact.__init__ sets beside the fields (its private name, mangled), and the mark.
    fact.__dict__.update(_Fact__defaults={}, _plain_names=True)
    return fact
