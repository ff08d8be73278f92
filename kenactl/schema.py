"""The profile's TOML layout, read: parsed TOML to the model, with validation (``schema_writer`` writes it).

Pure functions: ``store`` does the file I/O. Every validation message names the field it is about
(``lines.main.renewal_day``) so that a hand-edited profile can be fixed from the message alone.
"""

import re
from collections.abc import Collection, Sequence
from datetime import datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any

from kenactl.core import dates, money, units
from kenactl.core.model import (
    PAYMENTS,
    Allowances,
    Amounts,
    Change,
    Charge,
    Complaint,
    HistoryEntry,
    Line,
    Observation,
    Profile,
    TopUp,
    UsageSample,
    check_line_name,
    numbered,
)
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.knowledge.fields import Fields, kind_of
from kenactl.knowledge.registry import BUILTIN
from kenactl.safety import check_free_text
from kenactl.text import N_

SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)  # a version 1 profile is read as is and written as version 2 on its next write
SETTING_KEYS = ("operator", "offer", "price", "renewal_day", "renewal_time", "data", "minutes", "sms", "options",
                "payment", "pending_offer_change")


def profile_from_toml(document: dict[str, Any], operator_ids: Collection[str] = BUILTIN) -> Profile:
    """Validate a parsed TOML document (floats parsed as Decimal) and build the ``Profile``.

    ``operator_ids`` are the operators a line may name (the registry's, for the profile's folder).
    """
    top = Fields(document, "")
    version = top.raw("schema_version")
    if type(version) is not int or version not in READABLE_VERSIONS:  # true and 1.0 equal 1 but are wrong types
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
            raise ProfileError(_("schema_version: {version} was written by a newer kenactl; this one reads "
                                 "{known}").format(version=version, known=SCHEMA_VERSION))
        raise ProfileError(_("schema_version: expected {known}, got {kind}").format(
            known=SCHEMA_VERSION, kind=kind_of(version)))
    top.check_keys({"schema_version", "default_line", "updated_at", "alarms", "lines", "complaints", "notify"})
    line_tables = top.table_at("lines")
    if not line_tables.table:
        raise ProfileError(_("lines: the profile has no lines; add one with [lines.main]"))
    updated_at = top.moment("updated_at", None)
    if version == 1:
        from kenactl.schema_v1 import v1_line

        lines = {name: v1_line(name, line_tables.table_at(name), updated_at, operator_ids)
                 for name in line_tables.table}
    else:
        lines = {name: _line(name, line_tables.table_at(name), operator_ids) for name in line_tables.table}
    default = top.text("default_line", next(iter(lines)))
    if default not in lines:
        raise ProfileError(_("default_line: {name} is not one of the lines ({known})").format(
            name=repr(default), known=", ".join(lines)))
    alarms = top.typed("alarms", list, N_("a list of durations such as [\"2d\"]"), ["2d"])
    for index, alarm in enumerate(alarms):
        where = f"alarms[{index}]"
        top.convert(where, lambda alarm=alarm, where=where: dates.alarm_days([alarm], field=where))
    complaints = tuple(_complaint(fields, lines) for fields in top.tables("complaints"))
    notify = top.typed("notify", list, N_("a list of notification URLs such as [\"ntfy://ntfy.sh/my-topic\"]"), [])
    for index, url in enumerate(notify):
        if not isinstance(url, str) or "://" not in url:
            raise ProfileError(_("notify[{index}]: expected a notification URL such as ntfy://ntfy.sh/my-topic")
                               .format(index=index))
    return Profile(lines=lines, default_line=default, alarms=tuple(alarms), complaints=complaints,
                   updated_at=updated_at, notify=tuple(notify))


def _line(name: str, fields: Fields, operator_ids: Collection[str]) -> Line:
    """A version 2 line: its settings and its facts."""
    fields.convert("name", lambda: check_line_name(name))
    fields.check_keys({"operator", "offer", "note", "price", "renewal_day", "renewal_time", "included", "payment",
                       "options", "pending_offer_change", "last_topup", "activated", "credit", "observations",
                       "topups", "readings", "restarts", "renewals", "changes", "charges"})
    settings = _settings(name, fields, operator_ids)
    observations = Amounts(Observation, _amounts(fields, "observations", True))
    topups = Amounts(TopUp, _amounts(fields, "topups", False))
    history = [HistoryEntry(kind=kind, at=at, price=price, renewal_day_before=0, renewal_day_after=0)
               for kind, key in (("restart", "restarts"), ("renewal", "renewals"))
               for at, price in _rows(fields, key, lambda row: (row.moment(0), row.money(1)))]
    changes = tuple(Change(at=at, key=key, old=old) for at, key, old in _rows(fields, "changes", _change_row))
    paid = topups.rows
    credit = observations.rows[-1][1] if observations else fields.money("credit", allow_negative=True) \
        if "credit" in fields.table else money.ZERO
    if observations:  # the last observation plus the top-ups since (the ledger applies renewals and charges)
        since, first = observations.rows[-1][0], len(paid)
        while first and paid[first - 1][0] >= since:  # top-ups are in time order
            first -= 1
        credit += sum((amount for _at, amount in paid[first:]), money.ZERO)
    firsts = [dates.in_rome(paid[index][0]).date() for index in (0, -1)] if paid else []  # days follow instants
    days = [day for day in [*firsts, fields.day("last_topup", None)] if day is not None]
    activated = fields.day("activated", None)
    if activated is not None and days and activated > min(days):
        raise ProfileError(_("{field}: {day} is after the top-up of {topup}; a SIM is topped up once activated").format(
            field=fields.name("activated"), day=activated.isoformat(), topup=min(days).isoformat()))
    return Line(
        **settings,
        credit=credit,
        last_topup=max(days, default=None),
        activated=activated,
        usage=_readings(fields),
        history=tuple(sorted(history, key=lambda entry: dates.instant(entry.at))),
        charges=_charges(fields),
        observations=observations, topups=topups, changes=changes,
    )


def _settings(name: str, fields: Fields, operator_ids: Collection[str]) -> dict[str, Any]:
    """A version 2 line's settings, checked in the order of its keys, as ``Line``'s arguments."""
    operator = fields.text("operator")
    if operator not in operator_ids:
        raise ProfileError(_("{field}: unknown operator {name} (known: {known})").format(
            field=fields.name("operator"), name=repr(operator), known=", ".join(operator_ids)))
    payment = fields.text("payment", "credit")
    if payment not in PAYMENTS:
        raise ProfileError(_("{field}: {value} is not one of {known}").format(
            field=fields.name("payment"), value=repr(payment), known=", ".join(PAYMENTS)))
    renewal_time = fields.time_of_day("renewal_time", "00:00")
    options = fields.table_at("options")
    for key in options.table:
        options.text(key)
    return dict(name=name, operator=operator, offer=fields.text("offer"),
                price=fields.money("price"), renewal_day=fields.integer("renewal_day", 1, 31),
                renewal_time=renewal_time,
                included=_allowances(fields.table_at("included")), options=dict(options.table),
                pending_offer_change=fields.flag("pending_offer_change", False), payment=payment,
                note=fields.convert("note", lambda: check_free_text(fields.text("note", ""), field="note")))


class _Row:
    """One fact written as a short array (``[moment, amount]``); problems name ``field[index]``."""

    def __init__(self, value: Any, where: str, size: int):
        if not isinstance(value, list) or len(value) != size:
            raise ProfileError(_("{field}: expected an array of {size} values").format(field=where, size=size))
        self.fields = Fields({str(index): item for index, item in enumerate(value)}, where)

    def moment(self, index: int) -> datetime:
        return self.fields.moment(str(index))

    def money(self, index: int, negative: bool = False) -> Decimal:
        return self.fields.money(str(index), allow_negative=negative)

    def text(self, index: int) -> str:
        return self.fields.text(str(index))

    def raw(self, index: int) -> Any:
        return self.fields.raw(str(index))


def _rows(fields: Fields, key: str, parse) -> list:
    value = fields.raw(key, [])
    if not isinstance(value, list):
        raise ProfileError(_("{field}: expected an array of arrays").format(field=fields.name(key)))
    sizes = {"changes": 3}
    rows = [parse(_Row(item, f"{fields.name(key)}[{index}]", sizes.get(key, 2))) for index, item in enumerate(value)]
    return sorted(rows, key=lambda row: dates.instant(row[0]))


def _change_row(row: _Row) -> tuple[datetime, str, Any]:
    key = row.text(1)
    if key not in SETTING_KEYS:
        raise ProfileError(_("{field}: {value} is not one of {known}").format(
            field=row.fields.name("1"), value=repr(key), known=", ".join(SETTING_KEYS)))
    return row.moment(0), key, _setting_value(row, key)


def _setting_value(row: _Row, key: str) -> Any:
    """The stored earlier value of setting ``key``, checked and converted like the setting itself."""
    value = row.raw(2)
    probe = Fields({key: value}, row.fields.where)
    if key in ("data", "minutes", "sms"):
        table = {"data": "unlimited", "minutes": "unlimited", "sms": "unlimited", key: value}
        return _allowances(Fields(table, row.fields.where)).get(key)
    if key == "price":
        return probe.money(key)
    if key == "renewal_day":
        return probe.integer(key, 1, 31)
    if key == "renewal_time":
        return probe.time_of_day(key, "00:00")
    if key == "pending_offer_change":
        return probe.flag(key, False)
    if key == "options":
        options = probe.table_at(key)
        for name in options.table:
            options.text(name)
        return dict(options.table)
    return probe.text(key)


STRUCTURED_TEXT = frozenset({"readings", "observations", "topups"})
"""Keys whose text is data, not free text: their readers parse every row strictly (dates and numbers)."""


_AMOUNT_MOMENT = r"(?:19|2\d)\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ"
_AMOUNT = r"-?\d{1,9}+\.\d\d"
_AMOUNT_ROW = rf"({_AMOUNT_MOMENT}) ({_AMOUNT})"  # compiled when first used (a row of a hand-written block)
_INSTANT = itemgetter(0)  # an amount row's instant
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
_AMOUNT_SHAPES = frozenset(f"0000-00-00T00:00:00Z {sign}{'0' * digits}.00"
                           for sign in ("", "-") for digits in range(1, 10))
"""An amount block's rows with their digits written ``0``: a moment, a space, maybe a sign, 1-9 digits, 2 decimals."""


def _digits_as_zero(text: str) -> str:
    """``text`` with every decimal digit written ``0`` (Unicode's too: what ``\\d`` of a pattern matches)."""
    if text.isascii():
        return text.translate(_DIGITS_AS_ZERO)
    return "".join("0" if character.isdecimal() else character for character in text)


def _amount_block(text: str) -> bool:
    """Whether ``text`` is amount rows alone, each ending a line (no blank line, no spaces): ``re.fullmatch`` of
    ``(?:_AMOUNT_MOMENT _AMOUNT\\n)*`` without a pattern to compile, each row's shape from its digits written ``0``
    and its year (19xx or 2xxx) from the rows' first characters."""
    if not text:
        return True
    rows = _digits_as_zero(text[:-1]).split("\n") if text.endswith("\n") else None
    if rows is None or not _AMOUNT_SHAPES.issuperset(rows):
        return False
    starts = "\n" + text  # every row starts after a line end
    return starts.count("\n2") + starts.count("\n19") == len(rows)


def _amounts(fields: Fields, key: str, negative: bool) -> tuple[tuple[datetime, Decimal], ...]:
    """Dated amounts (credit observations, top-ups): one per line, ``moment amount`` (UTC to the second), as
    ``(instant, amount)`` rows in time order."""
    text = fields.text(key, "")
    ended = text + "\n" if text and not text.endswith("\n") else text
    exact = _amount_block(ended)  # as kenactl writes them: every row checked at once
    rows = text.splitlines() if exact else [row.strip() for row in text.splitlines() if row.strip()]
    if (exact or all(re.fullmatch(_AMOUNT_ROW, row) for row in rows)) and rows == sorted(rows) and \
            all(row[8:10] <= "28" for row in rows) and (negative or " -" not in text):  # only a sign follows " "
        amounts = [Decimal(row[21:]) for row in rows]
        if key != "topups" or not rows or min(amounts) > 0:  # the usual case: no checks per field
            return tuple(zip(map(datetime.fromisoformat, [row[:20] for row in rows]), amounts, strict=True))
    found = []
    for number, row in enumerate(rows, 1):
        match = re.fullmatch(_AMOUNT_ROW, row)
        try:
            at = datetime.fromisoformat(match.group(1)) if match else None
        except ValueError:
            at = None
        amount = Decimal(match.group(2)) if match else None
        if at is None or amount is None or (amount < 0 and not negative) or (amount <= 0 and key == "topups"):
            raise ProfileError(_("{field}: line {number}: expected a UTC moment such as 2026-11-20T19:00:00Z and an "
                                 "amount such as 10.00; got {row}").format(field=fields.name(key), number=number,
                                                                         row=repr(row)))
        found.append((at, amount))
    return tuple(sorted(found, key=_INSTANT))


def _readings(fields: Fields) -> Sequence[UsageSample]:
    """The usage readings: one per line, ``moment data-MB minutes SMS`` (UTC to the second), oldest first."""
    from kenactl.core.readings import Readings, bad_line, valid_rows

    text = fields.text("readings", "")
    valid = valid_rows(text[1:] if text.startswith("\n") else text)
    if valid is not None:  # the usual case, checked in one pass
        return Readings(valid)
    rows = [row.strip() for row in text.splitlines() if row.strip()]
    number = bad_line(rows)
    if number is not None:
        raise ProfileError(_("{field}: line {number}: expected a UTC moment such as 2026-11-20T19:00:00Z and three "
                             "counts (data MB, minutes, SMS), in time order; got {row}").format(
            field=fields.name("readings"), number=number, row=repr(rows[number - 1])))
    return Readings(rows)


def _allowances(fields: Fields) -> Allowances:
    fields.check_keys({"data", "minutes", "sms"})
    data = fields.typed("data", (str, int), N_("a data amount such as \"100GB\" or \"unlimited\""))
    minutes = fields.typed("minutes", (str, int), N_("a whole number or \"unlimited\""))
    sms = fields.typed("sms", (str, int), N_("a whole number or \"unlimited\""))
    return Allowances(
        data=fields.convert("data", lambda: units.parse_data(str(data), field=fields.name("data"))),
        minutes=fields.convert("minutes", lambda: units.parse_count(minutes, field=fields.name("minutes"))),
        sms=fields.convert("sms", lambda: units.parse_count(sms, field=fields.name("sms"))),
    )


def _charge(fields: Fields) -> Charge:
    fields.check_keys({"id", "description", "amount", "added", "instalments", "every_days", "first_due", "paid",
                       "by_card", "part"})
    amount = fields.money("amount")
    paid = fields.money("paid") if "paid" in fields.table else Decimal("0.00")
    if paid > amount:
        raise ProfileError(_("{field}: {paid} is more than the amount {amount}").format(
            field=fields.name("paid"), paid=paid, amount=amount))
    charge = Charge(description=fields.text("description"), amount=amount,
                    added=fields.day("added"), instalments=fields.integer("instalments", 1, 120, 1),
                    every_days=fields.integer("every_days", 1, 366, 30), first_due=fields.day("first_due", None),
                    paid=paid, id=fields.integer("id", 1, 10**9) if "id" in fields.table else 0,
                    by_card=fields.flag("by_card", False),
                    part=fields.money("part") if "part" in fields.table else None)
    from kenactl.core.charges import parts_fit

    if not parts_fit(charge):
        raise ProfileError(_("{field}: {count} instalments of {part} do not make {amount} (the last one takes the "
                             "rest)").format(field=fields.name("part"), count=charge.instalments, part=charge.part,
                                             amount=amount))
    return charge


def _charges(fields: Fields) -> tuple[Charge, ...]:
    """A line's charges, each with its stable id (numbered in order where a file from before ids has none)."""
    found = tuple(_charge(item) for item in fields.tables("charges"))
    ids = [charge.id for charge in found if charge.id]
    if len(ids) != len(set(ids)):
        twice = next(value for value in ids if ids.count(value) > 1)
        raise ProfileError(_("{field}: id {id} is used by two charges").format(field=fields.name("charges"), id=twice))
    return numbered(found)


def _complaint(fields: Fields, lines: dict[str, Line]) -> Complaint:
    fields.check_keys({"id", "filed", "subject", "line", "closed", "channel", "unsatisfied"})
    line = fields.text("line")
    if line not in lines:
        raise ProfileError(_("{field}: {name} is not one of the lines ({known})").format(
            field=fields.name("line"), name=repr(line), known=", ".join(lines)))
    return Complaint(id=fields.integer("id", 1, 10**9), filed=fields.day("filed"),
                     subject=fields.text("subject", ""), line=line, closed=fields.day("closed", None),
                     channel=fields.choice("channel", ("written", "phone"), None),
                     unsatisfied=fields.flag("unsatisfied", None))
