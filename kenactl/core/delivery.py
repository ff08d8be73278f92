"""Which reminders ``remind`` delivers now: once per threshold, caught up late, urgent ones once a day.

Pure: the due items, the keys a target has already received and ``now`` in; deliveries out. The
state file (``kenactl.state``) remembers the keys; this module only decides.

A threshold of N days (the profile's ``alarms``) opens at 00:00 Europe/Rome on its *alarm day*:
N days before the day of the item's deadline, or one day earlier when 09:00 of that day is not
before the deadline (a renewal at 00:00 has "0d" on the eve: a reminder never comes after what it
announces). The calendar's alarms ring at 09:00 of the same day. Each run delivers, per item, the
latest threshold that has opened and was not delivered yet; thresholds it skipped (a machine that
was off) are covered by that one delivery, marked late when its alarm day has already passed.

Urgent items repeat once per Rome day until they stop being due: a renewal whose minimum top-up is
still missing 24 hours before it, an overdue complaint reply, and any item whose ``urgent`` flag is
set (the way other parts of the core mark a state that needs action every day).
"""

from collections.abc import Iterable, Sequence, Set
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from kenactl.core import dates
from kenactl.core.model import Complaint, Profile
from kenactl.core.record import record
from kenactl.core.reminders import Item, due_items
from kenactl.core.renewal_rule import ValidityRule
from kenactl.text import Money, Msg

if TYPE_CHECKING:
    from kenactl.core.complaints import ComplaintTerms
    from kenactl.core.ledger import LineState

ALARM_TIME = time(9, 0)  # the calendar's alarms ring then; remind's thresholds open at 00:00 of that day
URGENT_TOPUP = timedelta(hours=24)
LOOKAHEAD_MARGIN = timedelta(days=2)  # items are looked up this much beyond the largest threshold


@record
class Delivery:
    """One reminder to deliver: the item, the stage (``2d``, ``open``, ``urgent``) and the keys it settles."""

    item: Item
    stage: str
    planned: date  # the day this stage was meant to be delivered
    late: bool
    keys: tuple[str, ...]  # recorded as delivered when it reaches the target: its own and those it covers

    @property
    def urgent(self) -> bool:
        return self.stage == "urgent"

    @property
    def text(self) -> Msg:
        """The item's one-line form, with the day it was meant for when late."""
        if self.late:
            return Msg("{text} (late: meant for {day})", text=self.item.headline, day=self.planned)
        return self.item.headline


def alarm_day(deadline: datetime, days: int) -> date:
    """The Rome day of an N-days reminder for ``deadline`` (never on or after the deadline's 09:00)."""
    deadline = dates.in_rome(deadline)
    day = deadline.date() - timedelta(days=days)
    if dates.instant(datetime.combine(day, ALARM_TIME, dates.ROME)) >= dates.instant(deadline):
        day -= timedelta(days=1)
    return day


def lookahead(alarm_days: Iterable[int]) -> timedelta:
    """How far ahead ``remind`` must look to see every threshold that may open."""
    return timedelta(days=max(alarm_days, default=0)) + LOOKAHEAD_MARGIN


def reminder_items(profile: Profile, now: datetime, within: timedelta, line_name: str | None = None, *,
                   validity: dict[str, ValidityRule] | None = None, features: dict[str, frozenset[str]] | None = None,
                   charters: "Sequence[ComplaintTerms]" = (),
                   states: "dict[str, LineState] | None" = None) -> list[Item]:
    """What ``remind`` considers: the items due within ``within`` (an offer waiting for a top-up among them,
    from the ledger's ``states``) and the overdue complaint replies (``validity``, ``features``,
    ``charters`` and ``states`` as ``reminders.calendar_items`` takes them)."""
    return (due_items(profile, now, within, line_name, validity=validity, features=features, charters=charters,
                      states=states)
            + overdue_complaints(profile, now, line_name, charters))


def overdue_complaints(profile: Profile, now: datetime, line_name: str | None = None,
                       charters: "Sequence[ComplaintTerms]" = ()) -> list[Item]:
    """An urgent item per open complaint whose reply is late, with the indennizzo owed so far."""
    if not profile.complaints:
        return []
    from kenactl.core import complaints  # only with complaints: it and the charter types are a remind's largest part

    today = dates.in_rome(now).date()
    lines = {line.name for line in profile.selected(line_name)}
    items = []
    for complaint in profile.complaints:
        if complaint.line not in lines or (complaint.closed is not None and complaint.closed <= today):
            continue
        due = complaints.complaint_reply_due(complaint, charters)
        if today <= due:
            continue  # not late yet: nothing owed, no working days to count
        charter = complaints.in_force(charters, complaint.filed)
        headline = Msg("{line}: reply to complaint #{id} filed {filed} is late (due by {due}): {owed} ({cite})",
                       line=complaint.line, id=complaint.id, filed=complaint.filed, due=due,
                       owed=OwedSoFar(complaint, today, tuple(charters)),
                       cite=_literal(charter.cite(charter.complaints.section)))
        deadline = datetime.combine(due + timedelta(days=1), time(0, 0), dates.ROME)
        items.append(Item(kind="COMPLAINT", line=complaint.line, period=str(complaint.id), start=due,
                          due=deadline, summary=headline, description=headline, headline=headline,
                          urgent=True))
    return items


class OwedSoFar(Msg):
    """What a late reply to ``complaint`` owes on ``today`` (and when that grows), worked out when shown: the
    working days are counted only for a reminder that is delivered or printed."""

    def __init__(self, complaint: Complaint, today: date, charters: "tuple[ComplaintTerms, ...]"):
        super().__init__("{owed}", complaint=complaint, today=today, charters=charters)

    def render(self, lang: str | None = None) -> str:
        """The amount owed so far in ``lang``, with the next increase while it still grows."""
        from kenactl.core.complaints import complaint_status

        status = complaint_status(self.values["complaint"], self.values["today"], self.values["charters"])
        owed = Msg("{owed} owed so far", owed=Money(status.amount))
        if status.next_increase is not None:
            owed = Msg("{owed}, {more} more from {day}", owed=owed, more=Money(status.charter.complaints.per_step),
                       day=status.next_increase)
        return owed.render(lang)


def is_urgent(item: Item, now: datetime) -> bool:
    """Marked urgent, or a renewal still short of credit 24 hours (or less) before it."""
    if item.urgent:
        return True
    return (item.kind == "RENEWAL" and bool(item.topup)
            and dates.elapsed(now, item.due) <= URGENT_TOPUP)


def pending(items: Iterable[Item], delivered: Set[str], now: datetime, alarm_days: Iterable[int]) -> list[Delivery]:
    """The deliveries a target that has received ``delivered`` (keys) is owed at ``now``."""
    now = dates.in_rome(now)
    days = tuple(alarm_days)
    found = []
    for item in items:
        regular = _current_stage(item, now, days)
        if is_urgent(item, now):
            key = f"{_item_key(item)}/urgent/{now.date().isoformat()}"
            if key not in delivered:
                covered = (regular[1],) if regular is not None else ()
                found.append(Delivery(item, "urgent", now.date(), False, (key, *covered)))
            continue
        if regular is None or regular[1] in delivered:
            continue
        stage, key, day = regular
        found.append(Delivery(item, stage, day, day < now.date(), (key,)))
    return found


def _current_stage(item: Item, now: datetime, alarm_days: tuple[int, ...]) -> tuple[str, str, date] | None:
    """(stage, key, alarm day) of the latest threshold of ``item`` open at ``now``, if any."""
    deadline = item.lasts_until or item.due
    if dates.instant(now) >= dates.instant(deadline):
        return None
    stages = [(f"{days}d", alarm_day(deadline, days)) for days in alarm_days]
    if item.lasts_until is not None:  # a lasting warning opens on its own day; no threshold before it
        opens = dates.in_rome(item.due).date()
        stages = [("open", opens)] + [(name, day) for name, day in stages if day > opens]
    open_now = [(day, name) for name, day in stages if day <= now.date()]
    if not open_now:
        return None
    day, name = max(open_now)
    return name, f"{_item_key(item)}/{name}", day


def _item_key(item: Item) -> str:
    """The item and the deadline it is about: a moved renewal is a new reminder."""
    return "-".join(item.key) + "@" + dates.isoformat(item.lasts_until or item.due)


def _literal(text: str) -> Msg:
    """Text from a data file (a charter's citation) shown as it is."""
    return Msg(text.replace("{", "{{").replace("}", "}}"))
