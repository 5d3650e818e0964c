"""Small low-profit enterprises 2008–2016: employees and total assets averaged by month (财税〔2009〕69号 七).

The switch: 2016 averages by month, 2017 by quarter (财税〔2017〕43号 二); the caps of
实施条例 第九十二条 met exactly and missed by the least amount, on the averages.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.eit import (
    EnterpriseYear,
    Month,
    Quarter,
    annual,
    monthly_averages,
    quarterly_averages,
    small_profit,
)
from taxcalc.errors import InvalidInput, OutsideCoverage
from taxcalc.money import CONTEXT

D = Decimal


def flat(employees: int, assets: str, n: int = 12) -> list[Month]:
    """``n`` months with the same head count and assets at their start and end."""
    return [Month(employees, employees, assets, assets)] * n


# -- the method is a dated law value ------------------------------------------------

def test_2016_is_averaged_by_month_and_2017_by_quarter():
    a = monthly_averages(flat(10, "1000000"), 2016)
    assert a.method == "monthly" and a.quarters == 12
    q = quarterly_averages([Quarter(10, 10, "1000000", "1000000")] * 4, 2017)
    assert q.method == "quarterly" and q.quarters == 4
    with pytest.raises(InvalidInput, match=r"^quarters: in 2016 .* by month \(财税〔2009〕69号 七\): give months"):
        quarterly_averages([Quarter(10, 10, "1", "1")] * 4, 2016)
    with pytest.raises(InvalidInput, match=r"^months: in 2017 .* by quarter \(财税〔2017〕43号 二\): give quarters"):
        monthly_averages(flat(10, "1"), 2017)
    with pytest.raises(InvalidInput, match=r"^months: in 2017 .* by quarter"):
        small_profit("100", 2017, months=flat(10, "1"))


def test_2008_is_the_first_year_and_2007_is_outside_the_data():
    assert monthly_averages(flat(1, "1"), 2008).method == "monthly"
    with pytest.raises(OutsideCoverage, match="eit.small_profit.averaging"):
        monthly_averages(flat(1, "1"), 2007)


def test_the_formula_of_the_notice():
    # 月平均值 = (月初值 + 月末值) ÷ 2; 全年月平均值 = Σ ÷ 12
    rows = [Month(40 + i, 41 + i, f"{6000000 + 100000 * i}", f"{6100000 + 100000 * i}") for i in range(12)]
    a = monthly_averages(rows, 2015)
    assert a.employees == D("46")  # Σ(81 + 2i) ÷ 2 ÷ 12 = (972 + 132) ÷ 24
    assert a.assets == D("6600000")
    zh = a.explain("zh")
    assert "从业人数全年月平均值" in zh and "Σ(月初值 + 月末值) ÷ 2 ÷ 12" in zh
    step = a.steps[0]
    assert step.value == D("46") and step.cite[0].doc == "财税〔2009〕69号" and step.cite[0].article == "七"
    assert "average employees (monthly)" in a.explain("en")


def test_a_part_year_is_averaged_over_the_months_operated():
    rows = [Month(0, 30, "0", "3000000"), Month(30, 30, "3000000", "3000000"), Month(30, 30, "3000000", "3000000")]
    r = small_profit("200000", 2016, months=rows, opened="2016-10-15")
    assert r.employees == D("25") and r.assets == D("2500000") and r.eligible
    with pytest.raises(InvalidInput, match=r"^months: the enterprise operated in 4 month\(s\) of 2016"):
        small_profit("200000", 2016, months=rows, opened="2016-09-30")
    with pytest.raises(InvalidInput, match="^months: give 1 to 12 months"):
        monthly_averages(flat(1, "1", 13), 2016)


def test_rows_and_averages_are_not_given_together():
    with pytest.raises(InvalidInput, match="^months: give either months or the annual averages"):
        small_profit("100", 2016, months=flat(1, "1"), employees=1, assets="1")
    with pytest.raises(InvalidInput, match="^months: give either quarters or months"):
        small_profit("100", 2016, months=flat(1, "1"), quarters=[Quarter(1, 1, "1", "1")] * 4)
    with pytest.raises(InvalidInput, match=r"^months\[0\]: must be a Month"):
        monthly_averages([Quarter(1, 1, "1", "1")], 2016)  # type: ignore[list-item]
    with pytest.raises(InvalidInput, match="employees_end"):
        Month.from_mapping({"employees_start": 1, "employees_end": -1, "assets_start": "1", "assets_end": "1"})


# -- the caps of 实施条例 第九十二条, on the monthly averages ---------------------------

@pytest.mark.parametrize(
    ("industrial", "employees", "assets"),
    [(False, 80, "10000000"), (True, 100, "30000000")],
)
def test_caps_exactly_met_2016(industrial, employees, assets):
    r = small_profit("300000", 2016, months=flat(employees, assets), industrial=industrial)
    assert r.eligible and r.tax == D("30000.00")  # 30万 × 50% × 20% (财税〔2015〕99号, 〔2016〕)
    # One more person at the end of one month: the average is above the cap by 1/24.
    rows = [Month(employees, employees + 1, assets, assets), *flat(employees, assets, 11)]
    over = small_profit("300000", 2016, months=rows, industrial=industrial)
    assert over.employees == CONTEXT.add(D(employees), CONTEXT.divide(D(1), D(24)))
    assert over.failed == ("employees",) and over.tax == D("75000.00")
    # Assets: 0.24 yuan more at the end of one month is 0.01 yuan more on average.
    rows = [Month(employees, employees, assets, str(D(assets) + D("0.24"))), *flat(employees, assets, 11)]
    over = small_profit("300000", 2016, months=rows, industrial=industrial)
    assert over.assets == D(assets) + D("0.01") and over.failed == ("assets",)


def test_caps_at_the_switch_2016_and_2017_on_the_same_figures():
    # The same enterprise (other, 80 people, 1000万 of assets) keeps the relief both years.
    r16 = small_profit("300000", 2016, months=flat(80, "10000000"))
    r17 = small_profit("300000", 2017, quarters=[Quarter(80, 80, "10000000", "10000000")] * 4)
    assert r16.eligible and r17.eligible
    assert r16.tax == D("30000.00") and r17.tax == D("30000.00")
    # 81 people: over the 2016 cap (80) and the 2017 cap (80, 财税〔2017〕43号) alike.
    assert small_profit("300000", 2016, months=flat(81, "10000000")).failed == ("employees",)
    assert small_profit("300000", 2017, quarters=[Quarter(81, 81, "10000000", "10000000")] * 4).failed == (
        "employees",)


def test_2008_industrial_caps_on_monthly_averages():
    r = small_profit("300000", 2008, months=flat(100, "30000000"), industrial=True)
    assert r.eligible and r.tax == D("60000.00")  # 20% on the whole income
    assert small_profit("300000", 2008, months=flat(101, "30000000"), industrial=True).failed == ("employees",)
    assert small_profit("300000.01", 2008, months=flat(100, "30000000"), industrial=True).failed == ("income",)


def test_the_annual_computation_refuses_quarters_before_2017_and_takes_months_or_the_averages():
    quarters = [{"employees_start": 10, "employees_end": 10, "assets_start": "1000000", "assets_end": "1000000"}] * 4
    f = EnterpriseYear(year=2016, industry="manufacturing", profit="100000", quarters=quarters)
    with pytest.raises(InvalidInput, match=r"^quarters: in 2016 .* by month \(财税〔2009〕69号 七\): give months, "
                                           r"or the annual averages"):
        annual(f)
    a = annual(EnterpriseYear(year=2016, industry="manufacturing", profit="100000", employees=10, assets="1000000"))
    assert a.tax == D("10000.00")  # 10万 × 50% × 20%
    m = annual(EnterpriseYear(year=2016, industry="manufacturing", profit="100000", months=flat(10, "1000000")))
    assert m.tax == D("10000.00")
    q = annual(EnterpriseYear(year=2017, industry="manufacturing", profit="100000", quarters=quarters))
    assert q.tax == D("10000.00")


# -- properties -----------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=500)
cents = st.integers(min_value=0, max_value=10**10).map(lambda c: D(c) / 100)


@given(st.lists(st.tuples(counts, counts, cents, cents), min_size=1, max_size=12), st.randoms())
def test_the_average_is_the_mean_of_the_months_in_any_order(rows, rnd):
    months = [Month(*r) for r in rows]
    a = monthly_averages(months, 2012)
    n = len(rows)
    assert a.employees == CONTEXT.divide(D(sum(r[0] + r[1] for r in rows)), D(2 * n))
    assert a.assets == CONTEXT.divide(sum(r[2] + r[3] for r in rows), D(2 * n))
    shuffled = list(months)
    rnd.shuffle(shuffled)
    b = monthly_averages(shuffled, 2012)
    assert (b.employees, b.assets) == (a.employees, a.assets)


@given(counts, cents)
def test_a_constant_enterprise_averages_to_its_figures_by_month_or_quarter(n, assets):
    m = monthly_averages([Month(n, n, assets, assets)] * 12, 2016)
    q = quarterly_averages([Quarter(n, n, assets, assets)] * 4, 2017)
    assert (m.employees, m.assets) == (q.employees, q.assets) == (D(n), assets)


def test_2015_monthly_averages_with_the_relief_apportioned_by_months():
    # 2015: the halving limit rose from 20万 to 30万 on 2015-10-01 (财税〔2015〕99号): 9 months at 25%, 3 at 10%.
    r = small_profit("250000", 2015, months=flat(10, "1000000"))
    assert r.tax == D("43750.00") and r.employees == D(10)
    names = [s.name for s in r.steps]
    assert names[:2] == ["small_profit.employees_average", "small_profit.assets_average"]
    assert "small_profit.apportioned" in names
    # The same figures as annual averages give the same tax.
    assert small_profit("250000", 2015, employees=10, assets="1000000").tax == r.tax
