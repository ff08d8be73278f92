"""Italian holidays, from the ``holidays`` package (imported lazily, on the first question: ~60 ms).

National holidays include Easter Monday and, from 2026, 4 October (San Francesco). Patron saints'
days are local: they count only for the city (province) a user names with ``--city``, e.g. Milano's
Sant'Ambrogio (7 December) or Roma's Santi Pietro e Paolo (29 June). Each year's holidays are computed
once. Names are English in results and JSON; ``local_holiday_name`` gives the Italian name for people
reading Italian.
"""

from collections.abc import Mapping
from datetime import date
from functools import cache

from kenactl.errors import InputError
from kenactl.text import Msg

HOLIDAY_LANGUAGES = {"en": "en_US", "it": "it_IT"}


@cache
def _holidays_of(year: int, lang: str = "en", city: str | None = None) -> Mapping[date, str]:
    import holidays

    found = holidays.country_holidays("IT", subdiv=city, years=year, language=HOLIDAY_LANGUAGES[lang])
    return {day: found[day] for day in sorted(found) if day.year == year}


class Holidays:
    """The holidays named in English — national, plus ``city``'s patron saint's day when a city is given:
    ``holidays(day)`` and ``holidays.in_year(year)`` (the ``HolidayName`` that ``core.workdays`` counts with)."""

    def __init__(self, city: str | None = None):
        self.city = city

    def __call__(self, day: date) -> str | None:
        """The holiday on ``day`` (English name), or None."""
        return _holidays_of(day.year, "en", self.city).get(day)

    def in_year(self, year: int) -> Mapping[date, str]:
        """Every holiday of ``year`` with its English name, in date order."""
        return _holidays_of(year, "en", self.city)


holiday_name = Holidays()


def local_holiday_name(day: date, lang: str, city: str | None = None) -> str | None:
    """The holiday on ``day`` (national, or ``city``'s) named in ``lang`` (``en`` or ``it``), or None."""
    return _holidays_of(day.year, lang if lang in HOLIDAY_LANGUAGES else "en", city).get(day)


def city_code(text: str) -> str:
    """The ``holidays`` subdivision for a city or province given by code (``MI``) or name (``Milano``)."""
    import holidays

    codes = {code.lower(): code for code in holidays.IT.subdivisions}
    names = {name.lower(): code for name, code in getattr(holidays.IT, "subdivisions_aliases", {}).items()}
    found = codes.get(text.strip().lower()) or names.get(text.strip().lower())
    if found is None:
        raise InputError("--city", Msg("{city} is not an Italian province or city kenactl knows; give its code "
                                       "(MI, RM, ...) or its name (Milano, Roma, ...)", city=repr(text)))
    return found


def holiday_name_in(city: str) -> Holidays:
    """The holidays of ``city`` (a ``city_code``): the national ones plus its patron saint's day."""
    return Holidays(city)
