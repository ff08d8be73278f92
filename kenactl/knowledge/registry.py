"""The one operator registry: which operators exist (built in, or added by a user's file beside the
profile) and which data file holds each, read within kenactl's limits.

Cheap to import on purpose: the full loader (``knowledge.operators``) and the ledger's rule reader
(``knowledge.ledger_rules``, on every ``status``) both start here.
"""

import re
from pathlib import Path
from typing import Any

from kenactl.errors import KenactlError, ProfileError
from kenactl.i18n import _
from kenactl.text import Msg

BUILTIN_FOLDER = Path(__file__).parent / "operators"
BUILTIN = ("kena", "tim", "vodafone", "windtre", "iliad", "other")  # in this order in help and comparisons
COMMON = "_common"
FILE_LIMIT = 256 * 1024  # bytes of one operator file
OPERATOR_ID = r"^[a-z0-9][a-z0-9-]{0,39}$"  # compiled (and cached by re) when first used


def user_folder(profile_path: Path) -> Path:
    """Where a user's operator files live: ``operators/`` next to the profile."""
    return profile_path.parent / "operators"


def known(folder: Path | None = None) -> tuple[str, ...]:
    """The built-in ids, then those only the user's folder (``user_folder``) adds."""
    extra = []
    if folder is not None and folder.is_dir():
        extra = sorted(path.stem for path in folder.glob("*.toml")
                       if re.match(OPERATOR_ID, path.stem) and path.stem not in BUILTIN)
    return (*BUILTIN, *extra)


def known_near(profile_path: Path | None) -> tuple[str, ...]:
    """The operators a profile at ``profile_path`` may name (``None``: the built-in ones)."""
    return known(None if profile_path is None else user_folder(profile_path))


def data_file(operator_id: str, folder: Path | None = None) -> Path:
    """The data file of ``operator_id``: the user's in ``folder`` if there is one, else the built-in one."""
    user_file = folder / f"{operator_id}.toml" if folder is not None and re.match(OPERATOR_ID, operator_id) else None
    if user_file is not None and user_file.is_file():
        return user_file
    if operator_id in BUILTIN:
        return BUILTIN_FOLDER / f"{operator_id}.toml"
    raise KenactlError(Msg("unknown operator {operator}; known: {known}", operator=repr(operator_id),
                           known=", ".join(known(folder))))


def read(path: Path) -> dict[str, Any]:
    """An operator file's TOML, capped in size, nesting and numbers (a ``ProfileError`` naming the file).

    A built-in file is package data, already parsed: its document comes from ``builtin_data`` (written
    from the files by ``tools/operator_data.py``, checked by a test), so a start parses no operator
    TOML; callers never change the document.
    """
    if path.parent == BUILTIN_FOLDER and path.suffix == ".toml":
        from kenactl.knowledge.operators.builtin_data import DOCUMENTS

        return DOCUMENTS[path.stem]
    return parse_file(path)


def parse_file(path: Path) -> dict[str, Any]:
    """An operator file's TOML read from disk, within kenactl's limits."""
    from kenactl.safety import TomlLimitError, load_toml, read_capped

    try:  # tomllib itself would recurse or convert without limit
        return load_toml(read_capped(path, FILE_LIMIT), check_text=False)
    except TomlLimitError as error:
        raise ProfileError(f"{path}: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(_("{path}: cannot read: {error}").format(
            path=path, error=getattr(error, "strerror", None) or error)) from None
