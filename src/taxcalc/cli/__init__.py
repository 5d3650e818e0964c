"""The ``taxcalc`` command.

The rule questions (``taxcalc vat rate …``, ``taxcalc eit …``, ``taxcalc export …``)
are made from the rule registry (:mod:`taxcalc.rules`) by
:mod:`taxcalc.cli.questions`; ``report``, ``law``, ``rules`` and ``vat bands`` are
written by hand.  Only what the command line asks for is built and imported: the
top level lists the commands from plain data, and a question loads its own rule
only.  Exit status: 0 answered; 1 the question could not be answered (each
problem on its own line on stderr, naming the option, never a traceback); 2 the
command line is wrong (argparse usage error).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import TaxcalcError

__all__ = ["main"]

#: Sub-commands, in the order ``taxcalc --help`` lists them.
SUBCOMMANDS: tuple[str, ...] = ("report", "law", "rules", "vat", "eit", "export", "env", "jsonl", "serve",
                                "population")

#: The hand-written sub-commands: their one-line help and their description.
HAND_WRITTEN: dict[str, tuple[str, str]] = {
    "report": (
        "the benefit report of one enterprise for one tax year",
        "Read one enterprise's facts for a tax year (TOML or JSON) and print what the law gives it: "
        "VAT by period, small-scale status, income tax with each preference, export refunds, and the "
        "saving from each policy with its citation (refunds are listed apart).  Without FILE, the "
        "built-in example (a Hebei manufacturer in 2018).",
    ),
    "law": (
        "the law data: list keys, a key's history, or its value on a date",
        "Without KEY, list every key.  With KEY, show its dated values and citations; with --on, the "
        "value in force that day.  --known-on and --what-if show the law as it was known on a day, or "
        "with a value replaced.",
    ),
    "rules": (
        "the rules: each rule's id, summary and command; with --json its schemas and law keys",
        "List the rules of the registry: id, summary and the command that asks it.  With --json, "
        "each rule's input and output JSON Schemas, the law keys it reads and its documentation page.",
    ),
    "jsonl": (
        "answer one rule for each line of JSON on stdin, one JSON answer per line on stdout",
        "Read the input of RULE as one JSON object per line on stdin; write on stdout, line for line, the "
        "result as --json prints it, or an error object with the line number and every problem by field.  "
        "A bad line never stops the run; exit status 1 if any line was refused.",
    ),
    "serve": (
        "the HTTP service: every rule, the report and the law as JSON over HTTP (extra: server)",
        "Serve the rules, the report and the law over HTTP, with an OpenAPI document at /openapi.json.  "
        "Binds 127.0.0.1 unless --host is given; any other address needs a bearer token.  Needs "
        "pip install 'taxcalc-cn[server]'.",
    ),
    "population": (
        "populations: the income tax and the saving of every policy for a table of enterprise-years",
        "Compute a table of enterprise-years (Parquet or CSV; the columns of docs/population.md), or "
        "generate a synthetic one.  Needs the optional extra taxcalc-cn[population].",
    ),
}

#: What the build of the parser is asked for: everything (``ALL``), nothing below a
#: level (``None``), or one name.
ALL = "*"


def _wanted(argv: Sequence[str]) -> tuple[str | None, str | None]:
    """The command and the question ``argv`` asks (``None`` where it names none)."""
    words: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--":
            break
        elif arg.startswith("-"):
            skip = arg == "--lang"  # the one option before a question that takes a value
        else:
            words.append(arg)
            if len(words) == 2:
                break
    return (words[0] if words else None), (words[1] if len(words) > 1 else None)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose help is as wide as argparse makes it, found without :mod:`shutil`.

    argparse makes a help formatter for every option it adds (to check the option's
    metavar), and each asks :func:`shutil.get_terminal_size` for the width; importing
    :mod:`shutil` (with ``bz2``, ``lzma``, ``fnmatch``) costs a few milliseconds of every
    start.  The sub-commands' parsers are of this class too (argparse makes them of the
    class of their parent).
    """

    def _get_formatter(self) -> argparse.HelpFormatter:
        return self.formatter_class(prog=self.prog, width=_help_width())  # type: ignore[call-arg]


def _help_width() -> int:
    """``shutil.get_terminal_size().columns - 2``, the width argparse gives help text: ``COLUMNS``
    when set, else the terminal's width, else 80 columns.

    >>> import shutil
    >>> _help_width() == shutil.get_terminal_size().columns - 2
    True
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns - 2


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser: every sub-command and question when ``argv`` is ``None``; otherwise
    only the parts ``argv`` reaches are built (the others are listed by name and help)."""
    command, question = (ALL, ALL) if argv is None else _wanted(argv)
    parser = _Parser(
        prog="taxcalc",
        description="Chinese enterprise tax rules and the benefit of each policy, exact and cited.",
        epilog="Start with: taxcalc report  (the built-in example).  Every question takes "
        "--lang zh|en, --json, --known-on DATE and --what-if KEY=VALUE.  List the rules: taxcalc rules.  "
        "Exit status: 0 answered, 1 bad input or a date outside the law data, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    from ..rules import GROUPS

    groups = {g.name: g for g in GROUPS}
    for name in SUBCOMMANDS:
        if command not in (ALL, name):
            helps = HAND_WRITTEN.get(name) or (groups[name].help, groups[name].description)
            sub.add_parser(name, help=helps[0], description=helps[1])
        elif name in groups:
            from .groups import add_group

            add_group(sub, groups[name], question)
        else:
            importlib.import_module(f"{__name__}.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    if hasattr(sys.stderr, "reconfigure"):  # a problem quoting a character the terminal lacks still prints
        sys.stderr.reconfigure(errors="backslashreplace")
    try:
        text: str = args.func(args)
    except TaxcalcError as exc:
        from .common import error_line

        problems = getattr(exc, "problems", None)
        where = getattr(args, "file", None)
        prefix = f"taxcalc: error: {where}: " if problems and where else "taxcalc: error: "
        for line in (problems or (error_line(exc, args),)):
            print(f"{prefix}{line}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"taxcalc: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    return _write(text if text.endswith("\n") else text + "\n")


def _write(text: str) -> int:
    """Print the answer; into a file or pipe whose encoding cannot hold it, as UTF-8.

    The answer is never changed to fit (a ``?`` for ``−`` would change what a figure
    says): a terminal that cannot show it gets a message instead (exit 1).
    """
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None or sys.stdout.isatty():
            print(f"taxcalc: error: the output has characters the terminal's encoding "
                  f"({sys.stdout.encoding}) cannot show; set PYTHONIOENCODING=utf-8, or write it to a "
                  "file (it is then UTF-8)", file=sys.stderr)
            return 1
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
