"""What people read cites public sources: no text of the package or the tests names the internal ones."""

import tomllib
from pathlib import Path

import pytest

from kenactl.knowledge import charters, operators

ROOT = Path(__file__).resolve().parent.parent
# Spelled in pieces so that this file passes its own check.
FORBIDDEN = ("seed" + " 0", "facts" + ".md", "issue" + " ")
TEXT_SUFFIXES = {".py", ".toml", ".po", ".ics", ".txt", ".md", ".json", ".sh", ".fish", ".zsh", ".bash"}


def text_files() -> list[Path]:
    files = [path for folder in (ROOT / "kenactl", ROOT / "tests") for path in folder.rglob("*")
             if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts]
    return sorted(files)


def test_the_check_sees_the_data_files_catalogs_and_golden_files():
    names = {path.name for path in text_files()}
    assert {"kena.toml", "tim-2022.toml", "explain.po", "household.ics", "restart.py"} <= names


@pytest.mark.parametrize("path", text_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_internal_source_names(path):
    text = path.read_text(encoding="utf-8").lower()
    found = [word for word in FORBIDDEN if word in text]
    assert not found, f"{path.relative_to(ROOT)} mentions {found}"


def test_every_operator_fact_and_charter_names_a_dated_or_undated_public_source():
    for operator in operators.load_all():
        facts = [operator.short_credit.fact, operator.validity.fact,
                 *(item.fact for group in (operator.timeline, operator.works, operator.rates,
                                           operator.after_topup, operator.notes) for item in group),
                 *(rule.fact for rule in operator.options.values())]
        for fact in facts:
            assert fact.source.strip() and not fact.source.endswith(".txt"), (operator.id, fact.source)
    for charter in charters.editions():
        document = tomllib.loads((Path(charters.__file__).parent / f"{charter.id}.toml").read_text(encoding="utf-8"))
        assert document["source"] == charter.source and not charter.source.endswith(".txt")
        assert "S.p.A." in charter.source or "S.r.l." in charter.source  # the publisher
        assert any(word in charter.source for word in ("2022", "undated"))  # the date, or that there is none
