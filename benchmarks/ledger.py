"""Does years of history slow ``kenactl status`` down? 5 lines × 24 months × 30 readings a month
against the same 5 lines with only the current month (median of alternating runs of the installed kenactl).

    python benchmarks/ledger.py [RUNS]
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import kenactl, measure, report, runs_from_argv  # noqa: E402
from profiles import LEDGER_PROFILES, NOW, write_profiles  # noqa: E402

AT = NOW.strftime("%Y-%m-%dT%H:%M")
CASES = {"no history": "5-line-0m-30r", "24 months": "5-line-24m-30r"}


def main() -> None:
    runs = runs_from_argv(30)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_profiles(Path(folder), LEDGER_PROFILES)
        cases = {}
        for name, profile in CASES.items():
            env = {**os.environ, "KENACTL_PROFILE": str(paths[profile]), "NO_COLOR": "1"}
            cases[name] = ([*kenactl(), "--at", AT, "status"], env)
        medians = measure(cases, runs)
    report(medians, ("no history",))
    print(f"ratio 24 months / no history: {medians['24 months'] / medians['no history']:.3f}")


if __name__ == "__main__":
    main()
