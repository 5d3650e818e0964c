"""The 2018 refund of excess input credits (财税〔2018〕70号)."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law
from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage, UnknownCategory
from taxcalc.export import excess_credit_refund_2018

BASE = dict(
    industry="专用设备制造业", credit_rating="A", registered_on="2010-03-01",
    listed_input_tax="8000000", total_input_tax="10000000",
    prior_period_end_credit="1500000", end_2017_credit="1000000", applied_on="2018-08-01",
)


def run(**kw):
    return excess_credit_refund_2018(**{**BASE, **kw})


def test_the_cap_binds_and_does_not():
    r = run()
    assert (r.eligible, r.ratio, r.refundable, r.cap, r.refund) == (
        True, Decimal("0.8"), Decimal("1200000.00"), Decimal("1000000"), Decimal("1000000.00"))
    assert r.quota_applies and "第三条第（二）项" in r.explain()
    r = run(prior_period_end_credit="1000000")
    assert r.refund == Decimal("800000.00")
    # exactly at the cap and one fen over
    assert run(prior_period_end_credit="1250000", end_2017_credit="1000000").refund == Decimal("1000000.00")
    assert run(prior_period_end_credit="1250000.02", end_2017_credit="1000000").refund == Decimal("1000000.00")
    assert run(prior_period_end_credit="1249999.99", end_2017_credit="1000000").refund == Decimal("999999.99")


def test_every_industry_of_the_annex_and_grid_companies_qualify():
    names = law.default().get("vat.excess_credit_refund_2018.industries", "2018-08-01")
    assert len(names) == 18
    for name in names:
        assert run(industry=name).eligible
    g = run(industry=None, grid_company=True)
    assert g.eligible and not g.quota_applies and g.refund == Decimal("1000000.00")
    assert "第一条第（二）项" in g.explain()


@pytest.mark.parametrize(
    ("kw", "reason"),
    [
        ({"industry": "纺织业"}, "not one of the 18 divisions"),
        ({"credit_rating": "C"}, "credit rating C"),
        ({"credit_rating": "M"}, "credit rating M"),
        ({"credit_rating": "D", "industry": "批发业"}, "credit rating D"),
    ],
)
def test_not_eligible_gives_no_refund_and_says_why(kw, reason):
    r = run(**kw)
    assert not r.eligible and r.refund == 0 and any(reason in x for x in r.reasons)
    assert "not eligible" in r.explain("en")


def test_a_grid_company_with_a_c_rating_is_not_eligible():
    assert not run(industry=None, grid_company=True, credit_rating="C").eligible


def test_registration_date_decides_the_ratio_period():
    early = run(registered_on="2014-12-31")
    late = run(registered_on="2015-01-01")
    assert "2015年、2016年、2017年" in early.explain() and "第1目" in str(early.step("ratio").cite[0])
    assert "实际经营期间" in late.explain() and "第2目" in str(late.step("ratio").cite[0])
    assert early.ratio == late.ratio   # same figures given: only the period they cover differs


def test_zero_input_gives_a_zero_ratio_and_registered_in_2018_has_no_2017_balance():
    assert run(listed_input_tax="0", total_input_tax="0").refund == 0
    r = run(registered_on="2018-02-01", end_2017_credit="0")
    assert r.refund == 0 and r.eligible
    with pytest.raises(InvalidInput, match="had no balance"):
        run(registered_on="2018-02-01", end_2017_credit="1")


def test_before_the_notice_the_measure_is_not_in_force_an_answer():
    r = run(applied_on="2018-06-26")
    assert (r.eligible, r.refund) == (False, Decimal("0.00"))
    assert r.reasons[0].startswith("not in force on 2018-06-26: the one-off refund") and "2018-06-27" in r.reasons[0]
    assert [str(c) for c in r.steps[0].cite] == ["财税〔2018〕70号 第一条第（一）项、附件"]
    with pytest.raises(OutsideCoverage, match="2002-01-01"):
        run(applied_on="2001-12-31", registered_on="2001-01-01")


@pytest.mark.parametrize("day", ["2018-10-01", "2026-12-01"])
def test_after_the_window_the_measure_is_not_in_force_an_answer(day):
    r = run(applied_on=day)
    assert (r.eligible, r.refund, r.refundable, r.quota_applies) == (False, Decimal("0.00"), Decimal("0.00"), False)
    assert r.reasons[0].startswith(f"not in force on {day}: a one-off measure")
    (step,) = r.steps
    assert (step.name, step.value, [str(c) for c in step.cite]) == ("in_force", False, ["财税〔2018〕70号 第四条第（二）项"])
    assert r.as_dict()["refund"] == "0.00"


def test_window_edges_are_inside():
    assert run(applied_on="2018-06-27").eligible and run(applied_on="2018-09-30").eligible


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"credit_rating": "AA"}, "credit_rating"),
        ({"listed_input_tax": "10000001"}, "listed_input_tax"),
        ({"total_input_tax": 1e7}, "total_input_tax"),
        ({"prior_period_end_credit": "-1"}, "prior_period_end_credit"),
        ({"end_2017_credit": "1.001"}, "end_2017_credit"),
        ({"registered_on": "2018-08-02"}, "registered_on"),
        ({"industry": None}, "industry"),
        ({"industry": " "}, "industry"),
        ({"applied_on": "2018-02-30"}, "applied_on"),
    ],
)
def test_bad_inputs_name_the_field(kw, field):
    with pytest.raises((InvalidInput, NotMoney, UnknownCategory)) as info:
        run(**kw)
    assert info.value.field == field


def test_results_ignore_a_hostile_ambient_context():
    kw = dict(listed_input_tax="1234567.89", total_input_tax="7654321.01", prior_period_end_credit="333333.33")
    expected = run(**kw)
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        ctx.rounding = decimal.ROUND_DOWN
        got = run(**kw)
    assert got == expected


money = st.integers(0, 10**12).map(lambda n: Decimal(n) / 100)


@given(money, money, money, money)
def test_refund_is_within_every_bound_and_monotone(a, b, prior, cap):
    listed, total_ = min(a, b), max(a, b)
    r = run(listed_input_tax=listed, total_input_tax=total_, prior_period_end_credit=prior, end_2017_credit=cap)
    assert Decimal(0) <= r.refund <= cap
    assert r.refund <= r.refundable and abs(r.refundable - prior * r.ratio) <= Decimal("0.005")
    assert Decimal(0) <= r.ratio <= 1
    more = run(listed_input_tax=listed, total_input_tax=total_, prior_period_end_credit=prior + 1, end_2017_credit=cap)
    assert more.refund >= r.refund
