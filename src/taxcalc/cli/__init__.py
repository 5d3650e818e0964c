"""The ``taxcalc`` command.

Each sub-command lives in its own module here and registers itself through
``add_parser``.  Errors print one line on stderr and exit with status 1; usage
errors exit with status 2 (argparse); a traceback is never shown.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ..errors import TaxcalcError

__all__ = ["main"]

#: Sub-command modules, in the order ``taxcalc --help`` lists them.
SUBCOMMANDS: tuple[str, ...] = ("law", "export")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="taxcalc",
        description="Chinese enterprise tax rules and the benefit of each policy, exact and cited.",
    )
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
        print(f"taxcalc: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"taxcalc: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
