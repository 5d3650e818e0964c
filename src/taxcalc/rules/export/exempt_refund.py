"""``export.exempt_refund``: 免退 of the purchase lines of a foreign-trade enterprise
(:func:`taxcalc.export.exempt_refund`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...explain import format_value
from ...export.exempt_refund import ExemptRefund, ExemptRefundLine, PurchaseLine, exempt_refund
from ...inputs import Amount, Code, Date, Flag, Rate, Rows, record
from ..protocol import Definition
from ._common import CATALOGUE, CODE, catalogue, rebate_cap

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "ExemptRefundInput", "PurchaseLineInput"]


@record
class PurchaseLineInput:
    """One purchase line of exported goods."""

    amount: Annotated[Decimal, Amount("amount on the special invoice (or customs value)")]
    purchase_vat_rate: Annotated[Decimal, Rate("VAT rate on the purchase invoice")]
    export_date: Annotated[_dt.date, Date("export date on the customs declaration")]
    rebate_rate: Annotated[Decimal | None, Rate("the rebate rate (or give code and a catalogue)")] = None
    code: Annotated[str | None, Code("product code to look the rate up", pattern=CODE,
                                     example="9901000010")] = None
    supplier_collection_rate: Annotated[Decimal | None, Rate("small-scale seller's collection rate")] = None
    customs: Annotated[bool, Flag("the base is a customs import VAT certificate")] = False

    def checks(self) -> Iterator[tuple[str, str]]:
        """Exactly one of ``rebate_rate`` and ``code`` is given; the rebate rate is at most the highest VAT rate."""
        if (self.rebate_rate is None) == (self.code is None):
            yield "rebate_rate", "give either `rebate_rate` or `code` with a catalogue"
        if self.rebate_rate is not None:
            yield from rebate_cap(self.rebate_rate)
        yield from rebate_cap(self.purchase_vat_rate, "purchase_vat_rate")
        if self.supplier_collection_rate is not None:
            yield from rebate_cap(self.supplier_collection_rate, "supplier_collection_rate")


@record
class ExemptRefundInput:
    """A foreign-trade enterprise's purchase lines, and the catalogue for the lines given by code."""

    lines: Annotated[tuple[PurchaseLineInput, ...], Rows("the purchase lines", PurchaseLineInput)]
    catalogue: Annotated[str | None, Code("a catalogue file (.csv or .toml)", pattern=CATALOGUE,
                                          example="rates.csv")] = None
    sample: Annotated[bool, Flag("use the SAMPLE catalogue shipped with taxcalc (not official)")] = False


def _exempt_refund(i: ExemptRefundInput, *, law: Law | None) -> ExemptRefund:
    lines = [PurchaseLine(amount=p.amount, purchase_vat_rate=p.purchase_vat_rate, export_date=p.export_date,
                          rebate_rate=p.rebate_rate, code=p.code,
                          supplier_collection_rate=p.supplier_collection_rate,
                          basis="customs" if p.customs else "invoice") for p in i.lines]
    return exempt_refund(lines, catalogue=catalogue(i.catalogue, sample=i.sample), law=law)


def _text(r: ExemptRefund, lang: str, inputs: Any = None) -> str:
    head = (f"refund: {format_value(r.total, 'yuan')}" if lang == "en"
            else f"应退税额：{format_value(r.total, 'yuan')}")
    return "\n".join([head, "", *(line.explain(lang) for line in r.lines)])


def _one_line(r: ExemptRefund) -> Any:
    return r.lines[0] if len(r.lines) == 1 else r


DEFINITIONS: dict[str, Definition] = {
    # the command line gives one purchase line and prints its result
    "export.exempt_refund": Definition(
        ExemptRefundInput, _exempt_refund, (ExemptRefund,), _text, shown=_one_line, shown_as=(ExemptRefundLine,),
        example={"lines": [{"amount": "100000", "purchase_vat_rate": "16%", "export_date": "2019-06-30",
                            "code": "9901000010"}], "sample": True}),
}
