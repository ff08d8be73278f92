"""One consistent interface: amounts that must be positive, TOML values as written, messages that name things."""

from datetime import time
from decimal import Decimal

import pytest

from helpers import KENA_INIT, assert_refused, edit, snapshot
from kenactl import store

TIM_ADD = ("line", "add", "nonna", "--operator", "tim", "--offer", "TIM Smart", "--price", "9.99",
           "--renewal-day", "5", "--data", "10GB", "--minutes", "500", "--sms", "unlimited", "--credit", "4.50")


# amounts ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "needles"), [
    (("credit", "topup", "-5"), ["'EUR'", "the amount must be positive (more than 0.00 €), not -5.00 €"]),
    (("credit", "topup", "--line", "main", "-0.01"), ["the amount must be positive", "not -0.01 €"]),
    (("charges", "add", "x", "-2"), ["'EUR'", "the amount must be positive (more than 0.00 €), not -2.00 €"]),
    (("charges", "add", "x", "0"), ["the amount must be positive", "not 0.00 €"]),
    (("credit", "topup", "100000"), ["100000.00 € is more than 1000.00 €, the most kenactl accepts for one top-up"]),
    (("credit", "topup", "1000.01"), ["1000.01 € is more than 1000.00 €"]),
])
def test_amounts_that_must_be_positive_and_plausible(run, kena_profile, args, needles):
    before = snapshot(kena_profile.parent)
    assert_refused(run(*args), *needles)
    assert snapshot(kena_profile.parent) == before


def test_the_largest_top_up_is_accepted(run, kena_profile):
    result = run("credit", "topup", "1000")
    assert result.exit_code == 0, result.stderr
    assert store.load(kena_profile).line().credit == Decimal("1010.00")


def test_negative_amount_in_italian(run, kena_profile):
    assert_refused(run("--lang", "it", "credit", "topup", "-5"), "l'importo deve essere positivo (più di 0,00 €)")


# TOML values as the user wrote them ----------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "needle"), [
    ("renewal_day = 15", "renewal_day = 2026-11-12", "lines.main.renewal_day: expected a whole number, "
                                                     "got a date 2026-11-12"),
    ("renewal_day = 15", "renewal_day = 15.0", "lines.main.renewal_day: expected a whole number, "
                                               "got a decimal number 15.0"),
    ("renewal_day = 15", "renewal_day = 07:30:00", "got a time 07:30:00"),
    ('offer = "Kena 7.99"', "offer = 1979-05-27T07:32:00Z", "lines.main.offer: expected text, "
                                                             "got a date-time 1979-05-27T07:32:00+00:00"),
    ("renewal_day = 15", 'renewal_day = "quindici"', 'got text "quindici"'),
    ("pending_offer_change = false", "pending_offer_change = 100.0", "got a decimal number 100.0"),
    ('renewal_time = "00:00"', "renewal_time = 00:30:15", "lines.main.renewal_time: 00:30:15 is not a whole minute"),
    ('renewal_time = "00:00"', "renewal_time = 2026-11-12", "lines.main.renewal_time: expected a time such as "
                                                            "00:30, got a date 2026-11-12"),
])
def test_validation_names_the_toml_type_and_value(run, kena_profile, old, new, needle):
    edit(kena_profile, old, new)
    before = snapshot(kena_profile.parent)
    result = run("status")
    assert_refused(result, needle)
    assert "datetime." not in result.stderr and "Decimal(" not in result.stderr
    assert snapshot(kena_profile.parent) == before


def test_a_bare_toml_time_is_a_renewal_time(run, kena_profile):
    edit(kena_profile, 'renewal_time = "00:00"', "renewal_time = 00:30:00")
    assert store.load(kena_profile).line().renewal_time == time(0, 30)
    result = run("--at", "2026-11-20T10:00", "status")
    assert result.exit_code == 0, result.stderr
    assert "Tue 15 Dec 2026 00:30" in result.stdout
