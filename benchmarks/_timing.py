"""Shared helpers for the benchmark scripts: temp profile, bare click app, median wall times."""

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

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
KENA_INIT = ["init", "--operator", "kena", "--offer", "Kena 7.99", "--price", "7.99", "--renewal-day", "15",
             "--data", "100GB", "--minutes", "unlimited", "--sms", "100", "--credit", "10"]
TIM_LINE = ["line", "add", "casa", "--operator", "tim", "--offer", "TIM Go", "--price", "9.99", "--renewal-day",
            "3", "--data", "50GB", "--minutes", "unlimited", "--sms", "0", "--credit", "5"]


def kenactl() -> list[str]:
    """The installed kenactl script next to this Python (what users run), else ``python -m kenactl``."""
    script = Path(sys.executable).with_name("kenactl")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kenactl"]


def setup(folder: Path) -> dict[str, str]:
    """Write the bare click app and a two-line profile in ``folder``; the environment to run with."""
    (folder / "bare.py").write_text(BARE_APP, encoding="utf-8")
    env = {**os.environ, "KENACTL_PROFILE": str(folder / "profile.toml"), "NO_COLOR": "1",
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    for args in (KENA_INIT, TIM_LINE):
        subprocess.run([*kenactl(), *args], env=env, check=True, capture_output=True)
    return env


def measure(cases: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, float]:
    """Median wall time in ms of each case (interleaved runs, output piped, after one warm-up run)."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for attempt in range(runs + 1):
        for name, (command, env) in cases.items():
            start = time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
            if attempt:
                times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def report(medians: dict[str, float], baselines: tuple[str, ...]) -> None:
    """Print each case's median and its ratio to every baseline."""
    width = max(map(len, medians))
    print(f"{'case':<{width}}  median ms  " + "  ".join(f"/ {name}" for name in baselines))
    for name, value in medians.items():
        ratios = "  ".join(f"{value / medians[base]:>{len(base) + 1}.2f}x" for base in baselines)
        print(f"{name:<{width}}  {value:9.2f}  {ratios}")


def runs_from_argv(default: int) -> int:
    return int(sys.argv[1]) if len(sys.argv) > 1 else default


def have(program: str) -> bool:
    return shutil.which(program) is not None
