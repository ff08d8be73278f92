"""Pending charges: amounts an operator takes at the next top-up, possibly recovered in instalments.

A charge of ``amount`` in ``instalments`` falls due one instalment every ``every_days`` from
``first_due`` (as in a news item on the WINDTRE Easy Pay billing fault: missed monthly charges taken
one every 30 days from the next month until paid). Whatever is due and not yet ``paid`` is taken first
at the next top-up (Carta dei Servizi Kena Mobile di TIM S.p.A., Edizione Dicembre 2022, §4: traffic
beyond the credit is charged at the first top-up; late fees and negative credit likewise, per an
undated article on renewals with short credit).
"""

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal

from kenactl.core import dates, money
from kenactl.core.model import Charge, Line
from kenactl.core.money import CENT, ZERO
from kenactl.core.record import record


@record
class Instalment:
    """One instalment of a charge: its number (from 1), due day, amount and state."""

    number: int
    due: date
    amount: Decimal
    state: str  # "paid", "due" (taken at the next top-up) or "upcoming"


def first_due(charge: Charge) -> date:
    """When the first instalment falls due: ``first_due``, else the day the charge was added."""
    return charge.first_due or charge.added


def schedule(charge: Charge, today: date | None = None) -> list[Instalment]:
    """The instalments of ``charge``: equal parts rounded down to the cent, the last takes the rest."""
    part = (charge.amount / charge.instalments).quantize(CENT, rounding=ROUND_DOWN)
    start = first_due(charge)
    covered = charge.paid
    items = []
    for index in range(charge.instalments):
        amount = part if index < charge.instalments - 1 else charge.amount - part * (charge.instalments - 1)
        due = start + timedelta(days=charge.every_days * index)
        covered -= amount
        if covered >= 0:
            state = "paid"
        else:
            state = "due" if today is not None and due <= today else "upcoming"
        items.append(Instalment(number=index + 1, due=due, amount=amount, state=state))
    return items


def outstanding(charge: Charge, day: date) -> Decimal:
    """What of ``charge`` has fallen due by ``day`` and is not paid yet."""
    due = sum((item.amount for item in schedule(charge) if item.due <= day), ZERO)
    return max(due - charge.paid, ZERO)


def pending_at(line: Line, now: datetime) -> Decimal:
    """What the operator takes first at a top-up made at ``now``: every charge due and unpaid."""
    day = dates.in_rome(now).date()
    return sum((outstanding(charge, day) for charge in line.charges), ZERO)


def shortfall(line: Line) -> Decimal:
    """What the credit lacks for the next renewal (the price; never below zero)."""
    return money.shortfall(line.credit, line.price)


def min_topup(line: Line, now: datetime) -> Decimal:
    """The least top-up, made before the next renewal, that lets it go through.

    The shortfall plus the charges due by the renewal moment (taken first from any top-up); zero when
    the credit covers the renewal, since pending charges are taken only at a top-up.
    """
    renewal = dates.next_renewal(line.renewal_day, line.renewal_time, now)
    return money.min_topup(line.credit, line.price, pending_at(line, renewal))


def take(line: Line, amount: Decimal, now: datetime) -> tuple[Line, Decimal]:
    """A top-up of ``amount`` at ``now``: the operator first takes what is due; returns the line and that sum.

    Charges are settled oldest due first; fully paid charges leave the line.
    """
    paid, left = pay_due(line.charges, amount, dates.in_rome(now).date())
    charges = tuple(replace(charge, paid=paid[index]) for index, charge in enumerate(line.charges)
                    if paid[index] < charge.amount)
    return replace(line, charges=charges, credit=line.credit + left), amount - left


def pay_due(charges: tuple[Charge, ...], amount: Decimal, day: date) -> tuple[list[Decimal], Decimal]:
    """What each charge has paid after ``amount`` goes to what is due by ``day`` (oldest due first), and
    what is left of ``amount``."""
    left = amount
    paid = [charge.paid for charge in charges]
    for index in sorted(range(len(charges)), key=lambda i: first_due(charges[i])):
        taken = min(outstanding(charges[index], day), left)
        left -= taken
        paid[index] += taken
    return paid, left
