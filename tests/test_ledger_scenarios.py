"""One scenario per operator over five months through the CLI, asserting the pinned ``status --json`` keys.

Each line renews on the 31st (so on 28 Feb and 30 Apr too), has two covered renewals, an uncovered one on
31 March, a credit observation on 5 April and a late top-up on 10 April; the Kena line also has a Restart.
"""

import json

import pytest

PINNED = ("credit", "credit_as_of", "offer_usable", "last_renewal", "next_renewal", "min_topup", "payment")


def add(run, operator: str, price: str, credit: str, *options: str) -> None:
    result = run("--at", "2027-01-02T09:00", "init", "--operator", operator, "--offer", f"{operator} offer", "--price",
                 price, "--renewal-day", "31", "--data", "200GB", "--minutes", "unlimited", "--sms", "100",
                 "--credit", credit)
    assert result.exit_code == 0, result.output
    for option in options:
        assert run("--at", "2027-01-02T09:00", "line", "set", "--option", option).exit_code == 0


def pinned(run, at: str) -> dict:
    result = run("--at", at, "status", "--json")
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout)["lines"][0]
    return {key: line[key] for key in PINNED}


def renewal(at: str, kind: str, outcome: str, charged: str, owed: str = "0.00") -> dict:
    return {"at": at, "kind": kind, "outcome": outcome, "charged": charged, "owed": owed}


def state(credit, as_of, usable, last, upcoming, topup) -> dict:
    return {"credit": credit, "credit_as_of": as_of, "offer_usable": usable, "last_renewal": last,
            "next_renewal": upcoming, "min_topup": topup, "payment": "credit"}


START = "2027-01-02T09:00:00+01:00"
OBSERVED = "2027-04-05T09:00:00+02:00"
MARCH = "2027-03-31T00:00:00+02:00"
FEBRUARY = "2027-02-28T00:00:00+01:00"
TOPUP = "2027-04-10T09:00:00+02:00"


def late_steps(run, observed: str) -> None:
    assert run("--at", "2027-04-05T09:00", "credit", "set", "--", observed).exit_code == 0
    assert run("--at", "2027-04-10T09:00", "credit", "topup", "10").exit_code == 0


def test_kena_suspended_then_renewed_by_the_top_up_on_the_same_day_then_a_restart(run):
    add(run, "kena", "5.99", "12")
    assert pinned(run, "2027-03-27T08:00") == state("0.02", START, True, renewal(FEBRUARY, "scheduled", "renewed",
                                                                                      "5.99"), "2027-03-31", "5.97")
    assert pinned(run, "2027-04-02T08:00") == state("0.02", START, False, renewal(MARCH, "scheduled", "suspended",
                                                                                       "0.00"), None, "5.97")
    late_steps(run, "0.50")
    assert pinned(run, "2027-04-06T08:00")["min_topup"] == "5.49"
    # the whether-the-day-moves of Kena is unknown: kenactl keeps day 31 (30 April)
    assert pinned(run, "2027-04-11T08:00") == state("4.51", OBSERVED, True, renewal(TOPUP, "topup", "renewed", "5.99"),
                                                    "2027-04-30", "1.48")
    assert run("--at", "2027-04-20T09:00", "usage", "set", "--data", "170GB").exit_code == 0
    assert run("--at", "2027-04-21T09:00", "credit", "topup", "5").exit_code == 0
    assert run("--at", "2027-04-22T10:00", "restart", "apply").exit_code == 0
    after = pinned(run, "2027-04-22T11:00")
    assert after == state("3.52", OBSERVED, True, renewal("2027-04-22T10:00:00+02:00", "restart", "renewed", "5.99"),
                          "2027-05-22", "2.47")
    assert pinned(run, "2027-05-23T08:00")["last_renewal"]["outcome"] == "suspended"


def test_tim_suspended_with_credit_left_no_sempre_connesso_and_the_top_up_moves_the_renewal_day(run):
    # TIM's Sempre Connesso applies «in caso di credito esaurito»: 5.02 € are left, so no fee
    add(run, "tim", "9.99", "25", "sempre-connesso=on")
    assert pinned(run, "2027-03-01T08:00")["credit"] == "5.02"
    waiting = pinned(run, "2027-04-03T08:00")
    assert waiting == state("5.02", START, False, renewal(MARCH, "scheduled", "suspended", "0.00"), None, "4.97")
    late_steps(run, "6.00")  # «l'offerta si riattiva il giorno in cui il cliente effettua la ricarica»
    assert pinned(run, "2027-04-11T08:00") == state("6.01", OBSERVED, True, renewal(TOPUP, "topup", "renewed", "9.99"),
                                                    "2027-05-10", "3.98")
    assert pinned(run, "2027-05-11T08:00")["last_renewal"] == renewal("2027-05-10T00:00:00+02:00", "scheduled",
                                                                      "suspended", "0.00")


def test_tim_sempre_connesso_once_the_credit_is_used_up(run):
    add(run, "tim", "9.99", "19.98", "sempre-connesso=on")  # exactly two renewals: 31 Jan and 28 Feb
    waiting = pinned(run, "2027-04-03T08:00")
    assert waiting == state("0.00", START, False, renewal(MARCH, "scheduled", "suspended", "0.00", "1.80"), None,
                            "11.79")  # 9.99 € short + 2 × 0.90 € Sempre Connesso («per ciascun giorno»)


def test_windtre_no_anticipo_while_an_earlier_charge_is_unpaid(run):
    # «L'anticipo del traffico, disponibile [...] solo se sono stati corrisposti anche addebiti precedenti»
    add(run, "windtre", "6.99", "15")
    assert run("--at", "2027-01-02T09:00", "charges", "add", "arretrati", "2.00").exit_code == 0
    after = pinned(run, "2027-04-03T08:00")
    assert after["last_renewal"] == renewal(MARCH, "scheduled", "partially-charged", "1.02", "5.97")
    assert after["min_topup"] == "7.97"  # the 5.97 € the renewal left owed + the 2.00 € charge, no anticipo fees


def test_vodafone_negative_credit_continuita_fees_and_the_day_stays(run):
    add(run, "vodafone", "7.99", "20")
    assert pinned(run, "2027-04-03T08:00") == state("-3.97", START, False, renewal(
        MARCH, "scheduled", "negative-credit", "7.99", "5.95"), "2027-04-30", "5.95")
    late_steps(run, "-3.97")
    assert pinned(run, "2027-04-11T08:00") == state("4.05", OBSERVED, True, renewal(
        MARCH, "scheduled", "negative-credit", "7.99", "5.95"), "2027-04-30", "3.94")
    assert pinned(run, "2027-05-01T08:00")["credit"] == "-3.94"


def test_windtre_partly_charged_anticipo_owed_then_paid_by_the_top_up(run):
    add(run, "windtre", "6.99", "15")
    assert pinned(run, "2027-04-03T08:00") == state("0.00", START, False, renewal(
        MARCH, "scheduled", "partially-charged", "1.02", "8.95"), "2027-04-30", "8.95")
    late_steps(run, "0")
    assert pinned(run, "2027-04-11T08:00") == state("1.05", OBSERVED, True, renewal(
        MARCH, "scheduled", "partially-charged", "1.02", "8.95"), "2027-04-30", "5.94")


def test_iliad_not_renewed_then_the_top_up_renews_and_becomes_the_renewal_date(run):
    add(run, "iliad", "9.99", "21")
    assert pinned(run, "2027-04-02T08:00") == state("1.02", START, False, renewal(MARCH, "scheduled", "not-renewed",
                                                                                       "0.00"), None, "8.97")
    late_steps(run, "2.00")
    assert pinned(run, "2027-04-11T08:00") == state("2.01", OBSERVED, True, renewal(TOPUP, "topup", "renewed", "9.99"),
                                                    "2027-05-10", "7.98")


def test_other_operator_outcome_unknown_and_the_day_kept(run):
    add(run, "other", "5.00", "11")
    assert pinned(run, "2027-04-02T08:00") == state("1.00", START, False, renewal(MARCH, "scheduled", "unknown",
                                                                                       "0.00"), None, "4.00")
    late_steps(run, "1.50")
    assert pinned(run, "2027-04-11T08:00") == state("6.50", OBSERVED, True, renewal(TOPUP, "topup", "renewed", "5.00"),
                                                    "2027-04-30", "0.00")


@pytest.mark.parametrize("operator", ["kena", "tim"])
def test_a_card_line_never_fails_for_credit_and_shows_the_card_charges(run, operator):
    add(run, operator, "9.99", "0")
    assert run("--at", "2027-01-02T09:00", "line", "set", "--payment", "card").exit_code == 0
    now = pinned(run, "2027-04-02T08:00")
    assert now == {**state("0.00", START, True, renewal(MARCH, "scheduled", "renewed", "9.99"), "2027-04-30", "0.00"),
                   "payment": "card"}
    periods = json.loads(run("--at", "2027-04-02T08:00", "history", "--json").stdout)["lines"][0]["periods"]
    assert [p["renewal"]["by_card"] for p in periods[1:]] == [True, True, True]
