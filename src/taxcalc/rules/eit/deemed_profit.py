"""``eit.deemed_profit``: taxable income assessed from revenue or costs at the deemed rate, 核定征收
(:func:`taxcalc.eit.deemed_profit`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...eit.deemed_profit import DeemedProfit, DeemedProfitInput, deemed_profit
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _deemed(i: DeemedProfitInput, *, law: Law | None) -> DeemedProfit:
    return deemed_profit(i.year, i.industry, i.rate, revenue=i.revenue, costs=i.costs, employees=i.employees,
                         assets=i.assets, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.deemed_profit": Definition(
        input=DeemedProfitInput, compute=_deemed, result=(DeemedProfit,), text=explained,
        example={"year": 2019, "industry": "catering", "rate": "10%", "revenue": "8000000",
                 "employees": "40", "assets": "3000000"}),
}
