"""The profile's TOML layout: converting between parsed TOML and the model, with validation.

Pure functions: ``store`` does the file I/O. Every validation message names the field it is about
(``lines.main.renewal_day``) so that a hand-edited profile can be fixed from the message alone.
"""

from collections.abc import Collection
from decimal import Decimal
from typing import Any

from kenactl.core import dates, units
from kenactl.core.model import (
    Allowances,
    Charge,
    Complaint,
    HistoryEntry,
    Line,
    Profile,
    UsageSample,
    check_line_name,
)
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.knowledge.fields import Fields, kind_of
from kenactl.knowledge.operators import BUILTIN
from kenactl.text import N_

SCHEMA_VERSION = 1
HISTORY_KINDS = ("renewal", "restart")


def profile_from_toml(document: dict[str, Any], operator_ids: Collection[str] = BUILTIN) -> Profile:
    """Validate a parsed TOML document (floats parsed as Decimal) and build the ``Profile``.

    ``operator_ids`` are the operators a line may name (the registry's, for the profile's folder).
    """
    top = Fields(document, "")
    version = top.raw("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # true and 1.0 equal 1 but are wrong types
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
            raise ProfileError(_("schema_version: {version} was written by a newer kenactl; this one reads "
                                 "{known}").format(version=version, known=SCHEMA_VERSION))
        raise ProfileError(_("schema_version: expected {known}, got {kind}").format(
            known=SCHEMA_VERSION, kind=kind_of(version)))
    top.check_keys({"schema_version", "default_line", "updated_at", "alarms", "lines", "complaints", "notify"})
    line_tables = top.table_at("lines")
    if not line_tables.table:
        raise ProfileError(_("lines: the profile has no lines; add one with [lines.main]"))
    lines = {name: _line(name, line_tables.table_at(name), operator_ids) for name in line_tables.table}
    default = top.text("default_line", next(iter(lines)))
    if default not in lines:
        raise ProfileError(_("default_line: {name} is not one of the lines ({known})").format(
            name=repr(default), known=", ".join(lines)))
    alarms = top.typed("alarms", list, N_("a list of durations such as [\"2d\"]"), ["2d"])
    for index, alarm in enumerate(alarms):
        top.convert(f"alarms[{index}]", lambda: dates.alarm_days([alarm], field=f"alarms[{index}]"))
    complaints = tuple(_complaint(fields, lines) for fields in top.tables("complaints"))
    notify = top.typed("notify", list, N_("a list of notification URLs such as [\"ntfy://ntfy.sh/my-topic\"]"), [])
    for index, url in enumerate(notify):
        if not isinstance(url, str) or "://" not in url:
            raise ProfileError(_("notify[{index}]: expected a notification URL such as ntfy://ntfy.sh/my-topic")
                               .format(index=index))
    return Profile(lines=lines, default_line=default, alarms=tuple(alarms), complaints=complaints,
                   updated_at=top.moment("updated_at", None), notify=tuple(notify))


def _line(name: str, fields: Fields, operator_ids: Collection[str]) -> Line:
    fields.convert("name", lambda: check_line_name(name))
    fields.check_keys({"operator", "offer", "price", "renewal_day", "renewal_time", "included", "credit",
                       "last_topup", "options", "pending_offer_change", "usage", "history", "charges"})
    operator = fields.text("operator")
    if operator not in operator_ids:
        raise ProfileError(_("{field}: unknown operator {name} (known: {known})").format(
            field=fields.name("operator"), name=repr(operator), known=", ".join(operator_ids)))
    renewal_time = fields.time_of_day("renewal_time", "00:00")
    options = fields.table_at("options")
    for key, value in options.table.items():
        options.text(key)
    return Line(
        name=name,
        operator=operator,
        offer=fields.text("offer"),
        price=fields.money("price"),
        renewal_day=fields.integer("renewal_day", 1, 31),
        renewal_time=renewal_time,
        included=_allowances(fields.table_at("included")),
        credit=fields.money("credit", allow_negative=True),
        last_topup=fields.day("last_topup", None),
        options=dict(options.table),
        pending_offer_change=fields.flag("pending_offer_change", False),
        usage=tuple(sorted((_sample(item) for item in fields.tables("usage")), key=lambda s: s.at)),
        history=tuple(sorted((_history(item) for item in fields.tables("history")), key=lambda h: h.at)),
        charges=tuple(_charge(item) for item in fields.tables("charges")),
    )


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


def _sample(fields: Fields) -> UsageSample:
    fields.check_keys({"at", "data", "minutes", "sms"})
    data = fields.typed("data", (str, int), N_("a data amount such as \"1.5GB\""), 0)
    return UsageSample(
        at=fields.moment("at"),
        data=fields.convert("data", lambda: units.parse_data(str(data), field=fields.name("data"),
                                                            allow_unlimited=False)),
        minutes=fields.integer("minutes", 0, 10**9, 0),
        sms=fields.integer("sms", 0, 10**9, 0),
    )


def _history(fields: Fields) -> HistoryEntry:
    fields.check_keys({"kind", "at", "price", "renewal_day_before", "renewal_day_after"})
    kind = fields.text("kind")
    if kind not in HISTORY_KINDS:
        raise ProfileError(_("{field}: {value} is not one of {known}").format(
            field=fields.name("kind"), value=repr(kind), known=", ".join(HISTORY_KINDS)))
    return HistoryEntry(kind=kind, at=fields.moment("at"), price=fields.money("price"),
                        renewal_day_before=fields.integer("renewal_day_before", 1, 31),
                        renewal_day_after=fields.integer("renewal_day_after", 1, 31))


def _charge(fields: Fields) -> Charge:
    fields.check_keys({"description", "amount", "added", "instalments", "every_days", "first_due", "paid"})
    amount = fields.money("amount")
    paid = fields.money("paid") if "paid" in fields.table else Decimal("0.00")
    if paid > amount:
        raise ProfileError(_("{field}: {paid} is more than the amount {amount}").format(
            field=fields.name("paid"), paid=paid, amount=amount))
    return Charge(description=fields.text("description"), amount=amount,
                  added=fields.day("added"), instalments=fields.integer("instalments", 1, 120, 1),
                  every_days=fields.integer("every_days", 1, 366, 30), first_due=fields.day("first_due", None),
                  paid=paid)


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


def profile_to_toml(profile: Profile) -> dict[str, Any]:
    """The TOML document for ``profile`` (money as Decimal, which tomli-w writes exactly)."""
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "default_line": profile.default_line}
    if profile.updated_at is not None:
        document["updated_at"] = profile.updated_at
    document["alarms"] = list(profile.alarms)
    document["lines"] = {name: _line_to_toml(line) for name, line in profile.lines.items()}
    if profile.complaints:
        document["complaints"] = [_without_none(vars(c)) for c in profile.complaints]
    if profile.notify:
        document["notify"] = list(profile.notify)
    return document


def _line_to_toml(line: Line) -> dict[str, Any]:
    table: dict[str, Any] = {
        "operator": line.operator,
        "offer": line.offer,
        "price": line.price,
        "renewal_day": line.renewal_day,
        "renewal_time": line.renewal_time.strftime("%H:%M"),
        "credit": line.credit,
        "pending_offer_change": line.pending_offer_change,
    }
    if line.last_topup is not None:
        table["last_topup"] = line.last_topup
    table["included"] = {
        "data": units.canonical_data(line.included.data),
        "minutes": line.included.minutes if line.included.minutes is not None else "unlimited",
        "sms": line.included.sms if line.included.sms is not None else "unlimited",
    }
    if line.options:
        table["options"] = dict(sorted(line.options.items()))
    if line.usage:
        table["usage"] = [{"at": s.at, "data": units.canonical_data(s.data), "minutes": s.minutes, "sms": s.sms}
                          for s in line.usage]
    if line.history:
        table["history"] = [vars(entry).copy() for entry in line.history]
    if line.charges:
        table["charges"] = [_without_none(vars(charge)) for charge in line.charges]
    return table


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
