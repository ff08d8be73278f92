"""Presentation of core results: their JSON form and their blocks for ``render``.

Shared formatting for people lives here, in the current language (``kenactl.i18n``); machine
formats (JSON) use ISO dates and two-decimal money strings and never change with the terminal
or the language.
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from kenactl import i18n
from kenactl.core import dates, units
from kenactl.i18n import _, ngettext
from kenactl.text import N_

UNITS = {"minutes": "min", "sms": "SMS"}
KINDS = {"data": N_("data"), "minutes": N_("minutes"), "sms": N_("sms")}


def human_date(day: date) -> str:
    """``Thu 31 Dec 2026`` / ``gio 31 dicembre 2026``."""
    return i18n.day(day)


def human_moment(moment: datetime) -> str:
    """``Thu 31 Dec 2026 00:00`` / ``gio 31 dicembre 2026 00:00``, in Europe/Rome."""
    return i18n.moment(moment)


def kind_name(kind: str) -> str:
    """An allowance kind for people: ``data``/``dati``, ``minutes``/``minuti``, ``sms``/``SMS``."""
    return _(KINDS[kind])


def amount(kind: str, value: int | None) -> str:
    """An allowance amount for people: ``12.5 GB`` (``12,5 GB``), ``120 min``, ``3 SMS``, ``unlimited``."""
    if value is None:
        return _("unlimited")
    if kind == "data":
        return i18n.number(units.format_data(value))
    return f"{value} {UNITS[kind]}"


def per_day(kind: str, value: Decimal) -> str:
    """A daily budget: ``2.1 GB/day``, ``45 MB/day``, ``12 min/day`` (``2,1 GB/giorno``)."""
    if kind == "data":
        number, unit = units.data_parts(value, places=1)
        quantity = f"{number} {unit}"
    else:
        quantity = f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP).normalize():f} {UNITS[kind]}"
    return _("{quantity}/day").format(quantity=i18n.number(quantity))


def days_from_now(days: int) -> str:
    """``today``, ``tomorrow`` or ``in 3 days`` (``oggi``, ``domani``, ``tra 3 giorni``)."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return ngettext("in {count} day", "in {count} days", days).format(count=days)


def relative_moment(moment: datetime, now: datetime) -> str:
    """How far ``moment`` is from ``now`` for people, the one wording of every relative time.

    Within 24 h in hours (``tonight at midnight, in 2 h``, ``today, in 5 h``, ``tomorrow, in 20 h``),
    else by calendar day in Europe/Rome (``tomorrow``, ``in 3 days``); a moment at 00:00 ends the day
    before (``tomorrow at midnight``). Past moments: ``3 h ago``, ``yesterday``, ``4 days ago``.
    """
    local, today = dates.in_rome(moment), dates.in_rome(now)
    days = (local.date() - today.date()).days
    seconds = int(dates.elapsed(now, moment).total_seconds())
    midnight = local.hour == local.minute == 0
    if seconds < 0:
        return _ago(-seconds, -days)
    if seconds == 0:
        return _("now")
    if seconds < 86400:
        hours = seconds // 3600
        span = (ngettext("in {count} h", "in {count} h", hours) if hours else
                ngettext("in {count} min", "in {count} min", max(seconds // 60, 1))).format(
            count=hours or max(seconds // 60, 1))
        if midnight and days == 1:
            return _("tonight at midnight, {span}").format(span=span)
        if days == 0:
            return (_("tonight, {span}") if local.hour >= 18 else _("today, {span}")).format(span=span)
        return _("tomorrow, {span}").format(span=span)
    if midnight and days == 2:
        return _("tomorrow at midnight")
    return days_from_now(days)


def _ago(seconds: int, days: int) -> str:
    if seconds < 60:
        return _("now")
    if seconds < 3600:
        return ngettext("{count} min ago", "{count} min ago", seconds // 60).format(count=seconds // 60)
    if seconds < 86400 and days <= 1:
        return ngettext("{count} h ago", "{count} h ago", seconds // 3600).format(count=seconds // 3600)
    if days <= 1:
        return _("yesterday")
    return ngettext("{count} day ago", "{count} days ago", days).format(count=days)


def percent_number(value: Decimal | None) -> float | None:
    """A percentage for JSON and people: ``units.shown_percent`` (one decimal, toward zero), as a number."""
    return None if value is None else float(units.shown_percent(value))


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 date-time with offset, or None."""
    return None if moment is None else dates.isoformat(moment)


def hint(command: str, arguments: str, line: str, is_default: bool) -> str:
    """A command to type: ``kenactl usage set --data 3GB``, with ``--line NAME`` unless ``line`` is the
    default one, so that following the hint writes to the line it is about."""
    chosen = "" if is_default else f" --line {line}"
    return f"kenactl {command}{chosen} {arguments}"
