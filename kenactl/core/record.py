"""``@record``: a dataclass that compiles no code when its class is defined.

``dataclasses.dataclass(frozen=True)`` writes and compiles six methods (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) for every class it decorates: about 1-2 ms a
class, paid again at every start of kenactl, which defines dozens of them and uses a few. ``record`` lets
``dataclasses`` collect the fields (so ``dataclasses.replace``, ``fields`` and ``asdict`` work as before)
and gives the class the same behaviour: an ``__init__`` compiled on the class's first instance (the one
dataclasses would write: keyword or positional, defaults, default factories), and functions written once
here for ``Name(field=value, ...)`` as repr, equality of the same class field by field and — frozen, the
default — a hash of the fields and no assignment after construction (``dataclasses.FrozenInstanceError``).
``record(frozen=False)`` is a mutable one, unhashable like a dataclass with ``eq``.
"""

import dataclasses
from dataclasses import MISSING, FrozenInstanceError
from operator import attrgetter
from typing import dataclass_transform


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls=None, /, *, frozen: bool = True):
    """Make ``cls`` a dataclass (frozen unless ``frozen=False``) whose methods cost nothing until used."""

    def wrap(cls):
        cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
        layout = dataclasses.fields(cls)
        _check_order(layout)
        cls._record_names = tuple(item.name for item in layout)
        cls._record_defaults = {item.name: item.default for item in layout if item.default is not MISSING}
        cls._record_factories = {item.name: item.default_factory for item in layout
                                 if item.default_factory is not MISSING}
        cls._record_values = staticmethod(attrgetter(*cls._record_names) if len(layout) > 1
                                          else _one_tuple(cls._record_names))
        cls.__init__ = _lazy_init(cls)
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


def _check_order(layout) -> None:
    """A field without a default cannot follow one with a default (the constructor could not be written)."""
    defaulted = None
    for item in layout:
        if item.default is not MISSING or item.default_factory is not MISSING:
            defaulted = item.name
        elif defaulted is not None:
            raise TypeError(f"non-default argument {item.name!r} follows default argument {defaulted!r}")


def _one_tuple(names: tuple[str, ...]):
    """The field values of an instance as a tuple, for a class of zero or one field."""
    return (lambda self: (getattr(self, names[0]),)) if names else (lambda self: ())


def _lazy_init(cls):
    """An ``__init__`` that compiles the class's own on its first call (as fast as a dataclass's from then on):
    a class never instantiated in a run costs nothing."""

    def __init__(self, *args, **kwargs) -> None:
        cls.__init__ = _compiled_init(cls)
        cls.__init__(self, *args, **kwargs)

    return __init__


def _compiled_init(cls):
    """The ``__init__`` dataclasses would write: each field a parameter (its default, or a sentinel replaced by
    a new value of its factory), set with ``object.__setattr__`` so that a frozen class can be built."""
    namespace = {"_set": object.__setattr__, "_MISSING": MISSING}
    parameters, body = ["self"], []
    for name in cls._record_names:
        if name in cls._record_defaults:
            namespace[f"_default_{name}"] = cls._record_defaults[name]
            parameters.append(f"{name}=_default_{name}")
        elif name in cls._record_factories:
            namespace[f"_factory_{name}"] = cls._record_factories[name]
            parameters.append(f"{name}=_MISSING")
            body.append(f"    if {name} is _MISSING:\n        {name} = _factory_{name}()")
        else:
            parameters.append(name)
        body.append(f"    _set(self, {name!r}, {name})")
    exec(f"def __init__({', '.join(parameters)}):\n" + "\n".join(body or ["    pass"]), namespace)
    initializer = namespace["__init__"]
    initializer.__qualname__ = f"{cls.__qualname__}.__init__"
    return initializer


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
