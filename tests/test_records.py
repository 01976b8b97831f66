"""explorer/records.py: records behave as the frozen dataclasses they replace (equality, hash, repr,
immutability, construction, pickling), and defining one compiles no code."""

import builtins
import copy
import dataclasses
import functools
import pickle

import pytest

from explorer.records import FrozenRecordError, field, fields, record, replace


@record
class Point:
    x: int
    label: str = "p"
    note: tuple = field(default=(), compare=False)
    extra: list = field(default_factory=list, hash=False)


@dataclasses.dataclass(frozen=True)
class PointDC:  # the same class as a dataclass, to compare with
    x: int
    label: str = "p"
    note: tuple = dataclasses.field(default=(), compare=False)
    extra: list = dataclasses.field(default_factory=list, hash=False)


def test_equality_hash_and_repr_are_those_of_the_dataclass():
    a, b = Point(1, "q", (2,), [3]), Point(1, "q", (9,), [3])
    assert a == b  # note is not compared
    assert a != Point(2, "q") and a != Point(1, "r", (2,), [3]) and a != Point(1, "q", (2,), [4])
    assert a != (1, "q", (2,), [3])  # only a record of the same class is equal
    # the hash is a dataclass's: the tuple of the hashed fields (neither note nor extra here)
    point = Point(1, "q", (2,), (3,))
    assert hash(point) == hash(PointDC(1, "q", (2,), (3,))) == hash((1, "q"))
    assert repr(a) == repr(PointDC(1, "q", (2,), [3])).replace("PointDC", "Point")
    assert list({Point(i) for i in range(50)}) == [Point(x.x) for x in {PointDC(i) for i in range(50)}]


def test_a_record_is_frozen_and_slotted():
    point = Point(1)
    with pytest.raises(FrozenRecordError, match="cannot assign to field 'x'"):
        point.x = 2
    with pytest.raises(AttributeError):
        del point.label
    with pytest.raises(AttributeError):
        point.other = 1  # no such field, and no __dict__ to put it in
    assert not hasattr(point, "__dict__") and Point.__slots__ == ("x", "label", "note", "extra")


def test_construction_by_position_and_by_name_with_defaults():
    assert Point(1) == Point(x=1) == Point(1, "p", (), [])
    assert Point(1, label="q").label == "q" and Point(label="q", x=1).x == 1
    assert Point(1).extra is not Point(1).extra  # a fresh value from the factory each time
    for call, message in [
        (lambda: Point(), r"missing required argument: \['x'\]"),
        (lambda: Point(1, "q", (), [], 5), "takes 4 positional arguments but 5 were given"),
        (lambda: Point(1, x=2), "got multiple values for argument 'x'"),
        (lambda: Point(1, y=2), "got an unexpected keyword argument 'y'"),
    ]:
        with pytest.raises(TypeError, match=message):
            call()


def test_fields_and_replace():
    assert [f.name for f in fields(Point)] == [f.name for f in fields(Point(1))] == ["x", "label", "note", "extra"]
    point = Point(1, "q", (2,), [3])
    moved = replace(point, x=5)
    assert moved == Point(5, "q", (2,), [3]) and moved.note == (2,) and point.x == 1
    assert point.__replace__(label="r") == Point(1, "r", (2,), [3])  # what copy.replace() calls (3.13)
    with pytest.raises(TypeError, match="Point has no field 'y'"):
        replace(point, y=1)
    with pytest.raises(TypeError, match="is not a record"):
        fields(PointDC)


def test_pickle_and_copy_give_equal_records():
    point = Point(1, "q", (2,), [3])
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(point, protocol=protocol))
        assert again == point and again.note == (2,) and type(again) is Point
    assert copy.copy(point) == point and copy.deepcopy(point).extra == [3]


def test_own_methods_identity_and_changeable_records():
    @record
    class Short:
        name: str

        def __repr__(self):
            return f"<{self.name}>"

    @record(eq=False)
    class Base:
        __slots__ = ("__dict__",)  # room for the cached property
        items: tuple

        @functools.cached_property
        def count(self):
            return len(self.items)

    @record(frozen=False)
    class Filled:
        steps: list = field(default_factory=list)

    assert repr(Short("a")) == "<a>"
    base = Base((1, 2))
    assert base.count == 2 and base == base and base != Base((1, 2))  # equal only to itself
    assert hash(base) == object.__hash__(base)
    filled = Filled()
    filled.steps = [1]  # may be set again, and has no hash, as a dataclass that is not frozen
    assert filled == Filled([1]) and Filled.__hash__ is None


def test_mistakes_are_refused_when_the_class_is_made():
    with pytest.raises(ValueError, match="mutable default"):

        @record
        class Shared:
            items: list = []

    with pytest.raises(TypeError, match="has no default but follows"):

        @record
        class Order:
            a: int = 1
            b: int

    with pytest.raises(TypeError, match="cannot use super"):

        @record
        class Child:
            a: int

            def __repr__(self):
                return super().__repr__()


def test_making_a_record_compiles_nothing(monkeypatch):
    """The reason for the module: a dataclass runs exec() for its methods in every process."""
    calls = []
    real_exec = builtins.exec
    monkeypatch.setattr(builtins, "exec", lambda *args, **kwargs: calls.append("exec") or real_exec(*args, **kwargs))

    @record
    class Made:
        a: int
        b: str = "b"

    made = calls[:]

    @dataclasses.dataclass(frozen=True)
    class Compiled:
        a: int

    monkeypatch.undo()
    assert made == [] and calls != []  # the check sees a dataclass compile
    assert Made(1) == Made(1, "b") and repr(Made(1)).endswith("<locals>.Made(a=1, b='b')")
