"""Bad input of many kinds: exit 2, one stderr line naming the problem, no traceback, profile untouched."""

import os
import subprocess
import sys

import pytest
from helpers import KENA_INIT, assert_refused, deny_reading, edit, snapshot

TIM_ADD = ("line", "add", "nonna", "--operator", "tim", "--offer", "TIM Smart", "--price", "9.99",
           "--renewal-day", "5", "--data", "10GB", "--minutes", "500", "--sms", "unlimited", "--credit", "4.50")


# (command line, words the one stderr line must contain), all run against the valid Kena profile
COMMAND_LINE_CASES = {
    "renewal day 0": (("line", "set", "--renewal-day", "0"), ["'--renewal-day'", "0 is not in the range 1<=x<=31"]),
    "renewal day 32": (("line", "set", "--renewal-day", "32"), ["'--renewal-day'", "32 is not in the range"]),
    "renewal day abc": (("line", "set", "--renewal-day", "abc"), ["'--renewal-day'", "'abc' is not a valid integer"]),
    "negative price": (("line", "set", "--price", "-7.99"), ["'--price'", "-7.99 € is negative"]),
    "negative price with =": (("line", "set", "--price=-1"), ["'--price'", "-1.00 € is negative"]),
    "price with 3 decimals": (("line", "set", "--price", "7.999"), ["'--price'", "'7.999' has more than two decimals"]),
    "price that is not money": (("line", "set", "--price", "cheap"), ["'--price'", "'cheap' is not an amount"]),
    "unknown data unit": (("line", "set", "--data", "100TB"), ["'--data'", "unknown unit 'TB'"]),
    "data without unit": (("usage", "set", "--data", "12"), ["'--data'", "'12' needs a unit"]),
    "minutes not a number": (("line", "set", "--minutes", "many"), ["'--minutes'", "'many' is not a whole number"]),
    "unknown operator": (("line", "set", "--operator", "fastweb"), ["'--operator'", "'fastweb' is not one of"]),
    "bad renewal time": (("line", "set", "--renewal-time", "24:00"), ["'--renewal-time'", "'24:00' is not a time"]),
    "unknown line for status": (("status", "--line", "casa"), ["unknown line 'casa'; the profile has: main, nonna"]),
    "unknown line for topup": (("credit", "topup", "--line", "casa", "1"), ["unknown line 'casa'"]),
    "unknown line to remove": (("line", "remove", "casa"), ["unknown line 'casa'"]),
    "unknown line as default": (("line", "default", "casa"), ["unknown line 'casa'"]),
    "bad --at": (("--at", "next tuesday", "status"), ["'--at'", "'next tuesday' is not an ISO 8601"]),
    "impossible --at": (("--at", "2027-02-30", "credit", "topup", "1"), ["'--at'", "'2027-02-30'"]),
    "--at out of range": (("--at", "0001-01-01T00:30+01:00", "status"), ["'--at'", "outside the years 1900-2999"]),
    "absurd price": (("line", "set", "--price", "9" * 40), ["'--price'", "is too large"]),
    "absurd minutes": (("usage", "set", "--minutes", "9" * 12), ["'--minutes'", "is too large"]),
    "superscript digits": (("usage", "set", "--sms", "²"), ["'--sms'", "'²' is not a whole number"]),
    "rename to an existing name": (("line", "rename", "main", "nonna"), ["line 'nonna' already exists"]),
    "rename to a bad name": (("line", "rename", "main", "la mia"), ["line name 'la mia'"]),
    "add an existing line": (("line", "add", "main"), ["line 'main' already exists"]),
    "credit that is not money": (("credit", "set", "dieci"), ["'EUR'", "'dieci' is not an amount"]),
    "zero top-up": (("credit", "topup", "0"), ["the amount must be positive (more than 0.00 €), not 0.00 €"]),
    "negative top-up": (("credit", "topup", "-5"), ["'EUR'", "the amount must be positive", "not -5.00 €"]),
    "absurd top-up": (("credit", "topup", "100000"), ["100000.00 € is more than 1000.00 €, the most kenactl"]),
    "negative charge": (("charges", "add", "x", "-2"), ["'EUR'", "the amount must be positive", "not -2.00 €"]),
    "unknown command": (("recharge",), ["no such command 'recharge'"]),
    "unknown option": (("status", "--colour"), ["no such option '--colour'"]),
    "missing argument": (("credit", "topup"), ["missing argument 'EUR'"]),
    "init over a profile": (KENA_INIT, ["a profile already exists at", "--force"]),
}


@pytest.mark.parametrize("case", COMMAND_LINE_CASES)
def test_bad_command_lines(run, kena_profile, case):
    assert run(*TIM_ADD).exit_code == 0
    args, needles = COMMAND_LINE_CASES[case]
    before = snapshot(kena_profile.parent)
    assert_refused(run(*args), *needles)
    assert snapshot(kena_profile.parent) == before


def test_removing_the_only_line(run, kena_profile):
    before = snapshot(kena_profile.parent)
    assert_refused(run("line", "remove", "main"), "line 'main' is the only line; a profile keeps at least one")
    assert snapshot(kena_profile.parent) == before


# (how the hand-edited file is broken, words the stderr line must contain)
FILE_CASES = {
    "malformed TOML": (("price = 7.99", "price = 7,99"), ["not valid TOML", "(at line 11, column 10)"]),
    "unterminated string": (('offer = "Kena 7.99"', 'offer = "Kena 7.99'), ["not valid TOML", "line 10, column 19"]),
    "renewal day as text": (("renewal_day = 15", 'renewal_day = "15"'),
                            ["lines.main.renewal_day: expected a whole number, got text \"15\""]),
    "renewal day 0 in the file": (("renewal_day = 15", "renewal_day = 0"),
                                  ["lines.main.renewal_day: 0 is outside 1-31"]),
    "price as a list": (("price = 7.99", "price = [7.99]"), ["lines.main.price: expected an amount in euros"]),
    "negative price in the file": (("price = 7.99", "price = -7.99"), ["lines.main.price: -7.99 € is negative"]),
    "credit as text": (("09:00:00Z 10.00", "09:00:00Z ten"), ["lines.main.observations: line 1: expected a UTC moment",
                                                             "'2026-11-01T09:00:00Z ten'"]),
    "unknown operator in the file": (('operator = "kena"', 'operator = "fastweb"'),
                                     ["lines.main.operator: unknown operator 'fastweb'"]),
    "unknown data unit in the file": (('data = "100GB"', 'data = "100TB"'), ["lines.main.included.data: unknown unit"]),
    "unknown key": (("pending_offer_change = false", "auto_renew = true"), ["lines.main.auto_renew: unknown key"]),
    "future schema": (("schema_version = 2", "schema_version = 7"),
                      ["schema_version: 7 was written by a newer kenactl"]),
    "default line missing": (('default_line = "main"', 'default_line = "casa"'),
                             ["default_line: 'casa' is not one of the lines (main)"]),
}


@pytest.mark.parametrize("command", [("status",), ("credit", "topup", "1"), ("line", "list"), ("usage", "show"),
                                     ("profile", "validate")])
@pytest.mark.parametrize("case", FILE_CASES)
def test_hand_edited_profiles_with_problems(run, kena_profile, case, command):
    (old, new), needles = FILE_CASES[case]
    edit(kena_profile, old, new)
    before = snapshot(kena_profile.parent)
    assert_refused(run(*command), str(kena_profile), *needles)
    assert snapshot(kena_profile.parent) == before


@pytest.mark.parametrize("command", [("status",), ("credit", "topup", "1"), ("profile", "show"), ("init",)])
def test_profile_that_is_a_directory(run, profile_path, command):
    profile_path.mkdir(parents=True)
    (profile_path / "keep").write_text("x")
    before = snapshot(profile_path.parent)
    assert_refused(run(*command), f"profile {profile_path} is a directory, not a file")
    assert snapshot(profile_path.parent) == before
    assert (profile_path / "keep").read_text() == "x"


@pytest.mark.parametrize("command", [("status",), ("credit", "topup", "1"), ("usage", "set", "--sms", "1"),
                                     ("line", "remove", "x"), ("profile", "show"), ("profile", "edit")])
def test_missing_profile_says_how_to_create_one(run, profile_path, command):
    assert_refused(run(*command), f"no profile at {profile_path}", "create one with: kenactl init --operator")
    assert not profile_path.parent.exists()  # no folder, no lock file, nothing


@pytest.mark.parametrize("command", [("status",), ("credit", "topup", "1"), ("profile", "show")])
def test_unreadable_profile(run, kena_profile, monkeypatch, command):
    # tests may run as root, where chmod 000 does not stop reading: make the read itself fail
    before = snapshot(kena_profile.parent)
    deny_reading(monkeypatch, kena_profile)
    assert_refused(run(*command), f"cannot read profile {kena_profile}: permission denied")
    monkeypatch.undo()
    assert snapshot(kena_profile.parent) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_profile_by_mode(run, kena_profile):
    kena_profile.chmod(0)
    try:
        assert_refused(run("status"), "permission denied")
    finally:
        kena_profile.chmod(0o600)


@pytest.mark.parametrize("command", [("status",), ("credit", "topup", "1")])
def test_profile_that_is_not_utf8(run, kena_profile, command):
    kena_profile.write_bytes(kena_profile.read_bytes().replace(b'"Kena 7.99"', b'"Kena \xe8 7.99"'))
    before = snapshot(kena_profile.parent)
    assert_refused(run(*command), f"profile {kena_profile} is not UTF-8 text (line 10")
    assert snapshot(kena_profile.parent) == before


def test_failed_write_leaves_the_profile_and_says_why(run, kena_profile, monkeypatch):
    before = snapshot(kena_profile.parent)

    def full(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert_refused(run("credit", "topup", "5"), "cannot write", "No space left on device")
    monkeypatch.undo()
    assert snapshot(kena_profile.parent) == before


def kenactl(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kenactl", *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **env})


def test_no_traceback_for_user_input_unless_kenactl_debug(kena_profile):
    plain = kenactl("status", "--line", "casa")
    assert (plain.returncode, plain.stdout) == (2, "")
    assert plain.stderr == "kenactl: unknown line 'casa'; the profile has: main\n"
    debug = kenactl("status", "--line", "casa", KENACTL_DEBUG="1")
    assert debug.returncode != 0
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.rstrip().endswith("InputError: unknown line 'casa'; the profile has: main")


def test_kenactl_debug_shows_the_traceback_of_a_profile_problem(profile_path):
    debug = kenactl("status", KENACTL_DEBUG="1")
    assert "Traceback (most recent call last)" in debug.stderr
    assert "ProfileError: no profile at" in debug.stderr
    assert not profile_path.exists()
