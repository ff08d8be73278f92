"""Exact money and allowance amounts: parsing user text, formatting, and round trips."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kenactl import i18n
from kenactl.core import units
from kenactl.core.money import format_money, parse_money
from kenactl.core.units import canonical_data, format_data, parse_count, parse_data
from kenactl.errors import InputError

CENTS = st.integers(min_value=-10**9, max_value=10**9)


def cents_text(cents: int, comma: bool) -> str:
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole}{',' if comma else '.'}{rest:02d}"


@pytest.mark.parametrize(("text", "expected"), [
    ("7.99", "7.99"), ("7,99", "7.99"), ("7,99 €", "7.99"), ("€ 7,99", "7.99"), ("7.99€", "7.99"),
    ("7.99 EUR", "7.99"), ("7 euro", "7.00"), (" 10 ", "10.00"), ("0", "0.00"), ("7.5", "7.50"), ("+5", "5.00"),
])
def test_parse_money_accepts_dot_comma_and_euro_sign(text, expected):
    value = parse_money(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)
    assert str(value) == expected  # always two decimals


def test_parse_money_negatives_only_when_allowed():
    assert parse_money("-2.50", allow_negative=True) == Decimal("-2.50")
    assert parse_money("-2,5 €", allow_negative=True) == Decimal("-2.50")
    with pytest.raises(InputError, match=r"^price: -2\.50 € is negative; it must be 0 or more$"):
        parse_money("-2.50", field="price")
    with pytest.raises(InputError, match="negative"):
        parse_money(Decimal("-1"))


@pytest.mark.parametrize("text", ["7.999", "7,999", "0.001", "-1.001", "7.999 €"])
def test_parse_money_refuses_three_decimals(text):
    with pytest.raises(InputError, match="more than two decimals"):
        parse_money(text, field="price", allow_negative=True)


@pytest.mark.parametrize("text", ["", "abc", "7.", ".99", "1.000,00", "1e3", "nan", "inf", "7,99,1", "7 99",
                                  "--2", "$7.99"])
def test_parse_money_refuses_junk_naming_the_field(text):
    with pytest.raises(InputError) as error:
        parse_money(text, field="price", allow_negative=True)
    assert error.value.message.startswith("price: ")
    assert repr(text) in error.value.message


def test_parse_money_refuses_binary_floats_but_takes_decimal_and_int():
    with pytest.raises(InputError, match="binary float"):
        parse_money(7.99)  # type: ignore[arg-type]
    assert parse_money(Decimal("7.9")) == Decimal("7.90")
    assert parse_money(8) == Decimal("8.00")
    for bad in (Decimal("7.999"), Decimal("NaN"), Decimal("Infinity")):
        with pytest.raises(InputError, match="at most two decimals"):
            parse_money(bad)


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("7.99"), "7.99"), (Decimal("-2"), "-2.00"), (Decimal("0"), "0.00"), (Decimal("-0"), "0.00"),
    (Decimal("-0.00"), "0.00"), (Decimal("-0.004"), "0.00"), (Decimal("0.005"), "0.01"), (Decimal("-0.005"), "-0.01"),
    (Decimal("1234567.8"), "1234567.80"),
])
def test_format_money_two_decimals_and_never_minus_zero(value, text):
    assert format_money(value) == text
    assert i18n.money(value) == f"{text} €"


@given(st.lists(st.tuples(CENTS, st.booleans()), max_size=40))
def test_sums_of_parsed_amounts_are_exact(items):
    parsed = [parse_money(cents_text(cents, comma), allow_negative=True) for cents, comma in items]
    total = sum(parsed, Decimal("0.00"))
    assert total == Decimal(sum(cents for cents, _ in items)) / 100
    assert format_money(total) == cents_text(sum(cents for cents, _ in items), comma=False)


@given(CENTS)
def test_parse_and_format_money_round_trip(cents):
    text = cents_text(cents, comma=False)
    assert format_money(parse_money(text, allow_negative=True)) == text


def test_ten_times_ten_cents_is_exactly_one_euro():
    assert sum([parse_money("0,10")] * 10, Decimal(0)) == Decimal("1.00")
    assert sum([0.1] * 10) != 1.0  # what binary floats would have done


@pytest.mark.parametrize(("text", "mb"), [
    ("800MB", 800), ("800 mb", 800), ("12.5GB", 12500), ("1,5 GB", 1500), ("100GB", 100000), ("100 gb", 100000),
    ("5G", 5000), ("2 giga", 2000), ("0", 0), ("0GB", 0), ("1.2345GB", 1235), ("0.5MB", 1), ("0.4MB", 0),
    (250, 250),
])
def test_parse_data_amounts_in_whole_mb(text, mb):
    assert parse_data(text) == mb


@pytest.mark.parametrize("text", ["unlimited", "Unlimited", " UNLIMITED ", "illimitati", "∞"])
def test_parse_data_unlimited_is_none(text):
    assert parse_data(text) is None


def test_parse_data_unlimited_refused_for_amounts_used():
    with pytest.raises(InputError, match="'unlimited' is not an amount used"):
        parse_data("unlimited", allow_unlimited=False)


def test_parse_data_needs_a_unit():
    with pytest.raises(InputError, match=r"^data: '100' needs a unit: MB or GB \(e\.g\. 100GB\)$"):
        parse_data("100")


@pytest.mark.parametrize(("text", "unit"), [("100TB", "TB"), ("5 kb", "kb"), ("3 mega", "mega"), ("1,5 GiB", "GiB")])
def test_parse_data_names_an_unknown_unit(text, unit):
    with pytest.raises(InputError) as error:
        parse_data(text, field="--data")
    assert error.value.message.startswith(f"--data: unknown unit {unit!r}")
    assert "MB or GB" in error.value.message


@pytest.mark.parametrize("text", ["", "GB", "-5GB", "abc", "12.5.1GB", "1e3MB", "five GB", "12,GB"])
def test_parse_data_refuses_junk(text):
    with pytest.raises(InputError, match=r"^data: .* is not a data amount"):
        parse_data(text)
    with pytest.raises(InputError):
        parse_data(-5)


@pytest.mark.parametrize(("text", "value"), [("0", 0), (" 120 ", 120), ("unlimited", None), ("Illimitati", None),
                                             (30, 30)])
def test_parse_count(text, value):
    assert parse_count(text, field="--minutes") == value


@pytest.mark.parametrize("text", ["-1", "1.5", "abc", "", "²", "١٢", "1e3", "10 min"])
def test_parse_count_refuses_what_is_not_a_whole_number(text):
    with pytest.raises(InputError) as error:
        parse_count(text, field="--minutes")
    assert error.value.message.startswith("--minutes: ")
    assert "or unlimited" in error.value.message or "negative" in error.value.message


def test_parse_count_unlimited_refused_for_amounts_used():
    with pytest.raises(InputError, match="not an amount used"):
        parse_count("unlimited", field="--sms", allow_unlimited=False)
    with pytest.raises(InputError, match="is negative"):
        parse_count(-3, field="--sms")


@given(st.integers(min_value=0, max_value=10**12))
def test_canonical_data_round_trips(mb):
    text = canonical_data(mb)
    assert parse_data(text) == mb
    assert text.endswith("MB") if mb < 1000 else text.endswith("GB")


def test_canonical_and_human_data_spellings():
    assert canonical_data(None) == "unlimited"
    assert canonical_data(0) == "0MB"
    assert canonical_data(800) == "800MB"
    assert canonical_data(1000) == "1GB"
    assert canonical_data(12345) == "12.345GB"
    assert canonical_data(1_000_000) == "1000GB"
    assert format_data(None) == "unlimited"
    assert format_data(800) == "800 MB"
    assert format_data(12500) == "12.5 GB"
    assert format_data(100000) == "100 GB"
    assert format_data(12345) == "12.35 GB"
    assert units.MB_PER_GB == 1000


@pytest.mark.parametrize("text", ["1000000000", "99999999999999999999999999999999", "-1e40"])
def test_parse_money_refuses_absurd_amounts(text):
    with pytest.raises(InputError, match="too large|not an amount"):
        parse_money(text, field="price", allow_negative=True)
    assert parse_money("999999999.99") == Decimal("999999999.99")
    with pytest.raises(InputError, match="too large"):
        parse_money(Decimal("1E+40"))


def test_parse_count_refuses_absurd_counts():
    assert parse_count(str(units.MAX_COUNT), field="--minutes") == units.MAX_COUNT
    with pytest.raises(InputError, match=r"^--minutes: 1000000001 is too large \(at most 1000000000\)$"):
        parse_count("1000000001", field="--minutes")


@given(st.one_of(st.text(max_size=30), st.from_regex(r"\A\s*[+-]?\d{0,40}([.,]\d{0,5})?\s*(€|eur|GB|MB|g)?\s*\Z")))
def test_parsers_either_parse_or_raise_input_error(text):
    """Whatever a user types, the answer is a value or a clear InputError, never a crash."""
    for parse in (lambda t: parse_money(t, allow_negative=True), parse_data,
                  lambda t: parse_count(t, field="n")):
        try:
            value = parse(text)
        except InputError as error:
            assert error.message and "\n" not in error.message
        else:
            assert value is None or value == value  # a real value (not NaN)
