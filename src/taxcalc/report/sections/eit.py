"""Report section ``eit``: enterprise income tax with each preference (企业所得税).

Pending: computed once ``taxcalc.eit`` provides the annual computation and the
benefit of each preference.  Until then the section lists the facts it will use.
"""

from __future__ import annotations

from ...money import total
from ..context import Context
from ..model import Line, Section

__all__ = ["build"]

QUALIFICATIONS = {
    "high_tech": ("高新技术企业", "high and new technology enterprise"),
    "tech_sme": ("科技型中小企业", "technology-based SME"),
    "advanced_tech_service": ("技术先进型服务企业", "advanced technology service enterprise"),
}


def build(ctx: Context) -> Section:
    """The facts the income-tax computation will use; status ``pending``."""
    facts = ctx.facts
    zh, en = "企业所得税及各项优惠", "Enterprise income tax and each preference"
    if facts.income is None:
        return Section("eit", zh, en, "not_applicable",
                       notes=(("输入中没有 [income]。", "The input has no [income] table."),))
    lines = [
        Line("eit.accounting_profit", "利润总额", "profit before tax (accounts)", facts.income.accounting_profit),
        Line("eit.other_adjustments", "其他纳税调整", "other tax adjustments", facts.income.other_adjustments),
    ]
    if facts.rd is not None:
        lines.append(Line("eit.rd.expensed", "费用化研发费用", "R&D expensed", facts.rd.expensed))
    if facts.equipment:
        lines.append(Line("eit.equipment.cost", "本年购进设备、器具原值", "equipment bought this year, cost",
                          total(e.cost for e in facts.equipment)))
    if facts.losses:
        lines.append(Line("eit.losses", "以前年度尚未弥补的亏损", "losses of earlier years not yet made up",
                          total(x.amount for x in facts.losses),
                          note_zh="、".join(f"{x.year}年" for x in facts.losses),
                          note_en=", ".join(str(x.year) for x in facts.losses)))
    for q in facts.qualifications:
        qz, qe = QUALIFICATIONS[q.kind]
        window = f"{q.first} – {q.last}"
        cert = f"（{q.certificate}）" if q.certificate else ""
        lines.append(Line(f"eit.qualification.{q.kind}", "资格", "qualification", None,
                          f"{qz} {window}{cert}", f"{qe} {window}" + (f" ({q.certificate})" if q.certificate else "")))
    return Section("eit", zh, en, "pending", tuple(lines),
                   notes=(("待企业所得税规则接入后计算应纳税额与各项优惠节税额。",
                           "Tax and the saving of each preference are computed once the income-tax rules are in."),))
