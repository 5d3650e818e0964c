"""The input composition ratio (进项构成比例): the whole result and every step, with and
without the toll-road e-invoices (counted from 2022-04-01: the day before and the day
of), with nothing deducted — then the refusals.

What each case must show is kept in ``golden/vat_input_composition.json`` (see ``_golden.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.errors import InvalidInput, OutsideCoverage
from taxcalc.law import default
from taxcalc.vat import input_composition_ratio

CASES = {
    'nothing_deducted': ('2019-04-01', {'listed_input_tax': '0', 'total_input_tax': '0'}),
    'with_toll_2022': ('2022-04-01',
                       {'listed_input_tax': '700000',
                        'toll_road_input_tax': '100000',
                        'total_input_tax': '1000000'}),
    'without_toll_2022_03': ('2022-03-31',
                             {'listed_input_tax': '700000',
                              'toll_road_input_tax': '100000',
                              'total_input_tax': '1000000'}),
}
# the fields of the result compared, each case with its golden value
FIELDS = (
    'counted', 'listed_input_tax', 'on', 'ratio', 'toll_road_counted', 'toll_road_input_tax',
    'total_input_tax',
)
GOLDEN = Golden("vat_input_composition", CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    day, kwargs = CASES[case]
    r = input_composition_ratio(day, **kwargs, law=default().with_values({}))
    GOLDEN.check(case, fields=fields(r, FIELDS), steps=rows(r.steps))


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
