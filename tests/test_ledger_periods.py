"""``ledger.periods`` gives each period the amounts of its last reading: the last one before the next period
starts, unless it is before the period's own start (the first period takes the last reading before the second starts).
Checked against that definition on random readings, stored (``Readings``) and as a tuple of samples."""

import sys
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl.core import dates
from kenactl.core.ledger import fold, periods
from kenactl.core.model import UsageSample
from kenactl.core.readings import Readings
from kenactl.core.record import replace
from kenactl.knowledge.operators import renewal_rule

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
import profiles  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)

BASE = next(iter(profiles.household(1, 6).lines.values()))
SPAN = int(timedelta(days=220).total_seconds())


def expected_usage(found, samples):
    """The definition: per period, the last sample before the next start, if at or after its own start."""
    usage = []
    for index, period in enumerate(found):
        before = [sample for sample in samples
                  if period.end is None or dates.instant(sample.at) < dates.instant(period.end)]
        last = before[-1] if before else None
        if last is not None and index and dates.instant(last.at) < dates.instant(period.start):
            last = None
        usage.append(last)
    return usage


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, SPAN), unique=True, max_size=40), st.booleans())
def test_each_period_gets_its_last_reading(offsets, stored):
    start = profiles.NOW - timedelta(seconds=SPAN)
    samples = tuple(UsageSample(at=dates.in_rome(start + timedelta(seconds=offset)), data=offset % 1000)
                    for offset in sorted(offsets))
    line = replace(BASE, usage=Readings.of(samples) if stored else samples)
    state = fold(line, renewal_rule(line.operator), profiles.NOW)
    found = periods(state)
    assert len(found) > 6
    assert [period.used for period in found] == [None if sample is None else (sample.data, sample.minutes, sample.sms)
                                                 for sample in expected_usage(found, samples)]
    assert periods(state) is found  # built once a state
