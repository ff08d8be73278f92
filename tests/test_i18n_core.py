"""The core commands in Italian: click's own messages, parser and profile errors, status/usage/line output,
and the shared people-facing formats (amounts, per-day budgets, days from now, SIM validity)."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kenactl import i18n
from kenactl.views import amount, days_from_now, per_day

AT = ("--at", "2026-11-10T10:00")


@pytest.fixture
def italian():
    i18n.set_language("it")
    yield
    i18n.set_language("en")


def test_click_usage_errors_and_help_headings_are_italian(run, kena_profile: Path):
    before = kena_profile.read_bytes()
    result = run("--lang", "it", "line", "set", "--renewal-day", "32")
    assert result.exit_code == 2
    assert result.stderr.startswith("kenactl: valore non valido per '--renewal-day': 32 non è nell'intervallo "
                                    "1<=x<=31. (vedi '")  # the program name is "cli" in-process
    assert kena_profile.read_bytes() == before
    assert run("--lang", "it", "nonexistent").stderr.startswith("kenactl: comando 'nonexistent' inesistente. (vedi '")
    assert "opzione '--bogus' inesistente" in run("--lang", "it", "--bogus").stderr
    page = run("--lang", "it", "--help").stdout
    for heading in ("Uso: ", "Opzioni:", "Comandi:", "Mostra questo messaggio ed esce.", "Mostra la versione ed esce."):
        assert heading in page
    assert "Show this message" not in page and "Usage:" not in page


def test_errors_before_the_command_and_from_the_parsers_are_italian(run, kena_profile: Path):
    assert "'--at': 'ieri' non è una data o data-ora ISO 8601" in run("--lang", "it", "--at", "ieri", "status").stderr
    too_big = run("--lang", "it", "usage", "set", "--data", "3TB").stderr
    assert "unità 'TB' sconosciuta in '3TB'; usa MB o GB" in too_big
    assert "'tanti' non è un importo in euro" in run("--lang", "it", "credit", "set", "tanti").stderr
    assert run("--lang", "it", "status", "--line", "zio").stderr == (
        "kenactl: linea 'zio' sconosciuta; il profilo ha: main\n")
    assert run("--lang", "it", "credit", "topup", "0").stderr.startswith(
        "kenactl: valore non valido per 'EUR': l'importo deve essere positivo (più di 0,00 €), non 0,00 €")


def test_profile_file_errors_are_italian_and_keep_field_names(run, kena_profile: Path, profile_path: Path):
    text = profile_path.read_text(encoding="utf-8").replace("renewal_day = 15", 'renewal_day = "x"')
    profile_path.write_text(text, encoding="utf-8")
    result = run("--lang", "it", "profile", "validate")
    assert result.exit_code == 2
    assert result.stderr == (f"kenactl: {profile_path}: lines.main.renewal_day: serve un numero intero, "
                             "trovato testo \"x\"\n")
    profile_path.unlink()
    missing = run("--lang", "it", "status").stderr
    assert missing.startswith(f"kenactl: nessun profilo in {profile_path}; creane uno con:")


def test_line_credit_and_profile_messages(run, kena_profile: Path):
    assert run("--lang", "it", *AT, "credit", "topup", "2.5").stdout == "Credito della linea 'main': 12,50 €.\n"
    listing = run("--lang", "it", *AT, "line", "list").stdout.splitlines()
    assert listing[0].split() == ["linea", "operatore", "offerta", "prezzo", "credito", "prossimo", "rinnovo", "stato"]
    assert listing[2].split() == ["*", "main", "Kena", "Mobile", "Kena", "7.99", "7,99", "€", "12,50", "€",
                                  "dom", "15", "novembre", "2026", "coperto"]
    assert run("--lang", "it", "profile", "validate").stdout.endswith(
        ": OK, linee: 1 (main), predefinita: main\nFile degli operatori controllati: kena (integrato)\n")
    assert run("profile", "validate").stdout.endswith(": OK, 1 line(s): main (default main)\n"
                                                      "Operator files checked: kena (built in)\n")


def test_status_and_usage_in_italian(run, kena_profile: Path):
    assert run(*AT, "usage", "set", "--data", "12.5GB").exit_code == 0
    status = run("--lang", "it", *AT, "status").stdout
    assert "main (predefinita)" in status
    assert "Prezzo:            7,99 € / mese" in status
    assert "Prossimo rinnovo:  dom 15 novembre 2026 00:00 (tra 5 giorni)" in status
    assert "12,5%  12,5 GB di 100 GB\n" + " " * 35 + "19,1 GB/giorno per arrivare al rinnovo\n" in status  # 80 columns
    assert "0 min usati (illimitati)" in status
    usage = run("--lang", "it", *AT, "usage", "show").stdout
    assert "Periodo:  gio 15 ottobre 2026 00:00 → dom 15 novembre 2026 00:00" in usage
    assert "Rilevazioni di questo periodo" in usage and "mar 10 novembre 2026 10:00  12,5 GB" in usage


def test_people_formats_follow_the_language(italian):
    assert amount("data", 12500) == "12,5 GB"
    assert amount("data", 800) == "800 MB"
    assert amount("sms", None) == "illimitati"
    assert per_day("data", Decimal("2100")) == "2,1 GB/giorno"
    assert per_day("minutes", Decimal("12.0")) == "12 min/giorno"
    assert [days_from_now(n) for n in (0, 1, 2)] == ["oggi", "domani", "tra 2 giorni"]


def test_people_formats_in_english_are_unchanged():
    assert amount("data", 12500) == "12.5 GB"
    assert amount("minutes", None) == "unlimited"
    assert per_day("data", Decimal("2100")) == "2.1 GB/day"
    assert per_day("minutes", Decimal("10.00")) == "10 min/day"
    assert [days_from_now(n) for n in (0, 1, 3)] == ["today", "tomorrow", "in 3 days"]


@pytest.mark.parametrize("lang, expected", [
    ("en", "SIM valid until:  Wed 10 Nov 2027 (365 days left)"),
    ("it", "SIM valida fino al:  mer 10 novembre 2027 (mancano 365 giorni)"),
])
def test_sim_validity_row(run, kena_profile: Path, lang, expected):
    assert run(*AT, "credit", "topup", "5").exit_code == 0
    assert expected in run("--lang", lang, *AT, "status").stdout


def test_sim_validity_row_counts_one_day_in_the_singular(italian):
    from kenactl.core.operator import Fact, ValidityRule
    from kenactl.core.validity import SimValidity
    from kenactl.views.status import validity_row

    rule = ValidityRule(text="12 months", fact=Fact(source="a public page", as_of=date(2026, 1, 1), status="verified"),
                        valid_months=12)
    one = SimValidity(rule, date(2027, 1, 1), date(2026, 1, 2), date(2027, 1, 2), None, None, "expiring")
    assert validity_row(one) == ("SIM valida fino al", "sab 2 gennaio 2027 (manca 1 giorno)")
    i18n.set_language("en")
    assert validity_row(one) == ("SIM valid until", "Sat 02 Jan 2027 (1 day left)")
