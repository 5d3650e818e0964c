"""The deemed input credit on freight bills (运输费用扣除): 10%, then 7%, before transport joined VAT.

The rule
    A general taxpayer that paid freight on goods bought or sold, and holds an ordinary
    freight bill (运输费用结算单据, 运费结算单据（普通发票）, 货物运输业发票 — not a VAT
    special invoice), credits as input VAT ``运输费用金额 × 扣除率``.  The freight amount
    is the freight and the 建设基金 shown on the bill, without 装卸费、保险费 and other
    charges (财政部 国家税务总局令第50号 第十八条).  The rate, by the day the credit is
    declared (申报抵扣):

    * 10% from 1994-05-01 (财税字〔1994〕012号 第一条, in force by its 第三条);
    * 7% from 1998-07-01 (财税字〔1998〕114号: every claim declared from that day, 不论运输
      发票何时开具), in the regulations from 2009-01-01 (国务院令第538号 第八条第二款第（四）项).

    Whether a bill is a deduction voucher at all goes by the day it is dated (开具日期):
    an ordinary freight bill of a carrier other than the railway, to 2013-07-31 (transport
    joined VAT nationwide on 2013-08-01, 财税〔2013〕37号); a railway freight bill, to
    2013-12-31 (财税〔2013〕121号 第五条: bills issued from 2014-01-01 are no voucher).
    After those days the rule answers :class:`~taxcalc.errors.NotInForce` with the reason.

Keys read
    ``vat.freight.voucher.railway`` or ``vat.freight.voucher.other`` (on ``issued_on``);
    ``vat.freight.deduction_rate`` (on ``claimed_on``).

Rounding
    ``进项税额 = ROUND(运输费用金额 × 扣除率, 2)``, half up to the fen.

Choices and limits
    * ``freight_amount`` is the creditable amount of the bill, as the caller reads it:
      freight and 建设基金 only.  Freight on fixed assets before 2009 (外购货物（固定
      资产除外）) and freight the caller may not credit for other reasons (non-taxable
      use, a bill not of the admitted kinds) are the caller's to leave out.
    * A bill of a carrier inside a 2012 regional 营改增 pilot (Shanghai from 2012-01-01,
      other regions from 2012-09 to 2012-12, 财税〔2011〕111号, 〔2012〕71号) was a VAT
      invoice, credited at the tax it shows: it is not a freight bill of this rule (use
      :func:`~taxcalc.vat.invoice_line`).  The rule takes the caller's word that the
      bill is an ordinary freight bill.
    * ``claimed_on`` defaults to ``issued_on``.  The time limits for declaring the
      claim, which changed over the years, are not checked; claims declared after
      2014-12-31 are not read (a declared gap).  Days before 1994-05-01 are outside the data.
    * The return-form line is left empty: the line of 增值税纳税申报表附列资料（二） on
      which freight bills were entered in each era was not verified.

>>> t = freight_input_tax("10000", "2010-03-15")
>>> t.rate, t.input_tax
(Decimal('0.07'), Decimal('700.00'))
>>> freight_input_tax("10000", "1998-06-20").input_tax
Decimal('1000.00')
>>> freight_input_tax("10000", "1998-06-20", claimed_on="1998-07-10").input_tax   # 114号: by the claim day
Decimal('700.00')
>>> print(freight_input_tax("1234.56", "2013-12-31", carrier="railway").explain("en"))
1. freight amount (运输费用金额: freight and 建设基金, without other charges): 1,234.56
2. A railway freight bill is a deduction voucher, by the day the bill is dated: yes [国务院令第538号 第八条第二款第（四）项]
3. Freight deduction rate on an ordinary freight bill, by the day the credit is declared: 7% [国务院令第538号 第八条第二款第（四）项]
4. input VAT (进项税额): 86.42 = ROUND(freight_amount × rate, 2)
>>> freight_input_tax("10000", "2013-08-01")
Traceback (most recent call last):
...
taxcalc.errors.NotInForce: vat.freight.voucher.other on 2013-08-01: not in force: transport services other than the railway came under VAT nationwide on 2013-08-01 (财税〔2013〕37号): a carrier bills on a VAT invoice (货物运输业增值税专用发票 or 普通发票), credited at the tax it shows if special, and an ordinary freight bill issued from that day is no deduction voucher at 7%
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput
from ..explain import Explained, Step
from ..law import Law
from ..money import ZERO, DateLike, MoneyLike, choice, mul, nonnegative_money, round_fen
from ._common import day, law_or_default

__all__ = ["CARRIERS", "FreightInputTax", "freight_input_tax"]

#: ``railway`` (铁路运输费用结算单据, the railway's 货票) or ``other`` (road, water, air and
#: pipeline carriers' freight bills): railway bills stayed vouchers five months longer.
CARRIERS: tuple[str, ...] = ("other", "railway")

RATE = "vat.freight.deduction_rate"
VOUCHER = "vat.freight.voucher."


@dataclass(frozen=True, slots=True)
class FreightInputTax(Explained):
    """The input VAT credited on one ordinary freight bill (``voucher``: the bill was one the law admitted)."""

    freight_amount: Decimal
    issued_on: _dt.date
    claimed_on: _dt.date
    carrier: str
    voucher: bool
    rate: Decimal
    input_tax: Decimal
    steps: tuple[Step, ...]


def _read(data: Law, key: str, on: _dt.date, name: str) -> tuple[object, Step]:
    v = data.value(key, on)
    return v.value, data.step(v, name)


def freight_input_tax(
    freight_amount: MoneyLike,
    issued_on: DateLike,
    *,
    claimed_on: DateLike | None = None,
    carrier: str = "other",
    law: Law | None = None,
) -> FreightInputTax:
    """Input VAT ``ROUND(运输费用金额 × 扣除率, 2)`` on a freight bill dated ``issued_on``.

    The rate is that of ``claimed_on``, the day the credit is declared (default: the
    bill's day); whether the bill is a deduction voucher, that of ``issued_on``.
    """
    amount = nonnegative_money(freight_amount, "freight_amount")
    issued = day(issued_on, "issued_on")
    claimed = issued if claimed_on is None else day(claimed_on, "claimed_on")
    if claimed < issued:
        raise InvalidInput("claimed_on", f"the credit is declared on {claimed}, before the bill's day ({issued})")
    kind = choice(carrier, "carrier", CARRIERS)
    data = law_or_default(law)
    admitted, voucher_step = _read(data, VOUCHER + kind, issued, "voucher")
    amount_step = Step("freight_amount", "运输费用金额（运费和建设基金，不含装卸费、保险费等其他杂费）",
                       "freight amount (运输费用金额: freight and 建设基金, without other charges)", amount, "yuan")
    if admitted is not True:
        none = Step("input_tax", "进项税额：不得计算抵扣", "input VAT: none (the bill is no deduction voucher)", ZERO,
                    "yuan")
        return FreightInputTax(amount, issued, claimed, kind, voucher=False, rate=ZERO, input_tax=ZERO,
                               steps=(amount_step, voucher_step, none))
    rate, rate_step = _read(data, RATE, claimed, "rate")
    assert isinstance(rate, Decimal)
    tax = round_fen(mul(amount, rate))
    steps = (
        amount_step,
        voucher_step,
        rate_step,
        Step("input_tax", "进项税额", "input VAT (进项税额)", tax, "yuan", "ROUND(freight_amount × rate, 2)",
             formula_zh="ROUND(运输费用金额 × 扣除率, 2)"),
    )
    return FreightInputTax(amount, issued, claimed, kind, voucher=True, rate=rate, input_tax=tax, steps=steps)
