"""The generated scripts in real shells: bash always, zsh and fish when installed."""

import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kenactl.cli import cli
from kenactl.completion.command import script

BIN = str(Path(sys.executable).parent)  # where the installed kenactl is
PROFILE = """schema_version = 1
default_line = "main"
[lines.main]
operator = "kena"
offer = "Kena 7.99"
[lines.casa]
operator = "tim"
offer = "TIM Go"
"""
BASH_DRIVER = """source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
_kenactl
printf '%s\\n' "${COMPREPLY[@]}"
"""


@pytest.fixture
def shell_env(profile_path: Path) -> dict[str, str]:
    """The test's environment with kenactl on PATH and a two-line profile (read as written, not validated)."""
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text(PROFILE, encoding="utf-8")
    return {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}


def written(tmp_path: Path, shell: str, name: str) -> Path:
    path = tmp_path / "completions" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(script(shell, cli), encoding="utf-8")
    return path


def bash_complete(tmp_path: Path, env: dict, *words: str) -> tuple[list[str], str]:
    """COMPREPLY of the bash script's ``_kenactl`` for ``words`` (the last is being completed), and stderr."""
    driver = tmp_path / "driver.bash"
    driver.write_text(BASH_DRIVER, encoding="utf-8")
    result = subprocess.run(["bash", "--norc", "--noprofile", str(driver), str(written(tmp_path, "bash", "kenactl")),
                             *words], capture_output=True, text=True, env=env, timeout=30)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.split("\n") if line], result.stderr


def test_bash_offers_commands_without_starting_kenactl(tmp_path: Path, shell_env: dict) -> None:
    env = {**shell_env, "PATH": "/usr/bin:/bin"}  # no kenactl reachable: commands come from the script's tables
    offered, _ = bash_complete(tmp_path, env, "kenactl", "")
    assert {"status", "line", "usage", "credit", "init", "profile", "completion"} <= set(offered)
    assert bash_complete(tmp_path, env, "kenactl", "line", "re")[0] == ["remove", "rename"]
    assert bash_complete(tmp_path, env, "kenactl", "status", "--j")[0] == ["--json"]
    assert bash_complete(tmp_path, env, "kenactl", "export", "ics", "--alarm", "")[0] == ["1d", "2d", "3d", "1w"]


def test_bash_offers_line_names_from_the_profile(tmp_path: Path, shell_env: dict) -> None:
    assert bash_complete(tmp_path, shell_env, "kenactl", "status", "--line", "")[0] == ["main", "casa"]
    assert bash_complete(tmp_path, shell_env, "kenactl", "line", "rename", "c")[0] == ["casa"]
    assert bash_complete(tmp_path, shell_env, "kenactl", "line", "rename", "casa", "")[0] == []
    # bash splits "--line=ca" and "10:00" at = and :; the script glues them back
    assert bash_complete(tmp_path, shell_env, "kenactl", "status", "--line", "=", "ca")[0] == ["casa"]
    assert bash_complete(tmp_path, shell_env, "kenactl", "status", "--line", "=")[0] == ["main", "casa"]
    words = ("kenactl", "--at", "2026-11-01T10", ":", "00", "usage", "show", "--line", "m")
    assert bash_complete(tmp_path, shell_env, *words)[0] == ["main"]


def test_bash_offers_builtin_and_user_operators(tmp_path: Path, shell_env: dict, profile_path: Path) -> None:
    assert bash_complete(tmp_path, shell_env, "kenactl", "init", "--operator", "v")[0] == ["vodafone"]
    folder = profile_path.parent / "operators"  # the user's own operator files live beside the profile
    folder.mkdir()
    (folder / "myop.toml").write_text('name = "My Operator"\n', encoding="utf-8")
    assert bash_complete(tmp_path, shell_env, "kenactl", "line", "add", "x", "--operator", "m")[0] == ["myop"]
    offered, _ = bash_complete(tmp_path, shell_env, "kenactl", "explain", "--operator", "")
    assert offered == ["kena", "tim", "vodafone", "windtre", "iliad", "other", "myop"]


def test_bash_option_keys_and_files(tmp_path: Path, shell_env: dict) -> None:
    keys, _ = bash_complete(tmp_path, shell_env, "kenactl", "explain", "--line", "casa", "--option", "")
    assert set(keys) == {"auto-topup=", "sempre-connesso=", "ricarica-automatica="}
    pairs, _ = bash_complete(tmp_path, shell_env, "kenactl", "explain", "--line", "casa", "--option",
                             "sempre-connesso", "=", "o")
    assert pairs == ["on", "off"]  # bash replaces only the part after '='
    (tmp_path / "calendar.ics").write_text("", encoding="utf-8")
    files, _ = bash_complete(tmp_path, shell_env, "kenactl", "export", "ics", "-o", f"{tmp_path}/cal")
    assert files == [f"{tmp_path}/calendar.ics"]


def test_bash_broken_profile_gives_no_line_names_and_no_output(tmp_path: Path, shell_env: dict,
                                                               profile_path: Path) -> None:
    profile_path.write_text("[lines.main\noperator = ", encoding="utf-8")
    assert bash_complete(tmp_path, shell_env, "kenactl", "status", "--line", "") == ([], "")
    profile_path.unlink()
    assert bash_complete(tmp_path, shell_env, "kenactl", "status", "--line", "") == ([], "")


def test_bash_honours_profile_on_the_command_line(tmp_path: Path, shell_env: dict) -> None:
    other = tmp_path / "other.toml"
    other.write_text("[lines.work]\n", encoding="utf-8")
    words = ("kenactl", "--profile", str(other), "status", "--line", "")
    assert bash_complete(tmp_path, shell_env, *words)[0] == ["work"]


def interactive(command: list[str], env: dict, setup: str, typed: str, expect: tuple[str, ...]) -> str:
    """Run an interactive shell in a pseudo-terminal, type ``typed`` (with a TAB) and read the screen."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(command, stdin=secondary, stdout=secondary, stderr=secondary, env=env,
                               start_new_session=True)
    os.close(secondary)

    def read_until(*texts: str) -> str:
        screen = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not all(text in screen for text in texts):
            ready, _, _ = select.select([main], [], [], 0.5)
            if ready:
                try:
                    screen += os.read(main, 65536).decode(errors="replace")
                except OSError:
                    break
        return screen

    try:
        os.write(main, setup.encode() + b"; echo READY$((20+22))\n")
        read_until("READY42")  # the shell is set up and waiting at its prompt: typeahead is not lost
        os.write(main, typed.encode() + b"\t")
        screen = read_until(*expect)
    finally:
        process.kill()
        process.wait(timeout=10)
        os.close(main)
    return screen


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_offers_line_names_with_help(tmp_path: Path, shell_env: dict) -> None:
    folder = written(tmp_path, "zsh", "_kenactl").parent
    env = {**shell_env, "HOME": str(tmp_path), "TERM": "xterm"}
    setup = f"fpath=({folder} $fpath); autoload -U compinit; compinit -u -D"
    screen = interactive(["zsh", "-f", "-i"], env, setup, "kenactl status --line ", ("casa", "TIM Go"))
    assert "casa" in screen and "tim · TIM Go" in screen and "Kena 7.99" in screen
    screen = interactive(["zsh", "-f", "-i"], env, setup, "kenactl li", ("kenactl line",))
    assert "kenactl line" in screen  # completed in place


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_values_without_help_are_not_described_by_themselves(tmp_path: Path, shell_env: dict) -> None:
    folder = written(tmp_path, "zsh", "_kenactl").parent
    env = {**shell_env, "HOME": str(tmp_path), "TERM": "xterm"}
    setup = f"fpath=({folder} $fpath); autoload -U compinit; compinit -u -D"
    typed = "kenactl rights compensation --case "
    screen = interactive(["zsh", "-f", "-i"], env, setup, typed, ("activation", "unrequested"))
    assert "activation" in screen and "-- activation" not in screen
    screen = interactive(["zsh", "-f", "-i"], env, setup, "kenactl --lang ", ("italiano", "English"))
    assert "it  -- italiano" in screen


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_offers_commands_line_names_and_keys_with_help(tmp_path: Path, shell_env: dict) -> None:
    path = written(tmp_path, "fish", "kenactl.fish")
    env = {**shell_env, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}

    def fish(line: str) -> list[str]:
        result = subprocess.run(["fish", "--no-config", "-c", f"source {path}; complete -C'{line}'"],
                                capture_output=True, text=True, env=env, timeout=30)
        assert result.returncode == 0 and result.stderr == "", result.stderr
        return [row for row in result.stdout.split("\n") if row]

    assert "line\tManage the lines (SIMs) in the profile." in fish("kenactl ")
    assert fish("kenactl status --line ") == ["casa\ttim · TIM Go", "main\tkena · Kena 7.99 (default)"]
    assert fish("kenactl status --line=m") == ["--line=main\tkena · Kena 7.99 (default)"]
    assert [row.split("\t")[0] for row in fish("kenactl explain --line casa --option ")] == [
        "auto-topup=", "ricarica-automatica=", "sempre-connesso="]
    assert "kena\tKena Mobile" in fish("kenactl init --operator ")
    (tmp_path / "config" / "operators").mkdir()
    (tmp_path / "config" / "operators" / "myop.toml").write_text('name = "My Operator"\n', encoding="utf-8")
    assert "myop\tMy Operator" in fish("kenactl line set --operator ")
    assert fish("kenactl --lang ") == ["en\tEnglish", "it\titaliano"]
