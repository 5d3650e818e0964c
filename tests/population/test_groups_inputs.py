"""The optional VAT and export columns: worked figures, what is refused (column and rows), what is left out."""

from __future__ import annotations

import decimal
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from taxcalc.cli import main  # noqa: E402
from taxcalc.population import PopulationInputError, aggregate, compute, generate, write_table  # noqa: E402
from taxcalc.population.engine import compute_table  # noqa: E402


def _rows(n: int, year: int = 2023, **columns: list[object]) -> Any:
    return pa.table({"year": [year] * n, "profit": [100_000] * n, "employees": [5] * n, "assets": [10**9] * n,
                     **columns})


def _one(table: pa.Table, column: str) -> list[object]:
    return list(compute(table).column(column).to_pylist())


# -- worked figures -----------------------------------------------------------------------------------------

def test_the_exemption_limit_includes_its_amount_and_the_2026_start_point_does_not() -> None:
    # 2025: 10万 a month is exempt (不超过), one fen more is taxed at 1% on the whole.
    t = _rows(2, 2025, sales_1=[10_000_000, 10_000_001])
    assert _one(t, "vat_tax_due") == [0, 100_000]
    assert _one(t, "saving_vat_small_scale_exemption") == [100_000, 0]
    # the 1% instead of 3% on 100,000.01 yuan: 3,000.00 − 1,000.00
    assert _one(t, "saving_vat_small_scale_reduced_rate") == [0, 200_000]
    # 2026: 起征点 10万 — 99,999.99 is exempt, exactly 10万 is taxed in full at 1%.
    t = _rows(2, 2026, sales_1=[9_999_999, 10_000_000])
    assert _one(t, "vat_tax_due") == [0, 100_000]
    assert _one(t, "vat_exempt_sales") == [9_999_999, 0]


def test_a_quarterly_filer_and_the_half_fen_tie() -> None:
    # 2019 Q2: 30万 a quarter; 300,000.50 yuan at 3% is 9,000.015 yuan → 9,000.02 (half up).
    t = _rows(2, 2019, vat_period=["quarter", "quarter"], sales_2=[30_000_000, 30_000_050])
    assert _one(t, "vat_tax_due") == [0, 900_002]
    assert _one(t, "vat_taxable_sales") == [0, 30_000_050]


def test_the_2022_exemption_of_the_3pct_sales_is_a_reduced_rate_saving() -> None:
    # 2022-05: over the 15万 limit, but sales at 3% are exempt altogether (2022年第15号 第一条).
    t = _rows(1, 2022, sales_5=[20_000_000])
    assert _one(t, "vat_tax_due") == [0]
    assert _one(t, "vat_exempt_sales") == [20_000_000]
    assert _one(t, "saving_vat_small_scale_exemption") == [0]
    assert _one(t, "saving_vat_small_scale_reduced_rate") == [600_000]


def test_2018_tests_goods_and_services_separately() -> None:
    # 3万 a month each: 28,000 + 22,000 is exempt; 31,000 of goods is taxed at 3%, the services not.
    t = _rows(2, 2018, sales_3=[5_000_000, 5_000_000], goods_sales_3=[2_800_000, 3_100_000])
    assert _one(t, "vat_tax_due") == [0, 93_000]
    assert _one(t, "vat_exempt_sales") == [5_000_000, 1_900_000]


def test_the_textbook_exempt_credit_refund() -> None:
    # levy 17%, rebate 15%, FOB 1,350,000 yuan (kuajob.com 例1, as in taxcalc.export.exempt_credit_refund)
    t = _rows(1, 2017, export_period=["2017-06"], export_fob=[135_000_000], export_levy_rate=["17%"],
              export_rebate_rate=["0.15"], domestic_output_tax=[16_150_000], input_tax=[30_600_000])
    r = compute(t).to_pylist()[0]
    assert (r["export_non_creditable"], r["export_tax_payable"], r["export_exempt_credit_refund"],
            r["export_refund"], r["export_exempt_credit"], r["export_credit_carried"]) == (
        2_700_000, -11_750_000, 20_250_000, 11_750_000, 8_500_000, 0)


def test_figures_do_not_depend_on_the_ambient_decimal_context() -> None:
    t = generate(300, 2023, 3, equipment_share=0, vat=True)
    expected = compute(t)
    with decimal.localcontext() as ctx:
        ctx.prec, ctx.rounding = 3, decimal.ROUND_DOWN
        assert compute(t).equals(expected)


# -- groups present and absent -------------------------------------------------------------------------------

def test_absent_groups_add_no_columns_and_inputs_are_not_carried_through() -> None:
    plain = compute(_rows(1))
    assert not [c for c in plain.column_names if c.startswith(("vat_", "export_", "saving_vat"))]
    with_vat = compute(_rows(1, sales_1=[1], vat_period=["month"], export_period=[None],
                             export_levy_rate=[None], export_rebate_rate=[None], id=[7]))
    assert "sales_1" not in with_vat.column_names and "vat_period" not in with_vat.column_names
    assert "export_period" not in with_vat.column_names and with_vat.column("id").to_pylist() == [7]
    assert with_vat.column("export_refund").to_pylist() == [0]


def test_aggregate_sums_the_group_columns_and_counts_beneficiaries() -> None:
    t = _rows(3, 2025, size_band=["a", "a", "b"], sales_1=[10_000_000, 10_000_001, 5_000_000])
    summary = aggregate(compute(t), ["size_band"]).to_pylist()
    assert [s["vat_tax_due"] for s in summary] == [100_000, 0]
    assert [s["saving_vat_small_scale_exemption"] for s in summary] == [100_000, 50_000]
    assert [s["beneficiaries_vat_small_scale_exemption"] for s in summary] == [1, 1]
    assert [s["beneficiaries_vat_small_scale_reduced_rate"] for s in summary] == [1, 0]


def test_a_row_past_the_arrays_is_computed_by_the_scalar_rule() -> None:
    big = 3 * 10**17  # 3e15 yuan: its product with a rate could leave int64 on the arrays
    t = _rows(2, 2023, sales_1=[big, 20_000_000])
    r = compute(t)
    assert r.column("path").to_pylist() == ["scalar", "vector"]
    assert r.column("vat_tax_due").to_pylist() == [big // 100, 200_000]


def test_the_generator_is_the_same_for_the_same_seed_and_leaves_the_income_tax_columns_alone() -> None:
    a, b = generate(500, 2023, 9, vat=True), generate(500, 2023, 9, vat=True)
    assert a.equals(b)
    plain = generate(500, 2023, 9)
    assert a.select(plain.column_names).equals(plain)


# -- refused, with the column and the rows --------------------------------------------------------------------

@pytest.mark.parametrize(("columns", "column", "words", "rows"), [
    ({"sales_3": [1.0, 2.0]}, "sales_3", "float", ()),
    ({"input_tax": [1.0, 2.0], "export_period": [None, None], "export_levy_rate": [None, None],
      "export_rebate_rate": [None, None]}, "input_tax", "float", ()),
    ({"sales_2": [5, -1]}, "sales_2", "negative", (2,)),
    ({"sales_2": [Decimal("1.005"), Decimal(1)]}, "sales_2", "finer than the fen", (1,)),
    ({"sales_1": [1, 1], "vat_period": ["month", "weekly"]}, "vat_period", "unknown value 'weekly'", (2,)),
    ({"sales_5": [0, 7], "vat_period": ["month", "quarter"]}, "sales_5", "four periods", (2,)),
    ({"sales_1": [5, 5], "goods_sales_1": [5, 6]}, "goods_sales_1", "more than sales_1", (2,)),
])
def test_bad_columns_are_refused_naming_the_column_and_rows(columns: dict[str, list[object]], column: str,
                                                           words: str, rows: tuple[int, ...]) -> None:
    with pytest.raises(PopulationInputError) as err:
        compute(_rows(2, **columns))
    assert err.value.field == column and words in str(err.value)
    assert err.value.rows == rows


def test_periods_the_law_cannot_compute_are_refused_with_their_rows() -> None:
    # 2020 Q1: the collection rate changes on 2020-03-01 inside the quarter.
    t = _rows(3, 2020, vat_period=["quarter", "month", "quarter"], sales_1=[1, 1, 1])
    with pytest.raises(PopulationInputError) as err:
        compute(t)
    assert err.value.field == "sales_1" and err.value.rows == (1, 3) and "changes inside the quarter" in str(err.value)
    with pytest.raises(PopulationInputError) as err:  # 2018: goods and services tested separately
        compute(_rows(2, 2018, sales_4=[0, 1]))
    assert err.value.field == "goods_sales_4" and err.value.rows == (2,)
    with pytest.raises(PopulationInputError) as err:  # before small-scale exemptions for units (2013-08-01)
        compute(_rows(2, 2008, sales_12=[0, 1]))
    assert err.value.field == "sales_12" and "outside the law data" in str(err.value) and err.value.rows == (2,)


def test_row_numbers_count_the_rows_of_earlier_chunks() -> None:
    t = _rows(5, 2023, sales_1=[1, 1, 1, 1, -1])
    with pytest.raises(PopulationInputError) as err:
        compute_table(t, chunk_rows=2)
    assert err.value.rows == (5,)


def _export(**changes: list[object]) -> Any:
    columns: dict[str, list[object]] = {
        "export_period": ["2023-12", "2023-11"], "export_fob": [100_000, 100_000],
        "export_levy_rate": ["13%", "13%"], "export_rebate_rate": ["13%", "9%"], "input_tax": [0, 0]}
    return _rows(2, 2023, **{**columns, **changes})


@pytest.mark.parametrize(("changes", "column", "words", "rows"), [
    ({"export_period": ["2023-12", "2022-12"]}, "export_period", "another year", (2,)),
    ({"export_period": ["2023-13", "2023-12"]}, "export_period", "YYYY-MM", (1,)),
    ({"export_rebate_rate": ["13%", None]}, "export_rebate_rate", "empty", (2,)),
    ({"export_levy_rate": ["13%", "18%"]}, "export_levy_rate", "between 0 and", (2,)),
    ({"export_levy_rate": [Decimal("0.13"), Decimal("0.1300001")]}, "export_levy_rate", "between 0 and", (2,)),
    ({"export_levy_rate": [0.13, 0.13]}, "export_levy_rate", "float", ()),
    ({"input_tax": [0, 10**17 - 100_000]}, "export_fob", "10^15 yuan or more", (2,)),
    ({"export_levy_rate": [13, 13]}, "export_levy_rate", "text", ()),
    ({"export_exempt_materials": [0, 60_000], "export_bonded_materials": [0, 40_001]}, "export_exempt_materials",
     "exceed export_fob", (2,)),
])
def test_bad_export_columns_are_refused(changes: dict[str, list[object]], column: str, words: str,
                                        rows: tuple[int, ...]) -> None:
    with pytest.raises(PopulationInputError) as err:
        compute(_export(**changes))
    assert err.value.field == column and words in str(err.value)
    assert err.value.rows == rows


def test_an_export_rate_column_is_required_with_a_period() -> None:
    t = _export().drop_columns(["export_levy_rate"])
    with pytest.raises(PopulationInputError, match="export_levy_rate: missing column"):
        compute(t)
    import numpy as np

    from taxcalc.law import default
    from taxcalc.population import export

    before = _export(export_period=["2001-12", "2001-11"])  # before the method's data (the income tax's too)
    with pytest.raises(PopulationInputError) as err:
        export.compute(export.read(before, np.array([2001, 2001]), 0), default())
    assert err.value.rows == (1, 2) and err.value.field == "export_period" and "outside the law data" in str(err.value)


# -- the command line -------------------------------------------------------------------------------------------

def test_the_command_line_generates_runs_verifies_and_prints_the_vat_totals(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pop, out = tmp_path / "pop.csv", tmp_path / "out.parquet"
    assert main(["population", "generate", "--n", "400", "--year", "2023", "--seed", "2", "--vat",
                 "--out", str(pop)]) == 0
    capsys.readouterr()
    assert main(["population", "run", str(pop), "--out", str(out), "--verify", "100", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "small-scale VAT due" in text and "saving: small-scale VAT exemption" in text
    assert "export VAT refund" in text
    assert main(["population", "run", str(pop), "--out", str(out), "--json"]) == 0
    group = json.loads(capsys.readouterr().out)["groups"][0]
    expected = compute(generate(400, 2023, 2, vat=True))
    assert int(group["vat_tax_due"]) == sum(expected.column("vat_tax_due").to_pylist()) > 0


def test_a_csv_rate_written_as_a_fraction_is_read_exactly(tmp_path: Path) -> None:
    path = tmp_path / "pop.csv"
    path.write_text("year,profit,employees,assets,export_period,export_fob,export_levy_rate,export_rebate_rate\n"
                    "2023,1,1,1,2023-12,100050,0.13,0.09\n", encoding="utf-8")
    from taxcalc.population import read_table

    r = compute(read_table(path)).to_pylist()[0]
    assert r["export_exempt_credit_refund"] == 9005  # 1,000.50 × 9% = 90.045 → 90.05
    write_table(compute(read_table(path)), tmp_path / "out.csv")
    assert (tmp_path / "out.csv").exists()
