"""The profile file: atomic writes, backups, the lock, and validation messages that name the field."""

import os
import stat
import subprocess
import sys
import threading
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from filelock import FileLock
from helpers import deny_reading

from kenactl import paths, store, writer
from kenactl.core.dates import ROME, parse_moment
from kenactl.core.model import (
    Allowances,
    Change,
    Charge,
    Complaint,
    HistoryEntry,
    Line,
    TopUp,
    UsageSample,
    new_profile,
)
from kenactl.core.record import replace
from kenactl.errors import InputError, ProfileError
from kenactl.schema import profile_from_toml
from kenactl.schema_writer import profile_to_toml

NOW = parse_moment("2026-11-20T12:00")


def kenactl_script() -> Path:
    """The installed console script of the interpreter running the tests."""
    script = Path(sys.executable).with_name("kenactl")
    assert script.exists(), f"the kenactl entry point is not installed next to {sys.executable}"
    return script


def topped_up(profile: Path, amount: str) -> None:
    """Record a top-up fact (each one a second later, so none replaces another)."""
    def change(p):
        line = p.line()
        at = NOW + timedelta(seconds=len(line.topups))
        return p.with_line(replace(line, topups=(*line.topups, TopUp(at=at, amount=Decimal(amount)))))

    writer.update(profile, change, NOW)


def leftovers(folder: Path) -> list[str]:
    """Files other than the profile, its backup and its lock (temporary files must not stay)."""
    return sorted(p.name for p in folder.iterdir() if p.name not in {"profile.toml", "profile.toml.bak",
                                                                       "profile.toml.lock"})


def test_new_profile_is_private(kena_profile):
    assert stat.S_IMODE(kena_profile.stat().st_mode) == 0o600
    assert stat.S_IMODE(kena_profile.parent.stat().st_mode) == 0o700
    assert leftovers(kena_profile.parent) == []


def test_backup_keeps_the_previous_version_and_is_private(kena_profile):
    first = kena_profile.read_bytes()
    topped_up(kena_profile, "1")
    second = kena_profile.read_bytes()
    assert Path(f"{kena_profile}.bak").read_bytes() == first
    assert stat.S_IMODE(Path(f"{kena_profile}.bak").stat().st_mode) == 0o600
    assert stat.S_IMODE(kena_profile.stat().st_mode) == 0o600
    topped_up(kena_profile, "1")
    assert Path(f"{kena_profile}.bak").read_bytes() == second
    assert store.load(kena_profile).line().credit == Decimal("12.00")


def test_an_update_that_changes_nothing_writes_nothing(kena_profile):
    before = kena_profile.read_bytes()
    result = writer.update(kena_profile, lambda profile: profile, NOW)
    assert result == store.load(kena_profile)
    assert kena_profile.read_bytes() == before
    assert not Path(f"{kena_profile}.bak").exists()


def test_update_stamps_updated_at_with_the_given_moment(kena_profile):
    topped_up(kena_profile, "2")
    assert store.load(kena_profile).updated_at == NOW
    assert "updated_at = 2026-11-20 12:00:00+01:00" in kena_profile.read_text()


def test_a_change_that_raises_leaves_the_profile_byte_identical(kena_profile):
    before = kena_profile.read_bytes()

    def broken(profile):
        profile.line("nope")

    with pytest.raises(InputError, match="unknown line 'nope'"):
        writer.update(kena_profile, broken, NOW)
    assert kena_profile.read_bytes() == before
    assert leftovers(kena_profile.parent) == []


@pytest.mark.parametrize("failing", ["replace-profile", "replace-any", "fsync"])
def test_a_failure_in_the_middle_of_a_write_keeps_the_previous_profile(kena_profile, monkeypatch, failing):
    before = kena_profile.read_bytes()
    real_replace = os.replace

    def replace_fails(source, target):
        if failing == "replace-any" or Path(target) == kena_profile:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    def fsync_fails(descriptor):
        raise OSError(5, "Input/output error")

    if failing == "fsync":
        monkeypatch.setattr(os, "fsync", fsync_fails)
    else:
        monkeypatch.setattr(os, "replace", replace_fails)
    with pytest.raises(ProfileError, match=r"cannot write .*: (No space left on device|Input/output error)"):
        topped_up(kena_profile, "5")
    monkeypatch.undo()
    assert kena_profile.read_bytes() == before
    assert store.load(kena_profile).line().credit == Decimal("10.00")
    assert leftovers(kena_profile.parent) == []


def test_an_interrupt_during_a_write_removes_the_temporary_file(kena_profile, monkeypatch):
    before = kena_profile.read_bytes()

    def interrupted(descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        topped_up(kena_profile, "5")
    monkeypatch.undo()
    assert kena_profile.read_bytes() == before
    assert leftovers(kena_profile.parent) == []


def test_while_the_new_file_is_being_written_readers_see_the_complete_old_one(kena_profile, monkeypatch):
    before = kena_profile.read_bytes()
    real_fsync = os.fsync
    seen = []

    def fsync_and_look(descriptor):
        real_fsync(descriptor)
        if not stat.S_ISDIR(os.fstat(descriptor).st_mode):
            seen.append((kena_profile.read_bytes(), store.load(kena_profile).line().credit))

    monkeypatch.setattr(os, "fsync", fsync_and_look)
    topped_up(kena_profile, "5")
    monkeypatch.undo()
    assert seen, "the write did not fsync its data"
    assert seen[-1] == (before, Decimal("10.00"))  # the profile's own temp file, before the rename
    assert store.load(kena_profile).line().credit == Decimal("15.00")


def test_readers_never_see_half_a_file(kena_profile):
    # a big profile, so that a non-atomic write would be observable
    writer.update(kena_profile, lambda p: p.with_line(replace(p.line(), options={f"note{i}": "x" * 200
                                                                                 for i in range(300)})), NOW)
    errors: list[BaseException] = []
    credits: list[Decimal] = []
    done = threading.Event()

    def write_top_ups():
        try:
            for _ in range(25):
                topped_up(kena_profile, "1")
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            done.set()

    thread = threading.Thread(target=write_top_ups)
    thread.start()
    while not done.is_set():
        try:
            credits.append(store.load(kena_profile).line().credit)
        except BaseException as error:  # pragma: no cover - the failure this test exists for
            errors.append(error)
            break
    thread.join()
    assert errors == []
    assert len(credits) > 1
    assert credits == sorted(credits)
    assert store.load(kena_profile).line().credit == Decimal("35.00")


def test_twenty_concurrent_topups_all_count(kena_profile):
    script = kenactl_script()
    command = [str(script), "--at", "2026-11-10T10:00", "credit", "topup", "1"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(20)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * 20, outputs
    line = store.load(kena_profile).line()
    assert line.credit == Decimal("30.00")  # 10.00 + 20 × 1.00
    assert line.last_topup is not None
    assert stat.S_IMODE(kena_profile.stat().st_mode) == 0o600
    assert leftovers(kena_profile.parent) == []
    assert sorted(out.strip().rsplit(" ", 2)[-2] for out, _ in outputs) == [f"{n}.00" for n in range(11, 31)]


def test_a_held_lock_makes_a_writer_wait_and_then_give_up(kena_profile, monkeypatch):
    before = kena_profile.read_bytes()
    monkeypatch.setattr(writer, "LOCK_TIMEOUT_SECONDS", 0.2)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from filelock import FileLock\n"
                               f"with FileLock({str(kena_profile) + '.lock'!r}):\n"
                               "    print('held', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(ProfileError, match="is locked by another kenactl"):
            topped_up(kena_profile, "1")
    finally:
        holder.kill()
        holder.wait()
    assert kena_profile.read_bytes() == before
    with FileLock(f"{kena_profile}.lock", timeout=5):
        pass  # released by the killed holder


def test_create_refuses_to_replace_without_force(kena_profile):
    before = kena_profile.read_bytes()
    profile = store.load(kena_profile)
    with pytest.raises(ProfileError, match="already exists .*--force"):
        writer.create(kena_profile, profile, NOW, force=False)
    assert kena_profile.read_bytes() == before
    writer.create(kena_profile, replace(profile, default_line="main"), NOW, force=True)
    assert Path(f"{kena_profile}.bak").read_bytes() == before


def test_write_atomic_refuses_a_directory(tmp_path):
    folder = tmp_path / "profile.toml"
    folder.mkdir()
    with pytest.raises(ProfileError, match="is a directory"):
        writer.write_atomic(folder, b"x")
    with pytest.raises(ProfileError, match="is a directory"):
        writer.update(folder, lambda p: p, NOW)


def test_profile_path_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv("KENACTL_PROFILE", str(tmp_path / "env.toml"))
    assert paths.profile_path(str(tmp_path / "option.toml")) == tmp_path / "option.toml"
    assert paths.profile_path(None) == tmp_path / "env.toml"
    monkeypatch.delenv("KENACTL_PROFILE")
    assert paths.profile_path(None) == tmp_path / "xdg" / "kenactl" / "profile.toml"
    monkeypatch.setenv("KENACTL_PROFILE", "~/p.toml")
    assert paths.profile_path(None) == tmp_path / "home" / "p.toml"


def full_line() -> Line:
    at = datetime(2026, 11, 16, 9, 30, tzinfo=ROME)
    return Line(
        name="main", operator="kena", offer="Kena 7.99", price=Decimal("7.99"), renewal_day=31,
        renewal_time=time(9, 30), included=Allowances(data=12345, minutes=None, sms=0), credit=Decimal("-2.50"),
        last_topup=date(2026, 11, 16), options={"auto_topup": "on", "zeta": "z"}, pending_offer_change=True,
        usage=(UsageSample(at=at, data=800, minutes=12, sms=1),),
        history=(HistoryEntry(kind="restart", at=at, price=Decimal("7.99"), renewal_day_before=0,
                              renewal_day_after=0),),  # the days a Restart moves are derived, not stored
        payment="card", topups=(TopUp(at=at, amount=Decimal("5.00")),),
        changes=(Change(at=at, key="price", old=Decimal("6.99")), Change(at=at, key="data", old=None),
                 Change(at=at, key="options", old={"zeta": "y"}), Change(at=at, key="renewal_time", old=time(0, 0))),
        charges=(Charge(id=3, description="SIM", amount=Decimal("10.00"), added=date(2026, 11, 1), instalments=2,
                        every_days=30, first_due=date(2026, 12, 1)),),
    )


def test_every_field_survives_a_round_trip_through_the_file(tmp_path):
    profile = replace(new_profile(full_line()),
                      complaints=(Complaint(id=1, filed=date(2026, 11, 2), subject="x", line="main"),),
                      alarms=("2d", "48h"))
    path = tmp_path / "p" / "profile.toml"
    writer.create(path, profile, NOW, force=False)
    loaded = store.load(path)
    assert loaded == replace(profile, updated_at=NOW)
    assert profile_from_toml(profile_to_toml(loaded)) == loaded
    assert store.dumps(loaded) == path.read_text(encoding="utf-8")
    assert 'data = "12.345GB"' in path.read_text()
    assert "price = 7.99" in path.read_text() and "credit = -2.50" in path.read_text()


def write_profile(path: Path, original: str, old: str, new: str) -> bytes:
    assert old in original, old
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


@pytest.mark.parametrize(("old", "new", "message"), [
    ("renewal_day = 15", 'renewal_day = "15"', "lines.main.renewal_day: expected a whole number, got text \"15\""),
    ("renewal_day = 15", "renewal_day = 32", "lines.main.renewal_day: 32 is outside 1-31"),
    ("renewal_day = 15", "renewal_day = true", "lines.main.renewal_day: expected a whole number, got true/false"),
    ("price = 7.99", 'price = "abc"', "lines.main.price: 'abc' is not an amount in euros"),
    ("price = 7.99", "price = 7.999", "lines.main.price: 7.999 is not an amount in euros with at most two decimals"),
    ("price = 7.99", "price = -7.99", "lines.main.price: -7.99 € is negative"),
    ("price = 7.99", "price = [7]", "lines.main.price: expected an amount in euros such as 7.99, got a list"),
    ("09:00:00Z 10.00", "09:00:00Z dieci", "lines.main.observations: line 1: expected a UTC moment"),
    ("09:00:00Z 10.00", "09:00:00 10.00", "lines.main.observations: line 1: expected a UTC moment"),
    ('operator = "kena"', 'operator = "fastweb"', "lines.main.operator: unknown operator 'fastweb'"),
    ('offer = "Kena 7.99"', "offer = 7", "lines.main.offer: expected text, got a whole number 7"),
    ('sms = 100', 'sms = "lots"', "lines.main.included.sms: 'lots' is not a whole number or unlimited"),
    ('sms = 100', 'sms = 1.5', "lines.main.included.sms: expected a whole number or \"unlimited\""),
    ('data = "100GB"', "data = 100", "lines.main.included.data: '100' needs a unit"),
    ('data = "100GB"', 'data = "100TB"', "lines.main.included.data: unknown unit 'TB'"),
    ("pending_offer_change = false", 'pending_offer_change = "no"',
     "lines.main.pending_offer_change: expected true or false, got text \"no\""),
    ('renewal_time = "00:00"', "renewal_time = 00:00:30", "lines.main.renewal_time: 00:00:30 is not a whole minute"),
    ('renewal_time = "00:00"', "renewal_time = true", "lines.main.renewal_time: expected a time such as 00:30, got "
                                                      "true/false true"),
    ('renewal_time = "00:00"', 'renewal_time = "25:00"', "lines.main.renewal_time: '25:00' is not a time of day"),
    ('payment = "credit"', 'payment = "credit"\nlast_topup = 2026-11-01T10:00:00',
     "lines.main.last_topup: expected a date without time"),
    ('payment = "credit"', 'payment = "credit"\nlast_topup = "yesterday"', "lines.main.last_topup: expected a date"),
    ('payment = "credit"', 'payment = "credit"\nlast_topup = 9999-12-31',
     "lines.main.last_topup: 9999-12-31 is outside the years 1900-2999"),
    ('payment = "credit"', 'payment = "credit"\nreadings = "2026-11-01 1000 0 0"',
     "lines.main.readings: line 1: expected a UTC moment such as 2026-11-20T19:00:00Z and three counts"),
    ('payment = "credit"', 'payment = "credit"\nreadings = "2026-11-01T10:00:00Z unlimited 0 0"',
     "lines.main.readings: line 1: expected a UTC moment"),
    ('payment = "credit"', 'payment = "credit"\nreadings = 3', "lines.main.readings: expected text"),
    ('payment = "credit"', 'payment = "credit"\nreadings = "9999-12-31T23:00:00Z 0 0 1"',
     "lines.main.readings: line 1: expected a UTC moment"),
    ('payment = "credit"', 'payment = "credit"\nreadings = """2026-02-30T10:00:00Z 0 0 1"""',
     "lines.main.readings: line 1: expected a UTC moment"),
    ('payment = "credit"',
     'payment = "credit"\nreadings = """2026-03-02T10:00:00Z 0 0 1\n2026-03-01T10:00:00Z 0 0 1"""',
     "lines.main.readings: line 2: expected a UTC moment such as 2026-11-20T19:00:00Z and three counts (data MB, "
     "minutes, SMS), in time order"),
    ('payment = "credit"', 'payment = "credit"\ntopups = "2026-11-01 5"', "lines.main.topups: line 1: expected a UTC"),
    ('payment = "credit"', 'payment = "credit"\ntopups = "2026-11-01T10:00:00Z 0.00"', "lines.main.topups: line 1"),
    ('payment = "credit"', 'payment = "cash"', "lines.main.payment: 'cash' is not one of credit, card"),
    ("updated_at = 2026-11-01 10:00:00+01:00", "updated_at = 0001-01-01T00:00:00+01:00",
     "updated_at: 0001-01-01T00:00:00+01:00 is outside the years 1900-2999"),
    ('payment = "credit"', 'payment = "credit"\noptions = {auto_topup = 1}',
     "lines.main.options.auto_topup: expected text"),
    ("pending_offer_change = false", 'colour = "red"',
     "lines.main.colour: unknown key (known: activated, changes, charges, credit"),
    ('sms = 100', 'sms = 100\nmms = 5', "lines.main.included.mms: unknown key (known: data, minutes, sms)"),
    ("alarms = [", "colour = 1\nalarms = [", "colour: unknown key (known: alarms, complaints, default_line"),
    ('default_line = "main"', 'default_line = "x"', "default_line: 'x' is not one of the lines (main)"),
    ('"2d",', '"soon",', "alarms[0]: 'soon' is not a duration"),
    ("schema_version = 2", "schema_version = 3", "schema_version: 3 was written by a newer kenactl; this one reads 2"),
    ("schema_version = 2", 'schema_version = "2"', "schema_version: expected 2, got text \"2\""),
    ("schema_version = 2\n", "", "schema_version: missing"),
    ("[lines.main]", '[lines."Main!"]', "lines.Main!.name: line name 'Main!': use 1-40 letters"),
])
def test_validation_messages_name_the_field(kena_profile, old, new, message):
    written = write_profile(kena_profile, kena_profile.read_text(encoding="utf-8"), old, new)
    with pytest.raises(ProfileError) as error:
        store.load(kena_profile)
    assert error.value.message.startswith(f"{kena_profile}: {message}"), error.value.message
    assert "\n" not in error.value.message
    with pytest.raises(ProfileError):
        topped_up(kena_profile, "1")
    assert kena_profile.read_bytes() == written


@pytest.mark.parametrize(("old", "new", "where"), [
    ('offer = "Kena 7.99"', 'offer = "Kena 7.99', "(at line 10, column 19)"),
    ("[lines.main]\n", "[lines.main]\n[lines.main]\n", "Cannot declare ('lines', 'main') twice (at line 9, column 12)"),
    ("price = 7.99", "price = 7,99", "(at line 11, column 10)"),
    ("price = 7.99", "price =", "(at line 11, column 8)"),
])
def test_malformed_toml_gives_line_and_column(kena_profile, old, new, where):
    write_profile(kena_profile, kena_profile.read_text(encoding="utf-8"), old, new)
    with pytest.raises(ProfileError) as error:
        store.load(kena_profile)
    assert error.value.message.startswith(f"{kena_profile}: not valid TOML: ")
    assert where in error.value.message


def test_empty_and_lineless_profiles_are_refused(profile_path):
    profile_path.parent.mkdir(parents=True)
    profile_path.write_text("")
    with pytest.raises(ProfileError, match="schema_version: missing"):
        store.load(profile_path)
    profile_path.write_text("schema_version = 1\n")
    with pytest.raises(ProfileError, match="lines: the profile has no lines"):
        store.load(profile_path)


@pytest.mark.parametrize(("content", "message"), [
    (None, "no profile at {path}; create one with: kenactl init"),
    ("dir", "profile {path} is a directory, not a file"),
    (b"schema_version = 1\noffer = \"Caf\xe8\"\n", "profile {path} is not UTF-8 text (line 2, byte 31)"),
])
def test_unreadable_files_are_named(profile_path, content, message):
    if content == "dir":
        profile_path.mkdir(parents=True)
    elif content is not None:
        profile_path.parent.mkdir(parents=True)
        profile_path.write_bytes(content)
    with pytest.raises(ProfileError) as error:
        store.load(profile_path)
    assert error.value.message.startswith(message.format(path=profile_path))


def test_permission_denied_is_named(kena_profile, monkeypatch):
    deny_reading(monkeypatch, kena_profile)
    with pytest.raises(ProfileError, match=f"^cannot read profile {kena_profile}: permission denied$"):
        store.load(kena_profile)
