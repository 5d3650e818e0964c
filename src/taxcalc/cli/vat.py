"""``taxcalc vat``: VAT rates, invoice lines and the small-scale regime, one question per command.

Every command prints the answer, then the explained steps with their
citations; ``--json`` prints the whole result (amounts as strings) and
``--lang en`` switches the labels to English.
"""

from __future__ import annotations

import argparse
from typing import Any

from .. import vat
from ..explain import Explained, format_value
from ..text import render_table
from .common import (
    WIDTH,
    add_law_options,
    add_output_options,
    chosen_law,
    dump_json,
    fit,
    name_fields,
)

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "vat",
        help="VAT: rates by band, invoice lines, agricultural deduction, the small-scale regime",
        description="VAT (增值税) rules, one question per command.  Dates are YYYY-MM-DD; "
        "amounts are yuan, e.g. 1234.56.",
    )
    add_output_options(p)  # also accepted before the question: taxcalc vat --json rate …
    cmds = p.add_subparsers(dest="vat_command", metavar="QUESTION")
    cmds.required = True

    c = cmds.add_parser("bands", help="list the VAT bands (and their rates on a date)")
    c.add_argument("--on", metavar="DATE", help="show each band's rate on DATE")
    _output_options(c)
    c.set_defaults(func=_bands)
    name_fields(c)

    c = cmds.add_parser("rate", help="the rate of a band on the day the liability arises")
    c.add_argument("band", help="a band, e.g. standard, low_rate_goods, transport (see: taxcalc vat bands)")
    c.add_argument("--on", metavar="DATE", required=True, help="the day the VAT liability arises")
    _output_options(c)
    c.set_defaults(func=_rate)
    name_fields(c)

    c = cmds.add_parser("replacement", help="the rate that replaced an old rate by a date")
    c.add_argument("old_rate", help="the old rate, e.g. 17%% or 0.17")
    c.add_argument("--on", metavar="DATE", required=True, help="the day to find the replacing rate for")
    c.add_argument("--applied-on", metavar="DATE", help="a day the old rate applied to the item")
    _output_options(c)
    c.set_defaults(func=_replacement)
    name_fields(c)

    c = cmds.add_parser("invoice-rate", help="the rate on an invoice issued after a rate change")
    c.add_argument("band", help="the band of the sale, e.g. standard (see: taxcalc vat bands)")
    c.add_argument("--liability", metavar="DATE", required=True, help="the day the liability arose")
    c.add_argument("--invoice", metavar="DATE", required=True, help="the invoice day")
    _output_options(c)
    c.set_defaults(func=_invoice_rate)
    name_fields(c, liability_date="liability", invoice_date="invoice")

    c = cmds.add_parser("invoice", help="split an invoice line into 金额 and 税额")
    c.add_argument("amount", help="含税金额 (tax included), or 金额 with --net")
    c.add_argument("--band", required=True, help="the band of the line, e.g. standard (see: taxcalc vat bands)")
    c.add_argument("--on", metavar="DATE", required=True, help="the day the VAT liability arises")
    c.add_argument("--net", action="store_true", help="AMOUNT excludes tax (金额); add the tax to it")
    _output_options(c)
    c.set_defaults(func=_invoice)
    name_fields(c)

    c = cmds.add_parser("agri", help="input VAT on farm produce from its purchase price")
    c.add_argument("price", help="the purchase price (买价)")
    c.add_argument("--on", metavar="DATE", required=True, help="the purchase day")
    c.add_argument("--top-rate", action="store_true", help="produce used to make top-rate goods")
    _output_options(c)
    c.set_defaults(func=_agri)
    name_fields(c, purchase_price="price", for_top_rate_goods="top_rate")

    c = cmds.add_parser("standard", help="the small-scale standard; with --sales, whether general registration is due")
    c.add_argument("--on", metavar="DATE", required=True, help="the day to apply the standard on")
    c.add_argument("--sector", required=True, choices=vat.SECTORS,
                   help="production (goods, processing and repair), commerce, or services (营改增)")
    c.add_argument("--sales", metavar="AMOUNT", help="annual taxable sales")
    _output_options(c)
    c.set_defaults(func=_standard)
    name_fields(c, annual_sales="sales")

    c = cmds.add_parser("reregister", help="may a general taxpayer re-register as small-scale (转登记)")
    c.add_argument("sales", nargs="+", help="sales of each period before the day, oldest first")
    c.add_argument("--on", metavar="DATE", required=True, help="the re-registration day")
    c.add_argument("--period", choices=("month", "quarter"), default="month",
                   help="the tax period the sales are given by (default: month)")
    c.add_argument("--registered-under", choices=("regulations", "pilot"), default="regulations",
                   help="registered as general taxpayer under the VAT regulations (default) or the "
                   "营改增 pilot")
    _output_options(c)
    c.set_defaults(func=_reregister)
    name_fields(c, sales_by_period="sales")

    c = cmds.add_parser("small-scale", help="a small-scale taxpayer's VAT for a month or quarter")
    c.add_argument("sales", help="tax-exclusive sales of the period")
    c.add_argument("--on", metavar="DATE", required=True, help="the first day of the period")
    c.add_argument("--period", choices=("month", "quarter"), default="month",
                   help="a month or a quarter (default: month)")
    c.add_argument("--goods", metavar="AMOUNT", help="sales of goods and processing/repair (2018)")
    c.add_argument("--services", metavar="AMOUNT", help="sales of services and intangibles (2018)")
    c.add_argument("--real-estate", metavar="AMOUNT", default="0", help="of SALES, sales of immovable property")
    _output_options(c)
    c.set_defaults(func=_small_scale)
    name_fields(c, period_start="on", goods_sales="goods", services_sales="services",
                real_estate_sales="real_estate")


def _output_options(parser: argparse.ArgumentParser) -> None:
    """``--json`` and ``--lang`` after the question (unset, they keep the values given
    before it), and ``--known-on`` / ``--what-if`` for the law applied."""
    add_law_options(parser)
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON (amounts as strings)")
    parser.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                        help="language of labels (default: zh)")


def _out(args: argparse.Namespace, result: Explained, zh: str, en: str) -> str:
    if args.json:
        return dump_json(result.as_dict())
    head = en if args.lang == "en" else zh
    return fit(f"{head}\n{result.explain(args.lang)}")


def _pct(x: object) -> str:
    return format_value(x, "rate")


def _yuan(x: object) -> str:
    return format_value(x, "yuan")


def _yes(x: object, lang: str) -> str:
    return format_value(x, "bool", lang)


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


def _rate(args: argparse.Namespace) -> str:
    r = vat.vat_rate(args.band, args.on, law=chosen_law(args))
    return _out(args, r, f"{r.band} {r.on}：税率 {_pct(r.rate)}", f"{r.band} on {r.on}: rate {_pct(r.rate)}")


def _replacement(args: argparse.Namespace) -> str:
    r = vat.replacement_rate(args.old_rate, args.on, applied_on=args.applied_on, law=chosen_law(args))
    return _out(args, r, f"原适用{_pct(r.old_rate)}，{r.on}适用 {_pct(r.rate)}",
                f"{_pct(r.old_rate)} became {_pct(r.rate)} by {r.on}")


def _invoice_rate(args: argparse.Namespace) -> str:
    r = vat.invoice_rate(args.band, args.liability, args.invoice, law=chosen_law(args))
    return _out(args, r, f"发票税率 {_pct(r.rate)}", f"rate on the invoice: {_pct(r.rate)}")


def _invoice(args: argparse.Namespace) -> str:
    r = vat.invoice_line(args.amount, args.band, args.on, tax_inclusive=not args.net, law=chosen_law(args))
    return _out(args, r,
                f"金额 {_yuan(r.net)}  税率 {_pct(r.rate)}  税额 {_yuan(r.tax)}  价税合计 {_yuan(r.gross)}",
                f"net {_yuan(r.net)}  rate {_pct(r.rate)}  VAT {_yuan(r.tax)}  total {_yuan(r.gross)}")


def _agri(args: argparse.Namespace) -> str:
    r = vat.agricultural_input_tax(args.price, args.on, for_top_rate_goods=args.top_rate, law=chosen_law(args))
    return _out(args, r, f"进项税额 {_yuan(r.input_tax)}（扣除率 {_pct(r.rate)}）",
                f"input VAT {_yuan(r.input_tax)} (deduction rate {_pct(r.rate)})")


def _standard(args: argparse.Namespace) -> str:
    if args.sales is None:
        s = vat.small_scale_standard(args.on, args.sector, law=chosen_law(args))
        return _out(args, s, f"小规模纳税人标准：年应征增值税销售额 {_yuan(s.limit)} 及以下",
                    f"small-scale up to and including annual taxable sales of {_yuan(s.limit)}")
    g = vat.must_register_general(args.sales, args.on, args.sector, law=chosen_law(args))
    return _out(args, g, f"应当登记为一般纳税人：{_yes(g.must_register, 'zh')}",
                f"must register as a general taxpayer: {_yes(g.must_register, 'en')}")


def _reregister(args: argparse.Namespace) -> str:
    r = vat.may_reregister(args.sales, args.on, period=args.period, registered_under=args.registered_under,
                           law=chosen_law(args))
    return _out(args, r, f"可以转登记为小规模纳税人：{_yes(r.eligible, 'zh')}",
                f"may re-register as small-scale: {_yes(r.eligible, 'en')}")


def _small_scale(args: argparse.Namespace) -> str:
    r = vat.small_scale_vat(
        args.sales, args.on, period=args.period, goods_sales=args.goods,
        services_sales=args.services, real_estate_sales=args.real_estate, law=chosen_law(args),
    )
    return _out(args, r,
                f"免征：{_yes(r.exempt, 'zh')}  应纳税额 {_yuan(r.tax_due)}",
                f"exempt: {_yes(r.exempt, 'en')}  VAT due {_yuan(r.tax_due)}")
