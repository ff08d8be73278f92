"""Exact money: parsing user text into Decimal euros and formatting with two decimals."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kenactl.core.units import number_end
from kenactl.errors import InputError
from kenactl.text import Money, Msg

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
LIMIT = Decimal(10**9)
TOPUP_LIMIT = Decimal("1000.00")  # kenactl's own bound on one top-up (no operator rule): catches 100000 for 100


def parse_money(text: str | Decimal | int, *, field: str = "amount", allow_negative: bool = False) -> Decimal:
    """Parse ``7.99``, ``7,99``, ``7,99 €`` or ``-2`` into a Decimal with two decimals.

    More than two decimals, binary floats and signs where they are not allowed are refused
    with an ``InputError`` naming ``field``.
    """
    if isinstance(text, float):
        raise InputError(field, Msg("{value} is a binary float; write it as text such as \"7.99\"",
            value=repr(text)))
    if isinstance(text, (Decimal, int)) and not isinstance(text, bool):
        value = Decimal(text)
        if value.is_finite():
            _check_size(value, field)
        if not value.is_finite() or value != value.quantize(CENT, rounding=ROUND_HALF_UP):
            raise InputError(field, Msg("{value} is not an amount in euros with at most two decimals",
                value=text))
    else:
        written = _written_amount(str(text))
        if written is not None and written[2] > 2:
            raise InputError(field, Msg("{value} has more than two decimals; euros have cents (e.g. 7.99)",
                value=repr(text)))
        if written is None:
            raise InputError(field, Msg("{value} is not an amount in euros (examples: 7.99, 7,99, 10)",
                value=repr(text)))
        sign, digits, _decimals = written
        try:
            value = Decimal(sign + digits.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - only digits are admitted
            raise InputError(field, Msg("{value} is not an amount in euros",
                value=repr(text))) from None
        _check_size(value, field)
    if value < 0 and not allow_negative:
        raise InputError(field, Msg("{amount} is negative; it must be 0 or more",
            amount=Money(value)))
    return value.quantize(CENT)


def _written_amount(text: str) -> tuple[str, str, int] | None:
    """The sign, the number and its count of decimals of ``[+-] [€] digits[.,digits] [€|eur|euro]`` (spaces
    around each part, the unit in any case), or None for any other text."""
    rest = text.lstrip()
    sign = rest[0] if rest[:1] in ("+", "-") else ""
    rest = rest[len(sign):].lstrip()
    if rest.startswith("€"):
        rest = rest[1:].lstrip()
    end, decimals = number_end(rest)
    unit = rest[end:].strip()
    if end == 0 or not (unit in ("", "€") or unit.isascii() and unit.lower() in ("eur", "euro")):
        return None
    return sign, rest[:end], decimals


def parse_positive(text: str, *, field: str = "amount", limit: Decimal | None = None) -> Decimal:
    """An amount that must be more than zero (a top-up, a charge) and, with ``limit``, at most ``limit``."""
    value = parse_money(text, field=field, allow_negative=True)
    if value <= 0:
        raise InputError(field, Msg("the amount must be positive (more than {zero}), not {amount}",
            zero=Money(ZERO), amount=Money(value)))
    if limit is not None and value > limit:
        raise InputError(field, Msg("{amount} is more than {limit}, the most kenactl accepts for one top-up",
            amount=Money(value), limit=Money(limit)))
    return value


def _check_size(value: Decimal, field: str) -> None:
    if abs(value) >= LIMIT:  # also keeps quantize() within the decimal context's 28 digits
        raise InputError(field, Msg("{value} is too large; amounts stay below {limit} €",
            value=value, limit=LIMIT))


def shortfall(credit: Decimal, price: Decimal) -> Decimal:
    """What ``credit`` lacks to pay ``price``: never below zero."""
    return max(price - credit, ZERO)


def min_topup(credit: Decimal, price: Decimal, pending: Decimal) -> Decimal:
    """The least top-up that lets a renewal of ``price`` go through: the shortfall plus the ``pending``
    charges a top-up pays first; zero when the credit covers it (pending charges wait for a top-up)."""
    missing = shortfall(credit, price)
    return ZERO if missing == 0 else missing + pending


def format_money(value: Decimal) -> str:
    """Two decimals, dot separator, no currency: ``7.99``, ``-2.00``, ``0.00``."""
    quantized = value.quantize(CENT, rounding=ROUND_HALF_UP)
    if quantized == 0:
        quantized = ZERO  # never "-0.00"
    return f"{quantized:.2f}"
