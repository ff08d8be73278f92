"""What the calendar has already published, and what the next export must say so no event goes stale.

Pure: the events of this export, the remembered ones and ``now`` in; the events to write and the
memory to keep out. An event is identified by its UID. Its *content* is a digest of the fields
RFC 5545 calls significant (start, end, the English summary: not the language it is shown in) and
its status. Rules:

- SEQUENCE never goes down, and rises by one whenever the content or the status changes;
- DTSTAMP never moves backwards (a backdated write does not take it back);
- a remembered event that no longer applies (its line removed or renamed, its top-up done, its
  renewal moved to another month) is written as CANCELLED with a higher SEQUENCE until
  ``KEEP_CANCELLED`` after its end, then forgotten. An event that has simply passed, or lies
  beyond this export's horizon or outside its ``--line``, is left as it was.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from kenactl.core import dates
from kenactl.core.record import record, replace

KEEP_CANCELLED = timedelta(days=90)


@record
class Published:
    """One VEVENT as written: enough to write it again, cancelled, after its item is gone."""

    uid: str
    kind: str
    line: str
    start: date | datetime
    end: date | datetime
    due: datetime  # the moment the event is about: after it, a missing event has passed, not gone stale
    summary: str
    description: str
    content: str  # digest of start, end and English summary
    sequence: int
    stamp: datetime
    cancelled: bool = False


@record
class Scope:
    """What this export covers: the lines it selected, every line of the profile, each line's horizon."""

    selected: frozenset[str]
    existing: frozenset[str]
    horizon: Mapping[str, date]  # the last day exported for a selected line


def reconcile(current: Iterable[Published], memory: Mapping[str, Published], scope: Scope, now: datetime,
              stamp: datetime) -> tuple[list[Published], dict[str, Published]]:
    """(events to write, memory to keep): ``current`` with lasting sequences and stamps, plus cancellations.

    ``current`` carries the sequence the items derive from the profile; ``stamp`` is the profile's.
    """
    stamp = max([stamp, *(event.stamp for event in memory.values())], key=dates.instant)
    today = dates.in_rome(now).date()
    written: list[Published] = []
    kept: dict[str, Published] = {}
    for event in current:
        before = memory.get(event.uid)
        sequence = event.sequence
        if before is not None:
            changed = (before.content, before.cancelled) != (event.content, event.cancelled)
            sequence = max(sequence, before.sequence + changed)
        event = replace(event, sequence=sequence, stamp=stamp)
        written.append(event)
        kept[event.uid] = event
    for uid, before in memory.items():
        if uid in kept or _day(before.end) + KEEP_CANCELLED < today:
            continue
        if before.cancelled:
            event = replace(before, stamp=stamp) if _in_scope(before, scope) else before
        elif _stale(before, scope, now):
            event = replace(before, sequence=before.sequence + 1, stamp=stamp, cancelled=True)
        else:
            kept[uid] = before
            continue
        kept[uid] = event
        if _in_scope(event, scope):
            written.append(event)
    return written, kept


def _in_scope(event: Published, scope: Scope) -> bool:
    """The export covers the event's line: selected, or gone from the profile (removed, renamed)."""
    return event.line in scope.selected or event.line not in scope.existing


def _stale(event: Published, scope: Scope, now: datetime) -> bool:
    """Missing although still ahead, on a line this export covers, within its horizon."""
    if dates.instant(event.due) <= dates.instant(now) or not _in_scope(event, scope):
        return False
    if event.line not in scope.existing:
        return True
    horizon = scope.horizon.get(event.line)
    return horizon is not None and _day(event.start) <= horizon


def _day(moment: date | datetime) -> date:
    return dates.in_rome(moment).date() if isinstance(moment, datetime) else moment


def to_json(event: Published) -> dict:
    """The memory's JSON form of an event (ISO dates and moments)."""
    return {"kind": event.kind, "line": event.line, "start": event.start.isoformat(), "end": event.end.isoformat(),
            "due": dates.isoformat(event.due), "summary": event.summary, "description": event.description,
            "content": event.content, "sequence": event.sequence, "stamp": event.stamp.isoformat(),
            "cancelled": event.cancelled}


def from_json(uid: str, data: Mapping) -> Published:
    """An event read back from the memory; a ``ValueError``/``KeyError``/``TypeError`` when damaged."""
    return Published(uid=uid, kind=str(data["kind"]), line=str(data["line"]), start=_moment(data["start"]),
                     end=_moment(data["end"]), due=dates.in_rome(datetime.fromisoformat(data["due"])),
                     summary=str(data["summary"]), description=str(data["description"]),
                     content=str(data["content"]), sequence=int(data["sequence"]),
                     stamp=datetime.fromisoformat(data["stamp"]), cancelled=bool(data["cancelled"]))


def _moment(text: str) -> date | datetime:
    """A date (``2027-03-15``) or an aware moment; moments come back in Europe/Rome (or UTC as written)."""
    if len(text) == 10:
        return date.fromisoformat(text)
    moment = datetime.fromisoformat(text)
    if moment.utcoffset() == timedelta(0) and text.endswith("+00:00"):
        return moment
    return dates.in_rome(moment)
