"""The ``taxcalc`` command.

Each sub-command lives in its own module here and registers itself through
``add_parser``.  Exit status: 0 answered; 1 the question could not be answered
(each problem on its own line on stderr, naming the field, never a traceback);
2 the command line is wrong (argparse usage error).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import TaxcalcError
from .common import error_line

__all__ = ["main"]

#: Sub-command modules, in the order ``taxcalc --help`` lists them.
SUBCOMMANDS: tuple[str, ...] = ("report", "law", "vat", "eit", "export")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="taxcalc",
        description="Chinese enterprise tax rules and the benefit of each policy, exact and cited.",
        epilog="Start with: taxcalc report  (the built-in example).  Every question takes "
        "--lang zh|en, --json, --known-on DATE and --what-if KEY=VALUE.  Exit status: 0 answered, "
        "1 bad input or a date outside the law data, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"{__name__}.{name}")
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        text: str = args.func(args)
    except TaxcalcError as exc:
        problems = getattr(exc, "problems", None)
        where = getattr(args, "file", None)
        prefix = f"taxcalc: error: {where}: " if problems and where else "taxcalc: error: "
        for line in (problems or (error_line(exc, args),)):
            print(f"{prefix}{line}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"taxcalc: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
