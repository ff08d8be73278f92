"""Fail unless the wheel holds every module, data file and catalog of the source tree.

    python .ci/wheel_contents.py SOURCE_DIR WHEEL

Expected: every ``kenactl/**/*.py``, ``kenactl/**/*.toml`` and ``kenactl/locale/**/*.po`` of SOURCE_DIR, and a
compiled ``kenactl/locale/<lang>/LC_MESSAGES/kenactl.mo`` for each language folder that has .po files.
"""

import sys
import zipfile
from pathlib import Path


def expected_files(source: Path) -> set[str]:
    """The package files a wheel built from ``source`` must contain, as archive paths."""
    package = source / "kenactl"
    files = {path for pattern in ("**/*.py", "**/*.toml") for path in package.glob(pattern)}
    files |= set((package / "locale").glob("**/*.po"))
    names = {path.relative_to(source).as_posix() for path in files if "__pycache__" not in path.parts}
    languages = {path.parent.name for path in (package / "locale").glob("*/*.po")}
    names |= {f"kenactl/locale/{lang}/LC_MESSAGES/kenactl.mo" for lang in languages}
    return names


def main(source: Path, wheel: Path) -> int:
    expected = expected_files(source)
    if not any(name.endswith(".mo") for name in expected) or not any(name.endswith(".toml") for name in expected):
        print(f"{source}: no catalogs or data files found to check", file=sys.stderr)
        return 1
    with zipfile.ZipFile(wheel) as archive:
        missing = sorted(expected - set(archive.namelist()))
        empty = sorted(info.filename for info in archive.infolist()
                       if info.filename in expected and info.filename.endswith(".mo") and info.file_size == 0)
    for name in missing:
        print(f"{wheel.name}: missing {name}", file=sys.stderr)
    for name in empty:
        print(f"{wheel.name}: empty {name}", file=sys.stderr)
    if missing or empty:
        return 1
    print(f"{wheel.name}: all {len(expected)} package files present")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
