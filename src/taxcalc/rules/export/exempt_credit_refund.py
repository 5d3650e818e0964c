"""``export.exempt_credit_refund``: a manufacturer's month of 免抵退 (:func:`taxcalc.export.exempt_credit_refund`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...explain import format_value
from ...export.exempt_credit_refund import (
    ExemptCreditRefund,
    ExemptCreditRefundInput,
    ExportLine,
    exempt_credit_refund,
)
from ...inputs import Amount, Month, Rate, Rows, record
from ...money import CONTEXT, total
from ..fields import Factor
from ..protocol import Definition
from ._common import TOTAL_LIMIT, TOTAL_LIMIT_TEXT, rebate_cap

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "ExemptCreditRefundMonth", "ExportLineInput"]

_ZERO = Decimal(0)


@record
class ExportLineInput:
    """The exports of a month at one pair of rates."""

    fob: Annotated[Decimal, Amount("FOB value (离岸价), in the invoice currency")]
    levy_rate: Annotated[Decimal, Rate("征税率, e.g. 13%")]
    rebate_rate: Annotated[Decimal, Rate("退税率, e.g. 13%")]
    exchange_rate: Annotated[Decimal, Factor("rate to yuan (default 1: FOB in yuan)")] = Decimal(1)
    exempt_materials: Annotated[Decimal, Amount("duty-free domestic materials")] = _ZERO
    bonded_materials: Annotated[Decimal, Amount("进料加工 bonded imports (composite taxable value)")] = _ZERO

    def checks(self) -> Iterator[tuple[str, str]]:
        """The levy and rebate rates are at most the highest VAT rate there has been; the FOB in yuan is an amount."""
        yield from rebate_cap(self.levy_rate, "levy_rate")
        yield from rebate_cap(self.rebate_rate)
        if CONTEXT.multiply(self.fob, self.exchange_rate) >= TOTAL_LIMIT:
            yield "fob", f"FOB × exchange rate is {TOTAL_LIMIT_TEXT} yuan or more"


@record
class ExemptCreditRefundMonth:
    """One tax period of a manufacturer: its exports and its VAT return figures
    (mirrors :class:`taxcalc.export.ExemptCreditRefundInput`)."""

    period: Annotated[_dt.date, Month("the tax period (所属期)")]
    exports: Annotated[tuple[ExportLineInput, ...], Rows("one line per pair of rates", ExportLineInput)]
    domestic_output_tax: Annotated[Decimal, Amount("当期内销货物的销项税额")] = _ZERO
    input_tax: Annotated[Decimal, Amount("当期进项税额")] = _ZERO
    opening_credit: Annotated[Decimal, Amount("上期留抵税额")] = _ZERO

    def checks(self) -> Iterator[tuple[str, str]]:
        """The exports of the month, in yuan, add up to less than 10^15 yuan."""
        fob = total(CONTEXT.multiply(e.fob, e.exchange_rate) for e in self.exports)
        if CONTEXT.add(fob, CONTEXT.add(self.domestic_output_tax, self.input_tax)) >= TOTAL_LIMIT:
            yield "exports", f"the month's figures add up to {TOTAL_LIMIT_TEXT} yuan or more"


def _exempt_credit_refund(i: ExemptCreditRefundMonth, *, law: Law | None) -> ExemptCreditRefund:
    month = ExemptCreditRefundInput(
        period=i.period,
        exports=tuple(ExportLine(fob=e.fob, exchange_rate=e.exchange_rate, levy_rate=e.levy_rate,
                                 rebate_rate=e.rebate_rate, exempt_materials=e.exempt_materials,
                                 bonded_materials=e.bonded_materials) for e in i.exports),
        domestic_output_tax=i.domestic_output_tax, input_tax=i.input_tax, opening_credit=i.opening_credit,
    )
    return exempt_credit_refund(month, law=law)


def _text(r: ExemptCreditRefund, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    sep = ": " if en else "："
    head = (f"{'refund' if en else '应退税额'}{sep}{format_value(r.refund, 'yuan')}  "
            f"{'exempt and credited' if en else '免抵税额'}{sep}{format_value(r.exempt_credit, 'yuan')}  "
            f"{'credit carried' if en else '留抵结转'}{sep}{format_value(r.credit_carried, 'yuan')}")
    return "\n".join([head, "", r.explain(lang)])


DEFINITIONS: dict[str, Definition] = {
    "export.exempt_credit_refund": Definition(
        ExemptCreditRefundMonth, _exempt_credit_refund, (ExemptCreditRefund,), _text,
        example={"period": "2019-08", "exports": [
            {"fob": "100", "exchange_rate": "6.5", "levy_rate": "13%", "rebate_rate": "13%"}]}),
}
