"""The ledger: renewals happen at each scheduled moment with each operator's outcome (core, and a few CLI checks)."""

import json
from datetime import time
from decimal import Decimal

from kenactl.core.dates import parse_moment
from kenactl.core.ledger import fold
from kenactl.core.model import Allowances, Line, Observation, TopUp
from kenactl.knowledge.operators import renewal_rule
from kenactl.knowledge.registry import BUILTIN_FOLDER


def line(operator: str, credit: str, price: str, day: int, at: str, **extra) -> Line:
    start = parse_moment(at)
    return Line(name="main", operator=operator, offer="offer", price=Decimal(price), renewal_day=day,
                renewal_time=time(0, 0), included=Allowances(data=10_000, minutes=None, sms=100),
                credit=Decimal(credit), observations=(Observation(at=start, credit=Decimal(credit)),), **extra)


def state(subject: Line, at: str):
    return fold(subject, renewal_rule(subject.operator), parse_moment(at))


def test_kena_two_renewals_pass_on_the_31st_and_the_short_february():
    subject = line("kena", "12.00", "5.99", 31, "2027-01-02T09:00")
    now = state(subject, "2027-03-27T08:00")
    assert now.credit == Decimal("0.02")
    assert [r.at.date().isoformat() for r in now.renewals] == ["2027-01-31", "2027-02-28"]
    assert now.min_topup == Decimal("5.97") and now.offer_usable
    assert "minus the renewals of" in now.basis.english()


def test_kena_uncovered_renewal_is_suspended_until_a_top_up_renews_it_on_the_same_day():
    subject = line("kena", "12.00", "5.99", 31, "2027-01-02T09:00")
    suspended = state(subject, "2027-04-02T08:00")
    assert not suspended.offer_usable and suspended.next_renewal is None
    assert suspended.last_renewal.outcome == "suspended" and suspended.credit == Decimal("0.02")
    topped = line("kena", "12.00", "5.99", 31, "2027-01-02T09:00",
                  topups=(TopUp(at=parse_moment("2027-04-10T10:00"), amount=Decimal("10.00")),))
    after = state(topped, "2027-04-11T08:00")
    assert after.offer_usable and after.last_renewal.kind == "topup"
    assert after.credit == Decimal("4.03") and after.next_renewal.date().isoformat() == "2027-04-30"


def test_tim_top_up_renews_and_moves_the_day():
    subject = line("tim", "4.50", "9.99", 5, "2026-11-20T09:00",
                   topups=(TopUp(at=parse_moment("2026-12-20T10:00"), amount=Decimal("10.00")),))
    waiting = state(subject, "2026-12-06T09:00")
    assert waiting.last_renewal.outcome == "suspended" and waiting.min_topup == Decimal("5.49")
    after = state(subject, "2026-12-21T09:00")
    assert after.credit == Decimal("4.51") and after.next_renewal.date().isoformat() == "2027-01-20"


def test_vodafone_goes_negative_with_continuita_fees_and_keeps_the_day():
    subject = line("vodafone", "3.00", "7.99", 20, "2026-11-01T09:00")
    now = state(subject, "2026-11-23T09:00")
    assert now.credit == Decimal("-4.99") and now.owed == Decimal("1.98")
    assert now.last_renewal.outcome == "negative-credit" and now.next_renewal.date().isoformat() == "2026-12-20"
    assert now.min_topup == Decimal("6.97")


def test_windtre_partly_charged_rest_and_anticipo_owed():
    subject = line("windtre", "2.00", "6.99", 28, "2026-11-01T09:00")
    now = state(subject, "2026-11-30T09:00")
    assert now.credit == Decimal("0.00") and now.last_renewal.charged == Decimal("2.00")
    assert now.owed == Decimal("4.99") + Decimal("0.99") + Decimal("1.99")


def test_iliad_not_renewed_then_top_up_moves_the_renewal_date():
    subject = line("iliad", "5.00", "9.99", 12, "2026-11-01T09:00",
                   topups=(TopUp(at=parse_moment("2026-11-18T12:00"), amount=Decimal("5.00")),))
    now = state(subject, "2026-11-19T09:00")
    assert now.last_renewal.kind == "topup" and now.credit == Decimal("0.01")
    assert now.next_renewal.date().isoformat() == "2026-12-18"


def test_other_operator_outcome_is_unknown():
    now = state(line("other", "1.00", "5.00", 10, "2026-11-01T09:00"), "2026-11-11T09:00")
    assert now.last_renewal.outcome == "unknown" and not now.offer_usable


def test_card_payment_never_fails_for_credit():
    now = state(line("tim", "0.00", "9.99", 5, "2026-11-01T09:00", payment="card"), "2027-02-06T09:00")
    assert now.offer_usable and now.credit == Decimal("0.00") and all(r.by_card for r in now.renewals)


def test_a_users_operator_file_without_ledger_gets_the_unknown_assumptions(tmp_path):
    folder = tmp_path / "operators"
    folder.mkdir()
    text = (BUILTIN_FOLDER / "tim.toml").read_text(encoding="utf-8")
    (folder / "tim.toml").write_text(text.split("# How kenactl's ledger")[0], encoding="utf-8")
    rule = renewal_rule("tim", folder)
    assert (rule.outcome, rule.credit, rule.day) == ("suspended", "untouched", "unknown")
    assert rule.facts["day"].status == "unknown"


def test_a_broken_ledger_value_is_one_clear_error(run, profile_path):
    assert run("--at", "2027-01-02T09:00", "init", "--operator", "kena", "--offer", "K", "--price", "5.99",
               "--renewal-day", "31", "--data", "1GB", "--minutes", "0", "--sms", "0", "--credit", "1").exit_code == 0
    folder = profile_path.parent / "operators"
    folder.mkdir()
    text = (BUILTIN_FOLDER / "kena.toml").read_text(encoding="utf-8")
    (folder / "kena.toml").write_text(text.replace('value = "untouched"', 'value = "vanishes"'), encoding="utf-8")
    before = profile_path.read_bytes()
    result = run("--at", "2027-02-02T09:00", "status")
    assert result.exit_code == 2 and result.stdout == "" and profile_path.read_bytes() == before
    assert result.stderr == (f"kenactl: {folder / 'kena.toml'}: ledger.credit.value: 'vanishes' is not one of "
                             "untouched, minus-price, to-zero-rest-owed\n")


def test_a_price_change_applies_from_its_moment_and_leaves_earlier_renewals_alone(run):
    assert run("--at", "2027-01-02T09:00", "init", "--operator", "kena", "--offer", "K", "--price", "5.99",
               "--renewal-day", "31", "--data", "1GB", "--minutes", "0", "--sms", "0", "--credit", "20").exit_code == 0
    assert run("--at", "2027-02-10T09:00", "line", "set", "--price", "7.99").exit_code == 0
    periods = json.loads(run("--at", "2027-03-05T09:00", "history", "--json").stdout)["lines"][0]["periods"]
    assert [p["renewal"]["charged"] for p in periods[1:]] == ["5.99", "7.99"]  # 31 Jan, then 28 Feb
    line = json.loads(run("--at", "2027-03-05T09:00", "status", "--json").stdout)["lines"][0]
    assert (line["price"], line["credit"]) == ("7.99", "6.02")


def test_after_a_change_of_operator_earlier_renewals_keep_the_earlier_operators_rule(run):
    assert run("--at", "2027-01-02T09:00", "init", "--operator", "vodafone", "--offer", "V", "--price", "7.99",
               "--renewal-day", "31", "--data", "1GB", "--minutes", "0", "--sms", "0", "--credit", "3").exit_code == 0
    assert run("--at", "2027-02-10T09:00", "line", "set", "--operator", "iliad", "--option", "auto-topup=off"
               ).exit_code == 0
    periods = json.loads(run("--at", "2027-03-05T09:00", "history", "--json").stdout)["lines"][0]["periods"]
    assert [p["renewal"]["outcome"] for p in periods[1:]] == ["negative-credit", "not-renewed"]
