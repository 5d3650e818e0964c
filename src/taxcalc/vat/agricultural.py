"""Agricultural-product deduction (农产品扣除率): input VAT from the purchase price.

The rule
    A general taxpayer that buys farm produce on a purchase invoice (农产品收购
    发票) or a farmer's sales invoice (农产品销售发票) deducts input VAT of
    ``买价 × 扣除率``.  The rate by date:

    * 13% to 2017-06-30 (增值税暂行条例 第八条第二款第（三）项);
    * 11% from 2017-07-01 (财税〔2017〕37号 第二条), but produce used to make (or
      have processed) 17%-rate goods keeps 13% (维持原扣除力度不变);
    * 10% from 2018-05-01 (财税〔2018〕32号 第二条), 12% for produce used for
      16%-rate goods (第三条);
    * 9% from 2019-04-01 (2019年第39号 第二条), 10% for produce used for
      13%-rate goods (same article);
    * 9% from 2026-01-01 to 2027-12-31 under the 增值税法 (财政部 税务总局公告2026年第10号,
      secondary sources, article not verified; the 实施条例, 国务院令第826号 第十二条第（四）项,
      keeps the voucher and states no rate).  Whether produce used for 13%-rate goods
      still takes 10% is declared **unverified** for the same window: asked for it, the
      rule refuses with the reason (:class:`~taxcalc.errors.Unverified`).

Keys read
    ``vat.agri.deduction_rate``; ``vat.agri.deduction_rate_top_rate_goods``.

Rounding
    ``进项税额 = ROUND(买价 × 扣除率, 2)``, half up to the fen, as the amount is
    entered on the return.

Choices and limits
    * The date is the day of the purchase (the deduction voucher).  From 2017
      the extra points for top-rate goods are in practice claimed in the
      period the produce is put into production (领用); pass that period's day
      with ``for_top_rate_goods=True`` to get the higher rate for it.  The
      split between purchase and 领用 periods is not modelled.
    * Deductions from special VAT invoices or customs payment notes use the
      tax shown on them and are not this rule; the 核定扣除 pilot is not modelled.
    * 2026–2027: the rule answers in part.  The 9% answers for all produce (it is
      the rate on the purchase invoice whatever the produce is used for; in 2019–2025
      the extra point was claimed on 领用, on top of it).  Only the extra point for
      13%-rate goods is refused, with the declared reason, because no 2026 text or
      secondary source was found that keeps or ends it; it is neither assumed to go
      on (10%) nor to have stopped (9%).  After 2027-12-31 both are outside the data.

>>> agricultural_deduction_rate("2018-05-01").rate
Decimal('0.1')
>>> agricultural_deduction_rate("2018-05-01", for_top_rate_goods=True).rate
Decimal('0.12')
>>> t = agricultural_input_tax("10000", "2019-04-01")
>>> t.rate, t.input_tax
(Decimal('0.09'), Decimal('900.00'))
>>> print(agricultural_input_tax("10000", "2019-04-01", for_top_rate_goods=True).explain("en"))
1. purchase price (买价): 10,000.00
2. Agricultural-product deduction rate for produce used to make, or have processed, goods at the top rate: 10% [财政部 税务总局 海关总署公告2019年第39号 第二条]
3. input VAT (进项税额): 1,000.00 = ROUND(purchase_price × rate, 2)
>>> agricultural_input_tax("10000", "2026-12-01").input_tax
Decimal('900.00')
>>> from taxcalc.errors import Unverified
>>> try:
...     agricultural_input_tax("10000", "2026-12-01", for_top_rate_goods=True)
... except Unverified as refused:
...     print(refused.key, refused.last, refused.reason_zh.split("——")[0])
vat.agri.deduction_rate_top_rate_goods 2027-12-31 未核实：2026年起购进用于生产或者委托加工13%税率货物的农产品是否仍按10%的扣除率计算进项税额
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..explain import Explained, Step
from ..law import Law
from ..money import DateLike, MoneyLike, mul, nonnegative_money, round_fen
from ._common import day, flag_arg, law_or_default

__all__ = [
    "AgriculturalDeductionRate",
    "AgriculturalInputTax",
    "agricultural_deduction_rate",
    "agricultural_input_tax",
]

KEY = "vat.agri.deduction_rate"
KEY_TOP = "vat.agri.deduction_rate_top_rate_goods"


@dataclass(frozen=True, slots=True)
class AgriculturalDeductionRate(Explained):
    """The deduction rate for farm produce bought on ``on``."""

    on: _dt.date
    for_top_rate_goods: bool
    rate: Decimal
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class AgriculturalInputTax(Explained):
    """Input VAT computed from the purchase price of farm produce."""

    purchase_price: Decimal
    on: _dt.date
    for_top_rate_goods: bool
    rate: Decimal
    input_tax: Decimal
    steps: tuple[Step, ...]


def _rate_step(on: _dt.date, law: Law | None, *, top: bool) -> tuple[Decimal, Step]:
    data = law_or_default(law)
    key = KEY_TOP if top else KEY
    v = data.value(key, on)
    assert isinstance(v.value, Decimal)
    return v.value, data.step(v, "rate")


def agricultural_deduction_rate(
    on: DateLike, *, for_top_rate_goods: bool = False, law: Law | None = None
) -> AgriculturalDeductionRate:
    """The farm-produce deduction rate on ``on`` (the higher one if ``for_top_rate_goods``)."""
    d = day(on, "on")
    top = flag_arg(for_top_rate_goods, "for_top_rate_goods")
    rate, step = _rate_step(d, law, top=top)
    return AgriculturalDeductionRate(d, top, rate, (step,))


def agricultural_input_tax(
    purchase_price: MoneyLike,
    on: DateLike,
    *,
    for_top_rate_goods: bool = False,
    law: Law | None = None,
) -> AgriculturalInputTax:
    """Input VAT ``ROUND(买价 × 扣除率, 2)`` on farm produce bought for ``purchase_price`` on ``on``."""
    price = nonnegative_money(purchase_price, "purchase_price")
    d = day(on, "on")
    top = flag_arg(for_top_rate_goods, "for_top_rate_goods")
    rate, step = _rate_step(d, law, top=top)
    tax = round_fen(mul(price, rate))
    steps = (
        Step("purchase_price", "买价", "purchase price (买价)", price, "yuan"),
        step,
        Step("input_tax", "进项税额", "input VAT (进项税额)", tax, "yuan", "ROUND(purchase_price × rate, 2)",
             formula_zh="ROUND(买价 × 扣除率, 2)"),
    )
    return AgriculturalInputTax(price, d, top, rate, tax, steps)
