"""Planning a Kena Restart from the consumption samples: when 80% is reached at the current pace,
the earliest moment a Restart is allowed, and how renewals and charges shift if it happens then.
"""

from datetime import datetime
from decimal import Decimal

from kenactl.core import consumption, dates
from kenactl.core.model import ALLOWANCE_KINDS, Line
from kenactl.core.record import record
from kenactl.core.restart import (
    RENEWAL_WINDOW,
    TIME_RULES,
    RestartVerdict,
    check_restart,
    renewal_time_after,
)
from kenactl.text import Msg

SHOWN_RENEWALS = 3


@record
class AllowanceOutlook:
    """One allowance: how much is used and when it reaches 80% in this period (else None).

    ``state``: ``unlimited`` (never counts), ``reached``, ``projected``, ``after_renewal`` (the counters
    reset first), ``no_pace`` (nothing used yet in this period) or ``reading_stale`` (the pace of the
    latest reading puts 80% before now, though that reading is below it: a projection is never in the past).
    """

    kind: str
    used: int
    included: int | None
    percent: Decimal | None
    reaches_80_at: datetime | None
    state: str


@record
class RestartPlan:
    """What ``restart plan`` shows; ``earliest`` is None when no Restart fits before the renewal."""

    line: Line
    now: datetime
    verdict: RestartVerdict
    allowances: tuple[AllowanceOutlook, ...]
    earliest: datetime | None
    obstacle: Msg | None  # why ``earliest`` is None
    conditions: tuple[Msg, ...]  # non-time rules that must also be met then (credit, offer change)
    renewals_now: tuple[datetime, ...]  # the next renewals on the current schedule
    renewals_after: tuple[datetime, ...]  # the next renewals if the Restart happens at ``earliest``
    horizon: datetime | None  # the last of ``renewals_now``: charges are compared up to it
    charges_now: int  # charges up to ``horizon`` on the current schedule
    charges_after: int  # charges up to ``horizon`` with the Restart (the Restart itself included)

    @property
    def why_not(self) -> str | None:
        """Why there is no earliest Restart, in English (the JSON form)."""
        return None if self.obstacle is None else self.obstacle.english()


def plan_restart(line: Line, now: datetime) -> RestartPlan:
    """Project the Restart for ``line`` from its samples at ``now``."""
    verdict = check_restart(line, now)
    now = verdict.now
    outlook = tuple(_outlook(line, now, kind, verdict.next_renewal) for kind in ALLOWANCE_KINDS)
    renewals_now = tuple(dates.renewals(line.renewal_day, line.renewal_time, now, SHOWN_RENEWALS))
    conditions = tuple(item.message for item in verdict.failing if item.id in ("credit", "offer_change"))
    earliest, obstacle = _earliest(verdict, outlook, now)
    renewals_after: tuple[datetime, ...] = ()
    charges_after = 0
    if earliest is not None:
        renewals_after = tuple(dates.renewals(earliest.day, renewal_time_after(line, earliest), earliest,
                                              SHOWN_RENEWALS))
        horizon = dates.instant(renewals_now[-1])
        charges_after = 1 + sum(dates.instant(moment) <= horizon for moment in renewals_after)
    return RestartPlan(line=line, now=now, verdict=verdict, allowances=outlook, earliest=earliest, obstacle=obstacle,
                       conditions=conditions, renewals_now=renewals_now, renewals_after=renewals_after,
                       horizon=renewals_now[-1], charges_now=len(renewals_now), charges_after=charges_after)


def _outlook(line: Line, now: datetime, kind: str, renewal: datetime) -> AllowanceOutlook:
    used = consumption.current_usage(line, now).get(kind)
    included = line.included.get(kind)
    percent = consumption.percent_used(used, included)
    if not consumption.counts_for_restart(included):  # unlimited or nothing included
        return AllowanceOutlook(kind, used, included, percent, None, "unlimited")
    target = Decimal(included) * consumption.RESTART_USAGE / 100
    moment = consumption.projected_moment(line, now, kind, target)  # already reached: the sample's moment
    if percent >= consumption.RESTART_USAGE:
        return AllowanceOutlook(kind, used, included, percent, moment, "reached")
    if moment is None:
        return AllowanceOutlook(kind, used, included, percent, None, "no_pace")
    if dates.instant(moment) >= dates.instant(renewal):
        return AllowanceOutlook(kind, used, included, percent, None, "after_renewal")
    if dates.instant(moment) < dates.instant(now):
        return AllowanceOutlook(kind, used, included, percent, None, "reading_stale")
    return AllowanceOutlook(kind, used, included, percent, moment, "projected")


def _earliest(verdict: RestartVerdict, outlook: tuple[AllowanceOutlook, ...],
              now: datetime) -> tuple[datetime | None, Msg | None]:
    """The first moment the usage and time rules all pass before the renewal, or why there is none."""
    projected = [item.reaches_80_at for item in outlook if item.reaches_80_at is not None]
    if not projected:
        states = {item.state for item in outlook}
        if states == {"unlimited"}:
            return None, Msg("every allowance is unlimited, and unlimited allowances never count toward 80%")
        if "reading_stale" in states:
            return None, Msg("the latest usage reading is stale: at its pace an allowance would be at 80% by now; "
                             "record the current usage with `kenactl usage set`")
        if "after_renewal" in states:
            return None, Msg("at the current pace no allowance reaches 80% before the renewal resets the counters")
        return None, Msg("no allowance is at 80% and there is no pace to project yet: record usage with "
                         "`kenactl usage set`")
    candidates = [now, min(projected, key=dates.instant)]
    candidates += [item.clears_at for item in verdict.failing if item.id in TIME_RULES]
    earliest = max(candidates, key=dates.instant)
    renewal = verdict.next_renewal
    if dates.instant(dates.add_elapsed(earliest, RENEWAL_WINDOW)) > dates.instant(renewal):
        return None, Msg("the renewal at {renewal} comes first (a Restart needs 48 h before it) and refills the "
                         "bundle", renewal=renewal)
    return earliest, None
