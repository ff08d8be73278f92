"""Recording facts on a stored line: setting changes, dating a credit entered without a moment, the days of
its activation and last top-up, and when a back-dated top-up happened (what the writes use; the ledger undoes
recorded changes itself, ``ledger.settings_at``)."""

from datetime import date, datetime, time

from kenactl.core import dates
from kenactl.core.model import ALLOWANCE_KINDS, Amounts, Change, Line, Observation
from kenactl.core.record import replace
from kenactl.errors import InputError
from kenactl.text import Msg

BACKDATED_AT = time(12, 0)  # a top-up given by its day only is counted at noon of that day

SETTINGS = ("operator", "offer", "price", "renewal_day", "renewal_time", "options", "payment", "pending_offer_change")


def record_changes(before: Line, after: Line, now: datetime) -> Line:
    """``after`` with a ``Change`` recorded at ``now`` for every setting that differs from ``before``.

    A setting already changed at this same moment keeps its first record (the value before ``now``).
    """
    changes = [Change(at=now, key=key, old=getattr(before, key)) for key in SETTINGS
               if getattr(before, key) != getattr(after, key)]
    changes += [Change(at=now, key=kind, old=before.included.get(kind)) for kind in ALLOWANCE_KINDS
                if before.included.get(kind) != after.included.get(kind)]
    same_moment = {item.key for item in before.changes if dates.instant(item.at) == dates.instant(now)}
    changes = [change for change in changes if change.key not in same_moment]
    return replace(after, changes=(*before.changes, *changes)) if changes else after


def dated(line: Line, now: datetime) -> Line:
    """``line`` with its undated credit (entered by an older tool or by code) observed at ``now``, so that a
    fact recorded now (a top-up, a Restart) applies to it."""
    if line.observations:
        return line
    return replace(line, observations=Amounts.of(Observation, (Observation(at=now, credit=line.credit),)))


def with_days(line: Line, today: date, *, activated: date | None = None, last_topup: date | None = None) -> Line:
    """``line`` with the day its SIM was activated and/or the day of its last top-up (amount unknown) set.

    Neither may be after ``today``, and the activation not after any top-up (``InputError`` naming the option).
    """
    for flag, day in (("--activated", activated), ("--last-topup", last_topup)):
        if day is not None and day > today:
            raise InputError(flag, Msg("{day} is in the future (today is {today})", day=day, today=today))
    if activated is not None:
        line = replace(line, activated=activated)
    if last_topup is not None:
        line = replace(line, last_topup=last_topup)
    topped_up = [item.at.date() for item in line.topups] + [line.last_topup]
    first = min((day for day in topped_up if day is not None), default=None)
    if line.activated is not None and first is not None and line.activated > first:
        flag = "--activated" if activated is not None else "--last-topup"
        raise InputError(flag, Msg("the SIM was activated on {activated}, after the top-up of {topup}",
                                   activated=line.activated, topup=first))
    return line


def topup_moment(line: Line, day: date | None, now: datetime) -> datetime:
    """When a top-up made on ``day`` (None or today: now) happened: noon of that day, never after now nor before
    the SIM's activation (``InputError`` for ``--date``)."""
    today = dates.in_rome(now).date()
    if day is None or day == today:
        return now
    if day > today:
        raise InputError("--date", Msg("{day} is in the future (today is {today})", day=day, today=today))
    if line.activated is not None and day < line.activated:
        raise InputError("--date", Msg("{day} is before the SIM's activation on {activated}", day=day,
                                       activated=line.activated))
    return dates.in_rome(datetime.combine(day, BACKDATED_AT, dates.ROME))
