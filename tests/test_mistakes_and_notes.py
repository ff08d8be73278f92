"""Taking back a mistaken Restart or complaint (`restart remove`, `rights complaint remove`), and a line's
own `note`, which kenactl keeps where it drops hand-written TOML comments."""

from pathlib import Path

import pytest
from helpers import assert_refused, edit, snapshot
from test_bad_input import TIM_ADD
from test_safety_text import MARKUP, terminal  # noqa: F401 (a fixture)

from kenactl import store
from kenactl.safety import MAX_TEXT


def restart(run, at: str) -> None:
    """Record a Restart at ``at`` (usage at 85% just before it)."""
    assert run("--at", at.replace(":05", ":00"), "usage", "set", "--data", "85GB").exit_code == 0
    result = run("--at", at, "restart", "apply")
    assert result.exit_code == 0, result.stderr


def restart_moments(path: Path) -> list[str]:
    return [f"{entry.at:%Y-%m-%dT%H:%M}" for entry in store.load(path).line().history if entry.kind == "restart"]


@pytest.fixture
def restarted_twice(run, kena_profile):
    """Kena line main: Restarts on 10 Nov 09:05 (renewal day 15 → 10) and 25 Nov 10:05 (→ 25)."""
    restart(run, "2026-11-10T09:05")
    assert run("--at", "2026-11-25T09:00", "credit", "topup", "10").exit_code == 0
    restart(run, "2026-11-25T10:05")
    assert restart_moments(kena_profile) == ["2026-11-10T09:05", "2026-11-25T10:05"]
    return kena_profile


# restart remove ----------------------------------------------------------------------------------------

def test_restart_remove_takes_back_the_last_restart_and_says_what_the_renewal_is_now(run, kena_profile):
    restart(run, "2026-11-10T09:05")
    result = run("--at", "2026-11-12T10:00", "restart", "remove")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("Removed the Restart of line 'main' recorded at Tue 10 Nov 2026 09:05 (7.99 €).\n"
                             "Renewal day now 15; next renewal: Sun 15 Nov 2026 00:00 (7.99 €); credit now 10.00 €.\n")
    assert restart_moments(kena_profile) == []
    status = run("--at", "2026-11-12T10:00", "status").stdout
    assert "Sun 15 Nov 2026 00:00" in status and "10.00 €" in status


def test_restart_remove_picks_the_restart_on_a_day_or_in_a_minute(run, restarted_twice):
    result = run("--at", "2026-11-26T10:00", "restart", "remove", "2026-11-10")
    assert result.exit_code == 0, result.stderr
    assert "recorded at Tue 10 Nov 2026 09:05 (7.99 €)" in result.stdout
    assert "Renewal day now 25; next renewal: Fri 25 Dec 2026 00:00" in result.stdout  # the later Restart's day
    assert restart_moments(restarted_twice) == ["2026-11-25T10:05"]
    assert run("undo").exit_code == 0
    assert run("--at", "2026-11-26T10:00", "restart", "remove", "2026-11-25T10:05").exit_code == 0
    assert restart_moments(restarted_twice) == ["2026-11-10T09:05"]


def test_undo_brings_a_removed_restart_back(run, restarted_twice):
    before = restarted_twice.read_bytes()
    assert run("--at", "2026-11-26T10:00", "restart", "remove").exit_code == 0
    assert restart_moments(restarted_twice) == ["2026-11-10T09:05"]
    result = run("undo")
    assert result.exit_code == 0 and "2026-11-25 10:05:00+01:00" in result.stdout
    assert restarted_twice.read_bytes() == before


@pytest.mark.parametrize(("when", "needle"), [
    ("2026-11-11", "line 'main' has no Restart on Wed 11 Nov 2026; its Restarts: 2026-11-10T09:05, 2026-11-25T10:05"),
    ("2026-11-10T09:06", "no Restart on Tue 10 Nov 2026 09:06; its Restarts: 2026-11-10T09:05, 2026-11-25T10:05"),
    ("yesterday", "invalid value for '[WHEN]': 'yesterday' is not an ISO 8601 date or date-time"),
])
def test_restart_remove_refuses_a_moment_without_a_restart(run, restarted_twice, when, needle):
    before = snapshot(restarted_twice.parent)
    assert_refused(run("--at", "2026-11-26T10:00", "restart", "remove", when), needle)
    assert snapshot(restarted_twice.parent) == before


def test_two_restarts_on_one_day_need_the_time(run, restarted_twice):
    edit(restarted_twice, "    2026-11-25 10:05:00+01:00,", "    2026-11-10 18:30:00+01:00,")  # a hand-edited file
    before = snapshot(restarted_twice.parent)
    assert_refused(run("--at", "2026-11-26T10:00", "restart", "remove", "2026-11-10"),
                   "line 'main' has 2 Restarts on Tue 10 Nov 2026; give the time too: 2026-11-10T09:05, "
                   "2026-11-10T18:30")
    assert snapshot(restarted_twice.parent) == before
    assert run("--at", "2026-11-26T10:00", "restart", "remove", "2026-11-10T18:30").exit_code == 0
    assert restart_moments(restarted_twice) == ["2026-11-10T09:05"]


def test_restart_remove_without_a_restart_changes_nothing(run, kena_profile):
    before = snapshot(kena_profile.parent)
    assert_refused(run("restart", "remove"), "line 'main' has no recorded Restart")
    assert_refused(run("--lang", "it", "restart", "remove"), "la linea 'main' non ha Restart registrati")
    assert snapshot(kena_profile.parent) == before


def test_restart_remove_in_italian(run, kena_profile):
    restart(run, "2026-11-10T09:05")
    result = run("--lang", "it", "--at", "2026-11-12T10:00", "restart", "remove")
    assert result.stdout == ("Eliminato il Restart della linea 'main' registrato il mar 10 novembre 2026 09:05 "
                             "(7,99 €).\nGiorno di rinnovo ora 15; prossimo rinnovo: dom 15 novembre 2026 00:00 "
                             "(7,99 €); credito ora 10,00 €.\n")


# rights complaint remove ------------------------------------------------------------------------------

@pytest.fixture
def two_complaints(run, kena_profile):
    for subject in ("Double charge", "Data not renewed"):
        assert run("--at", "2026-11-20T10:00", "rights", "complaint", "add", "--subject", subject).exit_code == 0
    return kena_profile


def test_complaint_remove_keeps_the_other_ids(run, two_complaints):
    result = run("rights", "complaint", "remove", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("Removed complaint #1 of line 'main' (Double charge, received Fri 20 Nov 2026).\n"
                             "Complaints left: #2.\n")
    assert [(c.id, c.subject) for c in store.load(two_complaints).complaints] == [(2, "Data not renewed")]
    assert run("--at", "2026-11-21", "rights", "complaint", "close", "2").exit_code == 0  # #2 is still #2
    assert run("rights", "complaint", "remove", "2").stdout.endswith("Complaints left: none.\n")


def test_complaint_remove_refuses_an_unknown_id(run, two_complaints):
    before = snapshot(two_complaints.parent)
    assert_refused(run("rights", "complaint", "remove", "3"), "no complaint #3; the profile has: 1, 2")
    assert_refused(run("rights", "complaint", "remove", "0"), "0")
    assert snapshot(two_complaints.parent) == before


def test_a_line_with_complaints_is_removed_once_they_are(run, kena_profile):
    assert run(*TIM_ADD).exit_code == 0
    assert run("--at", "2026-11-20", "rights", "complaint", "add", "--subject", "x").exit_code == 0
    assert_refused(run("line", "remove", "main"), "line 'main' has complaints (1); remove them first with "
                                                 "'kenactl rights complaint remove ID'")
    assert run("rights", "complaint", "remove", "1").exit_code == 0
    assert run("line", "remove", "main").exit_code == 0
    assert run("undo").exit_code == 0 and "main" in store.load(kena_profile).lines




# a line's note ----------------------------------------------------------------------------------------

def test_a_note_is_kept_shown_by_status_and_profile_show_and_cleared(run, kena_profile):
    assert run("line", "set", "--note", "SIM di nonna, PUK nel cassetto").exit_code == 0
    assert run("--at", "2026-11-21T10:00", "credit", "topup", "5").exit_code == 0  # a later write keeps it
    rows = run("--at", "2026-11-21T10:00", "status", "--line", "main").stdout.splitlines()
    assert rows[1].split()[0] == "Offer:" and rows[2].split() == ["Note:", "SIM", "di", "nonna,", "PUK", "nel",
                                                                  "cassetto"]
    assert 'note = "SIM di nonna, PUK nel cassetto"\n' in run("profile", "show").stdout
    assert "Nota:" in run("--lang", "it", "status").stdout
    assert run("line", "set", "--note", "").exit_code == 0
    assert "note" not in kena_profile.read_text(encoding="utf-8") and "Note:" not in run("status").stdout


def test_line_add_takes_a_note(run, kena_profile):
    assert run(*TIM_ADD, "--note", "la SIM del router").exit_code == 0
    assert store.load(kena_profile).line("nonna").note == "la SIM del router"
    assert store.load(kena_profile).line("main").note == ""


@pytest.mark.parametrize(("note", "needle"), [
    ("a\x1b[2Jb", "invalid value for '--note': control character U+001B is not allowed in text"),
    ("two\nlines", "control character U+000A"),
    ("x" * (MAX_TEXT + 1), f"text of {MAX_TEXT + 1} characters is too long (at most {MAX_TEXT})"),
])
def test_a_note_is_free_text_with_its_limits(run, kena_profile, note, needle):
    before = snapshot(kena_profile.parent)
    assert_refused(run("line", "set", "--note", note), needle)
    assert snapshot(kena_profile.parent) == before


@pytest.mark.parametrize(("written", "needle"), [
    ("note = 5", "lines.main.note: expected text, got a whole number 5"),
    ('note = "a\\u0007"', "lines.main.note: control character U+0007 is not allowed in text"),
])
def test_a_hand_written_note_is_validated(run, kena_profile, written, needle):
    edit(kena_profile, 'offer = "Kena 7.99"', f'offer = "Kena 7.99"\n{written}')
    before = snapshot(kena_profile.parent)
    assert_refused(run("status"), needle)
    assert_refused(run("profile", "validate"), needle)
    assert snapshot(kena_profile.parent) == before


def test_a_note_with_markup_is_drawn_literally_on_a_terminal(run, kena_profile, terminal):  # noqa: F811
    assert run("line", "set", "--note", MARKUP).exit_code == 0
    out = run("status").stdout
    assert "\x1b[" in out, "not drawn as a terminal: the test would prove nothing"
    assert "\x1b]8;" not in out and "[red]rosso[/red]" in out and "[/]" in out


# operator names in messages ----------------------------------------------------------------------------

def test_an_option_the_operator_lacks_is_named_with_the_operator_name(run, kena_profile):
    assert run(*TIM_ADD).exit_code == 0
    assert_refused(run("line", "set", "--line", "nonna", "--option", "continuita=off"),
                   "option 'continuita' does not apply to TIM; its options are:")
