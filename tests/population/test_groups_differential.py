"""The small-scale VAT and 免抵退 columns equal the registered scalar rules' (and the report's savings): 0 mismatches.

Synthetic populations (``generate(..., vat=True)``) of the switch years, and
rows built at the edges: sales exactly at each threshold and 起征点 ± 1 fen,
half-fen ties (sales ending in 50 fen, at 1% and 3%), the periods where the
law changed (2019, 2020-03 for a monthly filer, 2021-04, 2022-04 … 12 at 0%,
2023, 2026 with its 1% and strict 起征点), quarterly filers, 2018's separate
test of goods and services, amounts too large for the arrays (the scalar path),
and 免抵退 rows in each branch, with a levy rate below the rebate rate and
rounding ties.  About 7,000 rows in all (4,200 synthetic, 1,800 seeded edge
rows, some 900 hypothesis rows, the edges of every period): no difference.
"""

from __future__ import annotations

import datetime as _dt
import functools
import random
from typing import Any

import pytest

pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from population.compare_groups import group_mismatches  # noqa: E402
from taxcalc.law import default  # noqa: E402
from taxcalc.population import compute, generate  # noqa: E402
from taxcalc.vat.small_scale_exemption import LIMIT, START_POINT  # noqa: E402

YEARS = (2018, 2019, 2020, 2021, 2022, 2023, 2025, 2026, 2027)


@functools.cache
def _threshold_fen(year: int, k: int, period: str) -> int:
    """The threshold of period ``k`` (from 1) of ``year``, in fen, from the law data."""
    start = _dt.date(year, 3 * k - 2 if period == "quarter" else k, 1)
    law = default()
    strict = law.value("vat.small_scale.threshold_reached_taxed", start).value is True
    value = law.value((START_POINT if strict else LIMIT)[period], start).value
    return int(value * 100)  # type: ignore[operator]


@pytest.mark.parametrize(("year", "seed"), [(2018, 1), (2019, 2), (2021, 3), (2022, 4), (2023, 5), (2026, 6)])
def test_synthetic_population_equals_the_scalar_rules(year: int, seed: int) -> None:
    table = generate(700, year, seed, equipment_share=0, vat=True)
    result = compute(table)
    assert group_mismatches(table, result) == []
    small = sum(1 for v in table.column("sales_1").to_pylist() if v is not None)
    exporters = table.column("export_period").null_count
    assert small > 200 and 700 - exporters > 10  # both groups are exercised


def _base_row(year: int) -> dict[str, object]:
    return {"year": year, "profit": 100_000, "employees": 5, "assets": 10**9}


@st.composite
def small_scale_rows(draw: st.DrawFn) -> dict[str, object]:
    year = draw(st.sampled_from(YEARS))
    period = draw(st.sampled_from(("month", "quarter")))
    row = _base_row(year)
    row["vat_period"] = period
    count = 4 if period == "quarter" else 12
    goods = year == 2018 or draw(st.booleans())
    for k in range(1, count + 1):
        if year == 2020 and period == "quarter" and k == 1:
            row[f"sales_{k}"] = 0  # the 2020 Q1 quarter is refused (the rate changes on 2020-03-01)
            continue
        t = _threshold_fen(year, k, period)
        kind = draw(st.sampled_from(("edge", "edge", "tie", "any", "zero", "huge")))
        if kind == "edge":
            s = t + draw(st.sampled_from((-1, 0, 1)))
        elif kind == "tie":
            s = draw(st.integers(1, 3 * t // 100)) * 100 + 50
        elif kind == "any":
            s = draw(st.integers(1, 4 * t))
        elif kind == "huge":
            s = draw(st.integers(2**57, 9 * 10**17))  # past the arrays' bound: the scalar rule
        else:
            s = 0
        row[f"sales_{k}"] = s
        if goods:
            g = draw(st.sampled_from((0, s, s // 2, t, t + 1, s - t, s - t - 1)))
            row[f"goods_sales_{k}"] = min(max(g, 0), s)
    return row


def _table(rows: list[dict[str, object]]) -> Any:
    names = sorted({k for r in rows for k in r}, key=lambda k: (k.split("_")[0], len(k), k))
    return pa.table({n: [r.get(n) for r in rows] for n in names})


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(small_scale_rows(), min_size=5, max_size=25))
def test_small_scale_rows_at_the_edges_equal_the_scalar_rules(rows: list[dict[str, object]]) -> None:
    for r in rows:  # every row with goods_sales: a table has the column or not
        for k in range(1, 13):
            r.setdefault(f"goods_sales_{k}", None)
    table = _table(rows)
    result = compute(table)
    assert group_mismatches(table, result) == []


@st.composite
def export_rows(draw: st.DrawFn) -> dict[str, object]:
    year = draw(st.sampled_from((2018, 2019, 2021, 2023, 2026)))
    row = _base_row(year)
    row["export_period"] = f"{year}-{draw(st.integers(1, 12)):02d}"
    rates = ("0%", "6%", "9%", "10%", "13%", "16%", "17%", "0.105", "12.5%")
    row["export_levy_rate"] = draw(st.sampled_from(rates))
    row["export_rebate_rate"] = draw(st.sampled_from(rates))
    huge = draw(st.integers(0, 9)) == 0
    top = 3 * 10**16 if huge else 10**12  # past the arrays' bound, within the rule's 10^15 yuan a month
    fob = draw(st.one_of(st.integers(0, top), st.integers(0, 10**6).map(lambda x: x * 100 + 50)))
    row["export_fob"] = fob
    row["export_exempt_materials"] = draw(st.integers(0, fob // 2))
    row["export_bonded_materials"] = draw(st.integers(0, fob - int(row["export_exempt_materials"])))  # type: ignore[call-overload]
    tax = st.integers(0, 3 * 10**16 if huge else 10**11)
    row["domestic_output_tax"] = draw(tax)
    row["input_tax"] = draw(tax)
    row["opening_credit"] = draw(st.sampled_from((0, draw(st.integers(0, 9 * 10**17 if huge else 10**11)))))
    return row


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(rows=st.lists(export_rows(), min_size=5, max_size=25), with_blank=st.booleans())
def test_export_rows_equal_the_scalar_rule(rows: list[dict[str, object]], *, with_blank: bool) -> None:
    if with_blank:  # a row without a period: not an exporter, 0 everywhere
        rows = [*rows, {**_base_row(2023), "export_period": None, "export_levy_rate": None,
                        "export_rebate_rate": None}]
    table = _table(rows)
    result = compute(table)
    assert group_mismatches(table, result) == []


def _edge_rows() -> list[dict[str, object]]:
    """Every threshold ± 1 fen and a half-fen tie, for each period of the switch years, both filings."""
    rows = []
    for year in YEARS:
        for period in ("month", "quarter"):
            count = 4 if period == "quarter" else 12
            for delta in (-1, 0, 1, 50):
                row = {**_base_row(year), "vat_period": period}
                for k in range(1, count + 1):
                    if year == 2020 and period == "quarter" and k == 1:
                        continue
                    t = _threshold_fen(year, k, period)
                    row[f"sales_{k}"] = t + delta
                    row[f"goods_sales_{k}"] = (t + delta) // 2 if delta != 50 else min(t + 1, t + delta)
                rows.append(row)
    return rows


def test_every_threshold_and_tie_of_every_period_equals_the_scalar_rules() -> None:
    rows = _edge_rows()
    table = _table(rows)
    result = compute(table)
    assert group_mismatches(table, result) == []
    assert set(result.column("path").to_pylist()) == {"vector"}


def _seeded_edge_rows(n: int, seed: int) -> list[dict[str, object]]:
    """``n`` small-scale rows at the edges, drawn from ``random.Random(seed)`` (as the hypothesis rows are)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        year, period = rng.choice(YEARS), rng.choice(("month", "quarter"))
        row = {**_base_row(year), "vat_period": period}
        for k in range(1, (4 if period == "quarter" else 12) + 1):
            if year == 2020 and period == "quarter" and k == 1:
                continue
            t = _threshold_fen(year, k, period)
            s = rng.choice((t - 1, t, t + 1, rng.randrange(1, 3 * t // 100) * 100 + 50, rng.randrange(1, 4 * t), 0))
            row[f"sales_{k}"] = s
            g = rng.choice((0, s, s // 2, t, t + 1, s - t, s - t - 1))
            row[f"goods_sales_{k}"] = min(max(g, 0), s)
        rows.append(row)
    return rows


def test_seeded_edge_rows_equal_the_scalar_rules() -> None:
    table = _table(_seeded_edge_rows(1800, 12))
    assert group_mismatches(table, compute(table)) == []


def test_what_if_law_values_are_read_by_both_paths() -> None:
    law = default().with_values({"vat.small_scale.levy_rate": "0.02"})
    rows = _edge_rows()[:40]
    table = _table(rows)
    result = compute(table, law=law)
    assert group_mismatches(table, result, law=law) == []
    assert result.column("vat_tax_due").to_pylist() != compute(table).column("vat_tax_due").to_pylist()
