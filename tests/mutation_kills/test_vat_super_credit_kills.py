"""The input-VAT super-credit (加计抵减): the whole result and every step (label, value,
formula, citation, return-form line) of the main paths — living services at 15%, a
share of exactly 50% with a new taxpayer not yet judged and no tax, a taxpayer judged
on exactly 3 months, an advanced manufacturer with export input and input transferred
out, a reduction above the balance, a balance that lapses — then the refusals.

What each case must show is kept in ``golden/vat_super_credit.json`` (see ``_golden.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.law import default
from taxcalc.vat import super_credit

CASES = {
    'judged_on_3_months': ('2020-06-01',
                           {'brought_forward': '10',
                            'creditable_input_tax': '1000',
                            'months_operated': 3,
                            'policy': 'production_services',
                            'sales_share': '50.01%',
                            'tax_before_credit': '50'}),
    'lapsed': ('2024-01-01',
               {'brought_forward': '700',
                'creditable_input_tax': '100',
                'policy': 'production_services',
                'sales_share': '80%',
                'tax_before_credit': '5000'}),
    'living_services_2019': ('2019-10-01',
                             {'creditable_input_tax': '100000',
                              'policy': 'living_services',
                              'sales_share': '80%',
                              'tax_before_credit': '20000'}),
    'manufacturer_exports_and_transfers': ('2023-05-01',
                                           {'brought_forward': '2000',
                                            'creditable_input_tax': '200000.10',
                                            'export_input_tax': '50000',
                                            'policy': 'advanced_manufacturing',
                                            'tax_before_credit': '9000',
                                            'transferred_out_input_tax': '1000.10'}),
    'reduction_above_balance': ('2024-03-01',
                                {'brought_forward': '100',
                                 'creditable_input_tax': '0',
                                 'policy': 'integrated_circuit',
                                 'tax_before_credit': '5000',
                                 'transferred_out_input_tax': '10000'}),
    'share_exactly_50_new_taxpayer': ('2019-10-01',
                                      {'brought_forward': '300',
                                       'creditable_input_tax': '100000',
                                       'months_operated': 2,
                                       'policy': 'living_services',
                                       'sales_share': '50%',
                                       'tax_before_credit': '0'}),
}
# the fields of the result compared, each case with its golden value
FIELDS = (
    'accrued', 'available', 'brought_forward', 'carried', 'eligible', 'in_force', 'lapsed', 'period_start',
    'policy', 'rate', 'reasons', 'reduced', 'saving', 'tax_before_credit', 'tax_payable', 'used',
)
GOLDEN = Golden("vat_super_credit", CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    day, kwargs = CASES[case]
    r = super_credit(day, **kwargs, law=default().with_values({}))
    GOLDEN.check(case, fields=fields(r, FIELDS), steps=rows(r.steps))


BASE = dict(policy="living_services", sales_share="80%", creditable_input_tax="100", tax_before_credit="10")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"export_input_tax": "100.01"}, "export_input_tax: 100.01 exceeds the creditable input VAT 100"),
        ({"sales_share": None}, "sales_share: the share of the services in all sales is needed for the living "
         "services super-credit"),
        ({"months_operated": -1}, "months_operated: must be a whole number of months, 0 or more (got -1)"),
        ({"months_operated": True}, "months_operated: must be a whole number of months, 0 or more (got True)"),
        ({"months_operated": 2.5}, "months_operated: must be a whole number of months, 0 or more (got 2.5)"),
        ({"creditable_input_tax": "-1"}, "creditable_input_tax: "),
        ({"export_input_tax": "-1"}, "export_input_tax: "),
        ({"transferred_out_input_tax": "-1"}, "transferred_out_input_tax: "),
        ({"brought_forward": "-1"}, "brought_forward: "),
        ({"tax_before_credit": "-1"}, "tax_before_credit: "),
        ({"sales_share": "-1%"}, "sales_share: "),
    ],
)
def test_a_refusal_names_the_field_and_says_why(change, message):
    with pytest.raises(InvalidInput) as info:
        super_credit("2019-10-01", **{**BASE, **change})
    assert str(info.value).startswith(message)


def test_a_bad_day_or_policy_is_refused_naming_it():
    with pytest.raises(InvalidInput) as info:
        super_credit("2019-02-30", **BASE)
    assert str(info.value).startswith("period_start: ")
    with pytest.raises(UnknownCategory) as info:
        super_credit("2019-10-01", **{**BASE, "policy": "retail"})
    assert str(info.value).startswith("policy: unknown value 'retail'")


def test_a_new_taxpayer_judged_on_zero_months_is_not_yet_eligible():
    r = super_credit("2019-10-01", **BASE, months_operated=0)
    assert (r.eligible, r.accrued) == (False, Decimal("0"))
