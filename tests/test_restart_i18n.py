"""Kena Restart in Italian: checklist, plan, apply and errors under --lang it; JSON unchanged by the language."""

from decimal import Decimal

import pytest
from helpers import english_fragments

from kenactl import i18n
from kenactl.core.restart import Listed, amount
from kenactl.text import Money, Msg

STEPS = [  # renewal day 15, two Restarts in a row (12 and 27 March), then 90 GB used again
    ("--at", "2027-03-10T09:00", "credit", "set", "10"),
    ("--at", "2027-03-10T10:00", "usage", "set", "--data", "85GB"),
    ("--at", "2027-03-12T10:00", "restart", "apply"),
    ("--at", "2027-03-27T10:00", "credit", "topup", "20"),
    ("--at", "2027-03-27T10:00", "usage", "set", "--data", "90GB"),
    ("--at", "2027-03-27T11:00", "restart", "apply"),
    ("--at", "2027-03-28T10:00", "usage", "set", "--data", "90GB"),
]


def italian(run, *args: str):
    return run("--lang", "it", *args)


def no_english(text: str) -> list[str]:
    return [fragment for fragment in english_fragments() if fragment in text]


def test_checklist_and_plan_are_italian(run, kena_profile):
    run("--at", "2026-11-09T12:00", "usage", "set", "--data", "67.65GB", "--sms", "20")
    check = italian(run, "--at", "2026-11-10T09:00", "restart", "check")
    assert check.exit_code == 1
    assert "Verifica Restart: linea main, mar 10 novembre 2026 09:00" in check.stdout
    assert "✗ consumi: nessun consumo ha ancora raggiunto l'80% — dati 67,6% (67,65 GB su 100 GB)" in check.stdout
    assert "il credito residuo (10,00 €) copre il costo dell'offerta (7,99 €)" in check.stdout
    assert "mancano 111,0 h al rinnovo del dom 15 novembre 2026 00:00" in check.stdout
    plan = italian(run, "--at", "2026-11-10T09:00", "restart", "plan")
    assert "Piano Restart: linea main" in plan.stdout and "Nessun Restart possibile prima del rinnovo" in plan.stdout
    assert not no_english(check.stdout + plan.stdout)


def test_apply_and_time_rules_in_italian(run, kena_profile, profile_path):
    run("--at", "2026-11-09T12:00", "usage", "set", "--data", "85GB")
    applied = italian(run, "--at", "2026-11-10T09:00", "restart", "apply")
    assert applied.exit_code == 0
    assert applied.stdout.splitlines() == [
        "Restart registrato per la linea 'main' il mar 10 novembre 2026 09:00: addebitati 7,99 €, credito "
        "residuo 2,01 €, contatori azzerati.",
        "Giorno di rinnovo 15 → 10. Prossimo rinnovo: gio 10 dicembre 2026 (7,99 €).",
        "Fonte: notizia sul Kena Restart, marzo 2024, confermata da tuttoandroid.net 2024-02-24 e mondomobileweb.it "
        "2024-02: dal giorno del Restart, rinnovi e addebiti cadono ogni mese in quel giorno.",
    ]
    before = profile_path.read_bytes()
    refused = italian(run, "--at", "2026-11-11T09:00", "restart", "apply")
    assert refused.exit_code == 1 and profile_path.read_bytes() == before
    assert refused.stderr.startswith("kenactl: Restart non consentito il mer 11 novembre 2026 09:00: consumi: ")
    assert "attesa tra due Restart: ultimo Restart mar 10 novembre 2026 09:00" in refused.stderr
    assert not no_english(applied.stdout + refused.stderr)


def test_two_restarts_in_a_row_in_italian(run, household_two_restarts):
    check = italian(run, "--at", "2027-03-28T11:00", "restart", "check")
    assert ("✗ 2 volte consecutive: due Restart di fila (ven 12 marzo 2027 10:00, sab 27 marzo 2027 11:00)"
            in check.stdout)
    assert "disponibile dal" not in check.stdout  # it clears at the renewal, which resets the counters
    assert ("Restart non disponibile prima del rinnovo: le regole sui tempi si sbloccano il mar 27 aprile 2027 "
            "00:00, a meno di 48 ore dal rinnovo del mar 27 aprile 2027 00:00") in check.stdout
    assert not no_english(check.stdout)


@pytest.fixture
def household_two_restarts(run, kena_profile):
    for step in STEPS:
        assert run(*step).exit_code == 0, step


def test_non_kena_line_error_in_italian(run, kena_profile, profile_path):
    assert run("line", "add", "nonna", "--operator", "windtre", "--offer", "GO 50", "--price", "9.99",
               "--renewal-day", "14", "--data", "50GB", "--minutes", "500", "--sms", "100", "--credit", "2",
               ).exit_code == 0
    before = profile_path.read_bytes()
    for command in ("check", "plan", "apply"):
        result = italian(run, "restart", command, "--line", "nonna")
        assert result.exit_code == 2 and profile_path.read_bytes() == before
        assert result.stderr == ("kenactl: linea 'nonna' (WINDTRE): il Restart esiste solo per le "
                                 "linee Kena Mobile\n")


@pytest.mark.parametrize("command", ["check", "plan"])
def test_json_is_the_same_in_both_languages(run, household_two_restarts, command):
    english = run("--lang", "en", "--at", "2027-03-28T11:00", "restart", command, "--json")
    italian_json = italian(run, "--at", "2027-03-28T11:00", "restart", command, "--json")
    assert english.stdout == italian_json.stdout and english.exit_code == italian_json.exit_code
    assert "two Restarts in a row" in english.stdout


def test_help_pages_use_the_italian_texts(run):
    assert "Kena Restart: rinnova l'offerta in anticipo" in italian(run, "restart", "--help").stdout
    assert "Le sei regole, ciascuna con il suo motivo" in italian(run, "restart", "check", "--help").stdout
    assert "Registra un Restart adesso" in italian(run, "restart", "apply", "--help").stdout
    assert "Quando si arriva all'80% al ritmo attuale" in italian(run, "restart", "plan", "--help").stdout


def test_messages_keep_english_for_json_and_localize_values():
    reason = Msg("{kind} {percent}% ({used} of {included})", kind=Msg("data"), percent=Decimal("67.6"),
                 used=amount("data", 67650), included=amount("data", 100000))
    joined = Listed([reason, Msg("credit {credit} covers the price {price}", credit=Money("10"),
                                 price=Money("7.99"))])
    i18n.set_language("it")
    try:
        assert str(reason) == "dati 67,6% (67,65 GB su 100 GB)"
        assert joined.english() == ("data 67.6% (67.65 GB of 100 GB); credit 10.00 € covers the price 7.99 €")
        assert str(joined).endswith("il credito residuo (10,00 €) copre il costo dell'offerta (7,99 €)")
    finally:
        i18n.set_language("en")
    assert str(amount("minutes", 120)) == "120 min" and str(amount("data", 800)) == "800 MB"
