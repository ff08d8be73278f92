"""The parsed built-in operator data shipped in the package (``builtin_data.py``) is the TOML files."""

import subprocess
import sys
from pathlib import Path

from helpers import operator_data_tool

from kenactl.knowledge import registry
from kenactl.knowledge.operators.builtin_data import DOCUMENTS

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "operator_data.py"


def test_the_shipped_module_is_what_the_generator_writes_from_the_files():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_every_builtin_file_has_its_parsed_document_equal_to_reading_the_file():
    files = sorted(path.stem for path in registry.BUILTIN_FOLDER.glob("*.toml"))
    assert sorted(DOCUMENTS) == files
    for name in files:
        path = registry.BUILTIN_FOLDER / f"{name}.toml"
        parsed = registry.parse_file(path)
        assert registry.read(path) is DOCUMENTS[name]
        assert DOCUMENTS[name] == parsed
        assert repr(DOCUMENTS[name]) == repr(parsed)  # same types and the same key order, not only equal


def test_a_user_file_is_still_read_from_disk(tmp_path):
    user = tmp_path / "kena.toml"
    user.write_text('name = "My Kena"\n', encoding="utf-8")
    assert registry.read(user) == {"name": "My Kena"}


def test_check_fails_when_a_file_changes_without_regenerating(tmp_path, monkeypatch):
    checked, written, operator_target, _, tool = operator_data_tool(
        monkeypatch, tmp_path, lambda tool: tool.source().replace("Kena Mobile", "Kena Mobil", 1),
        lambda tool: tool.charter_source())
    assert (checked, written) == (1, 0)
    assert operator_target.read_text(encoding="utf-8") == tool.source()
