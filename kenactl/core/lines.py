"""Lines at a glance: one row per line for ``line list``, and an offer named with its price once."""

from datetime import datetime
from decimal import Decimal

from kenactl.core import money
from kenactl.core.model import Line, Profile
from kenactl.core.record import record
from kenactl.core.status import BLOCKED, COVERED, SHORT, SUSPENDED, line_status, offer_state
from kenactl.errors import InputError
from kenactl.text import Money, Msg

__all__ = ["BLOCKED", "COVERED", "SHORT", "SUSPENDED", "LineRow", "line_row", "offer_with_price"]


@record
class LineRow:
    """What ``line list`` shows of one line: its ``state`` as ``status`` has it (``core.status.offer_state``),
    the least top-up, and the next renewal (None while it can only come from a top-up)."""

    line: Line
    is_default: bool
    next_renewal: datetime | None
    state: str
    min_topup: Decimal


def line_row(profile: Profile, line: Line, now: datetime, state=None) -> LineRow:
    """The row of ``line`` at ``now``; with the ledger's ``state`` (``derived.derived_profile``), ``profile`` and
    ``line`` are the derived ones and the row says what ``status`` says."""
    report = line_status(profile, line, now, state=state)
    upcoming = report.next_renewal if state is None else state.next_renewal
    return LineRow(line=line, is_default=report.is_default, next_renewal=upcoming, state=offer_state(report),
                   min_topup=report.min_topup)


def offer_with_price(line: Line) -> str | Msg:
    """``TIM Smart 9.99 €``; just ``Kena 7.99`` when the offer's name already ends with its price."""
    words = line.offer.split()
    try:
        named = bool(words) and money.parse_money(words[-1]) == line.price
    except InputError:
        named = False
    return line.offer if named else Msg("{offer} {price}", offer=line.offer, price=Money(line.price))
