"""A ``Chart`` is drawn exactly as its bars would be, each a ``Bar`` without detail, in every layout."""

import io
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from kenactl import render, render_rich
from kenactl.render import Bar, Chart, Section, Table

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
FRACTION = st.none() | st.decimals(min_value=-1, max_value=3, places=4)
BARS = st.lists(st.tuples(TEXT, FRACTION, TEXT), max_size=6)


def _as_bars(bars: list) -> list[Bar]:
    return [Bar(label, fraction, caption) for label, fraction, caption in bars]


def _rich_text(blocks: list, width: int | None) -> str:
    console = Console(file=io.StringIO(), width=120, force_terminal=True, color_system="truecolor", highlight=False)
    console.print(*[render_rich.renderable(block, width) for block in blocks], markup=False, emoji=False)
    return console.file.getvalue()


@settings(max_examples=200, deadline=None)
@given(BARS, st.sampled_from([None, 30, 59, 60, 100]))
def test_plain_chart_is_its_bars(bars, width):
    table = Table(["from"], [["Sun 01 Nov 2026"]])
    assert render.plain_text([Section("main", [table, Chart(bars)])], width=width) == \
        render.plain_text([Section("main", [table, *_as_bars(bars)])], width=width)


@settings(max_examples=60, deadline=None)
@given(BARS, st.sampled_from([None, 40, 100]))
def test_rich_chart_is_its_bars(bars, width):
    assert _rich_text([Section("main", [Chart(bars)])], width) == _rich_text([Section("main", _as_bars(bars))], width)


def test_chart_draws_its_rows():
    chart = Chart([("2026-11", Decimal("0.375"), "data 37.5 GB / 100 GB"), ("", Decimal(0), "spent 0.00 €")])
    assert render.plain_text([chart]) == ("2026-11  [#######.............]  data 37.5 GB / 100 GB\n"
                                          "         [....................]  spent 0.00 €\n")
    assert render.plain_text([Chart([("x\x1b", None, "a\tb")])]) == "x\\x1b" + " " * 28 + "a\\tb\n"  # escaped, no bar


@settings(max_examples=300, deadline=None)
@given(st.none() | st.decimals(min_value=-5, max_value=5, places=6), st.sampled_from([10, 20]))
def test_plain_bar_is_its_cells(fraction, width):
    """The bar texts written once are the bar drawn cell by cell (filled, clamped to 0..width)."""
    if fraction is None:
        expected = " " * (width + 2)
    else:
        filled = min(max(int(fraction * width), 0), width)
        expected = "[" + "#" * filled + "." * (width - filled) + "]"
    assert render.plain_bar(fraction, width) == expected


def _printable_oracle(texts: list) -> bool:
    """The check as first written: every text is ``str`` itself and their join is printable."""
    return set(map(type, texts)) <= {str} and "".join(texts).isprintable()


CELLS = st.lists(TEXT | st.sampled_from(["10.00 €", "now", "\x1b[2J", ""]) | st.integers() | st.none()
                 | st.lists(TEXT, max_size=2), max_size=12)


@settings(max_examples=300, deadline=None)
@given(CELLS)
def test_printable_looks_at_each_distinct_text_as_the_whole_list(texts):
    assert render._printable(texts) == _printable_oracle(texts)
