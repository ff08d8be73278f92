"""``remind`` delivers each reminder once per threshold: simulated cron runs, late catch-up, urgent states."""

import json
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from helpers import household, kena_line, rome, tim_line

from kenactl import state, store
from kenactl.core import delivery
from kenactl.core.model import Profile
from kenactl.core.record import replace

ALARMS = ("7d", "2d", "0d")


def save(path: Path, profile: Profile) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(store.dumps(profile), encoding="utf-8")
    return path


def two_lines() -> Profile:
    """main (Kena, renews on the 15th at 00:00, credit covers it) and nonna (TIM, 5th, credit short)."""
    return Profile(lines={"main": kena_line(renewal_day=15), "nonna": tim_line()}, default_line="main",
                   alarms=ALARMS)


def test_alarm_day_is_never_on_or_after_the_deadline():
    midnight = rome(2027, 3, 15, 0, 0)
    assert [delivery.alarm_day(midnight, days) for days in (7, 2, 1, 0)] == [
        date(2027, 3, 8), date(2027, 3, 13), date(2027, 3, 14), date(2027, 3, 14)]
    assert delivery.alarm_day(rome(2027, 3, 15, 10, 0), 0) == date(2027, 3, 15)  # 09:00 is before 10:00
    assert delivery.alarm_day(rome(2027, 3, 15, 2, 30), 0) == date(2027, 3, 14)


def test_cron_every_ten_minutes_for_a_month_delivers_each_threshold_once():
    """The core as cron drives it: every 10 minutes from 20 Feb to 1 Apr 2027, recording what was delivered."""
    profile, delivered, log = two_lines(), set(), []
    days = (7, 2, 0)
    now = rome(2027, 2, 20, 0, 5)
    while now < rome(2027, 4, 1):
        items = delivery.reminder_items(profile, now, delivery.lookahead(days))
        for found in delivery.pending(items, delivered, now, days):
            delivered.update(found.keys)
            log.append((now, found))
        now += timedelta(minutes=10)
    regular = [(found.item.line, found.item.period, found.stage, now.date()) for now, found in log
               if not found.urgent]
    assert regular == [
        ("nonna", "2027-03", "7d", date(2027, 2, 26)), ("nonna", "2027-03", "2d", date(2027, 3, 3)),
        ("main", "2027-03", "7d", date(2027, 3, 8)), ("main", "2027-03", "2d", date(2027, 3, 13)),
        ("main", "2027-03", "0d", date(2027, 3, 14)),
        ("nonna", "2027-04", "7d", date(2027, 3, 29))]
    urgent = [(found.item.line, found.item.period, now.date()) for now, found in log if found.urgent]
    assert urgent == [("nonna", "2027-03", date(2027, 3, 4))]  # within 24 h of the 5th 00:00; it covers 0d
    assert not any(found.late for _, found in log)
    assert all(now.time() == datetime(2000, 1, 1, 0, 5).time() for now, _ in log)  # at the first run of the day


def test_cron_every_ten_minutes_through_the_cli_prints_each_threshold_once(run, profile_path):
    """``kenactl --at … remind`` every 10 minutes from 27 Nov to 6 Dec 2026: output only when a threshold opens."""
    save(profile_path, replace(household(), alarms=ALARMS))
    printed = []
    now = rome(2026, 11, 27, 0, 0)
    while now < rome(2026, 12, 6):
        result = run("--at", now.isoformat(), "remind", "--line", "nonna")
        assert result.exit_code == 0 and result.stderr == ""
        printed.extend((now, line) for line in result.stdout.splitlines())
        now += timedelta(minutes=10)
    renewal = "✗ nonna: renewal Sat 05 Dec 2026 00:00, TIM Smart 9.99 €: credit 4.50 €, top up at least 5.49 €"
    assert printed == [(rome(2026, 11, 28, 0, 0), renewal),  # 7d
                       (rome(2026, 12, 3, 0, 0), renewal),  # 2d
                       (rome(2026, 12, 4, 0, 0), renewal)]  # urgent (within 24 h), covering 0d


def test_daily_cron_with_a_three_day_gap_delivers_the_missed_ones_once_marked_late(run, profile_path):
    save(profile_path, two_lines())
    outputs = {}
    for offset in range(25):
        day = date(2027, 2, 25) + timedelta(days=offset)
        if date(2027, 3, 7) <= day <= date(2027, 3, 9):  # the laptop was off: main's 7d (8 Mar) is missed
            continue
        result = run("--at", f"{day.isoformat()}T08:00", "remind", "--json")
        assert result.exit_code == 0, result.output
        outputs[day.day] = [(item["line"], item["stage"], item["late"]) for item in json.loads(result.stdout)["items"]]
    assert outputs[10] == [("main", "7d", True)]
    assert run("--at", "2027-03-10T08:00", "remind").stdout == ""  # once
    delivered = Counter((line, stage) for items in outputs.values() for line, stage, _ in items)
    assert delivered == Counter({("nonna", "7d"): 1, ("nonna", "2d"): 1, ("nonna", "urgent"): 1, ("main", "7d"): 1,
                                 ("main", "2d"): 1, ("main", "0d"): 1})
    assert outputs[4] == [("nonna", "urgent", False)]  # the urgent delivery covers 0d of the same day


def test_late_text_names_the_day_it_was_meant_for(run, profile_path):
    save(profile_path, two_lines())
    result = run("--at", "2027-03-10T08:00", "remind")
    assert result.stdout == ("main: renewal Mon 15 Mar 2027 00:00, Kena 5,99 Più 5.99 €: credit 20.00 € covers it "
                             "(late: meant for Mon 08 Mar 2027)\n")


def test_nothing_to_deliver_prints_nothing_and_the_profile_is_never_written(run, profile_path):
    save(profile_path, two_lines())
    before = profile_path.read_bytes()
    assert run("--at", "2027-03-03T08:00", "remind").stdout.startswith("✗ nonna")
    again = run("--at", "2027-03-03T18:00", "remind")
    assert (again.exit_code, again.stdout, again.stderr) == (0, "", "")
    assert profile_path.read_bytes() == before
    path = state.state_path(profile_path)
    assert path.is_file() and path.stat().st_mode & 0o777 == 0o600
    assert not str(path).startswith(str(profile_path.parent))  # the state folder, not beside the profile


def test_dry_run_and_all_record_nothing(run, profile_path):
    save(profile_path, two_lines())
    dry = run("--at", "2027-03-03T08:00", "remind", "--dry-run")
    assert dry.stdout.startswith("✗ nonna: renewal Fri 05 Mar 2027")
    assert run("--at", "2027-03-03T08:00", "remind", "--all").stdout == dry.stdout
    assert run("--at", "2027-03-03T08:00", "remind", "--dry-run").stdout == dry.stdout
    assert run("--at", "2027-03-03T08:00", "remind").stdout == dry.stdout  # still undelivered until now
    assert run("--at", "2027-03-03T08:00", "remind", "--dry-run").stdout == ""
    assert run("--at", "2027-03-03T08:00", "remind", "--all").stdout == dry.stdout  # --all ignores the state


def test_overdue_complaint_repeats_daily_with_what_is_owed(run, profile_path):
    save(profile_path, replace(household(), alarms=ALARMS))
    texts = {}
    for day in (17, 18, 19, 28):
        stdout = run("--at", f"2026-12-{day}T08:00", "remind", "--line", "main").stdout
        texts[day] = [line for line in stdout.splitlines() if "complaint" in line]
        assert run("--at", f"2026-12-{day}T20:00", "remind", "--line", "main").stdout == ""  # once a day
    assert texts[17] == ["! main: reply to complaint #1 (Giga non accreditati — 5 €) filed Mon 02 Nov 2026 due by "
                         "Thu 17 Dec 2026 (TIM ed. Dicembre 2022 §14)"]  # 0d: the last day for the reply
    assert texts[18] == ["✗ main: reply to complaint #1 filed Mon 02 Nov 2026 is late (due by Thu 17 Dec 2026): "
                         "0.00 € owed so far, 2.00 € more from Wed 23 Dec 2026 (TIM ed. Dicembre 2022 §14)"]
    assert texts[19] == texts[18]
    assert "2.00 € owed so far, 2.00 € more from" in texts[28][0]
    closed = household()
    closed = replace(closed, alarms=ALARMS,
                     complaints=(replace(closed.complaints[0], closed=date(2026, 12, 28)),))
    save(profile_path, closed)
    assert "complaint" not in run("--at", "2026-12-29T08:00", "remind", "--line", "main").stdout


def test_an_item_marked_urgent_repeats_once_a_day_until_it_is_gone():
    """How other parts of the core (a suspended offer) get daily reminders: ``Item.urgent``."""
    profile = two_lines()
    base = delivery.reminder_items(profile, rome(2027, 3, 10, 8), timedelta(days=7), "main")[0]
    item = replace(base, urgent=True)
    delivered, days = set(), []
    for hours in range(0, 5 * 24, 6):
        now = rome(2027, 3, 10, 0) + timedelta(hours=hours)
        for found in delivery.pending([item], delivered, now, (2,)):
            delivered.update(found.keys)
            days.append((now.date(), found.stage))
    assert days == [(date(2027, 3, 10) + timedelta(days=n), "urgent") for n in range(5)]


def test_a_moved_renewal_is_a_new_reminder(run, profile_path):
    save(profile_path, two_lines())
    assert "Mon 15 Mar" in run("--at", "2027-03-13T08:00", "remind", "--line", "main").stdout
    assert run("--at", "2027-03-13T09:00", "line", "set", "--line", "main", "--renewal-day", "16").exit_code == 0
    assert "Tue 16 Mar" in run("--at", "2027-03-14T08:00", "remind", "--line", "main").stdout


def test_within_limits_what_is_delivered_and_a_damaged_state_file_is_exit_2(run, profile_path):
    save(profile_path, two_lines())  # nonna (TIM) renews on 5 March, short of credit; main on 15 March
    near = run("--at", "2027-03-03T08:00", "remind", "--within", "3d")
    assert near.exit_code == 0 and "nonna" in near.stdout and "main" not in near.stdout
    assert run("--at", "2027-03-03T09:00", "remind", "--within", "3d").stdout == ""  # delivered once
    path = state.state_path(profile_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    damaged = run("--at", "2027-03-03T08:00", "remind")
    assert damaged.exit_code == 2 and damaged.stdout == "" and "is damaged" in damaged.stderr
    assert path.read_text(encoding="utf-8") == "{not json"


@pytest.mark.parametrize("text", ["", "[" * 5000 + "]" * 5000, '{"version": 1, "delivered": {}, "calendar": {}} x',
                                  "9" * 5000, '{"version": 1, "delivered": {"stdout": "\x01"}, "calendar": {}}'])
def test_a_hostile_state_file_is_damaged_exit_2_and_left_alone(run, profile_path, text):
    save(profile_path, two_lines())
    path = state.state_path(profile_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    damaged = run("--at", "2027-03-03T08:00", "remind")
    assert damaged.exit_code == 2 and damaged.stdout == "" and damaged.stderr.count("\n") == 1
    assert "is damaged" in damaged.stderr and path.read_text(encoding="utf-8") == text


def test_state_file_location_follows_the_environment(run, profile_path, tmp_path, monkeypatch):
    chosen = tmp_path / "elsewhere" / "state.json"
    monkeypatch.setenv("KENACTL_STATE", str(chosen))
    save(profile_path, two_lines())
    assert run("--at", "2027-03-03T08:00", "remind").stdout
    received = json.loads(chosen.read_text(encoding="utf-8"))["delivered"]["stdout"]
    assert sorted(received) == ["renewal-nonna-2027-03@2027-03-05T00:00:00+01:00/2d"]


def test_a_suspended_offer_is_delivered_once_a_day_until_a_top_up_renews_it(run):
    """The ledger's waiting offer (TIM: 4.50 € left, 9.99 €, renewal on the 5th) is urgent: once per day."""
    init = ("init", "--operator", "tim", "--offer", "TIM Go", "--price", "9.99", "--renewal-day", "5", "--data",
            "10GB", "--minutes", "unlimited", "--sms", "100", "--credit", "4.50")
    assert run("--at", "2027-03-06T08:00", *init).exit_code == 0  # created after the 5 March renewal
    assert run("--at", "2027-03-06T09:00", "credit", "set", "4.50").exit_code == 0
    assert run("--at", "2027-04-05T08:00", "status", "--json").exit_code == 0
    first = run("--at", "2027-04-05T09:00", "remind")
    assert first.exit_code == 0 and "main: TIM Go suspended since Mon 05 Apr 2027 00:00: top up 5.49 €" in first.stdout
    assert run("--at", "2027-04-05T18:00", "remind").stdout == ""  # once that day
    again = run("--at", "2027-04-06T09:00", "remind")
    assert "suspended since Mon 05 Apr 2027 00:00" in again.stdout  # and again the next day
    assert run("--at", "2027-04-06T10:00", "credit", "topup", "10").exit_code == 0  # renews the offer now
    assert "suspended" not in run("--at", "2027-04-07T09:00", "remind").stdout
