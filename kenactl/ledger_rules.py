"""Reads each operator's renewal rule for the ledger: the ``[ledger]`` table of its data file.

The file is the one ``explain`` reads (``kenactl/operators/<id>.toml``, or the user's
``operators/<id>.toml`` beside the profile); only the parts the rule needs are read —
``short_credit.outcome``, the ``timeline`` events that cost something, the options' defaults and
automatic-renewal values — so that every ``status`` can apply the rule without loading the whole
operator model. A value of the wrong kind is a ``ProfileError`` naming the file and the key.
"""

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from kenactl.core.renewal_rule import RenewalRule
from kenactl.errors import ProfileError
from kenactl.i18n import _

FOLDER = Path(__file__).parent / "operators"
BUILTIN = ("kena", "tim", "vodafone", "windtre", "iliad", "other")
OUTCOMES = ("suspended", "negative-credit", "not-renewed", "partially-charged", "unknown")
STATUSES = ("verified", "reported", "unknown")
LEDGER_KEYS = {"credit": ("untouched", "minus-price", "to-zero-rest-owed"), "usable": (True, False),
               "topup": ("renews", "unblocks"), "day": ("moves", "stays", "unknown"), "fees": ("timeline", "none")}


def renewal_rule(operator_id: str, folder: Path | None = None) -> RenewalRule:
    """The renewal rule of ``operator_id``: the user's file in ``folder`` if there is one, else the built-in
    one. A user file without ``[ledger]`` gets the ``other`` operator's assumptions (marked unknown)."""
    user_file = folder / f"{operator_id}.toml" if folder is not None else None
    if user_file is not None and user_file.is_file() and "/" not in operator_id:
        path = user_file
    elif operator_id in BUILTIN:
        path = FOLDER / f"{operator_id}.toml"
    else:
        from kenactl import operators

        operators.load(operator_id, folder)  # the loader's unknown-operator error
        raise AssertionError("unreachable")  # pragma: no cover
    try:
        return _rule(operator_id, _read(path))
    except ProfileError as error:
        message = error.message
        raise ProfileError(message if message.startswith(str(path)) else f"{path}: {message}") from None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(_("{path}: not valid TOML: {error}").format(path=path, error=error)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(_("{path}: cannot read: {error}").format(
            path=path, error=getattr(error, "strerror", None) or error)) from None


def _rule(operator_id: str, document: dict[str, Any]) -> RenewalRule:
    from kenactl.core.renewal_rule import FeeRule, Source
    from kenactl.schema import _Fields

    top = _Fields(document, "")
    options = {**_options(_Fields(_read(FOLDER / "_common.toml"), "").table_at("options")),
               **_options(top.table_at("options"))}
    outcome = _one_of(top.table_at("short_credit"), "outcome", OUTCOMES)
    table = top.table_at("ledger") if "ledger" in document else _Fields(_read(FOLDER / "other.toml"), "").table_at(
        "ledger")
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
            cost = item.money("cost")
            if cost > 0:
                fees.append(FeeRule(item.integer("day", 0, 3660), item.text("event"), cost, _when(item, options)))
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


def user_folder(profile_path: Path) -> Path:
    """Where a user's operator files live: ``operators/`` next to the profile (as for the operator loader)."""
    return profile_path.parent / "operators"
