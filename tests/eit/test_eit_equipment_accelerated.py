"""Accelerated depreciation inside the annual computation: an asset listed with a method.

A year worked by hand (a 2015 lathe of a 106号 machinery enterprise by double declining
balance), the purchase day on each side of 2015-01-01, the precedence of the one-time
deduction, each combination refused when read (naming ``equipment[i].<field>``), the
straight line under a law that does not allow the method, the saving of the policy with its
documents, the report's ``[[equipment]]`` rows, and a property: over an asset's life the
adjustments add up to the book depreciation less cost − residual.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taxcalc.eit import (
    EnterpriseYear,
    Equipment,
    accelerated_schedule,
    annual,
    benefit,
    equipment_in_year,
    equipment_schedule,
    policy_law,
)
from taxcalc.eit.equipment import method_problems
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.inputs import parse
from taxcalc.law import default
from taxcalc.report import ReportInputError, build_report, parse_text

D = Decimal
#: A large manufacturer (never small low-profit): 25% on the income.
BIG: dict[str, Any] = dict(industry="manufacturing", employees=D(300), assets=D("90000000"))
ENABLING = ("主席令第63号", "第三十二条")
KEY_INDUSTRIES_2015 = ("财税〔2015〕106号", "一")
SHARE_TEST = ("国家税务总局公告2014年第64号", "一")
METHODS = ("国务院令第512号", "第九十八条")
DDB_RULE = ("国税发〔2009〕81号", "第四条第（一）项（条次未核实）")
LIFE = ("国务院令第512号", "第六十条第（二）项")
START = ("国务院令第512号", "第五十九条")
#: The one-time deduction's cap of 2014–2017 (5,000 yuan), which the lathe is over.
CAP_2014 = ("财税〔2014〕75号", "第三条")


def lathe(acquired: str = "2015-03-10", in_use: str = "2015-03-20", **kw: Any) -> Equipment:
    fields: dict[str, Any] = dict(method="double_declining", industry="machinery")
    fields.update(kw)
    return Equipment("lathe", "1200000", "machinery", acquired_on=acquired, in_use=in_use, **fields)


def year(y: int, *assets: Equipment | dict[str, Any], profit: str = "3000000", **kw: Any) -> EnterpriseYear:
    return EnterpriseYear(y, profit=D(profit), equipment=assets, **{**BIG, **kw})


def cited(step: Any) -> list[tuple[str, str]]:
    return [(c.doc, c.article) for c in step.cite]


# -- a year by hand -------------------------------------------------------------------------------


def test_a_2015_lathe_of_a_machinery_enterprise_by_double_declining_balance_by_hand() -> None:
    # 1,200,000, ten years: the first depreciation year (April 2015 – March 2016) takes 20%, 240,000;
    # 2015 has nine of its months: 180,000.  The accounts book the straight line, 1,200,000 ÷ 120 × 9
    # = 90,000, so the adjustment is 90,000 − 180,000 = −90,000 and the taxable income 2,910,000,
    # taxed at 25%: 727,500.
    r = annual(year(2015, lathe(book_depreciation="90000")))
    e = r.equipment[0]
    assert (e.method, e.deduction, e.book, e.adjustment) == ("double_declining", D("180000.00"), D("90000"),
                                                             D("-90000.00"))
    assert (r.equipment_adjustment, r.taxable_income, r.tax) == (D("-90000.00"), D("2910000.00"), D("727500.00"))
    step = e.steps[0]
    assert (step.name, step.value, step.line) == ("equipment[0].deduction", D("180000.00"), "A105080")
    assert "双倍余额递减法" in step.zh and "double declining balance over 120 months" in step.en
    assert cited(step) == [ENABLING, LIFE, KEY_INDUSTRIES_2015, SHARE_TEST, METHODS, DDB_RULE, START, CAP_2014]
    assert "one-time deduction: over the cap" in step.en
    en = r.explain("en")
    assert "general rule (straight line) 90,000.00; book 90,000.00 → adjustment -90,000.00" in en
    assert "按税收一般规定（直线法）90,000.00" in r.explain("zh")


def test_the_second_year_straddles_two_depreciation_years() -> None:
    # 2016: January – March of the first year (3 × 20,000) and April – December of the second, whose
    # amount is 20% of 960,000 = 192,000 (9 × 16,000): 60,000 + 144,000 = 204,000.
    r = annual(year(2016, lathe(book_depreciation="120000")))
    assert (r.equipment[0].deduction, r.equipment_adjustment, r.tax) == (D("204000.00"), D("-84000.00"),
                                                                         D("729000.00"))
    s = equipment_schedule(lathe())
    assert s.method == "double_declining" and s.deduction_in(2016) == D("204000.00")
    assert s.chosen == accelerated_schedule(lathe().accelerated()).chosen


# -- the day the 106号 industries begin -------------------------------------------------------------


def test_bought_on_2014_12_31_a_machinery_enterprise_may_not_accelerate() -> None:
    with pytest.raises(InvalidInput) as info:
        year(2015, lathe("2014-12-31", "2015-01-05"))
    assert info.value.field == "equipment[0].method"
    assert "财税〔2014〕75号 第一条" in info.value.reason  # the six industries of 2014, machinery not among them


def test_bought_on_2015_01_01_it_may() -> None:
    # In use January 2015: depreciation from February, eleven months of 240,000: 220,000.
    r = annual(year(2015, lathe("2015-01-01", "2015-01-05")))
    assert (r.equipment[0].method, r.equipment[0].deduction) == ("double_declining", D("220000.00"))
    assert KEY_INDUSTRIES_2015 in cited(r.equipment[0].steps[0])


def test_a_six_industries_asset_of_2014_and_article_98_before_2014() -> None:
    a = Equipment("server", "90000", "electronics", acquired_on="2014-05-06", in_use="2014-06-01",
                  method="sum_of_years", industry="information")
    assert annual(year(2014, a)).equipment[0].deduction == D("22500.00")  # as accelerated_schedule's doctest
    old = dict(name="kiln", cost="800000", kind="machinery", acquired_on="2013-06-01", in_use="2013-06-10",
               method="shortened")
    with pytest.raises(InvalidInput, match=r"equipment\[0\]\.method"):
        year(2013, old)
    # 第九十八条 (from 2008): any industry; shortened to 72 months by default: 800,000 × 6 ÷ 72.
    assert annual(year(2013, {**old, "article_98": True})).equipment[0].deduction == D("66666.67")


# -- what comes first -------------------------------------------------------------------------------


def test_the_one_time_deduction_elected_and_available_comes_first() -> None:
    press = dict(name="press", cost="1000000", kind="machinery", acquired_on="2019-03-01", in_use="2019-03-15",
                 method="double_declining")
    first = annual(year(2019, press)).equipment[0]
    assert (first.method, first.deduction) == ("one_time", D("1000000"))
    assert "comes before the double declining balance chosen" in first.explain("en")
    declined = annual(year(2019, {**press, "elect_one_time": False})).equipment[0]
    # 1,000,000 × 20% × 9/12 (depreciation from April)
    assert (declined.method, declined.deduction) == ("double_declining", D("150000.00"))
    over = annual(year(2019, {**press, "cost": "6000000"})).equipment[0]
    assert (over.method, over.deduction) == ("double_declining", D("900000.00"))
    assert "over the cap" in over.steps[0].en and ("财税〔2018〕54号", "一") in cited(over.steps[0])


def test_the_enterprise_s_industry_and_share_stand_in_for_the_row_s() -> None:
    press = dict(name="press", cost="6000000", kind="machinery", acquired_on="2019-03-01", in_use="2019-03-15",
                 method="sum_of_years")
    f = year(2019, press)  # a manufacturer in 2019 (2019年第66号): no industry on the row needed
    assert (f.equipment[0].industry, f.equipment[0].main_business_share) == ("manufacturing", D(1))
    with pytest.raises(InvalidInput) as info:  # the enterprise's share of 50% is not above 50%
        year(2019, press, main_business_share=D("0.5"))
    assert info.value.field == "equipment[0].method" and "enterprise's main_business_share 50%" in info.value.reason
    # the asset's own share of the year it was put into use comes first
    assert year(2019, {**press, "main_business_share": "0.51"}, main_business_share=D("0.5")).equipment[0].method
    with pytest.raises(InvalidInput, match=r"equipment\[0\]\.method: .*give the asset's industry"):
        year(2019, press, industry="finance")


# -- refused when read, naming the field --------------------------------------------------------


REFUSED = [
    ({"method": "straight_line", "industry": "", "life_months": 120}, "equipment[0].life_months",
     "only with a method"),
    ({"method": "straight_line"}, "equipment[0].industry", "only with a method"),
    ({"method": "straight_line", "industry": "", "main_business_share": "0.9"}, "equipment[0].main_business_share",
     "only with a method"),
    ({"method": "straight_line", "industry": "", "article_98": True}, "equipment[0].article_98",
     "only with a method"),
    ({"life_months": 126}, "equipment[0].life_months", "not a whole number of years"),
    ({"method": "sum_of_years", "life_months": 96}, "equipment[0].life_months", "below the minimum life of 120"),
    ({"method": "shortened", "life_months": 71}, "equipment[0].life_months", "below the floor of a shortened life"),
    ({"method": "shortened", "life_months": 120}, "equipment[0].life_months", "not shorter than the minimum life"),
    ({"industry": "other"}, "equipment[0].method", "industries that may accelerate"),
    ({"main_business_share": "0.5"}, "equipment[0].main_business_share", "is not more than 50%"),
]


@pytest.mark.parametrize(("change", "field", "why"), REFUSED, ids=[r[1] + ":" + r[2] for r in REFUSED])
def test_a_combination_the_law_does_not_allow_is_refused_when_read(change: dict[str, Any], field: str,
                                                                  why: str) -> None:
    row = dict(name="lathe", cost="1200000", kind="machinery", acquired_on="2015-03-10", in_use="2015-03-20",
               method="double_declining", industry="machinery", **{"book_depreciation": "1"})
    row.update(change)
    with pytest.raises(InvalidInput) as info:
        year(2015, row)
    assert info.value.field == field and why in info.value.reason, info.value
    # the same from a document, read by the strict grammar: every problem with its path
    doc = {"year": 2015, "profit": "3000000", "employees": 300, "assets": "90000000", "equipment": [
        {k: (str(v) if k in ("cost", "book_depreciation", "main_business_share") else v) for k, v in row.items()
         if k != "acquired_on" and k != "in_use"} | {"acquired_on": "2015-03-10", "in_use": "2015-03-20"}]}
    with pytest.raises(InputProblems) as problems:
        parse(EnterpriseYear, doc)
    assert [p.path for p in problems.value.problems] == [field]


def test_an_unknown_method_is_named() -> None:
    doc = {"year": 2015, "profit": "1", "equipment": [
        {"name": "a", "cost": "1", "kind": "tools", "acquired_on": "2015-01-01", "in_use": "2015-01-01",
         "method": "declining"}]}
    with pytest.raises(InputProblems) as problems:
        parse(EnterpriseYear, doc)
    [p] = problems.value.problems
    assert p.path == "equipment[0].method" and "double_declining" in p.reason


def test_alone_the_rules_of_one_asset_refuse_under_the_law_they_are_given() -> None:
    bare = Equipment("lathe", "1200000", "machinery", acquired_on="2015-03-10", in_use="2015-03-20",
                     method="double_declining")  # alone: industry other, 100%
    with pytest.raises(InvalidInput, match="^method: "):
        equipment_in_year(bare, 2015)
    with pytest.raises(InvalidInput, match="^method: "):
        equipment_schedule(bare)
    assert [f for f, _ in method_problems(bare, "manufacturing")] == ["method"]
    assert list(method_problems(lathe())) == []
    off = policy_law(["accelerated_depreciation"])
    with pytest.raises(InvalidInput, match="not in force"):
        equipment_in_year(lathe(), 2015, law=off)


# -- under a law that does not allow the method -------------------------------------------------


def test_with_the_preference_off_the_asset_is_depreciated_on_the_straight_line() -> None:
    f = year(2015, lathe(book_depreciation="90000"))
    r = annual(f, law=policy_law(["accelerated_depreciation"]))
    e = r.equipment[0]
    assert (e.method, e.deduction, e.adjustment, r.tax) == ("straight_line", D("90000.00"), D("0.00"),
                                                           D("750000.00"))
    assert "double declining balance not available" in e.steps[0].en and "不适用" in e.steps[0].zh


def test_as_known_before_the_notice_the_method_was_not_there() -> None:
    # 财税〔2015〕106号 was published in September 2015: as known on 2015-06-30 a machinery enterprise
    # could not accelerate an asset bought in March.
    f = year(2015, lathe(book_depreciation="90000"))
    early = annual(f, law=default().as_known_on(dt.date(2015, 6, 30)))
    assert (early.equipment[0].method, early.tax) == ("straight_line", D("750000.00"))
    b = benefit(f, known_on="2015-06-30")
    assert (b.tax, b.tax_as_known_on, b.saving_since) == (D("727500.00"), D("750000.00"), D("22500.00"))


# -- the saving of the policy -----------------------------------------------------------------------


def test_the_saving_is_its_own_policy_cited_and_negative_in_the_late_years() -> None:
    b = benefit(year(2015, lathe(book_depreciation="90000")))
    row = b.policy("accelerated_depreciation")
    assert (row.saving, row.tax_without, row.reduces_only) == (D("22500.00"), D("750000.00"), False)  # 90,000 × 25%
    assert [(c.doc, c.article) for c in row.citations] == [ENABLING, LIFE, KEY_INDUSTRIES_2015, SHARE_TEST, METHODS,
                                                           DDB_RULE, START, CAP_2014]
    step = next(s for s in b.steps if s.name == "benefit.accelerated_depreciation")
    assert step.value == D("22500.00") and step.en.startswith("accelerated depreciation of fixed assets")
    # 2023, the ninth depreciation year: 1,200,000 × 0.8^8 = 201,326.59 left, spread over the last two
    # years: 100,663.30 a year; 2023 takes three months of the eighth year (0.2 × 251,658.24 ÷ 4 =
    # 12,582.91) and nine of the ninth (75,497.47): 88,080.38, against 120,000 on the straight line.
    late = benefit(year(2023, lathe(book_depreciation="120000"), industry="manufacturing"))
    assert late.result.equipment[0].deduction == D("88080.38")
    assert late.policy("accelerated_depreciation").saving == D("-7979.91")  # (88,080.38 − 120,000) × 25%


def test_the_policy_is_listed_by_default_only_for_an_asset_with_a_method() -> None:
    plain = benefit(year(2015, Equipment("lathe", "1200000", "machinery", acquired_on="2015-03-10",
                                         in_use="2015-03-20")))
    assert "accelerated_depreciation" not in [p.id for p in plain.policies]
    assert "accelerated_depreciation" in [p.id for p in benefit(year(2015, lathe())).policies]


# -- the report's [[equipment]] rows ------------------------------------------------------------


REPORT = """\
format = 2
year = 2015
[enterprise]
name = "x"
industry = "{code}"
employees = 300
assets = "90000000"
[income]
profit = "3000000"
[[equipment]]
name = "lathe"
acquired_on = 2015-03-10
in_use = 2015-03-20
cost = "1200000"
book_depreciation = "90000"
method = "double_declining"
{more}"""


def report_of(code: str = "C34", more: str = "") -> Any:
    return parse_text(textwrap.dedent(REPORT.format(code=code, more=more)), "toml")


def test_a_report_row_with_a_method_its_industry_from_the_row_or_the_code() -> None:
    report = build_report(report_of(more='industry = "machinery"\n'))
    eit = report.section("eit")
    assert {ln.id: ln.amount for ln in eit.lines}["eit.equipment_adjustment"] == D("-90000.00")
    savings = {s.policy: s for s in report.savings}
    saving = savings["eit.accelerated_depreciation"]
    assert saving.amount == D("22500.00") and "timing preference" in saving.note_en
    assert ("财税〔2015〕106号", "一") in [(c.doc, c.article) for c in saving.cite]
    [table] = [t for t in eit.tables if t.id == "eit.equipment"]
    assert table.rows[0][5] == ("双倍余额递减法", "double declining balance")
    assert table.rows[0][7] == D("90000.00")  # the straight line instead
    # An enterprise of GB/T 4754 division 39 (computers and electronics) is of a 75号 industry: no row industry.
    assert build_report(report_of("C3911")).section("eit").lines


def test_a_report_row_the_law_does_not_allow_is_refused_when_read() -> None:
    with pytest.raises(ReportInputError) as info:
        report_of("C34")  # general-purpose equipment (34): other manufacturing, not of 106号 in 2015
    assert [p.path for p in info.value.problems] == ["equipment[0].method"]
    with pytest.raises(ReportInputError) as info:
        report_of("C34", 'life_months = 100\n')
    assert [p.path for p in info.value.problems] == ["equipment[0].life_months"]


# -- over the asset's life ----------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    method=st.sampled_from(["shortened", "double_declining", "sum_of_years"]),
    kind=st.sampled_from(["machinery", "tools", "vehicles", "electronics"]),
    cost=st.integers(1, 10**8).map(lambda n: D(n) / 100),
    residual_share=st.integers(0, 10),
    extra_years=st.integers(0, 2),
    month=st.integers(1, 12),
    y=st.integers(2008, 2024),
    books=st.lists(st.integers(0, 10**7), min_size=30, max_size=30),
)
def test_over_the_life_the_adjustments_add_up_to_book_less_the_tax_basis(
        method: str, kind: str, cost: Decimal, residual_share: int, extra_years: int, month: int, y: int,
        books: list[int]) -> None:
    residual = (cost * residual_share / 100).quantize(D("0.01"))
    life = {"machinery": 10, "tools": 5, "vehicles": 4, "electronics": 3}[kind]
    months = None if method == "shortened" else (life + extra_years) * 12
    a = Equipment("asset", cost, kind, acquired_on=dt.date(y, month, 1), in_use=dt.date(y, month, 28),
                  residual=residual, elect_one_time=False, method=method, life_months=months, article_98=True)
    schedule = equipment_schedule(a)
    first, last = schedule.chosen[0][0], schedule.chosen[-1][0]
    adjustments = booked = deducted = D(0)
    for i, yy in enumerate(range(first, last + 2)):  # a year past the end: nothing left to deduct
        row = equipment_in_year(Equipment(**{**_fields(a), "book_depreciation": D(books[i])}), yy)
        assert row.deduction == schedule.deduction_in(yy)
        adjustments += row.adjustment
        booked += row.book
        deducted += row.deduction
    assert deducted == cost - residual
    assert adjustments == booked - (cost - residual)


def _fields(a: Equipment) -> dict[str, Any]:
    return {name: getattr(a, name) for name in ("name", "cost", "kind", "acquired_on", "in_use", "residual",
                                                "elect_one_time", "method", "life_months", "article_98")}
