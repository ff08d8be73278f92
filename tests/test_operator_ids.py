"""``registry.is_operator_id`` accepts exactly what the regular expression it replaced matches."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

from kenactl.knowledge.registry import is_operator_id

PATTERN = r"^[a-z0-9][a-z0-9-]{0,39}$"  # the rule as it was written before: the oracle
NEAR = st.text(alphabet=st.sampled_from("az09-_A\nZé .\t"), max_size=44)


@given(st.one_of(NEAR, st.text(max_size=45), NEAR.map(lambda text: text + "\n")))
@example("kena")
@example("a" * 40)
@example("a" * 41)
@example("kena\n")
@example("kena\n\n")
@example("-kena")
@example("")
@example("\n")
@example("9-")
@example("Kena")
def test_is_operator_id_is_the_regular_expression(text):
    assert is_operator_id(text) == bool(re.match(PATTERN, text))


def test_some_answers_spelled_out():
    assert [is_operator_id(text) for text in ("kena", "my-op2", "a" * 40, "kena\n")] == [True] * 4
    assert [is_operator_id(text) for text in ("", "-x", "a" * 41, "Kena", "ké", "a_b", "a b", "x\n\n")] == [False] * 8
