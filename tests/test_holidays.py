"""Italy's national holidays computed by kenactl equal the ``holidays`` package's, which is imported only
when a city's patron saint or a year outside the computed ones is asked; ``remind`` imports its push code only
when it pushes."""

import subprocess
import sys
from datetime import date, timedelta

import holidays
from helpers import household
from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl import store
from kenactl.knowledge import holidays as italy

FIRST, LAST = italy.COMPUTED_YEARS[0], italy.COMPUTED_YEARS[-1]


def counted(holidays_of_year) -> list:
    """The holidays from Monday to Saturday: the only days a working-day or giorni-feriali count can skip (the
    package's Sunday entries changed between its versions: 0.86 lists no Easter Sunday)."""
    return [(day, name) for day, name in holidays_of_year.items() if day.weekday() < 6]


def test_every_computed_year_equals_the_package_in_both_languages():
    for year in italy.COMPUTED_YEARS:
        for lang in italy.HOLIDAY_LANGUAGES:
            computed = italy.national_holidays(year, lang)
            assert counted(computed) == counted(italy.package_holidays(year, lang)), (year, lang)


@settings(max_examples=300, deadline=None)
@given(st.dates(date(FIRST, 1, 1), date(LAST, 12, 31)).filter(lambda day: day.weekday() < 6),
       st.sampled_from(sorted(italy.HOLIDAY_LANGUAGES)))
def test_any_day_is_named_as_the_package_names_it(day, lang):
    package = holidays.country_holidays("IT", years=day.year, language=italy.HOLIDAY_LANGUAGES[lang])
    assert italy.local_holiday_name(day, lang) == package.get(day)
    if lang == "en":
        assert italy.holiday_name(day) == package.get(day)


def test_easter_is_the_packages_for_every_year_it_has_easter_monday():
    for year in range(1950, LAST + 1):  # Easter Monday a national holiday since Legge 260/1949
        package = holidays.country_holidays("IT", years=year, language="en_US")
        monday = italy.easter_sunday(year) + timedelta(days=1)
        assert "Easter Monday" in package.get(monday, "").split("; "), year


def test_shared_days_and_one_off_holidays():
    assert italy.holiday_name(date(2011, 4, 25)) == "Easter Monday; Liberation Day"
    assert italy.holiday_name(date(2011, 3, 17)) == "Anniversary of the Unification of Italy"
    assert italy.holiday_name(date(2012, 3, 17)) is None
    assert italy.local_holiday_name(date(2026, 11, 1), "it") == "Giorno dell'unità nazionale; Ognissanti"
    assert italy.holiday_name(date(2000, 6, 4)) == "Republic Day" and italy.holiday_name(date(2000, 6, 2)) is None
    assert italy.holiday_name(date(2026, 10, 4)) == italy.SAINT_FRANCIS[0]
    assert italy.holiday_name(date(2025, 10, 4)) is None


def test_other_years_and_cities_come_from_the_package():
    for year in (1950, 1976, 1985, LAST + 1):
        assert italy.holiday_name.in_year(year) == italy.package_holidays(year), year
    milano = italy.holiday_name_in(italy.city_code("Milano"))
    assert milano(date(2026, 12, 7)) == "Saint Ambrose's Day" and italy.holiday_name(date(2026, 12, 7)) is None
    assert milano.in_year(2026) == italy.package_holidays(2026, "en", "MI")


def test_remind_with_a_late_complaint_imports_neither_the_package_nor_the_push_code(profile_path):
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text(store.dumps(household()), encoding="utf-8")
    code = ("import sys\nfrom kenactl.cli import main\n"
            "sys.argv = ['kenactl', '--at', '2027-01-20T09:00', 'remind', '--line', 'main']\n"
            "try:\n    main()\nexcept SystemExit as done:\n    assert done.code == 0, done.code\n"
            "print(sorted({'holidays', 'kenactl.notify'} & set(sys.modules)), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "reply to complaint #1" in result.stdout and "owed so far" in result.stdout, result.stdout
    assert result.stderr == "[]\n"
