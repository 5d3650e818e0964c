"""The annual computation: every line, the regime choice, losses carried, inputs from files."""

from __future__ import annotations

import dataclasses
import decimal
import tomllib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.eit import (
    EnterpriseYear,
    Equipment,
    Loss,
    Quarter,
    RdFacts,
    RdProject,
    annual,
    rd_super_deduction,
    small_profit,
)
from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage, UnknownCategory

D = Decimal
Q4 = tuple([Quarter(70, 80, D("24000000"), D("28000000"))] * 4)


def year(**kw: object) -> EnterpriseYear:
    base: dict[str, object] = {"year": 2018, "profit": D("1000000"), "employees": D(50), "assets": D("8000000")}
    base.update(kw)
    return EnterpriseYear(**base)  # type: ignore[arg-type]


# -- the lines --------------------------------------------------------------------------------------

def test_profit_to_tax_line_by_line():
    f = year(
        profit=D("1650000"), adjustments=D("30000"), industry="manufacturing", hnte_years=(2017, 2018), quarters=Q4,
        employees=None, assets=None,
        rd=RdFacts(projects=(RdProject("P", personnel="400000"),)),
        equipment=(Equipment("lathe", "480000", "machinery", acquired_on="2018-03-12", in_use="2018-04-02",
                             book_depreciation="32400"),),
        losses=(Loss(2013, "120000"), Loss(2016, "200000")),
    )
    r = annual(f)
    assert r.equipment_adjustment == D("-447600")  # 32,400 booked, 480,000 deducted at once
    assert r.rd_extra == D("300000.00")  # 400,000 × 75%
    assert r.income_before_losses == D("1650000") + D("30000") - D("447600") - D("300000")
    assert r.losses_used == D("320000")  # the 2013 loss is still usable thanks to 2018's qualification
    assert r.taxable_income == D("612400")
    # Regimes: 25%, 15% (HNTE) and the small low-profit relief (50% × 20% in 2018); the lowest applies.
    assert dict(r.alternatives) == {"standard": D("153100.00"), "hnte": D("91860.00"), "small_profit": D("61240.00")}
    assert (r.regime, r.rate, r.tax, r.relief) == ("small_profit", D("0.2"), D("61240.00"), D("91860.00"))
    text = r.explain("en")
    for cite in ("财税〔2018〕54号 一", "国家税务总局公告2018年第46号 二", "财税〔2018〕99号 一", "财税〔2018〕76号 一",
                 "财税〔2018〕77号 一", "A106000", "A107012"):
        assert cite in text
    assert r.as_dict()["tax"] == "61240.00"


def test_the_relief_matches_the_standalone_small_profit_rule():
    r = annual(year(profit=D("800000"), quarters=Q4, employees=None, assets=None, industrial=True))
    alone = small_profit(r.taxable_income, 2018, quarters=Q4, industrial=True)
    assert (r.tax, r.relief) == (alone.tax, alone.relief)


def test_hnte_rate_when_too_big_for_the_small_profit_relief():
    r = annual(year(profit=D("5000000"), hnte_years=(2018,)))
    assert (r.regime, r.tax) == ("hnte", D("750000.00"))
    assert r.small_profit is not None and r.small_profit.failed == ("income",)


def test_tase_rate_and_its_coverage_from_2017():
    assert annual(year(profit=D("5000000"), tase_years=(2018,))).tax == D("750000.00")
    with pytest.raises(OutsideCoverage, match="eit.tase.in_force"):
        annual(year(year=2016, profit=D("5000000"), tase_years=(2016,)))


def test_2008_small_profit_at_20_percent_loses_to_the_hnte_rate():
    r = annual(year(year=2008, profit=D("200000"), hnte_years=(2008,)))
    assert dict(r.alternatives) == {"standard": D("50000.00"), "hnte": D("30000.00"), "small_profit": D("40000.00")}
    assert r.regime == "hnte"


def test_a_super_deduction_can_create_a_loss_carried_forward():
    f = year(profit=D("100000"), tech_sme_years=(2018,),
             rd=RdFacts(projects=(RdProject("P", personnel="800000"),)))
    r = annual(f)
    assert r.income_before_losses == D("-500000.00") and r.taxable_income == 0 and r.tax == 0
    assert r.new_loss == D("500000.00")
    assert [(c.year, c.amount) for c in r.losses_carried] == [(2018, D("500000.00"))]
    # Next year the loss comes back in.
    nxt = annual(year(year=2019, profit=D("700000"), losses=r.losses_carried))
    assert nxt.losses_used == D("500000.00") and nxt.taxable_income == D("200000.00")


def test_equipment_deducted_next_year_when_put_into_use_in_december():
    dec = Equipment("press", "2000000", "machinery", acquired_on="2018-12-03", in_use="2018-12-20")
    r2018 = annual(year(profit=D("5000000"), equipment=(dec,)))
    r2019 = annual(year(year=2019, profit=D("5000000"), equipment=(dec,)))
    assert r2018.equipment[0].deduction == 0 and r2019.equipment[0].deduction == D("2000000")
    assert r2019.taxable_income == D("3000000")


def test_hnte_equipment_q4_2022_extra_deduction():
    a = Equipment("line", "8000000", "machinery", acquired_on="2022-11-01", in_use="2022-11-20")
    r = annual(year(year=2022, profit=D("20000000"), hnte_years=(2022,), equipment=(a,)))
    assert r.equipment_extra == D("8000000.00")
    assert r.taxable_income == D("4000000.00")  # 20,000,000 − 8,000,000 − 8,000,000


def test_2015_apportionment_is_used_by_the_annual_computation():
    r = annual(year(year=2015, profit=D("250000"), employees=D(10), assets=D("1000000")))
    assert (r.regime, r.tax) == ("small_profit", D("43750.00"))


# -- errors ------------------------------------------------------------------------------------------------

def test_size_figures_are_required_when_the_relief_could_apply():
    with pytest.raises(InvalidInput, match="quarters"):
        annual(EnterpriseYear(2018, profit=D("800000")))
    # Not needed when the income is above the cap, or when the relief is turned off.
    assert annual(EnterpriseYear(2018, profit=D("5000000"))).tax == D("1250000.00")
    off = law.default().with_values({"eit.small_profit.in_force": False})
    assert annual(EnterpriseYear(2018, profit=D("800000")), law=off).tax == D("200000.00")


def test_bad_input_names_the_field():
    with pytest.raises(NotMoney, match="profit"):
        EnterpriseYear(2018, profit=1.5)  # type: ignore[arg-type]
    with pytest.raises(UnknownCategory, match="industry"):
        year(industry="mining_of_bitcoin")
    with pytest.raises(InvalidInput, match="losses"):
        year(losses=(Loss(2018, "1"),))
    with pytest.raises(InvalidInput, match="two losses of 2016"):
        year(losses=(Loss(2016, "1"), Loss(2016, "1")))
    with pytest.raises(InvalidInput, match="quarters"):
        year(quarters=Q4)  # and the annual averages too
    with pytest.raises(InvalidInput, match="assets"):
        EnterpriseYear(2018, profit=D(1), employees=D(5))
    with pytest.raises(InvalidInput, match="operated in 2 quarter"):
        EnterpriseYear(2018, profit=D(1), quarters=Q4, opened="2018-08-01")
    with pytest.raises(InvalidInput, match="opened"):
        EnterpriseYear(2018, profit=D(1), opened="2019-02-01")


# -- from a file --------------------------------------------------------------------------------------------

TOML = """
year = 2018
profit = "1650000"
adjustments = "30000"
industry = "manufacturing"
hnte_years = [2017, 2018]
losses = [{ year = 2013, amount = "120000" }, { year = 2016, amount = "200000" }]

[[quarters]]
employees_start = 70
employees_end = 80
assets_start = "24000000"
assets_end = "28000000"

[[quarters]]
employees_start = 70
employees_end = 80
assets_start = "24000000"
assets_end = "28000000"

[[quarters]]
employees_start = 70
employees_end = 80
assets_start = "24000000"
assets_end = "28000000"

[[quarters]]
employees_start = 70
employees_end = 80
assets_start = "24000000"
assets_end = "28000000"

[rd]
projects = [{ name = "P", personnel = "400000" }]

[[equipment]]
name = "lathe"
cost = "480000"
kind = "machinery"
acquired_on = 2018-03-12
in_use = 2018-04-02
book_depreciation = "32400"
"""


def test_from_a_toml_file_gives_the_same_result():
    f = EnterpriseYear.from_mapping(tomllib.loads(TOML))
    assert annual(f).tax == D("61240.00")


def test_from_mapping_errors_name_the_path():
    data = tomllib.loads(TOML)
    data["equipment"][0]["cost"] = "-1"
    with pytest.raises(InvalidInput, match=r"equipment\[0\]\.cost"):
        EnterpriseYear.from_mapping(data)
    data = tomllib.loads(TOML)
    data["rd"]["projects"][0]["persnel"] = "1"
    with pytest.raises(InvalidInput, match=r"rd\.projects\[0\]\.persnel"):
        EnterpriseYear.from_mapping(data)
    with pytest.raises(InvalidInput, match="prfit"):
        EnterpriseYear.from_mapping({"year": 2018, "prfit": "1"})


def test_results_ignore_a_hostile_ambient_context():
    f = EnterpriseYear.from_mapping(tomllib.loads(TOML))
    expected = annual(f)
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        got = annual(f)
    assert (got.tax, got.taxable_income, got.rd_extra) == (expected.tax, expected.taxable_income, expected.rd_extra)
    assert got.explain() == expected.explain()


# -- properties -----------------------------------------------------------------------------------------------

money = st.decimals(min_value=D("-3000000"), max_value=D("6000000"), places=2, allow_nan=False, allow_infinity=False)
years = st.integers(2008, 2027)


@given(years, money, st.booleans(), st.booleans(), st.integers(0, 400))
def test_tax_is_never_negative_nor_above_25_percent(y, profit, hnte, industrial, employees):
    r = annual(EnterpriseYear(y, profit=profit, hnte_years=(y,) if hnte else (), industrial=industrial,
                              employees=D(employees), assets=D("9000000")))
    assert D(0) <= r.tax <= r.standard_tax
    assert r.tax <= r.taxable_income * D("0.25") + D("0.005")
    assert r.taxable_income >= 0


@given(years, money, money, st.integers(0, 400))
def test_tax_never_falls_as_profit_rises(y, a, b, employees):
    lo, hi = sorted((a, b))
    f = EnterpriseYear(y, profit=lo, employees=D(employees), assets=D("9000000"))
    t_lo = annual(f).tax
    t_hi = annual(dataclasses.replace(f, profit=hi)).tax
    assert t_lo <= t_hi


@given(years, st.decimals(min_value=0, max_value=D("3000000"), places=2), st.booleans())
def test_the_relief_in_the_annual_computation_equals_the_rule(y, income, industrial):
    r = annual(EnterpriseYear(y, profit=income, industrial=industrial, employees=D(60), assets=D("9000000")))
    alone = small_profit(income, y, employees=60, assets="9000000", industrial=industrial)
    assert r.tax == min(alone.tax, r.standard_tax)


@given(st.integers(2016, 2027), st.decimals(min_value=0, max_value=D("2000000"), places=2))
def test_the_super_deduction_in_the_annual_computation_equals_the_rule(y, personnel):
    rd = RdFacts(projects=(RdProject("P", personnel=personnel),))
    r = annual(EnterpriseYear(y, profit=D("9000000"), rd=rd))
    assert r.rd_extra == rd_super_deduction(rd, y).extra


# -- the results are plain frozen dataclasses ----------------------------------------------------------------

def test_results_stay_frozen_and_accept_keywords():
    from taxcalc.eit import EquipmentYear

    r = annual(year())
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.tax = D(0)  # type: ignore[misc]
    e = EquipmentYear(name="x", year=2018, method="one_time", deduction=D(1), extra=D(0), book=D(0),
                      adjustment=D(-1), steps=())
    assert e == EquipmentYear("x", 2018, "one_time", D(1), D(0), D(0), D(-1), ())
    assert dataclasses.replace(e, deduction=D(2)).deduction == D(2)
