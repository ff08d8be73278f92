"""Fuzzing: any value in any argument slot of any command, and any mutation of a profile, ends in exit 0, 1
or 2 with at most one stderr line, never "internal error", and a failure leaves the files byte-identical.

Bounded (``max_examples``) so that the two tests add well under a minute to the suite.
"""

import re
from pathlib import Path

import click
import pytest
from helpers import KENA_INIT
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_bad_input import TIM_ADD

from kenactl.cli import cli

AT = "2026-11-20T12:00"
NASTY = ["", " ", "0", "-1", "1", "9" * 5001, "9" * 30, "99999999999d", "99999w", "1e999999999999", "inf", "nan",
         "-0", "1,5GB", "100TB", "unlimited", "[/]", "[link=https://evil.example]x[/link]", "\x1b[2J", "a\nb",
         "\udcff", "\u202e", "2999-12-31", "0001-01-01", "2027-02-30T25:61", "main", "nonna", "kena", "on",
         "continuita=off", "x=", "=", "{credit:>99}", "é" * 600, "--help", "-", "."]
VALUES = st.one_of(st.sampled_from(NASTY), st.text(st.characters(blacklist_characters="\x00"), max_size=40),
                   st.from_regex(r"-?[0-9]{1,12}([.,][0-9]{0,4})?\s?(GB|MB|d|h|w|m|€)?", fullmatch=True))
SETTINGS = settings(max_examples=250, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    """Every leaf command with its path (subcommands are loaded lazily)."""
    context = click.Context(group)
    found = []
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            found.extend(commands(command, (*path, name)))
        else:
            found.append(((*path, name), command))
    return found


def valid_value(param: click.Parameter) -> str:
    """A value that is acceptable for ``param``, to fill the slots that are not being fuzzed."""
    by_name = {"amount": "3", "description": "rata", "name": "casa", "old": "nonna", "new": "zia", "shell": "bash",
               "complaint_id": "1", "number": "1", "first": "2026-11-01"}
    if param.name in by_name:
        return by_name[param.name]
    if isinstance(param.type, click.Choice):
        return str(param.type.choices[0])
    return "1"


LINE_VALUES = {"operator": "kena", "offer": "Kena 7.99", "price": "7.99", "renewal_day": "15", "data": "100GB",
               "minutes": "unlimited", "sms": "100", "credit": "10"}


def slots() -> list[tuple[tuple[str, ...], click.Command, click.Parameter]]:
    found = [((), cli, param) for param in cli.params if param.name not in ("help", "version") and param.expose_value]
    found += [((), cli, param) for param in cli.params if param.name == "lang"]
    for path, command in commands(cli):
        for param in command.params:
            if isinstance(param, click.Option) and (param.is_flag or param.name == "help"):
                continue
            found.append((path, command, param))
    return found


SLOTS = slots()


def command_line(path: tuple[str, ...], command: click.Command, fuzzed: click.Parameter, value: str,
                 folder: Path) -> list[str]:
    """``path`` with ``value`` in the ``fuzzed`` slot and valid values in the other required ones."""
    if fuzzed.name in ("profile_option", "output"):  # a file name: one component inside the test folder
        value = str(folder / ("fz-" + value.replace("/", "_").replace("\x00", "")[:300]))
    if command is cli:
        flag = fuzzed.opts[0]
        return ["--at", AT, flag, value, "status"] if fuzzed.name != "at" else [flag, value, "status"]
    words = ["--at", AT, *path]
    new_line = path in (("init",), ("line", "add"))  # every field given, so that the fuzzed one decides
    for param in command.params:
        if isinstance(param, click.Argument):
            words.append(value if param is fuzzed else valid_value(param))
        elif param is fuzzed:
            words += [param.opts[0], value]
        elif param.required or (new_line and param.name in LINE_VALUES):
            words += [param.opts[0], LINE_VALUES.get(param.name) or valid_value(param)]
    if path == ("init",):
        words += ["--force", "--yes"]
    if isinstance(fuzzed, click.Option) and not any(isinstance(p, click.Argument) for p in command.params):
        return words
    # an argument that starts with "-" must follow "--" to stay an argument
    if isinstance(fuzzed, click.Argument) and value.startswith("-"):
        arguments = [word for word in words if word == value]
        if arguments:
            index = words.index(value)
            words = words[:index] + ["--"] + words[index:]
    return words


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())
            if path.is_file() and not path.name.endswith(".lock")}


def restore(folder: Path, snapshot: dict[str, bytes]) -> None:
    """Put back the profile and its backup as they were before the first example."""
    for path in folder.iterdir():
        if path.is_file() and not path.name.endswith(".lock") and path.name not in snapshot:
            path.unlink()
    for name, data in snapshot.items():
        (folder / name).write_bytes(data)


def check(result, before: dict[str, bytes], folder: Path, args: list[str]) -> None:
    event(f"exit {result.exit_code}")
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
    assert len(result.stderr.splitlines()) <= 1, (args, result.stderr)
    if result.exit_code == 2:
        assert files(folder) == before, (args, result.stderr)


@pytest.fixture
def rich_profile(run, profile_path, monkeypatch):
    """A profile with two lines, usage, charges in instalments, a top-up and a complaint."""
    for args in (KENA_INIT, TIM_ADD, ("usage", "set", "--data", "12GB", "--sms", "3"),
                 ("charges", "add", "arretrati", "9", "--instalments", "3"), ("credit", "topup", "5"),
                 ("rights", "complaint", "add", "--subject", "rete"), ("line", "set", "--line", "nonna", "--option",
                                                                          "sempre-connesso=off")):
        result = run("--at", AT, *args)
        assert result.exit_code == 0, (args, result.stderr)
    monkeypatch.setenv("EDITOR", "true")  # profile edit: an editor that changes nothing
    return profile_path, files(profile_path.parent)


@SETTINGS
@given(data=st.data())
def test_any_value_in_any_argument_slot(run, rich_profile, tmp_path, data):
    profile, pristine = rich_profile
    restore(profile.parent, pristine)
    path, command, param = data.draw(st.sampled_from(SLOTS), label="slot")
    value = data.draw(VALUES, label="value")
    args = command_line(path, command, param, value, tmp_path / "out")
    (tmp_path / "out").mkdir(exist_ok=True)
    check(run(*args), files(profile.parent), profile.parent, args)


TOML_VALUES = ['"\\u001b[2J"', "9" * 5001, "1e999999999999", "-1e999999999999", "inf", "nan", "-0", "0", "-1",
               "2999-12-31", "1899-01-01", "9999-12-31T23:59:59Z", '"99999999999d"', "{a = 1}", "[]", "[[]]", "true",
               '""', '"unlimited"', '"1,5GB"', "1.999", "[" * 300 + "]" * 300, '"' + "x" * 600 + '"', "12:00:00"]
COMMANDS = [("status",), ("status", "--json"), ("profile", "validate"), ("credit", "topup", "1"), ("explain",),
            ("export", "ics"), ("remind", "--within", "30d"), ("charges", "list"), ("line", "list"),
            ("restart", "check"), ("restart", "plan"), ("rights", "complaint", "list"), ("usage", "show"),
            ("line", "set", "--price", "9"), ("undo",)]


@SETTINGS
@given(data=st.data())
def test_any_mutation_of_the_profile(run, rich_profile, data):
    profile, pristine = rich_profile
    restore(profile.parent, pristine)
    original = pristine["profile.toml"].decode("utf-8")
    lines = original.split("\n")
    index = data.draw(st.integers(0, len(lines) - 1), label="line")
    kind = data.draw(st.sampled_from(["value", "text", "delete", "duplicate", "truncate", "key"]), label="kind")
    if kind == "value" and "=" in lines[index]:
        lines[index] = lines[index].split("=", 1)[0] + "= " + data.draw(st.sampled_from(TOML_VALUES), label="new")
    elif kind == "text":
        lines.insert(index, data.draw(VALUES, label="inserted").encode("utf-8", "replace").decode("utf-8"))
    elif kind == "delete":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, lines[index])
    elif kind == "key" and "=" in lines[index]:
        lines[index] = data.draw(st.sampled_from(['"a\\nb"', "lines", "x.y.z", '"[/]"', "alarms"])) + " =" + \
            lines[index].split("=", 1)[1]
    else:
        lines = lines[:index]
    mutated = "\n".join(lines)
    profile.write_text(mutated, encoding="utf-8")
    before = files(profile.parent)
    args = data.draw(st.sampled_from(COMMANDS), label="command")
    result = run("--at", AT, *args)
    check(result, before, profile.parent, list(args))
    if result.exit_code == 2 and args[0] != "undo":
        assert re.match(r"^kenactl: ", result.stderr)
