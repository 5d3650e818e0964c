"""The VAT of one tax period of a general taxpayer (taxcalc.vat.period_tax)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import InputProblems, NotMoney, OutsideCoverage
from taxcalc.explain import Citation
from taxcalc.inputs import parse
from taxcalc.law import default
from taxcalc.vat import PeriodTaxInput, period_tax, period_tax_of

D = Decimal
REGS = Citation("国务院令第538号", "第四条")
LAW_14 = Citation("中华人民共和国增值税法", "第十四条")
LAW_21 = Citation("中华人民共和国增值税法", "第二十一条")
FORM = "《增值税纳税申报表（一般纳税人适用）》"


def test_tax_payable():
    r = period_tax("2019-05-01", "130000", "90000", credit_brought_forward="15000")
    assert (r.tax_payable, r.credit_carried, r.balance) == (D("25000"), D(0), D("25000"))


def test_exactly_zero():
    r = period_tax("2019-05-01", "100000.00", "60000.00", "40000.00")
    assert (r.tax_payable, r.credit_carried) == (D(0), D(0))


def test_credit_carried():
    r = period_tax(dt.date(2018, 6, 1), "10000", "12500.50")
    assert (r.tax_payable, r.credit_carried, r.balance) == (D(0), D("2500.50"), D("-2500.50"))
    r = period_tax("2018-07-01", "1000", "0", "2500.50")
    assert (r.tax_payable, r.credit_carried) == (D(0), D("1500.50"))


def test_steps_lines_and_citations_under_the_regulations():
    r = period_tax("2025-12-31", "100", "300", "5")
    by = {s.name: s for s in r.steps}
    assert [s.name for s in r.steps] == [
        "output_tax", "input_tax", "credit_brought_forward", "credit_available", "tax_payable", "credit_carried",
    ]
    assert by["output_tax"].line == FORM + "第11栏"
    assert by["input_tax"].line == FORM + "第12栏"
    assert by["credit_brought_forward"].line == FORM + "第13栏"
    assert by["tax_payable"].line == FORM + "第19栏"
    assert by["credit_carried"].line == FORM + "第20栏"
    assert by["credit_available"].value == D("305")
    assert by["tax_payable"].cite == (REGS,)
    assert by["credit_carried"].cite == (REGS,)
    assert by["credit_available"].cite == (REGS,)
    assert by["credit_carried"].value == D("205")
    assert r.explain("en").splitlines()[-1] == (
        f"6. excess credit carried forward: 205.00 = max(0, 305.00 − 100.00) [国务院令第538号 第四条] ({FORM}第20栏)"
    )


def test_the_vat_law_from_2026_01_01():
    before = period_tax("2025-12-31", "1000", "300", "5")
    after = period_tax("2026-01-01", "1000", "300", "5")
    assert before.tax_payable == after.tax_payable == D("695")
    assert before.step("tax_payable").cite == (REGS,)
    assert after.step("tax_payable").cite == (LAW_14,)
    assert after.step("credit_carried").cite == (LAW_21,)
    assert after.step("credit_available").cite == (LAW_14, LAW_21)
    assert "[中华人民共和国增值税法 第十四条]" in after.explain("zh")


def test_outside_coverage():
    with pytest.raises(OutsideCoverage):
        period_tax("2001-12-31", "1", "1")
    assert period_tax("2002-01-01", "1", "1").tax_payable == D(0)


def test_the_1993_regulations_to_2008_then_the_2008_ones():
    before, on = period_tax("2008-12-01", "170", "100"), period_tax("2009-01-01", "170", "100")
    assert before.tax_payable == on.tax_payable == D(70)
    assert "国务院令第134号 第四条" in before.explain("zh") and "国务院令第538号 第四条" in on.explain("zh")


def test_bad_amounts():
    with pytest.raises(NotMoney):
        period_tax("2019-01-01", 1.5, "1")
    with pytest.raises(Exception, match="input_tax"):
        period_tax("2019-01-01", "1", "-1")


def test_the_input_record():
    facts = parse(PeriodTaxInput, {"period_start": "2019-05-01", "output_tax": "130000", "input_tax": "90000",
                                   "credit_brought_forward": "15000"})
    assert period_tax_of(facts) == period_tax("2019-05-01", "130000", "90000", "15000")
    with pytest.raises(InputProblems, match="input_tax"):
        parse(PeriodTaxInput, {"period_start": "2019-05-01", "output_tax": "1"})


def test_what_if_no_carry_forward():
    law = default().with_values({"vat.period.credit_carried_forward": False})
    r = period_tax("2019-05-01", "100", "300", law=law)
    assert (r.tax_payable, r.credit_carried) == (D(0), D(0))
    assert r.step("credit_carried").cite[0].doc != "国务院令第538号"


AMOUNTS = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False)
DAYS = st.dates(dt.date(2009, 1, 1), dt.date(2030, 12, 31))


@given(DAYS, AMOUNTS, AMOUNTS, AMOUNTS)
def test_payable_less_carried_is_output_less_input_less_brought_forward(on, out, inp, bf):
    r = period_tax(on, out, inp, bf)
    assert r.tax_payable - r.credit_carried == out - inp - bf
    assert r.tax_payable >= 0 and r.credit_carried >= 0
    assert not (r.tax_payable > 0 and r.credit_carried > 0)
