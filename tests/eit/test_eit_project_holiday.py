"""Project income holidays (实施条例 第八十七条, 第八十八条): each year of the six and the years
either side, the exclusions, the explanation and its citations, refusals, and properties (the
part taken off is never more than the income; the preference never raises the tax)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.eit import project_holiday
from taxcalc.errors import InputProblems, InvalidInput, NotMoney, OutsideCoverage

P = Decimal
INCOME = P("2000000")


@pytest.mark.parametrize(("year", "phase", "reduction"), [
    (2017, "none", "0"), (2018, "exempt", "2000000"), (2020, "exempt", "2000000"),  # last exempt year
    (2021, "half", "1000000.00"),  # first half year
    (2023, "half", "1000000.00"), (2024, "none", "0"),  # the day after the sixth year
])
@pytest.mark.parametrize("kind", ["infrastructure", "environment"])
def test_the_six_years_and_either_side(year, phase, reduction, kind):
    r = project_holiday(year, kind, first_income_year=2018, income=INCOME)
    assert (r.phase, r.reduction) == (phase, P(reduction))


def test_the_half_is_rounded_half_up_to_the_fen():
    assert project_holiday(2021, "infrastructure", first_income_year=2018, income=P("0.01")).reduction == P("0.01")


def test_a_loss_year_of_the_holiday_takes_nothing_off_and_the_holiday_runs_on():
    r = project_holiday(2019, "infrastructure", first_income_year=2018, income=P("-100"))
    assert (r.holiday_year, r.phase, r.reduction, r.tax_saved) == (2, "exempt", 0, 0)


@pytest.mark.parametrize(("kw", "cite"), [
    ({"contracted_or_own_use": True}, "国务院令第512号 第八十七条"),
    ({"separately_accounted": False}, "国务院令第512号 第一百零二条"),
])
def test_the_exclusions_take_nothing_off(kw, cite):
    r = project_holiday(2019, "infrastructure", first_income_year=2018, income=INCOME, **kw)
    assert (r.phase, r.reduction) == ("none", 0)
    assert str(r.step("qualifies").cite[0]) == cite


def test_own_use_bars_only_infrastructure():
    r = project_holiday(2019, "environment", first_income_year=2018, income=INCOME, contracted_or_own_use=True)
    assert r.phase == "exempt"


def test_the_explanation_cites_the_article_of_the_kind():
    infra = project_holiday(2018, "infrastructure", first_income_year=2018, income=INCOME)
    env = project_holiday(2018, "environment", first_income_year=2018, income=INCOME)
    assert str(infra.step("reduction").cite[0]) == "国务院令第512号 第八十七条"
    assert str(env.step("reduction").cite[0]) == "国务院令第512号 第八十八条"
    assert str(env.step("in_force").cite[0]) == "主席令第63号 第二十七条第（三）项"
    assert infra.tax_saved == P("500000.00")
    assert project_holiday(2018, "infrastructure", first_income_year=2018, income=INCOME,
                           rate=P("0.15")).tax_saved == P("300000.00")


def test_bad_input_is_refused_naming_the_field():
    with pytest.raises(NotMoney, match="income"):
        project_holiday(2018, "infrastructure", first_income_year=2018, income=1.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="kind"):
        project_holiday(2018, "farm", first_income_year=2018, income=INCOME)
    with pytest.raises(InvalidInput, match="rate"):
        project_holiday(2018, "infrastructure", first_income_year=2018, income=INCOME, rate=P(2))
    with pytest.raises(OutsideCoverage):
        project_holiday(2007, "infrastructure", first_income_year=2007, income=INCOME)
    with pytest.raises(InputProblems) as exc:
        rules.get("eit.project_holiday").read({"year": 2018, "kind": "infrastructure", "first_income_year": "x",
                                                "income": "1"})
    assert [p.path for p in exc.value.problems] == ["first_income_year"]


def test_the_rule_computes_its_example():
    rule = rules.get("eit.project_holiday")
    assert rule.compute(rule.load().example).reduction == P("1000000.00")


@given(year=st.integers(2008, 2030), first=st.integers(2008, 2030), kind=st.sampled_from(["infrastructure",
                                                                                          "environment"]),
       income=st.decimals(min_value=-10**9, max_value=10**9, places=2),
       rate=st.decimals(min_value=0, max_value=1, places=4))
def test_never_more_than_the_income_and_never_a_higher_tax(year, first, kind, income, rate):
    r = project_holiday(year, kind, first_income_year=first, income=income, rate=rate)
    assert P(0) <= r.reduction <= max(income, P(0))
    assert r.tax_saved >= 0
    if r.phase == "exempt":
        assert r.reduction == max(income, P(0))
    exempt = project_holiday(year, kind, first_income_year=year, income=income).reduction
    assert r.reduction <= exempt  # no year of the holiday takes off more than an exempt year
