"""The inputs that used to end in "internal error" (exit 70): each is one clear line, exit 2, nothing changed."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import KENA_INIT
from test_bad_input import assert_refused, snapshot

from kenactl.knowledge.registry import BUILTIN_FOLDER

HUGE = "9" * 5001
LONG_NAME = "a" * 300


def replaced(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


COMMAND_LINES = {
    "5001-digit --sms": (("usage", "set", "--sms", HUGE), ["'--sms'", "too long"]),
    "5001-digit --minutes": (("line", "set", "--minutes", HUGE), ["'--minutes'", "too long"]),
    "remind --within 99999999999d": (("remind", "--within", "99999999999d"), ["'--within'", "not a duration"]),
    "export --alarm 99999999999d": (("export", "ics", "--alarm", "99999999999d"), ["--alarm: ", "not a duration"]),
}


@pytest.mark.parametrize("case", COMMAND_LINES)
def test_huge_values_on_the_command_line(run, kena_profile, case):
    args, needles = COMMAND_LINES[case]
    before = snapshot(kena_profile.parent)
    assert_refused(run(*args), *needles)
    assert snapshot(kena_profile.parent) == before


PROFILE_EDITS = {
    "alarms of 99999999999d": (r'alarms = [\n    "2d",\n]', 'alarms = ["99999999999d"]', "alarms[0]"),
    "5001-digit renewal day": ("renewal_day = 15", f"renewal_day = {HUGE}", "too large to read"),
    "5001-digit sms as text": ("sms = 100", f'sms = "{HUGE[:400]}"', "lines.main.included.sms"),
    "3000-level nesting": ("[lines.main]", "x = " + "[" * 3000 + "]" * 3000 + "\n[lines.main]", "too large to read"),
    "price = 1e999999999999": ("price = 7.99", "price = 1e999999999999", "lines.main.price: the number"),
    "observed credit 1e999999999999": ("Z 10.00", "Z 1e999999999999", "lines.main.observations"),  # a v2 fact line
    "integer beyond 10**18": ("renewal_day = 15", f"renewal_day = {'9' * 30}", "lines.main.renewal_day: the number"),
}


@pytest.mark.parametrize("case", PROFILE_EDITS)
@pytest.mark.parametrize("command", [("status",), ("profile", "validate"), ("credit", "topup", "1")], ids=" ".join)
def test_huge_values_in_the_profile(run, kena_profile, case, command):
    old, new, needle = PROFILE_EDITS[case]
    replaced(kena_profile, old.replace(r"\n", "\n"), new)
    before = snapshot(kena_profile.parent)
    assert_refused(run(*command), str(kena_profile), needle)
    assert snapshot(kena_profile.parent) == before


def test_a_deeply_nested_operator_file(run, kena_profile):
    folder = kena_profile.parent / "operators"
    folder.mkdir()
    (folder / "kena.toml").write_text("x = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    assert_refused(run("explain"), str(folder / "kena.toml"), "too large to read")


@pytest.mark.parametrize("where", ["profile", "output"])
def test_a_file_name_of_300_characters(run, kena_profile, tmp_path, where):
    before = snapshot(kena_profile.parent)
    if where == "profile":
        result = run("--profile", str(tmp_path / LONG_NAME), *KENA_INIT)
    else:
        result = run("export", "ics", "-o", str(tmp_path / LONG_NAME))
    assert_refused(result, "File name too long")
    assert snapshot(kena_profile.parent) == before


def test_a_file_name_too_long_for_the_temporary_file(run, kena_profile, tmp_path):
    assert_refused(run("export", "ics", "-o", str(tmp_path / ("b" * 250))), "the file name is too long")


@pytest.mark.parametrize("editor", ["'vim", '"', "   "])
def test_an_editor_that_is_not_a_command_line(run, kena_profile, monkeypatch, editor):
    before = snapshot(kena_profile.parent)
    monkeypatch.setenv("EDITOR", editor)
    assert_refused(run("profile", "edit"), "is not a command line")
    assert snapshot(kena_profile.parent) == before


def without_permission_override() -> list[str]:
    """A command prefix under which permission bits apply: none for a normal user; as root, setpriv
    drops the capabilities that let root read and search anything."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    capabilities = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={capabilities}", f"--bounding-set={capabilities}"]


@pytest.mark.parametrize("args", [
    ("--profile", "{closed}/profile.toml", *KENA_INIT),
    ("--profile", "{closed}/sub/profile.toml", *KENA_INIT),
    ("--profile", "{closed}/profile.toml", "credit", "topup", "1"),
    ("export", "ics", "-o", "{closed}/calendar.ics"),
], ids=["init", "init in a subfolder", "topup", "export -o"])
def test_a_folder_that_cannot_be_searched(kena_profile, tmp_path, args):
    closed = tmp_path / "closed"
    closed.mkdir()
    closed.chmod(0)
    try:
        env = {**os.environ, "KENACTL_PROFILE": str(kena_profile)}
        result = subprocess.run([*without_permission_override(), sys.executable, "-m", "kenactl",
                                 *[arg.format(closed=closed) for arg in args]],
                                capture_output=True, text=True, env=env, timeout=60)
    finally:
        closed.chmod(0o700)
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and str(closed) in result.stderr, result.stderr
    assert "Permission denied" in result.stderr or "permission denied" in result.stderr
    assert "internal error" not in result.stderr
    assert list(closed.iterdir()) == []


USER_TEMPLATES = {
    "huge width": "{credit:>100000000}",
    "width beyond a C int": "{credit:>99999999999999}",
    "attribute": "{credit.__class__.__mro__}",
    "index": "{credit[0]}",
    "conversion": "{credit!r}",
    "positional": "{}",
    "unknown name": "{secret}",
    "unmatched brace": "{credit",
}


@pytest.mark.parametrize("case", USER_TEMPLATES)
def test_operator_templates_take_bare_placeholders_only(run, kena_profile, case):
    folder = kena_profile.parent / "operators"
    folder.mkdir()
    text = (BUILTIN_FOLDER / "kena.toml").read_text(encoding="utf-8")
    day0 = text.split("day0 = ", 1)[1].split("\n", 1)[0]
    (folder / "kena.toml").write_text(text.replace(day0, f'"credit {USER_TEMPLATES[case]} left"', 1), encoding="utf-8")
    for command in (("explain",), ("profile", "validate"), ("status",)):
        result = run(*command)
        if command == ("status",):  # status does not read operator files of lines without a last top-up
            continue
        assert_refused(result, "short_credit.day0: bad placeholder", "use {credit}")
        assert len(result.stderr) < 500


def test_bare_placeholders_are_filled(run, kena_profile):
    folder = kena_profile.parent / "operators"
    folder.mkdir()
    text = (BUILTIN_FOLDER / "kena.toml").read_text(encoding="utf-8")
    day0 = text.split("day0 = ", 1)[1].split("\n", 1)[0]
    (folder / "kena.toml").write_text(text.replace(day0, '"left {credit}, needs {price}, short {shortfall}"', 1),
                                      encoding="utf-8")
    assert run("credit", "set", "2").exit_code == 0
    result = run("explain")
    assert result.exit_code == 0, result.stderr
    assert "left 2.00" in result.stdout and "needs 7.99" in result.stdout and "short 5.99" in result.stdout


def test_an_oversized_operator_file_is_refused_before_it_is_read(run, kena_profile):
    folder = kena_profile.parent / "operators"
    folder.mkdir()
    text = (BUILTIN_FOLDER / "kena.toml").read_text(encoding="utf-8")
    (folder / "kena.toml").write_text(text + "#" * (300 * 1024) + "\n", encoding="utf-8")
    assert_refused(run("explain"), "is larger than 262144 bytes")


def test_an_oversized_profile_is_refused(run, kena_profile):
    with kena_profile.open("a", encoding="utf-8") as handle:
        handle.write(("#" * 1023 + "\n") * (8 * 1024 + 1))
    before = snapshot(kena_profile.parent)
    assert_refused(run("credit", "topup", "1"), "is larger than 8388608 bytes")
    assert snapshot(kena_profile.parent) == before
