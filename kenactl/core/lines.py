"""Lines at a glance: one row per line for ``line list``, and an offer named with its price once."""

from datetime import datetime
from decimal import Decimal

from kenactl.core import money
from kenactl.core.model import Line, Profile
from kenactl.core.record import record
from kenactl.errors import InputError
from kenactl.text import Money, Msg

COVERED, SHORT = "covered", "short"


@record
class LineRow:
    """What ``line list`` shows of one line. ``state`` is ``covered`` (the credit pays the next renewal) or
    ``short`` (a top-up of at least ``min_topup`` is needed before ``next_renewal``)."""

    line: Line
    is_default: bool
    next_renewal: datetime
    state: str
    min_topup: Decimal


def line_row(profile: Profile, line: Line, now: datetime) -> LineRow:
    """The row of ``line`` at ``now``, from what today's status knows of the next renewal."""
    from kenactl.core.status import line_status

    report = line_status(profile, line, now)
    return LineRow(line=line, is_default=report.is_default, next_renewal=report.next_renewal,
                   state=COVERED if report.min_topup == 0 else SHORT, min_topup=report.min_topup)


def offer_with_price(line: Line) -> str | Msg:
    """``TIM Smart 9.99 €``; just ``Kena 7.99`` when the offer's name already ends with its price."""
    words = line.offer.split()
    try:
        named = bool(words) and money.parse_money(words[-1]) == line.price
    except InputError:
        named = False
    return line.offer if named else Msg("{offer} {price}", offer=line.offer, price=Money(line.price))
