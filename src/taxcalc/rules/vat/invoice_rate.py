"""``vat.invoice_rate``: the rate on an invoice issued after a rate change (:func:`taxcalc.vat.invoice_rate`)."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Choice, Date, record
from ...vat.invoice_rate import InvoiceRate, invoice_rate
from ..protocol import Definition
from ._common import bands, head, pct

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "InvoiceRateInput"]


@record
class InvoiceRateInput:
    """The rate on an invoice issued after the liability arose."""

    band: Annotated[str, Choice("the band of the sale, e.g. standard (see: taxcalc vat bands)", bands)]
    liability_date: Annotated[_dt.date, Date("the day the liability arose")]
    invoice_date: Annotated[_dt.date, Date("the invoice day")]


def _invoice_rate(i: InvoiceRateInput, *, law: Law | None) -> InvoiceRate:
    return invoice_rate(i.band, i.liability_date, i.invoice_date, law=law)


def _text(r: InvoiceRate, lang: str, inputs: Any = None) -> str:
    return head(r, lang, f"发票税率 {pct(r.rate)}", f"rate on the invoice: {pct(r.rate)}")


DEFINITIONS: dict[str, Definition] = {
    "vat.invoice_rate": Definition(
        input=InvoiceRateInput, compute=_invoice_rate, result=(InvoiceRate,), text=_text,
        example={"band": "standard", "liability_date": "2019-03-28", "invoice_date": "2019-04-15"}),
}
