"""The only module that reads and writes the profile file.

Reads parse TOML (floats as Decimal) and validate it through ``schema``. Writes happen under a lock
file (``profile.toml.lock``) so concurrent kenactl processes never lose each other's changes, go
to a temporary file in the same folder that is fsynced and renamed over the profile (readers see
the old or the new file, never half of one), keep the previous version as ``profile.toml.bak``,
and create files with mode 0600. A command that fails before the rename leaves the file
byte-identical.
"""

import os
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from kenactl.core.dates import instant
from kenactl.core.model import Profile
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.text import N_

LOCK_TIMEOUT_SECONDS = 30
INIT_HINT = N_("create one with: kenactl init --operator kena --offer NAME --price 7.99 --renewal-day 15 "
               "--data 100GB --minutes unlimited --sms 100 --credit 10")


def read_text(path: Path) -> str:
    """The profile's text; a missing, unreadable or non-UTF-8 file is a ``ProfileError``."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(_("no profile at {path}; {hint}").format(path=path, hint=_(INIT_HINT))) from None
    except IsADirectoryError:
        raise ProfileError(_("profile {path} is a directory, not a file").format(path=path)) from None
    except PermissionError:
        raise ProfileError(_("cannot read profile {path}: permission denied").format(path=path)) from None
    except UnicodeDecodeError as error:
        line = error.object[:error.start].count(b"\n") + 1
        raise ProfileError(_("profile {path} is not UTF-8 text (line {line}, byte {byte})").format(
            path=path, line=line, byte=error.start)) from None
    except OSError as error:
        raise ProfileError(_("cannot read profile {path}: {error}").format(
            path=path, error=error.strerror or error)) from None


def parse(text: str, origin: Path | str, near: Path | None = None) -> Profile:
    """Parse and validate profile text; errors name ``origin`` and the line/column or field.

    Lines may name the operators known beside the profile at ``near`` (default: ``origin`` if a path).
    """
    from kenactl.knowledge.operators import known_near
    from kenactl.schema import profile_from_toml

    try:
        document = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(_("{origin}: not valid TOML: {error}").format(origin=origin, error=error)) from None
    try:
        return profile_from_toml(document, known_near(near or (origin if isinstance(origin, Path) else None)))
    except ProfileError as error:
        raise ProfileError(f"{origin}: {error.message}") from None


def load(path: Path) -> Profile:
    """Read and validate the profile at ``path``."""
    return parse(read_text(path), path)


def dumps(profile: Profile) -> str:
    """The TOML text of ``profile``."""
    from kenactl.schema import profile_to_text

    return profile_to_text(profile)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the profile's write lock (a ``.lock`` file beside it)."""
    from filelock import FileLock, Timeout

    ensure_folder(path)
    lock = FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise ProfileError(_("profile {path} is locked by another kenactl (waited {seconds}s)").format(
            path=path, seconds=LOCK_TIMEOUT_SECONDS)) from None
    except OSError as error:  # e.g. a read-only folder: the lock file cannot be created
        raise ProfileError(_("cannot write in {path}: {error}").format(
            path=path.parent, error=error.strerror or error)) from None
    try:
        yield
    finally:
        lock.release()


def ensure_folder(path: Path) -> None:
    """Create the profile's folder (mode 0700) if needed."""
    if path.is_dir():
        raise ProfileError(_("profile {path} is a directory, not a file").format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise ProfileError(_("cannot create folder {path}: {error}").format(
            path=path.parent, error=error.strerror or error)) from None


def update(path: Path, change: Callable[[Profile], Profile], now: datetime) -> Profile:
    """Read-modify-write under the lock: ``change`` gets the current profile and returns the new one.

    Nothing is written when ``change`` raises or returns an equal profile.
    """
    if not path.exists():
        read_text(path)  # the "no profile; kenactl init" error, before a folder or lock file is created
    with locked(path):
        current = load(path)
        changed = change(current)
        if changed == current:
            return current
        changed = replace(changed, updated_at=max(now, current.updated_at or now, key=instant))  # never backwards
        save(path, changed)
        return changed


def create(path: Path, profile: Profile, now: datetime, *, force: bool) -> Profile:
    """Write a new profile; an existing one is replaced only with ``force``."""
    with locked(path):
        if path.exists() and not force:
            raise ProfileError(_("a profile already exists at {path}; use --force to replace it").format(path=path))
        profile = replace(profile, updated_at=now)
        save(path, profile)
        return profile


def save(path: Path, profile: Profile) -> None:
    """Write ``profile`` atomically, keeping the previous file as ``.bak``. Call under ``locked``."""
    text = dumps(profile)
    parse(text, "generated profile", path)  # never write what could not be read back
    write_atomic(path, text.encode("utf-8"), backup=True)


def write_atomic(path: Path, data: bytes, *, backup: bool = False, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` via a fsynced temporary file and a rename.

    With ``backup`` the current file is first copied to ``path.bak`` (also atomically).
    """
    if path.is_dir():
        raise ProfileError(_("{path} is a directory, not a file").format(path=path))
    if backup and path.exists():
        _replace_with(Path(f"{path}.bak"), path.read_bytes(), mode)
    _replace_with(path, data, mode)


def _replace_with(path: Path, data: bytes, mode: int) -> None:
    import tempfile  # lazily: reads never need it

    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ProfileError(_("cannot write in {path}: {error}").format(
            path=path.parent, error=error.strerror or error)) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ProfileError(_("cannot write {path}: {error}").format(
                path=path, error=error.strerror or error)) from None
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
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
