"""The one typed TOML reader: the profile, the operator files and the charter files are read through it.

``Fields`` wraps one TOML table; every problem raises the reader's error type (``ProfileError`` by
default) naming ``file: table.key`` (the file when ``origin`` is given; the profile's store adds its
own) and what was expected, so a hand-edited file can be fixed from the message alone.
"""

from collections.abc import Collection
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from kenactl.core import dates, money
from kenactl.errors import InputError, KenactlError, ProfileError
from kenactl.i18n import _
from kenactl.text import N_, Msg

KIND_NAMES = {bool: N_("true/false"), int: N_("a whole number"), Decimal: N_("a decimal number"), str: N_("text"),
              list: N_("a list"), dict: N_("a table"), date: N_("a date"), datetime: N_("a date-time"),
              time: N_("a time")}


class Fields:
    """Typed access to one TOML table at ``where`` (``lines.main``; ``""`` for the top)."""

    def __init__(self, table: Any, where: str = "", *, origin: str | None = None,
                 error: type[KenactlError] = ProfileError):
        self.where, self.origin, self.error = where, origin, error
        if not isinstance(table, dict):
            self.fail(_("{field}: expected a table, got {kind}").format(field=where, kind=kind_of(table)))
        self.table = table

    def fail(self, message: str | Msg) -> None:
        """Raise the reader's error with ``message``, naming the file first when known."""
        if self.origin is not None:
            message = Msg("{origin}: {message}", origin=self.origin, message=message)
        raise self.error(message)

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def check_keys(self, allowed: set[str]) -> None:
        extra = sorted(set(self.table) - allowed)
        if extra:
            self.fail(_("{field}: unknown key (known: {known})").format(
                field=self.name(extra[0]), known=", ".join(sorted(allowed))))

    def raw(self, key: str, default: Any = ...) -> Any:
        if key not in self.table:
            if default is ...:
                self.fail(_("{field}: missing").format(field=self.name(key)))
            return default
        return self.table[key]

    def typed(self, key: str, types: type | tuple[type, ...], what: str, default: Any = ...) -> Any:
        value = self.raw(key, default)
        if value is default and default is not ...:
            return value
        wrong_bool = isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,))
        if wrong_bool or not isinstance(value, types):
            self.fail(_("{field}: expected {what}, got {kind}").format(
                field=self.name(key), what=_(what), kind=kind_of(value)))
        return value

    def text(self, key: str, default: Any = ...) -> str:
        return self.typed(key, str, N_("text"), default)

    def choice(self, key: str, known: Collection[str], default: Any = ..., separator: str = ", ") -> str:
        """A text that must be one of ``known``."""
        value = self.text(key, default)
        if value not in known and not (value is default and default is not ...):
            self.fail(_("{field}: {value} is not one of {known}").format(
                field=self.name(key), value=repr(value), known=separator.join(known)))
        return value

    def integer(self, key: str, low: int = 0, high: int = 10**9, default: Any = ...) -> int:
        value = self.typed(key, int, N_("a whole number"), default)
        if value is not None and not low <= value <= high:
            self.fail(_("{field}: {value} is outside {low}-{high}").format(
                field=self.name(key), value=value, low=low, high=high))
        return value

    def money(self, key: str, *, allow_negative: bool = False) -> Decimal:
        value = self.typed(key, (Decimal, int, str), N_("an amount in euros such as 7.99"))
        return self.convert(key, lambda: money.parse_money(value, field=self.name(key),
                                                          allow_negative=allow_negative))

    def flag(self, key: str, default: bool) -> bool:
        return self.typed(key, bool, N_("true or false"), default)

    def day(self, key: str, default: Any = ...) -> date | None:
        value = self.typed(key, date, N_("a date such as 2027-01-15"), default)
        if isinstance(value, datetime):
            self.fail(_("{field}: expected a date without time, got {value}").format(
                field=self.name(key), value=value.isoformat()))
        low, high = dates.YEARS
        if value is not None and not low <= value.year <= high:  # schedules and validity add months to it
            self.fail(_("{field}: {value} is outside the years {first}-{last}").format(
                field=self.name(key), value=value.isoformat(), first=low, last=high))
        return value

    def time_of_day(self, key: str, default: str) -> time:
        """A time of day in whole minutes: TOML's own time (``00:30:00``) or text (``"00:30"``)."""
        value = self.typed(key, (str, time), N_("a time such as 00:30"), default)
        if isinstance(value, str):
            return self.convert(key, lambda: dates.parse_time_of_day(value))
        if value.second or value.microsecond:
            self.fail(_("{field}: {value} is not a whole minute (write HH:MM, e.g. 00:30)").format(
                field=self.name(key), value=toml_value(value)))
        return value

    def moment(self, key: str, default: Any = ...) -> datetime | None:
        value = self.typed(key, datetime, N_("a date-time such as 2027-01-15T09:30:00+01:00"), default)
        if value is None:
            return None
        low, high = dates.YEARS
        if not low <= value.year <= high:  # also keeps the conversion to Europe/Rome in range
            self.fail(_("{field}: {value} is outside the years {first}-{last}").format(
                field=self.name(key), value=value.isoformat(), first=low, last=high))
        return dates.in_rome(value)

    def convert(self, key: str, parse):
        """``parse()``, its ``InputError`` reported as this reader's error naming ``key``."""
        try:
            return parse()
        except InputError as error:
            self.fail(Msg("{field}: {reason}", field=self.name(key), reason=error.reason))

    def table_at(self, key: str) -> "Fields":
        return Fields(self.raw(key, {}), self.name(key), origin=self.origin, error=self.error)

    def tables(self, key: str) -> list["Fields"]:
        value = self.raw(key, [])
        if not isinstance(value, list):
            self.fail(_("{field}: expected a list of tables ([[{field}]])").format(field=self.name(key)))
        return [Fields(item, f"{self.name(key)}[{index}]", origin=self.origin, error=self.error)
                for index, item in enumerate(value)]


def kind_of(value: Any) -> str:
    """What a TOML value is and how it was written, for messages: ``text "1"``, ``a date 2026-11-12``, ``a table``."""
    shown = toml_value(value) if not isinstance(value, (dict, list)) else ""
    name = KIND_NAMES.get(type(value))
    return f"{type(value).__name__ if name is None else _(name)} {shown}".strip()


def toml_value(value: Any) -> str:
    """A scalar as TOML writes it: ``"7,99"``, ``100.0``, ``true``, ``2026-11-12``, ``00:30:00``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        import json  # only here: every start reads operator files through this module

        return json.dumps(value, ensure_ascii=False)  # a TOML basic string
    if isinstance(value, (date, time)):  # a datetime is a date too
        return value.isoformat()
    return str(value)
