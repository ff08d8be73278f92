"""Properties of the ledger: reads are pure, nothing recorded is ever lost, v1 profiles upgrade losslessly."""

import shutil
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kenactl import store
from kenactl.cli import cli
from kenactl.core.dates import parse_moment

GOLDEN_V1 = Path(__file__).parent / "golden" / "profile.v1.toml"
START = parse_moment("2027-01-02T09:00")
INIT = ("init", "--operator", "tim", "--offer", "TIM Go", "--price", "9.99", "--renewal-day", "31", "--data", "10GB",
        "--minutes", "unlimited", "--sms", "100", "--credit", "12")
READS = (("status", "--json"), ("history", "--json"), ("remind", "--all", "--within", "40d", "--json"),
         ("export", "ics", "--months", "2"), ("explain", "--json"), ("usage", "show", "--json"))


def invoke(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


WRITES = st.one_of(
    st.tuples(st.just("topup"), st.integers(1, 30)),
    st.tuples(st.just("set"), st.integers(0, 30)),
    st.tuples(st.just("usage"), st.integers(0, 12000)),
    st.tuples(st.just("option"), st.sampled_from(["on", "off"])),
)


def write(step: tuple[str, int | str], at: str) -> None:
    kind, value = step
    if kind == "topup":
        invoke("--at", at, "credit", "topup", str(value))
    elif kind == "set":
        invoke("--at", at, "credit", "set", str(value))
    elif kind == "usage":
        invoke("--at", at, "usage", "set", "--data", f"{value}MB")
    else:
        invoke("--at", at, "line", "set", "--option", f"sempre-connesso={value}")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(WRITES, st.integers(1, 400), st.booleans()), min_size=1, max_size=6),
       probe=st.integers(0, 3000))
def test_the_state_at_a_moment_does_not_depend_on_reads_in_between(isolated, steps, probe):
    """The same writes, with or without every read command in between, give the same answers at T,
    and no read changes the profile by a single byte."""
    answers = []
    for with_reads in (False, True):
        isolated.unlink(missing_ok=True)
        invoke("--at", START.isoformat(), *INIT)
        moment = START
        for step, hours, read in steps:
            moment += timedelta(hours=hours)
            write(step, moment.isoformat())
            if with_reads and read:
                before = isolated.read_bytes()
                for args in READS:
                    invoke("--at", (moment + timedelta(hours=probe)).isoformat(), *args)
                assert isolated.read_bytes() == before
        at = (moment + timedelta(hours=probe)).isoformat()
        # The calendar remembers what it exported (SEQUENCE, cancellations: a delivery record, not the
        # ledger's state), so the answers are read with a memory of their own, fresh for each run.
        memory = {"KENACTL_STATE": str(isolated.parent / f"answers-{with_reads}.state.json")}
        answers.append([invoke("--at", at, *args, env=memory) for args in READS])
    assert answers[0] == answers[1]


def test_nothing_recorded_disappears_over_24_months_of_writes(run, profile_path):
    """A reading every few days, a top-up and a credit observation every month, a Restart now and then."""
    assert run("--at", START.isoformat(), "init", "--operator", "kena", "--offer", "Kena", "--price", "5.99",
               "--renewal-day", "31", "--data", "100GB", "--minutes", "unlimited", "--sms", "100",
               "--credit", "10").exit_code == 0
    readings, topups, observations = 0, 0, 1
    moment = START
    for month in range(24):
        for day in range(0, 30, 3):
            moment = START + timedelta(days=30 * month + day, hours=1)
            assert run("--at", moment.isoformat(), "usage", "set", "--data", f"{(day + 1) * 3}GB").exit_code == 0
            readings += 1
        assert run("--at", (moment + timedelta(hours=1)).isoformat(), "credit", "topup", "6").exit_code == 0
        topups += 1
        assert run("--at", (moment + timedelta(hours=2)).isoformat(), "credit", "set", "6.50").exit_code == 0
        observations += 1
        line = store.load(profile_path).line()
        assert (len(line.usage), len(line.topups), len(line.observations)) == (readings, topups, observations)
    periods = invoke("--at", moment.isoformat(), "history", "--json")
    assert periods.count('"start"') >= 24


def test_a_v1_profile_upgrades_losslessly_on_its_next_write(profile_path):
    profile_path.parent.mkdir(parents=True)
    shutil.copy(GOLDEN_V1, profile_path)
    v1_text = profile_path.read_text(encoding="utf-8")
    at = "2026-09-28T09:00"
    before = {args: invoke("--at", at, *args) for args in READS}
    assert profile_path.read_text(encoding="utf-8") == v1_text  # reads leave the v1 file as it is
    invoke("--at", at, "usage", "set", "--line", "luca", "--data", "13GB")
    upgraded = profile_path.read_text(encoding="utf-8")
    assert upgraded.startswith("schema_version = 2\n")
    assert Path(f"{profile_path}.bak").read_text(encoding="utf-8") == v1_text
    old, new = store.load(Path(f"{profile_path}.bak")), store.load(profile_path)
    assert new.complaints == old.complaints and new.alarms == old.alarms and list(new.lines) == list(old.lines)
    for name, line in old.lines.items():
        kept = new.lines[name]
        assert kept.usage[:len(line.usage)] == line.usage and kept.charges == line.charges
        assert (kept.history, kept.observations, kept.options, kept.last_topup) == (
            line.history, line.observations, line.options, line.last_topup)
    assert old.lines["main"].renewal_day == 31 and old.lines["main"].history[0].kind == "restart"
    assert old.lines["luca"].observations[0].credit == Decimal("13.00")
    unchanged = [("status", "--json", "--line", name) for name in ("main", "mamma", "nonno", "gioia")]
    unchanged += [("history", "--json", "--line", "main"), ("explain", "--json", "--line", "nonno")]
    assert before["status", "--json"] != invoke("--at", at, "status", "--json")  # luca's new reading
    profile_path.write_text(v1_text, encoding="utf-8")
    v1_answers = [invoke("--at", at, *args) for args in unchanged]
    invoke("--at", at, "usage", "set", "--line", "luca", "--data", "13GB")
    assert [invoke("--at", at, *args) for args in unchanged] == v1_answers
