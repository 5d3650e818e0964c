"""The input composition ratio (进项构成比例): the whole result and every step, with and
without the toll-road e-invoices (counted from 2022-04-01: the day before and the day
of), with nothing deducted — then the refusals."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from kill_helpers import rows

from taxcalc.errors import InvalidInput, OutsideCoverage
from taxcalc.law import default
from taxcalc.vat import input_composition_ratio

EXPECTED = {
    'with_toll_2022': (
        '2022-04-01',
        {'listed_input_tax': '700000', 'toll_road_input_tax': '100000', 'total_input_tax': '1000000'},
        {'counted': Decimal('800000'),
         'listed_input_tax': Decimal('700000'),
         'on': datetime.date(2022, 4, 1),
         'ratio': Decimal('0.8'),
         'toll_road_counted': True,
         'toll_road_input_tax': Decimal('100000'),
         'total_input_tax': Decimal('1000000')},
        [('listed_input_tax',
          '已抵扣的增值税专用发票（含税控机动车销售统一发票）、海关进口增值税专用缴款书、解缴税款完税凭证注明的增值税额',
          'input VAT on special invoices, customs and withholding certificates',
          Decimal('700000'),
          'yuan',
          '',
          '',
          ('财政部 税务总局公告2022年第14号 第八条',),
          ''),
         ('toll_road_counted',
          '收费公路通行费增值税电子普通发票注明的税额计入',
          'VAT on toll-road e-invoices counted',
          True,
          'bool',
          '100,000.00',
          '',
          ('财政部 税务总局公告2022年第14号 第八条',),
          ''),
         ('counted',
          '计入进项构成比例的进项税额',
          'input VAT counted',
          Decimal('800000'),
          'yuan',
          '700,000.00 + 100,000.00',
          '',
          ('财政部 税务总局公告2022年第14号 第八条',),
          ''),
         ('total_input_tax',
          '同期全部已抵扣进项税额',
          'all input VAT deducted in the same months',
          Decimal('1000000'),
          'yuan',
          '',
          '',
          (),
          ''),
         ('ratio',
          '进项构成比例',
          'input composition ratio',
          Decimal('0.8'),
          'rate',
          '800,000.00 ÷ 1,000,000.00',
          '',
          ('财政部 税务总局公告2022年第14号 第八条',),
          '')],
    ),
    'without_toll_2022_03': (
        '2022-03-31',
        {'listed_input_tax': '700000', 'toll_road_input_tax': '100000', 'total_input_tax': '1000000'},
        {'counted': Decimal('700000'),
         'listed_input_tax': Decimal('700000'),
         'on': datetime.date(2022, 3, 31),
         'ratio': Decimal('0.7'),
         'toll_road_counted': False,
         'toll_road_input_tax': Decimal('100000'),
         'total_input_tax': Decimal('1000000')},
        [('listed_input_tax',
          '已抵扣的增值税专用发票（含税控机动车销售统一发票）、海关进口增值税专用缴款书、解缴税款完税凭证注明的增值税额',
          'input VAT on special invoices, customs and withholding certificates',
          Decimal('700000'),
          'yuan',
          '',
          '',
          ('财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项',),
          ''),
         ('toll_road_counted',
          '收费公路通行费增值税电子普通发票注明的税额计入',
          'VAT on toll-road e-invoices counted',
          False,
          'bool',
          '100,000.00',
          '',
          ('财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项',),
          ''),
         ('counted',
          '计入进项构成比例的进项税额',
          'input VAT counted',
          Decimal('700000'),
          'yuan',
          '700,000.00 (toll-road e-invoices not counted)',
          '700,000.00（通行费电子普通发票不计入）',
          ('财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项',),
          ''),
         ('total_input_tax',
          '同期全部已抵扣进项税额',
          'all input VAT deducted in the same months',
          Decimal('1000000'),
          'yuan',
          '',
          '',
          (),
          ''),
         ('ratio',
          '进项构成比例',
          'input composition ratio',
          Decimal('0.7'),
          'rate',
          '700,000.00 ÷ 1,000,000.00',
          '',
          ('财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项',),
          '')],
    ),
    'nothing_deducted': (
        '2019-04-01',
        {'listed_input_tax': '0', 'total_input_tax': '0'},
        {'counted': Decimal('0'),
         'listed_input_tax': Decimal('0'),
         'on': datetime.date(2019, 4, 1),
         'ratio': Decimal('0'),
         'toll_road_counted': False,
         'toll_road_input_tax': Decimal('0'),
         'total_input_tax': Decimal('0')},
        [('listed_input_tax',
          '已抵扣的增值税专用发票（含税控机动车销售统一发票）、海关进口增值税专用缴款书、解缴税款完税凭证注明的增值税额',
          'input VAT on special invoices, customs and withholding certificates',
          Decimal('0'),
          'yuan',
          '',
          '',
          ('财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项',),
          ''),
         ('toll_road_counted',
          '收费公路通行费增值税电子普通发票注明的税额计入',
          'VAT on toll-road e-invoices counted',
          False,
          'bool',
          '0.00',
          '',
          ('财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项',),
          ''),
         ('counted',
          '计入进项构成比例的进项税额',
          'input VAT counted',
          Decimal('0'),
          'yuan',
          '0.00 (toll-road e-invoices not counted)',
          '0.00（通行费电子普通发票不计入）',
          ('财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项',),
          ''),
         ('total_input_tax',
          '同期全部已抵扣进项税额',
          'all input VAT deducted in the same months',
          Decimal('0'),
          'yuan',
          '',
          '',
          (),
          ''),
         ('ratio',
          '进项构成比例',
          'input composition ratio',
          Decimal('0'),
          'rate',
          'no input VAT deducted: 0',
          '无已抵扣进项税额：0',
          ('财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项',),
          '')],
    ),
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_the_result_and_every_step(case):
    day, kwargs, fields, steps = EXPECTED[case]
    r = input_composition_ratio(day, **kwargs, law=default().with_values({}))
    assert {f: getattr(r, f) for f in fields} == fields
    assert rows(r.steps) == steps


def test_the_chinese_formulas():
    r = input_composition_ratio("2022-03-31", listed_input_tax="700", toll_road_input_tax="100",
                                total_input_tax="1000")
    assert r.step("counted").formula_zh == "700.00（通行费电子普通发票不计入）"
    zero = input_composition_ratio("2022-03-31", listed_input_tax="0", total_input_tax="0")
    assert zero.step("ratio").formula_zh == "无已抵扣进项税额：0"


def test_vouchers_equal_to_all_input_are_accepted_and_one_fen_more_is_not():
    r = input_composition_ratio("2022-04-01", listed_input_tax="900", toll_road_input_tax="100",
                                total_input_tax="1000")
    assert r.ratio == Decimal("1")
    with pytest.raises(InvalidInput) as info:
        input_composition_ratio("2022-04-01", listed_input_tax="900.01", toll_road_input_tax="100",
                                total_input_tax="1000")
    assert str(info.value) == ("listed_input_tax: the listed vouchers and toll-road e-invoices (1000.01) exceed all "
                               "deducted input VAT (1000)")


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"listed_input_tax": "-1"}, "listed_input_tax"), ({"toll_road_input_tax": "-1"}, "toll_road_input_tax"),
    ({"total_input_tax": "-1"}, "total_input_tax"), ({"on": "2022-02-30"}, "on")])
def test_a_refusal_names_its_field(kwargs, field):
    args = {"on": "2022-04-01", "listed_input_tax": "1", "total_input_tax": "1", **kwargs}
    with pytest.raises(InvalidInput) as info:
        input_composition_ratio(args.pop("on"), **args)
    assert str(info.value).startswith(f"{field}: ")


def test_before_april_2019_there_was_no_ratio():
    with pytest.raises(OutsideCoverage):
        input_composition_ratio("2019-03-31", listed_input_tax="1", total_input_tax="1")


def test_the_law_given_is_the_one_read():
    what_if = default().with_values({"vat.input_composition.toll_road_counted": False})
    r = input_composition_ratio("2022-04-01", listed_input_tax="700", toll_road_input_tax="100",
                                total_input_tax="1000", law=what_if)
    assert (r.toll_road_counted, r.ratio) == (False, Decimal("0.7"))
