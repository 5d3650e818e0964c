"""The command line as a whole: every sub-command has a help text and the shared
options, ``--version`` works, and errors never show a traceback."""

from __future__ import annotations

import argparse
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
    assert result.stderr == f'taxcalc: error: {path}: rd.expensed: a float is not money; write "1.5"\n'
