"""Exact integer arithmetic on arrays of fen: products by law fractions, rounded half up.

A law value such as 25% or 2/3 is an exact fraction ``num / den``; an amount
of fen times it is ``x · num / den``, rounded half up (away from zero on a
tie, as :data:`taxcalc.money.CONTEXT` rounds) by integer division.  The
caller keeps ``|x| · num`` inside int64: :func:`headroom` says how large an
amount may be for the fractions in use, and rows above it are computed on the
scalar path instead (:mod:`taxcalc.population.engine`).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Int64s", "fraction", "headroom", "mul_round", "mul_exact_scaled"]

Int64s = npt.NDArray[np.int64]

#: The largest magnitude an intermediate product may reach (half of int64, for the doubled remainder).
LIMIT = 2**62


def fraction(value: object) -> Fraction:
    """A law value (``Decimal``, ``int`` or ``"2/3"``) as an exact fraction."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        raise TypeError("a flag is not a number")
    if isinstance(value, int | Decimal):
        return Fraction(value)
    if isinstance(value, str) and "/" in value:
        num, den = (Decimal(x.strip()) for x in value.split("/"))
        return Fraction(num) / Fraction(den)
    raise TypeError(f"not an exact number: {value!r}")


def headroom(*multipliers: int) -> int:
    """The largest amount ``x`` for which ``x · m`` stays within :data:`LIMIT` for every ``m`` given."""
    m = max((abs(x) for x in multipliers), default=1)
    return LIMIT // max(m, 1)


def mul_round(x: Int64s, f: Fraction) -> Int64s:
    """``x · f`` rounded half up (ties away from zero), exactly; ``|x| · f.numerator`` must fit int64."""
    num, den = f.numerator, f.denominator
    if den == 1:
        return x * np.int64(num)
    # half up on the magnitude: floor((2·|a| + den) / (2·den)); 2·|a| fits, as |a| ≤ LIMIT = 2**62
    a: Int64s = x * np.int64(2 * num)
    shift = (2 * den).bit_length() - 1 if (2 * den) & (2 * den - 1) == 0 else 0  # 2·den a power of two
    if a.size == 0 or a.min() >= 0:  # the common case: no sign to restore
        a += den
        if shift:
            a >>= shift  # the floor division by 2**shift, exactly, and faster
        else:
            a //= 2 * den
        return a
    q = np.abs(a)
    q += den
    q //= 2 * den
    return np.where(a < 0, -q, q)


def mul_exact_scaled(x: Int64s, f: Fraction, scale: int) -> Int64s:
    """``x · f · scale`` when it is a whole number for every ``x`` (``scale`` a multiple of ``f``'s denominator)."""
    if scale % f.denominator:
        raise ValueError(f"scale {scale} is not a multiple of {f.denominator}")
    return x * np.int64(f.numerator * (scale // f.denominator))


def as_int64(values: Any) -> Int64s:
    """``values`` as a contiguous int64 array."""
    return np.ascontiguousarray(values, dtype=np.int64)
