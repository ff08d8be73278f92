"""``kenactl explain``: each operator short and covered, each option, JSON interface, errors."""

import json
from decimal import Decimal

import pytest

from kenactl import store
from kenactl.core.explain import explain
from kenactl.knowledge import operators
from kenactl.knowledge.registry import BUILTIN as OPERATORS

HYPO = ("--price", "9.99", "--credit", "5.00")
JSON_KEYS = {"operator", "next_renewal", "price", "credit", "covered", "shortfall", "min_topup", "late_fees_max",
             "timeline", "after_topup", "sources"}


def run_json(run, *args):
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("operator, options, late, outcome", [
    ("windtre", (), "2.98", "partially-charged"),
    ("windtre", ("autoricarica=on",), "0.00", "partially-charged"),
    ("vodafone", (), "1.98", "negative-credit"),
    ("vodafone", ("continuita=on",), "1.98", "negative-credit"),
    ("vodafone", ("continuita=free",), "0.00", "negative-credit"),
    ("vodafone", ("continuita=off",), "0.00", "negative-credit"),
    ("tim", (), "0.00", "suspended"),
    ("tim", ("sempre-connesso=off",), "0.00", "suspended"),
    ("tim", ("sempre-connesso=on",), "1.80", "suspended"),
    ("tim", ("ricarica-automatica=on", "sempre-connesso=on"), "0.00", "auto-renewed"),
    ("iliad", (), "0.00", "not-renewed"),
    ("kena", (), "unknown", "suspended"),  # the sources state no fee: not "0.00"
    ("other", (), "unknown", "unknown"),
    ("kena", ("auto-topup=on",), "0.00", "auto-renewed"),
    ("iliad", ("auto-topup=on",), "0.00", "auto-renewed"),
])
def test_short_credit_per_operator_and_option(run, operator, options, late, outcome):
    args = [arg for option in options for arg in ("--option", option)]
    data = run_json(run, "explain", "--operator", operator, *HYPO, *args)
    assert (data["operator"], data["covered"], data["late_fees_max"], data["outcome"]) == (operator, False, late,
                                                                                          outcome)
    assert (data["shortfall"], data["min_topup"], data["next_renewal"]) == ("4.99", "4.99", None)
    assert data["timeline"][0]["day"] == 0
    costs = [step["cost"] for step in data["timeline"]]
    assert ("unknown" in costs and late == "unknown") or sum(map(Decimal, costs)) == Decimal(late)
    assert data["sources"] and all(set(item) >= {"source", "as_of", "verified"} for item in data["sources"])


def test_windtre_timeline_day_by_day(run):
    data = run_json(run, "explain", "--operator", "windtre", *HYPO)
    assert [(step["day"], step["cost"]) for step in data["timeline"]] == [
        (0, "0.00"), (0, "0.99"), (1, "1.99"), (5, "0.00")]
    assert "4.99 € stay owed" in data["timeline"][0]["event"]
    assert {effect["option"]: effect["late_fees_max"] for effect in data["option_effects"]} == {
        "autoricarica=on": "0.00"}


def test_vodafone_negative_credit_and_continuita_days(run):
    data = run_json(run, "explain", "--operator", "vodafone", *HYPO)
    assert "credit goes to -4.99 €" in data["timeline"][0]["event"]
    assert [(step["day"], step["cost"]) for step in data["timeline"][1:]] == [(0, "0.99"), (1, "0.99"), (2, "0.00")]
    assert {e["option"] for e in data["option_effects"]} == {"continuita=free", "continuita=off", "auto-topup=on"}


def test_iliad_pay_per_use_rates_and_renewal_date_moves(run):
    data = run_json(run, "explain", "--operator", "iliad", *HYPO)
    assert data["rates"] == [{"item": "calls", "amount": "0.28", "unit": "min"},
                             {"item": "SMS", "amount": "0.28", "unit": "SMS"},
                             {"item": "data", "amount": "0.90", "unit": "100 MB"},
                             {"item": "MMS", "amount": "0.49", "unit": "MMS"}]
    assert "renewal date becomes the top-up day" in data["after_topup"]
    assert any(not source["verified"] for source in data["sources"])


@pytest.mark.parametrize("operator", OPERATORS)
def test_covered_renewal_has_nothing_to_pay(run, operator):
    data = run_json(run, "explain", "--operator", operator, "--price", "7.99", "--credit", "7.99")
    assert set(data) >= JSON_KEYS
    assert (data["covered"], data["shortfall"], data["min_topup"], data["late_fees_max"],
            data["topup_after_fees"]) == (True, "0.00", "0.00", "0.00", "0.00")
    assert data["timeline"] == [{"day": 0, "event": "Offer renews: 7.99 € taken from the credit, 0.00 € left",
                                 "cost": "0.00"}]


def test_every_option_combination_starts_at_day_zero_with_sources():
    for operator in operators.load_all():
        for key, rule in operator.options.items():
            for value in rule.values:
                result = explain(operator, price=Decimal("9.99"), credit=Decimal("-1.00"), options={key: value})
                assert result.timeline[0].day == 0
                assert [step.day for step in result.timeline] == sorted(step.day for step in result.timeline)
                assert all(step.fact is not None for step in result.timeline)
                assert result.sources


def test_line_explain_uses_renewal_options_and_pending_charges(run, kena_profile):
    assert run("--at", "2026-11-01T10:00", "line", "set", "--operator", "windtre", "--credit", "3").exit_code == 0
    assert run("--at", "2026-11-01T10:00", "charges", "add", "late fees", "2.98").exit_code == 0
    data = run_json(run, "--at", "2026-11-10T12:00", "explain")
    assert (data["operator"], data["next_renewal"], data["next_renewal_at"]) == ("windtre", "2026-11-15",
                                                                                 "2026-11-15T00:00:00+01:00")
    assert (data["shortfall"], data["pending"], data["min_topup"]) == ("4.99", "2.98", "7.97")
    assert data["after_topup"].startswith("Your pending charges of 2.98 € are taken first")
    assert run("--at", "2026-11-01T10:00", "line", "set", "--option", "autoricarica=on").exit_code == 0
    data = run_json(run, "--at", "2026-11-10T12:00", "explain")
    assert (data["late_fees_max"], data["options"]["autoricarica"]) == ("0.00", "on")
    data = run_json(run, "--at", "2026-11-10T12:00", "explain", "--option", "autoricarica=off")
    # «solo se sono stati corrisposti anche addebiti precedenti»: unpaid charges, no anticipo
    assert data["late_fees_max"] == "0.00"
    assert "Not available: Anticipo del traffico" in data["timeline"][1]["event"]
    other = run_json(run, "--at", "2026-11-10T12:00", "explain", "--operator", "iliad")
    assert (other["operator"], other["options"], other["min_topup"]) == ("iliad", {"auto-topup": "off"}, "7.97")


def test_compare_json_and_plain(run):
    data = run_json(run, "explain", "--compare", *HYPO)
    assert [item["operator"] for item in data["operators"]] == list(OPERATORS)
    assert {item["operator"]: item["late_fees_max"] for item in data["operators"]} == {
        "kena": "unknown", "tim": "0.00", "vodafone": "1.98", "windtre": "2.98", "iliad": "0.00", "other": "unknown"}
    plain = run("explain", "--compare", *HYPO, "--option", "sempre-connesso=on")
    assert plain.exit_code == 0
    tim_row = next(line for line in plain.stdout.splitlines() if line.strip().startswith("TIM "))
    assert "offer suspended" in tim_row and "1.80 €" in tim_row
    assert "Sources" in plain.stdout and "reported" in plain.stdout


def test_plain_output_reads_as_text(run):
    result = run("explain", "--operator", "tim", *HYPO, "--option", "sempre-connesso=on")
    assert result.exit_code == 0
    out = result.stdout
    assert "Day by day (day 0 = renewal day)" in out
    assert "0.90 €  Sempre Connesso, first day" in out
    assert "Max late fees:   1.80 €" in out
    assert "✗ Top up at least 4.99 € before the renewal." in out
    assert "(reported)" in out  # the two TIM start dates are only reported


@pytest.mark.parametrize("args, message", [
    (("--operator", "ho", *HYPO), "unknown operator 'ho'; known: kena, tim, vodafone, windtre, iliad, other"),
    (("--operator", "tim", *HYPO, "--option", "continuita=off"),
     "option 'continuita' does not apply to TIM; its options are: ricarica-automatica, sempre-connesso"),
    (("--operator", "vodafone", *HYPO, "--option", "continuita=maybe"), "continuita=maybe: choose one of on|free|off"),
    (("--operator", "vodafone", *HYPO, "--option", "continuita"), "write it as KEY=VALUE"),
    (("--compare", *HYPO, "--option", "turbo=on"), "option 'turbo' applies to no operator"),
    (("--operator", "tim", "--price", "9.99"), "no profile at"),
])
def test_bad_input_exits_2_without_a_profile(run, profile_path, args, message):
    result = run("explain", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not profile_path.exists()


def test_wrong_option_on_a_line_leaves_the_profile_byte_identical(run, kena_profile):
    before = kena_profile.read_bytes()
    for args in (("line", "set", "--option", "continuita=off"), ("line", "set", "--option", "auto-topup=yes"),
                 ("explain", "--option", "sempre-connesso=on"), ("explain", "--operator", "nope")):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("kenactl: ")
    assert "its options are: auto-topup" in run("line", "set", "--option", "continuita=off").stderr
    assert kena_profile.read_bytes() == before


def test_broken_user_operator_file_exits_2_and_keeps_profile(run, kena_profile):
    folder = kena_profile.parent / "operators"
    folder.mkdir()
    (folder / "kena.toml").write_text('name = "Kena"\n[short_credit]\noutcome = "suspended"\n', encoding="utf-8")
    before = kena_profile.read_bytes()
    result = run("explain")
    assert result.exit_code == 2
    assert f"{folder / 'kena.toml'}: short_credit.day0: missing" in result.stderr
    assert run("line", "set", "--option", "auto-topup=on").exit_code == 2
    assert kena_profile.read_bytes() == before


def test_line_set_operator_drops_options_that_no_longer_apply(run, kena_profile):
    assert run("line", "set", "--operator", "vodafone", "--option", "continuita=off").exit_code == 0
    assert store.load(kena_profile).line().options == {"continuita": "off"}
    assert run("line", "set", "--option", "continuita=").exit_code == 0
    assert store.load(kena_profile).line().options == {}
    assert run("line", "set", "--option", "continuita=free", "--option", "auto-topup=on").exit_code == 0
    assert run("line", "set", "--operator", "iliad").exit_code == 0
    line = store.load(kena_profile).line()
    assert line.options == {"auto-topup": "on"}  # continuita is Vodafone's: dropped; auto-topup kept
    assert {change.key for change in line.changes} == {"operator", "options"}  # the line's past settings stay
    assert next(change.old for change in line.changes if change.key == "operator") == "kena"
