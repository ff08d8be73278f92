"""Consumption in the current period: which samples count, pace, and projected moments.

A period runs from the last scheduled renewal (or the last Restart, whichever is later) to the next
scheduled renewal. Samples recorded before the period started belong to an older period and do
not count: the counters then read 0 until the user records new values.

Two ages of a reading, kept apart: it is *outdated* when older than 3 days (``reading_outdated``:
the counters may no longer say what is used now), and *stale* for a projection when the pace it
gives says the allowance ran out before now (``run_out``).
"""

from datetime import datetime, timedelta
from decimal import Decimal

from kenactl.core import dates
from kenactl.core.model import ALLOWANCE_KINDS, Line, UsageSample
from kenactl.core.record import record

RESTART_USAGE = Decimal(80)
"""The share (percent) of one limited allowance that must be used before a Kena Restart (``core.restart``)."""


def counts_for_restart(included: int | None) -> bool:
    """Whether an allowance of ``included`` counts toward the Restart's usage rule: a limited one (unlimited, None,
    or nothing included, 0, never does)."""
    return included is not None and included != 0


@record
class Period:
    """The consumption period containing ``now``."""

    start: datetime
    end: datetime  # the next scheduled renewal


def current_period(line: Line, now: datetime) -> Period:
    """The period that contains ``now`` for ``line``."""
    start, end = dates.renewals_around(line.renewal_day, line.renewal_time, now)
    moment = dates.instant(now)
    # the history is oldest first; a derived line's history also has its renewals
    latest = next((entry.at for entry in reversed(line.history) if dates.instant(entry.at) <= moment), None)
    if latest is not None and dates.instant(latest) > dates.instant(start):
        start = latest
    return Period(start=start, end=end)


def period_samples(line: Line, now: datetime) -> list[UsageSample]:
    """The samples of the current period up to ``now``, oldest first (the line's readings are oldest first)."""
    period = current_period(line, now)
    return list(samples_between(line.usage, period.start, now))


def samples_between(usage, start: datetime, end: datetime) -> list[UsageSample]:
    """The readings from ``start`` to ``end`` (both included), found in the stored text or by bisection."""
    from kenactl.core.readings import Readings

    if isinstance(usage, Readings):  # search the stored text: only the period's readings are parsed
        return list(usage[usage.index_before(start):usage.index_after(end)])
    from bisect import bisect_left, bisect_right

    def key(sample: UsageSample) -> datetime:
        return dates.instant(sample.at)

    low = bisect_left(usage, dates.instant(start), key=key)
    high = bisect_right(usage, dates.instant(end), lo=low, key=key)
    return list(usage[low:high])


def current_usage(line: Line, now: datetime) -> UsageSample:
    """The latest sample of the current period, or zero usage at the period start."""
    period = current_period(line, now)
    samples = samples_between(line.usage, period.start, now)
    return samples[-1] if samples else UsageSample(at=period.start)


def percent_used(used: int, included: int | None) -> Decimal | None:
    """Exact percentage used (may exceed 100); ``None`` for unlimited. An allowance of 0 is 100% used."""
    if included is None:
        return None
    if included == 0:
        return Decimal(100)
    return Decimal(used) * 100 / Decimal(included)


RECENT = timedelta(days=7)  # the recent pace: the readings of the last 7 days
RECENT_SPAN = timedelta(days=1)  # ... when they span a day at least (two readings an hour apart say little)
OUTDATED_AFTER = timedelta(days=3)  # a reading older than this no longer says what is used now
RECENT_PACE, PERIOD_PACE = "recent", "period"


@record
class Pace:
    """Use per day of one allowance kind and how it was measured: ``recent`` (the readings of the last
    7 days, when there are two or more a day apart at least) or ``period`` (the average since the period
    began)."""

    per_day: Decimal
    basis: str
    since: datetime  # the first reading of the recent window, or the period start


def pace(line: Line, now: datetime, kind: str) -> Pace | None:
    """The pace of ``kind`` at ``now``: the recent one when it can be measured, else the period's average;
    None without data."""
    period = current_period(line, now)
    return pace_of(samples_between(line.usage, period.start, now), period.start, now, kind)


def pace_of(samples: list[UsageSample], start: datetime, now: datetime, kind: str) -> Pace | None:
    """``pace`` from the period's ``samples`` (oldest first) and its ``start``, for a caller that has them."""
    recent = [sample for sample in samples if dates.elapsed(sample.at, now) <= RECENT]
    if len(recent) >= 2:
        first, last = recent[0], recent[-1]
        span = dates.elapsed(first.at, last.at)
        if span >= RECENT_SPAN:
            used = Decimal(max(last.get(kind) - first.get(kind), 0))
            return Pace(used / _days(span), RECENT_PACE, first.at)
    latest = samples[-1] if samples else UsageSample(at=start)
    span = dates.elapsed(start, latest.at)
    if span <= timedelta(0) or latest.get(kind) <= 0:
        return None
    return Pace(Decimal(latest.get(kind)) / _days(span), PERIOD_PACE, start)


def reading_outdated(recorded_at: datetime | None, now: datetime) -> bool:
    """True when the latest reading is older than ``OUTDATED_AFTER`` (3 days) at ``now``."""
    return recorded_at is not None and dates.elapsed(recorded_at, now) > OUTDATED_AFTER


def _days(span: timedelta) -> Decimal:
    return Decimal(span.total_seconds()) / 86400


def projected_moment(line: Line, now: datetime, kind: str, target: Decimal) -> datetime | None:
    """When usage of ``kind`` reaches ``target`` at the current pace (``pace``); None when unknown or never.

    Already reached: the latest sample's moment.
    """
    period = current_period(line, now)
    return projected_from(samples_between(line.usage, period.start, now), period.start, now, kind, target)


def projected_from(samples: list[UsageSample], start: datetime, now: datetime, kind: str,
                   target: Decimal) -> datetime | None:
    """``projected_moment`` from the period's ``samples`` (oldest first) and its ``start``."""
    latest = samples[-1] if samples else UsageSample(at=start)
    used = Decimal(latest.get(kind))
    if used >= target:
        return latest.at
    found = pace_of(samples, start, now, kind)
    if found is None or found.per_day <= 0:
        return None
    days = (target - used) / found.per_day
    if days > 3660:
        return None
    return dates.add_elapsed(latest.at, timedelta(seconds=float(days * 86400)))


def run_out(line: Line, now: datetime, kind: str, period_end: datetime) -> tuple[datetime | None, bool]:
    """When ``kind`` runs out at the current pace, and whether the latest reading is stale.

    ``(moment, False)`` for a run-out from ``now`` up to ``period_end`` (exclusive); ``(None, True)``
    when the pace puts the run-out before ``now`` although the latest reading still had some left:
    that reading is too old to project from, and a moment in the past is never shown; ``(None,
    False)`` otherwise (unlimited, used up, no pace, or not before the renewal).
    """
    period = current_period(line, now)
    samples = samples_between(line.usage, period.start, now)
    return run_out_from(samples, period.start, now, kind, line.included.get(kind), period_end)


def run_out_from(samples: list[UsageSample], start: datetime, now: datetime, kind: str, included: int | None,
                 period_end: datetime) -> tuple[datetime | None, bool]:
    """``run_out`` from the period's ``samples`` (oldest first), its ``start`` and the allowance ``included``."""
    latest = samples[-1] if samples else UsageSample(at=start)
    if included is None or latest.get(kind) >= included:
        return None, False
    moment = projected_from(samples, start, now, kind, Decimal(included))
    if moment is None or dates.instant(moment) >= dates.instant(period_end):
        return None, False
    if dates.instant(moment) < dates.instant(now):
        return None, True
    return moment, False


def record_usage(line: Line, now: datetime, changes: dict[str, int]) -> UsageSample:
    """A new sample at ``now``: the given counters changed, the others carried over from this period."""
    unknown = set(changes) - set(ALLOWANCE_KINDS)
    if unknown:  # pragma: no cover - the CLI offers only the three kinds
        raise ValueError(f"unknown allowance kinds {sorted(unknown)}")
    latest = current_usage(line, now)
    values = {kind: changes.get(kind, latest.get(kind)) for kind in ALLOWANCE_KINDS}
    return UsageSample(at=now, **values)


def with_sample(line: Line, sample: UsageSample):
    """Every reading of the line plus ``sample`` (one at the same second is replaced); none is ever dropped."""
    from kenactl.core.readings import Readings

    readings = line.usage if isinstance(line.usage, Readings) else Readings.of(line.usage)
    return readings.with_sample(sample)
