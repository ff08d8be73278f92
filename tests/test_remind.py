"""``kenactl remind --all``: one line per thing due in the window, and nothing at all otherwise."""

import json
from datetime import date, time
from pathlib import Path

import pytest
from helpers import household, kena_line, tim_line

from kenactl import store
from kenactl.core.model import Profile
from kenactl.core.record import replace


def save(path: Path, profile: Profile) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(store.dumps(profile), encoding="utf-8")
    return path


@pytest.fixture
def quiet(profile_path: Path) -> Path:
    """One Kena line renewing on the 15th whose credit covers the renewal; no top-up date known."""
    return save(profile_path, Profile(lines={"main": kena_line(renewal_day=15)}, default_line="main"))


def test_nothing_due_prints_nothing(run, quiet):
    before = quiet.read_bytes()
    result = run("--at", "2027-03-01T09:00", "remind", "--all")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert json.loads(run("--at", "2027-03-01T09:00", "remind", "--all", "--json").stdout) == {"items": []}
    assert quiet.read_bytes() == before


def test_renewal_inside_the_window(run, quiet):
    result = run("--at", "2027-03-12T09:00", "remind", "--all")
    assert result.exit_code == 0
    assert result.stdout == ("main: renewal Mon 15 Mar 2027 00:00, Kena 5,99 Più 5.99 €: credit 20.00 € covers it\n")
    assert run("--at", "2027-03-11T23:59", "remind", "--all").stdout == ""  # 3 days and 1 minute ahead
    assert run("--at", "2027-03-11T23:59", "remind", "--all", "--within", "1w").stdout.startswith("main: renewal")
    assert run("--at", "2027-03-15T00:00", "remind", "--all").stdout == ""  # the moment itself has come


def test_renewal_in_the_repeated_autumn_hour_counts_by_real_time(run, profile_path):
    """25 Oct 2026 02:30 CEST (00:30 UTC) is 40 min before the window's end 02:10 CET (01:10 UTC)."""
    save(profile_path, Profile(lines={"main": kena_line(renewal_day=25, renewal_time=time(2, 30))},
                               default_line="main"))
    result = run("--at", "2026-10-22T03:10+02:00", "remind", "--all")  # + 3 × 24 h = 25 Oct 02:10 CET
    assert result.stdout == "main: renewal Sun 25 Oct 2026 02:30, Kena 5,99 Più 5.99 €: credit 20.00 € covers it\n"


def test_short_credit_gives_the_minimum_top_up(run, profile_path):
    profile = Profile(lines={"main": kena_line(renewal_day=15), "nonna": tim_line()}, default_line="main")
    save(profile_path, profile)
    result = run("--at", "2027-03-03T09:00", "remind", "--all")
    assert result.stdout == ("✗ nonna: renewal Fri 05 Mar 2027 00:00, TIM Smart 9.99 €: credit 4.50 €, "
                             "top up at least 5.49 €\n")
    items = json.loads(run("--at", "2027-03-03T09:00", "remind", "--all", "--json").stdout)["items"]
    assert items == [{"kind": "renewal", "line": "nonna", "due": "2027-03-05T00:00:00+01:00", "date": "2027-03-05",
                      "next_renewal": "2027-03-05", "next_renewal_at": "2027-03-05T00:00:00+01:00",
                      "text": result.stdout[2:-1], "topup": "5.49", "key": "renewal-nonna-2027-03"}]
    assert run("--at", "2027-03-03T09:00", "remind", "--all", "--line", "main").stdout == ""


def test_restart_becoming_available(run, profile_path):
    save(profile_path, household())
    result = run("--at", "2026-11-22T09:00", "remind", "--all")
    assert result.stdout == "main: Kena Restart available from Tue 24 Nov 2026 12:00\n"
    assert run("--at", "2026-11-20T09:00", "remind", "--all").stdout == ""


def test_sim_validity_is_reported_until_it_ends(run, profile_path):
    profile = Profile(lines={"main": kena_line(renewal_day=15, last_topup=date(2026, 5, 20))}, default_line="main")
    save(profile_path, profile)
    expected = ("! main: SIM validity ends Thu 20 May 2027, then receive-only until Sat 19 Jun 2027: "
                "top up any amount before then\n")
    assert run("--at", "2027-04-15T09:00", "remind", "--all").stdout == ""
    # the warning day (20 Apr) is 2 days off
    assert run("--at", "2027-04-18T09:00", "remind", "--all").stdout == expected
    assert run("--at", "2027-05-20T22:00", "remind", "--all").stdout == expected  # still valid, still worth saying
    assert run("--at", "2027-05-21T09:00", "remind", "--all").stdout == ""


def test_complaint_reply_deadline(run, profile_path):
    save(profile_path, household())
    result = run("--at", "2026-12-15T09:00", "remind", "--all", "--line", "main")
    assert result.stdout == ("! main: reply to complaint #1 (Giga non accreditati — 5 €) filed Mon 02 Nov 2026 "
                             "due by Thu 17 Dec 2026 (TIM ed. Dicembre 2022 §14)\n")
    answered = household()
    answered = replace(answered, complaints=(replace(answered.complaints[0], closed=date(2026, 12, 1)),))
    save(profile_path, answered)
    assert run("--at", "2026-12-15T09:00", "remind", "--all", "--line", "main").stdout == ""


def test_bad_window_and_unknown_line(run, quiet):
    bad = run("remind", "--all", "--within", "soon")
    assert bad.exit_code == 2 and bad.stdout == "" and "soon" in bad.stderr
    unknown = run("remind", "--all", "--line", "zio")
    assert unknown.exit_code == 2 and "unknown line 'zio'" in unknown.stderr


def test_iliad_validity_has_no_receive_only_period(run, profile_path):
    line = kena_line(renewal_day=15, last_topup=date(2026, 11, 1), operator="iliad", offer="Iliad Giga 150")
    save(profile_path, Profile(lines={"main": line}, default_line="main"))
    assert run("--at", "2027-10-10T09:00", "remind", "--all").stdout == (
        "! main: SIM validity ends Mon 01 Nov 2027: top up any amount before then\n")


def test_a_remind_with_nothing_new_leaves_the_state_unwritten(run, profile_path, monkeypatch):
    """The state is written when the deliveries change (or there is no file yet), not serialized again on every
    run to find that they did not; the export's memory, beside it, is neither read nor written."""
    from kenactl import state

    save(profile_path, Profile(lines={"main": kena_line(renewal_day=15, credit="1.00")}, default_line="main"))
    at = ("--at", "2027-03-14T09:00")
    assert run(*at, "export", "ics", "-o", str(profile_path.with_name("k.ics"))).exit_code == 0
    first = run(*at, "remind")
    assert first.exit_code == 0 and "main: renewal" in first.stdout
    path = Path(state.state_file(profile_path))
    before = path.read_bytes()
    assert json.loads(before)["calendar"] == {} and json.loads(before)["delivered"]["stdout"]
    calendar = Path(state.calendar_file(path))
    memory = calendar.read_bytes()
    assert json.loads(memory)["events"]
    monkeypatch.setattr(state, "read_calendar", lambda *args: pytest.fail("remind read the export's memory"))
    writes = []
    monkeypatch.setattr(state, "write", lambda *args: writes.append(args))
    again = run(*at, "remind")
    assert (again.exit_code, again.stdout, writes, path.read_bytes(), calendar.read_bytes()) == (0, "", [], before,
                                                                                                 memory)
    later = run("--at", "2027-04-14T09:00", "remind")  # the next month's renewal: a new delivery is recorded
    assert later.exit_code == 0 and "main: renewal" in later.stdout
    assert len(writes) == 1 and writes[0][1]["delivered"] != json.loads(before)["delivered"]


def test_a_remind_with_nothing_new_takes_no_lock(run, profile_path, monkeypatch):
    """A run with nothing to deliver reads the state (each write replaces it whole) and ends without waiting for
    the state's lock, which another remind or export may hold; one with something new still waits for it."""
    import fcntl
    import os

    from kenactl import state, writer

    save(profile_path, Profile(lines={"main": kena_line(renewal_day=15, credit="1.00")}, default_line="main"))
    assert "main: renewal" in run("--at", "2027-03-14T09:00", "remind").stdout
    path = Path(state.state_file(profile_path))
    before = path.read_bytes()
    monkeypatch.setattr(writer, "LOCK_TIMEOUT_SECONDS", 0.2)
    holder = os.open(f"{path}.lock", os.O_RDWR)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)  # another kenactl holding the state's lock
        again = run("--at", "2027-03-14T09:00", "remind")
        assert (again.exit_code, again.stdout, again.stderr, path.read_bytes()) == (0, "", "", before)
        assert json.loads(run("--at", "2027-03-14T09:00", "remind", "--json").stdout) == {"items": []}
        later = run("--at", "2027-04-14T09:00", "remind")  # a new renewal to record: it waits, then gives up
        assert later.exit_code == 2 and "is locked by another kenactl" in later.stderr
        assert path.read_bytes() == before
    finally:
        os.close(holder)
