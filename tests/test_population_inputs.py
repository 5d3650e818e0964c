"""Bad population input is refused naming the column and the first rows; big amounts take the exact scalar path."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

from population.compare import mismatches  # noqa: E402
from taxcalc.population import PopulationInputError, aggregate, compute, generate  # noqa: E402


def _base(n: int = 3) -> dict[str, object]:
    return {"year": [2023] * n, "profit": [100_000_00] * n, "employees": [10] * n, "assets": [500_000_00] * n}


def test_a_missing_required_column_is_named() -> None:
    data = _base()
    del data["assets"]
    with pytest.raises(PopulationInputError, match=r"^assets: missing column \(required\)$"):
        compute(pd.DataFrame(data))


def test_a_float_money_column_is_refused_naming_it() -> None:
    data = _base()
    data["profit"] = [1.5, 2.0, 3.0]
    with pytest.raises(PopulationInputError, match=r"^profit: a float column \(double\) is not money"):
        compute(pd.DataFrame(data))


def test_a_negative_amount_where_none_can_be_names_the_rows() -> None:
    data = _base(8)
    data["rd_personnel"] = [0, -1, 0, 5, -2, 0, 0, -3]
    with pytest.raises(PopulationInputError) as e:
        compute(pd.DataFrame(data))
    assert e.value.field == "rd_personnel" and e.value.rows == (2, 5, 8)
    assert str(e.value) == "rd_personnel: must not be negative (rows 2, 5, 8)"


def test_an_unknown_industry_code_is_named_with_its_rows() -> None:
    data = _base()
    data["industry"] = ["manufacturing", "steel", "other"]
    with pytest.raises(PopulationInputError, match=r"^industry: unknown value 'steel'; expected one of: .* \(row 2\)$"):
        compute(pd.DataFrame(data))


def test_a_year_outside_the_law_data_is_refused() -> None:
    data = _base()
    data["year"] = [2023, 1990, 1990]
    with pytest.raises(PopulationInputError, match=r"^year: 1990 is outside the law data .*\(rows 2, 3\)$"):
        compute(pd.DataFrame(data))


def test_wrong_types_are_named() -> None:
    data = _base()
    data["hnte"] = ["yes", "no", "no"]
    with pytest.raises(PopulationInputError, match=r"^hnte: must be a true/false column"):
        compute(pd.DataFrame(data))
    data = _base()
    data["employees"] = [10.5, 3.0, 2.0]
    with pytest.raises(PopulationInputError, match=r"^employees: a float column"):
        compute(pd.DataFrame(data))


def test_decimal_yuan_columns_are_read_exactly_and_sub_fen_refused() -> None:
    data = _base()
    data["profit"] = [Decimal("100000.00"), Decimal("0.01"), Decimal("-5.5")]
    result = compute(pd.DataFrame(data))
    assert result.column("income_before_losses").to_pylist() == [10_000_000, 1, -550]
    data["profit"] = [Decimal("1.001"), Decimal("1"), Decimal("1")]
    with pytest.raises(PopulationInputError, match=r"^profit: an amount finer than the fen \(row 1\)$"):
        compute(pa.table({k: pa.array(v) for k, v in data.items()}))


def test_amounts_that_could_overflow_int64_take_the_exact_scalar_path() -> None:
    table = generate(50, 2023, 3, equipment_share=0)
    profit = table.column("profit").to_numpy().copy()
    profit[7] = 50_000_000_000_000_000  # 5×10^14 yuan: its products by the law's fractions could pass 2^63 fen
    table = table.set_column(table.column_names.index("profit"), "profit", pa.array(profit))
    result = compute(table)
    path = result.column("path").to_pylist()
    assert path[7] == "scalar" and path.count("scalar") == 1
    assert result.column("tax")[7].as_py() == 12_500_000_000_000_000  # 25%, exactly
    assert mismatches(table, result) == []


def test_aggregate_sums_counts_and_percentiles() -> None:
    table = generate(3000, 2023, 9, equipment_share=0)
    result = compute(table)
    summary = aggregate(result, ["size_band"])
    assert sorted(summary.column("size_band").to_pylist()) == ["large", "medium", "micro", "small"]
    assert sum(summary.column("rows").to_pylist()) == 3000
    assert sum(summary.column("tax").to_pylist()) == int(result.column("tax").to_numpy().sum())
    micro = summary.to_pylist()[summary.column("size_band").to_pylist().index("micro")]
    savings = result.filter(pa.compute.equal(result.column("size_band"), "micro")).column("saving_small_profit")
    assert micro["beneficiaries_small_profit"] == int((savings.to_numpy() > 0).sum()) > 0
    whole = aggregate(result)
    assert whole.num_rows == 1 and whole.column("tax_p10")[0].as_py() <= whole.column("tax_p90")[0].as_py()


def test_the_core_library_does_not_import_numpy() -> None:
    code = ("import sys, taxcalc, taxcalc.eit, taxcalc.cli; taxcalc.cli.build_parser(['--help']); "
            "print('numpy' in sys.modules, 'pyarrow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


def test_a_table_read_in_chunks_gives_the_same_rows_and_row_numbers() -> None:
    from taxcalc.population.engine import compute_table

    table = generate(1000, 2021, 5)
    whole = compute_table(table, chunk_rows=10_000)
    chunked = compute_table(table, chunk_rows=128)
    assert chunked.to_pylist() == whole.to_pylist()
    assets = table.column("assets").to_numpy().copy()
    assets[700] = -1
    bad = table.set_column(table.column_names.index("assets"), "assets", pa.array(assets))
    with pytest.raises(PopulationInputError, match=r"^assets: must not be negative \(row 701\)$"):
        compute_table(bad, chunk_rows=128)


def test_an_asset_bought_outside_the_law_data_is_named_by_its_column() -> None:
    data = _base(2)
    data.update({"equipment_cost": [0, 100_000_00], "equipment_kind": [None, "machinery"],
                 "equipment_acquired_on": [None, "1990-05-01"], "equipment_in_use": [None, "2023-01-10"]})
    with pytest.raises(PopulationInputError, match=r"^equipment_acquired_on: outside the law data: .*\(row 2\)$"):
        compute(pd.DataFrame(data))
