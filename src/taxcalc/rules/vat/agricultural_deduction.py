"""``vat.agricultural_deduction``: input VAT on farm produce from its purchase price
(:func:`taxcalc.vat.agricultural_input_tax`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Amount, Date, Flag, record
from ...vat.agricultural import AgriculturalInputTax, agricultural_input_tax
from ..protocol import Definition
from ._common import head, pct, yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "AgriculturalInput"]


@record
class AgriculturalInput:
    """A purchase of farm produce."""

    purchase_price: Annotated[Decimal, Amount("the purchase price (买价)")]
    on: Annotated[_dt.date, Date("the purchase day")]
    for_top_rate_goods: Annotated[bool, Flag("produce used to make top-rate goods")] = False


def _agricultural(i: AgriculturalInput, *, law: Law | None) -> AgriculturalInputTax:
    return agricultural_input_tax(i.purchase_price, i.on, for_top_rate_goods=i.for_top_rate_goods, law=law)


def _text(r: AgriculturalInputTax, lang: str, inputs: Any = None) -> str:
    return head(r, lang, f"进项税额 {yuan(r.input_tax)}（扣除率 {pct(r.rate)}）",
                f"input VAT {yuan(r.input_tax)} (deduction rate {pct(r.rate)})")


DEFINITIONS: dict[str, Definition] = {
    "vat.agricultural_deduction": Definition(
        input=AgriculturalInput, compute=_agricultural, result=(AgriculturalInputTax,), text=_text,
        example={"purchase_price": "10000", "on": "2018-06-01", "for_top_rate_goods": True}),
}
