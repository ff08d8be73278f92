"""The iCalendar (RFC 5545) export: reminder items → a calendar, byte-identical for the same data.

The calendar is written here line by line, in the bytes icalendar's ``Calendar.to_ical()`` and
``Event.new`` write (the tests compare the two), without icalendar's objects for every property;
icalendar itself (a start-up as long as a small command's) is imported only for what it computes:
the VTIMEZONE of Rome, for a calendar with timed events.
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
from kenactl.i18n import _, language

PRODID = f"-//kenactl//kenactl {__version__}//EN"
CALENDAR_NAME = "kenactl"
UID_DOMAIN = "kenactl"
TIMED_LENGTH = timedelta(hours=1)
FALLBACK_STAMP = datetime(2000, 1, 1, tzinfo=UTC)  # only for a profile with no dated data at all
CALENDAR_END = b"END:VCALENDAR\r\n"
FOLD_OCTETS = 75  # icalendar folds a content line of this many octets or more (RFC 5545: at most 75 a line)
FOLD_SEPARATOR = b"\r\n "
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
    english = language() == "en"  # then each summary, as shown, is already its English form
    return [_published(item, dtstamp, english) for item in items]


def calendar_bytes(profile: Profile, items: list[Item], alarms: tuple[int, ...]) -> bytes:
    """The calendar for ``items``; ``alarms`` are the days before each renewal its alarms ring."""
    return render(events(profile, items), alarms)


def render(published: list[Published], alarms: tuple[int, ...]) -> bytes:
    """The calendar holding ``published`` (current and cancelled events alike), in the bytes icalendar's
    ``Calendar.to_ical()`` writes: its properties, the VTIMEZONE (built by icalendar, only when an event
    has a Rome wall time) and the events (the tests compare the two)."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + escaped_text(PRODID), "CALSCALE:GREGORIAN",
            "X-WR-CALDESC:" + _("Renewals, top-ups, Restart and SIM validity of your prepaid lines"),  # X-: verbatim
            "NAME:" + escaped_text(CALENDAR_NAME), "X-WR-CALNAME:" + escaped_text(CALENDAR_NAME),
            "REFRESH-INTERVAL;VALUE=DURATION:" + duration(timedelta(days=1)), "X-PUBLISHED-TTL:P1D"]
    timed = [event.start for event in published
             if isinstance(event.start, datetime) and event.start.tzinfo is dates.ROME]
    written = [_lines_bytes(head), _rome_timezone(timed) if timed else b""]
    written.extend(event_bytes(event, alarms) for event in published)
    written.append(CALENDAR_END)
    return b"".join(written)


def _rome_timezone(starts: list[datetime]) -> bytes:
    """The VTIMEZONE icalendar writes for Europe/Rome, from 1 January of the first start's year to 1 January
    after the last one's."""
    from icalendar import Calendar, Event

    calendar, sample = Calendar(), Event()
    sample.add("dtstart", starts[0])
    calendar.add_component(sample)
    days = [start.date() for start in starts]
    calendar.add_missing_timezones(first_date=date(min(days).year, 1, 1), last_date=date(max(days).year + 1, 1, 1))
    calendar.subcomponents.remove(sample)
    # ``to_ical()``'s bytes, folded by ``fold`` (icalendar folds character by character)
    return b"".join(_lines_bytes([line for line in zone.content_lines() if line]) for zone in calendar.subcomponents)


def _lines_bytes(lines: list[str]) -> bytes:
    """Content lines (none holds a CRLF: TEXT escapes line breaks) written as icalendar writes them: UTF-8,
    folded, each ended by CRLF. Encoded at once; only the lines long enough are folded."""
    encoded = "\r\n".join(lines).encode("utf-8").split(b"\r\n")
    return b"\r\n".join([line if len(line) < FOLD_OCTETS else fold(line) for line in encoded]) + b"\r\n"


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


def _published(item: Item, dtstamp: datetime, english: bool) -> Published:
    """The event of ``item``: timed events last an hour and are written in UTC when Rome's clock is ambiguous."""
    if item.all_day:
        start, end = item.start, item.start + timedelta(days=1)
    else:
        start, end = dates.in_rome(item.start), dates.add_elapsed(item.start, TIMED_LENGTH)
        if _ambiguous(start) or _ambiguous(end):  # the repeated autumn hour: 02:30 happens twice
            start, end = start.astimezone(UTC), end.astimezone(UTC)
    summary = str(item.summary)
    significant = json.dumps([start.isoformat(), end.isoformat(), summary if english else item.summary.english()],
                             ensure_ascii=False)
    return Published(uid=uid(item), kind=item.kind, line=item.line, start=start, end=end, due=item.due,
                     summary=summary, description=str(item.description),
                     content=hashlib.sha256(significant.encode("utf-8")).hexdigest()[:16],
                     sequence=item.sequence, stamp=dtstamp, cancelled=item.cancelled)


def _ambiguous(moment: datetime) -> bool:
    """A Rome wall time that names two instants (the hour repeated when DST ends)."""
    return moment.replace(fold=1 - moment.fold).utcoffset() != moment.utcoffset()


def event_bytes(published: Published, alarms: tuple[int, ...]) -> bytes:
    """The VEVENT of ``published`` as icalendar's ``Event.new`` (with a VALARM per trigger) writes it, property
    by property in its order, without building icalendar's objects for each property."""
    lines = ["BEGIN:VEVENT", "SUMMARY:" + escaped_text(published.summary), _moment("DTSTART", published.start),
             _moment("DTEND", published.end), "DTSTAMP:" + _date_time(published.stamp.astimezone(UTC)) + "Z",
             "UID:" + escaped_text(published.uid), f"SEQUENCE:{published.sequence}",
             "CATEGORIES:" + escaped_text(published.kind),
             "DESCRIPTION:" + escaped_text(published.description),
             "STATUS:" + ("CANCELLED" if published.cancelled else "CONFIRMED"), "TRANSP:TRANSPARENT"]
    if not published.cancelled:
        for trigger, text in _triggers(published, alarms):
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escaped_text(text),
                      "TRIGGER:" + duration(trigger), "END:VALARM"]
    lines.append("END:VEVENT")
    return _lines_bytes(lines)


def _moment(name: str, moment: date | datetime) -> str:
    """``DTSTART``/``DTEND`` as icalendar writes them: a date, a Rome wall time (``TZID``), else a UTC time (``Z``:
    the events' moments are in Rome or in UTC)."""
    if not isinstance(moment, datetime):
        return f"{name};VALUE=DATE:{_date(moment)}"
    if moment.tzinfo is dates.ROME:
        return f"{name};TZID={ROME_TZID}:{_date_time(moment)}"
    return f"{name}:{_date_time(moment.astimezone(UTC))}Z"


def _date(day: date) -> str:
    """A DATE value, as icalendar's ``vDate`` writes it."""
    return f"{day.year:04}{day.month:02}{day.day:02}"


def _date_time(moment: datetime) -> str:
    """A DATE-TIME value's wall time (without ``Z``), as icalendar's ``vDatetime`` writes it."""
    return f"{moment.year:04}{moment.month:02}{moment.day:02}T{moment.hour:02}{moment.minute:02}{moment.second:02}"


def escaped_text(text: str) -> str:
    """A TEXT value escaped as RFC 5545 says: icalendar's own escaping reads a literal backslash-N (an offer
    named ``\\N``) as a line break."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def duration(delta: timedelta) -> str:
    """A DURATION value as icalendar's ``vDuration`` writes it: ``P1D``, ``-P1DT15H``, ``PT9H30M``."""
    sign = "-" if delta.days < 0 else ""
    delta = -delta if sign else delta
    hours, minutes, seconds = delta.seconds // 3600, delta.seconds % 3600 // 60, delta.seconds % 60
    time_part = ""
    if delta.seconds:
        time_part = ("T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or (hours and seconds) else "")
                     + (f"{seconds}S" if seconds else ""))
    if delta.days == 0 and time_part:
        return f"{sign}P{time_part}"
    return f"{sign}P{delta.days}D{time_part}"


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
