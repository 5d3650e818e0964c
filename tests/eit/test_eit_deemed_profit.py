"""Deemed-profit assessment (国税发〔2008〕30号 第六条, 第八条): by revenue and by costs, the rate
exactly at each end of its industry's range and just outside, the small low-profit relief on
the result, refusals, and properties (the two methods agree when the costs are the revenue
less the profit; the relief never raises the tax)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.eit import DEEMED_INDUSTRIES, deemed_profit
from taxcalc.errors import InputProblems, InvalidInput, NotMoney, OutsideCoverage

P = Decimal


def fen(x: Decimal) -> Decimal:
    return x.quantize(P("0.01"), rounding=ROUND_HALF_UP)

RANGES = {"agriculture": ("0.03", "0.10"), "manufacturing": ("0.05", "0.15"), "wholesale_retail": ("0.04", "0.15"),
          "transport": ("0.07", "0.15"), "construction": ("0.08", "0.20"), "catering": ("0.08", "0.25"),
          "entertainment": ("0.15", "0.30"), "other": ("0.10", "0.30")}


@pytest.mark.parametrize("industry", DEEMED_INDUSTRIES)
def test_the_rate_exactly_at_each_end_of_the_range_and_just_outside(industry):
    low, high = (P(x) for x in RANGES[industry])
    for rate in (low, high):
        assert deemed_profit(2019, industry, rate, revenue=P("1000000")).taxable_income == fen(P("1000000") * rate)
    for rate in (low - P("0.0001"), high + P("0.0001")):
        with pytest.raises(InvalidInput, match="rate"):
            deemed_profit(2019, industry, rate, revenue=P("1000000"))


def test_by_revenue_and_by_costs():
    assert deemed_profit(2019, "other", P("0.10"), revenue=P("1234567.89")).taxable_income == P("123456.79")
    r = deemed_profit(2019, "other", P("0.10"), costs=P("900000"))
    assert (r.basis, r.taxable_income) == ("costs", P("100000.00"))
    assert "ROUND(900,000.00 ÷ (1 − 10%) × 10%, 2)" in r.step("taxable_income").render("en")
    assert str(r.step("taxable_income").cite[0]) == "国税发〔2008〕30号 第六条"
    assert str(r.step("rate_min").cite[0]) == "国税发〔2008〕30号 第八条"


@pytest.mark.parametrize(("revenue", "eligible"), [("30000000", True), ("30000000.1", False)])
def test_the_small_low_profit_relief_on_the_deemed_income_at_its_cap(revenue, eligible):
    # 10% of 3000万 is exactly the 300万 cap of 2019 (不超过, inclusive)
    r = deemed_profit(2019, "other", P("0.10"), revenue=P(revenue), employees=P("100"), assets=P("1000000"))
    assert r.small_profit is not None and r.small_profit.eligible is eligible


def test_bad_input_is_refused_naming_the_field():
    with pytest.raises(InvalidInput, match="revenue"):
        deemed_profit(2019, "other", P("0.1"))
    with pytest.raises(InvalidInput, match="revenue"):
        deemed_profit(2019, "other", P("0.1"), revenue=P(1), costs=P(1))
    with pytest.raises(InvalidInput, match="assets"):
        deemed_profit(2019, "other", P("0.1"), revenue=P(1), employees=P(1))
    with pytest.raises(NotMoney, match="revenue"):
        deemed_profit(2019, "other", P("0.1"), revenue=1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="industry"):
        deemed_profit(2019, "mining", P("0.1"), revenue=P(1))
    with pytest.raises(OutsideCoverage):
        deemed_profit(2007, "other", P("0.1"), revenue=P(1))
    with pytest.raises(InputProblems) as exc:
        rules.get("eit.deemed_profit").read({"year": 2019, "industry": "other", "rate": "x", "revenue": "1"})
    assert [p.path for p in exc.value.problems] == ["rate"]


def test_the_rule_computes_its_example():
    rule = rules.get("eit.deemed_profit")
    assert rule.compute(rule.load().example).taxable_income == P("800000.00")


@given(industry=st.sampled_from(DEEMED_INDUSTRIES), share=st.integers(0, 100),
       revenue=st.decimals(min_value=0, max_value=10**9, places=2), year=st.integers(2008, 2025))
def test_the_two_methods_agree_and_the_relief_never_raises_the_tax(industry, share, revenue, year):
    low, high = (P(x) for x in RANGES[industry])
    rate = low + (high - low) * share / 100
    by_revenue = deemed_profit(year, industry, rate, revenue=revenue).taxable_income
    costs = revenue - revenue * rate  # the costs of a revenue earning exactly the rate
    by_costs = deemed_profit(year, industry, rate, costs=costs).taxable_income
    assert abs(by_revenue - by_costs) <= P("0.01")
    r = deemed_profit(year, industry, rate, revenue=revenue, employees=P("10"), assets=P("1000000"))
    assert r.small_profit is not None
    assert r.small_profit.tax <= fen(r.taxable_income * P("0.25"))
