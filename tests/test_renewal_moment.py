"""``dates.renewal_moment`` builds the Rome wall time and passes once through UTC: it must be the moment that
building a naive date-time and reading it as Rome time (``dates.in_rome``) gives, kept here as the oracle."""

import calendar
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl.core import dates
from kenactl.core.dates import ROME

TIMES = st.times() | st.builds(time, st.sampled_from([1, 2, 3]), st.integers(0, 59), fold=st.sampled_from([0, 1]))


def read_as_rome(year: int, month: int, day: int, at: time) -> datetime:
    """The oracle: the clamped day at ``at`` (first occurrence), a naive value read as Rome wall time."""
    last = calendar.monthrange(year, month)[1]
    return dates.in_rome(datetime.combine(date(year, month, min(day, last)), at.replace(fold=0)))


def exactly(moment: datetime) -> tuple:
    """Everything that tells two aware moments apart: wall time, fold, offset and zone."""
    return moment.replace(tzinfo=None), moment.fold, moment.utcoffset(), moment.tzinfo


@settings(max_examples=300)
@given(year=st.integers(*dates.YEARS), month=st.integers(1, 12), day=st.integers(1, 31), at=TIMES)
def test_a_renewal_moment_is_the_wall_time_read_in_rome(year, month, day, at):
    dates.renewal_moment.cache_clear()
    assert exactly(dates.renewal_moment(year, month, day, at)) == exactly(read_as_rome(year, month, day, at))


def clock_change_days(first: int, last: int) -> list[date]:
    """Every day of those years whose noon has another offset than the noon before, and the day before it."""
    found, day = [], date(first, 1, 1)
    offset = ROME.utcoffset(datetime.combine(day, time(12)))
    while day.year <= last:
        day += timedelta(days=1)
        now = ROME.utcoffset(datetime.combine(day, time(12)))
        if now != offset:
            found += [day - timedelta(days=1), day]
        offset = now
    return found


def test_every_quarter_hour_of_the_clock_change_days_1900_2040():
    """Italy's changes before 1980 came at other hours than today's 02:00 and 03:00: each one is checked."""
    for day in clock_change_days(1900, 2040):
        for minutes in range(0, 24 * 60, 15):
            for fold in (0, 1):
                at = time(minutes // 60, minutes % 60, fold=fold)
                moment = dates.renewal_moment(day.year, day.month, day.day, at)
                assert exactly(moment) == exactly(read_as_rome(day.year, day.month, day.day, at)), (day, at)


def test_the_clock_changes_of_2027():
    spring, autumn = date(2027, 3, 28), date(2027, 10, 31)  # the last Sundays of March and October
    skipped = dates.renewal_moment(spring.year, spring.month, spring.day, time(2, 30))
    repeated = dates.renewal_moment(autumn.year, autumn.month, autumn.day, time(2, 30, fold=1))
    assert exactly(skipped) == (datetime(2027, 3, 28, 3, 30), 0, ROME.utcoffset(datetime(2027, 7, 1)), ROME)
    assert exactly(repeated) == (datetime(2027, 10, 31, 2, 30), 0, ROME.utcoffset(datetime(2027, 7, 1)), ROME)


@settings(max_examples=200)
@given(year=st.integers(*dates.YEARS), month=st.integers(1, 12), day=st.integers(1, 31), at=TIMES)
def test_a_renewal_instant_is_the_renewal_moment_in_utc(year, month, day, at):
    instant = dates.renewal_instant(year, month, day, at)
    assert instant == dates.instant(dates.renewal_moment(year, month, day, at)) and instant.utcoffset() == timedelta(0)
