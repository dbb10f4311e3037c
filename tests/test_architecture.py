"""The package's shape: no import cycles, no reaching into another module's private names,
the package's own imports at the top of modules (or a comment says why one loads late),
and no module over 500 lines.

Read from the source with `ast`, so every import counts, whether at the top of a module or
inside a function (a cycle hidden in a function is still a cycle). Imports under
`if TYPE_CHECKING:` are for type checkers only and never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "transcribe"
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import that runs, with whether it sits at module level (not inside a def)."""

    def walk(node: ast.AST, top: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, top
            inner = top and not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            yield from walk(child, inner)

    yield from walk(tree, True)


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    is_package = MODULES[module].name == "__init__.py"
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[tuple[str, str | None]]:
    """(module imported, name taken from it or None) for the package's own modules."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in MODULES:
                yield alias.name, None
        return
    source = _absolute(module, node)
    if source not in MODULES:
        return
    for alias in node.names:
        sub = f"{source}.{alias.name}"
        yield (sub, None) if sub in MODULES else (source, alias.name)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for node, _ in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            graph[module].update(t for t, _ in _targets(module, node) if t != module)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_walk_sees_the_whole_package() -> None:
    graph = _graph()
    assert len(MODULES) > 100 and "transcribe.cli" in graph
    assert "transcribe.pipeline" in graph["transcribe.cli"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    cycles = _cycles(_graph())
    assert cycles == [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def _private_reaches(module: str, tree: ast.AST) -> Iterator[str]:
    """`from x import _name`, and `x._name` on a module imported as x."""
    aliases: dict[str, str] = {}
    for node, _ in _imports(tree):
        for alias in node.names:
            one = (
                ast.Import(names=[alias])
                if isinstance(node, ast.Import)
                else ast.ImportFrom(node.module, [alias], node.level)
            )
            found = next(_targets(module, one), None)
            if found is None:
                continue
            source, name = found
            if name is None:
                aliases[alias.asname or alias.name] = source
            elif name.startswith("_") and not name.startswith("__") and source != module:
                yield f"{module}: from {source} import {name}"
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name) and aliases.get(node.value.id, module) != module):  # fmt: skip
            yield f"{module}:{node.lineno}: {node.value.id}.{node.attr}"


def test_no_module_reaches_into_another_modules_private_names() -> None:
    reaching = [r for m, p in MODULES.items() for r in _private_reaches(m, ast.parse(p.read_text(encoding="utf-8")))]
    assert reaching == []
    probe = "from transcribe.asr import _TOKEN\nfrom transcribe import asr\nasr._TOKEN.findall('x')\n"
    assert len(list(_private_reaches("transcribe.bench.core", ast.parse(probe)))) == 2


def _explained(lines: list[str], lineno: int) -> bool:
    """A late import says why: a comment on its line or on the line above."""
    return "#" in lines[lineno - 1] or lines[lineno - 2].strip().startswith("#")


def _unexplained_late_imports() -> dict[str, int]:
    late: dict[str, int] = {}
    for module, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node, top in _imports(ast.parse(text)):
            if not top and any(True for _ in _targets(module, node)) and not _explained(lines, node.lineno):
                late[module] = late.get(module, 0) + 1
    return late


# Late imports without a stated reason that remain, per module: a count may only fall.
REMAINING_LATE: dict[str, int] = {}


def test_the_packages_own_imports_are_at_the_top() -> None:
    late = _unexplained_late_imports()
    grown = {m: n for m, n in late.items() if n > REMAINING_LATE.get(m, 0)}
    assert grown == {}, "imports inside functions without a comment saying why they load late"


def test_no_module_over_500_lines() -> None:
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
