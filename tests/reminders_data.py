"""Profiles for the reminder and calendar tests, built directly from the model."""

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from decimal import Decimal

from kenactl.core.dates import ROME
from kenactl.core.model import Allowances, Complaint, HistoryEntry, Line, Profile, UsageSample


def rome(*parts: int) -> datetime:
    """A Europe/Rome moment."""
    return datetime(*parts, tzinfo=ROME)


def kena_line(name: str = "main", renewal_day: int = 15, credit: str = "20.00", **changes) -> Line:
    """A Kena line at 5.99 € with 100 GB."""
    line = Line(name=name, operator="kena", offer="Kena 5,99 Più", price=Decimal("5.99"), renewal_day=renewal_day,
                included=Allowances(data=100_000, minutes=None, sms=100), credit=Decimal(credit))
    return replace(line, **changes)


def tim_line(name: str = "nonna", credit: str = "4.50") -> Line:
    """A TIM line renewing on the 5th at 9.99 €."""
    return Line(name=name, operator="tim", offer="TIM Smart", price=Decimal("9.99"), renewal_day=5,
                included=Allowances(data=10_000, minutes=500, sms=None), credit=Decimal(credit))


def restarted(line: Line, at: datetime, *, used_after: int | None = None) -> Line:
    """``line`` after a Restart at ``at``, optionally with data used after it (the ledger moves the renewal day
    to ``at``'s day; the credit given is the one after the Restart)."""
    entry = HistoryEntry(kind="restart", at=at, price=line.price, renewal_day_before=line.renewal_day,
                         renewal_day_after=at.day)
    usage = (UsageSample(at=at),)
    if used_after is not None:
        usage += (UsageSample(at=at.replace(hour=at.hour + 1), data=used_after),)
    return replace(line, renewal_time=time(0, 0), credit=line.credit - line.price,
                   history=(*line.history, entry), usage=usage)


def household(updated_at: datetime = rome(2026, 11, 20, 18, 30)) -> Profile:
    """The representative profile: a Kena line restarted on 10 Nov 2026 (day 31 → 10) that has used 90 GB
    since, and a TIM line with short credit; one open complaint."""
    main = restarted(kena_line(renewal_day=31, credit="20.00"), rome(2026, 11, 10, 12, 0), used_after=90_000)
    complaint = Complaint(id=1, filed=rome(2026, 11, 2).date(), subject="Giga non accreditati — 5 €", line="main")
    return Profile(lines={"main": main, "nonna": tim_line()}, default_line="main", complaints=(complaint,),
                   updated_at=updated_at)


def save_household(profile_path: Path) -> Path:
    """Write the representative household, with a known last top-up on ``main``, as the profile."""
    from kenactl import store

    profile = household()
    profile = profile.with_line(replace(profile.line("main"), last_topup=date(2026, 1, 10)))
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text(store.dumps(profile), encoding="utf-8")
    return profile_path
