"""``ics.render`` writes the calendar's properties, its VTIMEZONE and its events as icalendar's ``Calendar.to_ical()``
does, and ``ics.duration`` writes a DURATION as ``vDuration`` does (the library stays the reference)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event, vDuration

from kenactl import i18n, ics
from kenactl.core import dates
from kenactl.core.published import Published


def icalendar_calendar(published: list[Published], alarms: tuple[int, ...]) -> bytes:
    """The calendar as the export built it through icalendar: the properties, the VTIMEZONE icalendar adds for
    the Rome times, then each event where ``to_ical()`` puts its subcomponents."""
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", ics.PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.calendar_name = ics.CALENDAR_NAME
    calendar.add("x-wr-caldesc", i18n._("Renewals, top-ups, Restart and SIM validity of your prepaid lines"))
    calendar.add("refresh-interval", vDuration(timedelta(days=1)), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    timed = [event for event in published if isinstance(event.start, datetime) and event.start.tzinfo is dates.ROME]
    if timed:
        days = [event.start.date() for event in timed]
        sample = Event()
        sample.add("dtstart", timed[0].start)
        calendar.add_component(sample)
        calendar.add_missing_timezones(first_date=date(min(days).year, 1, 1), last_date=date(max(days).year + 1, 1, 1))
        calendar.subcomponents.remove(sample)
    head = calendar.to_ical()
    end = ics.CALENDAR_END
    assert head.endswith(end)
    return head[:-len(end)] + b"".join(ics.event_bytes(event, alarms) for event in published) + end


def event(start: date | datetime, kind: str = "RENEWAL") -> Published:
    end = start + (timedelta(hours=1) if isinstance(start, datetime) else timedelta(days=1))
    due = start if isinstance(start, datetime) else datetime.combine(start, datetime.min.time(), dates.ROME)
    return Published(uid=f"{kind.lower()}-main-{start:%Y-%m}@kenactl", kind=kind, line="main", start=start, end=end,
                     due=due, summary="Renewal main: Kena 5,99; 5.99 €", description="Line main.\nCredit 2.00 €",
                     content="0123456789abcdef", sequence=1, stamp=datetime(2026, 11, 1, 8, tzinfo=UTC))


CALENDARS = {
    "empty": [],
    "all-day": [event(date(2026, 12, 6)), event(date(2027, 1, 6))],
    "rome": [event(datetime(2026, 11, 24, 12, tzinfo=dates.ROME), "RESTART"), event(date(2026, 12, 6))],
    "rome over three years": [event(datetime(2026, 3, 29, 2, 30, tzinfo=dates.ROME), "RESTART"),
                              event(datetime(2028, 10, 29, 2, 30, tzinfo=dates.ROME), "RESTART")],
    "utc only": [event(datetime(2026, 10, 25, 0, 30, tzinfo=UTC), "RESTART")],
}


@pytest.mark.parametrize("lang", ["en", "it"])
@pytest.mark.parametrize("name", CALENDARS)
def test_render_equals_icalendar(name, lang):
    i18n.set_language(lang)
    try:
        published = CALENDARS[name]
        assert ics.render(published, (2, 0)) == icalendar_calendar(published, (2, 0))
    finally:
        i18n.set_language("en")


def test_a_vtimezone_only_with_rome_times():
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Rome\r\n" in ics.render(CALENDARS["rome"], (2,))
    assert b"VTIMEZONE" not in ics.render(CALENDARS["all-day"], (2,)) + ics.render(CALENDARS["utc only"], (2,))


@settings(max_examples=500, deadline=None)
@given(st.timedeltas(timedelta(days=-400), timedelta(days=400)))
def test_duration_equals_icalendar(delta):
    assert ics.duration(delta) == vDuration(delta).to_ical().decode("ascii")


@pytest.mark.parametrize(("delta", "written"), [
    (timedelta(days=1), "P1D"), (timedelta(hours=9), "PT9H"), (timedelta(hours=-39), "-P1DT15H"),
    (timedelta(0), "P0D"), (timedelta(hours=1, seconds=5), "PT1H0M5S"), (timedelta(days=2, minutes=30), "P2DT30M")])
def test_duration_examples(delta, written):
    assert ics.duration(delta) == written
