"""The 2020 hardship-industry loss extension: every step of a year with the test (labels, values,
both formulas, citations, return-form lines) and of a year without, the share exactly at and
just under 50% with non-taxable and investment income taken out, and each refusal's message."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

from taxcalc.eit import HARDSHIP_INDUSTRIES, hardship_loss_extension
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.law import default

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "mutation_kills"))
from kill_helpers import rows  # noqa: E402

P = Decimal
NOTICE_8 = "财政部 税务总局公告2020年第8号 第四条"
LAW_63 = "主席令第63号 第十八条"


def years_rows(hardship: int, cite: str) -> list[tuple[object, ...]]:
    return [
        ("hardship_years", "受疫情影响较大的困难行业企业亏损结转年限（按亏损年度）",
         "Loss carry-forward: years for a loss of a hardship-industry enterprise (by loss year)", hardship, "count",
         "", "", (cite,), ""),
        ("general_years", "亏损结转年限（一般）", "Loss carry-forward: years (general)", 5, "count", "", "", (LAW_63,),
         ""),
    ]


def last_row(year: int, carry: int, cite: str) -> tuple[object, ...]:
    return ("last_year", "亏损最后可弥补年度", "last year the loss may be used", year + carry, "",
            f"{year} + {carry}", "", (cite,), "A106000")


def test_the_steps_of_a_2020_loss_that_qualifies():
    r = hardship_loss_extension(2020, "catering", main_business_income=P("5000000"), total_income=P("10600000"),
                                non_taxable_income=P("400000"), investment_income=P("200000"),
                                law=default().with_values({}))
    assert (r.year, r.industry, r.eligible, r.share, r.extension, r.carry_years, r.last_year) == (
        2020, "catering", True, P("0.5"), "hardship", 8, 2028)
    assert rows(r.steps) == [
        *years_rows(8, NOTICE_8),
        ("industry", "属于困难行业", "in a hardship industry", True, "bool", "catering", "", (NOTICE_8,), ""),
        ("least_share", "困难行业企业2020年度主营业务收入占收入总额（剔除不征税收入和投资收益）的最低比例（含本数）",
         "Hardship industries: least share of main-business income in total income net of non-taxable income and "
         "investment income (inclusive)", P("0.5"), "rate", "", "", (NOTICE_8,), ""),
        ("share", "主营业务收入占收入总额（剔除不征税收入和投资收益）的比例",
         "main-business share of total income net of non-taxable and investment income", P("0.5"), "rate",
         "5,000,000.00 ÷ (10,600,000.00 − 400,000.00 − 200,000.00)",
         "主营业务收入 5,000,000.00 ÷（收入总额 10,600,000.00 − 不征税收入 400,000.00 − 投资收益 200,000.00）",
         (NOTICE_8,), "A106000"),
        ("share_met", "主营业务收入占比达到50%以上（含本数）", "share at least the minimum (inclusive)", True, "bool",
         "50% ≥ 50%", "", (NOTICE_8,), ""),
        last_row(2020, 8, NOTICE_8),
    ]


@pytest.mark.parametrize(("industry", "main", "non_taxable", "investment", "listed", "met"), [
    # base 10,000,000.02 − 0.01 − 0.01: half of it is 5,000,000 exactly
    ("transport", "5000000", "0.01", "0.01", True, True),
    ("transport", "4999999.99", "0.01", "0.01", True, False),
    # investment income alone taken out: 5,000,000 of 10,000,000.02 − 0.02
    ("scenic_area", "5000000", "0", "0.02", True, True),
    ("accommodation", "4999999.99", "0.02", "0", True, False),
    ("other", "9000000", "0", "0", False, True),
])
def test_the_two_tests_and_their_steps(industry, main, non_taxable, investment, listed, met):
    r = hardship_loss_extension(2020, industry, main_business_income=P(main), total_income=P("10000000.02"),
                                non_taxable_income=P(non_taxable), investment_income=P(investment))
    base = P("10000000.02") - P(non_taxable) - P(investment)
    assert abs(r.share - P(main) / base) < P("1e-25")
    by_name = {s.name: s.value for s in r.steps}
    assert (by_name["industry"], by_name["share_met"]) == (listed, met)
    eligible = listed and met
    assert (r.eligible, r.extension, r.carry_years, r.last_year) == (
        (True, "hardship", 8, 2028) if eligible else (False, "", 5, 2025))
    assert rows(r.steps)[-1] == last_row(2020, 8 if eligible else 5, NOTICE_8 if eligible else LAW_63)


@pytest.mark.parametrize("year", [2019, 2021])
def test_a_year_without_the_extension_is_not_tested(year):
    r = hardship_loss_extension(year, "transport", main_business_income=P("1"), total_income=P("2"))
    assert (r.year, r.industry, r.eligible, r.share, r.extension, r.carry_years, r.last_year) == (
        year, "transport", False, None, "", 5, year + 5)
    assert rows(r.steps) == [*years_rows(5, LAW_63), last_row(year, 5, LAW_63)]


def test_the_industries_known():
    assert HARDSHIP_INDUSTRIES == ("transport", "catering", "accommodation", "travel_agency", "scenic_area", "other")


@pytest.mark.parametrize(("kw", "message"), [
    ({"main_business_income": "-1"}, "main_business_income: must not be negative (got -1)"),
    ({"total_income": "-1"}, "total_income: must not be negative (got -1)"),
    ({"non_taxable_income": "-1"}, "non_taxable_income: must not be negative (got -1)"),
    ({"investment_income": "-1"}, "investment_income: must not be negative (got -1)"),
    ({"non_taxable_income": "60", "investment_income": "40"},
     "total_income: total income 100 less non-taxable income 60 and investment income 40 must be positive (got 0)"),
    ({"main_business_income": "91", "investment_income": "10"},
     "main_business_income: main-business income 91 cannot exceed total income net of non-taxable and "
     "investment income (90)"),
])
def test_each_refusal_names_its_field_and_reason(kw, message):
    args = {"main_business_income": "50", "total_income": "100", **kw}
    with pytest.raises(InvalidInput) as e:
        hardship_loss_extension(2020, "catering", **{k: P(v) for k, v in args.items()})
    assert str(e.value) == message


def test_the_whole_base_may_be_main_business_income():
    r = hardship_loss_extension(2020, "travel_agency", main_business_income=P("90"), total_income=P("100"),
                                investment_income=P("10"))
    assert (r.share, r.eligible) == (P("1"), True)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("industry", "mining", "industry: unknown value 'mining'; expected one of: transport, catering, accommodation, "
     "travel_agency, scenic_area, other"),
    ("main_business_income", 1.0, 'main_business_income: a float is not money; write "1.0" (a string) or '
     'Decimal("1.0")'),
    ("total_income", "x", "total_income: 'x' is not a number"),
    ("non_taxable_income", "x", "non_taxable_income: 'x' is not a number"),
    ("investment_income", "x", "investment_income: 'x' is not a number"),
])
def test_a_figure_that_is_not_money_is_named(field, value, message):
    args: dict[str, object] = {"industry": "catering", "main_business_income": "5", "total_income": "10",
                               field: value}
    industry = args.pop("industry")
    with pytest.raises((InvalidInput, NotMoney)) as e:
        hardship_loss_extension(2020, industry, **args)
    assert str(e.value) == message


def test_the_window_is_read_from_the_law_given():
    law = default().with_values({"eit.losses.years.hardship": 9})
    r = hardship_loss_extension(2020, "catering", main_business_income=P("5"), total_income=P("10"), law=law)
    assert (r.carry_years, r.last_year) == (9, 2029)
    assert rows(r.steps)[-1] == last_row(2020, 9, "假设 what-if eit.losses.years.hardship = 9")
