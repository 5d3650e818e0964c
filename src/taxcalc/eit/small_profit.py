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

Employees and assets (财税〔2018〕77号 二 and its successors)
------------------------------------------------------------
``季度平均值 = (季初值 + 季末值) ÷ 2``; ``全年季度平均值 = 全年各季度平均值之和 ÷ 4``.
An enterprise that opens or closes during the year treats its operating period
as the tax year: the average is taken over the quarters it operated in (the
sum of their averages divided by their number).  Give the figures either as
:class:`Quarter` rows (from 2017, where the quarterly method is encoded) or as
the annual averages directly (any year).

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
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ..errors import InvalidInput
from ..explain import Citation, Explained, Step
from ..law import Law, LawValue
from ..money import CONTEXT, FEN, ZERO, DateLike, MoneyLike, add, div, mul, sub, total
from ._common import (
    as_money,
    build,
    count,
    fast_init,
    flag,
    fmt_law,
    month_end,
    months_operated,
    optional_date,
    pct,
    rfen,
    segments,
    setattrs,
    tax_year,
    the_law,
    year_end,
    yuan,
)

__all__ = [
    "Averages",
    "Quarter",
    "SmallProfit",
    "quarterly_averages",
    "small_profit",
    "small_profit_cliffs",
]

_TWO = Decimal(2)


@dataclass(frozen=True, slots=True)
class Quarter:
    """One quarter's headcount and total assets, at its start and its end (季初值, 季末值).

    For a quarter in which the enterprise opened, the start values are those on
    the opening day; for the quarter it closed, the end values are those on the
    closing day.  File fields: ``employees_start``, ``employees_end``,
    ``assets_start``, ``assets_end``.
    """

    employees_start: int
    employees_end: int
    assets_start: Decimal
    assets_end: Decimal

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, employees_start: int, employees_end: int, assets_start: MoneyLike,
            assets_end: MoneyLike) -> None: ...

    def __post_init__(self) -> None:
        setattrs(
            self,
            employees_start=count(self.employees_start, "employees_start"),
            employees_end=count(self.employees_end, "employees_end"),
            assets_start=as_money(self.assets_start, "assets_start"),
            assets_end=as_money(self.assets_end, "assets_end"),
        )

    @classmethod
    def from_mapping(cls, data: object, where: str = "quarter") -> Quarter:
        """Build from a table with the field names above."""
        return build(cls, data, where)


@dataclass(frozen=True, slots=True)
class Averages(Explained):
    """The year's averages of employees and total assets (全年季度平均值)."""

    year: int
    quarters: int
    employees: Decimal
    assets: Decimal
    steps: tuple[Step, ...]


@fast_init
@dataclass(frozen=True, slots=True)
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


class _Regime(NamedTuple):
    """The law values of one day (one segment of a year)."""

    in_force: LawValue
    standard: LawValue
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
    #: Law-only steps of a whole-year regime, made once: band-1 limit (bands), rate.
    limit_step: Step | None = None
    rate_step: Step | None = None


@functools.lru_cache(maxsize=1024)
def _regime(law: Law, day: _dt.date) -> _Regime:
    in_force = law.value("eit.small_profit.in_force", day)
    standard = law.value("eit.rate.standard", day)
    if not in_force.value:
        return _Regime(in_force, standard)
    v = law.value
    rate, limit = v("eit.small_profit.rate", day), v("eit.small_profit.band1.limit", day)
    return _Regime(
        in_force, standard, rate,
        v("eit.small_profit.income_cap", day),
        v("eit.small_profit.employees_cap.industrial", day),
        v("eit.small_profit.employees_cap.other", day),
        v("eit.small_profit.assets_cap.industrial", day),
        v("eit.small_profit.assets_cap.other", day),
        limit,
        v("eit.small_profit.band1.ratio", day),
        v("eit.small_profit.band2.ratio", day),
        v("eit.small_profit.progressive", day),
        limit.step("small_profit.band1_limit", "第1档所得上限（含）", "band 1 limit (inclusive)"),
        rate.step("small_profit.rate", "适用税率", "rate"),
    )


@functools.lru_cache(maxsize=1024)
def _year_regimes(law: Law, year: int, months: tuple[int, ...]) -> tuple[tuple[tuple[int, ...], _Regime], ...]:
    """The regimes of the months operated, grouped where equal (one group in most years)."""
    _regime(law, year_end(year))  # a year outside the data is reported on its last day
    return segments(months, lambda m: _regime(law, month_end(year, m)))


def _d(v: LawValue | None) -> Decimal:
    assert v is not None and isinstance(v.value, Decimal)
    return v.value


def quarterly_averages(quarters: Sequence[Quarter], year: int, *, law: Law | None = None) -> Averages:
    """The year's average employees and total assets from quarterly figures.

    ``季度平均值 = (季初值 + 季末值) ÷ 2``; the year's value is the sum of the
    quarters' averages divided by their number (4 for a full year; fewer for an
    enterprise that opened or closed during the year).

    >>> qs = [Quarter(40, 44, "6000000", "6400000")] * 3 + [Quarter(44, 50, "6400000", "7000000")]
    >>> a = quarterly_averages(qs, 2018)
    >>> a.employees, a.assets
    (Decimal('43.25'), Decimal('6325000'))
    """
    law = the_law(law)
    y = tax_year(year)
    rows = tuple(quarters)
    if not 1 <= len(rows) <= 4:
        raise InvalidInput("quarters", f"give 1 to 4 quarters (got {len(rows)})")
    for i, q in enumerate(rows):
        if not isinstance(q, Quarter):
            raise InvalidInput(f"quarters[{i}]", "must be a Quarter")
    method = _averaging(law, y)
    emp, assets = _averages(rows)
    steps = _average_steps(method, len(rows), emp, assets)
    return Averages(y, len(rows), emp, assets, steps)


def _averages(rows: Sequence[Quarter]) -> tuple[Decimal, Decimal]:
    """全年季度平均值 of employees and total assets: Σ(季初值 + 季末值) ÷ 2 ÷ number of quarters."""
    n2 = Decimal(2 * len(rows))
    emp = div(Decimal(sum(q.employees_start + q.employees_end for q in rows)), n2)
    assets = div(total(add(q.assets_start, q.assets_end) for q in rows), n2)
    return emp, assets


def _average_steps(method: LawValue, n: int, emp: Decimal, assets: Decimal) -> tuple[Step, ...]:
    formula = f"Σ(start + end of each quarter) ÷ 2 ÷ {n}"
    formula_zh = f"Σ(季初值 + 季末值) ÷ 2 ÷ {n}"
    return (
        Step("small_profit.employees_average", "从业人数全年季度平均值", "average employees (quarterly)",
             emp, "count", formula, (method.citation,), formula_zh=formula_zh),
        Step("small_profit.assets_average", "资产总额全年季度平均值", "average total assets (quarterly)",
             assets, "yuan", formula, (method.citation,), formula_zh=formula_zh),
    )


@functools.lru_cache(maxsize=256)
def _averaging(law: Law, year: int) -> LawValue:
    method = law.value("eit.small_profit.averaging", year_end(year))
    if method.value != "quarterly":
        raise InvalidInput("eit.small_profit.averaging", f"unknown method {method.value!r}")
    return method


def _quarters_operated(months: tuple[int, ...]) -> int:
    return (months[-1] - 1) // 3 - (months[0] - 1) // 3 + 1


def _segment_tax(income: Decimal, r: _Regime) -> Decimal:
    """Exact tax of an eligible enterprise under one regime."""
    assert r.progressive is not None
    limit, r1, r2 = _d(r.limit), _d(r.ratio1), _d(r.ratio2)
    if r.progressive.value:
        band1 = min(income, limit)
        included = add(mul(band1, r1), mul(sub(income, band1), r2))
    else:
        included = mul(income, r1 if income <= limit else r2)
    return mul(included, _d(r.rate))


def _tests(
    income: Decimal, r: _Regime, employees: Decimal | None, assets: Decimal | None,
    *, industrial: bool, restricted: bool,
) -> tuple[str, ...]:
    if not r.in_force.value:
        return ("in_force",)
    failed: list[str] = []
    if restricted:
        failed.append("restricted")
    if income > _d(r.cap):
        failed.append("income")
    if employees is not None:
        e = r.employees_ind if industrial else r.employees_other
        assert e is not None and isinstance(e.value, int)
        if employees > e.value:
            failed.append("employees")
    if assets is not None and assets > _d(r.assets_ind if industrial else r.assets_other):
        failed.append("assets")
    return tuple(failed)


def _fmt(d: Decimal) -> str:
    return f"{yuan(d)}"


_MARK = {True: "✓", False: "✗"}


_KIND = {True: ("工业企业", "industrial"), False: ("其他企业", "other")}
#: The labels of the step of the small low-profit tests, by ``industrial``.
_KIND_TESTS = {k: (f"小型微利企业条件（{zh}）", f"small low-profit tests ({en})") for k, (zh, en) in _KIND.items()}
_new_step = tuple.__new__  # Step is a NamedTuple: build it from all its fields, without the keyword machinery


def _segment_steps(
    income: Decimal, r: _Regime, label: str, employees: Decimal | None, assets: Decimal | None,
    failed: tuple[str, ...], *, industrial: bool, restricted: bool,
) -> list[Step]:
    p = f"small_profit{label}."
    if not r.in_force.value:
        return [r.in_force.step(p + "in_force", "小型微利企业优惠是否有效", "relief in force")]
    cap, limit_v, ratio1, ratio2, rate = r.cap, r.limit, r.ratio1, r.ratio2, r.rate
    assert cap is not None and limit_v is not None and ratio1 is not None and ratio2 is not None
    assert rate is not None and r.progressive is not None
    kind_zh, kind_en = _KIND[industrial]
    steps: list[Step] = [
        cap.step(p + "income_cap", "年度应纳税所得额上限（含）", "taxable income cap (inclusive)",
                 f"{yuan(income)} ≤ {fmt_law(_d(cap))} {_MARK['income' not in failed]}"),
    ]
    if employees is None:
        steps.append(Step(p + "employees_cap", "从业人数：未提供，未检验", "employees: not given, not tested", None))
    else:
        e = r.employees_ind if industrial else r.employees_other
        assert e is not None
        steps.append(e.step(p + "employees_cap", f"从业人数上限（{kind_zh}，含）", f"employees cap ({kind_en}, inclusive)",
                            f"{employees:f} ≤ {e.value} {_MARK['employees' not in failed]}"))
    if assets is None:
        steps.append(Step(p + "assets_cap", "资产总额：未提供，未检验", "total assets: not given, not tested", None))
    else:
        a = r.assets_ind if industrial else r.assets_other
        assert a is not None
        steps.append(a.step(p + "assets_cap", f"资产总额上限（{kind_zh}，含）", f"total assets cap ({kind_en}, inclusive)",
                            f"{yuan(assets)} ≤ {fmt_law(_d(a))} {_MARK['assets' not in failed]}"))
    if restricted:
        steps.append(Step(p + "restricted", "从事国家限制或禁止行业：不符合", "restricted or prohibited industry: not eligible",
                          value=True, unit="bool", cite=(cap.citation,)))
    if failed:
        return steps
    limit = _d(limit_v)
    if r.progressive.value:
        if label or r.limit_step is None:
            steps.append(limit_v.step(p + "band1_limit", "第1档所得上限（含）", "band 1 limit (inclusive)"))
        else:
            steps.append(r.limit_step)
        steps.append(ratio1.step(p + "band1_ratio", "第1档减按比例计入", "band 1 share included",
                                 f"{yuan(min(income, limit))} × {pct(_d(ratio1))}"))
        if income > limit:
            steps.append(ratio2.step(p + "band2_ratio", "第2档减按比例计入", "band 2 share included",
                                     f"{yuan(sub(income, limit))} × {pct(_d(ratio2))}"))
    elif income <= limit:
        steps.append(limit_v.step(p + "band1_limit", "减按比例计入的所得上限（含）", "reduced-inclusion limit (inclusive)",
                                  f"{yuan(income)} ≤ {fmt_law(limit)} ✓"))
        steps.append(ratio1.step(p + "band1_ratio", "所得减按比例计入", "share of income included"))
    else:
        steps.append(limit_v.step(p + "band1_limit", "减按比例计入的所得上限（含）：超过，全部所得不减计",
                                  "reduced-inclusion limit (inclusive): exceeded, no reduction on any income",
                                  f"{yuan(income)} ≤ {fmt_law(limit)} ✗"))
        steps.append(ratio2.step(p + "band2_ratio", "所得计入比例", "share of income included"))
    steps.append(r.rate_step if not label and r.rate_step is not None else rate.step(p + "rate", "适用税率", "rate"))
    return steps


def small_profit(
    income: MoneyLike,
    year: int,
    *,
    employees: MoneyLike | None = None,
    assets: MoneyLike | None = None,
    quarters: Sequence[Quarter] | None = None,
    industrial: bool = False,
    restricted: bool = False,
    opened: DateLike | None = None,
    closed: DateLike | None = None,
    law: Law | None = None,
) -> SmallProfit:
    """Test a small low-profit enterprise and compute its tax for tax year ``year``.

    ``income`` is the year's taxable income after losses (应纳税所得额, ≥ 0).
    Employees and total assets are given either as the annual averages
    (``employees``, ``assets``) or as ``quarters``; ``industrial`` selects the
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
    """
    law = the_law(law)
    y = tax_year(year)
    ti = as_money(income, "income")
    industrial = flag(industrial, "industrial")
    restricted = flag(restricted, "restricted")
    months = months_operated(y, optional_date(opened, "opened"), optional_date(closed, "closed"))
    avg_steps: tuple[Step, ...] = ()
    if quarters is not None:
        if employees is not None or assets is not None:
            raise InvalidInput("quarters", "give either quarters or the annual averages, not both")
        qs = tuple(quarters)
        expected = _quarters_operated(months)
        if len(qs) != expected:
            raise InvalidInput("quarters", f"the enterprise operated in {expected} quarter(s) of {y}; "
                               f"give one row for each (got {len(qs)})")
        av = quarterly_averages(qs, y, law=law)
        emp: Decimal | None = av.employees
        ast: Decimal | None = av.assets
        avg_steps = av.steps
    else:
        emp = None if employees is None else as_money(employees, "employees")
        ast = None if assets is None else as_money(assets, "assets")
    return _compute(law, y, ti, months, emp, ast, industrial=industrial, restricted=restricted,
                    avg_steps=avg_steps)


def _compute(
    law: Law, y: int, ti: Decimal, months: tuple[int, ...], emp: Decimal | None,
    ast: Decimal | None, *, industrial: bool, restricted: bool, avg_steps: tuple[Step, ...] = (),
    embedded: bool = False, averaged: LawValue | None = None,
) -> SmallProfit:
    segs = _year_regimes(law, y, months)
    if embedded and len(segs) == 1:
        return _compact(y, ti, segs[0][1], emp, ast, industrial=industrial, restricted=restricted, averaged=averaged)
    standard = segs[-1][1].standard
    std_rate = standard.value
    assert isinstance(std_rate, Decimal)
    standard_tax = rfen(mul(ti, std_rate))
    steps: list[Step] = list(avg_steps)
    if not embedded:
        steps.append(Step("small_profit.income", "年度应纳税所得额", "taxable income of the year", ti, "yuan"))
    if len(segs) == 1:
        r = segs[0][1]
        failed = _tests(ti, r, emp, ast, industrial=industrial, restricted=restricted)
        steps.extend(_segment_steps(ti, r, "", emp, ast, failed, industrial=industrial, restricted=restricted))
        exact = mul(ti, std_rate) if failed else _segment_tax(ti, r)
        all_failed = failed
        eligible = not failed
    else:
        n = Decimal(len(months))
        parts: list[Decimal] = []
        all_f: list[str] = []
        cites: list[Citation] = []
        for ms, r in segs:
            label = f"[{y}-{ms[0]:02d}..{ms[-1]:02d}]"
            f = _tests(ti, r, emp, ast, industrial=industrial, restricted=restricted)
            steps.extend(_segment_steps(ti, r, label, emp, ast, f, industrial=industrial, restricted=restricted))
            seg = mul(ti, std_rate) if f else _segment_tax(ti, r)
            parts.append(mul(seg, Decimal(len(ms))))
            all_f.extend(x for x in f if x not in all_f)
            if r.limit is not None:
                cites.append(r.limit.citation)
            steps.append(Step(f"small_profit{label}.tax", f"{label} 全年口径税额", f"{label} tax on the year's income",
                              rfen(seg), "yuan", f"× {len(ms)}/{len(months)}", tuple(cites[-1:])))
        exact = div(total(parts), n)
        steps.append(Step("small_profit.apportioned", "按经营月份分摊后的税额", "tax apportioned by months operated",
                          rfen(exact), "yuan", f"Σ(tax of each part × its months) ÷ {len(months)}",
                          tuple(dict.fromkeys(cites)), formula_zh=f"Σ(各期税额 × 月数) ÷ {len(months)}"))
        all_failed = tuple(all_f)
        # Eligible when the relief applied in any part of the year.
        eligible = any(not _tests(ti, r, emp, ast, industrial=industrial, restricted=restricted) for _, r in segs)
    tax = rfen(exact)
    relief = sub(standard_tax, tax)
    if embedded:
        return SmallProfit(y, ti, eligible, all_failed, emp, ast, industrial, tax, standard_tax, relief, tuple(steps))
    steps.append(standard.step("small_profit.standard_rate", "基本税率", "standard rate"))
    steps.append(Step("small_profit.tax", "应纳所得税额" if eligible else "应纳所得税额（不享受优惠，按基本税率）",
                      "tax" if eligible else "tax (no relief: standard rate)", tax, "yuan",
                      "", (), "A107040" if eligible else ""))
    steps.append(Step("small_profit.relief", "减免所得税额", "tax relief", relief, "yuan",
                      f"{_fmt(ti)} × {pct(std_rate)} − {_fmt(tax)}", (), "A107040"))
    return SmallProfit(y, ti, eligible, all_failed, emp, ast, industrial, tax, standard_tax, relief, tuple(steps))


def _compact(
    y: int, ti: Decimal, r: _Regime, emp: Decimal | None, ast: Decimal | None, *, industrial: bool,
    restricted: bool, averaged: LawValue | None, texts: tuple[str, str] | None = None,
) -> SmallProfit:
    """The test and relief of a whole-year regime in three steps (for the annual computation)."""
    cmul = CONTEXT.multiply
    std_rate = r.standard.value
    assert isinstance(std_rate, Decimal)
    standard_tax = _QUANT(cmul(ti, std_rate), FEN)
    if not r.in_force.value:
        return SmallProfit(y, ti, _NO, ("in_force",), emp, ast, industrial, standard_tax, standard_tax,
                           ZERO, (r.in_force.step("small_profit.in_force", "小型微利企业优惠是否有效", "relief in force"),))
    cap, limit_v, ratio1, ratio2, rate = r.cap, r.limit, r.ratio1, r.ratio2, r.rate
    e, a = (r.employees_ind, r.assets_ind) if industrial else (r.employees_other, r.assets_other)
    assert cap is not None and limit_v is not None and ratio1 is not None and ratio2 is not None
    assert rate is not None and e is not None and a is not None and r.progressive is not None
    cap_v, e_v, a_v = cap.value, e.value, a.value
    assert isinstance(cap_v, Decimal) and isinstance(e_v, int) and isinstance(a_v, Decimal)
    failed: list[str] = ["restricted"] if restricted else []
    ok_income = ti <= cap_v
    if not ok_income:
        failed.append("income")
    ti_t = yuan(ti)
    income_test = f"{ti_t} ≤ {fmt_law(cap_v)} {_MARK[ok_income]}"
    formula = f"income {income_test}"
    formula_zh = f"应纳税所得额 {income_test}"
    if emp is not None and ast is not None:
        ok_e, ok_a = emp <= e_v, ast <= a_v
        if not ok_e:
            failed.append("employees")
        if not ok_a:
            failed.append("assets")
        emp_t, ast_t = texts if texts is not None else (f"{emp:f}", yuan(ast))
        emp_test = f"{emp_t} ≤ {e_v} {_MARK[ok_e]}"
        ast_test = f"{ast_t} ≤ {fmt_law(a_v)} {_MARK[ok_a]}"
        if averaged is None:
            formula += f"; employees {emp_test}; assets {ast_test}"
            formula_zh += f"；从业人数 {emp_test}；资产总额 {ast_test}"
        else:
            formula += f"; employees (quarterly averages) {emp_test}; assets {ast_test}"
            formula_zh += f"；从业人数（全年季度平均值） {emp_test}；资产总额 {ast_test}"
    if restricted:
        formula += "; restricted industry ✗"
        formula_zh += "；国家限制和禁止行业 ✗"
    kind_zh, kind_en = _KIND_TESTS[industrial]
    test = _new_step(Step, ("small_profit.tests", kind_zh, kind_en, not failed, "bool", formula,
                            (cap.citation,) if averaged is None else (cap.citation, averaged.citation), "", formula_zh))
    if failed:
        return SmallProfit(y, ti, _NO, tuple(failed), emp, ast, industrial, standard_tax, standard_tax, ZERO, (test,))
    limit, r1, r2 = limit_v.value, ratio1.value, ratio2.value
    assert isinstance(limit, Decimal) and isinstance(r1, Decimal) and isinstance(r2, Decimal)
    if r.progressive.value and ti > limit:
        over = CONTEXT.subtract(ti, limit)
        included = CONTEXT.add(cmul(limit, r1), cmul(over, r2))
        formula = f"{fmt_law(limit)} × {pct(r1)} + {yuan(over)} × {pct(r2)}"
        formula_zh = ""
        cites: tuple[Citation, ...] = (ratio1.citation, ratio2.citation)
    elif ti <= limit:
        included = cmul(ti, r1)
        formula = f"{ti_t} × {pct(r1)} (≤ {fmt_law(limit)})"
        formula_zh = ""
        cites = (ratio1.citation,)
    else:
        included = cmul(ti, r2)
        formula = f"{ti_t} × {pct(r2)} (> {fmt_law(limit)}: no reduction)"
        formula_zh = f"{ti_t} × {pct(r2)}（超过 {fmt_law(limit)}，全部所得不减计）"
        cites = (limit_v.citation, ratio2.citation)
    assert r.rate_step is not None
    rate_v = rate.value
    assert isinstance(rate_v, Decimal)
    tax = _QUANT(cmul(included, rate_v), FEN)
    return SmallProfit(y, ti, _YES, (), emp, ast, industrial, tax, standard_tax, CONTEXT.subtract(standard_tax, tax), (
        test,
        _new_step(Step, ("small_profit.included", "减按比例计入的应纳税所得额", "taxable income as reduced", included, "yuan",
                         formula, cites, "A107040", formula_zh)),
        r.rate_step,
    ))


_NO, _YES = False, True
_QUANT = CONTEXT.quantize


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
    for _, r in _year_regimes(law, y, months_operated(y)):
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

