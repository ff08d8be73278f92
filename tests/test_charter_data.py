"""The parsed charter data shipped in the package (``charters/builtin_data.py``) is the TOML files."""

import sys
from pathlib import Path

from kenactl.knowledge import charters
from kenactl.knowledge.charters.builtin_data import DOCUMENTS

CHARTER_DIR = Path(charters.__file__).parent
TOOLS = Path(__file__).resolve().parent.parent / "tools"


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
    sys.path.insert(0, str(TOOLS))
    try:
        import operator_data
    finally:
        sys.path.remove(str(TOOLS))
    operator_target, charter_target = tmp_path / "operator_data.py", tmp_path / "charter_data.py"
    operator_target.write_text(operator_data.source(), encoding="utf-8")
    charter_target.write_text(operator_data.charter_source().replace("Dicembre 2022", "Dicembre 2021", 1),
                              encoding="utf-8")
    monkeypatch.setattr(operator_data, "TARGET", operator_target)
    monkeypatch.setattr(operator_data, "CHARTER_TARGET", charter_target)
    monkeypatch.setattr(operator_data, "ROOT", tmp_path)
    monkeypatch.setattr(sys, "argv", ["operator_data.py", "--check"])
    assert operator_data.main() == 1
    monkeypatch.setattr(sys, "argv", ["operator_data.py"])
    assert operator_data.main() == 0
    assert charter_target.read_text(encoding="utf-8") == operator_data.charter_source()
