"""The sample household behind ``kenactl status --demo``, built around the given moment."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from kenactl.core import consumption, dates
from kenactl.core.model import Allowances, Line, Profile, UsageSample
from kenactl.core.record import replace

DAY = timedelta(days=1)


def demo_profile(now: datetime) -> Profile:
    """Two lines: a Kena line running out of data before renewal, and a TIM line whose credit is short."""
    kena = Line(name="main", operator="kena", offer="Kena 7.99", price=Decimal("7.99"), renewal_day=31,
                renewal_time=time(0, 0), included=Allowances(data=150_000, minutes=None, sms=100),
                credit=Decimal("12.40"), last_topup=(now - 20 * DAY).date())
    tim = Line(name="nonna", operator="tim", offer="TIM Smart", price=Decimal("9.99"), renewal_day=5,
               included=Allowances(data=10_000, minutes=500, sms=None), credit=Decimal("4.50"),
               last_topup=(now - 200 * DAY).date())
    return Profile(lines={"main": _with_usage(kena, now, runs_out_after=0.8, minutes_per_day=25, sms_per_day=1),
                          "nonna": _with_usage(tim, now, runs_out_after=3, minutes_per_day=9, sms_per_day=0)},
                   default_line="main")


def _with_usage(line: Line, now: datetime, *, runs_out_after: float, minutes_per_day: int,
                sms_per_day: int) -> Line:
    """Two samples (mid-period and now) at a steady pace that uses the data in ``runs_out_after`` periods."""
    period = consumption.current_period(line, now)
    period_days = dates.elapsed(period.start, period.end) / DAY
    data_per_day = line.included.data / (period_days * runs_out_after)
    samples = []
    for share in (0.5, 1.0):
        at = dates.add_elapsed(period.start, dates.elapsed(period.start, now) * share)
        days = dates.elapsed(period.start, at) / DAY
        samples.append(UsageSample(at=at, data=min(int(data_per_day * days), line.included.data),
                                   minutes=int(minutes_per_day * days), sms=int(sms_per_day * days)))
    return replace(line, usage=tuple({sample.at: sample for sample in samples}.values()))
