"""The command line as a whole: every sub-command has a help text and the shared
options, ``--version`` works, and errors never show a traceback."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from taxcalc import __version__
from taxcalc.cli import SUBCOMMANDS, build_parser, main


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no sub-commands")


def test_every_subcommand_is_registered_with_a_help_text():
    parser = build_parser()
    subs = _subparsers(parser)
    assert list(subs) == list(SUBCOMMANDS)
    helps = parser.format_help()
    for name, sub in subs.items():
        assert sub.description, name
        assert name in helps


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_takes_json_and_lang(name):
    sub = _subparsers(build_parser())[name]
    options = {o for a in sub._actions for o in a.option_strings}
    assert {"--json", "--lang"} <= options
    lang = next(a for a in sub._actions if "--lang" in a.option_strings)
    assert lang.choices == ("zh", "en") and lang.default == "zh"


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"taxcalc {__version__}"


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2 and "usage: taxcalc" in capsys.readouterr().err


def test_the_installed_command_runs_the_example():
    result = subprocess.run([sys.executable, "-m", "taxcalc", "report", "--lang", "en"],
                            capture_output=True, text=True, check=False, encoding="utf-8")
    assert result.returncode == 0 and result.stdout.startswith("Tax benefit report, 2018")


def test_a_bad_file_from_the_shell_has_no_traceback(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": 1, "year": 2018, "enterprise": {"name": "x"}, "rd": {"expensed": 1.5}}')
    result = subprocess.run([sys.executable, "-m", "taxcalc", "report", str(path)],
                            capture_output=True, text=True, check=False, encoding="utf-8")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == f'taxcalc: error: {path}: rd.expensed: a float is not money; write "1.5" (a string)\n'


def _questions() -> list[tuple[str, argparse.ArgumentParser]]:
    """Every parser that answers a question: ``report``, ``law`` and each ``vat``/``eit``/``export`` question."""
    out = []
    for name, sub in _subparsers(build_parser()).items():
        try:
            inner = _subparsers(sub)
        except AssertionError:
            out.append((name, sub))
            continue
        out.extend((f"{name} {q}", p) for q, p in inner.items())
    return out


QUESTIONS = _questions()


@pytest.mark.parametrize(("name", "parser"), QUESTIONS, ids=[n for n, _ in QUESTIONS])
def test_every_question_takes_the_same_shared_options(name, parser):
    options = {o for a in parser._actions for o in a.option_strings}
    assert {"--json", "--lang", "--known-on", "--what-if"} <= options, name


@pytest.mark.parametrize(("name", "parser"), QUESTIONS, ids=[n for n, _ in QUESTIONS])
def test_every_option_and_argument_says_what_it_is(name, parser):
    silent = [a.option_strings or a.dest for a in parser._actions if not a.help]
    assert not silent, (name, silent)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ("eit equipment 1 --kind machinery --acquired x --in-use 2018-01-01", "--acquired: 'x' is not a date"),
        ("eit loss-window 2013 --qualified 1900", "--qualified: 1900 is not a plausible tax year"),
        ("vat small-scale 1 --on 2019-01-01 --goods x", "--goods: 'x' is not an amount of yuan"),
        ("vat small-scale 1 --on 2019-13-01", "--on: '2019-13-01' is not a date"),
        ("vat reregister 100 x --on 2018-06-01", "sales[1]: 'x' is not an amount of yuan"),
        ("vat invoice-rate standard --liability x --invoice 2019-01-01", "--liability: 'x' is not a date"),
        ("vat standard --on 2019-01-01 --sector production --sales x", "--sales: 'x' is not an amount of yuan"),
        ("export refund --period 2019-08 --fob x --levy-rate 13% --rebate-rate 10%", "--fob: 'x' is not an amount of yuan"),
        ("export refund --period 2019-08 --fob 1 --levy-rate 13% --rebate-rate 10% --output-tax x",
         "--output-tax: 'x' is not an amount of yuan"),
        ("export refund --period 2019-13 --fob 1 --levy-rate 13% --rebate-rate 10%",
         '--period: \'2019-13\' is not a month (write "YYYY-MM")'),
        ("export trader-refund --amount 1 --purchase-rate x --on 2019-08-01 --rebate-rate 13%",
         "--purchase-rate: 'x' is not a rate"),
        ("export excess-credit-2018 --grid --rating Z --registered 2014-01-01 --listed 1 --total 9 "
         "--prior-credit 5 --credit-2017 4 --applied 2018-08-01", "--rating: unknown value 'Z'"),
        ("export excess-credit-2018 --grid --rating A --registered x --listed 1 --total 9 "
         "--prior-credit 5 --credit-2017 4 --applied 2018-08-01", "--registered: 'x' is not a date"),
    ],
)
def test_errors_name_the_option_the_value_came_from(capsys, argv, message):
    code = main(argv.split())
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("taxcalc: error: ") and message in err, err


def test_export_questions_read_the_law_as_known_on_a_day(capsys):
    # On 2018-12-31 the 2019 cut (2019年第39号) was not yet published: 16% carried on after
    # the transition that ended on 2019-06-30.
    assert main(["export", "rate", "9901000010", "--on", "2019-07-01", "--sample", "--known-on", "2018-12-31",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rate"] == "0.16"
    assert main(["export", "rate", "9901000010", "--on", "2019-07-01", "--sample", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rate"] == "0.13"


def test_law_shows_a_what_if_value_as_supplied(capsys):
    assert main(["law", "vat.rate.standard", "--on", "2019-04-01", "--what-if", "vat.rate.standard=15%",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["value"], data["doc"]) == ("0.15", "假设 what-if")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ("eit small-profit 100 --year abc", "--year: 'abc' is not a year (write e.g. 2018)"),
        ("eit rd-ratio --year 20x2", "--year: '20x2' is not a year"),
        ("eit loss-window 20x3", "YEAR: '20x3' is not a year"),
        ("eit loss-window 1900", "YEAR: 1900 is not a plausible tax year"),
        ("eit loss-window 2013 --qualified x", "--qualified: 'x' is not a year"),
    ],
)
def test_a_year_that_is_not_a_year_is_bad_input_not_a_usage_error(capsys, argv, message):
    code = main(argv.split())
    err = capsys.readouterr().err
    assert code == 1 and err.startswith(f"taxcalc: error: {message}") and err.count("\n") == 1
