"""Italian and English: language choice, catalog completeness, no English left under --lang it,
JSON identical in both languages, localized dates and money."""

import gettext
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import catalog
import pytest
from helpers import english_fragments
from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl import i18n
from kenactl.core.dates import in_rome

AT = ("--at", "2027-03-12T10:00")


@pytest.fixture
def household(run, profile_path: Path) -> Path:
    """Two lines with usage, a pending charge, options and an open complaint, at 2027-03-12."""
    steps = [
        ("--at", "2027-02-20T10:00", "init", "--operator", "kena", "--offer", "Kena 7.99", "--price", "7.99",
         "--renewal-day", "15", "--data", "100GB", "--minutes", "unlimited", "--sms", "100", "--credit", "8.50"),
        ("--at", "2027-02-20T10:05", "line", "add", "nonna", "--operator", "windtre", "--offer", "GO 50",
         "--price", "9.99", "--renewal-day", "14", "--data", "50GB", "--minutes", "500", "--sms", "illimitati",
         "--credit", "2"),
        ("--at", "2027-03-01T10:00", "credit", "topup", "1"),
        ("--at", "2027-03-10T10:00", "usage", "set", "--data", "85GB", "--sms", "20"),
        ("--at", "2027-03-10T10:00", "usage", "set", "--line", "nonna", "--data", "1,5GB", "--minutes", "120"),
        ("--at", "2027-03-10T10:00", "charges", "add", "--line", "nonna", "anticipo del traffico", "2.98"),
        ("--at", "2027-03-10T10:00", "rights", "complaint", "add", "--date", "2027-01-20", "--subject",
         "traffico non richiesto"),
    ]
    for step in steps:
        result = run(*step)
        assert result.exit_code == 0, (step, result.output)
    return profile_path


def command_lines() -> list[tuple[str, ...]]:
    """One invocation per output kind of every command (help pages are walked separately)."""
    return [
        ("status",), ("status", "--demo"), ("usage", "show"), ("line", "list"), ("profile", "validate"),
        ("explain",), ("explain", "--line", "nonna"), ("explain", "--compare"),
        ("explain", "--operator", "vodafone", "--price", "7", "--credit", "1"), ("charges", "list", "--line", "nonna"),
        ("restart", "check"), ("restart", "plan"), ("remind", "--all", "--within", "40d"), ("export", "ics"),
        ("rights", "compensation", "--case", "malfunction", "--from", "2027-03-01", "--to", "2027-03-09"),
        ("rights", "compensation", "--case", "mnp", "--from", "2027-03-01", "--to", "2027-03-02"),
        ("rights", "complaint", "list"), ("rights", "leave"),
        ("status", "--line", "zio"), ("line", "set", "--renewal-day", "32"), ("credit", "set", "tanti"),
        ("usage", "set", "--data", "3TB"), ("restart", "check", "--line", "nonna"), ("nonexistent",),
        ("explain", "--option", "continuita=on"), ("export", "ics", "-o", "/"),
    ]


def help_lines(run) -> list[tuple[str, ...]]:
    from kenactl.cli import cli

    found = [("--help",)]
    context = cli.make_context("kenactl", ["--help"], resilient_parsing=True)
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        found.append((name, "--help"))
        for sub in getattr(command, "commands", {}):
            found.append((name, sub, "--help"))
    return found


def test_every_message_has_an_italian_translation():
    missing = catalog.missing()
    assert not missing, f"{len(missing)} untranslated, e.g.: " + "; ".join(
        f"{origin}: {text!r}" for text, origin in list(missing.items())[:15])


def test_compiled_catalog_matches_its_sources():
    from babel.messages.pofile import read_po

    mo = i18n.LOCALE_DIR / "it" / "LC_MESSAGES" / "kenactl.mo"
    assert mo.exists(), "no compiled catalog: reinstall with pip install -e ."
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for path in sorted((i18n.LOCALE_DIR / "it").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle, locale="it"):
                if not message.id:
                    continue
                if isinstance(message.id, str):
                    if message.string and compiled.gettext(message.id) != message.string:
                        stale.append(message.id)
                elif compiled.ngettext(message.id[0], message.id[1], 1) != message.string[0]:
                    stale.append(message.id[0])
    assert not stale, f"kenactl.mo is older than the .po files (reinstall: pip install -e .): {stale[:5]}"


def test_no_english_left_under_lang_it(run, household):
    fragments = english_fragments()
    leftovers = {}
    for args in [*command_lines(), *help_lines(run)]:
        result = run("--lang", "it", *AT, *args)
        text = result.stdout + result.stderr
        found = [fragment for fragment in fragments if fragment in text]
        if found:
            leftovers[" ".join(args)] = found[:5]
    assert not leftovers, leftovers


JSON_COMMANDS = [("status",), ("usage", "show"), ("explain",), ("explain", "--compare"), ("restart", "check"),
                 ("restart", "plan"), ("remind", "--all", "--within", "40d"), ("charges", "list", "--line", "nonna"),
                 ("rights", "complaint", "list"), ("rights", "leave"),
                 ("rights", "compensation", "--case", "malfunction", "--from", "2027-03-01", "--to", "2027-03-09")]


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_json_is_identical_in_both_languages(run, household, args):
    english = run("--lang", "en", *AT, *args, "--json")
    italian = run("--lang", "it", *AT, *args, "--json")
    assert english.exit_code == italian.exit_code
    assert json.loads(english.stdout) == json.loads(italian.stdout)
    assert english.stdout == italian.stdout


@pytest.mark.parametrize("option, environ, expected", [
    ("it", {"KENACTL_LANG": "en", "LANG": "en_US.UTF-8"}, "it"),
    (None, {"KENACTL_LANG": "it", "LANG": "en_US.UTF-8"}, "it"),
    (None, {"KENACTL_LANG": "en", "LANG": "it_IT.UTF-8"}, "en"),
    (None, {"LC_ALL": "it_IT.UTF-8", "LANG": "en_US.UTF-8"}, "it"),
    (None, {"LC_ALL": "", "LC_MESSAGES": "it_CH", "LANG": "en_US.UTF-8"}, "it"),
    (None, {"LANG": "it_IT.UTF-8"}, "it"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, {}, "en"),
])
def test_language_choice(option, environ, expected):
    assert i18n.choose_language(option, environ) == expected


def test_locale_selects_italian_and_lang_overrides_it(run, household, monkeypatch):
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    assert "Prossimo rinnovo" in run(*AT, "status").stdout
    assert "Next renewal" in run("--lang", "en", *AT, "status").stdout
    monkeypatch.setenv("KENACTL_LANG", "en")
    assert "Next renewal" in run(*AT, "status").stdout


def test_click_modules_speak_through_the_catalog_in_memory():
    import click.core
    import click.exceptions

    assert click.core._ is i18n._ and click.exceptions.ngettext is i18n.ngettext
    i18n.set_language("it")
    assert click.core._("Show this message and exit.") == "Mostra questo messaggio ed esce."
    assert gettext.gettext("Show this message and exit.") == "Mostra questo messaggio ed esce."  # modules loaded later
    i18n.set_language("en")
    assert click.core._("Show this message and exit.") == "Show this message and exit."


def test_help_follows_each_run_language_in_one_process(run):
    """click keeps each command's --help option once built: one built for an Italian run is built again for
    an English one (and the other way round), so kenactl called in process speaks the language asked."""
    for lang, text in (("it", "Mostra questo messaggio ed esce."), ("en", "Show this message and exit."),
                       ("it", "Mostra questo messaggio ed esce.")):
        for args in (["--help"], ["status", "--help"]):
            result = run("--lang", lang, *args)
            assert result.exit_code == 0 and text in result.stdout, (lang, args, result.stdout)


def test_dates_and_money_are_formatted_for_the_language():
    assert i18n.day(date(2027, 1, 15), "en") == "Fri 15 Jan 2027"
    assert i18n.money(Decimal("7.99"), "en") == "7.99 €"
    i18n.set_language("it")
    try:
        assert i18n.day(date(2027, 1, 15), "it") == "ven 15 gennaio 2027"
        assert i18n.money(Decimal("7.99"), "it") == "7,99 €"
        assert i18n.money(Decimal("-0.001"), "it") == "0,00 €"
    finally:
        i18n.set_language("en")


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1, 1, 1)), st.none() | st.just("en"))
def test_an_english_day_is_the_weekday_day_month_and_year_as_first_written(value, lang):
    first_written = (f"{i18n.WEEKDAYS[value.weekday()][:3]} {value.day:02d} {i18n.MONTHS[value.month - 1][:3]} "
                     f"{value.year}")
    assert i18n.day(value, lang) == first_written


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31),
                    timezones=st.one_of(st.none(), st.just(UTC), st.timezones())),
       st.sampled_from(i18n.LANGUAGES))
def test_a_moment_is_its_rome_day_and_strftime_hours_and_minutes(value, lang):
    local = in_rome(value)
    expected = f"{i18n.day(local.date(), lang)} {local.strftime('%H:%M')}"
    assert i18n.moment(value, lang) == expected


def test_italian_status_uses_italian_dates_and_money(run, household):
    out = run("--lang", "it", *AT, "status").stdout
    assert "7,99 €" in out and "lun 15 marzo 2027" in out


def test_input_accepts_both_decimal_marks_and_both_words(run, household, profile_path):
    assert run("--lang", "it", "usage", "set", "--data", "1,5GB").exit_code == 0
    assert run("usage", "set", "--data", "1.5GB").exit_code == 0
    assert run("line", "set", "--minutes", "illimitati").exit_code == 0
    assert run("line", "set", "--minutes", "unlimited").exit_code == 0


def test_italian_calendar_passes_the_parsers(run, household):
    import vobject
    from ical.calendar_stream import IcsCalendarStream

    text = run("--lang", "it", *AT, "export", "ics").stdout
    calendar = vobject.readOne(text, validate=True)
    assert any("Rinnovo" in event.summary.value or "rinnovo" in event.summary.value
               for event in calendar.vevent_list)
    assert IcsCalendarStream.calendar_from_ics(text).events
