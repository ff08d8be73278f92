"""Every issue-2 command through CliRunner: init, line, usage, credit, profile, status and --at."""

import io
import json
import sys
import tomllib
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import KENA_INIT

from kenactl import store
from kenactl.core.dates import ROME, parse_moment

STATUS_KEYS = {"name", "default", "operator", "offer", "note", "price", "credit", "renewal_day", "renewal_time",
               "next_renewal", "next_renewal_at", "days_to_renewal", "shortfall", "min_topup", "period_start",
               "usage_recorded_at", "usage", "usage_outdated", "offer_change_requested", "restart_possible_until",
               "sim_valid_until", "credit_as_of", "offer_usable", "last_renewal", "payment"}
ALLOWANCE_KEYS = {"used", "included", "percent", "remaining", "daily_budget", "runs_out_at"}
TIM_ADD = ("line", "add", "nonna", "--operator", "tim", "--offer", "TIM Smart", "--price", "9,99",
           "--renewal-day", "31", "--data", "unlimited", "--minutes", "500", "--sms", "unlimited", "--credit", "4.5")


class Terminal(io.BytesIO):
    """Standard input that claims to be a terminal, so kenactl prompts for missing values."""

    def isatty(self) -> bool:
        return True


def ok(result, text: str | None = None):
    assert result.exit_code == 0, (result.stdout, result.stderr)
    if text is not None:
        assert result.stdout == text
    return result


def failed(result, message: str):
    """Exit 2 with exactly one stderr line containing ``message``."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("kenactl: ") and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    return result


def status(run, at: str, *args: str) -> list[dict]:
    return json.loads(ok(run("--at", at, "status", "--json", *args)).stdout)["lines"]


def line_of(path: Path, name: str | None = None):
    return store.load(path).line(name)


# init ---------------------------------------------------------------------------------------------------------

def test_init_with_every_option(run, profile_path):
    result = ok(run("--at", "2026-11-01T10:00", "init", "--operator", "iliad", "--offer", "Giga 150",
                    "--price", "9,99 €", "--renewal-day", "31", "--renewal-time", "09:30", "--data", "1,5 GB",
                    "--minutes", "unlimited", "--sms", "0", "--credit", "-1,50", "--line", "casa"))
    assert result.stdout == f"Created {profile_path} with line 'casa'.\n"
    profile = store.load(profile_path)
    assert profile.default_line == "casa"
    assert list(profile.lines) == ["casa"]
    line = profile.line()
    assert (line.operator, line.offer, line.price, line.renewal_day, line.renewal_time) == \
        ("iliad", "Giga 150", Decimal("9.99"), 31, time(9, 30))
    assert (line.included.data, line.included.minutes, line.included.sms) == (1500, None, 0)
    assert line.credit == Decimal("-1.50")
    assert line.last_topup is None and line.pending_offer_change is False and line.usage == ()
    assert profile.updated_at == parse_moment("2026-11-01T10:00")
    document = tomllib.loads(profile_path.read_text())
    assert document["lines"]["casa"]["included"] == {"data": "1.5GB", "minutes": "unlimited", "sms": 0}


def test_init_defaults_the_line_name_and_renewal_time(run, kena_profile):
    line = line_of(kena_profile)
    assert line.name == "main"
    assert line.renewal_time == time(0, 0)
    assert line.included.data == 100_000


def test_init_refuses_to_replace_without_force(run, kena_profile):
    before = kena_profile.read_bytes()
    failed(run(*KENA_INIT), f"a profile already exists at {kena_profile}; use --force to replace it")
    assert kena_profile.read_bytes() == before
    ok(run("--at", "2026-11-02", *KENA_INIT[:-2], "--credit", "3", "--force"))
    assert line_of(kena_profile).credit == Decimal("3.00")
    assert Path(f"{kena_profile}.bak").read_bytes() == before


def test_init_without_a_terminal_names_the_missing_options(run, profile_path):
    failed(run("init", "--operator", "kena", "--offer", "Kena 7.99", "--price", "7.99", "--data", "100GB"),
           "init: missing --renewal-day, --minutes, --sms, --credit (no terminal to ask on")
    assert not profile_path.exists()
    assert not profile_path.parent.exists()


def test_init_prompts_for_missing_values_on_a_terminal(run, profile_path):
    answers = "kena\n32\n31\nunlimited\n100\n5\n"  # the bad renewal day 32 is asked again
    result = ok(run("--at", "2026-11-01", "init", "--offer", "Kena 7.99", "--price", "7.99", "--data", "100GB",
                    input=Terminal(answers.encode())))
    assert "Operator (--operator)" in result.stdout
    assert "Day of the month the offer renews (1-31) (--renewal-day)" in result.stdout
    assert "32 is not in the range 1<=x<=31" in result.stderr + result.stdout
    assert "Included minutes (--minutes)" in result.stdout
    assert result.stdout.endswith(f"Created {profile_path} with line 'main'.\n")
    line = line_of(profile_path)
    assert (line.operator, line.renewal_day, line.included.minutes, line.included.sms, line.credit) == \
        ("kena", 31, None, 100, Decimal("5.00"))


def test_init_refuses_a_bad_line_name(run, profile_path):
    failed(run(*KENA_INIT, "--line", "my line"), "line name 'my line': use 1-40 letters, digits, '-' or '_'")
    assert not profile_path.exists()


# line ---------------------------------------------------------------------------------------------------------

def test_line_add_and_list(run, kena_profile):
    ok(run(*TIM_ADD, "--renewal-time", "09:30"), "Added line 'nonna'.\n")
    profile = store.load(kena_profile)
    assert list(profile.lines) == ["main", "nonna"]
    assert profile.default_line == "main"
    nonna = profile.line("nonna")
    assert (nonna.operator, nonna.price, nonna.renewal_day, nonna.renewal_time, nonna.credit) == \
        ("tim", Decimal("9.99"), 31, time(9, 30), Decimal("4.50"))
    assert (nonna.included.data, nonna.included.minutes, nonna.included.sms) == (None, 500, None)
    listing = ok(run("--at", "2026-11-20T10:00", "line", "list")).stdout.splitlines()
    assert listing[0].split() == ["line", "operator", "offer", "price", "credit", "next", "renewal", "state"]
    # as status has it: the renewal of 15 Nov took 7.99 € of the 10.00 €
    assert listing[2].split() == ["*", "main", "Kena", "Mobile", "Kena", "7.99", "7.99", "€", "2.01", "€",
                                  "Tue", "15", "Dec", "2026", "short", "5.98", "€"]
    assert listing[3].split() == ["nonna", "TIM", "TIM", "Smart", "9.99", "€", "4.50", "€",
                                  "Mon", "30", "Nov", "2026", "09:30", "short", "5.49", "€"]


def test_line_add_refuses_an_existing_name_before_asking_anything(run, kena_profile):
    before = kena_profile.read_bytes()
    failed(run("line", "add", "main", input=Terminal(b"")), "line 'main' already exists")
    assert kena_profile.read_bytes() == before


def test_line_add_without_a_profile_says_how_to_create_one(run, profile_path):
    failed(run(*TIM_ADD), f"no profile at {profile_path}; create one with: kenactl init")
    assert not profile_path.parent.exists()


def test_line_remove_passes_the_default_on(run, kena_profile):
    ok(run(*TIM_ADD))
    ok(run("line", "remove", "main"),
       "Removed line 'main' and everything recorded for it.\nThe default line is now 'nonna'.\n")
    profile = store.load(kena_profile)
    assert list(profile.lines) == ["nonna"]
    assert profile.default_line == "nonna"


def test_line_remove_keeps_the_default_when_another_line_goes(run, kena_profile):
    ok(run(*TIM_ADD))
    ok(run("line", "remove", "nonna"))
    assert store.load(kena_profile).default_line == "main"
    assert list(store.load(kena_profile).lines) == ["main"]


def test_line_rename_keeps_order_default_and_data(run, kena_profile):
    ok(run(*TIM_ADD))
    ok(run("credit", "set", "3"))
    ok(run("line", "rename", "main", "me"), "Renamed line 'main' to 'me'.\n")
    profile = store.load(kena_profile)
    assert list(profile.lines) == ["me", "nonna"]
    assert profile.default_line == "me"
    assert profile.line("me").credit == Decimal("3.00")
    assert profile.line("me").name == "me"


def test_line_default(run, kena_profile):
    ok(run(*TIM_ADD))
    ok(run("line", "default", "nonna"), "Default line: 'nonna'.\n")
    assert store.load(kena_profile).default_line == "nonna"
    ok(run("credit", "set", "1"))  # commands without --line now act on nonna
    assert line_of(kena_profile, "nonna").credit == Decimal("1.00")
    assert line_of(kena_profile, "main").credit == Decimal("10.00")
    lines = status(run, "2026-11-20")
    assert [(item["name"], item["default"]) for item in lines] == [("main", False), ("nonna", True)]
    assert ok(run("line", "list")).stdout.splitlines()[3].split()[:2] == ["*", "nonna"]


def test_line_set_changes_only_the_given_fields(run, kena_profile):
    before = line_of(kena_profile)
    ok(run("line", "set", "--price", "8,99"), "Updated line 'main'.\n")
    after = line_of(kena_profile)
    assert after.price == Decimal("8.99")
    assert after.included == before.included and after.offer == before.offer and after.credit == before.credit
    ok(run("line", "set", "--offer", "Kena 9.99", "--renewal-day", "31", "--renewal-time", "08:15",
           "--data", "unlimited", "--minutes", "300", "--operator", "other"))
    after = line_of(kena_profile)
    assert (after.offer, after.renewal_day, after.renewal_time, after.operator) == ("Kena 9.99", 31, time(8, 15),
                                                                                   "other")
    assert (after.included.data, after.included.minutes, after.included.sms) == (None, 300, 100)
    assert after.price == Decimal("8.99")


def test_line_set_pending_offer_change_flag(run, kena_profile):
    ok(run("line", "set", "--pending-offer-change"))
    assert line_of(kena_profile).pending_offer_change is True
    assert "pending_offer_change = true" in kena_profile.read_text()
    ok(run("line", "set", "--no-pending-offer-change"))
    assert line_of(kena_profile).pending_offer_change is False


def test_line_set_targets_the_named_line(run, kena_profile):
    ok(run(*TIM_ADD))
    ok(run("line", "set", "--line", "nonna", "--sms", "50"), "Updated line 'nonna'.\n")
    assert line_of(kena_profile, "nonna").included.sms == 50
    assert line_of(kena_profile, "main").included.sms == 100


def test_line_set_with_nothing_to_change(run, kena_profile):
    before = kena_profile.read_bytes()
    failed(run("line", "set"), "nothing to change: give at least one option")
    assert kena_profile.read_bytes() == before


# usage --------------------------------------------------------------------------------------------------------

def test_usage_set_changes_only_the_given_counters_and_is_stamped_with_at(run, kena_profile):
    ok(run("--at", "2026-11-20T08:00", "usage", "set", "--data", "12.5GB", "--sms", "3"),
       "Recorded usage for line 'main'.\n")
    ok(run("--at", "2026-11-21T09:15", "usage", "set", "--minutes", "40"))
    usage = line_of(kena_profile).usage
    assert [(s.at, s.data, s.minutes, s.sms) for s in usage] == [
        (parse_moment("2026-11-20T08:00"), 12500, 0, 3),
        (parse_moment("2026-11-21T09:15"), 12500, 40, 3),
    ]
    assert store.load(kena_profile).updated_at == parse_moment("2026-11-21T09:15")
    data = status(run, "2026-11-22")[0]
    assert data["usage_recorded_at"] == "2026-11-21T09:15:00+01:00"
    assert {kind: data["usage"][kind]["used"] for kind in ("data", "minutes", "sms")} == \
        {"data": 12500, "minutes": 40, "sms": 3}


def test_usage_of_a_previous_period_reads_zero_after_the_renewal(run, kena_profile):
    ok(run("--at", "2026-11-20", "usage", "set", "--data", "30GB", "--minutes", "10", "--sms", "5"))
    before = status(run, "2026-12-14T23:59")[0]
    assert before["usage"]["data"]["used"] == 30000
    after = status(run, "2026-12-15T00:00")[0]  # the renewal on the 15th at 00:00 has happened
    assert {kind: after["usage"][kind]["used"] for kind in ("data", "minutes", "sms")} == \
        {"data": 0, "minutes": 0, "sms": 0}
    assert after["usage_recorded_at"] is None
    assert after["period_start"] == "2026-12-15T00:00:00+01:00"
    assert after["usage"]["data"]["percent"] == 0.0
    # a new reading carries over nothing from the old period, and the old readings stay in the profile
    ok(run("--at", "2026-12-16", "usage", "set", "--minutes", "7"))
    usage = line_of(kena_profile).usage
    assert [(s.data, s.minutes, s.sms) for s in usage] == [(30000, 10, 5), (0, 7, 0)]


def test_usage_show(run, kena_profile):
    ok(run("--at", "2026-11-20T08:00", "usage", "set", "--data", "800MB"))
    shown = json.loads(ok(run("--at", "2026-11-21", "usage", "show", "--json")).stdout)
    assert shown["line"] == "main"
    assert (shown["period_start"], shown["next_renewal"], shown["next_renewal_at"]) == (
        "2026-11-15T00:00:00+01:00", "2026-12-15", "2026-12-15T00:00:00+01:00")
    assert shown["samples"] == [{"at": "2026-11-20T08:00:00+01:00", "data": 800, "minutes": 0, "sms": 0}]
    assert shown["usage"]["data"]["used"] == 800
    text = ok(run("--at", "2026-11-21", "usage", "show")).stdout
    assert "Period:  Sun 15 Nov 2026 00:00 → Tue 15 Dec 2026 00:00" in text
    assert "Fri 20 Nov 2026 08:00  800 MB  0        0" in text
    assert "0.8%  800 MB of 100 GB" in text


@pytest.mark.parametrize(("args", "message"), [
    ((), "give at least one of --data, --minutes, --sms"),
    (("--data", "unlimited"), "'unlimited' is not an amount used"),
    (("--minutes", "unlimited"), "'unlimited' is not an amount used"),
    (("--data", "5"), "'5' needs a unit: MB or GB"),
    (("--sms", "-1"), "is not a whole number"),
])
def test_usage_set_refuses(run, kena_profile, args, message):
    before = kena_profile.read_bytes()
    failed(run("usage", "set", *args), message)
    assert kena_profile.read_bytes() == before


# credit -------------------------------------------------------------------------------------------------------

def test_credit_set(run, kena_profile):
    ok(run("credit", "set", "12,34"), "Credit of line 'main': 12.34 €.\n")
    assert line_of(kena_profile).credit == Decimal("12.34")
    assert line_of(kena_profile).last_topup is None  # setting is not a top-up


@pytest.mark.parametrize("args", [("--", "-2.50"), ("-2.50",), ("-2,5",)])
def test_credit_set_negative(run, kena_profile, args):
    ok(run("--at", "2026-11-20T10:00", "credit", "set", *args), "Credit of line 'main': -2.50 €.\n")
    assert line_of(kena_profile).credit == Decimal("-2.50")
    assert [item.credit for item in line_of(kena_profile).observations] == [Decimal("10.00"), Decimal("-2.50")]


def test_credit_topup_adds_and_records_the_rome_date(run, kena_profile):
    # the ledger's credit: 10.00 - 7.99 (renewal of 15 Nov) + 5.01
    ok(run("--at", "2026-11-20T23:30:00Z", "credit", "topup", "5,01"), "Credit of line 'main': 7.02 €.\n")
    line = line_of(kena_profile)
    assert line.credit == Decimal("15.01")
    assert line.last_topup == date(2026, 11, 21)  # 23:30 UTC is already the 21st in Rome
    ok(run("--at", "2026-11-22", "credit", "topup", "0.99"))
    assert line_of(kena_profile).credit == Decimal("16.00")  # the last observation plus the top-ups since
    assert [item.amount for item in line_of(kena_profile).topups] == [Decimal("5.01"), Decimal("0.99")]
    assert line_of(kena_profile).last_topup == date(2026, 11, 22)


def test_credit_topup_brings_a_negative_credit_back(run, kena_profile):
    ok(run("--at", "2026-11-20", "credit", "set", "--", "-2.50"))
    ok(run("--at", "2026-11-20", "credit", "topup", "2.50"), "Credit of line 'main': 0.00 €.\n")


@pytest.mark.parametrize(("amount", "message"), [("0", "the amount must be positive"),
                                                 ("-5", "the amount must be positive (more than 0.00 €), not -5.00 €"),
                                                 ("1000.01", "1000.01 € is more than 1000.00 €"),
                                                 ("1.001", "more than two decimals")])
def test_credit_topup_refuses(run, kena_profile, amount, message):
    before = kena_profile.read_bytes()
    failed(run("credit", "topup", amount), message)
    assert kena_profile.read_bytes() == before


# profile ------------------------------------------------------------------------------------------------------

def test_profile_path_sources(run, profile_path, tmp_path, monkeypatch):
    ok(run("profile", "path"), f"{profile_path}\n")
    ok(run("--profile", str(tmp_path / "other.toml"), "profile", "path"), f"{tmp_path / 'other.toml'}\n")
    monkeypatch.delenv("KENACTL_PROFILE")
    ok(run("profile", "path"), f"{tmp_path / 'xdg' / 'kenactl' / 'profile.toml'}\n")


def test_global_profile_option_is_used_by_every_command(run, tmp_path, profile_path):
    other = tmp_path / "elsewhere" / "p.toml"
    ok(run("--profile", str(other), *KENA_INIT))
    assert other.exists() and not profile_path.exists()
    ok(run("--profile", str(other), "credit", "topup", "1"))
    assert line_of(other).credit == Decimal("11.00")


def test_profile_show_and_validate(run, kena_profile):
    ok(run("profile", "show"), kena_profile.read_text(encoding="utf-8"))
    ok(run("profile", "validate"), f"{kena_profile}: OK, 1 line(s): main (default main)\n"
                                   "Operator files checked: kena (built in)\n")
    ok(run(*TIM_ADD))
    ok(run("profile", "validate"), f"{kena_profile}: OK, 2 line(s): main, nonna (default main)\n"
                                   "Operator files checked: kena (built in); tim (built in)\n")


def test_profile_show_refuses_an_invalid_profile(run, kena_profile):
    kena_profile.write_text(kena_profile.read_text().replace("renewal_day = 15", "renewal_day = 40"))
    failed(run("profile", "show"), "lines.main.renewal_day: 40 is outside 1-31")
    failed(run("profile", "validate"), "lines.main.renewal_day: 40 is outside 1-31")


def test_profile_validate_checks_each_lines_options_against_its_operator(run, kena_profile):
    text = kena_profile.read_text(encoding="utf-8")
    kena_profile.write_text(text + '\n[lines.main.options]\nauto-topup = "maybe"\n', encoding="utf-8")
    failed(run("profile", "validate"), "lines.main.options: option auto-topup=maybe: choose one of on|off")
    kena_profile.write_text(text + '\n[lines.main.options]\ncontinuita = "on"\n', encoding="utf-8")
    failed(run("profile", "validate"), "lines.main.options: option 'continuita' does not apply to Kena Mobile")
    kena_profile.write_text(text + '\n[lines.main.options]\nauto-topup = "on"\n', encoding="utf-8")
    ok(run("profile", "validate"))


def editor(tmp_path: Path, monkeypatch, body: str, variable: str = "EDITOR") -> None:
    """Set $EDITOR to a Python script; ``body`` edits ``text`` (the file's content) or exits."""
    script = tmp_path / "fake_editor.py"
    script.write_text("import sys\nfrom pathlib import Path\npath = Path(sys.argv[1])\ntext = path.read_text()\n"
                      f"{body}\npath.write_text(text)\n")
    monkeypatch.setenv(variable, f"{sys.executable} {script}")


def test_profile_edit_saves_a_valid_edit(run, kena_profile, tmp_path, monkeypatch):
    before = kena_profile.read_bytes()
    editor(tmp_path, monkeypatch, "text = text.replace('09:00:00Z 10.00', '09:00:00Z 42.00')")
    ok(run("profile", "edit"), f"Saved {kena_profile}.\n")
    assert line_of(kena_profile).credit == Decimal("42.00")
    assert Path(f"{kena_profile}.bak").read_bytes() == before
    assert kena_profile.stat().st_mode & 0o777 == 0o600


def test_profile_edit_prefers_visual(run, kena_profile, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", "false")
    editor(tmp_path, monkeypatch, "text = text.replace('sms = 100', 'sms = 200')", variable="VISUAL")
    ok(run("profile", "edit"))
    assert line_of(kena_profile).included.sms == 200


def test_profile_edit_keeps_the_old_profile_when_the_edit_is_invalid(run, kena_profile, tmp_path, monkeypatch):
    before = kena_profile.read_bytes()
    editor(tmp_path, monkeypatch, "text = text.replace('renewal_day = 15', 'renewal_day = 0')")
    failed(run("profile", "edit"),
           "edited profile: lines.main.renewal_day: 0 is outside 1-31; profile unchanged")
    assert kena_profile.read_bytes() == before
    assert not Path(f"{kena_profile}.bak").exists()
    editor(tmp_path, monkeypatch, "text = text.replace('[lines.main]', '[lines.main')")
    failed(run("profile", "edit"), "edited profile: not valid TOML: ")
    assert kena_profile.read_bytes() == before


def test_profile_edit_without_changes_or_with_a_failing_editor(run, kena_profile, tmp_path, monkeypatch):
    before = kena_profile.read_bytes()
    editor(tmp_path, monkeypatch, "pass")
    ok(run("profile", "edit"), "No changes.\n")
    editor(tmp_path, monkeypatch, "path.write_text('garbage'); sys.exit(3)")
    failed(run("profile", "edit"), "exited with status 3; profile unchanged")
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    failed(run("profile", "edit"), "cannot start editor")
    assert kena_profile.read_bytes() == before


def test_profile_edit_without_a_profile(run, profile_path):
    failed(run("profile", "edit"), f"no profile at {profile_path}; create one with: kenactl init")


# status -------------------------------------------------------------------------------------------------------

def test_status_json_keys_and_values(run, kena_profile):
    ok(run("--at", "2026-11-20T00:00", "usage", "set", "--data", "30GB"))
    lines = status(run, "2026-11-25T00:00")
    assert len(lines) == 1
    line = lines[0]
    assert set(line) == STATUS_KEYS
    assert {key: line[key] for key in STATUS_KEYS - {"usage"}} == {
        "name": "main", "default": True, "operator": "kena", "offer": "Kena 7.99", "note": None, "price": "7.99",
        "credit": "2.01", "renewal_day": 15, "renewal_time": "00:00", "next_renewal": "2026-12-15",
        "next_renewal_at": "2026-12-15T00:00:00+01:00", "days_to_renewal": 20, "shortfall": "5.98",
        "min_topup": "5.98", "period_start": "2026-11-15T00:00:00+01:00",
        "usage_recorded_at": "2026-11-20T00:00:00+01:00", "sim_valid_until": None,
        "credit_as_of": "2026-11-01T10:00:00+01:00", "offer_usable": True, "payment": "credit",
        "last_renewal": {"at": "2026-11-15T00:00:00+01:00", "kind": "scheduled", "outcome": "renewed",
                         "charged": "7.99", "owed": "0.00"},
        "usage_outdated": True, "offer_change_requested": False, "restart_possible_until": None,
    }
    assert set(line["usage"]) == {"data", "minutes", "sms"}
    assert line["usage"]["data"] == {"used": 30000, "included": 100000, "percent": 30.0, "remaining": 70000,
                                     "daily_budget": 3500.0, "runs_out_at": "2026-12-01T16:00:00+01:00",
                                     "reading_stale": False, "pace_per_day": 6000.0, "pace_basis": "period"}
    assert line["usage"]["minutes"] == {"used": 0, "included": None, "percent": None, "remaining": None,
                                        "daily_budget": None, "runs_out_at": None, "reading_stale": False,
                                        "pace_per_day": None, "pace_basis": None}
    assert line["usage"]["sms"] == {"used": 0, "included": 100, "percent": 0.0, "remaining": 100,
                                    "daily_budget": 5.0, "runs_out_at": None, "reading_stale": False,
                                    "pace_per_day": None, "pace_basis": None}


def test_status_shortfall_when_credit_is_below_price(run, kena_profile):
    ok(run("--at", "2026-11-20", "credit", "set", "--", "-1.01"))
    line = status(run, "2026-11-20")[0]
    assert (line["credit"], line["shortfall"]) == ("-1.01", "9.00")
    ok(run("--at", "2026-11-20", "credit", "set", "7.99"))
    assert status(run, "2026-11-20")[0]["shortfall"] == "0.00"


def test_status_minimum_top_up_counts_the_pending_charges(run, kena_profile):
    ok(run("--at", "2026-11-20T10:00", "credit", "set", "5"))
    ok(run("--at", "2026-11-20T10:00", "charges", "add", "late fees", "2.98"))
    line = status(run, "2026-11-21")[0]
    assert (line["shortfall"], line["min_topup"]) == ("2.99", "5.97")
    text = ok(run("--at", "2026-11-21", "status")).stdout
    assert "Top up at least 5.97 € (2.99 € short + 2.98 € pending charges) before Tue 15 Dec 2026 00:00" in text
    ok(run("--at", "2026-11-21", "credit", "set", "7.99"))  # covered: the charges wait for a top-up
    line = status(run, "2026-11-21")[0]
    assert (line["shortfall"], line["min_topup"]) == ("0.00", "0.00")
    assert "Top up" not in ok(run("--at", "2026-11-21", "status")).stdout


def test_status_percent_exceeds_100_on_overage(run, kena_profile):
    ok(run("--at", "2026-11-20", "usage", "set", "--data", "120GB", "--sms", "150"))
    usage = status(run, "2026-11-21")[0]["usage"]
    assert usage["data"]["percent"] == 120.0 and usage["data"]["remaining"] == 0
    assert usage["sms"]["percent"] == 150.0 and usage["sms"]["remaining"] == 0
    assert usage["data"]["runs_out_at"] is None  # already out
    text = ok(run("--at", "2026-11-21", "status")).stdout
    assert "data     [####################]  120%  120 GB of 100 GB" in text


def test_status_renewal_day_31_in_february(run, kena_profile):
    ok(run("--at", "2026-11-01T10:00", "line", "set", "--renewal-day", "31", "--payment", "card"))
    line = status(run, "2027-02-10T12:00")[0]
    assert (line["next_renewal"], line["days_to_renewal"]) == ("2027-02-28", 18)
    assert line["period_start"] == "2027-01-31T00:00:00+01:00"
    leap = status(run, "2028-02-10")[0]
    assert (leap["next_renewal"], leap["days_to_renewal"]) == ("2028-02-29", 19)
    march = status(run, "2027-02-28T00:00")[0]
    assert (march["next_renewal"], march["days_to_renewal"]) == ("2027-03-31", 31)


def test_status_days_to_renewal_follows_at(run, kena_profile):
    assert status(run, "2026-11-14T23:59")[0]["days_to_renewal"] == 1
    assert status(run, "2026-11-15T00:00")[0]["next_renewal"] == "2026-12-15"
    assert status(run, "2026-11-15T00:00")[0]["days_to_renewal"] == 30
    assert status(run, "2026-11-14T23:30:00Z")[0]["next_renewal"] == "2026-12-15"  # 00:30 on the 15th in Rome


def test_status_line_filter_and_unlimited_allowances(run, kena_profile):
    ok(run(*TIM_ADD))
    assert [item["name"] for item in status(run, "2026-11-20")] == ["main", "nonna"]
    nonna = status(run, "2026-11-20", "--line", "nonna")
    assert [item["name"] for item in nonna] == ["nonna"]
    assert nonna[0]["usage"]["data"]["included"] is None and nonna[0]["usage"]["data"]["percent"] is None
    assert nonna[0]["usage"]["sms"]["percent"] is None
    assert nonna[0]["usage"]["minutes"]["included"] == 500
    assert (nonna[0]["next_renewal"], nonna[0]["shortfall"]) == ("2026-11-30", "5.49")


def test_status_plain_text(run, kena_profile):
    ok(run("--at", "2026-11-20T00:00", "usage", "set", "--data", "30GB"))
    ok(run("--at", "2026-11-20T00:00", "credit", "set", "5"))
    text = ok(run("--at", "2026-11-25T00:00", "status")).stdout
    assert text == (
        "Household\n"
        "  Monthly total:  7.99 € for 1 line\n"
        "  Nothing to do this week.\n"
        "main (default)\n"
        "  Offer:         Kena 7.99 (kena)\n"
        "  Price:         7.99 € / month\n"
        "  Credit:        5.00 €  (short by 2.99 €)\n"
        "  Next renewal:  Tue 15 Dec 2026 00:00 (in 20 days)\n"
        "  Credit: observed 5.00 € on Fri 20 Nov 2026 (entered 5 days ago).\n"
        "  data     [######..............]  30%  30 GB of 100 GB  ·  3.5 GB/day to last\n"
        "  minutes                          0 min used of unlimited\n"
        "  sms      [....................]  0%  0 SMS of 100 SMS  ·  5 SMS/day to last\n"
        "  ! Usage as of Fri 20 Nov 2026 00:00 (5 days ago): an old reading; record the current usage: "
        "kenactl usage set --data …\n"
        "  ! At the average pace since Sun 15 Nov 2026 the data runs out on Tue 01 Dec 2026 16:00, before the "
        "renewal.\n"
        "  ✗ Top up at least 2.99 € before Tue 15 Dec 2026 00:00 to renew.\n"
    )
    assert "\x1b[" not in text


def test_status_without_usage_suggests_recording_it(run, kena_profile):
    text = ok(run("--at", "2026-11-14T12:00", "status")).stdout
    assert "Next renewal:  Sun 15 Nov 2026 00:00 (tonight at midnight, in 12 h)" in text
    assert "No usage recorded in this period; record it with: kenactl usage set --data 3GB" in text
    assert "runs out" not in text and "Top up" not in text


def test_status_demo_reads_and_writes_nothing(run, profile_path):
    result = ok(run("--at", "2027-01-20T10:00", "status", "--demo", "--json"))
    lines = json.loads(result.stdout)["lines"]
    assert [(item["name"], item["operator"]) for item in lines] == [("main", "kena"), ("nonna", "tim")]
    assert lines[0]["next_renewal"] == "2027-01-31"
    assert lines[0]["usage"]["data"]["runs_out_at"] is not None  # the demo's Kena line runs out early
    assert lines[1]["shortfall"] == "5.49"
    assert ok(run("--at", "2027-01-20T10:00", "status", "--demo")).stdout.startswith("Household\n")
    assert not profile_path.exists() and not profile_path.parent.exists()
    profile_path.parent.mkdir()
    profile_path.write_text("not = [toml")
    ok(run("status", "--demo"))
    assert profile_path.read_text() == "not = [toml"


def test_status_without_a_profile(run, profile_path):
    failed(run("status"), f"no profile at {profile_path}; create one with: kenactl init --operator kena")


def test_at_stamps_writes_and_defaults_to_now(run, kena_profile):
    ok(run("credit", "topup", "1"))
    stamped = store.load(kena_profile).updated_at
    assert abs((datetime.now(ROME) - stamped).total_seconds()) < 60
    assert line_of(kena_profile).last_topup == datetime.now(ROME).date()


def test_profile_edit_can_repair_a_broken_profile(run, kena_profile, tmp_path, monkeypatch):
    kena_profile.write_text(kena_profile.read_text().replace("renewal_day = 15", "renewal_day = 40"))
    failed(run("status"), "lines.main.renewal_day: 40 is outside 1-31")
    editor(tmp_path, monkeypatch, "text = text.replace('renewal_day = 40', 'renewal_day = 14')")
    ok(run("profile", "edit"), f"Saved {kena_profile}.\n")
    assert line_of(kena_profile).renewal_day == 14


def test_profile_edit_refuses_when_the_profile_changed_meanwhile(run, kena_profile, tmp_path, monkeypatch):
    # the "editor" also runs another kenactl that tops up while the user edits
    editor(tmp_path, monkeypatch, "import subprocess\n"
           f"subprocess.run([{sys.executable!r}, '-m', 'kenactl', 'credit', 'topup', '1'], check=True)\n"
           "text = text.replace('sms = 100', 'sms = 200')")
    failed(run("profile", "edit"), "the profile changed while you were editing; profile unchanged")
    line = line_of(kena_profile)
    assert (line.credit, line.included.sms) == (Decimal("11.00"), 100)


def test_end_of_input_at_a_prompt_aborts_without_a_profile(run, profile_path):
    result = run("init", "--operator", "kena", input=Terminal(b"Kena 7.99\n"))
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "kenactl: aborted"
    assert not profile_path.exists()


@pytest.mark.parametrize("group", [(), ("line",), ("usage",), ("credit",), ("profile",)])
def test_a_bare_group_prints_its_help(run, group):
    result = ok(run(*group))
    assert result.stdout.startswith("Usage: ") and "Commands:" in result.stdout
    assert result.stderr == ""
