"""The only module that reads the profile file (``writer`` writes it).

Reads parse TOML (floats as Decimal) within ``safety``'s limits and validate it through ``schema``; a read
command loads nothing that writes. Reads take a path as text or a ``Path`` (a read command does without
``pathlib``).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from kenactl.core.model import Profile
from kenactl.errors import ProfileError
from kenactl.i18n import _
from kenactl.text import N_

if TYPE_CHECKING:
    from pathlib import Path

MAX_PROFILE_BYTES = 8 * 1024 * 1024
INIT_HINT = N_("create one with: kenactl init --operator kena --offer NAME --price 7.99 --renewal-day 15 "
               "--data 100GB --minutes unlimited --sms 100 --credit 10")


def read_text(path: str | Path) -> str:
    """The profile's text; a missing, unreadable, oversized or non-UTF-8 file is a ``ProfileError``.

    A symlinked profile is read through its link; a leading UTF-8 byte order mark is dropped.
    """
    from kenactl.safety import TomlLimitError, read_capped

    try:
        return read_capped(path, MAX_PROFILE_BYTES).removeprefix("\ufeff")
    except FileNotFoundError:
        raise ProfileError(_("no profile at {path}; {hint}").format(path=path, hint=_(INIT_HINT))) from None
    except IsADirectoryError:
        raise ProfileError(_("profile {path} is a directory, not a file").format(path=path)) from None
    except PermissionError:
        raise ProfileError(_("cannot read profile {path}: permission denied").format(path=path)) from None
    except TomlLimitError as error:
        raise ProfileError(f"{path}: {error}") from None
    except UnicodeDecodeError as error:
        line = error.object[:error.start].count(b"\n") + 1
        raise ProfileError(_("profile {path} is not UTF-8 text (line {line}, byte {byte})").format(
            path=path, line=line, byte=error.start)) from None
    except OSError as error:
        raise ProfileError(_("cannot read profile {path}: {error}").format(
            path=path, error=error.strerror or error)) from None


def parse(text: str, origin: Path | str, near: str | Path | None = None) -> Profile:
    """Parse and validate profile text; errors name ``origin`` and the line/column or field.

    Lines may name the operators known beside the profile at ``near`` (default: ``origin`` if a path).
    """
    from kenactl.knowledge.registry import known_near
    from kenactl.safety import TomlLimitError, load_toml
    from kenactl.schema import STRUCTURED_TEXT, profile_from_toml

    try:
        document = load_toml(text.removeprefix("\ufeff"), structured=STRUCTURED_TEXT)
    except TomlLimitError as error:
        raise ProfileError(f"{origin}: {error}") from None
    try:
        return profile_from_toml(document, known_near(near or (origin if isinstance(origin, os.PathLike) else None)))
    except ProfileError as error:
        raise ProfileError(f"{origin}: {error.message}") from None
    except (ArithmeticError, ValueError):  # a value beyond what the schema's conversions can handle
        raise ProfileError(_("{origin}: a value is out of range").format(origin=origin)) from None


def load(path: str | Path) -> Profile:
    """Read and validate the profile at ``path``."""
    return parse(read_text(path), path, near=path)


def dumps(profile: Profile) -> str:
    """The TOML text of ``profile``."""
    from kenactl.schema_writer import profile_to_text

    return profile_to_text(profile)
