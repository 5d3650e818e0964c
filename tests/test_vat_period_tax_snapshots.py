"""A general taxpayer's period shown in full (a snapshot, ``tests/snapshot.py``): tax payable,
a credit carried, a credit brought forward, nothing at all, and the law's two switches
turned off (input not credited; an excess not carried forward), with the message of
every refused input."""

from __future__ import annotations

import pytest

from snapshot import check, shown
from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.inputs import parse
from taxcalc.law import default
from taxcalc.vat import period_tax
from taxcalc.vat.period_tax import CARRIED_KEY, CREDITED_KEY, PeriodTaxInput, period_tax_of

CASES = {
    "tax payable": ("2019-06-01", "130000.00", "52000.50", "0"),
    "credit carried": ("2019-06-01", "10000", "52000.50", "1234.56"),
    "credit brought forward used up": ("2019-06-01", "130000.00", "52000.50", "78000.00"),
    "exactly nothing": ("2019-06-01", "1000", "600", "400"),
    "nothing sold": ("2019-06-01", "0", "0", "0"),
    "a quarter": ("2019-07-01", "390000.01", "0.01", "0"),
}


def test_every_case_shown_in_full():
    out = {name: shown(period_tax(*args)) for name, args in CASES.items()}
    no_credit = default().with_values({CREDITED_KEY: False})
    no_carry = default().with_values({CARRIED_KEY: False})
    neither = default().with_values({CREDITED_KEY: False, CARRIED_KEY: False})
    for name, args in CASES.items():
        out[f"{name}, input not credited"] = shown(period_tax(*args, law=no_credit))
        out[f"{name}, excess not carried"] = shown(period_tax(*args, law=no_carry))
        out[f"{name}, neither"] = shown(period_tax(*args, law=neither))
    check("period_tax", out)


def test_the_record_gives_the_same():
    for args in CASES.values():
        facts = parse(PeriodTaxInput, dict(zip(("period_start", "output_tax", "input_tax", "credit_brought_forward"),
                                               args, strict=True)))
        r = period_tax_of(facts)
        assert r == period_tax(*args)
        assert r.balance == facts.output_tax - facts.input_tax - facts.credit_brought_forward
        neither = default().with_values({CREDITED_KEY: False, CARRIED_KEY: False})
        assert period_tax_of(facts, law=neither) == period_tax(*args, law=neither)


@pytest.mark.parametrize(("args", "field", "reason"), [
    (("2019-06-01", "-1", "0"), "output_tax", "must not be negative (got -1)"),
    (("2019-06-01", "0", "-1"), "input_tax", "must not be negative (got -1)"),
    (("2019-06-01", "0", "0", "-1"), "credit_brought_forward", "must not be negative (got -1)"),
    (("2019-06-01", 1.5, "0"), "output_tax", None),
    (("2019-13-01", "0", "0"), "period_start", None),
])
def test_a_refused_input_names_its_field(args, field, reason):
    with pytest.raises((InvalidInput, NotMoney)) as info:
        period_tax(*args)
    assert info.value.field == field
    if reason is not None:
        assert info.value.reason == reason
