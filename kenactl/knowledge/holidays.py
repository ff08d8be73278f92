"""Italian holidays, from the ``holidays`` package (imported lazily: ~60 ms).

National holidays include Easter Monday and, from 2026, 4 October (San Francesco). Patron saints'
days are local: they count only for the city (province) a user names with ``--city``, e.g. Milano's
Sant'Ambrogio (7 December) or Roma's Santi Pietro e Paolo (29 June). Names are English in results
and JSON; ``local_holiday_name`` gives the Italian name for people reading Italian.
"""

from collections.abc import Callable
from datetime import date
from functools import cache

from kenactl.errors import InputError
from kenactl.text import Msg

HOLIDAY_LANGUAGES = {"en": "en_US", "it": "it_IT"}


@cache
def _holidays_of(year: int, lang: str = "en", city: str | None = None) -> dict[date, str]:
    import holidays

    return dict(holidays.country_holidays("IT", subdiv=city, years=year, language=HOLIDAY_LANGUAGES[lang]))


def holiday_name(day: date) -> str | None:
    """The national holiday on ``day`` (English name), or None."""
    return _holidays_of(day.year).get(day)


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


def holiday_name_in(city: str) -> Callable[[date], str | None]:
    """The holidays of ``city`` (a ``city_code``): the national ones plus its patron saint's day."""
    return lambda day: _holidays_of(day.year, "en", city).get(day)
