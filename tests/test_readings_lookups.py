"""The lookups of stored readings: the text key of a moment, and how many readings are before moments."""

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl.core import dates
from kenactl.core.model import UsageSample
from kenactl.core.readings import TWO_DIGITS, Readings, _key

ZONES = st.sampled_from([UTC, dates.ROME, timezone(timedelta(hours=-11, minutes=-30)), timezone(timedelta(hours=14))])
MOMENTS = st.datetimes(min_value=datetime(1001, 1, 1), max_value=datetime(9998, 12, 31), timezones=ZONES)
NEAR = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 1, 3), timezones=ZONES)


@settings(max_examples=500, deadline=None)
@given(MOMENTS)
def test_key_is_the_stored_text_of_the_moment(moment):
    assert _key(moment) == moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")  # the former code, as oracle


def test_two_digits_are_the_numbers_to_59():
    assert TWO_DIGITS == tuple(f"{number:02d}" for number in range(60))


@settings(max_examples=200, deadline=None)
@given(st.lists(NEAR, max_size=30), st.lists(NEAR, max_size=10))
def test_counts_before_counts_the_readings_before_each_moment(at, moments):
    readings = Readings.of(UsageSample(at=moment, data=1, minutes=2, sms=3) for moment in at)
    expected = [sum(1 for sample in readings if dates.instant(sample.at) < dates.instant(moment)) for moment in moments]
    assert readings.counts_before(moments) == expected
    assert [readings.index_before(moment) for moment in moments] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(NEAR, max_size=30), st.lists(NEAR, max_size=10))
def test_index_before_and_after_are_the_former_bisections(at, moments):
    from bisect import bisect_left, bisect_right  # the former code, as oracle

    from kenactl.core.readings import _bound

    readings = Readings.of(UsageSample(at=moment, data=1, minutes=2, sms=3) for moment in at)
    for moment in [*moments, *at]:
        assert readings.index_before(moment) == bisect_left(readings.rows, _bound(moment))
        assert readings.index_after(moment) == bisect_right(readings.rows, _key(moment) + "~")
        assert readings.index_after(moment) == sum(1 for sample in readings
                                                   if dates.instant(sample.at) <= dates.instant(moment))
