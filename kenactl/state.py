"""kenactl's own state file: what ``remind`` delivered, per profile; beside it, what ``export ics`` exported.

Never the profile (``remind`` and ``export`` do not write it). It lives in the per-user state
folder, ``platformdirs.user_state_path("kenactl")`` (``~/.local/state/kenactl`` on Linux), as
``<profile name>-<hash of the profile's absolute path>.json``, so each profile has its own; or at
``$KENACTL_STATE``. The export's memory, often many times larger, is its own file beside it
(``calendar_file``: ``<state>.calendar.json``), so that ``remind`` (every few minutes from cron) does not
read it; an older kenactl kept it in the state file's ``calendar`` table, which the next export moves out.
Both are written like the profile, under the state's one lock file: through an fsynced temporary file
renamed over it (``writer.write_atomic``), mode 0600, in a folder created 0700; rewritten only when their
content changes. The state is read by ``json_reader`` (``remind`` does not import ``json``), the memory by
``json.loads``, which the export has loaded and which reads a large memory several times faster.
"""

import os
import sys
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from kenactl import json_reader
from kenactl.errors import ProfileError
from kenactl.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

STATE_ENV = "KENACTL_STATE"
VERSION = 1


def state_path(profile: "str | os.PathLike[str]") -> "Path":
    """``state_file`` as a ``Path``."""
    from pathlib import Path

    return Path(state_file(profile))


def state_file(profile: "str | os.PathLike[str]") -> str:
    """``$KENACTL_STATE``, else the state folder's file for this profile: the text of its ``Path``."""
    chosen = os.environ.get(STATE_ENV)
    if chosen:
        from kenactl.paths import user_location

        return user_location(chosen, STATE_ENV)  # as $KENACTL_PROFILE is read
    absolute = os.path.abspath(os.path.expanduser(profile))  # normalized: its Path has this same text
    digest = _sha256(absolute.encode("utf-8"))[:12]
    return os.path.join(state_folder(), f"{path_stem(os.path.basename(absolute))}-{digest}.json")


def path_stem(name: str) -> str:
    """``Path(name).stem`` for a file name: worked out here where every Python gives the same answer (a dot
    with a name part before it and something after it, or no dot), else asked to ``pathlib``."""
    dot = name.rfind(".")
    if dot == -1:
        return name
    if 0 < dot < len(name) - 1 and name[:dot].strip("."):
        return name[:dot]
    from pathlib import PurePath

    return PurePath(name).stem


def state_folder() -> str:
    """kenactl's folder in the per-user state folder: ``platformdirs.user_state_path("kenactl")``.

    platformdirs is the rule; its import is about a tenth of a ``remind``, so the plain Linux case,
    where every platformdirs release gives ``$XDG_STATE_HOME/kenactl`` (an absolute one) or else
    ``~/.local/state/kenactl`` (with an absolute ``$HOME``), is written here; anything else asks it.
    """
    if sys.platform == "linux" and not hasattr(sys, "getandroidapilevel") and not (
            os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"):
        base = os.environ.get("XDG_STATE_HOME", "")
        if not base.strip() and os.path.isabs(os.environ.get("HOME", "")):
            base = os.path.expanduser("~/.local/state")
        folder = os.path.join(base, "kenactl")
        if os.path.isabs(base) and folder == os.path.normpath(folder):  # a Path of it is this same text
            return folder
    import platformdirs

    return str(platformdirs.user_state_path("kenactl", appauthor=False))


def _sha256(data: bytes) -> str:
    """The SHA-256 hex digest of ``data`` (the interpreter's own SHA-256: ``hashlib`` would load OpenSSL)."""
    try:
        if sys.version_info >= (3, 12):  # asked by version: a failed import searches the whole path
            from _sha2 import sha256
        else:
            from _sha256 import sha256
    except ImportError:  # pragma: no cover - an interpreter built without its own SHA-256
        from hashlib import sha256
    return sha256(data).hexdigest()


def empty(profile: "str | os.PathLike[str]") -> dict[str, Any]:
    """A state with nothing delivered and nothing exported."""
    return {"version": VERSION, "profile": os.path.abspath(profile), "delivered": {}, "calendar": {}}


def read(path: "str | os.PathLike[str]", profile: "str | os.PathLike[str]") -> dict[str, Any]:
    """The state at ``path`` (an empty one when there is no file); a damaged file is a ``ProfileError``."""
    document = _read_json(path, json_reader.loads)
    if document is None:
        return empty(profile)
    if (not isinstance(document, dict) or document.get("version") != VERSION
            or not isinstance(document.get("delivered"), dict) or not isinstance(document.get("calendar"), dict)):
        raise damaged(path)
    return document


def damaged(path: "str | os.PathLike[str]") -> ProfileError:
    """The error for a state or calendar file at ``path`` that kenactl cannot use."""
    return ProfileError(_("the state file {path} is damaged; move it away to start afresh (reminders "
                          "already sent may then be sent again)").format(path=path))


def _read_json(path: "str | os.PathLike[str]", loads: "Callable[[str], Any]") -> Any:
    """The JSON value in the file at ``path`` read by ``loads`` (the ``ValueError`` when it is not JSON); None when
    there is no file; an unreadable one is a ``ProfileError``."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(_("cannot read the state file {path}: {error}").format(
            path=path, error=getattr(error, "strerror", None) or error)) from None
    try:
        return loads(text)
    except (ValueError, RecursionError) as error:  # not JSON, or nested deeper than Python recurses
        return error


def calendar_file(path: "str | os.PathLike[str]") -> str:
    """Where the export's memory of the state at ``path`` is: ``<state>.calendar.json`` (``.json`` replaced)."""
    text = os.fspath(path)
    return f"{text.removesuffix('.json')}.calendar.json"


def read_calendar(path: "str | os.PathLike[str]") -> dict[str, Any] | None:
    """The export's memory beside the state at ``path`` (``{"events": {...}}``); None when there is no such file
    yet. A damaged file is a ``ProfileError``."""
    where = calendar_file(path)
    import json  # the export, the one reader of this memory, has loaded it; in C it reads a large memory faster

    document = _read_json(where, json.loads)
    if document is None:
        return None
    if not isinstance(document, dict) or document.get("version") != VERSION or not isinstance(
            document.get("events"), dict):
        raise damaged(where)
    return {"events": document["events"]}


def write_calendar(path: "str | os.PathLike[str]", calendar: dict[str, Any], profile: "str | os.PathLike[str]") -> bool:
    """Replace the export's memory beside the state at ``path`` unless it already holds exactly that."""
    return write(calendar_file(path), {"version": VERSION, "profile": os.path.abspath(profile), **calendar})


def write(path: "str | os.PathLike[str]", document: dict[str, Any]) -> bool:
    """Replace the state with ``document`` unless it already holds exactly that; True if written."""
    import json

    data = (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
    except OSError:
        pass
    from kenactl import writer

    writer.write_atomic(path, data, mode=0o600)
    return True


def locked(path: "str | os.PathLike[str]") -> AbstractContextManager[None]:
    """Hold the state's lock (``<state>.lock``, taken as the profile's is): one ``remind`` or ``export`` at a
    time per profile writes (a ``remind`` with nothing to deliver only reads: each write replaces the file whole)."""
    from kenactl import writer

    return writer.locked(path)
