"""Invoice arithmetic: split a tax-inclusive amount, or add tax to a net amount, per line.

The rule
    Output VAT (销项税额) on a sale is 销售额 × 税率 (增值税暂行条例 第五条; 增值税法
    第十五条), where 销售额 excludes the tax.  A price quoted with tax included
    (含税) is first divided by 1 + 税率.

Rounding (the practice implemented)
    On a VAT invoice every line shows 金额 (net amount) and 税额 (tax) in yuan
    with two decimals.  This module follows the invoicing software's practice,
    one line at a time:

    * tax-inclusive input (含税金额, the default): ``金额 = 含税金额 ÷ (1 + 税率)``
      rounded half up to the fen; ``税额 = 含税金额 − 金额``.  The line keeps the
      gross exactly (价税合计 is what the buyer pays).
    * tax-exclusive input (``tax_inclusive=False``): ``税额 = 金额 × 税率``
      rounded half up to the fen; ``价税合计 = 金额 + 税额``.

    ``ROUND(x, 2)`` in the step formulas is this half-up rounding to the fen.
    Either way ``|税额 − 金额 × 税率| ≤ 0.01`` (half a fen from each rounding),
    well inside the ±0.06 per-line tolerance that the invoicing system's own
    check (金额 × 税率 versus 税额) allows.  That tolerance and the software's
    rounding are practice, not a published tax document, so no citation is
    given for them; the rate's citation is.  Rounding per line, not per
    invoice, is a choice: sum the lines yourself for an invoice total.

Keys read
    ``vat.rate.<band>``.

Choices and limits
    * Amounts must be non-negative whole numbers of fen (at most two decimals):
      an invoice line cannot show more.  Red-letter (negative) lines are not
      modelled; compute the positive line and negate it.
    * The date is the day the liability arises (see
      :mod:`taxcalc.vat.invoice_rate` for invoices issued after a rate change).

>>> line = invoice_line("1160.00", "standard", "2018-06-01")
>>> line.net, line.tax, line.gross
(Decimal('1000.00'), Decimal('160.00'), Decimal('1160.00'))
>>> print(line.explain("en"))
1. VAT rate: goods, imports, processing and repair services (standard band): 16% [财税〔2018〕32号 第一条]
2. net amount (金额): 1,000.00 = ROUND(gross ÷ (1 + rate), 2)
3. VAT (税额): 160.00 = gross − net
>>> invoice_line("100", "low_rate_goods", "2019-04-01").tax
Decimal('8.26')
>>> invoice_line("91.74", "low_rate_goods", "2019-04-01", tax_inclusive=False).gross
Decimal('100.00')
>>> split_gross("100", "9%")
(Decimal('91.74'), Decimal('8.26'))
>>> invoice_line(100.0, "standard", "2019-04-01")
Traceback (most recent call last):
...
taxcalc.errors.NotMoney: amount: a float is not money; write "100.0" (a string) or Decimal("100.0")
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..errors import InvalidInput
from ..explain import Explained, Step
from ..law import Law
from ..money import CONTEXT, FEN, DateLike, MoneyLike, nonnegative_money
from ..money import rate as rate_arg
from ._common import band_rate, day, flag_arg, law_or_default

__all__ = ["InvoiceLine", "add_tax", "invoice_line", "split_gross"]

_ONE = Decimal(1)

# Formulas name the result fields they use (``gross``, ``net``, ``rate``, ``tax``;
# the same names in the JSON output).  The amount given is a result field, not a
# step: the steps are the rate with its citation and the two computed figures.
# Each formula also in Chinese, with the invoice's own words (金额, 税额, 价税合计).
_NET_FROM_GROSS = "ROUND(gross ÷ (1 + rate), 2)"
_NET_FROM_GROSS_ZH = "ROUND(价税合计 ÷ (1 + 税率), 2)"
_TAX_FROM_GROSS = "gross − net"
_TAX_FROM_GROSS_ZH = "价税合计 − 金额"
_TAX_FROM_NET = "ROUND(net × rate, 2)"
_TAX_FROM_NET_ZH = "ROUND(金额 × 税率, 2)"
_GROSS_FROM_NET = "net + tax"
_GROSS_FROM_NET_ZH = "金额 + 税额"


@dataclass(frozen=True, slots=True)
class InvoiceLine(Explained):
    """One invoice line: the band and day, the rate, 金额 (net), 税额 (tax) and 价税合计 (gross)."""

    band: str
    on: _dt.date
    rate: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal
    steps: tuple[Step, ...]


def _fen_amount(value: object, field: str) -> Decimal:
    amount = nonnegative_money(value, field)
    q = amount.quantize(FEN, ROUND_HALF_UP, CONTEXT)
    if q != amount:
        raise InvalidInput(field, f"an invoice amount is a whole number of fen (got {amount})")
    return q


def _split(gross: Decimal, one_plus: Decimal) -> tuple[Decimal, Decimal]:
    net = CONTEXT.divide(gross, one_plus).quantize(FEN, ROUND_HALF_UP, CONTEXT)
    return net, CONTEXT.subtract(gross, net)


def _add(net: Decimal, rate: Decimal) -> tuple[Decimal, Decimal]:
    tax = CONTEXT.multiply(net, rate).quantize(FEN, ROUND_HALF_UP, CONTEXT)
    return tax, CONTEXT.add(net, tax)


def split_gross(gross: MoneyLike, rate: MoneyLike) -> tuple[Decimal, Decimal]:
    """``(金额, 税额)`` for a tax-inclusive amount at ``rate`` (``"13%"``, ``"0.13"`` or Decimal).

    ``金额 = round_half_up(gross ÷ (1 + rate), 2)`` and ``税额 = gross − 金额``.

    >>> split_gross("1130", "13%")
    (Decimal('1000.00'), Decimal('130.00'))
    """
    g = _fen_amount(gross, "gross")
    r = rate_arg(rate, "rate")
    return _split(g, CONTEXT.add(_ONE, r))


def add_tax(net: MoneyLike, rate: MoneyLike) -> tuple[Decimal, Decimal]:
    """``(税额, 价税合计)`` for a tax-exclusive amount at ``rate``.

    ``税额 = round_half_up(net × rate, 2)`` and ``价税合计 = net + 税额``.

    >>> add_tax("1000", "6%")
    (Decimal('60.00'), Decimal('1060.00'))
    """
    n = _fen_amount(net, "net")
    r = rate_arg(rate, "rate")
    return _add(n, r)


def invoice_line(
    amount: MoneyLike,
    band: str,
    on: DateLike,
    *,
    tax_inclusive: bool = True,
    law: Law | None = None,
) -> InvoiceLine:
    """The invoice line for ``amount`` of ``band`` sold on ``on`` (the liability day).

    ``amount`` is 含税金额 (tax included) by default, or 金额 (net) with
    ``tax_inclusive=False``.
    """
    a = _fen_amount(amount, "amount")
    flag_arg(tax_inclusive, "tax_inclusive")
    d = day(on, "on")
    r, one_plus, rate_step = band_rate(law_or_default(law), band, d)
    if tax_inclusive:
        gross = a
        net, tax = _split(a, one_plus)
        s1 = Step("net", "金额（不含税）", "net amount (金额)", net, "yuan", _NET_FROM_GROSS, (), "", _NET_FROM_GROSS_ZH)
        s2 = Step("tax", "税额", "VAT (税额)", tax, "yuan", _TAX_FROM_GROSS, (), "", _TAX_FROM_GROSS_ZH)
    else:
        net = a
        tax, gross = _add(a, r)
        s1 = Step("tax", "税额", "VAT (税额)", tax, "yuan", _TAX_FROM_NET, (), "", _TAX_FROM_NET_ZH)
        s2 = Step("gross", "价税合计", "amount with VAT (价税合计)", gross, "yuan", _GROSS_FROM_NET, (), "",
                  _GROSS_FROM_NET_ZH)
    return InvoiceLine(band, d, r, net, tax, gross, (rate_step, s1, s2))
