"""The ledger of a line: its state at any moment, derived from the recorded facts and the operator's rule.

``fold(line, rule, moment)`` applies, in time order, every fact of the line (credit observations,
top-ups, usage readings, Restarts, charges, setting changes) and every scheduled renewal of the
schedule in force (renewal day and time, month-end clamping, Restart and top-up shifts) up to
``moment``. A covered renewal takes the price and refills the bundle; one the credit does not cover
gets the operator's outcome (``RenewalRule``). A ``moment`` in the future projects the same way with
no new facts. Pure: the same facts and moment always give the same ``LineState``.

At one instant a scheduled renewal comes before the facts recorded at that instant.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from operator import itemgetter
from typing import TYPE_CHECKING

from kenactl.core import charges as charge_rules
from kenactl.core import dates
from kenactl.core.ledger_state import KINDS, OUTCOMES, Fee, LineState, Period, Renewal, RenewalHistory, periods
from kenactl.core.model import ALLOWANCE_KINDS, Amounts, HistoryEntry, Line, Observation, TopUp
from kenactl.core.money import ZERO
from kenactl.core.record import replace
from kenactl.core.renewal_rule import RenewalRule

if TYPE_CHECKING:
    from kenactl.core.rules import Event

__all__ = ["KINDS", "OUTCOMES", "Fee", "LineState", "Period", "Renewal", "fold", "forecast", "periods"]
_ORDER = {"renewal": 0, "change": 1, "observation": 2, "restart": 3, "topup": 4, "reading": 5, "fee": 6}
_INSTANT = itemgetter(0)  # an event's instant


class _Run:
    """The fold's mutable state while it walks the timeline (moments in Rome; ``*_instant`` the same in UTC,
    converted once, to compare)."""

    __slots__ = ("line", "rule", "by_card", "rules", "credit", "as_of", "day", "at", "upcoming", "upcoming_instant",
                 "paid", "waiting", "owed", "last_topup", "basis", "fee_queue", "fees", "renewals", "periods", "built",
                 "built_renewals", "charges_from")

    def __init__(self, line: Line, rule: RenewalRule, paid: list[Decimal]):
        self.line = line  # the settings in force
        self.rule = rule
        self.by_card = line.payment == "card" or rule.pays_itself(line.options)  # for ``line`` under ``rule``
        self.rules: dict[str, RenewalRule] = {}
        self.credit: Decimal | None = None  # unknown until the first observation
        self.as_of: datetime | None = None  # the last observation's instant
        self.day, self.at = line.renewal_day, line.renewal_time
        self.upcoming: datetime | None = None  # set with ``_set_upcoming``
        self.upcoming_instant: datetime | None = None
        self.paid = paid
        self.charges_from: date | None = None  # the first day a recorded charge is taken from a top-up
        self.waiting: datetime | None = None
        self.owed = ZERO
        self.last_topup: date | None = None
        self.basis: list[tuple[str, datetime]] = []
        self.fee_queue: list[tuple[datetime, datetime, Event]] = []  # (instant, moment, event), soonest first
        self.fees: list[Fee] = []
        self.renewals: list[tuple] = []  # each renewal's fields in ``Renewal``'s order (built on request)
        self.periods: list[dict] = []
        self.built: tuple[Period, ...] | None = None  # the periods of a finished fold, once asked (``periods``)
        self.built_renewals: tuple[Renewal, ...] | None = None  # its renewals, once asked (``renewals``)


def _events(line: Line) -> list[tuple[datetime, int, str, object]]:
    """The line's facts as ``(instant, order, kind, item)``, in time order (``instant``: the moment in UTC; ``item``
    an observation's or top-up's ``(instant, amount)`` row, else the record); the facts of one instant in
    ``_ORDER``: listed in that order, then sorted by instant alone (a stable sort)."""
    instant, restarts = dates.instant, [item for item in line.history if item.kind == "restart"]
    found = [(instant(item.at), _ORDER["renewal"], item.kind, item) for item in line.history if item.kind != "restart"]
    found += [(instant(item.at), _ORDER["change"], "change", item) for item in line.changes]
    observed, paid = Amounts.of(Observation, line.observations).rows, Amounts.of(TopUp, line.topups).rows
    found += [(row[0], _ORDER["observation"], "observation", row) for row in observed]
    found += [(instant(item.at), _ORDER["restart"], "restart", item) for item in restarts]
    found += [(row[0], _ORDER["topup"], "topup", row) for row in paid]
    found.sort(key=_INSTANT)
    return found


def fold(line: Line, rule: RenewalRule, moment: datetime, anchor: datetime | None = None,
         earlier: dict[str, RenewalRule] | None = None) -> LineState:
    """The state of ``line`` at ``moment`` under ``rule``: every fact and scheduled renewal up to then.

    ``earlier`` gives the rules of operators the line had before (``line set --operator``): each
    renewal follows the rule of the operator the line had then.

    A line with no observation (its credit entered without a date) has that credit at ``anchor``
    (default: ``moment``): renewals before it are not applied to it, later ones are.
    """
    return _folds(line, rule, [dates.in_rome(moment)], anchor, earlier)[0]


def _folds(line: Line, rule: RenewalRule, moments: list[datetime], anchor: datetime | None,
           earlier: dict[str, RenewalRule] | None) -> list[LineState]:
    """``fold`` at each of ``moments`` (in Rome): when they are in time order with no fact between the first
    and the last, the facts are replayed once and the schedule advanced from one moment to the next."""
    if not moments:
        return []
    moment = moments[0]
    undated = not line.observations
    anchored = (Observation(at=anchor or moment, credit=line.credit),)
    facts = replace(line, observations=Amounts.of(Observation, anchored)) if undated else line
    every = _events(facts)
    limit = dates.instant(moment)
    events = [event for event in every if event[0] <= limit]
    readings = _readings_until(line.usage, moment)
    if len(moments) > 1 and not _same_facts(line, moments, every, len(events), len(readings), undated and not anchor):
        return [_folds(line, rule, [one], anchor, earlier)[0] for one in moments]
    firsts = [moment for moment in (events[0][0] if events else None, readings[0].at if readings else None)
              if moment]
    start = min(firsts, key=dates.instant) if firsts else moment
    settings = settings_at(line, start)
    rules = {**(earlier or {}), rule.operator: rule}
    run = _Run(settings, rules.get(settings.operator, rule), [charge.paid for charge in line.charges])
    run.rules = rules
    run.charges_from = charge_rules.first_taken(line.charges)
    previous, following = dates.renewals_around(run.day, run.at, start)
    _set_upcoming(run, following)
    run.periods.append(_period(previous, settings))
    for instant, _order, kind, item in events:
        _advance(run, instant)
        _apply(run, line, kind, item)
    states = []
    for index, moment in enumerate(moments):
        _advance(run, dates.instant(moment))
        if undated:
            run.as_of = None
        states.append(_state(run if index == len(moments) - 1 else _copy(run), line, moment, readings))
    return states


def _same_facts(line: Line, moments: list[datetime], events: list, known: int, read: int, moving: bool) -> bool:
    """Whether every moment after the first sees the first's ``known`` events and ``read`` readings (and the
    moments are in time order; ``moving``: the credit's anchor is each moment, so they never do)."""
    instants = [dates.instant(moment) for moment in moments]
    return (not moving and instants == sorted(instants)
            and sum(1 for event in events if event[0] <= instants[-1]) == known
            and len(_readings_until(line.usage, moments[-1])) == read)


def _copy(run: _Run) -> _Run:
    """A copy of ``run`` that advancing ``run`` further leaves as it is (a state keeps its run for ``periods``)."""
    copy = _Run.__new__(_Run)
    for name in _Run.__slots__:
        value = getattr(run, name)
        setattr(copy, name, list(value) if isinstance(value, list) else value)
    *closed, last = run.periods  # advancing changes only the last period (its fees) and the renewals' list
    copy.periods = [*closed, {**last, "topups": list(last["topups"]), "fees": list(last["fees"])}]
    copy.built = copy.built_renewals = None  # built again for the copy's own moment
    return copy


def _readings_until(usage, moment: datetime):
    """The line's readings at or before ``moment`` (oldest first), found without reading the others."""
    from kenactl.core.readings import Readings

    if isinstance(usage, Readings):
        return usage[:usage.index_after(moment)] if usage and usage[-1].at > moment else usage
    return tuple(sample for sample in usage if dates.instant(sample.at) <= dates.instant(moment))


def settings_at(line: Line, moment: datetime) -> Line:
    """The line's settings in force at ``moment``: every change recorded after it undone."""
    later = sorted((change for change in line.changes if dates.instant(change.at) > dates.instant(moment)),
                   key=lambda change: dates.instant(change.at), reverse=True)
    for change in later:
        value = change.old
        line = replace(line, included=replace(line.included, **{change.key: value})) \
            if change.key in ALLOWANCE_KINDS else replace(line, **{change.key: value})
    return line


def _period(start: datetime, settings: Line) -> dict:
    """A period starting at ``start`` (each one after the first with the renewal of the same place in ``renewals``)."""
    return {"start": start, "topups": [], "fees": [], "included": settings.included}


def _set_upcoming(run: _Run, moment: datetime | None) -> None:
    """The next scheduled renewal is ``moment`` (None: only a top-up renews)."""
    run.upcoming, run.upcoming_instant = moment, None if moment is None else dates.instant(moment)


def _set_scheduled(run: _Run, year: int, month: int) -> None:
    """The next scheduled renewal is that of ``month`` on the renewal day and time in force."""
    run.upcoming = dates.renewal_moment(year, month, run.day, run.at)
    run.upcoming_instant = dates.renewal_instant(year, month, run.day, run.at)


def _advance(run: _Run, limit: datetime) -> None:
    """Apply every scheduled renewal and late fee at or before the instant ``limit`` (UTC)."""
    while True:
        renew_at = run.upcoming_instant
        fee_at = run.fee_queue[0][0] if run.fee_queue else None
        if renew_at is not None and renew_at <= limit and (fee_at is None or renew_at <= fee_at):
            _scheduled(run, run.upcoming)
        elif fee_at is None or fee_at > limit:
            return
        else:
            _instant, at, event = run.fee_queue.pop(0)
            if event.only_if == "credit-used-up" and run.credit > 0:  # «in caso di credito esaurito»
                continue
            fee = Fee(at=at, event=event.event, amount=event.cost)
            run.fees.append(fee)
            run.owed += fee.amount
            run.periods[-1]["fees"].append(fee)
            _add_owed_to_last(run, fee.amount)


def _add_owed_to_last(run: _Run, amount: Decimal) -> None:
    at, kind, outcome, charged, owed, *rest = run.renewals[-1]
    run.renewals[-1] = (at, kind, outcome, charged, owed + amount, *rest)


def _scheduled(run: _Run, at: datetime) -> None:
    """The scheduled renewal at ``at``."""
    price = run.line.price
    year, month = dates.shift_month(at.year, at.month, 1)  # ``at`` is this month's renewal: the next is next month's
    _set_scheduled(run, year, month)
    if run.by_card:
        _renewed(run, (at, "scheduled", "renewed", price, ZERO, price, True, run.day, run.day))
        return
    if run.credit is None:  # before the first observation nothing is known about the credit
        _renewed(run, (at, "scheduled", "unknown", ZERO, ZERO, price, False, run.day, run.day))
        return
    if run.credit >= price:
        run.credit -= price
        run.basis.append(("renewal", at))
        _renewed(run, (at, "scheduled", "renewed", price, ZERO, price, False, run.day, run.day))
        return
    effect = run.rule.credit
    earlier_unpaid = run.owed > 0 or _charges_unpaid(run, at)  # what was unpaid before this renewal
    if effect == "minus-price":
        charged, owed = price, max(price - run.credit, ZERO) if run.credit >= 0 else price
        run.credit -= price
        run.basis.append(("renewal", at))
    elif effect == "to-zero-rest-owed":
        charged = max(run.credit, ZERO)
        owed = price - charged
        run.credit -= charged
        run.owed += owed
        run.basis.append(("renewal", at))
    else:
        charged, owed = ZERO, ZERO
    _renewed(run, (at, "scheduled", run.rule.outcome, charged, owed, price, False, run.day, run.day))
    if not run.rule.usable:
        run.waiting = at
        if run.rule.topup == "renews":
            _set_upcoming(run, None)  # the next renewal comes from a top-up
        fee_moments = [(dates.add_elapsed(at, timedelta(days=fee.day)), fee)
                       for fee in run.rule.fees_for(run.line.options)
                       if not (fee.only_if == "earlier-charges-paid" and earlier_unpaid)]
        run.fee_queue = [(dates.instant(moment), moment, fee) for moment, fee in fee_moments]


def _charges_unpaid(run: _Run, at: datetime) -> bool:
    """Whether a recorded charge due by ``at`` is still unpaid in the fold."""
    day = dates.in_rome(at).date()
    return any(charge_rules.outstanding(charge, day, run.paid[index]) > 0
               for index, charge in enumerate(run.line.charges))


def _renewed(run: _Run, renewal: tuple) -> None:
    """A renewal: ``renewal`` holds its fields in ``Renewal``'s order (the record, and the line's ``HistoryEntry``,
    built when asked)."""
    at, outcome = renewal[0], renewal[2]
    run.renewals.append(renewal)
    run.periods.append(_period(at, run.line))
    if outcome == "renewed":
        run.waiting = None
        run.fee_queue = []


def _apply(run: _Run, line: Line, kind: str, item) -> None:
    if kind == "observation":  # ``item``: its (instant, credit) row
        run.credit, run.as_of, run.basis = item[1], item[0], []
    elif kind == "topup":
        _topup(run, line, item)
    elif kind == "restart":
        _restart(run, item)
    elif kind == "renewal":  # a renewal recorded by an older kenactl: the schedule had it anyway
        pass
    elif kind == "change":
        before = (run.line.renewal_day, run.line.renewal_time)
        run.line = settings_at(line, item.at)
        run.rule = run.rules.get(run.line.operator, run.rule)
        run.by_card = run.line.payment == "card" or run.rule.pays_itself(run.line.options)
        if (run.line.renewal_day, run.line.renewal_time) != before:
            run.day, run.at = run.line.renewal_day, run.line.renewal_time
            if run.upcoming is not None:
                _set_upcoming(run, dates.next_renewal(run.day, run.at, item.at))


def _restart(run: _Run, entry: HistoryEntry) -> None:
    """A Kena Restart: the bundle renews now for the price and the renewal day becomes today."""
    at = dates.in_rome(entry.at)
    price = run.line.price
    before = run.day
    if run.credit is not None:
        run.credit -= price
        run.basis.append(("restart", at))
    run.day, run.at = at.day, min(run.at, time(at.hour, at.minute))
    year, month = dates.shift_month(at.year, at.month, 1)
    _set_scheduled(run, year, month)
    _renewed(run, (at, "restart", "renewed", price, ZERO, price, False, before, run.day))


def _topup(run: _Run, line: Line, row: tuple[datetime, Decimal]) -> None:
    """A top-up (its ``(instant, amount)`` row): recorded charges due and owed amounts are paid first, then it may
    renew the offer."""
    at, amount = dates.in_rome(row[0]), row[1]
    day = at.date()
    left = amount
    if run.charges_from is not None and day >= run.charges_from:
        run.paid, left = charge_rules.pay_due(line.charges, left, day, run.paid)
    if run.owed:
        settled = min(run.owed, left)
        run.owed -= settled
        left -= settled
    if run.credit is not None:
        run.credit += left
        run.basis.append(("topup", at))
    run.last_topup = day
    run.periods[-1]["topups"].append((at, amount))
    if run.waiting is None or run.credit is None:
        return
    price = run.line.price
    if run.rule.topup == "unblocks":
        if run.owed == 0 and run.credit >= 0:
            run.waiting, run.fee_queue = None, []
        return
    if run.owed > 0 or run.credit < price:
        return
    run.credit -= price
    before = run.day
    if run.rule.day == "moves":
        run.day, run.at = at.day, min(run.at, time(at.hour, at.minute))
        year, month = dates.shift_month(at.year, at.month, 1)
        _set_scheduled(run, year, month)
    else:
        _set_upcoming(run, dates.next_renewal(run.day, run.at, at))
    run.basis.append(("renewal", at))
    _renewed(run, (at, "topup", "renewed", price, ZERO, price, False, before, run.day))


def _state(run: _Run, line: Line, moment: datetime, readings) -> LineState:
    paid = [replace(charge, paid=run.paid[index]) for index, charge in enumerate(line.charges)]
    charges = tuple(charge for charge in paid if not charge_rules.settled(charge, moment.date()))
    credit = run.credit if run.credit is not None else line.credit
    history = RenewalHistory(tuple(run.renewals))
    legacy = line.last_topup  # a top-up day from an older profile, with no recorded amount
    if legacy is None or legacy > moment.date() or (line.topups and line.topups[-1].at.date() >= legacy):
        legacy = None
    last_topup = max((day for day in (run.last_topup, legacy) if day is not None), default=None)
    derived = replace(run.line, credit=credit, renewal_day=run.day, renewal_time=run.at, charges=charges,
                      history=history, last_topup=last_topup)
    pending = charge_rules.pending_at(derived, moment)
    return LineState(
        moment=moment, line=derived, credit=credit,
        credit_as_of=None if run.as_of is None else dates.in_rome(run.as_of),
        assumed=tuple(run.basis), offer_usable=run.waiting is None,
        waiting_since=run.waiting,
        last_renewal=Renewal(*run.renewals[-1]) if run.renewals else None, next_renewal=run.upcoming,
        period_start=run.periods[-1]["start"], owed=run.owed, pending=pending, fees=tuple(run.fees),
        period_rows=(run, readings), rule=run.rule, by_card=run.by_card, facts=line)


def forecast(state: LineState, moments: list[datetime]) -> list[LineState]:
    """The state just before each of ``moments`` (future renewals) with no new facts: the credit projected
    renewal by renewal with the operator's rule. With no fact after ``state`` up to the last moment, its fold
    is advanced from one moment to the next (a copy: ``state`` stays as it is); else the facts are folded again."""
    run, readings = state.period_rows
    befores = [dates.in_rome(dates.add_elapsed(moment, timedelta(seconds=-1))) for moment in moments]
    if not befores or not _nothing_after(state, befores):
        return _folds(state.facts, state.rule, befores, state.moment, run.rules)
    run = _copy(run)
    states = []
    for index, moment in enumerate(befores):
        _advance(run, moment)
        states.append(_state(run if index == len(befores) - 1 else _copy(run), state.facts, moment, readings))
    return states


def _nothing_after(state: LineState, moments: list[datetime]) -> bool:
    """Whether ``moments`` are in time order from ``state``'s moment with no fact or reading of the line after
    it up to the last of them (what the state's fold has seen is all a fold at each moment would see). A line
    with no observation has its credit where the fold anchored it: folded again, anchored at ``state``."""
    line, (_, readings) = state.facts, state.period_rows
    instants = [dates.instant(moment) for moment in (state.moment, *moments)]
    start, end = instants[0], instants[-1]
    amounts = (*Amounts.of(Observation, line.observations).rows, *Amounts.of(TopUp, line.topups).rows)
    return (bool(line.observations) and instants == sorted(instants)
            and len(_readings_until(line.usage, moments[-1])) == len(readings)
            and not any(start < at <= end for at, _amount in amounts)
            and not any(start < dates.instant(item.at) <= end
                        for items in (line.history, line.changes) for item in items))
