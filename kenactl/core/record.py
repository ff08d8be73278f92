"""``@record``: an immutable value class (a dataclass's behaviour) that costs nothing to define.

``dataclasses.dataclass(frozen=True)`` imports ``dataclasses`` and ``copy``, inspects each class and writes
and compiles six methods for it: 1-2 ms a class, paid at every start of kenactl, which defines dozens of
classes and uses a few. A ``record`` reads its fields from the class's annotations, in order (a default,
or ``field(default_factory=...)``, as in a dataclass), and shares one set of methods written here:
``__init__`` taking each field by position or keyword (defaults and factories filled, the same
``TypeError`` for a missing, unknown or repeated argument), ``Name(field=value, ...)`` as repr, equality of
the same class field by field and — frozen, the default — a hash of the fields and no assignment after
construction (``FrozenInstanceError``). ``record(frozen=False)`` is a mutable one, unhashable.
``replace(value, **changes)`` is a copy with some fields changed; ``fields(cls)`` names the fields and
``as_dict(value)`` gives them by name. ``BuiltOnRead`` is an immutable sequence of stored rows whose items
are built when first read.
"""

from operator import attrgetter
from typing import dataclass_transform


class FrozenInstanceError(AttributeError):
    """An assignment to a field of a frozen record."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


class Field:
    """A field declared with ``field(...)``: its default or factory, and whether equality and hash use it."""

    __slots__ = ("default", "default_factory", "compare")

    def __init__(self, default=MISSING, default_factory=MISSING, compare: bool = True) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.default, self.default_factory, self.compare = default, default_factory, compare


def field(*, default=MISSING, default_factory=MISSING, compare: bool = True) -> Field:
    """A field with a default, or with a factory called for each new value (``list``, ``dict``);
    ``compare=False`` leaves it out of equality and hash."""
    return Field(default, default_factory, compare)


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(cls=None, /, *, frozen: bool = True):
    """Make ``cls`` a record (frozen unless ``frozen=False``) with the fields its annotations declare."""

    def wrap(cls):
        names, defaults, factories, compared = _layout(cls)
        cls._record_names = names
        cls._record_fields = frozenset(names)
        cls._record_defaults = defaults
        cls._record_factories = factories
        cls._record_values = attrgetter(*compared) if len(compared) > 1 else _FewValues(compared)
        cls.__match_args__ = names
        cls.__init__ = _initializer(names, len(defaults) + len(factories))
        cls.__repr__ = _repr
        cls.__eq__ = _eq
        if frozen:
            cls.__hash__ = _hash
            cls.__setattr__ = _setattr
            cls.__delattr__ = _delattr
        else:
            cls.__hash__ = None
        return cls

    return wrap if cls is None else wrap(cls)


def _layout(cls) -> tuple[tuple[str, ...], dict, dict, tuple[str, ...]]:
    """The field names in order, the plain defaults, the factories and the fields equality compares, from
    the class's own annotations; a ``field(...)`` class attribute is replaced by its default (or removed),
    as dataclasses does, which refuses a mutable default before a required field after a defaulted one.
    The fields before the first one with a class attribute are required and compared."""
    own = cls.__dict__
    names = tuple(own.get("__annotations__", ()))
    given = [name for name in names if name in own]
    if not given:
        return names, {}, {}, names
    first = names.index(given[0])
    defaults, factories, compared = {}, {}, list(names[:first])
    defaulted = late = None
    for name in names[first:]:
        value = own.get(name, MISSING)
        if not isinstance(value, Field) or value.compare:
            compared.append(name)
        if isinstance(value, Field):
            if value.default_factory is not MISSING:
                factories[name] = value.default_factory
                delattr(cls, name)
            elif value.default is not MISSING:
                defaults[name] = value.default
                setattr(cls, name, value.default)
            else:
                delattr(cls, name)
        elif value is not MISSING:
            if isinstance(value, (list, dict, set)):
                raise ValueError(f"mutable default {type(value)} for field {name} is not allowed: use default_factory")
            defaults[name] = value
        if name in defaults or name in factories:
            defaulted = defaulted or name
        elif defaulted and not late:
            late = name
    if late:
        raise TypeError(f"non-default argument {late!r} follows default argument {defaulted!r}")
    return names, defaults, factories, tuple(compared)


class _FewValues:
    """The values of zero or one compared field as a tuple (an ``attrgetter`` of one name gives the value
    itself). Like an ``attrgetter`` it is not a descriptor, so a class keeps it as it is: a ``staticmethod``
    copies the name and docs of what it wraps, raising and catching an ``AttributeError`` for each an
    ``attrgetter`` lacks (≈18 k instructions a class)."""

    __slots__ = ("names",)

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def __call__(self, value) -> tuple:
        return (getattr(value, self.names[0]),) if self.names else ()


def _initializer(names: tuple[str, ...], optional: int):
    """The ``__init__`` of a record with the fields ``names`` (the last ``optional`` ones with a default or a
    factory): the class's layout held by the closure, not looked up on the class at each construction."""
    known, count = frozenset(names), len(names)

    def __init__(self, *args, **kwargs) -> None:
        """Each field from its positional or keyword argument, else its default or a new value of its factory
        (set in the instance's ``__dict__``, so that a frozen record can be built); the errors Python gives
        for a function, in its order."""
        if kwargs and (not known.issuperset(kwargs) or (args and not kwargs.keys().isdisjoint(names[:len(args)]))):
            _refuse_keywords(type(self), kwargs, names[:len(args)])
        if len(args) > count:
            required = count - optional
            takes = (f"from {required + 1} to {count + 1} positional arguments" if required < count
                     else f"{count + 1} positional argument{'s' if names else ''}")
            raise TypeError(f"{type(self).__qualname__}.__init__() takes {takes} but {len(args) + 1} were given")
        values = self.__dict__
        if args:
            values.update(zip(names, args))  # noqa: B905 -- args may be fewer; a strict= keyword costs 1.6 k a call
        if kwargs:
            values.update(kwargs)
        if len(values) < count:
            _fill(type(self), values)

    return __init__


def _refuse_keywords(cls, kwargs: dict, by_position: tuple[str, ...]) -> None:
    """The ``TypeError`` for the first keyword argument that is not a field or repeats a positional one."""
    for name in kwargs:
        if name not in cls._record_fields:
            raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument {name!r}")
        if name in by_position:
            raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument {name!r}")


def _fill(cls, values: dict) -> None:
    """The defaults and factories of the fields not given; a ``TypeError`` naming the required ones missing."""
    for name, default in cls._record_defaults.items():
        values.setdefault(name, default)
    for name, factory in cls._record_factories.items():
        if name not in values:
            values[name] = factory()
    if len(values) < len(cls._record_names):
        quoted = [repr(name) for name in cls._record_names if name not in values]
        listed = " and ".join(quoted) if len(quoted) < 3 else ", ".join(quoted[:-1]) + ", and " + quoted[-1]
        plural = "s" if len(quoted) > 1 else ""
        raise TypeError(f"{cls.__qualname__}.__init__() missing {len(quoted)} required positional "
                        f"argument{plural}: {listed}")


def replace(value, /, **changes):
    """A copy of the record ``value`` with ``changes`` to some of its fields."""
    cls = type(value)
    if not cls._record_fields.issuperset(changes):
        unknown = next(name for name in changes if name not in cls._record_fields)
        raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument {unknown!r}")
    copy = object.__new__(cls)
    fields_now = value.__dict__
    copy.__dict__.update({name: fields_now[name] for name in cls._record_names}, **changes)
    return copy


def fields(value) -> tuple[str, ...]:
    """The field names of a record class or instance, in order."""
    return value._record_names


def as_dict(value) -> dict:
    """The fields of the record ``value`` by name, in order."""
    return {name: getattr(value, name) for name in value._record_names}


def _repr(self) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_names)
    return f"{type(self).__qualname__}({shown})"


def _eq(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self._record_values(self) == other._record_values(other)


def _hash(self) -> int:
    return hash(self._record_values(self))


def _setattr(self, name: str, value) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


class BuiltOnRead:
    """An immutable sequence of stored rows, each item built from its row when first read (by the subclass's
    ``_build(row)``), then kept. Indexed, sliced, iterated, reversed and searched (``in``) as a tuple; not a
    ``collections.abc.Sequence``, whose classes cost twice as much to define (≈0.1 M instructions each)."""

    __slots__ = ("_rows", "_built")

    def __init__(self, rows: tuple) -> None:
        self._rows, self._built = rows, {}

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self._rows))))
        if index < 0:
            index += len(self._rows)
        if not 0 <= index < len(self._rows):
            raise IndexError("index out of range")
        if index not in self._built:
            self._built[index] = self._build(self._rows[index])
        return self._built[index]

    def __iter__(self):
        return map(self.__getitem__, range(len(self._rows)))
