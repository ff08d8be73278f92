"""The ledger's results: renewals, fees, periods and a line's state at a moment (see ``core.ledger``).

Records (``core.record``): ``status`` imports this module and builds them on every run, so they stay light.
"""

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from itertools import starmap
from operator import attrgetter

from kenactl.core import charges as charge_rules
from kenactl.core import dates
from kenactl.core.model import Allowances, HistoryEntry, Line
from kenactl.core.money import ZERO
from kenactl.core.record import BuiltOnRead, record
from kenactl.core.renewal_rule import RenewalRule
from kenactl.text import Money, Msg

KINDS = ("scheduled", "restart", "topup")
_AMOUNT = attrgetter("amount")
OUTCOMES = ("renewed", "suspended", "negative-credit", "partially-charged", "not-renewed", "unknown")


@record
class Renewal:
    """A renewal that happened: when, how (``KINDS``), its outcome (``OUTCOMES``), what it took and left owed.

    ``owed`` is what the renewal left to pay (the rest of the price, late fees, a negative credit);
    ``by_card`` means the price was paid by card or bank account, not from the credit.
    """

    at: datetime
    kind: str
    outcome: str
    charged: Decimal
    owed: Decimal
    price: Decimal
    by_card: bool = False
    day_before: int = 0
    day_after: int = 0


@record
class Fee:
    """A late fee that accrued ``at`` (an operator timeline event), owed until a top-up pays it."""

    at: datetime
    event: str
    amount: Decimal


@record
class Period:
    """From one renewal (or the line's start) to the next: what happened in it. ``end`` None: current."""

    start: datetime
    end: datetime | None
    renewal: Renewal | None
    topups: tuple[tuple[datetime, Decimal], ...] = ()
    fees: tuple[Fee, ...] = ()
    used: tuple[int, int, int] | None = None  # the data (MB), minutes and SMS of the period's last reading
    included: Allowances | None = None

    @property
    def spend(self) -> Decimal:
        """What the operator took in this period: the renewal's charge and the fees."""
        charged = ZERO if self.renewal is None else self.renewal.charged
        return sum(map(_AMOUNT, self.fees), charged) if self.fees else charged


class RenewalHistory(BuiltOnRead):
    """A folded line's ``history``: its renewals (``Renewal``'s fields, in order) as ``HistoryEntry`` values, each
    built when read (``status`` reads the last ones only); equal to the tuple of those entries."""

    __slots__ = ()

    def _build(self, row: tuple) -> HistoryEntry:
        at, kind, _outcome, charged, _owed, _price, _by_card, day_before, day_after = row
        return HistoryEntry("restart" if kind == "restart" else "renewal", at, charged, day_before, day_after)

    def restarts(self) -> list[HistoryEntry]:
        """The Restart entries in order, built alone (the renewals stay rows)."""
        return [self[index] for index, row in enumerate(self._rows) if row[1] == "restart"]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RenewalHistory | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


@record
class LineState:
    """A line at ``moment`` as the ledger derives it.

    ``credit`` may be negative; ``credit_as_of`` is the last observation (None: a credit entered
    without a date, as older profiles have); ``basis`` says what was assumed since. ``waiting_since``
    is the renewal the credit did not cover while the offer waits for a top-up (``offer_usable``
    False); ``next_renewal`` is None while that renewal can only come from a top-up. ``owed`` is
    what the ledger's renewals and fees left to pay, ``pending`` the recorded charges due now;
    a top-up pays both first. ``line`` is the line as derived (``fold(...).line``), ``facts`` the
    line as stored (what ``ledger.forecast`` folds further); ``periods`` every period so far.
    """

    moment: datetime
    line: Line
    credit: Decimal
    credit_as_of: datetime | None
    assumed: tuple[tuple[str, datetime], ...]  # (kind, moment) of what the ledger applied since (``basis``)
    offer_usable: bool
    waiting_since: datetime | None
    last_renewal: Renewal | None
    next_renewal: datetime | None
    period_start: datetime
    owed: Decimal
    pending: Decimal
    fees: tuple[Fee, ...]
    period_rows: tuple  # what ``periods`` and ``renewals`` are built from (the finished run, the readings)
    rule: RenewalRule
    by_card: bool
    facts: Line

    @property
    def basis(self) -> Msg:
        """What the credit rests on (``credit_basis``), worded when asked: ``status`` and reminders show it."""
        return credit_basis(self.credit_as_of, self.assumed, self.facts.observations)

    @property
    def renewals(self) -> tuple[Renewal, ...]:
        """Every renewal so far, oldest first (built on request: see ``renewals``)."""
        return renewals(self)

    @property
    def periods(self) -> tuple[Period, ...]:
        """Every period so far, oldest first (built on request: see ``periods``)."""
        return periods(self)

    @property
    def min_topup(self) -> Decimal:
        """The least top-up now that renews the waiting offer (owed amounts included), else for the next renewal."""
        price = self.line.price
        if not self.offer_usable:
            if self.rule.topup == "renews":
                return self.owed + self.pending + max(price - self.credit, ZERO)
            return self.owed + self.pending + max(-self.credit, ZERO)
        if self.by_card or self.credit >= price:
            return ZERO
        due = self.pending if self.next_renewal is None else charge_rules.pending_at(self.line, self.next_renewal)
        return price - self.credit + self.owed + due

    @property
    def shortfall(self) -> Decimal:
        """What the credit lacks for the price (0 when paid by card)."""
        return ZERO if self.by_card else max(self.line.price - self.credit, ZERO)


def _counts_before(readings, moments: list[datetime]) -> list[int]:
    """How many of ``readings`` are before each of ``moments`` (bisections: nothing else is parsed)."""
    from kenactl.core.readings import Readings

    if isinstance(readings, Readings):
        return readings.counts_before(moments)
    from bisect import bisect_left

    return [bisect_left(readings, dates.instant(moment), key=lambda sample: dates.instant(sample.at))
            for moment in moments]


def _reading_amounts(readings) -> Callable[[int], tuple[int, int, int]]:
    """The data (MB), minutes and SMS of a reading of ``readings`` by its index (stored rows: their moments are not
    parsed)."""
    from kenactl.core.readings import Readings

    if isinstance(readings, Readings):
        return readings.amounts
    return lambda index: (readings[index].data, readings[index].minutes, readings[index].sms)


def renewals(state: LineState) -> tuple[Renewal, ...]:
    """Every renewal of the line up to the state's moment, oldest first (built on the first request: ``status``
    needs only the last one)."""
    run = state.period_rows[0]
    if run.built_renewals is None:
        run.built_renewals = tuple(starmap(Renewal, run.renewals))
    return run.built_renewals


def periods(state: LineState) -> tuple[Period, ...]:
    """Every period of the line up to the state's moment, oldest first, each with the amounts of its last reading:
    the last one before the next period starts, unless it is before the period's own start.

    Built on the first request (``history``): ``status`` needs only the current period.
    """
    run, readings = state.period_rows
    if run.built is not None:
        return run.built
    rows = run.periods
    ends = [row["start"] for row in rows[1:]]  # each period ends where the next starts
    counts = [*_counts_before(readings, ends), len(readings)]  # the readings before each period's end
    renewed = renewals(state)  # each period after the first starts with the renewal of its place
    amounts = _reading_amounts(readings)
    found, before = [], 0  # ``before``: the readings before the period's start (the previous period's count)
    for index, (row, end, count) in enumerate(zip(rows, [*ends, None], counts, strict=True)):
        used = amounts(count - 1) if count and (not found or count > before) else None
        found.append(Period(row["start"], end, renewed[index - 1] if index else None, tuple(row["topups"]),
                            tuple(row["fees"]), used, row["included"]))
        before = count
    run.built = tuple(found)
    return run.built


def _joined(parts: list[Msg]) -> Msg:
    """``parts`` as one message, separated by commas."""
    joined = parts[0]
    for part in parts[1:]:
        joined = Msg("{head}, {tail}", head=joined, tail=part)
    return joined


def _days(moments: list[datetime]) -> Msg:
    return _joined([Msg("{day}", day=dates.in_rome(moment).date()) for moment in moments])


def credit_basis(as_of: datetime | None, assumed: tuple[tuple[str, datetime], ...], observations) -> Msg:
    """What the credit rests on: the last observation (the one at ``as_of``) and what the ledger assumed since
    (``(kind, moment)`` of each renewal, Restart and top-up applied after it)."""
    if as_of is None:
        return Msg("as entered (no date recorded)")
    observed = next(item for item in reversed(observations) if dates.instant(item.at) == dates.instant(as_of))
    parts = [Msg("observed {amount} on {day}", amount=Money(observed.credit), day=as_of.date())]
    grouped: dict[str, list] = {}
    for kind, value in assumed:
        grouped.setdefault(kind, []).append(value)
    if grouped.get("renewal"):
        template = "minus the renewal of {days}" if len(grouped["renewal"]) == 1 else "minus the renewals of {days}"
        parts.append(Msg(template, days=_days(grouped["renewal"])))
    if grouped.get("restart"):
        parts.append(Msg("minus the Restart of {days}", days=_days(grouped["restart"])))
    if grouped.get("topup"):
        template = "plus the top-up of {days}" if len(grouped["topup"]) == 1 else "plus the top-ups of {days}"
        parts.append(Msg(template, days=_days(grouped["topup"])))
    return _joined(parts)

