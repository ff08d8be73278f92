"""What the Kena Mobile Carta dei Servizi promises for complaints (§14), and the profile's complaint list.

An edition's §14 terms are ``ComplaintTerms``: the rules and what cites them, the part of a ``core.charter``
edition a complaint needs (``remind`` loads them without the whole editions). Pure computations over the
charter editions (``core.charter``, or only their ``ComplaintTerms``: the caller passes them in); a status
keeps the edition so that each figure can be shown with its edition and section. Kept apart from
``core.rights`` so that ``remind`` loads only this. Day ranges are inclusive; "today" is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from kenactl.core.model import Complaint
from kenactl.core.record import field, record, replace
from kenactl.errors import InputError
from kenactl.text import Msg

if TYPE_CHECKING:
    from kenactl.core import workdays
    from kenactl.core.charter import Charter


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
    holiday_name: workdays.HolidayName = field(compare=False)  # the holidays its day counts skip

    def cite(self, section: str) -> str:
        """``TIM ed. Dicembre 2022 §15`` — the edition and section a figure comes from."""
        return f"{self.label} {section}"


Edition = TypeVar("Edition")  # a ``Charter`` or its ``ComplaintTerms``: what has an ``in_force_from``


def in_force(editions: Iterable[Edition], day: date) -> Edition:
    """The edition in force on ``day``: the latest whose ``in_force_from`` is on or before it."""
    ordered = sorted(editions, key=lambda edition: edition.in_force_from or date.min)
    return [edition for edition in ordered if (edition.in_force_from or date.min) <= day][-1]


@record
class ComplaintStatus:
    """A complaint as of ``today``: when the reply is due, how late it is and what is owed for that."""

    complaint: Complaint
    charter: Charter | ComplaintTerms
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


def _charter_for(day: date, editions: Sequence[Edition], charter: Edition | None) -> tuple[Edition, str]:
    if charter is not None:
        return charter, "option"
    return in_force(editions, day), "date"


def complaint_reply_due(complaint: Complaint, editions: Sequence[Edition], charter: Edition | None = None) -> date:
    """The last day for the operator's reply: the day it received the complaint («ricevimento», the recorded
    ``filed`` date) + 45 calendar days (§14 of the edition in force)."""
    charter, _ = _charter_for(complaint.filed, editions, charter)
    return complaint.filed + timedelta(days=charter.complaints.reply_within_days)


def complaint_status(complaint: Complaint, today: date, editions: Sequence[Edition],
                     charter: Edition | None = None) -> ComplaintStatus:
    """Where ``complaint`` stands on ``today`` under §14: the edition of ``editions`` in force on the filing
    date, unless ``charter`` is given."""
    from kenactl.core import workdays  # only here: a reminder knows a reply's deadline without counting days

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
