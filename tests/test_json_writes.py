"""Commands that write print the resulting object with ``--json``; their text output is unchanged; with
``--json`` a confirmation is asked on stderr, so stdout holds the JSON alone."""

import json
import os
import pty
import select
import subprocess
import sys
import time

from helpers import KENA_INIT
from test_bad_input import TIM_ADD

from kenactl.knowledge.registry import BUILTIN_FOLDER

AT = ("--at", "2026-11-20T12:00")


def ok_json(result) -> dict:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_usage_set_prints_the_line_as_status_shows_it(run, kena_profile):
    printed = ok_json(run(*AT, "usage", "set", "--data", "30GB", "--json"))
    assert printed == {"line": ok_json(run(*AT, "status", "--json"))["lines"][0]}
    assert printed["line"]["usage"]["data"]["used"] == 30000
    assert printed["line"]["usage_recorded_at"] == "2026-11-20T12:00:00+01:00"


def test_text_output_stays_the_same_without_json(run, kena_profile):
    assert run(*AT, "usage", "set", "--data", "30GB").stdout == "Recorded usage for line 'main'.\n"
    assert run(*AT, "credit", "set", "3").stdout == "Credit of line 'main': 3.00 €.\n"


def test_a_top_up_that_renews_a_suspended_offer_says_so(run, kena_profile):
    suspended = ok_json(run("--at", "2026-11-16T09:00", "credit", "set", "1", "--json"))["line"]
    assert suspended["credit"] == "1.00"
    after = ok_json(run("--at", "2026-12-16T09:00", "credit", "topup", "10", "--json"))
    assert after["renewed"] is True and after["taken_for_charges"] == "0.00"
    assert after["line"]["last_renewal"]["kind"] == "topup" and after["line"]["credit"] == "3.01"
    assert after["line"]["next_renewal"] == "2027-01-15"


def test_charges_clear_prints_what_was_removed_and_what_is_left(run, kena_profile):
    added = ok_json(run(*AT, "charges", "add", "late fees", "1.98", "--json"))
    assert added["added"] == 1 and [charge["number"] for charge in added["charges"]] == [1]
    assert ok_json(run(*AT, "charges", "add", "arrears", "6", "--instalments", "3", "--json"))["added"] == 2
    cleared = ok_json(run(*AT, "charges", "clear", "1", "--json"))
    assert cleared["removed"] == [{"number": 1, "description": "late fees", "amount": "1.98"}]
    assert [charge["number"] for charge in cleared["charges"]] == [2] and cleared["pending"] == "0.00"


def test_line_remove_names_the_default_now_and_line_set_the_dropped_options(run, kena_profile):
    assert run(*AT, *TIM_ADD).exit_code == 0
    assert ok_json(run(*AT, "line", "set", "--option", "auto-topup=off", "--json"))["dropped_options"] == {}
    changed = ok_json(run(*AT, "line", "set", "--operator", "tim", "--json"))
    assert changed["dropped_options"] == {"auto-topup": "off"} and changed["line"]["operator"] == "tim"
    assert ok_json(run(*AT, "line", "remove", "main", "--json")) == {"removed": "main", "default_line": "nonna"}
    undone = ok_json(run(*AT, "undo", "--json"))
    assert "[lines.main]" in undone["back"] and undone["gone"] == ["default_line = \"nonna\""]


def test_init_and_profile_commands(run, profile_path):
    created = ok_json(run(*AT, *KENA_INIT, "--json"))
    assert created["path"] == str(profile_path) and created["line"]["name"] == "main"
    assert ok_json(run("profile", "path", "--json")) == {"path": str(profile_path), "exists": True}
    assert ok_json(run("profile", "validate", "--json")) == {
        "path": str(profile_path), "valid": True, "lines": ["main"], "default_line": "main",
        "operator_files": [{"operator": "kena", "path": str(BUILTIN_FOLDER / "kena.toml"), "builtin": True}]}
    assert ok_json(run("profile", "show", "--json"))["toml"] == profile_path.read_text(encoding="utf-8")


def test_a_confirmation_with_json_is_asked_on_stderr(run, kena_profile):
    assert run(*AT, *TIM_ADD).exit_code == 0
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "kenactl", *AT, "line", "remove", "nonna", "--json"],
                               stdin=follower, stdout=subprocess.PIPE, stderr=follower,
                               env={**os.environ, "KENACTL_PROFILE": str(kena_profile)}, close_fds=True)
    os.close(follower)
    shown, deadline = b"", time.monotonic() + 30
    while b"Remove line 'nonna'" not in shown and time.monotonic() < deadline:
        if select.select([leader], [], [], 0.2)[0]:
            shown += os.read(leader, 65536)
    os.write(leader, b"y\n")
    stdout, _ = process.communicate(timeout=30)
    os.close(leader)
    assert process.returncode == 0 and b"Remove line 'nonna'" in shown
    assert json.loads(stdout) == {"removed": "nonna", "default_line": "main"}
