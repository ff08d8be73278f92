"""``charges.outstanding`` counts the instalments due by a day without listing them: it must give what summing
each instalment of the schedule gives (the loop it replaced, kept here as the oracle), to the digit."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kenactl.core import charges
from kenactl.core.model import Charge
from kenactl.core.money import ZERO

CENTS = st.integers(1, 200_000).map(lambda cents: Decimal(cents).scaleb(-2))
DAYS = st.dates(date(2020, 1, 1), date(2030, 12, 31))


def summed_instalments(charge: Charge, day: date, paid: Decimal | None = None) -> Decimal:
    """The oracle: each instalment of ``charges.amounts`` added when its day is at or before ``day``."""
    if charge.by_card:
        return ZERO
    start, step = charges.first_due(charge), timedelta(days=charge.every_days)
    due = ZERO
    for index, amount in enumerate(charges.amounts(charge)):
        if start + step * index <= day:
            due += amount
    return max(due - (charge.paid if paid is None else paid), ZERO)


@st.composite
def charges_with_parts(draw) -> Charge:
    """A charge as a profile may hold one: equal parts, or a ``part`` that makes the amount (``parts_fit``)."""
    amount, count = draw(CENTS), draw(st.integers(1, 120))
    part = None
    if count > 1 and draw(st.booleans()):
        low = (amount / count).quantize(Decimal("0.01"), rounding="ROUND_CEILING")
        high = (amount / (count - 1)).quantize(Decimal("0.01"), rounding="ROUND_FLOOR")
        if amount * 100 % (count - 1) == 0:
            high -= Decimal("0.01")  # the last instalment must stay positive
        if low <= high:
            part = draw(st.integers(int(low * 100), int(high * 100)).map(lambda cents: Decimal(cents).scaleb(-2)))
    paid = draw(st.integers(0, int(amount * 100)).map(lambda cents: Decimal(cents).scaleb(-2)))
    return Charge(description="late fee", amount=amount, added=draw(DAYS), instalments=count,
                  every_days=draw(st.integers(1, 366)), first_due=draw(st.none() | DAYS), paid=paid,
                  by_card=draw(st.booleans()), part=part)


@given(charge=charges_with_parts(), day=DAYS, paid=st.none() | CENTS)
def test_outstanding_is_the_sum_of_the_instalments_due(charge, day, paid):
    assert charges.parts_fit(charge)
    expected = summed_instalments(charge, day, paid)
    found = charges.outstanding(charge, day, paid)
    assert found == expected and found.as_tuple() == expected.as_tuple()


def test_the_day_an_instalment_falls_due_counts_it():
    charge = Charge(description="arrears", amount=Decimal("10.00"), added=date(2027, 1, 1), instalments=3,
                    every_days=30, first_due=date(2027, 1, 10))
    by_day = {day: charges.outstanding(charge, day) for day in
              (date(2027, 1, 9), date(2027, 1, 10), date(2027, 2, 8), date(2027, 2, 9), date(2027, 3, 11))}
    assert by_day == {date(2027, 1, 9): ZERO, date(2027, 1, 10): Decimal("3.33"), date(2027, 2, 8): Decimal("3.33"),
                      date(2027, 2, 9): Decimal("6.66"), date(2027, 3, 11): Decimal("10.00")}


def paid_oldest_due_first(items: tuple[Charge, ...], amount: Decimal, day: date) -> tuple[list[Decimal], Decimal]:
    """The oracle of ``charges.pay_due``: every charge, oldest due first, takes what is due of it (maybe 0)."""
    left, paid = amount, [charge.paid for charge in items]
    for index in sorted(range(len(items)), key=lambda i: charges.first_due(items[i])):
        taken = min(summed_instalments(items[index], day, paid[index]), left)
        left -= taken
        paid[index] += taken
    return paid, left


@given(items=st.lists(charges_with_parts(), max_size=3).map(tuple), amount=CENTS, day=DAYS)
def test_a_top_up_pays_what_is_due_oldest_first(items, amount, day):
    expected_paid, expected_left = paid_oldest_due_first(items, amount, day)
    paid, left = charges.pay_due(items, amount, day)
    assert [(value, value.as_tuple()) for value in paid] == [(value, value.as_tuple()) for value in expected_paid]
    assert (left, left.as_tuple()) == (expected_left, expected_left.as_tuple())


@given(items=st.lists(charges_with_parts(), max_size=3).map(tuple), amount=CENTS, day=DAYS)
def test_before_the_first_day_a_charge_is_taken_a_top_up_pays_none(items, amount, day):
    """What lets the ledger skip ``pay_due`` for the top-ups before ``first_taken``."""
    first = charges.first_taken(items)
    if first is None or day < first:
        assert charges.pay_due(items, amount, day) == ([charge.paid for charge in items], amount)
    else:
        assert first == min(charges.first_due(charge) for charge in items if not charge.by_card)
