"""The 2020 hardship-industry loss extension's test (2020年第8号 第四条): the share exactly at 50%
(以上: inclusive) and a fen below, the industries, the years without an extension, refusals, and
properties (the mark is given exactly when both tests hold; the window never shortens)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.eit import HARDSHIP_INDUSTRIES, Loss, apply_losses, hardship_loss_extension
from taxcalc.errors import InputProblems, InvalidInput

P = Decimal


def ext(main: str, total: str = "1000", industry: str = "transport", year: int = 2020, **kw: str):
    return hardship_loss_extension(year, industry, main_business_income=P(main), total_income=P(total),
                                   **{k: P(v) for k, v in kw.items()})


@pytest.mark.parametrize(("main", "eligible"), [("500", True), ("499.99", False), ("1000", True), ("0", False)])
def test_the_share_at_the_boundary(main, eligible):
    r = ext(main)
    assert r.eligible is eligible
    assert (r.extension, r.last_year, r.carry_years) == (("hardship", 2028, 8) if eligible else ("", 2025, 5))


def test_non_taxable_and_investment_income_are_taken_out_of_the_base():
    # 400 of (1000 − 100 − 100) = 50%: qualifies only once both are excluded
    assert not ext("400").eligible
    assert not ext("400", non_taxable_income="100").eligible
    r = ext("400", non_taxable_income="100", investment_income="100")
    assert r.eligible and r.share == P("0.5")
    assert r.step("share").formula == "400.00 ÷ (1,000.00 − 100.00 − 100.00)"


@pytest.mark.parametrize("industry", ["transport", "catering", "accommodation", "travel_agency", "scenic_area"])
def test_each_listed_industry_qualifies(industry):
    assert ext("600", industry=industry).eligible


def test_another_industry_does_not():
    r = ext("1000", industry="other")
    assert not r.eligible and r.step("industry").value is False and r.last_year == 2025


@pytest.mark.parametrize(("year", "last"), [(2019, 2024), (2021, 2026)])
def test_no_extension_outside_2020(year, last):
    r = ext("1000", year=year)
    assert not r.eligible and r.share is None and r.last_year == last
    assert [s.name for s in r.steps] == ["hardship_years", "general_years", "last_year"]


def test_citations():
    r = ext("500")
    assert str(r.step("least_share").cite[0]) == "财政部 税务总局公告2020年第8号 第四条"
    assert str(r.step("industry").cite[0]) == "财政部 税务总局公告2020年第8号 第四条"
    assert r.step("least_share").value == P("0.5")


def test_what_if_the_share_were_60_percent():
    law = rules.get("eit.hardship_extension")
    from taxcalc.law import default
    changed = default().with_values({"eit.losses.hardship.main_business_share": "60%"})
    assert law.compute({"year": 2020, "industry": "catering", "main_business_income": "500",
                        "total_income": "1000"}, law=changed).eligible is False


@pytest.mark.parametrize(("kw", "field"), [
    ({"main": "1001"}, "main_business_income"),
    ({"main": "0", "total": "100", "non_taxable_income": "100"}, "total_income"),
    ({"main": "-1"}, "main_business_income"),
])
def test_refusals(kw, field):
    kw = dict(kw)  # the parameters are shared by every run of the test
    main, total = kw.pop("main"), kw.pop("total", "1000")
    with pytest.raises(InvalidInput, match=f"^{field}:"):
        ext(main, total, **kw)


def test_the_rule_reads_a_document():
    rule = rules.get("eit.hardship_extension")
    assert rule.compute(rule.load().example).extension == "hardship"
    with pytest.raises(InputProblems, match="industry"):
        rule.compute({"year": 2020, "industry": "mining", "main_business_income": "1", "total_income": "2"})


def test_the_mark_feeds_the_loss_rule():
    r = ext("800", industry="catering")
    carried = apply_losses(2020, "-100000", extension=r.extension).carried
    assert carried == (Loss(2020, P("100000"), "hardship"),)
    # the eighth year still uses it, the ninth has lost it
    assert apply_losses(2028, "100000", carried).used == P("100000")
    assert apply_losses(2029, "100000", carried).used == 0


money = st.integers(min_value=0, max_value=10**10).map(lambda n: P(n) / 100)


@given(main=money, extra=money, out=money, industry=st.sampled_from(HARDSHIP_INDUSTRIES))
def test_the_mark_is_given_exactly_when_both_tests_hold(main, extra, out, industry):
    total = main + extra + out
    if main + extra == 0:
        return
    r = hardship_loss_extension(2020, industry, main_business_income=main, total_income=total,
                                investment_income=out)
    assert r.eligible == (industry != "other" and main * 2 >= main + extra)
    assert r.last_year >= 2025  # never shorter than the general window
