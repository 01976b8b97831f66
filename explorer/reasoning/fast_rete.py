"""A faster matcher for experta 1.9.4, made by subclassing its RETE classes (never by copying them).

Rules made only of facts each naming one field's value (almost every rule of the knowledge) are matched
by counting instead (counting.py): the network is built for the other rules only. For those, the network
has the same nodes as experta builds; what changes is how it is built and driven:

- Hash dispatch (rete_dispatch.py): a node whose children test one field for different constants
  (``Finding(id="x")``, ``Finding(id="y")``, ...) hands a token only to the children whose constant
  equals the fact's value, found in a dict, instead of offering it to every child (each offer copies the
  token); the root does the same by fact type. A test the lookup has already made is not made again:
  the token goes on to that test's children, in their original order, as the test would have sent it.
- Only conflict sets that received a token since the last look are asked for activations.
- A token's TokenInfo (what a memory files) is made once, however many two-input children file it; a
  capture node makes its copy of the token with the name already bound; a conflict set, which changes
  nothing in a token, does not copy it first.
- A two-input node given a token while its other memory is empty only files it (experta's node would
  copy the token and then look through the empty memory for matches).
- ``reset`` clears only the nodes that received a token since the last reset (each notes itself as it
  receives one) instead of walking the whole network: at 1,000 rules the walk was a third of a query;
  the engine's deffacts and their signatures are looked up once, not through ``inspect`` on every reset.
- An activation is hashed (as a conflict set files it) with its rule's hash worked out once, not from
  the rule's patterns each time: the same hash value.
- A rule made only of plain facts (and NOT of one fact) skips experta's rewrite into disjunctive normal
  form, for which the rewrite returns an equal rule, and is wired as experta's wire_rule wires it
  without that function's per-rule singledispatch set-up (most of the build time). Other rules go
  through experta's own code.

tests/test_fast_rete.py runs stock experta and this matcher side by side and asserts identical agendas,
firings and traces.
"""

import functools
import logging
from typing import Any

from ._experta import experta as _experta_package
from ._experta import listening
from .counting import CountingMatcher, countable
from .rete_dispatch import NEVER_QUIET, Bus, CaptureNode, Watching, add_dispatcher, capture_nodes, literal_key

# experta's submodules are loaded by ``import experta``; reached through it so this module has one import
# path for experta (the compatibility shim).
_rete: Any = _experta_package.matchers.rete  # experta ships no types: Any, said so for the classes built on it
_nodes: Any = _rete.nodes
_mixins = _rete.mixins
_check = _rete.check
_ce = _experta_package.conditionalelement
_fc = _experta_package.fieldconstraint
_VALID = _rete.token.Token.TagType.VALID
_Activation: Any = _experta_package.activation.Activation  # a base class below: Any, as experta ships no types
_MATCHER = _experta_package.watchers.MATCHER
_MATCH = _experta_package.watchers.MATCH


class _Holding:
    """A two-input node that notes, in its matcher's ``_holding``, that a token reached it (so its memory
    may hold something until the next reset); the matching is experta's. A valid token arriving on the
    right while the left memory is empty only joins the right memory (experta's node would then look for
    matches in the empty left memory): that is done here, without copying the token first."""

    _holding: dict
    watch: Watching = NEVER_QUIET  # its matcher's

    def _activate_left(self, token):
        self._holding[self] = None
        return super()._activate_left(token)  # experta's node, after this one in the MRO

    def _activate_right(self, token):
        self._holding[self] = None
        return super()._activate_right(token)

    def activate_right(self, token):
        if self.left_memory or token.tag is not _VALID or (not self.watch.quiet and listening(_MATCHER, logging.DEBUG)):
            return super().activate_right(token)  # experta's, with its debug message
        self._holding[self] = None
        self.right_memory.append(token.to_info())


class _HoldingMatchNode(_Holding, _nodes.OrdinaryMatchNode):
    def activate_left(self, token):
        # The same on the left while the right memory is empty (a NotNode would pass the token on then).
        if (
            self.right_memory
            or token.tag is not _VALID
            or (not self.watch.quiet and listening(_MATCHER, logging.DEBUG))
        ):
            return super().activate_left(token)
        self._holding[self] = None
        self.left_memory.append(token.to_info())


class _HoldingNotNode(_Holding, _nodes.NotNode):
    pass


_HOLDING = {_nodes.OrdinaryMatchNode: _HoldingMatchNode, _nodes.NotNode: _HoldingNotNode}
_ENTRIES = {_rete.abstract.TwoInputNode.activate_left, _rete.abstract.TwoInputNode.activate_right}
_ONE_INPUT_ENTRY = _rete.abstract.OneInputNode.activate


def _rebind(nodes) -> None:
    """Callbacks are bound methods, made when the network was built: point those that enter a node whose
    class has changed since (a two-input node, a conflict set, a capture node) at the methods of the class
    it has now."""
    for node in nodes:
        node.children = [_rebound(c) for c in node.children]


def _rebound(child):
    entry = getattr(child.callback, "__func__", None)
    if entry in _ENTRIES and type(child.node) in _HOLDING.values():
        return _mixins.ChildNode(child.node, getattr(child.node, child.callback.__name__))
    if entry is _ONE_INPUT_ENTRY and type(child.node).activate is not _ONE_INPUT_ENTRY:
        return _mixins.ChildNode(child.node, child.node.activate)
    return child


class _KnownHash:
    """Stands for a rule in a tuple being hashed: its hash is the rule's, worked out once."""

    __slots__ = ("value",)

    def __init__(self, value: int):
        self.value = value

    def __hash__(self):
        return self.value


class _RuleHashedActivation(_Activation):
    """experta's Activation with the same hash, made without hashing its rule again (experta's Rule hashes
    the tuple of its patterns, each a call, on every use): the rule's hash is read from its conflict set.
    The same value as experta's, so it is found in a set of experta's activations and the other way round."""

    rule_hash: _KnownHash
    known_hash: int | None = None  # the same value, worked out from the token it was made of (made_from)

    def __hash__(self):
        if self.known_hash is not None:
            return self.known_hash
        return hash((self.rule_hash, frozenset(self.facts), frozenset(self.context.items())))

    def made_from(self, info) -> None:
        """Work the hash out from ``info``, the TokenInfo this activation was made of: its facts and, when
        every name it binds is text (the context kept), its context are the frozensets experta's hash makes,
        already hashed as the conflict set filed the info, so no fact is asked for its hash again."""
        context = info.context
        if len(context) == len(self.context):
            self.known_hash = hash((self.rule_hash, info.data, context))


class _TrackedConflictSetNode(_nodes.ConflictSetNode):
    """A conflict set that tells its matcher when a token reached it (for ``changes``, and for ``reset``
    as a node that may hold memory). A valid token while no activation waits to be removed (the only
    case when facts are never retracted) is handled here, as experta handles it, without hashing its
    activation twice; any other case goes to experta."""

    watch: Watching = NEVER_QUIET  # its matcher's

    def activate(self, token):
        # experta's copies the token first; nothing here changes it, so the copy is left out.
        if not self.watch.quiet and listening(_MATCHER, logging.DEBUG):
            return super().activate(token)
        return self._activate(token)

    def _activate(self, token):
        self._holding[self] = None
        if token.tag is _VALID and not self.removed:
            info = token.to_info()
            if info not in self.memory:
                self.memory.add(info)
                activation = _RuleHashedActivation(
                    self.rule, info.data, {k: v for k, v in info.context if isinstance(k, str)}
                )
                activation.rule_hash = self._rule_hash
                activation.made_from(info)
                self.added.add(activation)
        else:
            super()._activate(token)
        self._touched[self] = None


class FastReteMatcher(_rete.ReteMatcher):
    """experta's RETE matcher with dispatch by value, dirty conflict sets and a cheap reset."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # builds the network as experta does (build_network below)
        self._compile()

    counting = True  # False: every rule goes through the network (the tests check both ways)

    def build_network(self):
        # Rules of facts each naming one field's value are matched by counting (counting.py); the rest
        # get experta's network.
        ruleset = self.prepare_ruleset(self.engine)
        counted = {rule for rule in ruleset if countable(rule)} if self.counting else set()
        self._counting = CountingMatcher(sorted(counted, key=_rule_order))
        rest = self._network_rules = ruleset - counted
        self.build_beta_part(rest, self.build_alpha_part(rest, self.root_node))

    @staticmethod
    def prepare_ruleset(engine):
        return {_prepare_rule(rule) for rule in engine.get_rules()}

    @staticmethod
    def build_beta_part(ruleset, alpha_terminals):
        # experta's wire_rule defines a fresh set of singledispatch functions for every rule, whose empty
        # dispatch caches then resolve the MRO of every element: most of the build time. A plain
        # conjunction is wired here as wire_rule wires it (a chain of two-input nodes, NOT as a NotNode);
        # any other rule goes to experta.
        other = set()
        for rule in ruleset:
            if rule.__dict__.get("_plain_conjunction"):  # marked by _prepare_rule
                _wire_plain(rule, alpha_terminals)
            else:
                other.add(rule)
        _rete.ReteMatcher.build_beta_part(other, alpha_terminals)

    def _compile(self):
        nodes = _all_nodes(self.root_node)
        self.watch = Watching()  # set by the engine around each declaration and run (fast_engine.py)
        memory_nodes = [n for n in nodes if not isinstance(n, _mixins.NoMemory)]
        self._touched: dict = {}  # conflict set -> None, in the order tokens reached them
        self._holding: dict = {}  # memory node -> None: those that received a token since the last reset
        # Memory nodes of other kinds (none in the explorer's rules) are cleared on every reset.
        self._other_memory = [
            n for n in memory_nodes if type(n) not in _HOLDING and not isinstance(n, _nodes.ConflictSetNode)
        ]
        for node in memory_nodes:
            if type(node) in _HOLDING:
                node.__class__ = _HOLDING[type(node)]
                node._holding = self._holding
        # The order experta's _get_conflict_set_nodes finds them in (depth first, first visit), without
        # its repeated walks through shared nodes.
        self._conflict_sets = tuple(n for n in nodes if isinstance(n, _nodes.ConflictSetNode))
        self._csn_order = {csn: i for i, csn in enumerate(self._conflict_sets)}
        for csn in self._conflict_sets:
            csn.__class__ = _TrackedConflictSetNode
            csn._touched, csn._holding = self._touched, self._holding
            csn._rule_hash = _KnownHash(hash(csn.rule))  # a rule is not changed once the network is built
        capture_nodes(nodes)
        for node in nodes:
            if isinstance(node, (_Holding, _TrackedConflictSetNode, CaptureNode)):
                node.watch = self.watch
        _rebind(nodes)
        dispatchers = [d for d in (add_dispatcher(node, literal_key) for node in nodes) if d is not None]
        for dispatcher in dispatchers:
            dispatcher.compile()
        self.root_node.__class__ = Bus
        self.root_node._shortcut()
        # The fact classes the network tests for (None: any), so a fact no rule left in it looks at (every
        # Finding and Suggested, when only counted rules name them) is not made into a token.
        by_type = self.root_node._by_type
        if not self._network_rules:  # no rule left in it (a plain engine): no fact goes in
            self._network_types: frozenset | None = frozenset()
        else:
            self._network_types = None if by_type is None else frozenset(t for t, calls in by_type.items() if calls)

    def changes(self, adding=None, deleting=None):
        added, removed = [], []
        counting = self._counting
        network = self._network_types
        if deleting is not None:
            for deleted in deleting:
                if network is None or type(deleted) in network:
                    self.root_node.remove(deleted)
                removed.extend(counting.removed(deleted))
        if adding is not None:
            for fact in adding:
                if network is None or type(fact) in network:
                    self.root_node.add(fact)
                made = counting.added(fact)
                if not self.watch.quiet:
                    _tell_counted(fact, made)
                added.extend(made)
        if self._touched:
            touched = sorted(self._touched, key=self._csn_order.__getitem__)
            self._touched.clear()
            for csn in touched:
                c_added, c_removed = csn.get_activations()
                added.extend(c_added)
                removed.extend(c_removed)
        return added, removed

    def reset(self):
        # experta's reset clears every node, recursively and more than once for shared nodes; a node that
        # received no token since the last reset holds nothing to clear. Like experta, pending
        # conflict-set changes are kept.
        for node in self._holding:
            node._reset()
        self._holding.clear()
        self._counting.reset()
        for node in self._other_memory:
            node._reset()


def _tell_counted(fact, made) -> None:
    """What counting did with ``fact``, told to the match watchers listening, as the network's nodes tell
    them what they test (the messages differ, as the work does)."""
    if listening(_MATCHER, logging.DEBUG):
        _MATCHER.debug("Counting: %r filed under the patterns it matches", fact)
    if listening(_MATCH, logging.INFO):
        for activation in made:
            _MATCH.info("Counting: %s matched %s", activation.rule.__name__, sorted(map(repr, activation.facts)))


def _rule_order(rule) -> int:
    return getattr(rule._wrapped, "rule_order", 0)


def _wire_plain(rule, alpha_terminals):
    def terminal(element):
        return alpha_terminals[element[0] if type(element) is _ce.NOT else element]

    last = terminal(rule[0])
    for element in rule[1:]:
        node = (_nodes.NotNode if type(element) is _ce.NOT else _nodes.OrdinaryMatchNode)(_check.SameContextCheck())
        last.add_child(node, node.activate_left)
        terminal(element).add_child(node, node.activate_right)
        last = node
    conflict_set = _nodes.ConflictSetNode(rule)
    last.add_child(conflict_set, conflict_set.activate)


def _all_nodes(root) -> list:
    seen: dict = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen[id(node)] = node
            stack.extend(child.node for child in reversed(node.children))
    return list(seen.values())


def _is_plain_fact(element) -> bool:
    if not isinstance(element, _experta_package.Fact):
        return False
    return not any(isinstance(v, (_fc.ORFC, _fc.ANDFC, _fc.NOTFC)) for v in element.values())


def is_plain_conjunction(rule) -> bool:
    """A rule of plain facts and NOT(one plain fact), starting with a fact: experta's rewrite of it is an
    equal rule."""
    if len(rule) == 0 or not _is_plain_fact(rule[0]):
        return False
    for element in rule:
        if type(element) is _ce.NOT:
            if len(element) != 1 or not _is_plain_fact(element[0]):
                return False
        elif not _is_plain_fact(element):
            return False
    return True


def _prepare_rule(rule):
    if is_plain_conjunction(rule):
        # The rewrite would only copy the rule (dropping the engine it was read from): do just that, as
        # Rule.new_conditions does but reusing the signature already read from the same function.
        copy = type(rule)(*rule, salience=rule.salience)
        copy._wrapped, copy._wrapped_args = rule._wrapped, rule._wrapped_args
        functools.update_wrapper(copy, rule._wrapped)
        copy._plain_conjunction = True
        return copy
    return _rete.utils.prepare_rule(rule)
