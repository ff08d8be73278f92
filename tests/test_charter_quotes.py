"""Every quote in the charter data is in the charter's text: in the vendored excerpts (tests/data) always,
and in the full texts too when they are available beside the repository."""

from pathlib import Path

import pytest

from kenactl.core.record import fields
from kenactl.knowledge import charters

DATA = Path(__file__).resolve().parent / "data"
FULL_TEXTS = Path(__file__).resolve().parents[1].parent / "shared" / "domain"


def quotes(value, key: str = "") -> list[str]:
    """Every text under a key ending in ``quote``, anywhere in a loaded charter."""
    if hasattr(value, "_record_names"):
        return [q for name in fields(value) for q in quotes(getattr(value, name), name)]
    if isinstance(value, dict):
        return [q for name, item in value.items() for q in quotes(item, str(name))]
    if isinstance(value, (list, tuple)):
        return [q for item in value for q in quotes(item, key)]
    return [value] if isinstance(value, str) and key.endswith("quote") else []


def words(text: str) -> str:
    return " ".join(text.split())


def excerpts(charter_id: str) -> tuple[str, list[str]]:
    """The header line naming the document, and the vendored passages (blank-line separated)."""
    header, _, body = (DATA / f"charter-{charter_id}.txt").read_text(encoding="utf-8").partition("\n\n")
    return header, [words(passage) for passage in body.split("\n\n") if passage.strip()]


def assert_quoted_from(charter_id: str, text: str) -> None:
    found = quotes(charters.load(charter_id))
    assert len(found) >= 8
    for quote in found:
        for part in quote.split("[...]"):
            assert words(part) in text, (charter_id, part)


@pytest.mark.parametrize("charter_id", charters.CHARTER_IDS)
def test_every_quote_is_in_the_vendored_excerpts(charter_id: str) -> None:
    header, passages = excerpts(charter_id)
    charter = charters.load(charter_id)
    assert header.startswith("Excerpts from ") and charter.title in header  # publisher, title, edition
    assert_quoted_from(charter_id, "\n".join(passages))


def test_a_quote_missing_from_the_excerpts_is_caught() -> None:
    _, passages = excerpts("tim-2022")
    original = "\n".join(passages)
    text = original.replace("entro 60 giorni dalla richiesta", "entro 30 giorni dalla richiesta")
    assert text != original
    with pytest.raises(AssertionError):
        assert_quoted_from("tim-2022", text)


@pytest.mark.skipif(not FULL_TEXTS.is_dir(), reason="the charters' full texts are not beside the repository")
@pytest.mark.parametrize("charter_id", charters.CHARTER_IDS)
def test_every_quote_and_excerpt_is_in_the_full_text(charter_id: str) -> None:
    _, passages = excerpts(charter_id)
    texts = [words(path.read_text(encoding="utf-8")) for path in sorted(FULL_TEXTS.glob("*.txt"))]
    matching = [text for text in texts if all(passage in text for passage in passages)]
    assert len(matching) == 1, f"{charter_id}: the excerpts are not all in one full text"
    assert_quoted_from(charter_id, matching[0])
