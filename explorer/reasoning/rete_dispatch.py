"""The nodes fast_rete adds to experta's RETE network: dispatch by value, and the root's tokens.

See fast_rete.py for why; each class here subclasses one of experta's.
"""

import logging
from typing import Any

from ._experta import experta as _experta_package
from ._experta import listening

# experta ships no types: its modules are Any to type checkers, said so here for the classes built on them.
_rete: Any = _experta_package.matchers.rete
_nodes: Any = _rete.nodes
_mixins: Any = _rete.mixins
_check = _rete.check
_fc = _experta_package.fieldconstraint
_watchers = _experta_package.watchers
_MATCH = _watchers.MATCH
_MATCHER = _watchers.MATCHER
_VALID = _rete.token.Token.TagType.VALID
_TokenInfo = _rete.token.TokenInfo

# Values whose == agrees with their hash, so a dict lookup finds exactly the constants == would match.
PLAIN_VALUES = (str, int, float, bool, type(None))


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
        # The usual case, one field tested and no child to call whatever its value: per value, every call
        # in order (a value's positions are in child order already), so routing is one lookup.
        self._single = None
        if len(self._tables) == 1 and not self._always:
            ((what, table),) = self._tables.items()
            flat = {value: [call for p in hits for call in self._calls[p]] for value, hits in table.items()}
            self._single = (what, flat)

    def route(self, token):
        (fact,) = token[1]
        if self._single is not None:
            what, flat = self._single
            value = _field(fact, what)
            if type(value) in PLAIN_VALUES:
                for call in flat.get(value, ()):
                    call(token)
                return
            if value is _MISSING:
                return
        self._route(token, fact)

    def _route(self, token, fact):
        positions = list(self._always)
        plain = True
        for what, table in self._tables.items():
            value = _field(fact, what)
            if value is _MISSING:
                continue
            if type(value) in PLAIN_VALUES:
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


def literal_key(node):
    """(field, constant) when ``node`` only tests that a plain field equals a plain constant."""
    matcher = getattr(node, "matcher", None)
    if not isinstance(node, _nodes.FeatureTesterNode) or not isinstance(matcher, _check.FeatureCheck):
        return None
    how, what = matcher.how, matcher.what
    if type(how) is not _fc.L or how.__bind__ is not None or type(how.value) not in PLAIN_VALUES:
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

    def copy(self):
        # experta's copy copies the facts, then its constructor copies them again
        return tuple.__new__(type(self), (self.tag, set(self.data), self.context.copy()))

    def to_info(self):
        """experta's TokenInfo of this token, made once: a node hands one token to all its children, and
        each two-input child files it in a memory as its info. A token is never changed once a node has
        passed it on (a node that changes a token changes its own copy first), so the info stays true."""
        info = self.__dict__.get("info")
        if info is None:
            info = self.__dict__["info"] = tuple.__new__(_TokenInfo, (frozenset(self[1]), frozenset(self[2].items())))
        return info


class Watching:
    """Whether no match watcher listens (experta's MATCH at INFO, MATCHER at DEBUG), read by the engine once
    per declaration or run (as it reads the fact watcher) rather than by every node for every token. Each
    matcher has its own, shared by its nodes. ``quiet`` False (outside a declaration or run, or while a
    match watcher listens): each node asks ``listening`` itself, as before."""

    __slots__ = ("quiet",)

    def __init__(self):
        self.quiet = False


NEVER_QUIET = Watching()  # what a node not yet given its matcher's reads


class CaptureNode(_nodes.FeatureTesterNode):
    """A node that binds the fact to a name (``AS.name << Fact(...)``: experta's FactCapture check), doing
    what experta's FeatureTesterNode does with that check's answer, {name: fact}, without the general
    code for any answer. Made from experta's node by ``capture_nodes``."""

    watch = NEVER_QUIET  # its matcher's Watching

    def activate(self, token):
        # experta's activate copies the token, then _activate below adds the name to the copy's context:
        # here the copy is made with the name in it, and only when the binding holds.
        if not self.watch.quiet and (listening(_MATCH, logging.INFO) or listening(_MATCHER, logging.DEBUG)):
            return super().activate(token)
        (fact,) = token[1]
        name, context = self.matcher.bind, token[2]
        if context.get(name, fact) != fact:
            return
        if (False, name) in context and context[(False, name)] == fact:
            return
        # The fact set copied, not made again: a copy keeps the fact's hash (a new set asks the fact for it).
        token = tuple.__new__(type(token), (token[0], token[1].copy(), {**context, name: fact}))
        for child in self.children:
            child.callback(token)

    def _activate(self, token):
        if not self.watch.quiet and listening(_MATCH, logging.INFO):  # watched: experta's node logs them
            super()._activate(token)
            return
        (fact,) = token.data
        name, context = self.matcher.bind, token.context
        if context.get(name, fact) != fact:
            return
        if (False, name) in context and context[(False, name)] == fact:
            return
        context[name] = fact
        for child in self.children:
            child.callback(token)


def capture_nodes(nodes) -> None:
    """Turn experta's FactCapture test nodes into CaptureNodes (same node, same children)."""
    for node in nodes:
        if type(node) is _nodes.FeatureTesterNode and type(node.matcher) is _check.FactCapture:
            node.__class__ = CaptureNode


class Bus(_nodes.BusNode):
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
        # What _Token.valid(fact) makes, without its two calls: a fact is declared through here many times a query.
        self._send(tuple.__new__(_Token, (_VALID, {fact}, {})))

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


def add_dispatcher(node, key_of):
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
