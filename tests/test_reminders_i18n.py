"""The calendar and ``remind`` in Italian: golden file, the same parser checks as in English, nothing that
identifies an event changes with the language, JSON identical, errors and -v translated."""

import io
import json
import os
from datetime import date
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
import vobject
from helpers import save_household
from ical.calendar_stream import IcsCalendarStream

GOLDEN = Path(__file__).parent / "golden" / "household.it.ics"
AT = ("--at", "2026-11-21T09:00")
IDENTITY = ("UID", "SEQUENCE", "DTSTAMP", "CATEGORIES", "DTSTART", "DTEND", "STATUS", "TRIGGER")


@pytest.fixture
def saved(profile_path: Path) -> Path:
    """The representative household (a restarted Kena line, a TIM line short of credit, a complaint)."""
    return save_household(profile_path)


def export(run, lang: str, *args: str) -> bytes:
    result = run("--lang", lang, *AT, "export", "ics", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def test_italian_golden_file(run, saved):
    """Byte for byte. Regenerate deliberately with KENACTL_UPDATE_GOLDEN=1 and review the diff."""
    data = export(run, "it", "--months", "4")
    if os.environ.get("KENACTL_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(data)
    assert data == GOLDEN.read_bytes()


def test_italian_calendar_in_three_parsers(run, saved):
    data = export(run, "it")
    text = data.decode("utf-8")
    events = vobject.readOne(text, validate=True).vevent_list
    summaries = [event.summary.value for event in events]
    assert "Rinnovo nonna: TIM Smart, 9,99 € (credito insufficiente)" in summaries
    assert "Ricarica nonna: almeno 5,49 € entro sab 5 dicembre 2026 00:00" in summaries
    assert any(value.startswith("Rinnovo main spostato dal Restart") for value in summaries)
    assert any(value.startswith("Validità SIM main: scade il dom 10 gennaio 2027") for value in summaries)
    alarms = [alarm.description.value for event in events for alarm in getattr(event, "valarm_list", [])]
    assert "Rinnovo main: Kena 5,99 Più, 5,99 € (tra 2 giorni)" in alarms
    strict = IcsCalendarStream.calendar_from_ics(text)
    assert len(strict.events) == len(events)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALDESC"]) == "Rinnovi, ricariche, Restart e validità della SIM delle tue linee prepagate"
    found = recurring_ical_events.of(calendar).between(date(2026, 11, 21), date(2027, 12, 1))
    assert len(found) == len(events)


def test_italian_lines_are_crlf_and_folded_at_75_octets_without_splitting_characters(run, saved):
    data = export(run, "it")
    assert data.count(b"\r\n") == data.count(b"\n") and data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # each physical line is valid UTF-8 on its own: no character is split
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert "à" in unfolded and "€" in unfolded and "Più" in unfolded


def test_only_texts_change_with_the_language(run, saved):
    def identity(data: bytes) -> list[list[str]]:
        calendar = io.StringIO(data.replace(b"\r\n ", b"").decode("utf-8"))
        return [[line for line in event.splitlines() if line.split(":")[0].split(";")[0] in IDENTITY]
                for event in calendar.read().split("BEGIN:VEVENT")]

    english, italian = export(run, "en"), export(run, "it")
    assert english != italian
    assert identity(english) == identity(italian)
    assert english == export(run, "en")  # choosing Italian once leaves English untouched


def test_remind_json_is_the_same_in_both_languages_and_texts_are_italian(run, saved):
    args = ("remind", "--all", "--within", "40d")
    english = run("--lang", "en", *AT, *args, "--json")
    italian = run("--lang", "it", *AT, *args, "--json")
    assert english.stdout == italian.stdout
    texts = [item["text"] for item in json.loads(english.stdout)["items"]]
    assert "nonna: renewal Sat 05 Dec 2026 00:00, TIM Smart 9.99 €: credit 4.50 €, top up at least 5.49 €" in texts
    lines = run("--lang", "it", *AT, *args).stdout
    assert "nonna: rinnovo sab 5 dicembre 2026 00:00, TIM Smart 9,99 €: credito 4,50 €, ricarica almeno 5,49 €" in lines
    assert "main: Kena Restart disponibile da mar 24 novembre 2026 12:00" in lines
    assert "main: risposta al reclamo n. 1 (Giga non accreditati — 5 €) presentato il lun 2 novembre 2026" in lines


def test_errors_and_verbose_in_italian(run, saved, tmp_path):
    before = saved.read_bytes()
    folder = run("--lang", "it", *AT, "export", "ics", "-o", str(tmp_path))
    assert folder.exit_code == 2
    assert folder.stderr == f"kenactl: {tmp_path} è una cartella; indica un nome di file, ad esempio " \
                           f"{tmp_path / 'kenactl.ics'}\n"
    missing = run("--lang", "it", *AT, "export", "ics", "-o", str(tmp_path / "nope" / "k.ics"))
    assert missing.exit_code == 2 and "la cartella" in missing.stderr and "non esiste" in missing.stderr
    alarm = run("--lang", "it", *AT, "export", "ics", "--alarm", "12h")
    assert alarm.exit_code == 2 and "non è un numero intero di giorni" in alarm.stderr
    assert saved.read_bytes() == before
    target = tmp_path / "kenactl.ics"
    wrote = run("--lang", "it", *AT, "export", "ics", "-o", str(target), "-v")
    assert wrote.stderr.startswith(f"scritto {target} (") and "eventi" in wrote.stderr
    again = run("--lang", "it", *AT, "export", "ics", "-o", str(target), "-v")
    assert again.stderr.startswith(f"invariato: {target} (")
    assert target.read_bytes() == export(run, "it")
