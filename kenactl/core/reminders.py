"""What is coming for each line, as calendar items with stable keys, and what ``remind`` reports.

Pure: the profile and ``now`` in, items out. ``now`` only decides which dates are still ahead
(and which charges have fallen due); no text mentions it, so a nightly export changes only when
the data changes or a date passes. Keys are (kind, line, period): the renewal of line ``main``
for 2027-03 is ``("renewal", "main", "2027-03")`` in every export, whatever day it falls on.

``sequence`` (iCalendar SEQUENCE) grows when an item moves: for a renewal (and its top-up) it is
the number of Restarts that moved the renewal day before that renewal; for Restart availability,
the number of history entries; for SIM validity, the last top-up's day number; a complaint goes
from 0 to 1 when its reply is recorded (and the item is cancelled).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from kenactl.core import charges, dates, restart, rights, validity, workdays
from kenactl.core.model import Complaint, Line, Profile
from kenactl.core.money import ZERO, euros
from kenactl.core.rules import ValidityRule
from kenactl.core.status import shortfall

KINDS = ("RENEWAL", "TOPUP", "RESTART", "SIM-VALIDITY", "COMPLAINT")
SEQUENCE_EPOCH = date(2000, 1, 1)
DEFAULT_MONTHS = 12
DEFAULT_WITHIN = timedelta(days=3)


@dataclass(frozen=True)
class Item:
    """One thing in the calendar: a ``date`` start is an all-day item, a ``datetime`` a timed one."""

    kind: str  # one of KINDS
    line: str
    period: str | None  # "2027-03" for monthly items; None for items a line has at most one of
    start: date | datetime
    due: datetime  # the moment the item is about (renewal moment, Restart availability, ...)
    summary: str
    description: str
    headline: str  # the one-line form printed by ``remind``
    sequence: int = 0
    cancelled: bool = False
    topup: Decimal | None = None  # the minimum top-up, when credit is short
    lasts_until: datetime | None = None  # ``remind`` keeps reporting it from ``due`` until this moment

    @property
    def key(self) -> tuple[str, ...]:
        """(kind, line[, period]): stable across exports, never random."""
        return (self.kind.lower(), self.line) + ((self.period,) if self.period else ())

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def day(self) -> date:
        """The Europe/Rome day the item starts on."""
        return dates.in_rome(self.start).date() if isinstance(self.start, datetime) else self.start


def calendar_items(profile: Profile, now: datetime, *, months: int = DEFAULT_MONTHS, line_name: str | None = None,
                   validity: dict[str, ValidityRule] | None = None) -> list[Item]:
    """Every item of the selected lines from ``now`` over the next ``months`` renewals, sorted by day.

    ``validity`` maps operator ids to their SIM-validity rule; lines whose operator has none get no
    SIM-validity item.
    """
    now = dates.in_rome(now)
    rules = validity or {}
    items = []
    for line in profile.selected(line_name):
        complaints = [complaint for complaint in profile.complaints if complaint.line == line.name]
        items.extend(_line_items(line, now, months, rules.get(line.operator), complaints))
    order = {name: index for index, name in enumerate(profile.lines)}
    return sorted(items, key=lambda item: (item.day, item.due, KINDS.index(item.kind), order[item.line]))


def due_items(profile: Profile, now: datetime, within: timedelta = DEFAULT_WITHIN, line_name: str | None = None,
              validity: dict[str, ValidityRule] | None = None) -> list[Item]:
    """What ``remind`` reports: items due after ``now`` and within ``within``, and those still running.

    Top-up items are left out (the renewal they precede carries the minimum top-up) and so are
    cancelled ones. A SIM-validity warning stays due until the validity ends.
    """
    now = dates.in_rome(now)
    until = dates.add_elapsed(now, within)
    months = within.days // 28 + 2
    found = calendar_items(profile, now, months=months, line_name=line_name, validity=validity)
    return [item for item in found if item.kind != "TOPUP" and not item.cancelled and item.due <= until
            and now < max(item.due, item.lasts_until or item.due)]


def _line_items(line: Line, now: datetime, months: int, rule: ValidityRule | None,
                complaints: list[Complaint]) -> list[Item]:
    """The line's items up to its last renewal in the horizon."""
    items = _renewal_items(line, now, months)
    horizon = max(item.day for item in items)
    items.extend(_cancelled_renewals(line, now, horizon, {item.period for item in items}))
    if line.operator == "kena":
        items.extend(_restart_items(line, now))
    if rule is not None:
        items.extend(_validity_items(line, rule, now))
    items.extend(_complaint_items(complaints, now))
    return [item for item in items if item.day <= horizon]


def _renewal_items(line: Line, now: datetime, months: int) -> list[Item]:
    moments = dates.renewals(line.renewal_day, line.renewal_time, now, months)
    items: list[Item] = []
    for index, moment in enumerate(moments):
        period = f"{moment.year:04d}-{moment.month:02d}"
        sequence = _moves_before(line, moment)
        if index == 0:
            missing = charges.min_topup(line, now)
        else:  # the same rule projected: earlier renewals paid from the credit, no top-ups in between
            short = shortfall(line.credit - index * line.price, line.price)
            missing = short + charges.pending_at(line, moment) if short > 0 else ZERO
        items.append(_renewal(line, now, moment, period, sequence, missing, first=index == 0))
        if index == 0 and missing > 0:
            items.append(_topup(line, now, moment, period, sequence, missing))
    return items


def _credit_text(line: Line, now: datetime) -> str:
    """The credit, and the charges due that any top-up pays first (seed 001 §4)."""
    text = f"Credit {euros(line.credit)}"
    pending = charges.pending_at(line, now)
    if pending > 0:
        text += f" (charges due {euros(pending)} are taken first from any top-up)"
    return text


def _renewal(line: Line, now: datetime, moment: datetime, period: str, sequence: int, missing: Decimal, *,
             first: bool) -> Item:
    when = _moment_text(moment)
    covered = int(line.credit // line.price) if line.price > 0 and line.credit > 0 else 0
    if missing == 0:
        cover = "covers this renewal"
    elif first:
        cover = f"is short: top up at least {euros(missing)} before {when}"
    else:
        paid = "no renewal" if covered == 0 else "1 renewal" if covered == 1 else f"{covered} renewals"
        cover = f"with no top-ups pays {paid} from now; this one needs a top-up of at least {euros(missing)}"
    summary = f"Renewal {line.name}: {line.offer}, {euros(line.price)}" + (" (credit short)" if missing else "")
    description = (f"Line {line.name} ({line.operator}): {line.offer} renews on {when} for {euros(line.price)}."
                   f"\n{_credit_text(line, now)}: {cover}.")
    headline = f"{line.name}: renewal {when}, {line.offer} {euros(line.price)}: credit {euros(line.credit)}"
    headline += f", top up at least {euros(missing)}" if missing else " covers it"
    return Item(kind="RENEWAL", line=line.name, period=period, start=moment.date(), due=moment, summary=summary,
                description=description, headline=headline, sequence=sequence, topup=missing or None)


def _topup(line: Line, now: datetime, moment: datetime, period: str, sequence: int, missing: Decimal) -> Item:
    when = _moment_text(moment)
    summary = f"Top up {line.name}: at least {euros(missing)} by {when}"
    description = (f"The renewal of {line.offer} on line {line.name} ({when}) costs {euros(line.price)}. "
                   f"{_credit_text(line, now)}. Top up at least {euros(missing)} before then.")
    return Item(kind="TOPUP", line=line.name, period=period, start=moment.date() - timedelta(days=1), due=moment,
                summary=summary, description=description, headline=f"{line.name}: {summary.lower()}",
                sequence=sequence, topup=missing)


def _moves_before(line: Line, moment: datetime) -> int:
    """How many Restarts moved the renewal day before ``moment``."""
    return sum(1 for entry in line.history
               if entry.kind == "restart" and entry.renewal_day_before != entry.renewal_day_after
               and entry.at < moment)


def _cancelled_renewals(line: Line, now: datetime, horizon: date, periods: set[str | None]) -> list[Item]:
    """Renewals a Restart replaced: still ahead on the old schedule, with no renewal left in their month.

    Exported as cancelled with a higher SEQUENCE so calendars that imported them drop them.
    """
    items = []
    for entry in line.history:
        if entry.kind != "restart" or entry.renewal_day_before == entry.renewal_day_after or entry.at > now:
            continue
        old = dates.next_renewal(entry.renewal_day_before, line.renewal_time, entry.at)
        period = f"{old.year:04d}-{old.month:02d}"
        restarted = dates.in_rome(entry.at)
        if (old.year, old.month) != (restarted.year, restarted.month) or period in periods or old <= now:
            continue
        when = _moment_text(old)
        items.append(Item(
            kind="RENEWAL", line=line.name, period=period, start=old.date(), due=old,
            summary=f"Renewal {line.name} moved by Restart (was {when})",
            description=(f"The Restart of {_moment_text(restarted)} renewed {line.offer} on line {line.name} "
                         f"early; the renewal planned for {when} will not happen. Renewals now fall on day "
                         f"{entry.renewal_day_after}."),
            headline=f"{line.name}: renewal of {when} replaced by the Restart of {_moment_text(restarted)}",
            sequence=_moves_before(line, old), cancelled=True))
    return items


def _restart_items(line: Line, now: datetime) -> list[Item]:
    """The moment a Kena Restart stops being blocked, when only the time rules (cooldown, consecutive) block it."""
    verdict = restart.check_restart(line, now)
    if verdict.eligible or verdict.eligible_from is None:
        return []
    when = _moment_text(verdict.eligible_from)
    reasons = "; ".join(f"{check.id}: {check.reason}" for check in verdict.failing)
    description = (f"From {when} Restart on line {line.name} is no longer blocked by the time rules ({reasons})."
                   f"\nThe other rules must still hold then: 80% of an allowance used, credit at least the price "
                   f"({euros(line.price)}), at least 48 h before the renewal, no offer change pending."
                   f"\nSource: {restart.SOURCE}; {restart.FACTS}.")
    return [Item(kind="RESTART", line=line.name, period=None, start=verdict.eligible_from,
                 due=verdict.eligible_from, summary=f"Kena Restart available on {line.name}",
                 description=description, headline=f"{line.name}: Kena Restart available from {when}",
                 sequence=len(line.history))]


def _validity_items(line: Line, rule: ValidityRule, now: datetime) -> list[Item]:
    """A warning ``WARN_DAYS`` before the SIM's validity ends, while it has not ended.

    One per line; SEQUENCE is the last top-up's day number (days since 2000-01-01), so a later
    top-up, which moves the warning later, always raises it.
    """
    sim = validity.sim_validity(line, rule, now)
    if sim.ends_on is None or sim.last_topup is None or sim.ends_on < sim.today:
        return []
    warn = sim.ends_on - timedelta(days=validity.WARN_DAYS)
    ends = _day_text(sim.ends_on)
    after = "" if sim.limited_until is None else f", then receive-only until {_day_text(sim.limited_until)}"
    fact = rule.fact
    description = (f"The SIM of line {line.name} ({line.operator}) stays fully valid until {ends}{after}. "
                   f"Any top-up before then restarts the count (last top-up: {_day_text(sim.last_topup)}).\n"
                   f"Rule: {rule.text} (source: {fact.source}, as of {fact.as_of.isoformat()}, {fact.status}).")
    return [Item(kind="SIM-VALIDITY", line=line.name, period=None, start=warn,
                 due=datetime.combine(warn, time(9, 0), dates.ROME),
                 summary=f"SIM validity {line.name}: ends {ends}, top up before then",
                 description=description,
                 headline=f"{line.name}: SIM validity ends {ends}{after}: top up any amount before then",
                 sequence=(sim.last_topup - SEQUENCE_EPOCH).days,
                 lasts_until=datetime.combine(sim.ends_on + timedelta(days=1), time(0, 0), dates.ROME))]


def _complaint_items(complaints: list[Complaint], now: datetime) -> list[Item]:
    """The last day for the operator's reply to each complaint; cancelled once answered before it."""
    today = dates.in_rome(now).date()
    items = []
    for complaint in complaints:
        status = rights.complaint_status(complaint, today)
        due = status.reply_due
        answered = complaint.closed is not None
        if answered and due < today:
            continue
        rules = status.charter.complaints
        cite = status.charter.cite(rules.section)
        subject = f" ({complaint.subject})" if complaint.subject else ""
        what = f"complaint #{complaint.id}{subject} filed {_day_text(complaint.filed)}"
        description = (f"Line {complaint.line}: {what}. The operator must reply within {rules.reply_within_days} "
                       f"days, by {_day_text(due)}; after that {euros(rules.per_step)} are owed per "
                       f"{rules.step_days} {workdays.DAY_KIND_NAMES[rules.days]} late, up to {euros(rules.cap)} ({cite}, "
                       f"{status.charter.source}).")
        if answered:
            description += f"\nAnswered on {_day_text(complaint.closed)}."
        items.append(Item(
            kind="COMPLAINT", line=complaint.line, period=str(complaint.id), start=due,
            due=datetime.combine(due + timedelta(days=1), time(0, 0), dates.ROME),
            summary=f"Complaint #{complaint.id} {complaint.line}: reply due" + (" (answered)" if answered else ""),
            description=description,
            headline=f"{complaint.line}: reply to {what} due by {_day_text(due)} ({cite})",
            sequence=1 if answered else 0, cancelled=answered))
    return items


def _day_text(day: date) -> str:
    """``Mon 15 Mar 2027``."""
    return day.strftime("%a %d %b %Y")


def _moment_text(moment: datetime) -> str:
    """``Mon 15 Mar 2027 00:00`` (Europe/Rome)."""
    return dates.in_rome(moment).strftime("%a %d %b %Y %H:%M")
