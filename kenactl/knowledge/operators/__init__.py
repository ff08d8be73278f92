"""The operators kenactl knows, from their data files (``<id>.toml``), built in or the user's own.

Built-in files live beside this module; ``_common.toml`` holds the options every operator has. A
user adds or replaces an operator with ``operators/<id>.toml`` in the folder of the profile. A user's
file is read and checked whole at every call by the one loader and validator (``operators.loader``; a
broken file is a ``ProfileError`` naming the file, the key and the problem). A built-in operator ships
built: ``builtin_operators`` holds what the loader makes of each built-in file, ``builtin_rules`` its
renewal rule and its ``validity``, ``features`` and ``offer`` parts alone for a command that needs only one (written by
``tools/operator_data.py``, checked against the files by ``tests/test_operator_data.py``), so a start
with only built-in operators does not load the loader, and one that only folds (``history``) not
``core.operator``.
"""

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from kenactl.core.model import Line
from kenactl.core.renewal_rule import RenewalRule, ValidityRule
from kenactl.knowledge.registry import BUILTIN, COMMON, builtin_file, data_file, is_builtin, known, read

if TYPE_CHECKING:
    from kenactl.core.operator import Operator


def load(operator_id: str, folder: str | None = None) -> "Operator":
    """The operator ``operator_id``: the user's file if there is one, else the built-in one."""
    path = data_file(operator_id, folder)
    return _builtin(operator_id) if is_builtin(path) else _load(operator_id, path)


@cache
def _builtin(operator_id: str) -> "Operator":
    """A built-in operator as shipped built (``builtin_operators``), once a process (``explain``, the reminders and
    ``status`` ask again)."""
    from kenactl.knowledge.operators.builtin_operators import OPERATORS

    return OPERATORS[operator_id](builtin_file(operator_id))


def _load(operator_id: str, path: str) -> "Operator":
    from kenactl.knowledge.operators.loader import build

    return build(operator_id, path, read(path), read(builtin_file(COMMON)))


def part(operator_id: str, name: str, folder: str | None = None) -> Any:
    """The operator's ``validity`` rule, ``features``, ``offer`` (its name and features) or ``ledger`` part (its
    short-credit outcome, timeline and options): from the whole of a user's file, checked, or as shipped built
    alone for a built-in operator (``builtin_rules.PARTS``; the ``ledger`` part from the whole operator)."""
    path = data_file(operator_id, folder)
    if is_builtin(path):
        return _builtin_part(operator_id, name)
    return PARTS[name](_load(operator_id, path))


@cache
def _builtin_part(operator_id: str, name: str) -> Any:
    from kenactl.knowledge.operators.builtin_rules import PARTS as SHIPPED

    return SHIPPED[name][operator_id]() if name in SHIPPED else PARTS[name](_builtin(operator_id))


def renewal_rule(operator_id: str, folder: str | None = None) -> RenewalRule:
    """The ledger's renewal rule of ``operator_id``: from the user's file in ``folder`` if there is one, checked
    whole (``knowledge.ledger_rules``), else the built-in one as shipped built (``builtin_rules.RULES``)."""
    path = data_file(operator_id, folder)
    if is_builtin(path):
        return _builtin_rule(operator_id)
    from kenactl.knowledge.ledger_rules import from_file

    return from_file(operator_id, path, PARTS["ledger"](_load(operator_id, path)))


@cache
def _builtin_rule(operator_id: str) -> RenewalRule:
    from kenactl.knowledge.operators.builtin_rules import RULES

    return RULES[operator_id]()


def require(feature: str, line: Line, folder: str | None = None) -> None:
    """Refuse (exit 2) ``line`` if its operator's data does not list ``feature`` (``core.features.require_feature``);
    every known operator's file is read (a user's whole, checked)."""
    from kenactl.core.features import require_feature

    require_feature(feature, line.name, line.operator, {name: part(name, "offer", folder) for name in known(folder)})


def load_all(folder: str | None = None) -> list["Operator"]:
    """Every known operator."""
    return [load(name, folder) for name in known(folder)]


def validity_rules(lines: Iterable[Line], folder: str | None = None) -> dict[str, ValidityRule]:
    """The SIM-validity rule of each operator of ``lines`` that have a last top-up or an activation day (only those
    are read)."""
    needed = sorted({line.operator for line in lines if line.last_topup or line.activated})
    return {name: part(name, "validity", folder) for name in needed}


def translatable_texts() -> list[tuple[str, str]]:
    """Every human text of the built-in files and where it is: ``(text, "operators/<file>.toml:<key>")``.

    The texts stay English in the files and in JSON; people see their translations (msgid = text).
    """
    found = []

    def add(text: Any, origin: str) -> None:
        if isinstance(text, str) and text.strip():
            found.append((text, origin))

    for name in (COMMON, *BUILTIN):
        document = read(builtin_file(name))
        where = f"operators/{name}.toml:"
        add(document.get("name"), where + "name")
        for section in ("short_credit", "validity"):
            for key in ("day0", "summary", "text", "source"):
                add(document.get(section, {}).get(key), f"{where}{section}.{key}")
        for section in ("timeline", "works", "rates", "after_topup", "notes"):
            for index, item in enumerate(document.get(section, [])):
                for key in ("event", "text", "item", "unit", "source"):
                    add(item.get(key), f"{where}{section}[{index}].{key}")
        for option, rule in document.get("options", {}).items():
            for value, description in rule.get("values", {}).items():
                add(description, f"{where}options.{option}.values.{value}")
            add(rule.get("source"), f"{where}options.{option}.source")
    return found


PARTS = {  # each part as read from an operator
    "validity": lambda operator: operator.validity,
    "features": lambda operator: operator.features,
    "offer": lambda operator: (operator.name, operator.features),
    "ledger": lambda operator: (operator.short_credit.outcome, operator.timeline, operator.options),
}
