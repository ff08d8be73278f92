"""What the Kena Mobile Carta dei Servizi promises: indennizzi (§15) and residual credit (§11); complaints (§14)
are ``core.complaints``.

Pure computations over a ``Charter`` (``core.charter``), and every result keeps the charter so that each
figure can be shown with its edition and section. Day ranges are inclusive; "today" is passed in.
"""

from datetime import date
from decimal import Decimal

from kenactl.core import dates, workdays
from kenactl.core.charter import Charter, Rate
from kenactl.core.model import Line
from kenactl.core.money import ZERO
from kenactl.core.record import record
from kenactl.errors import InputError
from kenactl.text import Money, Msg

MNP_CASE_TEXT = "ritardo attivazione MNP (number portability)"


@record
class CompensationResult:
    """The indennizzo for one case over the days ``first``..``last`` (both included)."""

    charter: Charter
    chosen_by: str
    case: str
    case_text: str
    first: date
    last: date
    count: workdays.DayCount
    rate: Rate
    amount: Decimal
    capped: bool
    noticed: date
    report_by: date | None
    report_deadline_passed: bool
    payment_within_days: int | None
    payment_counted_from: str | None
    payment_method: str
    automatic: str | None  # how an automatic indennizzo (§15.1) is paid, for the cases that have one

    @property
    def due(self) -> bool:
        return self.amount > 0


def rate_amount(days: int, rate: Rate) -> tuple[Decimal, bool]:
    """``per_day`` for each day, nothing up to ``not_due_up_to_days``, at most ``cap``; and whether capped."""
    if days <= rate.not_due_up_to_days:
        return ZERO, False
    full = rate.per_day * days
    return min(full, rate.cap), full > rate.cap


def compensation(case: str, first: date, last: date, today: date, charter: Charter, chosen_by: str,
                 noticed: date | None = None) -> CompensationResult:
    """The §15 indennizzo for ``case`` (or MNP) over ``first``..``last``; ``noticed`` starts the report deadline."""
    if first > today:
        raise InputError("--from", Msg("{day} is after today ({today})",
                             day=first.isoformat(), today=today.isoformat()))
    if last < first:
        raise InputError("--to", Msg("{last} is before --from {first}", last=last.isoformat(),
                             first=first.isoformat()))
    if last > today:
        raise InputError("--to", Msg("{day} is after today ({today})",
                             day=last.isoformat(), today=today.isoformat()))
    noticed = first if noticed is None else noticed
    if noticed < first or noticed > today:
        raise InputError("--noticed", Msg("{noticed} must be between --from {first} and today ({today})",
                             noticed=noticed.isoformat(), first=first.isoformat(), today=today.isoformat()))
    rate = charter.rate_for(case)
    count = workdays.count_days(first, last, rate.days, charter.holiday_name)
    amount, capped = rate_amount(count.days, rate)
    general = charter.compensation
    months = general.report_within_months
    report_by = None if months is None else dates.add_months(noticed, months)
    return CompensationResult(
        charter=charter, chosen_by=chosen_by, case=case,
        case_text=MNP_CASE_TEXT if case == "mnp" else general.cases[case],
        first=first, last=last, count=count, rate=rate, amount=amount, capped=capped, noticed=noticed,
        report_by=report_by, report_deadline_passed=report_by is not None and today > report_by,
        payment_within_days=None if case == "mnp" else general.payment_within_days,
        payment_counted_from=None if case == "mnp" else general.payment_counted_from,
        payment_method=charter.mnp.payment_method if case == "mnp" else general.payment_method,
        automatic=general.automatic_terms if case in general.automatic_cases else None,
    )


@record
class LeaveAdvice:
    """§11: what the line's residual credit is worth as a free transfer or as a refund minus the fee."""

    charter: Charter
    chosen_by: str
    line: str
    credit: Decimal
    bonus: Decimal
    eligible: Decimal
    refund: Decimal | None  # None: at or below the fee, no refund is made
    refund_by: date | None
    better: str  # "transfer" or "nothing"


def leave_advice(line: Line, bonus: Decimal, today: date, charter: Charter, chosen_by: str) -> LeaveAdvice:
    """Compare transfer and refund for ``line``'s credit less ``bonus`` (bonus credit is excluded by §11)."""
    if bonus > max(line.credit, ZERO):
        raise InputError("--bonus", Msg("{bonus} is more than the line's credit ({credit})",
                             bonus=Money(bonus), credit=Money(line.credit)))
    rules = charter.residual_credit
    eligible = max(line.credit - bonus, ZERO)
    refundable = eligible > rules.refund_fee
    return LeaveAdvice(
        charter=charter, chosen_by=chosen_by, line=line.name, credit=line.credit, bonus=bonus, eligible=eligible,
        refund=eligible - rules.refund_fee if refundable else None,
        refund_by=(workdays.add_days(today, rules.refund_within_days, rules.days, charter.holiday_name)
                   if refundable else None),
        better="transfer" if eligible > 0 else "nothing",
    )
