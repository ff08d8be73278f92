"""The compiled Italian catalog kenactl loads at run time (``kenactl.mo``), checked against the .po sources.

The build merges every ``kenactl/locale/it/*.po`` into one ``.mo``: that file, found the way kenactl finds it
(``gettext.translation`` in ``kenactl.i18n.LOCALE_DIR``), must hold every translation and the .po files' own
plural rule, whatever Babel version compiled it. Run from outside the source tree against a wheel install,
this checks the installed catalog.
"""

import gettext
from functools import cache
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from kenactl import i18n

SOURCES = sorted((Path(__file__).resolve().parent.parent / "kenactl" / "locale" / "it").glob("*.po"))
COUNTS = (0, 1, 2, 5, 1_000_000)


@cache
def source_catalogs() -> tuple:
    """Every Italian .po file, parsed."""
    catalogs = []
    for path in SOURCES:
        with path.open("rb") as handle:
            catalogs.append(read_po(handle, locale="it"))
    return tuple(catalogs)


def translated(kind: type) -> list:
    """The translated messages of every .po file whose msgid is a ``str`` (singular) or a ``tuple`` (plural)."""
    return [message for catalog in source_catalogs() for message in catalog
            if message.id and isinstance(message.id, kind) and message.string]


def plural_fields(header: str) -> dict[str, str]:
    """``nplurals`` and ``plural`` of a ``Plural-Forms`` header, spaces removed."""
    return dict(part.replace(" ", "").split("=", 1) for part in header.split(";") if part.strip())


def plural_rule(header: str) -> tuple[int, object]:
    """``nplurals`` and the form-choosing function of a ``Plural-Forms`` header."""
    fields = plural_fields(header)
    return int(fields["nplurals"]), gettext.c2py(fields["plural"])


@pytest.fixture(scope="module")
def loaded() -> gettext.GNUTranslations:
    """The Italian catalog exactly as kenactl loads it (no fallback: a missing .mo fails here)."""
    return gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, languages=["it"])


@pytest.fixture(scope="module")
def source_rule() -> str:
    """The one ``Plural-Forms`` header the .po files share."""
    headers = {catalog.plural_forms for catalog in source_catalogs()}
    assert len(headers) == 1, headers
    return headers.pop()


def test_there_are_sources_and_plurals() -> None:
    assert SOURCES and translated(str) and translated(tuple)


def test_the_loaded_catalog_carries_the_sources_plural_rule(loaded, source_rule) -> None:
    assert plural_fields(loaded.info()["plural-forms"]) == plural_fields(source_rule)


def test_every_translated_msgid_is_in_the_loaded_catalog(loaded) -> None:
    wrong = [message.id for message in translated(str)
             if (loaded.pgettext(message.context, message.id) if message.context else loaded.gettext(message.id))
             != message.string]
    assert not wrong, f"{len(wrong)} translations missing from {i18n.LOCALE_DIR}: {wrong[:5]}"


def test_plural_entries_have_exactly_the_headers_forms(loaded) -> None:
    path = gettext.find(i18n.DOMAIN, i18n.LOCALE_DIR, ["it"])
    assert path, f"no compiled Italian catalog in {i18n.LOCALE_DIR}"
    with open(path, "rb") as handle:
        compiled = read_mo(handle)
    forms = plural_rule(loaded.info()["plural-forms"])[0]
    plurals = [message for message in compiled if message.pluralizable]
    assert len(plurals) == len(translated(tuple))
    wrong = {message.id[0]: len(message.string) for message in plurals if len(message.string) != forms}
    assert not wrong, f"plural entries without {forms} forms: {wrong}"


@pytest.mark.parametrize("count", COUNTS)
def test_ngettext_gives_the_italian_form(loaded, source_rule, count) -> None:
    choose = plural_rule(source_rule)[1]
    wrong = {}
    for message in translated(tuple):
        got = loaded.ngettext(message.id[0], message.id[1], count)
        if got != message.string[choose(count)]:
            wrong[message.id[0]] = got
    assert not wrong, f"n={count}: {wrong}"
