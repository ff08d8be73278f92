"""The iCalendar (RFC 5545) export: reminder items → a calendar, byte-identical for the same data.

The calendar's head and VTIMEZONE are built with the icalendar library (imported inside functions:
only ``export ics`` pays for it); each event is written here line by line, in the bytes icalendar's
``Event.new`` writes (the tests compare the two), without icalendar's objects for every property.
All-day items are ``DTSTART;VALUE=DATE`` with ``DTEND`` the next day; timed items carry
``TZID=Europe/Rome`` and a VTIMEZONE, except in the hour repeated when DST ends, where they are
written in UTC (a Rome wall time there names two instants). ``DTSTAMP`` is the profile's last
change (``updated_at``), so nothing in the file depends on the wall clock; ``kenactl.publish``
adds the memory of earlier exports (cancelled events, SEQUENCE and DTSTAMP that never go back).
icalendar writes CRLF line endings and folds lines at 75 octets without splitting UTF-8 characters.

Texts (titles, descriptions, alarms, the calendar's description) are in the current language;
UIDs, SEQUENCE, DTSTAMP and categories never depend on it.
"""

import hashlib
import json
from datetime import UTC, date, datetime, time, timedelta

from kenactl import __version__
from kenactl.core import dates
from kenactl.core.delivery import ALARM_TIME, alarm_day
from kenactl.core.model import Profile
from kenactl.core.published import Published
from kenactl.core.reminders import Item
from kenactl.i18n import _

PRODID = f"-//kenactl//kenactl {__version__}//EN"
CALENDAR_NAME = "kenactl"
UID_DOMAIN = "kenactl"
TIMED_LENGTH = timedelta(hours=1)
FALLBACK_STAMP = datetime(2000, 1, 1, tzinfo=UTC)  # only for a profile with no dated data at all
CALENDAR_END = b"END:VCALENDAR\r\n"
FOLD_OCTETS = 75  # icalendar folds a content line of this many octets or more (RFC 5545: at most 75 a line)
FOLD_SEPARATOR = b"\r\n "
UTC_FORMAT = "%Y%m%dT%H%M%SZ"
ROME_TZID = "Europe/Rome"  # dates.ROME's key, as icalendar names it
ESCAPE_STARTS = b"\\^"  # a TEXT backslash escape or an RFC 6868 parameter escape: icalendar keeps it whole


def uid(item: Item) -> str:
    """``renewal-main-2027-03@kenactl``: kind, line and period; the same in every export."""
    return "-".join(item.key) + "@" + UID_DOMAIN


def stamp(profile: Profile) -> datetime:
    """DTSTAMP: the profile's last change, else its latest dated fact, else a fixed moment (UTC)."""
    if profile.updated_at is not None:
        return profile.updated_at.astimezone(UTC)
    moments = [FALLBACK_STAMP]
    for line in profile.lines.values():
        moments.extend(entry.at for entry in line.history)
        moments.extend(sample.at for sample in line.usage)
        days = [line.last_topup, *(charge.added for charge in line.charges)]
        moments.extend(datetime.combine(day, time(0), dates.ROME) for day in days if day is not None)
    moments.extend(datetime.combine(c.filed, time(0), dates.ROME) for c in profile.complaints)
    return max(moment.astimezone(UTC) for moment in moments)


def events(profile: Profile, items: list[Item]) -> list[Published]:
    """The events for ``items``, as written without any memory of earlier exports."""
    dtstamp = stamp(profile)
    return [_published(item, dtstamp) for item in items]


def calendar_bytes(profile: Profile, items: list[Item], alarms: tuple[int, ...]) -> bytes:
    """The calendar for ``items``; ``alarms`` are the days before each renewal its alarms ring."""
    return render(events(profile, items), alarms)


def render(published: list[Published], alarms: tuple[int, ...]) -> bytes:
    """The calendar holding ``published`` (current and cancelled events alike)."""
    from icalendar import Calendar, Event, vDuration

    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.calendar_name = CALENDAR_NAME
    calendar.add("x-wr-caldesc", _("Renewals, top-ups, Restart and SIM validity of your prepaid lines"))
    calendar.add("refresh-interval", vDuration(timedelta(days=1)), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    timed = [event for event in published if isinstance(event.start, datetime) and event.start.tzinfo is dates.ROME]
    if timed:  # the VTIMEZONE icalendar writes first among the components, for the Rome times of the events
        days = [event.start.date() for event in timed]
        sample = Event()
        sample.add("dtstart", timed[0].start)
        calendar.add_component(sample)
        calendar.add_missing_timezones(first_date=date(min(days).year, 1, 1), last_date=date(max(days).year + 1, 1, 1))
        calendar.subcomponents.remove(sample)
    head = _serialized(calendar)
    # Each event is written where ``calendar.to_ical()`` would put it (after the VTIMEZONE, before END:VCALENDAR)
    written = b"".join(event_bytes(event, alarms) for event in published)
    return head[:-len(CALENDAR_END)] + written + CALENDAR_END


def _serialized(component) -> bytes:
    """``component.to_ical()``, the same bytes, with each content line folded by ``fold`` (icalendar folds
    character by character, a third of a long export)."""
    return b"".join(fold(line.encode("utf-8")) + b"\r\n" for line in component.content_lines() if line)


def fold(line: bytes) -> bytes:
    """A UTF-8 content line folded as icalendar folds it: pieces of at most 74 octets, never inside a
    character, none ending in a backslash or caret when it could carry over (an escape stays whole),
    joined by CRLF and a space."""
    if len(line) < FOLD_OCTETS:
        return line
    pieces, start = [], 0
    while len(line) - start >= FOLD_OCTETS:
        end = start + FOLD_OCTETS - 1
        while line[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: the character starts earlier
            end -= 1
        if line[end - 1] in ESCAPE_STARTS:
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return FOLD_SEPARATOR.join(pieces)


def _published(item: Item, dtstamp: datetime) -> Published:
    """The event of ``item``: timed events last an hour and are written in UTC when Rome's clock is ambiguous."""
    if item.all_day:
        start, end = item.start, item.start + timedelta(days=1)
    else:
        start, end = dates.in_rome(item.start), dates.add_elapsed(item.start, TIMED_LENGTH)
        if _ambiguous(start) or _ambiguous(end):  # the repeated autumn hour: 02:30 happens twice
            start, end = start.astimezone(UTC), end.astimezone(UTC)
    significant = json.dumps([start.isoformat(), end.isoformat(), item.summary.english()], ensure_ascii=False)
    return Published(uid=uid(item), kind=item.kind, line=item.line, start=start, end=end, due=item.due,
                     summary=str(item.summary), description=str(item.description),
                     content=hashlib.sha256(significant.encode("utf-8")).hexdigest()[:16],
                     sequence=item.sequence, stamp=dtstamp, cancelled=item.cancelled)


def _ambiguous(moment: datetime) -> bool:
    """A Rome wall time that names two instants (the hour repeated when DST ends)."""
    return moment.replace(fold=1 - moment.fold).utcoffset() != moment.utcoffset()


def event_bytes(published: Published, alarms: tuple[int, ...]) -> bytes:
    """The VEVENT of ``published`` as icalendar's ``Event.new`` (with a VALARM per trigger) writes it, property
    by property in its order, without building icalendar's objects for each property."""
    from icalendar import vCategory, vDuration, vText

    lines = ["BEGIN:VEVENT", "SUMMARY:" + escaped_text(published.summary), _moment("DTSTART", published.start),
             _moment("DTEND", published.end), "DTSTAMP:" + published.stamp.astimezone(UTC).strftime(UTC_FORMAT),
             "UID:" + vText(published.uid).to_ical().decode("utf-8"), f"SEQUENCE:{published.sequence}",
             "CATEGORIES:" + vCategory([published.kind]).to_ical().decode("utf-8"),
             "DESCRIPTION:" + escaped_text(published.description),
             "STATUS:" + ("CANCELLED" if published.cancelled else "CONFIRMED"), "TRANSP:TRANSPARENT"]
    if not published.cancelled:
        for trigger, text in _triggers(published, alarms):
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escaped_text(text),
                      "TRIGGER:" + vDuration(trigger).to_ical().decode("ascii"), "END:VALARM"]
    lines.append("END:VEVENT")
    return b"".join(fold(line.encode("utf-8")) + b"\r\n" for line in lines)


def _moment(name: str, moment: date | datetime) -> str:
    """``DTSTART``/``DTEND`` as icalendar writes them: a date, a Rome wall time (``TZID``), else (UTC) its own way."""
    if not isinstance(moment, datetime):
        return f"{name};VALUE=DATE:{moment:%Y%m%d}"
    if moment.tzinfo is dates.ROME:
        return f"{name};TZID={ROME_TZID}:{moment:%Y%m%dT%H%M%S}"
    from icalendar import vDDDTypes

    value = vDDDTypes(moment)
    return name + "".join(f";{key}={text}" for key, text in value.params.items()) + ":" + value.to_ical().decode()


def escaped_text(text: str) -> str:
    """A TEXT value escaped as RFC 5545 says: icalendar's own escaping reads a literal backslash-N (an offer
    named ``\\N``) as a line break."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _triggers(event: Published, alarms: tuple[int, ...]) -> list[tuple[timedelta, str]]:
    """Relative triggers: renewals at 09:00 on each alarm's day (``delivery.alarm_day``: never after the
    renewal itself); other all-day items at 09:00 that day; timed items at their start."""
    summary = event.summary
    if isinstance(event.start, datetime):
        return [(timedelta(0), summary)]
    at_nine = timedelta(hours=ALARM_TIME.hour, minutes=ALARM_TIME.minute)
    if event.kind != "RENEWAL":
        return [(at_nine, summary)]
    triggers: dict[timedelta, str] = {}
    for days in alarms:
        day = alarm_day(event.due, days)
        trigger = at_nine + (day - event.start)
        triggers.setdefault(trigger, f"{summary} ({_in_days((event.start - day).days)})")
    return list(triggers.items())


def _in_days(days: int) -> str:
    if days == 0:
        return _("today")
    return _("tomorrow") if days == 1 else _("in {days} days").format(days=days)
