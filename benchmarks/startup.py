"""Startup benchmark: `kenactl --help` and `kenactl status` against `python -c pass` and a bare click app.

Run: python benchmarks/startup.py [RUNS]   (default 40 runs each; medians, output piped)
Target: `kenactl status` <= 2x the bare click app.
"""

import sys
import tempfile
from pathlib import Path

from _timing import kenactl, measure, report, runs_from_argv, setup


def main() -> None:
    runs = runs_from_argv(40)
    with tempfile.TemporaryDirectory() as folder:
        env = setup(Path(folder))
        bare = [sys.executable, str(Path(folder) / "bare.py")]
        cases = {
            "python -c pass": ([sys.executable, "-c", "pass"], env),
            "bare click --help": ([*bare, "--help"], env),
            "bare click status": ([*bare, "status"], env),
            "kenactl --help": ([*kenactl(), "--help"], env),
            "kenactl status": ([*kenactl(), "status"], env),
        }
        medians = measure(cases, runs)
    print(f"{runs} runs each, median wall time, Python {sys.version.split()[0]}")
    report(medians, ("python -c pass", "bare click status"))


if __name__ == "__main__":
    main()
