"""The report's ``[[months]]``: employees and total assets by month for 2008–2016 (财税〔2009〕69号 七).

They are :class:`taxcalc.eit.Month` rows passed to ``EnterpriseYear.months``; a report's rows
name their ``month``.  A year averaged by quarter refuses them, one averaged by month refuses
``[[quarters]]``, both before anything is computed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.report import ReportInputError, build_report, parse_text
from taxcalc.report.input import json_schema

D = Decimal

HEAD = """\
format = 2
year = {year}
[enterprise]
name = "x"
{enterprise}
[income]
profit = "300000"
"""


def month_rows(months=range(1, 13), employees=80, assets="10000000", last_end=None) -> str:
    rows = []
    for m in months:
        end = last_end if last_end is not None and m == max(months) else employees
        rows.append(f'[[months]]\nmonth = {m}\nemployees_start = {employees}\nemployees_end = {end}\n'
                    f'assets_start = "{assets}"\nassets_end = "{assets}"\n')
    return "".join(rows)


def report_input(year: int = 2016, rows: str = "", enterprise: str = ""):
    return parse_text(HEAD.format(year=year, enterprise=enterprise) + rows, "toml")


def problems(year: int = 2016, rows: str = "", enterprise: str = "") -> list[str]:
    with pytest.raises(ReportInputError) as info:
        report_input(year, rows, enterprise)
    return [str(p) for p in info.value.problems]


def test_a_2016_report_takes_months():
    report = build_report(report_input(rows=month_rows()))
    eit = {ln.id: ln.amount for ln in report.section("eit").lines}
    assert eit["eit.tax"] == D("30000.00")  # 30万 × 50% × 20%: 80 people and 1000万, the caps of 2016
    assert {s.policy: s.amount for s in report.savings if s.tax == "eit"} == {"eit.small_profit": D("45000.00")}


def test_one_more_person_at_the_end_of_december_is_above_the_cap():
    # 80 + 1/24 on average: the report's enterprise.employees, a whole number, could not say it.
    report = build_report(report_input(rows=month_rows(last_end=81)))
    assert {ln.id: ln.amount for ln in report.section("eit").lines}["eit.tax"] == D("75000.00")


def test_the_rows_in_any_order_are_the_months_in_order():
    facts = report_input(rows=month_rows(months=range(12, 0, -1)))
    assert [m.month for m in facts.months] == list(range(1, 13))


def test_the_switch_2016_months_and_2017_quarters():
    assert problems(2017, month_rows()) == [
        "months: in 2017 employees and total assets are averaged by quarter (财税〔2017〕43号 二): give "
        "[[quarters]], or enterprise.employees and enterprise.assets (the annual averages)"]
    quarters = "".join(f'[[quarters]]\nquarter = {q}\nemployees_start = 80\nemployees_end = 80\n'
                       f'assets_start = "10000000"\nassets_end = "10000000"\n' for q in range(1, 5))
    assert problems(2016, quarters) == [
        "quarters: in 2016 employees and total assets are averaged by month (财税〔2009〕69号 七): give "
        "[[months]], or enterprise.employees and enterprise.assets (the annual averages)"]
    assert build_report(report_input(2017, quarters)).section("eit").status != "not_applicable"


@pytest.mark.parametrize(
    ("rows", "enterprise", "expected"),
    [
        (month_rows(range(1, 12)), "", ["months: the enterprise operated in month(s) 1 to 12 of 2016; give one row "
                                        "for each (missing: 12)"]),
        (month_rows([1, 2, 2, *range(4, 13)]), "", ["months[2].month: month 2 repeats months[1]",
                                                    "months: the enterprise operated in month(s) 1 to 12 of 2016; "
                                                    "give one row for each (missing: 3)"]),
        (month_rows(range(3, 13)), "opened = 2016-04-10",
         ["months: the enterprise did not operate in month(s) 3 of 2016 (see enterprise.opened and "
          "enterprise.closed)"]),
        (month_rows(range(1, 12)) + '[[months]]\nemployees_start = 1\nemployees_end = 1\nassets_start = "1"\n'
         'assets_end = "1"\n', "", ["months[11].month: missing (required in a report: the month of the year, 1 to 12)",
                                    "months: the enterprise operated in month(s) 1 to 12 of 2016; give one row for "
                                    "each (missing: 12)"]),
        (month_rows(), 'employees = 80\nassets = "10000000"',
         ["months: give either months or the annual averages (enterprise.employees), not both"]),
    ],
)
def test_the_rows_refused_name_the_field(rows, enterprise, expected):
    assert problems(2016, rows, enterprise) == expected


def test_months_with_quarters_are_refused():
    quarters = ('[[quarters]]\nquarter = 1\nemployees_start = 1\nemployees_end = 1\nassets_start = "1"\n'
                'assets_end = "1"\n')
    got = problems(2016, month_rows() + quarters)
    assert "months: give either [[months]] (2008–2016) or [[quarters]] (from 2017), not both" in got


def test_a_row_value_is_named_by_its_path():
    rows = month_rows().replace('assets_end = "10000000"', "assets_end = 1.5", 1)
    assert problems(2016, rows) == ['months[0].assets_end: a float is not money; write "1.5" (a string)']


def test_the_size_asked_for_in_2016_names_months():
    with pytest.raises(ReportInputError) as info:
        build_report(report_input())
    assert [str(p) for p in info.value.problems] == [
        "months: taxable income 300000.00 is within the small low-profit cap: give [[months]] (employees and total "
        "assets at the start and end of each month) or enterprise.employees and enterprise.assets (annual "
        "averages) to test the relief"]


def test_the_schema_lists_months():
    schema = json_schema()["properties"]["months"]
    assert schema["maxItems"] == 12 and schema["items"]["properties"]["month"]["maximum"] == 12
