"""A faster matcher for experta 1.9.4, made by subclassing its RETE classes (never by copying them).

experta's network is built exactly as before; four things change how it is used:

- Hash dispatch: a node whose children test one field for different constants (``Finding(id="x")``,
  ``Finding(id="y")``, ...) hands a token only to the children whose constant equals the fact's value,
  found in a dict, instead of offering it to every child (each offer copies the token). The root does
  the same by fact type. The chosen children are still called in their original order and still run
  their own test, so what reaches the rest of the network is unchanged. Tokens skip the argument checks
  of their constructor.
- Only conflict sets that received a token since the last look are asked for activations.
- ``reset`` clears only the nodes that hold memory (a list made once) instead of walking the whole
  network, and the engine's deffacts are looked up once instead of through ``inspect`` on every reset.
- A rule made only of plain facts (and NOT of one fact) skips experta's rewrite into disjunctive normal
  form at build time: for such a rule the rewrite returns an equal rule (the differential test checks).

tests/test_fast_rete.py runs stock experta and this matcher side by side and asserts identical agendas,
firings and traces.
"""

import functools
import inspect

from ._experta import KnowledgeEngine
from ._experta import experta as _experta_package

# experta's submodules are loaded by ``import experta``; reached through it so this module has one import
# path for experta (the compatibility shim).
_rete = _experta_package.matchers.rete
_nodes = _rete.nodes
_mixins = _rete.mixins
_check = _rete.check
_ce = _experta_package.conditionalelement
_fc = _experta_package.fieldconstraint

# Values whose == agrees with their hash, so a dict lookup finds exactly the constants == would match.
_PLAIN_VALUES = (str, int, float, bool, type(None))


class _Dispatcher(_mixins.AnyChild, _mixins.NoMemory, _rete.abstract.Node):
    """Stands between a node and its children: routes a token to the children that can match it.

    A child that only tests "field == constant" is not called itself: the dict lookup has made that test
    already (it would pass, bind nothing and hand its copy of the token on), so the token goes straight
    to that child's own children, in their order."""

    def __init__(self, children, key_of):
        super().__init__()
        self.children = list(children)
        self._always: list[int] = []
        self._tables: dict = {}  # field -> {constant: [child positions]}
        for position, child in enumerate(self.children):
            key = key_of(child.node)
            if key is None:
                self._always.append(position)
            else:
                self._tables.setdefault(key[0], {}).setdefault(key[1], []).append(position)
        self._calls: list = []

    def compile(self):
        """Resolve, once every dispatcher is in place, what each position calls."""
        literal = {p for table in self._tables.values() for hits in table.values() for p in hits}
        self._calls = [
            [c.callback for c in child.node.children] if p in literal else [child.callback]
            for p, child in enumerate(self.children)
        ]

    def route(self, token):
        (fact,) = token.data
        positions = list(self._always)
        plain = True
        for what, table in self._tables.items():
            value = _field(fact, what)
            if value is _MISSING:
                continue
            if type(value) in _PLAIN_VALUES:
                positions.extend(table.get(value, ()))
            else:  # a value dict lookup might not compare like ==: let every child test it
                plain = False
                for hits in table.values():
                    positions.extend(hits)
        if len(positions) > 1:
            positions.sort()
        if plain:
            calls = self._calls
            for position in positions:
                for call in calls[position]:
                    call(token)
        else:
            for position in positions:
                self.children[position].callback(token)  # each child runs its own test

    def __str__(self):  # pragma: no cover
        return f"Dispatcher: {len(self.children)} children on {sorted(map(str, self._tables))}"


_MISSING = object()


def _field(fact, what):
    try:
        return fact[what]
    except (KeyError, IndexError, TypeError):
        return _MISSING


def _type_key(node):
    matcher = getattr(node, "matcher", None)
    if isinstance(node, _nodes.FeatureTesterNode) and isinstance(matcher, _check.TypeCheck):
        return matcher.fact_type
    return None


def _literal_key(node):
    """(field, constant) when ``node`` only tests that a plain field equals a plain constant."""
    matcher = getattr(node, "matcher", None)
    if not isinstance(node, _nodes.FeatureTesterNode) or not isinstance(matcher, _check.FeatureCheck):
        return None
    how, what = matcher.how, matcher.what
    if type(how) is not _fc.L or how.__bind__ is not None or type(how.value) not in _PLAIN_VALUES:
        return None
    if isinstance(what, str) and ("__" in what):
        return None  # nested access or a special field: FeatureCheck reads those differently
    return (what, how.value)


class _Token(_rete.token.Token):
    """experta's Token without the argument checks in its constructor: the matcher itself builds every
    token (from declared facts and copies), so the checks can only pass. Copies keep this class."""

    def __new__(cls, tag, data, context=None):
        data = {data} if isinstance(data, _experta_package.Fact) else set(data)
        return tuple.__new__(cls, (tag, data, {} if context is None else context))


class _Bus(_nodes.BusNode):
    """The root node, building its tokens as ``_Token``. Its children test a fact's type (experta puts
    the type test first in every branch); when all do, a fact goes straight to the children of the one
    whose type is its own: that test's only effect is to pass the token on, and every node copies a
    token before changing it."""

    _by_type = None  # fact type -> callbacks of the type test's children; None: no shortcut

    def _shortcut(self):
        by_type = {}
        for child in self.children:
            if _type_key(child.node) is None:
                return
            by_type[child.node.matcher.fact_type] = [c.callback for c in child.node.children]
        self._by_type = by_type

    def add(self, fact):
        self._send(_Token.valid(fact))

    def remove(self, fact):
        self._send(_Token.invalid(fact))

    def _send(self, token):
        if self._by_type is None:
            for child in self.children:
                child.callback(token)
            return
        (fact,) = token.data
        for callback in self._by_type.get(type(fact), ()):
            callback(token)


class _TrackedConflictSetNode(_nodes.ConflictSetNode):
    """A conflict set that tells its matcher when a token reached it."""

    def _activate(self, token):
        super()._activate(token)
        self._touched[self] = None


class FastReteMatcher(_rete.ReteMatcher):
    """experta's RETE matcher with dispatch by value, dirty conflict sets and a cheap reset."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # builds the network as experta does
        self._compile()

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
            if is_plain_conjunction(rule):
                _wire_plain(rule, alpha_terminals)
            else:
                other.add(rule)
        _rete.ReteMatcher.build_beta_part(other, alpha_terminals)

    def _compile(self):
        nodes = _all_nodes(self.root_node)
        self._memory_nodes = [n for n in nodes if not isinstance(n, _mixins.NoMemory)]
        self._touched: dict = {}  # conflict set -> None, in the order tokens reached them
        # The order experta's _get_conflict_set_nodes finds them in (depth first, first visit), without
        # its repeated walks through shared nodes.
        self._conflict_sets = tuple(n for n in nodes if isinstance(n, _nodes.ConflictSetNode))
        self._csn_order = {csn: i for i, csn in enumerate(self._conflict_sets)}
        for csn in self._conflict_sets:
            csn.__class__ = _TrackedConflictSetNode
            csn._touched = self._touched
        dispatchers = [d for d in (_add_dispatcher(node, _literal_key) for node in nodes) if d is not None]
        for dispatcher in dispatchers:
            dispatcher.compile()
        self.root_node.__class__ = _Bus
        self.root_node._shortcut()

    def changes(self, adding=None, deleting=None):
        if deleting is not None:
            for deleted in deleting:
                self.root_node.remove(deleted)
        if adding is not None:
            for added in adding:
                self.root_node.add(added)
        added, removed = [], []
        if self._touched:
            touched = sorted(self._touched, key=self._csn_order.__getitem__)
            self._touched.clear()
            for csn in touched:
                c_added, c_removed = csn.get_activations()
                added.extend(c_added)
                removed.extend(c_removed)
        return added, removed

    def reset(self):
        # experta's reset clears every node, recursively and more than once for shared nodes; only these
        # hold memory. Like experta, pending conflict-set changes are kept.
        for node in self._memory_nodes:
            node._reset()


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


def _add_dispatcher(node, key_of):
    """Put a dispatcher between ``node`` and its children when at least two of them test one field."""
    keys = [key_of(child.node) for child in node.children]
    fields: dict = {}
    for key in keys:
        if key is not None:
            fields[key[0]] = fields.get(key[0], 0) + 1
    if max(fields.values(), default=0) < 2:
        return None
    dispatcher = _Dispatcher(node.children, key_of)
    node.children = [_mixins.ChildNode(dispatcher, dispatcher.route)]
    return dispatcher


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
        return functools.update_wrapper(copy, rule._wrapped)
    return _rete.utils.prepare_rule(rule)


class FastKnowledgeEngine(KnowledgeEngine):
    """A KnowledgeEngine that matches with FastReteMatcher and finds its deffacts once."""

    __matcher__ = FastReteMatcher

    def get_deffacts(self):
        cached = self.__dict__.get("_deffacts_once")
        if cached is None:
            cached = self._deffacts_once = super().get_deffacts()
            for deffacts in cached:
                # reset() reads each signature with inspect on every call; inspect uses this if present.
                deffacts.__signature__ = inspect.signature(deffacts)
        # A DefFacts object belongs to the class and remembers the last instance it was read from.
        return [deffacts.__get__(self, type(self)) for deffacts in cached]
