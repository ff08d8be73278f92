"""The benchmark harness's profiles are valid kenactl profiles holding what they claim (no timing here)."""

import sys
from pathlib import Path

import pytest
import tomli_w

from kenactl import store

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
import profiles  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)


@pytest.mark.parametrize("lines, months", [(2, 0), (5, 24), (12, 24)])
def test_generated_profiles_load_with_their_lines_history_and_complaints(tmp_path, lines, months):
    text = tomli_w.dumps(profiles.profile_document(lines, months))
    profile = store.parse(text, tmp_path / "profile.toml")
    assert len(profile.lines) == lines and profile.default_line == "main"
    assert [c.id for c in profile.complaints] == [1, 2, 3]
    for line in profile.lines.values():
        assert len(line.history) == months
        assert len(line.usage) >= 4 * months
        assert all(entry.at < profiles.NOW for entry in line.history)
    if months:
        from kenactl.derived import line_states

        restarts = [entry for entry in profile.lines["main"].history if entry.kind == "restart"]
        derived = line_states(profile, profiles.NOW, None)["main"].line  # the ledger moves the day at the Restart
        assert len(restarts) == 1 and derived.renewal_day == restarts[0].at.day


def test_the_same_arguments_give_the_same_bytes():
    assert tomli_w.dumps(profiles.profile_document(5, 24)) == tomli_w.dumps(profiles.profile_document(5, 24))
