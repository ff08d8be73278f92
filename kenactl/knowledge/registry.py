"""The one operator registry: which operators exist (built in, or added by a user's file beside the
profile) and which data file holds each, read within kenactl's limits.

Cheap to import on purpose: ``knowledge.operators`` (on every read command), its loader and the ledger's
rule reader (``knowledge.ledger_rules``) all start here. Paths are text (``os.path``; a
``Path`` is accepted): ``pathlib`` is not imported on the way to a read command.
"""

import os
from typing import Any

from kenactl.errors import KenactlError, ProfileError
from kenactl.i18n import _
from kenactl.paths import is_dir, is_file
from kenactl.text import Msg

BUILTIN_ROOT = os.path.join(os.path.dirname(__file__), "operators")
BUILTIN = ("kena", "tim", "vodafone", "windtre", "iliad", "other")  # in this order in help and comparisons
COMMON = "_common"
FILE_LIMIT = 256 * 1024  # bytes of one operator file
ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def __getattr__(name: str) -> Any:
    """``BUILTIN_FOLDER``: ``BUILTIN_ROOT`` as a ``Path``, built on use (for tools and tests)."""
    if name == "BUILTIN_FOLDER":
        from pathlib import Path

        return Path(BUILTIN_ROOT)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def is_operator_id(text: str) -> bool:
    """Whether ``text`` is an operator id (or an option key): 1-40 lowercase ASCII letters, digits and '-', not
    starting with '-' — exactly what ``re.match(r"^[a-z0-9][a-z0-9-]{0,39}$", text)`` accepts (its ``$`` lets
    one newline end it), without compiling a regular expression on a start."""
    body = text[:-1] if text.endswith("\n") else text
    return 0 < len(body) <= 40 and body[0] != "-" and ID_CHARACTERS.issuperset(body)


def user_folder(profile_path: str | os.PathLike) -> str:
    """Where a user's operator files live: ``operators/`` next to the profile."""
    return os.path.join(os.path.dirname(profile_path), "operators")


def known(folder: str | os.PathLike | None = None) -> tuple[str, ...]:
    """The built-in ids, then those only the user's folder (``user_folder``) adds."""
    extra = []
    if folder is not None and is_dir(folder):
        try:
            names = os.listdir(folder)
        except PermissionError:  # as ``Path.glob`` did: an unreadable folder adds nothing
            names = []
        extra = sorted(name[:-5] for name in names
                       if name.endswith(".toml") and is_operator_id(name[:-5]) and name[:-5] not in BUILTIN)
    return (*BUILTIN, *extra)


def is_builtin(path: str | os.PathLike) -> bool:
    """Whether ``path`` (from ``data_file``) is one of kenactl's own operator files."""
    return os.path.dirname(path) == BUILTIN_ROOT


def builtin_file(name: str) -> str:
    """The built-in data file ``<name>.toml`` (an operator id or ``COMMON``)."""
    return os.path.join(BUILTIN_ROOT, f"{name}.toml")


def known_near(profile_path: str | os.PathLike | None) -> tuple[str, ...]:
    """The operators a profile at ``profile_path`` may name (``None``: the built-in ones)."""
    return known(None if profile_path is None else user_folder(profile_path))


def data_file(operator_id: str, folder: str | os.PathLike | None = None) -> str:
    """The data file of ``operator_id``: the user's in ``folder`` if there is one, else the built-in one."""
    user_file = os.path.join(folder, f"{operator_id}.toml") \
        if folder is not None and is_operator_id(operator_id) else None
    if user_file is not None and is_file(user_file):
        return user_file
    if operator_id in BUILTIN:
        return builtin_file(operator_id)
    raise KenactlError(Msg("unknown operator {operator}; known: {known}", operator=repr(operator_id),
                           known=", ".join(known(folder))))


def read(path: str | os.PathLike) -> dict[str, Any]:
    """An operator file's TOML, capped in size, nesting and numbers (a ``ProfileError`` naming the file).

    A built-in file is package data, already parsed: its document comes from ``builtin_data`` (written
    from the files by ``tools/operator_data.py``, checked by a test), so a start parses no operator
    TOML; callers never change the document.
    """
    name = os.path.basename(path)
    if is_builtin(path) and name.endswith(".toml") and len(name) > 5:  # ``Path.suffix`` of ".toml" is empty
        from kenactl.knowledge.operators.builtin_data import DOCUMENTS

        return DOCUMENTS[name[:-5]]
    return parse_file(path)


def parse_file(path: str | os.PathLike) -> dict[str, Any]:
    """An operator file's TOML read from disk, within kenactl's limits."""
    from kenactl.safety import TomlLimitError, load_toml, read_capped

    try:  # the TOML parser itself would recurse or convert without limit
        return load_toml(read_capped(path, FILE_LIMIT), check_text=False)
    except TomlLimitError as error:
        raise ProfileError(f"{path}: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(_("{path}: cannot read: {error}").format(
            path=path, error=getattr(error, "strerror", None) or error)) from None
