"""The package has no import cycle among the imports its modules make when loaded.

Every module under ``src/taxcalc`` is read with :mod:`ast`; an edge goes from a
module to each module of the package it imports at module level (imports inside
functions run later, and those under ``if TYPE_CHECKING:`` never).  The graph must
be acyclic: a stage of the report, for instance, never imports one that imports it
back.  Within :mod:`taxcalc.report` the imports deferred into functions and those
for type checkers count too.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import taxcalc

ROOT = Path(taxcalc.__file__).parent
PACKAGE = "taxcalc"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join([PACKAGE, *parts])] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """The import statements run when the module is loaded (not in functions, classes or TYPE_CHECKING)."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                found += _module_level(node.body)
            found += _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                found += _module_level(block)
        elif isinstance(node, ast.With):
            found += _module_level(node.body)
    return found


def _every_import(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, wherever it is (deferred into a function, or only for type checkers)."""
    return [n for node in body for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]


def _graph(
    find: Callable[[list[ast.stmt]], list[ast.Import | ast.ImportFrom]] = _module_level,
) -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        here = name if is_package else name.rpartition(".")[0]
        for node in find(ast.parse(path.read_text("utf-8")).body):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                if node.level:
                    base = here.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    origin = ".".join(base + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                # ``from pkg import sub`` imports the submodule; ``from mod import name`` the module.
                targets = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in modules else origin for a in node.names]
            for t in targets:
                if t in modules and t != name:
                    graph[name].add(t)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
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
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def test_the_graph_is_read():
    graph = _graph()
    assert "taxcalc.report.ledger" in graph["taxcalc.report.build"]
    assert "taxcalc.vat.input_composition" in graph["taxcalc.vat.excess_credit_refund"]
    assert "taxcalc.report.input" in graph["taxcalc.report.context"]


def test_the_detector_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_the_package():
    assert _cycles(_graph()) == []


def test_the_report_stages_do_not_import_each_other_back_even_lazily():
    # A cycle hidden by an import deferred into a function (a stage importing the
    # next one when first asked) is still a cycle of the design.
    graph = {m: {t for t in ts if t.startswith("taxcalc.report")}
             for m, ts in _graph(_every_import).items() if m.startswith("taxcalc.report")}
    assert _cycles(graph) == []
