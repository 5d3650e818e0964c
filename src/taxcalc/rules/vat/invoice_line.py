"""``vat.invoice_line``: an invoice line split into 金额 and 税额 (:func:`taxcalc.vat.invoice_line`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...inputs import Amount, Choice, Date, Flag, record
from ...vat.invoice import InvoiceLine, invoice_line
from ..protocol import Definition
from ._common import bands, head, pct, yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "InvoiceLineInput"]


@record
class InvoiceLineInput:
    """One invoice line: an amount, its band and the day."""

    amount: Annotated[Decimal, Amount("含税金额 (tax included), or 金额 with net")]
    band: Annotated[str, Choice("the band of the line, e.g. standard (see: taxcalc vat bands)", bands)]
    on: Annotated[_dt.date, Date("the day the VAT liability arises")]
    net: Annotated[bool, Flag("the amount excludes tax (金额); add the tax to it")] = False


def _invoice_line(i: InvoiceLineInput, *, law: Law | None) -> InvoiceLine:
    return invoice_line(i.amount, i.band, i.on, tax_inclusive=not i.net, law=law)


def _text(r: InvoiceLine, lang: str, inputs: Any = None) -> str:
    return head(r, lang,
                f"金额 {yuan(r.net)}  税率 {pct(r.rate)}  税额 {yuan(r.tax)}  价税合计 {yuan(r.gross)}",
                f"net {yuan(r.net)}  rate {pct(r.rate)}  VAT {yuan(r.tax)}  total {yuan(r.gross)}")


DEFINITIONS: dict[str, Definition] = {
    "vat.invoice_line": Definition(
        input=InvoiceLineInput, compute=_invoice_line, result=(InvoiceLine,), text=_text,
        example={"amount": "1130", "band": "standard", "on": "2019-04-01"}),
}
