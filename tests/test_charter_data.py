"""The parsed charter data shipped in the package (``charters/builtin_data.py``) is the TOML files."""

from pathlib import Path

from helpers import operator_data_tool

from kenactl.knowledge import charters
from kenactl.knowledge.charters.builtin_data import DOCUMENTS

CHARTER_DIR = Path(charters.__file__).parent


def test_every_packaged_charter_has_its_parsed_document_equal_to_reading_the_file():
    assert sorted(DOCUMENTS) == sorted(path.stem for path in CHARTER_DIR.glob("*.toml"))
    assert tuple(DOCUMENTS) == charters.CHARTER_IDS
    for charter_id, document in DOCUMENTS.items():
        text = (CHARTER_DIR / f"{charter_id}.toml").read_text(encoding="utf-8")
        parsed = charters.read_document(text, f"{charter_id}.toml")
        assert document == parsed
        assert repr(document) == repr(parsed)  # same types and the same key order, not only equal
        assert charters.load(charter_id) == charters.parse(text, f"{charter_id}.toml")


def test_loading_a_charter_leaves_the_shipped_document_unchanged():
    before = repr(DOCUMENTS)
    charters.load.cache_clear()
    charter = charters.load("tim-2022")
    charter.compensation.cases["activation"] = "changed"
    assert repr(DOCUMENTS) == before
    charters.load.cache_clear()


def test_check_fails_when_a_charter_file_changes_without_regenerating(tmp_path, monkeypatch):
    checked, written, _, charter_target, tool = operator_data_tool(
        monkeypatch, tmp_path, lambda tool: tool.source(),
        lambda tool: tool.charter_source().replace("Dicembre 2022", "Dicembre 2021", 1))
    assert (checked, written) == (1, 0)
    assert charter_target.read_text(encoding="utf-8") == tool.charter_source()
