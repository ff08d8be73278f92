"""``json.loads`` for kenactl's small state file, without importing ``json`` (the export's larger memory uses it).

The ``json`` package compiles six regular expressions when imported, which costs more than ``remind`` then
spends reading its small state file. ``loads`` gives the values ``json.loads`` gives (integers, floats,
``NaN`` and ``Infinity``, escapes and surrogate pairs, the last of repeated keys) and refuses the texts it
refuses, with a ``ValueError`` (``tests/test_json_reader.py`` compares the two by hypothesis).
"""

from typing import Any

END = "\x00"  # appended to the text: never valid outside a string, so reading on needs no bounds check
WHITESPACE = " \t\n\r"
DIGITS = "0123456789"
NUMBER_CHARACTERS = frozenset(DIGITS + "+-.eE")  # a number is the longest run of these, else the text is refused
HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
WORDS = (("null", None), ("true", True), ("false", False), ("NaN", float("nan")), ("Infinity", float("inf")),
         ("-Infinity", float("-inf")))


def loads(text: str) -> Any:
    """The JSON value of ``text``; a ``ValueError`` when it is not one JSON value (whitespace around it)."""
    text += END
    value, at = _value(text, _blank(text, 0))
    at = _blank(text, at)
    if at != len(text) - 1:
        raise _refused(text, at, "extra data")
    return value


def _refused(text: str, at: int, what: str) -> ValueError:
    return ValueError(f"not JSON: {what} at character {at} of {len(text) - 1}")


def _value(text: str, at: int) -> tuple[Any, int]:
    """The value starting at ``at`` and the index just after it."""
    char = text[at]
    if char == '"':
        return _string(text, at + 1)
    if char in DIGITS or (char == "-" and not text.startswith("-Infinity", at)):
        return _number(text, at)
    if char == "{":
        return _object(text, at + 1)
    if char == "[":
        return _array(text, at + 1)
    for word, value in WORDS:
        if text.startswith(word, at):
            return value, at + len(word)
    raise _refused(text, at, "no value")


def _number(text: str, at: int) -> tuple[int | float, int]:
    """``-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][-+]?[0-9]+)?``: an ``int`` without fraction or exponent, else a float."""
    end = at
    while text[end] in NUMBER_CHARACTERS:
        end += 1
    token = text[at:end]
    start = 1 if token[0] == "-" else 0
    index = _digits(token, start)
    if token[start:start + 1] == "0" and index > start + 1:
        index = -1  # a leading zero
    fraction = 0 < index < len(token) and token[index] == "."
    if fraction:
        index = _digits(token, index + 1)
    exponent = 0 < index < len(token) and token[index] in "eE"
    if exponent:
        index = _digits(token, index + 2 if token[index + 1:index + 2] in ("+", "-") else index + 1)
    if index != len(token):
        raise _refused(text, at, "bad number")
    return (float(token) if fraction or exponent else int(token)), end


def _digits(token: str, at: int) -> int:
    """The index after the digits of ``token`` from ``at``; -1 when there are none."""
    end = at
    while end < len(token) and token[end] in DIGITS:
        end += 1
    return -1 if end == at else end


def _string(text: str, at: int) -> tuple[str, int]:
    """The string whose text starts at ``at`` (after its opening quote) and the index after its closing one."""
    quote = text.find('"', at)
    plain = text[at:quote]
    if quote != -1 and plain.isprintable() and "\\" not in plain:
        return plain, quote + 1
    parts = []
    while True:
        quote = text.find('"', at)
        if quote == -1:
            raise _refused(text, at, "unterminated string")
        backslash = text.find("\\", at, quote)
        plain = text[at:quote if backslash == -1 else backslash]
        if not plain.isprintable() and any(char < " " for char in plain):
            raise _refused(text, at, "control character in a string")
        parts.append(plain)
        if backslash == -1:
            return "".join(parts), quote + 1
        escape = text[backslash + 1]
        if escape == "u":
            code, at = _code_point(text, backslash + 2)
            parts.append(chr(code))
        elif escape in ESCAPES:
            parts.append(ESCAPES[escape])
            at = backslash + 2
        else:
            raise _refused(text, backslash, "bad escape")


def _code_point(text: str, at: int) -> tuple[int, int]:
    """The character of ``\\uXXXX`` whose digits start at ``at`` (with a following low surrogate, the pair's)."""
    code = _hex(text, at)
    after = at + 4
    if 0xD800 <= code <= 0xDBFF and text.startswith("\\u", after):
        low = _hex(text, after + 2)
        if 0xDC00 <= low <= 0xDFFF:
            return 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), after + 6
    return code, after


def _hex(text: str, at: int) -> int:
    digits = text[at:at + 4]
    if not HEX_DIGITS.issuperset(digits) or len(digits) != 4:
        raise _refused(text, at, "bad \\u escape")
    return int(digits, 16)


def _object(text: str, at: int) -> tuple[dict[str, Any], int]:
    """The object whose members start at ``at`` (after ``{``) and the index after its ``}``."""
    members: dict[str, Any] = {}
    at = _blank(text, at)
    if text[at] == "}":
        return members, at + 1
    while True:
        if text[at] != '"':
            raise _refused(text, at, "no member name")
        key, at = _string(text, at + 1)
        at = _blank(text, at)
        if text[at] != ":":
            raise _refused(text, at, "no ':'")
        members[key], at = _value(text, _blank(text, at + 1))
        closed, at = _after_item(text, at, "}")
        if closed:
            return members, at


def _array(text: str, at: int) -> tuple[list[Any], int]:
    """The array whose items start at ``at`` (after ``[``) and the index after its ``]``."""
    items: list[Any] = []
    at = _blank(text, at)
    if text[at] == "]":
        return items, at + 1
    while True:
        item, at = _value(text, at)
        items.append(item)
        closed, at = _after_item(text, at, "]")
        if closed:
            return items, at


def _after_item(text: str, at: int, closer: str) -> tuple[bool, int]:
    """After an object's member or an array's item: ``(True, index after closer)`` at the end, else
    ``(False, index of the next one)`` after the comma."""
    at = _blank(text, at)
    if text[at] == closer:
        return True, at + 1
    if text[at] != ",":
        raise _refused(text, at, f"no ',' or '{closer}'")
    return False, _blank(text, at + 1)


def _blank(text: str, at: int) -> int:
    """The index of the first character at or after ``at`` that is not JSON whitespace."""
    while text[at] in WHITESPACE:
        at += 1
    return at
