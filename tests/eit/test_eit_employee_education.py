"""Employee education expenses (职工教育经费): the cap on wages by year and kind of enterprise at
every switch, the cap exactly reached, the carry-forward, the explanation and its citations,
refusals, and properties (the deduction never exceeds the cap nor what was available; nothing
is lost; the deduction never falls when the cap rises)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law, rules
from taxcalc.eit import employee_education
from taxcalc.errors import InputProblems, InvalidInput, NotMoney, OutsideCoverage

P = Decimal
WAGES = P("1000000")


def deducted(year: int, expenses: str, kind: str = "ordinary", **kw: object) -> Decimal:
    return employee_education(year, wages=WAGES, expenses=P(expenses), kind=kind, **kw).deducted  # type: ignore[arg-type]


@pytest.mark.parametrize(("key", "day", "share"), [
    ("eit.education.cap.ordinary", "2017-12-31", "0.025"), ("eit.education.cap.ordinary", "2018-01-01", "0.08"),
    ("eit.education.cap.hnte", "2014-12-31", "0.025"), ("eit.education.cap.hnte", "2015-01-01", "0.08"),
    ("eit.education.cap.tase", "2017-01-01", "0.08"),
])
def test_the_share_the_day_before_and_the_day_of_each_switch(key, day, share):
    assert law.value(key, day).value == P(share)


def test_the_technology_advanced_service_cap_starts_in_2017():
    with pytest.raises(OutsideCoverage):
        law.value("eit.education.cap.tase", "2016-12-31")
    with pytest.raises(OutsideCoverage):
        employee_education(2016, wages=WAGES, expenses=P("1"), kind="tase")
    assert deducted(2017, "100000", "tase") == P("80000.00")


@pytest.mark.parametrize(("year", "kind", "cap"), [
    (2008, "ordinary", "25000.00"), (2017, "ordinary", "25000.00"), (2018, "ordinary", "80000.00"),
    (2014, "hnte", "25000.00"), (2015, "hnte", "80000.00"), (2017, "tase", "80000.00"),
    (2025, "ordinary", "80000.00"),
])
def test_the_year_decides_the_cap(year, kind, cap):
    assert deducted(year, "100000", kind) == P(cap)


@pytest.mark.parametrize(("expenses", "deduction", "carried"), [
    ("79999.99", "79999.99", "0"), ("80000", "80000.00", "0"), ("80000.01", "80000.00", "0.01"),
])
def test_exactly_at_the_cap_is_deducted_in_full(expenses, deduction, carried):
    r = employee_education(2018, wages=WAGES, expenses=P(expenses))
    assert (r.deducted, r.carried_forward) == (P(deduction), P(carried))


def test_a_carry_forward_of_a_2_5_percent_year_is_used_under_the_8_percent_cap():
    y2017 = employee_education(2017, wages=WAGES, expenses=P("100000"))
    assert (y2017.deducted, y2017.carried_forward, y2017.adjustment) == (P("25000.00"), P("75000.00"), P("75000.00"))
    y2018 = employee_education(2018, wages=WAGES, expenses=P("30000"), brought_forward=y2017.carried_forward)
    assert (y2018.deducted, y2018.carried_forward, y2018.adjustment) == (P("80000.00"), P("25000.00"),
                                                                         P("-50000.00"))


def test_the_cap_is_rounded_half_up_to_the_fen():
    r = employee_education(2017, wages=P("0.2"), expenses=P("1"))
    assert r.cap == P("0.01")  # 0.005 → 0.01


def test_the_explanation_cites_each_document():
    cites = {2017: "国务院令第512号 第四十二条", 2018: "财税〔2018〕51号 一"}
    for year, cite in cites.items():
        r = employee_education(year, wages=WAGES, expenses=P("100000"))
        assert str(r.step("cap").cite[0]) == cite
        assert str(r.step("deducted").cite[0]) == cite
        assert r.step("deducted").line == "A105050 第5行"
    assert str(employee_education(2015, wages=WAGES, expenses=P("1"), kind="hnte").step("share").cite[0]) \
        == "财税〔2015〕63号 一"
    assert str(employee_education(2017, wages=WAGES, expenses=P("1"), kind="tase").step("share").cite[0]) \
        == "财税〔2017〕79号 一、2"
    text = employee_education(2018, wages=WAGES, expenses=P("100000")).explain("en")
    assert "deduction cap: 80,000.00 = ROUND(1,000,000.00 × 8%, 2)" in text


def test_bad_input_is_refused_naming_the_field():
    with pytest.raises(NotMoney, match="wages"):
        employee_education(2018, wages=1000.0, expenses=P("1"))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="expenses"):
        employee_education(2018, wages=WAGES, expenses=P("-1"))
    with pytest.raises(InvalidInput, match="kind"):
        employee_education(2018, wages=WAGES, expenses=P("1"), kind="special")
    with pytest.raises(InputProblems) as exc:
        rules.get("eit.employee_education").read({"year": 2018, "wages": "x", "expenses": "1"})
    assert [p.path for p in exc.value.problems] == ["wages"]


def test_the_rule_is_registered_and_computes_its_example():
    rule = rules.get("eit.employee_education")
    assert rule.command == ("eit", "education")
    r = rule.compute(rule.load().example)
    assert (r.deducted, r.carried_forward) == (P("80000.00"), P("25000.00"))


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(year=st.integers(2008, 2030), kind=st.sampled_from(["ordinary", "hnte"]), wages=amounts, spent=amounts,
       brought=amounts)
def test_the_deduction_never_exceeds_the_cap_or_what_was_available(year, kind, wages, spent, brought):
    r = employee_education(year, wages=wages, expenses=spent, brought_forward=brought, kind=kind)
    assert P(0) <= r.deducted <= min(r.cap, spent + brought)
    assert r.deducted + r.carried_forward == spent + brought  # nothing lost
    assert r.carried_forward <= spent + brought
    assert r.adjustment == spent - r.deducted


@given(year=st.integers(2008, 2017), wages=amounts, spent=amounts, brought=amounts)
def test_a_preferential_cap_never_deducts_less(year, wages, spent, brought):
    ordinary = employee_education(year, wages=wages, expenses=spent, brought_forward=brought)
    hnte = employee_education(year, wages=wages, expenses=spent, brought_forward=brought, kind="hnte")
    assert hnte.deducted >= ordinary.deducted  # a preference never raises the taxable income


def test_the_law_value_the_docs_table_shows():
    assert [str(v.value) for v in law.spec("eit.education.cap.ordinary").values] == ["0.025", "0.08"]
    assert law.spec("eit.education.cap.ordinary").values[1].first == _dt.date(2018, 1, 1)
