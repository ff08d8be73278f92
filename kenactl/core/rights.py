"""What the Kena Mobile Carta dei Servizi promises: indennizzi (§15), complaints (§14), residual credit (§11).

Pure computations over a ``Charter`` (``core.charter``; the caller passes the editions in), and every
result keeps the charter so that each figure can be shown with its edition and section. Day ranges
are inclusive; "today" is passed in.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from kenactl.core import dates, workdays
from kenactl.core.charter import Charter, Rate, in_force
from kenactl.core.model import Complaint, Line
from kenactl.core.money import ZERO
from kenactl.core.record import record, replace
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
class ComplaintStatus:
    """A complaint as of ``today``: when the reply is due, how late it is and what is owed for that."""

    complaint: Complaint
    charter: Charter
    chosen_by: str
    reply_due: date
    state: str  # "open", "open-late", "answered", "answered-late"
    days_late: int
    amount: Decimal
    at_cap: bool
    next_increase: date | None  # when the amount owed grows next, for open complaints below the cap
    accrues: bool  # §14 pays for late replies to written complaints only («reclami scritti»)

    @property
    def next_step(self) -> str | None:
        """``conciliation`` (§16) once the reply is late or did not satisfy you."""
        late = self.state.endswith("-late")
        return "conciliation" if late or self.complaint.unsatisfied else None


def _charter_for(day: date, editions: Sequence[Charter], charter: Charter | None) -> tuple[Charter, str]:
    if charter is not None:
        return charter, "option"
    return in_force(editions, day), "date"


def complaint_reply_due(complaint: Complaint, editions: Sequence[Charter], charter: Charter | None = None) -> date:
    """The last day for the operator's reply: the day it received the complaint («ricevimento», the recorded
    ``filed`` date) + 45 calendar days (§14 of the edition in force)."""
    charter, _ = _charter_for(complaint.filed, editions, charter)
    return complaint.filed + timedelta(days=charter.complaints.reply_within_days)


def complaint_status(complaint: Complaint, today: date, editions: Sequence[Charter],
                     charter: Charter | None = None) -> ComplaintStatus:
    """Where ``complaint`` stands on ``today`` under §14: the edition of ``editions`` in force on the filing
    date, unless ``charter`` is given."""
    charter, chosen_by = _charter_for(complaint.filed, editions, charter)
    rules = charter.complaints
    due = complaint_reply_due(complaint, editions, charter)
    answered = complaint.closed is not None and complaint.closed <= today
    end = complaint.closed if answered else today
    days_late = workdays.count_days(due + timedelta(days=1), end, rules.days, charter.holiday_name).days
    accrues = complaint.channel != "phone"
    steps = days_late // rules.step_days if accrues else 0
    full = rules.per_step * steps
    amount, at_cap = min(full, rules.cap), accrues and full >= rules.cap
    next_increase = None
    if accrues and not answered and not at_cap:
        next_increase = workdays.add_days(due, (steps + 1) * rules.step_days, rules.days,
                                          charter.holiday_name)
    late = end > due
    state = ("answered" if answered else "open") + ("-late" if late else "")
    return ComplaintStatus(complaint=complaint, charter=charter, chosen_by=chosen_by, reply_due=due, state=state,
                           days_late=days_late, amount=amount, at_cap=at_cap, next_increase=next_increase,
                           accrues=accrues)


def add_complaint(complaints: tuple[Complaint, ...], filed: date, subject: str, line: str,
                  today: date, channel: str | None = None) -> tuple[Complaint, ...]:
    """``complaints`` plus a new one (next free id) filed on ``filed``, which may not be after ``today``;
    ``channel`` is ``written`` or ``phone``."""
    if filed > today:
        raise InputError("--date", Msg("{day} is after today ({today})",
                             day=filed.isoformat(), today=today.isoformat()))
    next_id = max((c.id for c in complaints), default=0) + 1
    return (*complaints, Complaint(id=next_id, filed=filed, subject=subject, line=line, channel=channel))


def find_complaint(complaints: tuple[Complaint, ...], complaint_id: int) -> Complaint:
    """Complaint ``complaint_id``; an ``InputError`` listing the ids there are if none has it."""
    found = [c for c in complaints if c.id == complaint_id]
    if not found:
        if not complaints:
            raise InputError(None, Msg("no complaint #{id}; the profile has: none", id=complaint_id))
        known = ", ".join(str(c.id) for c in complaints)
        raise InputError(None, Msg("no complaint #{id}; the profile has: {known}", id=complaint_id, known=known))
    return found[0]


def remove_complaint(complaints: tuple[Complaint, ...], complaint_id: int) -> tuple[Complaint, ...]:
    """``complaints`` without ``complaint_id`` (one recorded by mistake); the others keep their ids."""
    removed = find_complaint(complaints, complaint_id)
    return tuple(c for c in complaints if c is not removed)


def close_complaint(complaints: tuple[Complaint, ...], complaint_id: int, closed: date,
                    today: date, unsatisfied: bool | None = None) -> tuple[Complaint, ...]:
    """``complaints`` with ``complaint_id`` marked answered on ``closed`` (between filing and today),
    ``unsatisfied`` when the reply did not satisfy you."""
    complaint = find_complaint(complaints, complaint_id)
    if complaint.closed is not None:
        raise InputError(None, Msg("complaint #{id} was already closed on {closed}", id=complaint_id,
                             closed=complaint.closed.isoformat()))
    if closed < complaint.filed:
        raise InputError("--date", Msg("{closed} is before the complaint was filed ({filed})",
                             closed=closed.isoformat(), filed=complaint.filed.isoformat()))
    if closed > today:
        raise InputError("--date", Msg("{day} is after today ({today})",
                             day=closed.isoformat(), today=today.isoformat()))
    return tuple(replace(c, closed=closed, unsatisfied=unsatisfied) if c.id == complaint_id else c
                 for c in complaints)


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
