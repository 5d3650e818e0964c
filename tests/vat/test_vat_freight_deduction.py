"""The deemed input credit on ordinary freight bills (运输费用扣除), 1994–2013."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import law, rules
from taxcalc.errors import InvalidInput, NotInForce, NotMoney, OutsideCoverage, UnknownCategory
from taxcalc.law.coverage import rule_coverage
from taxcalc.vat import CARRIERS, freight_input_tax

D = dt.date
P = Decimal
ONE = dt.timedelta(days=1)
S538 = "国务院令第538号 第八条第二款第（四）项"


# -- the rate: 10% from 1994-05-01, 7% from 1998-07-01 (by the claim day) -----------------------

@pytest.mark.parametrize(("day", "rate", "cite"), [
    (D(1994, 5, 1), "0.10", "财税字〔1994〕012号 第一条"),
    (D(1998, 6, 30), "0.10", "财税字〔1994〕012号 第一条"),
    (D(1998, 7, 1), "0.07", "财税字〔1998〕114号 正文"),
    (D(2008, 12, 31), "0.07", "财税字〔1998〕114号 正文"),
    (D(2009, 1, 1), "0.07", S538),
    (D(2013, 7, 31), "0.07", S538),
])
@pytest.mark.parametrize("carrier", CARRIERS)
def test_rate_and_citation_by_day(day, rate, cite, carrier):
    r = freight_input_tax("10000", day, carrier=carrier)
    assert r.rate == P(rate)
    assert r.input_tax == P(rate) * 10000
    rate_step = r.step("rate")
    assert rate_step.value == P(rate) and str(rate_step.cite[0]) == cite
    assert rate_step.line == ""  # the return-form line is not verified: left empty


def test_1998_the_claim_day_decides_the_rate_not_the_bill_day():
    # 财税字〔1998〕114号: 凡1998年7月1日以后申报抵扣的 … 不论运输发票何时开具 … 均按7%
    assert freight_input_tax("10000", "1998-06-30").input_tax == P("1000.00")
    assert freight_input_tax("10000", "1998-06-30", claimed_on="1998-06-30").input_tax == P("1000.00")
    assert freight_input_tax("10000", "1998-06-30", claimed_on="1998-07-01").input_tax == P("700.00")
    assert freight_input_tax("10000", "1998-01-15", claimed_on="1998-07-01").rate == P("0.07")
    r = freight_input_tax("10000", "1998-06-30", claimed_on="1998-07-01")
    assert r.issued_on == D(1998, 6, 30) and r.claimed_on == D(1998, 7, 1)
    assert str(r.step("voucher").cite[0]) == "财税字〔1994〕012号 第一条"   # the voucher: by the bill's day
    assert str(r.step("rate").cite[0]) == "财税字〔1998〕114号 正文"        # the rate: by the claim day


# -- the end: 2013-07-31 / 2013-08-01 for other carriers, 2013-12-31 / 2014-01-01 for the railway --

def test_other_carriers_end_on_2013_07_31():
    assert freight_input_tax("10000", "2013-07-31").input_tax == P("700.00")
    with pytest.raises(NotInForce) as exc:
        freight_input_tax("10000", "2013-08-01")
    assert exc.value.key == "vat.freight.voucher.other"
    assert "财税〔2013〕37号" in exc.value.gap and "2013-08-01" in exc.value.gap


def test_a_bill_of_july_claimed_in_august_keeps_7_percent():
    r = freight_input_tax("10000", "2013-07-31", claimed_on="2013-08-20")
    assert r.input_tax == P("700.00") and r.voucher


def test_railway_bills_keep_7_percent_to_2013_12_31():
    assert freight_input_tax("10000", "2013-08-01", carrier="railway").input_tax == P("700.00")
    assert freight_input_tax("10000", "2013-12-31", carrier="railway").input_tax == P("700.00")
    r = freight_input_tax("10000", "2013-12-31", carrier="railway", claimed_on="2014-01-15")
    assert r.input_tax == P("700.00")
    with pytest.raises(NotInForce) as exc:
        freight_input_tax("10000", "2014-01-01", carrier="railway")
    assert exc.value.key == "vat.freight.voucher.railway"
    assert "财税〔2013〕121号 第五条" in exc.value.gap


def test_claims_after_2014_are_a_declared_gap():
    assert freight_input_tax("100", "2013-12-31", carrier="railway", claimed_on="2014-12-31").input_tax == P("7.00")
    with pytest.raises(NotInForce) as exc:
        freight_input_tax("100", "2013-12-31", carrier="railway", claimed_on="2015-01-01")
    assert exc.value.key == "vat.freight.deduction_rate"


@pytest.mark.parametrize("day", [D(2016, 5, 1), D(2026, 12, 1)])
@pytest.mark.parametrize("carrier", CARRIERS)
def test_later_days_answer_not_in_force_never_zero(day, carrier):
    with pytest.raises(NotInForce):
        freight_input_tax("100", day, carrier=carrier)


def test_before_1994_05_01_is_outside_the_data():
    with pytest.raises(OutsideCoverage) as exc:
        freight_input_tax("100", "1994-04-30")
    assert not isinstance(exc.value, NotInForce)
    with pytest.raises(OutsideCoverage):
        freight_input_tax("100", "1994-04-30", carrier="railway")
    assert freight_input_tax("100", "1994-05-01").input_tax == P("10.00")


# -- the worked example and rounding ---------------------------------------------------------

def test_worked_example_explained():
    # A road bill of 5,300.00 of which 300.00 is loading and insurance: the freight amount is
    # 5,000.00, the credit 5,000.00 × 7% = 350.00.
    r = freight_input_tax("5000", "2010-03-15")
    assert r.input_tax == P("350.00")
    assert [s.name for s in r.steps] == ["freight_amount", "voucher", "rate", "input_tax"]
    assert r.step("voucher").value is True and str(r.step("voucher").cite[0]) == S538
    assert r.explain("en").splitlines()[-1] == "4. input VAT (进项税额): 350.00 = ROUND(freight_amount × rate, 2)"
    assert r.as_dict()["input_tax"] == "350.00"


@pytest.mark.parametrize(("amount", "day", "tax"), [
    ("0.07", "2010-01-01", "0.00"),     # 0.0049
    ("0.08", "2010-01-01", "0.01"),     # 0.0056
    ("1.50", "2010-01-01", "0.11"),     # 0.105: half up
    ("0.05", "1995-01-01", "0.01"),     # 0.005: half up at 10%
    ("0.04", "1995-01-01", "0.00"),
    ("0", "2010-01-01", "0.00"),
])
def test_rounding_half_up_to_the_fen(amount, day, tax):
    assert freight_input_tax(amount, day).input_tax == P(tax)


# -- bad input -------------------------------------------------------------------------------

def test_bad_input_names_the_field():
    with pytest.raises(InvalidInput) as exc:
        freight_input_tax("-1", "2010-01-01")
    assert exc.value.field == "freight_amount"
    with pytest.raises(NotMoney):
        freight_input_tax(100.5, "2010-01-01")  # type: ignore[arg-type]
    with pytest.raises(UnknownCategory):
        freight_input_tax("100", "2010-01-01", carrier="ship")
    with pytest.raises(InvalidInput) as exc:
        freight_input_tax("100", "2010-01-02", claimed_on="2010-01-01")
    assert exc.value.field == "claimed_on"
    with pytest.raises(InvalidInput) as exc:
        freight_input_tax("100", "2010-02-30")
    assert exc.value.field == "issued_on"


def test_a_bill_the_law_does_not_admit_credits_nothing():
    # The shipped data have only "true" windows; a what-if of "false" takes the other branch.
    data = law.default().with_values({"vat.freight.voucher.other": False})
    r = freight_input_tax("10000", "2010-01-01", law=data)
    assert (r.voucher, r.rate, r.input_tax) == (False, P(0), P(0))
    assert [s.name for s in r.steps] == ["freight_amount", "voucher", "input_tax"]
    assert r.step("voucher").value is False


# -- properties ------------------------------------------------------------------------------

_DAYS = st.dates(min_value=D(1994, 5, 1), max_value=D(2013, 7, 31))
_AMOUNTS = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(amount=_AMOUNTS, day=_DAYS, carrier=st.sampled_from(CARRIERS))
def test_credit_is_amount_times_rate_rounded_and_within_the_amount(amount, day, carrier):
    r = freight_input_tax(amount, day, carrier=carrier)
    assert r.input_tax == (amount * r.rate).quantize(P("0.01"), rounding=ROUND_HALF_UP)
    assert P(0) <= r.input_tax <= amount
    assert r.rate == (P("0.10") if day < D(1998, 7, 1) else P("0.07"))


@given(amount=_AMOUNTS, issued=_DAYS, later=st.integers(min_value=0, max_value=400))
def test_the_rate_is_that_of_the_claim_day(amount, issued, later):
    claimed = issued + dt.timedelta(days=later)
    r = freight_input_tax(amount, issued, claimed_on=claimed)
    assert r.rate == (P("0.10") if claimed < D(1998, 7, 1) else P("0.07"))


# -- the registry ----------------------------------------------------------------------------

def test_the_rule_computes_from_a_mapping_and_reads_only_its_keys():
    rule = rules.get("vat.freight_deduction")
    r = rule.compute({"freight_amount": "10000", "issued_on": "2013-12-31", "carrier": "railway"})
    assert r.input_tax == P("700.00")
    with pytest.raises(InvalidInput) as exc:
        rule.compute({"freight_amount": "10", "issued_on": "2013-07-02", "claimed_on": "2013-07-01"})
    assert exc.value.field == "claimed_on"


@pytest.mark.parametrize(("day", "verdict"), [
    ("2002-01-01", "answers"), ("2008-01-01", "answers"), ("2013-07-31", "answers"),
    ("2026-12-01", "not in force"),
])
def test_coverage_answers_from_2002_and_says_not_in_force_after(day, verdict):
    row = {r.rule: r for r in rule_coverage(day)}["vat.freight_deduction"]
    assert row.verdict == verdict and row.answers
