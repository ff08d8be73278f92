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
