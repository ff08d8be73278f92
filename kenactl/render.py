"""The one place output is produced: rich on a terminal, plain text when piped, JSON for ``--json``.

Commands describe what to show as a list of blocks (``Section``, ``Fields``, ``Table``, ``Bar``,
``Chart``, ``Note``); the two text backends draw the same blocks, and ``--json`` prints the result's own JSON
form, so the outputs cannot disagree. The terminal backend (``render_rich``, and rich) is imported only when a
terminal is drawn.

Every text reaches rich as a ``rich.text.Text`` (literal: ``[red]`` or ``[/]`` in an offer is shown as
typed, never read as markup), and both backends show control characters as escapes (``\\x1b``), so no
data can move the cursor, retitle the terminal or colour the output.

With ``fit`` (``status``, ``usage show``) the layout follows the width (``COLUMNS``, else the
terminal's, else 80): a bar's detail moves to its own line when the row would not fit, and below
``COMPACT_BELOW`` columns (phone terminals) fields, bars and notes are stacked and wrapped. Piped
text at 60 columns or more keeps one line per note, stable for scripts.
"""

import os
import sys
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from itertools import chain
from operator import itemgetter
from typing import Any

from kenactl.core.record import field, record

COMPACT_BELOW = 60
DETAIL = "  ·  "
MARKS = {"info": "", "ok": "", "warn": "! ", "bad": "✗ ", "dim": ""}
_LABEL, _CAPTION = itemgetter(0), itemgetter(2)  # of a chart's bar (label, fraction, caption)


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
    """A usage bar: ``fraction`` 0..1+ (None = no bar, e.g. unlimited) with a label, a caption and an optional
    detail (after the caption when the row fits, else on the next line)."""

    label: str
    fraction: Decimal | None
    caption: str
    detail: str = ""


@record(frozen=False)
class Chart:
    """Bars one under another, each ``(label, fraction, caption)`` drawn as a ``Bar`` without detail: one block
    for the hundreds of bars of ``history`` (a tuple costs less to build and to draw than a ``Bar`` each)."""

    bars: list[tuple[str, Decimal | None, str]]


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


def emit(blocks: Any, json_data: Any = None, *, as_json: bool = False, fit: bool = False) -> None:
    """Print ``json_data`` as JSON with ``as_json``, else draw ``blocks`` for the terminal or a pipe
    (laid out for the width with ``fit``). Either may be a function: only the form printed is built."""
    if as_json:
        sys.stdout.write(json_text(json_data() if callable(json_data) else json_data) + "\n")
        return
    if callable(blocks):
        blocks = blocks()
    if use_rich():
        from kenactl.render_rich import print_blocks  # only a terminal loads the rich backend

        print_blocks(blocks, fit)
    else:
        sys.stdout.write(plain_text(blocks, width=plain_width() if fit else None))


JSON_ESCAPES = {**{code: f"\\u{code:04x}" for code in range(32)}, ord('"'): '\\"', ord("\\"): "\\\\",
                ord("\b"): "\\b", ord("\f"): "\\f", ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


def json_text(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``: the same text, without importing ``json`` (its
    package compiles six regular expressions on import, and with an indent it encodes in Python anyway).

    Dicts, lists, tuples, text, integers, floats, booleans and None, as the standard library writes them
    (``tests/test_json_text.py`` compares the two by hypothesis); anything else is the same ``TypeError``."""
    out: list[str] = []
    _json_value(value, "\n", out)
    return "".join(out)


def _json_value(value: Any, newline: str, out: list[str]) -> None:
    """Append the JSON of ``value`` to ``out``; ``newline`` is a line break and the current indentation."""
    if isinstance(value, str):
        out.append(_json_string(value))
    elif value is None:
        out.append("null")
    elif value is True or value is False:
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_json_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        out.append("[")
        for index, item in enumerate(value):
            out.append("," + inner if index else inner)
            _json_value(item, inner, out)
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            out.append(("," + inner if index else inner) + _json_key(key) + ": ")
            _json_value(item, inner, out)
        out.append(newline + "}")
    else:
        raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _json_string(text: str) -> str:
    if text.isprintable() and '"' not in text and "\\" not in text:  # nothing to escape: the usual case
        return '"' + text + '"'
    return '"' + text.translate(JSON_ESCAPES) + '"'


def _json_float(number: float) -> str:
    if number != number:
        return "NaN"
    if number in (float("inf"), float("-inf")):
        return "Infinity" if number > 0 else "-Infinity"
    return float.__repr__(number)


def _json_key(key: Any) -> str:
    """A dict key as ``json`` writes it: text as is, a float, a boolean, None or an integer as its JSON, quoted."""
    if isinstance(key, str):
        return _json_string(key)
    if isinstance(key, float):
        return '"' + _json_float(key) + '"'
    if key is None or key is True or key is False:
        return '"null"' if key is None else '"true"' if key else '"false"'
    if isinstance(key, int):
        return '"' + int.__repr__(key) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def plain_width() -> int:
    """The width piped text is laid out for: ``COLUMNS``, else the terminal's, else 80 (as
    ``shutil.get_terminal_size``, which would import the compression modules on every ``status``)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def say(messages: list[str], json_data: Any = None, *, as_json: bool = False) -> None:
    """What a command that writes reports: its sentences (plain, never wrapped), or with ``as_json`` the
    resulting object. ``json_data`` may be a function: it is called only for ``--json``.
    """
    if as_json:
        emit([], json_data() if callable(json_data) else json_data, as_json=True)
    else:
        sys.stdout.write(plain_text([Note(message) for message in messages]))


def use_rich() -> bool:
    """True when stdout is a terminal (and ``KENACTL_PLAIN`` is not set)."""
    return sys.stdout.isatty() and not os.environ.get("KENACTL_PLAIN")


def plain_text(blocks: list[Any], indent: str = "", width: int | None = None) -> str:
    """The plain-text form of ``blocks``: no colour, no box drawing, stable for scripts and tests.

    ``width`` None: one line per row and note, whatever their length; else laid out for ``width``.
    """
    if width is not None and width < COMPACT_BELOW:
        return _plain_compact(blocks, indent, width)
    out: list[str] = []
    for block in map(cleaned, blocks):
        if isinstance(block, Section):
            out.append(f"{indent}{block.title}\n")
            out.append(plain_text(block.blocks, indent + "  ", width))
        elif isinstance(block, Bar):
            [row] = _plain_bar_rows(indent, [(block.label, block.fraction, block.caption)])
            if block.detail and width is not None and len(row) + len(DETAIL) + len(block.detail) > width:
                out.append(f"{row}\n{indent}{'':<33}{block.detail}\n")
            else:
                out.append(f"{row}{DETAIL if block.detail else ''}{block.detail}\n")
        elif isinstance(block, Fields):
            widest = max((len(label) for label, _ in block.rows), default=0)
            out.extend(f"{indent}{label + ':':<{widest + 1}}  {value}\n" for label, value in block.rows)
        elif isinstance(block, Table):
            if block.title:
                out.append(f"{indent}{block.title}\n")
            out.append(indent + f"\n{indent}".join(_plain_table(block)) + "\n")
        elif isinstance(block, Chart):
            if block.bars:  # (joined: no string per row)
                out.append("\n".join(_plain_bar_rows(indent, block.bars)) + "\n")
        elif isinstance(block, Note):
            out.append(f"{indent}{MARKS[block.tone]}{block.text}\n")
        else:  # pragma: no cover - a programming error
            raise TypeError(f"unknown block {block!r}")
    return "".join(out)


def _plain_compact(blocks: list[Any], indent: str, width: int) -> str:
    """The narrow layout: a field's value after its label, a short bar with its texts below, wrapped notes."""
    out: list[str] = []
    for block in map(cleaned, blocks):
        if isinstance(block, Section):
            out.append(f"{indent}{block.title}\n")
            out.append(_plain_compact(block.blocks, indent + "  ", width))
        elif isinstance(block, Fields):
            out.extend(_wrapped(f"{label}: {value}", indent, indent + "    ", width) for label, value in block.rows)
        elif isinstance(block, Bar):
            out.append(_compact_bar(indent, block.label, block.fraction, (block.caption, block.detail), width))
        elif isinstance(block, Chart):
            out.extend(_compact_bar(indent, label, fraction, (caption,), width)
                       for label, fraction, caption in block.bars)
        elif isinstance(block, Note):
            mark = MARKS[block.tone]
            out.append(_wrapped(mark + block.text, indent, indent + " " * len(mark), width))
        else:
            out.append(plain_text([block], indent))
    return "".join(out)


def _compact_bar(indent: str, label: str, fraction: Decimal | None, texts: tuple[str, ...], width: int) -> str:
    """A bar of the narrow layout: its label and a short bar, then each of ``texts`` (caption, detail) wrapped."""
    bar = "" if fraction is None else " " + plain_bar(fraction, 10)
    return f"{indent}{label}{bar}\n" + "".join(_wrapped(text, indent + "  ", indent + "  ", width) for text in texts
                                               if text)


def _wrapped(text: str, first: str, rest: str, width: int) -> str:
    """``text`` wrapped at ``width`` between words (a long word such as a command option stays whole)."""
    import textwrap

    return textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False,
                         break_on_hyphens=False) + "\n"


def cleaned(block: Any) -> Any:
    """``block`` with every text made printable (control characters escaped); sections are cleaned as drawn.
    A table or bar whose texts are printable strings already (the usual case) is returned as it is."""
    if isinstance(block, Section):
        return Section(_clean(block.title), block.blocks)
    if isinstance(block, Fields):
        return Fields([(_clean(label), _clean(value)) for label, value in block.rows])
    if isinstance(block, Table):
        if _printable(chain((block.title,), block.columns, *block.rows)):
            return block
        return Table([_clean(column) for column in block.columns],
                     [[_clean(cell) for cell in row] for row in block.rows], _clean(block.title))
    if isinstance(block, Bar):
        if _printable((block.label, block.caption, block.detail)):
            return block
        return Bar(_clean(block.label), block.fraction, _clean(block.caption), _clean(block.detail))
    if isinstance(block, Chart):
        if _printable(chain(map(_LABEL, block.bars), map(_CAPTION, block.bars))):
            return block
        return Chart([(_clean(label), fraction, _clean(caption)) for label, fraction, caption in block.bars])
    if isinstance(block, Note):
        return Note(_clean(block.text), block.tone)
    return block


def _printable(texts: Iterable[Any]) -> bool:
    """Whether ``texts`` are all strings (``str`` itself) of printable characters: nothing to clean. Each distinct
    text is looked at once (a table's cells and a chart's captions repeat; a ``str`` subclass equal to a string
    among them would be taken for it: kenactl has none)."""
    try:
        distinct = set(texts)
    except TypeError:  # an unhashable value: not a string
        return False
    return set(map(type, distinct)) <= {str} and "".join(distinct).isprintable()


def _clean(text: Any) -> str:
    text = str(text)
    if text.isprintable():  # the usual case, decided here at C speed: printable() returns such text as is
        return text
    from kenactl.safety import printable

    return printable(text)


def _plain_bar_rows(indent: str, bars: list[tuple[str, Decimal | None, str]]) -> list[str]:
    """The lines of the wide layout of ``bars`` (label, fraction, caption), without details; each distinct
    fraction's bar is drawn once (a chart's months share a few)."""
    bar = cache(plain_bar) if len(bars) > 1 else plain_bar
    return [f"{indent}{label.ljust(8)} {bar(fraction)}  {caption}" for label, fraction, caption in bars]


def plain_bar(fraction: Decimal | None, width: int = 20) -> str:
    """A bar of ``width`` cells as text (``[####....]``), filled by ``fraction`` (0..1); None: blank."""
    if fraction is None:
        return " " * (width + 2)
    filled = int(fraction * width)
    return BAR_TEXTS[width][0 if filled < 0 else width if filled > width else filled]  # (comparisons: cheaper)


BAR_TEXTS = {width: tuple("[" + "#" * filled + "." * (width - filled) + "]" for filled in range(width + 1))
             for width in (10, 20)}
"""Each bar as text by its width (wide, compact) and its filled cells: written once, not per bar."""


def _plain_table(table: Table) -> list[str]:
    """The lines of a cleaned ``table`` (its cells are strings)."""
    widths = [max(map(len, column)) for column in zip(table.columns, *table.rows, strict=False)]
    layout, count = "  ".join(f"%-{width}s" for width in widths), len(widths)  # each cell padded to its column's
    return [(layout % tuple(cells[:count])).rstrip()
            for cells in (table.columns, ["-" * width for width in widths], *table.rows)]
