"""A folded line's ``history`` is built from the fold's renewals when read: the same entries, in order, as a tuple of
``HistoryEntry`` built at each renewal, and usable as one (indexes, slices, reversed, equality, hash)."""

from datetime import time
from decimal import Decimal

from kenactl.core.dates import parse_moment
from kenactl.core.ledger import fold
from kenactl.core.model import Allowances, HistoryEntry, Line, Observation, TopUp
from kenactl.knowledge.operators import renewal_rule


def folded(operator: str, day: int, until: str, **extra):
    start = parse_moment("2027-01-02T09:00")
    subject = Line(name="main", operator=operator, offer="offer", price=Decimal("5.99"), renewal_day=day,
                   renewal_time=time(0, 0), included=Allowances(data=10_000, minutes=None, sms=100),
                   credit=Decimal("12.00"), observations=(Observation(at=start, credit=Decimal("12.00")),), **extra)
    return fold(subject, renewal_rule(operator), parse_moment(until))


def expected(state) -> tuple[HistoryEntry, ...]:
    return tuple(HistoryEntry("restart" if renewal.kind == "restart" else "renewal", renewal.at, renewal.charged,
                              renewal.day_before, renewal.day_after) for renewal in state.renewals)


def test_the_history_is_every_renewal_as_an_entry_and_behaves_as_their_tuple():
    topup = TopUp(at=parse_moment("2027-04-10T10:00"), amount=Decimal("10.00"))
    state = folded("kena", 31, "2027-05-11T08:00", topups=(topup,))
    history, entries = state.line.history, expected(state)
    assert len(entries) == 5 and [entry.at.date().isoformat() for entry in entries] == [
        "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-10", "2027-04-30"]
    assert entries[2].price == Decimal("0") and entries[3].price == Decimal("5.99")  # suspended, then renewed
    assert history == entries and entries == history and hash(history) == hash(entries)
    assert history[-1] == entries[-1] and history[1:3] == entries[1:3] and tuple(reversed(history)) == entries[::-1]
    assert (*history, entries[0]) == (*entries, entries[0]) and repr(history) == repr(entries)
    assert history != entries[:-1] and history != list(entries)


def test_a_line_never_renewed_has_an_empty_history():
    state = folded("tim", 20, "2027-01-05T08:00")
    assert state.line.history == () and len(state.line.history) == 0 and not state.line.history
