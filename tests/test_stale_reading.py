"""A run-out projection is never a moment in the past: an old reading is said to be stale instead."""

import json
from datetime import timedelta
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kenactl.core import consumption, dates
from kenactl.core.model import Allowances, Line, Profile, UsageSample
from kenactl.core.status import line_status

START = dates.parse_moment("2026-11-15T00:00")  # the period runs 15 Nov → 15 Dec


def reading(at: str, data: int) -> Line:
    return Line(name="main", operator="kena", offer="Kena 7.99", price=Decimal("7.99"), renewal_day=15,
                included=Allowances(data=100_000, minutes=None, sms=100), credit=Decimal("10.00"),
                usage=(UsageSample(at=dates.parse_moment(at), data=data),))


def data_status(line: Line, now: str):
    moment = dates.parse_moment(now)
    return line_status(Profile(lines={"main": line}, default_line="main"), line, moment).allowances[0]


def test_run_out_at_the_boundary_of_now():
    line = reading("2026-11-20T00:00", 50_000)  # 10 GB a day: 100 GB on 25 Nov 00:00
    runs_out = dates.parse_moment("2026-11-25T00:00")
    assert consumption.run_out(line, runs_out, "data", dates.parse_moment("2026-12-15T00:00")) == (runs_out, False)
    late = dates.add_elapsed(runs_out, timedelta(seconds=1))
    assert consumption.run_out(line, late, "data", dates.parse_moment("2026-12-15T00:00")) == (None, True)
    fresh = data_status(line, "2026-11-21T09:00")
    assert fresh.runs_out_at == runs_out and not fresh.reading_stale
    stale = data_status(line, "2026-11-26T09:00")
    assert stale.runs_out_at is None and stale.reading_stale and stale.remaining == 50_000


def test_no_stale_flag_when_used_up_unlimited_or_after_the_renewal():
    assert not data_status(reading("2026-11-20T00:00", 100_000), "2026-12-01T09:00").reading_stale  # used up
    slow = reading("2026-11-25T00:00", 10_000)  # 1 GB a day: runs out after the renewal
    assert data_status(slow, "2026-12-10T09:00").runs_out_at is None
    assert not data_status(slow, "2026-12-10T09:00").reading_stale
    line = reading("2026-11-20T00:00", 50_000)
    minutes = line_status(Profile(lines={"main": line}, default_line="main"), line,
                          dates.parse_moment("2026-11-26T09:00")).allowances[1]
    assert minutes.included is None and not minutes.reading_stale


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=29 * 24), st.integers(min_value=1, max_value=99_999),
       st.integers(min_value=0, max_value=29 * 24))
def test_runs_out_at_is_never_before_now(hours_in, used, hours_later):
    at = dates.add_elapsed(START, timedelta(hours=hours_in))
    line = reading(dates.isoformat(at), used)
    now = dates.add_elapsed(at, timedelta(hours=hours_later))
    assume(dates.instant(now) < dates.instant(dates.parse_moment("2026-12-15T00:00")))
    item = line_status(Profile(lines={"main": line}, default_line="main"), line, now).allowances[0]
    projected = consumption.projected_moment(line, now, "data", Decimal(100_000))
    assert item.runs_out_at is None or dates.instant(item.runs_out_at) >= dates.instant(now)
    in_period = projected is not None and dates.instant(projected) < dates.instant(dates.parse_moment("2026-12-15"))
    assert item.reading_stale == (in_period and dates.instant(projected) < dates.instant(now))


def test_status_says_the_reading_is_stale(run, kena_profile):
    assert run("--at", "2026-11-20T00:00", "usage", "set", "--data", "50GB").exit_code == 0
    fresh = json.loads(run("--at", "2026-11-21T09:00", "status", "--json").stdout)["lines"][0]["usage"]["data"]
    assert fresh["runs_out_at"] == "2026-11-25T00:00:00+01:00" and fresh["reading_stale"] is False
    data = json.loads(run("--at", "2026-11-26T09:00", "status", "--json").stdout)["lines"][0]["usage"]["data"]
    assert data["runs_out_at"] is None and data["reading_stale"] is True
    text = run("--at", "2026-11-26T09:00", "status").stdout
    assert "runs out on" not in text
    assert ("The data reading of Fri 20 Nov 2026 00:00 is stale: at that pace the data would have run out by now. "
            "Record the current usage: kenactl usage set --data …") in " ".join(text.split())
    italian = run("--lang", "it", "--at", "2026-11-26T09:00", "status").stdout
    assert "La lettura dei dati del ven 20 novembre 2026 00:00 non è aggiornata" in " ".join(italian.split())


def test_restart_plan_never_projects_80_percent_into_the_past(run, kena_profile):
    assert run("--at", "2026-11-20T00:00", "usage", "set", "--data", "50GB").exit_code == 0  # 10 GB a day
    fresh = json.loads(run("--at", "2026-11-22T09:00", "restart", "plan", "--json").stdout)
    data = [item for item in fresh["allowances"] if item["kind"] == "data"]
    assert [(item["state"], item["reaches_80_at"]) for item in data] == [("projected", "2026-11-23T00:00:00+01:00")]
    assert fresh["earliest_restart"] == "2026-11-23T00:00:00+01:00"
    stale = json.loads(run("--at", "2026-11-24T09:00", "restart", "plan", "--json").stdout)
    data = [item for item in stale["allowances"] if item["kind"] == "data"]
    assert [(item["state"], item["reaches_80_at"]) for item in data] == [("reading_stale", None)]
    assert stale["earliest_restart"] is None and stale["why_not"].startswith("the latest usage reading is stale")
    text = " ".join(run("--at", "2026-11-24T09:00", "restart", "plan").stdout.split())
    assert "reading stale" in text and "No Restart before the renewal: the latest usage reading is stale" in text
