"""One asset per row, in a tax year: its tax deduction against its book depreciation, on arrays.

The same treatment as :func:`taxcalc.eit.equipment_in_year` (one-time
deduction, the 2022 Q4 high-tech deduction, or straight-line depreciation), in
fen.  The law values are read from the :class:`~taxcalc.law.Law` by the keys the
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
from typing import Any, NamedTuple, TypeVar

import numpy as np

from ..errors import OutsideCoverage
from ..law import Law
from ._exact import Int64s, fraction, mul_round
from .columns import CODES

__all__ = ["AssetYear", "asset_year"]

_T = TypeVar("_T")
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


def _read_switches(law: Law, ordinal: int) -> tuple[object, object]:
    """The one-time and Q4 switches on a purchase date (kept by :meth:`Law.memo`)."""
    day = _dt.date.fromordinal(ordinal)
    return _value(law, "eit.equipment.one_time.in_force", day), _value(law, "eit.equipment.hnte_q4.in_force", day)


def _read_purchase(law: Law, ordinal: int) -> tuple[int | None, int | None, Fraction | None]:
    """The values read on a purchase date (kept by :meth:`Law.memo`): cap, offset, ratio."""
    day = _dt.date.fromordinal(ordinal)
    cap = _value(law, "eit.equipment.one_time.unit_value_cap", day)
    off = _value(law, "eit.equipment.one_time.deduction_month_offset", day)
    ratio = _value(law, "eit.equipment.hnte_q4.extra_ratio", day)
    return (None if cap is None else int(fraction(cap) * 100),
            off if isinstance(off, int) else None, None if ratio is None else fraction(ratio))


def _read_use(law: Law, ordinal: int, kind: int) -> tuple[int | None, int | None]:
    """The values read on the day put into use (kept by :meth:`Law.memo`): start offset, minimum years."""
    day = _dt.date.fromordinal(ordinal)
    start = _value(law, "eit.depreciation.start_month_offset", day)
    life = _value(law, f"eit.depreciation.min_years.{CODES['equipment_kind'][kind]}", day)
    return (start if isinstance(start, int) else None, life if isinstance(life, int) else None)


_EPOCH = _dt.date(1970, 1, 1).toordinal()


def _read_use_key(law: Law, key: int) -> tuple[int | None, int | None]:
    """:func:`_read_use` of ``day × 8 + class``."""
    return _read_use(law, key // 8, key % 8)


def _table(law: Law, fn: object) -> dict[int, Any]:
    """A table of ``fn``'s answers by day, kept with the law (:meth:`Law.memo`), filled as days are asked."""
    return {}


def _read_each(law: Law, fn: Callable[[Law, int], _T], keys: list[int]) -> list[_T]:
    """``fn(law, key)`` for each key, each worked out once for the law."""
    table: dict[int, _T] = law.memo(_table, fn)
    out = []
    for k in keys:
        got = table.get(k)
        if got is None:
            got = table[k] = fn(law, k)
        out.append(got)
    return out


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
               residual: Int64s, hnte: np.ndarray, *, values: Law | None = None) -> AssetYear:
    """The asset of each row in tax year ``y`` (all arrays of the rows with an asset; ``hnte``: high-tech in ``y``).

    ``values``: the law to read every value but the two switches from (default ``law``).
    """
    values = law if values is None else values
    n = len(cost)
    p_days, p_inv = np.unique(acquired, return_inverse=True)
    switches = _read_each(law, _read_switches, p_days.tolist())
    purchase = _read_each(values, _read_purchase, p_days.tolist())
    use_keys, u_inv = np.unique(in_use * 8 + kind.astype(np.int64), return_inverse=True)
    use = _read_each(values, _read_use_key, use_keys.tolist())
    one = np.array([s[0] for s in switches], dtype=object)[p_inv]
    q4 = np.array([s[1] for s in switches], dtype=object)[p_inv]
    cap = np.array([-1 if p[0] is None else p[0] for p in purchase], np.int64)[p_inv]
    off = np.array([-10**6 if p[1] is None else p[1] for p in purchase], np.int64)[p_inv]
    ratios = [p[2] for p in purchase]
    start = np.array([-10**6 if u[0] is None else u[0] for u in use], np.int64)[u_inv.ravel()]
    life = np.array([-1 if u[1] is None else u[1] for u in use], np.int64)[u_inv.ravel()]
    in_use_month = _month_indices(use_keys // 8)[u_inv.ravel()]
    acquired_year = _month_indices(p_days)[p_inv] // 12
    unavailable = np.array([v is None for v in one], bool) | np.array([v is None for v in q4], bool) | \
        (start == -10**6) | (life < 0)
    eligible = kind != _BUILDINGS
    is_q4 = eligible & (q4 == True) & hnte & (acquired_year == y)  # noqa: E712 — an object array of flags
    is_one = eligible & ~is_q4 & (one == True)  # noqa: E712
    ratio_missing = np.array([r is None for r in ratios], bool)[p_inv]
    unavailable |= (is_q4 & ratio_missing) | (is_one & ((cap < 0) | (off == -10**6)))
    is_one &= cost <= cap
    deduction = np.zeros(n, np.int64)
    extra = np.zeros(n, np.int64)
    when_one = (in_use_month + off) // 12
    deduction = np.where(is_one & (when_one == y), cost, deduction)
    now = is_q4 & (acquired_year == y)
    deduction = np.where(now, cost, deduction)
    if now.any():
        for index, r in enumerate(ratios):
            rows = now & (p_inv == index)
            if r is not None and rows.any():
                extra[rows] = mul_round(cost[rows], r)
    straight = ~is_one & ~is_q4 & ~unavailable
    if straight.any():
        base = cost - residual
        first = in_use_month + start
        months = life * 12
        sl = _sl_through(base, first, months, (y + 1) * 12) - _sl_through(base, first, months, y * 12)
        deduction = np.where(straight, sl, deduction)
    return AssetYear(book - deduction, extra, unavailable)
