"""Italian working days for the charters' deadlines and indennizzi.

Two kinds of day appear in the Carte dei Servizi:

* ``lavorativi`` (§11, §15): Monday to Friday, except Italian national holidays;
* ``feriali`` (§14): every day that is not a Sunday or a national holiday, so Saturdays count
  (the usual Italian meaning of "giorno feriale"; kenactl's reading, shown as such to users).

The national holidays are passed in as a ``HolidayName`` (English names, as in results and JSON):
``kenactl.knowledge.holidays`` provides them, and each ``Charter`` carries it. Days are counted by
arithmetic over whole weeks, then the holidays in the range are taken out: the cost grows with the
number of holidays in the range, not with its length.
"""

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Protocol

from kenactl.core.record import record
from kenactl.text import N_

DAY_KINDS = {
    "lavorativi": frozenset(range(5)),   # Mon-Fri
    "feriali": frozenset(range(6)),      # Mon-Sat
}
DAY_KIND_NAMES = {
    "lavorativi": N_("working days (giorni lavorativi: Mon-Fri, not national holidays; kenactl's reading)"),
    "feriali": N_("giorni feriali (Mon-Sat, not national holidays; kenactl's reading)"),
}
ONE_DAY = timedelta(days=1)
WEEK = 7


@record
class DayCount:
    """How many days of a kind a range holds, and the holidays that took weekdays out of it."""

    days: int
    holidays: tuple[tuple[date, str], ...]


class HolidayName(Protocol):
    """The national holidays: called with a day, its holiday's English name or None."""

    def __call__(self, day: date) -> str | None: ...

    def in_year(self, year: int) -> Mapping[date, str]:
        """Every national holiday of ``year`` with its English name, in date order."""


def is_day(day: date, kind: str, holiday_name: HolidayName) -> bool:
    """Whether ``day`` is a day of ``kind`` (``lavorativi`` or ``feriali``)."""
    return day.weekday() in DAY_KINDS[kind] and holiday_name(day) is None


def count_days(first: date, last: date, kind: str, holiday_name: HolidayName) -> DayCount:
    """Days of ``kind`` from ``first`` to ``last``, both included (0 when ``last`` is before ``first``)."""
    if last < first:
        return DayCount(0, ())
    skipped = tuple(_holidays_on(first, last, kind, holiday_name))
    return DayCount(_weekdays_between(first, last, kind) - len(skipped), skipped)


def add_days(start: date, count: int, kind: str, holiday_name: HolidayName) -> date:
    """The ``count``-th day of ``kind`` after ``start`` (``start`` itself not counted; count >= 1)."""
    day = start
    while count > 0:  # step over the weekdays of the kind, then make up for the holidays stepped over
        reached = _nth_weekday_after(day, count, kind)
        count = sum(1 for _ in _holidays_on(day + ONE_DAY, reached, kind, holiday_name))
        day = reached
    return day


def _weekdays_between(first: date, last: date, kind: str) -> int:
    """Days whose weekday is of ``kind`` from ``first`` to ``last`` (both included), holidays counted."""
    weeks, rest = divmod((last - first).days + 1, WEEK)
    start = first.weekday()
    return weeks * len(DAY_KINDS[kind]) + sum(1 for offset in range(rest) if (start + offset) % WEEK in DAY_KINDS[kind])


def _nth_weekday_after(start: date, count: int, kind: str) -> date:
    """The ``count``-th day after ``start`` whose weekday is of ``kind``, holidays counted (count >= 1)."""
    weeks, rest = divmod(count - 1, len(DAY_KINDS[kind]))
    day = start + timedelta(days=weeks * WEEK)  # every week holds each weekday of the kind once
    for _ in range(rest + 1):
        day += ONE_DAY
        while day.weekday() not in DAY_KINDS[kind]:
            day += ONE_DAY
    return day


def _holidays_on(first: date, last: date, kind: str, holiday_name: HolidayName) -> Iterator[tuple[date, str]]:
    """The holidays from ``first`` to ``last`` (both included) that fall on a weekday of ``kind``, in order."""
    for year in range(first.year, last.year + 1):
        for day, name in holiday_name.in_year(year).items():
            if first <= day <= last and day.weekday() in DAY_KINDS[kind]:
                yield day, name
