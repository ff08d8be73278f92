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
    chosen = option or os.environ.get(PROFILE_ENV)
    return expand_user(as_path_text(chosen)) if chosen else str(default_profile_path())


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
    return _mode(path) is not None


def is_dir(path: str | os.PathLike) -> bool:
    """``Path(path).is_dir()``."""
    mode = _mode(path)
    return mode is not None and stat.S_ISDIR(mode)


def is_file(path: str | os.PathLike) -> bool:
    """``Path(path).is_file()``."""
    mode = _mode(path)
    return mode is not None and stat.S_ISREG(mode)


def _mode(path: str | os.PathLike) -> int | None:
    """The mode of ``path`` (links followed), or None where ``pathlib`` answers False: a missing path, a
    non-folder on the way, a link loop, a NUL in the name. Other errors (a folder that cannot be searched)
    are raised, as ``pathlib`` raises them."""
    try:
        return os.stat(path).st_mode
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return None
        raise
    except ValueError:
        return None
