"""Report section ``small_scale``: small-scale status and the small-scale exemption.

Pending: computed once ``taxcalc.vat`` provides the small-scale standard
(小规模纳税人标准) and the exemption thresholds.  Until then the section lists the
facts it will use.
"""

from __future__ import annotations

from ...law import Law
from ...money import total
from ..input import ReportInput
from ..model import Line, Section

__all__ = ["build"]

_TAXPAYER = {"general": ("一般纳税人", "general taxpayer"), "small_scale": ("小规模纳税人", "small-scale taxpayer")}
_PERIOD = {"month": ("按月", "monthly"), "quarter": ("按季", "quarterly")}


def build(facts: ReportInput, law: Law) -> Section:
    """The facts the small-scale test will use; status ``pending``."""
    ent = facts.enterprise
    tz, te = _TAXPAYER[ent.vat_taxpayer]
    pz, pe = _PERIOD[ent.vat_period]
    lines = (
        Line("small_scale.taxpayer", "增值税纳税人类型", "VAT taxpayer status", None,
             f"{tz}（{pz}申报）", f"{te}, files {pe}"),
        Line("small_scale.sales", "年度应税销售额（不含税，含出口）", "taxable sales for the year (excl. VAT, incl. exports)",
             total([*(s.amount for s in facts.sales), *(x.fob for x in facts.exports)])),
    )
    return Section(
        "small_scale", "小规模纳税人标准与免税", "Small-scale status and exemption", "pending", lines,
        notes=(("待增值税规则（小规模纳税人标准、免征增值税）接入后判断。",
                "Decided once the VAT rules (small-scale standard, exemption) are in."),),
    )
