"""What is coming for each line, as calendar items with stable keys, and what ``remind`` reports.

Pure: the profile and ``now`` in, items out. ``now`` only decides which dates are still ahead
(and which charges have fallen due); no text mentions it, so a nightly export changes only when
the data changes or a date passes. Keys are (kind, line, period): the renewal of line ``main``
for 2027-03 is ``("renewal", "main", "2027-03")`` in every export, whatever day it falls on.

``sequence`` (iCalendar SEQUENCE) grows when an item moves: for a renewal (and its top-up) it is
the number of Restarts that moved the renewal day before that renewal; for Restart availability,
the number of history entries; for SIM validity, the last top-up's day number; a complaint goes
from 0 to 1 when its reply is recorded (and the item is cancelled).

Texts are ``Msg`` objects: ``str()`` in the current language for people and the calendar,
``.english()`` for JSON. Dates, moments and money inside them are formatted per language.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kenactl.core import charges, dates, restart, validity
from kenactl.core.model import Complaint, HistoryEntry, Line, Profile
from kenactl.core.money import min_topup
from kenactl.core.record import record
from kenactl.core.renewal_rule import ValidityRule
from kenactl.text import Money, Msg, data_text

if TYPE_CHECKING:  # the charters' terms and core.complaints are imported only when a profile has complaints
    from kenactl.core.complaints import ComplaintTerms
    from kenactl.core.ledger import LineState

KINDS = ("RENEWAL", "TOPUP", "RESTART", "SIM-VALIDITY", "COMPLAINT")
SEQUENCE_EPOCH = date(2000, 1, 1)
DEFAULT_MONTHS = 12
DEFAULT_WITHIN = timedelta(days=3)


@record
class Item:
    """One thing in the calendar: a ``date`` start is an all-day item, a ``datetime`` a timed one."""

    kind: str  # one of KINDS
    line: str
    period: str | None  # "2027-03" for monthly items; None for items a line has at most one of
    start: date | datetime
    due: datetime  # the moment the item is about (renewal moment, Restart availability, ...)
    summary: Msg
    description: Msg
    headline: Msg  # the one-line form printed by ``remind``
    sequence: int = 0
    cancelled: bool = False
    topup: Decimal | None = None  # the minimum top-up, when credit is short
    lasts_until: datetime | None = None  # ``remind`` keeps reporting it from ``due`` until this moment
    urgent: bool = False  # a state needing action: ``remind`` repeats it once a day while it is due

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
                   validity: dict[str, ValidityRule] | None = None, features: dict[str, frozenset[str]] | None = None,
                   charters: Sequence[ComplaintTerms] = (), states: dict[str, LineState] | None = None,
                   due_by: datetime | None = None) -> list[Item]:
    """Every item of the selected lines from ``now`` over the next ``months`` renewals, sorted by day.

    ``validity`` maps operator ids to their SIM-validity rule; lines whose operator has none get no
    SIM-validity item. ``features`` maps operator ids to their features (Restart items need
    ``restart``); ``charters`` are the complaint terms of the charter editions complaints are judged by. With the
    ledger's ``states`` (``profile`` then being the derived profile) the credit is projected renewal
    by renewal with each operator's rule, and an offer waiting for a top-up is an item of its own.
    With ``due_by``, renewals after it are neither projected nor built (they still end the horizon), nor
    SIM-validity warnings due after it.
    """
    now = dates.in_rome(now)
    rules = validity or {}
    items = []
    for line in profile.selected(line_name):
        complaints = [complaint for complaint in profile.complaints if complaint.line == line.name]
        items.extend(_line_items(line, now, months, rules.get(line.operator), complaints,
                                 (features or {}).get(line.operator, frozenset()), charters,
                                 (states or {}).get(line.name), due_by))
    order = {name: index for index, name in enumerate(profile.lines)}
    return sorted(items, key=lambda item: (item.day, item.due, KINDS.index(item.kind), order[item.line]))


def due_items(profile: Profile, now: datetime, within: timedelta = DEFAULT_WITHIN, line_name: str | None = None,
              validity: dict[str, ValidityRule] | None = None, features: dict[str, frozenset[str]] | None = None,
              charters: Sequence[ComplaintTerms] = (), states: dict[str, LineState] | None = None) -> list[Item]:
    """What ``remind`` reports: items due after ``now`` and within ``within``, and those still running.

    Top-up items are left out (the renewal they precede carries the minimum top-up) and so are
    cancelled ones. A SIM-validity warning stays due until the validity ends.
    """
    now = dates.in_rome(now)
    until = dates.add_elapsed(now, within)
    months = within.days // 28 + 2
    found = calendar_items(profile, now, months=months, line_name=line_name, validity=validity, features=features,
                           charters=charters, states=states, due_by=until)
    return [item for item in found if item.kind != "TOPUP" and not item.cancelled
            and dates.instant(item.due) <= dates.instant(until)
            and dates.instant(now) < dates.instant(max(item.due, item.lasts_until or item.due, key=dates.instant))]


def _line_items(line: Line, now: datetime, months: int, rule: ValidityRule | None,
                complaints: list[Complaint], features: frozenset[str], charters: Sequence[ComplaintTerms],
                state: LineState | None = None, due_by: datetime | None = None) -> list[Item]:
    """The line's items up to its last renewal in the horizon (``due_by``: as ``calendar_items``)."""
    moments = dates.renewals(line.renewal_day, line.renewal_time, now, months)
    renewing = state is None or state.next_renewal is not None  # else waiting for a top-up: no scheduled renewal
    if not renewing:
        moments = []
    built = moments if due_by is None else [moment for moment in moments
                                            if dates.instant(moment) <= dates.instant(due_by)]
    items = _renewal_items(line, now, built, state)
    periods = {_period(moment) for moment in moments}
    ends = [moments[-1].date()] if moments else []
    if state is not None and not state.offer_usable:
        waiting = _waiting_item(line, now, state)
        items.append(waiting)
        periods.add(waiting.period)
        ends.append(waiting.day)
    horizon = max(ends)
    items.extend(_cancelled_renewals(line, now, horizon, periods))
    if "restart" in features:
        items.extend(_restart_items(line, now))
    if rule is not None:
        items.extend(_validity_items(line, rule, now, due_by))
    items.extend(_complaint_items(complaints, now, charters))
    return [item for item in items if item.day <= horizon]


def _renewal_items(line: Line, now: datetime, moments: list[datetime], state: LineState | None = None) -> list[Item]:
    """The renewals at ``moments`` (the next ones from ``now``, in order), the first with its top-up when short."""
    if state is not None and moments:
        from kenactl.core.ledger import forecast

        projected = forecast(state, moments)
    items: list[Item] = []
    for index, moment in enumerate(moments):
        period = _period(moment)
        sequence = _moves_before(line, moment)
        if state is not None:  # the ledger projected: each earlier renewal with the operator's rule
            missing = projected[index].min_topup
        elif index == 0:
            missing = charges.min_topup(line, now)
        else:  # the same rule projected: earlier renewals paid from the credit, no top-ups in between
            missing = min_topup(line.credit - index * line.price, line.price, charges.pending_at(line, moment))
        items.append(_renewal(line, now, moment, period, sequence, missing, first=index == 0))
        if index == 0 and missing > 0:
            items.append(_topup(line, now, moment, period, sequence, missing))
    return items


def _period(moment: datetime) -> str:
    """The month ``moment`` falls in, as a key's period: ``2027-03``."""
    return f"{moment.year:04d}-{moment.month:02d}"


def _waiting_item(line: Line, now: datetime, state: LineState) -> Item:
    """An offer a renewal left waiting for a top-up: urgent, so ``remind`` delivers it once a day until renewed."""
    since = state.waiting_since
    period = _period(since)
    values = dict(line=line.name, offer=line.offer, since=since, amount=Money(state.min_topup))
    if state.rule.topup == "renews":
        headline = Msg("{line}: {offer} suspended since {since}: top up {amount} to renew now", **values)
    else:
        headline = Msg("{line}: {offer} blocked since {since}: top up {amount} to use it again", **values)
    tonight = datetime.combine(dates.in_rome(now).date() + timedelta(days=1), time(0, 0), dates.ROME)
    return Item(kind="RENEWAL", line=line.name, period=period, start=since.date(), due=since, summary=headline,
                description=Msg("{headline}.\nCredit {credit} ({basis}).", headline=headline,
                                credit=Money(state.credit), basis=state.basis),
                headline=headline, sequence=_moves_before(line, since), topup=state.min_topup,
                lasts_until=tonight, urgent=True)  # the same reminder all day; urgent: once a day


def _credit_text(line: Line, now: datetime) -> Msg:
    """The credit, and the charges due that any top-up pays first (Carta dei Servizi Kena Mobile, §4)."""
    pending = charges.pending_at(line, now)
    if pending > 0:
        return Msg("Credit {credit} (charges due {pending} are taken first from any top-up)",
                   credit=Money(line.credit), pending=Money(pending))
    return Msg("Credit {credit}", credit=Money(line.credit))


def _renewal(line: Line, now: datetime, moment: datetime, period: str, sequence: int, missing: Decimal, *,
             first: bool) -> Item:
    from kenactl.core.lines import offer_with_price  # with core.status: loaded only when a renewal is built

    covered = int(line.credit // line.price) if line.price > 0 and line.credit > 0 else 0
    values: dict[str, Any] = dict(line=line.name, offer=line.offer, price=Money(line.price), when=moment,
                                  credit=Money(line.credit), missing=Money(missing))
    if missing == 0:
        cover = Msg("covers this renewal")
    elif first:
        cover = Msg("is short: top up at least {missing} before {when}", **values)
    else:
        paid = Msg("no renewal") if covered == 0 else Msg("1 renewal") if covered == 1 else Msg(
            "{count} renewals", count=covered)
        cover = Msg("with no top-ups pays {paid} from now; this one needs a top-up of at least {missing}",
                    paid=paid, missing=Money(missing))
    if missing:
        summary = Msg("Renewal {line}: {offer}, {price} (credit short)", **values)
        headline = Msg("{line}: renewal {when}, {offer}: credit {credit}, top up at least {missing}",
                       **{**values, "offer": offer_with_price(line)})
    else:
        summary = Msg("Renewal {line}: {offer}, {price}", **values)
        headline = Msg("{line}: renewal {when}, {offer}: credit {credit} covers it",
                       **{**values, "offer": offer_with_price(line)})
    description = Msg("Line {line} ({operator}): {offer} renews on {when} for {price}.\n{credit}: {cover}.",
                      line=line.name, operator=line.operator, offer=line.offer, when=moment,
                      price=Money(line.price), credit=_credit_text(line, now), cover=cover)
    return Item(kind="RENEWAL", line=line.name, period=period, start=moment.date(), due=moment, summary=summary,
                description=description, headline=headline, sequence=sequence, topup=missing or None)


def _topup(line: Line, now: datetime, moment: datetime, period: str, sequence: int, missing: Decimal) -> Item:
    summary = Msg("Top up {line}: at least {missing} by {when}", line=line.name, missing=Money(missing),
                  when=moment)
    description = Msg("The renewal of {offer} on line {line} ({when}) costs {price}. {credit}. Top up at least "
                      "{missing} before then.", offer=line.offer, line=line.name, when=moment,
                      price=Money(line.price), credit=_credit_text(line, now), missing=Money(missing))
    headline = Msg("{line}: top up at least {missing} by {when}", line=line.name, missing=Money(missing),
                   when=moment)
    return Item(kind="TOPUP", line=line.name, period=period, start=moment.date() - timedelta(days=1), due=moment,
                summary=summary, description=description, headline=headline, sequence=sequence, topup=missing)


def _moves_before(line: Line, moment: datetime) -> int:
    """How many Restarts moved the renewal day before ``moment``."""
    return sum(1 for entry in restart.restarts_in(line.history)
               if entry.renewal_day_before != entry.renewal_day_after
               and dates.instant(entry.at) < dates.instant(moment))


def _cancelled_renewals(line: Line, now: datetime, horizon: date, periods: set[str | None]) -> list[Item]:
    """Renewals a Restart replaced: still ahead on the old schedule, with no renewal left in their month.

    Exported as cancelled with a higher SEQUENCE so calendars that imported them drop them.
    """
    items = []
    for entry in restart.restarts_in(line.history):
        if (entry.renewal_day_before == entry.renewal_day_after
                or dates.instant(entry.at) > dates.instant(now)):
            continue
        old = dates.next_renewal(entry.renewal_day_before, line.renewal_time, entry.at)
        when = old if _time_before(line, entry) is not None else old.date()  # never a time it did not have
        period = _period(old)
        restarted = dates.in_rome(entry.at)
        if ((old.year, old.month) != (restarted.year, restarted.month) or period in periods
                or dates.instant(old) <= dates.instant(now)):
            continue
        items.append(Item(
            kind="RENEWAL", line=line.name, period=period, start=old.date(), due=old,
            summary=Msg("Renewal {line} moved by Restart (was {when})", line=line.name, when=when),
            description=Msg("The Restart of {restarted} renewed {offer} on line {line} early; the renewal planned "
                            "for {when} will not happen. Renewals now fall on day {day}.", restarted=restarted,
                            offer=line.offer, line=line.name, when=when, day=entry.renewal_day_after),
            headline=Msg("{line}: renewal of {when} replaced by the Restart of {restarted}", line=line.name,
                         when=when, restarted=restarted),
            sequence=_moves_before(line, old), cancelled=True))
    return items


def _time_before(line: Line, entry: HistoryEntry) -> time | None:
    """The renewal time before the Restart ``entry``, when the line's current time tells it.

    A Restart sets the renewal time to the earlier of the old time and its own; the current time is
    the old one only when it is earlier than the time of this and every later Restart.
    """
    later = [dates.in_rome(other.at) for other in restart.restarts_in(line.history)
             if dates.instant(other.at) >= dates.instant(entry.at)]
    if all(line.renewal_time < time(moment.hour, moment.minute) for moment in later):
        return line.renewal_time
    return None


def _restart_items(line: Line, now: datetime) -> list[Item]:
    """The moment a Kena Restart stops being blocked, when only the time rules (cooldown, consecutive) block it."""
    if not restart.time_rule_fails(line, now):  # allowed now or never by waiting: no moment to announce
        return []
    verdict = restart.check_restart(line, now)
    if verdict.eligible or verdict.eligible_from is None:
        return []
    when = verdict.eligible_from
    reasons = restart.Listed([Msg("{check}: {reason}", check=restart.label(check.id), reason=check.message)
                              for check in verdict.failing])
    description = Msg("From {when} Restart on line {line} is no longer blocked by the time rules ({reasons})."
                      "\nThe other rules must still hold then: 80% of an allowance used, credit at least the price "
                      "({price}), at least 48 h before the renewal, no offer change pending."
                      "\nSource: {source}.", when=when, line=line.name, reasons=reasons,
                      price=Money(line.price), source=data_text(restart.SOURCE))
    return [Item(kind="RESTART", line=line.name, period=None, start=when, due=when,
                 summary=Msg("Kena Restart available on {line}", line=line.name), description=description,
                 headline=Msg("{line}: Kena Restart available from {when}", line=line.name, when=when),
                 sequence=len(line.history))]


def _validity_items(line: Line, rule: ValidityRule, now: datetime, due_by: datetime | None = None) -> list[Item]:
    """A warning ``WARN_DAYS`` before the SIM's validity ends, while it has not ended (with ``due_by``: only
    when the warning is due by then).

    One per line; SEQUENCE is the day number (days since 2000-01-01) of the last top-up, or of the
    activation without one, so a later top-up, which moves the warning later, always raises it.
    """
    sim = validity.sim_validity(line, rule, now)
    if sim.ends_on is None or sim.counted_from is None or sim.ends_on < sim.today:
        return []
    warn = sim.ends_on - timedelta(days=validity.WARN_DAYS)
    due = datetime.combine(warn, time(9, 0), dates.ROME)
    if due_by is not None and dates.instant(due) > dates.instant(due_by):
        return []
    ends = sim.ends_on
    receive_only = sim.limited_until is not None and sim.limited_until > sim.ends_on
    after = Msg(", then receive-only until {day}", day=sim.limited_until) if receive_only else ""
    fact = rule.fact
    basis = Msg("last top-up: {day}", day=sim.counted_from) if sim.basis == "topup" else \
        Msg("no top-up recorded, counted from the activation on {day}", day=sim.counted_from)
    description = Msg("The SIM of line {line} ({operator}) stays fully valid until {ends}{after}. Any top-up "
                      "before then restarts the count ({basis}).\nRule: {rule} (source: {source}, "
                      "as of {as_of}, {status}).", line=line.name, operator=line.operator, ends=ends, after=after,
                      basis=basis, rule=data_text(rule.text), source=data_text(fact.source),
                      as_of=fact.as_of.isoformat(), status=data_text(fact.status))
    return [Item(kind="SIM-VALIDITY", line=line.name, period=None, start=warn, due=due,
                 summary=Msg("SIM validity {line}: ends {ends}, top up before then", line=line.name, ends=ends),
                 description=description,
                 headline=Msg("{line}: SIM validity ends {ends}{after}: top up any amount before then",
                              line=line.name, ends=ends, after=after),
                 sequence=(sim.counted_from - SEQUENCE_EPOCH).days,
                 lasts_until=datetime.combine(sim.ends_on + timedelta(days=1), time(0, 0), dates.ROME))]


def _complaint_items(complaints: list[Complaint], now: datetime, charters: Sequence[ComplaintTerms]) -> list[Item]:
    """The last day for the operator's reply to each complaint; cancelled once answered before it."""
    if not complaints:
        return []
    from kenactl.core.complaints import complaint_reply_due, in_force

    today = dates.in_rome(now).date()
    items = []
    for complaint in complaints:  # the reply's deadline is in calendar days: no working days, no holidays
        charter = in_force(charters, complaint.filed)
        due = complaint_reply_due(complaint, charters)
        answered = complaint.closed is not None
        if answered and due < today:
            continue
        rules = charter.complaints
        cite = charter.cite(rules.section)
        if complaint.subject:
            what = Msg("complaint #{id} ({subject}) filed {filed}", id=complaint.id, subject=complaint.subject,
                       filed=complaint.filed)
        else:
            what = Msg("complaint #{id} filed {filed}", id=complaint.id, filed=complaint.filed)
        description = Msg("Line {line}: {what}. The operator must reply within {days} days, by {due}; after that "
                          "{per_step} are owed per {step_days} {day_kind} late, up to {cap} ({cite}, {source}).",
                          line=complaint.line, what=what, days=rules.reply_within_days, due=due,
                          per_step=Money(rules.per_step), step_days=rules.step_days,
                          day_kind=DayKindName(rules.days), cap=Money(rules.cap),
                          cite=data_text(cite), source=data_text(charter.source))
        if answered:
            description = Msg("{text}\nAnswered on {day}.", text=description, day=complaint.closed)
        summary = (Msg("Complaint #{id} {line}: reply due (answered)", id=complaint.id, line=complaint.line)
                   if answered else Msg("Complaint #{id} {line}: reply due", id=complaint.id, line=complaint.line))
        items.append(Item(
            kind="COMPLAINT", line=complaint.line, period=str(complaint.id), start=due,
            due=datetime.combine(due + timedelta(days=1), time(0, 0), dates.ROME),
            summary=summary, description=description,
            headline=Msg("{line}: reply to {what} due by {due} ({cite})", line=complaint.line, what=what, due=due,
                         cite=data_text(cite)),
            sequence=1 if answered else 0, cancelled=answered))
    return items


class DayKindName(Msg):
    """The name of a kind of day a charter counts (``feriali``, ``lavorativi``), looked up in ``core.workdays``
    when shown: a calendar item's description, which ``remind`` builds and rarely shows."""

    def __init__(self, kind: str):
        super().__init__("{kind}", kind=kind)

    def render(self, lang: str | None = None) -> str:
        """The name in ``lang``."""
        from kenactl.core.workdays import DAY_KIND_NAMES

        return data_text(DAY_KIND_NAMES[self.values["kind"]]).render(lang)
