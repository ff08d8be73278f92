"""Observations and top-ups as kenactl writes them (one row a line, nothing around) are read in one match:
the result, or the refusal, is the one the row-by-row reading gives the same rows spaced out by hand."""

from hypothesis import given
from hypothesis import strategies as st

from kenactl.core.model import Amounts, TopUp
from kenactl.errors import ProfileError
from kenactl.knowledge.fields import Fields
from kenactl.schema import _amounts

_MOMENTS = st.builds("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format,
                     st.sampled_from([1999, 2025, 2026, 3000]), st.integers(0, 13), st.integers(0, 32),
                     st.integers(0, 25), st.integers(0, 60), st.integers(0, 60))
_AMOUNTS = st.builds("{}{}.{:02d}".format, st.sampled_from(["", "-"]), st.sampled_from([0, 1, 10, 999999999]),
                     st.integers(0, 99))
_ROWS = st.lists(st.builds("{} {}".format, _MOMENTS, _AMOUNTS), max_size=6)


def _read(text: str, key: str):
    try:
        return _amounts(Fields({key: text}, "lines.main"), key, key == "observations")
    except (ProfileError, ValueError) as error:
        return type(error), str(error)


@given(_ROWS, st.sampled_from(["observations", "topups"]), st.booleans())
def test_rows_alone_read_as_spaced_rows(rows, key, last_newline):
    exact = "\n".join(rows) + ("\n" if rows and last_newline else "")
    spaced = "\n\n".join(f"  {row} " for row in rows) + "\n"
    assert _read(exact, key) == _read(spaced, key)


def test_rows_alone_in_time_order_read_as_rome_moments():
    found = _read("2026-01-31T23:30:00Z 10.00\n2026-02-01T08:00:00Z 5.50\n", "topups")
    assert [(at.isoformat(), str(amount)) for at, amount in found] == [
        ("2026-01-31T23:30:00+00:00", "10.00"), ("2026-02-01T08:00:00+00:00", "5.50")]
    assert [(item.at.isoformat(), str(item.amount)) for item in Amounts(TopUp, found)] == [
        ("2026-02-01T00:30:00+01:00", "10.00"), ("2026-02-01T09:00:00+01:00", "5.50")]
