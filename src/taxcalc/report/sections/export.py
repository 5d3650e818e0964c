"""Report section ``export``: export VAT refunds (出口退税).

Pending: computed once ``taxcalc.export`` provides rebate rates by commodity code
and date and the 免抵退 / 免退 computations.  Until then the section lists the
exports it will use.
"""

from __future__ import annotations

from ...law import Law
from ...money import total
from ..input import ReportInput
from ..model import Column, Section, Table

__all__ = ["build"]

EXPORTERS = {
    "none": ("无出口", "no exports"),
    "manufacturer": ("生产企业（免抵退）", "manufacturer (exemption, credit and refund)"),
    "trader": ("外贸企业（免退）", "trading firm (exemption and refund)"),
}


def build(facts: ReportInput, law: Law) -> Section:
    """The exports the refund computation will use; status ``pending``."""
    zh, en = "出口退税", "Export VAT refunds"
    if not facts.exports:
        return Section("export", zh, en, "not_applicable",
                       notes=(("输入中没有出口。", "The input has no exports."),))
    table = Table(
        "export.shipments", "出口货物", "Goods exported",
        (
            Column("date", "出口日期", "export date", "date"),
            Column("hs_code", "商品代码", "commodity code", "text"),
            Column("fob", "离岸价", "FOB", "money"),
            Column("description", "品名", "description", "text"),
        ),
        tuple((x.date, x.hs_code, x.fob, x.description) for x in sorted(facts.exports, key=lambda x: x.date)),
        (None, "", total(x.fob for x in facts.exports), ""),
    )
    return Section("export", zh, en, "pending", (), (table,),
                   notes=(("待出口退税规则接入后按出口日期确定退税率并计算免抵退税额。",
                           "Rebate rates by export date and the refund are computed once the export rules are in."),))
