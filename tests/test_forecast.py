"""``ledger.forecast`` folds once and advances from one renewal to the next: the states are those of a
fold from scratch at each moment (the same credit, renewals, fees and periods)."""

import sys
from datetime import timedelta
from pathlib import Path

import pytest

from kenactl.core import dates
from kenactl.core.ledger import fold, forecast, periods
from kenactl.core.record import replace
from kenactl.derived import line_states

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
import profiles  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)


def summary(state):
    return (state.credit, state.owed, state.min_topup, state.offer_usable, state.next_renewal, state.renewals,
            state.fees, state.line, periods(state))


def undated(profile):
    """The same household with every credit entered without a date (no observations)."""
    return replace(profile, lines={name: replace(line, observations=()) for name, line in profile.lines.items()})


@pytest.mark.parametrize("dated", [True, False])
@pytest.mark.parametrize("now", [profiles.NOW, profiles.NOW - timedelta(days=200)])  # later facts: folds one by one
def test_forecast_gives_the_states_a_fold_at_each_moment_gives(now, dated):
    profile = profiles.household(5, 6) if dated else undated(profiles.household(5, 6))
    for name, state in line_states(profile, now, None).items():
        line = profile.lines[name]
        moments = dates.renewals(line.renewal_day, line.renewal_time, now, 14)
        rules = state.period_rows[0].rules
        expected = [fold(state.facts, state.rule, dates.add_elapsed(moment, timedelta(seconds=-1)), state.moment, rules)
                    for moment in moments]
        before = summary(state)
        got = forecast(state, moments)
        assert [summary(one) for one in got] == [summary(one) for one in expected]
        assert [summary(one) for one in reversed(got)] == [summary(one) for one in reversed(expected)]  # any order
        assert summary(state) == before  # advancing a copy of the state's fold left the state as it was
