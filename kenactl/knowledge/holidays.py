"""Italian holidays: the national ones computed here, a city's patron saint from the ``holidays`` package.

National holidays (Legge 27 maggio 1949 n. 260 as amended by Legge 5 marzo 1977 n. 54, D.P.R.
28 dicembre 1985 n. 792 and Legge 20 novembre 2000 n. 336; 4 October from 2026 by Legge 8 ottobre 2025
n. 151): fixed days plus Easter Sunday and Monday, with Republic Day on the first Sunday of June up to
2000 and National Unity Day on the first Sunday of November. They are computed for the years from 1986
(Epiphany restored: the list has kept this shape since) to 2100, with the names and dates of the
``holidays`` package (the tests compare the two year by year, Monday to Saturday: the days a count can
skip); other years, and the patron saints' days of a city (province) named with ``--city`` (Milano's
Sant'Ambrogio on 7 December, Roma's Santi Pietro e Paolo on 29 June), come from the package, imported
only then (~60 ms). Each year's holidays are
computed once. Names are English in results and JSON; ``local_holiday_name`` gives the Italian name for
people reading Italian.
"""

from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache

from kenactl.errors import InputError
from kenactl.text import Msg

HOLIDAY_LANGUAGES = {"en": "en_US", "it": "it_IT"}
COMPUTED_YEARS = range(1986, 2101)  # the years national holidays are computed here, not by the package
NAME_SEPARATOR = "; "  # two holidays on one day: both names, in alphabetical order (as the package does)
FIXED_HOLIDAYS = (  # (month, day, English name, Italian name)
    (1, 1, "New Year's Day", "Capodanno"),
    (1, 6, "Epiphany", "Epifania"),
    (4, 25, "Liberation Day", "Anniversario della Liberazione"),
    (5, 1, "Labor Day", "Festa del Lavoro"),
    (8, 15, "Assumption Of Mary Day", "Assunzione della Beata Vergine Maria"),
    (11, 1, "All Saints' Day", "Ognissanti"),
    (12, 8, "Immaculate Conception", "Immacolata Concezione"),
    (12, 25, "Christmas Day", "Natale"),
    (12, 26, "Saint Stephen's Day", "Santo Stefano"),
)
EASTER_SUNDAY = ("Easter Sunday", "Pasqua")
EASTER_MONDAY = ("Easter Monday", "Lunedì dell'Angelo")
REPUBLIC_DAY = ("Republic Day", "Festa della Repubblica")
REPUBLIC_DAY_FIXED_FROM = 2001  # 2 June again (Legge 336/2000); the first Sunday of June before
NATIONAL_UNITY_DAY = ("National Unity Day", "Giorno dell'unità nazionale")
SAINT_FRANCIS = ("Saint Francis of Assisi, Patron Saint of Italy",
                 "Festa nazionale di San Francesco d'Assisi, patrono d'Italia")
SAINT_FRANCIS_FROM = 2026
ONE_OFF_HOLIDAYS = {  # year: (month, day, names): the 150th anniversary of the unification of Italy
    2011: (3, 17, ("Anniversary of the Unification of Italy", "Anniversario dell'Unità d'Italia")),
}


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher)."""
    golden = year % 19
    century, of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    lunar_correction = (century + 8) // 25
    moon = (19 * golden + century - leap_centuries - (century - lunar_correction + 1) // 3 + 15) % 30
    leap_years, year_rest = divmod(of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - moon - year_rest) % 7
    shift = (golden + 11 * moon + 22 * weekday) // 451
    month, day = divmod(moon + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def _first_sunday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7)


def national_holidays(year: int, lang: str = "en") -> Mapping[date, str]:
    """Italy's national holidays of ``year`` (one of ``COMPUTED_YEARS``), named in ``lang``, in date order."""
    index = 0 if lang == "en" else 1
    easter = easter_sunday(year)
    found: list[tuple[date, tuple[str, str]]] = [(date(year, month, day), (english, italian))
                                                 for month, day, english, italian in FIXED_HOLIDAYS]
    found += [(easter, EASTER_SUNDAY), (easter + timedelta(days=1), EASTER_MONDAY),
              (date(year, 6, 2) if year >= REPUBLIC_DAY_FIXED_FROM else _first_sunday(year, 6), REPUBLIC_DAY),
              (_first_sunday(year, 11), NATIONAL_UNITY_DAY)]
    if year >= SAINT_FRANCIS_FROM:
        found.append((date(year, 10, 4), SAINT_FRANCIS))
    if year in ONE_OFF_HOLIDAYS:
        month, day, names = ONE_OFF_HOLIDAYS[year]
        found.append((date(year, month, day), names))
    named: dict[date, list[str]] = {}
    for day, names in found:
        named.setdefault(day, []).append(names[index])
    return {day: NAME_SEPARATOR.join(sorted(named[day])) for day in sorted(named)}


@cache
def _holidays_of(year: int, lang: str = "en", city: str | None = None) -> Mapping[date, str]:
    if city is None and year in COMPUTED_YEARS:
        return national_holidays(year, lang)
    return package_holidays(year, lang, city)


def package_holidays(year: int, lang: str = "en", city: str | None = None) -> Mapping[date, str]:
    """The holidays of ``year`` as the ``holidays`` package names them (national, plus ``city``'s)."""
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
