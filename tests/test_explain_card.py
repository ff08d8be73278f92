"""``kenactl explain`` on a line paid by card: the renewal is charged to the card, the short-credit rules only
if the card payment fails; text and JSON, English and Italian, one operator and ``--compare``."""

import json
from decimal import Decimal

import pytest

from kenactl.core.explain import explain
from kenactl.knowledge import operators

WINDTRE_CARD = ("init", "--operator", "windtre", "--offer", "WINDTRE Easy Pay", "--price", "9.99", "--renewal-day",
                "15", "--data", "100GB", "--minutes", "unlimited", "--sms", "100", "--credit", "5", "--payment", "card")
AT = ("--at", "2026-12-01T10:00")


@pytest.fixture
def card_line(run, profile_path):
    result = run("--at", "2026-11-20T10:00", *WINDTRE_CARD)
    assert result.exit_code == 0, result.stderr
    return profile_path


def run_json(run, *args):
    result = run(*AT, *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_charges_the_card_and_keeps_the_short_credit_answer_for_a_failed_payment(run, card_line):
    data = run_json(run, "explain")
    assert (data["by_card"], data["covered"], data["outcome"]) == (True, True, "charged-to-card")
    assert (data["price"], data["credit"], data["next_renewal"]) == ("9.99", "5.00", "2026-12-15")
    assert (data["shortfall"], data["min_topup"], data["late_fees_max"], data["topup_after_fees"]) == (
        "0.00", "0.00", "0.00", "0.00")
    assert data["timeline"] == [{"day": 0, "event": "Renewal charged to the card: 9.99 €; the credit stays 5.00 €",
                                 "cost": "0.00"}]
    fails = data["if_card_fails"]
    assert (fails["covered"], fails["outcome"], fails["shortfall"], fails["min_topup"]) == (
        False, "partially-charged", "4.99", "4.99")
    assert (fails["late_fees_max"], fails["topup_after_fees"]) == ("2.98", "7.97")
    assert [(step["day"], step["cost"]) for step in fails["timeline"]] == [(0, "0.00"), (0, "0.99"), (1, "1.99"),
                                                                         (5, "0.00")]
    assert "operator" not in fails and "sources" not in fails
    assert data["sources"], "the facts shown for a failed card payment keep their sources"


def test_a_line_paid_from_the_credit_has_no_card_answer(run, kena_profile):
    data = run_json(run, "explain")
    assert (data["by_card"], data["if_card_fails"]) == (False, None)


def test_text_says_the_card_pays_and_marks_the_rules_as_applying_only_if_it_fails(run, card_line):
    out = run(*AT, "explain").stdout
    main, fails = out.split("If the card payment fails\n")
    assert "Payment:   by card / bank account" in main and "Outcome:   charged to the card" in main
    assert "Nothing to top up: the renewal of 9.99 € (Tue 15 Dec 2026 00:00) is charged to the card; " \
           "the least top-up is 0.00 €." in main
    assert "short by" not in main and "Top up at least" not in main and "Max late fees" not in main
    assert "The rules below apply only if the card payment fails." in fails
    assert "kenactl's reading" in fails
    assert "Outcome:  partly charged, rest owed" in fails and "Max late fees:   2.98 €" in fails
    assert "! Top up at least 4.99 € before Tue 15 Dec 2026 00:00" in fails  # a warning, not the ✗ of a due top-up
    assert "✗" not in out
    assert out.index("Sources") > out.index("If the card payment fails")


def test_italian_text_and_unchanged_json(run, card_line):
    out = run("--lang", "it", *AT, "explain").stdout
    assert "Pagamento:  con carta / conto bancario" in out and "Esito:      rinnovo addebitato sulla carta" in out
    assert "Rinnovo addebitato sulla carta: 9,99 €; il credito resta 5,00 €" in out
    assert "la ricarica minima è 0,00 €" in out
    assert "Se il pagamento con carta non va a buon fine" in out and "Ricarica almeno 4,99 €" in out
    assert json.loads(run("--lang", "it", *AT, "explain", "--json").stdout) == run_json(run, "explain")


def test_compare_on_a_card_line(run, card_line):
    data = run_json(run, "explain", "--compare")
    rows = {item["operator"]: item for item in data["operators"]}
    assert set(rows) == set(operators.known())
    assert all(item["by_card"] and item["min_topup"] == "0.00" and item["outcome"] == "charged-to-card"
               for item in rows.values())
    assert {key: item["if_card_fails"]["outcome"] for key, item in rows.items()} == {
        "kena": "suspended", "tim": "suspended", "vodafone": "negative-credit", "windtre": "partially-charged",
        "iliad": "not-renewed", "other": "unknown"}
    assert rows["kena"]["if_card_fails"]["late_fees_max"] == "unknown"
    out = run(*AT, "explain", "--compare").stdout
    assert "Renewals are charged to the card: nothing to top up." in out
    assert "if the card payment fails" in out.splitlines()[6]
    windtre = next(line for line in out.splitlines() if line.strip().startswith("WINDTRE "))
    assert windtre.split()[1:] == ["partly", "charged,", "rest", "owed", "2.98", "€", "0.00", "€", "4.99", "€"]
    italian = run("--lang", "it", *AT, "explain", "--compare").stdout
    assert "I rinnovi sono addebitati sulla carta" in italian and "se non riesce" in italian


def test_other_operator_on_a_card_line_is_still_charged_to_the_card(run, card_line):
    data = run_json(run, "explain", "--operator", "tim")
    assert (data["operator"], data["outcome"], data["if_card_fails"]["outcome"]) == ("tim", "charged-to-card",
                                                                                     "suspended")


def test_core_card_answer_when_the_credit_would_cover_the_renewal():
    tim = operators.load("tim")
    result = explain(tim, price=Decimal("9.99"), credit=Decimal("20"), by_card=True)
    assert (result.covered, result.outcome, result.min_topup) == (True, "charged-to-card", Decimal("0"))
    assert (result.if_card_fails.outcome, result.if_card_fails.min_topup) == ("renewed", Decimal("0"))
    credit_only = explain(tim, price=Decimal("9.99"), credit=Decimal("2"))
    assert explain(tim, price=Decimal("9.99"), credit=Decimal("2"), by_card=True).if_card_fails == credit_only


def test_easy_pay_arrears_on_the_card_are_named_with_their_last_instalment(run, card_line):
    assert run(*AT, "explain", "--json").exit_code == 0
    assert run_json(run, "explain")["card_recovery_until"] is None
    added = run("--at", "2026-11-20T11:00", "charges", "add", "Easy Pay arrears", "19.98")
    assert added.exit_code == 0, added.stderr
    data = run_json(run, "explain")
    assert (data["card_recovery_until"], data["min_topup"], data["pending"]) == ("2027-01-19", "0.00", "0.00")
    assert run_json(run, "explain", "--compare")["operators"][0]["card_recovery_until"] == "2027-01-19"
    assert "Card arrears:  next instalment 9.99 €, the last on Tue 19 Jan 2027" in run(*AT, "explain").stdout
    compare = run(*AT, "explain", "--compare").stdout.splitlines()
    assert compare[4:7] == ["  Payment:       by card / bank account",
                            "  Card arrears:  next instalment 9.99 €, the last on Tue 19 Jan 2027",
                            "  Renewals are charged to the card: nothing to top up. Each operator's rules below apply "
                            "only if the card payment fails."]
    italian = run("--lang", "it", *AT, "explain").stdout
    assert "Arretrati su carta:  prossima rata 9,99 €, l'ultima il mar 19 gennaio 2027" in italian
