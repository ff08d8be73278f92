"""Regenerate README.md's console examples from real kenactl runs; ``--check`` fails when they drift.

A console example is a fenced block right after a marker comment::

    <!-- example: SESSION
    at: 2026-11-22T10:00
    setup: kenactl init --operator kena ...
    -->
    ```console
    $ kenactl status
    (output, rewritten)
    ```

Blocks with the same SESSION share one temporary home (so one profile, state file and calendar
folder), in README order. ``setup:`` commands run, unshown, before the block's own commands and must
succeed; ``at:`` is the moment (``--at``) of every command of the block that gives none itself.
``<!-- example: static REASON -->`` marks a block no real run can produce; it is left as it is.
Inside a block, ``$ `` starts a command (a trailing ``\\`` continues it on the next line); everything
else is output and is replaced. A command is ``kenactl ARGS`` (optionally with ``NAME=VALUE`` before
it and ``| head -N`` or ``| tail -N`` after it), ``echo $?``, ``export NAME=VALUE`` or ``mkdir -p DIR``.

Commands run in this process through click's CliRunner, in English unless a block exports
``KENACTL_LANG``, with NO_COLOR, 80 columns and the session's home shown as ``/home/anna``.

    python tools/readme_examples.py            # rewrite README.md's outputs
    python tools/readme_examples.py --check    # exit 1 with a diff when any output differs
"""

from __future__ import annotations

import argparse
import difflib
import re
import shlex
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
SHOWN_HOME = "/home/anna"
MARKER = re.compile(r"^\s*<!-- example: (?P<name>\S+)(?P<rest>.*)$")
FENCE = re.compile(r"^(\s*)```")
PIPE = re.compile(r"^(head|tail) (?:-n\s*)?-?(\d+)$")

# The environment every command runs in: nothing of the caller's leaks into an example.
CLEARED = ("KENACTL_PROFILE", "KENACTL_DEBUG", "KENACTL_LANG", "KENACTL_PLAIN", "KENACTL_STATE", "EDITOR", "VISUAL",
           "LANGUAGE", "LC_ALL", "LC_MESSAGES", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME",
           "XDG_CACHE_HOME", "_KENACTL_COMPLETE", "_KENACTL_VALUES")
FIXED = {"NO_COLOR": "1", "COLUMNS": "80", "LINES": "50", "LANG": "C.UTF-8", "TZ": "UTC", "TERM": "dumb"}


class ExampleError(Exception):
    """An example that cannot be run as written (a bad marker, an unsupported command, a failed setup)."""


@dataclass
class Session:
    """One temporary home shared by the blocks of one session name."""

    home: Path
    env: dict[str, str] = field(default_factory=dict)
    last_exit: int = 0


@dataclass
class Marker:
    """What an ``<!-- example: -->`` comment says: the session, the moment, the unshown setup commands."""

    name: str
    at: str | None = None
    setup: list[str] = field(default_factory=list)


def parse_marker(lines: list[str], start: int) -> tuple[Marker | None, int]:
    """The marker starting at ``lines[start]`` and the index after it; ``None`` for a static one."""
    match = MARKER.match(lines[start])
    body = [match["rest"]]
    end = start
    while "-->" not in body[-1]:
        end += 1
        if end == len(lines):
            raise ExampleError(f"line {start + 1}: example marker without '-->'")
        body.append(lines[end])
    body[-1] = body[-1].split("-->")[0]
    if match["name"] == "static":
        return None, end + 1
    marker = Marker(match["name"])
    for raw in body:
        text = raw.strip()
        if not text:
            continue
        key, sep, value = text.partition(":")
        if not sep or key not in ("at", "setup"):
            raise ExampleError(f"line {start + 1}: unknown marker entry {text!r} (expected 'at:' or 'setup:')")
        if key == "at":
            marker.at = value.strip()
        else:
            marker.setup.append(value.strip())
    return marker, end + 1


def split_commands(block: list[str]) -> list[list[str]]:
    """The block's command lines (each command with its continuation lines), output dropped."""
    commands: list[list[str]] = []
    index = 0
    while index < len(block):
        if block[index].startswith("$ "):
            command = [block[index]]
            while command[-1].endswith("\\") and index + 1 < len(block):
                index += 1
                command.append(block[index])
            commands.append(command)
        elif not commands:
            raise ExampleError(f"output before the first command: {block[index]!r}")
        index += 1
    return commands


class Runner:
    """Runs example commands in-process with click's CliRunner, one temporary home per session."""

    def __init__(self, root: Path) -> None:
        from click.testing import CliRunner

        from kenactl.cli import cli

        self.cli = cli
        self.runner = CliRunner()
        self.root = root
        self.sessions: dict[str, Session] = {}

    def session(self, marker: Marker) -> Session:
        """The marker's session (a new home the first time), after running the marker's setup commands."""
        session = self.sessions.get(marker.name)
        if session is None:
            home = self.root / f"{len(self.sessions)}-{marker.name}" / "anna"
            home.mkdir(parents=True)
            session = self.sessions[marker.name] = Session(home)
        for command in marker.setup:
            output, code = self.run(session, command, marker.at)
            if code != 0:
                raise ExampleError(f"setup {command!r} exited {code}:\n{output}")
        return session

    def run(self, session: Session, command: str, at: str | None) -> tuple[str, int]:
        """The text the command prints (stdout and stderr as a terminal shows them) and its exit status."""
        try:
            words = shlex.split(command, comments=True)
        except ValueError as error:
            raise ExampleError(f"cannot parse {command!r}: {error}") from error
        env: dict[str, str] = {}
        while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
            name, _, value = words.pop(0).partition("=")
            env[name] = value
        if words[:1] == ["echo"] and words[1:] == ["$?"]:
            return f"{session.last_exit}\n", 0
        if words[:1] == ["export"] and len(words) == 2 and "=" in words[1]:
            name, _, value = words[1].partition("=")
            session.env[name] = value
            return "", 0
        if words[:2] == ["mkdir", "-p"] and len(words) > 2:
            for folder in words[2:]:
                Path(self._expand(session, folder)).mkdir(parents=True, exist_ok=True)
            session.last_exit = 0
            return "", 0
        if words[:1] != ["kenactl"]:
            raise ExampleError(f"unsupported command {command!r}: only kenactl, echo $?, export and mkdir -p")
        args, pipe = self._pipe(words[1:], command)
        args = [self._expand(session, arg) for arg in args]
        if at is not None:
            args = ["--at", at, *args]  # an --at the command gives itself comes later and wins
        elif not any(arg == "--at" or arg.startswith("--at=") for arg in args):
            raise ExampleError(f"{command!r} gives no --at and its marker no 'at:': its output would change daily")
        result = self.runner.invoke(self.cli, args, env=self._environment(session, env),
                                    prog_name="kenactl", catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise ExampleError(f"{command!r} raised {type(result.exception).__name__}: {result.exception}")
        output = result.output.replace(str(session.home), SHOWN_HOME)
        if pipe is not None:
            kept = output.splitlines(keepends=True)
            output = "".join(kept[:pipe[1]] if pipe[0] == "head" else kept[len(kept) - pipe[1]:])
        session.last_exit = result.exit_code
        return output, result.exit_code

    @staticmethod
    def _pipe(words: list[str], command: str) -> tuple[list[str], tuple[str, int] | None]:
        """The kenactl arguments and an optional ``| head -N`` / ``| tail -N`` after them."""
        if "|" not in words:
            return words, None
        at = words.index("|")
        match = PIPE.match(" ".join(words[at + 1:]))
        if match is None:
            raise ExampleError(f"unsupported pipe in {command!r}: only '| head -N' or '| tail -N'")
        return words[:at], (match[1], int(match[2]))

    @staticmethod
    def _expand(session: Session, arg: str) -> str:
        if arg == "~" or arg.startswith("~/"):
            return str(session.home) + arg[1:]
        return arg.replace("$HOME", str(session.home))

    def _environment(self, session: Session, extra: dict[str, str]) -> dict[str, str | None]:
        env: dict[str, str | None] = dict.fromkeys(CLEARED)
        env.update(FIXED)
        env["HOME"] = str(session.home)
        env["KENACTL_PROFILE"] = str(session.home / ".config" / "kenactl" / "profile.toml")  # Linux's default, anywhere
        env.update(session.env)
        env.update(extra)
        return env


def render_block(runner: Runner, marker: Marker, block: list[str], indent: str) -> list[str]:
    """The block's commands, each followed by what it prints now (``indent``: the fence's, e.g. in a list)."""
    session = runner.session(marker)
    out: list[str] = []
    for command in split_commands([line.removeprefix(indent) for line in block]):
        out.extend(indent + line for line in command)
        text = "\n".join(line.removesuffix("\\") for line in command)[2:]
        output, _ = runner.run(session, text, marker.at)
        out.extend((indent + line).rstrip() for line in output.splitlines())
    return out


def regenerate(text: str) -> str:
    """README text with every marked block's output produced by running its commands."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    with tempfile.TemporaryDirectory(prefix="kenactl-readme-") as root:
        runner = Runner(Path(root))
        while index < len(lines):
            if not MARKER.match(lines[index]):
                out.append(lines[index])
                index += 1
                continue
            marker, after = parse_marker(lines, index)
            out.extend(lines[index:after])
            if after == len(lines) or not FENCE.match(lines[after]):
                raise ExampleError(f"line {index + 1}: an example marker must be followed by a fenced block")
            close = next((i for i in range(after + 1, len(lines)) if FENCE.match(lines[i])), None)
            if close is None:
                raise ExampleError(f"line {after + 1}: fenced block without its closing fence")
            out.append(lines[after])
            block = lines[after + 1:close]
            indent = FENCE.match(lines[after])[1]
            try:
                out.extend(block if marker is None else render_block(runner, marker, block, indent))
            except ExampleError as error:
                raise ExampleError(f"line {after + 1}, example {marker.name}: {error}") from error
            out.append(lines[close])
            index = close + 1
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 with a diff when an output differs")
    parser.add_argument("--readme", type=Path, default=README, help="the file to check or rewrite")
    options = parser.parse_args(argv)
    current = options.readme.read_text(encoding="utf-8")
    try:
        fresh = regenerate(current)
    except ExampleError as error:
        print(f"{options.readme}: {error}", file=sys.stderr)
        return 2
    if fresh == current:
        return 0
    if options.check:
        diff = difflib.unified_diff(current.splitlines(keepends=True), fresh.splitlines(keepends=True),
                                    f"{options.readme.name} (as written)", f"{options.readme.name} (as run)")
        sys.stdout.writelines(diff)
        print(f"\n{options.readme.name}: console examples differ from what the commands print; "
              f"regenerate with: python tools/readme_examples.py", file=sys.stderr)
        return 1
    options.readme.write_text(fresh, encoding="utf-8")
    print(f"rewrote the console examples of {options.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
