"""``vat.excess_credit_refund``: the refund of excess input credit from 2019, 留抵退税
(:func:`taxcalc.vat.excess_credit_refund`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Amount, Choice, Date, Flag, ListOf, Month, Rate, record
from ...vat.excess_credit_refund import (
    CREDIT_RATINGS,
    REFUND_CATEGORIES,
    SIZES,
    ExcessCreditRefund,
    excess_credit_refund,
)
from ..fields import Amounts
from ..protocol import Definition

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "ExcessCreditRefundInput"]

_ZERO = Decimal(0)


@record
class ExcessCreditRefundInput:
    """An application for the refund of excess input credit (留抵退税), with the months before it."""

    applied_on: Annotated[_dt.date, Date("the day of the application (in its filing period)")]
    category: Annotated[str, Choice("the taxpayer's category", REFUND_CATEGORIES)]
    credit_rating: Annotated[str, Choice("the tax credit rating (纳税信用等级)", CREDIT_RATINGS)]
    months: Annotated[tuple[_dt.date, ...], ListOf("the tax periods before the application, oldest first",
                                                    Month("a tax period"), noun="months", max_items=240,
                                                    min_items=1)]
    end_credits: Annotated[tuple[Decimal, ...], Amounts("期末留抵税额: the end credit of each month, in order",
                                                        max_items=240)]
    listed_input_tax: Annotated[Decimal, Amount("input composition: VAT on special invoices, customs and "
                                                "withholding certificates deducted since 2019-04")]
    total_input_tax: Annotated[Decimal, Amount("input composition: all input VAT deducted since 2019-04")]
    toll_road_input_tax: Annotated[Decimal, Amount("input composition: VAT on toll-road e-invoices deducted")] = _ZERO
    base_credit: Annotated[Decimal, Amount("the end credit of 2019-03-31")] = _ZERO
    prior_year_end_credit: Annotated[Decimal | None, Amount("from 2025-09 (general): the end credit of 12-31 of the "
                                                            "year before")] = None
    industry_sales_share: Annotated[Decimal | None, Rate("the share of sales in the category's listed industries")] = None
    size: Annotated[str | None, Choice("the enterprise's size (2022: small and micro, the stock schedule)",
                                       SIZES)] = None
    stock_refunded: Annotated[bool, Flag("the one-off stock credit was refunded before (2022)")] = False
    excluded: Annotated[bool, Flag("an exclusion applies (fraud, two tax-evasion penalties in 36 months, "
                                   "即征即退 or 先征后返 since 2019-04-01)")] = False


def _excess_credit_refund(i: ExcessCreditRefundInput, *, law: Law | None) -> ExcessCreditRefund:
    return excess_credit_refund(
        i.applied_on, category=i.category, credit_rating=i.credit_rating, months=i.months, end_credits=i.end_credits,
        listed_input_tax=i.listed_input_tax, total_input_tax=i.total_input_tax,
        toll_road_input_tax=i.toll_road_input_tax, base_credit=i.base_credit,
        prior_year_end_credit=i.prior_year_end_credit, industry_sales_share=i.industry_sales_share, size=i.size,
        stock_refunded=i.stock_refunded, excluded=i.excluded, law=law)


def _text(r: ExcessCreditRefund, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)  # a rule given a file prints its steps (the last two: the refund and the credit left)


DEFINITIONS: dict[str, Definition] = {
    "vat.excess_credit_refund": Definition(
        input=ExcessCreditRefundInput, compute=_excess_credit_refund, result=(ExcessCreditRefund,), text=_text,
        example={"applied_on": "2019-10-15", "category": "general", "credit_rating": "A",
                 "months": ["2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09"],
                 "end_credits": ["1100000", "1200000", "1300000", "1400000", "1500000", "1600000"],
                 "base_credit": "1000000", "prior_year_end_credit": "1000000",
                 "listed_input_tax": "900000", "total_input_tax": "1000000"}),
}
