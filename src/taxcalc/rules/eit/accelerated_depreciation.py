"""``eit.accelerated_depreciation``: a fixed asset's shortened life or accelerated depreciation, against the
straight line, 固定资产加速折旧 (:func:`taxcalc.eit.accelerated_depreciation`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...eit.accelerated_depreciation import (
    ACCELERATION_INDUSTRIES,
    ASSET_KINDS,
    DEPRECIATION_METHODS,
    AcceleratedYear,
    DepreciableAsset,
    accelerated_depreciation,
    method_name,
)
from ...inputs import Amount, Choice, Date, Flag, Integer, Rate, Year, record
from ..protocol import Definition
from ._common import yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "AcceleratedDepreciationInput"]


@record
class AcceleratedDepreciationInput:
    """One fixed asset, the depreciation chosen for it, and the tax year asked about."""

    cost: Annotated[Decimal, Amount("cost, the tax basis (计税基础), yuan", sign="positive")]
    kind: Annotated[str, Choice("class of fixed asset (实施条例 第六十条)", ASSET_KINDS)]
    acquired_on: Annotated[_dt.date, Date("purchase date (新购进; self-built: completion)")]
    in_use: Annotated[_dt.date, Date("day put into use")]
    year: Annotated[int, Year("the tax year asked about")]
    method: Annotated[str, Choice("depreciation method", DEPRECIATION_METHODS)] = "straight_line"
    industry: Annotated[str, Choice("the enterprise's main business (主营业务)",
                                    tuple(ACCELERATION_INDUSTRIES))] = "other"
    life_months: Annotated[int | None, Integer("the life chosen, in months", minimum=1, maximum=1200)] = None
    residual: Annotated[Decimal, Amount("residual value (预计净残值), yuan")] = Decimal(0)
    main_business_share: Annotated[Decimal, Rate("the main business's share of total income in the year "
                                                 "put into use")] = Decimal(1)
    article_98: Annotated[bool, Flag("an asset of 实施条例 第九十八条 (fast obsolescence, strong vibration, "
                                     "high corrosion)")] = False


def _accelerated_depreciation(i: AcceleratedDepreciationInput, *, law: Law | None) -> AcceleratedYear:
    asset = DepreciableAsset("asset", i.cost, i.kind, acquired_on=i.acquired_on, in_use=i.in_use,
                             industry=i.industry, method=i.method, life_months=i.life_months,
                             residual=i.residual, main_business_share=i.main_business_share,
                             article_98=i.article_98)
    return accelerated_depreciation(asset, i.year, law=law)


def _text(r: AcceleratedYear, lang: str, inputs: Any = None) -> str:
    if lang == "en":
        head = (f"{r.year}: deduction {yuan(r.deduction, 'en')} ({method_name(r.method, 'en')}, "
                f"{r.life_months} months); "
                f"straight line {yuan(r.straight_line, 'en')}; difference {yuan(r.difference, 'en')}")
    else:
        head = (f"{r.year}年度：税收折旧额 {yuan(r.deduction, 'zh')}（{method_name(r.method)}，{r.life_months}个月）；"
                f"一般规定折旧额 {yuan(r.straight_line, 'zh')}；加速折旧统计额 {yuan(r.difference, 'zh')}")
    return head + "\n" + r.explain(lang)


DEFINITIONS: dict[str, Definition] = {
    "eit.accelerated_depreciation": Definition(
        input=AcceleratedDepreciationInput, compute=_accelerated_depreciation, result=(AcceleratedYear,),
        text=_text,
        example={"cost": "1200000", "kind": "machinery", "acquired_on": "2019-03-20", "in_use": "2019-03-20",
                 "year": 2019, "method": "double_declining", "article_98": True}),
}
