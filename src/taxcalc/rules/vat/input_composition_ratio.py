"""``vat.input_composition_ratio``: the input composition ratio of a refund, 进项构成比例
(:func:`taxcalc.vat.input_composition_ratio`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Amount, Date, record
from ...vat.input_composition import InputCompositionRatio, input_composition_ratio
from ..protocol import Definition
from ._common import head, pct

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "InputCompositionInput"]


@record
class InputCompositionInput:
    """The vouchers' share of the input VAT deducted since April 2019 (进项构成比例)."""

    on: Annotated[_dt.date, Date("the day of the refund application")]
    listed_input_tax: Annotated[Decimal, Amount("VAT on special invoices (with motor-vehicle invoices), customs "
                                                "and withholding certificates deducted")]
    total_input_tax: Annotated[Decimal, Amount("all input VAT deducted in the same months")]
    toll_road_input_tax: Annotated[Decimal, Amount("VAT on toll-road e-invoices deducted (counted from "
                                                   "2022-04-01)")] = Decimal(0)


def _input_composition(i: InputCompositionInput, *, law: Law | None) -> InputCompositionRatio:
    return input_composition_ratio(i.on, listed_input_tax=i.listed_input_tax, total_input_tax=i.total_input_tax,
                                   toll_road_input_tax=i.toll_road_input_tax, law=law)


def _text(r: InputCompositionRatio, lang: str, inputs: Any = None) -> str:
    return head(r, lang, f"进项构成比例 {pct(r.ratio)}", f"input composition ratio {pct(r.ratio)}")


DEFINITIONS: dict[str, Definition] = {
    "vat.input_composition_ratio": Definition(
        input=InputCompositionInput, compute=_input_composition, result=(InputCompositionRatio,), text=_text,
        example={"on": "2022-05-10", "listed_input_tax": "700000", "total_input_tax": "1000000",
                 "toll_road_input_tax": "100000"}),
}
