"""``eit.small_profit``: the small low-profit enterprise test and tax, 小型微利企业 (:func:`taxcalc.eit.small_profit`)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...eit.small_profit import SmallProfit, small_profit
from ...inputs import Amount, Flag, Year, record
from ..protocol import Definition
from ._common import yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "SmallProfitInput"]


@record
class SmallProfitInput:
    """An enterprise's taxable income and size for a tax year."""

    income: Annotated[Decimal, Amount("taxable income of the year after losses (应纳税所得额), yuan", sign="any")]
    year: Annotated[int, Year("tax year")]
    employees: Annotated[Decimal | None, Amount("average employees of the year (从业人数)")] = None
    assets: Annotated[Decimal | None, Amount("average total assets of the year (资产总额), yuan")] = None
    industrial: Annotated[bool, Flag("an industrial enterprise (工业企业; caps before 2019)")] = False
    restricted: Annotated[bool, Flag("in a restricted or prohibited industry")] = False


def _small_profit(i: SmallProfitInput, *, law: Law | None) -> SmallProfit:
    return small_profit(i.income, i.year, employees=i.employees, assets=i.assets, industrial=i.industrial,
                        restricted=i.restricted, law=law)


#: The tests a small low-profit enterprise can fail (``SmallProfit.failed``), as people read them.
_FAILED = {
    "income": ("应纳税所得额超过上限", "taxable income over the cap"),
    "employees": ("从业人数超过上限", "employees over the cap"),
    "assets": ("资产总额超过上限", "total assets over the cap"),
    "restricted": ("从事国家限制和禁止行业", "restricted or prohibited industry"),
}


def _text(r: SmallProfit, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    failed = [_FAILED[f][1 if en else 0] if f in _FAILED else f for f in r.failed]
    if en:
        head = (f"small low-profit enterprise, tax year {r.year}: "
                f"{'eligible' if r.eligible else 'not eligible (' + ', '.join(failed) + ')'}; "
                f"tax {yuan(r.tax, 'en')}, relief {yuan(r.relief, 'en')}")
    else:
        head = (f"小型微利企业 {r.year}年度：{'符合条件' if r.eligible else '不符合条件（' + '、'.join(failed) + '）'}；"
                f"应纳所得税额 {yuan(r.tax, 'zh')}，减免所得税额 {yuan(r.relief, 'zh')}")
    return head + "\n" + r.explain(lang)


DEFINITIONS: dict[str, Definition] = {
    "eit.small_profit": Definition(
        input=SmallProfitInput, compute=_small_profit, result=(SmallProfit,), text=_text,
        example={"income": "1000000", "year": 2018, "employees": "50", "assets": "8000000"}),
}
