"""The VAT rules as the registry describes them: input models, compute adapters, texts.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.vat`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from .. import vat
from ..explain import Explained, format_value
from ..inputs import Amount, Choice, Date, Flag, Rate, record
from ..vat.small_scale_exemption import START_POINT_BASES
from .fields import Amounts
from .protocol import Definition

if TYPE_CHECKING:
    from ..law import Law

__all__ = ["DEFINITIONS"]


def _bands() -> tuple[str, ...]:
    return vat.bands()


_BAND = "a band, e.g. standard, low_rate_goods, transport (see: taxcalc vat bands)"
_ZERO = Decimal(0)


def _pct(x: object) -> str:
    return format_value(x, "rate")


def _yuan(x: object) -> str:
    return format_value(x, "yuan")


def _yes(x: object, lang: str) -> str:
    return format_value(x, "bool", lang)


def _head(result: Explained, lang: str, zh: str, en: str) -> str:
    return f"{en if lang == 'en' else zh}\n{result.explain(lang)}"


@record
class RateInput:
    """The rate of a band on a day."""

    band: Annotated[str, Choice(_BAND, _bands)]
    on: Annotated[_dt.date, Date("the day the VAT liability arises")]


def _rate(i: RateInput, *, law: Law | None) -> vat.VatRate:
    return vat.vat_rate(i.band, i.on, law=law)


def _rate_text(r: vat.VatRate, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"{r.band} {r.on}：税率 {_pct(r.rate)}", f"{r.band} on {r.on}: rate {_pct(r.rate)}")


@record
class ReplacementInput:
    """The rate that replaced an old rate by a day."""

    old_rate: Annotated[Decimal, Rate("the old rate, e.g. 17% or 0.17")]
    on: Annotated[_dt.date, Date("the day to find the replacing rate for")]
    applied_on: Annotated[_dt.date | None, Date("a day the old rate applied to the item")] = None


def _replacement(i: ReplacementInput, *, law: Law | None) -> vat.ReplacementRate:
    return vat.replacement_rate(i.old_rate, i.on, applied_on=i.applied_on, law=law)


def _replacement_text(r: vat.ReplacementRate, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"原适用{_pct(r.old_rate)}，{r.on}适用 {_pct(r.rate)}",
                 f"{_pct(r.old_rate)} became {_pct(r.rate)} by {r.on}")


@record
class InvoiceRateInput:
    """The rate on an invoice issued after the liability arose."""

    band: Annotated[str, Choice("the band of the sale, e.g. standard (see: taxcalc vat bands)", _bands)]
    liability_date: Annotated[_dt.date, Date("the day the liability arose")]
    invoice_date: Annotated[_dt.date, Date("the invoice day")]


def _invoice_rate(i: InvoiceRateInput, *, law: Law | None) -> vat.InvoiceRate:
    return vat.invoice_rate(i.band, i.liability_date, i.invoice_date, law=law)


def _invoice_rate_text(r: vat.InvoiceRate, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"发票税率 {_pct(r.rate)}", f"rate on the invoice: {_pct(r.rate)}")


@record
class InvoiceLineInput:
    """One invoice line: an amount, its band and the day."""

    amount: Annotated[Decimal, Amount("含税金额 (tax included), or 金额 with net")]
    band: Annotated[str, Choice("the band of the line, e.g. standard (see: taxcalc vat bands)", _bands)]
    on: Annotated[_dt.date, Date("the day the VAT liability arises")]
    net: Annotated[bool, Flag("the amount excludes tax (金额); add the tax to it")] = False


def _invoice_line(i: InvoiceLineInput, *, law: Law | None) -> vat.InvoiceLine:
    return vat.invoice_line(i.amount, i.band, i.on, tax_inclusive=not i.net, law=law)


def _invoice_line_text(r: vat.InvoiceLine, lang: str, inputs: Any = None) -> str:
    return _head(r, lang,
                 f"金额 {_yuan(r.net)}  税率 {_pct(r.rate)}  税额 {_yuan(r.tax)}  价税合计 {_yuan(r.gross)}",
                 f"net {_yuan(r.net)}  rate {_pct(r.rate)}  VAT {_yuan(r.tax)}  total {_yuan(r.gross)}")


@record
class AgriculturalInput:
    """A purchase of farm produce."""

    purchase_price: Annotated[Decimal, Amount("the purchase price (买价)")]
    on: Annotated[_dt.date, Date("the purchase day")]
    for_top_rate_goods: Annotated[bool, Flag("produce used to make top-rate goods")] = False


def _agricultural(i: AgriculturalInput, *, law: Law | None) -> vat.AgriculturalInputTax:
    return vat.agricultural_input_tax(i.purchase_price, i.on, for_top_rate_goods=i.for_top_rate_goods, law=law)


def _agricultural_text(r: vat.AgriculturalInputTax, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"进项税额 {_yuan(r.input_tax)}（扣除率 {_pct(r.rate)}）",
                 f"input VAT {_yuan(r.input_tax)} (deduction rate {_pct(r.rate)})")


@record
class StandardInput:
    """The small-scale standard of a sector on a day; with annual sales, whether general registration is due."""

    on: Annotated[_dt.date, Date("the day to apply the standard on")]
    sector: Annotated[str, Choice("production (goods, processing and repair), commerce, or services (营改增)",
                                  vat.SECTORS)]
    annual_sales: Annotated[Decimal | None, Amount("annual taxable sales")] = None


def _standard(i: StandardInput, *, law: Law | None) -> vat.SmallScaleStandard | vat.GeneralRegistration:
    if i.annual_sales is None:
        return vat.small_scale_standard(i.on, i.sector, law=law)
    return vat.must_register_general(i.annual_sales, i.on, i.sector, law=law)


def _standard_text(r: vat.SmallScaleStandard | vat.GeneralRegistration, lang: str, inputs: Any = None) -> str:
    if isinstance(r, vat.SmallScaleStandard):
        return _head(r, lang, f"小规模纳税人标准：年应征增值税销售额 {_yuan(r.limit)} 及以下",
                     f"small-scale up to and including annual taxable sales of {_yuan(r.limit)}")
    return _head(r, lang, f"应当登记为一般纳税人：{_yes(r.must_register, 'zh')}",
                 f"must register as a general taxpayer: {_yes(r.must_register, 'en')}")


@record
class ReregistrationInput:
    """A general taxpayer's sales before the re-registration day."""

    sales_by_period: Annotated[tuple[Decimal, ...], Amounts("sales of each period before the day, oldest first")]
    on: Annotated[_dt.date, Date("the re-registration day")]
    period: Annotated[str, Choice("the tax period the sales are given by", vat.PERIODS)] = "month"
    registered_under: Annotated[str, Choice("registered as general taxpayer under the VAT regulations or the "
                                            "营改增 pilot", vat.REGISTERED_UNDER)] = "regulations"
    previously_reregistered: Annotated[bool, Flag("re-registered as small-scale before and registered as "
                                                  "general again (18号 第八条)")] = False


def _reregistration(i: ReregistrationInput, *, law: Law | None) -> vat.Reregistration:
    return vat.may_reregister(i.sales_by_period, i.on, period=i.period, registered_under=i.registered_under,
                              previously_reregistered=i.previously_reregistered, law=law)


def _reregistration_text(r: vat.Reregistration, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"可以转登记为小规模纳税人：{_yes(r.eligible, 'zh')}",
                 f"may re-register as small-scale: {_yes(r.eligible, 'en')}")


@record
class SmallScaleInput:
    """A small-scale taxpayer's sales of a month or a quarter."""

    sales: Annotated[Decimal, Amount("tax-exclusive sales of the period")]
    period_start: Annotated[_dt.date, Date("the first day of the period")]
    period: Annotated[str, Choice("a month or a quarter", vat.PERIODS)] = "month"
    goods_sales: Annotated[Decimal | None, Amount("sales of goods and processing/repair (2018)")] = None
    services_sales: Annotated[Decimal | None, Amount("sales of services and intangibles (2018)")] = None
    real_estate_sales: Annotated[Decimal, Amount("of the sales, sales of immovable property (from 2026 also "
                                                 "leasing it and land-use rights)")] = _ZERO
    start_point_basis: Annotated[str | None, Choice(
        "from 2026, how the 起征点 is tested with sales of immovable property: all_sales (default) or carve_out",
        START_POINT_BASES)] = None


def _small_scale(i: SmallScaleInput, *, law: Law | None) -> vat.SmallScaleVat:
    return vat.small_scale_vat(i.sales, i.period_start, period=i.period, goods_sales=i.goods_sales,
                               services_sales=i.services_sales, real_estate_sales=i.real_estate_sales,
                               start_point_basis=i.start_point_basis, law=law)


def _small_scale_text(r: vat.SmallScaleVat, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"免征：{_yes(r.exempt, 'zh')}  应纳税额 {_yuan(r.tax_due)}",
                 f"exempt: {_yes(r.exempt, 'en')}  VAT due {_yuan(r.tax_due)}")


def _period_tax(i: vat.PeriodTaxInput, *, law: Law | None) -> vat.PeriodTax:
    return vat.period_tax_of(i, law=law)


def _period_tax_text(r: vat.PeriodTax, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"应纳税额 {_yuan(r.tax_payable)}  期末留抵税额 {_yuan(r.credit_carried)}",
                 f"tax payable {_yuan(r.tax_payable)}  credit carried forward {_yuan(r.credit_carried)}")


def _d(input: type[Any], compute: Any, result: tuple[type[Any], ...], text: Any) -> Definition:
    return Definition(input=input, compute=compute, result=result, text=text)


def _examples(definitions: dict[str, Definition]) -> dict[str, Definition]:
    return {k: dataclasses.replace(d, example=EXAMPLES[k]) for k, d in definitions.items()}


#: An input of each rule, as a JSON document gives it.
EXAMPLES: dict[str, dict[str, Any]] = {
    "vat.rate": {"band": "standard", "on": "2019-04-01"},
    "vat.replacement_rate": {"old_rate": "17%", "on": "2019-05-01", "applied_on": "2018-04-30"},
    "vat.invoice_rate": {"band": "standard", "liability_date": "2019-03-28", "invoice_date": "2019-04-15"},
    "vat.invoice_line": {"amount": "1130", "band": "standard", "on": "2019-04-01"},
    "vat.agricultural_deduction": {"purchase_price": "10000", "on": "2018-06-01", "for_top_rate_goods": True},
    "vat.small_scale_standard": {"on": "2017-06-01", "sector": "commerce", "annual_sales": "800000.01"},
    "vat.reregistration": {"sales_by_period": ["400000"] * 12, "on": "2018-10-15"},
    "vat.small_scale_vat": {"sales": "300000", "period_start": "2026-04-01", "period": "quarter",
                            "start_point_basis": "all_sales"},
    "vat.period_tax": {"period_start": "2019-04-01", "output_tax": "130000", "input_tax": "90000",
                       "credit_brought_forward": "5000"},
}

#: The definition of each VAT rule, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = _examples({
    "vat.rate": _d(RateInput, _rate, (vat.VatRate,), _rate_text),
    "vat.replacement_rate": _d(ReplacementInput, _replacement, (vat.ReplacementRate,), _replacement_text),
    "vat.invoice_rate": _d(InvoiceRateInput, _invoice_rate, (vat.InvoiceRate,), _invoice_rate_text),
    "vat.invoice_line": _d(InvoiceLineInput, _invoice_line, (vat.InvoiceLine,), _invoice_line_text),
    "vat.agricultural_deduction": _d(AgriculturalInput, _agricultural, (vat.AgriculturalInputTax,),
                                     _agricultural_text),
    "vat.small_scale_standard": _d(StandardInput, _standard, (vat.SmallScaleStandard, vat.GeneralRegistration),
                                   _standard_text),
    "vat.reregistration": _d(ReregistrationInput, _reregistration, (vat.Reregistration,), _reregistration_text),
    "vat.small_scale_vat": _d(SmallScaleInput, _small_scale, (vat.SmallScaleVat,), _small_scale_text),
    "vat.period_tax": _d(vat.PeriodTaxInput, _period_tax, (vat.PeriodTax,), _period_tax_text),
})
