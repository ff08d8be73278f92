"""The Kena Mobile service charters (Carte dei Servizi) as values: rates, deadlines and the edition in force.

Built by ``kenactl.knowledge.charters`` from its data files; consumed by ``core.rights`` (the §14 group and
the part of an edition complaints need are in ``core.complaints``). Titles, case
names and quotes are the charters' own Italian text; the other prose is English (its own msgid).
"""

from datetime import date
from decimal import Decimal

from kenactl.core.complaints import Complaints, ComplaintTerms
from kenactl.core.record import field, record
from kenactl.core.workdays import HolidayName
from kenactl.errors import InputError
from kenactl.text import Msg

CASES = ("activation", "credit-renewal", "suspension", "malfunction", "unrequested", "mnp")


@record
class Rate:
    """An indennizzo per day of delay: ``per_day`` euros, up to ``cap``, nothing for ``not_due_up_to_days``."""

    section: str
    per_day: Decimal
    cap: Decimal
    not_due_up_to_days: int
    days: str
    request: str
    quote: str


@record
class Compensation:
    """§15: the cases a)–e), the shared rate, the deadline to report and how it is paid."""

    rate: Rate
    cases: dict[str, str]
    report_within_months: int | None
    payment_within_days: int
    payment_counted_from: str
    payment_method: str
    automatic_cases: tuple[str, ...]
    automatic_section: str
    automatic_terms: str
    report_quote: str | None
    payment_quote: str


@record
class Mnp:
    """The MNP (number portability) delay indennizzo."""

    rate: Rate
    payment_method: str


@record
class ResidualCredit:
    """§11: free transfer or refund minus ``refund_fee`` within ``refund_within_days`` working days."""

    section: str
    refund_fee: Decimal
    refund_within_days: int
    days: str
    transfer_to: str
    small_credit_transfer_to: str
    quote: str
    small_credit_quote: str
    bonus_quote: str
    porting: str
    porting_quote: str
    unrequested: str
    unrequested_quote: str


@record
class Conciliation:
    """§16: the next step after a late or unsatisfying complaint reply."""

    section: str
    procedure: str
    steps: tuple[str, ...]
    mandatory: str
    quote: str


@record
class Contacts:
    """§7 notice of changes, §9 withdrawal, §13 blocking a lost or stolen SIM (and the §3 self-service line)."""

    changes_section: str
    notice_days: int
    changes: str
    changes_quote: str
    withdrawal_section: str
    withdrawal: str
    deactivated_within_days: int
    withdrawal_quote: str
    block_section: str
    from_italy: str
    from_abroad: str
    self_service: str
    self_service_section: str
    block: str
    block_quote: str


@record
class Charter:
    """One edition of the Carta dei Servizi Kena Mobile."""

    id: str
    title: str
    edition: str
    label: str
    source: str
    in_force_from: date | None
    in_force_basis: str
    compensation: Compensation
    mnp: Mnp
    complaints: Complaints
    residual_credit: ResidualCredit
    conciliation: Conciliation
    contacts: Contacts
    holiday_name: HolidayName = field(compare=False)  # the holidays its day counts skip (national by default)
    city: str | None = None  # the province whose patron saint's day is skipped too (``--city``), if any

    cite = ComplaintTerms.cite

    @property
    def complaint_terms(self) -> ComplaintTerms:
        """The part of this edition a complaint's figures need (shipped alone for ``remind``)."""
        return ComplaintTerms(id=self.id, label=self.label, source=self.source, in_force_from=self.in_force_from,
                              complaints=self.complaints, holiday_name=self.holiday_name)

    def rate_for(self, case: str) -> Rate:
        """The rate of ``case``; a case this edition does not list is an ``InputError``."""
        if case == "mnp":
            return self.mnp.rate
        if case not in self.compensation.cases:
            listed = ", ".join([*self.compensation.cases, "mnp"])
            raise InputError(None, Msg("case {case} is not in the {charter} {section} (it lists: {listed})",
                                 case=repr(case), charter=self.label, section=self.compensation.rate.section,
                                 listed=listed))
        return self.compensation.rate
