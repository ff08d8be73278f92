"""`kenactl undo`, confirmations of destructive commands (on a terminal only, `--yes`), and `profile edit`
that works like visudo."""

import os
import pty
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import KENA_INIT, terminal_session
from test_bad_input import TIM_ADD, assert_refused

from kenactl import store


def on_terminal(args: tuple[str, ...], answers: list[tuple[str, str]], env: dict[str, str]) -> tuple[int, str]:
    """Run kenactl with a pseudo-terminal as stdin/stdout/stderr; for each ``(prompt, answer)`` wait for the
    prompt text, then type the answer. Returns the exit code and everything shown."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "kenactl", *args], stdin=follower, stdout=follower,
                               stderr=follower, env={**os.environ, **env}, close_fds=True)
    os.close(follower)
    shown = terminal_session(leader, process, 30, tuple(answers))
    return process.wait(timeout=10), shown.decode("utf-8", "replace").replace("\r\n", "\n")


def test_undo_restores_the_previous_version_and_a_second_undo_redoes(run, kena_profile):
    assert run("--at", "2026-11-05T10:00", "credit", "topup", "5").exit_code == 0
    after_topup = kena_profile.read_bytes()
    backup = Path(f"{kena_profile}.bak")
    before_topup = backup.read_bytes()
    result = run("undo")
    assert result.exit_code == 0, result.stderr
    assert kena_profile.read_bytes() == before_topup and backup.read_bytes() == after_topup
    assert f"Restored {kena_profile} as it was before the last change." in result.stdout
    shown = result.stdout.splitlines()  # a top-up is a fact of its own: its row goes, nothing else changes back
    assert "  -topups = '''" in shown and "  -2026-11-05T09:00:00Z 5.00" in shown
    assert not any(line.startswith("  +") for line in shown) and "updated_at" not in result.stdout
    assert "Run 'kenactl undo' again to redo it." in result.stdout
    again = run("undo")
    assert again.exit_code == 0
    assert kena_profile.read_bytes() == after_topup and backup.read_bytes() == before_topup
    redone = again.stdout.splitlines()
    assert "  +topups = '''" in redone and "  +2026-11-05T09:00:00Z 5.00" in redone


def test_undo_without_a_backup_or_with_a_broken_one_changes_nothing(run, kena_profile):
    before = kena_profile.read_bytes()
    assert_refused(run("undo"), "no earlier version to go back to", f"{kena_profile}.bak")
    Path(f"{kena_profile}.bak").write_text("schema_version = 1\n", encoding="utf-8")
    assert_refused(run("undo"), f"{kena_profile}.bak: lines")
    assert kena_profile.read_bytes() == before


def test_undo_of_a_removed_line(run, kena_profile):
    assert run(*TIM_ADD).exit_code == 0
    assert run("line", "remove", "nonna").exit_code == 0  # no terminal: no question, as before
    assert "nonna" not in store.load(kena_profile).lines
    result = run("undo")
    assert "+[lines.nonna]" in result.stdout
    assert "nonna" in store.load(kena_profile).lines


@pytest.mark.parametrize(("setup", "command", "question"), [
    ((TIM_ADD,), ("line", "remove", "nonna"), "Remove line 'nonna' with its usage, history and charges?"),
    ((("charges", "add", "rata", "3"),), ("charges", "clear"), "Remove every pending charge of line 'main'?"),
    ((), ("init", "--force", *KENA_INIT[1:]), "Replace the profile at"),
    ((("credit", "topup", "10"), ("usage", "set", "--data", "90GB")), ("restart", "apply"),  # 15 Nov took 7.99
     "Record a Kena Restart of line 'main' now"),
    ((("credit", "topup", "10"), ("usage", "set", "--data", "90GB"), ("restart", "apply")), ("restart", "remove"),
     "Remove the Restart of line 'main' recorded at Fri 20 Nov 2026 12:00 (7.99 €)?"),
    ((("rights", "complaint", "add", "--subject", "x"),), ("rights", "complaint", "remove", "1"),
     "Remove complaint #1 of line 'main' (x, received Fri 20 Nov 2026)?"),
])
def test_destructive_commands_ask_on_a_terminal(run, kena_profile, setup, command, question):
    for args in setup:
        assert run("--at", "2026-11-20T12:00", *args).exit_code == 0
    before = kena_profile.read_bytes()
    env = {"KENACTL_PROFILE": str(kena_profile)}
    at = ("--at", "2026-11-20T12:00")
    code, shown = on_terminal((*at, *command), [(question, "n")], env)
    assert code == 1, shown
    assert question in shown and "not confirmed; nothing changed" in shown
    assert kena_profile.read_bytes() == before
    code, shown = on_terminal((*at, *command), [(question, "y")], env)
    assert code == 0, shown
    assert kena_profile.read_bytes() != before
    assert run("undo").exit_code == 0
    code, shown = on_terminal((*at, *command, "--yes"), [], env)
    assert code == 0, shown
    assert question not in shown
    assert kena_profile.read_bytes() != before
    assert run("undo").exit_code == 0 and kena_profile.read_bytes() == before


def test_clearing_one_charge_asks_nothing_and_says_what_it_removed(run, kena_profile):
    assert run("charges", "add", "prima", "3").exit_code == 0
    assert run("charges", "add", "seconda", "4").exit_code == 0
    code, shown = on_terminal(("charges", "clear", "1"), [], {"KENACTL_PROFILE": str(kena_profile)})
    assert code == 0, shown
    assert "Removed: prima, 3.00 €." in shown and "1 pending charge(s) left" in shown
    assert [charge.description for charge in store.load(kena_profile).line().charges] == ["seconda"]


# -- profile edit ------------------------------------------------------------------------------------

def editor_script(tmp_path: Path, *versions: str) -> str:
    """An $EDITOR that makes the Nth edit apply ``versions[N]`` (a Python expression on ``text``)."""
    script = tmp_path / "editor.py"
    counter = tmp_path / "edits"
    script.write_text(
        "import sys\nfrom pathlib import Path\n"
        f"counter = Path({str(counter)!r})\n"
        "done = int(counter.read_text()) if counter.exists() else 0\n"
        "counter.write_text(str(done + 1))\n"
        "path = Path(sys.argv[1])\ntext = path.read_text(encoding='utf-8')\n"
        f"versions = {list(versions)!r}\n"
        "text = eval(versions[min(done, len(versions) - 1)])\n"
        "path.write_text(text, encoding='utf-8')\n", encoding="utf-8")
    return f"{sys.executable} {script}"


BROKEN = "text.replace('renewal_day = 15', 'renewal_day = 40')"
FIXED = "text.replace('renewal_day = 15', 'renewal_day = 20')"


def test_a_failed_edit_without_a_terminal_keeps_the_copy_and_names_it(run, kena_profile, tmp_path, monkeypatch):
    before = kena_profile.read_bytes()
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, BROKEN))
    result = run("profile", "edit")
    assert_refused(result, "lines.main.renewal_day: 40 is outside 1-31", "profile unchanged",
                   "your edited copy is kept at")
    kept = Path(result.stderr.rsplit(" kept at ", 1)[1].strip())
    assert "renewal_day = 40" in kept.read_text(encoding="utf-8")
    assert kena_profile.read_bytes() == before


def test_a_failed_edit_on_a_terminal_can_be_edited_again(kena_profile, tmp_path):
    again = "text.replace('renewal_day = 40', 'renewal_day = 20')"  # the copy still holds the first edit
    env = {"KENACTL_PROFILE": str(kena_profile), "EDITOR": editor_script(tmp_path, BROKEN, again)}
    code, shown = on_terminal(("profile", "edit"), [("What now? (e)dit again, (x) exit without saving", "e")], env)
    assert code == 0, shown
    assert "comments and layout are not kept" in shown
    assert "40 is outside 1-31; profile unchanged." in shown and f"Saved {kena_profile}." in shown
    assert store.load(kena_profile).line().renewal_day == 20


def test_a_failed_edit_on_a_terminal_can_be_abandoned(kena_profile, tmp_path):
    before = kena_profile.read_bytes()
    env = {"KENACTL_PROFILE": str(kena_profile), "EDITOR": editor_script(tmp_path, BROKEN), "TMPDIR": str(tmp_path)}
    code, shown = on_terminal(("profile", "edit"), [("What now?", "x")], env)
    assert code == 2, shown
    assert "edit abandoned; profile unchanged" in shown
    assert kena_profile.read_bytes() == before
    assert not list(tmp_path.glob("kenactl-edit-*"))


def test_edit_checks_operator_options_as_validate_does(run, kena_profile, tmp_path, monkeypatch):
    with_option = ("text.replace('[lines.main.included]', "
                   "'[lines.main.options]\\nvolo = \"on\"\\n\\n[lines.main.included]')")
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, with_option))
    before = kena_profile.read_bytes()
    edited = run("profile", "edit")
    assert_refused(edited, "lines.main.options", "volo")
    assert kena_profile.read_bytes() == before
    kept = Path(edited.stderr.rsplit(" kept at ", 1)[1].strip())
    kena_profile.write_bytes(kept.read_bytes())
    validated = run("profile", "validate")
    assert validated.exit_code == 2
    assert edited.stderr.split("lines.main.options", 1)[1].split(";")[0] in validated.stderr


def test_edit_accepts_a_utf8_byte_order_mark(run, kena_profile, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, "'\\ufeff' + " + FIXED))
    result = run("profile", "edit")
    assert result.exit_code == 0, result.stderr
    assert not kena_profile.read_bytes().startswith(b"\xef\xbb\xbf")
    assert store.load(kena_profile).line().renewal_day == 20
    kena_profile.write_bytes(b"\xef\xbb\xbf" + kena_profile.read_bytes())  # a BOM saved by another editor
    assert run("credit", "topup", "1").exit_code == 0
    assert store.load(kena_profile).line().credit == Decimal("11.00")


def test_edit_when_the_profile_changed_meanwhile_keeps_the_copy(run, kena_profile, tmp_path, monkeypatch):
    meanwhile = (f"(__import__('pathlib').Path({str(kena_profile)!r}).write_text("
                 f"__import__('pathlib').Path({str(kena_profile)!r}).read_text().replace('Z 10.00', "
                 f"'Z 1.00')), {FIXED})[1]")  # the observed credit
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, meanwhile))
    result = run("profile", "edit")
    assert_refused(result, "the profile changed while you were editing", "your edited copy is kept at")
    assert store.load(kena_profile).line().credit == Decimal("1.00")


@pytest.mark.parametrize(("command", "code", "message"), [
    (("restart", "apply"), 1, "Restart"),  # no usage recorded: not eligible
    (("charges", "clear"), 2, "line 'main' has no pending charges"),
])
def test_nothing_is_asked_when_the_command_is_refused_anyway(kena_profile, command, code, message):
    before = kena_profile.read_bytes()
    status, shown = on_terminal(command, [], {"KENACTL_PROFILE": str(kena_profile)})
    assert status == code, shown
    assert message in shown and "[y/N]" not in shown
    assert kena_profile.read_bytes() == before
