"""The rate on an invoice issued after a rate change for a sale made before it.

The rule
    The rate is decided by the day the VAT liability arises (纳税义务发生时间),
    never by the invoice day.  国家税务总局公告2018年第18号 第九条 says so for
    invoices: for a sale made before a rate change (在增值税税率调整前), a
    red-letter invoice (红字发票, for a discount, cancellation or return), a
    corrected re-issue (重新开具) and a late invoice (补开) all use the original
    rate (按照原适用税率); the invoicing software defaults to the new rate and
    the old one is chosen by hand.

    :func:`invoice_rate` returns the band's rate on the liability day, and when
    the rate on the invoice day differs, adds the 第九条 step that explains why
    the invoice still carries the old rate.

Steps
    ``liability_date``; ``rate_on_liability_date`` (the band's rate that day, cited);
    when the rate on the invoice day differs, ``rate_on_invoice_date`` and
    ``original_rate_rule``; last ``rate``, the rate on the invoice, with the
    citations it rests on (``step("rate")`` is the answer, as in every VAT rate rule).

Keys read
    ``vat.rate.<band>``; ``vat.invoice.original_rate_rule`` (from 2018-05-01).

Choices and limits
    * An invoice day before the liability day is refused: when the invoice is
      issued first, the liability arises on the invoice day (增值税暂行条例
      第十九条; 增值税法 第二十八条), so pass that day as ``liability_date``.
    * The rule is recorded from 2018-05-01 (the day 第九条 took effect).  An
      invoice issued before then whose rate would differ (the 2017-07-01
      switch) is outside the rule's coverage and raises
      :class:`~taxcalc.errors.OutsideCoverage`; when the rates agree nothing
      needs the rule and no error is raised.

>>> r = invoice_rate("standard", "2019-03-28", "2019-04-15")
>>> r.rate, r.rate_on_invoice_date
(Decimal('0.16'), Decimal('0.13'))
>>> print(r.explain("en"))
1. day the liability arose: 2019-03-28
2. VAT rate: goods, imports, processing and repair services (standard band) (when the liability arose): 16% [财税〔2018〕32号 第一条]
3. VAT rate: goods, imports, processing and repair services (standard band) (on the invoice day, 2019-04-15): 13% [财政部 税务总局 海关总署公告2019年第39号 第一条]
4. invoices for a sale made before a rate change use the original rate: yes [国家税务总局公告2018年第18号 第九条]
5. rate on the invoice: 16% = rate_on_liability_date [财税〔2018〕32号 第一条; 国家税务总局公告2018年第18号 第九条]
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput
from ..explain import Explained, Step
from ..law import Law
from ..money import DateLike
from ._common import band_value, day, law_or_default, value_step

__all__ = ["InvoiceRate", "invoice_rate"]

RULE_KEY = "vat.invoice.original_rate_rule"


@dataclass(frozen=True, slots=True)
class InvoiceRate(Explained):
    """The rate an invoice carries (``rate``) and the rate in force on the invoice day."""

    band: str
    liability_date: _dt.date
    invoice_date: _dt.date
    rate: Decimal
    rate_on_invoice_date: Decimal
    steps: tuple[Step, ...]


def invoice_rate(
    band: str, liability_date: DateLike, invoice_date: DateLike, *, law: Law | None = None
) -> InvoiceRate:
    """The rate for an invoice issued on ``invoice_date`` for a sale whose liability arose on ``liability_date``."""
    liability = day(liability_date, "liability_date")
    invoiced = day(invoice_date, "invoice_date")
    data = law_or_default(law)
    if invoiced < liability:
        raise InvalidInput(
            "invoice_date",
            f"{invoiced} is before the liability date {liability}; an invoice issued first "
            "fixes the liability on the invoice day, so pass it as liability_date",
        )
    at_sale = band_value(data, band, liability)
    at_invoice = band_value(data, band, invoiced, "band")
    sale_step, _ = value_step(data, at_sale)
    steps = [
        Step("liability_date", "纳税义务发生时间", "day the liability arose", liability, "date"),
        sale_step._replace(name="rate_on_liability_date", zh=f"{sale_step.zh}（纳税义务发生时）",
                           en=f"{sale_step.en} (when the liability arose)"),
    ]
    cite = sale_step.cite
    if at_invoice.value != at_sale.value:
        rule = data.value(RULE_KEY, invoiced)
        inv_step, _ = value_step(data, at_invoice)
        steps.append(
            inv_step._replace(
                name="rate_on_invoice_date",
                zh=f"{inv_step.zh}（开票日）",
                en=f"{inv_step.en} (on the invoice day, {invoiced})",
            )
        )
        steps.append(
            rule.step(
                "original_rate_rule",
                "税率调整前发生的销售，红字、重开或者补开发票按照原适用税率",
                "invoices for a sale made before a rate change use the original rate",
            )
        )
        cite = (*cite, rule.citation)
    steps.append(Step("rate", "发票适用税率", "rate on the invoice", at_sale.value, "rate", "rate_on_liability_date",
                      cite, formula_zh="纳税义务发生时的税率"))
    return InvoiceRate(band, liability, invoiced, at_sale.value, at_invoice.value, tuple(steps))  # type: ignore[arg-type]
