"""``taxcalc vat bands``: the VAT bands and their rates on a day (a listing, not a rule).

The VAT questions themselves are rules, made from the registry by
:mod:`taxcalc.cli.questions`.
"""

from __future__ import annotations

import argparse
from typing import Any

from .. import vat
from ..explain import format_value
from ..text import render_table
from .common import (
    WIDTH,
    add_law_options,
    chosen_law,
    dump_json,
    name_fields,
)
from .groups import EXTRA

__all__ = ["add_parser"]


def add_parser(cmds: Any) -> None:
    """``taxcalc vat bands`` (the other VAT questions are rules: :mod:`taxcalc.cli.questions`)."""
    c = cmds.add_parser("bands", help=EXTRA["vat"]["bands"][1])
    c.add_argument("--on", metavar="DATE", help="show each band's rate on DATE")
    _output_options(c)
    c.set_defaults(func=_bands)
    name_fields(c)


def _output_options(parser: argparse.ArgumentParser) -> None:
    """``--json`` and ``--lang`` after the question (unset, they keep the values given
    before it), and ``--known-on`` / ``--what-if`` for the law applied."""
    add_law_options(parser)
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON (amounts as strings)")
    parser.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                        help="language of labels (default: zh)")


def _pct(x: object) -> str:
    return format_value(x, "rate")


def _bands(args: argparse.Namespace) -> str:
    data = chosen_law(args)
    rows = []
    for band in vat.bands(law=data):
        spec = data.spec("vat.rate." + band)
        row: dict[str, Any] = {"band": band, "zh": spec.zh.removeprefix("增值税税率："),
                               "en": spec.en.removeprefix("VAT rate: "), "from": spec.first.isoformat()}
        if args.on:
            try:
                row["rate"] = str(vat.vat_rate(band, args.on, law=data).rate)
            except LookupError:
                row["rate"] = None
        rows.append(row)
    if args.json:
        return dump_json(rows)
    en = args.lang == "en"
    head = ["band", "name", "VAT since"] if en else ["税目", "名称", "起征增值税"]
    if args.on:
        head.append(f"rate on {args.on}" if en else f"{args.on}税率")
    table = []
    for r in rows:
        line = [r["band"], r["en"] if en else r["zh"], r["from"]]
        if args.on:
            line.append("—" if r["rate"] is None else _pct(vat.vat_rate(r["band"], args.on, law=data).rate))
        table.append(line)
    return render_table(head, table, right=(3,) if args.on else (), width=WIDTH, fixed=(0, 2))
