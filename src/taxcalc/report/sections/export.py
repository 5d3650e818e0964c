"""Report section ``export``: export VAT refunds (出口退税).

The rates and figures come from :mod:`taxcalc.report.ledger`, so this section
and the VAT section show the same 免抵退 figures.

* **Rates.**  Each export's levy rate (征税率) is the rate of its ``band`` on the
  export date; its rebate rate (退税率) is the input's ``rebate_rate`` or the
  catalogue's (:func:`taxcalc.export.rebate_rate`: catalogue rows, the law's tier
  rules of 2018 and 2019, the transitions and the caps), cited with the catalogue
  row and the notices applied.  What a derived rate assumes (e.g. that a product
  is not on a list taxcalc does not ship) is listed in the notes.
* **A manufacturer** (生产企业): 免抵退 for each tax period with exports
  (:func:`taxcalc.export.exempt_credit_refund`), with duty-free and bonded
  materials (进料加工) when the exports give them.
* **A trading firm** (外贸企业): 免退 for each export's purchase
  (:func:`taxcalc.export.exempt_refund`).

**Refunds are not savings.**  An export refund pays back input VAT the enterprise
paid on what it exported; it is not tax a policy spares it.  The refunds are
reported as ``refunds`` with their own exact total (``total_refund``), never added
to the savings.  The part of the input VAT not credited (不得免征和抵扣税额, where the
rebate rate is below the levy rate) is a cost shown in the VAT section.
"""

from __future__ import annotations

from ...export import bonded_materials
from ...law import Law
from ...money import total
from ..input import ReportInput
from ..ledger import ExportRate, Ledger, period_start
from ..model import Column, Line, Refund, Section, Table

__all__ = ["build"]

EXPORTERS = {
    "none": ("无出口", "no exports"),
    "manufacturer": ("生产企业（免抵退）", "manufacturer (exemption, credit and refund)"),
    "trader": ("外贸企业（免退）", "trading firm (exemption and refund)"),
}
_ZH, _EN = "出口退税", "Export VAT refunds"
_SOURCE = {
    "given": ("输入给定", "given in the input"),
    "catalogue": ("目录", "catalogue"),
    "derived": ("目录＋一般规则推定", "catalogue + general rules"),
    "listed": ("文件列名", "listed in a notice"),
}


def build(facts: ReportInput, law: Law, ledger: Ledger) -> Section:
    """Rebate rates, then 免抵退 by period (manufacturer) or 免退 by purchase (trader)."""
    if not facts.exports:
        return Section("export", _ZH, _EN, "not_applicable",
                       notes=(("输入中没有出口。", "The input has no exports."),))
    if facts.enterprise.vat_taxpayer != "general":
        return Section("export", _ZH, _EN, "not_applicable", notes=((
            "小规模纳税人出口货物适用免税办法，不退税。",
            "A small-scale taxpayer's exports are exempt without a refund.",
        ),))
    rates = ledger.export_rates
    notes: list[tuple[str, str]] = [(
        "出口退税是退还已支付的进项税额，不是减免的税款：单列为“退税”，不计入节税合计。",
        "An export refund pays back input VAT already paid; it is not tax spared: it is listed under "
        "refunds, never added to the savings.",
    )]
    assumptions = list(dict.fromkeys(
        pair for r in rates for pair in zip(r.assumptions_zh, r.assumptions, strict=True)
    ))
    notes.extend((f"退税率推定假设：{zh}", f"Rate assumption: {en}") for zh, en in assumptions)
    if ledger.catalogue is not None and ledger.catalogue.is_sample:
        notes.append(("所用出口退税率目录为示例（SAMPLE），不是官方税率。",
                      "The catalogue used is the SAMPLE catalogue, not official rates."))
    if facts.enterprise.exporter == "trader":
        return _trader(ledger, notes)
    return _manufacturer(facts, law, ledger, notes)


def _rate_table(rates: tuple[ExportRate, ...]) -> Table:
    rows = tuple(
        (r.export.date, r.export.hs_code or "", r.export.fob, r.levy_rate, r.rate,
         r.export.description, r.cites)
        for r in sorted(rates, key=lambda r: (r.export.date, r.index))
    )
    return Table(
        "export.shipments", "出口货物与退税率", "Goods exported and their rates",
        (
            Column("date", "出口日期", "export date", "date"),
            Column("hs_code", "商品代码", "code", "text"),
            Column("fob", "离岸价", "FOB", "money"),
            Column("levy_rate", "征税率", "levy", "rate"),
            Column("rebate_rate", "退税率", "rebate", "rate"),
            Column("description", "品名", "description", "text"),
            Column("cite", "退税率依据", "rate basis", "cite"),
        ),
        rows,
        (None, "", total(r.export.fob for r in rates), None, None, "", ()),
    )


def _manufacturer(facts: ReportInput, law: Law, ledger: Ledger, notes: list[tuple[str, str]]) -> Section:
    period = facts.enterprise.vat_period
    ps = [p for p in ledger.periods if p.exports is not None]
    rows = []
    for p in ps:
        e = p.exports
        assert e is not None
        label: object = p.start if period == "month" else f"{p.start.year}-Q{(p.start.month - 1) // 3 + 1}"
        rows.append((label, e.fob_cny, e.non_creditable, e.exempt_credit_refund, e.end_credit, e.refund,
                     e.exempt_credit, e.credit_carried))
    first = ps[0].exports
    assert first is not None
    method = next(s.cite for s in first.steps if s.name == "refund")

    def col(i: int) -> object:
        return total(r[i] for r in rows)  # type: ignore[misc]

    table = Table(
        "export.periods", "免抵退税（按申报期）", "Exemption, credit and refund by tax period",
        (
            Column("period", "所属期", "period", "month" if period == "month" else "text"),
            Column("fob", "离岸价", "FOB", "money"),
            Column("non_creditable", "不得抵扣税额", "not credited", "money"),
            Column("exempt_credit_refund", "免抵退税额", "ceiling", "money"),
            Column("end_credit", "期末留抵", "end credit", "money"),
            Column("refund", "应退税额", "refund", "money"),
            Column("exempt_credit", "免抵税额", "credited", "money"),
            Column("credit_carried", "结转留抵", "credit c/f", "money"),
        ),
        tuple(rows),
        ("", col(1), col(2), col(3), None, col(5), col(6), ps[-1].credit_carried),
    )
    refund = total(p.refund for p in ps)
    lines: tuple[Line, ...] = (
        Line("export.exporter", "出口企业类型", "exporter", None, *EXPORTERS["manufacturer"]),
        Line("export.fob", "出口离岸价合计", "FOB value exported", total(p.exports.fob_cny for p in ps if p.exports)),
        Line("export.exempt_credit_refund", "免抵退税额合计", "exempt-credit-refund amounts (ceilings)",
             total(p.exports.exempt_credit_refund for p in ps if p.exports), cite=method),
        Line("export.refund", "应退税额合计", "refunded", refund, cite=method),
        Line("export.exempt_credit", "免抵税额合计", "credited against domestic VAT",
             total(p.exempt_credit for p in ps), cite=method),
        Line("export.non_creditable", "不得免征和抵扣税额合计（计入成本）", "input VAT not credited (a cost)",
             total(p.non_creditable for p in ps), cite=method),
    )
    consumed = [bonded_materials(period_start(r.export.date, period), "consumption", processing_fob=r.export.fob,
                                 allocation_rate=r.export.allocation_rate, law=law)
                for r in ledger.export_rates if r.export.allocation_rate is not None]
    if consumed:
        lines += (Line("export.bonded_materials", "进料加工保税进口料件（实耗法：离岸价 × 分配率）",
                       "bonded imports of 进料加工 (consumption method: FOB × allocation rate)",
                       total(b.materials for b in consumed),
                       cite=tuple(dict.fromkeys(c for b in consumed for s in b.steps if s.name in ("basis", "materials")
                                                for c in s.cite))),)
    refunds = (Refund("export.exempt_credit_refund", "export", "出口免抵退税应退税额",
                      "export refund (exemption, credit and refund)", refund, method),) if refund else ()
    return Section("export", _ZH, _EN, "computed", lines, (_rate_table(ledger.export_rates), table),
                   notes=tuple(notes), refunds=refunds)


def _trader(ledger: Ledger, notes: list[tuple[str, str]]) -> Section:
    result = ledger.trader_refund
    assert result is not None
    rates = ledger.export_rates
    order = sorted(range(len(rates)), key=lambda k: (rates[k].export.date, k))
    rows = []
    for k in order:
        r, ln = rates[k], result.lines[k]
        x = r.export
        rows.append((x.date, x.hs_code or "", ln.amount, x.purchase_vat_rate, ln.rate, ln.refund,
                     tuple(dict.fromkeys((*r.cites, *(c for s in ln.steps if s.name == "refund" for c in s.cite))))))
    method = next(s.cite for s in result.steps if s.name == "total")
    table = Table(
        "export.purchases", "免退税（按出口货物的购进）", "Exemption and refund, by purchase of the goods exported",
        (
            Column("date", "出口日期", "export date", "date"),
            Column("hs_code", "商品代码", "code", "text"),
            Column("purchase_amount", "计税依据", "purchase", "money"),
            Column("purchase_vat_rate", "购进税率", "VAT paid", "rate"),
            Column("rebate_rate", "退税率", "rebate", "rate"),
            Column("refund", "应退税额", "refund", "money"),
            Column("cite", "依据", "basis", "cite"),
        ),
        tuple(rows),
        (None, "", total(ln.amount for ln in result.lines), None, None, result.total, ()),
    )
    lines = (
        Line("export.exporter", "出口企业类型", "exporter", None, *EXPORTERS["trader"]),
        Line("export.fob", "出口离岸价合计", "FOB value exported", total(r.export.fob for r in rates)),
        Line("export.refund", "应退税额合计", "refunded", result.total, cite=method),
    )
    refunds = (Refund("export.exempt_refund", "export", "外贸企业出口免退税应退税额",
                      "export refund (exemption and refund)", result.total, method),) if result.total else ()
    return Section("export", _ZH, _EN, "computed", lines, (_rate_table(rates), table), notes=tuple(notes),
                   refunds=refunds)

