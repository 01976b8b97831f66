"""Frozen records: the decorator that makes the package's value classes (knowledge entries, what the
reader finds, what an exploration returns) frozen, comparable, hashable and printable from their
annotations, and ``fields`` and ``replace`` for them.

Why not ``dataclasses``: a dataclass compiles its generated methods (``exec``) in every process that
defines it, about half a millisecond a class, which was a quarter of a cold ``match``. Here the methods
are closures shared by every record, so defining a class is only reading its annotations.

A record behaves as a frozen dataclass does: ``__init__`` takes the fields in order (positionally or by
name, defaults and ``field(default_factory=...)`` filled in); two records are equal when they are of the
same class and their compared fields are equal; the hash is the hash of the tuple of the hashed fields
(as a dataclass's, so sets of records iterate in the same order); ``repr`` is ``Name(field=value, ...)``;
setting or deleting an attribute raises ``FrozenRecordError`` (an AttributeError). A method the class
defines itself (a short ``__repr__``) is kept. Each field is a slot (no ``__dict__``, so reading a field
is as quick as it gets); a class with a ``functools.cached_property`` says ``__slots__ = ("__dict__",)``.
A record pickles as its class and its values.
"""

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

_C = TypeVar("_C", bound=type)
_T = TypeVar("_T")
_MISSING: Any = object()


class FrozenRecordError(AttributeError):
    """An attribute of a frozen record was set or deleted."""


class Field:
    """One field of a record: its name, its default (or a factory making one) and whether it takes part
    in equality, in the hash and in ``repr``."""

    __slots__ = ("name", "default", "default_factory", "compare", "hash", "repr")

    def __init__(self, default: Any, default_factory: Any, compare: bool, hash: bool | None, repr: bool) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.hash = hash
        self.repr = repr

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


@overload
def field(*, default: _T, compare: bool = True, hash: bool | None = None, repr: bool = True) -> _T: ...
@overload
def field(
    *, default_factory: Callable[[], _T], compare: bool = True, hash: bool | None = None, repr: bool = True
) -> _T: ...
@overload
def field(*, compare: bool = True, hash: bool | None = None, repr: bool = True) -> Any: ...
def field(*, default=_MISSING, default_factory=_MISSING, compare=True, hash=None, repr=True):
    """A field with options, as ``dataclasses.field``: ``hash=None`` means hashed when compared."""
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("a field cannot have both a default and a default_factory")
    return Field(default, default_factory, compare, hash, repr)


@overload
def record(cls: _C, /) -> _C: ...
@overload
def record(*, eq: bool = True, frozen: bool = True) -> Callable[[_C], _C]: ...
@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls=None, /, *, eq=True, frozen=True):
    """Make ``cls`` a frozen record (see the module). ``eq=False`` keeps identity equality and hashing;
    ``frozen=False`` lets fields be set again, and then a record that compares by value has no hash (as
    a dataclass)."""

    def make(cls):
        return _make(cls, eq, frozen)

    return make if cls is None else make(cls)


def fields(item) -> tuple[Field, ...]:
    """The fields of a record class or record, in order."""
    try:
        return tuple(item.__record_fields__.values())
    except AttributeError:
        raise TypeError(f"{item!r} is not a record or a record class") from None


def replace(item: _T, /, **changes) -> _T:
    """A copy of the record ``item`` with the given fields changed (the others keep their values)."""
    kind: Any = type(item)
    names = kind.__record_fields__
    if not changes.keys() <= names.keys():
        unknown = sorted(changes.keys() - names.keys())[0]
        raise TypeError(f"{kind.__qualname__} has no field {unknown!r}")
    return kind(*(dict(zip(names, kind.__record_values__(item))) | changes).values())


def _make(cls, eq, frozen):
    own = _own_fields(cls)
    inherited = {f.name: f for base in cls.__mro__[-1:0:-1] for f in getattr(base, "__record_fields__", {}).values()}
    every = {**inherited, **own}
    _defaults_last(cls, every)
    names = tuple(every)
    body = {key: value for key, value in cls.__dict__.items() if key not in own and key not in _NOT_COPIED}
    _no_class_cell(cls, body)
    # A slot for each own field (the body may ask for more: "__dict__" for a cached_property). The class is
    # made again, as slots can only be given to a class being made.
    body["__slots__"] = (*own, *cls.__dict__.get("__slots__", ()))
    body["__qualname__"], body["__record_fields__"], body["__match_args__"] = cls.__qualname__, every, names
    body["__record_values__"] = staticmethod(values := _getter(names))
    if frozen:
        body["__setattr__"], body["__delattr__"] = _frozen_setattr, _frozen_delattr
    methods = {"__repr__": _repr(tuple(f.name for f in every.values() if f.repr)), "__reduce__": _reduce(values)}
    body.setdefault("__replace__", replace)  # copy.replace() on Python 3.13 and later
    if eq:
        methods["__eq__"] = _eq(_getter(tuple(f.name for f in every.values() if f.compare)))
        if frozen and ("__hash__" not in body or (body["__hash__"] is None and "__eq__" in body)):
            body["__hash__"] = _hash(_getter(tuple(f.name for f in every.values() if _hashed(f))))
        elif not frozen:
            body.setdefault("__hash__", None)  # equal by value but changeable: no hash, as a dataclass
    for name, method in methods.items():
        if name not in body:
            body[name] = _named(method, cls, name)
    made = type(cls)(cls.__name__, cls.__bases__, body)
    if "__init__" not in body:
        made.__init__ = _named(_init(made, every), cls, "__init__")
    return made


def _named(method, cls, name: str):
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    return method


_NOT_COPIED = ("__dict__", "__weakref__", "__slots__")


def _no_class_cell(cls, body) -> None:
    """A method using ``super()`` or ``__class__`` would still see the class before it got its slots."""
    for value in body.values():
        code = getattr(getattr(value, "__func__", value), "__code__", None)
        if code is not None and "__class__" in code.co_freevars:
            raise TypeError(f"{cls.__qualname__}: a record's methods cannot use super() or __class__")


def _defaults_last(cls, every: dict[str, Field]) -> None:
    """A field without a default after one with a default could only be given by name: refused, as a
    dataclass refuses it."""
    seen = None
    for f in every.values():
        if f.default is not _MISSING or f.default_factory is not _MISSING:
            seen = f.name
        elif seen:
            raise TypeError(f"{cls.__qualname__}: field {f.name!r} has no default but follows {seen!r}, which has")


def _hashed(f: Field) -> bool:
    return f.hash if f.hash is not None else f.compare


def _own_fields(cls) -> dict[str, Field]:
    """The fields the class body annotates, in order, each with its default taken from the body."""
    out: dict[str, Field] = {}
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        value = cls.__dict__.get(name, _MISSING)
        made = value if isinstance(value, Field) else Field(value, _MISSING, True, None, True)
        made.name = name
        if isinstance(made.default, (list, dict, set)):
            raise ValueError(f"{cls.__qualname__}.{name}: a mutable default is shared, use default_factory")
        out[name] = made
    return out


def _is_class_var(annotation) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar"))


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    """A function giving the tuple of these attributes of a record (always a tuple, as hashes depend on it)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda item: (one(item),)
    return lambda item: ()


def _init(cls, every: dict[str, Field]):
    """``__init__`` for a record class: each value is put straight into its slot. The usual calls (every
    field by position; only the first ones, the rest having plain defaults; by name) take a short path."""
    qualname = cls.__qualname__
    names = tuple(every)
    count = len(names)
    slots = tuple(getattr(cls, name).__set__ for name in names)
    defaults = {f.name: f.default for f in every.values() if f.default is not _MISSING}
    factories = {f.name: f.default_factory for f in every.values() if f.default_factory is not _MISSING}
    required = count - len(defaults) - len(factories)  # defaults come last (_defaults_last)
    tail = tuple(defaults.values()) if not factories else None

    def bind(args, kwargs):
        values = kwargs
        if args:  # some by position, the rest by name
            values = dict(zip(names, args))
            if len(args) > count or not values.keys().isdisjoint(kwargs):
                _bad_arguments(qualname, names, args, kwargs, values)
            values |= kwargs
        if len(values) != count:
            values = defaults | values
        if len(values) < count:
            values |= {name: factories[name]() for name in factories if name not in values}
        if len(values) == count:
            try:
                return tuple(map(values.__getitem__, names))
            except KeyError:  # a name that is no field stood for a missing one
                pass
        _bad_arguments(qualname, names, args, kwargs, values)

    def __init__(self, *args, **kwargs):
        if kwargs:
            if args or len(kwargs) != count:
                args = bind(args, kwargs)
            else:  # every field by name: no dict of values to build
                try:
                    args = tuple(map(kwargs.__getitem__, names))
                except KeyError:  # a name that is no field
                    args = bind(args, kwargs)
        elif len(args) != count:
            args = (
                args + tail[len(args) - required :]
                if tail is not None and required <= len(args) < count
                else bind(args, kwargs)
            )
        for put, value in zip(slots, args):
            put(self, value)

    return __init__


def _bad_arguments(qualname, names, args, kwargs, values):
    """Raise the TypeError a generated ``__init__`` would raise for these arguments (``values``: what they
    and the defaults give)."""
    if len(args) > len(names):
        raise TypeError(f"{qualname}() takes {len(names)} positional arguments but {len(args)} were given")
    for name in kwargs:
        if name not in names:
            raise TypeError(f"{qualname}() got an unexpected keyword argument {name!r}")
        if name in names[: len(args)]:
            raise TypeError(f"{qualname}() got multiple values for argument {name!r}")
    missing = [name for name in names if name not in values]
    raise TypeError(f"{qualname}() missing required argument{'s' if len(missing) > 1 else ''}: {missing}")


def _repr(names: tuple[str, ...]):
    def __repr__(self):
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _reduce(values: Callable[[Any], tuple]):
    def __reduce__(self):
        return self.__class__, values(self)

    return __reduce__


def _eq(values: Callable[[Any], tuple]):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(values: Callable[[Any], tuple]):
    def __hash__(self):
        return hash(values(self))

    return __hash__


def _frozen_setattr(self, name, value):
    raise FrozenRecordError(f"cannot assign to field {name!r} of a frozen {type(self).__qualname__}")


def _frozen_delattr(self, name):
    raise FrozenRecordError(f"cannot delete field {name!r} of a frozen {type(self).__qualname__}")
