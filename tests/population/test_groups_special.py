"""Special-invoice sales in the small-scale group: the vector path equals the registered rule and the report.

Rows at the edges — sales at each threshold and 起征点 ± 1 fen with special
invoices of none, some, all or one fen of them, half-fen ties at 1% and 3% on
either part, both rates of the invoice — in the periods of 2019 (3%), 2022
(1% to March, 0% from April with invoices at 3%), 2023 (1%) and 2026 (1% and the
strict 起征点); synthetic populations whose rows have special invoices; and the
refusals, each naming the column and the rows.
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
from taxcalc.errors import OutsideCoverage  # noqa: E402
from taxcalc.law import default  # noqa: E402
from taxcalc.population import PopulationInputError, compute, generate  # noqa: E402
from taxcalc.vat.small_scale_exemption import LIMIT, START_POINT  # noqa: E402
from taxcalc.vat.small_scale_special import FULL_RATE  # noqa: E402

YEARS = (2019, 2022, 2023, 2026)


@functools.cache
def _threshold_fen(year: int, k: int, period: str) -> int:
    start = _start(year, k, period)
    law = default()
    strict = law.value("vat.small_scale.threshold_reached_taxed", start).value is True
    return int(law.value((START_POINT if strict else LIMIT)[period], start).value * 100)  # type: ignore[operator]


def _start(year: int, k: int, period: str) -> _dt.date:
    return _dt.date(year, 3 * k - 2 if period == "quarter" else k, 1)


@functools.cache
def _full_allowed(year: int, k: int, period: str) -> bool:
    try:
        default().value(FULL_RATE, _start(year, k, period))
    except OutsideCoverage:
        return False
    return True


def _row(year: int, period: str, *, full: bool) -> dict[str, object]:
    return {"year": year, "profit": 100_000, "employees": 5, "assets": 10**9, "vat_period": period,
            "special_invoice_rate": "full" if full else None}


def _table(rows: list[dict[str, object]]) -> Any:
    names = sorted({k for r in rows for k in r}, key=lambda k: (k.split("_")[0], len(k), k))
    return pa.table({n: [r.get(n) for r in rows] for n in names})


def _special(s: int, t: int, pick: int) -> int:
    """One of the special-invoice amounts worth testing for sales ``s`` at threshold ``t``."""
    choices = (0, s, s // 2, 1, s - 1, s // 100 * 100 + 50 if s >= 100 else s, max(s - t, 0), min(t, s))
    return min(max(choices[pick % len(choices)], 0), s)


def _edge_rows() -> list[dict[str, object]]:
    """For each year, filing and rate: every period at its threshold −1, 0, +1 fen and at a half-fen tie,
    with each kind of special-invoice amount."""
    rows = []
    for year in YEARS:
        for period in ("month", "quarter"):
            for full in (False, True):
                for delta in (-1, 0, 1, 50):
                    for pick in range(8):
                        row = _row(year, period, full=full)
                        for k in range(1, (4 if period == "quarter" else 12) + 1):
                            t = _threshold_fen(year, k, period)
                            s = t + delta
                            row[f"sales_{k}"] = s
                            sp = _special(s, t, pick + k)
                            row[f"special_invoice_sales_{k}"] = sp if not full or _full_allowed(year, k, period) else 0
                        if full and not any(row[f"special_invoice_sales_{k}"] for k in range(1, 13)
                                            if f"special_invoice_sales_{k}" in row):
                            row["special_invoice_rate"] = None
                        rows.append(row)
    return rows


def test_every_threshold_and_tie_with_special_invoices_equals_the_scalar_rules() -> None:
    rows = _edge_rows()
    table = _table(rows)
    result = compute(table)
    assert group_mismatches(table, result) == []
    assert set(result.column("path").to_pylist()) == {"vector"}
    assert sum(1 for r in rows if r["special_invoice_rate"] == "full") > 100


@st.composite
def special_rows(draw: st.DrawFn) -> dict[str, object]:
    year = draw(st.sampled_from(YEARS))
    period = draw(st.sampled_from(("month", "quarter")))
    full = draw(st.booleans())
    row = _row(year, period, full=full)
    some = False
    for k in range(1, (4 if period == "quarter" else 12) + 1):
        t = _threshold_fen(year, k, period)
        kind = draw(st.sampled_from(("edge", "edge", "tie", "any", "zero", "huge")))
        if kind == "edge":
            s = t + draw(st.sampled_from((-1, 0, 1)))
        elif kind == "tie":
            s = draw(st.integers(1, 3 * t // 100)) * 100 + 50
        elif kind == "any":
            s = draw(st.integers(1, 4 * t))
        elif kind == "huge":
            s = draw(st.integers(2**57, 9 * 10**17))  # past the arrays' bound: the scalar path
        else:
            s = 0
        row[f"sales_{k}"] = s
        sp = _special(s, t, draw(st.integers(0, 7))) if s < 2**57 else draw(st.integers(0, s))
        if full and not _full_allowed(year, k, period):
            sp = 0
        row[f"special_invoice_sales_{k}"] = sp
        some = some or sp > 0
    if not some:
        row["special_invoice_rate"] = None
    return row


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(special_rows(), min_size=5, max_size=25))
def test_rows_with_special_invoices_at_the_edges_equal_the_scalar_rules(rows: list[dict[str, object]]) -> None:
    table = _table(rows)
    assert group_mismatches(table, compute(table)) == []


def test_seeded_rows_with_special_invoices_equal_the_scalar_rules() -> None:
    rng = random.Random(29)
    rows = []
    for _ in range(600):
        year, period, full = rng.choice(YEARS), rng.choice(("month", "quarter")), rng.random() < 0.3
        row = _row(year, period, full=full)
        for k in range(1, (4 if period == "quarter" else 12) + 1):
            t = _threshold_fen(year, k, period)
            s = rng.choice((t - 1, t, t + 1, rng.randrange(1, 3 * t // 100) * 100 + 50, rng.randrange(1, 4 * t), 0))
            row[f"sales_{k}"] = s
            ok = not full or _full_allowed(year, k, period)
            row[f"special_invoice_sales_{k}"] = _special(s, t, rng.randrange(8)) if ok else 0
        if not any(row[f"special_invoice_sales_{k}"] for k in range(1, 13) if f"special_invoice_sales_{k}" in row):
            row["special_invoice_rate"] = None
        rows.append(row)
    table = _table(rows)
    assert group_mismatches(table, compute(table)) == []


@pytest.mark.parametrize(("year", "seed"), [(2019, 11), (2022, 12), (2023, 13), (2026, 14)])
def test_generated_rows_with_special_invoices_equal_the_scalar_rules(year: int, seed: int) -> None:
    table = generate(500, year, seed, equipment_share=0, vat=True)
    with_special = sum(1 for i in range(table.num_rows)
                       if any(table.column(f"special_invoice_sales_{k}")[i].as_py() for k in range(1, 13)))
    assert with_special > 30
    assert group_mismatches(table, compute(table)) == []


def _one(**columns: list[object]) -> dict[str, list[object]]:
    n = len(next(iter(columns.values())))
    base = {"year": [2023] * n, "profit": [100_000] * n, "employees": [5] * n, "assets": [10**9] * n}
    result = compute(pa.table({**base, **columns}))
    return {c: result.column(c).to_pylist() for c in result.column_names}


def test_golden_rows() -> None:
    """2023-03, limit 100,000 a month, 1%: 80,000 with 30,000 on special invoices at 1% or 3%."""
    got = _one(vat_period=["month", "month", "month"], sales_3=[8_000_000, 8_000_000, 10_000_001],
               special_invoice_sales_3=[3_000_000, 3_000_000, 3_000_000],
               special_invoice_rate=["reduced", "full", "full"])
    assert got["vat_exempt_sales"] == [5_000_000, 5_000_000, 0]
    assert got["vat_taxable_sales"] == [3_000_000, 3_000_000, 10_000_001]
    # 30,000 × 1%; 30,000 × 3%; 70,000.01 × 1% (700.0001 → 700.00) + 30,000 × 3%
    assert got["vat_tax_due"] == [30_000, 90_000, 160_000]
    # the 50,000 exempt × 1%; nothing when over the limit
    assert got["saving_vat_small_scale_exemption"] == [50_000, 50_000, 0]
    # 30,000 × 2%; nothing on invoices at 3%; 70,000.01 × 3% (2100.0003 → 2100.00) − 700.00
    assert got["saving_vat_small_scale_reduced_rate"] == [60_000, 0, 140_000]


def test_without_the_columns_nothing_changes() -> None:
    plain = _one(vat_period=["month"], sales_3=[8_000_000])
    zero = _one(vat_period=["month"], sales_3=[8_000_000], special_invoice_sales_3=[0])
    assert plain == zero


@pytest.mark.parametrize(("columns", "column", "reason"), [
    ({"sales_3": [100, 100], "special_invoice_sales_3": [100, 101]}, "special_invoice_sales_3",
     "more than sales_3"),
    ({"sales_3": [100, 100], "special_invoice_sales_3": [10, 0], "special_invoice_rate": ["full", "full"]},
     "special_invoice_rate", "full applies only to sales on special invoices"),
    ({"sales_3": [100], "special_invoice_rate": ["full"]}, "special_invoice_rate",
     "full applies only to sales on special invoices"),
    ({"sales_3": [100], "special_invoice_sales_3": [10], "special_invoice_rate": ["fll"]}, "special_invoice_rate",
     "unknown value 'fll'"),
    ({"year": [2018], "sales_3": [100], "goods_sales_3": [100], "special_invoice_sales_3": [10]},
     "special_invoice_sales_3", "the period starting 2018-03-01: outside the law data"),
    ({"year": [2021], "sales_3": [100], "special_invoice_sales_3": [10], "special_invoice_rate": ["full"]},
     "special_invoice_rate", "the period starting 2021-03-01: giving up the reduced rate cannot be computed"),
])
def test_refusals_name_the_column_and_rows(columns: dict[str, list[object]], column: str, reason: str) -> None:
    n = len(next(iter(columns.values())))
    base: dict[str, list[object]] = {"year": [2023] * n, "profit": [1] * n, "employees": [5] * n,
                                     "assets": [10**9] * n, "vat_period": ["month"] * n}
    with pytest.raises(PopulationInputError) as caught:
        compute(pa.table({**base, **columns}))
    message = str(caught.value)
    assert message.startswith(f"{column}: ") and reason in message
    assert f"row {n}" in message
