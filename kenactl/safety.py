"""Defences against hostile text and hostile files: one check for free text, one TOML reader with limits.

Free text (offers, charge descriptions, complaint subjects) is refused when it holds control
characters, both on the command line and in the profile, by ``check_free_text``. What reaches the
screen anyway (e.g. from a user's operator file) is made visible by ``printable``. ``load_toml`` reads
TOML with caps on size, nesting and numbers, so that no file can make kenactl crash or run out of
memory; its errors are ``ValueError`` subclasses the callers turn into their own messages.
"""

import os
import stat
from decimal import Decimal
from typing import Any

import tomli

from kenactl.errors import InputError
from kenactl.i18n import _
from kenactl.text import Msg

MAX_TEXT = 500
"""The longest free text accepted (characters)."""
MAX_DEPTH = 20
"""The deepest nesting of tables and lists a profile or an operator file may have."""
MAX_INTEGER = 10**18
MAX_EXPONENT = 30
"""Decimals are refused when their magnitude is beyond 10**30 (or below 10**-30)."""
_INVISIBLE = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def read_capped(path: str | os.PathLike, limit: int) -> str:
    """The UTF-8 text of the file ``path``, refused (``TomlLimitError``) beyond ``limit`` bytes.

    A file that is not a regular one (a FIFO, a device) is refused before it is opened; ``OSError``
    and ``UnicodeDecodeError`` pass through.
    """
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
        raise TomlLimitError(_("not a regular file"))
    if status.st_size > limit:
        raise TomlLimitError(_("the file is larger than {limit} bytes").format(limit=limit))
    with open(path, encoding="utf-8") as handle:
        return handle.read()


class TomlLimitError(ValueError):
    """A TOML text beyond kenactl's limits, or not TOML at all; ``str()`` is the (translated) reason."""


def control_character(text: str) -> str | None:
    """The first control character of ``text`` (C0, DEL, C1, line separators, bidi controls), or a lone
    surrogate (what an argument that is not UTF-8 becomes), or None."""
    if text.isprintable():  # the usual case, decided at C speed: every hidden character is unprintable
        return None
    for character in text:
        if _hidden(character):
            return character
    return None


def _hidden(character: str) -> bool:
    import unicodedata  # lazily: only a text with an unprintable character gets here

    return unicodedata.category(character) in ("Cc", "Cs") or character in _INVISIBLE


def describe(character: str) -> str:
    """``U+001B`` with the character's name when it has one: how messages name a refused character."""
    import unicodedata

    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


def check_free_text(text: str, *, field: str) -> str:
    """``text`` if it is acceptable free text, else an ``InputError`` naming ``field`` and the problem."""
    found = control_character(text)
    if found is not None:
        raise InputError(field, Msg("control character {character} is not allowed in text",
                                    character=describe(found)))
    if len(text) > MAX_TEXT:
        raise InputError(field, Msg("text of {length} characters is too long (at most {limit})",
                                    length=len(text), limit=MAX_TEXT))
    return text


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), so none reaches a terminal."""
    if control_character(text) is None:
        return text
    return "".join(character.encode("unicode_escape", "backslashreplace").decode("ascii")
                   if _hidden(character) else character for character in text)


def load_toml(text: str, *, check_text: bool = True, structured: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Parse TOML (floats as Decimal) within kenactl's limits; ``TomlLimitError`` says what is wrong.

    With ``check_text`` every key and string must be acceptable free text (``check_free_text``), except
    strings under a key of ``structured``: data whose reader parses every character strictly.
    """
    try:
        document = tomli.loads(text, parse_float=Decimal)
    except tomli.TOMLDecodeError as error:
        raise TomlLimitError(_("not valid TOML: {error}").format(error=error)) from None
    except (ValueError, RecursionError):  # an integer of more than 4300 digits, a pathological nesting
        raise TomlLimitError(_("a number or a nesting in the file is too large to read")) from None
    _check_values(document, check_text, structured)
    return document


def _check_values(document: dict[str, Any], check_text: bool, structured: frozenset[str]) -> None:
    """Walk the parsed document (without recursion): depth, key and string text, number sizes.

    A value's field name (``lines.main.offer``, ``alarms[0]``) is spelled only for a message: each value
    keeps its place, ``(parent's place, key or index)``, and ``_field`` spells it."""
    pending: list[tuple[Any, int, tuple | None]] = [(document, 0, None)]
    checking = None  # the place of the text being checked
    try:
        while pending:
            value, depth, place = pending.pop()
            if depth > MAX_DEPTH:
                raise TomlLimitError(_("{field}: nested more than {limit} levels deep").format(
                    field=_field(place), limit=MAX_DEPTH))
            if isinstance(value, dict):
                for key, item in value.items():
                    checking = (place, key)
                    if check_text and (not key.isprintable() or len(key) > MAX_TEXT):  # else acceptable, no call
                        check_free_text(key, field="")
                    pending.append((item, depth + 1, checking))
            elif isinstance(value, list):
                pending.extend((item, depth + 1, (place, index)) for index, item in enumerate(value))
            elif isinstance(value, str):  # a structured key is always bare: its field name ends in ``.key``
                if check_text and (not value.isprintable() or len(value) > MAX_TEXT) and not (
                        place is not None and place[1] in structured):
                    checking = place
                    check_free_text(value, field="")
            elif isinstance(value, bool):
                continue
            elif isinstance(value, int):
                if abs(value) > MAX_INTEGER:
                    raise TomlLimitError(_("{field}: the number is too large").format(field=_field(place)))
            elif isinstance(value, Decimal) and value.is_finite() and value and abs(value.adjusted()) > MAX_EXPONENT:
                raise TomlLimitError(_("{field}: the number is too large or too small").format(field=_field(place)))
    except InputError as error:  # from ``check_free_text``: the message names the field
        raise TomlLimitError(InputError(_field(checking), error.reason).message) from None


def _field(place: tuple | None) -> str:
    """The field name of a place of ``_check_values``: keys joined by dots, list indexes in brackets."""
    if place is None:
        return ""
    parent, step = place
    where = _field(parent)
    if isinstance(step, int):
        return f"{where}[{step}]"
    return f"{where}.{_shown_key(step)}" if where else _shown_key(step)


def _shown_key(key: str) -> str:
    """A key as a field path shows it: bare when it is a simple name, else quoted with escapes."""
    bare = key.isascii() and key.replace("-", "a").replace("_", "a").isalnum()  # [A-Za-z0-9_-]+, no regex to compile
    return key if bare else repr(key)
