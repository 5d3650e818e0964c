"""``vat.small_scale_vat``: a small-scale taxpayer's VAT for a month, a quarter or one transaction
(:func:`taxcalc.vat.small_scale_vat`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Amount, Choice, Date, record
from ...vat.small_scale_exemption import (
    BUSINESSES,
    SMALL_SCALE_PERIODS,
    SPECIAL_INVOICE_RATES,
    START_POINT_BASES,
    SmallScaleVat,
    small_scale_vat,
)
from ..protocol import Definition
from ._common import head, yes, yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "SmallScaleInput"]

_ZERO = Decimal(0)


@record
class SmallScaleInput:
    """A small-scale taxpayer's sales of a month, a quarter or (per-transaction filers) a transaction or day."""

    sales: Annotated[Decimal, Amount("tax-exclusive sales of the period")]
    period_start: Annotated[_dt.date, Date("the first day of the period")]
    period: Annotated[str, Choice("a month, a quarter, or a transaction (per day) of a per-transaction filer "
                                  "(按次纳税, from 2026)", SMALL_SCALE_PERIODS)] = "month"
    goods_sales: Annotated[Decimal | None, Amount("sales of goods and processing/repair (2018)")] = None
    services_sales: Annotated[Decimal | None, Amount("sales of services and intangibles (2018)")] = None
    real_estate_sales: Annotated[Decimal, Amount("of the sales, sales of immovable property (from 2026 also "
                                                 "leasing it and land-use rights)")] = _ZERO
    start_point_basis: Annotated[str | None, Choice(
        "from 2026, how the 起征点 is tested with sales of immovable property: all_sales (default) or carve_out",
        START_POINT_BASES)] = None
    business: Annotated[str | None, Choice(
        "to 2008, where the collection rate depended on it: commerce (wholesale or retail, 4%) or other (6%)",
        BUSINESSES)] = None
    special_invoice_sales: Annotated[Decimal, Amount("of the sales at 3%, sales on special VAT invoices (增值税专用发票), "
                                                     "taxed even under the threshold (from 2019)")] = _ZERO
    special_invoice_rate: Annotated[str, Choice(
        "rate of the special-invoice sales: reduced (the rate levied, 1% where reduced) or full (the reduction "
        "given up, 3%)", SPECIAL_INVOICE_RATES)] = "reduced"


def _small_scale(i: SmallScaleInput, *, law: Law | None) -> SmallScaleVat:
    return small_scale_vat(i.sales, i.period_start, period=i.period, goods_sales=i.goods_sales,
                           services_sales=i.services_sales, real_estate_sales=i.real_estate_sales,
                           start_point_basis=i.start_point_basis, business=i.business,
                           special_invoice_sales=i.special_invoice_sales,
                           special_invoice_rate=i.special_invoice_rate, law=law)


def _text(r: SmallScaleVat, lang: str, inputs: Any = None) -> str:
    return head(r, lang, f"免征：{yes(r.exempt, 'zh')}  应纳税额 {yuan(r.tax_due)}",
                f"exempt: {yes(r.exempt, 'en')}  VAT due {yuan(r.tax_due)}")


DEFINITIONS: dict[str, Definition] = {
    "vat.small_scale_vat": Definition(
        input=SmallScaleInput, compute=_small_scale, result=(SmallScaleVat,), text=_text,
        example={"sales": "300000", "period_start": "2026-04-01", "period": "quarter",
                 "start_point_basis": "all_sales", "business": "other"}),
}
