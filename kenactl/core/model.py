"""The profile's data: lines with their offer, allowances, consumption, credit and history.

All classes are immutable; changes make new values (``record.replace``) so that a command
either stores a whole new profile or nothing at all.
"""

from datetime import UTC, date, datetime, time
from decimal import Decimal
from operator import attrgetter

from kenactl.core import dates
from kenactl.core.record import BuiltOnRead, field, record, replace
from kenactl.errors import InputError
from kenactl.text import Msg

ALLOWANCE_KINDS = ("data", "minutes", "sms")
PAYMENTS = ("credit", "card")  # how renewals are paid: from the credit, or by card / bank account
DEFAULT_LINE_NAME = "main"
DEFAULT_ALARMS = ("2d",)


@record
class Allowances:
    """Amounts per period; data in MB; ``None`` means unlimited."""

    data: int | None
    minutes: int | None
    sms: int | None

    def get(self, kind: str) -> int | None:
        return getattr(self, kind)


@record
class UsageSample:
    """What had been used in the period at moment ``at`` (data in MB)."""

    at: datetime
    data: int = 0
    minutes: int = 0
    sms: int = 0

    def get(self, kind: str) -> int:
        return getattr(self, kind)


@record
class HistoryEntry:
    """A renewal or a Restart that happened: when, what it cost, the renewal day before and after."""

    kind: str  # "renewal" or "restart"
    at: datetime
    price: Decimal
    renewal_day_before: int
    renewal_day_after: int


@record
class Observation:
    """A credit the user read (the operator's app at ``at``): the ledger's basis from then on."""

    at: datetime
    credit: Decimal


@record
class TopUp:
    """A top-up of ``amount`` made at ``at``."""

    at: datetime
    amount: Decimal


class Amounts(BuiltOnRead):
    """A line's observations or top-ups, oldest first, as rows ``(instant, amount)`` (the moment in UTC): what the
    loader reads and the ledger folds, each row built into its ``record`` (``Observation`` or ``TopUp``, the moment
    in Rome) when read. Equal to the tuple of those records (and hashed as it)."""

    __slots__ = ("record",)

    def __init__(self, record: type, rows: tuple[tuple[datetime, Decimal], ...]) -> None:
        super().__init__(rows)
        self.record = record

    @classmethod
    def of(cls, record: type, items) -> "Amounts":
        """``items`` (``record`` values in time order, or such a sequence: itself) as such a sequence; the records
        are kept as given."""
        if isinstance(items, cls):
            return items
        records = tuple(items)
        values = attrgetter(*record._record_names)  # (at, credit) or (at, amount)
        amounts = cls(record, tuple((at.astimezone(UTC), amount) for at, amount in map(values, records)))
        amounts._built.update(enumerate(records))
        return amounts

    @property
    def rows(self) -> tuple[tuple[datetime, Decimal], ...]:
        return self._rows

    def _build(self, row: tuple[datetime, Decimal]):
        return self.record(dates.in_rome(row[0]), row[1])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Amounts) and other.record is self.record:  # equal rows: equal records (and records of
            return self._rows == other._rows or tuple(self) == tuple(other)  # Rome's repeated hour compare by wall)
        return isinstance(other, tuple) and tuple(self) == other

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Amounts({self.record.__name__}, {len(self._rows)} rows)"


NO_OBSERVATIONS, NO_TOPUPS = Amounts(Observation, ()), Amounts(TopUp, ())


@record
class Change:
    """A setting of the line changed at ``at``; ``old`` is its value before (as stored in the profile)."""

    at: datetime
    key: str
    old: object


@record
class Charge:
    """An amount the operator takes at the next top-ups, possibly in instalments every ``every_days``.

    ``paid`` is how much of ``amount`` has been taken so far (by ``credit topup``). ``id`` names it in
    ``charges list`` and ``charges clear`` for as long as it exists: removing another charge never renumbers it.
    ``by_card``: charged to the card or bank account on its schedule (Easy Pay), never taken from the credit;
    ``part``: each instalment's amount, the last one the rest (None: equal parts).
    """

    description: str
    amount: Decimal
    added: date
    instalments: int = 1
    every_days: int = 30
    first_due: date | None = None
    paid: Decimal = Decimal("0.00")
    id: int = 0  # 0: not numbered yet (a file from before ids); numbered when the line is read
    by_card: bool = False
    part: Decimal | None = None


def numbered(charges: tuple[Charge, ...]) -> tuple[Charge, ...]:
    """``charges`` with every id set: kept where given, the next free number (in order) where 0."""
    following = max((charge.id for charge in charges), default=0)
    result = []
    for charge in charges:
        if not charge.id:
            following += 1
            charge = replace(charge, id=following)
        result.append(charge)
    return tuple(result)


def next_charge_id(charges: tuple[Charge, ...]) -> int:
    """The id a new charge gets: one more than any the line has."""
    return max((charge.id for charge in charges), default=0) + 1


@record
class Complaint:
    """A complaint filed with the operator (Carta dei Servizi §14)."""

    id: int
    filed: date
    subject: str
    line: str
    closed: date | None = None
    channel: str | None = None  # "written" or "phone" (§14: only written ones accrue); None: not recorded
    unsatisfied: bool | None = None  # the reply did not satisfy you (§16: conciliation is the next step)


@record
class Line:
    """One SIM: its settings (as last set) and the facts the user recorded, kept for the life of the line.

    The facts are ``observations``, ``topups``, ``usage`` (readings), ``history`` (Restarts), ``charges``
    and ``changes`` (earlier values of the settings). ``credit`` and ``last_topup`` are not stored: a
    loaded line has the last observed credit plus the top-ups since, and the last top-up's day;
    ``core.ledger.fold(...).line`` is the line as derived at a moment (credit after renewals, the renewal
    day in force, ...).
    """

    name: str
    operator: str
    offer: str
    price: Decimal
    renewal_day: int
    included: Allowances
    credit: Decimal
    renewal_time: time = time(0, 0)
    last_topup: date | None = None
    activated: date | None = None  # when the SIM was activated (§10: validity counts from it without a top-up)
    options: dict[str, str] = field(default_factory=dict)
    pending_offer_change: bool = False
    usage: tuple[UsageSample, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    charges: tuple[Charge, ...] = ()
    payment: str = "credit"
    observations: Amounts = NO_OBSERVATIONS  # of Observation
    topups: Amounts = NO_TOPUPS  # of TopUp
    changes: tuple[Change, ...] = ()
    note: str = ""  # the user's own free text about the line (kenactl drops TOML comments, it keeps this)


@record
class Profile:
    """A household's lines, the default one, and profile-wide settings."""

    lines: dict[str, Line]
    default_line: str
    alarms: tuple[str, ...] = DEFAULT_ALARMS
    complaints: tuple[Complaint, ...] = ()
    updated_at: datetime | None = None
    notify: tuple[str, ...] = ()  # Apprise URLs ``remind`` delivers to

    def line(self, name: str | None = None) -> Line:
        """The named line, or the default one; an unknown name is an ``InputError`` listing the lines."""
        key = self.default_line if name is None else name
        if key not in self.lines:
            known = ", ".join(self.lines) or Msg("none")
            raise InputError(None, Msg("unknown line {name}; the profile has: {known}", name=repr(key),
                                       known=known))
        return self.lines[key]

    def selected(self, name: str | None) -> list[Line]:
        """All lines when ``name`` is None, else just that one."""
        return list(self.lines.values()) if name is None else [self.line(name)]

    def with_line(self, line: Line) -> "Profile":
        """A profile where ``line`` replaces the line of the same name (or is appended)."""
        return replace(self, lines={**self.lines, line.name: line})

    def add_line(self, line: Line) -> "Profile":
        """Add a new line; its name must be free."""
        if line.name in self.lines:
            raise InputError(None, Msg("line {name} already exists", name=repr(line.name)))
        return self.with_line(line)

    def remove_line(self, name: str) -> "Profile":
        """Remove a line; the last line cannot go, nor one complaints name; the default passes to the first other."""
        self.line(name)
        if len(self.lines) == 1:
            raise InputError(None, Msg("line {name} is the only line; a profile keeps at least one",
                                       name=repr(name)))
        filed = [str(complaint.id) for complaint in self.complaints if complaint.line == name]
        if filed:  # a complaint names its line: removing the line would leave it pointing nowhere
            raise InputError(None, Msg("line {name} has complaints ({ids}); remove them first with "
                                       "'kenactl rights complaint remove ID'", name=repr(name), ids=", ".join(filed)))
        lines = {key: value for key, value in self.lines.items() if key != name}
        default = self.default_line if self.default_line != name else next(iter(lines))
        return replace(self, lines=lines, default_line=default)

    def rename_line(self, old: str, new: str) -> "Profile":
        """Rename a line, keeping its place, the default flag and its complaints."""
        line = self.line(old)
        check_line_name(new)
        if new in self.lines:
            raise InputError(None, Msg("line {name} already exists", name=repr(new)))
        lines = {(new if key == old else key): (replace(line, name=new) if key == old else value)
                 for key, value in self.lines.items()}
        complaints = tuple(replace(c, line=new) if c.line == old else c for c in self.complaints)
        default = new if self.default_line == old else self.default_line
        return replace(self, lines=lines, default_line=default, complaints=complaints)

    def set_default(self, name: str) -> "Profile":
        """Make ``name`` the default line."""
        self.line(name)
        return replace(self, default_line=name)


def new_profile(line: Line) -> Profile:
    """A profile whose first (and default) line is ``line``."""
    return Profile(lines={line.name: line}, default_line=line.name)


def check_line_name(name: str) -> str:
    """Line names are short identifiers: letters, digits, ``-`` and ``_``."""
    if not name or len(name) > 40 or not all(ch.isalnum() or ch in "-_" for ch in name):
        raise InputError(None, Msg("line name {name}: use 1-40 letters, digits, '-' or '_'", name=repr(name)))
    return name
