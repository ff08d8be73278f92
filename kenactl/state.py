"""kenactl's own state file: what ``remind`` delivered and what ``export ics`` exported, per profile.

Never the profile (``remind`` and ``export`` do not write it). It lives in the per-user state
folder, ``platformdirs.user_state_path("kenactl")`` (``~/.local/state/kenactl`` on Linux), as
``<profile name>-<hash of the profile's absolute path>.json``, so each profile has its own; or at
``$KENACTL_STATE``. Written like the profile: under a lock file beside it, through an fsynced
temporary file renamed over it (``store.write_atomic``), mode 0600, in a folder created 0700;
rewritten only when its content changes.
"""

import hashlib
import json
import os
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from kenactl.errors import ProfileError
from kenactl.i18n import _

STATE_ENV = "KENACTL_STATE"
VERSION = 1


def state_path(profile: Path) -> Path:
    """``$KENACTL_STATE``, else the state folder's file for this profile."""
    chosen = os.environ.get(STATE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # lazily, like paths.default_profile_path

    absolute = Path(os.path.abspath(profile.expanduser()))
    digest = hashlib.sha256(str(absolute).encode("utf-8")).hexdigest()[:12]
    return platformdirs.user_state_path("kenactl", appauthor=False) / f"{absolute.stem}-{digest}.json"


def empty(profile: Path) -> dict[str, Any]:
    """A state with nothing delivered and nothing exported."""
    return {"version": VERSION, "profile": os.path.abspath(profile), "delivered": {}, "calendar": {}}


def read(path: Path, profile: Path) -> dict[str, Any]:
    """The state at ``path`` (an empty one when there is no file); a damaged file is a ``ProfileError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return empty(profile)
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(_("cannot read the state file {path}: {error}").format(
            path=path, error=getattr(error, "strerror", None) or error)) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        document = error
    if (not isinstance(document, dict) or document.get("version") != VERSION
            or not isinstance(document.get("delivered"), dict) or not isinstance(document.get("calendar"), dict)):
        raise ProfileError(_("the state file {path} is damaged; move it away to start afresh (reminders "
                             "already sent may then be sent again)").format(path=path))
    return document


def write(path: Path, document: dict[str, Any]) -> bool:
    """Replace the state with ``document`` unless it already holds exactly that; True if written."""
    from kenactl import store

    data = (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    store.write_atomic(path, data, mode=0o600)
    return True


def locked(path: Path) -> AbstractContextManager[None]:
    """Hold the state's lock (``<state>.lock``, taken as the profile's is): one ``remind`` or ``export`` at a
    time per profile."""
    from kenactl import store

    return store.locked(path)
