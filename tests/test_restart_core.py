"""The six Restart rules at their boundaries, and what apply_restart records (core, no CLI)."""

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

import pytest
from helpers import at, kena, restart_entry, used
from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl.core import consumption, dates
from kenactl.core.features import require_feature
from kenactl.core.ledger_state import KINDS, RenewalHistory
from kenactl.core.model import ALLOWANCE_KINDS, Allowances, HistoryEntry, Line, Profile, UsageSample
from kenactl.core.record import replace
from kenactl.core.restart import CHECK_IDS, RENEWAL_WINDOW, apply_restart, check_restart, restarts_in, scheduled_after
from kenactl.errors import KenactlError
from kenactl.knowledge import operators

SECOND = timedelta(seconds=1)


def ready(moment: datetime, renewal_day: int = 15, **changes) -> Line:
    """A line where every rule passes at ``moment`` (data at 90%) unless ``changes`` say otherwise."""
    return used(kena(renewal_day, **changes), moment, data=90_000)


def verdict_of(line: Line, moment: datetime):
    return check_restart(line, moment)


def check(line: Line, moment: datetime, check_id: str):
    return check_restart(line, moment).check(check_id)


NOW = at("2026-11-10T09:00")


def test_all_six_checks_in_order_and_eligible_now():
    verdict = check_restart(ready(NOW), NOW)
    assert tuple(item.id for item in verdict.checks) == CHECK_IDS
    assert verdict.eligible and verdict.eligible_from == NOW
    assert all(item.ok and item.clears_at is None for item in verdict.checks)


@pytest.mark.parametrize(("data", "ok"), [(79_900, False), (79_999, False), (80_000, True)])
def test_usage_boundary_79_9_vs_80(data, ok):
    line = used(kena(), NOW, data=data)
    assert check(line, NOW, "usage").ok is ok


def test_usage_exact_decimal_not_rounded():
    # 800 of 1001 MB is 79.92%: it shows as 79.9% and fails; 801 passes.
    line = kena(included=Allowances(data=1001, minutes=None, sms=None))
    failing = check(used(line, NOW, data=800), NOW, "usage")
    assert not failing.ok and "79.9%" in failing.reason
    assert check(used(line, NOW, data=801), NOW, "usage").ok


@given(included=st.integers(1, 10**7), share=st.integers(0, 10**7))
def test_usage_rule_is_exactly_four_fifths(included, share):
    amount = share % (included * 2)
    line = used(kena(included=Allowances(data=None, minutes=included, sms=None)), NOW, minutes=amount)
    assert check(line, NOW, "usage").ok is (5 * amount >= 4 * included)


def test_any_one_allowance_is_enough():
    line = used(kena(), NOW, data=10, sms=80)
    item = check(line, NOW, "usage")
    assert item.ok and item.reason.startswith("sms has reached 80%")


def test_unlimited_allowances_never_count():
    line = kena(included=Allowances(data=None, minutes=None, sms=None))
    item = check(used(line, NOW, data=10**9, minutes=10**6, sms=10**6), NOW, "usage")
    assert not item.ok and "unlimited" in item.reason
    # unlimited minutes heavily used, data at 50%: not eligible
    assert not check(used(kena(), NOW, data=50_000, minutes=10**6), NOW, "usage").ok


def test_usage_before_the_current_period_does_not_count():
    line = used(kena(), at("2026-11-14T23:00"), data=99_000)
    assert check(line, at("2026-11-14T23:30"), "usage").ok
    assert not check(line, at("2026-11-16T09:00"), "usage").ok  # renewed on the 15th: counters are zero


def test_usage_samples_follow_real_time_in_the_repeated_autumn_hour():
    """31 Oct 2027: 02:10 CET comes 20 min after 02:50 CEST, although its wall clock is earlier."""
    first, later = at("2027-10-31T02:50+02:00"), at("2027-10-31T02:10+01:00")
    line = used(used(kena(1), first, data=79_000), later, data=81_000)
    assert check(line, at("2027-10-31T02:20+01:00"), "usage").ok  # the 02:10 CET sample is the latest
    assert check(line, at("2027-10-31T03:00+01:00"), "usage").ok
    only_first = used(kena(1), first, data=81_000)
    assert check(only_first, at("2027-10-31T02:20+01:00"), "usage").ok  # 02:50 CEST is 30 min in the past


def test_restart_in_the_repeated_autumn_hour_starts_the_period():
    restarted = at("2027-10-31T02:30+02:00")
    line = used(kena(31, history=(restart_entry(restarted, before=1),)), at("2027-10-31T02:20+02:00"), data=90_000)
    now = at("2027-10-31T02:20+01:00")  # 50 min after the Restart: its counters started from zero
    assert consumption.current_period(line, now).start.astimezone(UTC) == restarted.astimezone(UTC)
    assert consumption.current_usage(line, now).data == 0
    assert not check(line, now, "usage").ok


@pytest.mark.parametrize(("credit", "ok"), [("7.98", False), ("7.99", True), ("8.00", True)])
def test_credit_boundary(credit, ok):
    item = check(ready(NOW, credit=Decimal(credit)), NOW, "credit")
    assert item.ok is ok and item.clears_at is None
    if not ok:
        assert "top up at least 0.01 €" in item.reason
        assert check_restart(ready(NOW, credit=Decimal(credit)), NOW).eligible_from is None


def test_cooldown_boundary_14_days_minus_one_second():
    last = at("2026-11-02T10:00")
    line = ready(last, renewal_day=2, history=(restart_entry(last),))
    line = used(line, at("2026-11-16T09:00"), data=90_000)
    clears = at("2026-11-16T10:00")
    before = check_restart(line, clears - SECOND)
    assert not before.eligible and before.check("cooldown").clears_at == clears
    assert [item.id for item in before.failing] == ["cooldown"]
    assert before.eligible_from == clears
    assert check_restart(line, clears).eligible


def test_cooldown_counts_real_hours_across_end_of_summer_time():
    last = at("2026-10-20T12:00")  # CEST; 25 Oct 2026 has 25 hours
    line = ready(last, renewal_day=20, history=(restart_entry(last),))
    item = check(line, at("2026-11-03T11:00") - SECOND, "cooldown")  # wall clock says 14 d 23 h
    assert not item.ok and item.clears_at == at("2026-11-03T11:00")
    assert item.clears_at.utcoffset() == timedelta(hours=1)
    assert check(line, at("2026-11-03T11:00"), "cooldown").ok


@settings(max_examples=60)
@given(st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2030, 12, 31)))
def test_cooldown_boundary_for_any_moment(naive):
    last = naive.replace(tzinfo=UTC).astimezone(dates.ROME)
    line = kena(renewal_day=last.day, history=(restart_entry(last),))
    clears = dates.add_elapsed(last, timedelta(days=14))
    assert dates.elapsed(last, clears) == timedelta(days=14)
    assert not check(line, dates.add_elapsed(clears, -SECOND), "cooldown").ok
    assert check(line, clears, "cooldown").ok


def test_renewal_window_boundary_48_hours():
    renewal = at("2026-11-15T00:00")
    line = used(kena(), at("2026-11-12T00:00"), data=90_000)
    exactly = check_restart(line, at("2026-11-13T00:00"))
    assert exactly.eligible
    late = check_restart(line, at("2026-11-13T00:00") + SECOND)
    assert [item.id for item in late.failing] == ["renewal_window"]
    assert late.check("renewal_window").clears_at == renewal
    assert late.eligible_from is None
    assert "the renewal comes first and refills the bundle" in late.check("renewal_window").reason


def test_renewal_window_across_end_of_summer_time():
    # Sun 25 Oct 2026 clocks go back: 48 real hours before 26 Oct 00:00 CET is 24 Oct 01:00 CEST.
    line = kena(renewal_day=26)
    exactly = at("2026-10-24T01:00")
    assert dates.elapsed(exactly, at("2026-10-26T00:00")) == timedelta(hours=48)
    assert check(line, exactly, "renewal_window").ok
    assert not check(line, exactly + SECOND, "renewal_window").ok
    assert check(line, at("2026-10-24T00:30"), "renewal_window").ok  # wall clock says 47.5 h, really 48.5 h


def test_renewal_window_across_start_of_summer_time():
    # Sun 28 Mar 2027 clocks go forward: 48 real hours before 29 Mar 00:00 CEST is 26 Mar 23:00 CET.
    line = kena(renewal_day=29)
    exactly = at("2027-03-26T23:00")
    assert check(line, exactly, "renewal_window").ok
    assert not check(line, exactly + SECOND, "renewal_window").ok
    assert not check(line, at("2027-03-27T00:00"), "renewal_window").ok  # wall clock 48 h, really 47 h


def test_two_restarts_in_a_row_block_a_third_until_the_scheduled_renewal():
    first, second = at("2026-11-10T09:00"), at("2026-11-25T09:00")
    line = kena(renewal_day=25, history=(restart_entry(first), restart_entry(second, before=10)))
    now = at("2026-12-20T09:00")
    verdict = check_restart(used(line, now, data=90_000), now)
    item = verdict.check("consecutive")
    assert not item.ok and item.clears_at == at("2026-12-25T00:00")
    assert "kenactl reads it" in item.reason and "2 volte consecutive" in item.reason
    assert [bad.id for bad in verdict.failing] == ["consecutive"]
    assert verdict.eligible_from is None  # it clears at the renewal, which resets the counters
    assert "the renewal resets the counters" in verdict.no_wait.english()
    assert check(line, at("2026-12-25T00:00"), "consecutive").ok


def test_one_restart_then_another_is_fine():
    first = at("2026-11-10T09:00")
    line = ready(at("2026-11-25T09:00"), renewal_day=10, history=(restart_entry(first),))
    assert check_restart(line, at("2026-11-25T09:00")).eligible


def test_restarts_separated_by_a_scheduled_renewal_are_not_consecutive():
    first, second = at("2026-10-01T09:00"), at("2026-11-20T09:00")  # 1 Nov renewal between them
    line = kena(renewal_day=20, history=(restart_entry(first), restart_entry(second, before=1)))
    assert check(line, at("2026-12-10T09:00"), "consecutive").ok


def test_recorded_renewal_between_restarts_breaks_the_streak():
    first, second = at("2026-11-10T09:00"), at("2026-11-25T09:00")
    renewal = HistoryEntry(kind="renewal", at=at("2026-11-20T00:00"), price=Decimal("7.99"),
                           renewal_day_before=20, renewal_day_after=20)
    line = kena(renewal_day=25, history=(restart_entry(first), renewal, restart_entry(second, before=10)))
    assert check(line, at("2026-12-20T09:00"), "consecutive").ok


def test_pending_offer_change_blocks_with_no_clear_time():
    verdict = check_restart(ready(NOW, pending_offer_change=True), NOW)
    assert [item.id for item in verdict.failing] == ["offer_change"]
    assert verdict.check("offer_change").clears_at is None and verdict.eligible_from is None


def test_cooldown_clearing_inside_the_renewal_window_is_never_announced_at_the_renewal():
    last = at("2026-11-02T10:00")  # renewal day later changed by hand to the 17th
    line = ready(at("2026-11-14T09:00"), renewal_day=17, history=(restart_entry(last),))
    verdict = check_restart(line, at("2026-11-14T09:00"))  # clears 16 Nov 10:00, 14 h before the renewal
    assert [item.id for item in verdict.failing] == ["cooldown"]
    assert verdict.eligible_from is None
    assert "16 Nov 2026 10:00" in verdict.no_wait.english() and "17 Nov 2026 00:00" in verdict.no_wait.english()


def _cooldown_clearing_at(clears: datetime, renewal_day: int) -> Line:
    """A line at 90% data whose only failing rule is a cooldown that clears at ``clears``."""
    last = dates.add_elapsed(clears, -timedelta(days=14))
    return ready(dates.add_elapsed(last, timedelta(hours=1)), renewal_day=renewal_day, history=(restart_entry(last),))


@pytest.mark.parametrize(("clears", "renewal_day", "announced"), [
    ("2026-11-15T00:00", 17, True),  # exactly 48 h before the renewal of 17 Nov 00:00
    ("2026-11-15T00:01", 17, False),  # 47 h 59 min before it
    ("2027-03-26T23:00", 29, True),  # 48 real hours before 29 Mar 00:00 CEST (clocks go forward on the 28th)
    ("2027-03-27T00:00", 29, False),  # the wall clock says 48 h, really 47 h
    ("2026-10-24T01:00", 26, True),  # 48 real hours before 26 Oct 00:00 CET (clocks go back on the 25th)
    ("2026-10-24T01:01", 26, False),
    ("2026-10-24T00:30", 26, True),  # the wall clock says 47.5 h, really 48.5 h
])
def test_eligible_from_needs_48_real_hours_before_the_renewal(clears, renewal_day, announced):
    moment = at(clears)
    line = _cooldown_clearing_at(moment, renewal_day)
    now = dates.add_elapsed(moment, -timedelta(hours=12))
    verdict = check_restart(used(line, now, data=90_000), now)
    assert [item.id for item in verdict.failing] == ["cooldown"]
    assert verdict.eligible_from == (moment if announced else None)
    assert (verdict.no_wait is None) == announced
    if announced:  # and at that moment every rule really passes
        assert check_restart(used(line, now, data=90_000), moment).eligible


@settings(max_examples=80)
@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31)),
       st.integers(min_value=1, max_value=31), st.integers(min_value=60, max_value=30 * 24 * 60))
def test_eligible_from_is_never_at_or_after_a_renewal(naive, renewal_day, minutes_ahead):
    now = naive.replace(tzinfo=UTC).astimezone(dates.ROME)
    clears = dates.add_elapsed(now, timedelta(minutes=minutes_ahead))
    line = used(_cooldown_clearing_at(clears, renewal_day), now, data=90_000)
    verdict = check_restart(line, now)
    if verdict.eligible_from is None or verdict.eligible:
        return
    renewal = dates.next_renewal(renewal_day, line.renewal_time, now)
    assert dates.elapsed(verdict.eligible_from, renewal) >= timedelta(hours=48)
    assert check_restart(line, verdict.eligible_from).eligible


def test_restart_is_a_feature_of_the_operator_data():
    known = operators.load_all()
    assert [operator.id for operator in known if "restart" in operator.features] == ["kena"]
    offers = {operator.id: (operator.name, operator.features) for operator in known}
    require_feature("restart", "main", "kena", offers)
    with pytest.raises(KenactlError) as error:
        require_feature("restart", "nonna", "tim", offers)
    assert error.value.exit_code == 2
    assert error.value.message == "line 'nonna' (TIM): Restart exists only for Kena Mobile lines"


def test_apply_news_example_15th_to_10th():
    before = ready(NOW)
    after = apply_restart(before, NOW)
    assert after.renewal_day == 10 and after.credit == Decimal("2.01")
    assert after.history == (HistoryEntry("restart", NOW, Decimal("7.99"), 15, 10),)
    assert after.usage == (UsageSample(at=NOW),)
    assert consumption.current_period(after, NOW).start == NOW
    assert consumption.current_usage(after, at("2026-11-11T00:00")).data == 0
    assert [m.date().isoformat() for m in dates.renewals(after.renewal_day, after.renewal_time, NOW, 3)] == [
        "2026-12-10", "2027-01-10", "2027-02-10"]
    assert scheduled_after(after.history[0], after.renewal_time) == at("2026-12-10T00:00")


def test_apply_on_the_31st_clamps_in_short_months():
    moment = at("2027-01-31T18:00")
    after = apply_restart(ready(moment, renewal_day=15), moment)
    assert after.renewal_day == 31
    assert [m.date().isoformat() for m in dates.renewals(31, after.renewal_time, moment, 4)] == [
        "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"]


def test_apply_refuses_with_reasons_and_exit_1():
    with pytest.raises(KenactlError) as error:
        apply_restart(ready(NOW, credit=Decimal("7.98")), NOW)
    assert error.value.exit_code == 1 and "credit:" in error.value.message


def test_apply_earlier_in_the_day_than_the_renewal_time_moves_the_time():
    moment = at("2026-11-10T08:15:30")
    after = apply_restart(ready(moment, renewal_time=time(9, 30)), moment)
    assert after.renewal_time == time(8, 15)
    assert consumption.current_period(after, moment).end == at("2026-12-10T08:15")
    later = apply_restart(ready(NOW, renewal_time=time(6, 0)), NOW)
    assert later.renewal_time == time(6, 0)


def test_apply_before_a_recorded_entry_is_refused():
    line = ready(NOW, history=(restart_entry(at("2026-11-12T09:00"), before=15),))
    with pytest.raises(KenactlError) as error:
        apply_restart(line, NOW)
    assert error.value.exit_code == 2


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["usage", "credit", "apply", "wait"]), st.integers(0, 100)),
                min_size=1, max_size=40))
def test_apply_never_succeeds_where_check_says_no(steps):
    """Random usage / credit / check / apply sequences over about a year."""
    line, now = kena(credit=Decimal("5.00")), at("2026-01-03T08:00")
    restarts = 0
    for action, value in steps:
        now = dates.add_elapsed(now, timedelta(hours=7 + value * 2))
        if action == "usage":
            line = replace(line, usage=(*line.usage, UsageSample(at=now, data=value * 1000)))
        elif action == "credit":
            line = replace(line, credit=line.credit + Decimal(value) / 10)
        elif action == "apply":
            verdict = check_restart(line, now)
            try:
                line = apply_restart(line, now)
            except KenactlError as error:
                assert not verdict.eligible and error.exit_code == 1
            else:
                assert verdict.eligible
                restarts += 1
                assert line.renewal_day == now.day and line.history[-1].at == now
                assert not check_restart(line, now).eligible  # counters are back to zero
    assert restarts == sum(entry.kind == "restart" for entry in line.history)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 10_000), st.integers(1, 31), st.integers(1, 31)),
                max_size=12))
def test_restarts_in_a_folded_history_are_the_restart_entries_it_holds(rows):
    """A folded line's history gives its Restarts without building its renewals: the same entries, in order, as
    reading every entry (the oracle), and as a stored history (a tuple) of those entries gives."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    history = RenewalHistory(tuple((start + timedelta(hours=offset), kind, "renewed", Decimal("7.99"), Decimal(0),
                                    Decimal("7.99"), False, before, after)
                                   for kind, offset, before, after in sorted(rows, key=lambda row: row[1])))
    expected = [entry for entry in tuple(history) if entry.kind == "restart"]
    assert restarts_in(history) == expected
    assert restarts_in(tuple(history)) == expected


@settings(max_examples=200, deadline=None)
@given(included=st.tuples(*(st.one_of(st.none(), st.integers(0, 100_000)) for _ in ALLOWANCE_KINDS)),
       share=st.tuples(*(st.one_of(st.integers(0, 120), st.integers(79, 81)) for _ in ALLOWANCE_KINDS)),
       credit=st.one_of(st.integers(0, 2000), st.integers(799, 2000)), hours_ago=st.integers(0, 24 * 20),
       renewal_day=st.integers(1, 31), restarted_days_ago=st.integers(0, 60))
def test_status_offers_a_restart_exactly_when_the_rules_allow_it(included, share, credit, hours_ago, renewal_day,
                                                                restarted_days_ago):
    """``status`` skips the Restart rules when no allowance has reached 80%: the answer is the rules' own."""
    from kenactl.core.status import line_status

    allowances = Allowances(**dict(zip(ALLOWANCE_KINDS, included, strict=True)))
    counters = {kind: (amount or 0) * percent // 100 for kind, amount, percent in zip(ALLOWANCE_KINDS, included, share,
                                                                                       strict=True)}
    line = kena(renewal_day, included=allowances, credit=Decimal(credit) / 100)
    if restarted_days_ago < 30:
        line = replace(line, history=(restart_entry(NOW - timedelta(days=restarted_days_ago), before=renewal_day),))
    line = used(line, NOW - timedelta(hours=hours_ago), **counters)
    verdict = check_restart(line, NOW)
    expected = dates.add_elapsed(verdict.next_renewal, -RENEWAL_WINDOW) \
        if line.credit >= line.price and verdict.eligible else None
    status = line_status(Profile(lines={line.name: line}, default_line=line.name), line, NOW, restart_offered=True)
    assert status.restart_until == expected


@settings(max_examples=200, deadline=None)
@given(share=st.one_of(st.integers(0, 120), st.integers(79, 81)), credit=st.one_of(st.integers(0, 2000),
                                                                                st.integers(799, 2000)),
       hours_ago=st.integers(0, 24 * 20), renewal_day=st.integers(1, 31),
       restarts_ago=st.lists(st.integers(0, 24 * 70), max_size=3), pending=st.booleans())
def test_waiting_can_allow_a_restart_only_when_a_time_rule_fails(share, credit, hours_ago, renewal_day, restarts_ago,
                                                                pending):
    """The reminders ask ``time_rule_fails`` before the six rules: when it says no, the rules announce no later
    moment (allowed now, or not by waiting), and when a moment is announced it says yes."""
    from kenactl.core.restart import time_rule_fails

    history = tuple(restart_entry(NOW - timedelta(hours=hours), before=renewal_day)
                    for hours in sorted(set(restarts_ago), reverse=True))
    line = kena(renewal_day, credit=Decimal(credit) / 100, history=history, pending_offer_change=pending)
    line = used(line, NOW - timedelta(hours=hours_ago), data=100_000 * share // 100)
    verdict = check_restart(line, NOW)
    waiting_helps = not verdict.eligible and verdict.eligible_from is not None
    assert time_rule_fails(line, NOW) == any(not verdict.check(rule).ok for rule in ("cooldown", "consecutive"))
    assert waiting_helps <= time_rule_fails(line, NOW)
