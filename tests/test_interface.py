"""One consistent interface: amounts that must be positive, TOML values as written, messages that name things."""

import json
from datetime import datetime, time
from decimal import Decimal

import pytest
from helpers import assert_refused, edit, snapshot

from kenactl import store
from kenactl.core.dates import ROME

TIM_ADD = ("line", "add", "nonna", "--operator", "tim", "--offer", "TIM Smart", "--price", "9.99",
           "--renewal-day", "5", "--data", "10GB", "--minutes", "500", "--sms", "unlimited", "--credit", "4.50")


# amounts ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "needles"), [
    (("credit", "topup", "-5"), ["'EUR'", "the amount must be positive (more than 0.00 €), not -5.00 €"]),
    (("credit", "topup", "--line", "main", "-0.01"), ["the amount must be positive", "not -0.01 €"]),
    (("charges", "add", "x", "-2"), ["'EUR'", "the amount must be positive (more than 0.00 €), not -2.00 €"]),
    (("charges", "add", "x", "0"), ["the amount must be positive", "not 0.00 €"]),
    (("credit", "topup", "100000"), ["100000.00 € is more than 1000.00 €, the most kenactl accepts for one top-up"]),
    (("credit", "topup", "1000.01"), ["1000.01 € is more than 1000.00 €"]),
])
def test_amounts_that_must_be_positive_and_plausible(run, kena_profile, args, needles):
    before = snapshot(kena_profile.parent)
    assert_refused(run(*args), *needles)
    assert snapshot(kena_profile.parent) == before


def test_the_largest_top_up_is_accepted(run, kena_profile):
    result = run("credit", "topup", "1000")
    assert result.exit_code == 0, result.stderr
    assert store.load(kena_profile).line().credit == Decimal("1010.00")


def test_negative_amount_in_italian(run, kena_profile):
    assert_refused(run("--lang", "it", "credit", "topup", "-5"), "l'importo deve essere positivo (più di 0,00 €)")


# TOML values as the user wrote them ----------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "needle"), [
    ("renewal_day = 15", "renewal_day = 2026-11-12", "lines.main.renewal_day: expected a whole number, "
                                                     "got a date 2026-11-12"),
    ("renewal_day = 15", "renewal_day = 15.0", "lines.main.renewal_day: expected a whole number, "
                                               "got a decimal number 15.0"),
    ("renewal_day = 15", "renewal_day = 07:30:00", "got a time 07:30:00"),
    ('offer = "Kena 7.99"', "offer = 1979-05-27T07:32:00Z", "lines.main.offer: expected text, "
                                                             "got a date-time 1979-05-27T07:32:00+00:00"),
    ("renewal_day = 15", 'renewal_day = "quindici"', 'got text "quindici"'),
    ("pending_offer_change = false", "pending_offer_change = 100.0", "got a decimal number 100.0"),
    ('renewal_time = "00:00"', "renewal_time = 00:30:15", "lines.main.renewal_time: 00:30:15 is not a whole minute"),
    ('renewal_time = "00:00"', "renewal_time = 2026-11-12", "lines.main.renewal_time: expected a time such as "
                                                            "00:30, got a date 2026-11-12"),
])
def test_validation_names_the_toml_type_and_value(run, kena_profile, old, new, needle):
    edit(kena_profile, old, new)
    before = snapshot(kena_profile.parent)
    result = run("status")
    assert_refused(result, needle)
    assert "datetime." not in result.stderr and "Decimal(" not in result.stderr
    assert snapshot(kena_profile.parent) == before


def test_a_bare_toml_time_is_a_renewal_time(run, kena_profile):
    edit(kena_profile, 'renewal_time = "00:00"', "renewal_time = 00:30:00")
    assert store.load(kena_profile).line().renewal_time == time(0, 30)
    result = run("--at", "2026-11-20T10:00", "status")
    assert result.exit_code == 0, result.stderr
    assert "Tue 15 Dec 2026 00:30" in result.stdout


# small things ----------------------------------------------------------------------------------------------

def test_an_allowance_of_zero_shows_an_empty_bar(run, kena_profile):
    assert run("--at", "2026-11-20T09:00", "line", "set", "--sms", "0").exit_code == 0  # a dated setting change
    sms = next(row for row in run("--at", "2026-11-20T10:00", "status").stdout.splitlines()
               if row.strip().startswith("sms"))
    assert "none included (0 SMS used)" in sms
    assert "#" not in sms and "%" not in sms


@pytest.mark.parametrize(("offer", "shown"), [("Kena 7.99", "Kena 7.99: credit"), ("Kena 7,99", "Kena 7,99: credit"),
                                              ("Kena Flash", "Kena Flash 7.99 €: credit"),
                                              ("Kena 7.99 Flash", "Kena 7.99 Flash 7.99 €: credit")])
def test_remind_names_the_price_once(run, kena_profile, offer, shown):
    assert run("--at", "2026-11-13T09:00", "line", "set", "--offer", offer).exit_code == 0
    result = run("--at", "2026-11-13T10:00", "remind")
    assert result.stdout == f"main: renewal Sun 15 Nov 2026 00:00, {shown} 10.00 € covers it\n"


def test_restart_check_names_the_rules_in_words(run, kena_profile):
    assert run("--at", "2026-11-05T09:00", "line", "set", "--pending-offer-change").exit_code == 0
    result = run("--at", "2026-11-05T10:00", "restart", "check")
    assert "offer change: an offer change request is pending" in result.stdout
    assert "offer_change" not in result.stdout and "renewal_window" not in result.stdout
    assert "✓ 48 h before the renewal:" in result.stdout
    assert "waiting does not fix usage, offer change (see ✗ above)" in " ".join(result.stdout.split())
    checks = json.loads(run("--at", "2026-11-05T10:00", "restart", "check", "--json").stdout)["checks"]
    assert {item["id"] for item in checks} >= {"offer_change", "renewal_window"}


def test_refusals_use_the_operator_display_name(run, kena_profile):
    assert run(*TIM_ADD).exit_code == 0
    result = run("restart", "check", "--line", "nonna")
    assert_refused(result, "line 'nonna' (TIM): Restart exists only for Kena Mobile lines")


def test_updated_at_is_stored_in_whole_seconds(run, kena_profile):
    assert run("--at", "2026-11-20T10:00:05.123456", "credit", "topup", "1").exit_code == 0
    assert store.load(kena_profile).updated_at == datetime(2026, 11, 20, 10, 0, 5, tzinfo=ROME)
    assert "updated_at = 2026-11-20 10:00:05+01:00" in kena_profile.read_text(encoding="utf-8")


def test_removing_the_default_line_says_which_is_the_default_now(run, kena_profile):
    assert run(*TIM_ADD).exit_code == 0
    removed = "Removed line {} and everything recorded for it.\n"  # the ledger: a line's whole past goes with it
    assert run("line", "remove", "nonna").stdout == removed.format("'nonna'")  # the default stays main
    assert run(*TIM_ADD).exit_code == 0
    assert run("line", "remove", "main").stdout == removed.format("'main'") + "The default line is now 'nonna'.\n"
    assert run("--lang", "it", *TIM_ADD[:2], "main", *TIM_ADD[3:]).exit_code == 0
    assert run("--lang", "it", "line", "remove", "nonna").stdout.endswith(
        "Ora la linea predefinita è 'main'.\n")


def test_changing_the_operator_says_which_options_were_dropped(run, kena_profile):
    assert run(*TIM_ADD).exit_code == 0
    assert run("line", "set", "--line", "nonna", "--option", "sempre-connesso=on").exit_code == 0
    result = run("line", "set", "--line", "nonna", "--operator", "vodafone")
    assert result.stdout == ("Updated line 'nonna'.\n"
                             "Dropped the options Vodafone does not have: sempre-connesso=on.\n")
    assert store.load(kena_profile).line("nonna").options == {}
    quiet = run("line", "set", "--line", "nonna", "--operator", "tim")  # nothing left to drop
    assert quiet.stdout == "Updated line 'nonna'.\n"


# hints name the line --------------------------------------------------------------------------------------

def test_hints_under_another_line_name_it(run, kena_profile):
    assert run(*TIM_ADD).exit_code == 0
    default = run("--at", "2026-11-20T10:00", "status", "--line", "main").stdout
    assert "record it with: kenactl usage set --data 3GB" in default
    other = run("--at", "2026-11-20T10:00", "status", "--line", "nonna").stdout
    assert "record it with: kenactl usage set --line nonna --data 3GB" in other
    assert "add one with: kenactl charges add --line nonna \"late fees\" 1.98" in \
        run("charges", "list", "--line", "nonna").stdout
    assert "add one with: kenactl charges add \"late fees\" 1.98" in run("charges", "list").stdout


def test_a_followed_hint_writes_to_the_line_it_is_about(run, kena_profile):
    assert run(*TIM_ADD).exit_code == 0
    assert run("--at", "2026-11-20T00:00", "usage", "set", "--line", "nonna", "--minutes", "400").exit_code == 0
    text = " ".join(run("--at", "2026-11-29T09:00", "status", "--line", "nonna").stdout.split())
    command = text.split("Record the current usage: ")[1].split(" …")[0]
    assert command == "kenactl usage set --line nonna --minutes"
    assert run("--at", "2026-11-29T09:00", *command.split()[1:], "450").exit_code == 0
    assert store.load(kena_profile).line("nonna").usage[-1].minutes == 450
    assert store.load(kena_profile).line("main").usage == ()


# line list ------------------------------------------------------------------------------------------------

def test_line_list_shows_each_line_at_a_glance(run, kena_profile):
    assert run(*TIM_ADD).exit_code == 0
    rows = run("--at", "2026-11-20T10:00", "line", "list").stdout.splitlines()
    assert rows[0].split() == ["line", "operator", "offer", "price", "credit", "next", "renewal", "state"]
    # the ledger's state, as status has it: the renewal of 15 Nov took 7.99 € of the 10.00 €
    assert rows[2].split() == ["*", "main", "Kena", "Mobile", "Kena", "7.99", "7.99", "€", "2.01", "€",
                               "Tue", "15", "Dec", "2026", "short", "5.98", "€"]
    assert rows[3].split() == ["nonna", "TIM", "TIM", "Smart", "9.99", "€", "4.50", "€", "Sat", "05", "Dec", "2026",
                               "short", "5.49", "€"]
    assert max(len(row) for row in rows) <= 80


def test_line_list_state_counts_pending_charges(run, kena_profile):
    assert run("--at", "2026-11-20T10:00", "charges", "add", "arrears", "5").exit_code == 0
    assert run("--at", "2026-11-20T10:00", "credit", "set", "7").exit_code == 0
    line = json.loads(run("--at", "2026-11-20T10:00", "line", "list", "--json").stdout)["lines"][0]
    assert (line["state"], line["min_topup"]) == ("short", "5.99")  # 0.99 short + 5.00 taken first


def test_line_list_json(run, kena_profile):
    assert run(*TIM_ADD, "--renewal-time", "09:30").exit_code == 0
    before = snapshot(kena_profile.parent)
    data = json.loads(run("--at", "2026-11-20T10:00", "line", "list", "--json").stdout)
    assert snapshot(kena_profile.parent) == before
    assert data == {"lines": [
        {"name": "main", "default": True, "operator": "kena", "offer": "Kena 7.99", "price": "7.99",
         "credit": "2.01", "next_renewal": "2026-12-15", "next_renewal_at": "2026-12-15T00:00:00+01:00",
         "state": "short", "min_topup": "5.98"},
        {"name": "nonna", "default": False, "operator": "tim", "offer": "TIM Smart", "price": "9.99",
         "credit": "4.50", "next_renewal": "2026-12-05", "next_renewal_at": "2026-12-05T09:30:00+01:00",
         "state": "short", "min_topup": "5.49"}]}
    text = run("--at", "2026-11-20T10:00", "line", "list").stdout
    assert "Sat 05 Dec 2026 09:30" in text


def test_line_list_with_a_broken_profile_is_refused(run, kena_profile):
    edit(kena_profile, "renewal_day = 15", "renewal_day = 2026-11-12")
    before = snapshot(kena_profile.parent)
    assert_refused(run("line", "list", "--json"), "got a date 2026-11-12")
    assert snapshot(kena_profile.parent) == before
