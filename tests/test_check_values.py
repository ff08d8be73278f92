"""``safety._check_values`` spells a field name only for its message: the same refusals, with the same message, as
the walk that spelled every value's name (kept here as the oracle), on documents of every shape."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl import safety
from kenactl.errors import InputError
from kenactl.i18n import _
from kenactl.safety import MAX_DEPTH, MAX_EXPONENT, MAX_INTEGER, TomlLimitError, check_free_text


def spelled_walk(document, check_text, structured):
    """The walk before: every key and index spelled into its field name as it was reached."""
    pending = [("", document, 0)]
    while pending:
        where, value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise TomlLimitError(_("{field}: nested more than {limit} levels deep").format(
                field=where, limit=MAX_DEPTH))
        if isinstance(value, dict):
            for key, item in value.items():
                field = f"{where}.{safety._shown_key(key)}" if where else safety._shown_key(key)
                if check_text:
                    checked(key, field)
                pending.append((field, item, depth + 1))
        elif isinstance(value, list):
            pending.extend((f"{where}[{index}]", item, depth + 1) for index, item in enumerate(value))
        elif isinstance(value, str):
            if check_text and where.rpartition(".")[2] not in structured:
                checked(value, where)
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int):
            if abs(value) > MAX_INTEGER:
                raise TomlLimitError(_("{field}: the number is too large").format(field=where))
        elif isinstance(value, Decimal) and value.is_finite() and value and abs(value.adjusted()) > MAX_EXPONENT:
            raise TomlLimitError(_("{field}: the number is too large or too small").format(field=where))


def checked(text, field):
    try:
        check_free_text(text, field=field)
    except InputError as error:
        raise TomlLimitError(error.message) from None


def outcome(walk, document, check_text, structured):
    try:
        walk(document, check_text, structured)
    except TomlLimitError as error:
        return str(error)
    return None


texts = st.text(alphabet=st.sampled_from("ab_-.' \x1b\u202e\né") | st.characters(), max_size=6) | st.sampled_from(
    ["readings", "topups", "x" * 501, "lines", "a.readings"])
scalars = (texts | st.booleans() | st.integers(-2 * MAX_INTEGER, 2 * MAX_INTEGER)
           | st.sampled_from([Decimal("1e31"), Decimal("1e-31"), Decimal("7.99"), Decimal("0"), Decimal("NaN")]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
                      max_leaves=12)


def nested(depth, leaf):
    for level in range(depth):
        leaf = {"t": leaf} if level % 2 else [leaf]
    return leaf


@settings(max_examples=1500)
@given(st.dictionaries(texts, values, max_size=4), st.booleans(),
       st.sampled_from([frozenset(), frozenset({"readings", "topups"})]))
def test_the_same_refusal_as_the_spelled_walk(document, check_text, structured):
    assert outcome(safety._check_values, document, check_text, structured) == \
        outcome(spelled_walk, document, check_text, structured)


@given(st.integers(MAX_DEPTH - 2, MAX_DEPTH + 2), scalars)
def test_the_same_refusal_of_deep_nesting(depth, leaf):
    document = {"lines": nested(depth, leaf)}
    assert outcome(safety._check_values, document, True, frozenset()) == \
        outcome(spelled_walk, document, True, frozenset())


def test_a_refusal_names_the_field():
    document = {"lines": {"main": {"offer": "a\x1bb", "readings": "\x1b"}}}
    assert "lines.main.offer:" in outcome(safety._check_values, document, True, frozenset({"readings"}))
    document = {"lines": {"x y": [1, {"z": 10**19}]}}
    assert outcome(safety._check_values, document, True, frozenset()).startswith("lines.'x y'[1].z:")
