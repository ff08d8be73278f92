"""``profile validate`` reads every operator file the profile's lines use (the user's included, ``[ledger]`` too)
with the readers status and explain use: one stderr line per problem, exit 2, and it names the files checked."""

import json
from pathlib import Path

from helpers import KENA_INIT

from kenactl.knowledge import operators

BUILTIN = Path(operators.__file__).parent
AT = ("--at", "2026-11-21T09:00")


def add_line(run, name: str, operator: str) -> None:
    result = run("--at", "2026-11-01T10:00", "line", "add", name, "--operator", operator, "--offer", "Offer",
                 "--price", "5.00", "--renewal-day", "3", "--data", "10GB", "--minutes", "unlimited", "--sms", "100",
                 "--credit", "2.00")
    assert result.exit_code == 0, result.stderr


def user_file(profile: Path, operator_id: str, text: str) -> Path:
    folder = profile.parent / "operators"
    folder.mkdir(exist_ok=True)
    path = folder / f"{operator_id}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def windtre(old: str, new: str) -> str:
    text = (BUILTIN / "windtre.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return text.replace(old, new)


def problems(result) -> list[str]:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.splitlines()
    assert all(line.startswith("kenactl: ") for line in lines), lines
    return lines


def test_ok_names_the_operator_files_checked(run, kena_profile):
    mine = user_file(kena_profile, "myop", (BUILTIN / "iliad.toml").read_text(encoding="utf-8"))
    add_line(run, "casa", "myop")
    result = run(*AT, "profile", "validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (f"{kena_profile}: OK, 2 line(s): main, casa (default main)\n"
                             f"Operator files checked: kena (built in); myop ({mine})\n")
    data = json.loads(run(*AT, "profile", "validate", "--json").stdout)
    assert data["operator_files"] == [{"operator": "kena", "path": str(BUILTIN / "kena.toml"), "builtin": True},
                                      {"operator": "myop", "path": str(mine), "builtin": False}]
    italian = run("--lang", "it", *AT, "profile", "validate").stdout
    assert "File degli operatori controllati: kena (integrato); myop (" in italian


def test_a_bad_ledger_value_in_a_user_file_is_found_before_status_trips_over_it(run, kena_profile):
    add_line(run, "wind", "windtre")
    path = user_file(kena_profile, "windtre", windtre('value = "to-zero-rest-owed"', 'value = "to-zero"'))
    before = kena_profile.read_bytes()
    lines = problems(run(*AT, "profile", "validate"))
    assert lines == [f"kenactl: {path}: ledger.credit.value: 'to-zero' is not one of untouched, minus-price, "
                     "to-zero-rest-owed"]
    assert run(*AT, "status").stderr == lines[0] + "\n"  # the same reader, the same line
    assert kena_profile.read_bytes() == before


def test_one_line_per_problem_across_files_and_options(run, kena_profile):
    add_line(run, "wind", "windtre")
    user_file(kena_profile, "myop", (BUILTIN / "iliad.toml").read_text(encoding="utf-8"))
    add_line(run, "casa", "myop")
    user_file(kena_profile, "windtre", windtre("value = false", 'value = "no"'))
    mine = user_file(kena_profile, "myop", "name = [broken")  # not TOML: both readers refuse it alike
    text = kena_profile.read_text(encoding="utf-8")
    kena_profile.write_text(text + '\n[lines.main.options]\ncontinuita = "on"\n', encoding="utf-8")
    lines = problems(run(*AT, "profile", "validate"))
    assert len(lines) == 3, lines
    assert lines[0].startswith(f"kenactl: {mine}: ")
    assert lines[1] == f"kenactl: {mine.parent / 'windtre.toml'}: ledger.usable.value: 'no' is not one of True, False"
    assert lines[2] == (f"kenactl: {kena_profile}: lines.main.options: option 'continuita' does not apply to "
                        "Kena Mobile; its options are: auto-topup")


def test_the_full_loader_checks_a_user_file_too(run, kena_profile):
    add_line(run, "wind", "windtre")
    path = user_file(kena_profile, "windtre", windtre('name = "WINDTRE"', 'nome = "WINDTRE"'))
    lines = problems(run(*AT, "profile", "validate"))
    assert len(lines) == 1 and lines[0].startswith(f"kenactl: {path}: ") and "nome" in lines[0], lines


def test_an_operator_used_before_whose_file_is_gone(run, kena_profile):
    mine = user_file(kena_profile, "myop", (BUILTIN / "iliad.toml").read_text(encoding="utf-8"))
    add_line(run, "casa", "myop")
    assert run("--at", "2026-11-02T10:00", "line", "set", "--line", "casa", "--operator", "kena").exit_code == 0
    mine.unlink()
    lines = problems(run(*AT, "profile", "validate"))
    assert lines == [f"kenactl: {kena_profile}: lines.casa: unknown operator 'myop'; known: kena, tim, vodafone, "
                     "windtre, iliad, other"]


def test_a_profile_with_only_built_in_operators(run, profile_path):
    assert run("--at", "2026-11-01T10:00", *KENA_INIT).exit_code == 0
    assert run(*AT, "profile", "validate").stdout.endswith("Operator files checked: kena (built in)\n")
