"""The installed runtime dependencies give correct answers: a version below a floor fails here, loudly."""

import stat
from datetime import date
from pathlib import Path

from kenactl.core.workdays import count_days
from kenactl.knowledge.holidays import holiday_name


def test_holidays_knows_san_francesco_from_2026() -> None:
    import holidays

    italy = holidays.country_holidays("IT", years=[2025, 2026, 2027])
    assert date(2027, 10, 4) in italy, (
        f"holidays {holidays.__version__} lacks 4 October (San Francesco, a national holiday from 2026)")
    assert date(2026, 10, 4) in italy
    assert date(2025, 10, 4) not in italy


def test_san_francesco_is_not_a_working_day() -> None:
    count = count_days(date(2027, 10, 1), date(2027, 10, 5), "lavorativi", holiday_name)  # Friday to Tuesday
    assert count.days == 2
    assert [day for day, _name in count.holidays] == [date(2027, 10, 4)]


def test_a_planted_lock_symlink_is_not_followed(run, kena_profile: Path, tmp_path: Path) -> None:
    victim = tmp_path / "someone-else.txt"
    victim.write_text("not kenactl's\n")
    victim.chmod(0o600)
    lock = kena_profile.with_name(kena_profile.name + ".lock")
    lock.unlink(missing_ok=True)
    lock.symlink_to(victim)
    before = kena_profile.read_bytes()
    result = run("credit", "topup", "1")
    assert result.exit_code == 2
    assert result.stderr.startswith("kenactl: ") and result.stderr.count("\n") == 1
    assert victim.read_text() == "not kenactl's\n"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o600
    assert kena_profile.read_bytes() == before
