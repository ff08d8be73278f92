"""Exact money: parsing user text into Decimal euros and formatting with two decimals."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kenactl.errors import InputError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
LIMIT = Decimal(10**9)
_MONEY = re.compile(r"^\s*([+-]?)\s*(?:€\s*)?(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur|euro)?\s*$", re.IGNORECASE)
_TOO_PRECISE = re.compile(r"^\s*[+-]?\s*(?:€\s*)?\d+[.,]\d{3,}\s*(?:€|eur|euro)?\s*$", re.IGNORECASE)


def parse_money(text: str | Decimal | int, *, field: str = "amount", allow_negative: bool = False) -> Decimal:
    """Parse ``7.99``, ``7,99``, ``7,99 €`` or ``-2`` into a Decimal with two decimals.

    More than two decimals, binary floats and signs where they are not allowed are refused
    with an ``InputError`` naming ``field``.
    """
    if isinstance(text, float):
        raise InputError(f"{field}: {text!r} is a binary float; write it as text such as \"7.99\"")
    if isinstance(text, (Decimal, int)) and not isinstance(text, bool):
        value = Decimal(text)
        if value.is_finite():
            _check_size(value, field)
        if not value.is_finite() or value != value.quantize(CENT, rounding=ROUND_HALF_UP):
            raise InputError(f"{field}: {text} is not an amount in euros with at most two decimals")
    else:
        match = _MONEY.match(str(text))
        if not match and _TOO_PRECISE.match(str(text)):
            raise InputError(f"{field}: {text!r} has more than two decimals; euros have cents (e.g. 7.99)")
        if not match:
            raise InputError(f"{field}: {text!r} is not an amount in euros (examples: 7.99, 7,99, 10)")
        sign, digits = match.groups()
        try:
            value = Decimal(sign + digits.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            raise InputError(f"{field}: {text!r} is not an amount in euros") from None
        _check_size(value, field)
    if value < 0 and not allow_negative:
        raise InputError(f"{field}: {format_money(value)} € is negative; it must be 0 or more")
    return value.quantize(CENT)


def _check_size(value: Decimal, field: str) -> None:
    if abs(value) >= LIMIT:  # also keeps quantize() within the decimal context's 28 digits
        raise InputError(f"{field}: {value} is too large; amounts stay below {LIMIT} €")


def format_money(value: Decimal) -> str:
    """Two decimals, dot separator, no currency: ``7.99``, ``-2.00``, ``0.00``."""
    quantized = value.quantize(CENT, rounding=ROUND_HALF_UP)
    if quantized == 0:
        quantized = ZERO  # never "-0.00"
    return f"{quantized:.2f}"


def euros(value: Decimal) -> str:
    """Money for people: ``7.99 €``."""
    return f"{format_money(value)} €"
