"""Venture-capital investment (实施条例 第九十七条, 财税〔2018〕55号): the holding completing on
the last day of the 24th month, the start-up investee the day before and the day of
2018-01-01, the deduction exactly at the income, the carry-forward, the explanation and its
citations, refusals, and properties (the carry-forward never exceeds what was available; the
deduction never raises the tax)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law, rules
from taxcalc.eit import VentureInvestment, venture_capital
from taxcalc.errors import InputProblems, InvalidInput, NotMoney, OutsideCoverage

P = Decimal
RICH = P("100000000")


def stake(day: _dt.date, target: str = "hnte_sme", amount: str = "1000000", name: str = "X") -> VentureInvestment:
    return VentureInvestment(name=name, target=target, registered_on=day, amount=P(amount))


@pytest.mark.parametrize(("registered", "year"), [
    (_dt.date(2017, 1, 1), 2018), (_dt.date(2017, 1, 2), 2019), (_dt.date(2016, 12, 31), 2018),
    (_dt.date(2016, 2, 29), 2018),
])
def test_the_year_the_24_month_holding_completes(registered, year):
    for y in (year - 1, year, year + 1):
        r = venture_capital(y, [stake(registered)], income=RICH)
        assert r.earned == (P("700000.00") if y == year else 0), y


@pytest.mark.parametrize(("registered", "earned"), [
    (_dt.date(2016, 1, 1), "0"),  # complete 2017-12-31: start-ups did not qualify yet
    (_dt.date(2016, 1, 2), "700000.00"),  # complete 2018-01-01
])
def test_a_start_up_investee_the_day_before_and_the_day_of_2018_01_01(registered, earned):
    year = (registered.year + 2) if registered.day == 2 else registered.year + 1
    r = venture_capital(year, [stake(registered, "startup_tech")], income=RICH)
    assert r.earned == P(earned)
    assert law.value("eit.venture.startup_tech", "2017-12-31").value is False
    assert law.value("eit.venture.startup_tech", "2018-01-01").value is True


@pytest.mark.parametrize(("income", "deducted", "carried"), [
    ("699999.99", "699999.99", "0.01"), ("700000", "700000", "0"), ("700000.01", "700000", "0"),
    ("0", "0", "700000.00"), ("-5000", "0", "700000.00"),
])
def test_exactly_at_the_income_and_around_it(income, deducted, carried):
    r = venture_capital(2018, [stake(_dt.date(2017, 1, 1))], income=P(income))
    assert (r.deducted, r.carried_forward) == (P(deducted), P(carried))


def test_the_amount_brought_forward_is_deducted_with_the_year_s_own():
    r = venture_capital(2020, [], income=P("300000"), brought_forward=P("500000"))
    assert (r.earned, r.deducted, r.carried_forward) == (0, P("300000"), P("200000"))


def test_the_explanation_cites_the_article_and_the_notice():
    r = venture_capital(2018, [stake(_dt.date(2016, 1, 2), "startup_tech", name="S"),
                               stake(_dt.date(2016, 7, 1), name="H")], income=RICH)
    assert [str(c) for c in r.step("investments[0].earned").cite] == ["国务院令第512号 第九十七条",
                                                                     "财税〔2018〕55号 一（一）"]
    assert str(r.step("investments[1].earned").cite[0]) == "国务院令第512号 第九十七条"
    assert r.step("deducted").line == "A107030"
    assert "S: holding complete on: 2018-01-01 = 2016-01-02 + 24 months − 1 day" in r.explain("en")
    assert r.completed == ("S", "H")


def test_bad_input_is_refused_naming_the_field():
    with pytest.raises(NotMoney, match="income"):
        venture_capital(2018, [], income=1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="brought_forward"):
        venture_capital(2018, [], income=P(1), brought_forward=P(-1))
    with pytest.raises(InvalidInput, match=r"investments\[0\]\.registered_on"):
        venture_capital(2018, [stake(_dt.date(2019, 1, 1))], income=P(1))
    with pytest.raises(OutsideCoverage):
        venture_capital(2007, [], income=P(1))
    with pytest.raises(InputProblems) as exc:
        rules.get("eit.venture_capital").read({"year": 2018, "income": "1", "investments": [
            {"name": "a", "target": "listed", "registered_on": "2017-01-01", "amount": "1"}]})
    assert [p.path for p in exc.value.problems] == ["investments[0].target"]


def test_the_rule_computes_its_example():
    rule = rules.get("eit.venture_capital")
    r = rule.compute(rule.load().example)
    assert (r.earned, r.deducted, r.carried_forward) == (P("7000000.00"), P("5000000"), P("2000000.00"))


days = st.dates(min_value=_dt.date(2008, 1, 1), max_value=_dt.date(2022, 12, 31))
amounts = st.decimals(min_value=0, max_value=10**9, places=2)


@given(year=st.integers(2010, 2024), day=days, target=st.sampled_from(["hnte_sme", "startup_tech"]),
       amount=amounts, brought=amounts, income=st.decimals(min_value=-10**9, max_value=10**9, places=2))
def test_carry_forwards_never_exceed_what_was_available(year, day, target, amount, brought, income):
    if day.year > year:
        return
    r = venture_capital(year, [stake(day, target, str(amount))], income=income, brought_forward=brought)
    assert r.available == r.earned + brought
    assert P(0) <= r.deducted <= max(income, P(0))  # the taxable income never goes up, nor below zero
    assert r.deducted + r.carried_forward == r.available
    assert r.carried_forward <= r.available
