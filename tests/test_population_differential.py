"""The population figures equal the scalar rules' (taxcalc.eit.benefit), column by column: 0 mismatches.

Synthetic populations of several years, and hypothesis populations weighted to
the edges: half-fen ties, taxable incomes at every small low-profit cliff ± 1
fen, losses at the last year of their window, the years the law switched.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from population.compare import mismatches  # noqa: E402
from taxcalc.eit import policy_law, small_profit_cliffs  # noqa: E402
from taxcalc.law import default  # noqa: E402
from taxcalc.population import compute, generate  # noqa: E402

#: Years around the switches of the law: 2017 (tech SMEs 75%), 2018 (small low-profit 100万, 10-year losses,
#: one-time equipment), 2019 (bands), 2021/2022 (12.5%, manufacturers, Q4 2022), 2023 (25% on all, 100%).
SWITCH_YEARS = (2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024)


#: 10,200 synthetic rows (and about 1,200 hypothesis rows and 800 under other laws below).
@pytest.mark.parametrize(("year", "n", "seed"), [(2018, 1500, 1), (2019, 1500, 2), (2020, 1500, 7), (2021, 1500, 3),
                                                 (2022, 1200, 4), (2023, 1500, 5), (2024, 1500, 6)])
def test_synthetic_population_equals_the_scalar_rules(year: int, n: int, seed: int) -> None:
    table = generate(n, year, seed)
    result = compute(table)
    assert result.num_rows == n
    assert mismatches(table, result) == []
    vector = result.column("path").to_pylist().count("vector")
    assert vector > n * 0.5  # the arrays, not only the scalar rules, made most of these figures


def test_a_what_if_and_an_as_known_on_law_apply_to_every_row() -> None:
    table = generate(800, 2018, 11, equipment_share=0)
    law = default().with_values({"eit.small_profit.income_cap": "2000000"})
    result = compute(table, law=law)
    assert mismatches(table, result, law=law) == []
    assert result.column("tax").to_pylist() != compute(table).column("tax").to_pylist()
    known = compute(table, known_on="2017-12-31")
    assert mismatches(table, known, known_on=_dt.date(2017, 12, 31)) == []
    assert sum(known.column("saving_since").to_pylist()) > 0  # the 2018 notices lowered the tax
    off = policy_law(["small_profit"])
    assert mismatches(table, compute(table, law=off), law=off) == []


def _fen(yuan: Decimal) -> int:
    return int(yuan * 100)


@st.composite
def edge_rows(draw: st.DrawFn) -> dict[str, object]:
    year = draw(st.sampled_from(SWITCH_YEARS))
    cliffs = [_fen(c) for c in small_profit_cliffs(year)]
    target = draw(st.one_of(
        st.sampled_from(cliffs).flatmap(lambda c: st.sampled_from((c - 1, c, c + 1))),  # every cliff ± 1 fen
        st.integers(0, 40_000_000).map(lambda x: x * 4 + 2),  # × 25%: a half fen
        st.integers(0, 10_000_000).map(lambda x: x * 8 + 4),  # × 12.5%: a half fen
        st.integers(-50_000_000, 5_000_000_000),
    ))
    row: dict[str, object] = {"year": year, "industry": draw(st.sampled_from(
        ("manufacturing", "wholesale_retail", "information", "catering", "other", "tobacco")))}
    loss = 0
    if draw(st.booleans()):
        # 5 and 10: the last year of a window (the loss rules' data start in 2008)
        k = draw(st.sampled_from([k for k in (5, 10, 1, 4, 6, 9) if year - k >= 2008]))
        loss = draw(st.integers(1, 30_000_000))
        row[f"loss_{k}"] = loss
        if draw(st.booleans()):
            row["qualified_from"] = year - draw(st.integers(1, 9))
    rd = 0
    if draw(st.booleans()):
        rd = draw(st.integers(1, 20_000_000))
        row["rd_personnel"] = rd
        row["rd_other"] = draw(st.integers(0, rd // 5 + 1))
        row["main_business_share"] = draw(st.sampled_from(("1", "0.5", "0.500001", "0.49", "0.8")))
        if draw(st.booleans()):
            row["rd_entrusted_domestic"] = draw(st.integers(1, 5_000_000))
        if draw(st.booleans()):
            row["rd_entrusted_overseas"] = draw(st.integers(1, 9_000_000))
    row["profit"] = target + loss  # the taxable income lands on the target when the loss is usable
    row["adjustments"] = draw(st.sampled_from((0, 0, 1, -1)))
    row["employees"] = draw(st.sampled_from(("10", "80", "80.0001", "100", "300", "300.5", "1000")))
    row["assets"] = draw(st.sampled_from((1_000_000_000, 3_000_000_000, 3_000_000_001, 5_000_000_000,
                                          5_000_000_001, 10_000_000_000)))
    for flag in ("hnte", "tech_sme", "tase", "ic_machine", "restricted"):
        row[flag] = draw(st.booleans()) and draw(st.booleans())
    if draw(st.booleans()):  # one asset: the unit value cap ± 1 fen, put into use in November or December,
        # bought on the first or last day of a window (2018-01-01, 2022-10-01, 2022-12-31) or in the year
        row["equipment_cost"] = draw(st.sampled_from((499_999_999, 500_000_000, 500_000_001, 1_000_001,
                                                      2_000_000_000)))
        row["equipment_kind"] = draw(st.sampled_from(("machinery", "tools", "vehicles", "electronics", "buildings")))
        acquired = draw(st.sampled_from((_dt.date(2018, 1, 1), _dt.date(2017, 12, 31), _dt.date(2022, 10, 1),
                                         _dt.date(2022, 9, 30), _dt.date(2022, 12, 31), _dt.date(year, 11, 15),
                                         _dt.date(year, 12, 3), _dt.date(year - 1, 6, 30))))
        acquired = min(acquired, _dt.date(year, 12, 1))
        row["equipment_acquired_on"] = acquired
        row["equipment_in_use"] = acquired + _dt.timedelta(days=draw(st.integers(0, 40)))
        row["equipment_book_depreciation"] = draw(st.integers(0, 50_000_000))
        row["equipment_residual"] = draw(st.sampled_from((0, 1, 4_999)))
    return row


_COLUMNS = ("year", "industry", "profit", "adjustments", "employees", "assets", "hnte", "tech_sme", "tase",
            "ic_machine", "restricted", "qualified_from", "main_business_share", "rd_personnel", "rd_other",
            "rd_entrusted_domestic", "rd_entrusted_overseas", *(f"loss_{k}" for k in range(1, 11)),
            "equipment_cost", "equipment_kind", "equipment_acquired_on", "equipment_in_use",
            "equipment_book_depreciation", "equipment_residual")
_TYPES = {"year": pa.int64(), "industry": pa.string(), "employees": pa.string(), "main_business_share": pa.string(),
          "qualified_from": pa.int64(), "equipment_kind": pa.string(), "equipment_acquired_on": pa.date32(),
          "equipment_in_use": pa.date32(), **{c: pa.bool_() for c in ("hnte", "tech_sme", "tase", "ic_machine",
                                                                     "restricted")}}


def _table(rows: list[dict[str, object]]) -> pa.Table:
    return pa.table({c: pa.array([r.get(c, _default(c)) for r in rows], _TYPES.get(c, pa.int64()))
                     for c in _COLUMNS})


def _default(column: str) -> object:
    if column in ("qualified_from", "main_business_share", "equipment_kind", "equipment_acquired_on",
                  "equipment_in_use"):
        return None
    if column in ("hnte", "tech_sme", "tase", "ic_machine", "restricted"):
        return False
    return 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(edge_rows(), min_size=20, max_size=60))
def test_edge_weighted_populations_equal_the_scalar_rules(rows: list[dict[str, object]]) -> None:
    table = _table(rows)
    result = compute(table)
    assert mismatches(table, result) == []
