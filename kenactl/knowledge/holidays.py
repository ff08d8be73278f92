"""Italian national holidays, from the ``holidays`` package (imported lazily, on the first question: ~60 ms).

It includes Easter Monday and, from 2026, 4 October (San Francesco). Each year's holidays are computed
once. Names are English in results and JSON; ``local_holiday_name`` gives the Italian name for people
reading Italian.
"""

from collections.abc import Mapping
from datetime import date
from functools import cache

HOLIDAY_LANGUAGES = {"en": "en_US", "it": "it_IT"}


@cache
def _holidays_of(year: int, lang: str = "en") -> Mapping[date, str]:
    import holidays

    found = holidays.country_holidays("IT", years=year, language=HOLIDAY_LANGUAGES[lang])
    return {day: found[day] for day in sorted(found) if day.year == year}


class NationalHolidays:
    """The national holidays named in English: ``holiday_name(day)`` and ``holiday_name.in_year(year)``
    (the ``HolidayName`` that ``core.workdays`` counts with)."""

    def __call__(self, day: date) -> str | None:
        """The national holiday on ``day`` (English name), or None."""
        return _holidays_of(day.year).get(day)

    def in_year(self, year: int) -> Mapping[date, str]:
        """Every national holiday of ``year`` with its English name, in date order."""
        return _holidays_of(year)


holiday_name = NationalHolidays()


def local_holiday_name(day: date, lang: str) -> str | None:
    """The national holiday on ``day`` named in ``lang`` (``en`` or ``it``), or None."""
    return _holidays_of(day.year, lang if lang in HOLIDAY_LANGUAGES else "en").get(day)
