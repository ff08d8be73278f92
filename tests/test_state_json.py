"""The state file's JSON is read and written exactly as the ``json`` module does (checked against it)."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl import state

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4)
                      | st.dictionaries(st.integers(), inner, max_size=3), max_leaves=25)
BLANKS = st.text(" \t\n\r\u00a0\ufeff", max_size=3)


@settings(max_examples=500)
@given(VALUES)
def test_written_as_json_dumps_writes(value):
    assert state._json_text(value) == json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)


def json_loads_or_none(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


@settings(max_examples=500)
@given(VALUES, BLANKS, BLANKS, st.sampled_from([None, 1, 2]))
def test_read_as_json_loads_reads(value, before, after, indent):
    text = before + json.dumps(value, indent=indent, ensure_ascii=indent == 1) + after
    assert json.dumps(state._json_value(text)) == json.dumps(json_loads_or_none(text))


@settings(max_examples=500)
@given(st.text(alphabet='{}[]":,0123456789.eE+-tfrulnsaNIiy \t\n\\\u00e9', max_size=30))
def test_damaged_text_is_refused_where_json_loads_refuses_it(text):
    assert json.dumps(state._json_value(text)) == json.dumps(json_loads_or_none(text))
