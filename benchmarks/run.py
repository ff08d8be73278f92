"""Every performance goal of kenactl, measured against a bare click app, with its bound and PASS/FAIL.

Run: python benchmarks/run.py [--pairs N] [--no-write]   (a few minutes; run it with the Python of a
NON-editable install, ``pip install .``: that is what users run)

Times are medians of per-pair ratios: the baseline and the case run alternately (A B, B A, A B …), output
piped, after one warm-up run each, so load on the machine hits both sides alike. Baselines: a bare click
app (one command printing a word) and the floor (a click app doing what ``status`` must: tomllib with
Decimal, zoneinfo, datetime). Profiles come from ``profiles.py``; "now" is fixed with ``--at``.

Per-line cost at N lines is the marginal one, ``(t(N) - t(1 line)) / (N - 1)`` (the median over rounds of
each round's difference) in CPU time (user + system, from ``os.wait4``: the difference of two short runs in
wall time drowns in the machine's load), so startup is not shared out; the same for peak memory (one run's
maximum resident set, from ``os.wait4``). The figures table in ``benchmarks/README.md`` and in the README's
Benchmarks section is rewritten between its markers; the exit status is 1 if a goal fails.
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from _timing import BARE_APP, cpu_once, kenactl, paired, setup
from completion import check_same_answers, line_name_cases
from profiles import NOW

AT = ["--at", NOW.strftime("%Y-%m-%dT%H:%M")]
FLOOR_APP = '''import os
import tomllib
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import click


@click.group()
def cli():
    """The floor: what status must do, nothing more."""


@cli.command()
def status():
    """Each line's credit left after the price, and its next renewal in Europe/Rome."""
    with open(os.environ["KENACTL_PROFILE"], "rb") as file:
        document = tomllib.load(file, parse_float=Decimal)
    now = datetime.now(ZoneInfo("Europe/Rome"))
    for name, line in document["lines"].items():
        observed_at, credit = line["observations"].split()[-2:]
        credit, observed_at = Decimal(credit), datetime.fromisoformat(observed_at)
        for topup in line.get("topups", "").splitlines():
            at, amount = topup.split()
            if datetime.fromisoformat(at) > observed_at:
                credit += Decimal(amount)
        day = min(line["renewal_day"], 28)
        renewal = now.replace(day=day, hour=0, minute=0, second=0, microsecond=0)
        if renewal <= now:
            renewal = (renewal + timedelta(days=31)).replace(day=day)
        click.echo(f"{name}: {credit - line['price']} left at {renewal:%Y-%m-%d %H:%M}")


cli(prog_name="floor")
'''
BARE_FAST_EXIT = BARE_APP.replace('cli(prog_name="bare")\n', '''import os
import sys

try:
    cli(prog_name="bare")
except SystemExit as done:  # click ends every run so; kenactl's entry point ends like this too
    sys.stdout.flush()
    os._exit(done.code or 0)
''')
"""The bare click app ending as ``kenactl.entry`` does: output flushed, no interpreter teardown (context)."""
STARTUP_COMMANDS = {
    "status": ["status"],
    "status --json": ["status", "--json"],
    "explain": ["explain"],
    "restart check": ["restart", "check"],
    "remind (with complaints)": ["remind"],
    "history": ["history"],
}
STARTUP_PROFILES = ("2-line", "5-line-24m")
README = Path(__file__).with_name("README.md")
READMES = (README, README.parent.parent / "README.md")  # benchmarks/README.md and the Benchmarks section of README.md
START, END = "<!-- figures:start (written by benchmarks/run.py) -->", "<!-- figures:end -->"


class Figure(NamedTuple):
    """One measured goal: what, on which profile, the value against its bound."""

    name: str
    profile: str
    detail: str  # the medians behind the value
    value: float | None  # None: not measurable here (the command does not exist)
    bound: float | None  # None: a figure for context, not a goal

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "not available"
        if self.bound is None:
            return "context"
        return "PASS" if self.value <= self.bound else "FAIL"

    def cells(self) -> tuple[str, str]:
        return ("—" if self.value is None else f"{self.value:.2f}×",
                "" if self.bound is None else f"≤ {self.bound:.2f}×")

    def row(self) -> str:
        value, bound = self.cells()
        return f"| {self.name} | {self.profile} | {self.detail} | {value} | {bound} | {self.verdict} |"


def show(figure: Figure) -> Figure:
    value, bound = figure.cells()
    print(f"  {figure.name:<58} {figure.profile:<13} {value:>6}  {bound:<7}  {figure.verdict:<13} {figure.detail}",
          flush=True)
    return figure


def exists(command: list[str], env: dict[str, str]) -> bool:
    """Whether kenactl has this (sub)command."""
    return subprocess.run([*kenactl(), *command, "--help"], env=env, capture_output=True).returncode == 0


# Linux keeps a process's peak resident set across exec, so a child forked from this (large) process would
# report this one's size: measure from a small Python process that starts the command and waits for it.
PEAK = """import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def peak_kib(command: list[str], env: dict[str, str]) -> int:
    """The maximum resident set of one run of ``command``, in KiB (Linux ``ru_maxrss``)."""
    done = subprocess.run([sys.executable, "-I", "-S", "-c", PEAK, *command], env=env, capture_output=True,
                          text=True, check=True)
    code, kib = map(int, done.stdout.split())
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)}: exit {code}")
    return kib


def startup_figures(env, profiles, bare, floor, pairs) -> list[Figure]:
    """Each command ÷ the bare click app on each startup profile, and the floor app for context."""
    figures = []
    ratio, base_ms, floor_ms = paired(bare, floor, pairs)
    figures.append(show(Figure("floor app ÷ bare click", "2-line", f"{floor_ms:.1f} / {base_ms:.1f} ms", ratio, None)))
    for name, profile in ((name, profile) for profile in STARTUP_PROFILES for name in STARTUP_COMMANDS):
        command = STARTUP_COMMANDS[name]
        case_env = {**env, "KENACTL_PROFILE": str(profiles[profile])}
        if not exists(command, case_env):
            figures.append(show(Figure(f"`{' '.join(command)}` ÷ bare click", profile, "", None, 1.30)))
            continue
        ratio, base_ms, case_ms = paired(bare, ([*kenactl(), *command, *AT], case_env), pairs)
        figures.append(show(Figure(f"`{' '.join(command)}` ÷ bare click", profile,
                                   f"{case_ms:.1f} / {base_ms:.1f} ms", ratio, 1.30)))
    status_env = {**env, "KENACTL_PROFILE": str(profiles["2-line"])}
    ratio, base_ms, case_ms = paired((floor[0], status_env), ([*kenactl(), "status", *AT], status_env), pairs)
    figures.append(show(Figure("`status` ÷ floor app", "2-line", f"{case_ms:.1f} / {base_ms:.1f} ms", ratio, None)))
    fast_exit = ([sys.executable, str(Path(bare[0][1]).with_name("bare_fast_exit.py")), "status"], env)
    ratio, base_ms, case_ms = paired(bare, fast_exit, pairs)
    figures.append(show(Figure("bare click app without teardown ÷ bare click", "2-line",
                               f"{case_ms:.1f} / {base_ms:.1f} ms", ratio, None)))
    ratio, base_ms, case_ms = paired((fast_exit[0], status_env), ([*kenactl(), "status", *AT], status_env), pairs)
    figures.append(show(Figure("`status` ÷ bare click app without teardown", "2-line",
                               f"{case_ms:.1f} / {base_ms:.1f} ms", ratio, None)))
    return figures


def export_figures(env, profiles, bare, pairs) -> list[Figure]:
    """The 5-line export ÷ the bare click app; per-line time and peak memory, 200 lines against 5."""
    export = [*kenactl(), "export", "ics", "--months", "24", *AT]
    on = {name: {**env, "KENACTL_PROFILE": str(path)} for name, path in profiles.items()}
    ratio, base_ms, case_ms = paired(bare, (export, on["5-line-24m"]), pairs)
    figures = [show(Figure("`export ics --months 24` ÷ bare click", "5-line-24m", f"{case_ms:.1f} / {base_ms:.1f} ms",
                           ratio, 2.5))]
    sizes = {"1-line-24m": 1, "5-line-24m": 5, "200-line-24m": 200}
    # CPU time, in rounds: each round runs the 1-line export, then the others, and keeps each one's difference
    # from that 1-line run (paired, as every ratio is, so that a slow drift of the machine's speed between rounds
    # cancels: the median of the differences, not the difference of the medians). The 5-line per-line cost is a
    # difference of two short runs, noisy, so its rounds are three times the pairs; the 200-line run (seconds, and
    # steady a line) is in one round of every `every`, spread over the whole series.
    rounds = 3 * pairs
    every = max(1, rounds // max(3, pairs // 4))
    differences: dict[str, list[float]] = {name: [] for name, size in sizes.items() if size > 1}
    for index in range(rounds):
        one_line = cpu_once(export, on["1-line-24m"])
        for name in differences:
            if sizes[name] < 200 or index % every == 0:
                differences[name].append(cpu_once(export, on[name]) - one_line)
    per_line = {name: statistics.median(values) / (sizes[name] - 1) for name, values in differences.items()}
    figures.append(show(Figure("`export ics --months 24` per-line cost, 200 ÷ 5 lines", "200-line-24m",
                               f"{per_line['200-line-24m']:.2f} / {per_line['5-line-24m']:.2f} ms of CPU a line",
                               per_line["200-line-24m"] / per_line["5-line-24m"], 1.2)))
    longest = [*kenactl(), "export", "ics", "--months", "60", *AT]
    peaks = {name: peak_kib(longest, on[name]) for name in sizes}  # a maximum: the same run after run
    share = {name: (peaks[name] - peaks["1-line-24m"]) / (size - 1) for name, size in sizes.items() if size > 1}
    figures.append(show(Figure("`export ics --months 60` peak memory per line, 200 ÷ 5 lines", "200-line-24m",
                               f"{share['200-line-24m']:.0f} / {share['5-line-24m']:.0f} KiB a line (peaks "
                               + ", ".join(f"{peaks[name] / 1024:.1f}" for name in sizes) + " MiB)",
                               share["200-line-24m"] / share["5-line-24m"], 2.0)))
    return figures


def completion_figure(folder: Path, env, pairs) -> Figure:
    """Line-name completion as the generated scripts ask it ÷ the bare click app's completion request."""
    cases = line_name_cases(folder, env)
    check_same_answers(cases, ("fast path: line names",))
    ratio, base_ms, case_ms = paired(cases["bare click completion"], cases["fast path: line names"], pairs)
    return show(Figure("line-name completion ÷ bare click completion", "2-line", f"{case_ms:.1f} / {base_ms:.1f} ms",
                       ratio, 0.8))


def machine() -> str:
    """The CPUs, their model, the Python version, the load and the date, for the table."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{os.cpu_count()} CPUs (`nproc` {len(os.sched_getaffinity(0))}), {cpu}; "
            f"Python {platform.python_version()}; load average at the start {load}; "
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")


def install_kind() -> str:
    """Whether the kenactl measured is a non-editable install (what users run)."""
    import kenactl as package

    where = Path(package.__file__).resolve()
    return "non-editable install" if "site-packages" in where.parts else f"editable or source tree ({where.parent})"


def write_readmes(figures: list[Figure], about: str, pairs: int) -> None:
    """Replace the figures table (between its markers) in ``benchmarks/README.md`` and in the README's
    Benchmarks section, keeping the rest: both quote the same run."""
    table = [START, "", f"Machine: {about}. kenactl: {install_kind()}; {pairs} pairs a figure.", "",
             "| goal | profile | medians (kenactl / baseline) | value | bound | result |", "|---|---|---|---|---|---|",
             *(figure.row() for figure in figures), "", END]
    for readme in READMES:
        text = readme.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        readme.write_text(head + "\n".join(table) + rest.split(END, 1)[1], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # One pair's ratio scatters with a standard deviation of about 0.2 on the 2-core VM the figures come from, so
    # the median of 51 pairs is within about ±0.035 of the true ratio (one standard error): 11 gave ±0.08.
    parser.add_argument("--pairs", type=int, default=51, help="pairs of runs a figure (default 51)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave the READMEs alone")
    args = parser.parse_args()
    started, about = time.monotonic(), machine()
    print(f"{about}\nkenactl: {install_kind()}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env, profiles = setup(folder)
        (folder / "floor.py").write_text(FLOOR_APP, encoding="utf-8")
        (folder / "bare_fast_exit.py").write_text(BARE_FAST_EXIT, encoding="utf-8")
        bare = ([sys.executable, str(folder / "bare.py"), "status"], env)
        floor = ([sys.executable, str(folder / "floor.py"), "status"], env)
        figures = startup_figures(env, profiles, bare, floor, args.pairs)
        figures += export_figures(env, profiles, bare, args.pairs)
        figures.append(completion_figure(folder, env, args.pairs))
    verdicts = [figure.verdict for figure in figures if figure.bound is not None]
    failed = verdicts.count("FAIL")
    print(f"{len(verdicts)} goals: {verdicts.count('PASS')} pass, {failed} fail, {verdicts.count('not available')} "
          f"not available; {time.monotonic() - started:.0f} s")
    if not args.no_write:
        write_readmes(figures, about, args.pairs)
        print("wrote " + ", ".join(map(str, READMES)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
