"""Audit of the core: regressions for bugs found by using kenactl as a demanding user would."""

import errno
import json
import os
from pathlib import Path

from helpers import KENA_INIT, assert_refused, edit, snapshot


def usage_json(run, at: str) -> dict:
    result = run("--at", at, "usage", "show", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_sample_from_before_the_autumn_change_counts_after_it(run, kena_profile):
    # 29 Oct 2028 02:40 CEST (00:40 UTC) comes before 02:15 CET (01:15 UTC) the same night
    assert run("--at", "2028-10-29T02:40+02:00", "usage", "set", "--data", "10GB").exit_code == 0
    shown = usage_json(run, "2028-10-29T02:15+01:00")
    assert shown["usage"]["data"]["used"] == 10000
    assert [sample["at"] for sample in shown["samples"]] == ["2028-10-29T02:40:00+02:00"]


def test_two_samples_an_hour_apart_in_the_repeated_hour_are_both_kept(run, kena_profile):
    assert run("--at", "2028-10-29T02:40+02:00", "usage", "set", "--data", "10GB").exit_code == 0
    assert run("--at", "2028-10-29T02:40+01:00", "usage", "set", "--data", "11GB").exit_code == 0
    shown = usage_json(run, "2028-10-29T03:00")
    assert [(s["at"], s["data"]) for s in shown["samples"]] == [
        ("2028-10-29T02:40:00+02:00", 10000), ("2028-10-29T02:40:00+01:00", 11000)]
    assert shown["usage"]["data"]["used"] == 11000


def test_a_renewal_time_the_spring_change_skips_starts_the_period_at_the_real_instant(run, kena_profile):
    # 26 Mar 2028 02:30 does not exist: the renewal happens at 03:30 CEST; a sample at 03:10 is the old period's
    assert run("line", "set", "--renewal-day", "26", "--renewal-time", "02:30").exit_code == 0
    assert run("--at", "2028-03-26T03:10", "usage", "set", "--data", "5GB").exit_code == 0
    assert usage_json(run, "2028-03-26T03:20")["usage"]["data"]["used"] == 5000
    after = usage_json(run, "2028-03-26T03:40")
    assert after["period_start"] == "2028-03-26T03:30:00+02:00"
    assert after["usage"]["data"]["used"] == 0
    assert after["samples"] == []


def test_a_huge_data_amount_is_refused_not_an_internal_error(run, kena_profile):
    before = snapshot(kena_profile.parent)
    for command in (("usage", "set"), ("line", "set")):
        assert_refused(run(*command, "--data", "9" * 29 + "GB"), "'--data'", "is too large")
    assert snapshot(kena_profile.parent) == before


def test_a_huge_data_amount_in_a_hand_edited_profile_names_the_field(run, kena_profile):
    edit(kena_profile, 'data = "100GB"', 'data = "' + "9" * 29 + 'GB"')
    assert_refused(run("status"), "lines.main.included.data", "is too large")


def test_schema_version_true_is_a_wrong_type(run, kena_profile):
    edit(kena_profile, "schema_version = 2", "schema_version = true")
    assert_refused(run("status"), "schema_version: expected 2, got true/false true")


def test_a_read_only_profile_folder_is_a_clear_error(run, kena_profile, monkeypatch):
    # root writes anywhere: make creating files in the folder fail as on a read-only file system
    before = snapshot(kena_profile.parent)
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if Path(path).parent == kena_profile.parent and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    (kena_profile.parent / "profile.toml.lock").unlink(missing_ok=True)
    assert_refused(run("credit", "topup", "5"), f"cannot write in {kena_profile.parent}", "Read-only file system")
    assert_refused(run("--at", "2026-11-02", *KENA_INIT, "--force"), "Read-only file system")
    monkeypatch.undo()
    assert snapshot(kena_profile.parent) == before


def editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "editor.sh"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_profile_edit_when_the_editor_removes_the_copy(run, kena_profile, tmp_path, monkeypatch):
    before = snapshot(kena_profile.parent)
    monkeypatch.setenv("EDITOR", editor(tmp_path, 'rm "$1"'))
    assert_refused(run("profile", "edit"), "profile unchanged")
    assert snapshot(kena_profile.parent) == before


def test_profile_edit_when_the_editor_saves_latin1(run, kena_profile, tmp_path, monkeypatch):
    before = snapshot(kena_profile.parent)
    monkeypatch.setenv("EDITOR", editor(tmp_path, "printf '# caf\\351\\n' >> \"$1\""))
    assert_refused(run("profile", "edit"), "is not UTF-8 text", "profile unchanged")
    assert snapshot(kena_profile.parent) == before


def test_removing_a_line_with_complaints_says_why(run, kena_profile):
    assert run("--at", "2026-11-02", "line", "add", "nonna", "--operator", "tim", "--offer", "TIM", "--price", "9.99",
               "--renewal-day", "5", "--data", "10GB", "--minutes", "500", "--sms", "100",
               "--credit", "4.50").exit_code == 0
    assert run("--at", "2026-11-02", "rights", "complaint", "add", "--subject", "no signal").exit_code == 0
    before = snapshot(kena_profile.parent)
    assert_refused(run("line", "remove", "main"), "line 'main' has complaints (1)",
                   "kenactl rights complaint remove ID")
    assert snapshot(kena_profile.parent) == before
    assert "generated profile" not in run("line", "remove", "main").stderr
