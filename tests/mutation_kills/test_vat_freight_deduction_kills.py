"""The deemed input credit on freight bills (运输费用扣除): the whole result and every step
(labels in both languages, units, formulas, citations) at 10% and 7%, for a bill claimed
after its day, a railway bill and a bill the law does not admit — then the fields each
refusal names and its reason.

What each case must show is kept in ``golden/vat_freight_deduction.json`` (see ``_golden.py``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from _golden import Golden
from kill_helpers import fields, rows

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.law import default
from taxcalc.vat import freight_input_tax

P = Decimal

# case: (freight amount, bill's day, keyword arguments, values of the what-if law)
CASES: dict[str, tuple[str, str, dict[str, str], dict[str, object]]] = {
    "other_1995_at_10_percent": ("1234.55", "1995-03-01", {}, {}),
    "other_june_1998_claimed_in_july_at_7_percent": ("10000", "1998-06-30", {"claimed_on": "1998-07-01"}, {}),
    "railway_2013_12_31": ("1234.56", "2013-12-31", {"carrier": "railway", "claimed_on": "2014-01-15"}, {}),
    "not_admitted_what_if": ("10000", "2010-01-01", {"claimed_on": "2010-02-10"},
                             {"vat.freight.voucher.other": False}),
    "railway_not_admitted_what_if": ("500", "2005-05-05", {"carrier": "railway"},
                                     {"vat.freight.voucher.railway": False}),
}
# the fields of the result compared, each case with its golden value
FIELDS = ("freight_amount", "issued_on", "claimed_on", "carrier", "voucher", "rate", "input_tax")
GOLDEN = Golden("vat_freight_deduction", CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_result_and_every_step(case):
    amount, issued, kwargs, values = CASES[case]
    r = freight_input_tax(amount, issued, **kwargs, law=default().with_values(values))
    GOLDEN.check(case, fields=fields(r, FIELDS), steps=rows(r.steps))


def test_a_bill_not_admitted_keeps_what_was_given():
    data = default().with_values({"vat.freight.voucher.railway": False})
    r = freight_input_tax("500", "2005-05-05", carrier="railway", claimed_on="2005-06-01", law=data)
    assert (r.freight_amount, r.issued_on, r.claimed_on, r.carrier) == (
        P("500"), dt.date(2005, 5, 5), dt.date(2005, 6, 1), "railway")
    assert (r.voucher, r.input_tax) == (False, P(0))
    assert r.explain("zh").splitlines()[-1] == "3. 进项税额：不得计算抵扣：0.00"


def test_the_explanation_in_both_languages():
    r = freight_input_tax("1234.56", "2013-12-31", carrier="railway")
    assert r.explain("zh").splitlines()[0] == "1. 运输费用金额（运费和建设基金，不含装卸费、保险费等其他杂费）：1,234.56"
    assert r.explain("zh").splitlines()[-1] == "4. 进项税额：86.42 = ROUND(运输费用金额 × 扣除率, 2)"


def test_a_claim_before_the_bill_names_claimed_on_and_both_days():
    with pytest.raises(InvalidInput) as info:
        freight_input_tax("100", "2010-01-02", claimed_on="2010-01-01")
    assert str(info.value) == (
        "claimed_on: the credit is declared on 2010-01-01, before the bill's day (2010-01-02)")


def test_a_claim_day_that_is_no_day_names_claimed_on():
    with pytest.raises(InvalidInput) as info:
        freight_input_tax("100", "2010-01-02", claimed_on="2010-02-30")
    assert info.value.field == "claimed_on"
    assert str(info.value).startswith("claimed_on: ")


def test_an_unknown_carrier_names_carrier_and_lists_the_carriers():
    with pytest.raises(UnknownCategory) as info:
        freight_input_tax("100", "2010-01-02", carrier="ship")
    assert str(info.value) == "carrier: unknown value 'ship'; expected one of: other, railway"
