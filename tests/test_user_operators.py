"""A user's operator file (``operators/<id>.toml`` beside the profile) is a full operator: the registry
offers it to ``line add/set --operator``, the profile accepts it, and explain, status and export read it."""

import json
from pathlib import Path

import pytest

from kenactl.errors import KenactlError
from kenactl.knowledge import operators

ILIAD = (Path(operators.__file__).parent / "iliad.toml").read_text(encoding="utf-8")
ADD = ("line", "add", "casa", "--operator", "myop", "--offer", "My 5", "--price", "5.00", "--renewal-day", "3",
       "--data", "10GB", "--minutes", "unlimited", "--sms", "100", "--credit", "2.00")
AT = ("--at", "2026-11-21T09:00")


def write_operator(profile: Path, text: str) -> Path:
    folder = profile.parent / "operators"
    folder.mkdir(exist_ok=True)
    path = folder / "myop.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_operator_works_for_every_command(run, kena_profile):
    write_operator(kena_profile, ILIAD.replace('name = "Iliad"', 'name = "My Operator"')
                   .replace("valid_months = 12", "valid_months = 6"))
    assert run("line", "add", "--help").exit_code == 0
    added = run(*ADD)
    assert added.exit_code == 0, added.stderr
    assert 'operator = "myop"' in kena_profile.read_text(encoding="utf-8")
    assert run(*AT, "credit", "topup", "1", "--line", "casa").exit_code == 0  # a last top-up: validity applies

    explained = run(*AT, "explain", "--line", "casa", "--json")
    assert explained.exit_code == 0, explained.stderr
    data = json.loads(explained.stdout)
    assert (data["operator"], data["outcome"]) == ("myop", "not-renewed")

    status = run(*AT, "status", "--line", "casa", "--json")
    assert status.exit_code == 0, status.stderr
    (line,) = json.loads(status.stdout)["lines"]
    assert (line["name"], line["sim_valid_until"]) == ("casa", "2027-05-21")  # the file's 6 months, not Iliad's 12

    calendar = run(*AT, "export", "ics", "--line", "casa", "--months", "2")
    assert calendar.exit_code == 0, calendar.stderr
    assert b"renewal-casa-2026-12@kenactl" in calendar.stdout_bytes.replace(b"\r\n ", b"")

    assert run("line", "set", "--line", "main", "--operator", "myop").exit_code == 0
    assert run("profile", "validate").exit_code == 0


def test_without_the_file_the_operator_is_refused_everywhere(run, kena_profile):
    refused = run(*ADD)
    assert refused.exit_code == 2 and "'myop' is not one of" in refused.stderr
    path = write_operator(kena_profile, ILIAD)
    assert run(*ADD).exit_code == 0
    path.unlink()
    before = kena_profile.read_bytes()
    broken = run("status")
    assert broken.exit_code == 2 and "lines.casa.operator: unknown operator 'myop'" in broken.stderr
    assert kena_profile.read_bytes() == before


def test_a_broken_user_operator_is_an_exit_2_error_naming_the_file_and_key(run, kena_profile):
    path = write_operator(kena_profile, ILIAD)
    assert run(*ADD).exit_code == 0
    write_operator(kena_profile, ILIAD.replace('outcome = "not-renewed"', 'outcome = "blocked"'))
    before = kena_profile.read_bytes()
    for command in (("explain", "--line", "casa"), ("explain", "--line", "main"), ("export", "ics"),
                    ("restart", "check", "--line", "main")):  # another line's operator file is read too
        result = run(*AT, *command)
        assert result.exit_code == 2, (command, result.stderr)
        expected = f"kenactl: {path}: short_credit.outcome: 'blocked' is not one of"
        assert result.stderr.startswith(expected), result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert kena_profile.read_bytes() == before


def test_features_are_checked_against_the_known_ones(tmp_path):
    folder = tmp_path / "operators"
    folder.mkdir()
    (folder / "myop.toml").write_text(ILIAD.replace('name = "Iliad"', 'name = "Mine"\nfeatures = ["restart"]'),
                                      encoding="utf-8")
    assert operators.load("myop", folder).features == frozenset({"restart"})
    (folder / "myop.toml").write_text(ILIAD.replace('name = "Iliad"', 'name = "Mine"\nfeatures = ["warp"]'),
                                      encoding="utf-8")
    with pytest.raises(KenactlError) as error:
        operators.load("myop", folder)
    assert str(error.value) == f"{folder / 'myop.toml'}: features[0]: 'warp' is not one of restart, service-charter"
    assert error.value.exit_code == 2
