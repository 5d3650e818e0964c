"""Re-registration as small-scale: every step (label, value, unit, formula, citation) of
the main paths — the last 12 of 13 months, a young business estimated from its
average, a pilot-registered taxpayer in 2018, a taxpayer that returned to general, a
closed window, the check after re-registration with and without a breach, by month
and by quarter — then the windows' reasons, the scope, the bar and the fields each
refusal names."""

from __future__ import annotations

import datetime
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from kill_helpers import rows

import taxcalc.law
from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.law import Law, default
from taxcalc.vat import may_reregister, reregistered_sales_check

P = Decimal

# Reviewed against 国家税务总局公告2018年第18号 第一条、第八条, 2019年第4号 第五条 and 财税〔2018〕33号 第一条.
CASES = {
    'twelve_of_thirteen': (
        lambda: may_reregister(['400000'] * 13, '2018-10-15'),
        {'annual_sales': Decimal('4800000'),
         'cap': Decimal('5000000'),
         'eligible': True,
         'estimated': False,
         'on': datetime.date(2018, 10, 15),
         'period': 'month',
         'periods_counted': 12},
        [('scope',
          '转登记：可以转登记的一般纳税人范围（regulations：按增值税暂行条例第十三条和实施细则第二十八条登记的；any：所有一般纳税人）',
          'Re-registration: which general taxpayers may re-register (regulations: those registered under art. 13 of '
          'the regulations and art. 28 of the detailed rules; any: every general taxpayer)',
          'regulations',
          '',
          '',
          '',
          ('国家税务总局公告2018年第18号 第一条第（一）项',),
          ''),
         ('lookback',
          '转登记：按月纳税的，转登记日前连续计算的纳税期数（月）',
          'Re-registration: number of monthly tax periods before the re-registration day that are summed',
          12,
          'count',
          '',
          '',
          ('国家税务总局公告2018年第18号 第一条第（二）项',),
          ''),
         ('sales_counted',
          '转登记日前12个月累计应税销售额',
          'taxable sales of the 12 months before the re-registration day',
          Decimal('4800000'),
          'yuan',
          'SUM(sales_by_period[-12:])',
          '最近12个月应税销售额合计',
          (),
          ''),
         ('cap',
          '转登记：转登记日前连续12个月或者连续4个季度累计应税销售额上限（未超过）',
          'Re-registration as small-scale: cap on taxable sales over the 12 months or 4 quarters before the '
          're-registration day (inclusive)',
          Decimal('5000000'),
          'yuan',
          '',
          '',
          ('国家税务总局公告2018年第18号 第一条第（二）项',),
          ''),
         ('eligible',
          '可以转登记为小规模纳税人',
          'may re-register as small-scale',
          True,
          'bool',
          'in scope and annual_sales ≤ cap',
          '属于转登记范围且累计应税销售额 ≤ 上限',
          (),
          '')],
    ),
    'young': (
        lambda: may_reregister(['450000', '420000', '380000'], '2019-03-01'),
        {'annual_sales': Decimal('5000000.00'),
         'cap': Decimal('5000000'),
         'eligible': True,
         'estimated': True,
         'on': datetime.date(2019, 3, 1),
         'period': 'month',
         'periods_counted': 3},
        [('scope',
          '转登记：可以转登记的一般纳税人范围（regulations：按增值税暂行条例第十三条和实施细则第二十八条登记的；any：所有一般纳税人）',
          'Re-registration: which general taxpayers may re-register (regulations: those registered under art. 13 of '
          'the regulations and art. 28 of the detailed rules; any: every general taxpayer)',
          'any',
          '',
          '',
          '',
          ('国家税务总局公告2019年第4号 第五条',),
          ''),
         ('lookback',
          '转登记：按月纳税的，转登记日前连续计算的纳税期数（月）',
          'Re-registration: number of monthly tax periods before the re-registration day that are summed',
          12,
          'count',
          '',
          '',
          ('国家税务总局公告2019年第4号 第五条',),
          ''),
         ('sales_counted',
          '转登记日前3个月累计应税销售额',
          'taxable sales of the 3 months before the re-registration day',
          Decimal('1250000'),
          'yuan',
          'SUM(sales_by_period)',
          '最近3个月应税销售额合计',
          (),
          ''),
         ('annual_sales',
          '按平均应税销售额估算的累计应税销售额',
          'estimated from the average (fewer than 12 periods)',
          Decimal('5000000.00'),
          'yuan',
          'sales_counted ÷ 3 × 12',
          '累计应税销售额 ÷ 3 × 12',
          ('国家税务总局公告2019年第4号 第五条',),
          ''),
         ('cap',
          '转登记：转登记日前连续12个月或者连续4个季度累计应税销售额上限（未超过）',
          'Re-registration as small-scale: cap on taxable sales over the 12 months or 4 quarters before the '
          're-registration day (inclusive)',
          Decimal('5000000'),
          'yuan',
          '',
          '',
          ('国家税务总局公告2019年第4号 第五条',),
          ''),
         ('eligible',
          '可以转登记为小规模纳税人',
          'may re-register as small-scale',
          True,
          'bool',
          'in scope and annual_sales ≤ cap',
          '属于转登记范围且累计应税销售额 ≤ 上限',
          (),
          '')],
    ),
    'pilot_2018': (
        lambda: may_reregister(['100000'] * 4, '2018-10-15', period='quarter', registered_under='pilot'),
        {'annual_sales': Decimal('400000'),
         'cap': Decimal('5000000'),
         'eligible': False,
         'estimated': False,
         'on': datetime.date(2018, 10, 15),
         'period': 'quarter',
         'periods_counted': 4},
        [('scope',
          '转登记：可以转登记的一般纳税人范围（regulations：按增值税暂行条例第十三条和实施细则第二十八条登记的；any：所有一般纳税人）',
          'Re-registration: which general taxpayers may re-register (regulations: those registered under art. 13 of '
          'the regulations and art. 28 of the detailed rules; any: every general taxpayer)',
          'regulations',
          '',
          '',
          '',
          ('国家税务总局公告2018年第18号 第一条第（一）项',),
          ''),
         ('in_scope',
          '属于可以转登记的一般纳税人',
          'a general taxpayer allowed to re-register',
          False,
          'bool',
          'registered_under = pilot',
          '按营改增试点规定登记',
          (),
          ''),
         ('lookback',
          '转登记：按季纳税的，转登记日前连续计算的纳税期数（季度）',
          'Re-registration: number of quarterly tax periods before the re-registration day that are summed',
          4,
          'count',
          '',
          '',
          ('国家税务总局公告2018年第18号 第一条第（二）项',),
          ''),
         ('sales_counted',
          '转登记日前4个季度累计应税销售额',
          'taxable sales of the 4 quarters before the re-registration day',
          Decimal('400000'),
          'yuan',
          'SUM(sales_by_period)',
          '最近4个季度应税销售额合计',
          (),
          ''),
         ('cap',
          '转登记：转登记日前连续12个月或者连续4个季度累计应税销售额上限（未超过）',
          'Re-registration as small-scale: cap on taxable sales over the 12 months or 4 quarters before the '
          're-registration day (inclusive)',
          Decimal('5000000'),
          'yuan',
          '',
          '',
          ('国家税务总局公告2018年第18号 第一条第（二）项',),
          ''),
         ('eligible',
          '可以转登记为小规模纳税人',
          'may re-register as small-scale',
          False,
          'bool',
          'not in scope',
          '不属于转登记范围',
          (),
          '')],
    ),
    'again': (
        lambda: may_reregister(['100000'] * 12, '2019-03-01', previously_reregistered=True),
        {'annual_sales': Decimal('1200000'),
         'cap': Decimal('5000000'),
         'eligible': False,
         'estimated': False,
         'on': datetime.date(2019, 3, 1),
         'period': 'month',
         'periods_counted': 12},
        [('scope',
          '转登记：可以转登记的一般纳税人范围（regulations：按增值税暂行条例第十三条和实施细则第二十八条登记的；any：所有一般纳税人）',
          'Re-registration: which general taxpayers may re-register (regulations: those registered under art. 13 of '
          'the regulations and art. 28 of the detailed rules; any: every general taxpayer)',
          'any',
          '',
          '',
          '',
          ('国家税务总局公告2019年第4号 第五条',),
          ''),
         ('once_only',
          '转登记纳税人再次登记为一般纳税人后，不得再转登记为小规模纳税人',
          'A re-registered taxpayer that registers as general again may not re-register as small-scale again',
          True,
          'bool',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第二款',),
          ''),
         ('not_again',
          '未曾转登记后再次登记为一般纳税人',
          'has not re-registered before and returned to general registration',
          False,
          'bool',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第二款',),
          ''),
         ('lookback',
          '转登记：按月纳税的，转登记日前连续计算的纳税期数（月）',
          'Re-registration: number of monthly tax periods before the re-registration day that are summed',
          12,
          'count',
          '',
          '',
          ('国家税务总局公告2019年第4号 第五条',),
          ''),
         ('sales_counted',
          '转登记日前12个月累计应税销售额',
          'taxable sales of the 12 months before the re-registration day',
          Decimal('1200000'),
          'yuan',
          'SUM(sales_by_period)',
          '最近12个月应税销售额合计',
          (),
          ''),
         ('cap',
          '转登记：转登记日前连续12个月或者连续4个季度累计应税销售额上限（未超过）',
          'Re-registration as small-scale: cap on taxable sales over the 12 months or 4 quarters before the '
          're-registration day (inclusive)',
          Decimal('5000000'),
          'yuan',
          '',
          '',
          ('国家税务总局公告2019年第4号 第五条',),
          ''),
         ('eligible',
          '可以转登记为小规模纳税人',
          'may re-register as small-scale',
          False,
          'bool',
          're-registered before',
          '曾转登记后再次登记为一般纳税人',
          (),
          '')],
    ),
    'closed': (
        lambda: may_reregister(['100000'] * 4, '2020-03-01', period='quarter'),
        {'annual_sales': None,
         'cap': None,
         'eligible': False,
         'estimated': False,
         'on': datetime.date(2020, 3, 1),
         'period': 'quarter',
         'periods_counted': 0},
        [('window_open',
          '转登记窗口开放（转登记期限未开放：2019年的转登记期限已于2019-12-31届满，国家税务总局公告2020年第9号自2020-05-01起施行）',
          're-registration window open (no re-registration window was open: the 2019 window closed on 2019-12-31 and '
          '国家税务总局公告2020年第9号 applies from 2020-05-01)',
          False,
          'bool',
          '',
          '',
          (),
          '')],
    ),
    'breach': (
        lambda: reregistered_sales_check(['1000000'] * 6, '2018-06-15'),
        {'breach_period': 6,
         'breach_period_start': datetime.date(2018, 12, 1),
         'cumulative_sales': Decimal('6000000'),
         'must_register': True,
         'period': 'month',
         'periods_tested': 6,
         'reregistered_on': datetime.date(2018, 6, 15),
         'standard': Decimal('5000000'),
         'window_first_day': datetime.date(2018, 7, 1),
         'window_periods': 12},
        [('reregistered_on',
          '转登记日',
          're-registration day',
          datetime.date(2018, 6, 15),
          'date',
          '',
          '',
          ('国家税务总局公告2018年第18号 第一条第（二）项',),
          ''),
         ('window_periods',
          '转登记后：自转登记日的下期起监控的经营期（月，连续不超过12个月）',
          'After re-registration: the operating months, from the period after the re-registration day, in which '
          'sales above the small-scale standard require general registration',
          12,
          'count',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第一款',),
          ''),
         ('window_first_day',
          '监控期自转登记日的下期起',
          'the window starts with the period after the re-registration day',
          datetime.date(2018, 7, 1),
          'date',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第一款',),
          ''),
         ('limit',
          '小规模纳税人标准：从事货物生产或者提供加工修理修配劳务的纳税人（年应征增值税销售额）',
          'Small-scale standard: producers of goods and providers of processing/repair services (annual taxable '
          'sales)',
          Decimal('5000000'),
          'yuan',
          '',
          '',
          ('财税〔2018〕33号 第一条',),
          ''),
         ('cumulative_sales',
          '自转登记日的下期起6个月累计应税销售额',
          'taxable sales of the first 6 months after the re-registration day',
          Decimal('6000000'),
          'yuan',
          'SUM(sales_by_period[:6])',
          '前6个月应税销售额合计',
          (),
          ''),
         ('must_register',
          '应当办理一般纳税人登记',
          'must register as a general taxpayer',
          True,
          'bool',
          'cumulative_sales > standard (in month 6)',
          '至第6个月累计应税销售额 > 小规模纳税人标准',
          ('国家税务总局公告2018年第18号 第八条第一款',),
          ''),
         ('may_reregister_again',
          '再次登记为一般纳税人后可以再转登记',
          'may re-register as small-scale again after registering as general',
          False,
          'bool',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第二款',),
          '')],
    ),
    'no_breach': (
        lambda: reregistered_sales_check(['1000000'] * 5, '2018-06-15'),
        {'breach_period': None,
         'breach_period_start': None,
         'cumulative_sales': Decimal('5000000'),
         'must_register': False,
         'period': 'month',
         'periods_tested': 5,
         'reregistered_on': datetime.date(2018, 6, 15),
         'standard': Decimal('5000000'),
         'window_first_day': datetime.date(2018, 7, 1),
         'window_periods': 12},
        [('reregistered_on',
          '转登记日',
          're-registration day',
          datetime.date(2018, 6, 15),
          'date',
          '',
          '',
          ('国家税务总局公告2018年第18号 第一条第（二）项',),
          ''),
         ('window_periods',
          '转登记后：自转登记日的下期起监控的经营期（月，连续不超过12个月）',
          'After re-registration: the operating months, from the period after the re-registration day, in which '
          'sales above the small-scale standard require general registration',
          12,
          'count',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第一款',),
          ''),
         ('window_first_day',
          '监控期自转登记日的下期起',
          'the window starts with the period after the re-registration day',
          datetime.date(2018, 7, 1),
          'date',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第一款',),
          ''),
         ('limit',
          '小规模纳税人标准：从事货物生产或者提供加工修理修配劳务的纳税人（年应征增值税销售额）',
          'Small-scale standard: producers of goods and providers of processing/repair services (annual taxable '
          'sales)',
          Decimal('5000000'),
          'yuan',
          '',
          '',
          ('财税〔2018〕33号 第一条',),
          ''),
         ('cumulative_sales',
          '自转登记日的下期起5个月累计应税销售额',
          'taxable sales of the first 5 months after the re-registration day',
          Decimal('5000000'),
          'yuan',
          'SUM(sales_by_period[:5])',
          '前5个月应税销售额合计',
          (),
          ''),
         ('must_register',
          '应当办理一般纳税人登记',
          'must register as a general taxpayer',
          False,
          'bool',
          'cumulative_sales ≤ standard in the 5 months tested',
          '已检验的5个月累计应税销售额均未超过标准',
          ('国家税务总局公告2018年第18号 第八条第一款',),
          '')],
    ),
    'quarters': (
        lambda: reregistered_sales_check(['2000000'] * 3, '2018-06-15', period='quarter', sector='services'),
        {'breach_period': 3,
         'breach_period_start': datetime.date(2019, 1, 1),
         'cumulative_sales': Decimal('6000000'),
         'must_register': True,
         'period': 'quarter',
         'periods_tested': 3,
         'reregistered_on': datetime.date(2018, 6, 15),
         'standard': Decimal('5000000'),
         'window_first_day': datetime.date(2018, 7, 1),
         'window_periods': 4},
        [('reregistered_on',
          '转登记日',
          're-registration day',
          datetime.date(2018, 6, 15),
          'date',
          '',
          '',
          ('国家税务总局公告2018年第18号 第一条第（二）项',),
          ''),
         ('window_periods',
          '转登记后：自转登记日的下期起监控的经营期（季度，连续不超过4个季度）',
          'After re-registration: the operating quarters, from the period after the re-registration day, in which '
          'sales above the small-scale standard require general registration',
          4,
          'count',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第一款',),
          ''),
         ('window_first_day',
          '监控期自转登记日的下期起',
          'the window starts with the period after the re-registration day',
          datetime.date(2018, 7, 1),
          'date',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第一款',),
          ''),
         ('limit',
          '小规模纳税人标准：营改增应税行为（销售服务、无形资产、不动产）（年应税销售额）',
          'Small-scale standard: taxpayers in the services, intangibles and immovables brought into VAT (营改增) '
          '(annual taxable sales)',
          Decimal('5000000'),
          'yuan',
          '',
          '',
          ('财税〔2018〕33号 第一条',),
          ''),
         ('cumulative_sales',
          '自转登记日的下期起3个季度累计应税销售额',
          'taxable sales of the first 3 quarters after the re-registration day',
          Decimal('6000000'),
          'yuan',
          'SUM(sales_by_period[:3])',
          '前3个季度应税销售额合计',
          (),
          ''),
         ('must_register',
          '应当办理一般纳税人登记',
          'must register as a general taxpayer',
          True,
          'bool',
          'cumulative_sales > standard (in quarter 3)',
          '至第3个季度累计应税销售额 > 小规模纳税人标准',
          ('国家税务总局公告2018年第18号 第八条第一款',),
          ''),
         ('may_reregister_again',
          '再次登记为一般纳税人后可以再转登记',
          'may re-register as small-scale again after registering as general',
          False,
          'bool',
          '',
          '',
          ('国家税务总局公告2018年第18号 第八条第二款',),
          '')],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    call, fields, steps = CASES[case]
    result = call()
    assert {f: getattr(result, f) for f in fields} == fields
    assert rows(result.steps) == steps


FIRST_GAP = ("no re-registration window was open: the 2019 window closed on 2019-12-31 and "
             "国家税务总局公告2020年第9号 applies from 2020-05-01")
SECOND_GAP = ("no re-registration window has been open since the window of 国家税务总局公告2020年第9号 "
              "closed on 2020-12-31; no later notice reopened one")


@pytest.mark.parametrize(("day", "reason"), [("2020-01-01", FIRST_GAP), ("2020-04-30", FIRST_GAP),
                                             ("2021-01-01", SECOND_GAP), ("2030-06-30", SECOND_GAP)])
def test_a_closed_window_gives_the_reason_of_that_day(day, reason):
    r = may_reregister(["1"], day)
    assert [(s.name, s.en, s.value) for s in r.steps] == [
        ("window_open", f"re-registration window open ({reason})", False)]


def test_from_2019_any_general_taxpayer_is_in_scope():
    r = may_reregister(["100000"] * 4, "2019-03-01", period="quarter", registered_under="pilot")
    assert r.eligible is True and "in_scope" not in [s.name for s in r.steps]


def test_the_bar_on_re_registering_again_follows_the_law_given():
    lifted = default().with_values({"vat.reregistration.once_only": False})
    r = may_reregister(["100000"] * 12, "2019-03-01", previously_reregistered=True, law=lifted)
    assert r.eligible is True
    assert [(s.name, s.value) for s in r.steps if s.name in ("once_only", "not_again")] == [("once_only", False)]
    c = reregistered_sales_check(["6000000"], "2019-03-15", law=lifted)
    assert (c.must_register, c.steps[-1].name, c.steps[-1].value) == (True, "may_reregister_again", True)


def test_the_cap_and_periods_come_from_the_law_given():
    what_if = default().with_values({"vat.reregistration.sales_cap": "1000000",
                                     "vat.reregistration.lookback_months": 6,
                                     "vat.reregistration.monitoring_months": 2})
    r = may_reregister(["100000"] * 12, "2019-03-01", law=what_if)
    assert (r.periods_counted, r.annual_sales, r.cap, r.eligible) == (6, P("600000"), P("1000000"), True)
    c = reregistered_sales_check(["2000000"] * 4, "2019-03-15", law=what_if)
    assert (c.window_periods, c.periods_tested, c.must_register) == (2, 2, False)


def test_the_window_after_re_registration_counts_from_the_next_period():
    c = reregistered_sales_check(["5000000", "0.01"], "2019-12-31", period="quarter")
    assert (c.window_first_day, c.breach_period, c.breach_period_start) == (
        datetime.date(2020, 1, 1), 2, datetime.date(2020, 4, 1))
    first = reregistered_sales_check(["5000000.01"], "2019-12-31")
    assert (first.breach_period, first.breach_period_start, first.cumulative_sales) == (
        1, datetime.date(2020, 1, 1), P("5000000.01"))


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: may_reregister("400000", "2019-03-01"), "sales_by_period"),
        (lambda: may_reregister([], "2019-03-01"), "sales_by_period"),
        (lambda: may_reregister(["1", "-1"], "2019-03-01"), "sales_by_period[1]"),
        (lambda: may_reregister(["1"], "2019-02-30"), "on"),
        (lambda: may_reregister(["1"], "2019-03-01", previously_reregistered="no"), "previously_reregistered"),
        (lambda: reregistered_sales_check(["1"], "2019-02-30"), "reregistered_on"),
        (lambda: reregistered_sales_check(("1", "x"), "2019-03-01"), "sales_by_period[1]"),
    ],
)
def test_each_refusal_names_its_field(call, field):
    with pytest.raises(InvalidInput) as info:
        call()
    assert str(info.value).startswith(f"{field}: ")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: may_reregister(["1"], "2019-03-01", period="year"), "period"),
        (lambda: may_reregister(["1"], "2019-03-01", registered_under="other"), "registered_under"),
        (lambda: reregistered_sales_check(["1"], "2019-03-01", period="year"), "period"),
        (lambda: reregistered_sales_check(["1"], "2019-03-01", sector="retail"), "sector"),
    ],
)
def test_an_unknown_choice_names_its_field(call, field):
    with pytest.raises(UnknownCategory) as info:
        call()
    assert str(info.value).startswith(f"{field}: unknown value")


def test_the_refusals_of_the_sales_list_say_what_is_wrong():
    with pytest.raises(InvalidInput) as info:
        may_reregister("400000", "2019-03-01")
    assert str(info.value) == "sales_by_period: must be a list of the sales of each period, oldest first"
    with pytest.raises(InvalidInput) as info:
        reregistered_sales_check([], "2019-03-01")
    assert str(info.value) == "sales_by_period: needs the sales of at least one period"


SPLIT = '''[["vat.small_scale.standard.production".values]]
from = 2018-05-01
to = 2018-08-31
value = "5000000"
doc = "财税〔2018〕33号"
article = "第一条"

[["vat.small_scale.standard.production".values]]
from = 2018-09-01
to = 2025-12-31
value = "6000000"
doc = "财税〔2018〕33号"
article = "第二条"
'''


@pytest.fixture(scope="module")
def standard_raised(tmp_path_factory):
    """The package's law with the producers' standard raised to 600万 from 2018-09-01 (a test law)."""
    root = tmp_path_factory.mktemp("law") / "data"
    shutil.copytree(Path(taxcalc.law.__file__).parent / "data", root)
    path = root / "vat" / "small_scale.toml"
    text = path.read_text("utf-8")
    old = re.search(r'\[\["vat\.small_scale\.standard\.production"\.values\]\]\nfrom = 2018-05-01\n.*?\n\n',
                    text, re.S)
    assert old is not None
    path.write_text(text.replace(old.group(0), SPLIT + "\n"), "utf-8")
    return Law.load(root)


def test_each_period_is_tested_against_the_standard_of_its_first_day(standard_raised):
    # July and August at 500万: 550万 by August is a breach
    c = reregistered_sales_check(["1000000", "4500000"], "2018-06-15", law=standard_raised)
    assert (c.breach_period, c.standard) == (2, P("5000000"))
    # August at 500万, then 600万: 550万 by October is within it
    c = reregistered_sales_check(["1000000", "1000000", "3500000"], "2018-07-15", law=standard_raised)
    assert (c.must_register, c.standard, c.cumulative_sales) == (False, P("6000000"), P("5500000"))
    # the standard shown is the one of the first period tested
    shown = [s for s in c.steps if s.name == "limit"]
    assert [(s.value, str(s.cite[0])) for s in shown] == [(P("5000000"), "财税〔2018〕33号 第一条")]


def test_the_sum_shown_stops_at_the_breach():
    c = reregistered_sales_check(["6000000", "1", "1"], "2019-03-15")
    step = c.step("cumulative_sales")
    assert (step.value, step.formula, step.en) == (
        P("6000000"), "SUM(sales_by_period[:1])", "taxable sales of the first 1 months after the re-registration day")
