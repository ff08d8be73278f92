"""Allowances and consumption amounts: data in MB, minutes and SMS counts, or unlimited.

One GB is 1000 MB, as the operators count it (Iliad: 0.90 € per 100 MB "corrispondono a 9 euro
per ogni Giga", in an undated article on renewals with short credit).
"""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from kenactl.errors import InputError
from kenactl.text import N_, Msg

UNLIMITED = None
"""An unlimited allowance is represented by ``None``."""

MB_PER_GB = 1000
PERCENT_STEP = Decimal("0.1")
MAX_COUNT = 10**9
MAX_DATA = 10**12  # MB: a million terabytes, far beyond any offer, well within Decimal's 28 digits
_UNLIMITED_WORDS = {"unlimited", "illimitati", "illimitato", "illimitata", "illimitate", "unl", "∞"}
_FACTORS = {"mb": 1, "gb": MB_PER_GB, "g": MB_PER_GB, "giga": MB_PER_GB}
CASELESS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The letters beyond A-Z that a case-insensitive ``[a-z]`` matches (İ ı ſ K), mapped to theirs: with
``str.lower`` after it, a word compares as a case-insensitive pattern compares it."""


def number_end(text: str) -> tuple[int, int]:
    """Where a number ``digits[.digits]`` or ``digits[,digits]`` at the start of ``text`` ends, and how many
    decimals it has (0 without a mark); ``(0, 0)`` when ``text`` does not start with a digit. A digit is
    what ``\\d`` matches: any Unicode decimal digit (``str.isdecimal``), which ``Decimal`` reads."""
    end = _digits_end(text, 0)
    if end == 0 or end == len(text) or text[end] not in ".,":
        return end, 0
    fraction_end = _digits_end(text, end + 1)
    return (end, 0) if fraction_end == end + 1 else (fraction_end, fraction_end - end - 1)


def _digits_end(text: str, start: int) -> int:
    end, size = start, len(text)
    while end < size and text[end].isdecimal():
        end += 1
    return end


def parse_data(text: str | int, *, field: str = "data", allow_unlimited: bool = True) -> int | None:
    """Parse ``800MB``, ``12.5GB``, ``1,5 GB`` or ``unlimited`` into whole MB (``None`` = unlimited).

    A unit is required unless the amount is 0: a bare "100" could mean MB or GB.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        if text < 0:
            raise InputError(field, Msg("{value} is negative", value=text))
        return text
    raw = str(text).strip()
    if raw.lower() in _UNLIMITED_WORDS:
        if not allow_unlimited:
            raise InputError(field, Msg("'unlimited' is not an amount used"))
        return UNLIMITED
    end = number_end(raw)[0]
    number, unit = raw[:end], raw[end:].lstrip()
    folded = unit.translate(CASELESS).lower()  # the unit as a case-insensitive match compares it
    if end and folded not in _FACTORS and folded.isascii() and folded.isalpha():
        raise InputError(field, Msg("unknown unit {unit} in {value}; use MB or GB (e.g. 800MB, 12.5GB)",
            unit=repr(unit), value=repr(raw)))
    if not end or folded not in _FACTORS and unit:
        raise InputError(field, Msg("{value} is not a data amount (examples: 800MB, 12.5GB, 1,5 GB, unlimited)",
            value=repr(raw)))
    if not unit and Decimal(number.replace(",", ".")) != 0:
        raise InputError(field, Msg("{value} needs a unit: MB or GB (e.g. {number}GB)",
            value=repr(raw), number=number))
    try:
        amount = Decimal(number.replace(",", ".")) * _FACTORS[folded or "mb"]
    except InvalidOperation:  # pragma: no cover - only digits are admitted
        raise InputError(field, Msg("{value} is not a data amount", value=repr(raw))) from None
    if amount > MAX_DATA:  # also keeps quantize() within the decimal context's 28 digits
        raise InputError(field, Msg("{value} is too large (at most {limit})",
            value=repr(raw), limit=canonical_data(MAX_DATA)))
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_count(text: str | int, *, field: str, allow_unlimited: bool = True) -> int | None:
    """Parse a whole number of minutes or SMS, or ``unlimited`` (``None``)."""
    if isinstance(text, int) and not isinstance(text, bool):
        value = text
    else:
        raw = str(text).strip()
        if raw.lower() in _UNLIMITED_WORDS:
            if not allow_unlimited:
                raise InputError(field, Msg("'unlimited' is not an amount used"))
            return UNLIMITED
        if not (raw.isascii() and raw.isdigit()):  # isdigit alone admits "²", which int() refuses
            template = (N_("{value} is not a whole number or unlimited") if allow_unlimited
                        else N_("{value} is not a whole number"))
            raise InputError(field, Msg(template, value=repr(raw)))
        value = int(raw)
    if value < 0:
        raise InputError(field, Msg("{value} is negative", value=value))
    if value > MAX_COUNT:
        raise InputError(field, Msg("{value} is too large (at most {limit})",
            value=value, limit=MAX_COUNT))
    return value


def data_parts(mb: int | Decimal, places: int = 2) -> tuple[Decimal, str]:
    """The one way data is shown: whole MB below 1 GB, else GB with up to ``places`` decimals.

    ``(Decimal(800), "MB")``, ``(Decimal("12.5"), "GB")``; the caller adds the language's decimal mark.
    """
    if abs(mb) < MB_PER_GB:
        return Decimal(mb).quantize(Decimal(1), rounding=ROUND_HALF_UP), "MB"
    gb = (Decimal(mb) / MB_PER_GB).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize()
    return Decimal(f"{gb:f}"), "GB"


def format_data(mb: int | None) -> str:
    """``unlimited``, ``800 MB`` below 1 GB, else GB with up to two decimals (``12.5 GB``)."""
    if mb is None:
        return "unlimited"
    value, unit = data_parts(mb)
    return f"{value} {unit}"


def canonical_data(mb: int | None) -> str:
    """The profile's exact spelling of a data amount: ``unlimited``, ``800MB`` or ``12.345GB``."""
    if mb is None:
        return "unlimited"
    if mb < MB_PER_GB:
        return f"{mb}MB"
    return f"{(Decimal(mb) / MB_PER_GB).normalize():f}GB"


def shown_percent(percent: Decimal) -> Decimal:
    """A percentage as every output shows it: one decimal, rounded toward zero (79.96 → 79.9).

    Rounding down keeps "shown ≥ a threshold on a tenth (80) ⇔ the exact value ≥ it": nothing shows
    80% before the 80% rule is met. ``percent`` is ``consumption.percent_used``'s quotient, exact to
    28 digits, far closer than any tenth it could be mistaken for (amounts stay below 10¹² units).
    """
    return percent.quantize(PERCENT_STEP, rounding=ROUND_DOWN)
