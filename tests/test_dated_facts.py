"""Dated line facts: the SIM's activation (§10), the last top-up of an existing SIM, options at creation, and
top-ups made on an earlier day — each landing where the ledger folds it."""

import json
from datetime import date

from helpers import KENA_INIT, assert_refused, at, edit, kena

from kenactl.core import validity
from kenactl.knowledge import operators

TIM_ADD = ("line", "add", "nonna", "--operator", "tim", "--offer", "TIM 9.99", "--price", "9.99", "--renewal-day", "3",
           "--data", "10GB", "--minutes", "unlimited", "--sms", "unlimited", "--credit", "2")


def test_validity_counts_from_activation_when_there_was_no_top_up():
    # §10 «12 mesi decorrenti dall'ultima operazione di ricarica o, in assenza di ricarica, dalla data di attivazione»
    rule = operators.load("kena").validity
    now = at("2026-12-01T10:00")
    fresh = validity.sim_validity(kena(activated=date(2026, 3, 2)), rule, now)
    assert (fresh.counted_from, fresh.basis, fresh.ends_on) == (date(2026, 3, 2), "activation", date(2027, 3, 2))
    topped = validity.sim_validity(kena(activated=date(2026, 3, 2), last_topup=date(2026, 5, 10)), rule, now)
    assert (topped.counted_from, topped.basis, topped.ends_on) == (date(2026, 5, 10), "topup", date(2027, 5, 10))
    unknown = validity.sim_validity(kena(), rule, now)
    assert (unknown.counted_from, unknown.basis, unknown.state) == (None, None, "unknown")
    assert "from activation when there was none" in rule.text and "in Italian territory" in rule.text


def test_init_activated_then_a_top_up_and_status_says_which_it_counted_from(run, profile_path):
    assert run("--at", "2026-12-01T10:00", *KENA_INIT, "--activated", "2026-03-02").exit_code == 0
    assert "activated = 2026-03-02" in profile_path.read_text(encoding="utf-8")
    status = run("--at", "2026-12-01T10:00", "status").stdout
    assert "SIM valid until:  Tue 02 Mar 2027 (91 days left), from activation, no top-up recorded" in status
    assert run("--at", "2026-12-02T10:00", "credit", "topup", "5").exit_code == 0
    status = run("--at", "2026-12-02T10:00", "status").stdout
    assert "SIM valid until:  Thu 02 Dec 2027 (365 days left), from the last top-up" in status
    italian = run("--lang", "it", "--at", "2026-12-02T10:00", "status").stdout
    assert "dall'ultima ricarica" in italian


def test_line_set_activated_is_checked_against_the_top_ups(run, kena_profile):
    assert run("--at", "2026-11-02T10:00", "line", "set", "--activated", "2026-01-10").exit_code == 0
    data = json.loads(run("--at", "2026-11-02T10:00", "status", "--json").stdout)
    assert data["lines"][0]["sim_valid_until"] == "2027-01-10"
    assert run("--at", "2026-11-05T10:00", "credit", "topup", "5").exit_code == 0
    before = kena_profile.read_bytes()
    assert_refused(run("--at", "2026-11-06T10:00", "line", "set", "--activated", "2026-11-06"),
                   "--activated: the SIM was activated on Fri 06 Nov 2026, after the top-up of Thu 05 Nov 2026")
    assert_refused(run("--at", "2026-11-06T10:00", "line", "set", "--activated", "2026-12-01"),
                   "--activated: Tue 01 Dec 2026 is in the future")
    assert kena_profile.read_bytes() == before


def test_a_hand_edited_activation_after_a_top_up_is_refused(run, kena_profile):
    assert run("--at", "2026-11-05T10:00", "credit", "topup", "5").exit_code == 0
    edit(kena_profile, "pending_offer_change = false\n", "pending_offer_change = false\nactivated = 2026-11-20\n")
    assert_refused(run("status"), "lines.main.activated: 2026-11-20 is after the top-up of 2026-11-05")


def test_line_add_takes_options_and_the_last_top_up_without_adding_money(run, kena_profile):
    added = run("--at", "2026-12-01T10:00", *TIM_ADD, "--option", "sempre-connesso=on", "--last-topup", "2026-06-10")
    assert added.exit_code == 0, added.output
    line = json.loads(run("--at", "2026-12-01T10:00", "status", "--line", "nonna", "--json").stdout)["lines"][0]
    assert (line["credit"], line["sim_valid_until"]) == ("2.00", "2027-06-10")  # validity, and no money added
    text = kena_profile.read_text(encoding="utf-8")
    assert 'sempre-connesso = "on"' in text and "last_topup = 2026-06-10" in text
    before = kena_profile.read_bytes()
    assert_refused(run("--at", "2026-12-01T10:00", *TIM_ADD[:2], "other", *TIM_ADD[3:], "--option", "continuita=off"),
                   "option 'continuita' does not apply to TIM")
    assert_refused(run("--at", "2026-12-01T10:00", *TIM_ADD[:2], "other", *TIM_ADD[3:], "--last-topup", "2027-01-01"),
                   "--last-topup: Fri 01 Jan 2027 is in the future")
    assert_refused(run("--at", "2026-12-01T10:00", *TIM_ADD[:2], "other", *TIM_ADD[3:], "--last-topup", "2026-06-10",
                       "--activated", "2026-07-01"), "--activated: the SIM was activated on Wed 01 Jul 2026")
    assert kena_profile.read_bytes() == before


def test_init_takes_options(run, profile_path):
    created = run("--at", "2026-12-01T10:00", "init", *KENA_INIT[1:], "--option", "auto-topup=on")
    assert created.exit_code == 0, created.output
    assert 'auto-topup = "on"' in profile_path.read_text(encoding="utf-8")
    assert_refused(run("init", "--force", "--yes", *KENA_INIT[1:], "--option", "auto-topup=maybe"),
                   "option auto-topup=maybe: choose one of")


def test_a_back_dated_top_up_lands_in_its_period(run, kena_profile):
    assert run("--at", "2026-12-01T10:00", *TIM_ADD).exit_code == 0
    # 2.00 € do not cover the 3 Dec renewal: suspended; the top-up of 5 Dec renews it that day (TIM: the day moves)
    topup = run("--at", "2026-12-10T10:00", "credit", "topup", "10", "--line", "nonna", "--date", "2026-12-05")
    assert topup.stdout.splitlines() == ["The offer renewed on Sat 05 Dec 2026: 9.99 € taken from the credit.",
                                         "Credit of line 'nonna': 2.01 €."]
    line = json.loads(run("--at", "2026-12-10T10:00", "status", "--line", "nonna", "--json").stdout)["lines"][0]
    assert (line["offer_usable"], line["next_renewal"][:10], line["sim_valid_until"]) == (True, "2027-01-05",
                                                                                           "2027-12-05")
    periods = json.loads(run("--at", "2026-12-10T10:00", "history", "--line", "nonna", "--json").stdout)[
        "lines"][0]["periods"]
    suspended, renewed = periods[-2:]
    assert (suspended["renewal"]["outcome"], suspended["topups"]) == (
        "suspended", [{"at": "2026-12-05T12:00:00+01:00", "amount": "10.00"}])
    assert (renewed["start"], renewed["renewal"]["kind"], renewed["renewal"]["charged"]) == (
        "2026-12-05T12:00:00+01:00", "topup", "9.99")


def test_a_top_up_before_the_entered_credit_counts_for_validity_not_again_for_the_credit(run, kena_profile):
    topup = run("--at", "2026-11-20T10:00", "credit", "topup", "10", "--date", "2026-10-20")
    assert topup.stdout.splitlines() == [
        "Recorded on Tue 20 Oct 2026, before the credit you entered on Sun 01 Nov 2026, which already includes it.",
        "Credit of line 'main': 2.01 €."]  # 10.00 observed on 1 Nov, minus the 15 Nov renewal
    data = json.loads(run("--at", "2026-11-20T10:00", "status", "--json").stdout)["lines"][0]
    assert (data["credit"], data["sim_valid_until"]) == ("2.01", "2027-10-20")


def test_back_dated_top_ups_are_refused_in_the_future_and_before_activation(run, kena_profile):
    assert run("--at", "2026-11-02T10:00", "line", "set", "--activated", "2026-10-01").exit_code == 0
    before = kena_profile.read_bytes()
    assert_refused(run("--at", "2026-11-20T10:00", "credit", "topup", "5", "--date", "2026-11-21"),
                   "--date: Sat 21 Nov 2026 is in the future (today is Fri 20 Nov 2026)")
    assert_refused(run("--at", "2026-11-20T10:00", "credit", "topup", "5", "--date", "2026-09-30"),
                   "--date: Wed 30 Sep 2026 is before the SIM's activation on Thu 01 Oct 2026")
    assert_refused(run("--at", "2026-11-20T10:00", "credit", "topup", "5", "--date", "20/11/2026"),
                   "'20/11/2026' is not an ISO date (YYYY-MM-DD)")
    assert kena_profile.read_bytes() == before
    today = run("--at", "2026-11-20T10:00", "credit", "topup", "5", "--date", "2026-11-20")
    assert today.stdout.splitlines() == ["Credit of line 'main': 7.01 €."]  # today: recorded now


def test_the_validity_reminder_counts_from_activation(run, profile_path):
    assert run("--at", "2026-12-01T10:00", *KENA_INIT, "--activated", "2026-01-10").exit_code == 0
    data = json.loads(run("--at", "2026-12-20T10:00", "remind", "--all", "--within", "60d", "--json").stdout)
    [text] = [item["text"] for item in data["items"] if item["kind"] == "sim-validity"]
    assert text.startswith("main: SIM validity ends Sun 10 Jan 2027, then receive-only until Tue 09 Feb 2027")
    calendar = run("--at", "2026-12-20T10:00", "export", "ics").stdout
    calendar = calendar.replace("\r\n ", "").replace("\n ", "").replace("\\,", ",")
    assert "restarts the count (no top-up recorded, counted from the activation on Sat 10 Jan 2026)" in calendar
