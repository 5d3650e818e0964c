"""Employee education expenses and technology-transfer income inside the annual computation and
the benefit of each policy, and the venture-capital deduction after the losses: optional facts that leave every other input's result as it was,
the order of the return (the education adjustment before 所得减免, 所得减免 before losses and at
most the income), the savings with their citations, and properties (a preference never raises
the tax)."""

from __future__ import annotations

import datetime as _dt
import pickle
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.eit import EnterpriseYear, TechnologyTransfer, annual, benefit, policy_law
from taxcalc.errors import InputProblems

P = Decimal
BIG = {"employees": P(500), "assets": P("90000000")}  # not a small low-profit enterprise


def patent(revenue: str, year: int = 2019) -> TechnologyTransfer:
    return TechnologyTransfer(name="patent", kind="ownership", income_date=_dt.date(year, 5, 1), revenue=P(revenue))


def venture(day: _dt.date, amount: str = "1000000") -> dict[str, str]:
    return {"name": "V", "target": "hnte_sme", "registered_on": day.isoformat(), "amount": amount}


def test_without_the_new_facts_the_result_is_as_before():
    f = EnterpriseYear(2019, profit=P("9000000"), **BIG)
    r = annual(f)
    assert "income_reduction" not in r.as_dict() and "wages" not in repr(f)
    assert [p.id for p in benefit(f).policies][-1] == "loss_8_years_2020"  # the policies of optional facts: when given
    assert (r.income_reduction, r.education, r.tech_transfer) == (0, None, None)
    assert r.tax == P("2250000.00")
    assert not [s for s in r.steps if s.name.startswith(("education.", "tech_transfer.", "annual.income_reduction"))]


def test_the_education_adjustment_enters_the_income_before_losses():
    f = EnterpriseYear(2019, profit=P("9000000"), wages=P("1000000"), education_expenses=P("100000"), **BIG)
    r = annual(f)
    assert r.income_before_losses == P("9020000.00")  # 100,000 spent, 80,000 deductible
    assert r.education is not None and r.education.carried_forward == P("20000.00")
    assert "+ 20,000.00" in r.step("annual.income_before_losses").render("en")


@pytest.mark.parametrize(("years", "kind", "share"), [
    ({}, "ordinary", "0.025"), ({"hnte_years": [2017]}, "hnte", "0.08"), ({"tase_years": [2017]}, "tase", "0.08"),
])
def test_the_kind_of_enterprise_comes_from_its_qualification_years(years, kind, share):
    f = EnterpriseYear(2017, profit=P("9000000"), wages=P("1000000"), education_expenses=P("100000"), **BIG,
                       **years)
    edu = annual(f).education
    assert edu is not None and (edu.kind, edu.share) == (kind, P(share))


def test_the_transfer_income_is_taken_off_before_the_losses():
    f = EnterpriseYear(2019, profit=P("9000000"), tech_transfers=[patent("6000000")],
                       losses=[{"year": 2017, "amount": "1000000"}], **BIG)
    r = annual(f)
    assert (r.income_reduction, r.losses_used, r.taxable_income) == (P("5500000.00"), P("1000000"), P("2500000.00"))
    assert r.step("annual.income_reduction").value == P("5500000.00")
    copy = pickle.loads(pickle.dumps(r))
    assert copy == r and copy.income_reduction == r.income_reduction and copy.explain("en") == r.explain("en")
    assert str(r.step("tech_transfer.exempt").cite[0]) == "国务院令第512号 第九十条"


def test_the_income_taken_off_is_at_most_the_income():
    f = EnterpriseYear(2019, profit=P("3000000"), tech_transfers=[patent("6000000")], **BIG)
    r = annual(f)
    assert (r.income_reduction, r.taxable_income, r.tax) == (P("3000000.00"), 0, 0)
    loss = annual(EnterpriseYear(2019, profit=P("-100"), tech_transfers=[patent("6000000")], **BIG))
    assert (loss.income_reduction, loss.new_loss) == (0, P("100"))


def test_the_benefit_shows_each_saving_with_its_citation():
    f = EnterpriseYear(2019, profit=P("9000000"), wages=P("1000000"), education_expenses=P("100000"),
                       tech_transfers=[patent("6000000")], **BIG)
    b = benefit(f)
    edu, tt = b.policy("employee_education_8pct"), b.policy("tech_transfer")
    assert edu.saving == P("13750.00")  # (80,000 − 25,000) × 25%
    assert [str(c) for c in edu.citations] == ["财税〔2018〕51号 一"]
    assert tt.saving == P("1375000.00")  # (5,000,000 + 500,000) × 25%
    assert [str(c) for c in tt.citations] == ["国务院令第512号 第九十条"]
    assert annual(f, law=policy_law({"tech_transfer"})).income_reduction == 0


def test_a_policy_that_does_not_apply_saves_nothing_and_cites_the_law_in_force():
    b = benefit(EnterpriseYear(2019, profit=P("9000000"), **BIG), policies=["tech_transfer",
                                                                              "employee_education_8pct"])
    assert [p.saving for p in b.policies] == [0, 0]
    assert [str(c) for c in b.policy("tech_transfer").citations] == ["国务院令第512号 第九十条"]


def test_the_records_read_the_new_fields_and_refuse_half_of_them():
    rule = rules.get("eit.annual")
    doc = {"year": 2019, "profit": "9000000", "employees": 500, "assets": "90000000", "wages": "1000000",
           "education_expenses": "100000",
           "tech_transfers": [{"name": "p", "kind": "ownership", "income_date": "2019-05-01", "revenue": "6000000"}]}
    assert rule.compute(doc).income_reduction == P("5500000.00")
    with pytest.raises(InputProblems) as exc:
        rule.read({k: v for k, v in doc.items() if k != "wages"})
    assert [p.path for p in exc.value.problems] == ["wages"]
    with pytest.raises(InputProblems) as exc:
        rule.read({**doc, "tech_transfers": [{**doc["tech_transfers"][0], "income_date": "2018-05-01"}]})
    assert [p.path for p in exc.value.problems] == ["tech_transfers[0].income_date"]


amounts = st.decimals(min_value=0, max_value=10**8, places=2)


@settings(max_examples=40, deadline=None)
@given(profit=st.decimals(min_value=-10**7, max_value=10**8, places=2), wages=amounts, spent=amounts,
       brought=amounts, revenue=amounts, year=st.integers(2010, 2024))
def test_neither_preference_ever_raises_the_tax(profit, wages, spent, brought, revenue, year):
    f = EnterpriseYear(year, profit=profit, wages=wages, education_expenses=spent, education_brought_forward=brought,
                       tech_transfers=[patent(str(revenue), year)],
                       venture_investments=[venture(_dt.date(year - 2, 1, 2), str(revenue))], **BIG)
    b = benefit(f, policies=["employee_education_8pct", "tech_transfer", "venture_capital"])
    assert all(p.saving >= 0 for p in b.policies)
    r = b.result
    assert 0 <= r.income_reduction <= max(r.income_before_losses, P(0))
    assert r.education is not None and r.education.carried_forward <= spent + brought
    assert r.venture is not None and r.venture.carried_forward <= r.venture.available
    assert r.taxable_income >= 0


def test_the_venture_deduction_comes_after_the_losses_and_is_carried():
    f = EnterpriseYear(2018, profit=P("1000000"), losses=[{"year": 2016, "amount": "600000"}],
                       venture_investments=[venture(_dt.date(2017, 1, 1))], **BIG)
    r = annual(f)
    assert (r.losses_used, r.taxable_income, r.tax) == (P("600000"), P("0"), P("0"))
    assert r.venture is not None and (r.venture.deducted, r.venture.carried_forward) == (P("400000"),
                                                                                         P("300000.00"))
    assert str(r.step("venture.investments[0].earned").cite[0]) == "国务院令第512号 第九十七条"
    names = [s.name for s in r.steps]
    assert names.index("losses.used") < names.index("venture.deducted") < names.index("annual.taxable_income")


def test_the_venture_saving_in_the_benefit():
    f = EnterpriseYear(2018, profit=P("9000000"), venture_investments=[venture(_dt.date(2017, 1, 1))], **BIG)
    p = benefit(f, policies=["venture_capital"]).policy("venture_capital")
    assert p.saving == P("175000.00")  # 700,000 × 25%
    assert [str(c) for c in p.citations] == ["国务院令第512号 第九十七条"]
    before = EnterpriseYear(2018, profit=P("9000000"), venture_investments=[venture(_dt.date(2017, 1, 2))], **BIG)
    assert benefit(before, policies=["venture_capital"]).policy("venture_capital").saving == 0


def test_a_venture_investment_after_the_year_is_refused():
    with pytest.raises(InputProblems) as exc:
        rules.get("eit.annual").read({"year": 2018, "profit": "1", "employees": 1, "assets": "1",
                                      "venture_investments": [venture(_dt.date(2019, 1, 1))]})
    assert [p.path for p in exc.value.problems] == ["venture_investments[0].registered_on"]


def project(first: int, income: str = "2000000", kind: str = "infrastructure") -> dict[str, object]:
    return {"name": "road", "kind": kind, "first_income_year": first, "income": income}


def test_a_project_holiday_is_taken_off_with_the_transfer_income_at_most_the_income():
    f = EnterpriseYear(2021, profit=P("9000000"), projects=[project(2018)], tech_transfers=[patent("6000000", 2021)],
                       **BIG)
    r = annual(f)
    assert r.income_reduction == P("6500000.00")  # 5,500,000 transfer + 1,000,000 half of the project
    assert r.projects[0].phase == "half"
    assert "MIN(6,500,000.00" in r.step("annual.income_reduction").render("en")
    small = annual(EnterpriseYear(2019, profit=P("1500000"), projects=[project(2018)], **BIG))
    assert (small.income_reduction, small.taxable_income) == (P("1500000.00"), 0)


def test_the_project_saving_in_the_benefit():
    f = EnterpriseYear(2019, profit=P("9000000"), projects=[project(2018, kind="environment")], **BIG)
    p = benefit(f, policies=["project_holiday"]).policy("project_holiday")
    assert p.saving == P("500000.00")
    assert [str(c) for c in p.citations] == ["国务院令第512号 第八十八条"]
