"""Fail unless the constraints file pins each runtime dependency to exactly its floor in pyproject.toml.

    python .ci/lowest_matches_floors.py pyproject.toml .ci/lowest.txt [--installed]

With ``--installed``, also fail unless the running interpreter has exactly those versions installed.
"""

import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

FLOOR = re.compile(r"^([A-Za-z0-9._-]+)\s*>=\s*([^,;\s]+)")
PIN = re.compile(r"^([A-Za-z0-9._-]+)\s*==\s*(\S+)$")


def normalized(name: str) -> str:
    """A distribution name as pip compares it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def floors(pyproject: Path) -> dict[str, str]:
    """``name → lowest version`` of every runtime dependency (each must have a ``>=`` floor)."""
    found = {}
    for requirement in tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]:
        match = FLOOR.match(requirement)
        if not match:
            raise SystemExit(f"{pyproject}: {requirement!r} has no >= floor")
        found[normalized(match[1])] = match[2]
    return found


def pins(constraints: Path) -> dict[str, str]:
    """``name → version`` of every ``name==version`` line (comments and blank lines skipped)."""
    found = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            match = PIN.match(line)
            if not match:
                raise SystemExit(f"{constraints}: {line!r} is not name==version")
            found[normalized(match[1])] = match[2]
    return found


def main(pyproject: Path, constraints: Path, installed: bool) -> int:
    wanted, pinned = floors(pyproject), pins(constraints)
    problems = [f"{name}: floor {floor} in {pyproject}, {pinned.get(name, 'no pin')} in {constraints}"
                for name, floor in wanted.items() if pinned.get(name) != floor]
    problems += [f"{name}: pinned in {constraints} but not a runtime dependency"
                 for name in pinned.keys() - wanted.keys()]
    if installed:
        for name, pin in pinned.items():
            try:
                have = version(name)
            except PackageNotFoundError:
                have = "not installed"
            if have != pin:
                problems.append(f"{name}: {have} installed, {pin} wanted")
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        suffix = " (installed)" if installed else ""
        print(f"{constraints}: {len(pinned)} runtime dependencies at their floors{suffix}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), "--installed" in sys.argv[3:]))
