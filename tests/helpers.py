"""Helpers shared by several test files: command lines, model builders, profile writers, assertions.

Fixtures live in conftest.py; these are plain functions and constants, imported with ``from helpers import``.
"""

import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from kenactl.core import dates
from kenactl.core.dates import ROME
from kenactl.core.model import Allowances, Complaint, HistoryEntry, Line, Profile, UsageSample
from kenactl.core.record import replace

KENA_INIT = ("init", "--operator", "kena", "--offer", "Kena 7.99", "--price", "7.99", "--renewal-day", "15",
             "--data", "100GB", "--minutes", "unlimited", "--sms", "100", "--credit", "10")


# --- bad input: what kenactl keeps, and the one-line refusal ----------------------------------------

def snapshot(folder: Path) -> dict[str, object]:
    """Everything kenactl keeps in the profile's folder (the lock file aside): names and bytes."""
    if not folder.exists():
        return {}
    return {path.name: ("<dir>" if path.is_dir() else path.read_bytes())
            for path in sorted(folder.iterdir()) if not path.name.endswith(".lock")}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_refused(result, *needles: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and result.stderr.endswith("\n"), result.stderr
    assert lines[0].startswith("kenactl: ")
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


# --- Restart: moments and a Kena line (core, no CLI) ------------------------------------------------

def at(text: str) -> datetime:
    return dates.parse_moment(text)


def kena(renewal_day: int = 15, **changes) -> Line:
    base = Line(name="main", operator="kena", offer="Kena 7.99", price=Decimal("7.99"), renewal_day=renewal_day,
                included=Allowances(data=100_000, minutes=None, sms=100), credit=Decimal("10.00"))
    return replace(base, **changes)


def used(line: Line, moment: datetime, **counters: int) -> Line:
    """The line with one more sample at ``moment``."""
    return replace(line, usage=(*line.usage, UsageSample(at=moment, **counters)))


def restart_entry(moment: datetime, before: int = 15) -> HistoryEntry:
    return HistoryEntry(kind="restart", at=moment, price=Decimal("7.99"), renewal_day_before=before,
                        renewal_day_after=dates.in_rome(moment).day)


# --- reminders and calendar: a representative household built from the model -----------------------


def rome(*parts: int) -> datetime:
    """A Europe/Rome moment."""
    return datetime(*parts, tzinfo=ROME)


def kena_line(name: str = "main", renewal_day: int = 15, credit: str = "20.00", **changes) -> Line:
    """A Kena line at 5.99 € with 100 GB."""
    line = Line(name=name, operator="kena", offer="Kena 5,99 Più", price=Decimal("5.99"), renewal_day=renewal_day,
                included=Allowances(data=100_000, minutes=None, sms=100), credit=Decimal(credit))
    return replace(line, **changes)


def tim_line(name: str = "nonna", credit: str = "4.50") -> Line:
    """A TIM line renewing on the 5th at 9.99 €."""
    return Line(name=name, operator="tim", offer="TIM Smart", price=Decimal("9.99"), renewal_day=5,
                included=Allowances(data=10_000, minutes=500, sms=None), credit=Decimal(credit))


def restarted(line: Line, at: datetime, *, used_after: int | None = None) -> Line:
    """``line`` after a Restart at ``at``, optionally with data used after it (the ledger moves the renewal day
    to ``at``'s day; the credit given is the one after the Restart)."""
    entry = HistoryEntry(kind="restart", at=at, price=line.price, renewal_day_before=line.renewal_day,
                         renewal_day_after=at.day)
    usage = (UsageSample(at=at),)
    if used_after is not None:
        usage += (UsageSample(at=at.replace(hour=at.hour + 1), data=used_after),)
    return replace(line, renewal_time=time(0, 0), credit=line.credit - line.price,
                   history=(*line.history, entry), usage=usage)


HOUSEHOLD_UPDATED_AT = rome(2026, 11, 20, 18, 30)


def household(updated_at: datetime = HOUSEHOLD_UPDATED_AT) -> Profile:
    """The representative profile: a Kena line restarted on 10 Nov 2026 (day 31 → 10) that has used 90 GB
    since, and a TIM line with short credit; one open complaint."""
    main = restarted(kena_line(renewal_day=31, credit="20.00"), rome(2026, 11, 10, 12, 0), used_after=90_000)
    complaint = Complaint(id=1, filed=rome(2026, 11, 2).date(), subject="Giga non accreditati — 5 €", line="main")
    return Profile(lines={"main": main, "nonna": tim_line()}, default_line="main", complaints=(complaint,),
                   updated_at=updated_at)


def save_household(profile_path: Path) -> Path:
    """Write the representative household, with a known last top-up on ``main``, as the profile."""
    from kenactl import store

    profile = household()
    profile = profile.with_line(replace(profile.line("main"), last_topup=date(2026, 1, 10)))
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text(store.dumps(profile), encoding="utf-8")
    return profile_path


# --- Italian output ---------------------------------------------------------------------------------

def english_fragments() -> list[str]:
    """Pieces of English templates (between placeholders) that an Italian output must not contain."""
    import catalog  # Babel: only the tests that check the catalogs pay for it

    italian = " ".join(catalog.italian_catalog().values())
    fragments = set()
    for text in catalog.english_messages():
        for piece in re.split(r"\{[^}]*\}|%\([^)]*\)[sd]|%[sd]|\n", text):
            piece = piece.strip(" .,:;()'\"-·")
            if len(piece) >= 12 and " " in piece and re.search(r"[a-z]{3}", piece) and piece not in italian:
                fragments.add(piece)
    return sorted(fragments)


def terminal_session(leader: int, process, seconds: float, answers: tuple[tuple[str, str], ...] = ()) -> bytes:
    """Everything a child wrote to the pseudo-terminal ``leader`` until it closed it or exited; for each
    ``(prompt, answer)`` in turn, the answer is typed once the prompt has been shown. The test fails (and the
    child is killed) if the child is not done within ``seconds``."""
    import os
    import select
    import time

    import pytest

    output = b""
    pending = list(answers)
    deadline = time.monotonic() + seconds
    try:
        while True:
            if time.monotonic() > deadline:
                pytest.fail(f"kenactl did not finish on the pseudo-terminal; it showed {output!r}")
            if pending and pending[0][0].encode() in output:
                os.write(leader, (pending.pop(0)[1] + "\n").encode())
            ready, _, _ = select.select([leader], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return output


def read_terminal(leader: int, process, seconds: float) -> bytes:
    """Everything a child wrote to the pseudo-terminal ``leader`` (``terminal_session``); the child must exit 0."""
    output = terminal_session(leader, process, seconds)
    assert process.wait(timeout=seconds) == 0, output
    return output


def deny_reading(monkeypatch, path: Path) -> None:
    """Make opening ``path`` fail with "Permission denied", as a chmod 000 file would for a user who is not
    root (tests may run as root, who reads it anyway)."""
    import builtins
    import os

    real_open = builtins.open

    def denied(file, *args, **kwargs):
        if not isinstance(file, int) and os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denied)


def operator_data_tool(monkeypatch, tmp_path: Path, operator_text: str, charter_text: str):
    """``tools/operator_data.py`` writing into ``tmp_path`` (its operator and charter modules holding the
    given texts): the exit status of ``--check``, then of a regeneration, and the two target files."""
    import sys

    tools = str(Path(__file__).resolve().parent.parent / "tools")
    sys.path.insert(0, tools)
    try:
        import operator_data
    finally:
        sys.path.remove(tools)
    operator_target, charter_target = tmp_path / "operator_data.py", tmp_path / "charter_data.py"
    operator_target.write_text(operator_text(operator_data), encoding="utf-8")
    charter_target.write_text(charter_text(operator_data), encoding="utf-8")
    for file, text in operator_data.built_sources().items():
        (tmp_path / file).write_text(text, encoding="utf-8")
    monkeypatch.setattr(operator_data, "BUILT_FOLDER", tmp_path)
    monkeypatch.setattr(operator_data, "TARGET", operator_target)
    monkeypatch.setattr(operator_data, "CHARTER_TARGET", charter_target)
    monkeypatch.setattr(operator_data, "ROOT", tmp_path)
    monkeypatch.setattr(sys, "argv", ["operator_data.py", "--check"])
    checked = operator_data.main()
    monkeypatch.setattr(sys, "argv", ["operator_data.py"])
    return checked, operator_data.main(), operator_target, charter_target, operator_data
