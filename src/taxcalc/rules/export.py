"""The export rebate rules as the registry describes them: input models, compute adapters, texts.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.export`.
The catalogue of rebate rates is named by a file (``catalogue``) or is the shipped
SAMPLE (``sample``).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from .. import export
from ..explain import format_value
from ..inputs import Amount, Choice, Code, Date, Flag, Month, Rate, Rows, Text, grammar, record
from ..money import CONTEXT, total
from .fields import Factor
from .protocol import Definition

if TYPE_CHECKING:
    from ..law import Law

__all__ = ["DEFINITIONS"]

_ZERO = Decimal(0)
_CODE = r"^[0-9]{8}([0-9]{2})?$"


def _catalogue(path: str | None, *, sample: bool) -> export.Catalogue | None:
    if sample:
        return export.Catalogue.sample()
    if path:
        return export.Catalogue.load(path)
    return None


#: Figures that add up to this many yuan could not be shown as amounts once multiplied out.
_TOTAL_LIMIT = Decimal(grammar.AMOUNT_LIMIT // 10)
_TOTAL_LIMIT_TEXT = "10^15"
#: Catalogue files are CSV or TOML.
_CATALOGUE = r"^[^\s\x00-\x1f\x7f]([^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?\.(csv|toml)$"


def _rebate_cap(rate: Decimal, field: str = "rebate_rate") -> Iterator[tuple[str, str]]:
    if rate > export.MAX_RATE:
        yield field, f"must be between 0 and {export.MAX_RATE} (got {rate}): " \
            f"{format_value(export.MAX_RATE, 'rate')} is the highest VAT rate there has been"


@record
class RebateRateInput:
    """A product, an export date, the catalogue and who exports."""

    code: Annotated[str, Code("product code, 8 or 10 digits", pattern=_CODE, example="9901000010")]
    export_date: Annotated[_dt.date, Date("export date on the customs declaration")]
    catalogue: Annotated[str | None, Code("a catalogue file (.csv or .toml)", pattern=_CATALOGUE,
                                          example="rates.csv")] = None
    sample: Annotated[bool, Flag("use the SAMPLE catalogue shipped with taxcalc (not official)")] = False
    exporter: Annotated[str, Choice("manufacturer (免抵退, default) or trader (免退)", export.EXPORTERS)] = (
        "manufacturer")
    service: Annotated[bool, Flag("a cross-border taxable service (the date is the invoice date)")] = False
    purchase_vat_rate: Annotated[Decimal | None, Rate("trader: VAT rate on the purchase invoice")] = None
    supplier_collection_rate: Annotated[Decimal | None, Rate("trader: small-scale seller's collection rate")] = None
    levy_rate: Annotated[Decimal | None, Rate("the product's VAT rate on the export date")] = None

    def checks(self) -> Iterator[tuple[str, str]]:
        """Exactly one of ``catalogue`` and ``sample`` is given; rates at most the highest VAT rate."""
        if (self.catalogue is None) == (not self.sample):
            yield "catalogue", "give either `catalogue` (a file) or `sample`"
        for name in ("purchase_vat_rate", "supplier_collection_rate", "levy_rate"):
            rate = getattr(self, name)
            if rate is not None:
                yield from _rebate_cap(rate, name)


def _rebate_rate(i: RebateRateInput, *, law: Law | None) -> export.RebateRate:
    cat = _catalogue(i.catalogue, sample=i.sample)
    assert cat is not None
    return export.rebate_rate(i.code, i.export_date, catalogue=cat, exporter=i.exporter,
                              kind="service" if i.service else "goods", purchase_vat_rate=i.purchase_vat_rate,
                              supplier_collection_rate=i.supplier_collection_rate, levy_rate=i.levy_rate, law=law)


def _rebate_rate_text(r: export.RebateRate, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    head = [f"{r.code} {r.export_date}: {format_value(r.rate, 'rate')}"
            + (" (transition)" if en and r.transition else "（过渡期）" if r.transition else "")]
    if inputs is not None and inputs.sample:
        head.append("SAMPLE catalogue: illustrative rates, not official" if en else "示例目录：仅作演示，并非官方退税率")
    for a in r.assumptions if en else r.assumptions_zh:
        head.append(("assumes: " if en else "假设：") + a)
    return "\n".join([*head, "", r.explain(lang)])


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
        yield from _rebate_cap(self.levy_rate, "levy_rate")
        yield from _rebate_cap(self.rebate_rate)
        if CONTEXT.multiply(self.fob, self.exchange_rate) >= _TOTAL_LIMIT:
            yield "fob", f"FOB × exchange rate is {_TOTAL_LIMIT_TEXT} yuan or more"


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
        if CONTEXT.add(fob, CONTEXT.add(self.domestic_output_tax, self.input_tax)) >= _TOTAL_LIMIT:
            yield "exports", f"the month's figures add up to {_TOTAL_LIMIT_TEXT} yuan or more"


def _exempt_credit_refund(i: ExemptCreditRefundMonth, *, law: Law | None) -> export.ExemptCreditRefund:
    month = export.ExemptCreditRefundInput(
        period=i.period,
        exports=tuple(export.ExportLine(fob=e.fob, exchange_rate=e.exchange_rate, levy_rate=e.levy_rate,
                                        rebate_rate=e.rebate_rate, exempt_materials=e.exempt_materials,
                                        bonded_materials=e.bonded_materials) for e in i.exports),
        domestic_output_tax=i.domestic_output_tax, input_tax=i.input_tax, opening_credit=i.opening_credit,
    )
    return export.exempt_credit_refund(month, law=law)


def _exempt_credit_refund_text(r: export.ExemptCreditRefund, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    sep = ": " if en else "："
    head = (f"{'refund' if en else '应退税额'}{sep}{format_value(r.refund, 'yuan')}  "
            f"{'exempt and credited' if en else '免抵税额'}{sep}{format_value(r.exempt_credit, 'yuan')}  "
            f"{'credit carried' if en else '留抵结转'}{sep}{format_value(r.credit_carried, 'yuan')}")
    return "\n".join([head, "", r.explain(lang)])


@record
class PurchaseLineInput:
    """One purchase line of exported goods."""

    amount: Annotated[Decimal, Amount("amount on the special invoice (or customs value)")]
    purchase_vat_rate: Annotated[Decimal, Rate("VAT rate on the purchase invoice")]
    export_date: Annotated[_dt.date, Date("export date on the customs declaration")]
    rebate_rate: Annotated[Decimal | None, Rate("the rebate rate (or give code and a catalogue)")] = None
    code: Annotated[str | None, Code("product code to look the rate up", pattern=_CODE,
                                     example="9901000010")] = None
    supplier_collection_rate: Annotated[Decimal | None, Rate("small-scale seller's collection rate")] = None
    customs: Annotated[bool, Flag("the base is a customs import VAT certificate")] = False

    def checks(self) -> Iterator[tuple[str, str]]:
        """Exactly one of ``rebate_rate`` and ``code`` is given; the rebate rate is at most the highest VAT rate."""
        if (self.rebate_rate is None) == (self.code is None):
            yield "rebate_rate", "give either `rebate_rate` or `code` with a catalogue"
        if self.rebate_rate is not None:
            yield from _rebate_cap(self.rebate_rate)
        yield from _rebate_cap(self.purchase_vat_rate, "purchase_vat_rate")
        if self.supplier_collection_rate is not None:
            yield from _rebate_cap(self.supplier_collection_rate, "supplier_collection_rate")


@record
class ExemptRefundInput:
    """A foreign-trade enterprise's purchase lines, and the catalogue for the lines given by code."""

    lines: Annotated[tuple[PurchaseLineInput, ...], Rows("the purchase lines", PurchaseLineInput)]
    catalogue: Annotated[str | None, Code("a catalogue file (.csv or .toml)", pattern=_CATALOGUE,
                                          example="rates.csv")] = None
    sample: Annotated[bool, Flag("use the SAMPLE catalogue shipped with taxcalc (not official)")] = False


def _exempt_refund(i: ExemptRefundInput, *, law: Law | None) -> export.ExemptRefund:
    lines = [export.PurchaseLine(amount=p.amount, purchase_vat_rate=p.purchase_vat_rate, export_date=p.export_date,
                                 rebate_rate=p.rebate_rate, code=p.code,
                                 supplier_collection_rate=p.supplier_collection_rate,
                                 basis="customs" if p.customs else "invoice") for p in i.lines]
    return export.exempt_refund(lines, catalogue=_catalogue(i.catalogue, sample=i.sample), law=law)


def _exempt_refund_text(r: export.ExemptRefund, lang: str, inputs: Any = None) -> str:
    head = (f"refund: {format_value(r.total, 'yuan')}" if lang == "en"
            else f"应退税额：{format_value(r.total, 'yuan')}")
    return "\n".join([head, "", *(line.explain(lang) for line in r.lines)])


def _one_line(r: export.ExemptRefund) -> Any:
    return r.lines[0] if len(r.lines) == 1 else r


@record
class ExcessCreditInput:
    """An enterprise applying for the 2018 refund of excess input credits."""

    credit_rating: Annotated[str, Choice("tax credit rating (A, B, M, C, D)", export.CREDIT_RATINGS)]
    registered_on: Annotated[_dt.date, Date("tax registration date")]
    listed_input_tax: Annotated[Decimal, Amount("deducted input VAT on special invoices, customs and "
                                                "withholding certificates")]
    total_input_tax: Annotated[Decimal, Amount("all deducted input VAT in the same period")]
    prior_period_end_credit: Annotated[Decimal, Amount("excess credit at the end of the period before the "
                                                       "application")]
    end_2017_credit: Annotated[Decimal, Amount("excess credit at the end of 2017")]
    applied_on: Annotated[_dt.date, Date("application date")]
    industry: Annotated[str | None, Text("industry division on the tax registration, e.g. 专用设备制造业")] = None
    grid_company: Annotated[bool, Flag("a grid company with a transmission or supply licence")] = False

    def checks(self) -> Iterator[tuple[str, str]]:
        """Exactly one of ``industry`` and ``grid_company`` is given."""
        if (self.industry is None) == (not self.grid_company):
            yield "industry", "give either `industry` or `grid_company`"


def _excess(i: ExcessCreditInput, *, law: Law | None) -> export.ExcessCreditRefund2018:
    return export.excess_credit_refund_2018(
        industry=i.industry, grid_company=i.grid_company, credit_rating=i.credit_rating,
        registered_on=i.registered_on, listed_input_tax=i.listed_input_tax, total_input_tax=i.total_input_tax,
        prior_period_end_credit=i.prior_period_end_credit, end_2017_credit=i.end_2017_credit,
        applied_on=i.applied_on, law=law,
    )


def _excess_text(r: export.ExcessCreditRefund2018, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    head = ((f"refund: {format_value(r.refund, 'yuan')}" if en else f"退还留抵税额：{format_value(r.refund, 'yuan')}")
            + ("" if r.eligible else (" (not eligible)" if en else "（不符合条件）")))
    return "\n".join([head, "", r.explain(lang)])


#: An input of each rule, as a JSON document gives it.
EXAMPLES: dict[str, dict[str, Any]] = {
    "export.rebate_rate": {"code": "9901000010", "export_date": "2019-05-01", "sample": True},
    "export.exempt_credit_refund": {"period": "2019-08", "exports": [
        {"fob": "100", "exchange_rate": "6.5", "levy_rate": "13%", "rebate_rate": "13%"}]},
    "export.exempt_refund": {"lines": [{"amount": "100000", "purchase_vat_rate": "16%", "export_date": "2019-06-30",
                                        "code": "9901000010"}], "sample": True},
    "export.excess_credit_refund_2018": {
        "industry": "专用设备制造业", "credit_rating": "A", "registered_on": "2010-01-01", "listed_input_tax": "80",
        "total_input_tax": "100", "prior_period_end_credit": "1000", "end_2017_credit": "500",
        "applied_on": "2018-08-01"},
}

#: The definition of each export rule, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = {k: dataclasses.replace(d, example=EXAMPLES[k]) for k, d in {
    "export.rebate_rate": Definition(RebateRateInput, _rebate_rate, (export.RebateRate,), _rebate_rate_text),
    "export.exempt_credit_refund": Definition(ExemptCreditRefundMonth, _exempt_credit_refund,
                                              (export.ExemptCreditRefund,), _exempt_credit_refund_text),
    # the command line gives one purchase line and prints its result
    "export.exempt_refund": Definition(ExemptRefundInput, _exempt_refund, (export.ExemptRefund,),
                                       _exempt_refund_text, shown=_one_line,
                                       shown_as=(export.ExemptRefundLine,)),
    "export.excess_credit_refund_2018": Definition(ExcessCreditInput, _excess, (export.ExcessCreditRefund2018,),
                                                   _excess_text),
}.items()}
