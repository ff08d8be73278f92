"""status's household summary, what status shows beyond the numbers, line list's ledger state, the recent
pace, relative times and the layout at 80 and 40 columns."""

import json
import re

import pytest
from helpers import rome

from kenactl import render
from kenactl.views import relative_moment

TIM_ADD = ("line", "add", "nonna", "--operator", "tim", "--offer", "TIM Smart", "--price", "9.99",
           "--renewal-day", "5", "--data", "10GB", "--minutes", "500", "--sms", "unlimited", "--credit", "4.50")
CARD_ADD = ("line", "add", "papa", "--operator", "vodafone", "--offer", "Special", "--price", "7.00",
            "--renewal-day", "6", "--data", "50GB", "--minutes", "unlimited", "--sms", "100", "--credit", "0",
            "--payment", "card")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")


def ok(result):
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result


def status_json(run, at, *args):
    return json.loads(ok(run("--at", at, "status", "--json", *args)).stdout)


@pytest.fixture
def family(run, kena_profile):
    """main (Kena, renews on the 15th, 2.01 € after the renewal of 15 Nov), nonna (TIM, 4.50 €, renews on
    the 5th) and papa (paid by card)."""
    ok(run("--at", "2026-11-20T10:00", *TIM_ADD))
    ok(run("--at", "2026-11-20T10:00", *CARD_ADD))
    return kena_profile


# the household summary ----------------------------------------------------------------------------------------

def test_the_week_lists_the_top_up_due_tonight_and_not_the_one_due_later(run, family):
    data = status_json(run, "2026-12-04T22:00")
    assert data["household"] == {"monthly_total": "24.98", "actions": [
        {"line": "nonna", "kind": "topup", "amount": "5.49", "by": "2026-12-05T00:00:00+01:00"}]}
    text = ok(run("--at", "2026-12-04T22:00", "status")).stdout
    assert text.startswith("Household\n  Monthly total:  24.98 € for 3 lines\n"
                           "  ✗ Top up nonna 5.49 € by Sat 05 Dec 2026 00:00 (tonight at midnight, in 2 h).\n"
                           "main (default)\n")
    assert "papa" not in text.split("main (default)")[0]  # a card-paid line needs nothing


def test_a_suspended_offer_comes_first_then_the_top_ups_of_the_week(run, family):
    actions = status_json(run, "2026-12-10T10:00")["household"]["actions"]
    assert actions == [{"line": "nonna", "kind": "suspended", "amount": "5.49", "by": None},
                       {"line": "main", "kind": "topup", "amount": "5.98", "by": "2026-12-15T00:00:00+01:00"}]
    text = ok(run("--at", "2026-12-10T10:00", "status")).stdout
    assert "✗ Offer suspended on nonna since Sat 05 Dec 2026: top up 5.49 € to renew it.\n" in text
    assert "✗ Top up main 5.98 € by Tue 15 Dec 2026 00:00 (in 5 days).\n" in text


def test_nothing_to_do_and_no_summary_for_one_line(run, kena_profile):
    ok(run("--at", "2026-11-20T10:00", "credit", "set", "30"))
    assert status_json(run, "2026-11-22T10:00")["household"] == {"monthly_total": "7.99", "actions": []}
    assert "  Nothing to do this week.\n" in ok(run("--at", "2026-11-22T10:00", "status")).stdout
    selected = status_json(run, "2026-11-22T10:00", "--line", "main")
    assert "household" not in selected
    assert "Household" not in ok(run("--at", "2026-11-22T10:00", "status", "--line", "main")).stdout


def test_a_restart_possible_now_is_an_action_until_48_hours_before_the_renewal(run, kena_profile):
    ok(run("--at", "2026-11-20T10:00", "credit", "set", "20"))
    ok(run("--at", "2026-11-20T10:00", "usage", "set", "--data", "85GB"))
    data = status_json(run, "2026-11-22T10:00")
    assert data["household"]["actions"] == [
        {"line": "main", "kind": "restart", "amount": "7.99", "by": "2026-12-13T00:00:00+01:00"}]
    assert data["lines"][0]["restart_possible_until"] == "2026-12-13T00:00:00+01:00"
    text = ok(run("--at", "2026-11-22T10:00", "status")).stdout
    assert "Restart possible now on main (7.99 €), until Sun 13 Dec 2026 00:00.\n" in text
    assert "Restart possible now, until Sun 13 Dec 2026 00:00 (in 21 days): kenactl restart apply\n" in text
    assert status_json(run, "2026-12-13T00:00")["lines"][0]["restart_possible_until"] == "2026-12-13T00:00:00+01:00"
    assert status_json(run, "2026-12-13T00:01")["lines"][0]["restart_possible_until"] is None


def test_a_pending_offer_change_is_shown_and_blocks_the_restart(run, kena_profile):
    ok(run("--at", "2026-11-20T10:00", "credit", "set", "20"))
    ok(run("--at", "2026-11-20T10:00", "usage", "set", "--data", "85GB"))
    ok(run("--at", "2026-11-20T10:00", "line", "set", "--pending-offer-change"))
    data = status_json(run, "2026-11-22T10:00")
    assert data["household"]["actions"] == []
    assert (data["lines"][0]["offer_change_requested"], data["lines"][0]["restart_possible_until"]) == (True, None)
    text = ok(run("--at", "2026-11-22T10:00", "status")).stdout
    assert ("! An offer change request is pending: it blocks a Restart (clear it with: kenactl line set "
            "--no-pending-offer-change).\n") in text
    assert "Restart possible" not in text


def test_only_an_operator_offering_restart_gets_the_restart_action(run, profile_path):
    ok(run("--at", "2026-11-20T10:00", "init", *TIM_ADD[3:], "--line", "nonna", "--credit", "30"))
    ok(run("--at", "2026-11-20T10:00", "usage", "set", "--data", "9GB"))  # 90%: the Restart rules would pass
    assert status_json(run, "2026-11-22T10:00")["household"]["actions"] == []


def test_status_says_when_the_credit_was_entered(run, kena_profile):
    ok(run("--at", "2026-11-20T09:00", "credit", "set", "12"))
    text = ok(run("--at", "2026-11-22T10:00", "status")).stdout
    assert "  Credit: observed 12.00 € on Fri 20 Nov 2026 (entered 2 days ago).\n" in text


# line list -------------------------------------------------------------------------------------------------

def test_line_list_has_the_state_status_has(run, family):
    lines = json.loads(ok(run("--at", "2026-12-10T10:00", "line", "list", "--json")).stdout)["lines"]
    nonna = next(line for line in lines if line["name"] == "nonna")
    assert (nonna["state"], nonna["min_topup"], nonna["next_renewal"], nonna["next_renewal_at"]) == \
        ("suspended", "5.49", None, None)
    papa = next(line for line in lines if line["name"] == "papa")
    assert (papa["state"], papa["min_topup"]) == ("covered", "0.00")
    rows = ok(run("--at", "2026-12-10T10:00", "line", "list")).stdout.splitlines()
    assert rows[3].split() == ["nonna", "TIM", "TIM", "Smart", "9.99", "€", "4.50", "€", "at", "the", "top-up",
                               "suspended", "5.49", "€"]
    italian = ok(run("--lang", "it", "--at", "2026-12-10T10:00", "line", "list")).stdout
    assert "alla ricarica" in italian and "sospesa 5,49 €" in italian


# the recent pace and old readings ------------------------------------------------------------------------------

def test_the_projection_follows_the_readings_of_the_last_7_days(run, kena_profile):
    for moment, data in (("2026-11-16T00:00", "10GB"), ("2026-11-25T00:00", "20GB"), ("2026-11-28T00:00", "50GB")):
        ok(run("--at", moment, "usage", "set", "--data", data))
    usage = status_json(run, "2026-11-29T00:00")["lines"][0]["usage"]["data"]
    assert (usage["pace_basis"], usage["pace_per_day"]) == ("recent", 10000.0)  # 30 GB in 3 days, not 50 GB in 13
    assert usage["runs_out_at"] == "2026-12-03T00:00:00+01:00"
    text = ok(run("--at", "2026-11-29T00:00", "status")).stdout
    assert "! At the pace of the last 7 days the data runs out on Thu 03 Dec 2026 00:00, before the renewal.\n" in text


def test_with_one_recent_reading_the_pace_is_the_average_since_the_period_began(run, kena_profile):
    ok(run("--at", "2026-11-16T00:00", "usage", "set", "--data", "10GB"))
    ok(run("--at", "2026-11-25T00:00", "usage", "set", "--data", "50GB"))
    usage = status_json(run, "2026-11-26T00:00")["lines"][0]["usage"]["data"]
    assert (usage["pace_basis"], usage["pace_per_day"]) == ("period", 5000.0)  # 50 GB in the 10 days since 15 Nov
    text = ok(run("--at", "2026-11-26T00:00", "status")).stdout
    assert "! At the average pace since Sun 15 Nov 2026 the data runs out on Sat 05 Dec 2026 00:00, before" in text


def test_a_reading_older_than_3_days_is_flagged(run, kena_profile):
    ok(run("--at", "2026-11-20T10:00", "usage", "set", "--data", "10GB"))
    assert status_json(run, "2026-11-23T10:00")["lines"][0]["usage_outdated"] is False
    line = status_json(run, "2026-11-23T10:01")["lines"][0]
    assert line["usage_outdated"] is True and line["usage"]["data"]["reading_stale"] is False
    text = ok(run("--at", "2026-11-23T10:01", "status")).stdout
    assert ("! Usage as of Fri 20 Nov 2026 10:00 (3 days ago): an old reading; record the current usage: "
            "kenactl usage set --data …\n") in text


# relative times --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("now", "moment", "shown"), [
    (rome(2026, 12, 4, 22, 0), rome(2026, 12, 5, 0, 0), "tonight at midnight, in 2 h"),
    (rome(2026, 12, 4, 10, 0), rome(2026, 12, 4, 15, 0), "today, in 5 h"),
    (rome(2026, 12, 4, 10, 0), rome(2026, 12, 4, 20, 30), "tonight, in 10 h"),
    (rome(2026, 12, 4, 10, 0), rome(2026, 12, 4, 10, 30), "today, in 30 min"),
    (rome(2026, 12, 4, 22, 0), rome(2026, 12, 5, 9, 0), "tomorrow, in 11 h"),
    (rome(2026, 12, 3, 22, 0), rome(2026, 12, 5, 0, 0), "tomorrow at midnight"),
    (rome(2026, 12, 4, 10, 0), rome(2026, 12, 5, 12, 0), "tomorrow"),
    (rome(2026, 12, 4, 10, 0), rome(2026, 12, 7, 12, 0), "in 3 days"),
    (rome(2026, 3, 29, 1, 0), rome(2026, 3, 29, 5, 0), "today, in 3 h"),  # the clocks go forward at 02:00
    (rome(2026, 12, 4, 10, 0), rome(2026, 12, 4, 8, 0), "2 h ago"),
    (rome(2026, 12, 4, 10, 0), rome(2026, 12, 3, 8, 0), "yesterday"),
    (rome(2026, 12, 4, 10, 0), rome(2026, 11, 29, 12, 0), "5 days ago"),
])
def test_relative_moments(now, moment, shown):
    assert relative_moment(moment, now) == shown


def test_relative_moments_in_italian(italian_language):
    assert relative_moment(rome(2026, 12, 5, 0, 0), rome(2026, 12, 4, 22, 0)) == "stanotte a mezzanotte, tra 2 h"
    assert relative_moment(rome(2026, 12, 1, 0, 0), rome(2026, 12, 4, 22, 0)) == "3 giorni fa"


@pytest.fixture
def italian_language():
    from kenactl import i18n

    i18n.set_language("it")
    yield
    i18n.set_language("en")


# the layout at 80 and 40 columns ------------------------------------------------------------------------------

@pytest.fixture
def terminal(monkeypatch):
    """Draw with rich as on a terminal (FORCE_COLOR: rich's terminal mode)."""
    monkeypatch.setattr(render, "use_rich", lambda: True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.mark.parametrize("width", [80, 40])
def test_status_on_a_terminal_fits_its_width(run, terminal, monkeypatch, width):
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", str(width))
    out = ANSI.sub("", ok(run("--at", "2027-01-20T10:00", "status", "--demo")).stdout)
    assert "╭─ Household" in out and "╭─ main (default)" in out
    assert max(cell_len(line) for line in out.splitlines()) == width
    assert "to last" in out and "to /" not in out  # the daily budget is never split inside its words
    if width == 40:  # compact: each field on one line with its label, the bar's texts below it
        assert "│ Price: 7.99 € / month" in out
        assert re.search(r"│   82\.3%  123\.49 GB of 150 GB +│", out)


def test_piped_status_at_40_columns_is_compact(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    out = ok(run("--at", "2027-01-20T10:00", "status", "--demo")).stdout
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "  Price: 7.99 € / month\n" in out
    assert "  data [########..]\n    82.3%  123.49 GB of 150 GB\n    2.5 GB/day to last\n" in out


def test_piped_status_at_80_columns_keeps_rows_within_80(run, monkeypatch):
    out = ok(run("--at", "2027-01-20T10:00", "status", "--demo")).stdout
    rows = [line for line in out.splitlines() if not re.match(r" *(! |✗ |Usage|Credit:|Restart|No usage)", line)]
    assert max(len(line) for line in rows) <= 80
    assert "  data     [################....]  82.3%  123.49 GB of 150 GB\n" + " " * 35 + "2.5 GB/day to last\n" in out


def test_user_text_stays_literal_in_the_compact_layout(run, kena_profile, terminal, monkeypatch):
    markup = "Kena [red]rosso[/red] [bold"
    ok(run("--at", "2026-11-20T10:00", "line", "set", "--offer", markup))
    monkeypatch.setenv("COLUMNS", "40")
    out = ANSI.sub("", ok(run("--at", "2026-11-20T10:00", "status")).stdout)
    assert "Kena [red]rosso[/red]" in out and "[bold" in out
