"""``eit.annual``: the annual enterprise income tax computation, 年度汇算清缴 (:func:`taxcalc.eit.annual`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...eit.annual import AnnualResult, annual
from ...eit.facts import EnterpriseYear
from ..protocol import Definition
from ._common import explained

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _annual(facts: EnterpriseYear, *, law: Law | None) -> AnnualResult:
    return annual(facts, law=law)


DEFINITIONS: dict[str, Definition] = {
    "eit.annual": Definition(
        input=EnterpriseYear, compute=_annual, result=(AnnualResult,), text=explained,
        example={"year": 2018, "profit": "800000", "employees": "50", "assets": "8000000",
                 "losses": [{"year": 2016, "amount": "100000"}]}),
}
