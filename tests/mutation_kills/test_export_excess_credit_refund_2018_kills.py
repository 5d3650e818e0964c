"""The 2018 refund of excess input credits (财税〔2018〕70号): the whole result and every
step (label, value, formula, citation) of the main paths — the worked example (capped
by the 2017 balance, provincial quota), a grid company registered in 2016 (ratio over
the operating period, no quota), a taxpayer refused on industry and rating with no
input VAT, a day after the measure ended — then the boundaries and refusals.

What each case must show is kept in ``golden/export_excess_credit_refund_2018.json`` (see ``_golden.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.export import excess_credit_refund_2018
from taxcalc.law import default

CASES = {
    'after_the_end': {'applied_on': '2018-10-01',
                      'credit_rating': 'A',
                      'end_2017_credit': '1',
                      'industry': '专用设备制造业',
                      'listed_input_tax': '1',
                      'prior_period_end_credit': '1',
                      'registered_on': '2010-03-01',
                      'total_input_tax': '1'},
    'doc_example': {'applied_on': '2018-08-01',
                    'credit_rating': 'A',
                    'end_2017_credit': '1000000',
                    'industry': '专用设备制造业',
                    'listed_input_tax': '8000000',
                    'prior_period_end_credit': '1500000',
                    'registered_on': '2010-03-01',
                    'total_input_tax': '10000000'},
    'grid_registered_2016': {'applied_on': '2018-06-27',
                             'credit_rating': 'B',
                             'end_2017_credit': '5000',
                             'grid_company': True,
                             'listed_input_tax': '1000.01',
                             'prior_period_end_credit': '999.99',
                             'registered_on': '2016-05-01',
                             'total_input_tax': '3000'},
    'refused_twice': {'applied_on': '2018-09-30',
                      'credit_rating': 'C',
                      'end_2017_credit': '100',
                      'industry': ' 餐饮业 ',
                      'listed_input_tax': '0',
                      'prior_period_end_credit': '100',
                      'registered_on': '2014-12-31',
                      'total_input_tax': '0'},
}
# the fields of the result compared, each case with its golden value
FIELDS = ('cap', 'eligible', 'quota_applies', 'ratio', 'reasons', 'refund', 'refundable')
GOLDEN = Golden("export_excess_credit_refund_2018", CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    r = excess_credit_refund_2018(**CASES[case], law=default().with_values({}))
    GOLDEN.check(case, fields=fields(r, FIELDS), steps=rows(r.steps))


BASE = dict(industry="专用设备制造业", credit_rating="A", registered_on="2010-03-01", listed_input_tax="8",
            total_input_tax="10", prior_period_end_credit="15", end_2017_credit="10", applied_on="2018-08-01")


def test_registered_on_the_last_day_of_2014_counts_2015_to_2017_and_a_day_later_does_not():
    early = excess_credit_refund_2018(**{**BASE, "registered_on": "2014-12-31"})
    late = excess_credit_refund_2018(**{**BASE, "registered_on": "2015-01-01"})
    assert str(early.step("ratio").cite[0]).endswith("第三条第（一）项第1目")
    assert str(late.step("ratio").cite[0]).endswith("第三条第（一）项第2目")


def test_registered_on_the_application_day_and_the_balance_day():
    same_day = excess_credit_refund_2018(**{**BASE, "registered_on": "2018-08-01", "end_2017_credit": "0"})
    assert (same_day.eligible, same_day.refund) == (True, Decimal("0.00"))
    on_the_day = excess_credit_refund_2018(**{**BASE, "registered_on": "2017-12-31"})
    assert on_the_day.refund == Decimal("10.00")


def test_a_grid_company_with_an_industry_too_is_taken_as_a_grid_company():
    r = excess_credit_refund_2018(**{**BASE, "industry": "餐饮业", "grid_company": True})
    assert (r.eligible, r.quota_applies, r.steps[0].name) == (True, False, "grid")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"registered_on": "2018-08-02"}, "registered_on: 2018-08-02 is after the application day 2018-08-01"),
        ({"industry": "  "}, "industry: must be the name of an industry division, e.g. 专用设备制造业"),
        ({"industry": 5}, "industry: must be the name of an industry division, e.g. 专用设备制造业"),
        ({"industry": None}, "industry: give the industry on the tax registration (or grid_company=True)"),
        ({"grid_company": "yes"}, "grid_company: must be true or false"),
        ({"listed_input_tax": "10.01"}, "listed_input_tax: 10.01 exceeds all deducted input VAT 10"),
        ({"total_input_tax": "10.001"}, "total_input_tax: must be in yuan and fen (at most 2 decimals), got 10.001"),
        ({"prior_period_end_credit": "-1"}, "prior_period_end_credit: "),
        ({"end_2017_credit": "-1"}, "end_2017_credit: "),
        ({"applied_on": "2018-02-30"}, "applied_on: "),
        ({"registered_on": "2010-02-30"}, "registered_on: "),
        ({"listed_input_tax": "-1"}, "listed_input_tax: "),
        ({"registered_on": "2018-01-01"}, "end_2017_credit: a taxpayer registered on 2018-01-01 had no balance at "
         "2017-12-31"),
    ],
)
def test_a_refusal_names_the_field_and_says_why(change, message):
    with pytest.raises(InvalidInput) as info:
        excess_credit_refund_2018(**{**BASE, **change})
    assert str(info.value).startswith(message)


def test_an_unknown_rating_lists_the_ratings():
    with pytest.raises(UnknownCategory) as info:
        excess_credit_refund_2018(**{**BASE, "credit_rating": "AA"})
    assert str(info.value) == "credit_rating: unknown value 'AA'; expected one of: A, B, M, C, D"
