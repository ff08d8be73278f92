"""The iCalendar (RFC 5545) export: reminder items → a calendar, byte-identical for the same data.

Built with the icalendar library (imported inside functions: only ``export ics`` pays for it).
All-day items are ``DTSTART;VALUE=DATE`` with ``DTEND`` the next day; timed items carry
``TZID=Europe/Rome`` and a VTIMEZONE. ``DTSTAMP`` is the profile's last change (``updated_at``),
so nothing in the file depends on the wall clock. icalendar writes CRLF line endings and folds
lines at 75 octets without splitting UTF-8 characters.

Texts (titles, descriptions, alarms, the calendar's description) are in the current language;
UIDs, SEQUENCE, DTSTAMP and categories never depend on it.
"""

from datetime import UTC, date, datetime, time, timedelta

from kenactl import __version__
from kenactl.core import dates
from kenactl.core.model import Profile
from kenactl.core.reminders import Item
from kenactl.i18n import _

PRODID = f"-//kenactl//kenactl {__version__}//EN"
CALENDAR_NAME = "kenactl"
UID_DOMAIN = "kenactl"
ALARM_TIME = time(9, 0)  # alarms of all-day events ring at 09:00 Europe/Rome, never at midnight
TIMED_LENGTH = timedelta(hours=1)
FALLBACK_STAMP = datetime(2000, 1, 1, tzinfo=UTC)  # only for a profile with no dated data at all


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


def calendar_bytes(profile: Profile, items: list[Item], alarms: tuple[int, ...]) -> bytes:
    """The calendar for ``items``; ``alarms`` are the days before each renewal its alarms ring."""
    from icalendar import Calendar, vDuration

    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.calendar_name = CALENDAR_NAME
    calendar.add("x-wr-caldesc", _("Renewals, top-ups, Restart and SIM validity of your prepaid lines"))
    calendar.add("refresh-interval", vDuration(timedelta(days=1)), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    dtstamp = stamp(profile)
    for item in items:
        calendar.add_component(_event(item, dtstamp, alarms))
    timed = [item.day for item in items if not item.all_day]
    if timed:
        calendar.add_missing_timezones(first_date=date(min(timed).year, 1, 1),
                                       last_date=date(max(timed).year + 1, 1, 1))
    return calendar.to_ical()


def _event(item: Item, dtstamp: datetime, alarms: tuple[int, ...]):
    from icalendar import Event

    if item.all_day:
        end = item.start + timedelta(days=1)
    else:
        end = dates.add_elapsed(item.start, TIMED_LENGTH)
    event = Event.new(uid=uid(item), stamp=dtstamp, start=item.start, end=end, summary=str(item.summary),
                      description=str(item.description), categories=[item.kind], sequence=item.sequence,
                      transparency="TRANSPARENT", status="CANCELLED" if item.cancelled else "CONFIRMED")
    if not item.cancelled:
        for trigger, text in _triggers(item, alarms):
            event.add_component(_alarm(text, trigger))
    return event


def _triggers(item: Item, alarms: tuple[int, ...]) -> list[tuple[timedelta, str]]:
    """Relative triggers: renewals ``alarms`` days before at 09:00; other all-day items at 09:00 that
    day; timed items at their start."""
    summary = str(item.summary)
    if not item.all_day:
        return [(timedelta(0), summary)]
    at_nine = timedelta(hours=ALARM_TIME.hour, minutes=ALARM_TIME.minute)
    if item.kind != "RENEWAL":
        return [(at_nine, summary)]
    return [(at_nine - timedelta(days=days), f"{summary} ({_in_days(days)})") for days in alarms]


def _in_days(days: int) -> str:
    if days == 0:
        return _("today")
    return _("tomorrow") if days == 1 else _("in {days} days").format(days=days)


def _alarm(text: str, trigger: timedelta):
    from icalendar import Alarm

    return Alarm.new_display(text, trigger)
