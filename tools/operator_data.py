"""Regenerate ``kenactl/knowledge/operators/builtin_data.py``, the parsed form of the built-in operator
files shipped beside them, so that a start reads no operator TOML; ``--check`` fails when it drifts.

The module holds each file's document exactly as ``kenactl.knowledge.registry`` reads it (tomllib,
floats as Decimal, the same limits), in the file's own order. ``tests/test_operator_data.py`` runs
the check, so an edited ``.toml`` without a regenerated module fails the suite.

    python tools/operator_data.py            # rewrite the module
    python tools/operator_data.py --check    # exit 1 when it differs from the TOML files
"""

import pprint
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kenactl.knowledge.registry import BUILTIN, BUILTIN_FOLDER, COMMON, parse_file  # noqa: E402

TARGET = BUILTIN_FOLDER / "builtin_data.py"
HEADER = '''"""The built-in operator files, parsed: written by ``tools/operator_data.py`` from the ``.toml`` files
beside this module (do not edit; ``tests/test_operator_data.py`` checks that it matches them)."""
'''


def source() -> str:
    """The module's text: one ``DOCUMENTS`` entry per built-in file, ``_common`` first."""
    documents = {name: parse_file(BUILTIN_FOLDER / f"{name}.toml") for name in (COMMON, *BUILTIN)}
    body = pprint.pformat(documents, width=110, sort_dicts=False)
    imports = [line for line, used in (("import datetime", "datetime." in body),
                                       ("from decimal import Decimal", "Decimal(" in body)) if used]
    return HEADER + "".join(f"\n{line}" for line in imports) + f"\n\nDOCUMENTS = {body}\n"


def main() -> int:
    text = source()
    if "--check" in sys.argv[1:]:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET.relative_to(ROOT)} differs from the operator files: run python tools/operator_data.py",
                  file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
