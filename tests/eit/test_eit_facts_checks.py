"""The checks of an enterprise year's facts (``EnterpriseYear.checks``), every problem with its field, and
the fields made once from the others (``derive``): one table each."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from taxcalc.eit import EnterpriseYear
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.inputs import parse

D = Decimal
Q = {"employees_start": 40, "employees_end": 42, "assets_start": "3000000", "assets_end": "3200000"}
BOTH = "give both annual averages (employees and assets), or quarters"
EDUCATION = "give both wages and education_expenses for the employee education cap"
TOO_LARGE = "the amounts of the year add up to {}, beyond the 10^15 yuan (一千万亿元) the computation works with"
TRANSFER = {"name": "p", "kind": "ownership", "income_date": "2018-05-01"}

#: name: (fields of a 2018 year with profit 1, the problems as (field, reason))
PROBLEMS: dict[str, tuple[dict[str, Any], list[tuple[str, str]]]] = {
    "opened after, closed before the year": ({"opened": "2019-01-01", "closed": "2017-01-01"}, [
        ("opened", "2019-01-01 is after tax year 2018"), ("closed", "2017-01-01 is before tax year 2018"),
        ("closed", "2017-01-01 is before the opening day 2019-01-01")]),
    "closed the day before it opened": ({"opened": "2018-05-01", "closed": "2018-04-30"}, [
        ("closed", "2018-04-30 is before the opening day 2018-05-01")]),
    "quarters and employees": ({"quarters": [Q] * 4, "employees": 10}, [
        ("quarters", "give either quarters or the annual averages (employees, assets), not both"),
        ("assets", BOTH)]),
    "quarters and assets": ({"quarters": [Q] * 4, "assets": "10"}, [
        ("quarters", "give either quarters or the annual averages (employees, assets), not both"),
        ("employees", BOTH)]),
    "employees alone": ({"employees": 10}, [("assets", BOTH)]),
    "assets alone": ({"assets": "10"}, [("employees", BOTH)]),
    "a loss of the year itself, twice": ({"losses": [{"year": 2018, "amount": "1"}, {"year": 2018, "amount": "2"}]}, [
        ("losses", "a loss brought into 2018 must arise before it (got 2018)"),
        ("losses", "a loss brought into 2018 must arise before it (got 2018)"),
        ("losses", "two losses of 2018; give one amount per year")]),
    "a loss of the next year": ({"losses": [{"year": 2019, "amount": "1"}]}, [
        ("losses", "a loss brought into 2018 must arise before it (got 2019)")]),
    "three quarters of four": ({"quarters": [Q] * 3}, [
        ("quarters", "the enterprise operated in 4 quarter(s) of 2018; give one row for each (got 3)")]),
    "quarters of a year whose days are wrong (not checked)": ({"quarters": [Q] * 3, "opened": "2019-01-01"}, [
        ("opened", "2019-01-01 is after tax year 2018")]),
    # Quarters are not checked against days that are themselves wrong: one problem, of the day.
    "closed before the year, three quarters": ({"closed": "2017-06-30", "quarters": [Q] * 3}, [
        ("closed", "2017-06-30 is before tax year 2018")]),
    "closed before it opened, two quarters": ({"opened": "2018-05-01", "closed": "2018-04-30", "quarters": [Q, Q]}, [
        ("closed", "2018-04-30 is before the opening day 2018-05-01")]),
    "one quarter numbered": ({"quarters": [{**Q, "quarter": 1}, Q, Q, Q]}, [
        ("quarters", "number every quarter (quarter = 1 to 4) or none")]),
    "a quarter numbered twice": ({"quarters": [{**Q, "quarter": n} for n in (1, 1, 3, 4)]}, [
        ("quarters", "the enterprise operated in quarter(s) 1, 2, 3, 4 of 2018; give one row for each, each once "
                     "(got 1, 1, 3, 4)")]),
    "opened in May, quarters 1 to 4": ({"opened": "2018-05-10", "quarters": [{**Q, "quarter": n} for n in (1, 2, 3, 4)]}, [
        ("quarters", "the enterprise operated in quarter(s) 2, 3, 4 of 2018; give one row for each, each once "
                     "(got 1, 2, 3, 4)")]),
    "closed in August, two quarters": ({"closed": "2018-08-10", "quarters": [Q, Q]}, [
        ("quarters", "the enterprise operated in 3 quarter(s) of 2018; give one row for each (got 2)")]),
    "opened in 2017, closed in March, two quarters": ({"opened": "2017-05-01", "closed": "2018-03-31",
                                                       "quarters": [Q, Q]}, [
        ("quarters", "the enterprise operated in 1 quarter(s) of 2018; give one row for each (got 2)")]),
    "wages alone": ({"wages": "100"}, [("education_expenses", EDUCATION)]),
    "education expenses alone": ({"education_expenses": "100"}, [("wages", EDUCATION)]),
    "education brought forward alone": ({"education_brought_forward": "100"}, [("wages", EDUCATION)]),
    "education brought forward with wages": ({"education_brought_forward": "100", "wages": "100"}, [
        ("education_expenses", EDUCATION)]),
    "a technology transfer of another year": ({"tech_transfers": [
        {**TRANSFER, "income_date": "2017-05-01", "revenue": "1"}, {**TRANSFER, "income_date": "2019-01-01", "revenue": "1"}]}, [
        ("tech_transfers[0].income_date", "2017-05-01 is not in tax year 2018"),
        ("tech_transfers[1].income_date", "2019-01-01 is not in tax year 2018")]),
    "an investment registered after the year": ({"venture_investments": [
        {"name": "v", "target": "hnte_sme", "registered_on": "2018-12-31", "amount": "1"},
        {"name": "w", "target": "hnte_sme", "registered_on": "2019-01-01", "amount": "1"}]}, [
        ("venture_investments[1].registered_on", "2019-01-01 is after tax year 2018")]),
    # The amounts added up (each taken whole, a loss or a negative adjustment too) stay below 10^15.
    "profit and adjustments at 10^15": ({"profit": "600000000000000", "adjustments": "-400000000000000"}, [
        ("profit", TOO_LARGE.format("1000000000000000"))]),
    "adjustments the larger": ({"profit": "-400000000000000", "adjustments": "600000000000000"}, [
        ("adjustments", TOO_LARGE.format("1000000000000000"))]),
    "losses": ({"losses": [{"year": 2017, "amount": "600000000000000"}, {"year": 2016, "amount": "500000000000000"}]}, [
        ("losses", TOO_LARGE.format("1100000000000001"))]),
    "equipment": ({"equipment": [{"name": "x", "cost": "900000000000000", "kind": "machinery",
                                  "acquired_on": "2018-01-01", "in_use": "2018-01-02",
                                  "book_depreciation": "200000000000000"}]}, [
        ("equipment", TOO_LARGE.format("1100000000000001"))]),
    "R&D": ({"rd": {"projects": [{"name": "P", "personnel": "300000000000000", "direct_inputs": "200000000000000",
                                  "other": "100000000000000", "entrusted_domestic": "200000000000000",
                                  "entrusted_overseas": "200000000000000"}]}}, [
        ("rd", TOO_LARGE.format("1000000000000001"))]),
    "wages and education": ({"wages": "500000000000000", "education_expenses": "500000000000000"}, [
        ("wages", TOO_LARGE.format("1000000000000001"))]),
    "education brought forward": ({"wages": "500000000000000", "education_expenses": "1",
                                   "education_brought_forward": "600000000000000"}, [
        ("wages", TOO_LARGE.format("1100000000000002"))]),
    "technology transfers": ({"tech_transfers": [{**TRANSFER, "revenue": "400000000000000", "cost": "300000000000000",
                                                  "related_taxes": "200000000000000",
                                                  "other_deductions": "200000000000000"}]}, [
        ("tech_transfers", TOO_LARGE.format("1100000000000001"))]),
    "venture investments": ({"venture_investments": [{"name": "v", "target": "hnte_sme", "registered_on": "2018-12-31",
                                                      "amount": "600000000000000"}],
                             "venture_brought_forward": "500000000000000"}, [
        ("venture_investments", TOO_LARGE.format("1100000000000001"))]),
    "venture brought forward": ({"venture_brought_forward": "1000000000000000"}, [
        ("venture_investments", TOO_LARGE.format("1000000000000001"))]),
    "a project's loss": ({"projects": [{"name": "r", "kind": "infrastructure", "first_income_year": 2017,
                                        "income": "-1000000000000000"}]}, [
        ("projects", TOO_LARGE.format("1000000000000001"))]),
}

#: Facts that pass: the edges of the checks above.
FINE = {
    "closed in August, three quarters": {"closed": "2018-08-10", "quarters": [Q, Q, Q]},
    "opened in December, one quarter": {"opened": "2018-12-01", "quarters": [Q]},
    "closed in January, one quarter": {"closed": "2018-01-15", "quarters": [Q]},
    "closed in April, two quarters": {"closed": "2018-04-01", "quarters": [Q, Q]},
    "opened in 2017, closed in March, one quarter": {"opened": "2017-05-01", "closed": "2018-03-31", "quarters": [Q]},
    "opened and closed the same day": {"opened": "2018-05-01", "closed": "2018-05-01", "quarters": [Q]},
    "quarters 2 to 4 numbered out of order": {"opened": "2018-04-01", "quarters": [{**Q, "quarter": n} for n in (4, 2, 3)]},
    "an investment registered on the last day": {"venture_investments": [
        {"name": "v", "target": "hnte_sme", "registered_on": "2018-12-31", "amount": "1"}]},
    "a transfer on the first day": {"tech_transfers": [{**TRANSFER, "income_date": "2018-01-01", "revenue": "1"}]},
    "amounts just below 10^15": {"profit": "999999999999999.99"},
    "a loss of the year before": {"losses": [{"year": 2017, "amount": "1"}]},
}


@pytest.mark.parametrize("name", PROBLEMS)
def test_every_problem_names_its_field(name: str) -> None:
    fields, problems = PROBLEMS[name]
    with pytest.raises(InputProblems) as caught:
        parse(EnterpriseYear, {"year": 2018, "profit": "1", **fields})
    assert [(p.path, p.reason) for p in caught.value.problems] == problems


@pytest.mark.parametrize("name", FINE)
def test_the_edges_pass(name: str) -> None:
    assert parse(EnterpriseYear, {"year": 2018, "profit": "1", **FINE[name]}).year == 2018


def year(**fields: Any) -> EnterpriseYear:
    return parse(EnterpriseYear, {"year": 2018, "profit": "1", **fields})


CERTIFICATE = {"number": "GR", "first": "2017-10-27", "last": "2020-10-26"}
#: name: (fields, (工业企业, loss years, quarter numbers, size, 15% years, loss-qualification years,
#:                 Q4 high-tech years, tech-SME years, all qualification years))
DERIVED: dict[str, tuple[dict[str, Any], tuple[object, ...]]] = {
    "a manufacturer": ({"industry": "manufacturing"}, (True, [], [], None, (), (), (), (), ())),
    "a trader said to be industrial": ({"industry": "wholesale_retail", "industrial": True},
                                       (True, [], [], None, (), (), (), (), ())),
    "a mine said not to be": ({"industry": "mining", "industrial": False}, (False, [], [], None, (), (), (), (), ())),
    "a trader": ({"industry": "wholesale_retail"}, (False, [], [], None, (), (), (), (), ())),
    "losses in any order": ({"losses": [{"year": y, "amount": "1"} for y in (2016, 2014, 2015)]},
                            (False, [2014, 2015, 2016], [], None, (), (), (), (), ())),
    "numbered quarters in any order": ({"quarters": [{**Q, "quarter": 3, "employees_end": 60}, {**Q, "quarter": 1},
                                                     {**Q, "quarter": 4}, {**Q, "quarter": 2}]},
                                       (False, [], [1, 2, 3, 4], (D("43.25"), D("3100000")), (), (), (), (), ())),
    "quarters in order": ({"quarters": [Q, {**Q, "employees_end": 60}, Q, Q]},
                          (False, [], [None] * 4, (D("43.25"), D("3100000")), (), (), (), (), ())),
    "the averages given": ({"employees": 50, "assets": "100"}, (False, [], [], (D(50), D(100)), (), (), (), (), ())),
    # The certificate is valid on 31 December of 2017-2019, in 2017-2020, and in Q4 of 2017-2020.
    "a certificate and a year given": ({"hnte_years": [2016], "hnte_certificates": [CERTIFICATE]}, (
        False, [], [], None, (2016, 2017, 2018, 2019), (2016, 2017, 2018, 2019, 2020),
        (2016, 2017, 2018, 2019, 2020), (), (2016, 2017, 2018, 2019, 2020))),
    "a tech SME registered": ({"tech_sme_years": [2015], "tech_sme_registrations": [{"number": "S", "year": 2017}]},
                              (False, [], [], None, (), (), (), (2015, 2017), (2015, 2017))),
    "high-tech and tech SME years": ({"hnte_years": [2018], "tech_sme_years": [2012]},
                                     (False, [], [], None, (2018,), (2018,), (2018,), (2012,), (2012, 2018))),
    "high-tech years only": ({"hnte_years": [2018, 2017]},
                             (False, [], [], None, (2017, 2018), (2017, 2018), (2017, 2018), (), (2017, 2018))),
}


@pytest.mark.parametrize("name", DERIVED)
def test_the_fields_made_from_the_others(name: str) -> None:
    fields, expected = DERIVED[name]
    e = year(**fields)
    assert (e.industrial, [x.year for x in e.losses], [q.quarter for q in e.quarters], e.size, e.hnte_rate_years,
            e.hnte_loss_years, e.hnte_q4_years, e.tech_sme_qualified_years, e.qualified) == expected
    assert EnterpriseYear.from_mapping({"year": 2018, "profit": "1", **fields}) == e


def test_from_mapping_names_the_place() -> None:
    with pytest.raises(InvalidInput) as caught:
        EnterpriseYear.from_mapping({"year": 2018, "profit": "1", "employees": 10}, "facts")
    assert (caught.value.field, caught.value.reason) == ("facts.assets", BOTH)
