"""``json_reader.loads`` reads what ``json.loads`` reads (the standard library is the oracle): the same values
and a ``ValueError`` for every text it refuses, so the state and calendar files are read without ``json``."""

import json
import math
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kenactl.json_reader import loads

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(SCALARS, lambda children: st.lists(children) | st.dictionaries(st.text(), children),
                      max_leaves=30)
PIECES = st.sampled_from(['"', "\\", "\\u", "\\ud83d", "\\ude00", "\\ud800", "\\u00e9", "\\uD83D", "\\x", "\\n",
                          "{", "}", "[", "]", ":", ",", " ", "\t", "\n", "\r", "\x0c", "\x00", "\x1f", "\x7f",
                          "0", "1", "-", "+", ".", "e", "E", "01", "-0", "1.5", "2e9", "true", "false", "null",
                          "NaN", "Infinity", "-Infinity", "nul", "tru", "\ufeff", "\u2028", "é", "a", "٣"])
TEXTS = st.lists(PIECES | st.text(max_size=3), max_size=25).map("".join)


def same(ours, theirs) -> bool:
    """Equal values of the same types (NaN equal to NaN, -0.0 apart from 0.0)."""
    if type(ours) is not type(theirs):
        return False
    if isinstance(ours, float):
        return (math.isnan(ours) and math.isnan(theirs)) or math.copysign(1, ours) == math.copysign(1, theirs) \
            and ours == theirs
    if isinstance(ours, list):
        return len(ours) == len(theirs) and all(same(a, b) for a, b in zip(ours, theirs, strict=True))
    if isinstance(ours, dict):
        return list(ours) == list(theirs) and all(same(ours[key], theirs[key]) for key in ours)
    return ours == theirs


def assert_read_as_json_reads(text: str) -> None:
    try:
        expected = json.loads(text)
    except ValueError:
        with pytest.raises(ValueError):
            loads(text)
        return
    assert same(loads(text), expected)


@given(VALUES, st.sampled_from([{}, {"indent": 1, "sort_keys": True}, {"ensure_ascii": False},
                                {"separators": (",", ":")}]))
def test_what_json_writes_is_read_back_as_json_reads_it(value, options):
    assert_read_as_json_reads(json.dumps(value, **options))


@given(TEXTS)
def test_any_text_is_read_or_refused_as_json_does(text):
    assert_read_as_json_reads(text)


@given(st.lists(st.sampled_from(["-", "0", "1", "9", ".", "e", "E", "+", " ", ",", "]", "[", "x"]), max_size=12)
       .map("".join))
def test_numbers_are_read_or_refused_as_json_does(text):
    assert_read_as_json_reads(text)
    assert_read_as_json_reads(f"[{text}]")


@pytest.mark.parametrize("text", [
    '{"a": 1, "a": 2, "b": 3}', '"\\ud83d\\ude00"', '"\\ud83d"', '"\\ude00\\ud83d"', '"\\ud800\\ud800\\udc00"',
    '"\\ud800\\u0041"', '"\\ud800\\uzzzz"', '"\\u00E9\\/\\b\\f\\r\\t"', "1e400", "-0.0", "1" * 500, "[[[[]]]]",
    " \t\n\r{}\r\n", "\ufeff{}", "{} x", '{"a" 1}', '{"a":}', "[1 2]", '{1: 2}', '"\x7f\u2028"', '"tab\there"',
])
def test_edge_cases_are_read_as_json_reads_them(text):
    assert_read_as_json_reads(text)


def test_an_integer_too_long_to_convert_is_refused_as_json_refuses_it():
    assert_read_as_json_reads("9" * 5000)


def test_reading_the_state_file_does_not_import_json(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"version": 1, "profile": "/p.toml", "delivered": {"stdout": {"k": "2027-01-01T00:00:00+01:00"}}, '
                    '"calendar": {}}', encoding="utf-8")
    code = ("import sys; from kenactl import state; document = state.read(sys.argv[1], 'p.toml');"
            "print(document['delivered'], 'json' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "{'stdout': {'k': '2027-01-01T00:00:00+01:00'}} False"
