"""``ics.event_bytes`` writes each VEVENT exactly as icalendar's ``Event.new`` with its VALARMs does (the library
stays the reference): dates, Rome wall times, UTC times, cancelled events, escapes and long texts."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Alarm, Event, vText

from kenactl import ics
from kenactl.core import dates
from kenactl.core.published import Published

CHARACTERS = list("ab Z09;:,\\\"^N-") + ["\n", "\r\n", "à", "€", "—"]
TEXT = st.lists(st.sampled_from(CHARACTERS), min_size=1, max_size=160).map("".join)  # never empty
MOMENTS = st.datetimes(datetime(2020, 1, 1), datetime(2035, 12, 31), allow_imaginary=False)


class Literal(vText):
    """What the export wrote through icalendar before: TEXT escaped as RFC 5545 says."""

    def to_ical(self) -> bytes:
        return ics.escaped_text(str(self)).encode(self.encoding)


def icalendar_event(published: Published, alarms: tuple[int, ...]) -> bytes:
    event = Event.new(uid=published.uid, stamp=published.stamp.astimezone(UTC), start=published.start,
                      end=published.end, summary=Literal(published.summary),
                      description=Literal(published.description), categories=[published.kind],
                      sequence=published.sequence, transparency="TRANSPARENT",
                      status="CANCELLED" if published.cancelled else "CONFIRMED")
    if not published.cancelled:
        for trigger, text in ics._triggers(published, alarms):
            event.add_component(Alarm.new_display(Literal(text), trigger))
    return event.to_ical()


@st.composite
def events(draw) -> Published:
    kind = draw(st.sampled_from(["RENEWAL", "TOPUP", "RESTART", "VALIDITY", "COMPLAINT"]))
    when = draw(MOMENTS)
    style = draw(st.sampled_from(["date", "rome", "utc"]))
    if style == "date":
        start, end = when.date(), when.date() + timedelta(days=1)
    else:
        start = when.replace(tzinfo=dates.ROME)
        start = start.astimezone(UTC) if style == "utc" else start
        end = start + timedelta(hours=1)
    due = datetime.combine(when.date() + timedelta(days=draw(st.integers(0, 3))), datetime.min.time(), dates.ROME)
    return Published(uid=f"{kind.lower()}-{draw(st.sampled_from(['main', 'nonna', 'a,b']))}-2027-03@kenactl",
                     kind=kind, line="main", start=start, end=end, due=due, summary=draw(TEXT),
                     description=draw(TEXT), content="0123456789abcdef", sequence=draw(st.integers(0, 40)),
                     stamp=draw(MOMENTS).replace(tzinfo=dates.ROME), cancelled=draw(st.booleans()))


@settings(max_examples=300, deadline=None)
@given(events(), st.lists(st.integers(0, 10), max_size=3).map(tuple))
def test_event_bytes_equal_icalendar(published, alarms):
    assert ics.event_bytes(published, alarms) == icalendar_event(published, alarms)


def test_a_renewal_with_two_alarms_in_full():
    renewal = Published(uid="renewal-main-2027-03@kenactl", kind="RENEWAL", line="main", start=date(2027, 3, 15),
                        end=date(2027, 3, 16), due=datetime(2027, 3, 15, tzinfo=dates.ROME), summary="Renewal, main",
                        description="Kena 5,99; \\N", content="0123456789abcdef", sequence=2,
                        stamp=datetime(2027, 3, 1, 10, tzinfo=UTC), cancelled=False)
    written = ics.event_bytes(renewal, (2, 0)).decode()
    assert written == icalendar_event(renewal, (2, 0)).decode()
    assert "DTSTART;VALUE=DATE:20270315\r\n" in written and "DESCRIPTION:Kena 5\\,99\\; \\\\N\r\n" in written
    assert written.count("BEGIN:VALARM") == 2 and "TRIGGER:-P1DT15H\r\n" in written
