"""Kena Restart: the six eligibility rules as a checklist, and recording a Restart.

Source: seed 000 (news, March 2024) lists the six blocking rules and the renewal-day shift
("rinnovo il 15, Restart il 10 → rinnovi e addebiti il 10"); facts.md "Restart (Kena)" confirms
them (tuttoandroid.net 2024-02-24) and adds that the counters are zeroed and the normal monthly
price is charged (mondomobileweb.it 2024-02).

Scheduled renewals are derived from the schedule, not recorded: after a Restart on day D the
schedule in force renews one month later on D (month-end clamped) at the line's renewal time.
``renewal`` entries in the history, when present, count as renewals too. The ``consecutive`` rule
("2 volte consecutive" is defined nowhere) is kenactl's reading: two Restarts with no scheduled
renewal between them block a third until the next scheduled renewal has happened.
"""

from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal

from kenactl.core import consumption, dates, units
from kenactl.core.model import ALLOWANCE_KINDS, HistoryEntry, Line, UsageSample
from kenactl.core.money import euros
from kenactl.errors import NEGATIVE, KenactlError

CHECK_IDS = ("usage", "credit", "cooldown", "renewal_window", "consecutive", "offer_change")
TIME_RULES = ("cooldown", "consecutive")
USAGE_THRESHOLD = Decimal(80)
COOLDOWN = timedelta(days=14)  # 14 × 24 real hours
RENEWAL_WINDOW = timedelta(hours=48)  # real hours
SOURCE = "seed 000 (Kena Restart news, March 2024)"
FACTS = "facts.md, Restart (Kena): tuttoandroid.net 2024-02-24, mondomobileweb.it 2024-02"
CONSECUTIVE_READING = ("the sources do not define \"2 volte consecutive\"; kenactl reads it as two Restarts "
                       "with no scheduled renewal between them")


@dataclass(frozen=True)
class RestartCheck:
    """One rule: passed or not, why, and when a failing time rule stops failing (else None)."""

    id: str
    ok: bool
    reason: str
    clears_at: datetime | None


@dataclass(frozen=True)
class RestartVerdict:
    """All six checks at ``now``; ``eligible_from`` is now, a future moment (time rules only) or None."""

    eligible: bool
    eligible_from: datetime | None
    checks: tuple[RestartCheck, ...]
    now: datetime
    line: str
    next_renewal: datetime  # the scheduled renewal in force at ``now``
    last_restart: datetime | None

    def check(self, check_id: str) -> RestartCheck:
        """The check with this id."""
        return next(item for item in self.checks if item.id == check_id)

    @property
    def failing(self) -> tuple[RestartCheck, ...]:
        """The checks that do not pass."""
        return tuple(item for item in self.checks if not item.ok)


def require_kena(line: Line) -> None:
    """Restart is a Kena Mobile service; any other operator is an input error (exit 2)."""
    if line.operator != "kena":
        raise KenactlError(f"line {line.name!r} is a {line.operator} line: Restart exists only for Kena Mobile "
                           f"lines ({SOURCE})")


def check_restart(line: Line, now: datetime) -> RestartVerdict:
    """Evaluate the six Restart rules for ``line`` at ``now``."""
    require_kena(line)
    now = dates.in_rome(now)
    upcoming = dates.next_renewal(line.renewal_day, line.renewal_time, now)
    restarts = _restarts(line, now)
    checks = (
        _usage(line, now),
        _credit(line),
        _cooldown(restarts, now),
        _renewal_window(upcoming, now),
        _consecutive(line, restarts, now),
        _offer_change(line),
    )
    failing = [item for item in checks if not item.ok]
    if not failing:
        eligible_from: datetime | None = now
    elif all(item.id in TIME_RULES for item in failing):
        eligible_from = max((item.clears_at for item in failing), key=_real)
        if _real(eligible_from) < _real(upcoming) < _real(dates.add_elapsed(eligible_from, RENEWAL_WINDOW)):
            eligible_from = upcoming  # cleared inside the 48 h window: the next window opens at the renewal
    else:
        eligible_from = None
    return RestartVerdict(eligible=not failing, eligible_from=eligible_from, checks=checks, now=now,
                          line=line.name, next_renewal=upcoming, last_restart=restarts[-1].at if restarts else None)


def apply_restart(line: Line, now: datetime) -> Line:
    """The line after a Restart at ``now``; raises ``KenactlError`` (exit 1) with the reasons if not eligible.

    The renewal day becomes the Restart day (Europe/Rome), the price is taken from the credit, the
    counters restart from zero (a zero sample at ``now``; older samples belonged to the old period)
    and the history gains a ``restart`` entry. If the Restart is earlier in the day than the renewal
    time, the renewal time becomes the Restart's minute, so no renewal falls later that same day.
    """
    require_kena(line)
    now = dates.in_rome(now)
    later = [entry.at for entry in line.history if _real(entry.at) > _real(now)]
    if later:
        raise KenactlError(f"cannot record a Restart at {_when(now)}: the history already has an entry at "
                           f"{_when(min(later, key=_real))}")
    verdict = check_restart(line, now)
    if not verdict.eligible:
        reasons = "; ".join(f"{item.id}: {item.reason}" for item in verdict.failing)
        raise KenactlError(f"Restart not allowed at {_when(now)}: {reasons}", NEGATIVE)
    entry = HistoryEntry(kind="restart", at=now, price=line.price, renewal_day_before=line.renewal_day,
                         renewal_day_after=now.day)
    return replace(
        line,
        renewal_day=now.day,
        renewal_time=renewal_time_after(line, now),
        credit=line.credit - line.price,
        usage=(UsageSample(at=now),),
        history=tuple(sorted((*line.history, entry), key=lambda item: _real(item.at))),
    )


def renewal_time_after(line: Line, moment: datetime) -> time:
    """The renewal time after a Restart at ``moment``: unchanged, or the Restart's minute if that is earlier."""
    moment = dates.in_rome(moment)
    return min(line.renewal_time, time(moment.hour, moment.minute))


def scheduled_after(entry: HistoryEntry, renewal_time: time) -> datetime:
    """The first scheduled renewal after a Restart: one month later, on its day (month-end clamped)."""
    start = dates.in_rome(entry.at)
    year, month = dates.shift_month(start.year, start.month, 1)
    return dates.renewal_moment(year, month, entry.renewal_day_after, renewal_time)


def _restarts(line: Line, now: datetime) -> list[HistoryEntry]:
    done = [entry for entry in line.history if entry.kind == "restart" and _real(entry.at) <= _real(now)]
    return sorted(done, key=lambda entry: _real(entry.at))


def _real(moment: datetime) -> datetime:
    """The instant in UTC: comparing two Europe/Rome values directly compares wall clocks."""
    return moment.astimezone(UTC)


def _when(moment: datetime) -> str:
    return dates.in_rome(moment).strftime("%a %d %b %Y %H:%M")


def _usage(line: Line, now: datetime) -> RestartCheck:
    latest = consumption.current_usage(line, now)
    shown, best = [], None
    for kind in ALLOWANCE_KINDS:
        included = line.included.get(kind)
        if included is None or included == 0:
            continue  # unlimited (or nothing included) never counts
        percent = consumption.percent_used(latest.get(kind), included)
        shown.append(f"{kind} {_percent(percent)} ({_amount(kind, latest.get(kind))} of {_amount(kind, included)})")
        if best is None or percent > best[1]:
            best = (kind, percent)
    if best is None:
        return RestartCheck("usage", False, "no limited allowance: unlimited allowances never count toward the "
                                            "80% rule", None)
    ok = best[1] >= USAGE_THRESHOLD
    verdict = f"{best[0]} has reached 80%" if ok else "none has reached 80% yet"
    return RestartCheck("usage", ok, f"{verdict}: " + ", ".join(shown), None)


def _percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_DOWN)}%"


def _amount(kind: str, value: int) -> str:
    return units.format_data(value) if kind == "data" else f"{value} {'min' if kind == 'minutes' else 'SMS'}"


def _credit(line: Line) -> RestartCheck:
    if line.credit >= line.price:
        return RestartCheck("credit", True, f"credit {euros(line.credit)} covers the price {euros(line.price)}",
                            None)
    return RestartCheck("credit", False, f"credit {euros(line.credit)} is below the price {euros(line.price)}: "
                                         f"top up at least {euros(line.price - line.credit)}", None)


def _cooldown(restarts: list[HistoryEntry], now: datetime) -> RestartCheck:
    if not restarts:
        return RestartCheck("cooldown", True, "no Restart recorded before", None)
    last = restarts[-1].at
    clears = dates.add_elapsed(last, COOLDOWN)
    if dates.elapsed(last, now) >= COOLDOWN:
        return RestartCheck("cooldown", True, f"last Restart {_when(last)}, at least 14 days ago", None)
    return RestartCheck("cooldown", False, f"last Restart {_when(last)}: 14 days (14 × 24 h) pass at "
                                           f"{_when(clears)}", clears)


def _renewal_window(upcoming: datetime, now: datetime) -> RestartCheck:
    left = dates.elapsed(now, upcoming)
    hours = Decimal(left.total_seconds()) / 3600
    shown = f"{hours.quantize(Decimal('0.1'), rounding=ROUND_DOWN)} h"
    if left >= RENEWAL_WINDOW:
        return RestartCheck("renewal_window", True, f"{shown} left before the renewal at {_when(upcoming)} "
                                                    f"(at least 48 h needed)", None)
    return RestartCheck("renewal_window", False, f"only {shown} left before the renewal at {_when(upcoming)} "
                                                 f"(at least 48 h needed); the renewal comes first and refills "
                                                 f"the bundle", upcoming)


def _renewed_between(line: Line, restart: HistoryEntry, end: datetime) -> bool:
    """Whether a scheduled (or recorded) renewal happened after ``restart`` and at or before ``end``."""
    if _real(scheduled_after(restart, line.renewal_time)) <= _real(end):
        return True
    return any(entry.kind == "renewal" and _real(restart.at) < _real(entry.at) <= _real(end)
               for entry in line.history)


def _consecutive(line: Line, restarts: list[HistoryEntry], now: datetime) -> RestartCheck:
    if len(restarts) >= 2:
        previous, last = restarts[-2], restarts[-1]
        if not _renewed_between(line, previous, last.at) and not _renewed_between(line, last, now):
            clears = scheduled_after(last, line.renewal_time)
            return RestartCheck("consecutive", False,
                                f"two Restarts in a row ({_when(previous.at)}, {_when(last.at)}) with no scheduled "
                                f"renewal between them: blocked until the renewal at {_when(clears)} "
                                f"({CONSECUTIVE_READING})", clears)
    return RestartCheck("consecutive", True, f"not used twice in a row ({CONSECUTIVE_READING})", None)


def _offer_change(line: Line) -> RestartCheck:
    if line.pending_offer_change:
        return RestartCheck("offer_change", False, "an offer change request is pending (clear it with: "
                                                   "kenactl line set --no-pending-offer-change)", None)
    return RestartCheck("offer_change", True, "no offer change request pending", None)
