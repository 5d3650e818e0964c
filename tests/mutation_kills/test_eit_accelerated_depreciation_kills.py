"""Accelerated depreciation (固定资产加速折旧): the whole result and every step (labels in both
languages, units, formulas in both languages, citations, return-form lines) for each
ground (第九十八条, an industry) and each method, a year inside and outside the life,
and the whole schedule — then every refusal's field and full reason.

What each case must show is kept in ``golden/eit_accelerated_depreciation.json`` (see ``_golden.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.eit import DepreciableAsset, accelerated_depreciation, accelerated_schedule
from taxcalc.errors import InvalidInput
from taxcalc.law import default

D = Decimal

# case: (name, cost, kind, bought, in use, keyword arguments of the asset, tax year)
CASES: dict[str, tuple[str, str, str, str, str, dict[str, object], int]] = {
    "article_98_double_declining_2009": (
        "furnace", "1000000", "machinery", "2008-01-01", "2008-01-20",
        {"industry": "other", "article_98": True, "method": "double_declining", "residual": "50000"}, 2009),
    "article_98_double_declining_last_years": (
        "furnace", "1000000", "machinery", "2008-01-01", "2008-01-20",
        {"industry": "other", "article_98": True, "method": "double_declining", "residual": "50000"}, 2017),
    "industry_shortened_2016": (
        "press", "1000000", "machinery", "2015-02-01", "2015-02-15",
        {"industry": "machinery", "method": "shortened", "residual": "40000", "main_business_share": "0.8"}, 2016),
    "industry_sum_of_years_2015": (
        "server", "90000", "electronics", "2014-05-06", "2014-06-01",
        {"industry": "information", "method": "sum_of_years"}, 2015),
    "straight_line_longer_life_2021": (
        "shed", "360000", "tools", "2020-04-01", "2020-04-30", {"life_months": 72, "residual": "7200"}, 2021),
    "outside_the_life_2030": (
        "lathe", "120000", "electronics", "2019-03-10", "2019-03-20",
        {"industry": "manufacturing", "method": "double_declining"}, 2030),
}
FIELDS = ("name", "year", "method", "grounds", "life_months", "deduction", "straight_line", "difference")
SCHEDULE_FIELDS = ("name", "method", "grounds", "life_months", "chosen", "straight_line")
GOLDEN = Golden("eit_accelerated_depreciation", CASES)


def _asset(case: str) -> tuple[DepreciableAsset, int]:
    name, cost, kind, bought, in_use, kwargs, year = CASES[case]
    return DepreciableAsset(name, cost, kind, acquired_on=bought, in_use=in_use, **kwargs), year  # type: ignore[arg-type]


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    a, year = _asset(case)
    r = accelerated_depreciation(a, year, law=default().with_values({}))
    s = accelerated_schedule(a, law=default().with_values({}))
    GOLDEN.check(case, fields=fields(r, FIELDS), steps=rows(r.steps), zh=r.explain("zh").splitlines(),
                 schedule=fields(s, SCHEDULE_FIELDS))


def asset(bought: str = "2019-06-01", industry: str = "manufacturing", method: str = "double_declining",
          **kw: object) -> DepreciableAsset:
    return DepreciableAsset("asset", kw.pop("cost", "100000"), kw.pop("kind", "machinery"),  # type: ignore[arg-type]
                            acquired_on=bought, in_use=bought, industry=industry, method=method, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("a", "law", "reason"), [
    (asset("2018-12-31", "manufacturing", "shortened"), None,
     "shortened is not allowed for an asset bought on 2018-12-31 by an enterprise of the industry 'manufacturing': "
     "the industries that may accelerate for that purchase date are biological_pharmaceuticals, special_equipment, "
     "transport_equipment, computer_electronics, instruments, information, light_industry, textiles, machinery, "
     "automobiles (财税〔2015〕106号 一); nor is the asset marked article_98 (实施条例 第九十八条)"),
    (asset("2019-06-01", "manufacturing", "sum_of_years"),
     default().with_values({"eit.accelerated_depreciation.industries": []}),
     "sum_of_years is not allowed for an asset bought on 2019-06-01 by an enterprise of the industry "
     "'manufacturing': the industries that may accelerate for that purchase date are none (假设 what-if "
     "eit.accelerated_depreciation.industries = []); nor is the asset marked article_98 (实施条例 第九十八条)"),
    (asset(), default().with_values({"eit.accelerated_depreciation.methods": ["sum_of_years"]}),
     "double_declining is not an accelerated method the law allows (sum_of_years; 假设 what-if "
     "eit.accelerated_depreciation.methods = ['sum_of_years'])"),
])
def test_a_method_refused_names_method_and_says_why(a, law, reason):
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(a, law=law)
    assert (info.value.field, info.value.reason) == ("method", reason)


def test_a_main_business_share_of_half_names_the_field_the_figures_and_the_notice():
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(asset(main_business_share="0.5"))
    assert (info.value.field, info.value.reason) == (
        "main_business_share", "50% is not more than 50%: the enterprise is not of the industry 'manufacturing' "
        "for accelerated depreciation (国家税务总局公告2014年第64号 一)")


@pytest.mark.parametrize(("kw", "reason"), [
    ({"method": "straight_line", "life_months": 119},
     "119 months is below the minimum life of 120 months (国务院令第512号 第六十条第（二）项); a shorter life is "
     "the method `shortened`, where the law allows it"),
    ({"method": "shortened", "life_months": 71},
     "71 months is below the floor of a shortened life, 72 months (60% of the 120 months of 国务院令第512号 "
     "第六十条第（二）项; 国务院令第512号 第九十八条)"),
    ({"method": "shortened", "life_months": 120},
     "120 months is not shorter than the minimum life of 120 months; choose `straight_line` for it"),
    ({"method": "double_declining", "life_months": 126},
     "126 months is not a whole number of years, which double_declining needs"),
    ({"method": "sum_of_years", "life_months": 108},
     "108 months is below the minimum life of 120 months: a shortened life and an accelerated method are "
     "alternatives, not combined (国务院令第512号 第九十八条)"),
])
def test_a_life_refused_names_life_months_and_says_why(kw, reason):
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(asset(**kw))
    assert (info.value.field, info.value.reason) == ("life_months", reason)


@pytest.mark.parametrize(("kw", "life"), [({"method": "shortened", "life_months": 72}, 72),
                                          ({"method": "shortened", "life_months": 119}, 119),
                                          ({"method": "sum_of_years", "life_months": 120}, 120),
                                          ({"method": "straight_line", "life_months": 120}, 120)])
def test_a_life_exactly_at_each_bound_is_taken(kw, life):
    assert accelerated_schedule(asset(**kw)).life_months == life


def test_a_schedule_needs_an_asset():
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule({"name": "lathe"})  # type: ignore[arg-type]
    assert (info.value.field, info.value.reason) == ("asset", "must be DepreciableAsset")


def test_an_asset_of_article_98_with_the_article_off_falls_back_on_its_industry():
    off = default().with_values({"eit.accelerated_depreciation.article_98.in_force": False})
    s = accelerated_schedule(asset(article_98=True), law=off)
    assert s.grounds == "industry"
    assert [st.name for st in s.steps][:3] == ["accelerated.min_years", "accelerated.industry",
                                               "accelerated.main_business_share"]


def test_the_year_of_a_schedule_outside_its_life_deducts_nothing():
    s = accelerated_schedule(asset())
    assert (s.deduction_in(2018), s.straight_line_in(2018)) == (D("0.00"), D("0.00"))
    assert str(s.deduction_in(2018)) == "0.00" and str(s.straight_line_in(2040)) == "0.00"


def test_the_methods_refused_list_every_method_the_law_allows():
    law = default().with_values({"eit.accelerated_depreciation.methods": ["sum_of_years", "units_of_production"]})
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(asset(), law=law)
    assert info.value.reason.startswith(
        "double_declining is not an accelerated method the law allows (sum_of_years, units_of_production; ")


def test_the_floor_is_rounded_up_even_below_half_a_month_and_the_year_reads_the_law_given():
    # a floor of 65%: 65% × 36 = 23.4 months, rounded up to 24 (not to the nearest, 23)
    law = default().with_values({"eit.accelerated_depreciation.shortened_life_floor": "0.65"})
    a = asset(method="shortened", kind="electronics", cost="240000")
    assert accelerated_schedule(a, law=law).life_months == 24
    r = accelerated_depreciation(a, 2019, law=law)
    # from July 2019, 240,000 over 24 months: 6 months in 2019
    assert (r.life_months, r.deduction, r.straight_line) == (24, D("60000.00"), D("40000.00"))
    assert r.step("accelerated.floor").formula == "65% × 36 = 24 months (rounded up)"


def test_a_shortened_life_does_not_depend_on_the_ambient_decimal_context():
    import decimal

    a = asset(method="shortened", kind="vehicles", cost="987654.32", residual="12345.67")
    expected = accelerated_schedule(a)
    hostile = decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR, traps=[decimal.Inexact, decimal.Rounded,
                                                                            decimal.InvalidOperation])
    with decimal.localcontext(hostile):
        got = accelerated_schedule(a)
    assert got.life_months == expected.life_months == 29  # 60% × 48 = 28.8, rounded up
    assert got.chosen == expected.chosen


def test_put_into_use_in_november_the_first_tax_year_takes_december_alone():
    # in use 2019-11: depreciation from December 2019, one month in 2019
    a = DepreciableAsset("drill", "120000", "electronics", acquired_on="2019-11-05", in_use="2019-11-20",
                         industry="manufacturing", method="straight_line")
    s = accelerated_schedule(a)
    assert s.chosen[0] == (2019, D("3333.33")) and s.chosen[-1] == (2022, D("36666.67"))
    b = DepreciableAsset("drill", "120000", "electronics", acquired_on="2019-11-05", in_use="2019-11-20",
                         industry="manufacturing", method="double_declining")
    # the first depreciation year (Dec 2019 – Nov 2020) takes 120,000 × 2/3 = 80,000: a twelfth in 2019;
    # 2020: 11/12 × 80,000 + 1/12 × 20,000 (the last two years spread 40,000 evenly)
    assert accelerated_schedule(b).chosen[:2] == ((2019, D("6666.67")), (2020, D("75000.00")))


def test_an_asset_from_a_table_and_its_refusals_naming_where():
    row = {"name": "lathe", "cost": "1200000", "kind": "machinery", "acquired_on": "2019-03-10",
           "in_use": "2019-03-20", "industry": "manufacturing", "method": "double_declining"}
    a = DepreciableAsset.from_mapping(row)
    assert a == DepreciableAsset("lathe", "1200000", "machinery", acquired_on="2019-03-10", in_use="2019-03-20",
                                 industry="manufacturing", method="double_declining")
    assert accelerated_depreciation(a, 2019).difference == D("90000.00")
    with pytest.raises(InvalidInput) as info:
        DepreciableAsset.from_mapping({**row, "cost": "-1"})
    assert str(info.value) == "asset.cost: must be more than zero (got -1)"
    with pytest.raises(InvalidInput) as info:
        DepreciableAsset.from_mapping({**row, "cost": "-1"}, "assets[2]")
    assert info.value.field == "assets[2].cost"
