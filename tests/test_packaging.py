"""The package as installed and as shipped: one version, and a source archive that can test itself."""

from __future__ import annotations

import ast
import fnmatch
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

import taxcalc
from taxcalc import _version


def test_installed_metadata_has_the_package_version() -> None:
    assert importlib.metadata.version("taxcalc-cn") == taxcalc.__version__


def test_the_version_is_written_once() -> None:
    assert taxcalc.__version__ is _version.__version__


# -- the source archive -------------------------------------------------------------
#
# Building an sdist takes seconds, so the suite only reads MANIFEST.in: every file git
# tracks under the folders the tests need must be matched by its rules.  Only the
# commands MANIFEST.in uses are understood; another one fails the test, so it is
# extended rather than silently ignored.

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("tests/", "docs/", "benchmarks/")


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=True, text=True).stdout


def _tracked() -> list[str]:
    """The files git tracks under :data:`SHIPPED` (skip outside a git checkout of the project,
    e.g. in an unpacked source archive)."""
    try:
        top = _git("rev-parse", "--show-toplevel").strip()
    except (OSError, subprocess.CalledProcessError):
        top = ""
    if not top or Path(top).resolve() != ROOT:
        pytest.skip("not a git checkout of the project")
    return [p for p in _git("ls-files", "-z", "--", *SHIPPED).split("\0") if p]


def _matched(path: str, manifest: str) -> bool:
    """Whether the MANIFEST.in rules (later rules win, as setuptools applies them) ship ``path``."""
    name = path.rsplit("/", 1)[-1]
    parts = path.split("/")
    shipped = False
    for raw in manifest.splitlines():
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        command, args = line[0], line[1:]
        under = any(path.startswith(a.rstrip("/") + "/") for a in args)
        if command == "include":
            shipped = shipped or any(fnmatch.fnmatchcase(path, a) for a in args)
        elif command == "graft":
            shipped = shipped or under
        elif command == "prune":
            shipped = shipped and not under
        elif command == "global-exclude":
            hit = any(fnmatch.fnmatchcase(name, a) or a in parts[:-1] for a in args)
            shipped = shipped and not hit
        else:
            raise AssertionError(f"MANIFEST.in: {command!r} is not understood by this test")
    return shipped


def test_manifest_ships_every_tracked_test_doc_and_benchmark() -> None:
    tracked = _tracked()
    assert "tests/conftest.py" in tracked and "docs/conf.py" in tracked
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    missing = [p for p in tracked if not _matched(p, manifest)]
    assert missing == [], f"MANIFEST.in leaves out {missing}"


def test_manifest_check_notices_a_missing_folder() -> None:
    without_ext = "include README.md\ngraft tests\ngraft docs\nprune docs/_ext\n"
    assert _matched("tests/eit/test_losses.py", without_ext)
    assert not _matched("docs/_ext/lawtables.py", without_ext)
    assert not _matched("benchmarks/bench_vat.py", without_ext)
    assert not _matched("tests/__pycache__/x.pyc", "graft tests\nglobal-exclude __pycache__\n")


def test_manifest_ships_the_top_level_documents() -> None:
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    for name in ("README.md", "CHANGELOG.md", "LICENSE"):
        assert _matched(name, manifest), name


# -- dependencies ---------------------------------------------------------------------


def test_babel_and_dateutil_are_loaded_only_when_used() -> None:
    code = (
        "import sys\n"
        "import taxcalc.report, taxcalc.cli\n"
        "print('dateutil' in sys.modules)\n"
        "from taxcalc.format import format_rate\n"
        "from decimal import Decimal\n"
        "format_rate(Decimal('0.16'), 'en')\n"
        "before = 'babel' in sys.modules\n"
        "from taxcalc.format import format_money\n"
        "format_money('1', 'zh')\n"
        "print(before, 'babel' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "True"]


def test_every_declared_dependency_is_imported() -> None:
    requires = importlib.metadata.requires("taxcalc-cn") or []
    runtime = {r.split(">")[0].split("=")[0].split("<")[0].strip() for r in requires if "extra ==" not in r}
    modules = {"python-dateutil": "dateutil", "babel": "babel"}
    assert runtime == set(modules)
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "taxcalc").rglob("*.py"))
    for module in modules.values():
        assert f"from {module}" in sources or f"import {module}" in sources, module


def _dist_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~;\[(]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_every_third_party_import_is_declared() -> None:
    """What the code, tests, docs and benchmarks import is declared (or comes with what is):
    a fresh ``pip install -e '.[test]'`` runs them all."""
    declared = _dist_names(importlib.metadata.requires("taxcalc-cn") or [])
    with_deps = declared | {
        d for name in declared for d in _dist_names(_requires(name))
    }
    files = [*(ROOT / "src").rglob("*.py"), *(ROOT / "tests").rglob("*.py"),
             *(ROOT / "docs").glob("*.py"), *(ROOT / "docs" / "_ext").glob("*.py"),
             *(ROOT / "benchmarks").glob("*.py")]
    local = {f.stem for f in files} | {"taxcalc"}
    imported: dict[str, Path] = {}
    for f in files:
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                imported.setdefault(name.split(".")[0], f)
    dists = importlib.metadata.packages_distributions()
    missing = {
        top: str(where.relative_to(ROOT)) for top, where in imported.items()
        if top not in sys.stdlib_module_names and top not in local and top != "__future__"
        and not _dist_names(dists.get(top, [top])) & with_deps
    }
    assert missing == {}, f"imported but not declared in pyproject.toml: {missing}"


def _requires(name: str) -> list[str]:
    try:
        return importlib.metadata.requires(name) or []
    except importlib.metadata.PackageNotFoundError:
        return []
