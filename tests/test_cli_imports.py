"""A rule question imports its own rule and nothing of another: each rule's adapter module is
loaded alone, the rule packages (``taxcalc.vat``, ``taxcalc.eit``, ``taxcalc.export``) import a
module when one of its names is first read, and neither the report, babel nor dateutil is on the
way (dateutil only where the rule's arithmetic needs it).  Each case runs in a new interpreter and reads its ``sys.modules`` (nothing is timed)."""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import taxcalc
from taxcalc import rules

#: The packages whose modules are rules (and their adapters, under ``taxcalc.rules``).
_RULE_PACKAGES = ("taxcalc.vat", "taxcalc.eit", "taxcalc.export", "taxcalc.environment")
#: Never on the way of a rule question.
_NEVER = ("babel", "taxcalc.report", "taxcalc.population", "taxcalc.service", "taxcalc.cli.report",
          "taxcalc.cli.law")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    return set(out.split())


def _under(modules: set[str], names: tuple[str, ...]) -> set[str]:
    return {m for m in modules if m in names or m.startswith(tuple(n + "." for n in names))}


def _rule_modules(modules: set[str]) -> set[str]:
    """The modules of rules and of their adapters among ``modules`` (not packages, not shared helpers)."""
    adapters = ("taxcalc.rules.vat", "taxcalc.rules.eit", "taxcalc.rules.export", "taxcalc.rules.env")
    return {m for m in _under(modules, _RULE_PACKAGES + adapters)
            if m not in _RULE_PACKAGES + adapters and not m.rpartition(".")[2].startswith("_")}


def _library_modules(rule: rules.Rule) -> list[str]:
    """The modules that define the public functions ``rule`` stands for."""
    out = []
    for name in rule.covers:
        package, _, function = name.rpartition(".")
        out.append(getattr(importlib.import_module(package), function).__module__)
    return sorted(set(out))


def _question(rule: rules.Rule) -> str:
    """The code of a rule question: the command line builds the question's parser, and the rule's
    example is read, computed and written as the command line writes it, in both forms."""
    group, name = rule.command
    return (
        "from taxcalc.cli import build_parser\n"
        "from taxcalc import rules\n"
        f"build_parser([{group!r}, {name!r}])\n"
        f"rule = rules.get({rule.id!r})\n"
        "definition = rule.load()\n"
        "inputs = definition.read(definition.example)\n"
        "result = definition.compute(inputs, law=None)\n"
        "definition.text(result, 'en', inputs)\n"
        "definition.shown(result).as_dict()\n"
    )


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in rules.RULES])
def test_a_rule_question_imports_no_module_of_another_rule(rule):
    loaded = _modules_after(_question(rule))
    needed = _rule_modules(_modules_after("\n".join(f"import {m}" for m in _library_modules(rule))))
    own = {rule.adapter}
    assert _rule_modules(loaded) - needed == own, (
        f"{rule.id} loaded modules of other rules: {sorted(_rule_modules(loaded) - needed - own)}")
    assert not _under(loaded, _NEVER)


def test_the_rate_question_on_the_command_line_loads_the_rate_rule_alone(tmp_path):
    loaded = _modules_after(
        "import io, contextlib\nfrom taxcalc.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['vat', 'rate', 'standard', '--on', '2019-04-01', '--json']) == 0\n")
    assert _rule_modules(loaded) == {"taxcalc.vat.rates", "taxcalc.rules.vat.rate"}
    assert not _under(loaded, ("taxcalc.eit", "taxcalc.export", "taxcalc.environment", "dateutil", *_NEVER))


def test_a_question_given_a_file_loads_its_rule_alone(tmp_path):
    path = tmp_path / "loans.json"
    path.write_text(json.dumps(rules.get("vat.small_loan_interest").load().example), "utf-8")
    loaded = _modules_after(
        "import io, contextlib\nfrom taxcalc.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['vat', 'small-loans', {str(path)!r}]) == 0\n")
    assert _rule_modules(loaded) == {"taxcalc.vat.small_loan_interest", "taxcalc.rules.vat.small_loan_interest"}


def test_the_test_sees_a_module_of_another_rule():
    loaded = _modules_after(_question(rules.get("vat.rate")) + "import taxcalc.rules.vat.period_tax\n")
    assert "taxcalc.rules.vat.period_tax" in _rule_modules(loaded)
    assert "taxcalc.vat.period_tax" in _rule_modules(loaded)


# -- the packages that import a module when one of its names is first read ---------------------

_LAZY = ("taxcalc.vat", "taxcalc.eit", "taxcalc.export")


def _type_checking_names(package: str) -> dict[str, str]:
    """Name → module, as the package's imports under ``if TYPE_CHECKING:`` give them."""
    path = Path(taxcalc.__file__).parent.joinpath(*package.split(".")[1:], "__init__.py")
    out = {}
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.level == 1
                out.update({a.name: f"{package}.{stmt.module}" for a in stmt.names})
    return out


@pytest.mark.parametrize("package", _LAZY)
def test_a_lazy_package_offers_what_its_type_checking_imports_and_all_name(package):
    module = importlib.import_module(package)
    declared = _type_checking_names(package)
    assert declared and sorted(declared) == sorted(module.__all__)
    for name, where in declared.items():
        assert getattr(module, name) is getattr(importlib.import_module(where), name), name
    assert set(declared) <= set(dir(module))
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        module.no_such_name  # noqa: B018


@pytest.mark.parametrize("package", _LAZY)
def test_importing_a_lazy_package_imports_none_of_its_rules(package):
    loaded = _modules_after(f"import {package}")
    assert not {m for m in loaded if m.startswith(package + ".") and not m.rpartition(".")[2].startswith("_")}


def test_a_function_keeps_its_name_when_its_module_is_imported():
    loaded = _modules_after(
        "import taxcalc.vat.period_tax, taxcalc.eit.small_profit\n"
        "import taxcalc.vat, taxcalc.eit\n"
        "from taxcalc.vat import period_tax\n"
        "assert callable(period_tax) and callable(taxcalc.vat.period_tax) and callable(taxcalc.eit.small_profit)\n"
        "assert taxcalc.vat.period_tax('2019-04-01', output_tax='130', input_tax='90').tax_payable == 40\n")
    assert "taxcalc.vat.period_tax" in loaded


def test_each_rule_has_an_adapter_module_of_its_own_named_by_its_id():
    assert [r.adapter for r in rules.RULES] == [f"taxcalc.rules.{r.id}" for r in rules.RULES]
    for r in rules.RULES:
        assert list(importlib.import_module(r.adapter).DEFINITIONS) == [r.id]


@pytest.mark.parametrize(("argv", "never"), [
    (["--help"], ("taxcalc.explain", "taxcalc.law", "taxcalc.inputs", "dataclasses", "decimal", "shutil")),
    (["vat", "--help"], ("taxcalc.explain", "taxcalc.law", "taxcalc.inputs", "taxcalc.cli.questions",
                         "dataclasses", "shutil")),
])
def test_a_help_imports_no_rule_input_or_explanation(argv, never):
    """``import taxcalc`` imports the errors alone, a group's help lists its questions from the index,
    and argparse finds the help's width without shutil."""
    loaded = _modules_after(
        "import io, contextlib\nfrom taxcalc.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit as exit:\n"
        "        assert exit.code == 0\n"
        "assert 'usage: taxcalc' in out.getvalue()\n")
    assert not _under(loaded, never), sorted(_under(loaded, never))
    assert not _rule_modules(loaded)
