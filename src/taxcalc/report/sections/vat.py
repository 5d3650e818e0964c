"""Report section ``vat``: VAT month by month across the rate switches (增值税).

Output VAT (销项税额) of each month is the month's sales excluding VAT times the
rate of its band in force on the tax point (纳税义务发生时间; key
``vat.rate.<band>``), rounded half up to the fen as on the return (附列资料（一）).
Sales are given by month: every rate switch in the law data falls on the first
of a month, and a month in which the rate would change is refused with the
field's path, so the monthly figures are exact.

Input VAT on vouchers (增值税专用发票, 海关进口增值税专用缴款书) is taken as shown.

**The rate-cut saving.**  When the rate of a band in force on 1 January is cut
during the year, the section reports the saving at unchanged prices excluding
VAT: output VAT at the 1 January rate minus output VAT at the rates in force,
less the input VAT no longer credited on invoices of the same band (purchases
that name their ``band``).  The counterfactual law is just
``law.with_values({key: rate on 1 January})``.

Not yet included (they come with ``taxcalc.vat`` and ``taxcalc.export``): the
agricultural-produce deduction (农产品扣除率), VAT payable with the credit carried
forward, and 免抵退 for exporters.  Small-scale taxpayers are pending too.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from decimal import Decimal

from ...errors import InvalidInput
from ...explain import Citation
from ...format import format_rate
from ...law import Law, LawValue
from ...money import ZERO, add, mul, round_fen, sub, total
from ..input import ReportInput, Sale
from ..model import Column, Line, Saving, Section, Table

__all__ = ["build", "month_rate"]

_ZH, _EN = "增值税（按所属期）", "VAT by period"


def _month_end(month: _dt.date) -> _dt.date:
    nxt = _dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def month_rate(law: Law, band: str, month: _dt.date, field: str = "month") -> LawValue:
    """The rate of ``band`` for the whole ``month``; refuses a month in which it changes.

    >>> from taxcalc import law
    >>> month_rate(law.default(), "standard", _dt.date(2018, 5, 1)).value
    Decimal('0.16')
    """
    key = f"vat.rate.{band}"
    first = law.value(key, month)
    last = law.value(key, _month_end(month))
    if first != last:
        raise InvalidInput(
            field,
            f"the rate of {key} changes within {month:%Y-%m} ({first.shown()} → {last.shown()}); "
            "this month cannot be reported as one figure",
        )
    return first


def build(facts: ReportInput, law: Law) -> Section:
    """VAT by month: sales, rate, output VAT and voucher input VAT, with the rate-cut saving."""
    if facts.enterprise.vat_taxpayer != "general":
        return Section(
            "vat", _ZH, _EN, "pending",
            notes=(("小规模纳税人按征收率计税，待增值税规则模块接入后计算。",
                    "Small-scale taxpayers pay at the collection rate; computed once the VAT rules are in."),),
        )
    if not facts.sales:
        return Section("vat", _ZH, _EN, "not_applicable",
                       notes=(("输入中没有销售额。", "The input has no sales."),))
    sales = sorted(enumerate(facts.sales), key=lambda p: (p[1].month, p[1].band, p[1].kind))
    vouchers: dict[_dt.date, Decimal] = defaultdict(lambda: ZERO)
    for p in facts.purchases:
        if p.kind in ("invoice", "customs") and p.vat is not None:
            vouchers[p.month] = add(vouchers[p.month], p.vat)
    rows: list[tuple[object, ...]] = []
    shown_input: set[_dt.date] = set()
    outputs: list[Decimal] = []
    for i, s in sales:
        v = month_rate(law, s.band, s.month, f"sales[{i}].month")
        rate = v.value
        assert isinstance(rate, Decimal)
        out = round_fen(mul(s.amount, rate))
        outputs.append(out)
        inp = vouchers.get(s.month) if s.month not in shown_input else None
        shown_input.add(s.month)
        rows.append((s.month, s.amount, rate, out, inp, (v.citation,)))
    extra_months = sorted(set(vouchers) - shown_input)
    for m in extra_months:
        rows.append((m, None, None, None, vouchers[m], ()))
    rows.sort(key=lambda r: r[0])  # type: ignore[arg-type, return-value]
    sales_total = total(s.amount for s in facts.sales)
    out_total = total(outputs)
    in_total = total(vouchers.values())
    table = Table(
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
        ("", sales_total, None, out_total, in_total, ()),
    )
    lines = [
        Line("vat.sales", "全年销售额（不含税）", "sales for the year, excluding VAT", sales_total),
        Line("vat.output", "销项税额合计", "output VAT", out_total),
        Line("vat.input.vouchers", "凭票进项税额合计", "input VAT on vouchers", in_total),
    ]
    savings = tuple(_rate_cut_savings(facts, law, sales))
    notes = (
        ("农产品进项税额、应纳税额与留抵、出口免抵退税待增值税与出口退税规则接入后计算。",
         "Agricultural input VAT, VAT payable with the credit carried forward, and exporters' "
         "exemption-credit-refund are computed once the VAT and export rules are in."),
    )
    return Section("vat", _ZH, _EN, "computed", tuple(lines), (table,), savings, notes)


def _rate_cut_savings(facts: ReportInput, law: Law, sales: list[tuple[int, Sale]]) -> list[Saving]:
    out: list[Saving] = []
    jan1 = _dt.date(facts.year, 1, 1)
    for band in sorted({s.band for _, s in sales}):
        key = f"vat.rate.{band}"
        start = law.value(key, jan1)
        r0 = start.value
        assert isinstance(r0, Decimal)
        cut: dict[Citation, list[Decimal]] = defaultdict(list)
        rates: dict[Citation, Decimal] = {}
        for _, s in sales:
            if s.band != band:
                continue
            v = law.value(key, s.month)
            assert isinstance(v.value, Decimal)
            if v.value < r0:
                cut[v.citation].append(sub(round_fen(mul(s.amount, r0)), round_fen(mul(s.amount, v.value))))
                rates[v.citation] = v.value
        if not cut:
            continue
        for p in facts.purchases:
            if p.kind == "invoice" and p.band == band:
                v = law.value(key, p.month)
                assert isinstance(v.value, Decimal)
                if v.citation in cut:
                    cut[v.citation].append(-sub(round_fen(mul(p.amount, r0)), round_fen(mul(p.amount, v.value))))
        for cite, parts in cut.items():
            new = rates[cite]
            r0s, news = start.shown(), format_rate(new)
            out.append(Saving(
                f"vat.rate_cut.{band}", "vat", "vat",
                f"增值税税率下调（{r0s}→{news}）", f"VAT rate cut ({r0s} → {news})",
                total(parts), (cite,),
                "按不含税价不变计：销项税减少额减去同税率专票进项税减少额",
                "at unchanged prices excluding VAT: output VAT saved less input VAT no longer "
                "credited on invoices of the same band",
            ))
    return out

