"""``taxcalc eit``: one-shot enterprise income tax questions.

* ``taxcalc eit small-profit INCOME --year 2018 [--employees N --assets X --industrial]``
* ``taxcalc eit rd-ratio --year 2022 [--kind manufacturer]``
* ``taxcalc eit equipment COST --kind machinery --acquired 2018-12-05 --in-use 2018-12-20``
* ``taxcalc eit loss-window 2013 [--qualified 2018]``

Each takes ``--known-on DATE`` (read the law as published on or before DATE),
``--what-if KEY=VALUE`` (replace a law value, e.g.
``eit.small_profit.income_cap=2000000``), ``--json`` (amounts as strings) and
``--lang zh|en`` (also accepted before the question).
"""

from __future__ import annotations

import argparse
from typing import Any

from ..eit import (
    ACQUISITIONS,
    ASSET_KINDS,
    EXTENSIONS,
    KINDS,
    Equipment,
    equipment_schedule,
    loss_window,
    rd_ratio,
    small_profit,
)
from ..explain import format_value
from ..text import render_table
from .common import (
    WIDTH,
    add_law_options,
    add_output_options,
    chosen_law,
    dump_json,
    fit,
    name_fields,
    year_arg,
)

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "eit",
        help="enterprise income tax: small low-profit relief, R&D ratio, equipment, loss windows",
        description="One-shot enterprise income tax (企业所得税) questions, explained and cited.",
    )
    add_output_options(p)  # also accepted before the question: taxcalc eit --json rd-ratio …
    eit = p.add_subparsers(dest="eit_command", metavar="QUESTION")
    eit.required = True

    sp = eit.add_parser("small-profit", help="small low-profit enterprise test and tax (小型微利企业)",
                        description="Test a small low-profit enterprise and compute its tax for a tax year.")
    sp.add_argument("income", help="taxable income of the year after losses (应纳税所得额), yuan")
    sp.add_argument("--year", required=True, metavar="YEAR", help="tax year")
    sp.add_argument("--employees", metavar="N", help="average employees of the year (从业人数)")
    sp.add_argument("--assets", metavar="AMOUNT", help="average total assets of the year (资产总额), yuan")
    sp.add_argument("--industrial", action="store_true", help="an industrial enterprise (工业企业; caps before 2019)")
    sp.add_argument("--restricted", action="store_true", help="in a restricted or prohibited industry")
    _common(sp, _small_profit)

    rd = eit.add_parser("rd-ratio", help="R&D super-deduction ratio of a year (研发费用加计扣除比例)",
                        description="The super-deduction ratio of a tax year for a kind of enterprise.")
    rd.add_argument("--year", required=True, metavar="YEAR", help="tax year")
    rd.add_argument("--kind", action="append", choices=KINDS, default=[],
                    help="kind of enterprise (repeatable; general always applies)")
    _common(rd, _rd_ratio, kinds="kind")

    eq = eit.add_parser("equipment", help="one-time deduction or depreciation of an asset (设备、器具)",
                        description="The year-by-year tax deductions of an asset, one-time and straight-line.")
    eq.add_argument("cost", help="unit value (单位价值), yuan")
    eq.add_argument("--kind", required=True, choices=ASSET_KINDS, help="class of fixed asset")
    eq.add_argument("--acquired", required=True, metavar="DATE",
                    help="purchase date: invoice date (arrival date for instalments, completion for self-built)")
    eq.add_argument("--in-use", required=True, metavar="DATE", help="day put into use")
    eq.add_argument("--acquisition", choices=ACQUISITIONS, default="purchase", help="how it was acquired")
    eq.add_argument("--residual", default="0", metavar="AMOUNT", help="residual value for depreciation, yuan")
    eq.add_argument("--hnte", action="store_true", help="a high and new technology enterprise in the purchase year")
    _common(eq, _equipment, acquired_on="acquired")

    lw = eit.add_parser("loss-window", help="the last year a loss may be used (亏损结转年限)",
                        description="The carry-forward window of a loss, with the rule that sets it.")
    lw.add_argument("origin", metavar="YEAR", help="the tax year of the loss")
    lw.add_argument("--qualified", action="append", default=[], metavar="YEAR",
                    help="a year as high-tech enterprise or tech SME (repeatable)")
    lw.add_argument("--extension", choices=[e for e in EXTENSIONS if e], help="a 2020 hardship or film loss")
    _common(lw, _loss_window, qualified_years="qualified")


def _common(p: argparse.ArgumentParser, func: Any, **fields: str) -> None:
    """``--known-on`` / ``--what-if`` for the law applied, and ``--json`` / ``--lang`` after the
    question (unset, they keep the values given before it); errors name the options
    (``fields``: library field → option destination where they differ)."""
    add_law_options(p)
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON (amounts as strings)")
    p.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                   help="language of labels (default: zh)")
    p.set_defaults(func=func)
    name_fields(p, **fields)


def _yuan(v: object, lang: str) -> str:
    return format_value(v, "yuan", lang)


def _small_profit(args: argparse.Namespace) -> str:
    en = args.lang == "en"
    r = small_profit(args.income, year_arg(args.year, "--year"), employees=args.employees, assets=args.assets,
                     industrial=args.industrial, restricted=args.restricted, law=chosen_law(args))
    if args.json:
        return dump_json(r.as_dict())
    failed = [_FAILED[f][1 if en else 0] if f in _FAILED else f for f in r.failed]
    if en:
        head = (f"small low-profit enterprise, tax year {r.year}: "
                f"{'eligible' if r.eligible else 'not eligible (' + ', '.join(failed) + ')'}; "
                f"tax {_yuan(r.tax, 'en')}, relief {_yuan(r.relief, 'en')}")
    else:
        head = (f"小型微利企业 {r.year}年度：{'符合条件' if r.eligible else '不符合条件（' + '、'.join(failed) + '）'}；"
                f"应纳所得税额 {_yuan(r.tax, 'zh')}，减免所得税额 {_yuan(r.relief, 'zh')}")
    return fit(head + "\n" + r.explain(args.lang))


#: The tests a small low-profit enterprise can fail (``SmallProfit.failed``), as people read them.
_FAILED = {
    "income": ("应纳税所得额超过上限", "taxable income over the cap"),
    "employees": ("从业人数超过上限", "employees over the cap"),
    "assets": ("资产总额超过上限", "total assets over the cap"),
    "restricted": ("从事国家限制和禁止行业", "restricted or prohibited industry"),
}


def _rd_ratio(args: argparse.Namespace) -> str:
    r = rd_ratio(year_arg(args.year, "--year"), kinds=args.kind, law=chosen_law(args))
    if args.json:
        return dump_json(r.as_dict())
    ratio = format_value(r.ratio, "rate")
    amort = format_value(r.amortisation_multiple, "rate")
    if args.lang == "en":
        head = f"R&D super-deduction {r.year} ({', '.join(r.kinds)}): {ratio}; intangibles amortised at {amort} of cost"
    else:
        head = f"研发费用加计扣除 {r.year}年度：加计扣除比例 {ratio}；形成无形资产的按成本的 {amort} 摊销"
    return fit(head + "\n" + r.explain(args.lang))


def _equipment(args: argparse.Namespace) -> str:
    asset = Equipment("asset", args.cost, args.kind, acquired_on=args.acquired, in_use=args.in_use,
                      acquisition=args.acquisition, residual=args.residual)
    acquired = asset.acquired_on
    s = equipment_schedule(asset, hnte_years=[acquired.year] if args.hnte else [], law=chosen_law(args))
    if args.json:
        return dump_json(s.as_dict())
    en = args.lang == "en"
    method = _METHOD[s.method][1 if en else 0]
    columns = [(s.one_time, "one-time", "一次性扣除"), (s.straight_line, "straight line", "直线法折旧"),
               (s.extra, "extra deduction", "加计扣除")]
    by_year = [(dict(schedule), name_en if en else name_zh) for schedule, name_en, name_zh in columns if schedule]
    years = sorted({y for amounts, _ in by_year for y in amounts})
    rows = [[str(y), *(_yuan(amounts[y], args.lang) if y in amounts else "" for amounts, _ in by_year)]
            for y in years]
    head = ["year" if en else "年度", *(name for _, name in by_year)]
    table = render_table(head, rows, right=tuple(range(1, len(head))), width=WIDTH)
    title = f"tax method: {method}" if en else f"税前扣除方法：{method}"
    return fit(f"{title}\n{table}\n\n{s.explain(args.lang)}")


_METHOD = {
    "one_time": ("一次性扣除", "one-time deduction"),
    "straight_line": ("直线法折旧", "straight-line depreciation"),
    "hnte_q4": ("当年全额扣除并加计扣除", "full deduction in the year plus an extra deduction"),
}


def _loss_window(args: argparse.Namespace) -> str:
    origin = year_arg(args.origin, "YEAR")
    qualified = [year_arg(q, "--qualified") for q in args.qualified]
    last, years, cite = loss_window(origin, extension=args.extension or "", qualified_years=qualified,
                                    law=chosen_law(args))
    if args.json:
        return dump_json({"origin": origin, "last_year": last, "years": years,
                          "citation": {"doc": cite.doc, "article": cite.article}})
    if args.lang == "en":
        return fit(f"loss of {origin}: usable to {last} ({years} years) [{cite}]")
    return fit(f"{origin}年度亏损：可结转弥补至{last}年度（{years}年）[{cite}]")
