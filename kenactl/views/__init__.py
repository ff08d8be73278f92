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
