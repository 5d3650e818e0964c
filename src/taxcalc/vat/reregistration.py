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
    * ``previously_reregistered=True`` says the taxpayer re-registered as
      small-scale before and has registered as general again: it may not
      re-register (18号 第八条第二款, key ``vat.reregistration.once_only``).
      Special exclusions are not checked.  Window end days "在YYYY年12月31日前"
      are read as inclusive.

After re-registration (:func:`reregistered_sales_check`)
    From the period after the re-registration day, for up to 12 consecutive
    months (or 4 consecutive quarters) of operation, a re-registered taxpayer
    whose taxable sales exceed the small-scale standard must register as a
    general taxpayer again (18号 第八条第一款; keys
    ``vat.reregistration.monitoring_months``, ``.monitoring_quarters``), and once
    registered again it may never re-register (第八条第二款).  The sales are
    cumulated from the first period of the window: the first period whose
    cumulative sales exceed the standard ("超过", strictly above 500万) is the
    one that triggers registration.  Periods after the window are not tested
    here (the ordinary 12-month test of :func:`must_register_general` applies).
    The standard is read on the first day of the period tested
    (``vat.small_scale.standard.<sector>``, 500万 for every sector from
    2018-05-01).

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
>>> may_reregister(["100000"] * 12, "2019-03-01", previously_reregistered=True).eligible
False
>>> c = reregistered_sales_check(["1000000"] * 6, "2018-06-15")
>>> c.must_register, c.breach_period, c.breach_period_start, c.cumulative_sales
(True, 6, datetime.date(2018, 12, 1), Decimal('6000000'))
>>> reregistered_sales_check(["1000000"] * 5, "2018-06-15").must_register
False
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..calendar import add_months, month_start, quarter_start
from ..errors import InvalidInput, NotInForce
from ..explain import Explained, Step
from ..law import Law
from ..money import DateLike, MoneyLike, add, div, flag, mul, nonnegative_money, round_fen, total
from ._common import choice, day, law_or_default
from .small_scale_standard import SECTORS, small_scale_standard

__all__ = ["PERIODS", "REGISTERED_UNDER", "ReregisteredSalesCheck", "Reregistration", "may_reregister",
           "reregistered_sales_check"]

PERIODS: tuple[str, ...] = ("month", "quarter")
#: ``regulations``: registered as general under 增值税暂行条例第十三条 / 实施细则第二十八条;
#: ``pilot``: registered under the 营改增 rules.
REGISTERED_UNDER: tuple[str, ...] = ("regulations", "pilot")

CAP = "vat.reregistration.sales_cap"
SCOPE = "vat.reregistration.scope"
LOOKBACK = {"month": "vat.reregistration.lookback_months", "quarter": "vat.reregistration.lookback_quarters"}
ONCE = "vat.reregistration.once_only"
MONITORING = {"month": "vat.reregistration.monitoring_months", "quarter": "vat.reregistration.monitoring_quarters"}


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
    previously_reregistered: bool = False,
    law: Law | None = None,
) -> Reregistration:
    """Whether a general taxpayer may re-register as small-scale on ``on`` (the 转登记日).

    ``previously_reregistered``: it re-registered before and has registered as general again.
    """
    sales = _sales(sales_by_period)
    d = day(on, "on")
    p = choice(period, "period", PERIODS)
    under = choice(registered_under, "registered_under", REGISTERED_UNDER)
    again = flag(previously_reregistered, "previously_reregistered")
    data = law_or_default(law)
    try:
        cap_v = data.value(CAP, d)
    except NotInForce as exc:
        step = Step("window_open", f"转登记窗口开放（{exc.reason_in('zh')}）",
                    f"re-registration window open ({exc.gap})", value=False, unit="bool",
                    cite=(exc.cite,) if exc.cite is not None else ())
        return Reregistration(d, p, eligible=False, periods_counted=0, estimated=False,
                              annual_sales=None, cap=None, steps=(step,))
    scope_v = data.value(SCOPE, d)
    n_v = data.value(LOOKBACK[p], d)
    cap: Decimal = cap_v.value  # type: ignore[assignment]
    n: int = n_v.value  # type: ignore[assignment]
    steps = [data.step(scope_v, "scope")]
    in_scope = scope_v.value == "any" or under == "regulations"
    barred = False
    if again:
        once_v = data.value(ONCE, d)
        steps.append(data.step(once_v, "once_only"))
        barred = bool(once_v.value)
        if barred:
            steps.append(Step("not_again", "未曾转登记后再次登记为一般纳税人", "has not re-registered before "
                              "and returned to general registration", value=False, unit="bool",
                              cite=(once_v.citation,)))
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
    steps.append(data.step(n_v, "lookback"))
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
    steps.append(data.step(cap_v, "cap"))
    eligible = in_scope and within and not barred
    steps.append(
        Step("eligible", "可以转登记为小规模纳税人", "may re-register as small-scale", eligible, "bool",
             "re-registered before" if barred else "in scope and annual_sales ≤ cap" if in_scope else "not in scope",
             formula_zh="曾转登记后再次登记为一般纳税人" if barred else
             "属于转登记范围且累计应税销售额 ≤ 上限" if in_scope else "不属于转登记范围")
    )
    return Reregistration(d, p, eligible, count, estimated, annual, cap, tuple(steps))


@dataclass(frozen=True, slots=True)
class ReregisteredSalesCheck(Explained):
    """After re-registration: must the taxpayer register as general again within the window?

    ``breach_period`` (1-based, from the first period after the re-registration
    day) is the first period whose cumulative sales exceed the standard, and
    ``breach_period_start`` its first day; both ``None`` when no period did.
    ``cumulative_sales`` is the sum to the breach, or of every period tested.
    """

    reregistered_on: _dt.date
    period: str
    window_periods: int
    window_first_day: _dt.date
    periods_tested: int
    must_register: bool
    breach_period: int | None
    breach_period_start: _dt.date | None
    cumulative_sales: Decimal
    standard: Decimal
    steps: tuple[Step, ...]


def _period_start(first: _dt.date, period: str, k: int) -> _dt.date:
    return add_months(first, k if period == "month" else 3 * k)


def reregistered_sales_check(
    sales_by_period: Sequence[MoneyLike],
    reregistered_on: DateLike,
    *,
    period: str = "month",
    sector: str = "production",
    law: Law | None = None,
) -> ReregisteredSalesCheck:
    """Whether a re-registered taxpayer's sales after its 转登记日 require general registration again.

    ``sales_by_period`` lists the taxable sales of the periods from the one after the
    re-registration day, oldest first; only those inside the window are tested.
    """
    sales = _sales(sales_by_period)
    d = day(reregistered_on, "reregistered_on")
    p = choice(period, "period", PERIODS)
    s = choice(sector, "sector", SECTORS)
    data = law_or_default(law)
    cap_v = data.value(CAP, d)  # the re-registration window of that day (a gap: not in force)
    n_v = data.value(MONITORING[p], d)
    once_v = data.value(ONCE, d)
    n: int = n_v.value  # type: ignore[assignment]
    this = month_start(d) if p == "month" else quarter_start(d)
    first = _period_start(this, p, 1)
    steps = [
        Step("reregistered_on", "转登记日", "re-registration day", d, "date", cite=(cap_v.citation,)),
        data.step(n_v, "window_periods"),
        Step("window_first_day", "监控期自转登记日的下期起", "the window starts with the period after the "
             "re-registration day", first, "date", cite=(n_v.citation,)),
    ]
    running = Decimal(0)
    breach: int | None = None
    standard = Decimal(0)
    tested = min(len(sales), n)
    for k in range(tested):
        start = _period_start(first, p, k)
        limit = small_scale_standard(start, s, law=data)
        standard = limit.limit
        running = add(running, sales[k])
        if k == 0:
            steps.append(limit.steps[0])
        if running > standard:
            breach = k + 1
            break
    label = "个月" if p == "month" else "个季度"
    count = breach if breach is not None else tested
    steps.append(Step("cumulative_sales", f"自转登记日的下期起{count}{label}累计应税销售额",
                      f"taxable sales of the first {count} {p}s after the re-registration day", running, "yuan",
                      f"SUM(sales_by_period[:{count}])", formula_zh=f"前{count}{label}应税销售额合计"))
    must = breach is not None
    start_of_breach = _period_start(first, p, breach - 1) if breach is not None else None
    steps.append(Step("must_register", "应当办理一般纳税人登记", "must register as a general taxpayer", must, "bool",
                      f"cumulative_sales > standard (in {p} {breach})" if must else
                      f"cumulative_sales ≤ standard in the {tested} {p}s tested",
                      (n_v.citation,),
                      formula_zh=f"至第{breach}{label}累计应税销售额 > 小规模纳税人标准"
                      if must else f"已检验的{tested}{label}累计应税销售额均未超过标准"))
    if must:
        steps.append(Step("may_reregister_again", "再次登记为一般纳税人后可以再转登记", "may re-register as "
                          "small-scale again after registering as general", not once_v.value, "bool",
                          cite=(once_v.citation,)))
    return ReregisteredSalesCheck(d, p, n, first, tested, must, breach, start_of_breach, running, standard,
                                  tuple(steps))
