"""Sales a small-scale taxpayer invoices on special VAT invoices (增值税专用发票).

The rule
    A special invoice may not be issued for an exempt sale: a small-scale
    taxpayer that issues one gives up, for the sales it invoices, the exemption
    of a period under the threshold (放弃免税), and those sales are taxed while
    the period's other sales stay exempt (国家税务总局公告2019年第4号, 2021年第5号,
    2023年第1号; from 2026 国家税务总局公告2026年第4号 一: "可以选择全部或者部分应税
    交易放弃免税并开具增值税专用发票").  Where the sales at 3% are taxed at a
    reduced rate (1%), the special invoice is at that rate unless the taxpayer
    also gives up the reduction (放弃减税) and invoices at 3% (国家税务总局公告2023年
    第1号; 2026年第4号 四).  From 2022-04-01 to 2022-12-31, when the sales at 3%
    were exempt altogether, special invoices were at 3% (国家税务总局公告2022年第6号).

Keys read
    ``vat.small_scale.special_invoice.exemption_waived`` (2019-01-01 –
    2027-12-31) and, where the rate is not the reduced one,
    ``vat.small_scale.special_invoice.full_rate``.

Rounding
    ``special_invoice_tax = ROUND(special_invoice_sales × special_invoice_rate, 2)``,
    half up to the fen.  At the period's one rate it is the special invoices' share,
    shown: the period's tax rounds all the taxable sales together; with the
    reduction given up, the two rates' sales are rounded apart and added.

Choices and limits
    * The special-invoice sales are part of the sales at the 3% collection rate
      (``sales − real_estate_sales``).
    * Giving up the exemption for the whole period is passing all those sales as
      special-invoice sales: the texts tie the waiver to issuing special invoices.
    * ``special_invoice_rate="full"`` from 2020-03-01 to 2022-03-31 is refused
      (:class:`~taxcalc.errors.InvalidInput`): whether the 1% could be given up then
      was not found in a text (a gap in the law data).  Before 2019 special-invoice
      sales are outside the data (:class:`~taxcalc.errors.OutsideCoverage`).
    * The refund of the tax on special invoices later recovered or reversed is not
      modelled.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput, OutsideCoverage
from ..explain import Step
from ..law import Law, LawValue
from ..money import ZERO, mul, round_fen, sub

__all__ = ["EXEMPTION_WAIVED", "FULL_RATE", "SPECIAL_INVOICE_RATES", "SpecialInvoiceSplit", "split_special_invoice_sales"]

EXEMPTION_WAIVED = "vat.small_scale.special_invoice.exemption_waived"
FULL_RATE = "vat.small_scale.special_invoice.full_rate"
#: ``reduced``: the special invoice at the rate levied on the period's sales at 3% (1% where reduced);
#: ``full``: the reduction given up (放弃减税), the special invoice at 3%.
SPECIAL_INVOICE_RATES: tuple[str, ...] = ("reduced", "full")


@dataclass(frozen=True, slots=True)
class SpecialInvoiceSplit:
    """The period's sales at 3% once the special-invoice sales are taken out and taxed."""

    exempt_sales: Decimal
    ordinary_taxable: Decimal
    special_rate: Decimal
    special_tax: Decimal
    steps: tuple[Step, ...]


def split_special_invoice_sales(
    data: Law, on: _dt.date, *, special: Decimal, exempt_sales: Decimal, taxable: Decimal,
    levy_v: LawValue, rate_choice: str,
) -> SpecialInvoiceSplit:
    """Take ``special`` out of the exempt or the taxable sales at 3% and tax it.

    ``exempt_sales`` and ``taxable`` are the period's split before special invoices:
    the sales at 3% are all on one side of it.  Where they are exempt, the special-
    invoice sales leave the exemption (the waiver's citation in the step); where they
    are taxed anyway, they are taxed with them, at the rate ``rate_choice`` says.
    """
    waived = data.value(EXEMPTION_WAIVED, on)
    levy: Decimal = levy_v.value  # type: ignore[assignment]
    steps = [Step("special_invoice_sales", "其中：开具增值税专用发票的销售额", "of which: sales on special VAT invoices",
                  special, "yuan")]
    if taxable >= special and taxable > 0:
        ordinary, exempt = sub(taxable, special), exempt_sales
        steps.append(Step("special_invoice_taxed", "开具专用发票的销售额随本期应税销售额计税",
                          "the sales on special invoices are taxed with the period's other taxable sales",
                          special, "yuan"))
    else:
        ordinary, exempt = taxable, sub(exempt_sales, special)
        steps.append(Step("special_invoice_taxed", "开具专用发票的销售额放弃免税，照章计税；其余销售额仍免征",
                          "the sales on special invoices give up the exemption and are taxed; the other "
                          "sales stay exempt", special, "yuan", "", (waived.citation,)))
    if rate_choice == "full" or levy == 0:
        try:
            full = data.value(FULL_RATE, on)
        except OutsideCoverage as e:
            raise InvalidInput("special_invoice_rate", f"giving up the reduced rate cannot be computed for {on}: "
                                                       f"{e}") from None
        rate: Decimal = full.value  # type: ignore[assignment]
        zh, en = (("放弃减税，专用发票按征收率计税", "the reduction given up: the special invoice at the collection rate")
                  if levy else ("适用3%征收率的销售额免征，开具专用发票的按征收率计税",
                                "sales at 3% exempt: a special invoice is at the collection rate"))
        steps.append(Step("special_invoice_rate", zh, en, rate, "rate", "", (full.citation,)))
    else:
        rate = levy
        steps.append(Step("special_invoice_rate", "专用发票适用的征收率（减按征收的，按减按后的征收率）",
                          "rate of the special invoice (the reduced rate where one applies)", rate, "rate", "",
                          (levy_v.citation,)))
    tax = round_fen(mul(special, rate)) if special else ZERO
    steps.append(Step("special_invoice_tax", "开具专用发票的销售额应纳税额", "VAT due on the sales on special invoices",
                      tax, "yuan", "ROUND(special_invoice_sales × special_invoice_rate, 2)",
                      formula_zh="ROUND(专用发票销售额 × 征收率, 2)"))
    return SpecialInvoiceSplit(exempt, ordinary, rate, tax, tuple(steps))
