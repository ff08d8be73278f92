"""``render.json_text`` writes what ``json.dumps(value, indent=2, ensure_ascii=False)`` writes (the standard
library is the oracle), so ``--json`` output is unchanged without importing ``json``."""

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kenactl.render import json_text

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
KEYS = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
VALUES = st.recursive(SCALARS, lambda children: st.lists(children) | st.lists(children).map(tuple)
                      | st.dictionaries(KEYS, children), max_leaves=40)


def oracle(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@given(VALUES)
def test_json_text_is_what_json_dumps_writes(value):
    assert json_text(value) == oracle(value)


@given(st.text(st.characters(max_codepoint=0x40) | st.sampled_from('"\\\u2028\x7f\ud800é€')))
def test_every_character_that_needs_an_escape_is_escaped_as_json_does(text):
    assert json_text(text) == oracle(text)
    assert json_text({text: [text]}) == oracle({text: [text]})


def test_the_special_floats_and_nesting():
    value = {"a": [float("nan"), float("inf"), -float("inf"), -0.0, 1e300], "b": {}, "c": [], 1.5: None, 2: True}
    assert json_text(value) == oracle(value)


@pytest.mark.parametrize("value", [{"price": object()}, [1, {2}], {(1, 2): "x"}])
def test_what_json_cannot_write_is_the_same_type_error(value):
    with pytest.raises(TypeError) as expected:
        oracle(value)
    with pytest.raises(TypeError, match=f"^{re.escape(str(expected.value))}$"):
        json_text(value)
