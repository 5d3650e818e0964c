"""Reading the optional VAT and export columns: whole fen, exact rates, codes and months, checked.

The same conventions as :mod:`taxcalc.population.columns`: money is an integer
column of fen or a decimal column of yuan with at most two places, a float
column is refused whatever its values, and an error names the column and the
first offending rows (numbered from 1, the header not counted).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..money import CONTEXT
from ._exact import Int64s
from .columns import PopulationInputError

__all__ = ["RATE_SCALE", "codes", "column", "fen", "months", "offending", "rates"]

#: Rates are read as whole parts per million (13% → 130000).
RATE_SCALE = 10**6


def offending(name: str, reason: str, mask: np.ndarray, offset: int) -> PopulationInputError:
    """The error for the rows of ``mask`` (numbered from 1 after ``offset`` rows)."""
    return PopulationInputError(name, reason, [int(i) + 1 + offset for i in np.flatnonzero(mask)])


def column(table: pa.Table, name: str) -> pa.Array:
    """A column of ``table`` as one array."""
    col = table.column(name)
    return col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col


def fen(table: pa.Table, name: str, offset: int) -> Int64s:
    """A money column as whole fen, ≥ 0; an empty value is 0 (a missing column: all 0)."""
    if name not in table.column_names:
        return np.zeros(table.num_rows, np.int64)
    arr = column(table, name)
    t = arr.type
    if pa.types.is_floating(t):
        raise PopulationInputError(name, f"a float column ({t}) is not money: give whole fen (int64) or a "
                                   "decimal column of yuan; convert explicitly if you know the values are exact")
    if pa.types.is_integer(t):
        out = _int64(arr)
    elif pa.types.is_decimal(t):
        values = [None if v is None else v.scaleb(2, CONTEXT) for v in arr.to_pylist()]
        bad = [i for i, v in enumerate(values) if v is not None and v != v.to_integral_value()]
        if bad:
            raise PopulationInputError(name, "an amount finer than the fen", [b + 1 + offset for b in bad])
        out = np.array([0 if v is None else int(v) for v in values], dtype=np.int64)
    elif pa.types.is_null(t):
        out = np.zeros(len(arr), np.int64)
    else:
        raise PopulationInputError(name, f"must be whole fen (an integer column) or decimal yuan (got {t})")
    if (out < 0).any():
        raise offending(name, "must not be negative", out < 0, offset)
    return out


def _int64(arr: pa.Array) -> Int64s:
    """An integer column as a writable int64 array, an empty value 0."""
    a = arr.cast(pa.int64())
    if not a.null_count:
        out: Int64s = np.array(a.to_numpy(), np.int64)
        return out
    out = np.frombuffer(a.buffers()[1], np.int64)[a.offset:a.offset + len(a)].copy()
    out[~np.asarray(a.is_valid())] = 0
    return out


def _uniques(arr: pa.Array) -> tuple[list[object], Int64s]:
    """The distinct values of ``arr`` and the index of each row's value among them (-1: empty)."""
    encoded = arr if pa.types.is_dictionary(arr.type) else arr.dictionary_encode()
    indices = _int64(encoded.indices)
    if encoded.null_count:
        indices[~np.asarray(encoded.is_valid())] = -1
    return encoded.dictionary.to_pylist(), indices


def rates(table: pa.Table, name: str, offset: int, maximum: Decimal) -> Int64s:
    """A rate column (text ``"13%"`` or ``"0.13"``, or decimal) as parts per million; empty → -1.

    An integer column is refused (13 is not 13%), as is a float column.
    """
    arr = column(table, name)
    t = arr.type
    if pa.types.is_floating(t):
        raise PopulationInputError(name, f"a float column ({t}) is not exact: give a text (\"13%\") or decimal "
                                   "column")
    value_type = t.value_type if pa.types.is_dictionary(t) else t
    if not (pa.types.is_decimal(value_type) or pa.types.is_string(value_type)
            or pa.types.is_large_string(value_type) or pa.types.is_null(value_type)):
        raise PopulationInputError(name, f"must be a text (\"13%\") or decimal column (got {t})")
    if pa.types.is_null(value_type):
        return np.full(len(arr), -1, np.int64)
    values, index = _uniques(arr)
    # each distinct value read once: -1 empty, -2 not a rate
    parsed = np.array([-1 if v is None or v == "" else _ppm(v, maximum) for v in values] + [-1], np.int64)
    out: Int64s = parsed[index]  # index -1 (an empty row) takes the last, -1
    bad = out == -2
    if bad.any():
        raise offending(name, f"not a rate between 0 and {maximum:%} (\"13%\" or \"0.13\", at most "
                        "4 decimal places of a percent)", bad, offset)
    return out


def _ppm(v: object, maximum: Decimal) -> int:
    text = v.strip() if isinstance(v, str) else v
    percent = isinstance(text, str) and text.endswith("%")
    try:
        d = Decimal(text[:-1] if percent else text)  # type: ignore[index,arg-type]
    except (InvalidOperation, TypeError, ValueError):
        return -2
    if percent:
        d = d.scaleb(-2, CONTEXT)
    s = d.scaleb(6, CONTEXT)
    if not d.is_finite() or s != s.to_integral_value() or d < 0 or d > maximum:
        return -2
    return int(s)


def codes(table: pa.Table, name: str, known: tuple[str, ...], default: str, offset: int) -> np.ndarray:
    """A text column of codes as the index of each in ``known`` (empty: ``default``)."""
    if name not in table.column_names:
        return np.full(table.num_rows, known.index(default), np.int8)
    arr = column(table, name)
    if pa.types.is_dictionary(arr.type):
        arr = arr.dictionary_decode()
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type) or pa.types.is_null(arr.type)):
        raise PopulationInputError(name, f"must be a text column ({' or '.join(known)}; got {arr.type})")
    filled = arr.cast(pa.string()).fill_null(default)
    filled = pc.if_else(pc.equal(filled, ""), default, filled)
    index = pc.index_in(filled, value_set=pa.array(known, pa.string()))
    bad = np.asarray(index.is_null())
    if bad.any():
        first = filled[int(np.flatnonzero(bad)[0])].as_py()
        raise offending(name, f"unknown value {first!r}; expected one of: {', '.join(known)}", bad, offset)
    return np.asarray(index, dtype=np.int8)


def months(table: pa.Table, name: str, offset: int) -> Int64s:
    """A month column (a date, or text ``YYYY-MM`` / ``YYYY-MM-DD``) as ``year * 12 + month - 1``; empty → -1."""
    arr = column(table, name)
    t = arr.type
    if pa.types.is_dictionary(t):
        arr = arr.dictionary_decode()
        t = arr.type
    if pa.types.is_date(t) or pa.types.is_timestamp(t):
        days = _int64(arr.cast(pa.date32()).cast(pa.int32()))
        out: Int64s = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) + 1970 * 12
        if arr.null_count:
            out[~np.asarray(arr.is_valid())] = -1
        return out
    if pa.types.is_null(t):
        return np.full(len(arr), -1, np.int64)
    if not (pa.types.is_string(t) or pa.types.is_large_string(t)):
        raise PopulationInputError(name, f"must be a date or a text column YYYY-MM (got {t})")
    values, index = _uniques(arr)
    parsed = np.array([_month(v) for v in values] + [-1], np.int64)
    out = parsed[index]
    bad = out == -2
    if bad.any():
        raise offending(name, "not a month written YYYY-MM (or a date YYYY-MM-DD)", bad, offset)
    return out


def _month(v: object) -> int:
    """``YYYY-MM`` or ``YYYY-MM-DD`` as ``year * 12 + month - 1`` (-1 empty, -2 not a month)."""
    if v is None or not str(v).strip():
        return -1
    text = str(v).strip()
    try:
        d = _dt.date.fromisoformat(text if len(text) > 7 else f"{text}-01")
    except ValueError:
        return -2
    return d.year * 12 + d.month - 1
