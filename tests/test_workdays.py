"""core.workdays counts by arithmetic over weeks: the same answers as walking the days one by one."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl.core import workdays
from kenactl.knowledge.holidays import holiday_name

FIRST, LAST = date(1900, 1, 1), date(2999, 12, 31)
KINDS = st.sampled_from(sorted(workdays.DAY_KINDS))
# the package knows no holidays for some far years: draw often where every year has them
STARTS = st.one_of(st.dates(FIRST, LAST), st.dates(date(1946, 1, 1), date(2100, 1, 1)))


def walked_count(first: date, last: date, kind: str) -> workdays.DayCount:
    """The day-by-day count the arithmetic must equal."""
    days, skipped, day = 0, [], first
    while day <= last:
        if day.weekday() in workdays.DAY_KINDS[kind]:
            name = holiday_name(day)
            if name is None:
                days += 1
            else:
                skipped.append((day, name))
        day += timedelta(days=1)
    return workdays.DayCount(days, tuple(skipped))


def walked_add(start: date, count: int, kind: str) -> date:
    day, found = start, 0
    while found < count:
        day += timedelta(days=1)
        found += workdays.is_day(day, kind, holiday_name)
    return day


@settings(max_examples=150, deadline=None)
@given(STARTS, st.integers(-3, 1500), KINDS)
def test_count_days_equals_a_day_by_day_count(first, length, kind):
    last = min(first + timedelta(days=length), LAST)
    assert workdays.count_days(first, last, kind, holiday_name) == walked_count(first, last, kind)


@settings(max_examples=150, deadline=None)
@given(STARTS.filter(lambda day: day < date(2999, 1, 1)), st.integers(1, 400), KINDS)
def test_add_days_equals_a_day_by_day_walk(start, count, kind):
    assert workdays.add_days(start, count, kind, holiday_name) == walked_add(start, count, kind)


def test_the_whole_range_at_once():
    for kind in workdays.DAY_KINDS:
        assert workdays.count_days(FIRST, LAST, kind, holiday_name) == walked_count(FIRST, LAST, kind)


def test_holidays_are_asked_per_year_not_per_day():
    class Counting:
        def __init__(self):
            self.years = []

        def __call__(self, day):
            raise AssertionError("count_days must not ask day by day")

        def in_year(self, year):
            self.years.append(year)
            return holiday_name.in_year(year)

    asked = Counting()
    count = workdays.count_days(date(2026, 1, 1), date(2027, 12, 31), "lavorativi", asked)
    assert asked.years == [2026, 2027] and count.days == 2 * 261 - len(count.holidays)
