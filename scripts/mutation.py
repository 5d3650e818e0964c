#!/usr/bin/env python3
"""Mutation testing of one module with mutmut: how many of its mutants the tests kill.

    .venv/bin/pip install -e '.[test,mutation]'
    .venv/bin/python scripts/mutation.py src/taxcalc/export/exempt_credit_refund.py

The tests run are the module's own test files (``tests/**/test_*<name>*.py``, or
those given with ``--tests``), each run stopping at its first failure (``-x``).
The run happens in a copy of ``src``, ``tests`` and ``pyproject.toml`` in a
temporary folder (mutmut 3 reads its settings from ``[tool.mutmut]`` and writes
its ``mutants/`` folder where it runs), so nothing is left in the checkout.
Prints the surviving mutants and the score: killed / total, and the score leaving
out the mutants that only change the text of an explanation (a label or formula
in words, a return-form line name: a string literal with a space or a Chinese
character in it), which no figure depends on.

What a rule derives from a law is cached with that law (``Law.memo``) for the life
of the process, and mutmut runs each mutant in a process forked after the tests ran
once on the unchanged code: a mutant of a cached derivation would be answered from
that cache and never run.  The run therefore sets ``TAXCALC_FRESH_LAW_CACHE=1``, on
which ``tests/conftest.py`` keeps the law cache for one test only, so every mutant
is run by every test that reaches it.  ``--keep`` keeps the folder to
look at a mutant (``cd FOLDER && mutmut show NAME``).  Exit status: 0 when the
score (without text mutants) is at least ``--fail-under`` (default 0), else 1.
"""

from __future__ import annotations

import argparse
import ast
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The environment variable on which tests/conftest.py keeps ``Law.memo``'s cache for one test only.
FRESH_LAW_CACHE = "TAXCALC_FRESH_LAW_CACHE"
#: mutmut's statuses counted as the tests noticing the mutant.
NOTICED = ("killed", "timeout", "caught by type check", "segfault")
_PROSE = re.compile(r"[ \u3000-\u9fff\uff00-\uffef]")


def default_tests(module: Path) -> list[str]:
    """The test files named after the module: ``tests/**/test_*<stem>*.py``."""
    stem = module.stem
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").rglob(f"test_*{stem}*.py"))


def mutmut_command() -> list[str]:
    """mutmut next to this Python (mutmut 3 asks to be run as ``mutmut``, not ``python -m``)."""
    exe = Path(sys.executable).parent / "mutmut"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("mutmut")
    if not found:
        sys.exit("mutmut is not installed: pip install -e '.[mutation]'")
    return [found]


def prepare(work: Path, module: str, tests: list[str]) -> None:
    """Copy the sources and tests into ``work`` and write mutmut's settings into its pyproject.toml."""
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", ".hypothesis", "mutants")
    shutil.copytree(ROOT / "src", work / "src", ignore=skip)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=skip)
    text = (ROOT / "pyproject.toml").read_text("utf-8")

    def toml_list(items: list[str]) -> str:
        return "[" + ", ".join(f'"{i}"' for i in items) + "]"

    text += (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"only_mutate = {toml_list([module])}\n"
        f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
        # the module's tests only: no doctests of the whole package, no documentation build
        f"pytest_add_cli_args = {toml_list(['-x', '-q', '-p', 'no:cacheprovider', '-o', 'addopts=--strict-markers'])}\n"
    )
    (work / "pyproject.toml").write_text(text, "utf-8")


def statuses(work: Path) -> dict[str, str]:
    """Every mutant's status, from ``mutmut results --all true``."""
    out = subprocess.run([*mutmut_command(), "results", "--all", "true"], cwd=work,
                         capture_output=True, text=True, check=True).stdout
    got: dict[str, str] = {}
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name:
            got[name] = status
    return got


def _functions(source: str) -> dict[str, str]:
    """Every function of mutmut's rewritten module by name, its body's source (without the ``def`` line)."""
    lines = source.splitlines()
    out: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and "__mutmut_" in node.name:
            out[node.name] = "\n".join(lines[node.body[0].lineno - 1:node.end_lineno])
    return out


def _tokens(source: str) -> list[tuple[int, str]] | None:
    try:
        return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(source + "\n").readline)
                if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                                  tokenize.ENDMARKER, tokenize.COMMENT)]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None


def _strings_only(before: str, after: str) -> bool:
    """Whether two versions of a function differ only in string literals that read as prose."""
    a, b = _tokens(before), _tokens(after)
    if a is None or b is None or len(a) != len(b):
        return False
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return bool(changed) and all(ta == tb == tokenize.STRING and _PROSE.search(sa)
                                 for (ta, sa), (tb, _) in changed)


def text_only(work: Path, module: Path, names: list[str]) -> set[str]:
    """The mutants of ``names`` that only change explanation text (see the module notes)."""
    functions = _functions((work / "mutants" / module).read_text("utf-8"))
    found = set()
    for name in names:
        short = name.rsplit(".", 1)[-1]
        orig = re.sub(r"__mutmut_\d+$", "__mutmut_orig", short)
        if short in functions and orig in functions and _strings_only(functions[orig], functions[short]):
            found.add(name)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mutation score of one module (mutmut 3).")
    parser.add_argument("module", nargs="?", default="src/taxcalc/export/exempt_credit_refund.py",
                        help="the module to mutate, a path from the project root")
    parser.add_argument("--tests", nargs="+", metavar="FILE",
                        help="the test files to run (default: tests/**/test_*<module name>.py)")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2,
                        help="mutants tested at once (default: the number of CPUs)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder and print its path")
    parser.add_argument("--results", metavar="FOLDER",
                        help="only print the score of a run kept with --keep (no mutants are run)")
    parser.add_argument("--fail-under", type=float, default=0.0, metavar="PERCENT",
                        help="exit 1 if the score without text mutants is below PERCENT")
    args = parser.parse_args(argv)

    module = Path(args.module)
    if module.is_absolute():
        module = module.relative_to(ROOT)
    if not (ROOT / module).is_file():
        parser.error(f"no such module: {module}")
    tests = args.tests or default_tests(module)
    if not tests:
        parser.error(f"no test files named after {module.stem}; give them with --tests")
    work = Path(args.results) if args.results else Path(tempfile.mkdtemp(prefix="taxcalc-mutation-"))
    try:
        if not args.results:
            prepare(work, str(module), tests)
            print(f"mutating {module} with {' '.join(tests)}", flush=True)
            run = subprocess.run([*mutmut_command(), "run", "--max-children", str(args.max_children)], cwd=work,
                                 capture_output=True, text=True, env={**os.environ, FRESH_LAW_CACHE: "1"})
            if run.returncode != 0:
                print(run.stdout[-4000:], run.stderr[-4000:], sep="\n", file=sys.stderr)
                return 2
        got = statuses(work)
        if not got:
            print("mutmut made no mutants", file=sys.stderr)
            return 2
        killed = [n for n, s in got.items() if s in NOTICED]
        others = {n: s for n, s in got.items() if s not in NOTICED}
        text = text_only(work, module, list(got))
        for name, status in sorted(others.items()):
            print(f"  {status}{' (text only)' if name in text else ''}: {name}")
        total = len(got)
        print(f"{module}: {len(killed)} / {total} killed, score {100 * len(killed) / total:.1f}%")
        counted = [n for n in got if n not in text]
        killed_counted = [n for n in killed if n not in text]
        score = 100 * len(killed_counted) / len(counted) if counted else 100.0
        print(f"{module}: leaving out {len(text)} text-only mutants: {len(killed_counted)} / {len(counted)} killed, "
              f"score {score:.1f}%")
        return 0 if score >= args.fail_under else 1
    finally:
        if args.keep or args.results:
            print(f"working folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
