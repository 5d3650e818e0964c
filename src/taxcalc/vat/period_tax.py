"""The VAT of one tax period of a general taxpayer (一般纳税人, 一般计税方法).

The rule
    The tax payable (应纳税额) is the period's output tax (销项税额) less its
    creditable input tax (进项税额) and less the excess credit brought forward from
    the period before (上期留抵税额).  When the input tax and the credit brought
    forward exceed the output tax, nothing is payable and the excess is carried
    forward to the next period (期末留抵税额).

    * to 2008-12-31: the 1993 regulations (国务院令第134号) 第四条 (data from 2002-01-01);
    * 2009-01-01 to 2025-12-31: 中华人民共和国增值税暂行条例 (国务院令第538号) 第四条;
    * from 2026-01-01: 中华人民共和国增值税法 第十四条 (the tax payable) and
      第二十一条 (the excess carried forward, or refunded on application).

    On the general taxpayer's return (增值税纳税申报表（一般纳税人适用）) the figures
    are lines 11 (销项税额), 12 (进项税额), 13 (上期留抵税额), 19 (应纳税额) and 20
    (期末留抵税额).

Keys read
    ``vat.period.input_credited`` (the citation of the tax payable) and
    ``vat.period.credit_carried_forward`` (the citation of the credit brought and
    carried forward).  Both are ``true`` throughout; under a what-if that sets
    ``input_credited`` to false the input tax is not credited, and one that sets
    ``credit_carried_forward`` to false carries nothing forward.

Choices and limits
    * The amounts are those of the return, already rounded to the fen; nothing is
      rounded here.  Input tax transferred out (进项税额转出, line 14), exports
      (免抵退, :func:`taxcalc.export.exempt_credit_refund`), tax found on audit and
      the simplified method (简易计税) are not part of this rule.
    * The law in force on ``period_start`` applies; a day before 2002-01-01 is
      outside the data (:class:`~taxcalc.errors.OutsideCoverage`).
    * To 2008-12-31 VAT was of the production type: the input tax on purchased
      fixed assets was not credited (国务院令第134号 第十条第（一）项).  ``input_tax`` is
      the creditable input of the return, as for any year: for a period before 2009
      leave the input on fixed assets out of it (the rule does not split it).
    * Under the 增值税法 a taxpayer may apply for a refund of the excess credit
      instead (第二十一条, on the State Council's conditions); the excess is
      shown as carried forward.

>>> r = period_tax("2019-05-01", "130000", "90000", credit_brought_forward="15000")
>>> r.tax_payable, r.credit_carried
(Decimal('25000'), Decimal('0'))
>>> r = period_tax("2026-01-01", "10000", "12500.50")
>>> r.tax_payable, r.credit_carried
(Decimal('0'), Decimal('2500.50'))
>>> print(r.step("credit_carried").render("en"))
excess credit carried forward: 2,500.50 = max(0, 12,500.50 − 10,000.00) [中华人民共和国增值税法 第二十一条] (《增值税纳税申报表（一般纳税人适用）》第20栏)
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, NamedTuple

from ..explain import Citation, Explained, Formula, Step, format_value
from ..inputs import Amount, Date, record
from ..law import Law
from ..money import ZERO, DateLike, MoneyLike, add, nonnegative_money, sub
from ._common import day, law_or_default

__all__ = ["CARRIED_KEY", "CREDITED_KEY", "PeriodTax", "PeriodTaxInput", "period_tax", "period_tax_of"]

CREDITED_KEY = "vat.period.input_credited"
CARRIED_KEY = "vat.period.credit_carried_forward"

_FORM = "《增值税纳税申报表（一般纳税人适用）》"

@record
class PeriodTaxInput:
    """The figures of one tax period of a general taxpayer, as on its return."""

    period_start: Annotated[_dt.date, Date("the first day of the tax period (a month or a quarter)")]
    output_tax: Annotated[Decimal, Amount("销项税额: the period's output tax (return line 11)")]
    input_tax: Annotated[Decimal, Amount("进项税额: the period's creditable input tax (return line 12)")]
    credit_brought_forward: Annotated[
        Decimal, Amount("上期留抵税额: the excess credit brought forward (return line 13)")
    ] = ZERO


@dataclass(frozen=True, slots=True)
class PeriodTax(Explained):
    """One period's VAT: ``tax_payable`` (应纳税额) or ``credit_carried`` (期末留抵税额), never both positive.

    ``tax_payable − credit_carried`` is ``output_tax − input_tax − credit_brought_forward``.
    """

    period_start: _dt.date
    output_tax: Decimal
    input_tax: Decimal
    credit_brought_forward: Decimal
    tax_payable: Decimal
    credit_carried: Decimal
    steps: tuple[Step, ...]

    @property
    def balance(self) -> Decimal:
        """``tax_payable − credit_carried``: the tax payable, negative for a credit carried forward."""
        return sub(self.tax_payable, self.credit_carried)


_L11, _L12, _L13, _L19, _L20 = (f"{_FORM}第{n}栏" for n in (11, 12, 13, 19, 20))


class _PeriodLaw(NamedTuple):
    """What the law says of a period: whether input is credited and the excess carried, and the citations."""

    credited: bool
    carried: bool
    credited_cite: tuple[Citation, ...]
    carried_cite: tuple[Citation, ...]
    both_cite: tuple[Citation, ...]


def _read_period_law(data: Law, on: _dt.date) -> _PeriodLaw:
    credited = data.value(CREDITED_KEY, on)
    carried = data.value(CARRIED_KEY, on)
    both = tuple(dict.fromkeys((credited.citation, carried.citation)))
    return _PeriodLaw(credited.value is True, carried.value is True, (credited.citation,), (carried.citation,), both)


def _yuan(x: Decimal) -> str:
    return format_value(x, "yuan")


def _sum(lang: str, inp: Decimal, bf: Decimal) -> str:
    return f"{_yuan(inp)} + {_yuan(bf)}"


def _not_credited(lang: str, bf: Decimal) -> str:
    return f"{_yuan(bf)}（进项税额不予抵扣）" if lang == "zh" else f"{_yuan(bf)} (input tax not credited)"


def _excess(lang: str, a: Decimal, b: Decimal) -> str:
    return f"max(0, {_yuan(a)} − {_yuan(b)})"


def _not_carried(lang: str) -> str:
    return "0（不结转下期）" if lang == "zh" else "0 (not carried forward)"


def period_tax(
    period_start: DateLike,
    output_tax: MoneyLike,
    input_tax: MoneyLike,
    credit_brought_forward: MoneyLike = ZERO,
    *,
    law: Law | None = None,
) -> PeriodTax:
    """The VAT payable, or the excess credit carried forward, for one tax period (see the module documentation)."""
    return _compute(
        day(period_start, "period_start"),
        nonnegative_money(output_tax, "output_tax"),
        nonnegative_money(input_tax, "input_tax"),
        nonnegative_money(credit_brought_forward, "credit_brought_forward"),
        law_or_default(law),
    )


def period_tax_of(facts: PeriodTaxInput, *, law: Law | None = None) -> PeriodTax:
    """:func:`period_tax` of a :class:`PeriodTaxInput` (its amounts already read)."""
    return _compute(facts.period_start, facts.output_tax, facts.input_tax, facts.credit_brought_forward,
                    law_or_default(law))


def _compute(on: _dt.date, out: Decimal, inp: Decimal, bf: Decimal, data: Law) -> PeriodTax:
    rule = data.memo(_read_period_law, on)
    available = add(inp, bf) if rule.credited else bf
    payable = max(ZERO, sub(out, available))
    end_credit = max(ZERO, sub(available, out)) if rule.carried else ZERO
    steps = (
        Step("output_tax", "销项税额", "output tax", out, "yuan", line=_L11),
        Step("input_tax", "进项税额", "input tax", inp, "yuan", line=_L12),
        Step("credit_brought_forward", "上期留抵税额", "excess credit brought forward", bf, "yuan",
             cite=rule.carried_cite, line=_L13),
        Step("credit_available", "可抵扣的进项税额与上期留抵税额合计", "input tax and credit brought forward",
             available, "yuan", Formula(_sum, (inp, bf)) if rule.credited else Formula(_not_credited, (bf,)),
             rule.both_cite),
        Step("tax_payable", "应纳税额", "tax payable", payable, "yuan", Formula(_excess, (out, available)),
             rule.credited_cite, _L19),
        Step("credit_carried", "期末留抵税额", "excess credit carried forward", end_credit, "yuan",
             Formula(_excess, (available, out)) if rule.carried else Formula(_not_carried), rule.carried_cite,
             _L20),
    )
    return PeriodTax(on, out, inp, bf, payable, end_credit, steps)
