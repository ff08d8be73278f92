"""The calendar never keeps stale events: re-exports after a top-up, a rename, a removal, a renewal-day change
and in the repeated autumn hour, read back by icalendar, vobject, ical and recurring-ical-events."""

import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
import vobject
from helpers import household, kena_line, restarted, rome, save_household
from ical.calendar_stream import IcsCalendarStream

from kenactl import state, store
from kenactl.core.model import Profile
from kenactl.core.record import replace

AT = ("--at", "2026-11-21T09:00")


@pytest.fixture
def saved(profile_path: Path) -> Path:
    return save_household(profile_path)


def export(run, *args: str, options: tuple[str, ...] = ()) -> bytes:
    result = run(*args, "export", "ics", *options)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def events(data: bytes) -> dict[str, icalendar.Event]:
    """The VEVENTs by UID, after checking that all four parsers read the file."""
    calendar = icalendar.Calendar.from_ical(data)
    found = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT"))  # every UID once
    assert {event.uid.value for event in vobject.readOne(data.decode("utf-8"), validate=True).vevent_list} == set(found)
    assert {event.uid for event in IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events} == set(found)
    expanded = recurring_ical_events.of(calendar, skip_bad_series=True).between(date(2026, 1, 1), date(2029, 1, 1))
    assert {str(event["UID"]) for event in expanded} <= set(found)
    return found


def status(event) -> tuple[str, int]:
    return str(event["STATUS"]), int(event["SEQUENCE"])


def stamp(event) -> datetime:
    return event["DTSTAMP"].dt


def test_topup_cancels_the_topup_event_and_raises_the_renewals_sequence(run, saved):
    before = events(export(run, *AT))
    assert status(before["topup-nonna-2026-12@kenactl"]) == ("CONFIRMED", 0)
    assert run(*AT, "credit", "topup", "--line", "nonna", "10").exit_code == 0
    after = events(export(run, *AT))
    assert status(after["topup-nonna-2026-12@kenactl"]) == ("CANCELLED", 1)
    assert status(after["renewal-nonna-2026-12@kenactl"]) == ("CONFIRMED", 1)  # "(credit short)" left its summary
    assert status(after["renewal-main-2026-12@kenactl"]) == status(before["renewal-main-2026-12@kenactl"])
    assert all(stamp(event) >= stamp(before["renewal-main-2026-12@kenactl"]) for event in after.values())
    assert events(export(run, *AT)) == after  # stable: the same bytes again


def test_rename_cancels_every_event_of_the_old_name(run, saved):
    before = events(export(run, *AT))
    assert run(*AT, "line", "rename", "nonna", "zia").exit_code == 0
    after = events(export(run, *AT))
    old = [uid for uid in before if "-nonna-" in uid]
    assert old and all(status(after[uid]) == ("CANCELLED", int(before[uid]["SEQUENCE"]) + 1) for uid in old)
    assert {uid.replace("-zia-", "-nonna-") for uid in after if "-zia-" in uid} == set(old)
    assert all(status(after[uid])[0] == "CONFIRMED" for uid in after if "-zia-" in uid)


def test_removed_line_stays_cancelled_for_90_days_after_each_event_then_goes(run, saved):
    before = events(export(run, *AT))
    assert run(*AT, "line", "remove", "nonna").exit_code == 0
    after = events(export(run, *AT))
    old = sorted(uid for uid in before if "-nonna-" in uid)
    assert [status(after[uid])[0] for uid in old] == ["CANCELLED"] * len(old)
    last = max(after[uid]["DTSTART"].dt for uid in old)  # the twelfth renewal, in November 2027
    still = events(export(run, "--at", (last + timedelta(days=89)).isoformat()))
    assert f"renewal-nonna-{last.year}-{last.month:02d}@kenactl" in still
    gone = events(export(run, "--at", (last + timedelta(days=92)).isoformat()))
    assert not [uid for uid in gone if "-nonna-" in uid]
    memory = state.read_calendar(state.state_path(saved))["events"]
    assert not [uid for uid in memory if "-nonna-" in uid]


def test_renewal_day_change_moves_renewals_with_a_higher_sequence_and_cancels_the_one_moved_away(run, saved):
    before = events(export(run, *AT))
    assert before["renewal-main-2026-12@kenactl"]["DTSTART"].dt == date(2026, 12, 10)
    at = ("--at", "2026-12-06T09:00")
    assert run(*at, "line", "set", "--line", "main", "--renewal-day", "5").exit_code == 0
    after = events(export(run, *at))
    assert status(after["renewal-main-2026-12@kenactl"]) == ("CANCELLED", int(before["renewal-main-2026-12@kenactl"]
                                                                                ["SEQUENCE"]) + 1)
    moved = after["renewal-main-2027-01@kenactl"]
    assert moved["DTSTART"].dt == date(2027, 1, 5)
    assert status(moved) == ("CONFIRMED", int(before["renewal-main-2027-01@kenactl"]["SEQUENCE"]) + 1)


def test_sequence_never_goes_down_and_dtstamp_never_moves_back(run, saved):
    first = events(export(run, *AT))
    assert run(*AT, "credit", "topup", "--line", "nonna", "10").exit_code == 0
    second = events(export(run, *AT))
    profile = store.load(saved)  # a hand-edit (or an old kenactl) takes updated_at back a month
    saved.write_text(store.dumps(replace(profile, updated_at=rome(2026, 10, 1))), encoding="utf-8")
    third = events(export(run, *AT))
    assert all(stamp(third[uid]) >= stamp(second[uid]) >= stamp(first[uid]) for uid in first)
    assert all(int(third[uid]["SEQUENCE"]) >= int(second[uid]["SEQUENCE"]) >= int(first[uid]["SEQUENCE"])
               for uid in first)


def test_a_backdated_write_does_not_move_updated_at_back(run, saved):
    before = store.load(saved).updated_at
    assert run("--at", "2026-11-01T09:00", "credit", "topup", "--line", "nonna", "1").exit_code == 0
    assert store.load(saved).updated_at == before


def test_the_language_does_not_raise_the_sequence(run, saved):
    english = events(export(run, *AT))
    italian = events(export(run, "--lang", "it", *AT))
    assert {uid: status(event) for uid, event in english.items()} == {
        uid: status(event) for uid, event in italian.items()}


def test_memory_works_across_exports_to_different_files(run, saved, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run(*AT, "export", "ics", "-o", str(first)).exit_code == 0
    assert run(*AT, "line", "remove", "nonna").exit_code == 0
    assert run(*AT, "export", "ics", "-o", str(second)).exit_code == 0
    cancelled = events(second.read_bytes())["renewal-nonna-2026-12@kenactl"]
    assert status(cancelled) == ("CANCELLED", 1)
    os.utime(second, (1_000_000_000, 1_000_000_000))
    result = run("--at", "2026-11-22T09:00", "export", "ics", "-o", str(second), "-v")
    assert result.stderr.startswith("unchanged: ") and second.stat().st_mtime == 1_000_000_000


def test_the_state_file_is_written_only_when_the_calendar_memory_changes(run, saved):
    export(run, *AT)
    path = Path(state.calendar_file(state.state_path(saved)))
    assert path.name.endswith(".calendar.json") and not state.state_path(saved).exists()  # remind's: not needed
    remembered = json.loads(path.read_text(encoding="utf-8"))
    assert remembered["events"]["topup-nonna-2026-12@kenactl"]["cancelled"] is False
    path.write_text(json.dumps(remembered), encoding="utf-8")  # the same memory, in other bytes
    os.utime(path, (1_000_000_000, 1_000_000_000))
    export(run, *AT)
    assert path.stat().st_mtime == 1_000_000_000 and json.loads(path.read_text(encoding="utf-8")) == remembered
    assert run(*AT, "credit", "topup", "--line", "nonna", "10").exit_code == 0
    export(run, *AT)
    changed = json.loads(path.read_text(encoding="utf-8"))
    assert changed["events"]["topup-nonna-2026-12@kenactl"]["cancelled"] is True
    assert path.read_bytes() == (json.dumps(changed, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()


def test_a_memory_an_older_kenactl_kept_in_the_state_file_moves_to_the_calendar_file(run, saved):
    first = export(run, *AT)
    path = state.state_path(saved)
    calendar = Path(state.calendar_file(path))
    events_before = json.loads(calendar.read_text(encoding="utf-8"))["events"]
    assert run(*AT, "remind").exit_code == 0
    delivered = json.loads(path.read_text(encoding="utf-8"))["delivered"]
    old = {"version": 1, "profile": str(saved), "delivered": delivered, "calendar": {"events": events_before}}
    path.write_text(json.dumps(old), encoding="utf-8")  # the layout of kenactl 0.x: one file
    calendar.unlink()
    assert export(run, *AT) == first  # the same SEQUENCEs and stamps: the memory was read from the state file
    assert json.loads(calendar.read_text(encoding="utf-8"))["events"] == events_before
    assert json.loads(path.read_text(encoding="utf-8")) == {**old, "calendar": {}}  # delivered kept, memory moved
    assert run(*AT, "remind").stdout == ""  # nothing delivered twice


def test_a_damaged_calendar_file_is_one_line_and_exit_2(run, saved):
    export(run, *AT)
    calendar = Path(state.calendar_file(state.state_path(saved)))
    for text in ("{", '{"version": 1, "events": []}', '{"version": 1, "events": {"x": 1}}'):
        calendar.write_text(text, encoding="utf-8")
        result = run(*AT, "export", "ics")
        assert result.exit_code == 2 and result.stderr.count("\n") == 1
        assert f"the state file {calendar} is damaged" in result.stderr
        assert calendar.read_text(encoding="utf-8") == text


def test_a_restart_in_the_repeated_autumn_hour_is_never_zero_length_nor_ambiguous(run, profile_path):
    line = restarted(kena_line(renewal_day=20), rome(2026, 10, 11, 2, 30), used_after=90_000)
    profile = Profile(lines={"main": line}, default_line="main", updated_at=rome(2026, 10, 11, 4))
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text(store.dumps(profile), encoding="utf-8")
    data = export(run, "--at", "2026-10-20T09:00")
    event = events(data)["restart-main@kenactl"]
    assert b"DTSTART:20261025T003000Z\r\nDTEND:20261025T013000Z\r\n" in data  # 02:30 CEST to 02:30 CET
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(hours=1)
    strict = [e for e in IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events if e.uid == event["UID"]]
    assert strict[0].dtend - strict[0].dtstart == timedelta(hours=1)
    window = recurring_ical_events.of(icalendar.Calendar.from_ical(data)).between(
        datetime(2026, 10, 25, 1, 0, tzinfo=UTC), datetime(2026, 10, 25, 1, 10, tzinfo=UTC))
    assert [str(found["UID"]) for found in window] == ["restart-main@kenactl"]  # a time-range query finds it


def test_the_replaced_renewal_never_shows_a_time_it_did_not_have(run, profile_path):
    """A renewal at 02:30 restarted at 01:00: the line now renews at 01:00, the old time is not recorded."""
    line = replace(kena_line(renewal_day=30), renewal_time=datetime(2000, 1, 1, 2, 30).time())
    line = replace(restarted(line, rome(2026, 11, 10, 1, 0)), renewal_time=datetime(2000, 1, 1, 1, 0).time())
    profile = Profile(lines={"main": line}, default_line="main", updated_at=rome(2026, 11, 10, 1))
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text(store.dumps(profile), encoding="utf-8")
    event = events(export(run, "--at", "2026-11-21T09:00"))["renewal-main-2026-11@kenactl"]
    assert str(event["SUMMARY"]) == "Renewal main moved by Restart (was Mon 30 Nov 2026)"
    assert "the renewal planned for Mon 30 Nov 2026 will not happen" in str(event["DESCRIPTION"])
    known = household()  # restarted at 12:00, renewing at 00:00 before and after: the time is known
    profile_path.write_text(store.dumps(known), encoding="utf-8")
    event = events(export(run, *AT))["renewal-main-2026-11@kenactl"]
    assert str(event["SUMMARY"]) == "Renewal main moved by Restart (was Mon 30 Nov 2026 00:00)"


def test_alarm_0d_rings_before_a_midnight_renewal(run, saved):
    found = events(export(run, *AT, options=("--alarm", "0d", "--alarm", "2d")))
    renewal = found["renewal-nonna-2026-12@kenactl"]
    triggers = [(alarm["TRIGGER"].dt, str(alarm["DESCRIPTION"])) for alarm in renewal.walk("VALARM")]
    assert triggers == [(timedelta(days=-2, hours=9), "Renewal nonna: TIM Smart, 9.99 € (credit short) (in 2 days)"),
                        (timedelta(hours=-15), "Renewal nonna: TIM Smart, 9.99 € (credit short) (tomorrow)")]
    renewals = [event for event in found.values() if str(event["CATEGORIES"].cats[0]) == "RENEWAL"
                and str(event["STATUS"]) == "CONFIRMED"]
    assert renewals and all(alarm["TRIGGER"].dt < timedelta(0) for event in renewals for alarm in event.walk("VALARM"))
