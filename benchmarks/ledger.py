"""Does years of history slow ``kenactl status`` down? 5 lines × 24 months × 30 readings a month
against the same 5 lines with no history (median of alternating runs of the installed kenactl).

    python benchmarks/ledger.py [RUNS]
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import kenactl, measure, report, runs_from_argv  # noqa: E402

GENERATOR = Path(__file__).with_name("history_profile.py")
AT = "2027-12-20T09:00"


def main() -> None:
    runs = runs_from_argv(30)
    with tempfile.TemporaryDirectory() as folder:
        cases = {}
        for name, months in (("no history", 0), ("24 months", 24)):
            path = Path(folder) / name.replace(" ", "-") / "profile.toml"
            subprocess.run([sys.executable, str(GENERATOR), str(path), "--months", str(months)], check=True)
            env = {**os.environ, "KENACTL_PROFILE": str(path), "NO_COLOR": "1"}
            cases[name] = ([*kenactl(), "--at", AT, "status"], env)
        medians = measure(cases, runs)
    report(medians, ("no history",))
    print(f"ratio 24 months / no history: {medians['24 months'] / medians['no history']:.3f}")


if __name__ == "__main__":
    main()
