"""The hand-written parsers of amounts, data sizes, durations and times of day against the regular
expressions they replace (kept here as the oracles): the same texts accepted, with the same values,
and the same refusals with the same messages. Also the readings block check against its earlier form."""

import re
import sys
from datetime import datetime, time, timedelta
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kenactl import schema
from kenactl.core import dates, money, readings, units
from kenactl.core.units import CASELESS
from kenactl.errors import InputError
from kenactl.text import Money, Msg

MONEY = r"(?i)^\s*([+-]?)\s*(?:€\s*)?(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur|euro)?\s*$"
TOO_PRECISE = r"(?i)^\s*[+-]?\s*(?:€\s*)?\d+[.,]\d{3,}\s*(?:€|eur|euro)?\s*$"
DATA = r"(?i)^\s*(\d+(?:[.,]\d+)?)\s*(mb|gb|g|giga)?\s*$"
OTHER_UNIT = r"(?i)^\s*\d+(?:[.,]\d+)?\s*([a-z]+)\s*$"
TIME = r"^([01]?\d|2[0-3]):([0-5]\d)$"
DURATION = r"(?i)^\s*(\d{1,5})\s*(d|h|m|w)\s*$"
FACTORS = {"mb": 1, "gb": 1000, "g": 1000, "giga": 1000}

# The characters where the parsers could go wrong: ASCII and other digits, spaces of several kinds,
# marks, signs, the letters of the units in both cases, and the letters a caseless [a-z] also matches.
TRICKY = "0123456789٣٠𝟗 \t\n\u00a0\u2003\x1c.,:+-€$eEuUrRoOmMbBgGiIaAdDhHwWxXkKsS\u0130\u0131\u017f\u212a"
TEXTS = st.one_of(st.text(alphabet=TRICKY, max_size=12), st.text(max_size=8))


def outcome(parse, text):
    """The value (with its exact digits), or the refusal's message."""
    try:
        value = parse(text)
    except InputError as error:
        return ("refused", str(error.message))
    return (type(value), str(value))


def money_oracle(text, allow_negative):
    match = re.match(MONEY, text)
    if not match and re.match(TOO_PRECISE, text):
        raise InputError("price", f"{text!r} has more than two decimals; euros have cents (e.g. 7.99)")
    if not match:
        raise InputError("price", f"{text!r} is not an amount in euros (examples: 7.99, 7,99, 10)")
    sign, digits = match.groups()
    value = Decimal(sign + digits.replace(",", "."))
    money._check_size(value, "price")
    if value < 0 and not allow_negative:
        raise InputError("price", Msg("{amount} is negative; it must be 0 or more", amount=Money(value)))
    return value.quantize(Decimal("0.01"))


@settings(max_examples=600)
@given(TEXTS, st.booleans())
@example("€ -7,99", True)
@example("- € 7,99 EURO", True)
@example("7.999", False)
@example("٣,٠ eur", False)
def test_parse_money_matches_its_regular_expression(text, allow_negative):
    expected = outcome(lambda value: money_oracle(value, allow_negative), text)
    assert outcome(lambda value: money.parse_money(value, field="price", allow_negative=allow_negative),
                   text) == expected


def data_oracle(text):
    raw = text.strip()
    if raw.lower() in units._UNLIMITED_WORDS:
        return None
    match = re.match(DATA, raw)
    other = None if match else re.match(OTHER_UNIT, raw)
    if other:
        raise InputError("data", f"unknown unit {other.group(1)!r} in {raw!r}; use MB or GB (e.g. 800MB, 12.5GB)")
    if not match:
        raise InputError("data", f"{raw!r} is not a data amount (examples: 800MB, 12.5GB, 1,5 GB, unlimited)")
    number, unit = match.groups()
    if unit is None and Decimal(number.replace(",", ".")) != 0:
        raise InputError("data", f"{raw!r} needs a unit: MB or GB (e.g. {number}GB)")
    amount = Decimal(number.replace(",", ".")) * FACTORS[(unit or "mb").translate(CASELESS).lower()]
    if amount > units.MAX_DATA:
        raise InputError("data", f"{raw!r} is too large (at most 1000000000GB)")
    return int(amount.quantize(Decimal(1), rounding="ROUND_HALF_UP"))


@settings(max_examples=600)
@given(TEXTS)
@example("1,5 GB")
@example("12gİga")
@example("3 ſ")
@example("0")
@example("2.x")
def test_parse_data_matches_its_regular_expressions(text):
    assert outcome(lambda value: units.parse_data(value, field="data"), text) == outcome(data_oracle, text)


def time_oracle(text):
    match = re.match(TIME, text.strip())
    if not match:
        raise InputError("renewal time", f"{text!r} is not a time of day HH:MM (e.g. 00:00 or 09:30)")
    return time(int(match.group(1)), int(match.group(2)))


@settings(max_examples=300)
@given(st.one_of(TEXTS, st.from_regex(r"\s*[0-2٣]?[0-9٣]:[0-6][0-9٣]\s*", fullmatch=True)))
@example("9:30")
@example("1٣:05")
@example("2٣:05")
@example("24:00")
@example("23:59\n")
def test_parse_time_of_day_matches_its_regular_expression(text):
    assert outcome(dates.parse_time_of_day, text) == outcome(time_oracle, text)


def duration_oracle(text):
    match = re.match(DURATION, text)
    if not match:
        raise InputError("--alarm", f"{text!r} is not a duration (examples: 3d, 12h, 2w)")
    return timedelta(**{dates._DURATION_UNITS[match.group(2).lower()]: int(match.group(1))})


@settings(max_examples=300)
@given(st.one_of(TEXTS, st.from_regex(r"\s*[0-9٣]{0,6}\s*[dDhHmMwWx]?\s*", fullmatch=True)))
@example(" 2 D ")
@example("123456d")
@example("٣w")
def test_parse_duration_matches_its_regular_expression(text):
    assert outcome(lambda value: dates.parse_duration(value, field="--alarm"), text) == outcome(duration_oracle, text)


def test_caseless_letters_are_the_ones_a_caseless_pattern_matches():
    """A caseless [a-z] matches A-Z, a-z and the letters CASELESS maps, each to the letter it folds to; no
    unit of money (eur, euro) or of durations (d, h, m, w) is one of those letters, so ASCII case is theirs."""
    letters = re.compile("(?i)[a-z]")
    matched = {chr(code) for code in range(sys.maxunicode + 1) if letters.fullmatch(chr(code))}
    extra = {chr(code) for code in CASELESS}
    assert matched == set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") | extra
    assert all(re.fullmatch(f"(?i){letter.translate(CASELESS)}", letter) for letter in extra)
    assert not set("eurodhmw") & {letter.translate(CASELESS) for letter in extra}


READINGS_ROWS = (r"(?:(?:19|2\d)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ"
                 r" \d{1,12} \d{1,12} \d{1,12}\n)*")
AMOUNT_ROW = r"((?:19|2\d)\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ) (-?\d{1,9}\.\d\d)"
AMOUNT_BLOCK = rf"(?:{AMOUNT_ROW}\n)*"


def valid_block_oracle(text):
    """The readings check as it was: every row's day through fromisoformat when it is past the 28th."""
    if re.fullmatch(READINGS_ROWS, text) is None:
        return None
    rows = text.splitlines()
    if rows != sorted(rows):
        return None
    try:
        for row in rows:
            if row[8:10] > "28":
                datetime.fromisoformat(row[:19])
    except ValueError:
        return None
    return rows


READING = st.builds("{}-{}-{}T{}:{}:{}Z {} {} {}\n".format, st.sampled_from(["2024", "2025", "1999", "2٠24"]),
                    st.sampled_from(["01", "02", "04", "11", "12", "13"]),
                    st.sampled_from(["01", "09", "15", "28", "29", "30", "31", "1٩", "2٩", "32"]),
                    st.sampled_from(["00", "19", "23"]), st.sampled_from(["00", "59"]), st.sampled_from(["00", "3٠"]),
                    *[st.sampled_from(["0", "12500", "٣"])] * 3)


@settings(max_examples=400)
@given(st.lists(READING, max_size=5).map("".join))
def test_readings_rows_match_the_check_they_replace(text):
    assert readings.valid_rows(text) == valid_block_oracle(text)


AMOUNT_LINE = st.builds("{}-{}-{}T{}:{}:{}Z {}{}.{}{}".format, st.sampled_from(["2024", "1999", "2٠24", "1899"]),
                        *[st.sampled_from(["01", "31", "٣1"])] * 5, st.sampled_from(["", "-", "--"]),
                        st.sampled_from(["0", "12", "123456789", "1234567890", "٣"]),
                        st.sampled_from(["00", "0", "٣٣"]),
                        st.sampled_from(["\n", "\n", " \n", "\n\n"]))


@settings(max_examples=400)
@given(st.lists(AMOUNT_LINE, max_size=4).map("".join))
def test_amount_blocks_match_the_pattern_they_replace(text):
    assert schema._amount_block(text) == (re.fullmatch(AMOUNT_BLOCK, text) is not None)
    for row in text.split("\n"):
        new, old = re.fullmatch(schema._AMOUNT_ROW, row), re.fullmatch(AMOUNT_ROW, row)
        assert (new and new.groups()) == (old and old.groups())


@settings(max_examples=1000)
@given(st.lists(AMOUNT_LINE | st.text(alphabet=st.sampled_from("0129-:TZ. \n٣") | st.characters(), max_size=30),
                max_size=4).map("".join))
def test_amount_blocks_of_any_text_match_the_pattern_they_replace(text):
    assert schema._amount_block(text) == (re.fullmatch(AMOUNT_BLOCK, text) is not None)


@given(st.text(alphabet=st.characters(), max_size=20))
def test_digits_are_what_a_pattern_calls_digits(text):
    assert schema._digits_as_zero(text) == re.sub(r"\d", "0", text)
