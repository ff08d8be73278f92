"""The one place output is produced: rich on a terminal, plain text when piped, JSON for ``--json``.

Commands describe what to show as a list of blocks (``Section``, ``Fields``, ``Table``, ``Bar``,
``Note``); the two text backends draw the same blocks, and ``--json`` prints the result's own JSON
form, so the outputs cannot disagree. rich is imported only when a terminal is drawn.

Every text reaches rich as a ``rich.text.Text`` (literal: ``[red]`` or ``[/]`` in an offer is shown as
typed, never read as markup), and both backends show control characters as escapes (``\\x1b``), so no
data can move the cursor, retitle the terminal or colour the output.
"""

import os
import sys
from dataclasses import field
from decimal import Decimal
from typing import Any

from kenactl.core.record import record

STYLES = {"info": "", "ok": "green", "warn": "yellow", "bad": "red", "dim": "dim"}
MARKS = {"info": "", "ok": "", "warn": "! ", "bad": "✗ ", "dim": ""}


@record(frozen=False)
class Fields:
    """Label/value rows."""

    rows: list[tuple[str, str]]


@record(frozen=False)
class Table:
    """A table with a header row."""

    columns: list[str]
    rows: list[list[str]]
    title: str = ""


@record(frozen=False)
class Bar:
    """A usage bar: ``fraction`` 0..1+ (None = no bar, e.g. unlimited) with a label and a caption."""

    label: str
    fraction: Decimal | None
    caption: str


@record(frozen=False)
class Note:
    """A sentence with a tone: info, ok, warn, bad or dim."""

    text: str
    tone: str = "info"


@record(frozen=False)
class Section:
    """A titled group of blocks (a panel on a terminal)."""

    title: str
    blocks: list[Any] = field(default_factory=list)


def emit(blocks: list[Any], json_data: Any = None, *, as_json: bool = False) -> None:
    """Print ``json_data`` as JSON with ``as_json``, else draw ``blocks`` for the terminal or a pipe."""
    if as_json:
        import json  # lazily: only --json needs it

        sys.stdout.write(json.dumps(json_data, indent=2, ensure_ascii=False) + "\n")
    elif use_rich():
        _rich_print(blocks)
    else:
        sys.stdout.write(plain_text(blocks))


def use_rich() -> bool:
    """True when stdout is a terminal (and ``KENACTL_PLAIN`` is not set)."""
    return sys.stdout.isatty() and not os.environ.get("KENACTL_PLAIN")


def plain_text(blocks: list[Any], indent: str = "") -> str:
    """The plain-text form of ``blocks``: no colour, no box drawing, stable for scripts and tests."""
    out: list[str] = []
    for block in map(_cleaned, blocks):
        if isinstance(block, Section):
            out.append(f"{indent}{block.title}\n")
            out.append(plain_text(block.blocks, indent + "  "))
        elif isinstance(block, Fields):
            width = max((len(label) for label, _ in block.rows), default=0)
            out.extend(f"{indent}{label + ':':<{width + 1}}  {value}\n" for label, value in block.rows)
        elif isinstance(block, Table):
            if block.title:
                out.append(f"{indent}{block.title}\n")
            out.extend(indent + line + "\n" for line in _plain_table(block))
        elif isinstance(block, Bar):
            out.append(f"{indent}{block.label:<8} {_plain_bar(block.fraction)}  {block.caption}\n")
        elif isinstance(block, Note):
            out.append(f"{indent}{MARKS[block.tone]}{block.text}\n")
        else:  # pragma: no cover - a programming error
            raise TypeError(f"unknown block {block!r}")
    return "".join(out)


def _cleaned(block: Any) -> Any:
    """``block`` with every text made printable (control characters escaped); sections are cleaned as drawn."""
    if isinstance(block, Section):
        return Section(_clean(block.title), block.blocks)
    if isinstance(block, Fields):
        return Fields([(_clean(label), _clean(value)) for label, value in block.rows])
    if isinstance(block, Table):
        return Table([_clean(column) for column in block.columns],
                     [[_clean(cell) for cell in row] for row in block.rows], _clean(block.title))
    if isinstance(block, Bar):
        return Bar(_clean(block.label), block.fraction, _clean(block.caption))
    if isinstance(block, Note):
        return Note(_clean(block.text), block.tone)
    return block


def _clean(text: Any) -> str:
    from kenactl.safety import printable

    return printable(str(text))


def _plain_bar(fraction: Decimal | None, width: int = 20) -> str:
    if fraction is None:
        return " " * (width + 2)
    filled = max(0, min(width, int(fraction * width)))
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _plain_table(table: Table) -> list[str]:
    widths = [max(len(str(row[i])) for row in [table.columns, *table.rows]) for i in range(len(table.columns))]

    def line(cells: list[str]) -> str:
        return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=False)).rstrip()

    return [line(table.columns), line(["-" * width for width in widths]), *(line(row) for row in table.rows)]


def _rich_print(blocks: list[Any]) -> None:
    from rich.console import Console

    Console(highlight=False).print(*[_rich(block) for block in blocks], markup=False, emoji=False)


def _rich(block: Any) -> Any:
    from rich.console import Group
    from rich.panel import Panel
    from rich.progress_bar import ProgressBar
    from rich.table import Table as RichTable
    from rich.text import Text

    block = _cleaned(block)
    if isinstance(block, Section):
        return Panel(Group(*[_rich(inner) for inner in block.blocks]), title=Text(block.title, style="bold"),
                     title_align="left")
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
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(width=8)
        grid.add_column(width=22)
        grid.add_column()
        if block.fraction is None:
            bar: Any = Text("")
        elif os.environ.get("NO_COLOR"):  # without colour rich's bar has no visible track: draw the plain one
            bar = Text(_plain_bar(block.fraction))
        else:
            style = "red" if block.fraction >= 1 else "yellow" if block.fraction >= Decimal("0.8") else "green"
            bar = ProgressBar(total=100, completed=float(min(block.fraction, Decimal(1)) * 100), width=20,
                              complete_style=style, finished_style=style)
        grid.add_row(Text(block.label), bar, Text(block.caption))
        return grid
    if isinstance(block, Note):
        return Text(MARKS[block.tone] + block.text, style=STYLES[block.tone])
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover
