"""``vat.freight_deduction``: input VAT on an ordinary freight bill at the deduction rate, before
transport joined VAT (:func:`taxcalc.vat.freight_input_tax`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Amount, Choice, Date, record
from ...vat.freight_deduction import CARRIERS, FreightInputTax, freight_input_tax
from ..protocol import Definition
from ._common import head, pct, yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "FreightInput"]


@record
class FreightInput:
    """An ordinary freight bill (运输费用结算单据) and the day its credit is declared."""

    freight_amount: Annotated[Decimal, Amount("运输费用金额: the freight and 建设基金 on the bill, without 装卸费, "
                                              "保险费 and other charges")]
    issued_on: Annotated[_dt.date, Date("the day the bill is dated (开具日期)")]
    claimed_on: Annotated[_dt.date | None, Date("the day the credit is declared (申报抵扣); default: the bill's "
                                                "day")] = None
    carrier: Annotated[str, Choice("railway (铁路运输费用结算单据) or other (road, water, air)", CARRIERS)] = "other"

    def checks(self) -> Iterator[tuple[str, str]]:
        """The credit is declared on or after the bill's day."""
        if self.claimed_on is not None and self.claimed_on < self.issued_on:
            yield "claimed_on", f"the credit is declared on {self.claimed_on}, before the bill's day ({self.issued_on})"


def _freight(i: FreightInput, *, law: Law | None) -> FreightInputTax:
    return freight_input_tax(i.freight_amount, i.issued_on, claimed_on=i.claimed_on, carrier=i.carrier, law=law)


def _text(r: FreightInputTax, lang: str, inputs: Any = None) -> str:
    return head(r, lang, f"进项税额 {yuan(r.input_tax)}（扣除率 {pct(r.rate)}）",
                f"input VAT {yuan(r.input_tax)} (deduction rate {pct(r.rate)})")


DEFINITIONS: dict[str, Definition] = {
    "vat.freight_deduction": Definition(
        input=FreightInput, compute=_freight, result=(FreightInputTax,), text=_text,
        example={"freight_amount": "10000", "issued_on": "2013-07-31", "claimed_on": "2013-08-20"}),
}
