"""Pending charges: Easy Pay instalments (the WINDTRE Easy Pay billing fault), what a top-up pays first, the
minimum top-up."""

import json
from datetime import date, datetime
from decimal import Decimal

from kenactl.core import charges
from kenactl.core.model import Allowances, Charge, Line

NOW = datetime.fromisoformat("2026-12-05T10:00+01:00")


def line(credit="5.00", *items):
    return Line(name="main", operator="windtre", offer="Easy", price=Decimal("9.99"), renewal_day=15,
                included=Allowances(None, None, None), credit=Decimal(credit), charges=tuple(items))


def arrears(**extra):
    values = dict(description="Easy Pay arrears", amount=Decimal("29.97"), added=date(2026, 11, 1), instalments=3,
                  first_due=date(2026, 12, 1))
    return Charge(**{**values, **extra})


def test_easy_pay_schedule_one_instalment_every_30_days():
    items = charges.schedule(arrears(), today=date(2026, 12, 5))
    assert [(item.number, item.due, item.amount, item.state) for item in items] == [
        (1, date(2026, 12, 1), Decimal("9.99"), "due"),
        (2, date(2026, 12, 31), Decimal("9.99"), "upcoming"),
        (3, date(2027, 1, 30), Decimal("9.99"), "upcoming")]


def test_uneven_amount_puts_the_rest_on_the_last_instalment():
    charge = arrears(amount=Decimal("10.00"), paid=Decimal("3.33"))
    assert [(item.amount, item.state) for item in charges.schedule(charge, date(2027, 2, 1))] == [
        (Decimal("3.33"), "paid"), (Decimal("3.33"), "due"), (Decimal("3.34"), "due")]


def test_pending_counts_what_is_due_and_unpaid():
    subject = line("5.00", arrears(), Charge("late fees", Decimal("2.98"), date(2026, 12, 2)))
    assert charges.pending_at(subject, NOW) == Decimal("12.97")
    assert charges.pending_at(subject, datetime.fromisoformat("2026-12-31T00:00+01:00")) == Decimal("22.96")
    assert charges.pending_at(subject, datetime.fromisoformat("2026-11-30T00:00+01:00")) == Decimal("0.00")


def test_min_topup_is_shortfall_plus_pending_due_by_the_renewal():
    subject = line("5.00", arrears())
    assert charges.min_topup(subject, NOW) == Decimal("4.99") + Decimal("9.99")
    assert charges.min_topup(line("20.00", arrears()), NOW) == Decimal("0.00")  # charges wait for a top-up
    assert charges.min_topup(line("5.00"), NOW) == Decimal("4.99")


def test_take_settles_due_charges_first_and_drops_paid_ones():
    subject = line("1.00", arrears(), Charge("late fees", Decimal("2.98"), date(2026, 12, 2)))
    after, taken = charges.take(subject, Decimal("20.00"), NOW)
    assert taken == Decimal("12.97")
    assert after.credit == Decimal("8.03")
    assert [(c.description, c.paid) for c in after.charges] == [("Easy Pay arrears", Decimal("9.99"))]
    small, taken = charges.take(subject, Decimal("5.00"), NOW)
    assert (taken, small.credit) == (Decimal("5.00"), Decimal("1.00"))
    assert [c.paid for c in small.charges] == [Decimal("5.00"), Decimal("0.00")]


def test_charges_commands_and_topup(run, kena_profile):
    at = ("--at", "2026-11-20T10:00")
    added = run(*at, "charges", "add", "Easy Pay arrears", "23.97", "--instalments", "3")
    assert added.exit_code == 0
    assert "1/3  Sun 20 Dec 2026  7.99 €" in added.stdout and "3/3  Thu 18 Feb 2027  7.99 €" in added.stdout
    assert run(*at, "charges", "add", "negative credit", "2.00").exit_code == 0
    data = json.loads(run(*at, "charges", "list", "--json").stdout)
    assert (data["pending"], data["min_topup"]) == ("2.00", "7.98")  # 2.01 € left after the 15 Nov renewal
    assert [item["state"] for item in data["charges"][0]["instalments"]] == ["upcoming"] * 3
    listed = run(*at, "charges", "list")
    assert "Easy Pay arrears  1/3   Sun 20 Dec 2026  7.99 €  upcoming" in listed.stdout
    topup = run("--at", "2026-12-21T10:00", "credit", "topup", "15")
    # 10.00 - 7.99 (15 Nov) = 2.01 does not cover 15 Dec: suspended; the top-up pays the charges first, and the
    # 5.01 € left (7.02 € credit) do not cover the price, so the offer stays suspended
    assert topup.stdout.splitlines() == ["Taken first for pending charges: 9.99 €.", "Credit of line 'main': 7.02 €."]
    state = json.loads(run("--at", "2026-12-21T10:00", "status", "--json").stdout)["lines"][0]
    assert (state["offer_usable"], state["next_renewal"], state["min_topup"]) == (False, None, "0.97")
    data = json.loads(run("--at", "2026-12-21T10:00", "charges", "list", "--json").stdout)
    assert [(c["description"], c["paid"]) for c in data["charges"]] == [("Easy Pay arrears", "7.99")]
    assert run("--at", "2026-12-21T10:00", "charges", "clear", "1").exit_code == 0
    assert json.loads(run("--at", "2026-12-21T10:00", "charges", "list", "--json").stdout)["charges"] == []


def test_charges_errors_leave_the_profile_byte_identical(run, kena_profile):
    before = kena_profile.read_bytes()
    for args in (("charges", "clear"), ("charges", "add", "x", "0"), ("charges", "add", "x", "abc"),
                 ("charges", "add", "x", "1", "--instalments", "0"), ("charges", "list", "--line", "nope")):
        result = run(*args)
        assert result.exit_code == 2, args
        assert kena_profile.read_bytes() == before, args
    assert run("charges", "add", "x", "1").exit_code == 0
    before = kena_profile.read_bytes()
    assert run("charges", "clear", "2").exit_code == 2
    assert kena_profile.read_bytes() == before


def test_instalment_dates_beyond_the_supported_years_exit_2_and_keep_the_profile(run, kena_profile):
    before = kena_profile.read_bytes()
    result = run("charges", "add", "x", "10", "--instalments", "2", "--first-due", "9999-12-31")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("kenactl: invalid value for '--first-due': '9999-12-31' is outside the years 1900-2999")
    assert kena_profile.read_bytes() == before


def test_status_shows_validity_and_warns_from_30_days_before(run, kena_profile):
    assert run("--at", "2026-11-01T10:00", "credit", "topup", "5").exit_code == 0
    far = run("--at", "2027-10-01T10:00", "status")
    assert "SIM valid until:  Mon 01 Nov 2027 (31 days left)" in far.stdout
    assert "validity ends" not in far.stdout
    near = run("--at", "2027-10-02T10:00", "status")
    assert "! The SIM's validity ends on Mon 01 Nov 2027: any top-up before then renews it." in near.stdout
    assert "Carte dei Servizi Kena Mobile (TIM S.p.A. Edizione Dicembre 2022; Noverca S.r.l.) §10" in near.stdout
    data = json.loads(run("--at", "2027-10-02T10:00", "status", "--json").stdout)
    assert data["lines"][0]["sim_valid_until"] == "2027-11-01"


def test_status_names_a_broken_operator_file_it_needs(run, kena_profile):
    """The ledger applies the operator's renewal rule, so status reads the line's operator file."""
    folder = kena_profile.parent / "operators"
    folder.mkdir()
    (folder / "kena.toml").write_text("broken =", encoding="utf-8")
    result = run("--at", "2026-11-20T10:00", "status", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "kena.toml: not valid TOML" in result.stderr


def test_charge_ids_are_stable_clear_1_then_clear_2_removes_those_two(run, kena_profile):
    for name in ("first", "second", "third"):
        assert run("--at", "2026-11-02T10:00", "charges", "add", name, "1.00").exit_code == 0
    listed = json.loads(run("--at", "2026-11-02T11:00", "charges", "list", "--json").stdout)["charges"]
    assert [(item["number"], item["description"]) for item in listed] == [(1, "first"), (2, "second"), (3, "third")]
    assert "Removed: first" in run("--at", "2026-11-02T12:00", "charges", "clear", "1").stdout
    assert "Removed: second" in run("--at", "2026-11-02T12:00", "charges", "clear", "2").stdout  # not "third"
    left = json.loads(run("--at", "2026-11-02T13:00", "charges", "list", "--json").stdout)["charges"]
    assert [(item["number"], item["description"]) for item in left] == [(3, "third")]
    assert run("--at", "2026-11-02T13:00", "charges", "add", "fourth", "1.00").exit_code == 0  # never reuses 1 or 2
    ids = [item["number"] for item in json.loads(run("--at", "2026-11-02T14:00", "charges", "list", "--json").stdout)[
        "charges"]]
    assert ids == [3, 4]
    before = kena_profile.read_bytes()
    refused = run("--at", "2026-11-02T14:00", "charges", "clear", "1")
    assert refused.exit_code == 2 and refused.stderr == (
        "kenactl: line 'main' has no pending charge 1; its charges are: 3, 4\n")
    assert kena_profile.read_bytes() == before


def test_charges_from_a_file_without_ids_are_numbered_in_order_and_two_equal_ids_are_refused(run, kena_profile):
    assert run("--at", "2026-11-02T10:00", "charges", "add", "a", "1.00").exit_code == 0
    assert run("--at", "2026-11-02T10:00", "charges", "add", "b", "2.00").exit_code == 0
    text = kena_profile.read_text(encoding="utf-8")
    assert text.count("\nid = ") == 2  # (not "paid = ")
    older = text.replace("\nid = 1\n", "\n").replace("\nid = 2\n", "\n")  # as written before charges had ids
    kena_profile.write_text(older, encoding="utf-8")
    numbered = json.loads(run("--at", "2026-11-02T11:00", "charges", "list", "--json").stdout)["charges"]
    assert [(item["number"], item["description"]) for item in numbered] == [(1, "a"), (2, "b")]
    kena_profile.write_text(text.replace("\nid = 2\n", "\nid = 1\n"), encoding="utf-8")
    twice = run("--at", "2026-11-02T11:00", "charges", "list")
    assert twice.exit_code == 2 and "lines.main.charges: id 1 is used by two charges" in twice.stderr
