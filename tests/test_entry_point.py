"""The installed ``kenactl`` script and ``python -m kenactl`` as real processes."""

import json
import os
import pty
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from helpers import read_terminal

import kenactl

SCRIPT = Path(sys.executable).with_name("kenactl")
LAUNCHERS = {"script": [str(SCRIPT)], "module": [sys.executable, "-m", "kenactl"]}
COLOUR = re.compile(r"\x1b\[(?:\d+;)*(?:3\d|9\d|38;[25])")  # a foreground colour escape


@pytest.fixture(params=list(LAUNCHERS))
def launcher(request) -> list[str]:
    if request.param == "script":
        assert SCRIPT.exists(), f"the kenactl entry point is not installed next to {sys.executable}"
    return LAUNCHERS[request.param]


def run(launcher: list[str], *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*launcher, *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **env})


def test_version(launcher):
    result = run(launcher, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"kenactl, version {kenactl.__version__}\n"
    assert kenactl.__version__ == version("kenactl")


def test_status_demo_json_parses(launcher, profile_path):
    result = run(launcher, "--at", "2027-01-20T10:00", "status", "--demo", "--json")
    assert result.returncode == 0, result.stderr
    lines = json.loads(result.stdout)["lines"]
    assert [line["name"] for line in lines] == ["main", "nonna"]
    assert lines[0]["next_renewal"] == "2027-01-31" and lines[0]["days_to_renewal"] == 11
    assert lines[1]["shortfall"] == "5.49"
    assert result.stderr == ""
    assert not profile_path.exists()


def test_piped_output_is_plain_text(launcher):
    result = run(launcher, "--at", "2027-01-20T10:00", "status", "--demo")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Household\n  Monthly total:") and "\nmain (default)\n  Offer:" in result.stdout
    assert "\x1b[" not in result.stdout and "╭" not in result.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("status", "--demo"), ("status", "--demo", "--json"), ("--help",)])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(launcher, args):
    with open("/dev/full", "w") as full:
        result = subprocess.run([*launcher, "--at", "2027-01-20T10:00", *args], stdout=full, stderr=subprocess.PIPE,
                                text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == "kenactl: cannot write the output: No space left on device\n"


def test_help_lists_the_core_commands(launcher):
    result = run(launcher, "--help")
    assert result.returncode == 0
    for command in ("init", "line", "usage", "credit", "profile", "status"):
        assert re.search(rf"^  {command}\s", result.stdout, re.MULTILINE), command


def test_a_real_session(launcher, profile_path):
    init = run(launcher, "--at", "2026-11-01", "init", "--operator", "kena", "--offer", "Kena 7.99", "--price", "7.99",
               "--renewal-day", "15", "--data", "100GB", "--minutes", "unlimited", "--sms", "100", "--credit", "5")
    assert init.returncode == 0, init.stderr
    assert run(launcher, "--at", "2026-11-02", "credit", "topup", "3").returncode == 0
    line = json.loads(run(launcher, "--at", "2026-11-10", "status", "--json").stdout)["lines"][0]
    assert (line["credit"], line["shortfall"]) == ("8.00", "0.00")
    renewed = json.loads(run(launcher, "--at", "2026-11-20", "status", "--json").stdout)["lines"][0]
    assert (renewed["credit"], renewed["shortfall"]) == ("0.01", "7.98")  # the 15 Nov renewal took 7.99
    refused = run(launcher, "line", "set", "--renewal-day", "32")
    assert refused.returncode == 2
    assert refused.stderr.startswith("kenactl: invalid value for '--renewal-day'")
    assert refused.stderr.count("\n") == 1


def terminal_output(args: list[str], **env: str) -> bytes:
    """What ``kenactl`` draws on a (pseudo-)terminal."""
    master, slave = pty.openpty()
    process = subprocess.Popen([str(SCRIPT), *args], stdin=slave, stdout=slave, stderr=slave,
                               env={**os.environ, "TERM": "xterm-256color", **env})
    os.close(slave)
    return read_terminal(master, process, 60)


def test_a_terminal_gets_the_rich_layout_and_no_color_is_respected(monkeypatch):
    assert SCRIPT.exists()
    args = ["--at", "2027-01-20T10:00", "status", "--demo"]
    plain = terminal_output(args, NO_COLOR="1").decode()
    assert "╭─" in plain and "main (default)" in plain and "Top up at least 5.49 €" in plain
    assert not COLOUR.search(plain)
    assert re.search(r"data +\[#+\.+\]", plain)  # the bar keeps its track without colour
    monkeypatch.delenv("NO_COLOR")
    coloured = terminal_output(args, FORCE_COLOR="1").decode()
    assert COLOUR.search(coloured)


def test_status_imports_neither_rich_nor_icalendar_when_piped(kena_profile):
    code = ("import sys\nfrom kenactl.cli import main\nsys.argv = ['kenactl', 'status']\n"
            "try:\n    main()\nexcept SystemExit as done:\n    assert done.code == 0, done.code\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'icalendar'}), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("Household\n") and "\nmain (default)\n" in result.stdout
    assert result.stderr == "[]\n"


def test_status_does_not_import_locale(kena_profile):
    """click's messages come from kenactl's catalog in memory: gettext's search (and its ``locale``) is not run."""
    code = ("import sys\nfrom kenactl.cli import main\nsys.argv = ['kenactl', 'status']\n"
            "try:\n    main()\nexcept SystemExit as done:\n    assert done.code == 0, done.code\n"
            "print('locale' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("Household\n")
    assert result.stderr == "False\n"


def test_a_command_runs_with_the_startup_frozen_and_few_young_collections(kena_profile):
    """The executable loads with the collector off, freezes what loading made, and collects the young generation
    every ``YOUNG_ALLOCATIONS`` objects rather than Python's 700 (a command's objects mostly live to its end)."""
    code = ("import atexit, gc, sys\nfrom kenactl import entry\n"
            "atexit.register(lambda: print(gc.get_threshold()[0], gc.get_freeze_count() > 1000, gc.isenabled()))\n"
            "sys.argv = ['kenactl', 'status']\nentry.main()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "KENACTL_PROFILE": str(kena_profile)})
    from kenactl.entry import YOUNG_ALLOCATIONS

    assert result.returncode == 0 and result.stdout.endswith(f"\n{YOUNG_ALLOCATIONS} True True\n"), result.stderr
    assert YOUNG_ALLOCATIONS > 700


FINISH = ("import atexit, sys, threading, time\n"
          "from kenactl.entry import main\n"
          "atexit.register(lambda: print('atexit ran', flush=True))\n"
          "if sys.argv[1] == 'thread':\n"
          "    threading.Thread(target=lambda: (time.sleep(1), print('thread ended', flush=True))).start()\n"
          "sys.argv = ['kenactl', *sys.argv[2:]]\n"
          "main()\n")


@pytest.mark.parametrize("args, code", [(["--version"], 0), (["restart", "check", "--at", "2026-11-20T12:00"], 1),
                                        (["no-such-command"], 2)])
@pytest.mark.parametrize("mode", ["plain", "thread"])
def test_the_fast_exit_keeps_the_exit_code_the_output_atexit_and_running_threads(kena_profile, args, code, mode):
    """``entry.main`` ends the process without the interpreter's teardown: nothing that exit would do is lost."""
    result = subprocess.run([sys.executable, "-c", FINISH, mode, *args], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "KENACTL_PROFILE": str(kena_profile)})
    assert result.returncode == code, result.stderr
    assert result.stdout.endswith("atexit ran\n")
    assert ("thread ended\n" in result.stdout) == (mode == "thread")  # a running thread is waited for
    if code == 0:
        assert result.stdout.startswith("kenactl, version")
    assert ("no such command" in result.stderr) == (code == 2)


def test_a_long_output_piped_arrives_whole(launcher, tmp_path):
    """Every byte of a large output reaches the reader before the process ends (flushed, not torn down)."""
    profile = tmp_path / "profile.toml"
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    import profiles

    profile.write_text(profiles.profile_text(40, 24), encoding="utf-8")
    result = run(launcher, "export", "ics", "-o", "-", "--months", "24", "--at", "2026-11-22T10:00",
                 KENACTL_PROFILE=str(profile))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("BEGIN:VCALENDAR") and result.stdout.endswith("END:VCALENDAR\n")
    assert result.stdout.count("BEGIN:VEVENT") == result.stdout.count("END:VEVENT") > 40
