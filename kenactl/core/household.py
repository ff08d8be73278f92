"""The household at a glance: what all the lines cost a month, and what must be done this week, for whom.

Built from the per-line reports ``core.status`` gives (the ledger's state included), so the summary
and the lines below it cannot disagree. Records: ``status`` imports this module on every run.
"""

from datetime import datetime, timedelta
from decimal import Decimal

from kenactl.core import dates
from kenactl.core.money import ZERO
from kenactl.core.record import record
from kenactl.core.status import BLOCKED, SHORT, SUSPENDED, LineStatus, offer_state

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
