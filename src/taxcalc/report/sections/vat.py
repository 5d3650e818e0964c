"""Report section ``vat``: a general taxpayer's VAT period by period (增值税).

The figures come from :mod:`taxcalc.report.ledger` (output VAT by band and
month, input VAT on vouchers and on farm produce, each period's tax, the 免抵退
refund of an exporting manufacturer, the credit carried forward, and the 2018
refund of excess credits).  A small-scale taxpayer's VAT is in the
``small_scale`` section.

**What each VAT saving means.**  Every saving compares the VAT the enterprise
bears this year (output VAT less creditable input VAT: the sum of the tax it
pays and of the change in its credit) with the same year under one policy
undone, everything else — prices excluding VAT, quantities — unchanged:

* ``vat.rate_cut.<band>`` — **a rate cut** during the year (e.g. 17% → 16% on
  2018-05-01, 财税〔2018〕32号 第一条): output VAT at the band's rate at the start of
  the year less output VAT at the rates in force, less the input VAT no longer
  credited on invoices and import vouchers of the same band (purchases that name
  their ``band``; the others are taken to be unaffected),
  each row rounded as on the return.  Cited with the notice that cut the rate.
* ``vat.agri.deduction_cut`` and ``vat.agri.deduction_cut.top_rate_goods`` —
  **the agricultural deduction rates cut with it** (11% → 10%, 32号 第二条; 13% →
  12% for produce going into top-rate goods, 32号 第三条): input VAT at the rate
  of the start of the year less input VAT at the rate in force.  A cost, so a
  negative saving; reported on its own line so the rate cut's line stays the
  rate cut.
* ``vat.agri.top_rate_goods`` — **the higher deduction for produce going into
  top-rate goods** (财税〔2017〕37号 第二条 "维持原扣除力度不变"; 32号 第三条; 2019年第39号
  第二条): input VAT at the higher rate less input VAT at the ordinary rate the
  same day.

* ``vat.super_credit`` — **the input-VAT super-credit** (加计抵减, ``[vat]
  super_credit_policy``): the credit used in the year, which took that much off the
  tax of the general method (:func:`taxcalc.vat.super_credit`).

The refund of excess input credit from 2019 (留抵退税, ``[vat.excess_credit_refund]``,
:func:`taxcalc.vat.excess_credit_refund`) is a refund, shown apart like the 2018 one.

A saving in a period with an excess credit does not lower that period's tax: it
raises the credit carried forward (or an exporter's refund).  The effect of the
rate cuts on export refunds (levy and rebate rates) is not part of these savings.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from ...explain import Citation
from ...format import format_rate
from ...law import Law
from ...money import ZERO, mul, round_fen, sub, total
from ..input import ReportInput
from ..ledger import Ledger, OutputRow, month_rate, year_start_rate
from ..model import Column, Line, Refund, Saving, Section, Table

__all__ = ["build", "month_rate"]

_ZH, _EN = "增值税（按所属期）", "VAT by period"


def build(facts: ReportInput, law: Law, ledger: Ledger) -> Section:
    """VAT by period: output, input, tax, refunds and credit carried, with the savings."""
    if facts.enterprise.vat_taxpayer != "general":
        return Section(
            "vat", _ZH, _EN, "not_applicable",
            notes=(("小规模纳税人按征收率计税，见“小规模纳税人标准与免税”一节。",
                    "A small-scale taxpayer pays at the collection rate: see the section on small-scale "
                    "status and exemption."),),
        )
    if not ledger.periods:
        return Section("vat", _ZH, _EN, "not_applicable",
                       notes=(("输入中没有销售额、进项或出口。", "The input has no sales, purchases or exports."),))
    tables = [_output_table(ledger)]
    if ledger.agricultural:
        tables.append(_agri_table(ledger))
    tables.append(_period_table(facts, ledger))
    lines = _lines(facts, ledger)
    savings = (*_rate_cut_savings(facts, law, ledger.outputs), *_agri_savings(ledger), *_super_credit_savings(ledger))
    refunds: tuple[Refund, ...] = ()
    notes = [(
        "节税额按不含税价格和数量不变计算：撤销一项政策、其余不变时全年增值税负担（销项税额减可抵扣进项税额）的增加额；"
        "负数表示该项调整增加了税负。",
        "Each saving holds prices excluding VAT and quantities unchanged: how much more VAT (output less "
        "creditable input) the year would bear with that one policy undone; a negative figure is a "
        "change that raised the burden.",
    )]
    e = ledger.excess_credit
    if e is not None:
        cite = tuple(c for s in e.steps if s.name == "refund" for c in s.cite)
        if e.refund > 0:
            refunds = (Refund(
                "vat.excess_credit_refund_2018", "vat", "2018年退还期末留抵税额",
                "2018 refund of excess input credits", e.refund, cite,
                "上限：各省退还规模另定" if e.quota_applies else "",
                "an upper bound: each province refunded within its quota" if e.quota_applies else "",
            ),)
        notes.append((
            "2018年留抵退税从申请当期的期初留抵税额中扣除（本报告的处理）。",
            "The 2018 refund of excess credits is taken out of the credit at the start of the application "
            "period (the report's reading).",
        ))
    refunds, more = _credit_refund(ledger, refunds)
    notes += more
    if facts.vat.super_credit_policy is not None and any(p.exports is not None for p in ledger.periods):
        notes.append(("有出口的所属期，出口对应的进项税额按“当期全部进项税额 × 出口销售额 ÷ 当期全部销售额”计算，"
                      "不计提加计抵减额；加计抵减额抵减免抵退后的应纳税额（本报告的处理）。",
                      "In a period with exports the input attributable to them (input × export sales ÷ all sales) "
                      "earns no super-credit, and the credit is set against the tax due after 免抵退 (the "
                      "report's reading)."))
    return Section("vat", _ZH, _EN, "computed", tuple(lines), tuple(tables), tuple(savings), tuple(notes),
                   refunds)


def _super_credit_savings(ledger: Ledger) -> list[Saving]:
    """The super-credit used in the year (加计抵减): tax it took off the general method's tax payable."""
    used = [p.super_credit for p in ledger.periods if p.super_credit is not None]
    if not used:
        return []
    cite = _joined(tuple(c for s in sc.steps if s.name in ("rate", "used") for c in s.cite) for sc in used)
    return [Saving("vat.super_credit", "vat", "vat", "增值税加计抵减", "input-VAT super-credit",
                   total(sc.used for sc in used), cite,
                   "抵减一般计税方法下的应纳税额；未抵减完的结转下期，不予退还",
                   "set against the tax of the general method; what is left is carried forward, never refunded")]


def _credit_refund(ledger: Ledger, refunds: tuple[Refund, ...]) -> tuple[tuple[Refund, ...], list[tuple[str, str]]]:
    """The refund of excess credit from 2019 (留抵退税), apart from the savings."""
    r = ledger.refund
    if r is None:
        return refunds, []
    if r.refund > 0:
        cite = tuple(c for s in r.steps if s.name == "refund" for c in s.cite)
        refunds = (*refunds, Refund("vat.excess_credit_refund", "vat", "留抵退税", "refund of excess input credit",
                                    r.refund, cite))
    why_zh = "" if r.eligible else "（不予退还：" + "；".join(r.reasons_in("zh")) + "）"
    why_en = "" if r.eligible else " (nothing refunded: " + "; ".join(r.reasons) + ")"
    return refunds, [(
        f"留抵退税从申请当期的期初留抵税额中扣除（本报告的处理）{why_zh}。",
        f"The refund of excess credit is taken out of the credit at the start of the application period "
        f"(the report's reading){why_en}.",
    )]


def _lines(facts: ReportInput, ledger: Ledger) -> list[Line]:
    ps = ledger.periods
    lines = [
        Line("vat.sales", "全年销售额（不含税，不含出口）", "sales for the year, excluding VAT and exports",
             total(o.sales for o in ledger.outputs)),
        Line("vat.output", "销项税额合计", "output VAT", total(p.output for p in ps),
             cite=_joined((o.cite,) for o in ledger.outputs)),
        Line("vat.input.vouchers", "凭票进项税额合计", "input VAT on vouchers", total(p.input_vouchers for p in ps)),
    ]
    if ledger.agricultural:
        lines.append(Line("vat.input.agricultural", "农产品计算抵扣进项税额合计", "input VAT on farm produce",
                          total(p.input_agricultural for p in ps),
                          cite=_joined((a.cite,) for a in ledger.agricultural)))
    if any(p.exports is not None for p in ps):
        lines.append(Line("vat.non_creditable", "免抵退不得免征和抵扣税额（进项税额转出）",
                          "input VAT not credited on exports (免抵退)", total(p.non_creditable for p in ps),
                          cite=_method_cites(ledger)))
    if facts.vat.opening_credit:
        lines.append(Line("vat.opening_credit", "上年结转的期末留抵税额", "excess credit brought into the year",
                          facts.vat.opening_credit))
    lines.append(Line("vat.tax_due", "全年应纳税额合计", "VAT due for the year", total(p.tax_due for p in ps),
                      cite=_joined(p.tax_cite for p in ps)))
    if any(p.exports is not None for p in ps):
        lines.append(Line("vat.export_refund", "免抵退应退税额合计（见出口退税一节）",
                          "exempt-credit-refund refunds (see the export section)", total(p.refund for p in ps),
                          cite=_method_cites(ledger)))
    e = ledger.excess_credit
    if e is not None:
        lines.extend(_excess_lines(ledger))
    lines.extend(_credit_lines(ledger))
    lines.append(Line("vat.credit_carried", "年末留抵税额（结转下年）", "excess credit carried into next year",
                      ps[-1].credit_carried, cite=ps[-1].credit_cite))
    return lines


def _credit_lines(ledger: Ledger) -> list[Line]:
    """The super-credit used and carried, and the refund of excess credit from 2019."""
    out: list[Line] = []
    used = [p.super_credit for p in ledger.periods if p.super_credit is not None]
    if used:
        last = used[-1]
        out += [
            Line("vat.super_credit.accrued", "加计抵减：本年计提", "super-credit accrued in the year",
                 total(sc.accrued for sc in used), cite=last.step("accrued").cite if last.in_force else ()),
            Line("vat.super_credit.used", "加计抵减：本年实际抵减", "super-credit used in the year",
                 total(sc.used for sc in used), cite=last.step("in_force").cite),
            Line("vat.super_credit.carried", "加计抵减：年末余额（结转下年）", "super-credit balance carried into "
                 "next year", last.carried, cite=last.step("in_force").cite),
        ]
    r = ledger.refund
    if r is not None and ledger.refund_period is not None:
        when = f"{ledger.refund_period:%Y-%m}"
        by = {s.name: s for s in r.steps}
        out.append(Line("vat.excess_credit_refund.refund", f"留抵退税（{when}申请）", f"refund of excess credit "
                        f"(applied {when})", r.refund, cite=by["refund"].cite))
    return out


def _joined(cites: Iterable[tuple[Citation, ...]]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(c for group in cites for c in group))


def _method_cites(ledger: Ledger) -> tuple[Citation, ...]:
    for p in ledger.periods:
        if p.exports is not None:
            for s in p.exports.steps:
                if s.name == "refund":
                    return s.cite
    return ()


def _excess_lines(ledger: Ledger) -> list[Line]:
    e = ledger.excess_credit
    assert e is not None and ledger.excess_period is not None
    by = {s.name: s for s in e.steps}
    when = f"{ledger.excess_period:%Y-%m}"
    out = [Line("vat.excess_credit_2018.eligible", "2018年留抵退税：是否符合条件", "2018 refund of excess credits: eligible",
                None, "是" if e.eligible else "否：" + "；".join(e.reasons_in("zh")),
                "yes" if e.eligible else "no: " + "; ".join(e.reasons),
                tuple(c for n in ("industry", "grid", "credit_rating") if n in by for c in by[n].cite))]
    if e.eligible:
        out += [
            Line("vat.excess_credit_2018.ratio", "退还比例", "refund ratio", None,
                 format_rate(e.ratio, "zh"), format_rate(e.ratio, "en"), by["ratio"].cite),
            Line("vat.excess_credit_2018.refundable", f"可退还的期末留抵税额（{when}申请）",
                 f"refundable excess credit (applied {when})", e.refundable, cite=by["refundable"].cite),
            Line("vat.excess_credit_2018.cap", "上限：2017年底期末留抵税额", "cap: excess credit at the end of 2017",
                 e.cap, cite=by["cap"].cite),
            Line("vat.excess_credit_2018.refund", "退还的期末留抵税额", "excess credit refunded", e.refund,
                 cite=by["refund"].cite),
        ]
    return out


def _output_table(ledger: Ledger) -> Table:
    vouchers = dict(ledger.vouchers)
    rows: list[tuple[object, ...]] = []
    shown: set[_dt.date] = set()
    for o in ledger.outputs:
        inp = vouchers.get(o.month) if o.month not in shown else None
        shown.add(o.month)
        rows.append((o.month, o.sales, o.rate, o.output, inp, (o.cite,)))
    for m in sorted(set(vouchers) - shown):
        rows.append((m, None, None, None, vouchers[m], ()))
    rows.sort(key=lambda r: r[0])  # type: ignore[arg-type, return-value]
    return Table(
        "vat.months", "分月销项与进项", "Output and input VAT by month",
        (
            Column("month", "所属期", "month", "month"),
            Column("sales", "销售额", "sales", "money"),
            Column("rate", "税率", "rate", "rate"),
            Column("output_vat", "销项税额", "output VAT", "money"),
            Column("input_vat", "进项税额（凭票）", "input VAT (vouchers)", "money"),
            Column("cite", "依据", "basis", "cite"),
        ),
        tuple(rows),
        ("", total(o.sales for o in ledger.outputs), None, total(o.output for o in ledger.outputs),
         total(v for _, v in ledger.vouchers), ()),
    )


def _agri_table(ledger: Ledger) -> Table:
    rows = tuple(
        (a.month, a.price, a.top, a.rate, a.input_tax, (a.cite,))
        for a in sorted(ledger.agricultural, key=lambda a: (a.month, a.index))
    )
    return Table(
        "vat.agricultural", "农产品进项税额（买价 × 扣除率）", "Input VAT on farm produce (price × deduction rate)",
        (
            Column("month", "所属期", "month", "month"),
            Column("price", "买价", "purchase price", "money"),
            Column("top_rate_goods", "用于最高税率货物", "for top-rate goods", "bool"),
            Column("rate", "扣除率", "rate", "rate"),
            Column("input_vat", "进项税额", "input VAT", "money"),
            Column("cite", "依据", "basis", "cite"),
        ),
        rows,
        ("", total(a.price for a in ledger.agricultural), None, None,
         total(a.input_tax for a in ledger.agricultural), ()),
    )


def _period_label(start: _dt.date, period: str) -> object:
    return start if period == "month" else f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def _period_table(facts: ReportInput, ledger: Ledger) -> Table:
    period = facts.enterprise.vat_period
    ps = ledger.periods
    exports = any(p.exports is not None for p in ps)
    excess = any(p.credit_refund for p in ps)
    cols: list[tuple[Column, object]] = [
        (Column("period", "所属期", "period", "month" if period == "month" else "text"), "period"),
        (Column("output_vat", "销项税额", "output VAT", "money"), "output"),
        (Column("input_vat", "进项税额", "input VAT", "money"), "input_tax"),
    ]
    if exports:
        cols.append((Column("non_creditable", "不得抵扣税额", "not credited", "money"), "non_creditable"))
    if excess:
        cols.append((Column("credit_refund", "留抵退税", "credit refunded", "money"), "credit_refund"))
    cols += [
        (Column("opening_credit", "上期留抵", "credit b/f", "money"), "opening_credit"),
        (Column("tax_due", "应纳税额", "VAT due", "money"), "tax_due"),
    ]
    if exports:
        cols.append((Column("refund", "免抵退应退", "refund", "money"), "refund"))
    cols.append((Column("credit_carried", "期末留抵", "credit c/f", "money"), "credit_carried"))
    rows = []
    for p in ps:
        rows.append(tuple(
            _period_label(p.start, period) if attr == "period" else getattr(p, str(attr)) for _, attr in cols
        ))
    sums = {"output", "input_tax", "non_creditable", "credit_refund", "tax_due", "refund"}
    last = {"credit_carried": ps[-1].credit_carried}
    total_row = tuple(
        "" if attr == "period" else
        total(getattr(p, str(attr)) for p in ps) if attr in sums else last.get(str(attr))
        for _, attr in cols
    )
    return Table(
        "vat.periods", "应纳税额、退税与留抵（按申报期）", "VAT due, refunds and credit carried, by tax period",
        tuple(c for c, _ in cols), tuple(rows), total_row,
    )


# -- savings -------------------------------------------------------------------------------


def _rate_cut_savings(facts: ReportInput, law: Law, outputs: tuple[OutputRow, ...]) -> list[Saving]:
    out: list[Saving] = []
    vouchers = [p for p in facts.purchases if p.kind in ("invoice", "customs") and p.band]
    bands = {o.band for o in outputs} | {p.band for p in vouchers}
    for band in sorted(bands):
        key = f"vat.rate.{band}"
        start = year_start_rate(law, key, facts.year)
        r0 = start.value
        assert isinstance(r0, Decimal)
        cut: dict[Citation, list[Decimal]] = defaultdict(list)
        rates: dict[Citation, Decimal] = {}
        for o in outputs:
            if o.band == band and o.rate < r0:
                cut[o.cite].append(sub(round_fen(mul(o.sales, r0)), o.output))
                rates[o.cite] = o.rate
        for p in vouchers:
            if p.band == band:
                v = law.value(key, p.month)
                assert isinstance(v.value, Decimal)
                if v.value < r0:
                    lost = sub(round_fen(mul(p.amount, r0)), round_fen(mul(p.amount, v.value)))
                    cut[v.citation].append(sub(ZERO, lost))
                    rates[v.citation] = v.value
        for cite, parts in cut.items():
            r0s, news = start.shown(), format_rate(rates[cite])
            out.append(Saving(
                f"vat.rate_cut.{band}", "vat", "vat",
                f"增值税税率下调（{r0s}→{news}）", f"VAT rate cut ({r0s} → {news})",
                total(parts), (cite,),
                "按不含税价不变计：销项税减少额减去同税率专票、海关缴款书进项税减少额",
                "at unchanged prices excluding VAT: output VAT saved less input VAT no longer "
                "credited on invoices and import vouchers of the same band",
            ))
    return out


def _agri_savings(ledger: Ledger) -> list[Saving]:
    out: list[Saving] = []
    for top in (False, True):
        rows = [a for a in ledger.agricultural if a.top == top and a.rate < a.start_rate]
        if not rows:
            continue
        lost = total(sub(round_fen(mul(a.price, a.start_rate)), a.input_tax) for a in rows)
        cites = tuple(dict.fromkeys(a.cite for a in rows))
        frm, to = format_rate(rows[0].start_rate), format_rate(rows[-1].rate)
        what_zh = "：用于最高税率货物" if top else ""
        what_en = ", produce for top-rate goods" if top else ""
        out.append(Saving(
            "vat.agri.deduction_cut" + (".top_rate_goods" if top else ""), "vat", "vat",
            f"农产品扣除率下调{what_zh}（{frm}→{to}）", f"agricultural deduction rate cut{what_en} ({frm} → {to})",
            sub(ZERO, lost), cites,
            "年初扣除率计算的进项税额减去现行扣除率计算的进项税额（负数：增加税负）",
            "input VAT at the rate of the start of the year less input VAT at the rate in force "
            "(negative: a cost)",
        ))
    rows = [a for a in ledger.agricultural if a.top and a.rate > a.ordinary_rate]
    if rows:
        gain = total(sub(a.input_tax, round_fen(mul(a.price, a.ordinary_rate))) for a in rows)
        cites = tuple(dict.fromkeys(a.cite for a in rows))
        out.append(Saving(
            "vat.agri.top_rate_goods", "vat", "vat",
            "农产品用于生产最高税率货物的较高扣除率", "higher deduction for produce going into top-rate goods",
            gain, cites,
            "较高扣除率与一般扣除率计算的进项税额之差",
            "input VAT at the higher rate less input VAT at the ordinary rate",
        ))
    return out
