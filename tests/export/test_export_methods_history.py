"""The refund methods back to 2002: 财税〔2002〕7号 (免抵退) and 国税发〔1994〕031号 (免退) until
2012-06-30, 财税〔2012〕39号 from 2012-07-01; boundary days on each switch."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taxcalc.errors import OutsideCoverage
from taxcalc.export import (
    ExemptCreditRefundInput,
    ExportLine,
    PurchaseLine,
    exempt_credit_refund,
    exempt_refund,
)
from taxcalc.law import default

SEVEN = "财税〔2002〕7号"
OLD_TRADER = "国税发〔1994〕031号"
THIRTY_NINE = "财税〔2012〕39号"


def _month(period: str, **extra: str) -> ExemptCreditRefundInput:
    # the textbook case of the module documentation (levy 17%, rebate 15%)
    return ExemptCreditRefundInput(
        period=period, exports=(ExportLine(fob="1350000", levy_rate="17%", rebate_rate="15%", **extra),),
        domestic_output_tax="161500", input_tax="306000", opening_credit="0")


@pytest.mark.parametrize(
    ("period", "doc"),
    [("2002-01-01", SEVEN), ("2008-01-31", SEVEN), ("2012-06-30", SEVEN), ("2012-07-01", THIRTY_NINE)],
)
def test_manufacturer_method_by_period(period: str, doc: str) -> None:
    r = exempt_credit_refund(_month(period))
    # same formulas on either side of the 2012 switch
    assert (r.non_creditable, r.tax_payable, r.exempt_credit_refund, r.refund, r.exempt_credit) == (
        Decimal("27000.00"), Decimal("-117500.00"), Decimal("202500.00"), Decimal("117500.00"), Decimal("85000.00"))
    assert {c.doc for s in r.steps for c in s.cite} == {doc}


def test_manufacturer_before_2002_is_outside_the_data() -> None:
    with pytest.raises(OutsideCoverage, match="export.method.exempt_credit_refund") as info:
        exempt_credit_refund(_month("2001-12-01"))
    assert info.value.first is not None and info.value.first.isoformat() == "2002-01-01"


def test_2002_materials_reduce_both_figures() -> None:
    r = exempt_credit_refund(_month("2005-03", bonded_materials="350000"))
    assert r.non_creditable == Decimal("20000.00")          # (1,350,000 − 350,000) × 2%
    assert r.exempt_credit_refund == Decimal("150000.00")   # (1,350,000 − 350,000) × 15%
    assert all(c.article == "第三条（条次未核实）" for s in r.steps for c in s.cite)


def test_negative_gap_before_2018_cites_the_method_and_the_choice() -> None:
    m = ExemptCreditRefundInput(period="2009-01", exports=(ExportLine(fob="100", levy_rate="13%", rebate_rate="17%"),))
    r = exempt_credit_refund(m)
    step = next(s for s in r.steps if s.name == "negative_gap")
    assert [c.doc for c in step.cite] == [SEVEN, "taxcalc"]
    assert r.non_creditable == Decimal("0.00")


@pytest.mark.parametrize(
    ("day", "doc"),
    [("2002-01-01", OLD_TRADER), ("2012-06-30", OLD_TRADER), ("2012-07-01", THIRTY_NINE)],
)
def test_trader_method_by_export_date(day: str, doc: str) -> None:
    r = exempt_refund([PurchaseLine(amount="100000", purchase_vat_rate="17%", rebate_rate="13%", export_date=day)])
    assert r.total == Decimal("13000.00")
    assert {c.doc for s in r.lines[0].steps for c in s.cite} == {doc}


def test_trader_invoice_cap_before_2012_cites_the_old_method() -> None:
    r = exempt_refund([PurchaseLine(amount="100000", purchase_vat_rate="6%", rebate_rate="13%",
                                    export_date="2010-05-04")])
    assert r.total == Decimal("6000.00")
    cap = next(s for s in r.lines[0].steps if s.name == "invoice_cap")
    assert [c.doc for c in cap.cite] == [OLD_TRADER]


def test_trader_collection_rate_cap_starts_with_39() -> None:
    line = {"amount": "100000", "purchase_vat_rate": "3%", "rebate_rate": "13%", "supplier_collection_rate": "3%"}
    r = exempt_refund([PurchaseLine(**line, export_date="2012-07-01")])
    cap = next(s for s in r.lines[0].steps if s.name == "collection_cap")
    assert (r.total, [c.doc for c in cap.cite]) == (Decimal("3000.00"), [THIRTY_NINE])
    with pytest.raises(OutsideCoverage, match="export.exempt_refund.collection_rate_cap"):
        exempt_refund([PurchaseLine(**line, export_date="2012-06-30")])


def test_trader_before_2002_is_outside_the_data() -> None:
    with pytest.raises(OutsideCoverage, match="export.method.exempt_refund"):
        exempt_refund([PurchaseLine(amount="1", purchase_vat_rate="17%", rebate_rate="13%", export_date="2001-12-31")])


def test_old_windows_declare_their_limitations() -> None:
    law = default()
    ecr = law.value("export.method.exempt_credit_refund", "2008-01-01")
    assert "7%" in ecr.note and "国税发〔2002〕11号" in ecr.note
    er = law.value("export.method.exempt_refund", "2008-01-01")
    assert "特准" in er.note
