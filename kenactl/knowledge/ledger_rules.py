"""Reads each operator's renewal rule for the ledger: the ``[ledger]`` table of its data file.

The file is the one ``explain`` reads, chosen by the one registry (``knowledge.registry``: the built-in
``kenactl/knowledge/operators/<id>.toml`` or the user's ``operators/<id>.toml`` beside the profile),
read within the same limits; only the parts the rule needs are read —
``short_credit.outcome``, the ``timeline`` events that cost something, the options' defaults and
automatic-renewal values — so that every ``status`` can apply the rule without loading the whole
operator model. A value of the wrong kind is a ``ProfileError`` naming the file and the key.
"""

from functools import cache
from pathlib import Path
from typing import Any

from kenactl.core.renewal_rule import (
    CREDIT_EFFECTS,
    DAY_EFFECTS,
    FEE_SOURCES,
    OUTCOMES,
    REQUIREMENTS,
    STATUSES,
    TOPUP_EFFECTS,
    RenewalRule,
)
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.knowledge.registry import BUILTIN_FOLDER, COMMON, data_file, read

LEDGER_KEYS = {"credit": CREDIT_EFFECTS, "usable": (True, False), "topup": TOPUP_EFFECTS, "day": DAY_EFFECTS,
               "fees": FEE_SOURCES}


def renewal_rule(operator_id: str, folder: Path | None = None) -> RenewalRule:
    """The renewal rule of ``operator_id``: the user's file in ``folder`` if there is one, else the built-in
    one (the registry's choice). A user file without ``[ledger]`` gets the ``other`` operator's
    assumptions (marked unknown)."""
    path = data_file(operator_id, folder)
    try:
        return _builtin(operator_id) if path.parent == BUILTIN_FOLDER else _rule(operator_id, read(path))
    except ProfileError as error:
        message = error.message
        raise ProfileError(message if message.startswith(str(path)) else f"{path}: {message}") from None


@cache
def _builtin(operator_id: str) -> RenewalRule:
    """A built-in operator's rule, read once a process."""
    return _rule(operator_id, read(BUILTIN_FOLDER / f"{operator_id}.toml"))


def _rule(operator_id: str, document: dict[str, Any]) -> RenewalRule:
    from kenactl.core.renewal_rule import FeeRule, Source
    from kenactl.knowledge.fields import Fields

    top = Fields(document, "")
    options = {**_options(Fields(read(BUILTIN_FOLDER / f"{COMMON}.toml"), "").table_at("options")),
               **_options(top.table_at("options"))}
    outcome = _one_of(top.table_at("short_credit"), "outcome", OUTCOMES)
    source = top if "ledger" in document else Fields(read(BUILTIN_FOLDER / "other.toml"), "")
    table = source.table_at("ledger")
    table.check_keys(set(LEDGER_KEYS))
    values, facts = {}, {}
    for key, allowed in LEDGER_KEYS.items():
        fields = table.table_at(key)
        fields.check_keys({"value", "source", "as_of", "status"})
        values[key] = _one_of(fields, "value", allowed)
        facts[key] = Source(fields.text("source"), fields.day("as_of"), _one_of(fields, "status", STATUSES))
    fees = []
    if values.pop("fees") == "timeline":
        for item in top.tables("timeline"):
            cost = item.money("cost") if "cost" in item.table else None  # no cost: the sources state none
            if cost is not None and cost > 0:
                fees.append(FeeRule(item.integer("day", 0, 3660), item.text("event"), cost, _when(item, options),
                                    item.choice("only_if", REQUIREMENTS, None)))
    return RenewalRule(operator=operator_id, outcome=outcome, fees=tuple(fees),
                       auto_renews={key: renews for key, (_default, renews) in options.items() if renews},
                       defaults={key: default for key, (default, _renews) in options.items()}, facts=facts, **values)


def _one_of(fields, key: str, allowed: tuple) -> Any:
    value = fields.raw(key)
    if value not in allowed or type(value) is not type(allowed[0]):
        raise ProfileError(_("{field}: {value} is not one of {known}").format(
            field=fields.name(key), value=repr(value), known=", ".join(map(str, allowed))))
    return value


def _options(table) -> dict[str, tuple[str, frozenset[str]]]:
    """Each option's default and the values that pay renewals."""
    found = {}
    for key in table.table:
        fields = table.table_at(key)
        renews = fields.typed("auto_renews", list, "a list of values", [])
        found[key] = (fields.text("default"), frozenset(str(value) for value in renews))
    return found


def _when(item, options: dict) -> dict[str, frozenset[str]]:
    when = item.table_at("when")
    values = {}
    for key, raw in when.table.items():
        if key not in options:
            raise ProfileError(_("{field}: not an option of this operator (options: {options})").format(
                field=when.name(key), options=", ".join(sorted(options)) or _("none")))
        values[key] = frozenset([raw] if isinstance(raw, str) else map(str, raw))
    return values
