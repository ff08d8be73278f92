"""One rounding rule for percentages: shown ≥ 80 exactly when the Restart usage rule holds."""

import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl.core import dates, units
from kenactl.core.model import Allowances, Line, Profile, UsageSample
from kenactl.core.restart import check_restart
from kenactl.core.restart_plan import plan_restart
from kenactl.core.status import line_status
from kenactl.views import percent_number
from kenactl.views.restart import plan_json
from kenactl.views.status import status_json

NOW = dates.parse_moment("2026-11-10T09:00")


def kena_sms(used: int, included: int) -> Line:
    """A Kena line whose only limited allowance is ``included`` SMS, ``used`` of them used today."""
    return Line(name="main", operator="kena", offer="Kena 7.99", price=Decimal("7.99"), renewal_day=15,
                included=Allowances(data=None, minutes=None, sms=included), credit=Decimal("10.00"),
                usage=(UsageSample(at=dates.parse_moment("2026-11-10T08:00"), sms=used),))


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=10**9).flatmap(
    lambda included: st.tuples(st.integers(min_value=0, max_value=2 * included), st.just(included))))
def test_shown_percent_reaches_80_exactly_when_the_rule_holds(pair):
    used, included = pair
    rule = used * 100 >= 80 * included  # the rule's exact comparison, in integers
    line = kena_sms(used, included)
    usage = check_restart(line, NOW).check("usage")
    assert usage.ok is rule
    shown = status_json(line_status(Profile(lines={"main": line}, default_line="main"), line, NOW))
    assert (shown["usage"]["sms"]["percent"] >= 80) is rule
    planned = plan_json(plan_restart(line, NOW))["allowances"]
    assert [item["percent"] >= 80 for item in planned if item["kind"] == "sms"] == [rule]
    exact = Decimal(used) * 100 / Decimal(included)
    assert f"sms {units.shown_percent(exact)}% (" in usage.reason


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=10**12))
def test_shown_percent_is_the_exact_value_cut_to_one_decimal(used, included):
    shown = units.shown_percent(Decimal(used) * 100 / Decimal(included))
    assert shown * 10 == (used * 1000) // included  # toward zero, never up
    assert shown.as_tuple().exponent == -1


def test_boundaries():
    assert units.shown_percent(Decimal("79.96")) == Decimal("79.9")
    assert units.shown_percent(Decimal("79.99999")) == Decimal("79.9")
    assert units.shown_percent(Decimal(80)) == Decimal("80.0")
    assert units.shown_percent(Decimal("80.04")) == Decimal("80.0")
    assert units.shown_percent(Decimal("100.06")) == Decimal("100.0")
    assert percent_number(None) is None and percent_number(Decimal("12.55")) == 12.5


def test_79_96_percent_is_shown_as_79_9_everywhere(run, kena_profile):
    assert run("--at", "2026-11-10T08:00", "usage", "set", "--data", "79.96GB").exit_code == 0
    data = json.loads(run("--at", "2026-11-10T09:00", "status", "--json").stdout)["lines"][0]
    assert data["usage"]["data"]["percent"] == 79.9
    text = run("--at", "2026-11-10T09:00", "status").stdout
    assert "79.9%" in text and "80%" not in text
    check = run("--at", "2026-11-10T09:00", "restart", "check")
    assert check.exit_code == 1 and "none has reached 80% yet: data 79.9% (79.96 GB of 100 GB)" in check.stdout
    plan = json.loads(run("--at", "2026-11-10T09:00", "restart", "plan", "--json").stdout)
    assert [item["percent"] for item in plan["allowances"] if item["kind"] == "data"] == [79.9]
    assert "79.9%" in run("--at", "2026-11-10T09:00", "restart", "plan").stdout
    assert run("--at", "2026-11-10T09:00", "usage", "set", "--data", "80GB").exit_code == 0
    assert run("--at", "2026-11-10T09:01", "restart", "check").exit_code == 0
    assert json.loads(run("--at", "2026-11-10T09:01", "status", "--json").stdout)["lines"][0]["usage"]["data"][
        "percent"] == 80.0

