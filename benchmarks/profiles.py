"""The benchmark households: N lines with M months of recorded facts, written as kenactl writes a profile.

    python benchmarks/profiles.py FOLDER                      # the profiles run.py and ledger.py use
    python benchmarks/profiles.py OUT.toml --lines 5 --months 24 [--readings 30]   # one household

Each line holds what months of use leave in a profile: a credit observation and a top-up a month,
usage readings through each month (``--readings`` a month; the current month's up to "now"), a Restart
that moved the renewal day (kena lines with history), a late fee in instalments (every other line); the
household has complaints (open and late, due soon, answered). With 0 months a line holds only the
current month, so that the households differ only by the past. Every record kind is one function in
``LINE_RECORDS`` / ``PROFILE_RECORDS`` (the line's spec and "now" in, the records out), so a new kind
of record is one more function there. The profile is built as kenactl's model and written by
``kenactl.store.dumps`` (the schema kenactl writes today). Deterministic: the same arguments give the
same bytes.
"""

import argparse
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from kenactl import store
from kenactl.core.model import (
    Allowances,
    Charge,
    Complaint,
    HistoryEntry,
    Line,
    Observation,
    Profile,
    TopUp,
    UsageSample,
)

ROME = ZoneInfo("Europe/Rome")
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=ROME)  # pass as --at: the benchmarks never depend on the clock
OPERATORS = (("kena", "Kena 7.99", "7.99", 100_000), ("tim", "TIM Go", "9.99", 50_000),
             ("vodafone", "Vodafone Special", "8.99", 150_000), ("windtre", "WindTre Go", "6.99", 80_000),
             ("iliad", "Iliad 150", "9.99", 150_000))
PROFILES = {  # name: (lines, months of history, readings a month)
    "2-line": (2, 0, 4),
    "1-line-24m": (1, 24, 4),
    "5-line-24m": (5, 24, 4),
    "200-line-24m": (200, 24, 4),
}
LEDGER_PROFILES = {"5-line-0m-30r": (5, 0, 30), "5-line-24m-30r": (5, 24, 30)}  # ledger.py: history's cost


class LineSpec(NamedTuple):
    """Who a generated line is: its name, place in the household and how much history it has."""

    name: str
    index: int
    months: int
    readings: int  # a month
    operator: str
    offer: str
    price: Decimal
    data: int  # MB a month
    renewal_day: int  # at the start of the history
    restart_day: int | None  # the day a Restart moved the renewal to, months/2 ago (kena lines with history)


def month_start(now: datetime, months_back: int) -> date:
    """The first day of the month ``months_back`` months before ``now``'s month."""
    serial = now.year * 12 + now.month - 1 - months_back
    return date(serial // 12, serial % 12 + 1, 1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment in Rome."""
    return datetime.combine(day, time(hour, minute), ROME)


def months(spec: LineSpec) -> range:
    """The months of the line's facts, oldest first, as months back from now (0: the current month)."""
    return range(spec.months, -1, -1)


def observations(spec: LineSpec, now: datetime) -> tuple[Observation, ...]:
    """The credit read on the 11th of every month (the first one opens the line's facts)."""
    found = (Observation(at=at(month_start(now, back).replace(day=11), 9), credit=Decimal("12.00") + spec.index % 3)
             for back in months(spec))
    return tuple(item for item in found if item.at < now)


def topups(spec: LineSpec, now: datetime) -> tuple[TopUp, ...]:
    """A top-up of 10 € on the 12th of every month."""
    found = (TopUp(at=at(month_start(now, back).replace(day=12), 18), amount=Decimal("10.00")) for back in months(spec))
    return tuple(item for item in found if item.at < now)


def usage(spec: LineSpec, now: datetime) -> tuple[UsageSample, ...]:
    """``spec.readings`` readings a month, spread over the month's first 28 days and growing within it."""
    samples = []
    for back in months(spec):
        first = month_start(now, back)
        for step in range(1, spec.readings + 1):
            moment = at(first + timedelta(days=(step - 1) * 28 // spec.readings), 20)
            if moment < now:
                samples.append(UsageSample(at=moment, data=step * (spec.data // (2 * spec.readings)),
                                           minutes=step * 45, sms=step * 3 % 90))
    return tuple(samples)


def history(spec: LineSpec, now: datetime) -> tuple[HistoryEntry, ...]:
    """The Restart that moved a kena line's renewal day, half-way through its history."""
    if spec.restart_day is None:
        return ()
    moment = at(month_start(now, spec.months // 2).replace(day=spec.restart_day), 9, 30)
    return (HistoryEntry(kind="restart", at=moment, price=spec.price, renewal_day_before=spec.renewal_day,
                         renewal_day_after=spec.restart_day),)


def charges(spec: LineSpec, now: datetime) -> tuple[Charge, ...]:
    """A late fee in three instalments on every other line, one instalment already paid."""
    if spec.index % 2:
        return ()
    added = (now - timedelta(days=40)).date()
    return (Charge(description="late fee", amount=Decimal("6.00"), added=added, instalments=3, every_days=30,
                   first_due=added + timedelta(days=10), paid=Decimal("2.00"), id=1),)


def complaints(specs: list[LineSpec], now: datetime) -> tuple[Complaint, ...]:
    """On the first line: one open complaint late by weeks, one whose reply is due in two days (what
    ``remind`` reports), and one answered."""
    today, line = now.date(), specs[0].name
    return (Complaint(id=1, filed=today - timedelta(days=75), subject="credit taken twice", line=line),
            Complaint(id=2, filed=today - timedelta(days=200), subject="no data for two days", line=line,
                      closed=today - timedelta(days=170)),
            Complaint(id=3, filed=today - timedelta(days=43), subject="offer changed unasked", line=line))


LINE_RECORDS: dict[str, Callable[[LineSpec, datetime], tuple]] = {
    "observations": observations,
    "topups": topups,
    "usage": usage,
    "history": history,
    "charges": charges,
}
PROFILE_RECORDS: dict[str, Callable[[list[LineSpec], datetime], tuple]] = {
    "complaints": complaints,
}


def line_specs(lines: int, months_back: int, readings: int) -> list[LineSpec]:
    """The household: ``main`` first, then ``line2``, ``line3``... with the operators in turn."""
    specs = []
    for index in range(lines):
        operator, offer, price, data = OPERATORS[index % len(OPERATORS)]
        renewal_day = 1 + (index * 5) % 28
        restart_day = (renewal_day + 9) % 28 + 1 if operator == "kena" and months_back >= 2 else None
        specs.append(LineSpec(name="main" if index == 0 else f"line{index + 1}", index=index, months=months_back,
                              readings=readings, operator=operator, offer=offer, price=Decimal(price), data=data,
                              renewal_day=renewal_day, restart_day=restart_day))
    return specs


def line(spec: LineSpec, now: datetime) -> Line:
    """One line with its records; its credit is the last observation's plus the top-ups since."""
    records = {key: make(spec, now) for key, make in LINE_RECORDS.items()}
    last = records["observations"][-1]
    credit = last.credit + sum((item.amount for item in records["topups"] if item.at > last.at), Decimal("0.00"))
    return Line(name=spec.name, operator=spec.operator, offer=spec.offer, price=spec.price,
                renewal_day=spec.restart_day or spec.renewal_day, included=Allowances(spec.data, None, 100),
                credit=credit, **records)


def household(lines: int, months_back: int, readings: int = 4, now: datetime = NOW) -> Profile:
    """A household of ``lines`` lines with ``months_back`` months of facts before the current month."""
    specs = line_specs(lines, months_back, readings)
    return Profile(lines={spec.name: line(spec, now) for spec in specs}, default_line=specs[0].name,
                   updated_at=now - timedelta(hours=1),
                   **{key: make(specs, now) for key, make in PROFILE_RECORDS.items()})


def profile_text(lines: int, months_back: int, readings: int = 4, now: datetime = NOW) -> str:
    """The household as the profile file kenactl writes."""
    return store.dumps(household(lines, months_back, readings, now))


def write_profiles(folder: Path, which: dict[str, tuple[int, int, int]] = PROFILES) -> dict[str, Path]:
    """Write the households of ``which`` (name: lines, months, readings a month) into ``folder``; their paths."""
    paths = {}
    for name, (lines, months_back, readings) in which.items():
        paths[name] = folder / f"{name}.toml"
        paths[name].write_text(profile_text(lines, months_back, readings), encoding="utf-8")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a folder (every benchmark profile), or OUT.toml with --lines")
    parser.add_argument("--lines", type=int, help="write one household of this many lines to OUT.toml")
    parser.add_argument("--months", type=int, default=24, help="months of history before the current one")
    parser.add_argument("--readings", type=int, default=4, help="usage readings a month")
    args = parser.parse_args()
    if args.lines is None:
        args.out.mkdir(parents=True, exist_ok=True)
        for written in write_profiles(args.out, {**PROFILES, **LEDGER_PROFILES}).values():
            print(written)
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(profile_text(args.lines, args.months, args.readings), encoding="utf-8")
    print(args.out)


if __name__ == "__main__":
    main()
