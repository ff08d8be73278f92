"""Usage readings as the profile stores them: one text line each, ``moment data-MB minutes SMS``.

The moment is UTC to the second (``2026-11-20T19:00:00Z``), so text order is time order. ``Readings``
is an immutable, oldest-first sequence that turns a line into a ``UsageSample`` only when it is
read: years of readings cost nothing to commands that look at the current period only (they
count back from the newest row; see ``consumption.period_samples``).
"""

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta

from kenactl.core import dates
from kenactl.core.model import UsageSample
from kenactl.core.record import BuiltOnRead

MOMENT = r"(?:19|2\d)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ"
ROWS = rf"(?:{MOMENT} \d{{1,12}}+ \d{{1,12}}+ \d{{1,12}}+\n)*+"  # compiled (and cached by re) when first used
"""Possessive: no row can end elsewhere, so what is matched is never given back (which the engine matches
faster)."""


def text_of(sample: UsageSample) -> str:
    """The stored line of ``sample`` (its moment to the second, in UTC)."""
    moment = sample.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{moment} {sample.data} {sample.minutes} {sample.sms}"


def valid_rows(text: str) -> list[str] | None:
    """The rows of ``text`` if it is reading rows, each ending in a newline, in time order, on days that
    exist; else None."""
    if re.fullmatch(ROWS, text) is None:
        return None
    rows = text.splitlines()
    if rows != sorted(rows):
        return None
    if not text.isascii() or "-29T" in text or "-30T" in text or "-31T" in text:  # days a month may lack
        try:  # (in ASCII rows "-DDT" is only ever the day; other digits always take the check)
            for row in rows:
                if row[8:10] > "28":
                    datetime.fromisoformat(row[:19])
        except ValueError:
            return None
    return rows


def bad_line(rows: list[str]) -> int | None:
    """The number (from 1) of the first row that is not a reading, is out of time order or names a day that
    does not exist; None if there is none."""
    for number, row in enumerate(rows, start=1):
        if valid_rows(row + "\n") is None or (number > 1 and row < rows[number - 2]):
            return number
    return None


def _key(moment: datetime) -> str:
    """The stored text of ``moment`` to the second, as ``text_of`` writes it (``strftime`` with ``%Y`` unpadded,
    as glibc writes it). The two-digit fields come from ``TWO_DIGITS``: half the cost of ``%02d`` (``history``
    keys every period)."""
    utc, two = moment.astimezone(UTC), TWO_DIGITS
    return f"{utc.year}-{two[utc.month]}-{two[utc.day]}T{two[utc.hour]}:{two[utc.minute]}:{two[utc.second]}Z"


def _bound(moment: datetime) -> str:
    """The text that the rows of the readings before ``moment`` sort before, and the others not (a moment with
    microseconds: its next second)."""
    return _key(moment + timedelta(microseconds=999_999)) if moment.microsecond else _key(moment)


TWO_DIGITS = (
    "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
    "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29",
    "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44",
    "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59",
)
"""``00`` to ``59``: a month, day, hour, minute or second as ``text_of`` writes it (written out: a constant costs
nothing to import; ``tests/test_readings_lookups.py`` checks it)."""


def _amounts(row: str) -> tuple[int, int, int]:
    """The data (MB), minutes and SMS of a stored row (after its moment, which is 20 characters)."""
    return tuple(map(int, row[21:].split()))


class Readings(BuiltOnRead):
    """Stored reading lines, parsed on access (equal to the tuple of their samples)."""

    __slots__ = ()

    def __init__(self, rows: Iterable[str]):
        super().__init__(tuple(rows))

    @classmethod
    def of(cls, samples: Iterable[UsageSample]) -> "Readings":
        """Readings holding ``samples`` (sorted by time; one per second: a later one at the same second wins)."""
        rows = {text_of(sample)[:20]: text_of(sample) for sample in samples}
        return cls(rows[key] for key in sorted(rows))

    @property
    def rows(self) -> tuple[str, ...]:
        return self._rows

    def with_sample(self, sample: UsageSample) -> "Readings":
        """These readings plus ``sample``; one stored at the same second is replaced."""
        from bisect import bisect_left

        row = text_of(sample)
        index = bisect_left(self._rows, row[:20])
        end = index + 1 if index < len(self._rows) and self._rows[index][:20] == row[:20] else index
        return Readings((*self._rows[:index], row, *self._rows[end:]))

    def index_after(self, moment: datetime) -> int:
        """How many readings are at or before ``moment`` (compared as text: nothing is parsed)."""
        return self._rows_before(_key(moment) + "~", including=True)  # "~" sorts after the rest of that second

    def index_before(self, moment: datetime) -> int:
        """How many readings are before ``moment`` (compared as text: nothing is parsed)."""
        return self._rows_before(_bound(moment))

    def _rows_before(self, bound: str, including: bool = False) -> int:
        """How many rows sort before ``bound`` (or at it, ``including``): ``bisect_left`` (``bisect_right``) counted
        back from the newest row, as the moments asked for (a period's start, now) are near the end, without
        importing ``bisect`` (``tests/test_readings_lookups.py`` compares the two)."""
        rows = self._rows
        index = len(rows)
        if including:
            while index and rows[index - 1] > bound:
                index -= 1
        else:
            while index and rows[index - 1] >= bound:
                index -= 1
        return index

    def counts_before(self, moments: Iterable[datetime]) -> list[int]:
        """How many readings are before each of ``moments`` (``index_before`` of each), by one walk over the rows
        when the moments are in time order (a line's periods; ``bisect`` is not imported): an earlier moment than
        the one before walks again from the first row."""
        rows, counts, index = self._rows, [], 0
        size = len(rows)
        for moment in moments:
            bound = _bound(moment)
            if index and rows[index - 1] >= bound:
                index = 0
            while index < size and rows[index] < bound:
                index += 1
            counts.append(index)
        return counts

    def amounts(self, index: int) -> tuple[int, int, int]:
        """The data (MB), minutes and SMS of reading ``index`` (its moment is not parsed)."""
        return _amounts(self._rows[index])

    def _build(self, row: str) -> UsageSample:
        data, minutes, sms = _amounts(row)
        return UsageSample(at=dates.in_rome(datetime.fromisoformat(row[:20])), data=data, minutes=minutes, sms=sms)

    def __iter__(self) -> Iterator[UsageSample]:
        return (self[index] for index in range(len(self._rows)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Readings):
            return self._rows == other._rows
        return isinstance(other, tuple) and tuple(self) == other

    def __hash__(self) -> int:
        return hash(self._rows)

    def __repr__(self) -> str:
        return f"Readings({len(self._rows)} rows)"
