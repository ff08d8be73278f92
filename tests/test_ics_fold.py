"""``ics.fold`` folds a content line exactly as icalendar does (the library stays the reference)."""

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar.parser import Contentline

from kenactl.ics import FOLD_OCTETS, fold

# ASCII, escapes, accented letters, the euro sign and a 4-octet character, with no line break (content lines
# never hold one)
CHARACTERS = st.sampled_from(list("aZ09 ;:,\\^\"=-") + ["à", "è", "€", "—", "𝄞"])
LINES = st.lists(CHARACTERS, max_size=400).map("".join)


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_fold_equals_icalendar(line):
    assert fold(line.encode("utf-8")) == Contentline(line).to_ical()


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=300))
def test_fold_equals_icalendar_on_any_text(line):
    assert fold(line.encode("utf-8")) == Contentline(line).to_ical()


def test_pieces_stay_within_the_limit_and_keep_escapes_whole():
    line = ("DESCRIPTION:" + "x" * 61 + "\\;" + "y" * 80).encode("utf-8")
    folded = fold(line)
    pieces = folded.split(b"\r\n ")
    assert b"".join(pieces) == line and all(len(piece) < FOLD_OCTETS for piece in pieces)
    assert pieces[0].endswith(b"x") and pieces[1].startswith(b"\\;")
    assert fold(b"SHORT:text") == b"SHORT:text"
