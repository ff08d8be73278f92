"""A hostile machine: special files for -o, symlinked profiles, root writes, umask 000, planted lock
symlinks, stale temporary files."""

import os
import stat
import threading
import time
from pathlib import Path

import pytest
from helpers import KENA_INIT
from test_bad_input import assert_refused

from kenactl import store, writer
from kenactl.core.dates import parse_moment

NOW = parse_moment("2026-11-20T12:00")
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="only root can give files to another user")


def credit_of(path: Path) -> str:
    return str(store.load(path).line().credit)


# -- export ics -o on special files ------------------------------------------------------------------

def test_export_to_a_fifo_with_a_reader_writes_in_place(run, kena_profile, tmp_path):
    fifo = tmp_path / "calendar.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader():
        with open(fifo, "rb") as handle:  # blocks until kenactl opens the FIFO for writing
            received.append(handle.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    result = None
    while time.monotonic() < deadline:  # the reader must have opened its end before kenactl writes
        result = run("export", "ics", "-o", str(fifo))
        if result.exit_code == 0:
            break
        time.sleep(0.05)
    thread.join(timeout=10)
    assert result is not None and result.exit_code == 0, result.stderr
    assert not thread.is_alive()
    assert received and received[0].startswith(b"BEGIN:VCALENDAR")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_export_to_a_fifo_nobody_reads_is_refused_at_once(run, kena_profile, tmp_path):
    fifo = tmp_path / "calendar.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert_refused(run("export", "ics", "-o", str(fifo)), "is a FIFO that nobody is reading")
    assert time.monotonic() - started < 10
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_export_to_dev_null_keeps_it_a_character_device(run, kena_profile):
    before = os.stat("/dev/null")
    result = run("export", "ics", "-o", "/dev/null", "-v")
    assert result.exit_code == 0, result.stderr
    assert "wrote /dev/null" in result.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino
    assert not [name for name in os.listdir("/dev") if name.startswith(".null.")]  # no temporary file left


def test_export_to_dev_zero_neither_reads_it_nor_replaces_it(run, kena_profile):
    result = run("export", "ics", "-o", "/dev/zero")  # reading it to compare would never end
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/zero").st_mode)


@root_only
def test_export_to_a_device_node_of_its_own_stays_a_device(run, kena_profile, tmp_path):
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert run("export", "ics", "-o", str(node)).exit_code == 0
    assert stat.S_ISCHR(node.lstat().st_mode) and node.lstat().st_rdev == os.makedev(1, 3)


def test_export_reads_no_more_than_it_needs_to_compare(run, kena_profile, tmp_path, monkeypatch):
    calendar = tmp_path / "calendar.ics"
    calendar.write_bytes(b"x" * (50 * 1024 * 1024))  # far larger than any calendar
    read_sizes = []
    real_open = Path.open

    def tracked(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        if self == calendar:
            real_read = handle.read
            handle.read = lambda size=-1: read_sizes.append(size) or real_read(size)
        return handle

    monkeypatch.setattr(Path, "open", tracked)
    assert run("export", "ics", "-o", str(calendar)).exit_code == 0
    assert all(0 <= size < 1024 * 1024 for size in read_sizes)
    assert calendar.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_export_refuses_a_socket(run, kena_profile, tmp_path):
    import socket

    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        assert_refused(run("export", "ics", "-o", str(path)), "not a regular file, a FIFO or a character device")
    finally:
        server.close()
    assert stat.S_ISSOCK(path.lstat().st_mode)


# -- a symlinked profile -------------------------------------------------------------------------------

def test_a_symlinked_profile_stays_a_symlink_and_its_target_is_replaced(run, tmp_path, monkeypatch):
    dotfiles = tmp_path / "dotfiles" / "kenactl"
    dotfiles.mkdir(parents=True)
    config = tmp_path / "home" / ".config" / "kenactl"
    config.mkdir(parents=True)
    link = config / "profile.toml"
    target = dotfiles / "profile.toml"
    monkeypatch.setenv("KENACTL_PROFILE", str(target))
    assert run(*KENA_INIT).exit_code == 0
    link.symlink_to(os.path.relpath(target, config))
    monkeypatch.setenv("KENACTL_PROFILE", str(link))
    first = target.read_bytes()
    assert run("credit", "topup", "5").exit_code == 0
    assert link.is_symlink() and link.resolve() == target
    assert credit_of(target) == "15.00"
    assert (dotfiles / "profile.toml.bak").read_bytes() == first
    assert (dotfiles / "profile.toml.lock").exists()
    assert sorted(path.name for path in config.iterdir()) == ["profile.toml"]  # only the link


def test_a_dangling_profile_link_is_created_at_its_target(run, tmp_path, monkeypatch):
    target = tmp_path / "dotfiles" / "profile.toml"
    link = tmp_path / "profile.toml"
    link.symlink_to(target)
    monkeypatch.setenv("KENACTL_PROFILE", str(link))
    assert run(*KENA_INIT).exit_code == 0
    assert link.is_symlink() and target.is_file()
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


# -- owners and modes ---------------------------------------------------------------------------------

@root_only
def test_a_write_as_root_keeps_the_owner_of_profile_backup_and_lock(run, kena_profile):
    user, group = 54321, 54322
    backup = Path(f"{kena_profile}.bak")
    lock = Path(f"{kena_profile}.lock")
    lock.unlink()
    assert not backup.exists()
    os.chown(kena_profile, user, group)
    assert run("credit", "topup", "5").exit_code == 0  # creates .bak and lock, replaces the profile
    for path in (kena_profile, backup, lock):
        assert (path.stat().st_uid, path.stat().st_gid) == (user, group), path
    os.chown(lock, 0, 0)  # an existing lock keeps whatever owner it has
    assert run("credit", "topup", "5").exit_code == 0
    assert (kena_profile.stat().st_uid, backup.stat().st_uid, lock.stat().st_uid) == (user, user, 0)
    assert stat.S_IMODE(kena_profile.stat().st_mode) == 0o600


@root_only
def test_a_profile_created_as_root_in_a_users_folder_belongs_to_that_user(run, tmp_path, monkeypatch):
    home = tmp_path / "home-of-user"
    home.mkdir()
    os.chown(home, 54321, 54322)
    profile = home / ".config" / "kenactl" / "profile.toml"
    monkeypatch.setenv("KENACTL_PROFILE", str(profile))
    assert run(*KENA_INIT).exit_code == 0
    for path in (profile, profile.parent, profile.parent.parent, Path(f"{profile}.lock")):
        assert (path.stat().st_uid, path.stat().st_gid) == (54321, 54322), path


def test_under_umask_000_lock_is_0600_and_new_folders_are_0700(run, tmp_path, monkeypatch):
    profile = tmp_path / "a" / "b" / "profile.toml"
    monkeypatch.setenv("KENACTL_PROFILE", str(profile))
    previous = os.umask(0)
    try:
        assert run(*KENA_INIT).exit_code == 0
        assert run("credit", "topup", "1").exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(Path(f"{profile}.lock").stat().st_mode) == 0o600
    assert stat.S_IMODE(profile.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(f"{profile}.bak").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700


def test_an_old_world_readable_lock_is_tightened(run, kena_profile):
    lock = Path(f"{kena_profile}.lock")
    lock.chmod(0o666)
    assert run("credit", "topup", "1").exit_code == 0
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


@pytest.mark.parametrize("victim_exists", [True, False])
def test_a_planted_lock_symlink_is_never_followed(run, kena_profile, tmp_path, victim_exists):
    victim = tmp_path / "victim"
    if victim_exists:
        victim.write_text("precious\n")
        victim.chmod(0o644)
    lock = Path(f"{kena_profile}.lock")
    lock.unlink()
    lock.symlink_to(victim)
    before = kena_profile.read_bytes()
    assert_refused(run("credit", "topup", "1"), "is a symbolic link")
    assert kena_profile.read_bytes() == before
    assert lock.is_symlink()
    if victim_exists:
        assert victim.read_text() == "precious\n" and stat.S_IMODE(victim.stat().st_mode) == 0o644
    else:
        assert not victim.exists()


# -- stale temporary files ----------------------------------------------------------------------------

def test_stale_temporary_files_are_removed_by_the_next_write(run, kena_profile):
    folder = kena_profile.parent
    old = time.time() - 3600
    stale = [folder / ".profile.toml.abcd1234.tmp", folder / ".profile.toml.bak.x_y_z_12.tmp"]
    fresh = folder / ".profile.toml.fresh123.tmp"
    foreign = [folder / ".profile.toml.not-ours.tmp", folder / ".other.toml.abcd1234.tmp",
               folder / "profile.toml.abcd1234.tmp"]
    for path in [*stale, fresh, *foreign]:
        path.write_text("leftover")
        os.utime(path, (old, old))
    os.utime(fresh, None)
    directory = folder / ".profile.toml.dir12345.tmp"
    directory.mkdir()
    os.utime(directory, (old, old))
    assert run("status").exit_code == 0  # a read removes nothing
    assert all(path.exists() for path in stale)
    assert run("credit", "topup", "1").exit_code == 0
    assert not any(path.exists() for path in stale)
    assert fresh.exists() and directory.is_dir() and all(path.exists() for path in foreign)


def test_stale_temporaries_of_a_killed_write_are_what_is_removed(kena_profile, monkeypatch):
    def killed(descriptor):
        raise SystemExit(137)  # as if the process died after writing the temporary file

    monkeypatch.setattr(os, "fsync", killed)
    monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: None)  # a SIGKILL cleans nothing up
    with pytest.raises(SystemExit):
        writer.update(kena_profile, lambda p: p.with_line(p.line().__class__(**{**vars(p.line()), "offer": "x"})), NOW)
    monkeypatch.undo()
    left = [path for path in kena_profile.parent.iterdir() if path.name.endswith(".tmp")]
    assert len(left) == 1 and left[0].name.startswith(".profile.toml.")
    with writer.locked(kena_profile):
        pass
    assert left[0].exists()  # a temporary file of a minute ago may belong to a write in progress
    os.utime(left[0], (time.time() - 120, time.time() - 120))
    with writer.locked(kena_profile):
        pass
    assert not left[0].exists()


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
@pytest.mark.parametrize("command", [("status",), ("credit", "topup", "1")], ids=" ".join)
def test_a_profile_that_is_not_a_regular_file_is_refused_without_reading_it(run, tmp_path, monkeypatch, special,
                                                                           command):
    path = Path(special) if special.startswith("/") else tmp_path / "profile.toml"
    if special == "fifo":
        os.mkfifo(path)
    monkeypatch.setenv("KENACTL_PROFILE", str(path))
    started = time.monotonic()
    assert_refused(run(*command), f"{path}: not a regular file")
    assert time.monotonic() - started < 10
    assert not stat.S_ISREG(path.stat().st_mode)
