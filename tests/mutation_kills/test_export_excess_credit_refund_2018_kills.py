"""The 2018 refund of excess input credits (财税〔2018〕70号): the whole result and every
step (label, value, formula, citation) of the main paths — the worked example (capped
by the 2017 balance, provincial quota), a grid company registered in 2016 (ratio over
the operating period, no quota), a taxpayer refused on industry and rating with no
input VAT, a day after the measure ended — then the boundaries and refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from kill_helpers import rows

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.export import excess_credit_refund_2018
from taxcalc.law import default

EXPECTED = {
    'doc_example': (
        {'applied_on': '2018-08-01',
         'credit_rating': 'A',
         'end_2017_credit': '1000000',
         'industry': '专用设备制造业',
         'listed_input_tax': '8000000',
         'prior_period_end_credit': '1500000',
         'registered_on': '2010-03-01',
         'total_input_tax': '10000000'},
        {'cap': Decimal('1000000'),
         'eligible': True,
         'quota_applies': True,
         'ratio': Decimal('0.8'),
         'reasons': (),
         'refund': Decimal('1000000.00'),
         'refundable': Decimal('1200000.00')},
        [('industry',
          '所属行业在《2018年退还增值税期末留抵税额行业目录》内',
          'industry in the annex of 18 divisions',
          True,
          'bool',
          '专用设备制造业',
          '',
          ('财税〔2018〕70号 第一条第（一）项、附件',),
          ''),
         ('credit_rating',
          '纳税信用等级为A级或B级',
          'tax credit rating A or B',
          True,
          'bool',
          'A',
          '',
          ('财税〔2018〕70号 第二条',),
          ''),
         ('ratio',
          '退还比例（2015年、2016年、2017年已抵扣的专用发票、海关进口增值税专用缴款书、解缴税款完税凭证注明的增值税额占全部已抵扣进项税额的比重）',
          'refund ratio over 2015, 2016, 2017 (listed vouchers ÷ all deducted input VAT)',
          Decimal('0.8'),
          'rate',
          '8000000 ÷ 10000000',
          '',
          ('财税〔2018〕70号 第三条第（一）项第1目',),
          ''),
         ('refundable',
          '可退还的期末留抵税额',
          'refundable excess credit',
          Decimal('1200000.00'),
          'yuan',
          '1500000 × 0.8',
          '',
          ('财税〔2018〕70号 第三条第（一）项',),
          ''),
         ('cap',
          '上限：2017年底期末留抵税额',
          'cap: excess credit at the end of 2017',
          Decimal('1000000'),
          'yuan',
          '',
          '',
          ('财税〔2018〕70号 第三条第（二）项',),
          ''),
         ('refund',
          '当期退还的期末留抵税额',
          'excess credit refunded',
          Decimal('1000000.00'),
          'yuan',
          'min(1200000.00, 1000000)',
          '',
          ('财税〔2018〕70号 第三条第（二）项',),
          ''),
         ('quota',
          '省级退还规模由财政部和税务总局另行通知：上述金额为上限',
          'provincial quota set separately: the amount is an upper bound',
          True,
          'bool',
          '',
          '',
          ('财税〔2018〕70号 第四条第（一）项',),
          '')],
    ),
    'grid_registered_2016': (
        {'applied_on': '2018-06-27',
         'credit_rating': 'B',
         'end_2017_credit': '5000',
         'grid_company': True,
         'listed_input_tax': '1000.01',
         'prior_period_end_credit': '999.99',
         'registered_on': '2016-05-01',
         'total_input_tax': '3000'},
        {'cap': Decimal('5000'),
         'eligible': True,
         'quota_applies': False,
         'ratio': Decimal('0.33333666666666666666666666666666666666666666666667'),
         'reasons': (),
         'refund': Decimal('333.33'),
         'refundable': Decimal('333.33')},
        [('grid',
          '取得电力业务许可证（输电类、供电类）的电网企业',
          'grid company with a transmission or supply licence',
          True,
          'bool',
          '',
          '',
          ('财税〔2018〕70号 第一条第（二）项',),
          ''),
         ('credit_rating',
          '纳税信用等级为A级或B级',
          'tax credit rating A or B',
          True,
          'bool',
          'B',
          '',
          ('财税〔2018〕70号 第二条',),
          ''),
         ('ratio',
          '退还比例（实际经营期间已抵扣的专用发票、海关进口增值税专用缴款书、解缴税款完税凭证注明的增值税额占全部已抵扣进项税额的比重）',
          'refund ratio over the actual operating period (listed vouchers ÷ all deducted input VAT)',
          Decimal('0.33333666666666666666666666666666666666666666666667'),
          'rate',
          '1000.01 ÷ 3000',
          '',
          ('财税〔2018〕70号 第三条第（一）项第2目',),
          ''),
         ('refundable',
          '可退还的期末留抵税额',
          'refundable excess credit',
          Decimal('333.33'),
          'yuan',
          '999.99 × 0.33333666666666666666666666666666666666666666666667',
          '',
          ('财税〔2018〕70号 第三条第（一）项',),
          ''),
         ('cap',
          '上限：2017年底期末留抵税额',
          'cap: excess credit at the end of 2017',
          Decimal('5000'),
          'yuan',
          '',
          '',
          ('财税〔2018〕70号 第三条第（二）项',),
          ''),
         ('refund',
          '当期退还的期末留抵税额',
          'excess credit refunded',
          Decimal('333.33'),
          'yuan',
          'min(333.33, 5000)',
          '',
          ('财税〔2018〕70号 第三条第（二）项',),
          '')],
    ),
    'refused_twice': (
        {'applied_on': '2018-09-30',
         'credit_rating': 'C',
         'end_2017_credit': '100',
         'industry': ' 餐饮业 ',
         'listed_input_tax': '0',
         'prior_period_end_credit': '100',
         'registered_on': '2014-12-31',
         'total_input_tax': '0'},
        {'cap': Decimal('100'),
         'eligible': False,
         'quota_applies': False,
         'ratio': Decimal('0'),
         'reasons': ("industry ' 餐饮业 ' is not one of the 18 divisions of the annex", 'credit rating C is not A or B'),
         'refund': Decimal('0'),
         'refundable': Decimal('0.00')},
        [('industry',
          '所属行业在《2018年退还增值税期末留抵税额行业目录》内',
          'industry in the annex of 18 divisions',
          False,
          'bool',
          ' 餐饮业 ',
          '',
          ('财税〔2018〕70号 第一条第（一）项、附件',),
          ''),
         ('credit_rating',
          '纳税信用等级为A级或B级',
          'tax credit rating A or B',
          False,
          'bool',
          'C',
          '',
          ('财税〔2018〕70号 第二条',),
          ''),
         ('ratio',
          '退还比例（2015年、2016年、2017年已抵扣的专用发票、海关进口增值税专用缴款书、解缴税款完税凭证注明的增值税额占全部已抵扣进项税额的比重）',
          'refund ratio over 2015, 2016, 2017 (listed vouchers ÷ all deducted input VAT)',
          Decimal('0'),
          'rate',
          'no deducted input VAT: 0',
          '无已抵扣进项税额：0',
          ('财税〔2018〕70号 第三条第（一）项第1目',),
          ''),
         ('refundable',
          '可退还的期末留抵税额',
          'refundable excess credit',
          Decimal('0.00'),
          'yuan',
          '100 × 0',
          '',
          ('财税〔2018〕70号 第三条第（一）项',),
          ''),
         ('cap',
          '上限：2017年底期末留抵税额',
          'cap: excess credit at the end of 2017',
          Decimal('100'),
          'yuan',
          '',
          '',
          ('财税〔2018〕70号 第三条第（二）项',),
          ''),
         ('refund',
          '当期退还的期末留抵税额',
          'excess credit refunded',
          Decimal('0'),
          'yuan',
          "not eligible: industry ' 餐饮业 ' is not one of the 18 divisions of the annex; credit rating C is not A or B",
          '不符合条件：行业“ 餐饮业 ”不在附件所列18个大类内；纳税信用等级C级不是A级或B级',
          ('财税〔2018〕70号 第三条第（二）项',),
          '')],
    ),
    'after_the_end': (
        {'applied_on': '2018-10-01',
         'credit_rating': 'A',
         'end_2017_credit': '1',
         'industry': '专用设备制造业',
         'listed_input_tax': '1',
         'prior_period_end_credit': '1',
         'registered_on': '2010-03-01',
         'total_input_tax': '1'},
        {'cap': Decimal('1'),
         'eligible': False,
         'quota_applies': False,
         'ratio': Decimal('0'),
         'reasons': ('not in force on 2018-10-01: a one-off measure: every refund under 财税〔2018〕70号 had to be made '
                     'by 2018-09-30 (第四条（二）); no later notice reopened it (later refunds of excess credit follow '
                     '2019年第39号 and its successors)',),
         'refund': Decimal('0.00'),
         'refundable': Decimal('0.00')},
        [('in_force',
          '财税〔2018〕70号在2018-10-01施行（一次性政策：财税〔2018〕70号规定的退税须于2018-09-30前办理完毕（第四条（二））；'
          '此后没有文件重新实行该政策（此后的留抵退税按2019年第39号及其后续公告办理））',
          '财税〔2018〕70号 in force on 2018-10-01 (a one-off measure: every refund under 财税〔2018〕70号 had to be made by '
          '2018-09-30 (第四条（二）); no later notice reopened it (later refunds of excess credit follow 2019年第39号 and its '
          'successors))',
          False,
          'bool',
          '',
          '',
          ('财税〔2018〕70号 第四条第（二）项',),
          '')],
    ),
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_the_result_and_every_step(case):
    kwargs, fields, steps = EXPECTED[case]
    r = excess_credit_refund_2018(**kwargs, law=default().with_values({}))
    assert {f: getattr(r, f) for f in fields} == fields
    assert rows(r.steps) == steps


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
