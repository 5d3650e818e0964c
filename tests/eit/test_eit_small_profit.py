"""Small low-profit enterprises: the relief by year, the caps as cliffs, averages, "as known on"."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.eit import Quarter, quarterly_averages, small_profit, small_profit_cliffs
from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage
from taxcalc.money import round_fen

D = Decimal
FEN = D("0.01")
ROOMY = {"employees": 10, "assets": "1000000"}


def tax(income: str | Decimal, year: int, **kw: object) -> Decimal:
    args = {**ROOMY, **kw}
    return small_profit(income, year, **args).tax


# -- golden cases: the notices' own numbers and boundaries ------------------------

@pytest.mark.parametrize(
    ("year", "income", "expected"),
    [
        # 2008–2009: 20% on the whole income (企业所得税法 第二十八条)
        (2008, "300000", "60000.00"),
        (2009, "100000", "20000.00"),
        # 2010–2011: ≤ 3万 at 50% × 20% (财税〔2009〕133号, 〔2011〕4号)
        (2010, "30000", "3000.00"),
        (2011, "30000", "3000.00"),
        (2011, "30000.01", "6000.00"),
        # 2012–2013: ≤ 6万 (财税〔2011〕117号); 2014 ≤ 10万 (财税〔2014〕34号)
        (2012, "60000", "6000.00"),
        (2013, "60000.01", "12000.00"),
        (2014, "100000", "10000.00"),
        (2014, "100000.01", "20000.00"),
        # 2016 ≤ 30万; 2017 ≤ 50万 (财税〔2017〕43号); 2018 ≤ 100万 (财税〔2018〕77号)
        (2016, "300000", "30000.00"),
        (2017, "500000", "50000.00"),
        (2018, "1000000", "100000.00"),
        # 2019–2020: 25% × 20% to 100万, 50% × 20% to 300万 (财税〔2019〕13号)
        (2019, "1000000", "50000.00"),
        (2019, "2000000", "150000.00"),
        (2020, "3000000", "250000.00"),
        # 2021: first 100万 at 12.5% × 20% (2021年第12号)
        (2021, "1000000", "25000.00"),
        (2021, "3000000", "225000.00"),
        # 2022: 12.5% × 20% and 25% × 20% (2022年第13号)
        (2022, "3000000", "125000.00"),
        # 2023–2027: 25% × 20% on all (2023年第6号, 2023年第12号)
        (2023, "1000000", "50000.00"),
        (2024, "3000000", "150000.00"),
        (2027, "3000000", "150000.00"),
    ],
)
def test_relief_by_year(year, income, expected):
    assert tax(income, year) == D(expected)


@pytest.mark.parametrize(
    ("year", "cap", "at_cap", "above"),
    [
        (2018, "1000000", "100000.00", "250000.00"),
        (2019, "3000000", "250000.00", "750000.00"),
        (2022, "3000000", "125000.00", "750000.00"),
        (2023, "3000000", "150000.00", "750000.00"),
    ],
)
def test_income_cap_is_a_cliff_one_fen_above(year, cap, at_cap, above):
    at, over = small_profit(cap, year, **ROOMY), small_profit(D(cap) + FEN, year, **ROOMY)
    assert (at.eligible, at.tax) == (True, D(at_cap))
    assert (over.eligible, over.failed, over.tax) == (False, ("income",), D(above))
    # After tax, one more fen of income leaves the enterprise far poorer: the law's cliff.
    assert (D(cap) + FEN - over.tax) < (D(cap) - at.tax)


def test_2019_income_at_100wan_is_not_a_cliff():
    # From 2019 the reduced inclusion works by bands: 100万 is a kink, not a jump.
    a, b = tax("1000000", 2019), tax("1000000.01", 2019)
    assert D(0) <= b - a <= FEN  # 0.01 × 50% × 20% = 0.001: less than a fen
    assert tax("1100000", 2019) - tax("1000000", 2019) == D("10000.00")  # 10万 × 50% × 20%
    assert small_profit_cliffs(2019) == (D("3000000"),)


def test_2015_is_apportioned_by_months_operated():
    # 财税〔2015〕99号 二 / STA 2015年第61号: the Q4 share of 25万 (3/12) is halved.
    assert tax("250000", 2015) == D("43750.00")  # 62,500 × 10% + 187,500 × 20%
    # Up to 20万 the halving applies all year (财税〔2015〕34号).
    assert tax("200000", 2015) == D("20000.00")
    # Opened in August: 5 months, 3 of them from October.
    assert tax("250000", 2015, opened="2015-08-20") == D("35000.00")
    # Opened after 2015-10-01: the whole (part) year is halved.
    assert tax("250000", 2015, opened="2015-10-15") == D("25000.00")
    r = small_profit("250000", 2015, **ROOMY)
    assert r.step("small_profit.apportioned").value == D("43750.00")
    cites = {c.doc for s in r.steps for c in s.cite}
    assert {"财税〔2015〕34号", "财税〔2015〕99号"} <= cites


def test_pre_2019_halving_limit_is_a_cliff_inside_the_relief():
    r = small_profit("30000.01", 2010, **ROOMY)
    assert r.eligible and r.tax == D("6000.00") and r.relief == D("1500.00")
    assert small_profit_cliffs(2010) == (D("30000"), D("300000"))


# -- employees and assets -----------------------------------------------------------

def test_industrial_and_other_caps_before_2019():
    assert small_profit("800000", 2018, employees=81, assets="1000000").failed == ("employees",)
    assert small_profit("800000", 2018, employees=100, assets="30000000", industrial=True).eligible
    assert small_profit("800000", 2018, employees=101, assets="1000000", industrial=True).failed == ("employees",)
    assert small_profit("800000", 2018, employees=80, assets="10000000.01").failed == ("assets",)
    assert small_profit("800000", 2018, employees=50, assets="30000000.01", industrial=True).failed == ("assets",)


def test_caps_from_2019_are_the_same_for_every_industry():
    for industrial in (True, False):
        assert small_profit("800000", 2019, employees=300, assets="50000000", industrial=industrial).eligible
        assert small_profit("800000", 2019, employees=301, assets="50000000", industrial=industrial).failed == ("employees",)
        assert small_profit("800000", 2019, employees=300, assets="50000000.01", industrial=industrial).failed == ("assets",)


def test_quarterly_averages_and_the_employee_cliff():
    ok = [Quarter(300, 300, "40000000", "40000000")] * 4
    over = ok[:3] + [Quarter(300, 301, "40000000", "40000000")]
    a = quarterly_averages(over, 2019)
    assert a.employees == D("300.125")  # (300 + 301) ÷ 2 ÷ 4 + 3 × 300 ÷ 4
    assert small_profit("100", 2019, quarters=ok).eligible
    assert small_profit("100", 2019, quarters=over).failed == ("employees",)


def test_part_year_enterprise_averages_over_the_quarters_it_operated():
    qs = [Quarter(0, 20, "0", "2000000"), Quarter(20, 40, "2000000", "4000000")]
    r = small_profit("500000", 2018, quarters=qs, opened="2018-07-10")
    assert r.employees == D("20") and r.assets == D("2000000") and r.eligible
    with pytest.raises(InvalidInput, match="operated in 3 quarter"):
        small_profit("500000", 2018, quarters=qs, opened="2018-04-01")


def test_quarterly_method_is_encoded_from_2017_only():
    with pytest.raises(InvalidInput, match=r"quarters: in 2016 .* averaged by month \(财税〔2009〕69号 七\)"):
        small_profit("100", 2016, quarters=[Quarter(1, 1, "1", "1")] * 4)
    with pytest.raises(OutsideCoverage, match="eit.small_profit.averaging"):
        small_profit("100", 2007, quarters=[Quarter(1, 1, "1", "1")] * 4)
    assert small_profit("100", 2017, quarters=[Quarter(1, 1, "1", "1")] * 4).eligible
    # The annual averages may be given for any year.
    assert small_profit("100", 2016, employees=1, assets="1").eligible


def test_restricted_industry_and_missing_figures():
    assert small_profit("100", 2019, restricted=True, **ROOMY).failed == ("restricted",)
    r = small_profit("100", 2019)
    assert r.eligible and r.step("small_profit.employees_cap").value is None
    assert "not tested" in r.explain("en")


# -- "as known on" and what-if ----------------------------------------------------------

def test_2018_as_known_before_and_after_77hao():
    before = law.default().as_known_on("2018-07-10")
    after = law.default().as_known_on("2018-07-11")
    # As known on 2018-07-10 the 2018 cap was 43号's 50万: 80万 gets no relief.
    r = small_profit("800000", 2018, law=before, **ROOMY)
    assert (r.eligible, r.tax) == (False, D("200000.00"))
    assert r.step("small_profit.income_cap").cite[0].doc == "财税〔2017〕43号"
    r = small_profit("800000", 2018, law=after, **ROOMY)
    assert (r.eligible, r.tax) == (True, D("80000.00"))
    assert r.step("small_profit.income_cap").cite[0].doc == "财税〔2018〕77号"
    # 50万 qualified either way.
    assert small_profit("500000", 2018, law=before, **ROOMY).tax == D("50000.00")


def test_what_if_turns_the_relief_off_or_changes_a_value():
    off = law.default().with_values({"eit.small_profit.in_force": False})
    r = small_profit("800000", 2018, law=off, **ROOMY)
    assert r.failed == ("in_force",) and r.tax == D("200000.00") and r.relief == 0
    wider = law.default().with_values({"eit.small_profit.income_cap": "2000000"})
    # Eligible at 20%, but above 77号's 100万 halving limit: no reduced inclusion.
    r = small_profit("1500000", 2018, law=wider, **ROOMY)
    assert (r.eligible, r.tax, r.relief) == (True, D("300000.00"), D("75000.00"))
    assert "what-if" in small_profit("1500000", 2018, law=wider, **ROOMY).explain()


# -- errors -------------------------------------------------------------------------------

def test_bad_input_names_the_field():
    with pytest.raises(NotMoney, match="income"):
        small_profit(1000.5, 2018)
    with pytest.raises(InvalidInput, match="income: must not be negative"):
        small_profit("-1", 2018)
    with pytest.raises(InvalidInput, match="year"):
        small_profit("1", "2018")
    with pytest.raises(InvalidInput, match="quarters"):
        small_profit("1", 2018, employees=1, quarters=[Quarter(1, 1, "1", "1")] * 4)
    with pytest.raises(InvalidInput, match="employees_start"):
        Quarter(-1, 1, D(1), D(1))


@pytest.mark.parametrize("year", [2007, 2028])
def test_years_outside_the_data_are_an_error(year):
    with pytest.raises(OutsideCoverage):
        small_profit("100", year, **ROOMY)


def test_results_ignore_a_hostile_ambient_context():
    expected = small_profit("2345678.91", 2019, **ROOMY).tax
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        got = small_profit("2345678.91", 2019, **ROOMY).tax
    assert got == expected == D("184567.89")


# -- properties ---------------------------------------------------------------------------

years = st.integers(2008, 2027)
amounts = st.decimals(min_value=0, max_value=D("5000000"), places=2, allow_nan=False, allow_infinity=False)


@given(years, amounts)
def test_tax_is_never_negative_nor_above_25_percent(year, income):
    r = small_profit(income, year, **ROOMY)
    assert D(0) <= r.tax <= r.standard_tax == round_fen(income * D("0.25"))
    assert r.relief >= 0


@given(years, amounts, amounts)
def test_tax_is_monotonic_and_continuous_except_at_the_cliffs(year, a, b):
    lo, hi = sorted((a, b))
    t_lo, t_hi = tax(lo, year), tax(hi, year)
    assert t_lo <= t_hi  # tax never falls as income rises, cliffs included
    crossed = [c for c in small_profit_cliffs(year) if lo <= c < hi]
    if not crossed:
        # Between cliffs: tax grows by at most 25% of the extra income (plus rounding),
        # so income after tax never falls.
        assert t_hi - t_lo <= (hi - lo) * D("0.25") + FEN
        assert hi - t_hi >= lo - t_lo - FEN


@given(years)
def test_every_listed_cliff_is_a_jump(year):
    for c in small_profit_cliffs(year):
        at, over = tax(c, year), tax(c + FEN, year)
        assert over - at > D("0.01")  # far more than 25% of one fen
        assert (c + FEN - over) < (c - at)  # income after tax falls: a cliff
