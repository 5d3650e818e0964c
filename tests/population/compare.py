"""Row by row comparison of a population result with the scalar rules (taxcalc.eit.benefit)."""

from __future__ import annotations

import datetime as _dt

import pyarrow as pa

from taxcalc.law import Law, default
from taxcalc.population.columns import read_frame
from taxcalc.population.engine import scalar_row


def mismatches(table: pa.Table, result: pa.Table, *, law: Law | None = None, known_on: _dt.date | None = None,
               year: int | None = None) -> list[tuple[int, str, object, object]]:
    """Every (row, column, computed, scalar) where the result differs from :func:`taxcalc.eit.benefit`."""
    f = read_frame(table, year=year)
    law = default() if law is None else law
    rows = result.to_pylist()
    out = []
    for i in range(f.n):
        expected = scalar_row(f, i, law, known_on)
        for column, value in expected.items():
            if rows[i][column] != value:
                out.append((i, column, rows[i][column], value))
    return out
