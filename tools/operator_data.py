"""Regenerate ``kenactl/knowledge/operators/builtin_data.py`` and ``kenactl/knowledge/charters/builtin_data.py``,
the parsed form of the built-in operator and charter files shipped beside them, so that a start reads
no packaged TOML; ``--check`` fails when either drifts.

Each module holds each file's document exactly as kenactl reads it (operators: as
``kenactl.knowledge.registry`` does, floats as Decimal, the same limits; charters: as
``kenactl.knowledge.charters`` does), in the file's own order. ``tests/test_operator_data.py`` runs
the check, so an edited ``.toml`` without a regenerated module fails the suite.

    python tools/operator_data.py            # rewrite the modules
    python tools/operator_data.py --check    # exit 1 when one differs from its TOML files
"""

import pprint
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kenactl.knowledge import charters  # noqa: E402
from kenactl.knowledge.registry import BUILTIN, BUILTIN_FOLDER, COMMON, parse_file  # noqa: E402

TARGET = BUILTIN_FOLDER / "builtin_data.py"
HEADER = '''"""The built-in operator files, parsed: written by ``tools/operator_data.py`` from the ``.toml`` files
beside this module (do not edit; ``tests/test_operator_data.py`` checks that it matches them)."""
'''
CHARTER_FOLDER = Path(charters.__file__).parent
CHARTER_TARGET = CHARTER_FOLDER / "builtin_data.py"
CHARTER_HEADER = HEADER.replace("built-in operator files", "packaged charter files")


def source() -> str:
    """The operator module's text: one ``DOCUMENTS`` entry per built-in file, ``_common`` first."""
    return _module(HEADER, {name: parse_file(BUILTIN_FOLDER / f"{name}.toml") for name in (COMMON, *BUILTIN)})


def charter_source() -> str:
    """The charter module's text: one ``DOCUMENTS`` entry per packaged charter, in ``CHARTER_IDS`` order."""
    return _module(CHARTER_HEADER, {
        charter_id: charters.read_document((CHARTER_FOLDER / f"{charter_id}.toml").read_text(encoding="utf-8"),
                                           f"{charter_id}.toml")
        for charter_id in charters.CHARTER_IDS})


def _module(header: str, documents: dict) -> str:
    body = pprint.pformat(documents, width=110, sort_dicts=False)
    imports = [line for line, used in (("import datetime", "datetime." in body),
                                       ("from decimal import Decimal", "Decimal(" in body)) if used]
    return header + "".join(f"\n{line}" for line in imports) + f"\n\nDOCUMENTS = {body}\n"


def main() -> int:
    outputs = ((TARGET, source(), "operator"), (CHARTER_TARGET, charter_source(), "charter"))
    if "--check" in sys.argv[1:]:
        stale = [(target, kind) for target, text, kind in outputs if target.read_text(encoding="utf-8") != text]
        for target, kind in stale:
            print(f"{target.relative_to(ROOT)} differs from the {kind} files: run python tools/operator_data.py",
                  file=sys.stderr)
        return 1 if stale else 0
    for target, text, _kind in outputs:
        target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
