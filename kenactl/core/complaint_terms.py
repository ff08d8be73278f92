"""What a Kena Mobile charter edition sets for complaints (§14): the rules, and the edition they are cited from.

``core.charter`` holds the whole edition (its ``Complaints`` group is the one defined here);
``ComplaintTerms`` is the part a complaint's figures need — the reply deadline, the indennizzo per step,
its cap, the section and edition cited — which ``remind`` loads without the whole editions.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TypeVar

from kenactl.core.record import field, record
from kenactl.core.workdays import HolidayName


@record
class Complaints:
    """§14: reply within ``reply_within_days`` calendar days, else ``per_step`` per ``step_days`` days late."""

    section: str
    reply_within_days: int
    per_step: Decimal
    step_days: int
    days: str
    cap: Decimal
    payment_within_days: int
    quote: str
    payment_quote: str


@record
class ComplaintTerms:
    """One edition's §14 rules with what cites them: its id, label, source, first day in force and holidays."""

    id: str
    label: str
    source: str
    in_force_from: date | None
    complaints: Complaints
    holiday_name: HolidayName = field(compare=False)  # the holidays its day counts skip

    def cite(self, section: str) -> str:
        """``TIM ed. Dicembre 2022 §15`` — the edition and section a figure comes from."""
        return f"{self.label} {section}"


Edition = TypeVar("Edition")  # a ``Charter`` or its ``ComplaintTerms``: what has an ``in_force_from``


def in_force(editions: Iterable[Edition], day: date) -> Edition:
    """The edition in force on ``day``: the latest whose ``in_force_from`` is on or before it."""
    ordered = sorted(editions, key=lambda edition: edition.in_force_from or date.min)
    return [edition for edition in ordered if (edition.in_force_from or date.min) <= day][-1]
