"""Venture-capital investment: 70% of the investment deducted from taxable income (创业投资企业抵扣应纳税所得额).

The rule
    A venture-capital enterprise (创业投资企业) that invests in equity of an unlisted
    small or medium high-tech enterprise (未上市的中小高新技术企业) and holds it for two
    years deducts 70% of the investment from its taxable income in the year the two
    years are complete (股权持有满2年的当年); what that year's income cannot take is
    carried forward to later years (当年不足抵扣的，可以在以后纳税年度结转抵扣)
    (企业所得税法 第三十一条; 实施条例 第九十七条).  From 2018-01-01 a direct cash
    investment in a seed-stage or start-up technology enterprise (初创科技型企业)
    qualifies too (财税〔2018〕55号 一（一）).

Keys read
    ``eit.venture.in_force`` (off: nothing is deducted), ``.ratio``,
    ``.startup_tech`` (on the day each holding completes); ``.holding_months`` (on
    the first day of the tax year).

The computation
    Each investment's holding starts on ``registered_on``, the day the investee
    registers the change (工商变更登记), and is complete on the last day of the 24th
    month: registered 2017-01-01, complete 2018-12-31; registered 2017-01-02,
    complete 2019-01-01.  The investments complete in the year add
    ``ROUND(amount × 70%, 2)`` each; with the amount brought forward this is what is
    available, and the year deducts ``MIN(available, MAX(income, 0))``, the rest
    carried forward.  ``income`` is the taxable income after the losses: on the
    annual return the losses come first (A100000 第21行) and this deduction after
    them (第22行, A107030).

Choices and limits
    * ``amount`` is the paid-in cash investment (实缴投资额); equity bought from
      other shareholders does not qualify (the caller leaves it out).
    * Whether the investee is a 中小高新技术企业 or an 初创科技型企业, and the
      investor a registered venture-capital enterprise, are the caller's facts; the
      size tests of either are not encoded.  Partnerships' corporate partners
      and angel investors (55号 一（二）, （三）) are not modelled, nor the 2017
      pilot areas (财税〔2017〕38号).
    * An investment disposed of before its holding completes earns nothing: leave
      it out.

>>> i = VentureInvestment(name="A", target="hnte_sme", registered_on=_dt.date(2017, 1, 1),
...                       amount=Decimal("10000000"))
>>> r = venture_capital(2018, [i], income=Decimal("5000000"))
>>> r.earned, r.deducted, r.carried_forward
(Decimal('7000000.00'), Decimal('5000000'), Decimal('2000000.00'))
>>> print(r.step("investments[0].completes").render("en"))
A: holding complete on: 2018-12-31 = 2017-01-01 + 24 months − 1 day [国务院令第512号 第九十七条]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ..calendar import add_months
from ..errors import InvalidInput
from ..explain import Citation, Explained, Formula, Step, format_value
from ..inputs import Amount, Choice, Date, Rows, Text, Year, record
from ..law import Law
from ..money import ZERO, add, choice, money, mul, round_fen, sub, total
from ._common import amount as _amount
from ._common import tax_year, the_law

__all__ = ["VENTURE_TARGETS", "VentureCapital", "VentureCapitalInput", "VentureInvestment", "venture_capital"]

#: ``hnte_sme`` (未上市的中小高新技术企业), ``startup_tech`` (初创科技型企业, from 2018).
VENTURE_TARGETS: tuple[str, ...] = ("hnte_sme", "startup_tech")

K = "eit.venture."
LINE = "A107030"
_DAY = _dt.timedelta(days=1)


@record
class VentureInvestment:
    """One equity investment of a venture-capital enterprise."""

    name: Annotated[str, Text("the investee, e.g. its name", max_length=120)]
    target: Annotated[str, Choice("hnte_sme (未上市的中小高新技术企业) or startup_tech (初创科技型企业, from 2018)",
                                  VENTURE_TARGETS)]
    registered_on: Annotated[_dt.date, Date("the day the investee registered the change (工商变更登记): the "
                                            "holding starts")]
    amount: Annotated[Decimal, Amount("the paid-in cash investment (实缴投资额), yuan")]


@record
class VentureCapitalInput:
    """A venture-capital enterprise's investments, its taxable income after losses, and what it brings forward."""

    year: Annotated[int, Year("the tax year")]
    income: Annotated[Decimal, Amount("taxable income of the year after losses (A100000 第21行 以后), yuan",
                                      sign="any")]
    investments: Annotated[tuple[VentureInvestment, ...], Rows("the investments held", VentureInvestment,
                                                               max_items=500)] = ()
    brought_forward: Annotated[Decimal, Amount("deduction carried forward from earlier years, yuan")] = ZERO


@dataclass(frozen=True, slots=True)
class VentureCapital(Explained):
    """The year's venture-capital deduction: earned this year, available, deducted and carried forward."""

    year: int
    income: Decimal
    earned: Decimal
    available: Decimal
    deducted: Decimal
    carried_forward: Decimal
    completed: tuple[str, ...]
    steps: tuple[Step, ...]


def completion_day(registered_on: _dt.date, months: int) -> _dt.date:
    """The day a holding that starts on ``registered_on`` has lasted ``months`` full months.

    >>> completion_day(_dt.date(2017, 1, 1), 24), completion_day(_dt.date(2016, 2, 29), 24)
    (datetime.date(2018, 12, 31), datetime.date(2018, 2, 27))
    """
    return add_months(registered_on, months) - _DAY


def _completes_formula(lang: str, start: _dt.date, months: int) -> str:
    return f"{start} + {months} months − 1 day" if lang == "en" else f"{start} + {months}个月 − 1日"


def _earned_formula(lang: str, amount: Decimal, ratio: Decimal) -> str:
    return f"ROUND({format_value(amount, 'yuan')} × {format_value(ratio, 'rate')}, 2)"


def _problems(year: int, investments: Sequence[VentureInvestment]) -> Iterator[tuple[str, str]]:
    for i, inv in enumerate(investments):
        if inv.registered_on.year > year:
            yield f"investments[{i}].registered_on", f"{inv.registered_on} is after tax year {year}"


def venture_capital(
    year: int,
    investments: Sequence[VentureInvestment],
    *,
    income: Decimal,
    brought_forward: Decimal = ZERO,
    law: Law | None = None,
) -> VentureCapital:
    """The year's deduction of 70% of the investments whose two-year holding completes in it."""
    y = tax_year(year)
    ti = money(income, "income")
    b = _amount(brought_forward, "brought_forward")
    if isinstance(investments, str | bytes) or not isinstance(investments, Sequence):
        raise InvalidInput("investments", "must be a list of VentureInvestment")
    for i, inv in enumerate(investments):
        if not isinstance(inv, VentureInvestment):
            raise InvalidInput(f"investments[{i}]", "must be a VentureInvestment")
        choice(inv.target, f"investments[{i}].target", VENTURE_TARGETS)
    for field, reason in _problems(y, investments):
        raise InvalidInput(field, reason)
    data = the_law(law)
    steps: list[Step] = []
    earned_parts: list[Decimal] = []
    completed: list[str] = []
    first = _dt.date(y, 1, 1)
    months_v = data.value(K + "holding_months", first)
    months = months_v.value
    assert isinstance(months, int)
    for i, inv in enumerate(investments):
        done = completion_day(inv.registered_on, months)
        steps.append(Step(f"investments[{i}].completes", f"{inv.name}：股权持有满期之日", f"{inv.name}: holding "
                          "complete on", done, "date", Formula(_completes_formula, (inv.registered_on, months)),
                          (months_v.citation,)))
        if done.year != y:
            continue
        on = data.value(K + "in_force", done)
        ratio = data.value(K + "ratio", done)
        assert isinstance(ratio.value, Decimal)
        cites: tuple[Citation, ...] = (ratio.citation,)
        if inv.target == "startup_tech":
            startup = data.value(K + "startup_tech", done)
            cites = (ratio.citation, startup.citation)
            if not startup.value:
                steps.append(Step(f"investments[{i}].qualifies", f"{inv.name}：投资初创科技型企业当时不适用",
                                  f"{inv.name}: investments in start-up technology enterprises did not qualify then",
                                  value=False, unit="bool", cite=(startup.citation,)))
                continue
        if not on.value:
            steps.append(Step(f"investments[{i}].qualifies", f"{inv.name}：政策未生效", f"{inv.name}: not in force",
                              value=False, unit="bool", cite=(on.citation,)))
            continue
        part = round_fen(mul(inv.amount, ratio.value))
        earned_parts.append(part)
        completed.append(inv.name)
        steps.append(Step(f"investments[{i}].earned", f"{inv.name}：本年可抵扣的投资额", f"{inv.name}: deduction "
                          "earned this year", part, "yuan", Formula(_earned_formula, (inv.amount, ratio.value)),
                          cites, LINE))
    earned = total(earned_parts)
    available = add(earned, b)
    deducted = min(available, max(ti, ZERO))
    carried = sub(available, deducted)
    cite = (data.value(K + "ratio", _dt.date(y, 12, 31)).citation,)
    steps += [
        Step("income", "弥补亏损后的应纳税所得额", "taxable income after losses", ti, "yuan", "", (), "A100000"),
        Step("available", "本年可抵扣额与以前年度结转合计", "deduction earned this year and brought forward",
             available, "yuan", "earned + brought_forward", (), LINE, "本年可抵扣额 + 以前年度结转"),
        Step("deducted", "本年抵扣应纳税所得额", "deducted from this year's taxable income", deducted, "yuan",
             "MIN(available, MAX(income, 0))", cite, LINE, "MIN(合计, MAX(应纳税所得额, 0))"),
        Step("carried_forward", "结转以后年度抵扣", "carried forward to later years", carried, "yuan",
             "available − deducted", cite, LINE, "合计 − 本年抵扣"),
    ]
    return VentureCapital(y, ti, earned, available, deducted, carried, tuple(completed), tuple(steps))
