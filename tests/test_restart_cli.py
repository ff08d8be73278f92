"""``kenactl restart check|apply|plan`` end to end (profile: Kena, renewal day 15, 7.99 €, 100 GB, 10 €)."""

import json
import re
import tomllib

import pytest

from kenactl.core.restart import CHECK_IDS

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


def usage(run, moment: str, *args: str) -> None:
    result = run("--at", moment, "usage", "set", *args)
    assert result.exit_code == 0, result.output


def check_json(run, moment: str) -> tuple[int, dict]:
    result = run("--at", moment, "restart", "check", "--json")
    return result.exit_code, json.loads(result.stdout)


def profile(path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))["lines"]["main"]


def test_check_json_shape_is_exact(run, kena_profile):
    usage(run, "2026-11-09T12:00", "--data", "85GB")
    code, data = check_json(run, "2026-11-10T09:00")
    assert code == 0
    assert set(data) == {"eligible", "eligible_from", "checks"}
    assert data["eligible"] is True and data["eligible_from"] == "2026-11-10T09:00:00+01:00"
    assert [item["id"] for item in data["checks"]] == list(CHECK_IDS)
    for item in data["checks"]:
        assert set(item) == {"id", "ok", "reason", "clears_at"}
        assert item["ok"] is True and item["clears_at"] is None and item["reason"]


def test_check_not_eligible_exits_1_with_checklist(run, kena_profile):
    usage(run, "2026-11-09T12:00", "--data", "79.9GB")
    result = run("--at", "2026-11-10T09:00", "restart", "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "✗ usage: none has reached 80% yet: data 79.9% (79.9 GB of 100 GB), sms 0.0% (0 SMS of 100 SMS)" in \
        [line.strip() for line in lines]
    assert sum(line.strip().startswith("✓ ") for line in lines) == 5
    assert "waiting does not fix usage" in result.stdout
    assert "news on Kena Restart, March 2024" in result.stdout and "tuttoandroid.net 2024-02-24" in result.stdout


def test_check_at_exactly_80_percent_exits_0(run, kena_profile):
    usage(run, "2026-11-09T12:00", "--data", "80GB")
    result = run("--at", "2026-11-10T09:00", "restart", "check")
    assert result.exit_code == 0
    assert "Eligible: a Restart is allowed now" in result.stdout


def test_renewal_window_failure_has_clear_time_and_no_eligible_from(run, kena_profile):
    usage(run, "2026-11-12T12:00", "--data", "90GB")
    code, data = check_json(run, "2026-11-13T00:00:01")
    window = next(item for item in data["checks"] if item["id"] == "renewal_window")
    assert code == 1 and data["eligible_from"] is None
    assert window == {"id": "renewal_window", "ok": False, "clears_at": "2026-11-15T00:00:00+01:00",
                      "reason": window["reason"]}
    assert "comes first and refills the bundle" in window["reason"]
    assert check_json(run, "2026-11-13T00:00")[0] == 0


def test_pending_offer_change(run, kena_profile):
    usage(run, "2026-11-09T12:00", "--data", "90GB")
    assert run("--at", "2026-11-09T13:00", "line", "set", "--pending-offer-change").exit_code == 0
    code, data = check_json(run, "2026-11-10T09:00")
    assert code == 1 and data["eligible_from"] is None
    assert [item["id"] for item in data["checks"] if not item["ok"]] == ["offer_change"]


def test_apply_news_example_renewal_15th_restart_10th(run, kena_profile):
    usage(run, "2026-11-09T12:00", "--data", "85GB")
    result = run("--at", "2026-11-10T09:00", "restart", "apply")
    assert result.exit_code == 0, result.output
    assert "Renewal day 15 → 10. Next renewal: Thu 10 Dec 2026 (7.99 €)." in result.stdout
    assert "credit now 2.01 €" in result.stdout and "news on Kena Restart" in result.stdout
    line = profile(kena_profile)  # the stored facts: the Restart and the reading before it
    assert [[at.isoformat(), str(price)] for at, price in line["restarts"]] == [["2026-11-10T09:00:00+01:00", "7.99"]]
    assert line["renewal_day"] == 15 and len(line["readings"].split()) == 4
    status = json.loads(run("--at", "2026-11-10T09:01", "status", "--json").stdout)["lines"][0]
    assert (status["renewal_day"], status["credit"]) == (10, "2.01")
    assert status["last_renewal"] == {"at": "2026-11-10T09:00:00+01:00", "kind": "restart", "outcome": "renewed",
                                      "charged": "7.99", "owed": "0.00"}
    assert status["next_renewal"] == "2026-12-10" and status["usage"]["data"]["used"] == 0
    assert status["period_start"] == "2026-11-10T09:00:00+01:00"
    later = json.loads(run("--at", "2027-01-02T09:00", "status", "--json").stdout)["lines"][0]
    # 2.01 € do not cover the 10 Dec renewal: Kena suspends the offer until a top-up renews it
    assert (later["next_renewal"], later["offer_usable"], later["min_topup"]) == (None, False, "5.98")
    assert later["last_renewal"]["at"] == "2026-12-10T00:00:00+01:00"
    assert later["last_renewal"]["outcome"] == "suspended"


def test_apply_on_the_31st_renews_on_month_ends(run, kena_profile):
    assert run("--at", "2027-01-30T11:00", "credit", "set", "60").exit_code == 0
    usage(run, "2027-01-30T12:00", "--data", "85GB")
    assert run("--at", "2027-01-31T09:00", "restart", "apply").exit_code == 0
    assert json.loads(run("--at", "2027-01-31T10:00", "status", "--json").stdout)["lines"][0]["renewal_day"] == 31
    renewals = [json.loads(run("--at", moment, "status", "--json").stdout)["lines"][0]["next_renewal"]
                for moment in ("2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01")]
    assert renewals == ["2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"]


@pytest.mark.parametrize("credit", ["7.98", "-1"])
def test_apply_refused_exit_1_profile_byte_identical(run, kena_profile, credit):
    usage(run, "2026-11-09T12:00", "--data", "85GB")
    assert run("--at", "2026-11-09T12:30", "credit", "set", "--", credit).exit_code == 0
    before = kena_profile.read_bytes()
    result = run("--at", "2026-11-10T09:00", "restart", "apply")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("kenactl: Restart not allowed at Tue 10 Nov 2026 09:00: credit: credit ")
    assert len(result.stderr.splitlines()) == 1
    assert kena_profile.read_bytes() == before


def test_cooldown_after_apply_via_cli(run, kena_profile):
    usage(run, "2026-11-09T12:00", "--data", "85GB")
    assert run("--at", "2026-11-10T09:00", "restart", "apply").exit_code == 0
    assert run("--at", "2026-11-20T09:00", "credit", "topup", "20").exit_code == 0
    usage(run, "2026-11-23T12:00", "--sms", "95")
    code, data = check_json(run, "2026-11-24T08:59:59")
    assert code == 1 and data["eligible_from"] == "2026-11-24T09:00:00+01:00"
    assert [item["clears_at"] for item in data["checks"] if not item["ok"]] == ["2026-11-24T09:00:00+01:00"]
    assert check_json(run, "2026-11-24T09:00")[0] == 0


def test_third_consecutive_restart_waits_for_the_renewal(run, kena_profile):
    assert run("--at", "2026-11-01T11:00", "credit", "set", "50").exit_code == 0
    usage(run, "2026-11-02T12:00", "--data", "85GB")
    assert run("--at", "2026-11-02T13:00", "restart", "apply").exit_code == 0  # renewals now on the 2nd
    usage(run, "2026-11-20T12:00", "--data", "85GB")
    assert run("--at", "2026-11-20T13:00", "restart", "apply").exit_code == 0  # no renewal since: 2 in a row
    usage(run, "2026-12-10T12:00", "--data", "85GB")
    before = kena_profile.read_bytes()
    code, data = check_json(run, "2026-12-10T13:00")
    # It clears at the renewal, which resets the counters: waiting does not make the usage rule hold.
    assert code == 1 and data["eligible_from"] is None
    failing = [item for item in data["checks"] if not item["ok"]]
    assert [item["id"] for item in failing] == ["consecutive"]
    assert failing[0]["clears_at"] == "2026-12-20T00:00:00+01:00" and "kenactl reads it" in failing[0]["reason"]
    text = run("--at", "2026-12-10T13:00", "restart", "check").stdout
    assert "eligible from" not in text
    assert ("Not eligible before the renewal: the time rules clear at Sun 20 Dec 2026 00:00, less than 48 h before "
            "the renewal at Sun 20 Dec 2026 00:00 (or after it); the renewal resets the counters") in text
    assert run("--at", "2026-12-10T13:00", "restart", "apply").exit_code == 1
    assert kena_profile.read_bytes() == before


@pytest.mark.parametrize("command", [("check",), ("check", "--json"), ("apply",), ("plan",)])
def test_non_kena_line_exit_2(run, kena_profile, command):
    assert run("line", "add", "nonna", "--operator", "tim", "--offer", "TIM Smart", "--price", "9.99",
               "--renewal-day", "5", "--data", "10GB", "--minutes", "500", "--sms", "unlimited",
               "--credit", "20").exit_code == 0
    before = kena_profile.read_bytes()
    result = run("restart", *command, "--line", "nonna")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "kenactl: line 'nonna' (TIM): Restart exists only for Kena Mobile lines\n"
    assert kena_profile.read_bytes() == before


def test_plan_values(run, kena_profile):
    usage(run, "2026-10-25T20:00", "--data", "30GB")
    usage(run, "2026-11-04T20:00", "--data", "65GB", "--sms", "12")
    result = run("--at", "2026-11-04T21:00", "restart", "plan", "--json")
    assert result.exit_code == 0
    plan = json.loads(result.stdout)
    data, minutes, sms = plan["allowances"]
    # 65 GB in 20 days 20 h since the 15 Oct renewal: 80 GB is reached 4 days 18.6 h later
    assert data == {"kind": "data", "used": 65000, "included": 100000, "percent": 65.0, "state": "projected",
                    "reaches_80_at": "2026-11-09T15:36:55+01:00"}
    assert minutes["state"] == "unlimited" and sms["state"] == "after_renewal"
    assert plan["earliest_restart"] == "2026-11-09T15:36:55+01:00"
    assert plan["renewal_day_now"] == 15 and plan["renewal_day_after"] == 9
    assert [item["at"][:10] for item in plan["renewals_now"]] == ["2026-11-15", "2026-12-15", "2027-01-15"]
    assert [item["at"][:10] for item in plan["renewals_after"]] == ["2026-12-09", "2027-01-09", "2027-02-09"]
    assert {item["charge"] for item in plan["renewals_now"] + plan["renewals_after"]} == {"7.99"}
    assert plan["charges_until"] == {"until": "2027-01-15T00:00:00+01:00", "without_restart": "23.97",
                                     "with_restart": "23.97"}
    assert plan["check"]["eligible"] is False and plan["why_not"] is None
    text = run("--at", "2026-11-04T21:00", "restart", "plan").stdout
    assert "Earliest Restart:  Mon 09 Nov 2026 15:36" in text
    assert "renewal 1  Sun 15 Nov 2026  7.99 €  Wed 09 Dec 2026    7.99 €" in text
    assert "sms        12 SMS of 100 SMS  12%        not before the renewal" in text
    assert "news on Kena Restart" in text


def test_plan_when_the_renewal_comes_first(run, kena_profile):
    usage(run, "2026-11-07T20:00", "--data", "62GB")
    plan = json.loads(run("--at", "2026-11-07T21:00", "restart", "plan", "--json").stdout)
    assert plan["earliest_restart"] is None and plan["renewals_after"] == [] and plan["charges_until"] is None
    assert "comes first" in plan["why_not"]
    text = run("--at", "2026-11-07T21:00", "restart", "plan").stdout
    assert "No Restart before the renewal: the renewal at Sun 15 Nov 2026 00:00 comes first" in text


def test_plan_lists_credit_as_a_condition(run, kena_profile):
    usage(run, "2026-11-09T12:00", "--data", "85GB")
    assert run("--at", "2026-11-09T12:30", "credit", "set", "5").exit_code == 0
    plan = json.loads(run("--at", "2026-11-10T09:00", "restart", "plan", "--json").stdout)
    assert plan["earliest_restart"] == "2026-11-10T09:00:00+01:00"
    assert plan["conditions"] == ["credit 5.00 € is below the price 7.99 €: top up at least 2.99 €"]
    # up to 15 Jan: Restart 10 Nov, 10 Dec, 10 Jan against 15 Nov, 15 Dec, 15 Jan; 10 Feb comes next
    assert plan["charges_until"]["with_restart"] == plan["charges_until"]["without_restart"] == "23.97"
    assert all(ISO.match(item["at"]) for item in plan["renewals_now"] + plan["renewals_after"])
