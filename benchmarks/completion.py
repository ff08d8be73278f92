"""Completion benchmark: a completion request's wall time against a bare click app's completion request.

Run: python benchmarks/completion.py [RUNS]   (default 40 runs each; medians)
Target: <= 1.2x the bare click app. Cases:
- click protocol: `_KENACTL_COMPLETE=bash_complete kenactl` for `kenactl status --line <TAB>` (the whole
  command tree loaded, as any click app does);
- values fast path: what the generated scripts run for line names (`_KENACTL_VALUES=line kenactl ...`), no click;
- in bash: the generated script's `_kenactl` called inside one bash process (as at a prompt), for
  `kenactl <TAB>` (static tables, no process started) and `kenactl status --line <TAB>` (runs the fast path).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import kenactl, measure, report, runs_from_argv, setup

IN_BASH = r"""source "$1"; runs=$2; shift 2
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
_kenactl; _kenactl  # warm up
start=$EPOCHREALTIME
for ((i = 0; i < runs; i++)); do _kenactl; done
end=$EPOCHREALTIME
echo $(( (${end/./} - ${start/./}) / runs ))
"""


def in_bash(script: Path, env: dict, runs: int, *words: str) -> float:
    """Mean ms of one ``_kenactl`` call inside a running bash."""
    result = subprocess.run(["bash", "--norc", "-c", IN_BASH, "bash", str(script), str(runs), *words],
                            env=env, capture_output=True, text=True, check=True)
    return int(result.stdout.strip()) / 1000


def main() -> None:
    runs = runs_from_argv(40)
    with tempfile.TemporaryDirectory() as folder:
        env = setup(Path(folder))
        bare = [sys.executable, str(Path(folder) / "bare.py")]
        bare_env = {**env, "_BARE_COMPLETE": "bash_complete", "COMP_WORDS": "bare status --line ", "COMP_CWORD": "3"}
        protocol_env = {**env, "_KENACTL_COMPLETE": "bash_complete", "COMP_WORDS": "kenactl status --line ",
                        "COMP_CWORD": "3"}
        cases = {
            "bare click completion": (bare, bare_env),
            "kenactl click protocol": (kenactl(), protocol_env),
            "kenactl values fast path": ([*kenactl(), "status", "--line", ""], {**env, "_KENACTL_VALUES": "line"}),
        }
        medians = measure(cases, runs)
        script = Path(folder) / "kenactl.bash"
        script.write_text(subprocess.run([*kenactl(), "completion", "bash"], env=env, capture_output=True,
                                         text=True, check=True).stdout, encoding="utf-8")
        medians["bash: kenactl <TAB>"] = in_bash(script, env, max(runs * 10, 100), "kenactl", "")
        medians["bash: status --line <TAB>"] = in_bash(script, env, runs, "kenactl", "status", "--line", "")
    print(f"{runs} runs each (process cases: median; in-bash cases: mean per call), Python {sys.version.split()[0]}")
    report(medians, ("bare click completion",))


if __name__ == "__main__":
    main()
