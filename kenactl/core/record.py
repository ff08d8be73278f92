"""``@record``: a dataclass whose methods are shared functions instead of code compiled for each class.

``dataclasses.dataclass(frozen=True)`` writes and compiles six methods (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) for every class it decorates: about 1-2 ms a
class, paid again at every start of kenactl, which builds dozens of them. ``record`` lets ``dataclasses``
collect the fields (so ``dataclasses.replace``, ``fields`` and ``asdict`` work as before) and gives the
class the same behaviour from functions written once here: keyword or positional construction with the
defaults and default factories, ``Name(field=value, ...)`` as repr, equality of the same class field by
field, and — frozen, the default — a hash of the fields and no assignment after construction
(``dataclasses.FrozenInstanceError``). ``record(frozen=False)`` is a mutable one, unhashable like a
dataclass with ``eq``.
"""

import dataclasses
from dataclasses import MISSING, FrozenInstanceError
from operator import attrgetter
from typing import dataclass_transform


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls=None, /, *, frozen: bool = True):
    """Make ``cls`` a dataclass (frozen unless ``frozen=False``) without generating code for it."""

    def wrap(cls):
        cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
        layout = dataclasses.fields(cls)
        cls._record_names = tuple(item.name for item in layout)
        cls._record_defaults = {item.name: item.default for item in layout if item.default is not MISSING}
        cls._record_factories = {item.name: item.default_factory for item in layout
                                 if item.default_factory is not MISSING}
        cls._record_values = staticmethod(attrgetter(*cls._record_names) if len(layout) > 1
                                          else _one_tuple(cls._record_names))
        cls.__init__ = _init
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


def _one_tuple(names: tuple[str, ...]):
    """The field values of an instance as a tuple, for a class of zero or one field."""
    return (lambda self: (getattr(self, names[0]),)) if names else (lambda self: ())


def _init(self, *args, **kwargs) -> None:
    """Set each field from the arguments (positional ones first, in field order), else its default."""
    cls = type(self)
    names = cls._record_names
    if args:
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__}() takes {len(names)} arguments but {len(args)} were given")
        twice = next((name for name in names[:len(args)] if name in kwargs), None)
        if twice is not None:
            raise TypeError(f"{cls.__name__}() got multiple values for argument {twice!r}")
        kwargs = {**dict(zip(names, args)), **kwargs}
    used = 0
    for name in names:
        if name in kwargs:
            value = kwargs[name]
            used += 1
        elif name in cls._record_defaults:
            value = cls._record_defaults[name]
        elif name in cls._record_factories:
            value = cls._record_factories[name]()
        else:
            raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
        object.__setattr__(self, name, value)
    if used < len(kwargs):
        unexpected = next(key for key in kwargs if key not in names)
        raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {unexpected!r}")


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
