"""``vat.reregistered_sales``: after re-registration (转登记), do sales above the standard require
general registration again (:func:`taxcalc.vat.reregistered_sales_check`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Choice, Date, record
from ...vat.reregistration import PERIODS, ReregisteredSalesCheck, reregistered_sales_check
from ...vat.small_scale_standard import SECTORS
from ..fields import Amounts
from ..protocol import Definition
from ._common import yes

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "ReregisteredSalesInput"]


@record
class ReregisteredSalesInput:
    """A re-registered taxpayer's sales of the periods after its re-registration day."""

    sales_by_period: Annotated[tuple[Decimal, ...], Amounts("sales of each period from the one after the "
                                                            "re-registration day, oldest first")]
    reregistered_on: Annotated[_dt.date, Date("the re-registration day (转登记日)")]
    period: Annotated[str, Choice("the tax period the sales are given by", PERIODS)] = "month"
    sector: Annotated[str, Choice("production, commerce or services (the standard is 500万 for each from "
                                  "2018-05-01)", SECTORS)] = "production"


def _reregistered(i: ReregisteredSalesInput, *, law: Law | None) -> ReregisteredSalesCheck:
    return reregistered_sales_check(i.sales_by_period, i.reregistered_on, period=i.period, sector=i.sector,
                                    law=law)


def _text(r: ReregisteredSalesCheck, lang: str, inputs: Any = None) -> str:
    shown = yes(r.must_register, lang)
    first = (f"must register as a general taxpayer again: {shown}" if lang == "en"
             else f"应当再次登记为一般纳税人：{shown}")
    return f"{first}\n{r.explain(lang)}"


DEFINITIONS: dict[str, Definition] = {
    "vat.reregistered_sales": Definition(
        input=ReregisteredSalesInput, compute=_reregistered, result=(ReregisteredSalesCheck,), text=_text,
        example={"sales_by_period": ["1000000"] * 6, "reregistered_on": "2018-06-15"}),
}
