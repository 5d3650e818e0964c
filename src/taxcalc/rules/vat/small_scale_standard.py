"""``vat.small_scale_standard``: the small-scale standard and, given the sales, whether general
registration is due (:func:`taxcalc.vat.small_scale_standard`, :func:`taxcalc.vat.must_register_general`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Amount, Choice, Date, record
from ...vat.small_scale_standard import (
    SECTORS,
    GeneralRegistration,
    SmallScaleStandard,
    must_register_general,
    small_scale_standard,
)
from ..protocol import Definition
from ._common import head, yes, yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "StandardInput"]


@record
class StandardInput:
    """The small-scale standard of a sector on a day; with annual sales, whether general registration is due."""

    on: Annotated[_dt.date, Date("the day to apply the standard on")]
    sector: Annotated[str, Choice("production (goods, processing and repair), commerce, or services (营改增)",
                                  SECTORS)]
    annual_sales: Annotated[Decimal | None, Amount("annual taxable sales")] = None


def _standard(i: StandardInput, *, law: Law | None) -> SmallScaleStandard | GeneralRegistration:
    if i.annual_sales is None:
        return small_scale_standard(i.on, i.sector, law=law)
    return must_register_general(i.annual_sales, i.on, i.sector, law=law)


def _text(r: SmallScaleStandard | GeneralRegistration, lang: str, inputs: Any = None) -> str:
    if isinstance(r, SmallScaleStandard):
        return head(r, lang, f"小规模纳税人标准：年应征增值税销售额 {yuan(r.limit)} 及以下",
                    f"small-scale up to and including annual taxable sales of {yuan(r.limit)}")
    return head(r, lang, f"应当登记为一般纳税人：{yes(r.must_register, 'zh')}",
                f"must register as a general taxpayer: {yes(r.must_register, 'en')}")


DEFINITIONS: dict[str, Definition] = {
    "vat.small_scale_standard": Definition(
        input=StandardInput, compute=_standard, result=(SmallScaleStandard, GeneralRegistration), text=_text,
        example={"on": "2017-06-01", "sector": "commerce", "annual_sales": "800000.01"}),
}
