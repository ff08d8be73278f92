"""The parsed built-in operator data shipped in the package (``builtin_data.py``) is the TOML files, and the
built operators and rules (``builtin_rules.py``) are what the one loader builds from them."""

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import operator_data_tool

from kenactl.knowledge import ledger_rules, operators, registry
from kenactl.knowledge.operators import builtin_operators, builtin_rules, loader
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


@pytest.mark.parametrize("name", registry.BUILTIN)
def test_every_shipped_operator_part_and_rule_is_what_the_one_loader_builds_from_its_file(monkeypatch, tmp_path, name):
    tool = operator_data_tool(monkeypatch, tmp_path, lambda tool: tool.source(), lambda tool: tool.charter_source())[4]
    path = str(registry.BUILTIN_FOLDER / f"{name}.toml")
    document = registry.parse_file(path)
    operator = loader.build(name, path, document, registry.parse_file(registry.BUILTIN_FOLDER / "_common.toml"))
    rule = ledger_rules.build(name, operators.PARTS["ledger"](operator), document)
    shipped = {"operator": builtin_operators.OPERATORS[name](path), "rule": builtin_rules.RULES[name]()}
    for part, functions in builtin_rules.PARTS.items():
        shipped[part] = functions[name]()
        assert shipped[part] == operators.PARTS[part](operator)
        assert operators.part(name, part) == shipped[part]
    assert (shipped["operator"], shipped["rule"]) == (operator, rule)
    assert operators.load(name) == operator and operators.renewal_rule(name) == rule
    for value, built in ((shipped["operator"], operator), (shipped["rule"], rule)):
        assert tool.code(value, "", set()) == tool.code(built, "", set())  # the same types too (Decimal("0.00"))



def test_check_fails_when_the_shipped_operators_differ_from_the_files(monkeypatch, tmp_path):
    tool = operator_data_tool(monkeypatch, tmp_path, lambda tool: tool.source(), lambda tool: tool.charter_source())[4]
    for file, text in tool.built_sources().items():
        stale = text.replace("'Kena Mobile'", "'Kena Mobil'", 1)
        assert stale != text
        (tmp_path / file).write_text(stale, encoding="utf-8")
        monkeypatch.setattr(sys, "argv", ["operator_data.py", "--check"])
        assert tool.main() == 1
        monkeypatch.setattr(sys, "argv", ["operator_data.py"])
        assert tool.main() == 0
        assert (tmp_path / file).read_text(encoding="utf-8") == text
