"""Italian national holidays, from the ``holidays`` package (imported lazily: ~60 ms).

It includes Easter Monday and, from 2026, 4 October (San Francesco). Names are English in results
and JSON; ``local_holiday_name`` gives the Italian name for people reading Italian.
"""

from datetime import date
from functools import cache

HOLIDAY_LANGUAGES = {"en": "en_US", "it": "it_IT"}


@cache
def _holidays_of(year: int, lang: str = "en") -> dict[date, str]:
    import holidays

    return dict(holidays.country_holidays("IT", years=year, language=HOLIDAY_LANGUAGES[lang]))


def holiday_name(day: date) -> str | None:
    """The national holiday on ``day`` (English name), or None."""
    return _holidays_of(day.year).get(day)


def local_holiday_name(day: date, lang: str) -> str | None:
    """The national holiday on ``day`` named in ``lang`` (``en`` or ``it``), or None."""
    return _holidays_of(day.year, lang if lang in HOLIDAY_LANGUAGES else "en").get(day)
