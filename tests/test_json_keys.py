"""The README's JSON-keys table against what every command's ``--json`` prints (tests/json_scenario.py).

Each row names the objects a key belongs to, its type and its meaning; a command prints the object named like
it. A key printed that the table does not list for that object fails, a listed key no command prints fails,
and each value must have the row's type (``money`` two decimals, ``date``, ``date-time`` with offset, ...).
"""

import re
from pathlib import Path

import click
from json_scenario import STEPS, runs

from kenactl.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
NO_JSON = {"profile edit", "export ics", "completion"}  # an editor session, a calendar file, a shell script
ROW = re.compile(r"^\| (`[^|]+`) \| (`[^|]+`) \| ([^|]+) \| [^|]+ \|$")
SCALARS = {
    "null": lambda value: value is None,
    "boolean": lambda value: isinstance(value, bool),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    "string": lambda value: isinstance(value, str),
    "money": lambda value: isinstance(value, str) and re.fullmatch(r"-?\d+\.\d\d", value) is not None,
    "date": lambda value: isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value) is not None,
    "date-time": lambda value: isinstance(value, str) and re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value) is not None,
    "time": lambda value: isinstance(value, str) and re.fullmatch(r"\d\d:\d\d", value) is not None,
    '"unknown"': lambda value: value == "unknown",
}


def readme_table() -> dict[str, dict[str, str]]:
    """object name → key → type, from the README's "JSON keys" section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## JSON keys\n", 1)[1].split("\n## ", 1)[0]
    table: dict[str, dict[str, str]] = {}
    for line in section.splitlines():
        match = ROW.match(line)
        assert match or not line.startswith("| `"), f"a JSON-keys row the test cannot read: {line}"
        if match:
            for name in re.findall(r"`([^`]+)`", match.group(1)):
                for key in re.findall(r"`([^`]+)`", match.group(2)):
                    table.setdefault(name, {})[key] = match.group(3).strip()
    return table


def leaf_commands(group: click.Group, ctx: click.Context, path: str = "") -> dict[str, click.Command]:
    found = {}
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        full = f"{path} {name}".strip()
        if isinstance(command, click.Group):
            found.update(leaf_commands(command, ctx, full))
        if not isinstance(command, click.Group) or command.invoke_without_command:
            found[full] = command
    return found


class Checker:
    """Walks printed JSON along the table's object names, noting unlisted keys and wrong types."""

    def __init__(self, table: dict[str, dict[str, str]]):
        self.table = table
        self.seen: set[tuple[str, str]] = set()
        self.errors: list[str] = []

    def object(self, value: dict, name: str, where: str) -> None:
        keys = self.table.get(name)
        if keys is None:
            self.errors.append(f"{where}: the table has no object {name!r}")
            return
        for key, item in value.items():
            if key not in keys:
                self.errors.append(f"{where}: key {key!r} of {name!r} is not in the README's JSON-keys table")
                continue
            self.seen.add((name, key))
            if not self.fits(item, keys[key], f"{where}.{key}"):
                self.errors.append(f"{where}.{key}: {item!r} is not {keys[key]}")

    def fits(self, value, kind: str, where: str) -> bool:
        for alternative in kind.split(" or "):
            if alternative.startswith("object ") and isinstance(value, dict):
                self.object(value, alternative.removeprefix("object "), where)
                return True
            items = value if alternative.startswith("array") and isinstance(value, list) else \
                list(value.values()) if alternative.startswith("map") and isinstance(value, dict) else None
            if items is not None:
                inner = alternative.split(" of ", 1)[1] if " of " in alternative else None
                return inner is None or all(self.fits(item, inner, f"{where}[]") for item in items)
            if alternative in SCALARS and SCALARS[alternative](value):
                return True
        return False


def test_every_command_has_json_and_a_run():
    ctx = click.Context(cli)
    commands = leaf_commands(cli, ctx)
    ran = {command for command, _, _ in STEPS}
    for path, command in commands.items():
        if path in NO_JSON:
            continue
        assert any("--json" in getattr(param, "opts", ()) for param in command.params), f"{path} has no --json"
        assert path in ran, f"{path} is not run by tests/json_scenario.py"
    assert ran <= set(commands)


def test_json_keys_match_the_readme_table(run):
    table = readme_table()
    assert len(table) > 20, "the README's JSON keys section was not found"
    checker = Checker(table)
    for command, outputs in runs(run).items():
        for output in outputs:
            checker.object(output, command, command)
    assert not checker.errors, "\n".join(checker.errors)
    listed = {(name, key) for name, keys in table.items() for key in keys}
    assert not listed - checker.seen, f"listed but never printed: {sorted(listed - checker.seen)}"


def test_the_checker_refuses_unlisted_keys_and_wrong_types():
    checker = Checker({"thing": {"at": "date-time", "price": "money or null", "items": "array of object item"},
                       "item": {"due": "date"}})
    checker.object({"at": "2026-12-05", "price": "7.9", "items": [{"due": "2026-12-05", "extra": 1}],
                    "period_end": None}, "thing", "x")
    assert checker.errors == ["x.at: '2026-12-05' is not date-time", "x.price: '7.9' is not money or null",
                              "x.items[]: key 'extra' of 'item' is not in the README's JSON-keys table",
                              "x: key 'period_end' of 'thing' is not in the README's JSON-keys table"]
