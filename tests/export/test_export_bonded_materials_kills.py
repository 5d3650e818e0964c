"""进料加工 bonded imports: every step of both methods (labels, values, formulas, citations and
return-form line), the period kept as its first day, the rate given against the totals, and the
exact message of each refusal and the field it names."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from taxcalc import rules
from taxcalc.errors import InputProblems, InvalidInput
from taxcalc.export import BONDED_METHODS, bonded_materials
from taxcalc.law import default

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "mutation_kills"))
from kill_helpers import rows  # noqa: E402

P = Decimal
SUMMARY = "《免抵退税申报汇总表》"
N2002 = "国税发〔2002〕11号 （条次未核实）"
N2012 = "国家税务总局公告2012年第24号 第五条（条次未核实）"
N2013 = "国家税务总局公告2013年第12号 （条次未核实）"


def allowed_row(method: str, cite: str) -> tuple[object, ...]:
    text = {
        "purchase": ("进料加工保税进口料件按购进法（当期进口料件组成计税价格）计入免税购进原材料价格：是否允许",
                     "进料加工 purchase method (the period's bonded imports at composite taxable value): allowed"),
        "consumption": ("进料加工保税进口料件按实耗法（出口离岸价 × 分配率）计入免税购进原材料价格：是否允许",
                        "进料加工 consumption method (processing exports' FOB × allocation rate): allowed"),
    }[method]
    return (method + "_method", *text, True, "bool", "", "", (cite,), "")


def basis_row(value: str, cite: str) -> tuple[object, ...]:
    return ("basis", "进料加工实耗法分配率的依据（进口总值 ÷ 出口总值取自何处）",
            "进料加工 consumption method: where the allocation rate's import and export totals come from",
            value, "", "", "", (cite,), "")


CONSUMED = ("materials", "进料加工出口货物耗用的保税进口料件金额（实耗法）",
            "bonded imports consumed by the processing exports (consumption method)")


def test_the_purchase_method_steps():
    r = bonded_materials(dt.date(2010, 3, 17), "purchase", imports_cif="500000", customs_duty="25000",
                         consumption_tax="1.5", law=default().with_values({}))
    assert (r.period, r.method, r.basis, r.allocation_rate, r.materials) == (
        dt.date(2010, 3, 1), "purchase", "", None, P("525001.50"))
    assert rows(r.steps) == [
        allowed_row("purchase", N2002),
        ("materials", "当期进料加工保税进口料件的组成计税价格（购进法）",
         "bonded imports of the period at composite taxable value (purchase method)", P("525001.50"), "yuan",
         "500,000.00 + 25,000.00 + 1.50", "到岸价 + 海关实征关税 + 海关实征消费税", (N2002,), SUMMARY),
    ]


def test_the_consumption_method_from_the_totals():
    r = bonded_materials("2014-03", "consumption", processing_fob="100.01", import_total="1", export_total="3")
    assert (r.period, r.method, r.basis, r.materials) == (dt.date(2014, 3, 1), "consumption",
                                                         "prior_year_actual", P("33.34"))
    assert str(r.allocation_rate) == "0." + "3" * 50
    got = rows(r.steps)
    assert got[:2] == [allowed_row("consumption", N2012), basis_row("prior_year_actual", N2013)]
    assert got[2][:4] == ("allocation_rate", "进料加工分配率", "allocation rate", r.allocation_rate)
    assert got[2][4:] == ("rate", "1.00 ÷ 3.00", "进口总值 ÷ 出口总值", (N2013,), SUMMARY)
    assert got[3][:5] == (*CONSUMED, P("33.34"), "yuan")
    assert got[3][7:] == ((N2012,), SUMMARY)
    d = r.as_dict()["steps"][3]
    assert (d["formula"], d["formula_zh"]) == ("ROUND(100.01 × 1.00 ÷ 3.00, 2)",) * 2


def test_the_consumption_method_with_the_rate_given():
    r = bonded_materials(dt.date(2012, 8, 31), "consumption", processing_fob="1000", allocation_rate="0.25")
    assert (r.period, r.basis, r.allocation_rate, r.materials) == (dt.date(2012, 8, 1), "planned", P("0.25"),
                                                                  P("250.00"))
    got = rows(r.steps)
    assert got[:3] == [
        allowed_row("consumption", N2012), basis_row("planned", N2012),
        ("allocation_rate", "进料加工分配率（给定）", "allocation rate (given)", P("0.25"), "rate", "", "", (N2012,),
         SUMMARY),
    ]
    assert got[3][:5] == (*CONSUMED, P("250.00"), "yuan")
    assert got[3][7:] == ((N2012,), SUMMARY)
    d = r.as_dict()["steps"][3]
    assert (d["formula"], d["formula_zh"]) == ("ROUND(1,000.00 × 25%, 2)",) * 2


def test_a_rate_of_exactly_one_is_used():
    r = bonded_materials("2014-01", "consumption", processing_fob="1000.01", allocation_rate="1")
    assert r.materials == P("1000.01")


def test_the_methods_offered():
    assert BONDED_METHODS == ("consumption", "purchase")


@pytest.mark.parametrize(("period", "kw", "message"), [
    ("2014-01", {"method": "purchase", "imports_cif": "1"},
     "method: the purchase method (购进法) does not apply to a period of 2014-01 "
     "(国家税务总局公告2012年第24号 第五条（条次未核实）); use consumption (实耗法)"),
    ("2014-01", {"method": "consumption", "import_total": "1", "export_total": "2"},
     "processing_fob: the consumption method (实耗法) needs the FOB value of the processing exports"),
    ("2014-01", {"method": "consumption", "processing_fob": "1", "export_total": "2"},
     "import_total: the consumption method (实耗法) needs the import and export totals (or allocation_rate)"),
    ("2014-01", {"method": "consumption", "processing_fob": "1", "import_total": "2"},
     "export_total: the consumption method (实耗法) needs the import and export totals (or allocation_rate)"),
    ("2014-01", {"method": "consumption", "processing_fob": "1", "import_total": "1", "allocation_rate": "0.5"},
     "allocation_rate: give either the allocation rate or the import and export totals, not both"),
    ("2014-01", {"method": "consumption", "processing_fob": "1", "export_total": "1", "allocation_rate": "0.5"},
     "allocation_rate: give either the allocation rate or the import and export totals, not both"),
    ("2014-01", {"method": "consumption", "processing_fob": "1", "import_total": "3", "export_total": "2"},
     "import_total: import total 3 above the export total 2: an allocation rate above 100% would make the "
     "consumed imports exceed the exports' FOB value"),
    ("2014-01", {"method": "consumption", "processing_fob": "1", "allocation_rate": "1.5"},
     "allocation_rate: must be between 0 and 1 (got 1.5)"),
    ("2014-01", {"method": "consumption", "processing_fob": "1", "allocation_rate": "0.5", "customs_duty": "2"},
     "customs_duty: belongs to the purchase method (购进法), not to the consumption method"),
    ("2014-01", {"method": "consumption", "processing_fob": "1", "allocation_rate": "0.5", "consumption_tax": "2"},
     "consumption_tax: belongs to the purchase method (购进法), not to the consumption method"),
    ("2010-01", {"method": "purchase", "processing_fob": "1"},
     "imports_cif: the purchase method (购进法) needs the CIF value of the period's bonded imports"),
    ("2010-01", {"method": "purchase", "imports_cif": "1", "import_total": "1"},
     "import_total: belongs to the consumption method (实耗法), not to the purchase method"),
    ("2010-01", {"method": "purchase", "imports_cif": "1", "export_total": "1"},
     "export_total: belongs to the consumption method (实耗法), not to the purchase method"),
    ("2010-01", {"method": "purchase", "imports_cif": "1", "allocation_rate": "0.5"},
     "allocation_rate: belongs to the consumption method (实耗法), not to the purchase method"),
    ("2010-01", {"method": "consumption", "processing_fob": "1", "import_total": "1", "export_total": "0.00"},
     "export_total: must be positive (got 0.00)"),
    ("2010-01", {"method": "purchase", "imports_cif": "1.005"},
     "imports_cif: must be in yuan and fen (at most 2 decimals), got 1.005"),
    ("2010-01", {"method": "purchase", "imports_cif": "1", "customs_duty": "0.001"},
     "customs_duty: must be in yuan and fen (at most 2 decimals), got 0.001"),
    ("2010-01", {"method": "purchase", "imports_cif": "1", "consumption_tax": "0.001"},
     "consumption_tax: must be in yuan and fen (at most 2 decimals), got 0.001"),
    ("2010-01", {"method": "consumption", "processing_fob": "1", "import_total": "0.001", "export_total": "1"},
     "import_total: must be in yuan and fen (at most 2 decimals), got 0.001"),
    ("2010-01", {"method": "consumption", "processing_fob": "1", "import_total": "0", "export_total": "1.001"},
     "export_total: must be in yuan and fen (at most 2 decimals), got 1.001"),
])
def test_each_refusal_names_its_field_and_reason(period, kw, message):
    kw = dict(kw)
    method = kw.pop("method")
    with pytest.raises(InvalidInput) as e:
        bonded_materials(period, method, **kw)
    assert str(e.value) == message


def test_the_purchase_method_after_2012_names_the_consumption_method_in_its_refusal():
    with pytest.raises(InvalidInput) as e:
        bonded_materials("2013-01", "consumption", processing_fob="1", allocation_rate="0.5",
                         law=default().with_values({"export.processing.consumption_method": False}))
    assert str(e.value).startswith("method: the consumption method (实耗法) does not apply to a period of 2013-01 (")
    assert str(e.value).endswith("); use purchase (购进法)")


def test_a_purchase_with_duty_and_tax_of_zero_in_the_consumption_method_is_no_problem():
    r = bonded_materials("2014-01", "consumption", processing_fob="10", allocation_rate="0.5", customs_duty="0",
                         consumption_tax="0.00")
    assert r.materials == P("5.00")


def test_a_period_that_is_not_a_month_is_named():
    with pytest.raises(InvalidInput) as e:
        bonded_materials("2014-13", "consumption", processing_fob="1", allocation_rate="0.5")
    assert str(e.value) == "period: '2014-13' is not a month (write YYYY-MM)"


@pytest.mark.parametrize(("document", "problems"), [
    ({"method": "consumption", "processing_fob": "1", "allocation_rate": "0.5", "import_total": "1"},
     ["allocation_rate: give either the allocation rate or the import and export totals, not both"]),
    ({"method": "consumption", "processing_fob": "1", "allocation_rate": "0.5", "imports_cif": "1",
      "customs_duty": "1", "consumption_tax": "2"},
     [f"{name}: belongs to the purchase method (购进法), not to the consumption method"
      for name in ("imports_cif", "customs_duty", "consumption_tax")]),
])
def test_a_document_reports_every_problem_of_its_method(document, problems):
    rule = rules.get("export.bonded_materials")
    with pytest.raises(InputProblems) as e:
        rule.compute({"period": "2014-01", **document})
    assert str(e.value).splitlines()[1:] == problems
