"""Kena Restart: the six eligibility rules as a checklist, and recording a Restart.

Source: a news item on Kena Restart (March 2024) lists the six blocking rules and the renewal-day
shift ("rinnovo il 15, Restart il 10 → rinnovi e addebiti il 10"); tuttoandroid.net (2024-02-24)
confirms them, and mondomobileweb.it (2024-02) adds that the counters are zeroed and the normal
monthly price is charged.

Scheduled renewals are derived from the schedule, not recorded: after a Restart on day D the
schedule in force renews one month later on D (month-end clamped) at the line's renewal time.
``renewal`` entries in the history, when present, count as renewals too. The ``consecutive`` rule
("2 volte consecutive" is defined nowhere) is kenactl's reading: two Restarts with no scheduled
renewal between them block a third until the next scheduled renewal has happened.
"""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal

from kenactl.core import dates, units
from kenactl.core.ledger_state import RenewalHistory
from kenactl.core.model import ALLOWANCE_KINDS, HistoryEntry, Line, UsageSample
from kenactl.core.record import record, replace
from kenactl.errors import NEGATIVE, InputError, KenactlError
from kenactl.text import N_, Money, Msg

CHECK_IDS = ("usage", "credit", "cooldown", "renewal_window", "consecutive", "offer_change")
TIME_RULES = ("cooldown", "consecutive")
COOLDOWN = timedelta(days=14)  # 14 × 24 real hours
RENEWAL_WINDOW = timedelta(hours=48)  # real hours
SOURCE = N_("news on Kena Restart, March 2024, confirmed by tuttoandroid.net 2024-02-24 and mondomobileweb.it 2024-02")
CONSECUTIVE_READING = N_("the sources do not define \"2 volte consecutive\"; kenactl reads it as two Restarts "
                         "with no scheduled renewal between them")
CHECK_LABELS = {"usage": N_("usage"), "credit": N_("credit"), "cooldown": N_("cooldown"),
                "renewal_window": N_("48 h before the renewal"), "consecutive": N_("consecutive"),
                "offer_change": N_("offer change")}
KIND_NAMES = {"data": N_("data"), "minutes": N_("minutes"), "sms": N_("sms")}


class Listed(Msg):
    """Messages joined by ``separator``, each shown in the language the whole is shown in."""

    def __init__(self, parts: "list[Msg] | tuple[Msg, ...]", separator: str = "; "):
        super().__init__(separator, parts=tuple(parts))

    def render(self, lang: str | None = None) -> str:
        """The parts in ``lang``, joined."""
        return self.template.join(part.render(lang) for part in self.values["parts"])


def amount(kind: str, value: int) -> Msg:
    """An allowance amount for people: ``85 GB``, ``12.5 GB`` (``12,5 GB``), ``800 MB``, ``120 min``, ``3 SMS``."""
    if kind == "minutes":
        return Msg("{amount} min", amount=value)
    if kind == "sms":
        return Msg("{amount} SMS", amount=value)
    number, unit = units.data_parts(value)
    return Msg("{amount} MB", amount=int(number)) if unit == "MB" else Msg("{amount} GB", amount=number)


def label(check_id: str) -> Msg:
    """The name of a check for people (the JSON keeps the id)."""
    return Msg(CHECK_LABELS[check_id])


@record
class RestartCheck:
    """One rule: passed or not, why, and when a failing time rule stops failing (else None)."""

    id: str
    ok: bool
    message: Msg
    clears_at: datetime | None

    @property
    def reason(self) -> str:
        """Why, in English (the JSON form)."""
        return self.message.english()


@record
class RestartVerdict:
    """All six checks at ``now``; ``eligible_from`` is now, a future moment (time rules only) or None.

    A future ``eligible_from`` is always at least 48 h before ``next_renewal``: never at a renewal.
    """

    eligible: bool
    eligible_from: datetime | None
    checks: tuple[RestartCheck, ...]
    now: datetime
    line: str
    next_renewal: datetime  # the scheduled renewal in force at ``now``
    last_restart: datetime | None
    no_wait: Msg | None = None  # why waiting cannot make a Restart allowed before the renewal (time rules only)

    def check(self, check_id: str) -> RestartCheck:
        """The check with this id."""
        return next(item for item in self.checks if item.id == check_id)

    @property
    def failing(self) -> tuple[RestartCheck, ...]:
        """The checks that do not pass."""
        return tuple(item for item in self.checks if not item.ok)


def check_restart(line: Line, now: datetime) -> RestartVerdict:
    """Evaluate the six Restart rules for ``line`` at ``now``."""
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
    eligible_from, no_wait = _eligible_from(failing, now, upcoming)
    return RestartVerdict(eligible=not failing, eligible_from=eligible_from, checks=checks, now=now,
                          line=line.name, next_renewal=upcoming, last_restart=restarts[-1].at if restarts else None,
                          no_wait=no_wait)


def time_rule_fails(line: Line, now: datetime) -> bool:
    """Whether a time rule (``TIME_RULES``: cooldown, consecutive) fails at ``now``: only then can waiting make a
    Restart allowed (``check_restart``'s ``eligible_from`` a moment after ``now``), so the reminders look no further
    otherwise (the usage rule, which reads the period's readings, is not even loaded)."""
    restarts = _restarts(line, now)
    return not (_cooldown(restarts, now).ok and _consecutive(line, restarts, now).ok)


def _eligible_from(failing: list[RestartCheck], now: datetime,
                   upcoming: datetime) -> tuple[datetime | None, Msg | None]:
    """When waiting alone makes every rule pass, or None and why (None too when a non-time rule fails).

    Waiting only helps inside the current period: the renewal resets the counters, so the usage rule
    met now is no longer met after it, and a usage rule is not a time rule. The time rules must
    therefore clear at least 48 real hours before the renewal.
    """
    if not failing:
        return now, None
    if not all(item.id in TIME_RULES for item in failing):
        return None, None
    clears = max((item.clears_at for item in failing), key=dates.instant)
    if dates.instant(dates.add_elapsed(clears, RENEWAL_WINDOW)) <= dates.instant(upcoming):
        return clears, None
    return None, Msg("the time rules clear at {clears}, less than 48 h before the renewal at {renewal} (or after "
                     "it); the renewal resets the counters, so waiting does not make the 80% usage rule hold",
                     clears=clears, renewal=upcoming)


def apply_restart(line: Line, now: datetime) -> Line:
    """The line after a Restart at ``now``; raises ``KenactlError`` (exit 1) with the reasons if not eligible.

    The renewal day becomes the Restart day (Europe/Rome), the price is taken from the credit, the
    counters restart from zero (a zero sample at ``now``; older samples belonged to the old period)
    and the history gains a ``restart`` entry. If the Restart is earlier in the day than the renewal
    time, the renewal time becomes the Restart's minute, so no renewal falls later that same day.
    """
    now = dates.in_rome(now)
    later = [entry.at for entry in line.history if dates.instant(entry.at) > dates.instant(now)]
    if later:
        raise KenactlError(Msg("cannot record a Restart at {now}: the history already has an entry at {later}",
                               now=now, later=min(later, key=dates.instant)))
    verdict = check_restart(line, now)
    if not verdict.eligible:
        reasons = Listed([Msg("{check}: {reason}", check=label(item.id), reason=item.message)
                          for item in verdict.failing])
        raise KenactlError(Msg("Restart not allowed at {now}: {reasons}", now=now, reasons=reasons), NEGATIVE)
    entry = HistoryEntry(kind="restart", at=now, price=line.price, renewal_day_before=line.renewal_day,
                         renewal_day_after=now.day)
    return replace(
        line,
        renewal_day=now.day,
        renewal_time=renewal_time_after(line, now),
        credit=line.credit - line.price,
        usage=(UsageSample(at=now),),
        history=tuple(sorted((*line.history, entry), key=lambda item: dates.instant(item.at))),
    )


def recorded_restart(line: Line, when: date | datetime | None) -> HistoryEntry:
    """The recorded Restart of ``line`` that ``when`` names: the one in that minute (a date-time) or on that
    day (a date, Europe/Rome); the latest one when ``when`` is None. Otherwise an ``InputError`` listing the
    line's Restarts as they can be typed (``2026-11-10T09:05``)."""
    restarts = sorted(restarts_in(line.history), key=lambda entry: dates.instant(entry.at))
    if not restarts:
        raise InputError(None, Msg("line {line} has no recorded Restart", line=repr(line.name)))
    if when is None:
        return restarts[-1]
    if isinstance(when, datetime):
        found = [entry for entry in restarts if _minute(entry.at) == _minute(when)]
    else:
        found = [entry for entry in restarts if dates.in_rome(entry.at).date() == when]
    if len(found) == 1:
        return found[0]
    shown = found or restarts
    typed = ", ".join(f"{dates.in_rome(entry.at):%Y-%m-%dT%H:%M}" for entry in shown)
    if found:
        raise InputError(None, Msg("line {line} has {count} Restarts on {day}; give the time too: {restarts}",
                                   line=repr(line.name), count=len(found), day=when, restarts=typed))
    raise InputError(None, Msg("line {line} has no Restart on {when}; its Restarts: {restarts}",
                               line=repr(line.name), when=when, restarts=typed))


def _minute(moment: datetime) -> datetime:
    """``moment`` in UTC without its seconds: Restarts are shown, and named, to the minute."""
    return dates.instant(moment).replace(second=0, microsecond=0)


def renewal_time_after(line: Line, moment: datetime) -> time:
    """The renewal time after a Restart at ``moment``: unchanged, or the Restart's minute if that is earlier."""
    moment = dates.in_rome(moment)
    return min(line.renewal_time, time(moment.hour, moment.minute))


def scheduled_after(entry: HistoryEntry, renewal_time: time) -> datetime:
    """The first scheduled renewal after a Restart: one month later, on its day (month-end clamped)."""
    start = dates.in_rome(entry.at)
    year, month = dates.shift_month(start.year, start.month, 1)
    return dates.renewal_moment(year, month, entry.renewal_day_after, renewal_time)


def restarts_in(history: Sequence[HistoryEntry]) -> list[HistoryEntry]:
    """The Restart entries of a line's ``history``, in its order (a folded line's builds only those)."""
    if isinstance(history, RenewalHistory):
        return history.restarts()
    return [entry for entry in history if entry.kind == "restart"]


def _restarts(line: Line, now: datetime) -> list[HistoryEntry]:
    done = [entry for entry in restarts_in(line.history) if dates.instant(entry.at) <= dates.instant(now)]
    return sorted(done, key=lambda entry: dates.instant(entry.at))


def _usage(line: Line, now: datetime) -> RestartCheck:
    from kenactl.core import consumption  # only here: the reminders ask the time rules alone (time_rule_fails)

    latest = consumption.current_usage(line, now)
    shown, best = [], None
    for kind in ALLOWANCE_KINDS:
        included = line.included.get(kind)
        if not consumption.counts_for_restart(included):
            continue
        percent = consumption.percent_used(latest.get(kind), included)
        shown.append(Msg("{kind} {percent}% ({used} of {included})", kind=Msg(KIND_NAMES[kind]),
                         percent=units.shown_percent(percent), used=amount(kind, latest.get(kind)),
                         included=amount(kind, included)))
        if best is None or percent > best[1]:
            best = (kind, percent)
    if best is None:
        return RestartCheck("usage", False, Msg("no limited allowance: unlimited allowances never count toward "
                                                "the 80% rule"), None)
    ok = best[1] >= consumption.RESTART_USAGE
    verdict = Msg("{kind} has reached 80%", kind=Msg(KIND_NAMES[best[0]])) if ok else Msg("none has reached 80% yet")
    return RestartCheck("usage", ok, Msg("{verdict}: {details}", verdict=verdict, details=Listed(shown, ", ")),
                        None)


def _tenths(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_DOWN)


def _credit(line: Line) -> RestartCheck:
    credit, price = Money(line.credit), Money(line.price)
    if line.credit >= line.price:
        return RestartCheck("credit", True, Msg("credit {credit} covers the price {price}", credit=credit,
                                                price=price), None)
    return RestartCheck("credit", False, Msg("credit {credit} is below the price {price}: top up at least {missing}",
                                             credit=credit, price=price, missing=Money(line.price - line.credit)),
                        None)


def _cooldown(restarts: list[HistoryEntry], now: datetime) -> RestartCheck:
    if not restarts:
        return RestartCheck("cooldown", True, Msg("no Restart recorded before"), None)
    last = restarts[-1].at
    clears = dates.add_elapsed(last, COOLDOWN)
    if dates.elapsed(last, now) >= COOLDOWN:
        return RestartCheck("cooldown", True, Msg("last Restart {last}, at least 14 days ago", last=last), None)
    return RestartCheck("cooldown", False, Msg("last Restart {last}: 14 days (14 × 24 h) pass at {clears}",
                                               last=last, clears=clears), clears)


def _renewal_window(upcoming: datetime, now: datetime) -> RestartCheck:
    left = dates.elapsed(now, upcoming)
    hours = _tenths(Decimal(left.total_seconds()) / 3600)
    if left >= RENEWAL_WINDOW:
        return RestartCheck("renewal_window", True, Msg("{hours} h left before the renewal at {renewal} "
                                                        "(at least 48 h needed)", hours=hours, renewal=upcoming),
                            None)
    return RestartCheck("renewal_window", False, Msg("only {hours} h left before the renewal at {renewal} "
                                                     "(at least 48 h needed); the renewal comes first and refills "
                                                     "the bundle", hours=hours, renewal=upcoming), upcoming)


def _renewed_between(line: Line, restart: HistoryEntry, end: datetime) -> bool:
    """Whether a scheduled (or recorded) renewal happened after ``restart`` and at or before ``end``."""
    if dates.instant(scheduled_after(restart, line.renewal_time)) <= dates.instant(end):
        return True
    return any(entry.kind == "renewal" and dates.instant(restart.at) < dates.instant(entry.at) <= dates.instant(end)
               for entry in line.history)


def _consecutive(line: Line, restarts: list[HistoryEntry], now: datetime) -> RestartCheck:
    if len(restarts) >= 2:
        previous, last = restarts[-2], restarts[-1]
        if not _renewed_between(line, previous, last.at) and not _renewed_between(line, last, now):
            clears = scheduled_after(last, line.renewal_time)
            return RestartCheck("consecutive", False,
                                Msg("two Restarts in a row ({previous}, {last}) with no scheduled renewal between "
                                    "them: blocked until the renewal at {clears} ({reading})",
                                    previous=previous.at, last=last.at, clears=clears,
                                    reading=Msg(CONSECUTIVE_READING)), clears)
    return RestartCheck("consecutive", True, Msg("not used twice in a row ({reading})",
                                                 reading=Msg(CONSECUTIVE_READING)), None)


def _offer_change(line: Line) -> RestartCheck:
    if line.pending_offer_change:
        return RestartCheck("offer_change", False, Msg("an offer change request is pending (clear it with: "
                                                       "kenactl line set --no-pending-offer-change)"), None)
    return RestartCheck("offer_change", True, Msg("no offer change request pending"), None)
