"""Accelerated depreciation (固定资产加速折旧): who may, the floors, the methods worked by hand, the properties."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.eit import (
    ACCELERATION_INDUSTRIES,
    ASSET_KINDS,
    DepreciableAsset,
    accelerated_depreciation,
    accelerated_schedule,
)
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.law import default, rule_coverage

D = Decimal


def asset(bought: str, industry: str = "manufacturing", method: str = "double_declining", *, cost: str = "100000",
          kind: str = "machinery", **kw: object) -> DepreciableAsset:
    return DepreciableAsset("asset", cost, kind, acquired_on=bought, in_use=bought, industry=industry,
                            method=method, **kw)


# -- who may leave the straight line: the switch days ------------------------------


@pytest.mark.parametrize("industry", ["biological_pharmaceuticals", "special_equipment", "transport_equipment",
                                      "computer_electronics", "instruments", "information"])
def test_the_six_industries_from_purchases_of_2014_01_01(industry):
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(asset("2013-12-31", industry))
    assert info.value.field == "method" and "2013-12-31" in info.value.reason
    s = accelerated_schedule(asset("2014-01-01", industry))
    assert s.grounds == "industry"
    assert s.steps[1].cite[0].doc == "财税〔2014〕75号" and s.steps[1].cite[0].article == "第一条"


@pytest.mark.parametrize("industry", ["light_industry", "textiles", "machinery", "automobiles"])
def test_the_four_key_industries_from_purchases_of_2015_01_01(industry):
    with pytest.raises(InvalidInput, match="2014-12-31") as info:
        accelerated_schedule(asset("2014-12-31", industry, "sum_of_years"))
    assert info.value.field == "method" and "财税〔2014〕75号 第一条" in info.value.reason
    s = accelerated_schedule(asset("2015-01-01", industry, "sum_of_years"))
    assert s.grounds == "industry" and s.steps[1].cite[0].doc == "财税〔2015〕106号"


def test_all_manufacturing_from_purchases_of_2019_01_01():
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(asset("2018-12-31", "manufacturing", "shortened"))
    assert info.value.field == "method" and "财税〔2015〕106号 一" in info.value.reason
    s = accelerated_schedule(asset("2019-01-01", "manufacturing", "shortened"))
    assert s.grounds == "industry" and s.steps[1].cite[0].doc == "财政部 税务总局公告2019年第66号"
    assert s.life_months == 72


def test_an_industry_never_listed_is_refused_and_the_straight_line_needs_no_grounds():
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(asset("2026-12-01", "other"))
    assert info.value.field == "method"
    s = accelerated_schedule(asset("2026-12-01", "other", "straight_line"))
    assert s.grounds == "" and s.chosen == s.straight_line


def test_the_main_business_share_must_be_more_than_half():
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(asset("2019-06-01", main_business_share="0.5"))
    assert info.value.field == "main_business_share" and "国家税务总局公告2014年第64号 一" in info.value.reason
    s = accelerated_schedule(asset("2019-06-01", main_business_share="0.5001"))
    assert s.grounds == "industry"
    assert [c.doc for c in s.steps[2].cite] == ["国家税务总局公告2014年第64号"]


def test_as_known_before_each_notice_the_industries_were_those_of_the_notice_before():
    # 财税〔2015〕106号 was signed on 2015-09-17, with effect from 2015-01-01: as known on
    # 2015-09-16 a machinery maker's purchase of 2015-03 had only the straight line.
    bought = asset("2015-03-02", "machinery")
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(bought, law=default().as_known_on("2015-09-16"))
    assert info.value.field == "method" and "财税〔2014〕75号 第一条" in info.value.reason
    assert accelerated_schedule(bought, law=default().as_known_on("2015-09-17")).grounds == "industry"
    before_75 = default().as_known_on("2014-10-19")
    with pytest.raises(InvalidInput):
        accelerated_schedule(asset("2014-03-02", "instruments"), law=before_75)


def test_an_asset_of_article_98_may_accelerate_in_any_industry_from_2008():
    s = accelerated_schedule(asset("2008-01-01", "other", article_98=True))
    assert s.grounds == "article_98"
    assert (s.steps[1].cite[0].doc, s.steps[1].cite[0].article) == ("国务院令第512号", "第九十八条")
    with pytest.raises(InvalidInput):  # the same asset, not marked, has no ground in 2008
        accelerated_schedule(asset("2008-01-01", "other"))
    off = default().with_values({"eit.accelerated_depreciation.article_98.in_force": False})
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(asset("2008-01-01", "other", article_98=True), law=off)
    assert info.value.field == "method"


# -- the lives -------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "floor"), [("buildings", 144), ("machinery", 72), ("tools", 36),
                                             ("vehicles", 29), ("electronics", 22)])
def test_the_shortened_life_floor_is_60_percent_rounded_up_to_a_month(kind, floor):
    assert accelerated_schedule(asset("2019-06-01", method="shortened", kind=kind)).life_months == floor
    assert accelerated_schedule(asset("2019-06-01", method="shortened", kind=kind, life_months=floor)).life_months \
        == floor
    with pytest.raises(InvalidInput) as info:
        accelerated_schedule(asset("2019-06-01", method="shortened", kind=kind, life_months=floor - 1))
    assert info.value.field == "life_months" and "floor" in info.value.reason
    assert "国务院令第512号 第九十八条" in info.value.reason


def test_a_shortened_life_must_be_shorter_and_a_straight_line_not_shorter():
    with pytest.raises(InvalidInput, match="not shorter") as info:
        accelerated_schedule(asset("2019-06-01", method="shortened", life_months=120))
    assert info.value.field == "life_months"
    with pytest.raises(InvalidInput, match="below the minimum life of 120 months") as info:
        accelerated_schedule(asset("2019-06-01", method="straight_line", life_months=119))
    assert info.value.field == "life_months"
    assert accelerated_schedule(asset("2019-06-01", method="straight_line", life_months=180)).life_months == 180


def test_an_accelerated_method_takes_whole_years_not_below_the_minimum():
    with pytest.raises(InvalidInput, match="whole number of years") as info:
        accelerated_schedule(asset("2019-06-01", life_months=126))
    assert info.value.field == "life_months"
    with pytest.raises(InvalidInput, match="alternatives") as info:
        accelerated_schedule(asset("2019-06-01", method="sum_of_years", life_months=72))
    assert info.value.field == "life_months"
    assert accelerated_schedule(asset("2019-06-01", life_months=144)).life_months == 144


def test_a_method_the_law_data_does_not_allow_is_refused():
    law = default().with_values({"eit.accelerated_depreciation.methods": ["sum_of_years"]})
    with pytest.raises(InvalidInput, match="not an accelerated method") as info:
        accelerated_schedule(asset("2019-06-01"), law=law)
    assert info.value.field == "method"


# -- worked by hand --------------------------------------------------------------


def test_double_declining_balance_with_a_residual_by_hand():
    # 300,000, residual 15,000, electronics (3 years), in use June 2019: depreciation from July 2019.
    # Depreciation years: 300,000 × 2/3 = 200,000; then (100,000 − 15,000) ÷ 2 = 42,500 twice.
    # 2019: 6/12 × 200,000; 2020: 6/12 × 200,000 + 6/12 × 42,500; 2021: 42,500; 2022: 6/12 × 42,500.
    # Straight line: 285,000 ÷ 36 a month: 6, 12, 12, 6 months.
    a = DepreciableAsset("server", "300000", "electronics", acquired_on="2019-06-03", in_use="2019-06-15",
                         industry="computer_electronics", method="double_declining", residual="15000")
    s = accelerated_schedule(a)
    assert s.chosen == ((2019, D("100000.00")), (2020, D("121250.00")), (2021, D("42500.00")),
                        (2022, D("21250.00")))
    assert s.straight_line == ((2019, D("47500.00")), (2020, D("95000.00")), (2021, D("95000.00")),
                               (2022, D("47500.00")))
    diffs = [accelerated_depreciation(a, y).difference for y in range(2019, 2023)]
    assert diffs == [D("52500.00"), D("26250.00"), D("-52500.00"), D("-26250.00")]


def test_double_declining_balance_switches_to_even_amounts_for_the_last_two_years():
    # In use December 2019: depreciation years are the tax years 2020 – 2029.  20% of the net
    # value for 8 years (0.8^8 × 1,000,000 = 167,772.16 left), then 83,886.08 twice.
    a = asset("2019-12-10", cost="1000000")
    s = accelerated_schedule(a)
    assert [y for y, _ in s.chosen] == list(range(2020, 2030))
    assert s.chosen[:3] == ((2020, D("200000.00")), (2021, D("160000.00")), (2022, D("128000.00")))
    assert s.chosen[6:] == ((2026, D("52428.80")), (2027, D("41943.04")), (2028, D("83886.08")),
                            (2029, D("83886.08")))
    assert s.steps[4].cite[0].doc == "国税发〔2009〕81号" and "条次未核实" in s.steps[4].cite[0].article


def test_sum_of_the_years_digits_by_hand():
    # Vehicle (4 years), 100,000, residual 4,000, bought and in use January 2019: sum of digits 10.
    # 96,000 × 4/10, 3/10, 2/10, 1/10.
    a = DepreciableAsset("truck", "100000", "vehicles", acquired_on="2019-01-01", in_use="2019-01-01",
                         industry="automobiles", method="sum_of_years", residual="4000")
    s = accelerated_schedule(a)
    # from February 2019: 11 months of year 1, then 1 + 11 months, …
    assert s.chosen == ((2019, D("35200.00")), (2020, D("29600.00")), (2021, D("20000.00")),
                        (2022, D("10400.00")), (2023, D("800.00")))
    assert sum(a for _, a in s.chosen) == D("96000")


def test_the_year_explained_with_its_lines_and_citations():
    r = accelerated_depreciation(asset("2019-03-10", cost="1200000"), 2019)
    assert (r.deduction, r.straight_line, r.difference) == (D("180000.00"), D("90000.00"), D("90000.00"))
    by_name = {s.name: s for s in r.steps}
    assert by_name["accelerated.deduction"].line == "A105080"
    assert by_name["accelerated.straight_line"].line == "A105080"
    assert by_name["accelerated.difference"].value == D("90000.00")
    docs = {c.doc for c in by_name["accelerated.deduction"].cite}
    assert {"财政部 税务总局公告2019年第66号", "国家税务总局公告2014年第64号", "国务院令第512号",
            "国税发〔2009〕81号"} <= docs
    assert [c.article for c in by_name["accelerated.straight_line"].cite] == ["第六十条第（二）项", "第五十九条"]
    assert "加速折旧统计额" in r.explain("zh") and "180,000.00 − 90,000.00" in r.explain("en")


def test_a_year_outside_the_life_deducts_nothing():
    r = accelerated_depreciation(asset("2019-03-10"), 2018)
    assert (r.deduction, r.straight_line, r.difference) == (D("0.00"), D("0.00"), D("0.00"))


def test_bad_input_names_the_field():
    with pytest.raises(NotMoney):
        DepreciableAsset("a", 1.5, "machinery", acquired_on="2019-01-01", in_use="2019-01-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as info:
        DepreciableAsset("a", "100", "machinery", acquired_on="2019-01-01", in_use="2019-01-01", residual="101")
    assert info.value.field == "residual"
    with pytest.raises(InvalidInput) as info:
        DepreciableAsset("a", "100", "machinery", acquired_on="2019-01-01", in_use="2019-01-01", method="fast")
    assert info.value.field == "method"


def test_the_rule_from_a_mapping_and_its_refusal():
    rule = rules.get("eit.accelerated_depreciation")
    r = rule.compute(rule.load().example)
    assert (r.grounds, r.difference) == ("article_98", D("90000.00"))
    by_industry = {**rule.load().example, "article_98": False, "industry": "manufacturing"}
    assert rule.compute(by_industry).grounds == "industry"
    with pytest.raises(InvalidInput) as info:
        rule.compute({**by_industry, "acquired_on": "2018-12-31", "in_use": "2018-12-31", "year": 2018})
    assert info.value.field == "method"


def test_the_rule_answers_from_2008_through_2026():
    for day in ("2008-01-01", "2013-12-31", "2026-12-01"):
        v = next(v for v in rule_coverage(day) if v.rule == "eit.accelerated_depreciation")
        assert v.verdict == "answers", (day, v.reason)
        assert v.example["year"] == int(day[:4]) and v.example["article_98"] is True
        assert v.example["acquired_on"][:7] == v.example["in_use"][:7] == day[:7]


# -- properties ------------------------------------------------------------------

_ACCELERATED = ("shortened", "double_declining", "sum_of_years")


@st.composite
def assets(draw: st.DrawFn, methods: tuple[str, ...] = _ACCELERATED) -> DepreciableAsset:
    cost_fen = draw(st.integers(min_value=1, max_value=10**11))
    residual_fen = draw(st.integers(min_value=0, max_value=cost_fen))
    day = draw(st.dates(min_value=_dt.date(2019, 1, 1), max_value=_dt.date(2035, 12, 31)))
    use = day + _dt.timedelta(days=draw(st.integers(min_value=0, max_value=400)))
    return DepreciableAsset("asset", D(cost_fen) / 100, draw(st.sampled_from(ASSET_KINDS)), acquired_on=day,
                            in_use=use, industry=draw(st.sampled_from(sorted(set(ACCELERATION_INDUSTRIES) - {"other"}))),
                            method=draw(st.sampled_from(methods)), residual=D(residual_fen) / 100)


@settings(max_examples=150, deadline=None)
@given(assets(("straight_line", *_ACCELERATED)))
def test_the_years_add_up_to_cost_less_residual(a):
    s = accelerated_schedule(a)
    assert sum((x for _, x in s.chosen), D(0)) == a.cost - a.residual
    assert sum((x for _, x in s.straight_line), D(0)) == a.cost - a.residual
    assert all(x >= 0 for _, x in s.chosen)


@settings(max_examples=150, deadline=None)
@given(assets())
def test_accelerated_never_below_the_straight_line_in_the_first_year(a):
    s = accelerated_schedule(a)
    first = s.straight_line[0][0]
    assert s.chosen[0][0] == first
    assert s.deduction_in(first) >= s.straight_line_in(first)
    r = accelerated_depreciation(a, first)
    assert r.difference >= 0 and r.difference == r.deduction - r.straight_line


def test_the_schedule_does_not_depend_on_the_ambient_decimal_context():
    import decimal

    a = DepreciableAsset("asset", "987654.32", "electronics", acquired_on="2019-05-05", in_use="2019-05-06",
                         industry="manufacturing", method="double_declining", residual="12345.67")
    b = DepreciableAsset("asset", "987654.32", "vehicles", acquired_on="2019-05-05", in_use="2019-05-06",
                         industry="manufacturing", method="sum_of_years", residual="12345.67")
    expected = [accelerated_schedule(x) for x in (a, b)]
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR)):
        got = [accelerated_schedule(x) for x in (a, b)]
    assert [s.chosen for s in got] == [s.chosen for s in expected]
    assert [s.straight_line for s in got] == [s.straight_line for s in expected]


def test_the_command_line_names_the_method_in_the_language_asked():
    from taxcalc import rules

    rule = rules.get("eit.accelerated_depreciation")
    data = {"cost": "120000", "kind": "electronics", "acquired_on": "2019-03-10", "in_use": "2019-03-20",
            "year": 2019, "method": "double_declining", "industry": "manufacturing",
            "main_business_share": "60%", "life_months": 36}
    definition = rule.load()
    r = rule.compute(data)
    assert definition.text(r, "zh").splitlines()[0].startswith("2019年度：税收折旧额 60,000.00（双倍余额递减法，36个月）")
    assert definition.text(r, "en").splitlines()[0].startswith("2019: deduction 60,000.00 (double declining balance, ")
