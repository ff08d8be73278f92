"""The only module that writes the profile file, and the writes of every file kenactl keeps beside it.

Writes happen under a lock file (``profile.toml.lock``) so concurrent kenactl processes never lose
each other's changes, go to a temporary file in the same folder that is fsynced and renamed over the
profile (readers see the old or the new file, never half of one), keep the previous version as
``profile.toml.bak``, and create files with mode 0600. A symlinked profile is replaced at its
target; as root, the files keep their owner. A command that fails before the rename leaves the file
byte-identical; what is written is first read back through ``store.parse``.

The write helpers (``locked``, ``write_atomic``, ``remove_stale_temporaries``, ``resolve``) serve
any file kenactl keeps beside the profile. ``locked`` and ``write_atomic`` take a path as text or a
``Path`` (a lock or the state file's write does without ``pathlib``).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from kenactl import paths
from kenactl.core.dates import instant
from kenactl.core.model import Profile
from kenactl.core.record import replace
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.store import dumps, load, parse, read_text

if TYPE_CHECKING:
    from pathlib import Path

LOCK_TIMEOUT_SECONDS = 30
STALE_SECONDS = 60
"""Temporary files of interrupted writes older than this are removed by the next write."""
_TEMPORARY_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # of temporary.create_temporary's names
PROFILE_MODE = 0o600
LOCK_MODE = 0o600
FOLDER_MODE = 0o700


def resolve(path: str | Path) -> str | Path:
    """The file a write replaces: ``path``, or the final target when ``path`` is a symbolic link (as
    text for text, a ``Path`` for a ``Path``).

    Writes replace the target in its own folder (with its ``.bak``, lock and temporary files there),
    so a profile linked from a dotfiles repository stays one file.
    """
    with _reported(path):
        if not stat.S_ISLNK(paths.mode(path, follow_symlinks=False)):
            return path
    target = os.path.realpath(path)
    return target if isinstance(path, str) else type(path)(target)


@contextmanager
def locked(path: str | Path) -> Iterator[None]:
    """Hold the write lock of ``path`` (a ``.lock`` file beside its target); stale temporaries go first.

    ``path`` is a ``Path`` or its text (no ``pathlib`` needed). The lock file is opened without
    following a symbolic link, created with mode 0600 whatever the umask, and, as root, given the
    owner of the file it guards.
    """
    target = resolve(os.fspath(path))
    ensure_folder(target)
    lock_path = f"{target}.lock"
    try:
        descriptor = _open_lock(lock_path, _owner_for(target))
    except OSError as error:  # e.g. a read-only folder: the lock file cannot be created
        raise ProfileError(_("cannot write in {path}: {error}").format(
            path=paths.parent(target), error=error.strerror or error)) from None
    try:
        _acquire(descriptor, path)
        with _reported(path):
            remove_stale_temporaries(target)
            yield
    finally:
        os.close(descriptor)  # releases the lock


def _open_lock(lock_path: str, owner: tuple[int, int]) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor, created = os.open(lock_path, flags | os.O_EXCL, LOCK_MODE), True
    except FileExistsError:
        try:
            descriptor, created = os.open(lock_path, flags | getattr(os, "O_NONBLOCK", 0), LOCK_MODE), False
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise ProfileError(_("lock file {path} is a symbolic link; kenactl does not follow it "
                                     "(remove it if you did not make it)").format(path=lock_path)) from None
            raise
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        raise ProfileError(_("lock file {path} is not a regular file").format(path=lock_path))
    if created or (status.st_uid == os.geteuid() and status.st_nlink == 1
                   and stat.S_IMODE(status.st_mode) != LOCK_MODE):
        os.fchmod(descriptor, LOCK_MODE)  # exact whatever the umask; an older 0644 lock is tightened
    if created:
        _give(descriptor, owner)
    return descriptor


def _acquire(descriptor: int, path: str | Path) -> None:
    import fcntl
    import time

    deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise ProfileError(_("{path} is locked by another kenactl (waited {seconds}s)").format(
                    path=path, seconds=LOCK_TIMEOUT_SECONDS)) from None
            time.sleep(0.05)


def remove_stale_temporaries(path: str | Path) -> list[str]:
    """Remove kenactl's own temporary files for ``path`` and its ``.bak`` left by interrupted writes.

    Only names kenactl makes (``.profile.toml.<8 characters>.tmp``), only regular files, only those
    older than ``STALE_SECONDS``; call under the lock. Returns what was removed.
    """
    import time

    path = os.fspath(path)
    stem = f".{os.path.basename(path)}."
    removed = []
    for entry in os.scandir(paths.parent(path)):
        if not _is_temporary(entry.name, stem) or not entry.is_file(follow_symlinks=False):
            continue
        if time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
            try:
                os.unlink(entry.path)
            except FileNotFoundError:
                pass
            removed.append(entry.path)
    return removed


def _is_temporary(name: str, stem: str) -> bool:
    """Whether ``name`` is ``stem``, maybe ``bak.``, 8 of ``[a-z0-9_]`` then ``.tmp``, as ``re.match`` of that
    pattern ending in ``$`` (which also takes one newline at the end) answers, with none to compile."""
    if not name.startswith(stem):
        return False
    rest = name[len(stem):].removesuffix("\n").removeprefix("bak.")
    return len(rest) == 12 and rest.endswith(".tmp") and all(letter in _TEMPORARY_LETTERS for letter in rest[:8])


def ensure_folder(path: str | Path) -> None:
    """Create the missing folders above ``path``, each with mode 0700 (whatever the umask)."""
    with _reported(path):
        if stat.S_ISDIR(paths.mode(path)):
            raise ProfileError(_("profile {path} is a directory, not a file").format(path=path))
        missing = []
        folder = paths.parent(paths.absolute(os.fspath(path)))
        while not paths.mode(folder) and folder != paths.parent(folder):
            missing.append(folder)
            folder = paths.parent(folder)
        owner = _owner_of(folder)  # of the nearest existing folder: created folders take it as root
    for created in reversed(missing):
        try:
            os.mkdir(created, FOLDER_MODE)
            os.chmod(created, FOLDER_MODE)
            if os.geteuid() == 0:
                os.chown(created, *owner)
        except FileExistsError:
            continue
        except OSError as error:
            raise ProfileError(_("cannot create folder {path}: {error}").format(
                path=created, error=error.strerror or error)) from None


def update(path: Path, change: Callable[[Profile], Profile], now: datetime) -> Profile:
    """Read-modify-write under the lock: ``change`` gets the current profile and returns the new one.

    Nothing is written when ``change`` raises or returns an equal profile.
    """
    with _reported(path):
        if not path.exists():
            read_text(path)  # the "no profile; kenactl init" error, before a folder or lock file is created
    with locked(path):
        current = load(path)
        changed = change(current)
        if changed == current:
            return current
        changed = replace(changed, updated_at=max(now.replace(microsecond=0), current.updated_at or now,
                                                  key=instant))  # whole seconds, never backwards
        save(path, changed)
        return changed


def create(path: Path, profile: Profile, now: datetime, *, force: bool) -> Profile:
    """Write a new profile; an existing one is replaced only with ``force``."""
    with locked(path):
        if path.exists() and not force:
            raise ProfileError(_("a profile already exists at {path}; use --force to replace it").format(path=path))
        profile = replace(profile, updated_at=now.replace(microsecond=0))
        save(path, profile)
        return profile


def save(path: Path, profile: Profile) -> None:
    """Write ``profile`` atomically, keeping the previous file as ``.bak``. Call under ``locked``."""
    text = dumps(profile)
    parse(text, "generated profile", path)  # never write what could not be read back
    write_atomic(path, text.encode("utf-8"), backup=True)


def swap_with_backup(path: Path) -> tuple[str, str]:
    """Under the lock, make the ``.bak`` the profile and the profile the ``.bak``; ``(undone, restored)``.

    The backup must be a valid profile. A second call swaps them back, so nothing is ever lost. The
    ``.bak`` is written first: if the swap is interrupted, the profile still holds the newer version.
    """
    from pathlib import Path

    with locked(path):
        target = resolve(path)
        backup = Path(f"{target}.bak")
        with _reported(path):
            if not backup.exists():
                raise ProfileError(_("no earlier version to go back to: {path} does not exist").format(path=backup))
        restored = read_text(backup)
        parse(restored, backup)
        undone = read_text(target)
        owner = _owner_for(target)
        with _reported(path):
            _replace_with(backup, undone.encode("utf-8"), PROFILE_MODE, owner)
            _replace_with(target, restored.encode("utf-8"), PROFILE_MODE, owner)
        return undone, restored


def write_atomic(path: str | Path, data: bytes, *, backup: bool = False, mode: int = PROFILE_MODE) -> None:
    """Replace ``path`` (a ``Path`` or its text; or the target of a symlinked ``path``) with ``data`` via a
    fsynced temporary file and a rename; the replaced file's owner and group are kept.

    With ``backup`` the current file is first copied to ``.bak`` beside the target (also atomically).
    Only a regular file or a missing one is replaced.
    """
    target = os.fspath(resolve(path))
    with _reported(path):
        if paths.is_dir(target):
            raise ProfileError(_("{path} is a directory, not a file").format(path=path))
        if paths.exists(target) and not paths.is_file(target):
            raise ProfileError(_("{path} is not a regular file; kenactl replaces only regular files").format(
                path=path))
        name = os.path.basename(target)
        longest = len(os.fsencode(f".{name}{'.bak' if backup else ''}.12345678.tmp"))  # the temporary name
        if longest > _name_limit(paths.parent(target)):
            raise ProfileError(_("cannot write {path}: the file name is too long").format(path=path))
        owner = _owner_for(target)
        if backup and paths.exists(target):
            with open(target, "rb") as current:
                _replace_with(f"{target}.bak", current.read(), mode, owner)
        _replace_with(target, data, mode, owner)


def _name_limit(folder: str) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):  # pragma: no cover - a missing folder or a platform without pathconf
        return 255


def _replace_with(path: str | Path, data: bytes, mode: int, owner: tuple[int, int]) -> None:
    from kenactl.temporary import create_temporary  # lazily: reads never need it

    path = os.fspath(path)
    folder = paths.parent(path)
    try:
        descriptor, temporary = create_temporary(folder, f".{os.path.basename(path)}.", ".tmp")
    except OSError as error:
        raise ProfileError(_("cannot write in {path}: {error}").format(
            path=folder, error=error.strerror or error)) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            _give(handle.fileno(), owner)
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        from pathlib import Path  # only when a write fails

        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ProfileError(_("cannot write {path}: {error}").format(
                path=path, error=error.strerror or error)) from None
        raise
    _fsync_folder(folder)


def _owner_for(path: str | Path) -> tuple[int, int]:
    """The owner and group a file written for ``path`` gets: those of ``path``, else of its folder."""
    return _owner_of(path) if paths.mode(path) else _owner_of(paths.parent(os.fspath(path)))


def _owner_of(path: str | Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_uid, status.st_gid


def _give(descriptor: int, owner: tuple[int, int]) -> None:
    """As root, hand the open file to ``owner`` (a root cron must not take a user's profile away)."""
    if os.geteuid() != 0:
        return
    status = os.fstat(descriptor)
    if (status.st_uid, status.st_gid) != owner:
        os.fchown(descriptor, *owner)


@contextmanager
def _reported(path: str | Path) -> Iterator[None]:
    """Turn an unexpected file-system error (a name too long, a folder that cannot be searched) into one line."""
    try:
        yield
    except OSError as error:
        raise ProfileError(_("cannot write {path}: {error}").format(path=path, error=error.strerror or error)) from None


def _fsync_folder(folder: str) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. platforms without directory descriptors
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(descriptor)
