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

from ..law import Law, default
from . import export, vat

__all__ = ["INPUT_COLUMNS", "MONEY_INPUTS", "OUTPUT_MONEY", "SAVINGS", "SUMMARY", "TEXT_INPUTS", "add_groups", "scalar_rows"]

INPUT_COLUMNS: tuple[str, ...] = (*vat.INPUT_COLUMNS, *export.INPUT_COLUMNS)
#: The input columns read as text from a CSV file (codes, rates, months); the others are whole fen.
TEXT_INPUTS: tuple[str, ...] = (vat.PERIOD_COLUMN, vat.RATE_COLUMN, export.PERIOD_COLUMN, *export.RATE_COLUMNS)
MONEY_INPUTS: tuple[str, ...] = tuple(c for c in INPUT_COLUMNS if c not in TEXT_INPUTS)
#: Every money column a group may add to the result (fen), in order.
OUTPUT_MONEY: tuple[str, ...] = (*vat.OUTPUT_MONEY, *export.OUTPUT_MONEY)
#: The saving columns a group may add (beneficiaries are counted for each).
SAVINGS: tuple[str, ...] = tuple(vat.SAVINGS)
#: The totals ``taxcalc population run`` prints for a group the result has, with their labels (zh, en).
SUMMARY: dict[str, tuple[str, str]] = {
    "vat_tax_due": ("小规模纳税人应纳增值税", "small-scale VAT due"),
    "saving_vat_small_scale_exemption": ("节税：小规模纳税人免征增值税", "saving: small-scale VAT exemption"),
    "saving_vat_small_scale_reduced_rate": ("节税：小规模纳税人减按征收率征收", "saving: small-scale reduced rate"),
    "export_exempt_credit_refund": ("免抵退税额", "exempt-credit-refund amount"),
    "export_refund": ("应退税额", "export VAT refund"),
    "export_exempt_credit": ("免抵税额", "amount exempted and credited"),
}


def scalar_rows(table: pa.Table, years: np.ndarray, law: Law | None, rows: list[int]) -> dict[int, dict[str, int]]:
    """The group columns of ``rows`` by the scalar rules alone (what ``--verify`` compares the result with)."""
    law = default() if law is None else law
    names = set(table.column_names)
    out: dict[int, dict[str, int]] = {i: {} for i in rows}
    years = np.asarray(years, dtype=np.int64)
    if vat.present(names):
        v = vat.read(table, years, 0)
        for i in rows:
            out[i].update(vat.scalar_row(v, i, law))
    if export.present(names):
        e = export.read(table, years, 0)
        for i in rows:
            if e.exporter[i]:
                out[i].update(export.scalar_row(e, i, law))
            else:
                out[i].update(dict.fromkeys(export.OUTPUT_MONEY, 0))
    return out


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
