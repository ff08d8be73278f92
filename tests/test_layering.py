"""The layering holds: the core imports only itself, ``text``, ``errors`` and the standard library, and no
module of kenactl imports another that (directly or not) imports it back at module level."""

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kenactl"
CORE_MAY_IMPORT = ("kenactl.core", "kenactl.text", "kenactl.errors")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, *, module_level_only: bool) -> set[str]:
    """The modules ``path`` imports (``from a import b`` counts as ``a.b`` when that is a module of kenactl)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level_only else list(ast.walk(tree))
    if module_level_only:  # also imports under a module-level ``if``/``try`` (not TYPE_CHECKING blocks)
        nodes = [node for statement in nodes for node in _module_level(statement)]
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names
                         if _is_module(f"{node.module}.{alias.name}"))
    return found


def _module_level(statement: ast.stmt):
    if isinstance(statement, ast.If) and "TYPE_CHECKING" in ast.unparse(statement.test):
        return
    if isinstance(statement, (ast.If, ast.Try)):
        for child in statement.body + statement.orelse + getattr(statement, "finalbody", []):
            yield from _module_level(child)
        for handler in getattr(statement, "handlers", []):
            for child in handler.body:
                yield from _module_level(child)
    else:
        yield statement


def _is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    folder = PACKAGE.parent
    return (folder / relative.with_suffix(".py")).is_file() or (folder / relative / "__init__.py").is_file()


SOURCES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_the_core_imports_only_the_core_text_errors_and_the_standard_library():
    core = {name: path for name, path in SOURCES.items() if name.startswith("kenactl.core")}
    assert len(core) > 10
    wrong = {}
    for name, path in core.items():
        for imported in imports(path, module_level_only=False):
            top = imported.split(".")[0]
            if top == "kenactl":
                allowed = any(imported == prefix or imported.startswith(prefix + ".") for prefix in CORE_MAY_IMPORT)
            else:
                allowed = top in sys.stdlib_module_names
            if not allowed:
                wrong.setdefault(name, []).append(imported)
    assert not wrong, wrong


def test_no_import_cycles_at_module_level():
    graph = {name: {imported for imported in imports(path, module_level_only=True) if imported in SOURCES}
             for name, path in SOURCES.items()}
    for name in graph:  # importing a.b.c first imports the packages a and a.b
        parts = name.split(".")
        graph[name] |= {".".join(parts[:index]) for index in range(2, len(parts))} & set(SOURCES)
    cycles = []
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target):] + [target] if target in trail else [name, target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles, cycles


def test_the_walk_sees_imports_inside_functions():
    """The core test would be worthless if it missed function-local imports: check it finds one."""
    assert "kenactl.core.validity" in imports(SOURCES["kenactl.core.status"], module_level_only=False)
    assert "kenactl.core.validity" not in imports(SOURCES["kenactl.core.status"], module_level_only=True)


def test_no_module_uses_dataclasses():
    """Value classes are ``@record``s; ``dataclasses.replace`` would refuse them (use ``record.replace``)."""
    users = sorted(module_name(path) for path in PACKAGE.rglob("*.py")
                   if "dataclasses" in imports(path, module_level_only=False))
    assert users == []
