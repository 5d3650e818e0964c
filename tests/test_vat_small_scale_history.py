"""Small-scale VAT before 2018: no exemption for units before 2013-08-01, the 2万 era of
财税〔2013〕52号, the 3万 / 9万 era from 2014-10-01, goods and services apart from
2016-05-01; the collection rates of the 1993 regulations (6%, 4% for commercial
enterprises) and the single 3% from 2009-01-01.  Day before and day of every switch,
amounts exactly at each limit and one fen over."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import InvalidInput, NotInForce, OutsideCoverage
from taxcalc.law import value
from taxcalc.vat import small_scale_vat

D = dt.date
P = Decimal
FEN = P("0.01")


def cites(r: object) -> str:
    return r.explain("zh")  # type: ignore[attr-defined, no-any-return]


# -- before 2013-08-01: units paid on all their sales ------------------------------------

def test_before_the_exemption_all_sales_are_taxed_and_the_step_says_why():
    r = small_scale_vat("1", "2013-07-01", business="other")
    assert (r.exempt, r.threshold, r.basis, r.taxable_sales, r.tax_due) == (False, None, "none", P("1"), P("0.03"))
    step = r.step("no_exemption")
    assert step.cite[0].doc == "财税〔2013〕52号" and "individuals" in step.en


def test_the_exemption_begins_on_2013_08_01_inclusive_at_2_wan():
    assert small_scale_vat("20000", "2013-07-01").tax_due == P("600.00")  # 3% on all
    on = small_scale_vat("20000", "2013-08-01")  # 不超过2万元: exactly 2万 is exempt
    assert on.exempt and on.threshold == P("20000") and on.tax_due == 0
    over = small_scale_vat(P("20000") + FEN, "2013-08-01")
    assert not over.exempt and over.tax_due == P("600.00")
    assert "财税〔2013〕52号 正文" in cites(on)


def test_a_quarter_across_the_start_of_the_exemption_is_refused():
    with pytest.raises(InvalidInput, match="period_start: the exemption begins inside the quarter"):
        small_scale_vat("10000", "2013-07-01", period="quarter")
    assert small_scale_vat("60000", "2013-10-01", period="quarter").exempt  # 6万 a quarter
    assert not small_scale_vat(P("60000") + FEN, "2013-10-01", period="quarter").exempt
    assert small_scale_vat("60000", "2013-04-01", period="quarter", business="other").tax_due == P("1800.00")


@pytest.mark.parametrize(("month", "limit", "quarter"), [
    (D(2014, 9, 1), "20000", "60000"),
    (D(2014, 10, 1), "30000", "90000"),   # 财税〔2014〕71号; 国家税务总局公告2014年第57号
    (D(2015, 12, 1), "30000", "90000"),
    (D(2016, 1, 1), "30000", "90000"),    # 财税〔2015〕96号: extended to 2017-12-31
    (D(2017, 12, 1), "30000", "90000"),
])
def test_the_limits_of_each_era_exactly_and_one_fen_over(month, limit, quarter):
    at = small_scale_vat(limit, month, goods_sales=limit, services_sales="0")
    assert at.exempt and at.threshold == P(limit)
    assert not small_scale_vat(P(limit) + FEN, month, goods_sales=P(limit) + FEN, services_sales="0").exempt
    q = D(month.year, (month.month - 1) // 3 * 3 + 1, 1)
    assert small_scale_vat(quarter, q, period="quarter", goods_sales=quarter, services_sales="0").exempt
    assert not small_scale_vat(P(quarter) + FEN, q, period="quarter", goods_sales=P(quarter) + FEN,
                               services_sales="0").exempt


def test_2014_10_01_raises_the_limit_to_3_wan():
    assert not small_scale_vat("30000", "2014-09-01").exempt
    assert small_scale_vat("30000", "2014-10-01").exempt
    assert str(small_scale_vat("30000", "2014-10-01").step("threshold").cite[0]) == "财税〔2014〕71号 正文"


def test_from_2016_05_01_goods_and_services_are_tested_apart():
    together = small_scale_vat("50000", "2016-04-01")  # all VAT sales together, over 3万
    assert not together.exempt and together.basis == "combined"
    with pytest.raises(InvalidInput, match="goods_sales: from 2016-05-01 to 2018-12-31"):
        small_scale_vat("50000", "2016-05-01")
    apart = small_scale_vat("50000", "2016-05-01", goods_sales="25000", services_sales="25000")
    assert apart.exempt and apart.basis == "separate"
    assert "国家税务总局公告2016年第23号 第六条" in cites(apart)


# -- the collection rates -------------------------------------------------------------------

def test_to_2008_commerce_paid_4_percent_the_others_6():
    assert small_scale_vat("100000", "2008-12-01", business="commerce").tax_due == P("4000.00")
    assert small_scale_vat("100000", "2008-12-01", business="other").tax_due == P("6000.00")
    r = small_scale_vat("100000", "2008-12-01", business="commerce")
    assert str(r.step("levy_rate").cite[0]) == "财税字〔1998〕113号 正文"
    with pytest.raises(InvalidInput, match="business: on 2008-12-01 the collection rate depends on the business"):
        small_scale_vat("100000", "2008-12-01")


@pytest.mark.parametrize("business", ["commerce", "other", None])
def test_from_2009_01_01_one_rate_of_3_percent(business):
    r = small_scale_vat("100000", "2009-01-01", business=business)
    assert r.levy_rate == P("0.03") and r.tax_due == P("3000.00")
    assert str(r.step("levy_rate").cite[0]) == "国务院令第538号 第十二条"
    with pytest.raises(NotInForce, match="no separate rates by business"):
        value("vat.small_scale.levy_rate_by_business.commerce", "2009-01-01")


def test_before_the_data_a_coverage_error_and_no_real_estate_before_2016():
    with pytest.raises(OutsideCoverage):
        small_scale_vat("1", "2001-12-01", business="other")
    with pytest.raises(InvalidInput, match="real_estate_sales: on 2008-01-01 selling immovable property"):
        small_scale_vat("10", "2008-01-01", business="other", real_estate_sales="5")
    with pytest.raises(InvalidInput, match="start_point_basis"):
        small_scale_vat("10", "2008-01-01", business="other", start_point_basis="all_sales")


@given(st.integers(0, 10**9), st.dates(D(2002, 1, 1), D(2013, 7, 1)), st.sampled_from(["commerce", "other"]))
def test_before_the_exemption_the_tax_is_all_sales_at_the_rate(fen, day, business):
    sales = P(fen) / 100
    r = small_scale_vat(sales, day.replace(day=1), business=business)
    rate = P("0.03") if day >= D(2009, 1, 1) else P("0.04") if business == "commerce" else P("0.06")
    assert r.levy_rate == rate and r.taxable_sales == sales and not r.exempt_sales
    assert r.tax_due == (sales * rate).quantize(FEN, rounding="ROUND_HALF_UP")
