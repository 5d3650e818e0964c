"""Assets depreciated by a shortened life or an accelerated method in a population: the scalar rules' figures.

A row naming a method other than the straight line (``equipment_method`` …) is
computed by :func:`taxcalc.eit.benefit` (``path`` ``scalar``); these tests build
the same enterprise-year by hand, as :class:`taxcalc.eit.EnterpriseYear` with an
:class:`taxcalc.eit.Equipment`, and compare every figure, check worked examples
to the fen, and the refusal of each bad column value.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from population.compare import mismatches  # noqa: E402
from taxcalc.cli import main  # noqa: E402
from taxcalc.eit import EnterpriseYear, Equipment, annual, benefit  # noqa: E402
from taxcalc.population import (  # noqa: E402
    PopulationInputError,
    aggregate,
    compute,
    generate,
    read_table,
    write_table,
)
from taxcalc.population.columns import read_frame  # noqa: E402

_LATHE = {"equipment_cost": 120_000_000, "equipment_kind": "machinery",  # 1,200,000 yuan, bought 2015-03-10
          "equipment_acquired_on": _dt.date(2015, 3, 10), "equipment_in_use": _dt.date(2015, 3, 20),
          "equipment_book_depreciation": 12_000_000}


def _table(rows: list[dict[str, object]]) -> pa.Table:
    """A table of ``rows`` (each: an enterprise with a profit of 5,000万, 100 employees, assets of 10亿, and more)."""
    base = {"year": 2016, "profit": 5_000_000_000, "employees": 100, "assets": 100_000_000_000,
            "industry": "manufacturing"}
    full = [{**base, **r} for r in rows]
    names = list(dict.fromkeys(k for r in full for k in r))
    return pa.table({k: [r.get(k) for r in full] for k in names})


def _expected(year: int, asset: Equipment, industry: str = "manufacturing", share: str = "1") -> EnterpriseYear:
    return EnterpriseYear(year, "50000000", industry=industry, main_business_share=share, employees=100,
                          assets="1000000000", equipment=[asset])


def _lathe(**method: object) -> Equipment:
    return Equipment("lathe", "1200000", "machinery", acquired_on="2015-03-10", in_use="2015-03-20",
                     book_depreciation="120000", **method)  # type: ignore[arg-type]


def _fen(d: Decimal) -> int:
    return int(d * 100)


def _same_as_benefit(row: dict[str, object], facts: EnterpriseYear) -> None:
    """Every figure of the row is :func:`taxcalc.eit.benefit`'s (and :func:`taxcalc.eit.annual`'s) for ``facts``."""
    b = benefit(facts)
    a = annual(facts)
    assert row["path"] == "scalar"
    assert row["tax"] == _fen(a.tax) == _fen(b.result.tax)
    assert row["equipment_adjustment"] == _fen(a.equipment_adjustment)
    assert row["taxable_income"] == _fen(a.taxable_income)
    for p in b.policies:
        assert row[f"saving_{p.id}"] == _fen(p.saving), p.id
    assert row["total_saving"] == _fen(b.total_saving)
    assert row["tax_without_all"] == _fen(b.tax_without_all)


def test_a_double_declining_2015_asset_is_the_scalar_rules_to_the_fen() -> None:
    # 财税〔2014〕75号: special-purpose equipment (专用设备制造业) from 2014; double declining over 10 years from
    # April 2015: 240,000 in the first depreciation year, 192,000 in the second; 2016 takes 3/12 and 9/12 of them
    table = _table([{**_LATHE, "year": y, "equipment_method": "double_declining",
                     "equipment_industry": "special_equipment"} for y in (2015, 2016)])
    result = compute(table).to_pylist()
    asset = _lathe(method="double_declining", industry="special_equipment")
    for row, year in zip(result, (2015, 2016), strict=True):
        _same_as_benefit(row, _expected(year, asset))
    # 2015: 9/12 × 240,000 = 180,000 against the book's 120,000; 2016: 60,000 + 144,000 = 204,000
    assert [r["equipment_adjustment"] for r in result] == [-6_000_000, -8_400_000]
    # the 25% rate on the difference from the straight line (1,200,000 / 10 a year: 90,000 in 2015, 120,000 in 2016)
    assert [r["saving_accelerated_depreciation"] for r in result] == [2_250_000, 2_100_000]
    assert [r["total_saving"] for r in result] == [2_250_000, 2_100_000]


def test_the_same_row_on_the_straight_line_is_on_the_arrays_and_saves_nothing() -> None:
    plain = _table([{**_LATHE}, {**_LATHE, "equipment_method": "straight_line"}, {**_LATHE, "equipment_method": None}])
    result = compute(plain).to_pylist()
    assert [r["path"] for r in result] == ["vector"] * 3
    assert [r["saving_accelerated_depreciation"] for r in result] == [0] * 3
    assert [r["equipment_adjustment"] for r in result] == [0] * 3  # 120,000 a year on both sides
    assert mismatches(plain, compute(plain)) == []


@pytest.mark.parametrize(("columns", "method"), [
    ({"equipment_method": "sum_of_years", "equipment_industry": "special_equipment", "equipment_life_months": 120,
      "equipment_main_business_share": "0.6"},
     {"method": "sum_of_years", "industry": "special_equipment", "life_months": 120, "main_business_share": "0.6"}),
    ({"equipment_method": "shortened", "equipment_article_98": True, "equipment_life_months": 72},
     {"method": "shortened", "article_98": True, "life_months": 72}),
    ({"equipment_method": "shortened", "equipment_article_98": True},  # the floor: 60% of 120 months
     {"method": "shortened", "article_98": True}),
    ({"equipment_method": "double_declining", "equipment_industry": "instruments",
      "equipment_main_business_share": "0.51", "equipment_life_months": 144},
     {"method": "double_declining", "industry": "instruments", "main_business_share": "0.51", "life_months": 144}),
])
def test_each_method_column_reaches_the_asset(columns: dict[str, object], method: dict[str, object]) -> None:
    table = _table([{**_LATHE, "main_business_share": "0.4", **columns}])
    row = compute(table).to_pylist()[0]
    _same_as_benefit(row, _expected(2016, _lathe(**method), share="0.4"))
    assert row["saving_accelerated_depreciation"] > 0


def test_the_one_time_deduction_comes_first() -> None:
    # bought in 2019, 1,200,000 ≤ 5,000,000: deducted at once in 2019 (elected by default); the method saves nothing
    row = {**_LATHE, "year": 2019, "equipment_acquired_on": _dt.date(2019, 3, 10),
           "equipment_in_use": _dt.date(2019, 3, 20), "equipment_method": "double_declining"}
    got = compute(_table([row])).to_pylist()[0]
    asset = Equipment("lathe", "1200000", "machinery", acquired_on="2019-03-10", in_use="2019-03-20",
                      book_depreciation="120000", method="double_declining")
    _same_as_benefit(got, _expected(2019, asset))
    assert got["saving_accelerated_depreciation"] == 0 and got["saving_equipment_one_time"] > 0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(method=st.sampled_from(["shortened", "double_declining", "sum_of_years"]),
       kind=st.sampled_from(["machinery", "tools", "vehicles", "electronics"]),
       cost=st.integers(100, 10**11), residual_share=st.integers(0, 10), year=st.integers(2017, 2025),
       back=st.integers(0, 2), month=st.integers(1, 12), longer=st.integers(0, 3), with_life=st.booleans())
def test_hypothesis_rows_with_a_method_equal_the_scalar_rules(*, method: str, kind: str, cost: int,
                                                              residual_share: int, year: int, back: int, month: int,
                                                              longer: int, with_life: bool) -> None:
    years = {"machinery": 10, "tools": 5, "vehicles": 4, "electronics": 3}[kind]
    life = (years + longer) * 12 if method != "shortened" else years * 12 - 1 - longer
    day = _dt.date(year - back, month, 28)
    residual = cost * residual_share // 100
    columns = {"equipment_cost": cost, "equipment_kind": kind, "equipment_acquired_on": day, "equipment_in_use": day,
               "equipment_book_depreciation": cost // 7, "equipment_residual": residual, "year": year,
               "equipment_method": method, "equipment_article_98": True,
               "equipment_life_months": life if with_life else None}
    row = compute(_table([columns])).to_pylist()[0]
    asset = Equipment("asset", Decimal(cost).scaleb(-2), kind, acquired_on=day, in_use=day,
                      book_depreciation=Decimal(cost // 7).scaleb(-2), residual=Decimal(residual).scaleb(-2),
                      method=method, article_98=True, life_months=life if with_life else None)
    _same_as_benefit(row, _expected(year, asset))


def test_a_table_without_the_method_columns_reads_none_of_them() -> None:
    f = read_frame(_table([{**_LATHE}]))
    assert f.method == {} and f.accelerated() is None
    with_column = read_frame(_table([{**_LATHE, "equipment_method": "straight_line"}]))
    accelerated = with_column.accelerated()
    assert accelerated is not None and not accelerated.any()


# --- refusals: the column, the rows, the reason ----------------------------------------------------------------

def _refused(rows: list[dict[str, object]]) -> PopulationInputError:
    with pytest.raises(PopulationInputError) as err:
        compute(_table(rows))
    return err.value


def test_an_unknown_method_is_named_with_its_rows() -> None:
    e = _refused([{**_LATHE, "equipment_method": m} for m in ("double_declining", "declining", "straight_line")])
    assert e.field == "equipment_method" and e.rows == (2,)
    assert str(e).startswith("equipment_method: unknown value 'declining'; expected one of: straight_line, shortened")


def test_a_method_without_an_asset_is_refused() -> None:
    e = _refused([{**_LATHE, "equipment_method": "shortened", "equipment_article_98": True},
                  {"equipment_cost": 0, "equipment_method": "sum_of_years"}])
    assert (e.field, e.rows) == ("equipment_method", (2,))
    assert "without an asset" in str(e)


@pytest.mark.parametrize(("column", "value", "reason"), [
    ("equipment_life_months", 60, "only with a method other than straight_line"),
    ("equipment_industry", "instruments", "only with a method other than straight_line"),
    ("equipment_main_business_share", "0.6", "only with a method other than straight_line"),
    ("equipment_article_98", True, "only with a method other than straight_line"),
])
def test_a_method_field_on_the_straight_line_is_refused(column: str, value: object, reason: str) -> None:
    e = _refused([{**_LATHE, "equipment_method": "double_declining", "equipment_article_98": True},
                  {**_LATHE, "equipment_method": "straight_line", column: value}])
    assert (e.field, e.rows) == (column, (2,)) and reason in str(e)


def test_a_method_field_without_the_method_column_is_refused() -> None:
    e = _refused([{**_LATHE, "equipment_life_months": 60}])
    assert (e.field, e.rows) == ("equipment_life_months", (1,))


@pytest.mark.parametrize(("value", "reason"), [
    (0, "a life is 1 to 1200 months"), (1201, "a life is 1 to 1200 months"),
    (126, "not a whole number of years, which double_declining and sum_of_years need"),
])
def test_a_bad_life_is_refused(value: int, reason: str) -> None:
    e = _refused([{**_LATHE, "equipment_method": "double_declining", "equipment_article_98": True,
                   "equipment_life_months": v} for v in (120, value)])
    assert (e.field, e.rows) == ("equipment_life_months", (2,)) and reason in str(e)


def test_wrong_column_types_are_named() -> None:
    table = _table([{**_LATHE, "equipment_method": "shortened", "equipment_article_98": True}])
    bad = {"equipment_life_months": pa.array([60.0]), "equipment_main_business_share": pa.array([0.6]),
           "equipment_article_98": pa.array([2]), "equipment_method": pa.array([3])}
    for name, column in bad.items():
        t = table.append_column(name, column) if name not in table.column_names else \
            table.set_column(table.column_names.index(name), name, column)
        with pytest.raises(PopulationInputError) as err:
            compute(t)
        assert err.value.field == name, name


@pytest.mark.parametrize(("value", "reason"), [("1.2", "a share is at most 1"), ("half", "not a number ≥ 0")])
def test_a_bad_asset_share_is_refused(value: str, reason: str) -> None:
    e = _refused([{**_LATHE, "equipment_method": "shortened", "equipment_article_98": True,
                   "equipment_main_business_share": v} for v in ("0.9", value)])
    assert (e.field, e.rows) == ("equipment_main_business_share", (2,)) and reason in str(e)


def test_an_unknown_asset_industry_is_refused() -> None:
    e = _refused([{**_LATHE, "equipment_method": "shortened", "equipment_industry": "steel"}])
    assert (e.field, e.rows) == ("equipment_industry", (1,)) and "unknown value 'steel'" in str(e)


def test_a_method_the_law_does_not_allow_is_refused_naming_the_row() -> None:
    # 2015: manufacturing as a whole is not yet listed (2019年第66号), nor is the asset of 第九十八条
    e = _refused([{**_LATHE}, {**_LATHE, "equipment_method": "double_declining"}])
    assert (e.field, e.rows) == ("equipment_method", (2,)) and "industry" in str(e)
    # the asset's own share of 50% exactly is not more than 50% (64号 一: 50%（不含）以上)
    e = _refused([{**_LATHE, "equipment_method": "double_declining", "equipment_industry": "instruments",
                   "equipment_main_business_share": "0.5"}])
    assert (e.field, e.rows) == ("equipment_main_business_share", (1,))
    # a shortened life below the floor of 60% of 120 months
    e = _refused([{**_LATHE, "equipment_method": "shortened", "equipment_article_98": True,
                   "equipment_life_months": 71}])
    assert (e.field, e.rows) == ("equipment_life_months", (1,))


def test_a_csv_file_with_the_method_columns(tmp_path: Path) -> None:
    path = tmp_path / "pop.csv"
    path.write_text("year,profit,employees,assets,industry,equipment_cost,equipment_kind,equipment_acquired_on,"
                    "equipment_in_use,equipment_book_depreciation,equipment_method,equipment_industry,"
                    "equipment_life_months,equipment_main_business_share,equipment_article_98\n"
                    "2016,5000000000,100,100000000000,manufacturing,120000000,machinery,2015-03-10,2015-03-20,"
                    "12000000,double_declining,special_equipment,,0.8,\n"
                    "2016,5000000000,100,100000000000,manufacturing,120000000,machinery,2015-03-10,2015-03-20,"
                    "12000000,,,,,\n", encoding="utf-8")
    result = compute(read_table(path)).to_pylist()
    assert [r["saving_accelerated_depreciation"] for r in result] == [2_100_000, 0]
    assert [r["path"] for r in result] == ["scalar", "vector"]


def test_a_csv_life_in_months_that_is_not_whole_is_named_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pop.csv"
    path.write_text("year,profit,employees,assets,equipment_life_months\n2023,0,1,0,\n2023,0,1,0,60.5\n",
                    encoding="utf-8")
    with pytest.raises(PopulationInputError) as err:
        read_table(path)
    assert (err.value.field, err.value.rows) == ("equipment_life_months", (2,))
    assert str(err.value) == "equipment_life_months: pop.csv: not a whole number of months (row 2)"


# --- generated populations ---------------------------------------------------------------------------------------

def test_generated_methods_are_drawn_last_and_computed_exactly(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    plain = generate(1500, 2017, 5, equipment_share=0.3)
    drawn = generate(1500, 2017, 5, equipment_share=0.3, accelerated_share=0.5)
    assert drawn.select(plain.column_names).equals(plain)  # every other column keeps its values
    assert generate(1500, 2017, 5, equipment_share=0.3, accelerated_share=0.5).equals(drawn)
    result = compute(drawn)
    method = drawn.column("equipment_method").to_pylist()
    path = result.column("path").to_pylist()
    assert all(p == "scalar" for m, p in zip(method, path, strict=True) if m is not None)
    assert 150 < sum(m is not None for m in method) < 300
    assert mismatches(drawn, result) == []
    savings = result.column("saving_accelerated_depreciation").to_pylist()
    summary = aggregate(result, []).to_pylist()[0]
    assert summary["beneficiaries_accelerated_depreciation"] == sum(s > 0 for s in savings) > 100
    assert summary["saving_accelerated_depreciation"] == sum(savings)
    # the command: drawn with --accelerated-share, checked with --verify
    source, out = tmp_path / "pop.parquet", tmp_path / "result.parquet"
    assert main(["population", "generate", "--n", "400", "--year", "2017", "--seed", "2", "--equipment-share", "0.5",
                 "--accelerated-share", "0.6", "--out", str(source)]) == 0
    assert read_table(source).column("equipment_method").null_count < 400
    assert main(["population", "run", str(source), "--verify", "400", "--out", str(out), "--json"]) == 0
    capsys.readouterr()
    assert main(["population", "generate", "--n", "5", "--year", "2017", "--accelerated-share", "1.5", "--out",
                 str(tmp_path / "x.parquet")]) != 0
    assert "--accelerated-share" in capsys.readouterr().err


def test_generate_refuses_a_share_outside_0_1() -> None:
    with pytest.raises(ValueError, match="accelerated_share"):
        generate(10, 2017, accelerated_share=-0.1)


def test_a_written_result_keeps_the_savings(tmp_path: Path) -> None:
    table = _table([{**_LATHE, "equipment_method": "double_declining", "equipment_industry": "special_equipment"}])
    write_table(compute(table), tmp_path / "r.csv")
    assert "2100000" in (tmp_path / "r.csv").read_text(encoding="utf-8")


def test_a_whole_number_flag_other_than_0_or_1_is_refused_naming_it() -> None:
    # (an integer flag column of another value is refused, as for every flag, not a traceback)
    for name in ("equipment_article_98", "hnte"):
        table = _table([{**_LATHE, "equipment_method": "shortened", name: v} for v in (1, 2, 0)])
        with pytest.raises(PopulationInputError) as err:
            compute(table)
        assert (err.value.field, err.value.rows) == (name, (2,))
        assert "a flag is true/false (or 1/0)" in str(err.value)
