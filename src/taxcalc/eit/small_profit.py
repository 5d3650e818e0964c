"""Small low-profit enterprises (小型微利企业): eligibility and the relief, by tax year.

The rule
--------
A resident enterprise in an industry that is neither restricted nor prohibited
(国家非限制和禁止行业) is a small low-profit enterprise for a tax year when its
taxable income (应纳税所得额, after losses brought forward), its employees
(从业人数, including dispatched workers) and its total assets (资产总额) are each
at most the cap of that year.  Its income is taxed at 20% (企业所得税法 第二十八条),
and from 2010 part of the income is first reduced (减按…计入应纳税所得额):

==========================  ======================================================
tax year                    relief
==========================  ======================================================
2008–2009                   20% on the whole income, caps 30万 / 100人 / 3000万
                            (industrial) or 80人 / 1000万 (other) (实施条例 第九十二条)
2010–2011                   income ≤ 3万: 50% × 20% (财税〔2009〕133号, 〔2011〕4号)
2012–2013                   ≤ 6万 (财税〔2011〕117号); 2014: ≤ 10万 (财税〔2014〕34号)
2015                        ≤ 20万 (财税〔2015〕34号); 20万–30万 from 2015-10-01
                            (财税〔2015〕99号), apportioned by months operated
2016                        ≤ 30万; 2017: ≤ 50万 (财税〔2017〕43号); 2018: ≤ 100万
                            (财税〔2018〕77号)
2019–2020                   ≤ 100万 at 25% × 20%, 100万–300万 at 50% × 20%; caps
                            300万 / 300人 / 5000万 for every industry (财税〔2019〕13号)
2021                        first 100万 at 12.5% × 20% (2021年第12号), rest 50% × 20%
2022                        12.5% × 20% and 25% × 20% (2022年第13号)
2023–2027                   25% × 20% on all (2023年第6号, 2023年第12号)
==========================  ======================================================

Before 2019 the reduction was a test of the whole enterprise: one whose income
was above the halving limit had no reduction at all.  From 2019 it works by
bands.  The values and their citations are data: see ``taxcalc law
eit.small_profit``.

Cliffs (the law's, shown and tested as such)
--------------------------------------------
* Income one fen above the cap loses the relief on **all** income: 2018,
  1,000,000.00 → tax 100,000.00; 1,000,000.01 → 250,000.00.  2019–2027 at
  3,000,000.00 and 3,000,000.01.
* Before 2019, income one fen above the halving limit loses the halving on all
  income (2010: 30,000.00 → 3,000.00; 30,000.01 → 6,000.00).
* Average employees or total assets one unit above the cap: no relief.
* A restricted or prohibited industry: no relief.

:func:`small_profit_cliffs` lists the income cliffs of a year.

Employees and assets: averaged by month to 2016, by quarter from 2017
----------------------------------------------------------------------
The method is a law value, ``eit.small_profit.averaging``:

* 2008–2016, ``monthly`` (财税〔2009〕69号 七): ``月平均值 = (月初值 + 月末值) ÷ 2``;
  ``全年月平均值 = 全年各月平均值之和 ÷ 12``.  Give :class:`Month` rows.
* from 2017, ``quarterly`` (财税〔2017〕43号 二, 财税〔2018〕77号 二 and their
  successors): ``季度平均值 = (季初值 + 季末值) ÷ 2``;
  ``全年季度平均值 = 全年各季度平均值之和 ÷ 4``.  Give :class:`Quarter` rows.

An enterprise that opens or closes during the year treats its operating period
as the tax year: the average is taken over the months (or quarters) it
operated in, the sum of their averages divided by their number.  Rows of the
other period are refused with the method the year's law names; the annual
averages may always be given directly (any year).  The annual computation
(:func:`taxcalc.eit.annual`) takes the same: ``EnterpriseYear.months`` for
2008–2016, ``quarters`` from 2017, or the annual averages.

Keys read
---------
``eit.small_profit.in_force``, ``.rate``, ``.income_cap``,
``.employees_cap.industrial`` / ``.other``, ``.assets_cap.industrial`` /
``.other``, ``.band1.limit``, ``.band1.ratio``, ``.band2.ratio``,
``.progressive``, ``.averaging``; ``eit.rate.standard``.  Tax year ``Y`` is
read on ``Y-12-31``; a year in which a value changes is read month by month and
apportioned by the months operated (see :mod:`taxcalc.eit._common`).

Rounding and choices
--------------------
* The tax is rounded half up to the fen once, at the end (the return form,
  A107040, carries fen).
* 工业企业 (before 2019) means mining, manufacturing and utilities (the 工业 of
  the statistical classification); the notices do not define it.
* When employees or assets are not given, the test is not made and the
  explanation says so.  :func:`taxcalc.eit.annual` always makes it.
* A 2015 enterprise is apportioned by months operated; a month counts when the
  enterprise operated on any day of it.

>>> r = small_profit("1000000", 2018, employees=50, assets="8000000")
>>> r.eligible, r.tax, r.relief
(True, Decimal('100000.00'), Decimal('150000.00'))
>>> small_profit("1000000.01", 2018, employees=50, assets="8000000").tax
Decimal('250000.00')
>>> small_profit("3000000", 2019, employees=300, assets="50000000").tax
Decimal('250000.00')
>>> small_profit("250000", 2015, employees=10, assets="1000000").tax
Decimal('43750.00')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, NamedTuple, TypeAlias

from ..errors import InvalidInput
from ..explain import Citation, Explained, Formula, Step, later, made_when_read, result
from ..inputs import Amount, Integer, record, take
from ..law import Law, LawValue
from ..money import CONTEXT, FEN, ZERO, DateLike, MoneyLike, div, round_fen, total
from ._common import (
    as_money,
    flag,
    month_end,
    months_operated,
    optional_date,
    percent,
    segments,
    tax_year,
    the_law,
    year_end,
    yuan,
)

__all__ = [
    "Averages",
    "Month",
    "Quarter",
    "SmallProfit",
    "monthly_averages",
    "quarterly_averages",
    "small_profit",
    "small_profit_cliffs",
]

_TWO = Decimal(2)


#: The most employees a head count may be (a guard against typos).
MAX_EMPLOYEES = 10_000_000


@record(checked=True)
class Quarter:
    """One quarter's headcount and total assets, at its start and its end (季初值, 季末值).

    For a quarter in which the enterprise opened, the start values are those on
    the opening day; for the quarter it closed, the end values are those on the
    closing day.  File fields: ``employees_start``, ``employees_end``,
    ``assets_start``, ``assets_end``, and ``quarter``, the quarter of the year it
    is (1 to 4; when not given, the rows are the quarters operated in order).
    """

    employees_start: Annotated[int, Integer("employees at the start of the quarter (季初值), dispatched "
                                            "workers included", minimum=0, maximum=MAX_EMPLOYEES)]
    employees_end: Annotated[int, Integer("employees at its end (季末值)", minimum=0, maximum=MAX_EMPLOYEES)]
    assets_start: Annotated[Decimal, Amount("total assets at the start of the quarter")]
    assets_end: Annotated[Decimal, Amount("total assets at its end")]
    quarter: Annotated[int | None, Integer("the quarter of the year, 1 to 4 (default: the rows are the "
                                           "quarters operated, in order)", minimum=1, maximum=4)] = None

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, employees_start: int, employees_end: int, assets_start: MoneyLike,
            assets_end: MoneyLike, quarter: int | None = ...) -> None: ...

    @classmethod
    def from_mapping(cls, data: object, where: str = "quarter") -> Quarter:
        """Build from a table with the field names above."""
        return take(cls, data, where)


@record(checked=True)
class Month:
    """One month's headcount and total assets, at its start and its end (月初值, 月末值): 2008–2016.

    For the month in which the enterprise opened, the start values are those on
    the opening day; for the month it closed, the end values are those on the
    closing day.  File fields: ``employees_start``, ``employees_end``,
    ``assets_start``, ``assets_end``, and ``month``, the month of the year it is
    (1 to 12; when not given, the rows are the months operated in order).
    """

    employees_start: Annotated[int, Integer("employees at the start of the month (月初值), dispatched "
                                            "workers included", minimum=0, maximum=MAX_EMPLOYEES)]
    employees_end: Annotated[int, Integer("employees at its end (月末值)", minimum=0, maximum=MAX_EMPLOYEES)]
    assets_start: Annotated[Decimal, Amount("total assets at the start of the month")]
    assets_end: Annotated[Decimal, Amount("total assets at its end")]
    month: Annotated[int | None, Integer("the month of the year, 1 to 12 (default: the rows are the "
                                         "months operated, in order)", minimum=1, maximum=12)] = None

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, employees_start: int, employees_end: int, assets_start: MoneyLike,
            assets_end: MoneyLike, month: int | None = ...) -> None: ...

    @classmethod
    def from_mapping(cls, data: object, where: str = "month") -> Month:
        """Build from a table with the field names above."""
        return take(cls, data, where)


@dataclass(frozen=True, slots=True)
class Averages(Explained):
    """The year's averages of employees and total assets (全年月平均值 or 全年季度平均值).

    ``quarters`` is the number of periods averaged: quarters, or months when
    ``method`` is ``"monthly"`` (2008–2016).
    """

    year: int
    quarters: int
    employees: Decimal
    assets: Decimal
    steps: tuple[Step, ...]
    method: str = "quarterly"


@result
class SmallProfit(Explained):
    """The small low-profit test and relief for one tax year.

    ``tax`` is the tax with the relief when ``eligible``, otherwise the tax at the
    standard rate; ``relief`` is ``standard_tax − tax`` (减免所得税额).  ``failed``
    names the tests not met: ``"in_force"``, ``"restricted"``, ``"income"``,
    ``"employees"``, ``"assets"``.
    """

    year: int
    income: Decimal
    eligible: bool
    failed: tuple[str, ...]
    employees: Decimal | None
    assets: Decimal | None
    industrial: bool
    tax: Decimal
    standard_tax: Decimal
    relief: Decimal
    steps: tuple[Step, ...]


class _Figures(NamedTuple):
    """The figures of a regime in force, as numbers (read with the values, once per law)."""

    rate: Decimal
    cap: Decimal
    employees_ind: int
    employees_other: int
    assets_ind: Decimal
    assets_other: Decimal
    limit: Decimal
    ratio1: Decimal
    ratio2: Decimal
    progressive: bool


class _Regime(NamedTuple):
    """The law values of one day (one segment of a year)."""

    in_force: LawValue
    standard: LawValue
    standard_rate: Decimal
    figures: _Figures | None = None
    rate: LawValue | None = None
    cap: LawValue | None = None
    employees_ind: LawValue | None = None
    employees_other: LawValue | None = None
    assets_ind: LawValue | None = None
    assets_other: LawValue | None = None
    limit: LawValue | None = None
    ratio1: LawValue | None = None
    ratio2: LawValue | None = None
    progressive: LawValue | None = None


def _d(v: LawValue | None) -> Decimal:
    assert v is not None and isinstance(v.value, Decimal)
    return v.value


def _regime(law: Law, day: _dt.date) -> _Regime:
    in_force = law.value("eit.small_profit.in_force", day)
    standard = law.value("eit.rate.standard", day)
    std = _d(standard)
    if not in_force.value:
        return _Regime(in_force, standard, std)
    v = law.value
    # These two first: an error for a day outside the data names the same key as ever.
    rate, limit = v("eit.small_profit.rate", day), v("eit.small_profit.band1.limit", day)
    values = (
        rate,
        v("eit.small_profit.income_cap", day),
        v("eit.small_profit.employees_cap.industrial", day),
        v("eit.small_profit.employees_cap.other", day),
        v("eit.small_profit.assets_cap.industrial", day),
        v("eit.small_profit.assets_cap.other", day),
        limit,
        v("eit.small_profit.band1.ratio", day),
        v("eit.small_profit.band2.ratio", day),
        v("eit.small_profit.progressive", day),
    )
    rate, cap, e_ind, e_other, a_ind, a_other, limit, r1, r2, progressive = values
    assert isinstance(e_ind.value, int) and isinstance(e_other.value, int)
    figures = _Figures(_d(rate), _d(cap), e_ind.value, e_other.value, _d(a_ind), _d(a_other), _d(limit), _d(r1),
                       _d(r2), bool(progressive.value))
    return _Regime(in_force, standard, std, figures, *values)


def _read_year_regimes(law: Law, year: int, months: tuple[int, ...]) -> tuple[tuple[tuple[int, ...], _Regime], ...]:
    """The regimes of the months operated, grouped where equal (one group in most years); kept by :meth:`Law.memo`."""
    _regime(law, year_end(year))  # a year outside the data is reported on its last day
    return segments(months, lambda m: _regime(law, month_end(year, m)))


def quarterly_averages(quarters: Sequence[Quarter], year: int, *, law: Law | None = None) -> Averages:
    """The year's average employees and total assets from quarterly figures (from 2017).

    ``季度平均值 = (季初值 + 季末值) ÷ 2``; the year's value is the sum of the
    quarters' averages divided by their number (4 for a full year; fewer for an
    enterprise that opened or closed during the year).  A year whose law
    averages by month (before 2017) is refused: see :func:`monthly_averages`.

    >>> qs = [Quarter(40, 44, "6000000", "6400000")] * 3 + [Quarter(44, 50, "6400000", "7000000")]
    >>> a = quarterly_averages(qs, 2018)
    >>> a.employees, a.assets
    (Decimal('43.25'), Decimal('6325000'))
    """
    return _period_averages(quarters, year, the_law(law), Quarter)


def monthly_averages(months: Sequence[Month], year: int, *, law: Law | None = None) -> Averages:
    """The year's average employees and total assets from monthly figures (2008–2016).

    ``月平均值 = (月初值 + 月末值) ÷ 2``; the year's value is the sum of the
    months' averages divided by their number (12 for a full year; fewer for an
    enterprise that opened or closed during the year) (财税〔2009〕69号 七).  A
    year whose law averages by quarter (from 2017) is refused.

    >>> ms = [Month(40, 40, "6000000", "6000000")] * 11 + [Month(40, 52, "6000000", "7200000")]
    >>> a = monthly_averages(ms, 2016)
    >>> a.employees, a.assets
    (Decimal('40.5'), Decimal('6050000'))
    """
    return _period_averages(months, year, the_law(law), Month)


#: By method (``eit.small_profit.averaging``): the row type, the field of the rows, the most rows, and the labels.
_PERIOD: dict[str, tuple[type, str, int, str, str, str]] = {
    "monthly": (Month, "months", 12, "月", "month", "monthly"),
    "quarterly": (Quarter, "quarters", 4, "季", "quarter", "quarterly"),
}


def _period_averages(rows_in: Sequence[Quarter | Month], year: int, law: Law,
                     kind: type[Quarter] | type[Month]) -> Averages:
    """The one computation of the averages, by months or by quarters as the year's law says."""
    y = tax_year(year)
    field = "quarters" if kind is Quarter else "months"
    method = law.memo(_read_method, y)
    _check_period(method, y, field)
    most = _PERIOD[str(method.value)][2]
    rows = tuple(rows_in)
    if not 1 <= len(rows) <= most:
        raise InvalidInput(field, f"give 1 to {most} {field} (got {len(rows)})")
    for i, q in enumerate(rows):
        if not isinstance(q, kind):
            raise InvalidInput(f"{field}[{i}]", f"must be a {kind.__name__}")
    emp, assets = _averages(rows)
    steps = _average_steps(method, len(rows), emp, assets)
    return Averages(y, len(rows), emp, assets, steps, str(method.value))


def _averages(rows: Sequence[Quarter | Month]) -> tuple[Decimal, Decimal]:
    """全年平均值 of employees and total assets: Σ(期初值 + 期末值) ÷ 2 ÷ number of periods (months or quarters)."""
    n2 = Decimal(2 * len(rows))
    employees, assets = 0, ZERO
    for q in rows:
        employees += q.employees_start + q.employees_end
        assets = CONTEXT.add(CONTEXT.add(assets, q.assets_start), q.assets_end)
    return CONTEXT.divide(Decimal(employees), n2), CONTEXT.divide(assets, n2)


def _average_steps(method: LawValue, n: int, emp: Decimal, assets: Decimal) -> tuple[Step, ...]:
    _, _, _, zh, en, adj = _PERIOD[str(method.value)]
    formula = f"Σ(start + end of each {en}) ÷ 2 ÷ {n}"
    formula_zh = f"Σ({zh}初值 + {zh}末值) ÷ 2 ÷ {n}"
    return (
        Step("small_profit.employees_average", f"从业人数全年{zh}{'度' if zh == '季' else ''}平均值",
             f"average employees ({adj})", emp, "count", formula, (method.citation,), formula_zh=formula_zh),
        Step("small_profit.assets_average", f"资产总额全年{zh}{'度' if zh == '季' else ''}平均值",
             f"average total assets ({adj})", assets, "yuan", formula, (method.citation,), formula_zh=formula_zh),
    )


def _read_method(law: Law, year: int) -> LawValue:
    """How the year's averages are taken, ``monthly`` or ``quarterly`` (kept by :meth:`Law.memo`)."""
    method = law.value("eit.small_profit.averaging", year_end(year))
    if method.value not in _PERIOD:
        raise InvalidInput("eit.small_profit.averaging", f"unknown method {method.value!r}")
    return method


def _check_period(method: LawValue, year: int, field: str) -> None:
    """Refuse rows of the period the year's law does not average by, naming the method and its source."""
    _, wanted, _, _, period, _ = _PERIOD[str(method.value)]
    if wanted != field:
        c = method.citation
        give = f"give {wanted}, or the annual averages"
        raise InvalidInput(field, f"in {year} employees and total assets are averaged by {period} "
                           f"({c.doc} {c.article}): {give} (employees, assets)")


def _read_averaging(law: Law, year: int, field: str = "quarters") -> LawValue:
    """The method of the year, for averages taken from ``field`` (``quarters`` or ``months``; kept by
    :meth:`Law.memo`).

    A year whose law averages by the other period is refused, naming ``field``.
    """
    method = _read_method(law, year)
    _check_period(method, year, field)
    return method


def _quarters_operated(months: tuple[int, ...]) -> int:
    return (months[-1] - 1) // 3 - (months[0] - 1) // 3 + 1


def _tests(
    income: Decimal, r: _Regime, employees: Decimal | None, assets: Decimal | None,
    *, industrial: bool, restricted: bool,
) -> tuple[str, ...]:
    g = r.figures
    if g is None:
        return ("in_force",)
    if industrial:
        e_cap, a_cap = g.employees_ind, g.assets_ind
    else:
        e_cap, a_cap = g.employees_other, g.assets_other
    if (not restricted and income <= g.cap and (employees is None or employees <= e_cap)
            and (assets is None or assets <= a_cap)):
        return ()  # every test met (the usual case)
    failed: list[str] = []
    if restricted:
        failed.append("restricted")
    if income > g.cap:
        failed.append("income")
    if employees is not None and employees > e_cap:
        failed.append("employees")
    if assets is not None and assets > a_cap:
        failed.append("assets")
    return tuple(failed)


def _included(income: Decimal, g: _Figures) -> Decimal:
    """The income as reduced (减按…计入) of an eligible enterprise under one regime."""
    if g.progressive and income > g.limit:
        return CONTEXT.add(CONTEXT.multiply(g.limit, g.ratio1),
                           CONTEXT.multiply(CONTEXT.subtract(income, g.limit), g.ratio2))
    return CONTEXT.multiply(income, g.ratio1 if income <= g.limit else g.ratio2)


class _Part(NamedTuple):
    """One run of months with the same law: the tests not met and the year's tax under that law."""

    months: tuple[int, ...]
    regime: _Regime
    failed: tuple[str, ...]
    included: Decimal | None  # the income as reduced, when eligible
    tax: Decimal  # exact: the whole year's income under this part's law


#: What :func:`_assess` finds: ``(parts, eligible, failed, exact, tax, standard_tax)`` — the parts of the
#: year, whether the relief applies, the tests not met, the tax before rounding (apportioned where the law
#: changed inside the year), the tax and the standard tax rounded to the fen.
_Assessment: TypeAlias = tuple[tuple[_Part, ...], bool, tuple[str, ...], Decimal, Decimal, Decimal]


def _assess(
    segs: tuple[tuple[tuple[int, ...], _Regime], ...], ti: Decimal, months: tuple[int, ...], emp: Decimal | None,
    ast: Decimal | None, *, industrial: bool, restricted: bool,
) -> _Assessment:
    """The tests and the relief, by the law of each run of months (``segs``), apportioned by months operated.

    The one computation of the rule: :func:`small_profit` and the annual
    computation explain its parts, each in its own steps.
    """
    standard_exact = CONTEXT.multiply(ti, segs[-1][1].standard_rate)
    parts: list[_Part] = []
    for ms, r in segs:
        failed = _tests(ti, r, emp, ast, industrial=industrial, restricted=restricted)
        if failed or r.figures is None:
            parts.append(_Part(ms, r, failed, None, standard_exact))
        else:
            included = _included(ti, r.figures)
            parts.append(_Part(ms, r, failed, included, CONTEXT.multiply(included, r.figures.rate)))
    if len(parts) == 1:
        exact = parts[0].tax
        all_failed = parts[0].failed
        eligible = not all_failed
    else:  # apportioned by the months operated; eligible when the relief applied in any part of the year
        exact = div(total(CONTEXT.multiply(p.tax, Decimal(len(p.months))) for p in parts), Decimal(len(months)))
        all_failed = tuple(dict.fromkeys(f for p in parts for f in p.failed))
        eligible = any(not p.failed for p in parts)
    return (tuple(parts), eligible, all_failed, exact, CONTEXT.quantize(exact, FEN),  # half up to the fen
            CONTEXT.quantize(standard_exact, FEN))


_MARK = {True: "✓", False: "✗"}
_KIND = {True: ("工业企业", "industrial"), False: ("其他企业", "other")}
#: The labels of the step of the small low-profit tests, by ``industrial``.
_KIND_TESTS = {k: (f"小型微利企业条件（{zh}）", f"small low-profit tests ({en})") for k, (zh, en) in _KIND.items()}


def _le_yuan(lang: str, amount: Decimal, cap: Decimal, ok: bool) -> str:  # noqa: FBT001
    return f"{yuan(amount)} ≤ {yuan(cap)} {_MARK[ok]}"


def _le_count(lang: str, n: Decimal, cap: int, ok: bool) -> str:  # noqa: FBT001
    return f"{n:f} ≤ {cap} {_MARK[ok]}"


def _times(lang: str, amount: Decimal, share: Decimal) -> str:
    return f"{yuan(amount)} × {percent(share)}"


def _relief_formula(lang: str, income: Decimal, rate: Decimal, tax: Decimal) -> str:
    return f"{yuan(income)} × {percent(rate)} − {yuan(tax)}"


def _part_steps(
    income: Decimal, part: _Part, label: str, employees: Decimal | None, assets: Decimal | None,
    *, industrial: bool, restricted: bool,
) -> list[Step]:
    """The tests and the reduction of one part of the year, a step for each."""
    r, failed = part.regime, part.failed
    p = f"small_profit{label}."
    if not r.in_force.value:
        return [r.in_force.step(p + "in_force", "小型微利企业优惠是否有效", "relief in force")]
    cap, limit_v, ratio1, ratio2, rate = r.cap, r.limit, r.ratio1, r.ratio2, r.rate
    assert cap is not None and limit_v is not None and ratio1 is not None and ratio2 is not None
    assert rate is not None and r.progressive is not None
    kind_zh, kind_en = _KIND[industrial]
    steps: list[Step] = [
        cap.step(p + "income_cap", "年度应纳税所得额上限（含）", "taxable income cap (inclusive)",
                 Formula(_le_yuan, (income, _d(cap), "income" not in failed))),
    ]
    if employees is None:
        steps.append(Step(p + "employees_cap", "从业人数：未提供，未检验", "employees: not given, not tested", None))
    else:
        e = r.employees_ind if industrial else r.employees_other
        assert e is not None
        steps.append(e.step(p + "employees_cap", f"从业人数上限（{kind_zh}，含）", f"employees cap ({kind_en}, inclusive)",
                            Formula(_le_count, (employees, e.value, "employees" not in failed))))
    if assets is None:
        steps.append(Step(p + "assets_cap", "资产总额：未提供，未检验", "total assets: not given, not tested", None))
    else:
        a = r.assets_ind if industrial else r.assets_other
        assert a is not None
        steps.append(a.step(p + "assets_cap", f"资产总额上限（{kind_zh}，含）", f"total assets cap ({kind_en}, inclusive)",
                            Formula(_le_yuan, (assets, _d(a), "assets" not in failed))))
    if restricted:
        steps.append(Step(p + "restricted", "从事国家限制或禁止行业：不符合", "restricted or prohibited industry: not eligible",
                          value=True, unit="bool", cite=(cap.citation,)))
    if failed:
        return steps
    limit = _d(limit_v)
    if r.progressive.value:
        steps.append(limit_v.step(p + "band1_limit", "第1档所得上限（含）", "band 1 limit (inclusive)"))
        steps.append(ratio1.step(p + "band1_ratio", "第1档减按比例计入", "band 1 share included",
                                 Formula(_times, (min(income, limit), _d(ratio1)))))
        if income > limit:
            steps.append(ratio2.step(p + "band2_ratio", "第2档减按比例计入", "band 2 share included",
                                     Formula(_times, (CONTEXT.subtract(income, limit), _d(ratio2)))))
    elif income <= limit:
        steps.append(limit_v.step(p + "band1_limit", "减按比例计入的所得上限（含）", "reduced-inclusion limit (inclusive)",
                                  Formula(_le_yuan, (income, limit, True))))
        steps.append(ratio1.step(p + "band1_ratio", "所得减按比例计入", "share of income included"))
    else:
        steps.append(limit_v.step(p + "band1_limit", "减按比例计入的所得上限（含）：超过，全部所得不减计",
                                  "reduced-inclusion limit (inclusive): exceeded, no reduction on any income",
                                  Formula(_le_yuan, (income, limit, False))))
        steps.append(ratio2.step(p + "band2_ratio", "所得计入比例", "share of income included"))
    steps.append(rate.step(p + "rate", "适用税率", "rate"))
    return steps


def _parts_steps(y: int, ti: Decimal, months: tuple[int, ...], parts: tuple[_Part, ...], emp: Decimal | None,
                 ast: Decimal | None, *, industrial: bool, restricted: bool, exact: Decimal) -> list[Step]:
    """The steps of a year whose law changed inside it: each part's tests and tax, then the apportioned tax."""
    steps: list[Step] = []
    cites: list[Citation] = []
    n = len(months)
    for part in parts:
        ms = part.months
        label = f"[{y}-{ms[0]:02d}..{ms[-1]:02d}]"
        steps.extend(_part_steps(ti, part, label, emp, ast, industrial=industrial, restricted=restricted))
        if part.regime.limit is not None:
            cites.append(part.regime.limit.citation)
        steps.append(Step(f"small_profit{label}.tax", f"{label} 全年口径税额", f"{label} tax on the year's income",
                          round_fen(part.tax), "yuan", f"× {len(ms)}/{n}", tuple(cites[-1:])))
    steps.append(Step("small_profit.apportioned", "按经营月份分摊后的税额", "tax apportioned by months operated",
                      round_fen(exact), "yuan", f"Σ(tax of each part × its months) ÷ {n}",
                      tuple(dict.fromkeys(cites)), formula_zh=f"Σ(各期税额 × 月数) ÷ {n}"))
    return steps


def small_profit(
    income: MoneyLike,
    year: int,
    *,
    employees: MoneyLike | None = None,
    assets: MoneyLike | None = None,
    quarters: Sequence[Quarter] | None = None,
    months: Sequence[Month] | None = None,
    industrial: bool = False,
    restricted: bool = False,
    opened: DateLike | None = None,
    closed: DateLike | None = None,
    law: Law | None = None,
) -> SmallProfit:
    """Test a small low-profit enterprise and compute its tax for tax year ``year``.

    ``income`` is the year's taxable income after losses (应纳税所得额, ≥ 0).
    Employees and total assets are given either as the annual averages
    (``employees``, ``assets``), or as ``quarters`` (from 2017) or ``months``
    (2008–2016), as the year's law averages them; ``industrial`` selects the
    工业企业 caps before 2019; ``restricted`` marks a restricted or prohibited
    industry.  ``opened`` / ``closed`` (dates inside the year) give a part-year
    enterprise.

    >>> r = small_profit("300000", 2010, employees=20, assets="500000")
    >>> r.tax, r.failed
    (Decimal('60000.00'), ())
    >>> small_profit("300000.01", 2010, employees=20, assets="500000").failed
    ('income',)
    >>> small_profit("800000", 2018, employees=90, assets="800000").failed
    ('employees',)
    >>> small_profit("800000", 2018, employees=90, assets="800000", industrial=True).tax
    Decimal('80000.00')
    >>> small_profit("300000", 2016, months=[Month(80, 80, "10000000", "10000000")] * 12).tax
    Decimal('30000.00')
    """
    law = the_law(law)
    y = tax_year(year)
    ti = as_money(income, "income")
    industrial = flag(industrial, "industrial")
    restricted = flag(restricted, "restricted")
    operated = months_operated(y, optional_date(opened, "opened"), optional_date(closed, "closed"))
    avg_steps: tuple[Step, ...] = ()
    if quarters is not None and months is not None:
        raise InvalidInput("months", "give either quarters or months, not both")
    rows: Sequence[Quarter | Month] | None = quarters if months is None else months
    if rows is not None:
        field, kind = ("quarters", Quarter) if months is None else ("months", Month)
        if employees is not None or assets is not None:
            raise InvalidInput(field, f"give either {field} or the annual averages, not both")
        rs = tuple(rows)
        _check_period(law.memo(_read_method, y), y, field)
        expected = _quarters_operated(operated) if kind is Quarter else len(operated)
        if len(rs) != expected:
            raise InvalidInput(field, f"the enterprise operated in {expected} {field[:-1]}(s) of {y}; "
                               f"give one row for each (got {len(rs)})")
        av = _period_averages(rs, y, law, kind)
        emp: Decimal | None = av.employees
        ast: Decimal | None = av.assets
        avg_steps = av.steps
    else:
        emp = None if employees is None else as_money(employees, "employees")
        ast = None if assets is None else as_money(assets, "assets")
    return _compute(law, y, ti, operated, emp, ast, industrial=industrial, restricted=restricted,
                    avg_steps=avg_steps)


def _compute(
    law: Law, y: int, ti: Decimal, months: tuple[int, ...], emp: Decimal | None,
    ast: Decimal | None, *, industrial: bool, restricted: bool, avg_steps: tuple[Step, ...] = (),
) -> SmallProfit:
    """The rule on its own: every test and the tax, a step each."""
    segs = law.memo(_read_year_regimes, y, months)
    parts, eligible, failed, exact, tax, standard_tax = _assess(segs, ti, months, emp, ast, industrial=industrial,
                                                                restricted=restricted)
    standard = parts[-1].regime.standard
    std_rate = _d(standard)
    steps: list[Step] = [*avg_steps, Step("small_profit.income", "年度应纳税所得额", "taxable income of the year", ti,
                                          "yuan")]
    if len(parts) == 1:
        steps.extend(_part_steps(ti, parts[0], "", emp, ast, industrial=industrial, restricted=restricted))
    else:
        steps.extend(_parts_steps(y, ti, months, parts, emp, ast, industrial=industrial, restricted=restricted,
                                  exact=exact))
    relief = CONTEXT.subtract(standard_tax, tax)
    steps.append(standard.step("small_profit.standard_rate", "基本税率", "standard rate"))
    steps.append(Step("small_profit.tax", "应纳所得税额" if eligible else "应纳所得税额（不享受优惠，按基本税率）",
                      "tax" if eligible else "tax (no relief: standard rate)", tax, "yuan",
                      "", (), "A107040" if eligible else ""))
    steps.append(Step("small_profit.relief", "减免所得税额", "tax relief", relief, "yuan",
                      Formula(_relief_formula, (ti, std_rate, tax)), (), "A107040"))
    return SmallProfit(y, ti, eligible, failed, emp, ast, industrial, tax, standard_tax, relief, tuple(steps))


#: How the size figures were averaged, as the tests show it: ``""`` (given as averages), or the method.
_AVERAGED = {"": ("", ""), "quarterly": ("（全年季度平均值）", " (quarterly averages)"),
             "monthly": ("（全年月平均值）", " (monthly averages)")}


def _tests_formula(lang: str, ti: Decimal, cap: Decimal, size: tuple[Decimal, int, Decimal, Decimal] | None,
                   oks: tuple[bool, bool, bool], averaged: str, restricted: bool) -> str:  # noqa: FBT001
    income_test = f"{yuan(ti)} ≤ {yuan(cap)} {_MARK[oks[0]]}"
    zh = lang == "zh"
    text = f"应纳税所得额 {income_test}" if zh else f"income {income_test}"
    if size is not None:
        emp, e_cap, ast, a_cap = size
        emp_test = f"{emp:f} ≤ {e_cap} {_MARK[oks[1]]}"
        ast_test = f"{yuan(ast)} ≤ {yuan(a_cap)} {_MARK[oks[2]]}"
        if zh:
            text += f"；从业人数{_AVERAGED[averaged][0]} {emp_test}；资产总额 {ast_test}"
        else:
            text += f"; employees{_AVERAGED[averaged][1]} {emp_test}; assets {ast_test}"
    if restricted:
        text += "；国家限制和禁止行业 ✗" if zh else "; restricted industry ✗"
    return text


def _included_formula(lang: str, ti: Decimal, limit: Decimal, r1: Decimal, r2: Decimal,
                      progressive: bool) -> str:  # noqa: FBT001
    if progressive and ti > limit:
        return f"{yuan(limit)} × {percent(r1)} + {yuan(CONTEXT.subtract(ti, limit))} × {percent(r2)}"
    if ti <= limit:
        return f"{yuan(ti)} × {percent(r1)} (≤ {yuan(limit)})"
    if lang == "zh":
        return f"{yuan(ti)} × {percent(r2)}（超过 {yuan(limit)}，全部所得不减计）"
    return f"{yuan(ti)} × {percent(r2)} (> {yuan(limit)}: no reduction)"


#: What the relief inside the annual computation finds: ``(eligible, tax, result)`` — whether it applies,
#: the tax with it (the standard tax when it does not), and the :class:`SmallProfit` (made when read).
_InAnnual: TypeAlias = tuple[bool, Decimal, SmallProfit]


def _in_annual(
    segs: tuple[tuple[tuple[int, ...], _Regime], ...], y: int, ti: Decimal, months: tuple[int, ...],
    emp: Decimal | None, ast: Decimal | None, *, industrial: bool, restricted: bool, averaged: LawValue | None,
) -> _InAnnual:
    """The rule inside the annual computation: a whole-year regime in three steps (tests, reduced income, rate).

    The computation is :func:`_assess`, as on its own; the steps are fewer and
    fuller, as the annual return shows them.  A year whose law changes inside it
    is explained part by part (with the quarterly averages when given).  The
    annual computation needs only whether the relief applies and its tax: the
    :class:`SmallProfit` is made when the annual result's ``small_profit`` is read.
    """
    found = _assess(segs, ti, months, emp, ast, industrial=industrial, restricted=restricted)
    parts, eligible = found[0], found[1]
    tax = found[5] if len(parts) == 1 and parts[0].failed else found[4]  # not eligible: the standard tax
    return eligible, tax, made_when_read(_in_annual_result, y, ti, months, emp, ast, industrial, restricted,
                                         averaged, found)


def _in_annual_result(_: object, y: int, ti: Decimal, months: tuple[int, ...], emp: Decimal | None,
                      ast: Decimal | None, industrial: bool, restricted: bool,  # noqa: FBT001
                      averaged: LawValue | None, found: _Assessment) -> SmallProfit:
    """The :class:`SmallProfit` of the relief inside the annual computation (made when read)."""
    parts, eligible, failed, exact, tax, standard_tax = found
    if len(parts) > 1:
        return SmallProfit(y, ti, eligible, failed, emp, ast, industrial, tax, standard_tax,
                           CONTEXT.subtract(standard_tax, tax),
                           later(_parts_in_annual_steps, months, parts, exact, averaged, restricted))
    part = parts[0]
    if part.failed:  # not eligible (or not in force): the standard tax, no relief
        return SmallProfit(y, ti, eligible, part.failed, emp, ast, industrial, standard_tax, standard_tax,
                           ZERO, later(_part_in_annual_steps, part, averaged, restricted))
    return SmallProfit(y, ti, eligible, (), emp, ast, industrial, tax, standard_tax,
                       CONTEXT.subtract(standard_tax, tax), later(_part_in_annual_steps, part, averaged, restricted))


def _parts_in_annual_steps(s: SmallProfit, months: tuple[int, ...], parts: tuple[_Part, ...], exact: Decimal,
                           averaged: LawValue | None, restricted: bool) -> list[Step]:  # noqa: FBT001
    """The steps of a year whose law changed inside it, inside the annual computation (written when first read)."""
    emp, ast = s.employees, s.assets
    avg = () if averaged is None or emp is None or ast is None else _average_steps(
        averaged, len(months) if averaged.value == "monthly" else _quarters_operated(months), emp, ast)
    return [*avg, *_parts_steps(s.year, s.income, months, parts, emp, ast, industrial=s.industrial,
                                restricted=restricted, exact=exact)]


def _part_in_annual_steps(s: SmallProfit, part: _Part, averaged: LawValue | None,
                          restricted: bool) -> tuple[Step, ...]:  # noqa: FBT001
    """The steps of a whole-year regime inside the annual computation: tests, reduced income, rate."""
    r, g, failed = part.regime, part.regime.figures, part.failed
    if g is None:
        return (r.in_force.step("small_profit.in_force", "小型微利企业优惠是否有效", "relief in force"),)
    assert r.cap is not None and r.limit is not None and r.ratio1 is not None and r.ratio2 is not None
    assert r.rate is not None
    ti, emp, ast, industrial = s.income, s.employees, s.assets, s.industrial
    size = None if emp is None or ast is None else (
        emp, g.employees_ind if industrial else g.employees_other, ast, g.assets_ind if industrial else g.assets_other)
    oks = ("income" not in failed, "employees" not in failed, "assets" not in failed)
    kind_zh, kind_en = _KIND_TESTS[industrial]
    test = Step("small_profit.tests", kind_zh, kind_en, not failed, "bool",
                Formula(_tests_formula, (ti, g.cap, size, oks, "" if averaged is None else str(averaged.value),
                                         restricted)),
                (r.cap.citation,) if averaged is None else (r.cap.citation, averaged.citation))
    if failed:
        return (test,)
    if g.progressive and ti > g.limit:
        cites: tuple[Citation, ...] = (r.ratio1.citation, r.ratio2.citation)
    elif ti <= g.limit:
        cites = (r.ratio1.citation,)
    else:
        cites = (r.limit.citation, r.ratio2.citation)
    return (
        test,
        Step("small_profit.included", "减按比例计入的应纳税所得额", "taxable income as reduced", part.included, "yuan",
             Formula(_included_formula, (ti, g.limit, g.ratio1, g.ratio2, g.progressive)), cites, "A107040"),
        r.rate.step("small_profit.rate", "适用税率", "rate"),
    )


def _income_above_cap(y: int, ti: Decimal, cap: LawValue, industrial: bool) -> _InAnnual:  # noqa: FBT001
    """Inside the annual computation: the income alone is above the cap, so the other tests do not matter."""
    return False, ZERO, made_when_read(_above_cap_result, y, ti, cap, industrial)


def _above_cap_result(_: object, y: int, ti: Decimal, cap: LawValue, industrial: bool) -> SmallProfit:  # noqa: FBT001
    """The :class:`SmallProfit` of an income above the cap inside the annual computation (made when read)."""
    return SmallProfit(year=y, income=ti, eligible=False, failed=("income",), employees=None, assets=None,
                       industrial=industrial, tax=ZERO, standard_tax=ZERO, relief=ZERO,
                       steps=later(_above_cap_steps, cap))


def _above_cap_steps(s: SmallProfit, cap: LawValue) -> tuple[Step, ...]:
    return (cap.step("small_profit.income_cap", "年度应纳税所得额上限（含）", "taxable income cap (inclusive)",
                     Formula(_le_yuan, (s.income, _d(cap), False))),)


def small_profit_cliffs(year: int, *, law: Law | None = None) -> tuple[Decimal, ...]:
    """The taxable incomes of ``year`` at which the tax jumps (the last amount keeping the relief).

    One fen more loses the relief (the income cap) or the reduced inclusion
    (the halving limit before 2019) on the whole income.

    >>> small_profit_cliffs(2010)
    (Decimal('30000'), Decimal('300000'))
    >>> small_profit_cliffs(2015)
    (Decimal('200000'), Decimal('300000'))
    >>> small_profit_cliffs(2019)
    (Decimal('3000000'),)
    """
    law = the_law(law)
    y = tax_year(year)
    out: set[Decimal] = set()
    for _, r in law.memo(_read_year_regimes, y, months_operated(y)):
        if not r.in_force.value:
            continue
        assert r.cap is not None and r.limit is not None and r.ratio1 is not None
        assert r.ratio2 is not None and r.progressive is not None
        cap, limit = r.cap.value, r.limit.value
        assert isinstance(cap, Decimal) and isinstance(limit, Decimal)
        out.add(cap)
        if not r.progressive.value and limit < cap and r.ratio1.value != r.ratio2.value:
            out.add(limit)
    return tuple(sorted(out))

