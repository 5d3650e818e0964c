"""``taxcalc report``: what the law gives one enterprise in one tax year, policy by policy."""

from __future__ import annotations

import argparse
import difflib
from typing import Any

from ..datafile import check_encoding
from ..errors import InvalidInput
from ..report import EXAMPLES, build_report, example, example_text, load, render
from ..report.context import resolve_catalogue
from ..report.input import json_schema
from . import HAND_WRITTEN
from .common import (
    add_file_options,
    add_law_options,
    add_output_options,
    dump_json,
    file_options,
    law_options,
)

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "report",
        help=HAND_WRITTEN["report"][0],
        description=HAND_WRITTEN["report"][1],
        epilog="The input format is described in docs/report.md; start from the example: "
        "taxcalc report --print-example > mine.toml",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="the facts, a .toml or .json file")
    p.add_argument("--example", metavar="NAME", default=None,
                   help="the built-in example to report on (without FILE) or print (--print-example): "
                   f"{', '.join(EXAMPLES)} (default: {next(iter(EXAMPLES))})")
    p.add_argument("--print-example", action="store_true",
                   help="print the built-in example input (TOML) and stop")
    p.add_argument("--schema", action="store_true",
                   help="print the input format as a JSON Schema and stop")
    p.add_argument("--catalogue", metavar="FILE",
                   help="the export rebate-rate catalogue (.csv or .toml, or 'sample' for the shipped "
                   "SAMPLE); replaces the input's catalogue field")
    p.add_argument("--catalogue-encoding", metavar="NAME",
                   help="the encoding the catalogue file is saved in (default: UTF-8, with or without a "
                   "byte-order mark); e.g. gb18030, which covers GBK. --max-size applies to it too")
    p.add_argument("--html", metavar="OUT",
                   help="write the report as one self-contained HTML page with charts to OUT (in --lang); "
                   "needs the extra: pip install 'taxcalc-cn[html]'")
    add_file_options(p)
    add_law_options(p)
    add_output_options(p)
    p.set_defaults(func=run)


def _example_name(args: argparse.Namespace) -> str:
    """The built-in example chosen (the default when none is named); an unknown name is refused."""
    name: str | None = getattr(args, "example", None)
    if name is None:
        return next(iter(EXAMPLES))
    if name not in EXAMPLES:
        close = difflib.get_close_matches(name, EXAMPLES, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise InvalidInput("--example", f"unknown example '{name}'; {hint}expected one of: {', '.join(EXAMPLES)}")
    return name


def run(args: argparse.Namespace) -> str:
    html = getattr(args, "html", None)
    if html is not None and (args.json or args.print_example or args.schema):
        other = "--json" if args.json else "--print-example" if args.print_example else "--schema"
        raise InvalidInput("--html", f"cannot be given with {other}")
    if html is not None and not html.strip():
        raise InvalidInput("--html", "needs a file name")
    name = _example_name(args)
    if args.print_example or args.schema:
        option = "--print-example" if args.print_example else "--schema"
        if args.file:
            raise InvalidInput(option, "takes no FILE")
        if args.schema and args.example is not None:
            raise InvalidInput("--example", "cannot be given with --schema")
        return example_text(name) if args.print_example else dump_json(json_schema())
    options = file_options(args)
    if args.file:
        if args.example is not None:
            raise InvalidInput("--example", "is for the built-in examples; give either FILE or --example")
        facts = load(args.file, **options)
    else:
        if args.encoding:
            raise InvalidInput("--encoding", "is for a FILE; the built-in example needs none")
        facts = example(name)
    known_on, what_if = law_options(args)
    # The catalogue file (--catalogue, or the one the input names) is read like FILE: strictly, in its encoding.
    encoding = getattr(args, "catalogue_encoding", None)
    catalogue = resolve_catalogue(facts, args.catalogue,
                                  encoding=check_encoding(encoding, "--catalogue-encoding") if encoding else None,
                                  max_bytes=options["max_bytes"])
    report = build_report(facts, known_on=known_on, what_if=what_if, catalogue=catalogue)
    if html is not None:
        from ..report.html import write_html

        return f"wrote {write_html(report, html, args.lang)}"
    if args.json:
        return dump_json(report.as_dict())
    return render(report, args.lang)
