"""Shared helpers for the benchmark scripts: the generated profiles, the bare click app, timed runs."""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from profiles import write_profiles

BARE_APP = '''import click


@click.group()
def cli():
    """A bare click app."""


@cli.command()
@click.option("--line")
def status(line):
    """Print one line."""
    click.echo("ok")


cli(prog_name="bare")
'''
OK_CODES = (0, 1)  # 1 is a negative answer (``restart check`` when a Restart is not allowed)
CRASH = b"Traceback (most recent call last)"  # a Python crash also exits 1: never a valid run


def kenactl() -> list[str]:
    """The installed kenactl script next to this Python (what users run), else ``python -m kenactl``."""
    script = Path(sys.executable).with_name("kenactl")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kenactl"]


def setup(folder: Path) -> tuple[dict[str, str], dict[str, Path]]:
    """Write the bare click app and the generated profiles in ``folder``; the environment to run with (the
    2-line profile as ``KENACTL_PROFILE``) and the profiles' paths by name."""
    (folder / "bare.py").write_text(BARE_APP, encoding="utf-8")
    profiles = write_profiles(folder)
    env = {**os.environ, "KENACTL_PROFILE": str(profiles["2-line"]), "NO_COLOR": "1",
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    return env, profiles


def run_once(command: list[str], env: dict[str, str]) -> float:
    """Wall time in ms of one run, output piped; a run that fails stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode not in OK_CODES or CRASH in done.stderr:
        raise SystemExit(f"{' '.join(command)}: exit {done.returncode}: {done.stderr.decode(errors='replace')}")
    return elapsed


def cpu_once(command: list[str], env: dict[str, str]) -> float:
    """CPU time in ms (user + system, from ``os.wait4``) of one run, output piped; a failed run stops the
    benchmark. Unlike wall time it does not grow when other programs load the machine."""
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    code, errors = os.waitstatus_to_exitcode(status), child.stderr.read()
    child.stderr.close()
    if code not in OK_CODES or CRASH in errors:
        raise SystemExit(f"{' '.join(command)}: exit {code}: {errors.decode(errors='replace')}")
    return (usage.ru_utime + usage.ru_stime) * 1000


def measure(cases: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, float]:
    """Median wall time in ms of each case (interleaved runs, output piped, after one warm-up run)."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for attempt in range(runs + 1):
        for name, (command, env) in cases.items():
            elapsed = run_once(command, env)
            if attempt:
                times[name].append(elapsed)
    return {name: statistics.median(values) for name, values in times.items()}


def paired(base: tuple[list[str], dict[str, str]], case: tuple[list[str], dict[str, str]],
           pairs: int) -> tuple[float, float, float]:
    """Median of per-pair ratios case ÷ base over ``pairs`` pairs run A B, B A, A B … (after one warm-up
    of each), with the two medians in ms: (ratio, base ms, case ms)."""
    run_once(*base), run_once(*case)
    base_times, case_times, ratios = [], [], []
    for index in range(pairs):
        if index % 2:
            took_case, took_base = run_once(*case), run_once(*base)
        else:
            took_base, took_case = run_once(*base), run_once(*case)
        base_times.append(took_base)
        case_times.append(took_case)
        ratios.append(took_case / took_base)
    return statistics.median(ratios), statistics.median(base_times), statistics.median(case_times)


def report(medians: dict[str, float], baselines: tuple[str, ...]) -> None:
    """Print each case's median and its ratio to every baseline."""
    width = max(map(len, medians))
    print(f"{'case':<{width}}  median ms  " + "  ".join(f"/ {name}" for name in baselines))
    for name, value in medians.items():
        ratios = "  ".join(f"{value / medians[base]:>{len(base) + 1}.2f}x" for base in baselines)
        print(f"{name:<{width}}  {value:9.2f}  {ratios}")


def runs_from_argv(default: int) -> int:
    return int(sys.argv[1]) if len(sys.argv) > 1 else default
