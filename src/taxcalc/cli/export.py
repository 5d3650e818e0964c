"""``taxcalc export``: one-shot export-rebate questions.

* ``taxcalc export rate CODE --on DATE (--catalogue FILE | --sample)`` — the rebate rate;
* ``taxcalc export refund --period YYYY-MM --fob AMOUNT --levy-rate R --rebate-rate R …`` —
  a manufacturer's month of 免抵退 (one export line);
* ``taxcalc export trader-refund --amount AMOUNT --purchase-rate R --on DATE …`` — 免退 of
  one purchase line;
* ``taxcalc export excess-credit-2018 …`` — the 2018 refund of excess input credits.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import Any

from ..errors import InvalidInput
from ..explain import Explained, format_value
from ..export import (
    EXPORTERS,
    Catalogue,
    ExemptCreditRefundInput,
    ExportLine,
    PurchaseLine,
    excess_credit_refund_2018,
    exempt_credit_refund,
    exempt_refund,
    rebate_rate,
)
from ..money import date_arg, month_arg
from .common import add_law_options, add_output_options, chosen_law, dump_json, fit, name_fields

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "export",
        help="export VAT rebates: rebate rates, 免抵退, 免退, the 2018 excess-credit refund",
        description="Export VAT rebates (出口退税), one question at a time.",
    )
    add_output_options(p)  # `taxcalc export --json rate …` as well as `taxcalc export rate … --json`
    cmds = p.add_subparsers(dest="export_command", metavar="QUESTION")
    cmds.required = True

    r = cmds.add_parser("rate", help="the rebate rate of a product on an export date",
                        description="The rebate rate of a product code on an export date, from a "
                        "catalogue and the law's general tier rules.")
    r.add_argument("code", help="product code, 8 or 10 digits")
    r.add_argument("--on", required=True, metavar="DATE", help="export date on the customs declaration")
    _catalogue_options(r)
    r.add_argument("--exporter", choices=EXPORTERS, default="manufacturer",
                   help="manufacturer (免抵退, default) or trader (免退)")
    r.add_argument("--service", action="store_true",
                   help="a cross-border taxable service (the date is the invoice date)")
    r.add_argument("--purchase-rate", metavar="RATE", help="trader: VAT rate on the purchase invoice")
    r.add_argument("--collection-rate", metavar="RATE", help="trader: small-scale seller's collection rate")
    r.add_argument("--levy-rate", metavar="RATE", help="the product's VAT rate on the export date")
    _output_options(r)
    r.set_defaults(func=_rate)
    name_fields(r, export_date="on", purchase_vat_rate="purchase_rate",
                supplier_collection_rate="collection_rate")

    f = cmds.add_parser("refund", help="a manufacturer's month of 免抵退 (one export line)",
                        description="免抵退 for one month and one pair of rates.")
    f.add_argument("--period", required=True, metavar="YYYY-MM", help="the tax period (所属期)")
    f.add_argument("--fob", required=True, metavar="AMOUNT", help="FOB value (离岸价), in the invoice currency")
    f.add_argument("--exchange-rate", default="1", metavar="RATE", help="rate to yuan (default 1: FOB in yuan)")
    f.add_argument("--levy-rate", required=True, metavar="RATE", help="征税率, e.g. 13%%")
    f.add_argument("--rebate-rate", required=True, metavar="RATE", help="退税率, e.g. 13%%")
    f.add_argument("--exempt-materials", default="0", metavar="AMOUNT", help="duty-free domestic materials")
    f.add_argument("--bonded-materials", default="0", metavar="AMOUNT",
                   help="进料加工 bonded imports (composite taxable value)")
    f.add_argument("--output-tax", default="0", metavar="AMOUNT", help="当期内销货物的销项税额")
    f.add_argument("--input-tax", default="0", metavar="AMOUNT", help="当期进项税额")
    f.add_argument("--opening-credit", default="0", metavar="AMOUNT", help="上期留抵税额")
    _output_options(f)
    f.set_defaults(func=_refund)
    name_fields(f, domestic_output_tax="output_tax")

    t = cmds.add_parser("trader-refund", help="免退 of one purchase line of a foreign-trade enterprise",
                        description="免退: refund = purchase amount × rebate rate.")
    t.add_argument("--amount", required=True, metavar="AMOUNT", help="amount on the special invoice (or customs value)")
    t.add_argument("--purchase-rate", required=True, metavar="RATE", help="VAT rate on the purchase invoice")
    t.add_argument("--on", required=True, metavar="DATE", help="export date on the customs declaration")
    t.add_argument("--rebate-rate", metavar="RATE", help="the rebate rate (or give --code and a catalogue)")
    t.add_argument("--code", metavar="CODE", help="product code to look the rate up")
    _catalogue_options(t, required=False)
    t.add_argument("--collection-rate", metavar="RATE", help="small-scale seller's collection rate")
    t.add_argument("--customs", action="store_true", help="the base is a customs import VAT certificate")
    _output_options(t)
    t.set_defaults(func=_trader_refund)
    name_fields(t, export_date="on", purchase_vat_rate="purchase_rate",
                supplier_collection_rate="collection_rate")

    e = cmds.add_parser("excess-credit-2018", help="the 2018 refund of excess input credits (财税〔2018〕70号)",
                        description="财税〔2018〕70号: eligibility, refund ratio and refund.")
    who = e.add_mutually_exclusive_group(required=True)
    who.add_argument("--industry", metavar="INDUSTRY",
                     help="industry division on the tax registration, e.g. 专用设备制造业")
    who.add_argument("--grid", action="store_true", help="a grid company with a transmission or supply licence")
    e.add_argument("--rating", required=True, metavar="RATING", help="tax credit rating (A, B, M, C, D)")
    e.add_argument("--registered", required=True, metavar="DATE", help="tax registration date")
    e.add_argument("--listed", required=True, metavar="AMOUNT",
                   help="deducted input VAT on special invoices, customs and withholding certificates")
    e.add_argument("--total", required=True, metavar="AMOUNT", help="all deducted input VAT in the same period")
    e.add_argument("--prior-credit", required=True, metavar="AMOUNT",
                   help="excess credit at the end of the period before the application")
    e.add_argument("--credit-2017", required=True, metavar="AMOUNT", help="excess credit at the end of 2017")
    e.add_argument("--applied", required=True, metavar="DATE", help="application date")
    _output_options(e)
    e.set_defaults(func=_excess)
    name_fields(e, credit_rating="rating", registered_on="registered", listed_input_tax="listed",
                total_input_tax="total", prior_period_end_credit="prior_credit",
                end_2017_credit="credit_2017", applied_on="applied", grid_company="grid")


def _output_options(p: argparse.ArgumentParser) -> None:
    """``--known-on`` / ``--what-if`` for the law applied, and ``--json`` / ``--lang`` on a
    question too; without a default, so the value given before the question is kept."""
    add_law_options(p)
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON (amounts as strings)")
    p.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                   help="language of labels (default: zh)")


def _catalogue_options(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    g = p.add_mutually_exclusive_group(required=required)
    g.add_argument("--catalogue", metavar="FILE", help="a catalogue file (.csv or .toml)")
    g.add_argument("--sample", action="store_true", help="use the SAMPLE catalogue shipped with taxcalc (not official)")


def _catalogue(args: argparse.Namespace) -> Catalogue | None:
    if getattr(args, "sample", False):
        return Catalogue.sample()
    if getattr(args, "catalogue", None):
        return Catalogue.load(args.catalogue)
    return None


def _output(args: argparse.Namespace, result: Explained, headline: list[str]) -> str:
    if args.json:
        return dump_json(result.as_dict())
    return fit("\n".join([*headline, "", result.explain(args.lang)]))


def _rate(args: argparse.Namespace) -> str:
    cat = _catalogue(args)
    assert cat is not None
    r = rebate_rate(
        args.code, date_arg(args.on, "--on"), catalogue=cat, exporter=args.exporter,
        kind="service" if args.service else "goods", purchase_vat_rate=args.purchase_rate,
        supplier_collection_rate=args.collection_rate, levy_rate=args.levy_rate, law=chosen_law(args),
    )
    en = args.lang == "en"
    head = [f"{r.code} {r.export_date}: {format_value(r.rate, 'rate')}"
            + (" (transition)" if en and r.transition else "（过渡期）" if r.transition else "")]
    if cat.is_sample:
        head.append("SAMPLE catalogue: illustrative rates, not official" if en else "示例目录：仅作演示，并非官方退税率")
    for a in r.assumptions if en else r.assumptions_zh:
        head.append(("assumes: " if en else "假设：") + a)
    return _output(args, r, head)


def _period(text: str) -> _dt.date:
    return month_arg(text, "--period")  # "YYYY-MM" or a day of the month


def _refund(args: argparse.Namespace) -> str:
    month = ExemptCreditRefundInput(
        period=_period(args.period),
        exports=(ExportLine(
            fob=args.fob, exchange_rate=args.exchange_rate, levy_rate=args.levy_rate,
            rebate_rate=args.rebate_rate, exempt_materials=args.exempt_materials,
            bonded_materials=args.bonded_materials,
        ),),
        domestic_output_tax=args.output_tax, input_tax=args.input_tax, opening_credit=args.opening_credit,
    )
    r = exempt_credit_refund(month, law=chosen_law(args))
    en = args.lang == "en"
    sep = ": " if en else "："
    head = [
        f"{'refund' if en else '应退税额'}{sep}{format_value(r.refund, 'yuan')}  "
        f"{'exempt and credited' if en else '免抵税额'}{sep}{format_value(r.exempt_credit, 'yuan')}  "
        f"{'credit carried' if en else '留抵结转'}{sep}{format_value(r.credit_carried, 'yuan')}"
    ]
    return _output(args, r, head)


def _trader_refund(args: argparse.Namespace) -> str:
    if (args.rebate_rate is None) == (args.code is None):
        raise InvalidInput("--rebate-rate", "give either --rebate-rate or --code with a catalogue")
    cat = _catalogue(args)
    line = PurchaseLine(
        amount=args.amount, purchase_vat_rate=args.purchase_rate, export_date=args.on,
        rebate_rate=args.rebate_rate, code=args.code, supplier_collection_rate=args.collection_rate,
        basis="customs" if args.customs else "invoice",
    )
    r = exempt_refund([line], catalogue=cat, law=chosen_law(args))
    en = args.lang == "en"
    head = [f"refund: {format_value(r.total, 'yuan')}" if en else f"应退税额：{format_value(r.total, 'yuan')}"]
    return _output(args, r.lines[0], head)


def _excess(args: argparse.Namespace) -> str:
    r = excess_credit_refund_2018(
        industry=args.industry, grid_company=args.grid, credit_rating=args.rating,
        registered_on=args.registered, listed_input_tax=args.listed, total_input_tax=args.total,
        prior_period_end_credit=args.prior_credit, end_2017_credit=args.credit_2017, applied_on=args.applied,
        law=chosen_law(args),
    )
    en = args.lang == "en"
    head = [(f"refund: {format_value(r.refund, 'yuan')}" if en else f"退还留抵税额：{format_value(r.refund, 'yuan')}")
            + ("" if r.eligible else (" (not eligible)" if en else "（不符合条件）"))]
    return _output(args, r, head)
