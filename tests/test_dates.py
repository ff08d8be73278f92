"""Renewal schedules, real durations across DST, and parsing of moments (all Europe/Rome)."""

import calendar
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl.core import dates
from kenactl.core.dates import ROME
from kenactl.errors import InputError

MOMENTS = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2040, 12, 31, 23, 59, 59),
                       timezones=st.just(ROME), allow_imaginary=False)
DAYS = st.integers(min_value=1, max_value=31)
TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


def instant(moment: datetime) -> datetime:
    """The UTC instant, so comparisons are in real time, not wall-clock time."""
    return moment.astimezone(UTC)


def month_length(moment: datetime) -> int:
    return calendar.monthrange(moment.year, moment.month)[1]


def wall_time(day: date, at: time) -> time:
    """The Rome clock time of a renewal at ``at`` on ``day``: a time the spring change skips (02:xx on the
    last Sunday of March) is one hour later (dates.renewal_moment: 02:30 → 03:30 CEST)."""
    last_sunday = max(week[6] for week in calendar.monthcalendar(day.year, 3))
    if (day.month, day.day, at.hour) == (3, last_sunday, 2):
        return at.replace(hour=3)
    return at


@settings(max_examples=600)
@given(day=DAYS, at=TIMES, now=MOMENTS)
def test_next_renewal_is_the_first_renewal_strictly_after_now(day, at, now):
    following = dates.next_renewal(day, at, now)
    assert instant(following) > instant(now)
    assert dates.elapsed(now, following) <= timedelta(days=31, hours=1)  # +1 h: a DST change in between
    assert 0 <= (following.date() - now.date()).days <= 31
    assert following.tzinfo is ROME
    assert following.day == min(day, month_length(following))
    assert following.time() == wall_time(following.date(), at)
    # the month after never drifts: it is back on the renewal day (clamped to that month's length)
    year, month = dates.shift_month(following.year, following.month, 1)
    after = dates.next_renewal(day, at, following)
    assert (after.year, after.month) == (year, month)
    assert after.day == min(day, calendar.monthrange(year, month)[1])


@settings(max_examples=600)
@given(day=DAYS, at=TIMES, now=MOMENTS)
def test_previous_renewal_and_next_renewal_enclose_now(day, at, now):
    before = dates.previous_renewal(day, at, now)
    following = dates.next_renewal(day, at, now)
    assert instant(before) <= instant(now) < instant(following)
    assert dates.shift_month(before.year, before.month, 1) == (following.year, following.month)
    assert before.day == min(day, month_length(before))
    assert before.time() == wall_time(before.date(), at)
    # no renewal hides between them: the day after `before` the next renewal is still `following`
    assert dates.next_renewal(day, at, before) == following


@given(day=DAYS, at=TIMES, now=MOMENTS, count=st.integers(min_value=1, max_value=26))
def test_renewals_are_consecutive_months_on_the_clamped_day(day, at, now, count):
    moments = dates.renewals(day, at, now, count)
    assert len(moments) == count
    assert moments[0] == dates.next_renewal(day, at, now)
    for earlier, later in zip(moments, moments[1:], strict=False):
        assert dates.shift_month(earlier.year, earlier.month, 1) == (later.year, later.month)
        assert later.day == min(day, month_length(later))
        assert instant(later) > instant(earlier)


@pytest.mark.parametrize(("now", "expected"), [
    ("2027-01-31T00:00", "2027-02-28T00:00"),  # at the renewal moment the next one is next month's
    ("2027-01-30T23:59", "2027-01-31T00:00"),
    ("2027-02-10T12:00", "2027-02-28T00:00"),  # 31 → 28 Feb
    ("2028-02-10T12:00", "2028-02-29T00:00"),  # leap year
    ("2027-02-28T00:00", "2027-03-31T00:00"),  # back to the 31st after February
    ("2027-04-15T08:00", "2027-04-30T00:00"),  # 31 → 30 Apr
    ("2027-12-31T00:00", "2028-01-31T00:00"),  # across the year
])
def test_renewal_day_31_clamps_to_short_months_and_returns_to_the_31st(now, expected):
    assert dates.next_renewal(31, time(0, 0), dates.parse_moment(now)) == dates.parse_moment(expected)


def test_renewal_time_decides_whether_today_still_counts():
    at = time(9, 30)
    assert dates.next_renewal(15, at, dates.parse_moment("2027-03-15T09:29")) == dates.parse_moment("2027-03-15T09:30")
    assert dates.next_renewal(15, at, dates.parse_moment("2027-03-15T09:30")) == dates.parse_moment("2027-04-15T09:30")
    assert dates.previous_renewal(15, at, dates.parse_moment("2027-03-15T09:30")) == \
        dates.parse_moment("2027-03-15T09:30")


def test_renewal_in_the_repeated_autumn_hour_is_compared_in_real_time():
    # 2027-10-31: clocks go back at 03:00 CEST → 02:00 CET, so 02:00-02:59 happens twice.
    renewal_at = time(2, 30)
    first_0230 = datetime(2027, 10, 31, 2, 30, tzinfo=ROME, fold=0)
    second_0215 = datetime(2027, 10, 31, 2, 15, tzinfo=ROME, fold=1)  # 45 real minutes after first_0230
    assert instant(second_0215) > instant(first_0230)
    following = dates.next_renewal(31, renewal_at, second_0215)
    assert (following.month, following.day) == (11, 30)


def test_add_elapsed_counts_real_hours_across_the_autumn_change():
    saturday_noon = dates.parse_moment("2027-10-30T12:00")  # CEST, +02:00
    later = dates.add_elapsed(saturday_noon, timedelta(hours=48))
    assert later == dates.parse_moment("2027-11-01T11:00")  # CET: the clock went back one hour
    assert later.utcoffset() == timedelta(hours=1)
    wall_clock = later.replace(tzinfo=None) - saturday_noon.replace(tzinfo=None)
    assert wall_clock == timedelta(hours=47)
    assert dates.elapsed(saturday_noon, later) == timedelta(hours=48)


def test_add_elapsed_counts_real_hours_across_the_spring_change():
    saturday_noon = dates.parse_moment("2027-03-27T12:00")  # CET, +01:00
    later = dates.add_elapsed(saturday_noon, timedelta(hours=48))
    assert later == dates.parse_moment("2027-03-29T13:00")  # CEST: the clock jumped forward
    assert later.replace(tzinfo=None) - saturday_noon.replace(tzinfo=None) == timedelta(hours=49)
    assert dates.elapsed(saturday_noon, later) == timedelta(hours=48)


def test_elapsed_is_negative_backwards_and_ignores_the_zone_of_its_arguments():
    start = dates.parse_moment("2027-01-15T10:00")
    end = datetime(2027, 1, 15, 10, 0, tzinfo=UTC)  # 11:00 in Rome
    assert dates.elapsed(start, end) == timedelta(hours=1)
    assert dates.elapsed(end, start) == timedelta(hours=-1)


@given(now=MOMENTS, seconds=st.integers(min_value=-10**8, max_value=10**8))
def test_add_elapsed_and_elapsed_are_inverse(now, seconds):
    delta = timedelta(seconds=seconds)
    moved = dates.add_elapsed(now, delta)
    assert moved.tzinfo is ROME
    assert dates.elapsed(now, moved) == delta


def test_days_until_counts_calendar_days_in_rome():
    now = dates.parse_moment("2027-01-15T23:30")
    assert dates.days_until(now, dates.parse_moment("2027-01-16T00:00")) == 1
    assert dates.days_until(now, dates.parse_moment("2027-01-15T23:59")) == 0
    # 23:30 UTC on the 15th is already the 16th in Rome
    assert dates.days_until(now, datetime(2027, 1, 15, 23, 30, tzinfo=UTC)) == 1


def test_parse_moment_date_is_midnight_in_rome():
    moment = dates.parse_moment("2027-01-15")
    assert moment == datetime(2027, 1, 15, 0, 0, tzinfo=ROME)
    assert moment.utcoffset() == timedelta(hours=1)
    assert dates.parse_moment(" 2027-07-15 ").utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize("text", ["2027-01-15T09:30", "2027-01-15 09:30", "2027-01-15T09:30:00"])
def test_parse_moment_naive_date_time_is_rome_wall_time(text):
    moment = dates.parse_moment(text)
    assert moment.tzinfo is ROME
    assert (moment.year, moment.month, moment.day, moment.hour, moment.minute) == (2027, 1, 15, 9, 30)
    assert dates.isoformat(moment) == "2027-01-15T09:30:00+01:00"


@pytest.mark.parametrize(("text", "rome"), [
    ("2027-01-15T09:30Z", "2027-01-15T10:30:00+01:00"),
    ("2027-01-15T09:30+00:00", "2027-01-15T10:30:00+01:00"),
    ("2027-07-15T09:30-04:00", "2027-07-15T15:30:00+02:00"),
    ("2027-01-15T23:30:00+00:00", "2027-01-16T00:30:00+01:00"),
])
def test_parse_moment_aware_date_time_is_converted_to_rome(text, rome):
    moment = dates.parse_moment(text)
    assert moment.tzinfo is ROME
    assert dates.isoformat(moment) == rome
    assert instant(moment) == instant(datetime.fromisoformat(text.replace("Z", "+00:00")))


@pytest.mark.parametrize("text", ["", "tomorrow", "2027-13-01", "2027-02-30", "15/01/2027", "2027-01-15T25:00",
                                  "2027-01-15T09:30+25:00", "now"])
def test_parse_moment_refuses_what_is_not_iso_8601(text):
    with pytest.raises(InputError) as error:
        dates.parse_moment(text)
    assert error.value.message.startswith("--at: ")
    assert repr(text) in error.value.message
    assert error.value.exit_code == 2


def test_parse_moment_names_the_field_it_parses():
    with pytest.raises(InputError, match=r"^--until: 'soon' is not an ISO 8601"):
        dates.parse_moment("soon", field="--until")


def test_parse_date_time_of_day_and_duration():
    assert dates.parse_date("2027-01-15", field="date") == date(2027, 1, 15)
    assert dates.parse_time_of_day("9:05") == time(9, 5)
    assert dates.parse_time_of_day("23:59") == time(23, 59)
    assert dates.parse_duration("3d", field="x") == timedelta(days=3)
    assert dates.parse_duration(" 12H ", field="x") == timedelta(hours=12)
    assert dates.parse_duration("2w", field="x") == timedelta(weeks=2)
    assert dates.parse_duration("30m", field="x") == timedelta(minutes=30)
    assert dates.parse_date("2999-12-31", field="date") == date(2999, 12, 31)
    for text in ("9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01"):
        with pytest.raises(InputError, match=r"^date: .* is outside the years 1900-2999$"):
            dates.parse_date(text, field="date")
    for bad, parse in [("15-01-2027", lambda t: dates.parse_date(t, field="date")),
                       ("24:00", dates.parse_time_of_day), ("9.30", dates.parse_time_of_day),
                       ("3 days", lambda t: dates.parse_duration(t, field="x")),
                       ("-3d", lambda t: dates.parse_duration(t, field="x"))]:
        with pytest.raises(InputError):
            parse(bad)


def test_clamp_day_and_shift_month():
    assert dates.clamp_day(2027, 2, 31) == date(2027, 2, 28)
    assert dates.clamp_day(2028, 2, 30) == date(2028, 2, 29)
    assert dates.clamp_day(2027, 4, 31) == date(2027, 4, 30)
    assert dates.clamp_day(2027, 4, 1) == date(2027, 4, 1)
    assert dates.shift_month(2027, 12, 1) == (2028, 1)
    assert dates.shift_month(2027, 1, -1) == (2026, 12)
    assert dates.shift_month(2027, 5, -17) == (2025, 12)
    assert dates.shift_month(2027, 5, 24) == (2029, 5)


def test_in_rome_treats_naive_as_rome_and_converts_aware():
    assert dates.in_rome(datetime(2027, 1, 15, 9, 30)) == datetime(2027, 1, 15, 9, 30, tzinfo=ROME)
    converted = dates.in_rome(datetime(2027, 1, 15, 9, 30, tzinfo=timezone(timedelta(hours=5))))
    assert dates.isoformat(converted) == "2027-01-15T05:30:00+01:00"


def test_naive_times_around_the_dst_changes():
    skipped = dates.parse_moment("2027-03-28T02:30")  # the clocks jump from 02:00 to 03:00
    assert dates.isoformat(skipped) == "2027-03-28T03:30:00+02:00"
    assert dates.in_rome(datetime(2027, 3, 28, 2, 30)) == skipped
    repeated = dates.parse_moment("2027-10-31T02:30")  # happens twice: the first one, still CEST
    assert dates.isoformat(repeated) == "2027-10-31T02:30:00+02:00"
    assert dates.isoformat(dates.parse_moment("2027-10-31T02:30+01:00")) == "2027-10-31T02:30:00+01:00"


@given(st.text(max_size=40))
def test_parse_moment_either_parses_or_raises_input_error(text):
    try:
        moment = dates.parse_moment(text)
    except InputError as error:
        assert error.message.startswith("--at: ")
    else:
        assert moment.tzinfo is ROME


@pytest.mark.parametrize("text", ["0001-01-01", "0001-01-01T00:30+01:00", "9999-12-31T23:59-05:00", "1899-12-31",
                                  "3000-01-01T00:00"])
def test_parse_moment_refuses_years_kenactl_cannot_schedule(text):
    with pytest.raises(InputError, match=r"^--at: .* is outside the years 1900-2999$"):
        dates.parse_moment(text)
    assert dates.parse_moment("2999-12-31T23:59").year == 2999


@given(st.integers(1, 9999), st.integers(1, 12))
def test_days_in_month_is_the_calendar_modules(year, month):
    assert dates.days_in_month(year, month) == calendar.monthrange(year, month)[1]
