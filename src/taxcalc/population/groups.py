"""The optional column groups: present in the table → computed; absent → their result columns are not produced.

* the small-scale taxpayer's VAT of the year's periods (:mod:`taxcalc.population.vat`);
* a manufacturer's 免抵退 of one period (:mod:`taxcalc.population.export`).

Their input columns are not carried through to the result (they are read, as
the income-tax columns are); a row computed by a scalar rule in any group has
``path`` = ``scalar``.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..law import Law
from . import export, vat

__all__ = ["INPUT_COLUMNS", "OUTPUT_MONEY", "SAVINGS", "add_groups"]

INPUT_COLUMNS: tuple[str, ...] = (*vat.INPUT_COLUMNS, *export.INPUT_COLUMNS)
#: Every money column a group may add to the result (fen), in order.
OUTPUT_MONEY: tuple[str, ...] = (*vat.OUTPUT_MONEY, *export.OUTPUT_MONEY)
#: The saving columns a group may add (beneficiaries are counted for each).
SAVINGS: tuple[str, ...] = tuple(vat.SAVINGS)


def add_groups(table: pa.Table, result: pa.Table, law: Law, offset: int = 0) -> pa.Table:
    """``result`` (of ``table``) with the columns of every optional group ``table`` has."""
    names = set(table.column_names)
    if not names & set(INPUT_COLUMNS):
        return result
    years = np.asarray(result.column("year").to_numpy(), dtype=np.int64)
    out: dict[str, np.ndarray] = {}
    slow = np.zeros(result.num_rows, bool)
    if vat.present(names):
        columns, s = vat.compute(vat.read(table, years, offset), law)
        out.update(columns)
        slow |= s
    if export.present(names):
        columns, s = export.compute(export.read(table, years, offset), law)
        out.update(columns)
        slow |= s
    result = result.drop_columns([c for c in result.column_names if c in INPUT_COLUMNS])
    if slow.any() and "path" in result.column_names:
        path = result.column("path").combine_chunks()
        scalar = np.where(slow, path.dictionary.to_pylist().index("scalar"), np.asarray(path.indices))
        result = result.set_column(result.column_names.index("path"), "path",
                                   pa.DictionaryArray.from_arrays(pa.array(scalar.astype(np.int8), pa.int8()), path.dictionary))
    for c, values in out.items():
        result = result.append_column(c, pa.array(values, pa.int64()))
    return result
