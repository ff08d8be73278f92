"""Pending charges: amounts an operator takes at the next top-up, or charges by card, possibly in instalments.

A charge of ``amount`` in ``instalments`` falls due one instalment every ``every_days`` from
``first_due``. On a line paid from the credit, whatever is due and not yet ``paid`` is taken first at
the next top-up (Carta dei Servizi Kena Mobile di TIM S.p.A., Edizione Dicembre 2022, §4: traffic
beyond the credit is charged at the first top-up; late fees and negative credit likewise, per an
undated article on renewals with short credit).

On a line paid by card or bank account the charge is arrears recovered like WINDTRE's Easy Pay (a news
item on its billing fault: «Il costo di rinnovo dei mesi precedenti ti sarà addebitato ogni 30 giorni,
a partire dal mese prossimo e sino al saldo del pregresso»): one renewal price every 30 days, the first
in the next calendar month, each charged to the card on its day and never taken from the credit.
"""

from datetime import date, datetime, timedelta
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal

from kenactl.core import dates, money
from kenactl.core.model import Charge, Line
from kenactl.core.money import CENT, ZERO
from kenactl.core.record import record, replace
from kenactl.errors import InputError
from kenactl.text import Money, Msg

EVERY_DAYS = 30  # «ogni 30 giorni»


@record
class Instalment:
    """One instalment of a charge: its number (from 1), due day, amount and state."""

    number: int
    due: date
    amount: Decimal
    state: str  # "paid", "due" (taken at the next top-up), "charged" (to the card) or "upcoming"


def new_charge(description: str, amount: Decimal, today: date, line: Line, *, instalments: int | None = None,
               every_days: int | None = None, first_due: date | None = None) -> Charge:
    """A charge added to ``line`` on ``today``, with the defaults of how the line pays.

    By card: one instalment per renewal price (the last one the rest) unless ``instalments`` is given
    (then equal parts: one per month missed), the first ``every_days`` (30) after ``today`` and never
    in its calendar month. From the credit: equal parts, the first due today for one payment, else in
    ``every_days``.
    """
    every_days = every_days or EVERY_DAYS
    by_card = line.payment == "card"
    part = None
    if by_card and instalments is None and line.price > 0:
        instalments = max(int((amount / line.price).to_integral_value(rounding=ROUND_CEILING)), 1)
        part = line.price if instalments > 1 else None
    instalments = instalments or 1
    if part is None and amount / instalments < CENT:
        raise InputError("--instalments", Msg("{amount} cannot be split into {count} instalments of at least 0.01 €",
                                              amount=Money(amount), count=instalments))
    if first_due is None:
        if by_card:
            first_due = card_first_due(today, every_days)
        else:
            first_due = today if instalments == 1 else today + timedelta(days=every_days)
    return Charge(description=description, amount=amount, added=today, instalments=instalments,
                  every_days=every_days, first_due=first_due, by_card=by_card, part=part)


def card_first_due(added: date, every_days: int = EVERY_DAYS) -> date:
    """The first card instalment: ``every_days`` after ``added``, moved to the 1st of the next month when that
    is still ``added``'s month («a partire dal mese prossimo»: a charge of 1 Jan is first taken on 1 Feb)."""
    due = added + timedelta(days=every_days)
    if (due.year, due.month) == (added.year, added.month):
        year, month = dates.shift_month(added.year, added.month, 1)
        due = date(year, month, 1)
    return due


def first_due(charge: Charge) -> date:
    """When the first instalment falls due: ``first_due``, else the day the charge was added."""
    return charge.first_due or charge.added


def first_taken(charges: tuple[Charge, ...]) -> date | None:
    """The first day one of ``charges`` falls due to be taken from a top-up (None: none is; by card, never)."""
    return min((first_due(charge) for charge in charges if not charge.by_card), default=None)


def amounts(charge: Charge) -> list[Decimal]:
    """Each instalment's amount: ``part`` (or equal parts rounded down to the cent), the last takes the rest."""
    count, part = charge.instalments, _part(charge)
    return [part] * (count - 1) + [charge.amount - part * (count - 1)]


def _part(charge: Charge) -> Decimal:
    """Each instalment's amount but the last: ``part``, or equal parts rounded down to the cent."""
    return charge.part or (charge.amount / charge.instalments).quantize(CENT, rounding=ROUND_DOWN)


def parts_fit(charge: Charge) -> bool:
    """Whether ``part`` leaves the last instalment a positive amount no larger than ``part``."""
    if charge.part is None:
        return True
    return charge.part > 0 and charge.part * (charge.instalments - 1) < charge.amount <= \
        charge.part * charge.instalments


def schedule(charge: Charge, today: date | None = None) -> list[Instalment]:
    """The instalments of ``charge`` and their state at ``today`` (None: not yet known)."""
    start = first_due(charge)
    covered = charge.paid
    items = []
    for index, amount in enumerate(amounts(charge)):
        due = start + timedelta(days=charge.every_days * index)
        covered -= amount
        if charge.by_card:
            state = "charged" if today is not None and due <= today else "upcoming"
        elif covered >= 0:
            state = "paid"
        else:
            state = "due" if today is not None and due <= today else "upcoming"
        items.append(Instalment(number=index + 1, due=due, amount=amount, state=state))
    return items


def outstanding(charge: Charge, day: date, paid: Decimal | None = None) -> Decimal:
    """What of ``charge`` has fallen due by ``day`` and is not paid yet (a top-up takes it first); ``paid``:
    what is paid of it, if not ``charge.paid`` (the ledger's running figure).

    Nothing for a charge by card: each instalment is charged to the card on its day. The instalments of
    ``schedule`` are counted without listing them: one every ``every_days`` from the first; all of them make the
    amount (in cents, as every amount).
    """
    start = first_due(charge)
    if charge.by_card or day < start:
        return ZERO
    fallen = (day - start).days // charge.every_days + 1
    due = ZERO + charge.amount if fallen >= charge.instalments else ZERO + _part(charge) * fallen
    return max(due - (charge.paid if paid is None else paid), ZERO)


def settled(charge: Charge, day: date) -> bool:
    """Whether nothing of ``charge`` is left after ``day``: paid in full, or (by card) its last instalment charged."""
    if charge.by_card:
        return schedule(charge)[-1].due <= day
    return charge.paid >= charge.amount


def card_recovery(line: Line, day: date) -> tuple[Decimal, date] | None:
    """While card instalments are still to come after ``day``: the next one's amount and the last one's day.

    During that time the user pays two charges a month: the renewal and one instalment.
    """
    coming = [item for charge in line.charges if charge.by_card for item in schedule(charge) if item.due > day]
    if not coming:
        return None
    return min(coming, key=lambda item: item.due).amount, max(item.due for item in coming)


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
    the credit covers the renewal, since pending charges are taken only at a top-up (charges by card never).
    """
    if line.payment == "card":  # the renewal is paid by card, and so are its charges
        return ZERO
    renewal = dates.next_renewal(line.renewal_day, line.renewal_time, now)
    return money.min_topup(line.credit, line.price, pending_at(line, renewal))


def take(line: Line, amount: Decimal, now: datetime) -> tuple[Line, Decimal]:
    """A top-up of ``amount`` at ``now``: the operator first takes what is due; returns the line and that sum.

    Charges are settled oldest due first; fully paid charges leave the line (charges by card are not taken).
    """
    day = dates.in_rome(now).date()
    paid, left = pay_due(line.charges, amount, day)
    charges = tuple(replace(charge, paid=paid[index]) for index, charge in enumerate(line.charges)
                    if not settled(replace(charge, paid=paid[index]), day))
    return replace(line, charges=charges, credit=line.credit + left), amount - left


def pay_due(charges: tuple[Charge, ...], amount: Decimal, day: date,
            paid: list[Decimal] | None = None) -> tuple[list[Decimal], Decimal]:
    """What each charge has paid after ``amount`` goes to what is due by ``day`` (oldest due first), and
    what is left of ``amount``; ``paid``: what each had paid before, if not its ``paid``."""
    left = amount
    paid = [charge.paid for charge in charges] if paid is None else list(paid)
    for index in sorted(range(len(charges)), key=lambda i: first_due(charges[i])):
        due = outstanding(charges[index], day, paid[index])
        if due:
            taken = min(due, left)
            left -= taken
            paid[index] += taken
    return paid, left
