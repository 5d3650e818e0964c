"""The annual computation of 2008–2016 from monthly figures: ``EnterpriseYear.months`` (财税〔2009〕69号 七).

The switch: 2016 averages by month and 2017 by quarter (财税〔2017〕43号 二); months given
for a year averaged by quarter, with quarters, with the annual averages, repeated or
outside the months operated are refused, naming the field.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc.eit import EnterpriseYear, Month, Quarter, annual, quarterly_averages
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.inputs import json_schema, parse
from taxcalc.law import default

D = Decimal


def flat(employees: int, assets: str, n: int = 12) -> list[Month]:
    """``n`` months with the same head count and assets at their start and end."""
    return [Month(employees, employees, assets, assets)] * n


def rising() -> list[Month]:
    """The worked example: month m starts with 59 + m people and 7,900,000 + 100,000·m yuan, ends one
    person and 100,000 yuan up."""
    return [Month(59 + m, 60 + m, str(7_900_000 + 100_000 * m), str(8_000_000 + 100_000 * m)) for m in range(1, 13)]


# -- a worked example by hand ------------------------------------------------------------

def test_worked_example_2016():
    # Month m: employees (59 + m + 60 + m) ÷ 2 = 59.5 + m; the year: Σ(59.5 + m) ÷ 12 = (714 + 78) ÷ 12 = 66.
    # Assets: (7,900,000 + 8,000,000) ÷ 2 + 100,000·m = 7,950,000 + 100,000·m; Σ ÷ 12 = 7,950,000 + 650,000
    # = 8,600,000.  Other industry, 2016 caps 80 people and 10,000,000 yuan (实施条例 第九十二条): eligible.
    # Income 300,000 ≤ 300,000 (财税〔2015〕99号): 300,000 × 50% × 20% = 30,000; standard 75,000.
    e = EnterpriseYear(2016, profit="300000", months=rising())
    assert e.size == (D("66"), D("8600000"))
    r = annual(e)
    assert (r.taxable_income, r.regime, r.tax, r.standard_tax, r.relief) == (
        D("300000"), "small_profit", D("30000.00"), D("75000.00"), D("45000.00"))
    sp = r.small_profit
    assert sp is not None and sp.eligible and (sp.employees, sp.assets) == (D("66"), D("8600000"))
    tests = next(s for s in r.steps if s.name == "small_profit.tests")
    assert [(c.doc, c.article) for c in tests.cite][-1] == ("财税〔2009〕69号", "七")
    assert "从业人数（全年月平均值） 66 ≤ 80 ✓" in r.explain("zh")
    assert "employees (monthly averages) 66 ≤ 80 ✓" in r.explain("en")


def test_the_same_figures_by_hand_as_annual_averages():
    by_month = annual(EnterpriseYear(2016, profit="300000", months=rising()))
    by_average = annual(EnterpriseYear(2016, profit="300000", employees=66, assets="8600000"))
    assert by_month.tax == by_average.tax == D("30000.00")
    assert "（全年月平均值）" not in by_average.explain("zh")


def test_a_month_over_the_cap_by_one_person_at_its_end():
    # 80 people all year but one more at the end of December: 80 + 1/24 > 80, no relief at all.
    months = [*flat(80, "10000000", 11), Month(80, 81, "10000000", "10000000")]
    r = annual(EnterpriseYear(2016, profit="300000", months=months))
    assert r.small_profit is not None and r.small_profit.failed == ("employees",)
    assert (r.regime, r.tax) == ("standard", D("75000.00"))
    assert annual(EnterpriseYear(2016, profit="300000", months=flat(80, "10000000"))).tax == D("30000.00")


# -- the switch: 2016 by month, 2017 by quarter ----------------------------------------------

def test_2016_takes_months_and_2017_refuses_them():
    assert annual(EnterpriseYear(2016, profit="300000", months=flat(80, "10000000"))).tax == D("30000.00")
    quarters = [Quarter(80, 80, "10000000", "10000000")] * 4
    assert annual(EnterpriseYear(2017, profit="300000", quarters=quarters)).tax == D("30000.00")
    with pytest.raises(InvalidInput) as info:
        annual(EnterpriseYear(2017, profit="300000", months=flat(80, "10000000")))
    assert info.value.field == "months"
    assert info.value.reason == ("in 2017 employees and total assets are averaged by quarter (财税〔2017〕43号 二): "
                                 "give quarters, or the annual averages (employees, assets)")
    # refused whatever the income: 10,000,000 is far above the 2017 cap, the months still do not count
    with pytest.raises(InvalidInput, match="^months: in 2017 .* by quarter"):
        annual(EnterpriseYear(2017, profit="10000000", months=flat(80, "10000000")))
    with pytest.raises(InvalidInput, match=r"^quarters: in 2016 .* by month \(财税〔2009〕69号 七\): give months"):
        annual(EnterpriseYear(2016, profit="300000", quarters=quarters))


def test_2008_is_monthly_too():
    r = annual(EnterpriseYear(2008, profit="300000", industry="manufacturing", months=flat(100, "30000000")))
    assert (r.regime, r.tax) == ("small_profit", D("60000.00"))  # 20% on the whole income
    over = annual(EnterpriseYear(2008, profit="300000", industry="manufacturing", months=flat(101, "30000000")))
    assert over.regime == "standard" and over.tax == D("75000.00")


def test_the_size_asked_for_names_the_period_of_the_year():
    with pytest.raises(InvalidInput) as info:
        annual(EnterpriseYear(2016, profit="300000"))
    assert (info.value.field, info.value.reason) == (
        "months", "taxable income 300000.00 is within the small low-profit cap: give the monthly employees and "
        "total assets (or their annual averages) to test the relief")
    with pytest.raises(InvalidInput) as info:
        annual(EnterpriseYear(2017, profit="300000"))
    assert info.value.field == "quarters"


def test_2015_the_law_changes_inside_the_year_and_the_monthly_averages_are_shown():
    # 2015: ≤ 200,000 halved to 2015-09-30, ≤ 300,000 from 2015-10-01 (财税〔2015〕99号), apportioned by months.
    r = annual(EnterpriseYear(2015, profit="250000", months=rising()))
    # January–September: 250,000 > 200,000, no reduction: 250,000 × 20% = 50,000; October–December:
    # 250,000 × 50% × 20% = 25,000.  Apportioned: (50,000 × 9 + 25,000 × 3) ÷ 12 = 43,750.
    assert r.small_profit is not None and r.small_profit.eligible
    assert r.tax == D("43750.00")
    avg = next(s for s in r.steps if s.name == "small_profit.employees_average")
    assert avg.value == D("66") and avg.formula == "Σ(start + end of each month) ÷ 2 ÷ 12"
    assert (avg.cite[0].doc, avg.cite[0].article) == ("财税〔2009〕69号", "七")


# -- the part year and the rows --------------------------------------------------------------

def test_a_part_year_takes_the_months_operated_in_any_order_when_numbered():
    rows = [Month(30, 30, "3000000", "3000000", month=12), Month(0, 30, "0", "3000000", month=10),
            Month(30, 30, "3000000", "3000000", month=11)]
    e = EnterpriseYear(2016, profit="200000", opened="2016-10-15", months=rows)
    assert [m.month for m in e.months] == [10, 11, 12]
    assert e.size == (D("25"), D("2500000"))  # (15 + 30 + 30) ÷ 3, (1.5 + 3 + 3) million ÷ 3
    assert annual(e).tax == D("20000.00")  # 200,000 × 50% × 20%
    unnumbered = EnterpriseYear(2016, profit="200000", opened="2016-10-15", months=[r.__class__(
        r.employees_start, r.employees_end, r.assets_start, r.assets_end) for r in sorted(rows, key=lambda m: m.month or 0)])
    assert unnumbered.size == e.size


@pytest.mark.parametrize(
    ("facts", "field", "reason"),
    [
        ({"months": flat(1, "1", 11)}, "months", "the enterprise operated in 12 month(s) of 2016 (month 1 to 12); "
                                                 "give one row for each (got 11)"),
        ({"months": flat(1, "1", 3), "opened": "2016-09-30"}, "months",
         "the enterprise operated in 4 month(s) of 2016 (month 9 to 12); give one row for each (got 3)"),
        ({"months": [Month(1, 1, "1", "1", month=m) for m in (10, 11, 12, 9)], "opened": "2016-10-15"},
         "months[3].month", "the enterprise did not operate in month 9 of 2016 (it operated in month 10 to 12: "
                            "see opened and closed)"),
        ({"months": [Month(1, 1, "1", "1", month=m) for m in (1, 2, 2)], "closed": "2016-03-01"},
         "months[2].month", "month 2 repeats months[1]; give one row for each month"),
        ({"months": [Month(1, 1, "1", "1", month=m) for m in (1, 3)], "closed": "2016-03-01"},
         "months", "the enterprise operated in month 1 to 3 of 2016; give one row for each (missing: 2)"),
        ({"months": [Month(1, 1, "1", "1", month=1), Month(1, 1, "1", "1")], "closed": "2016-02-01"},
         "months[1].month", "missing: number every month (month = 1 to 12) or none"),
        ({"months": flat(1, "1"), "quarters": [Quarter(1, 1, "1", "1")] * 4}, "months",
         "give either months (2008–2016) or quarters (from 2017), not both"),
        ({"months": flat(1, "1"), "employees": 1, "assets": "1"}, "months",
         "give either months or the annual averages (employees, assets), not both"),
    ],
)
def test_the_rows_refused_name_the_field(facts, field, reason):
    with pytest.raises(InvalidInput) as info:
        EnterpriseYear(2016, profit="100", **facts)
    assert (info.value.field, info.value.reason) == (field, reason)


def test_a_row_value_is_named_by_its_path():
    row = {"employees_start": 1, "employees_end": 1, "assets_start": "1", "assets_end": "1"}
    with pytest.raises(InvalidInput, match=r"^months\[3\]\.employees_start: "):
        EnterpriseYear.from_mapping({"year": 2016, "profit": "1",
                                     "months": [row] * 3 + [{**row, "employees_start": -1}] + [row] * 8})
    with pytest.raises(InputProblems) as info:
        parse(EnterpriseYear, {"year": 2016, "profit": "1",
                               "months": [row] * 3 + [{**row, "assets_end": 1.5}] + [row] * 8})
    assert [p.path for p in info.value.problems] == ["months[3].assets_end"]


# -- the one declaration: parser and schema agree ------------------------------------------------

def test_a_document_with_months_and_the_schema():
    row = {"employees_start": 59, "employees_end": 60, "assets_start": "7900000", "assets_end": "8000000"}
    # as rising(): month m adds m people and m × 100,000 yuan to these; given last month first
    doc = {"year": 2016, "profit": "300000",
           "months": [{k: (v + m if k.startswith("employees") else str(int(v) + 100_000 * m))
                       for k, v in row.items()} | {"month": m} for m in range(12, 0, -1)]}
    e = parse(EnterpriseYear, doc)
    assert e.size == (D("66"), D("8600000")) and [m.month for m in e.months] == list(range(1, 13))
    schema = json_schema(EnterpriseYear)["properties"]["months"]
    assert schema["type"] == "array" and schema["maxItems"] == 12
    assert schema["items"]["required"] == ["employees_start", "employees_end", "assets_start", "assets_end"]
    assert schema["items"]["properties"]["month"]["maximum"] == 12
    with pytest.raises(InputProblems, match="months: has 13 rows; at most 12"):  # the schema's maxItems, the parser's limit
        parse(EnterpriseYear, {**doc, "months": [row] * 13})


# -- property: months equal to their quarter, the same tax as by quarter -----------------------------

counts = st.integers(min_value=0, max_value=400)
yuan = st.integers(min_value=0, max_value=60_000_000).map(str)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2008, max_value=2016), st.lists(st.tuples(counts, counts, yuan, yuan), min_size=4,
                                                             max_size=4),
       st.integers(min_value=0, max_value=400_000), st.booleans())
def test_months_equal_to_their_quarter_give_the_tax_of_the_quarters(year, figures, profit, industrial):
    quarters = [Quarter(*f) for f in figures]
    months = [Month(*f) for f in figures for _ in range(3)]  # each month has its quarter's start and end
    industry = "manufacturing" if industrial else "other"
    by_month = annual(EnterpriseYear(year, profit=profit, industry=industry, months=months))
    by_quarter_law = default().with_values({"eit.small_profit.averaging": "quarterly"})
    by_quarter = annual(EnterpriseYear(year, profit=profit, industry=industry, quarters=quarters),
                        law=by_quarter_law)
    assert by_month.tax == by_quarter.tax and by_month.regime == by_quarter.regime
    q = quarterly_averages(quarters, year, law=by_quarter_law)
    assert EnterpriseYear(year, profit=profit, months=months).size == (q.employees, q.assets)
