"""Deemed-profit assessment: taxable income from revenue or costs and the deemed profit rate (核定应税所得率征收).

The rule
    An enterprise whose income tax is assessed at a deemed profit rate (核定应税所得率)
    has its taxable income computed from its taxable revenue or from its costs
    (国税发〔2008〕30号 第六条):

    * ``应纳税所得额 = 应税收入额 × 应税所得率`` (by revenue);
    * ``应纳税所得额 = 成本（费用）支出额 ÷ (1 − 应税所得率) × 应税所得率`` (by costs).

    The tax office fixes the rate within the range of the enterprise's main business
    (第七条: the business with the largest share of revenue, costs or inputs) from
    the table of 第八条: agriculture 3–10%, manufacturing 5–15%, wholesale and retail
    4–15%, transport 7–15%, construction 8–20%, catering 8–25%, entertainment
    15–30%, other industries 10–30%.

    The taxable income so found is what the small low-profit relief is computed on,
    as for an enterprise that keeps accounts: give ``employees`` and ``assets`` and
    the relief is computed (:func:`taxcalc.eit.small_profit`).

Keys read
    ``eit.deemed_profit.method`` (the formulas' citation),
    ``eit.deemed_profit.<industry>.min``, ``.max`` (the rate must be within them,
    both included); with the size figures, those of :func:`taxcalc.eit.small_profit`.
    Each on the tax year's last day.

Rounding
    The taxable income is rounded half up to the fen once, at the end.

Choices and limits
    * ``rate`` is the rate the tax office fixed; a rate outside the national range of
      the industry is refused (the provinces may narrow the ranges; they are not
      encoded).
    * ``revenue`` is the taxable revenue (应税收入额: total revenue less non-taxable
      and exempt revenue), computed by the caller.  Give ``revenue`` or ``costs``,
      not both.
    * For the small low-profit size caps before 2019, an industrial enterprise
      (工业企业) is taken to be one whose row is ``manufacturing``.
    * A fixed amount of tax (核定应纳所得税额, 定额征收) needs no computation.
    * The table before 2008 (国税发〔2000〕38号) is not encoded.

>>> r = deemed_profit(2019, "wholesale_retail", Decimal("0.10"), revenue=Decimal("8000000"))
>>> r.taxable_income
Decimal('800000.00')
>>> deemed_profit(2019, "wholesale_retail", Decimal("0.10"), costs=Decimal("9000000")).taxable_income
Decimal('1000000.00')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, format_value
from ..inputs import Amount, Choice, Rate, Year, record
from ..law import Law
from ..money import choice, div, mul, round_fen, sub
from ._common import amount as _amount
from ._common import tax_year, the_law, year_end
from .small_profit import SmallProfit, small_profit

__all__ = ["DEEMED_INDUSTRIES", "DeemedProfit", "DeemedProfitInput", "deemed_profit"]

#: The industries of the table of 国税发〔2008〕30号 第八条.
DEEMED_INDUSTRIES: tuple[str, ...] = ("agriculture", "manufacturing", "wholesale_retail", "transport",
                                      "construction", "catering", "entertainment", "other")

K = "eit.deemed_profit."
_ONE = Decimal(1)


@record
class DeemedProfitInput:
    """An enterprise assessed at a deemed profit rate: its revenue or costs, the rate, and optionally its size."""

    year: Annotated[int, Year("the tax year")]
    industry: Annotated[str, Choice("the main business, a row of 国税发〔2008〕30号 第八条: agriculture, "
                                    "manufacturing, wholesale_retail, transport, construction, catering, "
                                    "entertainment or other", DEEMED_INDUSTRIES)]
    rate: Annotated[Decimal, Rate("the deemed profit rate the tax office fixed (应税所得率)")]
    revenue: Annotated[Decimal | None, Amount("taxable revenue (应税收入额), yuan")] = None
    costs: Annotated[Decimal | None, Amount("costs and expenses (成本（费用）支出额), yuan")] = None
    employees: Annotated[Decimal | None, Amount("employees, the year's average (for the small low-profit "
                                                "relief)")] = None
    assets: Annotated[Decimal | None, Amount("total assets, the year's average (for the small low-profit "
                                             "relief)")] = None


@dataclass(frozen=True, slots=True)
class DeemedProfit(Explained):
    """The taxable income of a deemed-profit enterprise and, given its size, the small low-profit relief."""

    year: int
    industry: str
    rate: Decimal
    basis: str
    taxable_income: Decimal
    small_profit: SmallProfit | None
    steps: tuple[Step, ...]


def _income_formula(lang: str, basis: str, amount: Decimal, rate: Decimal) -> str:
    a, r = format_value(amount, "yuan"), format_value(rate, "rate")
    if basis == "revenue":
        return f"ROUND({a} × {r}, 2)" if lang == "en" else f"ROUND(应税收入额 {a} × {r}, 2)"
    return (f"ROUND({a} ÷ (1 − {r}) × {r}, 2)" if lang == "en"
            else f"ROUND(成本（费用）支出额 {a} ÷ (1 − {r}) × {r}, 2)")


def deemed_profit(
    year: int,
    industry: str,
    rate: Decimal,
    *,
    revenue: Decimal | None = None,
    costs: Decimal | None = None,
    employees: Decimal | None = None,
    assets: Decimal | None = None,
    law: Law | None = None,
) -> DeemedProfit:
    """The taxable income from ``revenue`` or ``costs`` at the deemed ``rate``; with the size, the relief."""
    y = tax_year(year)
    ind = choice(industry, "industry", DEEMED_INDUSTRIES)
    if not isinstance(rate, Decimal) or not rate.is_finite() or not Decimal(0) <= rate < _ONE:
        raise InvalidInput("rate", f"must be a Decimal share from 0 to below 1 (got {rate!r})")
    if (revenue is None) == (costs is None):
        raise InvalidInput("revenue", "give the taxable revenue or the costs, one of them")
    if (employees is None) != (assets is None):
        raise InvalidInput("employees" if employees is None else "assets",
                           "give both annual averages (employees and assets) for the small low-profit relief")
    data = the_law(law)
    day = year_end(y)
    method = data.value(K + "method", day)
    low = data.value(K + ind + ".min", day)
    high = data.value(K + ind + ".max", day)
    assert isinstance(low.value, Decimal) and isinstance(high.value, Decimal)
    if not low.value <= rate <= high.value:
        raise InvalidInput("rate", f"{format_value(rate, 'rate')} is outside the range of {ind}, "
                           f"{format_value(low.value, 'rate')} to {format_value(high.value, 'rate')} "
                           f"({low.citation})")
    if revenue is not None:
        basis, base = "revenue", _amount(revenue, "revenue")
        raw = mul(base, rate)
    else:
        basis, base = "costs", _amount(costs, "costs")
        raw = mul(div(base, sub(_ONE, rate)), rate)
    ti = round_fen(raw)
    steps = [
        data.step(low, "rate_min"),
        data.step(high, "rate_max"),
        Step("rate", "核定的应税所得率", "deemed profit rate fixed", rate, "rate", "", (low.citation,)),
        Step("taxable_income", "应纳税所得额", "taxable income", ti, "yuan",
             Formula(_income_formula, (basis, base, rate)), (method.citation,)),
    ]
    sp = None
    if employees is not None and assets is not None:
        sp = small_profit(ti, y, employees=employees, assets=assets, industrial=ind == "manufacturing", law=law)
        steps += list(sp.steps)
    return DeemedProfit(y, ind, rate, basis, ti, sp, tuple(steps))
