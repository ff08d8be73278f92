"""The terminal backend of ``render``: the same blocks drawn with rich (panels, tables, coloured bars).

Imported only when stdout is a terminal (``render.emit``): piped text and JSON load neither this module nor rich.
Every block is cleaned as the plain backend cleans it, and every text reaches rich as a ``Text`` (literal:
``[red]`` in an offer is shown as typed, never read as markup).
"""

import os
from decimal import Decimal
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table as RichTable
from rich.text import Text

from kenactl.render import COMPACT_BELOW, DETAIL, MARKS, Bar, Chart, Fields, Note, Section, Table, cleaned, plain_bar

STYLES = {"info": "", "ok": "green", "warn": "yellow", "bad": "red", "dim": "dim"}


def print_blocks(blocks: list[Any], fit: bool = False) -> None:
    """Draw ``blocks`` on the terminal; with ``fit`` laid out for its width."""
    console = Console(highlight=False)
    width = console.width if fit else None
    console.print(*[renderable(block, width) for block in blocks], markup=False, emoji=False)


def renderable(block: Any, width: int | None = None) -> Any:
    """The rich renderable of ``block``; ``width`` (with ``fit``) is the room it has, None: rich's own layout."""
    block = cleaned(block)
    compact = width is not None and width < COMPACT_BELOW
    if isinstance(block, Section):
        inner = None if width is None else width - 4  # the panel's border and padding
        return Panel(Group(*[renderable(item, inner) for item in block.blocks]),
                     title=Text(block.title, style="bold"), title_align="left")
    if isinstance(block, Fields) and compact:
        return Group(*[Text.assemble((label, "bold"), ": ", value) for label, value in block.rows])
    if isinstance(block, Fields):
        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        for label, value in block.rows:
            grid.add_row(Text(label), Text(value))
        return grid
    if isinstance(block, Table):
        table = RichTable(title=Text(block.title) if block.title else None, title_justify="left", show_lines=False)
        for column in block.columns:
            table.add_column(Text(column))
        for row in block.rows:
            table.add_row(*[Text(cell) for cell in row])
        return table
    if isinstance(block, Bar):
        return _bar(block.label, block.fraction, block.caption, block.detail, width, compact)
    if isinstance(block, Chart):
        return Group(*[_bar(label, fraction, caption, "", width, compact) for label, fraction, caption in block.bars])
    if isinstance(block, Note):
        return Text(MARKS[block.tone] + block.text, style=STYLES[block.tone])
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover


def _bar(label: str, fraction: Decimal | None, caption: str, detail: str, width: int | None, compact: bool) -> Any:
    """A bar as a rich grid: label, bar, caption (and detail after it when it fits, else below)."""
    bar_width = 10 if compact else 20
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(width=8)
    grid.add_column(width=bar_width + 2)
    if fraction is None:
        bar: Any = Text("")
    elif os.environ.get("NO_COLOR"):  # without colour rich's bar has no visible track: draw the plain one
        bar = Text(plain_bar(fraction, bar_width))
    else:
        style = "red" if fraction >= 1 else "yellow" if fraction >= Decimal("0.8") else "green"
        bar = ProgressBar(total=100, completed=float(min(fraction, Decimal(1)) * 100), width=bar_width,
                          complete_style=style, finished_style=style)
    if compact:  # the texts below the bar
        grid.add_row(Text(label), bar)
        return Group(grid, *[Text("  " + text) for text in (caption, detail) if text])
    grid.add_column()
    if detail and (width is None or 32 + len(caption) + len(DETAIL) + len(detail) <= width):
        caption, detail = caption + DETAIL + detail, ""
    grid.add_row(Text(label), bar, Text(caption))
    if detail:
        grid.add_row(Text(""), Text(""), Text(detail))
    return grid
