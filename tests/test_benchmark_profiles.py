"""The benchmark harness's profiles are valid kenactl profiles holding what they claim (no timing here)."""

import sys
from pathlib import Path

import pytest

from kenactl import store
from kenactl.schema import SCHEMA_VERSION

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
import profiles  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)


@pytest.mark.parametrize("lines, months, readings", [(2, 0, 4), (5, 24, 4), (12, 24, 4), (5, 0, 30)])
def test_generated_profiles_load_with_their_lines_facts_and_complaints(tmp_path, lines, months, readings):
    text = profiles.profile_text(lines, months, readings)
    assert text.startswith(f"schema_version = {SCHEMA_VERSION}\n")  # the schema kenactl writes today
    profile = store.parse(text, tmp_path / "profile.toml")
    assert len(profile.lines) == lines and profile.default_line == "main"
    assert [c.id for c in profile.complaints] == [1, 2, 3]
    for line in profile.lines.values():
        assert len(line.observations) == len(line.topups) == months + 1  # one a month, the current one too
        assert len(line.usage) >= readings * months
        assert all(item.at < profiles.NOW for item in (*line.observations, *line.topups, *line.usage))
    if months:
        from kenactl.derived import line_states

        restarts = [entry for entry in profile.lines["main"].history if entry.kind == "restart"]
        state = line_states(profile, profiles.NOW, None)["main"]
        assert len(restarts) == 1 and state.line.renewal_day == restarts[0].at.day  # the ledger moves the day
        assert len(state.renewals) >= months  # the renewals between the facts are the ledger's


def test_the_same_arguments_give_the_same_bytes():
    assert profiles.profile_text(5, 24) == profiles.profile_text(5, 24)


def test_the_baseline_apps_run_cleanly_on_the_generated_profiles(tmp_path):
    """The bare and floor apps are what every figure is divided by: a crash (a traceback also exits 1, like
    a negative answer) would be timed as a run, so they must print their answer and exit 0."""
    import subprocess

    import run
    from _timing import BARE_APP

    (tmp_path / "bare.py").write_text(BARE_APP, encoding="utf-8")
    (tmp_path / "floor.py").write_text(run.FLOOR_APP, encoding="utf-8")
    for name, lines in (("two.toml", 2), ("five.toml", 5)):
        (tmp_path / name).write_text(profiles.profile_text(lines, 24 if lines == 5 else 0), encoding="utf-8")
        env = {"KENACTL_PROFILE": str(tmp_path / name), "PATH": ""}
        floor = subprocess.run([sys.executable, str(tmp_path / "floor.py"), "status"], env=env,
                               capture_output=True, text=True)
        assert floor.returncode == 0 and floor.stderr == ""
        assert len(floor.stdout.splitlines()) == lines and " left at " in floor.stdout
    (tmp_path / "bare_fast_exit.py").write_text(run.BARE_FAST_EXIT, encoding="utf-8")
    for app in ("bare.py", "bare_fast_exit.py"):
        bare = subprocess.run([sys.executable, str(tmp_path / app), "status"], capture_output=True, text=True)
        assert (bare.returncode, bare.stdout, bare.stderr) == (0, "ok\n", "")
