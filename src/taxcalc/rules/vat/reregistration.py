"""``vat.reregistration``: may a general taxpayer re-register as small-scale, 转登记
(:func:`taxcalc.vat.may_reregister`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Choice, Date, Flag, record
from ...vat.reregistration import PERIODS, REGISTERED_UNDER, Reregistration, may_reregister
from ..fields import Amounts
from ..protocol import Definition
from ._common import head, yes

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "ReregistrationInput"]


@record
class ReregistrationInput:
    """A general taxpayer's sales before the re-registration day."""

    sales_by_period: Annotated[tuple[Decimal, ...], Amounts("sales of each period before the day, oldest first")]
    on: Annotated[_dt.date, Date("the re-registration day")]
    period: Annotated[str, Choice("the tax period the sales are given by", PERIODS)] = "month"
    registered_under: Annotated[str, Choice("registered as general taxpayer under the VAT regulations or the "
                                            "营改增 pilot", REGISTERED_UNDER)] = "regulations"
    previously_reregistered: Annotated[bool, Flag("re-registered as small-scale before and registered as "
                                                  "general again (18号 第八条)")] = False


def _reregistration(i: ReregistrationInput, *, law: Law | None) -> Reregistration:
    return may_reregister(i.sales_by_period, i.on, period=i.period, registered_under=i.registered_under,
                          previously_reregistered=i.previously_reregistered, law=law)


def _text(r: Reregistration, lang: str, inputs: Any = None) -> str:
    return head(r, lang, f"可以转登记为小规模纳税人：{yes(r.eligible, 'zh')}",
                f"may re-register as small-scale: {yes(r.eligible, 'en')}")


DEFINITIONS: dict[str, Definition] = {
    "vat.reregistration": Definition(
        input=ReregistrationInput, compute=_reregistration, result=(Reregistration,), text=_text,
        example={"sales_by_period": ["400000"] * 12, "on": "2018-10-15"}),
}
