"""``vat.super_credit``: the input-VAT super-credit of a tax period, 加计抵减 (:func:`taxcalc.vat.super_credit`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Amount, Choice, Date, Integer, Rate, record
from ...vat.super_credit import SUPER_CREDIT_POLICIES, SuperCredit, super_credit
from ..protocol import Definition
from ._common import head, yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "SuperCreditInput"]

_ZERO = Decimal(0)


@record
class SuperCreditInput:
    """One tax period of a general taxpayer under an input-VAT super-credit policy (加计抵减)."""

    period_start: Annotated[_dt.date, Date("the first day of the tax period")]
    policy: Annotated[str, Choice("the super-credit policy (one a period)", SUPER_CREDIT_POLICIES)]
    creditable_input_tax: Annotated[Decimal, Amount("当期可抵扣进项税额: the period's creditable input VAT")]
    tax_before_credit: Annotated[Decimal, Amount("抵减前的应纳税额: the tax of the general method before the credit")]
    sales_share: Annotated[Decimal | None, Rate("services policies: the services' share of all sales, e.g. 60%")] = None
    export_input_tax: Annotated[Decimal, Amount("of the input, the part attributable to exports and cross-border "
                                                "sales (earns no credit)")] = _ZERO
    transferred_out_input_tax: Annotated[Decimal, Amount("input on which the credit was accrued, transferred out "
                                                         "in the period")] = _ZERO
    brought_forward: Annotated[Decimal, Amount("上期末加计抵减额余额: the balance brought forward")] = _ZERO
    months_operated: Annotated[int | None, Integer("a new taxpayer: the months its sales cover", minimum=0,
                                                   maximum=1200)] = None


def _super_credit(i: SuperCreditInput, *, law: Law | None) -> SuperCredit:
    return super_credit(i.period_start, policy=i.policy, creditable_input_tax=i.creditable_input_tax,
                        tax_before_credit=i.tax_before_credit, sales_share=i.sales_share,
                        export_input_tax=i.export_input_tax, transferred_out_input_tax=i.transferred_out_input_tax,
                        brought_forward=i.brought_forward, months_operated=i.months_operated, law=law)


def _text(r: SuperCredit, lang: str, inputs: Any = None) -> str:
    if not r.in_force:
        return head(r, lang, f"{r.policy} 加计抵减政策在 {r.period_start} 不适用", f"{r.policy} super-credit not in "
                    f"force on {r.period_start}")
    return head(r, lang, f"加计抵减 {yuan(r.used)}  应纳税额 {yuan(r.tax_payable)}  期末余额 {yuan(r.carried)}",
                f"super-credit used {yuan(r.used)}  tax payable {yuan(r.tax_payable)}  "
                f"balance carried {yuan(r.carried)}")


DEFINITIONS: dict[str, Definition] = {
    "vat.super_credit": Definition(
        input=SuperCreditInput, compute=_super_credit, result=(SuperCredit,), text=_text,
        example={"period_start": "2019-10-01", "policy": "living_services", "sales_share": "80%",
                 "creditable_input_tax": "100000", "tax_before_credit": "20000"}),
}
