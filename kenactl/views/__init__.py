"""Presentation of core results: their JSON form and their blocks for ``render``.

Shared formatting for people lives here; machine formats (JSON) use ISO dates and two-decimal
money strings and never change with the terminal.
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from kenactl.core import dates, units

UNITS = {"minutes": "min", "sms": "SMS"}


def human_date(day: date) -> str:
    """``Thu 31 Dec 2026``."""
    return day.strftime("%a %d %b %Y")


def human_moment(moment: datetime) -> str:
    """``Thu 31 Dec 2026 00:00`` in Europe/Rome."""
    return dates.in_rome(moment).strftime("%a %d %b %Y %H:%M")


def amount(kind: str, value: int | None) -> str:
    """An allowance amount for people: ``12.5 GB``, ``120 min``, ``3 SMS``, ``unlimited``."""
    if kind == "data" or value is None:
        return units.format_data(value)
    return f"{value} {UNITS[kind]}"


def per_day(kind: str, value: Decimal) -> str:
    """A daily budget: ``2.1 GB/day``, ``45 MB/day``, ``12 min/day``."""
    if kind == "data":
        if value >= units.MB_PER_GB:
            return f"{(value / units.MB_PER_GB).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)} GB/day"
        return f"{value.quantize(Decimal(1), rounding=ROUND_HALF_UP)} MB/day"
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP).normalize():f} {UNITS[kind]}/day"


def percent_number(value: Decimal | None) -> float | None:
    """A percentage for JSON: one decimal, as a number."""
    return None if value is None else float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 date-time with offset, or None."""
    return None if moment is None else dates.isoformat(moment)
