"""Every test runs with its own profile path and a neutral environment."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import KENA_INIT

from kenactl import i18n
from kenactl.cli import cli

ENV_TO_CLEAR = ("KENACTL_PROFILE", "KENACTL_DEBUG", "KENACTL_LANG", "KENACTL_PLAIN", "EDITOR", "VISUAL", "LANGUAGE",
                "LC_ALL", "LC_MESSAGES", "LANG", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "KENACTL_STATE")


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private profile path, config folder and locale; NO_COLOR and a fixed width."""
    i18n.set_language("en")  # code called directly speaks English, whatever an earlier ``--lang it`` run chose
    for name in ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    profile = tmp_path / "config" / "profile.toml"
    monkeypatch.setenv("KENACTL_PROFILE", str(profile))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # kenactl's state file goes here
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("TZ", "UTC")
    return profile


@pytest.fixture
def profile_path(isolated: Path) -> Path:
    """The isolated profile's path."""
    return isolated


@pytest.fixture
def run():
    """Invoke kenactl in-process: ``run("status", "--json")`` returns click's Result (stderr separate)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def kena_profile(run, profile_path: Path) -> Path:
    """A profile with one Kena line ``main`` (renewal day 15, 7.99 €, 100 GB, credit 10.00 €)."""
    result = run("--at", "2026-11-01T10:00", *KENA_INIT)
    assert result.exit_code == 0, result.output
    return profile_path
