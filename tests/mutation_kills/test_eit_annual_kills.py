"""The annual computation where the tests named after it left mutants alive: the refusal of facts
that are not an ``EnterpriseYear`` (the field and the reason), the negative list of the R&D
super-deduction reached through ``annual()`` (the industry and the main-business share passed on),
and the 2020 hardship test read under the law given to ``annual()`` (a what-if share of 60%)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.eit import EnterpriseYear, Loss, RdFacts, RdProject, annual
from taxcalc.eit.project_holiday import Project
from taxcalc.errors import InvalidInput
from taxcalc.law import default

P = Decimal
SIZE = {"employees": P(400), "assets": P("90000000")}  # never small low-profit: 25% throughout


@pytest.mark.parametrize("facts", [{"year": 2020, "profit": "100"}, None, 2020])
def test_facts_that_are_not_an_enterprise_year_are_refused_naming_the_field(facts):
    with pytest.raises(InvalidInput) as e:
        annual(facts)
    assert e.value.field == "facts"
    assert e.value.reason == "must be an EnterpriseYear"


# industry, main-business share, R&D extra deduction (2019: 75% of 400,000), taxable income, tax
RD_CASES = [
    ("wholesale_retail", "0.4", "300000", "1700000", "425000"),  # share not above 50%: the deduction stands
    ("wholesale_retail", "0.5", "300000", "1700000", "425000"),  # exactly 50%: not above, stands
    ("wholesale_retail", "0.6", "0", "2000000", "500000"),  # above 50%: negative list, no deduction
    ("manufacturing", "0.6", "300000", "1700000", "425000"),  # not on the list
]


@pytest.mark.parametrize(("industry", "share", "extra", "taxable", "tax"), RD_CASES)
def test_the_rd_negative_list_through_the_annual_computation(industry, share, extra, taxable, tax):
    r = annual(EnterpriseYear(2019, profit=P("2000000"), industry=industry, main_business_share=P(share),
                              rd=RdFacts(projects=(RdProject("P", personnel="400000"),)), **SIZE))
    assert r.rd.extra == P(extra)
    assert r.income_before_losses == P(taxable)
    assert r.taxable_income == P(taxable)
    assert r.tax == P(tax)


def hardship_year(main: str) -> EnterpriseYear:
    test = {"year": 2020, "industry": "catering", "main_business_income": main, "total_income": "10000000"}
    return EnterpriseYear(2026, profit=P("3000000"), losses=(Loss(2020, P("1000000"), "hardship"),),
                          hardship_tests=[test], **SIZE)


def test_the_hardship_test_reads_the_law_given():
    sixty = default().with_values({"eit.losses.hardship.main_business_share": "60%"})
    # 55%: passes at the 50% of 2020年第8号 第四条, is refused under a what-if 60%
    assert annual(hardship_year("5500000")).losses_used == P("1000000")
    with pytest.raises(InvalidInput) as e:
        annual(hardship_year("5500000"), law=sixty)
    assert e.value.field == "hardship_tests[0].main_business_income"
    assert "55% is below 60%" in e.value.reason
    r = annual(hardship_year("6000000"), law=sixty)  # exactly 60%: passes
    assert r.hardship[0].eligible and r.hardship[0].share == P("0.6")
    assert r.losses_used == P("1000000") and r.taxable_income == P("2000000") and r.tax == P("500000")


def test_a_year_with_education_expenses_only_has_no_other_preference():
    # 2019: education expenses deductible up to 8% of wages (160,000): 40,000 of 200,000 added back
    r = annual(EnterpriseYear(2019, profit=P("1000000"), wages=P("2000000"), education_expenses=P("200000"), **SIZE))
    assert r.education is not None and r.education.adjustment == P("40000")
    assert r.income_before_losses == r.taxable_income == P("1040000") and r.tax == P("260000")
    # the other optional facts were not given: nothing taken off, no inherited loss, no hardship test
    assert r.income_reduction == 0
    assert r.inherited == () and r.inherited_used == 0
    assert r.hardship == () and r.projects == ()
    assert r.tech_transfer is None and r.venture is None
    assert [s.name for s in r.steps if s.name.startswith("inherited")] == []


# separately accounted, contracted or own use, income taken off, taxable income, tax
PROJECT_CASES = [
    (True, False, "1000000", "2000000", "500000"),  # 2019 is the 2nd year from 2018: exempt (三免三减半)
    (False, False, "0", "3000000", "750000"),  # not accounted for separately: no holiday
    (True, True, "0", "3000000", "750000"),  # contracted or own use: no holiday
]


@pytest.mark.parametrize(("separate", "contracted", "cut", "taxable", "tax"), PROJECT_CASES)
def test_a_project_holiday_through_the_annual_computation(separate, contracted, cut, taxable, tax):
    road = Project("road", "infrastructure", 2018, P("1000000"), separate, contracted)
    r = annual(EnterpriseYear(2019, profit=P("3000000"), projects=[road], **SIZE))
    assert r.income_reduction == P(cut)
    assert [h.reduction for h in r.projects] == [P(cut)]
    assert r.taxable_income == P(taxable) and r.tax == P(tax)
