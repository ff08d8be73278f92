"""The benchmark profiles: households of N lines with M months of recorded history, written as TOML.

Run: python benchmarks/profiles.py FOLDER   (writes the profiles ``run.py`` uses, and lists them)

Each line gets what a profile can hold for months of use: one renewal a month in its history (with a
Restart that moved the renewal day), usage samples through each month, pending charges in
instalments; the profile gets complaints (open and late, due soon, answered). Every record kind is one
function in ``LINE_RECORDS`` / ``PROFILE_RECORDS`` (the line, its spec and the moment "now" in; a list
of TOML tables out), so a new kind of record is one more function there. The data is deterministic:
the same arguments give the same bytes.
"""

import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import tomli_w

ROME = ZoneInfo("Europe/Rome")
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=ROME)  # pass as --at: the benchmarks never depend on the clock
OPERATORS = (("kena", "Kena 7.99", "7.99", "100GB"), ("tim", "TIM Go", "9.99", "50GB"),
             ("vodafone", "Vodafone Special", "8.99", "150GB"), ("windtre", "WindTre Go", "6.99", "80GB"),
             ("iliad", "Iliad 150", "9.99", "150GB"))
PROFILES = {  # name: (lines, months of history)
    "2-line": (2, 0),
    "1-line-24m": (1, 24),
    "5-line-24m": (5, 24),
    "200-line-24m": (200, 24),
}


class LineSpec(NamedTuple):
    """Who a generated line is: its name, place in the household and how much history it has."""

    name: str
    index: int
    months: int
    operator: str
    offer: str
    price: Decimal
    data: str
    renewal_day: int
    restart_day: int | None  # the day a Restart moved the renewal to, months/2 ago (kena lines with history)


def month_start(now: datetime, months_back: int) -> date:
    """The first day of the month ``months_back`` months before ``now``'s month."""
    serial = now.year * 12 + now.month - 1 - months_back
    return date(serial // 12, serial % 12 + 1, 1)


def renewals(spec: LineSpec, now: datetime) -> list[dict[str, Any]]:
    """One renewal a month for ``spec.months`` months, and the Restart that moved the renewal day."""
    entries = []
    day = spec.renewal_day if spec.restart_day is None else (spec.renewal_day % 28) + 1
    for back in range(spec.months, 0, -1):
        first = month_start(now, back)
        if spec.restart_day is not None and back == spec.months // 2:
            at = datetime.combine(first.replace(day=spec.restart_day), time(9, 30), ROME)
            entries.append({"kind": "restart", "at": at, "price": spec.price, "renewal_day_before": day,
                            "renewal_day_after": spec.restart_day})
            day = spec.restart_day
            continue
        at = datetime.combine(first.replace(day=day), time(0, 0), ROME)
        entries.append({"kind": "renewal", "at": at, "price": spec.price, "renewal_day_before": day,
                        "renewal_day_after": day})
    return entries


def usage(spec: LineSpec, now: datetime) -> list[dict[str, Any]]:
    """Four samples a month over the history, and three in the current month (data in MB)."""
    samples = []
    for back in range(spec.months, -1, -1):
        first = month_start(now, back)
        for week in range(4 if back else 3):
            at = datetime.combine(first + timedelta(days=spec.renewal_day - 1 + week * 6), time(20, 0), ROME)
            if at < now:
                step = week + 1
                samples.append({"at": at, "data": f"{step * (700 + 37 * spec.index % 900)}MB",
                                "minutes": step * 45, "sms": step * 3})
    return samples


def charges(spec: LineSpec, now: datetime) -> list[dict[str, Any]]:
    """A late fee in three instalments on every other line, one instalment already paid."""
    if spec.index % 2:
        return []
    added = (now - timedelta(days=40)).date()
    return [{"description": "late fee", "amount": Decimal("6.00"), "added": added, "instalments": 3,
             "every_days": 30, "first_due": added + timedelta(days=10), "paid": Decimal("2.00")}]


def complaints(specs: list[LineSpec], now: datetime) -> list[dict[str, Any]]:
    """On the first line: one open complaint late by weeks, one whose reply is due in two days (what
    ``remind`` reports), and one answered."""
    today, line = now.date(), specs[0].name
    return [{"id": 1, "filed": today - timedelta(days=75), "subject": "credit taken twice", "line": line},
            {"id": 2, "filed": today - timedelta(days=200), "subject": "no data for two days", "line": line,
             "closed": today - timedelta(days=170)},
            {"id": 3, "filed": today - timedelta(days=43), "subject": "offer changed unasked", "line": line}]


LINE_RECORDS: dict[str, Callable[[LineSpec, datetime], list[dict[str, Any]]]] = {
    "history": renewals,
    "usage": usage,
    "charges": charges,
}
PROFILE_RECORDS: dict[str, Callable[[list[LineSpec], datetime], list[dict[str, Any]]]] = {
    "complaints": complaints,
}


def line_specs(lines: int, months: int) -> list[LineSpec]:
    """The household: ``main`` first, then ``line2``, ``line3``... with operators in turn."""
    specs = []
    for index in range(lines):
        operator, offer, price, data = OPERATORS[index % len(OPERATORS)]
        renewal_day = 1 + (index * 5) % 28
        restart_day = (renewal_day + 9) % 28 + 1 if operator == "kena" and months >= 2 else None
        specs.append(LineSpec(name="main" if index == 0 else f"line{index + 1}", index=index, months=months,
                              operator=operator, offer=offer, price=Decimal(price), data=data,
                              renewal_day=restart_day or renewal_day, restart_day=restart_day))
    return specs


def line_table(spec: LineSpec, now: datetime) -> dict[str, Any]:
    """One ``[lines.NAME]`` table with its records."""
    table: dict[str, Any] = {
        "operator": spec.operator, "offer": spec.offer, "price": spec.price, "renewal_day": spec.renewal_day,
        "renewal_time": "00:00", "credit": Decimal("4.50") if spec.index % 3 == 1 else Decimal("12.00"),
        "pending_offer_change": False, "last_topup": (now - timedelta(days=20 + spec.index % 30)).date(),
        "included": {"data": spec.data, "minutes": "unlimited", "sms": 100},
    }
    for key, records in LINE_RECORDS.items():
        found = records(spec, now)
        if found:
            table[key] = found
    return table


def profile_document(lines: int, months: int, now: datetime = NOW) -> dict[str, Any]:
    """The TOML document of a household of ``lines`` lines with ``months`` months of history."""
    specs = line_specs(lines, months)
    document: dict[str, Any] = {"schema_version": 1, "default_line": specs[0].name, "alarms": ["2d"],
                                "lines": {spec.name: line_table(spec, now) for spec in specs}}
    for key, records in PROFILE_RECORDS.items():
        document[key] = records(specs, now)
    return document


def write_profiles(folder: Path) -> dict[str, Path]:
    """Write every profile of ``PROFILES`` into ``folder``; their paths by name."""
    paths = {}
    for name, (lines, months) in PROFILES.items():
        paths[name] = folder / f"{name}.toml"
        paths[name].write_text(tomli_w.dumps(profile_document(lines, months)), encoding="utf-8")
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python benchmarks/profiles.py FOLDER")
    for written in write_profiles(Path(sys.argv[1])).values():
        print(written)
