"""Every command, subcommand and option explains itself in ``--help``."""

import re
from pathlib import Path

import click
import pytest

from kenactl.cli import cli


def subcommands(group: click.Group) -> dict[str, click.Command]:
    """A group's subcommands, loading lazily registered ones."""
    context = click.Context(group)
    return {name: group.get_command(context, name) for name in group.list_commands(context)}


def walk(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name, sub in sorted(subcommands(command).items()):
            found.extend(walk(sub, (*path, name)))
    return found


COMMANDS = walk(cli)
CORE = {("init",), ("line",), ("line", "add"), ("line", "list"), ("line", "remove"), ("line", "rename"),
        ("line", "default"), ("line", "set"), ("usage",), ("usage", "set"), ("usage", "show"), ("credit",),
        ("credit", "set"), ("credit", "topup"), ("profile",), ("profile", "path"), ("profile", "show"),
        ("profile", "validate"), ("profile", "edit"), ("status",)}


def test_the_core_commands_exist():
    assert CORE <= {path for path, _ in COMMANDS}


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(path) or "kenactl" for path, _ in COMMANDS])
def test_every_command_has_help_text(run, path, command):
    assert (command.help or "").strip(), f"kenactl {' '.join(path)} has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and "--help" not in param.opts:
            assert (param.help or "").strip(), f"kenactl {' '.join(path)} {param.opts[0]} has no help text"
    result = run(*path, "--help")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Usage: ")
    assert result.stdout.splitlines()[0].split()[2:2 + len(path)] == list(path)  # "Usage: PROG PATH [OPTIONS]"
    assert " ".join(command.help.split()[:4]) in " ".join(result.stdout.split())


def test_group_help_lists_each_subcommand_with_its_summary(run):
    for path, command in COMMANDS:
        if isinstance(command, click.Group):
            text = run(*path, "--help").stdout
            for name in subcommands(command):
                assert f"  {name} " in text, (path, name)


README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS if path], ids=" ".join)
def test_every_command_is_documented_in_the_readme(path):
    assert f"kenactl {path[0]}" in README, f"README does not mention kenactl {path[0]}"
    if len(path) > 1:
        lines = [line for line in README.splitlines() if path[0] in line and re.search(rf"\b{path[-1]}\b", line)]
        assert lines, f"README does not document kenactl {' '.join(path)}"
