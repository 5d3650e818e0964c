"""The column ``equipment_elect_one_time``: an asset whose enterprise declines the one-time deduction.

国家税务总局公告2018年第46号 四: the enterprise chooses the one-time deduction; a row
with ``equipment_elect_one_time`` false declines it (``Equipment.elect_one_time``),
and its asset is depreciated, on the straight line (on the arrays) or by its method
(by the scalar rules).  Every figure is compared with :func:`taxcalc.eit.annual` and
:func:`taxcalc.eit.benefit` of the same enterprise-year built by hand; bad values are
refused naming the column (and the file) and the rows.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from population.compare import mismatches  # noqa: E402
from taxcalc.cli import main  # noqa: E402
from taxcalc.eit import EnterpriseYear, Equipment, annual, benefit  # noqa: E402
from taxcalc.population import PopulationInputError, compute, generate, read_table  # noqa: E402
from taxcalc.population.columns import read_frame  # noqa: E402

D = Decimal
#: A 1,200,000-yuan lathe bought in March 2019 (within the 5,000,000 cap of 财税〔2018〕54号), book 120,000 a year.
_LATHE: dict[str, object] = {"equipment_cost": 120_000_000, "equipment_kind": "machinery",
                             "equipment_acquired_on": _dt.date(2019, 3, 10), "equipment_in_use": _dt.date(2019, 3, 20),
                             "equipment_book_depreciation": 12_000_000}


def _table(rows: list[dict[str, object]]) -> pa.Table:
    """A table of ``rows`` (each: a manufacturer with a profit of 5,000万, 100 employees, assets of 10亿, and more)."""
    base = {"year": 2019, "profit": 5_000_000_000, "employees": 100, "assets": 100_000_000_000,
            "industry": "manufacturing"}
    full = [{**base, **r} for r in rows]
    names = list(dict.fromkeys(k for r in full for k in r))
    return pa.table({k: [r.get(k) for r in full] for k in names})


def _facts(row: dict[str, object]) -> EnterpriseYear:
    """The enterprise-year of a row of :func:`_table`, built by hand (not from the table)."""
    def day(name: str) -> _dt.date:
        value = row.get(name, _LATHE[name])
        assert isinstance(value, _dt.date)
        return value

    method: dict[str, Any] = {}
    if row.get("equipment_method"):
        method["method"] = row["equipment_method"]
    if row.get("equipment_industry"):
        method["industry"] = row["equipment_industry"]
    def fen(name: str, default: int) -> Decimal:
        value = row.get(name, default)
        assert isinstance(value, int)
        return D(value).scaleb(-2)

    asset = Equipment("asset", fen("equipment_cost", 120_000_000), str(row.get("equipment_kind", "machinery")),
                      acquired_on=day("equipment_acquired_on"), in_use=day("equipment_in_use"),
                      book_depreciation=fen("equipment_book_depreciation", 12_000_000),
                      elect_one_time=row.get("equipment_elect_one_time") is not False, **method)
    year = row.get("year", 2019)
    assert isinstance(year, int)
    return EnterpriseYear(year, "50000000", industry="manufacturing", employees=100, assets="1000000000",
                          hnte_years=[year] if row.get("hnte") else [], equipment=[asset])


def _fen(d: Decimal) -> int:
    return int(d * 100)


def _same_as_the_scalar_rules(got: dict[str, object], facts: EnterpriseYear) -> None:
    """Every figure of the result row is that of annual() and benefit() of ``facts``."""
    a, b = annual(facts), benefit(facts)
    assert got["tax"] == _fen(a.tax) == _fen(b.result.tax)
    assert got["equipment_adjustment"] == _fen(a.equipment_adjustment)
    assert got["equipment_extra"] == _fen(a.equipment_extra)
    assert got["taxable_income"] == _fen(a.taxable_income)
    for p in b.policies:
        assert got[f"saving_{p.id}"] == _fen(p.saving), p.id
    assert got["total_saving"] == _fen(b.total_saving)
    assert got["tax_without_all"] == _fen(b.tax_without_all)


def test_declining_within_the_cap_depreciates_on_the_arrays_as_the_scalar_rules() -> None:
    rows = [{**_LATHE}, {**_LATHE, "equipment_elect_one_time": True}, {**_LATHE, "equipment_elect_one_time": None},
            {**_LATHE, "equipment_elect_one_time": False}]
    result = compute(_table(rows)).to_pylist()
    assert [r["path"] for r in result] == ["vector"] * 4
    for row, got in zip(rows, result, strict=True):
        _same_as_the_scalar_rules(got, _facts(row))
    # elected: 1,200,000 deducted in 2019 against the book's 120,000; declined: 10 years from April 2019,
    # 1,200,000 × 9 / 120 = 90,000, so the adjustment is 120,000 − 90,000 = +30,000 and nothing is saved
    assert [r["equipment_adjustment"] for r in result] == [-108_000_000] * 3 + [3_000_000]
    assert result[0]["saving_equipment_one_time"] == 27_750_000  # 1,110,000 × 25%
    assert result[3]["saving_equipment_one_time"] == 0
    assert result[3]["tax"] - result[0]["tax"] == 27_750_000


def test_declining_lets_the_method_save_tax_within_the_cap() -> None:
    method = {"equipment_method": "double_declining"}
    rows = [{**_LATHE, **method}, {**_LATHE, **method, "equipment_elect_one_time": False}]
    result = compute(_table(rows)).to_pylist()
    assert [r["path"] for r in result] == ["scalar"] * 2
    for row, got in zip(rows, result, strict=True):
        _same_as_the_scalar_rules(got, _facts(row))
    # elected: the one-time deduction comes first, the method saves nothing (without the deduction the method
    # gives 180,000: the one-time saving is (1,200,000 − 180,000) × 25%); declined: double declining over
    # 10 years from April 2019, 1,200,000 × 20% × 9/12 = 180,000 against the straight line's 90,000
    assert (result[0]["saving_accelerated_depreciation"], result[0]["saving_equipment_one_time"]) == (0, 25_500_000)
    assert result[1]["equipment_adjustment"] == 12_000_000 - 18_000_000
    assert (result[1]["saving_accelerated_depreciation"], result[1]["saving_equipment_one_time"]) == (2_250_000, 0)


@pytest.mark.parametrize("row", [
    # the 2022 Q4 high-tech deduction is declined with the one-time deduction (46号 四; 2022年第28号)
    {"year": 2022, "hnte": True, "equipment_acquired_on": _dt.date(2022, 11, 1),
     "equipment_in_use": _dt.date(2022, 11, 2)},
    {"equipment_cost": 500_000_000},  # exactly at the cap
    {"equipment_cost": 500_000_001},  # one fen over it
    {"equipment_kind": "buildings"},
    {"year": 2014, "equipment_acquired_on": _dt.date(2013, 12, 31), "equipment_in_use": _dt.date(2014, 1, 2)},
    {"year": 2027, "equipment_acquired_on": _dt.date(2027, 12, 31), "equipment_in_use": _dt.date(2027, 12, 31)},
    {"year": 2019, "equipment_acquired_on": _dt.date(2018, 11, 5), "equipment_in_use": _dt.date(2018, 12, 5)},
])
def test_each_case_elected_or_declined_equals_the_scalar_rules(row: dict[str, object]) -> None:
    rows = [{**_LATHE, **row}, {**_LATHE, **row, "equipment_elect_one_time": False}]
    result = compute(_table(rows)).to_pylist()
    assert [r["path"] for r in result] == ["vector"] * 2
    for r, got in zip(rows, result, strict=True):
        _same_as_the_scalar_rules(got, _facts(r))
    assert result[1]["saving_equipment_one_time"] == result[1]["saving_hnte_equipment_2022q4"] == 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cost=st.integers(1, 10**10), kind=st.sampled_from(["machinery", "tools", "vehicles", "electronics",
                                                           "buildings"]),
       year=st.integers(2015, 2027), back=st.integers(0, 2), month=st.integers(1, 12), later=st.integers(0, 40),
       hnte=st.booleans(), declined=st.booleans(), method=st.sampled_from([None, "double_declining"]))
def test_hypothesis_rows_equal_annual_and_benefit(*, cost: int, kind: str, year: int, back: int, month: int,
                                                  later: int, hnte: bool, declined: bool, method: str | None) -> None:
    acquired = _dt.date(year - back, month, 28)
    in_use = min(acquired + _dt.timedelta(days=later), _dt.date(year, 12, 31))
    row: dict[str, object] = {"year": year, "equipment_cost": cost, "equipment_kind": kind,
                              "equipment_acquired_on": acquired, "equipment_in_use": in_use,
                              "equipment_book_depreciation": cost // 7, "hnte": hnte,
                              "equipment_elect_one_time": not declined}
    if method is not None and kind != "buildings" and year - back >= 2019:  # allowed to every manufacturer
        row["equipment_method"] = method
    got = compute(_table([row])).to_pylist()[0]
    assert got["path"] == "scalar" or "equipment_method" not in row
    _same_as_the_scalar_rules(got, _facts(row))


def test_without_the_column_nothing_is_read_and_all_true_is_the_same() -> None:
    plain = _table([{**_LATHE}, {**_LATHE, "equipment_method": "sum_of_years"}])
    elected = plain.append_column("equipment_elect_one_time", pa.array([True, None], pa.bool_()))
    assert read_frame(plain).declined is None and read_frame(elected).declined is None
    assert compute(elected).equals(compute(plain))  # (the column is read, not carried to the result)
    declined = plain.append_column("equipment_elect_one_time", pa.array([None, False], pa.bool_()))
    assert read_frame(declined).declined.tolist() == [False, True]
    assert mismatches(declined, compute(declined)) == []


# --- refusals ------------------------------------------------------------------------------------------------

def test_declining_without_an_asset_is_refused_naming_the_rows() -> None:
    table = _table([{**_LATHE}, {"equipment_cost": 0, "equipment_elect_one_time": False},
                    {"equipment_cost": None, "equipment_elect_one_time": False},
                    {"equipment_cost": 0, "equipment_elect_one_time": True}])
    with pytest.raises(PopulationInputError) as err:
        compute(table)
    assert (err.value.field, err.value.rows) == ("equipment_elect_one_time", (2, 3))
    assert "without an asset (equipment_cost empty or 0)" in str(err.value)
    no_cost = _table([{"equipment_elect_one_time": False}])
    with pytest.raises(PopulationInputError) as err:
        compute(no_cost)
    assert (err.value.field, err.value.rows) == ("equipment_elect_one_time", (1,))


@pytest.mark.parametrize(("values", "arrow", "reason", "rows"), [
    ([1, 2, 0], pa.int64(), "a flag is true/false (or 1/0)", (2,)),
    (["no", "yes", "no"], pa.string(), "must be a true/false column (got string)", ()),
    ([D("1"), D("0"), D("1")], pa.decimal128(3, 0), "must be a true/false column", ()),
])
def test_a_value_that_is_not_a_flag_is_refused_naming_the_column(values: list[object], arrow: pa.DataType,
                                                                 reason: str, rows: tuple[int, ...]) -> None:
    table = _table([{**_LATHE}] * 3).append_column("equipment_elect_one_time", pa.array(values, arrow))
    with pytest.raises(PopulationInputError) as err:
        compute(table)
    assert err.value.field == "equipment_elect_one_time" and reason in str(err.value) and err.value.rows == rows


def test_a_csv_file_declines_and_a_bad_flag_names_the_file(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    head = ("year,profit,employees,assets,industry,equipment_cost,equipment_kind,equipment_acquired_on,"
            "equipment_in_use,equipment_book_depreciation,equipment_elect_one_time\n")
    line = "2019,5000000000,100,100000000000,manufacturing,120000000,machinery,2019-03-10,2019-03-20,12000000,"
    good = tmp_path / "pop.csv"
    good.write_text(head + line + "false\n" + line + "\n" + line + "TRUE\n", encoding="utf-8")
    table = read_table(good)
    result = compute(table).to_pylist()
    assert [r["equipment_adjustment"] for r in result] == [3_000_000, -108_000_000, -108_000_000]
    assert mismatches(table, compute(table)) == []
    bad = tmp_path / "bad.csv"
    bad.write_text(head + line + "false\n" + line + "no\n" + line + "\n" + line + "maybe\n", encoding="utf-8")
    with pytest.raises(PopulationInputError) as err:
        read_table(bad)
    assert (err.value.field, err.value.rows) == ("equipment_elect_one_time", (2, 4))
    assert str(err.value) == "equipment_elect_one_time: bad.csv: a flag is true/false (or 1/0) (rows 2, 4)"
    assert main(["population", "run", str(bad), "--out", str(tmp_path / "out.csv")]) != 0
    err_text = capsys.readouterr().err
    assert "equipment_elect_one_time: bad.csv: a flag is true/false (or 1/0) (rows 2, 4)" in err_text
    assert "Traceback" not in err_text and not (tmp_path / "out.csv").exists()


# --- generated populations -----------------------------------------------------------------------------------

def test_generated_declines_are_drawn_last_and_computed_exactly() -> None:
    plain = generate(1500, 2019, 5, equipment_share=0.3)
    drawn = generate(1500, 2019, 5, equipment_share=0.3, accelerated_share=0.5)
    before = [c for c in drawn.column_names if c != "equipment_elect_one_time"]
    assert drawn.select(plain.column_names).equals(plain)  # every column of the assets keeps its values
    assert generate(1500, 2019, 5, equipment_share=0.3, accelerated_share=0.5).equals(drawn)
    method = drawn.column("equipment_method").to_pylist()
    elect = drawn.column("equipment_elect_one_time").to_pylist()
    assert set(elect) == {None, False}
    assert all(m is not None for m, e in zip(method, elect, strict=True) if e is False)  # only rows with a method
    declined = sum(e is False for e in elect)
    assert 0.3 < declined / sum(m is not None for m in method) < 0.7
    assert before[-3:] == ["equipment_method", "equipment_life_months", "equipment_article_98"]
    result = compute(drawn)
    assert mismatches(drawn, result) == []
    rows = result.to_pylist()
    cost = drawn.column("equipment_cost").to_pylist()
    # declined within the cap: the method saves tax where, elected, the one-time deduction would have come first
    within = [r for r, e, c in zip(rows, elect, cost, strict=True) if e is False and c <= 500_000_000]
    assert within and sum(r["saving_accelerated_depreciation"] > 0 for r in within) > len(within) // 2
    assert all(r["saving_equipment_one_time"] == 0 for r in within)
