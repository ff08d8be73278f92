"""Where the profile lives; imported by every command and by completion, so it stays import-light.

The read commands carry the profile's location as a string (``profile_file``): ``pathlib`` costs a
start-up several milliseconds (it imports ``fnmatch``, ``urllib.parse`` and ``ipaddress``), so it is
imported only by the code that writes files or builds a ``Path`` (``profile_path``).
"""

import errno
import os
import stat

PROFILE_ENV = "KENACTL_PROFILE"


def default_profile_path():
    """The per-user profile location (``~/.config/kenactl/profile.toml`` on Linux), a ``Path``."""
    import platformdirs  # lazily: only needed when no path is given

    return platformdirs.user_config_path("kenactl", appauthor=False) / "profile.toml"


def profile_file(option: str | None) -> str:
    """``--profile``, else ``$KENACTL_PROFILE``, else the per-user default: ``str`` of its ``Path`` (a
    leading ``~`` expanded)."""
    if option:
        return user_location(option, "--profile")
    chosen = os.environ.get(PROFILE_ENV)
    return user_location(chosen, PROFILE_ENV) if chosen else str(default_profile_path())


def user_location(text: str, given_as: str) -> str:
    """A location the user gave (``given_as``: the option or variable) as the text of its expanded ``Path``;
    a ``~user`` with no home folder is an ``InputError`` naming it."""
    try:
        return expand_user(as_path_text(text))
    except RuntimeError:
        from kenactl.errors import InputError
        from kenactl.text import Msg

        raise InputError(given_as, Msg("{value} names no known home folder", value=repr(text))) from None


def profile_path(option: str | None):
    """``profile_file`` as a ``pathlib.Path``."""
    from pathlib import Path

    return Path(profile_file(option))


def as_path_text(text: str) -> str:
    """``str(PurePosixPath(text))``: repeated slashes and ``.`` parts dropped, no trailing slash, ``.``
    for an empty path; a leading ``//`` (exactly two slashes) is kept, as POSIX allows."""
    root = "//" if text.startswith("//") and not text.startswith("///") else "/" if text.startswith("/") else ""
    parts = [part for part in text.split("/") if part and part != "."]
    return root + "/".join(parts) if root or parts else "."


def expand_user(text: str) -> str:
    """``str(Path(text).expanduser())`` for a ``text`` from ``as_path_text``: a first part ``~`` or
    ``~user`` becomes that home folder (``RuntimeError`` when it cannot be determined, as there)."""
    if not text.startswith("~"):
        return text
    first, _, rest = text.partition("/")
    home = os.path.expanduser(first)
    if home.startswith("~"):
        raise RuntimeError("Could not determine home directory.")
    home = as_path_text(home)
    if not rest:
        return home
    return rest if home == "." else home + rest if home.endswith("/") else f"{home}/{rest}"


def exists(path: str | os.PathLike) -> bool:
    """``Path(path).exists()``."""
    return mode(path) != 0


def is_dir(path: str | os.PathLike) -> bool:
    """``Path(path).is_dir()``."""
    return stat.S_ISDIR(mode(path))


def is_file(path: str | os.PathLike) -> bool:
    """``Path(path).is_file()``."""
    return stat.S_ISREG(mode(path))


def mode(path: str | os.PathLike, follow_symlinks: bool = True) -> int:
    """The ``st_mode`` of ``path``, or 0 where ``pathlib`` answers that it does not exist: a missing path, a
    non-folder on the way, a link loop, a NUL in the name. Other errors (a folder that cannot be searched)
    are raised, as ``pathlib`` raises them."""
    try:
        return os.stat(path, follow_symlinks=follow_symlinks).st_mode
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return 0
        raise
    except ValueError:
        return 0


def parent(path: str) -> str:
    """``str(Path(path).parent)`` for the text of a ``Path``."""
    return os.path.dirname(path) or "."


def absolute(path: str) -> str:
    """``str(Path(path).absolute())`` for the text of a ``Path`` (joined to the working folder, not normalized)."""
    if os.path.isabs(path):
        return path
    return os.getcwd() if path == "." else os.path.join(os.getcwd(), path)
