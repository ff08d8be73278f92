"""Regenerate ``kenactl/knowledge/operators/builtin_data.py``, the parsed form of the built-in operator files
shipped beside it, so that a start reads no packaged TOML, and the modules of what the one loaders build of the
packaged files, so that a start builds no operator or charter from its document: ``builtin_operators.py`` and
``builtin_rules.py`` beside the operator files, ``kenactl/knowledge/charters/builtin_charters.py`` beside the
charter files (and ``builtin_complaint_terms.py``, each charter's ``complaint_terms``); ``--check`` fails when
one drifts or is missing.

The data module holds each file's document exactly as ``kenactl.knowledge.registry`` reads it (floats as
Decimal, the same limits), in the file's own order. The built modules hold, for each built-in operator, the
code of what ``knowledge.operators.loader.build`` and ``knowledge.ledger_rules.build`` return for its file, and
for each packaged charter what ``knowledge.charters.loader.build`` returns (every field given; frozensets
sorted, so the text does not depend on the hash seed).
``tests/test_operator_data.py`` runs the check, so an edited ``.toml`` without a regenerated module fails the
suite.

    python tools/operator_data.py            # rewrite the modules
    python tools/operator_data.py --check    # exit 1 when one differs from its TOML files
"""

import pprint
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kenactl.core.record import fields  # noqa: E402
from kenactl.knowledge import charters, ledger_rules, operators  # noqa: E402
from kenactl.knowledge.charters import loader as charter_loader  # noqa: E402
from kenactl.knowledge.operators import loader  # noqa: E402
from kenactl.knowledge.registry import BUILTIN, BUILTIN_FOLDER, COMMON, parse_file  # noqa: E402

TARGET = BUILTIN_FOLDER / "builtin_data.py"
HEADER = '''"""The built-in operator files, parsed: written by ``tools/operator_data.py`` from the ``.toml`` files
beside this module (do not edit; ``tests/test_operator_data.py`` checks that it matches them)."""
'''
CHARTER_FOLDER = Path(charters.__file__).parent
CHARTER_TARGET = CHARTER_FOLDER / "builtin_charters.py"
CHARTER_HEADER = '''"""The packaged charters, built: written by ``tools/operator_data.py`` with the one loader
(``knowledge.charters.loader.build``) from the ``.toml`` files beside this module (do not edit;
``tests/test_charter_data.py`` checks that it matches them). ``CHARTERS[id]()`` is the charter ``id``."""
'''
TERMS_FILE = "builtin_complaint_terms.py"  # beside CHARTER_TARGET
TERMS_HEADER = '''"""The packaged charters' complaint terms (``Charter.complaint_terms``), built: written by
``tools/operator_data.py`` with the one loader from the ``.toml`` files beside this module (do not edit;
``tests/test_charter_data.py`` checks that it matches them). ``TERMS[id]()`` is the terms of charter ``id``."""
'''
BUILT_FOLDER = BUILTIN_FOLDER  # where the built modules go
BUILT_HEADER = '''"""The built-in operators' {what}, built: written by ``tools/operator_data.py``
with the one loader from the ``.toml`` files beside this module (do not edit; ``tests/test_operator_data.py``
checks that it matches them). {tables}"""
'''
BUILT_MODULES = {  # file: what it holds, its tables
    "builtin_rules.py": ("renewal rules and the parts a start reads", "``RULES[id]()`` is ``knowledge.ledger_rules."
                         "build`` of the operator's file,\n``PARTS[part][id]()`` the operator's ``knowledge.operators."
                         "PARTS[part]``."),
    "builtin_operators.py": ("whole data", "``OPERATORS[id](origin)`` is ``knowledge.operators.loader."
                             "build``\nof the file at ``origin``."),
}
WIDTH = 120  # ruff's line length
SHIPPED_PARTS = ("validity", "features", "offer")  # of ``knowledge.operators.PARTS``, each built alone on a start
SHIPPED_FIELDS = ("validity", "features")  # the operator's fields that are such parts


def source() -> str:
    """The operator module's text: one ``DOCUMENTS`` entry per built-in file, ``_common`` first."""
    return _module(HEADER, {name: parse_file(BUILTIN_FOLDER / f"{name}.toml") for name in (COMMON, *BUILTIN)})


def charter_source() -> str:
    """The built charter module's text: a function per packaged charter (in ``CHARTER_IDS`` order) returning
    what the loader builds of its file, its national holidays named, then ``CHARTERS``, those functions by id."""
    classes: set = set()
    functions, table = [], {}
    for charter_id in charters.CHARTER_IDS:
        function = f"{charter_id.replace('-', '_')}_charter"
        table[charter_id] = function
        functions.append(_function(function, "", charter_loader.build_packaged(charter_id), classes,
                                   {"holiday_name": "national_holidays"}))
    imports = _wrap("from kenactl.core.charter import ", sorted(cls.__name__ for cls in classes), "", "",
                    brackets="()")
    return (CHARTER_HEADER + "\nfrom datetime import date\nfrom decimal import Decimal\n\n" + imports
            + "\nfrom kenactl.knowledge.charters import national_holidays\n\n\n" + "\n\n".join(functions)
            + f"\n\nCHARTERS = {_listing(table, '')}\n")


def terms_source() -> str:
    """The complaint terms module's text: a function per packaged charter returning its ``complaint_terms``
    (national holidays named), then ``TERMS``, those functions by id."""
    classes: set = set()
    functions, table = [], {}
    for charter_id in charters.CHARTER_IDS:
        function = f"{charter_id.replace('-', '_')}_terms"
        table[charter_id] = function
        functions.append(_function(function, "", charter_loader.build_packaged(charter_id).complaint_terms, classes,
                                   {"holiday_name": "national_holidays"}))
    names = sorted((cls.__name__ for cls in classes), key=str.lower)  # as ruff sorts them
    imports = _wrap("from kenactl.core.complaints import ", names, "", "", brackets="()")
    return (TERMS_HEADER + "\nfrom datetime import date\nfrom decimal import Decimal\n\n" + imports
            + "\nfrom kenactl.knowledge.charters import national_holidays\n\n\n" + "\n\n".join(functions)
            + f"\n\nTERMS = {_listing(table, '')}\n")


def built(name: str) -> tuple:
    """The built-in operator ``name`` and its renewal rule, as the one loader builds them from the TOML files."""
    path = BUILTIN_FOLDER / f"{name}.toml"
    document = parse_file(path)
    operator = loader.build(name, path, document, parse_file(BUILTIN_FOLDER / f"{COMMON}.toml"))
    return operator, ledger_rules.build(name, operators.PARTS["ledger"](operator), document)


def built_sources() -> dict[str, str]:
    """The built modules' texts by file name. ``builtin_rules.py``: for each built-in operator a function building
    its renewal rule and one building each of its ``SHIPPED_PARTS``; ``builtin_operators.py``: one building the
    whole operator (from its ``origin``; its ``SHIPPED_FIELDS`` from the part functions). Then the tables of those
    functions by operator id."""
    modules = {"builtin_rules.py": ([], {"RULES": {}, "PARTS": {part: {} for part in SHIPPED_PARTS}}, set()),
               "builtin_operators.py": ([], {"OPERATORS": {}}, set())}
    for name in BUILTIN:
        operator, rule = built(name)
        file = "builtin_rules.py"
        functions, tables, classes = modules[file]
        made = [(tables["RULES"], f"{name}_rule", "", rule, {})]
        made += [(tables["PARTS"][part], f"{name}_{part}", "", operators.PARTS[part](operator), {})
                 for part in SHIPPED_PARTS]
        for table, function, parameters, value, called in made:
            table[name] = function
            functions.append(_function(function, parameters, value, classes, called))
        functions, tables, classes = modules["builtin_operators.py"]
        called = {"origin": "origin", **{key: f"PARTS[{key!r}][{name!r}]()" for key in SHIPPED_FIELDS}}
        tables["OPERATORS"][name] = f"{name}_operator"
        functions.append(_function(f"{name}_operator", "origin: str", operator, classes, called))
    return {file: _built_module(file, *module) for file, module in modules.items()}


def _function(name: str, parameters: str, value, classes: set, called: dict) -> str:
    """A function ``name`` returning the code of ``value`` (the classes it builds go into ``classes``)."""
    body = code(value, "    ", classes, called=called)
    return f"def {name}({parameters}) -> {type(value).__name__}:\n    return {body}\n"


def _built_module(file: str, functions: list[str], tables: dict, classes: set) -> str:
    what, listed = BUILT_MODULES[file]
    imported: dict[str, list[str]] = {}
    if file == "builtin_operators.py":
        imported["kenactl.knowledge.operators.builtin_rules"] = ["PARTS"]
    for cls in sorted(classes, key=lambda cls: cls.__name__):
        imported.setdefault(cls.__module__, []).append(cls.__name__)
    imports = "".join(_wrap(f"from {module} import ", names, "", "", brackets="()") + "\n"
                      for module, names in sorted(imported.items()))
    tables_code = "".join(f"\n\n{table} = {_listing(entries, '')}" for table, entries in tables.items())
    header = BUILT_HEADER.format(what=what, tables=listed)
    return (header + "\nfrom datetime import date\nfrom decimal import Decimal\n\n" + imports + "\n\n"
            + "\n\n".join(functions) + tables_code + "\n")


def _listing(entries: dict, indent: str) -> str:
    """A table of function names by operator id (or of such tables by part), as code."""
    items = [f"{key!r}: {_listing(value, indent + '    ') if isinstance(value, dict) else value}"
             for key, value in entries.items()]
    return _wrap("{", items, "}", indent)


def code(value, indent: str, classes: set, lead: str = "", called: dict | None = None) -> str:
    """``lead`` and the Python code for ``value`` at ``indent``, within ``WIDTH`` columns: records by keyword (the
    fields in ``called`` as the code given there), frozensets sorted; the record classes named go into ``classes``."""
    inner = indent + "    "
    if hasattr(type(value), "_record_names"):
        classes.add(type(value))
        items = [f"{key}={called[key]}" if called and key in called else
                 code(getattr(value, key), inner, classes, f"{key}=") for key in fields(value)]
        return _wrap(f"{lead}{type(value).__name__}(", items, ")", indent)
    if isinstance(value, tuple):
        items = [code(item, inner, classes) for item in value]
        return _wrap(lead + "(", items, ")", indent, single=",")
    if isinstance(value, dict):
        return _wrap(lead + "{", [code(item, inner, classes, f"{key!r}: ") for key, item in value.items()], "}", indent)
    if isinstance(value, frozenset):
        return lead + (f"frozenset({{{', '.join(map(repr, sorted(value)))}}})" if value else "frozenset()")
    if isinstance(value, str) and len(indent + lead + repr(value)) >= WIDTH:  # with its comma
        chunks = [""]
        for word in re.findall(r"\S*\s*", value):
            if chunks[-1] and len(inner + repr(chunks[-1] + word)) > WIDTH:
                chunks.append("")
            chunks[-1] += word
        return f"{lead}(" + "".join(f"\n{inner}{chunk!r}" for chunk in chunks if chunk) + f"\n{indent})"
    if isinstance(value, date):
        return f"{lead}date({value.year}, {value.month}, {value.day})"
    if value is None or isinstance(value, (str, int, Decimal)):  # bool is an int
        return lead + repr(value)
    raise TypeError(f"no code for {type(value).__name__} {value!r}")


def _wrap(start: str, items: list[str], end: str, indent: str, single: str = "", brackets: str = "") -> str:
    """``start`` items ``end`` on one line if it fits (with a comma after it) and no item spans lines, else one item
    a line; ``single`` follows a lone item on one line (a tuple's comma); ``brackets`` enclose the items when they
    do not fit (an import's parentheses)."""
    flat = start + ", ".join(items) + (single if len(items) == 1 else "") + end
    if len(indent + flat) < WIDTH and "\n" not in flat:
        return flat
    inner = indent + "    "
    opening, closing = brackets or ("", "")
    return start + opening + "".join(f"\n{inner}{item}," for item in items) + f"\n{indent}{closing}{end}"


def _module(header: str, documents: dict) -> str:
    body = pprint.pformat(documents, width=110, sort_dicts=False)
    imports = [line for line, used in (("import datetime", "datetime." in body),
                                       ("from decimal import Decimal", "Decimal(" in body)) if used]
    return header + "".join(f"\n{line}" for line in imports) + f"\n\nDOCUMENTS = {body}\n"


def main() -> int:
    outputs = ((TARGET, source(), "operator"), (CHARTER_TARGET, charter_source(), "charter"),
               (CHARTER_TARGET.with_name(TERMS_FILE), terms_source(), "charter"),
               *((BUILT_FOLDER / file, text, "operator") for file, text in built_sources().items()))
    if "--check" in sys.argv[1:]:
        stale = [(target, kind) for target, text, kind in outputs
                 if not target.exists() or target.read_text(encoding="utf-8") != text]
        for target, kind in stale:
            print(f"{target.relative_to(ROOT)} differs from the {kind} files: run python tools/operator_data.py",
                  file=sys.stderr)
        return 1 if stale else 0
    for target, text, _kind in outputs:
        target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
