"""--profile, --at and --lang work before or after the command (the later one wins)."""

import json

from helpers import KENA_INIT


def test_at_after_the_command_is_the_same_as_before(run, kena_profile):
    before = run("--at", "2026-11-22T10:00", "status", "--json")
    after = run("status", "--json", "--at", "2026-11-22T10:00")
    assert after.exit_code == 0, after.output
    assert json.loads(after.stdout) == json.loads(before.stdout)
    assert json.loads(after.stdout)["lines"][0]["days_to_renewal"] == 23


def test_the_later_of_two_at_options_wins(run, kena_profile):
    result = run("--at", "2026-11-01T10:00", "status", "--json", "--at", "2026-12-10T10:00")
    assert json.loads(result.stdout)["lines"][0]["days_to_renewal"] == 5


def test_lang_after_the_command(run, kena_profile):
    result = run("status", "--lang", "it", "--at", "2026-11-22")
    assert result.exit_code == 0, result.output
    assert "Offerta:" in result.stdout and "Offer:" not in result.stdout


def test_profile_after_a_subcommand_of_a_group(run, tmp_path):
    other = tmp_path / "other" / "profile.toml"
    result = run("init", *KENA_INIT[1:], "--profile", str(other), "--at", "2026-11-01T10:00")
    assert result.exit_code == 0, result.output
    assert other.is_file()
    listed = run("line", "list", "--profile", str(other))
    assert listed.exit_code == 0 and "main" in listed.stdout


def test_a_bad_at_after_the_command_is_one_line_exit_2(run, kena_profile):
    before = kena_profile.read_bytes()
    result = run("credit", "topup", "5", "--at", "nonsense")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "'nonsense' is not an ISO 8601 date" in result.stderr
    assert kena_profile.read_bytes() == before
