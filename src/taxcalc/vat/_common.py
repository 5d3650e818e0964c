"""Utilities shared by the VAT rule modules (not public API).

* :func:`law_or_default` — the ``law=`` argument or the package data.
* :func:`band_value` — the law value of a VAT band on a day, with the
  unknown-band error naming every band the data knows.
* :func:`value_step` — an explanation step for a law value, and :func:`band_rate`
  — a band's rate on a day with its step: both read once per law (:meth:`Law.memo`).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from ..errors import UnknownCategory
from ..explain import Step
from ..law import Law, LawValue, default
from ..money import CONTEXT, choice, date_arg
from ..money import flag as flag_arg  # the one check of a flag a caller passes

__all__ = [
    "BAND_PREFIX",
    "bands_of",
    "band_rate",
    "band_value",
    "choice",
    "day",
    "flag_arg",
    "law_or_default",
    "value_step",
]

#: Every VAT band is a key ``vat.rate.<band>``.
BAND_PREFIX = "vat.rate."

_ONE = Decimal(1)


def law_or_default(law: Law | None) -> Law:
    """``law`` or, when ``None``, the package's own data."""
    return default() if law is None else law


def bands_of(law: Law) -> tuple[str, ...]:
    """The band names the law data knows, sorted (``standard``, ``transport`` …): listed once per law."""
    return law.memo(_read_bands)


def _read_bands(law: Law) -> tuple[str, ...]:
    n = len(BAND_PREFIX)
    return tuple(k[n:] for k in law.keys(BAND_PREFIX))


def band_value(law: Law, band: object, on: _dt.date, field: str = "band") -> LawValue:
    """The value of ``vat.rate.<band>`` on ``on``; an unknown band is :class:`UnknownCategory`."""
    if not isinstance(band, str):
        raise UnknownCategory(field, band, bands_of(law))
    try:
        return law.value(BAND_PREFIX + band, on)
    except UnknownCategory:
        raise UnknownCategory(field, band, bands_of(law)) from None


def value_step(law: Law, v: LawValue) -> tuple[Step, Decimal]:
    """The step ``rate`` for the band value ``v`` (labelled with its key's names) and ``1 + rate``.

    ``1 + rate`` is precomputed for the tax-inclusive split of an invoice line.
    Made once per law and value.
    """
    return law.memo(_read_value_step, v)


def _read_value_step(law: Law, v: LawValue) -> tuple[Step, Decimal]:
    step = law.step(v, "rate")
    one_plus = CONTEXT.add(_ONE, v.value) if isinstance(v.value, Decimal) else _ONE
    return step, one_plus


def band_rate(law: Law, band: object, on: _dt.date) -> tuple[Decimal, Decimal, Step]:
    """``(rate, 1 + rate, step)`` for ``band`` on ``on``: read once per law, band and day."""
    if not isinstance(band, str):
        raise UnknownCategory("band", band, bands_of(law))
    return law.memo(_read_band_rate, band, on)


def _read_band_rate(law: Law, band: str, on: _dt.date) -> tuple[Decimal, Decimal, Step]:
    v = band_value(law, band, on)
    step, one_plus = value_step(law, v)
    rate = v.value
    assert isinstance(rate, Decimal)
    return rate, one_plus, step


def day(value: object, field: str) -> _dt.date:
    """A date argument (``datetime.date`` or ISO string)."""
    return date_arg(value, field)
