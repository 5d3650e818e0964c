"""The refund of excess input credit (留抵退税): the whole result and every step (label,
value, formula, citation, return-form line) of each category's main path — 2019
general, the same refused on every count, 2019 advanced manufacturing, 2022 small and
micro with and after the stock refund, the 2025 general tiers, the 2025 listed
industries and real estate, and a day no refund was open — then the refusals.

What each case must show is kept in ``golden/vat_excess_credit_refund.json`` (see ``_golden.py``)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.law import default
from taxcalc.vat import excess_credit_refund

CASES = {
    'advanced_manufacturing_2020': ('2020-03-10',
                                    {'base_credit': '100000',
                                     'category': 'advanced_manufacturing',
                                     'credit_rating': 'B',
                                     'end_credits': ['300000'],
                                     'industry_sales_share': '50.5%',
                                     'listed_input_tax': '800',
                                     'months': ['2020-02'],
                                     'total_input_tax': '1000'}),
    'general_2019': ('2019-10-15',
                     {'base_credit': '1000000',
                      'category': 'general',
                      'credit_rating': 'A',
                      'end_credits': ['1100000', '1200000', '1300000', '1400000', '1500000', '1600000'],
                      'listed_input_tax': '900000',
                      'months': ['2019-04', '2019-05', '2019-06', '2019-07', '2019-08', '2019-09'],
                      'total_input_tax': '1000000'}),
    'general_2019_refused': ('2019-10-15',
                             {'base_credit': '1000000',
                              'category': 'general',
                              'credit_rating': 'C',
                              'end_credits': ['1100000',
                                              '900000',
                                              '1300000',
                                              '1400000',
                                              '1500000',
                                              '1499999.99'],
                              'excluded': True,
                              'listed_input_tax': '0',
                              'months': ['2019-04', '2019-05', '2019-06', '2019-07', '2019-08', '2019-09'],
                              'total_input_tax': '0'}),
    'general_2025_tiers': ('2025-10-15',
                           {'category': 'general',
                            'credit_rating': 'A',
                            'end_credits': ['1', '1', '1', '1', '1', '150000000'],
                            'listed_input_tax': '1000',
                            'months': ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09'],
                            'prior_year_end_credit': '10000000',
                            'total_input_tax': '1000'}),
    'listed_industry_2025': ('2025-09-15',
                             {'category': 'listed_industry',
                              'credit_rating': 'A',
                              'end_credits': ['80000'],
                              'industry_sales_share': '60%',
                              'listed_input_tax': '500',
                              'months': ['2025-08'],
                              'total_input_tax': '1000'}),
    'not_open': ('2019-03-15',
                 {'category': 'general',
                  'credit_rating': 'A',
                  'end_credits': ['5'],
                  'listed_input_tax': '1',
                  'months': ['2019-02'],
                  'total_input_tax': '1'}),
    'real_estate_2025': ('2025-12-15',
                         {'category': 'real_estate',
                          'credit_rating': 'B',
                          'end_credits': ['2000000', '2000000', '2000000', '2000000', '2000000', '2600000'],
                          'industry_sales_share': '51%',
                          'listed_input_tax': '900',
                          'months': ['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11'],
                          'prior_year_end_credit': '2000000',
                          'total_input_tax': '1000'}),
    'small_micro_2022_after_stock': ('2022-06-20',
                                     {'base_credit': '200000',
                                      'category': 'small_micro',
                                      'credit_rating': 'A',
                                      'end_credits': ['500000'],
                                      'listed_input_tax': '1000',
                                      'months': ['2022-05'],
                                      'size': 'micro',
                                      'stock_refunded': True,
                                      'total_input_tax': '1000'}),
    'small_micro_2022_stock': ('2022-05-20',
                               {'base_credit': '200000',
                                'category': 'small_micro',
                                'credit_rating': 'A',
                                'end_credits': ['500000'],
                                'listed_input_tax': '700',
                                'months': ['2022-04'],
                                'size': 'small',
                                'toll_road_input_tax': '100',
                                'total_input_tax': '1000'}),
}
# the fields of the result compared, each case with its golden value
FIELDS = (
    'applied_on', 'category', 'credit_after_refund', 'eligible', 'end_credit', 'in_force', 'increment',
    'ratio', 'reasons', 'refund', 'stock',
)
GOLDEN = Golden("vat_excess_credit_refund", CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    day, kwargs = CASES[case]
    r = excess_credit_refund(day, **kwargs, law=default().with_values({}))
    GOLDEN.check(case, fields=fields(r, FIELDS), steps=rows(r.steps))


BASE = dict(category="general", credit_rating="A", months=["2019-04", "2019-05"], end_credits=["1", "2"],
            listed_input_tax="1", total_input_tax="1")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"months": "2019-04"}, "months: must be a list of the tax periods before the application, oldest first"),
        ({"months": []}, "months: must be a list of the tax periods before the application, oldest first"),
        ({"end_credits": "1"}, "end_credits: must be a list of the end credit of each month"),
        ({"end_credits": ["1"]}, "end_credits: has 1 amounts for 2 months"),
        ({"months": ["2019-05", "2019-05"]}, "months[1]: 2019-05 does not come after 2019-05: give the months "
         "oldest first, each once"),
        ({"months": ["2019-04", "2019-10"]}, "months[1]: 2019-10 is not before the month of the application "
         "(2019-10)"),
        ({"months": ["2019-04", "2019-13"]}, "months[1]: "),
        ({"end_credits": ["1", "-1"]}, "end_credits[1]: "),
        ({"listed_input_tax": "-1"}, "listed_input_tax: "),
        ({"toll_road_input_tax": "-1"}, "toll_road_input_tax: "),
        ({"total_input_tax": "-1"}, "total_input_tax: "),
        ({"base_credit": "-1"}, "base_credit: "),
        ({"prior_year_end_credit": "-1"}, "prior_year_end_credit: "),
        ({"industry_sales_share": "-1%"}, "industry_sales_share: "),
        ({"stock_refunded": "no"}, "stock_refunded: "),
        ({"excluded": 0}, "excluded: "),
    ],
)
def test_a_refusal_names_the_field_and_says_why(change, message):
    with pytest.raises(InvalidInput) as info:
        excess_credit_refund("2019-10-15", **{**BASE, **change})
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(("change", "field"), [({"category": "retail"}, "category"),
                                               ({"credit_rating": "AA"}, "credit_rating"),
                                               ({"size": "huge"}, "size")])
def test_an_unknown_choice_names_its_field(change, field):
    with pytest.raises(UnknownCategory) as info:
        excess_credit_refund("2019-10-15", **{**BASE, **change})
    assert str(info.value).startswith(f"{field}: unknown value")


def test_the_last_month_may_be_the_month_before_the_application():
    r = excess_credit_refund("2019-06-01", **BASE)
    assert r.applied_on == datetime.date(2019, 6, 1) and r.end_credit == Decimal("2")


def test_a_bad_application_day_is_refused_naming_it():
    with pytest.raises(InvalidInput) as info:
        excess_credit_refund("2019-02-30", **BASE)
    assert str(info.value).startswith("applied_on: ")


@pytest.mark.parametrize(
    ("day", "change", "message"),
    [
        ("2020-03-10", {"category": "advanced_manufacturing"},
         "industry_sales_share: the share of sales in the listed industries is needed for a listed advanced "
         "manufacturer"),
        ("2022-05-20", {"category": "small_micro", "months": ["2022-04"], "end_credits": ["1"]},
         "size: the enterprise's size (micro, small, medium or large) is needed for a small or micro enterprise"),
        ("2025-10-15", {"months": ["2025-09"], "end_credits": ["1"]},
         "prior_year_end_credit: the end credit of 12-31 of the year before is needed from the 2025-09 filing "
         "period"),
    ],
)
def test_a_missing_fact_is_asked_for(day, change, message):
    with pytest.raises(InvalidInput) as info:
        excess_credit_refund(day, **{**BASE, "months": ["2020-02"], "end_credits": ["1"], **change})
    assert str(info.value) == message


@pytest.mark.parametrize(("end_credit", "eligible"), [("100000", False), ("100000.50", True)])
def test_the_2019_advanced_manufacturing_increment_must_be_above_zero(end_credit, eligible):
    r = excess_credit_refund("2020-03-10", category="advanced_manufacturing", credit_rating="A",
                             months=["2020-02"], end_credits=[end_credit], base_credit="100000",
                             industry_sales_share="60%", listed_input_tax="1", total_input_tax="1")
    assert r.eligible is eligible
    assert r.refund == (Decimal("0.50") if eligible else Decimal("0.00"))


def test_a_gap_between_the_first_two_months_breaks_the_six():
    r = excess_credit_refund("2019-11-15", **{**BASE, "months": ["2019-04", "2019-06", "2019-07", "2019-08",
                                                                 "2019-09", "2019-10"],
                                             "end_credits": ["2000000"] * 6, "base_credit": "0"})
    assert r.eligible is False and "not 6 consecutive months" in r.reasons[0]
