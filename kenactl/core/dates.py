"""Moments in Europe/Rome: parsing ``--at``, renewal schedules with month-end clamping, real durations.

Python's aware-datetime arithmetic is wall-clock arithmetic when both sides share a tzinfo, so a
"48 hours" that spans a DST change would be off by one hour. Every elapsed-time computation here
goes through UTC (``add_elapsed``, ``elapsed``).
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from kenactl.errors import InputError
from kenactl.text import Msg

ROME = ZoneInfo("Europe/Rome")
_DURATION_UNITS = {"d": "days", "h": "hours", "m": "minutes", "w": "weeks"}
YEARS = (1900, 2999)


def parse_moment(text: str, *, field: str = "--at") -> datetime:
    """An ISO 8601 date or date-time; a date means 00:00 and a naive time means Europe/Rome."""
    raw = text.strip()
    try:
        if len(raw) == 10:
            moment = datetime.combine(date.fromisoformat(raw), time(0, 0), ROME)
        else:
            moment = in_rome(datetime.fromisoformat(raw.replace(" ", "T", 1)))
    except ValueError:
        raise InputError(field, Msg("{value} is not an ISO 8601 date or date-time (e.g. 2027-01-15 or "
                           "2027-01-15T09:30)", value=repr(text))) from None
    except OverflowError:  # year 1 or 9999 moved across midnight UTC
        moment = None
    if moment is None or not YEARS[0] <= moment.year <= YEARS[1]:  # renewal arithmetic needs room
        raise InputError(field, Msg("{value} is outside the years {first}-{last}",
            value=repr(text), first=YEARS[0], last=YEARS[1]))
    return moment


def parse_date(text: str, *, field: str) -> date:
    """An ISO date ``YYYY-MM-DD`` within ``YEARS``."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(field, Msg("{value} is not an ISO date (YYYY-MM-DD)",
            value=repr(text))) from None
    if not YEARS[0] <= day.year <= YEARS[1]:  # schedules and validity add months and years to it
        raise InputError(field, Msg("{value} is outside the years {first}-{last}",
            value=repr(text), first=YEARS[0], last=YEARS[1]))
    return day


def parse_time_of_day(text: str, *, field: str = "renewal time") -> time:
    """``HH:MM`` in 24-hour form (the hour may have one digit: ``9:30``)."""
    hours, colon, minutes = text.strip().partition(":")
    hour_ok = (len(hours) == 1 and hours.isdecimal()) or (len(hours) == 2 and (
        (hours[0] in "01" and hours[1].isdecimal()) or (hours[0] == "2" and hours[1] in "0123")))
    if not (colon and hour_ok and len(minutes) == 2 and minutes[0] in "012345" and minutes[1].isdecimal()):
        raise InputError(field, Msg("{value} is not a time of day HH:MM (e.g. 00:00 or 09:30)",
            value=repr(text)))
    return time(int(hours), int(minutes))


def parse_duration(text: str, *, field: str) -> timedelta:
    """``3d``, ``12h``, ``30m`` or ``2w`` (1 to 5 digits; spaces around the parts, the unit in any case)."""
    written = text.strip()
    count, unit = written[:-1].rstrip(), written[-1:].lower()
    if not (1 <= len(count) <= 5 and count.isdecimal() and unit in _DURATION_UNITS):
        raise InputError(field, Msg("{value} is not a duration (examples: 3d, 12h, 2w)",
            value=repr(text)))
    return timedelta(**{_DURATION_UNITS[unit]: int(count)})


def in_rome(moment: datetime) -> datetime:
    """The same instant in Europe/Rome; a naive value is taken as Rome wall time.

    A naive time the spring change skips (02:30 on the last Sunday of March) becomes the real instant it
    denotes (03:30 CEST); a repeated autumn time is its first occurrence.
    """
    if moment.tzinfo is None:
        return moment.replace(tzinfo=ROME).astimezone(UTC).astimezone(ROME)
    return moment.astimezone(ROME)


def add_elapsed(moment: datetime, delta: timedelta) -> datetime:
    """``moment`` plus ``delta`` of real elapsed time (DST-aware), in Europe/Rome."""
    return (moment.astimezone(UTC) + delta).astimezone(ROME)


def instant(moment: datetime) -> datetime:
    """``moment`` in UTC, for ordering: aware values sharing a tzinfo compare by wall clock, which the
    repeated autumn hour makes wrong (02:40 CEST is before 02:15 CET)."""
    return moment.astimezone(UTC)


def elapsed(start: datetime, end: datetime) -> timedelta:
    """Real time from ``start`` to ``end`` (negative if ``end`` is earlier)."""
    return end.astimezone(UTC) - start.astimezone(UTC)


def clamp_day(year: int, month: int, day: int) -> date:
    """Day ``day`` of the month, or the month's last day when it is shorter (31 → 30 Apr, 28/29 Feb)."""
    return date(year, month, day if day < 29 else min(day, days_in_month(year, month)))


def days_in_month(year: int, month: int) -> int:
    """The number of days of ``month`` in ``year`` (Gregorian leap years)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after (or before, if negative) the given one."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; a day the target month lacks becomes its last day (30 Nov + 3 → 28/29 Feb)."""
    year, month = shift_month(day.year, day.month, months)
    return clamp_day(year, month, day.day)


@cache  # pure; the ledger, the period and the Restart rules ask for the same months again in one run
def renewal_moment(year: int, month: int, day: int, at: time) -> datetime:
    """The renewal of the given month for renewal day ``day`` at time ``at``, Europe/Rome.

    A time the spring change skips is the real instant it denotes (02:30 → 03:30 CEST); a repeated autumn time
    is its first occurrence.
    """
    return renewal_instant(year, month, day, at).astimezone(ROME)


@cache  # pure; the ledger orders each renewal by it
def renewal_instant(year: int, month: int, day: int, at: time) -> datetime:
    """``renewal_moment`` in UTC (``instant``): the Rome wall time passed through UTC, so that a time the
    spring change skips becomes the instant it denotes."""
    return datetime.combine(clamp_day(year, month, day), at.replace(fold=0) if at.fold else at, ROME).astimezone(UTC)


def next_renewal(day: int, at: time, now: datetime) -> datetime:
    """The first renewal strictly after ``now``: at the renewal moment itself the next is next month's."""
    now = in_rome(now)
    year, month = now.year, now.month
    moment = renewal_moment(year, month, day, at)
    while elapsed(now, moment) <= timedelta(0):  # real time: wall clocks repeat an hour in autumn
        year, month = shift_month(year, month, 1)
        moment = renewal_moment(year, month, day, at)
    return moment


def previous_renewal(day: int, at: time, now: datetime) -> datetime:
    """The last renewal at or before ``now``."""
    return renewals_around(day, at, now)[0]


def renewals_around(day: int, at: time, now: datetime) -> tuple[datetime, datetime]:
    """The last renewal at or before ``now`` and the first one after it (``previous_renewal``, ``next_renewal``)."""
    following = next_renewal(day, at, now)
    year, month = shift_month(following.year, following.month, -1)
    return renewal_moment(year, month, day, at), following


def renewals(day: int, at: time, after: datetime, count: int) -> list[datetime]:
    """The next ``count`` renewals strictly after ``after``."""
    first = next_renewal(day, at, after)
    moments = []
    for offset in range(count):
        year, month = shift_month(first.year, first.month, offset)
        moments.append(renewal_moment(year, month, day, at))
    return moments


def days_until(now: datetime, moment: datetime) -> int:
    """Whole calendar days (Europe/Rome) from today to the day of ``moment``."""
    return (in_rome(moment).date() - in_rome(now).date()).days


def isoformat(moment: datetime) -> str:
    """ISO 8601 with offset, to the second: ``2027-01-15T00:00:00+01:00``."""
    return in_rome(moment).isoformat(timespec="seconds")


def alarm_days(texts: Iterable[str], *, field: str = "--alarm") -> tuple[int, ...]:
    """Calendar alarms as whole days before the event (``2d``, ``1w``, ``48h``), largest first, no repeats.

    Alarms ring at 09:00 a number of days before, so a duration that is not whole days is refused.
    """
    days = set()
    for text in texts:
        delta = parse_duration(str(text), field=field)
        if delta % timedelta(days=1):
            raise InputError(field, Msg("{text!r} is not a whole number of days; alarms ring at 09:00 a number "
                               "of days before (examples: 2d, 1d, 1w)", text=text))
        days.add(delta.days)
    if not days:
        raise InputError(field, Msg("give at least one alarm (e.g. 2d)"))
    return tuple(sorted(days, reverse=True))
