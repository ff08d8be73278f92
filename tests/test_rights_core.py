"""core.rights, core.workdays and the charter data: each rule at its boundaries."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kenactl.core import complaints, dates, rights, workdays
from kenactl.core.features import require_feature
from kenactl.core.model import Allowances, Complaint, Line
from kenactl.errors import InputError
from kenactl.knowledge import charters, holidays, operators
from kenactl.knowledge.charters import CharterError, loader

TIM = charters.load("tim-2022")
NOVERCA = charters.load("noverca")
EDITIONS = charters.editions()


def comp(case, first, last, today=date(2026, 12, 31), charter=TIM, noticed=None):
    return rights.compensation(case, first, last, today, charter, "option", noticed)


# --- working days -------------------------------------------------------------------------------

def test_national_holidays_include_easter_monday_25_april_and_4_october_from_2026():
    assert holidays.holiday_name(date(2026, 4, 6)) == "Easter Monday"
    assert holidays.holiday_name(date(2026, 4, 25)) == "Liberation Day"
    assert holidays.holiday_name(date(2026, 10, 4)) is not None
    assert holidays.holiday_name(date(2025, 10, 4)) is None  # San Francesco is a holiday from 2026 only
    assert holidays.holiday_name(date(2027, 10, 4)) is not None


def test_working_days_skip_weekends_and_holidays_feriali_keep_saturdays():
    assert workdays.count_days(date(2025, 12, 1), date(2025, 12, 31), "lavorativi", holidays.holiday_name).days == 20
    april = workdays.count_days(date(2026, 4, 1), date(2026, 4, 30), "lavorativi", holidays.holiday_name)
    assert april.days == 21 and [d for d, _ in april.holidays] == [date(2026, 4, 6)]  # 25 Apr is a Saturday
    feriali = workdays.count_days(date(2026, 4, 1), date(2026, 4, 30), "feriali", holidays.holiday_name)
    assert feriali.days == 24 and [d for d, _ in feriali.holidays] == [date(2026, 4, 6), date(2026, 4, 25)]
    assert workdays.count_days(date(2026, 4, 2), date(2026, 4, 1), "lavorativi", holidays.holiday_name).days == 0


def test_add_days_skips_holidays():
    holiday = holidays.holiday_name
    assert workdays.add_days(date(2026, 4, 3), 1, "lavorativi", holiday) == date(2026, 4, 7)  # over Easter Monday
    assert workdays.add_days(date(2026, 4, 24), 1, "feriali", holiday) == date(2026, 4, 27)  # over 25 April (Sat)


# --- §15 indennizzi -------------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["activation", "credit-renewal", "suspension", "malfunction", "unrequested"])
def test_two_working_days_are_not_due_three_are(case):
    two = comp(case, date(2026, 3, 2), date(2026, 3, 3))  # Mon-Tue
    three = comp(case, date(2026, 3, 2), date(2026, 3, 4))  # Mon-Wed
    assert (two.count.days, two.amount, two.due) == (2, Decimal("0.00"), False)
    assert (three.count.days, three.amount, three.due) == (3, Decimal("6.00"), True)


def test_a_weekend_does_not_count():
    result = comp("malfunction", date(2026, 3, 6), date(2026, 3, 9))  # Fri-Mon
    assert result.count.days == 2 and result.amount == 0


@pytest.mark.parametrize("case", ["activation", "malfunction"])
def test_cap_60(case):
    thirty = comp(case, date(2026, 9, 7), date(2026, 10, 16))  # six Mon-Fri weeks
    thirty_one = comp(case, date(2026, 9, 7), date(2026, 10, 19))
    assert (thirty.count.days, thirty.amount, thirty.capped) == (30, Decimal("60.00"), False)
    assert (thirty_one.count.days, thirty_one.amount, thirty_one.capped) == (31, Decimal("60.00"), True)


def test_mnp_rate_and_cap_50():
    assert comp("mnp", date(2026, 3, 2), date(2026, 3, 3)).amount == 0
    assert comp("mnp", date(2026, 3, 2), date(2026, 3, 4)).amount == Decimal("7.50")
    twenty = comp("mnp", date(2026, 9, 7), date(2026, 10, 2))  # four Mon-Fri weeks
    twenty_one = comp("mnp", date(2026, 9, 7), date(2026, 10, 5))
    assert (twenty.count.days, twenty.amount, twenty.capped) == (20, Decimal("50.00"), False)
    assert (twenty_one.count.days, twenty_one.amount, twenty_one.capped) == (21, Decimal("50.00"), True)
    assert twenty.rate.section == "§15.2" and twenty.payment_within_days is None


def test_easter_monday_2026_makes_a_three_day_span_two_working_days():
    result = comp("suspension", date(2026, 4, 3), date(2026, 4, 7))  # Fri, (Sat, Sun, Easter Mon), Tue
    assert result.count.days == 2 and result.amount == 0
    assert result.count.holidays == ((date(2026, 4, 6), "Easter Monday"),)
    assert comp("suspension", date(2026, 4, 3), date(2026, 4, 8)).amount == Decimal("6.00")


def test_25_april_and_4_october_2026_fall_on_weekends_and_4_october_2027_does_not():
    april = comp("malfunction", date(2026, 4, 23), date(2026, 4, 27))  # Thu, Fri, (Sat 25 Apr, Sun), Mon
    assert april.count.days == 3 and april.count.holidays == ()
    october = comp("malfunction", date(2026, 10, 2), date(2026, 10, 6))  # Fri, (Sat, Sun 4 Oct), Mon, Tue
    assert october.count.days == 3
    in_2027 = comp("malfunction", date(2027, 10, 1), date(2027, 10, 5), today=date(2027, 12, 1))
    assert in_2027.count.days == 2 and in_2027.amount == 0 and in_2027.count.holidays[0][0] == date(2027, 10, 4)


def test_report_deadline_three_months_with_month_end_clamping():
    result = comp("malfunction", date(2026, 11, 30), date(2026, 12, 4), today=date(2027, 2, 28))
    assert result.report_by == date(2027, 2, 28) and not result.report_deadline_passed
    late = comp("malfunction", date(2026, 11, 30), date(2026, 12, 4), today=date(2027, 3, 1))
    assert late.report_deadline_passed
    noticed = comp("malfunction", date(2026, 11, 30), date(2026, 12, 4), noticed=date(2026, 12, 2))
    assert noticed.report_by == date(2027, 3, 2)


def test_payment_terms_differ_between_editions():
    tim = comp("malfunction", date(2026, 3, 2), date(2026, 3, 6))
    noverca = comp("malfunction", date(2026, 3, 2), date(2026, 3, 6), charter=NOVERCA)
    assert (tim.payment_within_days, noverca.payment_within_days) == (60, 90)
    assert noverca.report_by is None and noverca.amount == tim.amount == Decimal("10.00")


def test_noverca_has_no_unrequested_case():
    with pytest.raises(InputError, match="'unrequested' is not in the Noverca ed. §15"):
        comp("unrequested", date(2026, 3, 2), date(2026, 3, 6), charter=NOVERCA)


def test_edition_chosen_by_date():
    assert charters.for_date(date(2022, 11, 30)).id == "noverca"
    assert charters.for_date(date(2022, 12, 1)).id == "tim-2022"
    assert charters.choose("noverca", date(2026, 1, 1)) == (NOVERCA, "option")
    assert charters.choose(None, date(2020, 1, 1)) == (NOVERCA, "date")


@pytest.mark.parametrize("first, last, message", [
    (date(2026, 3, 5), date(2026, 3, 4), "--to: 2026-03-04 is before --from"),
    (date(2027, 1, 5), date(2027, 1, 6), "--from: 2027-01-05 is after today"),
    (date(2026, 12, 30), date(2027, 1, 6), "--to: 2027-01-06 is after today"),
])
def test_bad_ranges(first, last, message):
    with pytest.raises(InputError, match=message):
        comp("malfunction", first, last)


# --- §14 complaints -------------------------------------------------------------------------------

def complaint(filed, closed=None):
    return Complaint(id=1, filed=filed, subject="", line="main", closed=closed)


def test_reply_due_45_calendar_days_exactly_vs_46():
    filed = date(2026, 1, 10)
    assert complaints.complaint_reply_due(complaint(filed), EDITIONS) == date(2026, 2, 24)
    on_time = complaints.complaint_status(complaint(filed, date(2026, 2, 24)), date(2026, 6, 1), EDITIONS)
    late = complaints.complaint_status(complaint(filed, date(2026, 2, 25)), date(2026, 6, 1), EDITIONS)
    assert (on_time.state, on_time.days_late, on_time.amount) == ("answered", 0, Decimal("0.00"))
    assert (late.state, late.days_late, late.amount) == ("answered-late", 1, Decimal("0.00"))
    assert complaints.complaint_status(complaint(filed), date(2026, 2, 24), EDITIONS).state == "open"
    assert complaints.complaint_status(complaint(filed), date(2026, 2, 25), EDITIONS).state == "open-late"


@pytest.mark.parametrize("today, days_late, owed", [
    (date(2026, 7, 21), 4, "0.00"),   # due Thu 16 Jul; Fri, Sat, Mon, Tue
    (date(2026, 7, 22), 5, "2.00"),
    (date(2026, 7, 26), 8, "2.00"),   # Sunday: not a giorno feriale
    (date(2026, 7, 27), 9, "2.00"),
    (date(2026, 7, 28), 10, "4.00"),
])
def test_two_euros_per_five_giorni_feriali(today, days_late, owed):
    status = complaints.complaint_status(complaint(date(2026, 6, 1)), today, EDITIONS)
    assert (status.days_late, status.amount) == (days_late, Decimal(owed))


def test_next_increase_and_cap():
    status = complaints.complaint_status(complaint(date(2026, 6, 1)), date(2026, 7, 22), EDITIONS)
    assert status.next_increase == date(2026, 7, 28)
    capped = complaints.complaint_status(complaint(date(2025, 1, 1)), date(2026, 6, 1), EDITIONS)
    assert (capped.amount, capped.at_cap, capped.next_increase) == (Decimal("60.00"), True, None)


@pytest.mark.parametrize("filed, before, after", [
    (date(2026, 2, 15), date(2026, 4, 7), date(2026, 4, 8)),      # due 1 Apr; Easter Monday 6 Apr skipped
    (date(2026, 3, 6), date(2026, 4, 26), date(2026, 4, 27)),     # due 20 Apr; Saturday 25 April skipped
    (date(2027, 8, 15), date(2027, 10, 5), date(2027, 10, 6)),    # due 29 Sep; Monday 4 October skipped
])
def test_complaint_delay_spanning_holidays(filed, before, after):
    assert complaints.complaint_status(complaint(filed), before, EDITIONS).days_late == 4
    assert complaints.complaint_status(complaint(filed), before, EDITIONS).amount == 0
    assert complaints.complaint_status(complaint(filed), after, EDITIONS).amount == Decimal("2.00")


def test_complaint_edition_by_filing_date_and_payment_terms():
    old = complaints.complaint_status(complaint(date(2022, 11, 30)), date(2023, 1, 1), EDITIONS)
    new = complaints.complaint_status(complaint(date(2022, 12, 1)), date(2023, 1, 1), EDITIONS)
    assert (old.charter.id, old.charter.complaints.payment_within_days) == ("noverca", 90)
    assert (new.charter.id, new.charter.complaints.payment_within_days) == ("tim-2022", 60)


def test_add_and_close_complaints():
    today = date(2026, 5, 4)
    added = complaints.add_complaint((), date(2026, 5, 1), "x", "main", today)
    added = complaints.add_complaint(added, date(2026, 5, 2), "y", "main", today)
    assert [c.id for c in added] == [1, 2]
    closed = complaints.close_complaint(added, 2, date(2026, 5, 4), today)
    assert closed[1].closed == date(2026, 5, 4) and closed[0].closed is None
    with pytest.raises(InputError, match="after today"):
        complaints.add_complaint((), date(2026, 5, 5), "", "main", today)
    with pytest.raises(InputError, match="no complaint #3"):
        complaints.close_complaint(closed, 3, today, today)
    with pytest.raises(InputError, match="already closed"):
        complaints.close_complaint(closed, 2, today, today)
    with pytest.raises(InputError, match="before the complaint was filed"):
        complaints.close_complaint(closed, 1, date(2026, 4, 30), today)


# --- §11 residual credit --------------------------------------------------------------------------

def kena_line(credit, operator="kena"):
    return Line(name="main", operator=operator, offer="Kena", price=Decimal("7.99"), renewal_day=15,
                included=Allowances(100_000, None, 100), credit=Decimal(credit))


def test_leave_at_or_below_the_fee_only_the_transfer():
    five = rights.leave_advice(kena_line("5.00"), Decimal("0"), date(2026, 5, 4), TIM, "date")
    assert (five.eligible, five.refund, five.refund_by, five.better) == (Decimal("5.00"), None, None, "transfer")
    above = rights.leave_advice(kena_line("5.01"), Decimal("0"), date(2026, 5, 4), TIM, "date")
    assert (above.refund, above.better) == (Decimal("0.01"), "transfer")
    assert above.refund_by == date(2026, 7, 28)
    assert above.refund_by == workdays.add_days(date(2026, 5, 4), 60, "lavorativi", holidays.holiday_name)


def test_leave_excludes_bonus_and_handles_negative_credit():
    advice = rights.leave_advice(kena_line("12.40"), Decimal("2.00"), date(2026, 5, 4), TIM, "date")
    assert (advice.eligible, advice.refund) == (Decimal("10.40"), Decimal("5.40"))
    negative = rights.leave_advice(kena_line("-2.00"), Decimal("0"), date(2026, 5, 4), TIM, "date")
    assert (negative.eligible, negative.better) == (Decimal("0.00"), "nothing")
    with pytest.raises(InputError, match="more than the line's credit"):
        rights.leave_advice(kena_line("3.00"), Decimal("3.01"), date(2026, 5, 4), TIM, "date")
    with pytest.raises(InputError, match="'main' \\(TIM\\): the Carta dei Servizi rules kenactl knows are those "
                                         "of Kena Mobile"):
        require_feature("service-charter", "main", "tim",
                        {operator.id: (operator.name, operator.features) for operator in operators.load_all()})


# --- charter data -----------------------------------------------------------------------------------

def test_cli_choices_match_the_data():
    from kenactl.cli import rights as cli_rights
    from kenactl.core.charter import CASES

    assert cli_rights.CHARTER_IDS == charters.CHARTER_IDS and cli_rights.CASES == CASES


def test_broken_charter_data_is_named():
    good = (Path(charters.__file__).parent / "tim-2022.toml").read_text(encoding="utf-8")
    with pytest.raises(CharterError, match=r"x\.toml: compensation\.cap: missing"):
        loader.parse(good.replace('cap = "60.00"\nnot_due', "not_due", 1), "x.toml")
    with pytest.raises(CharterError, match="complaints.days: 'weekdays' is not one of"):
        loader.parse(good.replace('days = "feriali"', 'days = "weekdays"'), "x.toml")
    with pytest.raises(InputError, match="unknown charter 'tim-2019'"):
        charters.load("tim-2019")


def test_month_addition_clamps():
    assert dates.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert dates.add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
