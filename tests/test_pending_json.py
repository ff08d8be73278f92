"""``pending`` means one thing in every JSON output: the charges due and unpaid at the moment asked."""

import json

AT = ("--at", "2026-11-20T12:00")  # renewal on 15 Dec; the first arrears instalment falls due on 1 Dec


def json_of(run, *args):
    result = run(*AT, *args, "--json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def pending_keys(value, path=""):
    """Every (path, value) whose key starts with ``pending``, anywhere in a JSON document."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key.startswith("pending"):
                found.append((f"{path}.{key}", item))
            found.extend(pending_keys(item, f"{path}.{key}"))
    elif isinstance(value, list):
        for item in value:
            found.extend(pending_keys(item, f"{path}[]"))
    return found


def windtre_with_arrears(run):
    assert run(*AT, "line", "set", "--operator", "windtre", "--credit", "3").exit_code == 0
    assert run(*AT, "charges", "add", "late fees", "2.98", "--first-due", "2026-11-02").exit_code == 0
    assert run(*AT, "charges", "add", "Easy Pay arrears", "23.97", "--instalments", "3",
               "--first-due", "2026-12-01").exit_code == 0


def test_pending_is_due_now_and_pending_by_renewal_is_what_min_topup_counts(run, kena_profile):
    windtre_with_arrears(run)
    explained = json_of(run, "explain")
    assert (explained["pending"], explained["pending_by_renewal"]) == ("2.98", "10.97")
    assert (explained["shortfall"], explained["min_topup"]) == ("4.99", "15.96")  # 4.99 + 10.97
    listed = json_of(run, "charges", "list")
    assert (listed["pending"], listed["pending_by_renewal"], listed["min_topup"]) == ("2.98", "10.97", "15.96")
    compared = json_of(run, "explain", "--compare")["operators"]
    assert {(item["pending"], item["pending_by_renewal"]) for item in compared} == {("2.98", "10.97")}
    after = run("--at", "2026-12-02T09:00", "charges", "list", "--json")
    assert json.loads(after.stdout)["pending"] == "10.97"  # the first instalment has fallen due


def test_every_json_output_uses_the_same_pending_keys(run, kena_profile):
    windtre_with_arrears(run)
    outputs = {"status": json_of(run, "status"), "explain": json_of(run, "explain"),
               "charges": json_of(run, "charges", "list"), "remind": json_of(run, "remind", "--all", "--within", "60d")}
    found = {name: pending_keys(data) for name, data in outputs.items()}
    assert {key for items in found.values() for key, _ in items} == {".pending", ".pending_by_renewal"}
    values = {(key, value) for items in found.values() for key, value in items}
    assert values == {(".pending", "2.98"), (".pending_by_renewal", "10.97")}


def test_without_a_profile_nothing_is_pending(run):
    data = json.loads(run("explain", "--operator", "tim", "--price", "9.99", "--credit", "1", "--json").stdout)
    assert (data["pending"], data["pending_by_renewal"], data["min_topup"]) == ("0.00", "0.00", "8.99")


def test_restart_outputs_have_no_other_pending_key(run, kena_profile):
    for command in (("restart", "check"), ("restart", "plan"), ("status",)):
        assert pending_keys(json_of(run, *command)) == []
