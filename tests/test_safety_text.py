"""Hostile text: rich draws data as literal text on a terminal, control characters are refused or escaped."""

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import KENA_INIT, read_terminal

from kenactl import render
from kenactl.errors import InputError
from kenactl.knowledge.registry import BUILTIN_FOLDER
from kenactl.safety import check_free_text, printable

MARKUP = "Kena [/] [red]rosso[/red] [link=https://evil.example]click[/link] [bold"
ESCAPES = "\x1b[2J\x1b]0;pwned\x07"
AT = "2026-12-01T10:00"


@pytest.fixture
def terminal(monkeypatch):
    """Draw with rich as on a colour terminal (FORCE_COLOR makes rich emit styles and hyperlinks)."""
    monkeypatch.setattr(render, "use_rich", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def hostile_profile(run, profile_path):
    """A Kena line whose offer, charge and complaint carry rich markup, and a user operator file whose
    name carries markup and escape sequences."""
    assert run("--at", AT, *KENA_INIT).exit_code == 0
    assert run("--at", AT, "line", "set", "--offer", MARKUP).exit_code == 0
    assert run("--at", AT, "line", "add", "casa-2_ñ", "--operator", "kena", "--offer", MARKUP, "--price", "5",
               "--renewal-day", "3", "--data", "10GB", "--minutes", "10", "--sms", "10", "--credit", "1").exit_code == 0
    assert run("--at", AT, "charges", "add", "arretrati " + MARKUP, "3").exit_code == 0
    assert run("--at", AT, "rights", "complaint", "add", "--subject", "reclamo " + MARKUP).exit_code == 0
    operators = profile_path.parent / "operators"
    operators.mkdir()
    text = (BUILTIN_FOLDER / "kena.toml").read_text(encoding="utf-8")
    hostile_name = (MARKUP + ESCAPES).replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
    (operators / "kena.toml").write_text(text.replace('name = "Kena Mobile"', f'name = "{hostile_name}"', 1),
                                         encoding="utf-8")
    return profile_path


TERMINAL_COMMANDS = [("status",), ("line", "list"), ("charges", "list"), ("rights", "complaint", "list"),
                     ("explain",), ("status", "--line", "casa-2_ñ")]


@pytest.mark.parametrize("command", TERMINAL_COMMANDS, ids=" ".join)
def test_hostile_text_is_drawn_literally_on_a_terminal(run, hostile_profile, terminal, command):
    result = run("--at", AT, *command)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "\x1b[" in out, "not drawn as a terminal: the test would prove nothing"
    assert "\x1b]8;" not in out  # no hyperlink
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x07" not in out
    assert "[red]rosso[/red]" in out and "[link=https://evil.example]click[/link]" in out and "[/]" in out


def test_the_operator_name_from_a_user_file_is_escaped_in_every_output(run, hostile_profile, terminal):
    drawn = run("--at", AT, "explain").stdout
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in drawn
    plain = render.plain_text([render.Fields([("operator", MARKUP + ESCAPES)])])
    assert "\x1b" not in plain and "\\x1b[2J" in plain and MARKUP in plain


def test_a_real_terminal_shows_the_markup_as_typed(hostile_profile, tmp_path):
    """End to end through a pseudo-terminal: kenactl itself decides to draw with rich."""
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env.update(TERM="xterm-256color", COLUMNS="200", KENACTL_PROFILE=str(hostile_profile))
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "kenactl", "--at", AT, "line", "list"], stdin=follower,
                               stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    text = read_terminal(leader, process, 20).decode("utf-8")
    assert "┃" in text or "│" in text  # rich's table, so it was drawn as a terminal
    assert "[link=https://evil.example]click[/link]" in text.replace("\r\n", "\n").replace("│\n│", "")
    assert "\x1b]8;" not in text and "internal error" not in text


@pytest.mark.parametrize(("args", "option"), [
    (("line", "set", "--offer", "Kena\x1b[2J"), "'--offer'"),
    (("line", "set", "--offer", "due\nrighe"), "'--offer'"),
    (("charges", "add", "rata\x07", "3"), "'DESCRIPTION'"),
    (("rights", "complaint", "add", "--subject", "x\x1b]0;t\x07"), "'--subject'"),
    (("line", "set", "--offer", "bidi \u202e"), "'--offer'"),
])
def test_control_characters_are_refused_on_the_command_line(run, kena_profile, args, option):
    before = kena_profile.read_bytes()
    result = run(*args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert option in result.stderr and "control character U+" in result.stderr
    assert kena_profile.read_bytes() == before


@pytest.mark.parametrize(("old", "new", "field"), [
    ('offer = "Kena 7.99"', 'offer = "Kena\\u001b[2J"', "lines.main.offer: control character U+001B"),
    ('offer = "Kena 7.99"', 'offer = """due\nrighe"""', "lines.main.offer: control character U+000A"),
    ("[lines.main]", '[lines."a\\nb"]', "lines.'a\\nb': control character U+000A"),
])
def test_control_characters_are_refused_in_the_profile(run, kena_profile, old, new, field):
    text = kena_profile.read_text(encoding="utf-8")
    kena_profile.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = kena_profile.read_bytes()
    for command in (("status",), ("profile", "validate"), ("credit", "topup", "1")):
        result = run(*command)
        assert result.exit_code == 2, result.stdout
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert field in result.stderr
    assert kena_profile.read_bytes() == before


def test_one_check_for_free_text():
    assert check_free_text("Kena [/] 7.99 €", field="offer") == "Kena [/] 7.99 €"
    with pytest.raises(InputError, match=r"^offer: control character U\+0009"):
        check_free_text("a\tb", field="offer")
    with pytest.raises(InputError, match="too long"):
        check_free_text("x" * 501, field="offer")
    assert printable("a\x1b[2Jb\x9bc\u2028") == "a\\x1b[2Jb\\x9bc\\u2028"
    assert printable("plain [red] text") == "plain [red] text"


def test_error_messages_stay_on_one_line(run, kena_profile, profile_path):
    folder = profile_path.parent / "operators"
    folder.mkdir()
    (folder / "kena.toml").write_text('name = "x"\n[short_credit]\noutcome = "bad\\noutcome"\n', encoding="utf-8")
    result = run("explain")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "\\n" in result.stderr
    assert Path(folder / "kena.toml").exists()
