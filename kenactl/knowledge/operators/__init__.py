"""The one loader and validator of operator data files (``<id>.toml``), built in or the user's own.

Built-in files live beside this module; ``_common.toml`` holds the options every operator has. A
user adds or replaces an operator with ``operators/<id>.toml`` in the folder of the profile. A
broken file is a ``ProfileError`` naming the file, the key and the problem. A user's file is read and
checked whole at every call. A built-in operator ships built: ``builtin_operators`` holds what ``build``
makes of each built-in file, ``builtin_rules`` its ``validity``, ``features`` and ``offer`` parts alone for a
command that needs only one (written by ``tools/operator_data.py``, checked against the files by
``tests/test_operator_data.py``).
"""

import os
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from kenactl.core.model import Line
from kenactl.core.operator import (
    FEATURES,
    Condition,
    Event,
    Fact,
    Operator,
    OptionRule,
    Rate,
    ShortCredit,
    Statement,
    ValidityRule,
    require_feature,
)
from kenactl.core.renewal_rule import OUTCOMES, REQUIREMENTS, STATUSES
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.knowledge.fields import Fields
from kenactl.knowledge.registry import BUILTIN, COMMON, OPERATOR_ID, builtin_file, data_file, is_builtin, known, read
from kenactl.text import N_

FACT_KEYS = {"source", "as_of", "status"}


def load(operator_id: str, folder: str | None = None) -> Operator:
    """The operator ``operator_id``: the user's file if there is one, else the built-in one."""
    path = data_file(operator_id, folder)
    return _builtin(operator_id) if is_builtin(path) else _load(operator_id, path)


@cache
def _builtin(operator_id: str) -> Operator:
    """A built-in operator as shipped built (``builtin_operators``), once a process (``explain``, the reminders and
    ``status`` ask again)."""
    from kenactl.knowledge.operators.builtin_operators import OPERATORS

    return OPERATORS[operator_id](builtin_file(operator_id))


def _load(operator_id: str, path: str) -> Operator:
    return build(operator_id, path, read(path), read(builtin_file(COMMON)))


def build(operator_id: str, path: str | os.PathLike, document: dict[str, Any], common: dict[str, Any]) -> Operator:
    """The operator from its file's ``document`` (at ``path``) and ``_common``'s, checked whole."""
    return _with_context(path, lambda: _operator(operator_id, str(path), document, common))


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


def require(feature: str, line: Line, folder: str | None = None) -> None:
    """Refuse (exit 2) ``line`` if its operator's data does not list ``feature`` (``core.operator.require_feature``);
    every known operator's file is read (a user's whole, checked)."""
    require_feature(feature, line.name, line.operator, {name: part(name, "offer", folder) for name in known(folder)})


def load_all(folder: str | None = None) -> list[Operator]:
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


def _with_context(path: str, build):
    try:
        return build()
    except ProfileError as error:
        message = error.message
        raise ProfileError(message if message.startswith(str(path)) else f"{path}: {message}") from None


def _operator(operator_id: str, origin: str, document: dict[str, Any], common: dict[str, Any]) -> Operator:
    top = Fields(document, "")
    top.check_keys({"name", "features", "short_credit", "timeline", "works", "rates", "after_topup", "notes",
                    "options", "validity", "ledger"})
    options = _all_options(top, common)
    short = top.table_at("short_credit")
    short.check_keys({"outcome", "day0", "summary"} | FACT_KEYS)
    outcome = _outcome(short)
    return Operator(
        id=operator_id,
        name=top.text("name"),
        origin=origin,
        short_credit=ShortCredit(outcome=outcome, day0=_template(short, "day0"), summary=short.text("summary"),
                                 fact=_fact(short)),
        validity=_validity(top),
        timeline=_timeline(top, options),
        works=tuple(_statement(item, options) for item in top.tables("works")),
        rates=tuple(_rate(item, options) for item in top.tables("rates")),
        after_topup=tuple(_statement(item, options) for item in top.tables("after_topup")),
        notes=tuple(_statement(item, options) for item in top.tables("notes")),
        options=options,
        features=_features(top),
    )


def _all_options(top, common: dict[str, Any]) -> dict[str, OptionRule]:
    """The options every operator has (``_common.toml``), then the file's own."""
    return {**_options(Fields(common, "").table_at("options")), **_options(top.table_at("options"))}


def _outcome(short) -> str:
    outcome = short.text("outcome")
    if outcome not in OUTCOMES:
        raise ProfileError(_("{field}: {value} is not one of {known}").format(
            field=short.name("outcome"), value=repr(outcome), known=", ".join(OUTCOMES)))
    return outcome


def _timeline(top, options: dict[str, OptionRule]) -> tuple[Event, ...]:
    return tuple(_event(item, options) for item in top.tables("timeline"))


def _features(top) -> frozenset[str]:
    features = top.typed("features", list, N_("a list of values"), [])
    for index, feature in enumerate(features):
        if feature not in FEATURES:
            raise ProfileError(_("{field}: {value} is not one of {known}").format(
                field=f"{top.name('features')}[{index}]", value=repr(feature), known=", ".join(FEATURES)))
    return frozenset(features)


def _fact(fields) -> Fact:
    source = fields.text("source").strip()
    if not source:
        raise ProfileError(_("{field}: empty; name the publisher or page, the title and the date").format(
            field=fields.name("source")))
    status = fields.text("status")
    if status not in STATUSES:
        raise ProfileError(_("{field}: {value} is not one of {known}").format(
            field=fields.name("status"), value=repr(status), known=", ".join(STATUSES)))
    return Fact(source=source, as_of=fields.day("as_of"), status=status)


def _template(fields, key: str) -> str:
    """A text with bare placeholders only: no format spec, conversion, attribute or index (a spec such as
    ``{credit:>100000000}`` would print hundreds of megabytes)."""
    import string

    fields_allowed = ("credit", "credit_after", "shortfall", "price")
    text = fields.text(key)
    try:
        wrong = next((f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
                      for _literal, name, spec, conversion in string.Formatter().parse(text)
                      if name is not None and (name not in fields_allowed or spec or conversion)), None)
    except ValueError as error:  # an unmatched brace
        wrong = str(error)
    if wrong is not None:
        raise ProfileError(_("{field}: bad placeholder {error}; use {credit}, {credit_after}, {shortfall} or "
                             "{price}").format(field=fields.name(key), error=wrong, credit="{credit}",
                                               credit_after="{credit_after}", shortfall="{shortfall}",
                                               price="{price}"))
    return text


def _condition(fields, options: dict[str, OptionRule]) -> Condition:
    when = fields.table_at("when")
    values = {}
    for key, raw in when.table.items():
        rule = options.get(key)
        if rule is None:
            raise ProfileError(_("{field}: not an option of this operator (options: {options})").format(
                field=when.name(key), options=", ".join(sorted(options)) or _("none")))
        allowed = [raw] if isinstance(raw, str) else raw
        if not isinstance(allowed, list) or not allowed or not all(isinstance(v, str) for v in allowed):
            raise ProfileError(_("{field}: expected a value or a list of values of {key}").format(
                field=when.name(key), key=key))
        wrong = [value for value in allowed if value not in rule.values]
        if wrong:
            raise ProfileError(_("{field}: {value} is not one of {known}").format(
                field=when.name(key), value=repr(wrong[0]), known="|".join(rule.values)))
        values[key] = frozenset(allowed)
    return Condition(values)


def _event(fields, options) -> Event:
    fields.check_keys({"day", "event", "cost", "when", "only_if", "per_day_of_use"} | FACT_KEYS)
    only_if = fields.choice("only_if", REQUIREMENTS, None)
    return Event(day=fields.integer("day", 0, 3660), event=fields.text("event"),
                 cost=fields.money("cost") if "cost" in fields.table else None, fact=_fact(fields),
                 when=_condition(fields, options), only_if=only_if,
                 per_day_of_use=fields.flag("per_day_of_use", False))


def _statement(fields, options) -> Statement:
    fields.check_keys({"text", "when", "only_if"} | FACT_KEYS)
    return Statement(text=fields.text("text"), fact=_fact(fields), when=_condition(fields, options),
                     only_if=fields.choice("only_if", REQUIREMENTS, None))


def _rate(fields, options) -> Rate:
    fields.check_keys({"item", "amount", "unit", "when"} | FACT_KEYS)
    return Rate(item=fields.text("item"), amount=fields.money("amount"), unit=fields.text("unit"),
                fact=_fact(fields), when=_condition(fields, options))


def _options(table) -> dict[str, OptionRule]:
    rules = {}
    for key in table.table:
        if not re.match(OPERATOR_ID, key):
            raise ProfileError(_("{field}: option keys use lowercase letters, digits and '-'").format(
                field=table.name(key)))
        fields = table.table_at(key)
        fields.check_keys({"default", "values", "auto_renews"} | FACT_KEYS)
        values = fields.table_at("values")
        if not values.table:
            raise ProfileError(_("{field}: missing (give each value a description)").format(
                field=fields.name("values")))
        descriptions = {value: values.text(value) for value in values.table}
        default = fields.text("default")
        if default not in descriptions:
            raise ProfileError(_("{field}: {value} is not one of {known}").format(
                field=fields.name("default"), value=repr(default), known="|".join(descriptions)))
        renews = fields.typed("auto_renews", list, N_("a list of values"), [])
        wrong = [value for value in renews if value not in descriptions]
        if wrong:
            raise ProfileError(_("{field}: {value} is not one of {known}").format(
                field=fields.name("auto_renews"), value=repr(wrong[0]), known="|".join(descriptions)))
        rules[key] = OptionRule(key=key, default=default, values=descriptions, fact=_fact(fields),
                                auto_renews=frozenset(renews))
    return rules


def _validity(top) -> ValidityRule:
    if "validity" not in top.table:
        raise ProfileError(_("{field}: missing").format(field="validity"))
    fields = top.table_at("validity")
    fields.check_keys({"text", "valid_months", "grace_months", "grace_days", "reactivation_months",
                       "reactivation_from_topup_months"} | FACT_KEYS)
    return ValidityRule(
        text=fields.text("text"),
        fact=_fact(fields),
        valid_months=_maybe_int(fields, "valid_months", 1, 120),
        grace_months=fields.integer("grace_months", 0, 24, 0),
        grace_days=fields.integer("grace_days", 0, 366, 0),
        reactivation_months=_maybe_int(fields, "reactivation_months", 0, 120),
        reactivation_from_topup_months=_maybe_int(fields, "reactivation_from_topup_months", 1, 240),
    )


def _maybe_int(fields, key: str, low: int, high: int) -> int | None:
    return fields.integer(key, low, high) if key in fields.table else None


PARTS = {  # each part as read from an operator
    "validity": lambda operator: operator.validity,
    "features": lambda operator: operator.features,
    "offer": lambda operator: (operator.name, operator.features),
    "ledger": lambda operator: (operator.short_credit.outcome, operator.timeline, operator.options),
}
