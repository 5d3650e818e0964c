"""``vat.period_tax``: a general taxpayer's VAT for one tax period, tax payable or excess credit
carried forward (:func:`taxcalc.vat.period_tax_of`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...vat.period_tax import PeriodTax, PeriodTaxInput, period_tax_of
from ..protocol import Definition
from ._common import head, yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS"]


def _period_tax(i: PeriodTaxInput, *, law: Law | None) -> PeriodTax:
    return period_tax_of(i, law=law)


def _text(r: PeriodTax, lang: str, inputs: Any = None) -> str:
    return head(r, lang, f"应纳税额 {yuan(r.tax_payable)}  期末留抵税额 {yuan(r.credit_carried)}",
                f"tax payable {yuan(r.tax_payable)}  credit carried forward {yuan(r.credit_carried)}")


DEFINITIONS: dict[str, Definition] = {
    "vat.period_tax": Definition(
        input=PeriodTaxInput, compute=_period_tax, result=(PeriodTax,), text=_text,
        example={"period_start": "2019-04-01", "output_tax": "130000", "input_tax": "90000",
                 "credit_brought_forward": "5000"}),
}
