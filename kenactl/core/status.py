"""The state of a line at a moment: renewal, credit against price, allowances and projections; and the household
at a glance, built from those reports (what all the lines cost a month, what must be done this week, for whom),
so the summary and the lines below it cannot disagree."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from kenactl.core import charges, consumption, dates
from kenactl.core.model import ALLOWANCE_KINDS, Line, Profile, UsageSample
from kenactl.core.money import ZERO
from kenactl.core.record import record

if TYPE_CHECKING:  # imported when a validity rule is given: the rules stay off the plain status path
    from kenactl.core.ledger import LineState
    from kenactl.core.renewal_rule import ValidityRule
    from kenactl.core.validity import SimValidity


@record
class AllowanceStatus:
    """One allowance in the current period. Data amounts are in MB."""

    kind: str
    used: int
    included: int | None  # None: unlimited
    percent: Decimal | None
    remaining: int | None
    daily_budget: Decimal | None  # what can be used per day to last until renewal
    runs_out_at: datetime | None  # at the current pace, only when before the renewal and not in the past
    reading_stale: bool = False  # the pace says it ran out before now: the latest reading is too old
    pace: consumption.Pace | None = None  # the use per day the projection follows (None: no pace)


@record
class LineStatus:
    """Everything ``kenactl status`` shows about one line."""

    line: Line
    is_default: bool
    now: datetime
    period_start: datetime
    next_renewal: datetime
    days_to_renewal: int
    shortfall: Decimal
    min_topup: Decimal  # the shortfall plus the pending charges a top-up pays first (0 when covered)
    usage_recorded_at: datetime | None  # None: nothing recorded in this period
    allowances: tuple[AllowanceStatus, ...]
    validity: SimValidity | None = None  # None: no rule given (e.g. no last top-up)
    ledger: LineState | None = None  # the line's derived state (None: a line shown as it is, e.g. the demo)
    usage_outdated: bool = False  # the latest reading of the period is older than 3 days
    restart_until: datetime | None = None  # a Restart is allowed now, until this moment (48 h before the renewal)


COVERED, SHORT, SUSPENDED, BLOCKED = "covered", "short", "suspended", "blocked"


def offer_state(report: LineStatus) -> str:
    """``covered`` (the credit or the card pays the next renewal), ``short`` (a top-up of ``min_topup`` is
    needed before it), ``suspended`` (a renewal did not happen; a top-up renews the offer) or ``blocked``
    (renewed into debt; a top-up makes the offer usable again)."""
    state = report.ledger
    if state is not None and not state.offer_usable:
        return SUSPENDED if state.rule.topup == "renews" else BLOCKED
    return COVERED if report.min_topup == 0 else SHORT


def line_status(profile: Profile, line: Line, now: datetime, validity_rule: ValidityRule | None = None,
                state: LineState | None = None, restart_offered: bool = False) -> LineStatus:
    """Compute the status of ``line`` at ``now`` (with its SIM validity when ``validity_rule`` is given).

    With the ledger's ``state``, ``line`` is its derived line and the money comes from the state;
    ``restart_offered`` (its operator offers Kena Restart) checks whether a Restart is allowed now.
    """
    period = consumption.current_period(line, now)
    samples = consumption.samples_between(line.usage, period.start, now)  # as period_samples, the period once
    latest = samples[-1] if samples else UsageSample(at=period.start)  # as current_usage
    left = dates.elapsed(now, period.end)
    days_left = max(Decimal(left.total_seconds()) / 86400, Decimal(1))
    allowances = []
    for kind in ALLOWANCE_KINDS:
        included = line.included.get(kind)
        used = latest.get(kind)
        remaining = None if included is None else max(included - used, 0)
        budget = None if remaining is None else Decimal(remaining) / days_left
        runs_out, stale = consumption.run_out_from(samples, period.start, now, kind, included, period.end) \
            if samples else (None, False)
        pace = consumption.pace_of(samples, period.start, now, kind) if samples and included else None
        allowances.append(AllowanceStatus(
            kind=kind,
            used=used,
            included=included,
            percent=consumption.percent_used(used, included),
            remaining=remaining,
            daily_budget=budget,
            runs_out_at=runs_out,
            reading_stale=stale,
            pace=pace,
        ))
    return LineStatus(
        line=line,
        is_default=line.name == profile.default_line,
        now=now,
        period_start=period.start,
        next_renewal=period.end,
        days_to_renewal=dates.days_until(now, period.end),
        shortfall=charges.shortfall(line) if state is None else state.shortfall,
        min_topup=charges.min_topup(line, now) if state is None else state.min_topup,
        usage_recorded_at=samples[-1].at if samples else None,
        allowances=tuple(allowances),
        validity=None if validity_rule is None else _sim_validity(line, validity_rule, now),
        ledger=state,
        usage_outdated=consumption.reading_outdated(samples[-1].at if samples else None, now),
        restart_until=_restart_until(line, now) if restart_offered and restart_affordable(line)
        and _usage_reached(allowances) else None,
    )


def profile_status(profile: Profile, now: datetime, line_name: str | None = None,
                   validity_rules: dict[str, ValidityRule] | None = None,
                   states: dict[str, LineState] | None = None,
                   restart_operators: frozenset[str] = frozenset()) -> list[LineStatus]:
    """Status of every line, or of the named one; ``validity_rules`` maps operators to their SIM validity,
    ``states`` line names to their ledger state (``profile`` is then the derived profile),
    ``restart_operators`` names the operators that offer Kena Restart."""
    rules, known = validity_rules or {}, states or {}
    return [line_status(profile, line, now, rules.get(line.operator), known.get(line.name),
                        line.operator in restart_operators)
            for line in profile.selected(line_name)]


def restart_affordable(line: Line) -> bool:
    """Whether the credit pays a Restart (it charges the price): the Restart rule looked at first, so that the
    others are not even loaded for most lines."""
    return line.credit >= line.price


def _usage_reached(allowances: list[AllowanceStatus]) -> bool:
    """Whether a limited allowance (not unlimited, not 0) has reached the Restart's share: the usage rule,
    which fails for most lines, read from the allowances already computed before the rules are loaded."""
    return any(consumption.counts_for_restart(item.included) and item.percent >= consumption.RESTART_USAGE
               for item in allowances)


def _restart_until(line: Line, now: datetime) -> datetime | None:
    """The moment a Restart allowed now stops being allowed (48 h before the renewal), else None."""
    from kenactl.core.restart import RENEWAL_WINDOW, check_restart

    verdict = check_restart(line, now)
    return dates.add_elapsed(verdict.next_renewal, -RENEWAL_WINDOW) if verdict.eligible else None


def _sim_validity(line: Line, rule: ValidityRule, now: datetime) -> SimValidity:
    from kenactl.core.validity import sim_validity

    return sim_validity(line, rule, now)


TOPUP, RESTART = "topup", "restart"
ACTION_KINDS = (SUSPENDED, BLOCKED, RESTART, TOPUP)
WEEK = timedelta(days=7)


@record
class Action:
    """One thing to do on ``line``: ``kind`` (``ACTION_KINDS``), the money involved, and until when.

    ``topup``: top up at least ``amount`` before the renewal at ``by``; ``restart``: a Restart (charging
    ``amount``, the price) is allowed now, until ``by``; ``suspended`` / ``blocked``: the offer waits since
    ``since`` for a top-up of ``amount`` (``by`` None: now).
    """

    line: str
    kind: str
    amount: Decimal
    by: datetime | None
    since: datetime | None = None


@record
class Household:
    """The monthly total of all the lines' prices and the actions due within the week, soonest first."""

    monthly_total: Decimal
    lines: int
    actions: tuple[Action, ...]


def household(reports: list[LineStatus], now: datetime) -> Household:
    """The summary of ``reports`` at ``now``: a top-up is listed when its renewal is within 7 days."""
    actions: list[Action] = []
    for report in reports:
        name, state = report.line.name, offer_state(report)
        if state in (SUSPENDED, BLOCKED):
            actions.append(Action(name, state, report.min_topup, None, report.ledger.waiting_since))
        elif state == SHORT and dates.elapsed(now, report.next_renewal) <= WEEK:
            actions.append(Action(name, TOPUP, report.min_topup, report.next_renewal))
        if report.restart_until is not None:
            actions.append(Action(name, RESTART, report.line.price, report.restart_until))
    actions.sort(key=lambda action: (action.by is not None, action.by and dates.instant(action.by),
                                     ACTION_KINDS.index(action.kind), action.line))
    total = sum((report.line.price for report in reports), ZERO)
    return Household(monthly_total=total, lines=len(reports), actions=tuple(actions))
