"""Recording facts on a stored line: setting changes, and dating a credit entered without a moment."""

from dataclasses import replace
from datetime import datetime

from kenactl.core import dates
from kenactl.core.model import ALLOWANCE_KINDS, Change, Line, Observation

SETTINGS = ("operator", "offer", "price", "renewal_day", "renewal_time", "options", "payment", "pending_offer_change")


def settings_at(line: Line, moment: datetime) -> Line:
    """The line's settings in force at ``moment``: every change recorded after it undone."""
    later = sorted((change for change in line.changes if dates.instant(change.at) > dates.instant(moment)),
                   key=lambda change: dates.instant(change.at), reverse=True)
    for change in later:
        line = _with_setting(line, change.key, change.old)
    return line


def _with_setting(line: Line, key: str, value: object) -> Line:
    if key in ALLOWANCE_KINDS:
        return replace(line, included=replace(line.included, **{key: value}))
    return replace(line, **{key: value})


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
    return replace(line, observations=(Observation(at=now, credit=line.credit),))
