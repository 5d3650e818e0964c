"""Aggregates of a population result: sums, beneficiaries and distributions by group.

:func:`aggregate` groups the result table by the columns named (none: one
group) and gives, per group: the number of rows, the sum of every money column
(fen), the number of beneficiaries of each policy (rows whose saving is more
than zero), and the 10th, 50th and 90th percentiles of the tax and of the total
saving (the lower value of the pair a percentile falls between: a figure of
some row, in fen, never interpolated).  The columns of the optional VAT and
export groups (:mod:`taxcalc.population.groups`) are summed the same way where
the result has them, with the beneficiaries of each VAT saving
(``beneficiaries_vat_small_scale_exemption``, …); ``beneficiaries_any`` and
``total_saving`` stay those of the income tax.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from .engine import KNOWN_MONEY, OUTPUT_MONEY, POLICY_IDS
from .groups import OUTPUT_MONEY as GROUP_MONEY
from .groups import SAVINGS as GROUP_SAVINGS

__all__ = ["aggregate"]

_PERCENTILES = (10, 50, 90)


def _group_keys(table: pa.Table, by: Sequence[str]) -> tuple[list[tuple[object, ...]], np.ndarray]:
    if not by:
        return [()], np.zeros(table.num_rows, np.int64)
    for name in by:
        if name not in table.column_names:
            raise KeyError(f"no column {name!r} to group by; the result has: {', '.join(table.column_names)}")
    keys = pa.table({name: table.column(name) for name in by})
    values = [keys.column(i).to_pylist() for i in range(len(by))]
    rows = list(zip(*values, strict=True))
    index: dict[tuple[object, ...], int] = {}
    codes = np.empty(len(rows), np.int64)
    for i, key in enumerate(rows):
        codes[i] = index.setdefault(key, len(index))
    ordered = sorted(index, key=lambda k: tuple((v is None, str(v)) for v in k))
    remap = np.empty(len(index), np.int64)
    for new, key in enumerate(ordered):
        remap[index[key]] = new
    return ordered, remap[codes] if len(rows) else codes


def _sum(values: np.ndarray, groups: np.ndarray, n: int) -> list[int]:
    """Exact sums per group (Python integers where int64 could overflow)."""
    bound = int(np.abs(values).max()) * len(values) if len(values) else 0
    if bound < 2**63:
        out = np.zeros(n, np.int64)
        np.add.at(out, groups, values)
        return [int(v) for v in out]
    sums = [0] * n
    for g, v in zip(groups.tolist(), values.tolist(), strict=True):
        sums[g] += v
    return sums


def aggregate(result: pa.Table, by: Sequence[str] = ()) -> pa.Table:
    """Sums (fen), counts of beneficiaries and percentiles per group of ``by`` (see the module notes)."""
    keys, groups = _group_keys(result, list(by))
    n = len(keys)
    columns: dict[str, object] = {name: [k[i] for k in keys] for i, name in enumerate(by)}
    columns["rows"] = np.bincount(groups, minlength=n).astype(np.int64)
    money = [c for c in (*OUTPUT_MONEY, *KNOWN_MONEY, *GROUP_MONEY) if c in result.column_names]
    arrays = {c: result.column(c).to_numpy() for c in money}
    for c in money:
        columns[c] = pa.array(_sum(arrays[c], groups, n), pa.int64())
    for p in POLICY_IDS:
        columns[f"beneficiaries_{p}"] = np.bincount(groups[arrays[f"saving_{p}"] > 0], minlength=n).astype(np.int64)
    columns["beneficiaries_any"] = np.bincount(groups[arrays["total_saving"] > 0], minlength=n).astype(np.int64)
    for c in GROUP_SAVINGS:
        if c in arrays:
            columns[f"beneficiaries_{c.removeprefix('saving_')}"] = np.bincount(
                groups[arrays[c] > 0], minlength=n).astype(np.int64)
    order = np.argsort(groups, kind="stable")
    bounds = np.searchsorted(groups[order], np.arange(n + 1))
    for c in ("tax", "total_saving"):
        v = arrays[c][order]
        for q in _PERCENTILES:
            out = np.zeros(n, np.int64)
            for g in range(n):
                part = np.sort(v[bounds[g]:bounds[g + 1]])
                if len(part):
                    out[g] = part[(len(part) - 1) * q // 100]
            columns[f"{c}_p{q}"] = out
    return pa.table(columns)
