"""Completion benchmark: a completion request's wall time against a bare click app's completion request.

Run: python benchmarks/completion.py [RUNS]   (default 40 runs each; medians)
Targets: line names <= 0.8x the bare click app; the custom engines may go only if click's own protocol,
with ``ParamType.shell_complete`` on the line-name and option types, is <= 1.2x. Cases:
- values fast path: what the generated scripts run (`_KENACTL_VALUES=KIND kenactl ...`), no click, for
  line names and for operators (which asks the operator registry);
- click protocol, type completion: `_KENACTL_COMPLETE=bash_complete kenactl status --line <TAB>` with
  ``LineName.shell_complete`` defined on the type, so click loads only the commands on the typed path
  (what deleting the engines would leave);
- click protocol, as shipped: the same request with every parameter's values attached (whole command tree);
- in bash: the generated script's `_kenactl` for `kenactl status --line <TAB>` (runs the fast path; bash
  started and the script sourced each run), and for `kenactl <TAB>` called inside one running bash (as at
  a prompt: static tables, no process started).
"""

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import kenactl, measure, report, runs_from_argv, setup

IN_BASH = r"""source "$1"; runs=$2; shift 2
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
_kenactl; _kenactl  # warm up
for ((i = 0; i < runs; i++)); do
    start=$EPOCHREALTIME; _kenactl; end=$EPOCHREALTIME
    echo $(( ${end/./} - ${start/./} ))
done
"""
ONE_TAB = r"""source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _kenactl; printf '%s\n' "${COMPREPLY[@]}"
"""
# kenactl answering click's protocol through the line-name type's own shell_complete, nothing attached.
TYPE_COMPLETION = '''from click.shell_completion import CompletionItem

from kenactl.cli import cli, params
from kenactl.completion import spec, values


def complete_line(self, ctx, param, incomplete):
    given = spec._given(ctx, "--profile")
    return [CompletionItem(name, help=text or None) for name, text in values.line_values(given)
            if name.startswith(incomplete)]


params.LineName.shell_complete = complete_line
spec.attach_values = lambda root: None
cli.main(prog_name="kenactl")
'''


def in_bash(script: Path, env: dict, runs: int, *words: str) -> float:
    """Median ms of one ``_kenactl`` call inside a running bash."""
    result = subprocess.run(["bash", "--norc", "-c", IN_BASH, "bash", str(script), str(runs), *words],
                            env=env, capture_output=True, text=True, check=True)
    return statistics.median(int(micros) for micros in result.stdout.split()) / 1000


def main() -> None:
    runs = runs_from_argv(40)
    with tempfile.TemporaryDirectory() as folder:
        env = setup(Path(folder))
        bare = [sys.executable, str(Path(folder) / "bare.py")]
        (Path(folder) / "type_completion.py").write_text(TYPE_COMPLETION, encoding="utf-8")
        bare_env = {**env, "_BARE_COMPLETE": "bash_complete", "COMP_WORDS": "bare status --line ", "COMP_CWORD": "3"}
        protocol_env = {**env, "_KENACTL_COMPLETE": "bash_complete", "COMP_WORDS": "kenactl status --line ",
                        "COMP_CWORD": "3"}
        cases = {
            "bare click completion": (bare, bare_env),
            "fast path: line names": ([*kenactl(), "status", "--line", ""], {**env, "_KENACTL_VALUES": "line"}),
            "fast path: operators": ([*kenactl(), "init", "--operator", ""], {**env, "_KENACTL_VALUES": "operator"}),
            "click protocol, type completion": ([sys.executable, str(Path(folder) / "type_completion.py")],
                                                protocol_env),
            "click protocol, as shipped": (kenactl(), protocol_env),
        }
        script = Path(folder) / "kenactl.bash"
        script.write_text(subprocess.run([*kenactl(), "completion", "bash"], env=env, capture_output=True,
                                         text=True, check=True).stdout, encoding="utf-8")
        # interleaved with the others; includes starting bash and sourcing the script (an upper bound)
        cases["bash: status --line <TAB>"] = (["bash", "--norc", "-c", ONE_TAB, "bash", str(script), "kenactl",
                                               "status", "--line", ""], env)
        check_same_answers(cases)
        medians = measure(cases, runs)
        medians["bash: kenactl <TAB>"] = in_bash(script, env, max(runs * 10, 100), "kenactl", "")
    print(f"{runs} runs each, median wall time, Python {sys.version.split()[0]}")
    report(medians, ("bare click completion",))


def check_same_answers(cases: dict) -> None:
    """The kenactl line-name cases must all offer the profile's two lines, or the timing means nothing."""
    for name in ("fast path: line names", "click protocol, type completion", "click protocol, as shipped",
                 "bash: status --line <TAB>"):
        command, env = cases[name]
        out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
        if "main" not in out or "casa" not in out:
            raise SystemExit(f"{name}: expected the lines main and casa, got {out!r}")


if __name__ == "__main__":
    main()
