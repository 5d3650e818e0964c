"""Deemed-profit assessment shown in full (a snapshot, ``tests/snapshot.py``): every industry at
both ends of its range, by revenue and by costs, with and without the small low-profit
relief; the main steps asserted one by one (value, citation); the industrial size caps before
2019; the law given passed on to the relief; each refused argument named with its reason."""

from __future__ import annotations

from decimal import Decimal

import pytest

from snapshot import check, shown
from taxcalc.eit import deemed_profit
from taxcalc.eit.deemed_profit import DEEMED_INDUSTRIES
from taxcalc.errors import InvalidInput
from taxcalc.law import default, value

P = Decimal
NOTICE = "国税发〔2008〕30号"


def test_every_case_shown_in_full():
    out = {}
    for ind in DEEMED_INDUSTRIES:
        low = value(f"eit.deemed_profit.{ind}.min", "2019-12-31").value
        high = value(f"eit.deemed_profit.{ind}.max", "2019-12-31").value
        out[f"{ind}, lowest rate, by revenue"] = shown(deemed_profit(2019, ind, low, revenue=P("1234567.89")))
        out[f"{ind}, highest rate, by costs"] = shown(deemed_profit(2019, ind, high, costs=P("1234567.89")))
    out["with the relief"] = shown(deemed_profit(2019, "catering", P("0.2"), revenue=P("9000000"),
                                                 employees=P("50"), assets=P("1000000")))
    out["manufacturing 2018, with the relief"] = shown(deemed_profit(2018, "manufacturing", P("0.1"),
                                                                     revenue=P("900000"), employees=P("90"),
                                                                     assets=P("20000000")))
    check("eit_deemed_profit", out)


def cites(step):
    return tuple(str(c) for c in step.cite)


def test_the_main_steps_value_citation_and_line():
    r = deemed_profit(2019, "wholesale_retail", P("0.10"), costs=P("9000000.01"))
    assert (r.year, r.industry, r.rate, r.basis, r.taxable_income, r.small_profit) == (
        2019, "wholesale_retail", P("0.10"), "costs", P("1000000.00"), None)
    assert [s.name for s in r.steps] == ["rate_min", "rate_max", "rate", "taxable_income"]
    assert r.step("rate_min").value == P("0.04")
    assert r.step("rate_max").value == P("0.15")
    assert cites(r.step("rate_min")) == (f"{NOTICE} 第八条",)
    assert cites(r.step("rate")) == (f"{NOTICE} 第八条",)
    s = r.step("taxable_income")
    assert (s.value, s.unit, cites(s)) == (P("1000000.00"), "yuan", (f"{NOTICE} 第六条",))
    assert s.formula == "ROUND(9,000,000.01 ÷ (1 − 10%) × 10%, 2)"
    assert s.formula_zh == "ROUND(成本（费用）支出额 9,000,000.01 ÷ (1 − 10%) × 10%, 2)"
    r = deemed_profit(2019, "wholesale_retail", P("0.10"), revenue=P("8000000.05"))
    assert (r.basis, r.taxable_income) == ("revenue", P("800000.01"))
    assert r.step("taxable_income").formula == "ROUND(8,000,000.05 × 10%, 2)"
    assert r.step("taxable_income").formula_zh == "ROUND(应税收入额 8,000,000.05 × 10%, 2)"


def test_the_relief_is_computed_on_the_deemed_income_and_its_steps_follow():
    r = deemed_profit(2019, "catering", P("0.2"), revenue=P("9000000"), employees=P("50"), assets=P("1000000"))
    assert r.small_profit is not None
    assert r.small_profit.income == P("1800000.00")
    assert r.steps[4:] == r.small_profit.steps
    assert r.small_profit.eligible


def test_before_2019_manufacturing_has_the_industrial_caps():
    kw = {"revenue": P("900000"), "employees": P("90"), "assets": P("20000000")}
    made = deemed_profit(2018, "manufacturing", P("0.1"), **kw)
    sold = deemed_profit(2018, "wholesale_retail", P("0.1"), **kw)
    assert made.small_profit is not None and sold.small_profit is not None
    assert (made.small_profit.eligible, sold.small_profit.eligible) == (True, False)


def test_the_law_given_is_read_by_the_rule_and_the_relief():
    what_if = default().with_values({"eit.deemed_profit.catering.max": "50%"})
    r = deemed_profit(2019, "catering", P("0.5"), revenue=P("100"), law=what_if)
    assert r.taxable_income == P("50.00")
    with pytest.raises(InvalidInput):
        deemed_profit(2019, "catering", P("0.5"), revenue=P("100"))
    no_relief = default().with_values({"eit.small_profit.in_force": False})
    r = deemed_profit(2019, "catering", P("0.2"), revenue=P("100"), employees=P("50"), assets=P("1"), law=no_relief)
    plain = deemed_profit(2019, "catering", P("0.2"), revenue=P("100"), employees=P("50"), assets=P("1"))
    assert r.small_profit is not None and plain.small_profit is not None
    assert plain.small_profit.eligible
    assert not r.small_profit.eligible


@pytest.mark.parametrize(("args", "kw", "field", "reason"), [
    ((2019, "mining", P("0.1")), {"revenue": P("1")}, "industry", None),
    ((2019, "other", P("1")), {"revenue": P("1")}, "rate", "must be a Decimal share from 0 to below 1 (got Decimal('1'))"),
    ((2019, "other", P("-0.01")), {"revenue": P("1")}, "rate",
     "must be a Decimal share from 0 to below 1 (got Decimal('-0.01'))"),
    ((2019, "other", P("NaN")), {"revenue": P("1")}, "rate", "must be a Decimal share from 0 to below 1 (got Decimal('NaN'))"),
    ((2019, "other", 0.1), {"revenue": P("1")}, "rate", "must be a Decimal share from 0 to below 1 (got 0.1)"),
    ((2019, "other", P("0.1")), {}, "revenue", "give the taxable revenue or the costs, one of them"),
    ((2019, "other", P("0.1")), {"revenue": P("1"), "costs": P("1")}, "revenue",
     "give the taxable revenue or the costs, one of them"),
    ((2019, "other", P("0.1")), {"revenue": P("1"), "assets": P("1")}, "employees",
     "give both annual averages (employees and assets) for the small low-profit relief"),
    ((2019, "other", P("0.1")), {"revenue": P("1"), "employees": P("1")}, "assets",
     "give both annual averages (employees and assets) for the small low-profit relief"),
    ((2019, "other", P("0.0999")), {"revenue": P("1")}, "rate",
     "9.99% is outside the range of other, 10% to 30% (国税发〔2008〕30号 第八条)"),
    ((2019, "other", P("0.3001")), {"revenue": P("1")}, "rate",
     "30.01% is outside the range of other, 10% to 30% (国税发〔2008〕30号 第八条)"),
    ((2019, "other", P("0.1")), {"revenue": P("-1")}, "revenue", "must not be negative (got -1)"),
    ((2019, "other", P("0.1")), {"costs": P("-1")}, "costs", "must not be negative (got -1)"),
    (("2019", "other", P("0.1")), {"costs": P("1")}, "year", None),
])
def test_each_refused_argument_is_named(args, kw, field, reason):
    with pytest.raises(InvalidInput) as info:
        deemed_profit(*args, **kw)
    assert info.value.field == field
    if reason is not None:
        assert info.value.reason == reason


def test_a_zero_rate_is_a_share_but_outside_every_range():
    with pytest.raises(InvalidInput) as info:
        deemed_profit(2019, "agriculture", P("0"), revenue=P("1"))
    assert info.value.reason == "0% is outside the range of agriculture, 3% to 10% (国税发〔2008〕30号 第八条)"
