"""``kenactl rights`` through the CLI: outputs, sources, JSON, exit codes, untouched profile on errors."""

import json

import pytest


def test_compensation_cites_edition_and_section_and_skips_easter_monday(run):
    result = run("--at", "2026-04-20", "rights", "compensation", "--case", "malfunction",
                 "--from", "2026-04-02", "--to", "2026-04-08")
    assert result.exit_code == 0
    out = result.stdout
    assert "Indennizzo (malfunction): 8.00 €" in out
    assert "4 working days" in out and "Not counted:  Mon 06 Apr 2026 Easter Monday" in out
    assert "Amount:       8.00 €  [TIM ed. Dicembre 2022 §15]" in out
    assert "Report by:    Thu 02 Jul 2026: within 3 months" in out
    assert "within 60 days of the request (richiesta)  [TIM ed. Dicembre 2022 §15]" in out
    assert "kenactl applies it from 1 December 2022" in out


def test_compensation_not_due_exits_1(run):
    result = run("--at", "2026-03-10", "rights", "compensation", "--case", "activation",
                 "--from", "2026-03-02", "--to", "2026-03-03")
    assert result.exit_code == 1
    assert "Not due: 2 working days is not more than the 2 the charter excludes" in result.stdout


def test_compensation_to_defaults_to_today(run):
    result = run("--at", "2026-03-04T18:00", "rights", "compensation", "--case", "credit-renewal",
                 "--from", "2026-03-02", "--json")
    data = json.loads(result.stdout)
    assert (data["to"], data["days"], data["amount"]) == ("2026-03-04", 3, "6.00")


def test_compensation_json_mnp_capped_and_noverca(run):
    result = run("--at", "2026-12-01", "rights", "compensation", "--case", "mnp", "--from", "2026-09-07",
                 "--to", "2026-10-05", "--charter", "noverca", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["charter"]["id"] == "noverca" and data["charter"]["chosen_by"] == "option"
    assert (data["days"], data["per_day"], data["cap"], data["amount"], data["capped"]) == \
        (21, "2.50", "50.00", "50.00", True)
    assert data["report_by"] is None and data["payment_within_days"] is None
    assert data["sources"]["amount"] == "Noverca ed. §15, «Indennizzo per ritardo attivazione MNP»"


def test_compensation_edition_by_date_of_the_case(run):
    old = json.loads(run("--at", "2023-01-10", "rights", "compensation", "--case", "suspension",
                         "--from", "2022-11-28", "--to", "2022-12-02", "--json").stdout)
    assert old["charter"]["id"] == "noverca" and old["payment_within_days"] == 90
    assert old["charter"]["in_force_basis"].startswith("assumed")
    new = json.loads(run("--at", "2023-01-10", "rights", "compensation", "--case", "suspension",
                         "--from", "2022-12-01", "--to", "2022-12-05", "--json").stdout)
    assert new["charter"]["id"] == "tim-2022" and new["payment_within_days"] == 60
    assert new["automatic"] and new["sources"]["automatic"] == "TIM ed. Dicembre 2022 §15.1"


@pytest.mark.parametrize("args, message", [
    (("--case", "unrequested", "--from", "2022-03-01", "--to", "2022-03-09"), "'unrequested' is not in the Noverca"),
    (("--case", "malfunction", "--from", "2026-03-05", "--to", "2026-03-04"), "is before --from"),
    (("--case", "malfunction", "--from", "2026-02-30"), "is not an ISO date"),
    (("--case", "outage", "--from", "2026-03-02"), "invalid value for '--case'"),
    (("--case", "mnp", "--from", "2026-03-02", "--charter", "tim-2019"), "invalid value for '--charter'"),
])
def test_compensation_bad_input_exit_2(run, args, message):
    result = run("--at", "2026-03-10", "rights", "compensation", *args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_complaint_add_list_close(run, kena_profile):
    added = run("--at", "2026-03-01", "rights", "complaint", "add", "--date", "2026-02-02",
                "--subject", "Double charge")
    assert added.exit_code == 0
    assert "Complaint #1 added" in added.stdout
    assert "Reply due:  Thu 19 Mar 2026 (45 calendar days)  [TIM ed. Dicembre 2022 §14]" in added.stdout
    second = run("--at", "2026-03-01", "rights", "complaint", "add", "--json")
    assert json.loads(second.stdout)["filed"] == "2026-03-01"

    listed = run("--at", "2026-04-20", "rights", "complaint", "list")
    lines = listed.stdout.splitlines()
    assert lines[0] == "Complaints as of Mon 20 Apr 2026"
    assert lines[3].split()[:8] == ["#1", "main", "2026-02-02", "2026-03-19", "open,", "reply", "late", "26"]
    assert "10.00 €" in lines[3] and "Double charge" in lines[3]
    assert lines[4].split()[:5] == ["#2", "main", "2026-03-01", "2026-04-15", "open,"]
    assert "2.00 € per 5 giorni feriali of delay, max 60.00 €" in listed.stdout
    assert "[TIM ed. Dicembre 2022 §14]" in listed.stdout

    closed = run("--at", "2026-04-20", "rights", "complaint", "close", "1", "--date", "2026-04-10")
    assert closed.exit_code == 0
    assert "Answered:   Fri 10 Apr 2026: answered late" in closed.stdout
    assert "Days late:  18 giorni feriali" in closed.stdout  # Easter Monday not counted, Saturdays counted
    assert "Owed:       6.00 €  [TIM ed. Dicembre 2022 §14]" in closed.stdout

    data = json.loads(run("--at", "2026-04-27", "rights", "complaint", "list", "--json").stdout)
    first, other = data["complaints"]
    assert (first["state"], first["closed"], first["days_late"], first["owed"]) == \
        ("answered-late", "2026-04-10", 18, "6.00")
    assert (other["state"], other["reply_due"], other["days_late"], other["owed"]) == \
        ("open-late", "2026-04-15", 9, "2.00")
    assert other["next_increase"] == "2026-04-28" and data["total_owed"] == "8.00"  # 25 April not counted
    assert other["sources"] == {"reply_due": "TIM ed. Dicembre 2022 §14", "owed": "TIM ed. Dicembre 2022 §14"}


def test_complaint_list_empty(run, kena_profile):
    result = run("--at", "2026-03-01", "rights", "complaint", "list")
    assert result.exit_code == 0 and "No complaints recorded" in result.stdout
    assert json.loads(run("rights", "complaint", "list", "--json").stdout)["complaints"] == []


@pytest.mark.parametrize("args, message", [
    (("add", "--date", "2026-03-02"), "is after today"),
    (("add", "--date", "yesterday"), "is not an ISO date"),
    (("add", "--line", "nope"), "unknown line 'nope'"),
    (("close", "7"), "no complaint #7"),
    (("close", "one"), "'one' is not a valid integer"),
    (("close", "1", "--date", "2026-01-31"), "before the complaint was filed"),
    (("close", "1", "--date", "2026-03-05"), "is after today"),
])
def test_complaint_bad_input_leaves_profile_untouched(run, kena_profile, args, message):
    assert run("--at", "2026-03-01", "rights", "complaint", "add", "--date", "2026-02-02").exit_code == 0
    before = kena_profile.read_bytes()
    result = run("--at", "2026-03-01", "rights", "complaint", *args)
    assert result.exit_code == 2 and message in result.stderr
    assert kena_profile.read_bytes() == before


def test_complaint_twice_closed_and_non_kena_line_refused(run, kena_profile):
    run("--at", "2026-03-01", "rights", "complaint", "add", "--date", "2026-02-02")
    assert run("--at", "2026-03-02", "rights", "complaint", "close", "1").exit_code == 0
    before = kena_profile.read_bytes()
    again = run("--at", "2026-03-03", "rights", "complaint", "close", "1")
    assert again.exit_code == 2 and "already closed on 2026-03-02" in again.stderr
    assert run("line", "add", "nonna", "--operator", "tim", "--offer", "TIM", "--price", "9.99",
               "--renewal-day", "5", "--data", "10GB", "--minutes", "500", "--sms", "unlimited",
               "--credit", "4").exit_code == 0
    before = kena_profile.read_bytes()
    refused = run("--at", "2026-03-03", "rights", "complaint", "add", "--line", "nonna")
    assert refused.exit_code == 2 and "(TIM): the Carta dei Servizi" in refused.stderr
    assert kena_profile.read_bytes() == before


@pytest.mark.parametrize("credit, refund", [("5.00", None), ("5.01", "0.01")])
def test_leave_at_the_fee_boundary(run, kena_profile, credit, refund):
    assert run("credit", "set", credit).exit_code == 0
    result = run("--at", "2026-05-04", "rights", "leave")
    assert result.exit_code == 0
    if refund is None:
        assert "Refund:           none: at or below the 5.00 € fee" in result.stdout
        assert "Only the transfer makes sense: 5.00 € is not more than the 5.00 € refund fee." in result.stdout
        assert "another Kena Mobile SIM" in result.stdout
    else:
        assert ("Refund:           0.01 € to your bank account (5.01 € − 5.00 € fee), by Tue 28 Jul 2026 if "
                "requested today (60 working days)  [TIM ed. Dicembre 2022 §11]") in result.stdout
        assert "Better: the transfer keeps 5.00 € more" in result.stdout
    data = json.loads(run("--at", "2026-05-04", "rights", "leave", "--json").stdout)
    assert (data["residual_credit"], data["refund"], data["better"]) == (credit, refund, "transfer")
    assert data["sources"]["refund"] == "TIM ed. Dicembre 2022 §11"


def test_leave_bonus_excluded_and_bad_bonus(run, kena_profile):
    data = json.loads(run("--at", "2026-05-04", "rights", "leave", "--bonus", "4", "--json").stdout)
    assert (data["credit"], data["bonus_excluded"], data["residual_credit"], data["refund"]) == \
        ("10.00", "4.00", "6.00", "1.00")
    before = kena_profile.read_bytes()
    result = run("--at", "2026-05-04", "rights", "leave", "--bonus", "10.01")
    assert result.exit_code == 2 and "more than the line's credit" in result.stderr
    assert kena_profile.read_bytes() == before


def test_rights_help_lists_the_commands(run):
    result = run("rights", "--help")
    assert result.exit_code == 0
    for name in ("compensation", "complaint", "leave"):
        assert name in result.stdout
