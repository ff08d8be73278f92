import json


def test_status_json_of_fresh_line(run, kena_profile):
    result = run("--at", "2026-11-20T12:00", "status", "--json")
    assert result.exit_code == 0
    line = json.loads(result.stdout)["lines"][0]
    assert line["next_renewal"] == "2026-12-15"
    assert line["days_to_renewal"] == 25
    assert line["usage"]["data"] == {"used": 0, "included": 100000, "percent": 0.0, "remaining": 100000,
                                     "daily_budget": 4081.6, "runs_out_at": None, "reading_stale": False,
                                     "pace_per_day": None, "pace_basis": None}
