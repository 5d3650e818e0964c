"""``export.excess_credit_refund_2018``: the 2018 refund of excess input credits, 财税〔2018〕70号
(:func:`taxcalc.export.excess_credit_refund_2018`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...explain import format_value
from ...export.excess_credit_refund_2018 import (
    CREDIT_RATINGS,
    ExcessCreditRefund2018,
    excess_credit_refund_2018,
)
from ...inputs import Amount, Choice, Date, Flag, Text, record
from ..protocol import Definition

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "ExcessCreditInput"]


@record
class ExcessCreditInput:
    """An enterprise applying for the 2018 refund of excess input credits."""

    credit_rating: Annotated[str, Choice("tax credit rating (A, B, M, C, D)", CREDIT_RATINGS)]
    registered_on: Annotated[_dt.date, Date("tax registration date")]
    listed_input_tax: Annotated[Decimal, Amount("deducted input VAT on special invoices, customs and "
                                                "withholding certificates")]
    total_input_tax: Annotated[Decimal, Amount("all deducted input VAT in the same period")]
    prior_period_end_credit: Annotated[Decimal, Amount("excess credit at the end of the period before the "
                                                       "application")]
    end_2017_credit: Annotated[Decimal, Amount("excess credit at the end of 2017")]
    applied_on: Annotated[_dt.date, Date("application date")]
    industry: Annotated[str | None, Text("industry division on the tax registration, e.g. 专用设备制造业")] = None
    grid_company: Annotated[bool, Flag("a grid company with a transmission or supply licence")] = False

    def checks(self) -> Iterator[tuple[str, str]]:
        """Exactly one of ``industry`` and ``grid_company`` is given."""
        if (self.industry is None) == (not self.grid_company):
            yield "industry", "give either `industry` or `grid_company`"


def _excess(i: ExcessCreditInput, *, law: Law | None) -> ExcessCreditRefund2018:
    return excess_credit_refund_2018(
        industry=i.industry, grid_company=i.grid_company, credit_rating=i.credit_rating,
        registered_on=i.registered_on, listed_input_tax=i.listed_input_tax, total_input_tax=i.total_input_tax,
        prior_period_end_credit=i.prior_period_end_credit, end_2017_credit=i.end_2017_credit,
        applied_on=i.applied_on, law=law,
    )


def _text(r: ExcessCreditRefund2018, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    head = ((f"refund: {format_value(r.refund, 'yuan')}" if en else f"退还留抵税额：{format_value(r.refund, 'yuan')}")
            + ("" if r.eligible else (" (not eligible)" if en else "（不符合条件）")))
    return "\n".join([head, "", r.explain(lang)])


DEFINITIONS: dict[str, Definition] = {
    "export.excess_credit_refund_2018": Definition(
        ExcessCreditInput, _excess, (ExcessCreditRefund2018,), _text,
        example={"industry": "专用设备制造业", "credit_rating": "A", "registered_on": "2010-01-01",
                 "listed_input_tax": "80", "total_input_tax": "100", "prior_period_end_credit": "1000",
                 "end_2017_credit": "500", "applied_on": "2018-08-01"}),
}
