"""Re-registration of a general taxpayer as small-scale (一般纳税人转登记为小规模纳税人).

The rule
    In three windows a general taxpayer could choose to re-register as
    small-scale:

    * 2018-05-01 – 2018-12-31 (财税〔2018〕33号 第二条; 国家税务总局公告2018年
      第18号 第一条), only taxpayers registered as general under 增值税暂行条例
      第十三条 and 实施细则第二十八条 — not those registered under the 营改增
      rules;
    * 2019-01-01 – 2019-12-31 (国家税务总局公告2019年第4号), any general taxpayer;
    * 2020-05-01 – 2020-12-31 (国家税务总局公告2020年第9号), any general taxpayer.

    The test (18号 第一条第（二）项, repeated in the later notices): the taxable
    sales of the 12 consecutive months (monthly filers) or 4 consecutive
    quarters (quarterly filers) before the re-registration day (转登记日) add up
    to no more than 500万元 ("未超过", inclusive).  A business that has operated
    for fewer periods estimates the sum from its average: ``sum ÷ n × 12`` (or
    ``× 4``).

Keys read
    ``vat.reregistration.sales_cap``, ``.lookback_months``,
    ``.lookback_quarters``, ``.scope``.

Choices and limits
    * ``sales_by_period`` lists the taxable sales of the tax periods before the
      period containing the re-registration day, oldest first.  The last 12
      (or 4) are summed; if fewer are given, the business is taken to be that
      young and the average rule applies.  Partial periods are the caller's
      call (count a period with any operation as a period).
    * The estimate is compared exactly (``sum × 12 ≤ 500万 × n``); the result
      shows it rounded to the fen.
    * A day between the windows (2020-01-01 – 2020-04-30) answers "no" with the
      reason; a day before 2018-05-01 or after 2020-12-31 is outside the data
      (:class:`~taxcalc.errors.OutsideCoverage`): no later window is known.
    * Not checked: the bar on re-registering again after returning to general
      registration (18号 第八条), and any special exclusions.  Window end days
      "在YYYY年12月31日前" are read as inclusive.

>>> r = may_reregister(["400000"] * 12, "2018-10-15")
>>> r.eligible, r.annual_sales
(True, Decimal('4800000'))
>>> may_reregister(["400000"] * 11 + ["600000.01"], "2018-10-15").eligible
False
>>> young = may_reregister(["450000", "420000", "380000"], "2019-03-01")
>>> young.estimated, young.annual_sales, young.eligible
(True, Decimal('5000000.00'), True)
>>> may_reregister(["100000"] * 4, "2018-10-15", period="quarter", registered_under="pilot").eligible
False
>>> print(may_reregister(["100000"] * 4, "2020-03-01", period="quarter").explain("en"))
1. re-registration window open (no re-registration window was open: ...): no
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput, NotInForce
from ..explain import Explained, Step
from ..law import Law, LawValue
from ..money import DateLike, MoneyLike, div, mul, nonnegative_money, round_fen, total
from ._common import choice, day, law_or_default

__all__ = ["PERIODS", "REGISTERED_UNDER", "Reregistration", "may_reregister"]

PERIODS: tuple[str, ...] = ("month", "quarter")
#: ``regulations``: registered as general under 增值税暂行条例第十三条 / 实施细则第二十八条;
#: ``pilot``: registered under the 营改增 rules.
REGISTERED_UNDER: tuple[str, ...] = ("regulations", "pilot")

CAP = "vat.reregistration.sales_cap"
SCOPE = "vat.reregistration.scope"
LOOKBACK = {"month": "vat.reregistration.lookback_months", "quarter": "vat.reregistration.lookback_quarters"}


@dataclass(frozen=True, slots=True)
class Reregistration(Explained):
    """An explained yes/no: may the taxpayer re-register as small-scale on ``on``?

    ``annual_sales`` is the sum of the last ``periods_counted`` periods, or the
    estimate from their average when ``estimated``; ``None`` with ``cap`` when
    no window was open.
    """

    on: _dt.date
    period: str
    eligible: bool
    periods_counted: int
    estimated: bool
    annual_sales: Decimal | None
    cap: Decimal | None
    steps: tuple[Step, ...]


def _step(data: Law, v: LawValue, name: str) -> Step:
    spec = data.spec(v.key)
    return v.step(name, spec.zh, spec.en)


def _sales(sales_by_period: object) -> list[Decimal]:
    if isinstance(sales_by_period, str | bytes) or not isinstance(sales_by_period, Sequence):
        raise InvalidInput(
            "sales_by_period", "must be a list of the sales of each period, oldest first"
        )
    if not sales_by_period:
        raise InvalidInput("sales_by_period", "needs the sales of at least one period")
    return [nonnegative_money(s, f"sales_by_period[{i}]") for i, s in enumerate(sales_by_period)]


def may_reregister(
    sales_by_period: Sequence[MoneyLike],
    on: DateLike,
    *,
    period: str = "month",
    registered_under: str = "regulations",
    law: Law | None = None,
) -> Reregistration:
    """Whether a general taxpayer may re-register as small-scale on ``on`` (the 转登记日)."""
    sales = _sales(sales_by_period)
    d = day(on, "on")
    p = choice(period, "period", PERIODS)
    under = choice(registered_under, "registered_under", REGISTERED_UNDER)
    data = law_or_default(law)
    try:
        cap_v = data.value(CAP, d)
    except NotInForce:
        reason = next(
            v.gap for v in data.spec(CAP).values
            if v.gap and v.first <= d and (v.last is None or d <= v.last)
        )
        step = Step("window_open", f"转登记窗口开放（{reason}）",
                    f"re-registration window open ({reason})", value=False, unit="bool")
        return Reregistration(d, p, eligible=False, periods_counted=0, estimated=False,
                              annual_sales=None, cap=None, steps=(step,))
    scope_v = data.value(SCOPE, d)
    n_v = data.value(LOOKBACK[p], d)
    cap: Decimal = cap_v.value  # type: ignore[assignment]
    n: int = n_v.value  # type: ignore[assignment]
    steps = [_step(data, scope_v, "scope")]
    in_scope = scope_v.value == "any" or under == "regulations"
    if not in_scope:
        steps.append(
            Step("in_scope", "属于可以转登记的一般纳税人", "a general taxpayer allowed to re-register",
                 value=False, unit="bool", formula=f"registered_under = {under}",
                 formula_zh="按营改增试点规定登记" if under == "pilot" else "按增值税暂行条例登记")
        )
    used = sales[-n:]
    count = len(used)
    summed = total(used)
    label = "个月" if p == "month" else "个季度"
    steps.append(_step(data, n_v, "lookback"))
    steps.append(
        Step("sales_counted", f"转登记日前{count}{label}累计应税销售额",
             f"taxable sales of the {count} {p}s before the re-registration day", summed, "yuan",
             f"SUM(sales_by_period[-{count}:])" if len(sales) > count else "SUM(sales_by_period)",
             formula_zh=f"最近{count}{label}应税销售额合计")
    )
    if count < n:
        estimated = True
        annual = round_fen(div(mul(summed, Decimal(n)), Decimal(count)))
        within = mul(summed, Decimal(n)) <= mul(cap, Decimal(count))
        steps.append(
            Step("annual_sales", "按平均应税销售额估算的累计应税销售额",
                 f"estimated from the average (fewer than {n} periods)", annual, "yuan",
                 f"sales_counted ÷ {count} × {n}", (n_v.citation,),
                 formula_zh=f"累计应税销售额 ÷ {count} × {n}")
        )
    else:
        estimated = False
        annual = summed
        within = summed <= cap
    steps.append(_step(data, cap_v, "cap"))
    eligible = in_scope and within
    steps.append(
        Step("eligible", "可以转登记为小规模纳税人", "may re-register as small-scale", eligible, "bool",
             "in scope and annual_sales ≤ cap" if in_scope else "not in scope",
             formula_zh="属于转登记范围且累计应税销售额 ≤ 上限" if in_scope else "不属于转登记范围")
    )
    return Reregistration(d, p, eligible, count, estimated, annual, cap, tuple(steps))
