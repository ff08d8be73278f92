"""``@record`` behaves as ``dataclasses.dataclass(frozen=True)`` (or ``frozen=False``) for every layout of
fields and every way of calling it: the same values, the same errors, repr, equality, hash, replace."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kenactl.core.record import BuiltOnRead, FrozenInstanceError, as_dict, field, fields, record, replace

NAMES = ("alpha", "beta", "gamma", "delta", "epsilon")


def twin_classes(required: int, defaulted: int, factories: int, frozen: bool):
    """The same class as a record and as a dataclass: ``required`` fields, then defaults, then factories."""
    names = NAMES[:required + defaulted + factories]
    annotations = dict.fromkeys(names, int)
    plain = {name: index for index, name in enumerate(names[required:required + defaulted])}
    made = {name: tuple for name in names[required + defaulted:]}  # hashable, as a frozen value's fields
    ours = {"__annotations__": annotations, **plain, **{name: field(default_factory=made[name]) for name in made}}
    theirs = {"__annotations__": dict(annotations), **plain,
              **{name: dataclasses.field(default_factory=made[name]) for name in made}}
    mine = record(type("Value", (), ours), frozen=frozen)
    reference = dataclasses.dataclass(type("Value", (), theirs), frozen=frozen)
    return mine, reference, names


def outcome(cls, args, kwargs):
    try:
        value = cls(*args, **kwargs)
    except TypeError as error:
        return "error", str(error)
    return "value", repr(value)


layouts = st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 1), st.booleans())
calls = st.tuples(st.integers(0, 6), st.sets(st.sampled_from((*NAMES, "unknown"))))


@given(layouts, calls)
def test_construction_matches_dataclasses(layout, call):
    mine, reference, names = twin_classes(*layout)
    positional, keywords = call
    args = tuple(range(100, 100 + positional))
    kwargs = {name: 7 for name in sorted(keywords)}
    assert outcome(mine, args, kwargs) == outcome(reference, args, kwargs)


@given(layouts, st.lists(st.integers(0, 3), min_size=5, max_size=5), st.lists(st.integers(0, 3), min_size=5,
                                                                              max_size=5))
def test_equality_hash_replace_match_dataclasses(layout, first, second):
    mine, reference, names = twin_classes(*layout)
    required = layout[0]
    a, b = first[:required], second[:required]
    assert (mine(*a) == mine(*b)) == (reference(*a) == reference(*b))
    if layout[3]:
        assert hash(mine(*a)) == hash(reference(*a))
    else:
        for cls in (mine, reference):
            with pytest.raises(TypeError, match="unhashable"):
                hash(cls(*a))
    if names:
        changed = replace(mine(*a), **{names[-1]: 42})
        expected = dataclasses.replace(reference(*a), **{names[-1]: 42})
        assert repr(changed) == repr(expected)
        assert as_dict(changed) == dataclasses.asdict(expected)
    assert fields(mine) == tuple(item.name for item in dataclasses.fields(reference))


def test_a_frozen_record_refuses_assignment_and_a_factory_makes_a_new_value_each_time():
    @record
    class Basket:
        owner: str
        items: list = field(default_factory=list)
        note: str = field(default="", compare=False)

    first, second = Basket("ada"), Basket("ada", note="other")
    assert first.items is not second.items
    assert first == second  # ``note`` is not compared
    assert first != Basket("ada", ["bread"])
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'owner'"):
        first.owner = "bob"
    with pytest.raises(FrozenInstanceError):
        del first.owner
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        replace(first, colour="red")
    assert replace(first, owner="bob") == Basket("bob")


def test_a_field_without_default_after_one_with_a_default_is_refused_at_definition():
    with pytest.raises(TypeError, match="non-default argument 'late' follows default argument 'early'"):
        @record
        class Wrong:
            early: int = 1
            late: int


def test_a_mutable_default_is_refused_as_dataclasses_does():
    with pytest.raises(ValueError, match="default_factory"):
        @record
        class Wrong:
            items: list = []  # noqa: RUF012 (the mistake under test)


KINDS = ("required", "plain default", "mutable default", "factory", "field default", "field without default",
         "not compared")


def declared(kind: str, index: int, module):
    """The class attribute of a field of ``kind`` (``None``: none), with ``module``'s ``field``."""
    return {"plain default": index, "mutable default": [index], "factory": module.field(default_factory=tuple),
            "field default": module.field(default=index), "field without default": module.field(),
            "not compared": module.field(default=index, compare=False)}.get(kind)


@given(st.lists(st.sampled_from(KINDS), max_size=5), st.booleans())
def test_any_order_of_fields_is_defined_or_refused_as_dataclasses_does(kinds, frozen):
    """Fields of every kind in any order: the same error at definition, or the same fields, class
    attributes, construction with the required fields by position, and equality."""
    import kenactl.core.record as ours

    def define(decorate, module):
        names = NAMES[:len(kinds)]
        body = {"__annotations__": dict.fromkeys(names, int)}
        body.update({name: value for index, (name, kind) in enumerate(zip(names, kinds, strict=True))
                     if (value := declared(kind, index, module)) is not None})
        try:
            cls = decorate(type("Value", (), body), frozen=frozen)
        except (TypeError, ValueError) as error:
            return type(error), None, None
        required = [index for index, kind in enumerate(kinds) if kind in ("required", "field without default")]
        first, second = cls(*required), cls(*required)
        attributes = {name: cls.__dict__.get(name, "absent") for name in names}
        return repr(first), attributes, first == second

    mine = define(record, ours)
    reference = define(dataclasses.dataclass, dataclasses)
    assert mine == reference


class Squares(BuiltOnRead):
    """Rows are numbers; an item is the square of its row, counted as it is built."""

    __slots__ = ("builds",)

    def __init__(self, rows: tuple) -> None:
        super().__init__(rows)
        self.builds = 0

    def _build(self, row: int) -> int:
        self.builds += 1
        return row * row


@given(st.lists(st.integers(-5, 5), max_size=6), st.integers(-9, 9), st.integers(-9, 9), st.integers(-9, 9))
def test_built_on_read_is_the_tuple_of_its_items_built_once(rows, index, start, stop):
    """A ``BuiltOnRead`` indexes, slices and iterates as the tuple of its built items, building each once."""
    items = tuple(row * row for row in rows)
    squares = Squares(tuple(rows))
    assert len(squares) == len(items)
    if -len(items) <= index < len(items):
        assert squares[index] == items[index]
    else:
        with pytest.raises(IndexError):
            squares[index]
    assert squares[start:stop] == items[start:stop]
    assert tuple(squares) == items and list(reversed(squares)) == list(reversed(items))
    assert squares.builds == len(items)
