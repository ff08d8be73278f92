"""core.restart_plan: the projected earliest Restart agrees with check_restart."""

import math
from datetime import timedelta
from decimal import Decimal

from helpers import at, kena, restart_entry, used
from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl.core import dates
from kenactl.core.model import Allowances, UsageSample
from kenactl.core.record import replace
from kenactl.core.restart import check_restart
from kenactl.core.restart_plan import plan_restart


def test_all_unlimited_has_no_restart():
    line = used(kena(included=Allowances(data=None, minutes=None, sms=None)), at("2026-11-05T10:00"), data=5000)
    plan = plan_restart(line, at("2026-11-05T11:00"))
    assert plan.earliest is None and "unlimited" in plan.why_not
    assert {item.state for item in plan.allowances} == {"unlimited"}


def test_no_samples_means_no_pace():
    plan = plan_restart(kena(), at("2026-11-05T11:00"))
    assert plan.earliest is None and "usage set" in plan.why_not
    assert [item.state for item in plan.allowances] == ["no_pace", "unlimited", "no_pace"]


def test_cooldown_pushes_the_earliest_restart():
    last = at("2026-11-03T10:00")
    line = used(kena(renewal_day=3, history=(restart_entry(last),)), at("2026-11-05T10:00"), data=90_000)
    plan = plan_restart(line, at("2026-11-05T11:00"))
    assert plan.allowances[0].state == "reached"
    assert plan.earliest == at("2026-11-17T10:00")
    assert [m.date().isoformat() for m in plan.renewals_after] == ["2026-12-17", "2027-01-17", "2027-02-17"]


@settings(max_examples=50, deadline=None)
@given(day=st.integers(1, 28), hours=st.integers(12, 20 * 24), share=st.integers(5, 95))
def test_earliest_restart_passes_check_with_projected_usage(day, hours, share):
    """Put the projected usage at ``earliest`` into a sample: check_restart then says yes."""
    start = dates.parse_moment(f"2026-10-{day:02d}T00:00")
    line = kena(renewal_day=day, credit=Decimal(20))
    sample_at = dates.add_elapsed(start, timedelta(hours=hours))
    line = used(line, sample_at, data=1000 * share)
    now = dates.add_elapsed(sample_at, timedelta(minutes=30))
    plan = plan_restart(line, now)
    if plan.earliest is None:
        return
    pace = Decimal(1000 * share) / Decimal(hours)  # MB per hour since the period start
    projected = pace * Decimal(dates.elapsed(start, plan.earliest).total_seconds()) / 3600
    moment = max(plan.earliest, now, key=lambda m: m.timestamp())
    line = replace(line, usage=(*line.usage, UsageSample(at=moment, data=math.ceil(projected))))
    assert check_restart(line, moment).eligible
