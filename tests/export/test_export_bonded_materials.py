"""进料加工 bonded imports in 免抵退 (实耗法 and 购进法): the method windows on their switch days,
the allocation rate and its rounding, the refusals, the hand-over to exempt_credit_refund, and
properties (the consumed imports never exceed the exports' FOB; 实耗法 lowers the refund ceiling
by exactly materials × rebate rate)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc import rules
from taxcalc.errors import InputProblems, InvalidInput, NotMoney, OutsideCoverage
from taxcalc.export import (
    ExemptCreditRefundInput,
    ExportLine,
    bonded_materials,
    exempt_credit_refund,
)

P = Decimal


def consumed(period: str, fob: str = "1000000", imports: str = "600000", exports: str = "1000000") -> Decimal:
    return bonded_materials(period, "consumption", processing_fob=fob, import_total=imports,
                            export_total=exports).materials


@pytest.mark.parametrize(("period", "allowed"), [
    ("2002-01", True), ("2012-06", True),  # 国税发〔2002〕11号
    ("2012-07", False), ("2025-12", False),  # 国家税务总局公告2012年第24号: only 实耗法
    ("2026-01", False),  # 国家税务总局公告2026年第5号 (secondary sources)
])
def test_the_purchase_method_ends_on_2012_07_01(period, allowed):
    if allowed:
        r = bonded_materials(period, "purchase", imports_cif="500000", customs_duty="30000",
                             consumption_tax="20000")
        assert r.materials == P("550000.00") and r.allocation_rate is None and r.basis == ""
        assert str(r.step("purchase_method").cite[0]) == "国税发〔2002〕11号 （条次未核实）"
    else:
        with pytest.raises(InvalidInput, match=r"^method: the purchase method \(购进法\) does not apply .*公告20"):
            bonded_materials(period, "purchase", imports_cif="500000")


@pytest.mark.parametrize(("period", "basis", "doc"), [
    ("2002-01", "planned", "国税发〔2002〕11号"),
    ("2012-06", "planned", "国税发〔2002〕11号"),
    ("2012-07", "planned", "国家税务总局公告2012年第24号"),
    ("2013-06", "planned", "国家税务总局公告2012年第24号"),
    ("2013-07", "prior_year_actual", "国家税务总局公告2013年第12号"),
    ("2025-12", "prior_year_actual", "国家税务总局公告2013年第12号"),
    ("2026-01", "prior_year_actual", "国家税务总局公告2026年第5号"),
])
def test_the_consumption_method_and_its_rate_basis(period, basis, doc):
    r = bonded_materials(period, "consumption", processing_fob="1000000", import_total="600000",
                         export_total="1000000")
    assert (r.basis, r.allocation_rate, r.materials) == (basis, P("0.6"), P("600000.00"))
    assert r.step("basis").cite[0].doc == doc
    assert r.step("allocation_rate").cite[0].doc == doc


def test_outside_the_data_before_2002():
    with pytest.raises(OutsideCoverage, match="export.processing"):
        consumed("2001-12")


def test_rounding_half_up_on_the_exact_product():
    # 100.01 × 1 ÷ 3 = 33.3366… → 33.34; the rate is not rounded first
    assert consumed("2014-01", "100.01", "1", "3") == P("33.34")
    # 0.01 × 1 ÷ 2 = 0.005 → 0.01 (half up)
    assert consumed("2014-01", "0.01", "1", "2") == P("0.01")
    r = bonded_materials("2014-01", "consumption", processing_fob="0.01", allocation_rate="50%")
    assert r.materials == P("0.01")


def test_a_rate_of_exactly_100_percent_is_allowed_and_above_is_refused():
    assert consumed("2014-01", "1000", "5000", "5000") == P("1000.00")
    with pytest.raises(InvalidInput, match="^import_total: import total 5000.01 above the export total"):
        consumed("2014-01", "1000", "5000.01", "5000")
    with pytest.raises(InvalidInput, match="^allocation_rate"):
        bonded_materials("2014-01", "consumption", processing_fob="1000", allocation_rate="1.01")


@pytest.mark.parametrize(("kw", "field"), [
    ({"method": "consumption", "import_total": "1", "export_total": "2"}, "processing_fob"),
    ({"method": "consumption", "processing_fob": "1", "import_total": "1"}, "export_total"),
    ({"method": "consumption", "processing_fob": "1", "import_total": "1", "export_total": "2",
      "allocation_rate": "0.5"}, "allocation_rate"),
    ({"method": "consumption", "processing_fob": "1", "allocation_rate": "0.5", "imports_cif": "3"}, "imports_cif"),
    ({"method": "purchase", "customs_duty": "1"}, "imports_cif"),
    ({"method": "purchase", "imports_cif": "1", "processing_fob": "1"}, "processing_fob"),
    ({"method": "consumption", "processing_fob": "1", "import_total": "1", "export_total": "0"}, "export_total"),
    ({"method": "consumption", "processing_fob": "1.001", "allocation_rate": "0.5"}, "processing_fob"),
    ({"method": "barter", "imports_cif": "1"}, "method"),
])
def test_refusals_name_the_field(kw, field):
    kw = dict(kw)  # the parameters are shared by every run of the test
    method = kw.pop("method")
    with pytest.raises(InvalidInput, match=f"^{field}:"):
        bonded_materials("2010-01", method, **kw)


def test_a_float_is_refused():
    with pytest.raises(NotMoney, match="^processing_fob: a float is not money"):
        bonded_materials("2014-01", "consumption", processing_fob=1000.0, allocation_rate="0.5")


def test_the_rule_reads_a_document_and_reports_every_problem():
    rule = rules.get("export.bonded_materials")
    r = rule.compute(rule.load().example)
    assert r.materials == P("600000.00")
    with pytest.raises(InputProblems) as e:
        rule.compute({"period": "2014-01", "method": "consumption", "processing_fob": "1", "import_total": "x"})
    assert "import_total" in str(e.value)


def test_golden_case_fed_into_exempt_credit_refund():
    # FOB 2,000,000 of processing exports, planned imports 3,000,000 against exports 6,000,000:
    # consumed bonded imports 1,000,000; 征17% 退13%
    b = bonded_materials("2014-03", "consumption", processing_fob="2000000", import_total="3000000",
                         export_total="6000000")
    month = ExemptCreditRefundInput(period="2014-03", exports=[ExportLine(
        fob="2000000", levy_rate="17%", rebate_rate="13%", bonded_materials=b.materials)],
        domestic_output_tax="0", input_tax="200000")
    r = exempt_credit_refund(month)
    assert r.non_creditable_reduction == P("40000.00")  # 1,000,000 × 4%
    assert r.non_creditable == P("40000.00")  # 80,000 − 40,000
    assert r.exempt_credit_refund == P("130000.00")  # 260,000 − 130,000
    assert r.tax_payable == P("-160000.00")
    assert (r.refund, r.credit_carried) == (P("130000.00"), P("30000.00"))
    assert r.step("exempt_credit_refund_reduction").value == P("130000.00")


fen = st.integers(min_value=0, max_value=10**12).map(lambda n: P(n) / 100)


@given(fob=fen, imports=st.integers(0, 10**9), extra=st.integers(0, 10**9))
def test_consumed_imports_never_exceed_the_fob(fob, imports, extra):
    exports = imports + extra or 1
    m = consumed("2015-06", str(fob), str(imports), str(exports))
    assert P(0) <= m <= fob
    assert m == m.quantize(P("0.01"))


@given(fob=st.integers(1, 10**9), rate=st.integers(0, 100), rebate=st.sampled_from(["9%", "13%", "16%", "17%"]))
def test_the_ceiling_falls_by_materials_times_the_rebate_rate(fob, rate, rebate):
    b = bonded_materials("2016-06", "consumption", processing_fob=str(fob), allocation_rate=f"{rate}%")

    def ceiling(materials: Decimal) -> Decimal:
        return exempt_credit_refund(ExemptCreditRefundInput(period="2016-06", exports=[ExportLine(
            fob=str(fob), levy_rate="17%", rebate_rate=rebate, bonded_materials=materials)])).exempt_credit_refund

    drop = ceiling(P(0)) - ceiling(b.materials)
    assert drop >= 0
    assert abs(drop - b.materials * P(rebate[:-1]) / 100) <= P("0.01")
