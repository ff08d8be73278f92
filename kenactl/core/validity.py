"""SIM validity: how long a SIM keeps working after its last top-up, per the operator's rule.

Kena (Carte dei Servizi Kena Mobile, TIM S.p.A. Edizione Dicembre 2022 and Noverca S.r.l., §10): 12
months «decorrenti dall'ultima operazione di ricarica o, in assenza di ricarica, dalla data di
attivazione», then 30 days receive-only in Italian territory, then deactivation, with reactivation
possible for 11 more months. Other operators' rules come from their data files (``ValidityRule``); for
them too a SIM never topped up counts from its activation (kenactl's reading: their sources speak of
the last top-up only).
"""

from datetime import date, datetime, timedelta

from kenactl.core import dates
from kenactl.core.model import Line
from kenactl.core.record import record
from kenactl.core.renewal_rule import ValidityRule

WARN_DAYS = 30


@record
class SimValidity:
    """The validity dates of a SIM at ``today``; all dates None when unknown (no top-up or no rule).

    ``counted_from`` is the day the validity counts from: the last top-up, else the activation
    (``basis`` says which: "topup", "activation", or None when neither is known).
    """

    rule: ValidityRule
    today: date
    last_topup: date | None
    ends_on: date | None  # last day of full service
    limited_until: date | None  # end of the receive-only period; the SIM is deactivated after it
    reactivation_until: date | None
    state: str  # valid, expiring, limited, deactivated, lost or unknown
    counted_from: date | None = None
    basis: str | None = None

    @property
    def days_left(self) -> int | None:
        return None if self.ends_on is None else (self.ends_on - self.today).days

    @property
    def warning(self) -> bool:
        """True from ``WARN_DAYS`` before the end of validity on."""
        return self.state != "valid" and self.state != "unknown"


def validity_dates(start: date, rule: ValidityRule) -> tuple[date, date, date | None] | None:
    """(end of validity, end of the receive-only period, reactivation deadline) counted from ``start`` (the last
    top-up, or the activation), or None if unknown."""
    if rule.valid_months is None:
        return None
    ends_on = dates.add_months(start, rule.valid_months)
    limited_until = dates.add_months(ends_on, rule.grace_months) + timedelta(days=rule.grace_days)
    if rule.reactivation_months is not None:
        reactivation = dates.add_months(limited_until, rule.reactivation_months)
    elif rule.reactivation_from_topup_months is not None:
        reactivation = dates.add_months(start, rule.reactivation_from_topup_months)
    else:
        reactivation = None
    return ends_on, limited_until, reactivation


def counted_from(line: Line) -> tuple[date, str] | None:
    """The day the SIM's validity counts from and why: its last top-up, else its activation; None if neither."""
    if line.last_topup is not None:
        return line.last_topup, "topup"
    if line.activated is not None:
        return line.activated, "activation"
    return None


def sim_validity(line: Line, rule: ValidityRule, now: datetime) -> SimValidity:
    """The validity of ``line``'s SIM at ``now`` under ``rule``; ``ends_on`` is None without a top-up or activation."""
    today = dates.in_rome(now).date()
    start, basis = counted_from(line) or (None, None)
    found = None if start is None else validity_dates(start, rule)
    if found is None:
        return SimValidity(rule, today, line.last_topup, None, None, None, "unknown", start, basis)
    ends_on, limited_until, reactivation = found
    if today < ends_on - timedelta(days=WARN_DAYS):
        state = "valid"
    elif today <= ends_on:
        state = "expiring"
    elif today <= limited_until:
        state = "limited"
    elif reactivation is None or today <= reactivation:
        state = "deactivated"
    else:
        state = "lost"
    return SimValidity(rule, today, line.last_topup, ends_on, limited_until, reactivation, state, start, basis)
