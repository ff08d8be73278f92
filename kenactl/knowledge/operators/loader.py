"""The one loader and validator of operator data files (``<id>.toml``), built in or the user's own.

``build`` makes an ``Operator`` of a file's document (and ``_common.toml``'s, the options every operator
has), checked whole; a broken file is a ``ProfileError`` naming the file, the key and the problem. It
reads a user's file at every call (``knowledge.operators``), and each built-in file when
``tools/operator_data.py`` writes what it makes of it into ``builtin_operators`` and ``builtin_rules``.
"""

import os
from typing import Any

from kenactl.core.features import FEATURES
from kenactl.core.operator import (
    Event,
    Fact,
    Operator,
    OptionRule,
    Rate,
    ShortCredit,
    Statement,
    ValidityRule,
)
from kenactl.core.renewal_rule import OUTCOMES, REQUIREMENTS, STATUSES, Condition
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.knowledge.fields import Fields
from kenactl.knowledge.registry import is_operator_id
from kenactl.text import N_

FACT_KEYS = {"source", "as_of", "status"}


def build(operator_id: str, path: str | os.PathLike, document: dict[str, Any], common: dict[str, Any]) -> Operator:
    """The operator from its file's ``document`` (at ``path``) and ``_common``'s, checked whole."""
    return _with_context(path, lambda: _operator(operator_id, str(path), document, common))


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
        if not is_operator_id(key):
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
