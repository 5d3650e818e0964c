"""The command line made from the rule registry: one question per rule, options from the rule's
input model, JSON with the provenance object, input files, and nothing imported that the
command does not need."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

import taxcalc
from taxcalc import rules
from taxcalc.cli import build_parser, main
from taxcalc.inputs import spec


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no sub-commands")


def _question(rule: rules.Rule) -> argparse.ArgumentParser:
    group, name = rule.command
    return _subparsers(_subparsers(build_parser())[group])[name]


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in rules.RULES])
def test_every_rule_is_a_question_whose_options_are_its_input_fields(rule):
    parser = _question(rule)
    dests = {a.dest: a for a in parser._actions}
    if rule.from_file:
        assert "file" in dests
        return
    definition = rule.load()
    fields = [f for f in spec(definition.input) if f.name != rule.one_row]
    if rule.one_row:
        rows = next(f for f in spec(definition.input) if f.name == rule.one_row)
        fields += spec(rows.field.cls)
    for f in fields:
        action = dests[f.name]
        shown = rule.options.get(f.name) or ("--" + f.name.replace("_", "-"))
        if f.name in rule.arguments:
            assert not action.option_strings and action.metavar == (rule.options.get(f.name) or f.name)
        else:
            assert action.option_strings == [shown]
        assert action.help and action.help.replace("%%", "%").startswith(f.field.doc.replace("`", "")[:30])


def _imported(*argv: str) -> set[str]:
    code = ("import sys, io, contextlib\nfrom taxcalc.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    try:\n        main({list(argv)!r})\n    except SystemExit:\n        pass\n"
            "print('\\n'.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


_HEAVY = ("babel", "taxcalc.report", "taxcalc.eit", "taxcalc.export", "taxcalc.rules.eit", "taxcalc.rules.export",
          "taxcalc.cli.report", "taxcalc.cli.law")


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m in names or m.startswith(tuple(n + "." for n in names)))


def test_help_imports_no_rule_no_report_no_babel():
    modules = _imported("--help")
    assert not _loaded(modules, (*_HEAVY, "taxcalc.vat", "taxcalc.law", "taxcalc.rules.vat"))
    modules = _imported("vat", "--help")
    assert not _loaded(modules, (*_HEAVY, "taxcalc.vat", "taxcalc.rules.vat"))
    modules = _imported("rules")
    assert not _loaded(modules, (*_HEAVY, "taxcalc.vat", "taxcalc.rules.vat"))


def test_one_question_imports_its_own_rules_only():
    modules = _imported("vat", "rate", "standard", "--on", "2019-04-01")
    assert "taxcalc.rules.vat" in modules
    assert not _loaded(modules, _HEAVY)


@pytest.mark.parametrize(
    "argv",
    [
        "vat rate standard --on 2019-04-01",
        "eit loss-window 2013 --qualified 2018",
        "export refund --period 2019-08 --fob 100 --levy-rate 13% --rebate-rate 13%",
        "export trader-refund --amount 10000 --purchase-rate 13% --on 2019-08-01 --rebate-rate 13%",
    ],
)
def test_json_answers_carry_the_provenance(capsys, argv):
    assert main([*argv.split(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["provenance"] == rules.provenance() and data["provenance"]["taxcalc"] == taxcalc.__version__


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in rules.RULES if r.from_file])
def test_a_rule_given_a_file_answers_its_example(capsys, tmp_path, rule):
    path = tmp_path / "input.json"
    path.write_text(json.dumps(rule.load().example), "utf-8")
    assert main([*rule.command, str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["steps"] and "provenance" in data
    assert main([*rule.command, str(path), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("1. ")


def test_a_bad_input_file_is_one_line_per_problem(capsys, tmp_path):
    path = tmp_path / "losses.toml"
    path.write_text('year = 2018\nincome = 1.5\nqualified_years = ["x"]\n', "utf-8")
    assert main(["eit", "losses", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f'taxcalc: error: {path}: income: a float is not money; write "1.5" (a string)',
                   f"taxcalc: error: {path}: qualified_years[0]: must be a whole number (got 'x')"]


def test_a_float_in_a_file_read_by_a_record_of_its_own_is_named(capsys, tmp_path):
    path = tmp_path / "year.toml"
    path.write_text('year = 2018\nprofit = "800000"\n[rd]\nprojects = [{name = "P", other = 1.5}]\n', "utf-8")
    assert main(["eit", "annual", str(path)]) == 1
    assert capsys.readouterr().err == (
        f'taxcalc: error: {path}: rd.projects[0].other: a float is not money; write "1.5" (a string)\n')


def test_several_bad_options_are_each_named(capsys):
    assert main(["vat", "small-scale", "x", "--on", "2019-13-01", "--goods", "y"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(" (write")[0] for line in err] == [
        "taxcalc: error: sales: 'x' is not an amount of yuan",
        "taxcalc: error: --on: '2019-13-01' is not a date",
        "taxcalc: error: --goods: 'y' is not an amount of yuan"]


def test_a_choice_outside_its_list_is_bad_input_naming_the_option(capsys):
    assert main(["vat", "standard", "--on", "2019-01-01", "--sector", "farming"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("taxcalc: error: --sector: unknown value 'farming'") and err.count("\n") == 1


@pytest.mark.parametrize("amount", ["1234,50", "1,234.50", "2.15e6", "2_150_000", "１２３", "-0.5"])
def test_an_amount_is_read_in_the_one_grammar_never_changed(capsys, amount):
    # the command line reads amounts as a JSON document does: "1234,50" is refused, never read as 123450
    assert main(["vat", "invoice", amount, "--band", "standard", "--on", "2019-04-01"]) == 1
    assert capsys.readouterr().err.startswith("taxcalc: error: amount: ")
