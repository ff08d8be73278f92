"""The translation catalogs themselves: every msgstr keeps its msgid's placeholders, edges and plural forms."""

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "kenactl" / "locale"
PO_FILES = sorted(LOCALE.glob("*/*.po"))
PRINTF = re.compile(r"%\([A-Za-z_]+\)[sdr]|%[sd]")


def placeholders(text: str) -> list[str]:
    """``{name}`` fields (with conversion and format spec) and ``%(name)s`` fields of ``text``, sorted."""
    fields = []
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            fields.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return sorted(fields + PRINTF.findall(text))


def entries(path: Path) -> list[tuple[int, str, str]]:
    """``(line, source, translation)`` pairs of ``path``: plural form 0 against the singular, others the plural."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    pairs = []
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            for index, translation in enumerate(message.string):
                pairs.append((message.lineno, message.id[0] if index == 0 else message.id[1], translation))
        else:
            pairs.append((message.lineno, message.id, message.string))
    return pairs


def test_there_are_catalogs() -> None:
    assert [path.name for path in PO_FILES if path.parent.name == "it"]


@pytest.mark.parametrize("path", PO_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_translations_keep_the_placeholders(path: Path) -> None:
    wrong = [f"{path.name}:{line}: {source!r} has {placeholders(source)}, translation {placeholders(text)}"
             for line, source, text in entries(path) if text and placeholders(source) != placeholders(text)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", PO_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_translations_keep_leading_spaces_and_line_breaks(path: Path) -> None:
    def edges(text: str) -> tuple:
        return (text[:1] == " ", len(text) - len(text.lstrip("\n")), len(text) - len(text.rstrip("\n")),
                text.count("\t"))

    wrong = [f"{path.name}:{line}: {source!r} → {text!r}"
             for line, source, text in entries(path) if text and edges(source) != edges(text)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", PO_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_plurals_have_every_form(path: Path) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    wrong = [message.id[0] for message in catalog
             if isinstance(message.id, tuple) and (len(message.string) != 2 or not all(message.string))]
    assert not wrong
