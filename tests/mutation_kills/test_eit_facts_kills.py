"""The checks of an enterprise year's facts, at the cases the tables of ``tests/eit/test_eit_facts_checks.py``
leave out: four quarters given for a part year or numbered in part, a year operated one month only (its
monthly rows, numbered or not), months given with one annual average, several months missing, the 2020
hardship tests given twice or for an unmarked loss, and the 10^15 limit reached by R&D intangibles or by
inherited losses — each problem with its field and full reason."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from taxcalc.eit import EnterpriseYear
from taxcalc.errors import InputProblems
from taxcalc.inputs import parse

D = Decimal
Q = {"employees_start": 40, "employees_end": 42, "assets_start": "3000000", "assets_end": "3200000"}
M = {"employees_start": 30, "employees_end": 34, "assets_start": "2000000", "assets_end": "2400000"}
TOO_LARGE = "the amounts of the year add up to {}, beyond the 10^15 yuan (一千万亿元) the computation works with"
NUMBER = "number every quarter (quarter = 1 to 4) or none"
HARDSHIP = {"year": 2020, "industry": "catering", "main_business_income": "6000000", "total_income": "10000000"}


def numbered_at(i: int) -> list[dict[str, Any]]:
    """Four quarter rows, the ``i``-th alone numbered (with its own number)."""
    return [{**Q, "quarter": i + 1} if k == i else Q for k in range(4)]


#: name: (the facts, the problems as (field, reason))
PROBLEMS: dict[str, tuple[dict[str, Any], list[tuple[str, str]]]] = {
    "opened in May, four quarters": ({"year": 2018, "opened": "2018-05-10", "quarters": [Q] * 4}, [
        ("quarters", "the enterprise operated in 3 quarter(s) of 2018; give one row for each (got 4)")]),
    "closed in August, four quarters": ({"year": 2018, "closed": "2018-08-10", "quarters": [Q] * 4}, [
        ("quarters", "the enterprise operated in 3 quarter(s) of 2018; give one row for each (got 4)")]),
    "the second quarter alone numbered": ({"year": 2018, "quarters": numbered_at(1)}, [("quarters", NUMBER)]),
    "the third quarter alone numbered": ({"year": 2018, "quarters": numbered_at(2)}, [("quarters", NUMBER)]),
    "the fourth quarter alone numbered": ({"year": 2018, "quarters": numbered_at(3)}, [("quarters", NUMBER)]),
    "opened in December, two months": ({"year": 2015, "opened": "2015-12-10", "months": [M, M]}, [
        ("months", "the enterprise operated in 1 month(s) of 2015 (month 12); give one row for each (got 2)")]),
    "opened in December, month 11": ({"year": 2015, "opened": "2015-12-10", "months": [{**M, "month": 11}]}, [
        ("months[0].month", "the enterprise did not operate in month 11 of 2015 (it operated in month 12: see "
                            "opened and closed)"),
        ("months", "the enterprise operated in month 12 of 2015; give one row for each (missing: 12)")]),
    "months and the employees alone": ({"year": 2015, "months": [M] * 12, "employees": 30}, [
        ("assets", "give both annual averages (employees and assets), or quarters"),
        ("months", "give either months or the annual averages (employees, assets), not both")]),
    "months and the assets alone": ({"year": 2015, "months": [M] * 12, "assets": "2000000"}, [
        ("employees", "give both annual averages (employees and assets), or quarters"),
        ("months", "give either months or the annual averages (employees, assets), not both")]),
    "closed in April, months 1 and 2": ({"year": 2016, "closed": "2016-04-01",
                                         "months": [{**M, "month": 2}, {**M, "month": 1}]}, [
        ("months", "the enterprise operated in month 1 to 4 of 2016; give one row for each (missing: 3, 4)")]),
    "the hardship test of an unmarked loss, and one given twice": ({
        "year": 2021, "losses": [{"year": 2020, "amount": "1000000", "extension": "hardship"},
                                 {"year": 2019, "amount": "1000"}],
        "hardship_tests": [HARDSHIP, {**HARDSHIP, "year": 2019}, HARDSHIP]}, [
        ("hardship_tests[1].year", "no loss of 2019 is marked `hardship` (a loss brought forward, or this year's "
                                   "own loss_extension)"),
        ("hardship_tests[2].year", "the test of 2020 is given twice")]),
    "R&D intangibles at 10^15": ({"year": 2018, "rd": {"intangibles": [
        {"name": "patent", "cost": "1000000000000000", "amortisation": "1"}]}}, [
        ("rd", TOO_LARGE.format("1000000000000001"))]),
    "inherited losses the larger": ({"year": 2021, "inherited_losses": [
        {"year": 2020, "kind": "division", "losses": [{"year": 2019, "amount": "600000000000000"},
                                                      {"year": 2018, "amount": "100000000000000"}]}],
        "losses": [{"year": 2020, "amount": "400000000000000"}]}, [
        ("inherited_losses", TOO_LARGE.format("1100000000000001"))]),
}


@pytest.mark.parametrize("name", PROBLEMS)
def test_every_problem_names_its_field(name: str) -> None:
    fields, problems = PROBLEMS[name]
    with pytest.raises(InputProblems) as caught:
        parse(EnterpriseYear, {"profit": "1", **fields})
    assert [(p.path, p.reason) for p in caught.value.problems] == problems


def test_a_year_of_one_month_numbered_takes_its_figures() -> None:
    e = parse(EnterpriseYear, {"year": 2015, "profit": "1", "opened": "2015-12-10", "months": [{**M, "month": 12}]})
    assert [m.month for m in e.months] == [12]
    assert e.size == (D(32), D(2200000))


def test_months_numbered_out_of_order_are_put_in_order() -> None:
    rows = [{**M, "month": 12, "employees_end": 40}, {**M, "month": 11}]
    e = parse(EnterpriseYear, {"year": 2016, "profit": "1", "opened": "2016-11-02", "months": rows})
    assert [m.month for m in e.months] == [11, 12]
    assert e.size == (D("33.5"), D(2200000))  # (32 + 35) ÷ 2 employees
