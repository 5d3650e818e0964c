"""The VAT rules as the registry describes them: input models, compute adapters, texts.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.vat`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from .. import vat
from ..explain import Explained, format_value
from ..inputs import Amount, Choice, Date, Flag, Integer, ListOf, Month, Rate, record
from ..vat.small_scale_exemption import (
    SMALL_SCALE_PERIODS,
    SPECIAL_INVOICE_RATES,
    START_POINT_BASES,
)
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
    """A small-scale taxpayer's sales of a month, a quarter or (per-transaction filers) a transaction or day."""

    sales: Annotated[Decimal, Amount("tax-exclusive sales of the period")]
    period_start: Annotated[_dt.date, Date("the first day of the period")]
    period: Annotated[str, Choice("a month, a quarter, or a transaction (per day) of a per-transaction filer "
                                  "(按次纳税, from 2026)", SMALL_SCALE_PERIODS)] = "month"
    goods_sales: Annotated[Decimal | None, Amount("sales of goods and processing/repair (2018)")] = None
    services_sales: Annotated[Decimal | None, Amount("sales of services and intangibles (2018)")] = None
    real_estate_sales: Annotated[Decimal, Amount("of the sales, sales of immovable property (from 2026 also "
                                                 "leasing it and land-use rights)")] = _ZERO
    start_point_basis: Annotated[str | None, Choice(
        "from 2026, how the 起征点 is tested with sales of immovable property: all_sales (default) or carve_out",
        START_POINT_BASES)] = None
    business: Annotated[str | None, Choice(
        "to 2008, where the collection rate depended on it: commerce (wholesale or retail, 4%) or other (6%)",
        vat.BUSINESSES)] = None
    special_invoice_sales: Annotated[Decimal, Amount("of the sales at 3%, sales on special VAT invoices (增值税专用发票), "
                                                     "taxed even under the threshold (from 2019)")] = _ZERO
    special_invoice_rate: Annotated[str, Choice(
        "rate of the special-invoice sales: reduced (the rate levied, 1% where reduced) or full (the reduction "
        "given up, 3%)", SPECIAL_INVOICE_RATES)] = "reduced"


def _small_scale(i: SmallScaleInput, *, law: Law | None) -> vat.SmallScaleVat:
    return vat.small_scale_vat(i.sales, i.period_start, period=i.period, goods_sales=i.goods_sales,
                               services_sales=i.services_sales, real_estate_sales=i.real_estate_sales,
                               start_point_basis=i.start_point_basis, business=i.business,
                               special_invoice_sales=i.special_invoice_sales,
                               special_invoice_rate=i.special_invoice_rate, law=law)


def _small_scale_text(r: vat.SmallScaleVat, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"免征：{_yes(r.exempt, 'zh')}  应纳税额 {_yuan(r.tax_due)}",
                 f"exempt: {_yes(r.exempt, 'en')}  VAT due {_yuan(r.tax_due)}")


def _period_tax(i: vat.PeriodTaxInput, *, law: Law | None) -> vat.PeriodTax:
    return vat.period_tax_of(i, law=law)


def _period_tax_text(r: vat.PeriodTax, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"应纳税额 {_yuan(r.tax_payable)}  期末留抵税额 {_yuan(r.credit_carried)}",
                 f"tax payable {_yuan(r.tax_payable)}  credit carried forward {_yuan(r.credit_carried)}")


@record
class FreightInput:
    """An ordinary freight bill (运输费用结算单据) and the day its credit is declared."""

    freight_amount: Annotated[Decimal, Amount("运输费用金额: the freight and 建设基金 on the bill, without 装卸费, "
                                              "保险费 and other charges")]
    issued_on: Annotated[_dt.date, Date("the day the bill is dated (开具日期)")]
    claimed_on: Annotated[_dt.date | None, Date("the day the credit is declared (申报抵扣); default: the bill's "
                                                "day")] = None
    carrier: Annotated[str, Choice("railway (铁路运输费用结算单据) or other (road, water, air)", vat.CARRIERS)] = "other"

    def checks(self) -> Iterator[tuple[str, str]]:
        """The credit is declared on or after the bill's day."""
        if self.claimed_on is not None and self.claimed_on < self.issued_on:
            yield "claimed_on", f"the credit is declared on {self.claimed_on}, before the bill's day ({self.issued_on})"


def _freight(i: FreightInput, *, law: Law | None) -> vat.FreightInputTax:
    return vat.freight_input_tax(i.freight_amount, i.issued_on, claimed_on=i.claimed_on, carrier=i.carrier, law=law)


def _freight_text(r: vat.FreightInputTax, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"进项税额 {_yuan(r.input_tax)}（扣除率 {_pct(r.rate)}）",
                 f"input VAT {_yuan(r.input_tax)} (deduction rate {_pct(r.rate)})")


# -- 加计抵减, 留抵退税 and the input composition ratio --------------------------------

@record
class SuperCreditInput:
    """One tax period of a general taxpayer under an input-VAT super-credit policy (加计抵减)."""

    period_start: Annotated[_dt.date, Date("the first day of the tax period")]
    policy: Annotated[str, Choice("the super-credit policy (one a period)", vat.SUPER_CREDIT_POLICIES)]
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


def _super_credit(i: SuperCreditInput, *, law: Law | None) -> vat.SuperCredit:
    return vat.super_credit(i.period_start, policy=i.policy, creditable_input_tax=i.creditable_input_tax,
                            tax_before_credit=i.tax_before_credit, sales_share=i.sales_share,
                            export_input_tax=i.export_input_tax, transferred_out_input_tax=i.transferred_out_input_tax,
                            brought_forward=i.brought_forward, months_operated=i.months_operated, law=law)


def _super_credit_text(r: vat.SuperCredit, lang: str, inputs: Any = None) -> str:
    if not r.in_force:
        return _head(r, lang, f"{r.policy} 加计抵减政策在 {r.period_start} 不适用", f"{r.policy} super-credit not in "
                     f"force on {r.period_start}")
    return _head(r, lang, f"加计抵减 {_yuan(r.used)}  应纳税额 {_yuan(r.tax_payable)}  期末余额 {_yuan(r.carried)}",
                 f"super-credit used {_yuan(r.used)}  tax payable {_yuan(r.tax_payable)}  "
                 f"balance carried {_yuan(r.carried)}")


@record
class InputCompositionInput:
    """The vouchers' share of the input VAT deducted since April 2019 (进项构成比例)."""

    on: Annotated[_dt.date, Date("the day of the refund application")]
    listed_input_tax: Annotated[Decimal, Amount("VAT on special invoices (with motor-vehicle invoices), customs "
                                                "and withholding certificates deducted")]
    total_input_tax: Annotated[Decimal, Amount("all input VAT deducted in the same months")]
    toll_road_input_tax: Annotated[Decimal, Amount("VAT on toll-road e-invoices deducted (counted from "
                                                   "2022-04-01)")] = _ZERO


def _input_composition(i: InputCompositionInput, *, law: Law | None) -> vat.InputCompositionRatio:
    return vat.input_composition_ratio(i.on, listed_input_tax=i.listed_input_tax, total_input_tax=i.total_input_tax,
                                       toll_road_input_tax=i.toll_road_input_tax, law=law)


def _input_composition_text(r: vat.InputCompositionRatio, lang: str, inputs: Any = None) -> str:
    return _head(r, lang, f"进项构成比例 {_pct(r.ratio)}", f"input composition ratio {_pct(r.ratio)}")


@record
class ExcessCreditRefundInput:
    """An application for the refund of excess input credit (留抵退税), with the months before it."""

    applied_on: Annotated[_dt.date, Date("the day of the application (in its filing period)")]
    category: Annotated[str, Choice("the taxpayer's category", vat.REFUND_CATEGORIES)]
    credit_rating: Annotated[str, Choice("the tax credit rating (纳税信用等级)", vat.CREDIT_RATINGS)]
    months: Annotated[tuple[_dt.date, ...], ListOf("the tax periods before the application, oldest first",
                                                    Month("a tax period"), noun="months", max_items=240,
                                                    min_items=1)]
    end_credits: Annotated[tuple[Decimal, ...], Amounts("期末留抵税额: the end credit of each month, in order",
                                                        max_items=240)]
    listed_input_tax: Annotated[Decimal, Amount("input composition: VAT on special invoices, customs and "
                                                "withholding certificates deducted since 2019-04")]
    total_input_tax: Annotated[Decimal, Amount("input composition: all input VAT deducted since 2019-04")]
    toll_road_input_tax: Annotated[Decimal, Amount("input composition: VAT on toll-road e-invoices deducted")] = _ZERO
    base_credit: Annotated[Decimal, Amount("the end credit of 2019-03-31")] = _ZERO
    prior_year_end_credit: Annotated[Decimal | None, Amount("from 2025-09 (general): the end credit of 12-31 of the "
                                                            "year before")] = None
    industry_sales_share: Annotated[Decimal | None, Rate("the share of sales in the category's listed industries")] = None
    size: Annotated[str | None, Choice("the enterprise's size (2022: small and micro, the stock schedule)",
                                       vat.SIZES)] = None
    stock_refunded: Annotated[bool, Flag("the one-off stock credit was refunded before (2022)")] = False
    excluded: Annotated[bool, Flag("an exclusion applies (fraud, two tax-evasion penalties in 36 months, "
                                   "即征即退 or 先征后返 since 2019-04-01)")] = False


def _excess_credit_refund(i: ExcessCreditRefundInput, *, law: Law | None) -> vat.ExcessCreditRefund:
    return vat.excess_credit_refund(
        i.applied_on, category=i.category, credit_rating=i.credit_rating, months=i.months, end_credits=i.end_credits,
        listed_input_tax=i.listed_input_tax, total_input_tax=i.total_input_tax,
        toll_road_input_tax=i.toll_road_input_tax, base_credit=i.base_credit,
        prior_year_end_credit=i.prior_year_end_credit, industry_sales_share=i.industry_sales_share, size=i.size,
        stock_refunded=i.stock_refunded, excluded=i.excluded, law=law)


def _excess_credit_refund_text(r: vat.ExcessCreditRefund, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)  # a rule given a file prints its steps (the last two: the refund and the credit left)


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
    "vat.freight_deduction": {"freight_amount": "10000", "issued_on": "2013-07-31", "claimed_on": "2013-08-20"},
    "vat.small_scale_standard": {"on": "2017-06-01", "sector": "commerce", "annual_sales": "800000.01"},
    "vat.reregistration": {"sales_by_period": ["400000"] * 12, "on": "2018-10-15"},
    "vat.small_scale_vat": {"sales": "300000", "period_start": "2026-04-01", "period": "quarter",
                            "start_point_basis": "all_sales", "business": "other"},
    "vat.period_tax": {"period_start": "2019-04-01", "output_tax": "130000", "input_tax": "90000",
                       "credit_brought_forward": "5000"},
    "vat.super_credit": {"period_start": "2019-10-01", "policy": "living_services", "sales_share": "80%",
                         "creditable_input_tax": "100000", "tax_before_credit": "20000"},
    "vat.input_composition_ratio": {"on": "2022-05-10", "listed_input_tax": "700000", "total_input_tax": "1000000",
                                    "toll_road_input_tax": "100000"},
    "vat.excess_credit_refund": {"applied_on": "2019-10-15", "category": "general", "credit_rating": "A",
                                 "months": ["2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09"],
                                 "end_credits": ["1100000", "1200000", "1300000", "1400000", "1500000", "1600000"],
                                 "base_credit": "1000000", "prior_year_end_credit": "1000000",
                                 "listed_input_tax": "900000", "total_input_tax": "1000000"},
}

#: The definition of each VAT rule, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = _examples({
    "vat.rate": _d(RateInput, _rate, (vat.VatRate,), _rate_text),
    "vat.replacement_rate": _d(ReplacementInput, _replacement, (vat.ReplacementRate,), _replacement_text),
    "vat.invoice_rate": _d(InvoiceRateInput, _invoice_rate, (vat.InvoiceRate,), _invoice_rate_text),
    "vat.invoice_line": _d(InvoiceLineInput, _invoice_line, (vat.InvoiceLine,), _invoice_line_text),
    "vat.agricultural_deduction": _d(AgriculturalInput, _agricultural, (vat.AgriculturalInputTax,),
                                     _agricultural_text),
    "vat.freight_deduction": _d(FreightInput, _freight, (vat.FreightInputTax,), _freight_text),
    "vat.small_scale_standard": _d(StandardInput, _standard, (vat.SmallScaleStandard, vat.GeneralRegistration),
                                   _standard_text),
    "vat.reregistration": _d(ReregistrationInput, _reregistration, (vat.Reregistration,), _reregistration_text),
    "vat.small_scale_vat": _d(SmallScaleInput, _small_scale, (vat.SmallScaleVat,), _small_scale_text),
    "vat.period_tax": _d(vat.PeriodTaxInput, _period_tax, (vat.PeriodTax,), _period_tax_text),
    "vat.super_credit": _d(SuperCreditInput, _super_credit, (vat.SuperCredit,), _super_credit_text),
    "vat.input_composition_ratio": _d(InputCompositionInput, _input_composition, (vat.InputCompositionRatio,),
                                      _input_composition_text),
    "vat.excess_credit_refund": _d(ExcessCreditRefundInput, _excess_credit_refund, (vat.ExcessCreditRefund,),
                                   _excess_credit_refund_text),
})
