"""``kenactl export ics`` through the CLI: stdout, -o FILE, unchanged files, errors, golden file."""

import gc
import os
import stat
from pathlib import Path

import pytest
import vobject
from helpers import save_household
from icalendar import Calendar

GOLDEN = Path(__file__).parent / "golden" / "household.ics"
AT = ("--at", "2026-11-21T09:00")


@pytest.fixture
def saved(profile_path: Path) -> Path:
    """The representative household (with a known last top-up) written as the profile."""
    return save_household(profile_path)


def test_golden_file(run, saved):
    """The export of the representative profile, byte for byte. Regenerate deliberately with
    KENACTL_UPDATE_GOLDEN=1 and review the diff."""
    result = run(*AT, "export", "ics", "--months", "4")
    assert result.exit_code == 0, result.stderr
    data = result.stdout_bytes
    if os.environ.get("KENACTL_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(data)
    assert data == GOLDEN.read_bytes()


def test_stdout_and_dash_are_the_same_and_valid(run, saved):
    plain = run(*AT, "export", "ics").stdout_bytes
    assert run(*AT, "export", "ics", "-o", "-").stdout_bytes == plain
    assert plain.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    calendar = vobject.readOne(plain.decode("utf-8"), validate=True)
    renewals = [e for e in calendar.vevent_list if e.categories.value == ["RENEWAL"] and "status" in e.contents
                and e.status.value == "CONFIRMED"]
    assert len(renewals) == 24  # 12 months of two lines


def test_output_file_is_written_silently_and_left_alone_when_unchanged(run, saved, tmp_path):
    target = tmp_path / "calendars" / "kenactl.ics"
    target.parent.mkdir()
    result = run(*AT, "export", "ics", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_bytes() == run(*AT, "export", "ics").stdout_bytes
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    os.utime(target, (1_000_000_000, 1_000_000_000))
    inode = target.stat().st_ino
    again = run("--at", "2026-11-22T23:00", "export", "ics", "-o", str(target))  # a day later, same data
    assert (again.exit_code, again.stdout, again.stderr) == (0, "", "")
    assert target.stat().st_mtime == 1_000_000_000 and target.stat().st_ino == inode
    verbose = run(*AT, "export", "ics", "-o", str(target), "-v")
    assert verbose.stdout == "" and verbose.stderr.startswith(f"unchanged: {target} (")
    assert sorted(path.name for path in target.parent.iterdir()) == ["kenactl.ics"]  # no temporary files left


def test_output_file_is_replaced_when_the_data_changes(run, saved, tmp_path):
    target = tmp_path / "kenactl.ics"
    run(*AT, "export", "ics", "-o", str(target))
    os.utime(target, (1_000_000_000, 1_000_000_000))
    target.chmod(0o600)
    assert run(*AT, "credit", "topup", "--line", "nonna", "10").exit_code == 0
    result = run(*AT, "export", "ics", "-o", str(target), "-v")
    assert result.exit_code == 0 and result.stderr.startswith(f"wrote {target} (")
    assert target.stat().st_mtime != 1_000_000_000
    topup = [event for event in Calendar.from_ical(target.read_bytes()).walk("VEVENT")
             if str(event["UID"]).startswith("topup-nonna")]  # 14.50 € now covers 9.99 €: the event is cancelled
    assert [(str(event["STATUS"]), int(event["SEQUENCE"])) for event in topup] == [("CANCELLED", 1)]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # the user's permissions are kept


def test_export_reads_the_profile_only(run, saved, tmp_path):
    before = saved.read_bytes()
    os.utime(saved, (1_000_000_000, 1_000_000_000))
    assert run(*AT, "export", "ics", "-o", str(tmp_path / "out.ics")).exit_code == 0
    assert saved.read_bytes() == before and saved.stat().st_mtime == 1_000_000_000
    assert not Path(f"{saved}.bak").exists()


@pytest.mark.parametrize("where", ["dir", "missing-folder"])
def test_bad_output_path_is_one_line_and_exit_2(run, saved, tmp_path, where):
    target = tmp_path if where == "dir" else tmp_path / "nope" / "kenactl.ics"
    before = saved.read_bytes()
    result = run(*AT, "export", "ics", "-o", str(target))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kenactl: ")
    assert str(target) in result.stderr
    assert saved.read_bytes() == before


def test_alarm_options_and_profile_alarms(run, saved):
    several = run(*AT, "export", "ics", "--months", "1", "--line", "main", "--alarm", "3d", "--alarm", "1d")
    assert b"TRIGGER:-P2DT15H\r\n" in several.stdout_bytes and b"TRIGGER:-PT15H\r\n" in several.stdout_bytes
    assert b"TRIGGER:-P1DT15H" not in several.stdout_bytes
    text = saved.read_text(encoding="utf-8").replace('alarms = [\n    "2d",\n]', 'alarms = [\n    "1w",\n]')
    saved.write_text(text, encoding="utf-8")
    weekly = run(*AT, "export", "ics", "--months", "1", "--line", "main")
    assert b"TRIGGER:-P6DT15H\r\n" in weekly.stdout_bytes
    bad = run(*AT, "export", "ics", "--alarm", "12h")
    assert bad.exit_code == 2 and "whole number of days" in bad.stderr and bad.stdout == ""


def test_profile_alarms_that_are_not_whole_days_are_refused_when_the_profile_is_read(run, saved):
    text = saved.read_text(encoding="utf-8").replace('alarms = [\n    "2d",\n]', 'alarms = [\n    "5h",\n]')
    saved.write_text(text, encoding="utf-8")
    for args in (("profile", "validate"), ("export", "ics")):
        result = run(*AT, *args)
        assert result.exit_code == 2 and "alarms[0]: '5h' is not a whole number of days" in result.stderr


def test_line_filter_and_unknown_line(run, saved):
    only = run(*AT, "export", "ics", "--line", "nonna").stdout_bytes
    assert b"-nonna-" in only and b"-main-" not in only
    unknown = run(*AT, "export", "ics", "--line", "zio")
    assert unknown.exit_code == 2 and "unknown line 'zio'" in unknown.stderr


def test_no_profile_is_exit_2(run):
    result = run("export", "ics")
    assert result.exit_code == 2 and result.stdout == "" and "no profile" in result.stderr


def test_the_collectors_threshold_returns_and_only_a_frozen_process_freezes_more(run, saved):
    """In-process nothing is frozen; in the executable (``entry.main`` froze its modules) what the export leaves
    behind (modules, built operators) is frozen with them."""
    threshold = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    assert run(*AT, "export", "ics").exit_code == 0
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert run(*AT, "export", "ics").exit_code == 0
        assert gc.get_threshold() == threshold and gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
