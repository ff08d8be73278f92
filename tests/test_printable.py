"""``safety.control_character`` decides a printable text without looking at its characters: exact only if every
character it hides is one ``str.isprintable`` refuses, which this checks for every code point."""

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kenactl import safety


def test_every_hidden_character_is_unprintable():
    hidden = [code for code in range(sys.maxunicode + 1) if safety._hidden(chr(code))]
    assert len(hidden) > 2000  # C0, DEL, C1, the surrogates, the separators and bidi controls
    assert [code for code in hidden if chr(code).isprintable()] == []


def test_a_printable_text_has_no_control_character_and_others_are_found():
    assert safety.control_character("Kena 7,99 € · più") is None
    assert safety.control_character("a\u202eb") == "\u202e"
    assert safety.control_character("\x1b[31m") == "\x1b"
    assert safety.printable("x\u2028y") == "x\\u2028y"


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from("aZ09_-. \n\"'é\u00b2\u0661") | st.characters(), max_size=8))
def test_a_key_is_shown_bare_exactly_when_it_is_a_simple_name(key):
    assert safety._shown_key(key) == (key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else repr(key))
