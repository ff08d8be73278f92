"""The built charters shipped in the package (``charters/builtin_charters.py``) are what the loader builds of
the TOML files."""

from pathlib import Path

import pytest
from helpers import operator_data_tool

from kenactl.knowledge import charters
from kenactl.knowledge.charters import loader
from kenactl.knowledge.charters.builtin_charters import CHARTERS

CHARTER_DIR = Path(charters.__file__).parent


def test_every_packaged_charter_is_shipped_as_the_loader_builds_it_from_its_file(monkeypatch, tmp_path):
    tool = operator_data_tool(monkeypatch, tmp_path, lambda tool: tool.source(), lambda tool: tool.charter_source())[4]
    assert sorted(CHARTERS) == sorted(path.stem for path in CHARTER_DIR.glob("*.toml"))
    assert tuple(CHARTERS) == charters.CHARTER_IDS
    for charter_id, shipped in CHARTERS.items():
        text = (CHARTER_DIR / f"{charter_id}.toml").read_text(encoding="utf-8")
        built = loader.parse(text, f"{charter_id}.toml")
        assert shipped() == built == charters.load(charter_id)
        assert shipped().holiday_name is built.holiday_name  # compare=False: the national holidays in both
        named = {"holiday_name": "holiday_name"}  # the same types too (Decimal("2.00")):
        assert tool.code(shipped(), "", set(), called=named) == tool.code(built, "", set(), called=named)


def test_a_packaged_file_with_another_id_is_refused(monkeypatch):
    document = loader.packaged_document("noverca")
    monkeypatch.setattr(loader, "packaged_document", lambda charter_id: {**document, "id": "tim-2022"})
    with pytest.raises(charters.CharterError, match=r"^noverca\.toml: id is 'tim-2022', expected 'noverca'$"):
        loader.build_packaged("noverca")


def test_loading_a_charter_twice_builds_it_afresh_after_the_cache_is_cleared():
    charters.load.cache_clear()
    charter = charters.load("tim-2022")
    charter.compensation.cases["activation"] = "changed"
    charters.load.cache_clear()
    assert charters.load("tim-2022").compensation.cases["activation"] == "a) tempo di attivazione del Servizio Voce"
    charters.load.cache_clear()


def test_check_fails_when_a_charter_file_changes_without_regenerating(tmp_path, monkeypatch):
    checked, written, _, charter_target, tool = operator_data_tool(
        monkeypatch, tmp_path, lambda tool: tool.source(),
        lambda tool: tool.charter_source().replace("Dicembre 2022", "Dicembre 2021", 1))
    assert (checked, written) == (1, 0)
    assert charter_target.read_text(encoding="utf-8") == tool.charter_source()


def test_the_shipped_complaint_terms_are_each_packaged_charters_own():
    from kenactl.knowledge.charters.builtin_complaint_terms import TERMS

    assert tuple(TERMS) == charters.CHARTER_IDS
    for charter_id, shipped in TERMS.items():
        built = loader.build_packaged(charter_id)
        assert shipped() == built.complaint_terms and shipped().cite("§14") == built.cite("§14")
        assert shipped().holiday_name is built.holiday_name
    assert charters.complaint_editions() == tuple(charter.complaint_terms for charter in charters.editions())
