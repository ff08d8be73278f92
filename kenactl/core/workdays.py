"""Italian working days for the charters' deadlines and indennizzi.

Two kinds of day appear in the Carte dei Servizi:

* ``lavorativi`` (§11, §15): Monday to Friday, except Italian national holidays;
* ``feriali`` (§14): every day that is not a Sunday or a national holiday, so Saturdays count
  (the usual Italian meaning of "giorno feriale"; kenactl's reading, shown as such to users).

The national holidays are passed in as ``holiday_name(day) -> name or None`` (English names, as in
results and JSON): ``kenactl.knowledge.holidays`` provides them, and each ``Charter`` carries it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from kenactl.text import N_

DAY_KINDS = {
    "lavorativi": frozenset(range(5)),   # Mon-Fri
    "feriali": frozenset(range(6)),      # Mon-Sat
}
DAY_KIND_NAMES = {
    "lavorativi": N_("working days (giorni lavorativi: Mon-Fri, not national holidays)"),
    "feriali": N_("giorni feriali (Mon-Sat, not national holidays; kenactl's reading)"),
}
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class DayCount:
    """How many days of a kind a range holds, and the holidays that took weekdays out of it."""

    days: int
    holidays: tuple[tuple[date, str], ...]


HolidayName = Callable[[date], str | None]
"""The national holiday on a day (its English name), or None."""


def is_day(day: date, kind: str, holiday_name: HolidayName) -> bool:
    """Whether ``day`` is a day of ``kind`` (``lavorativi`` or ``feriali``)."""
    return day.weekday() in DAY_KINDS[kind] and holiday_name(day) is None


def count_days(first: date, last: date, kind: str, holiday_name: HolidayName) -> DayCount:
    """Days of ``kind`` from ``first`` to ``last``, both included (0 when ``last`` is before ``first``)."""
    days, skipped = 0, []
    day = first
    while day <= last:
        if day.weekday() in DAY_KINDS[kind]:
            name = holiday_name(day)
            if name is None:
                days += 1
            else:
                skipped.append((day, name))
        day += ONE_DAY
    return DayCount(days, tuple(skipped))


def add_days(start: date, count: int, kind: str, holiday_name: HolidayName) -> date:
    """The ``count``-th day of ``kind`` after ``start`` (``start`` itself not counted; count >= 1)."""
    day, found = start, 0
    while found < count:
        day += ONE_DAY
        if is_day(day, kind, holiday_name):
            found += 1
    return day
