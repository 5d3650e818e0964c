"""One asset per row, in a tax year: its tax deduction against its book depreciation, on arrays.

The same treatment as :func:`taxcalc.eit.equipment_in_year` (one-time
deduction, the 2022 Q4 high-tech deduction, or straight-line depreciation, the
last for an asset whose one-time deduction is declined too), in fen.  The law values are read from the :class:`~taxcalc.law.Law` by the keys the
scalar rule reads, once per distinct purchase date and per distinct (day put
into use, class): ``eit.equipment.one_time.in_force`` / ``.unit_value_cap`` /
``.deduction_month_offset`` and ``eit.equipment.hnte_q4.in_force`` /
``.extra_ratio`` on the purchase date, ``eit.depreciation.start_month_offset`` and
``eit.depreciation.min_years.<class>`` on the day put into use.  A row that
needs a value the data does not cover is marked, and computed by the scalar
rules (which then give the error).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from fractions import Fraction
from typing import Any, NamedTuple

import numpy as np

from ..errors import OutsideCoverage
from ..law import Law
from ._exact import Int64s, fraction, mul_round
from .columns import CODES

__all__ = ["AssetYear", "asset_year"]

_BUILDINGS = CODES["equipment_kind"].index("buildings")


class AssetYear(NamedTuple):
    """Per row: the adjustment (book − tax deduction), the extra deduction, and rows that need the scalar path."""

    adjustment: Int64s
    extra: Int64s
    unavailable: np.ndarray


def _value(law: Law, key: str, day: _dt.date) -> object | None:
    try:
        return law.value(key, day).value
    except OutsideCoverage:
        return None


#: The integer standing for a value outside the data in the tables below.
_NONE = -(2**62)


def _int(value: object) -> int:
    """A flag or a whole number as an integer of a table (:data:`_NONE` outside the data)."""
    if value is None:
        return _NONE
    return int(value) if isinstance(value, bool | int) else int(fraction(value))


def _read_switches(law: Law, ordinal: int) -> tuple[int, ...]:
    """The one-time and Q4 switches on a purchase date."""
    day = _dt.date.fromordinal(ordinal)
    return (_int(_value(law, "eit.equipment.one_time.in_force", day)),
            _int(_value(law, "eit.equipment.hnte_q4.in_force", day)))


def _read_purchase(law: Law, ordinal: int) -> tuple[int, ...]:
    """The values read on a purchase date: cap (fen), offset (months), Q4 ratio (numerator, denominator)."""
    day = _dt.date.fromordinal(ordinal)
    cap = _value(law, "eit.equipment.one_time.unit_value_cap", day)
    off = _value(law, "eit.equipment.one_time.deduction_month_offset", day)
    ratio = _value(law, "eit.equipment.hnte_q4.extra_ratio", day)
    r = None if ratio is None else fraction(ratio)
    return (_NONE if cap is None else int(fraction(cap) * 100), _int(off),
            _NONE if r is None else r.numerator, 1 if r is None else r.denominator)


def _read_use(law: Law, key: int) -> tuple[int, ...]:
    """The values read on the day put into use (``key`` = day × 8 + class): start offset, minimum years."""
    day = _dt.date.fromordinal(key // 8)
    return (_int(_value(law, "eit.depreciation.start_month_offset", day)),
            _int(_value(law, f"eit.depreciation.min_years.{CODES['equipment_kind'][key % 8]}", day)))


_EPOCH = _dt.date(1970, 1, 1).toordinal()


class _Table:
    """The answers of one reading function for one law, by key (kept with the law by :meth:`Law.memo`)."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, np.int64)
        self.values = np.zeros((0, 0), np.int64)


def _new_table(law: Law, fn: object) -> _Table:
    return _Table()


def _read_each(law: Law, fn: Callable[[Law, int], tuple[int, ...]], keys: Int64s) -> np.ndarray:
    """``fn(law, key)`` for each of the sorted distinct ``keys``, as rows of integers; each read once per law."""
    table: _Table = law.memo(_new_table, fn)
    at = np.searchsorted(table.keys, keys)
    found = at < len(table.keys)
    found[found] = table.keys[at[found]] == keys[found]
    missing = keys[~found]
    if len(missing):
        rows = np.array([fn(law, int(k)) for k in missing.tolist()], np.int64)
        both = np.concatenate([table.keys, missing])
        order = np.argsort(both, kind="stable")
        table.keys = both[order]
        table.values = (rows if len(table.values) == 0 else np.concatenate([table.values, rows]))[order]
    return table.values[np.searchsorted(table.keys, keys)]


def _month_indices(ordinals: Int64s) -> Int64s:
    """``year × 12 + month − 1`` of each day (given as ``date.toordinal()``)."""
    months = (ordinals - _EPOCH).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return months + 1970 * 12


def _sl_through(base: Int64s, first: Int64s, months: Int64s, upto: int) -> Int64s:
    """Cumulative straight-line depreciation to the end of month index ``upto`` (exclusive), half up to the fen."""
    n = np.minimum(np.maximum(upto - first, 0), months)
    q, r = np.divmod(base * n, np.maximum(months, 1))
    return q + (2 * r >= months).astype(np.int64) * (n > 0)


def asset_year(law: Law, y: int, cost: Int64s, kind: np.ndarray, acquired: Int64s, in_use: Int64s, book: Int64s,
               residual: Int64s, hnte: np.ndarray, *, values: Law | None = None,
               memo: dict[object, Any] | None = None, declined: np.ndarray | None = None) -> AssetYear:
    """The asset of each row in tax year ``y`` (all arrays of the rows with an asset; ``hnte``: high-tech in ``y``).

    ``values``: the law to read every value but the two switches from (default ``law``).  ``memo``: a
    dictionary kept with these rows, in which their distinct days and the values read for them under
    each law are kept between calls.  ``declined``: the assets whose enterprise declines the one-time
    deduction (``Equipment.elect_one_time`` false; default none), which the scalar rule depreciates as it
    does buildings: neither the one-time nor the 2022 Q4 deduction, whatever the switches.
    """
    values = law if values is None else values
    n = len(cost)
    memo = {} if memo is None else memo
    got = memo.get("days")
    if got is None:  # the distinct days of these assets, and their months (the same under every law)
        p_days, p_inv = np.unique(acquired, return_inverse=True)
        use_keys, u_inv = np.unique(in_use * 8 + kind.astype(np.int64), return_inverse=True)
        u_inv = u_inv.ravel()
        got = memo["days"] = (p_days, p_inv, use_keys, u_inv, _month_indices(use_keys // 8)[u_inv],
                              _month_indices(p_days)[p_inv] // 12)
    p_days, p_inv, use_keys, u_inv, in_use_month, acquired_year = got

    def read(which: str, lw: Law, fn: Callable[[Law, int], tuple[int, ...]], keys: Int64s,
             inverse: np.ndarray) -> np.ndarray:
        key = (which, lw.digest)
        found: np.ndarray | None = memo.get(key)
        if found is None:
            found = memo[key] = _read_each(lw, fn, keys)[inverse]
        return found

    switches = read("switches", law, _read_switches, p_days, p_inv)
    purchase = read("purchase", values, _read_purchase, p_days, p_inv)
    use = read("use", values, _read_use, use_keys, u_inv)
    one, q4 = switches[:, 0], switches[:, 1]
    cap, off, ratio_num, ratio_den = purchase[:, 0], purchase[:, 1], purchase[:, 2], purchase[:, 3]
    start, life = use[:, 0], use[:, 1]
    unavailable = (one == _NONE) | (q4 == _NONE) | (start == _NONE) | (life == _NONE)
    eligible = kind != _BUILDINGS
    if declined is not None:
        eligible &= ~declined
    is_q4 = eligible & (q4 == 1) & hnte & (acquired_year == y)
    is_one = eligible & ~is_q4 & (one == 1)
    unavailable |= (is_q4 & (ratio_num == _NONE)) | (is_one & ((cap == _NONE) | (off == _NONE)))
    is_one &= cost <= cap
    # the rows marked unavailable are computed by the scalar rules: neutral figures here keep the arrays finite
    off, start, life = (np.where(a == _NONE, 0, a) for a in (off, start, life))
    deduction = np.zeros(n, np.int64)
    extra = np.zeros(n, np.int64)
    when_one = (in_use_month + off) // 12
    deduction = np.where(is_one & (when_one == y), cost, deduction)
    now = is_q4 & (acquired_year == y)
    deduction = np.where(now, cost, deduction)
    if now.any():
        for num, den in {(int(a), int(b)) for a, b in zip(ratio_num[now], ratio_den[now], strict=True)}:
            rows = now & (ratio_num == num) & (ratio_den == den)
            extra[rows] = mul_round(cost[rows], Fraction(num, den))
    straight = ~is_one & ~is_q4 & ~unavailable
    if straight.any():
        sl = memo.get(("straight line", values.digest))  # the same wherever the values are (switches aside)
        if sl is None:
            base = cost - residual
            first = in_use_month + start
            months = life * 12
            sl = memo[("straight line", values.digest)] = \
                _sl_through(base, first, months, (y + 1) * 12) - _sl_through(base, first, months, y * 12)
        deduction = np.where(straight, sl, deduction)
    return AssetYear(book - deduction, extra, unavailable)
