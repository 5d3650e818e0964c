"""Utilities shared by the VAT rule modules (not public API).

* :func:`law_or_default` — the ``law=`` argument or the package data.
* :func:`band_value` — the law value of a VAT band on a day, with the
  unknown-band error naming every band the data knows.
* :func:`value_step` — an explanation step for a law value, built once per value
  and reused (a rate lookup on the hot path then builds no new ``Step``).
* :func:`fast_builder` — a positional constructor for a frozen slots dataclass
  that sets the slots directly instead of going through the generated
  ``__init__`` (which pays ``object.__setattr__`` per field).  Used only on the
  hot paths (a rate lookup, an invoice line); the instances are ordinary frozen
  dataclass instances.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from ..errors import InvalidInput, UnknownCategory
from ..explain import Step
from ..law import Law, LawValue, default
from ..money import CONTEXT, date_arg

__all__ = [
    "BAND_PREFIX",
    "RATE_CACHE",
    "bands_of",
    "band_rate",
    "band_value",
    "choice",
    "day",
    "fast_builder",
    "flag_arg",
    "law_or_default",
    "value_step",
]

#: Every VAT band is a key ``vat.rate.<band>``.
BAND_PREFIX = "vat.rate."

_T = TypeVar("_T")
_ONE = Decimal(1)


def law_or_default(law: Law | None) -> Law:
    """``law`` or, when ``None``, the package's own data."""
    return default() if law is None else law


def bands_of(law: Law) -> tuple[str, ...]:
    """The band names the law data knows, sorted (``standard``, ``transport`` …)."""
    n = len(BAND_PREFIX)
    return tuple(k[n:] for k in law.keys(BAND_PREFIX))


def band_value(law: Law, band: object, on: _dt.date, field: str = "band") -> LawValue:
    """The value of ``vat.rate.<band>`` on ``on``; an unknown band is :class:`UnknownCategory`."""
    if type(band) is not str:
        raise UnknownCategory(field, band, bands_of(law))
    try:
        return law.value(BAND_PREFIX + band, on)
    except UnknownCategory:
        raise UnknownCategory(field, band, bands_of(law)) from None


# id(LawValue) -> (the value itself, its step, 1 + value).  The identity check
# makes a reused id harmless; the size cap bounds what-if laws built in a loop.
_STEPS: dict[int, tuple[LawValue, Step, Decimal]] = {}
_STEPS_MAX = 4096


def value_step(law: Law, v: LawValue) -> tuple[Step, Decimal]:
    """The step ``rate`` for the band value ``v`` (labelled with its key's names) and ``1 + rate``.

    ``1 + rate`` is precomputed for the tax-inclusive split of an invoice line.
    """
    hit = _STEPS.get(id(v))
    if hit is not None and hit[0] is v:
        return hit[1], hit[2]
    spec = law.spec(v.key)
    step = v.step("rate", spec.zh, spec.en)
    one_plus = CONTEXT.add(_ONE, v.value) if isinstance(v.value, Decimal) else _ONE
    if len(_STEPS) >= _STEPS_MAX:
        _STEPS.clear()
    _STEPS[id(v)] = (v, step, one_plus)
    return step, one_plus


# (band, day) -> (law, rate, 1 + rate, step): the hot path of a rate lookup.
# The law is held and compared by identity, so another Law (a what-if, a view
# "as known on") never reads a value cached for a different one.
RATE_CACHE: dict[tuple[str, _dt.date], tuple[Law, Decimal, Decimal, Step]] = {}
RATE_CACHE_MAX = 65536


def band_rate(law: Law, band: object, on: _dt.date) -> tuple[Decimal, Decimal, Step]:
    """``(rate, 1 + rate, step)`` for ``band`` on ``on``, cached per law, band and day."""
    if type(band) is not str:
        raise UnknownCategory("band", band, bands_of(law))
    hit = RATE_CACHE.get((band, on))
    if hit is not None and hit[0] is law:
        return hit[1], hit[2], hit[3]
    v = band_value(law, band, on)
    step, one_plus = value_step(law, v)
    rate: Decimal = v.value  # type: ignore[assignment]
    if len(RATE_CACHE) >= RATE_CACHE_MAX:
        RATE_CACHE.clear()
    RATE_CACHE[(band, on)] = (law, rate, one_plus, step)
    return rate, one_plus, step


def fast_builder(cls: type[_T]) -> Callable[..., _T]:
    """A positional constructor for the frozen slots dataclass ``cls`` (fields in order).

    It sets each slot through its descriptor, which is what the generated
    ``__init__`` does through ``object.__setattr__``, at about half the cost.
    No validation happens here: callers pass values they have validated.
    """
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    ns: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    for n in names:
        ns[f"_set_{n}"] = cls.__dict__[n].__set__
    body = "".join(f"    _set_{n}(o, {n})\n" for n in names)
    src = f"def build({', '.join(names)}):\n    o = _new(_cls)\n{body}    return o\n"
    exec(src, ns)  # generated from the dataclass's own field names
    build: Callable[..., _T] = ns["build"]
    build.__doc__ = f"Build a {cls.__name__} from already validated values (positional, in field order)."
    return build


def choice(value: object, field: str, known: tuple[str, ...]) -> str:
    """``value`` if it is one of ``known``, else :class:`UnknownCategory` listing them."""
    if type(value) is not str or value not in known:
        raise UnknownCategory(field, value, known)
    return value


def flag_arg(value: object, field: str) -> bool:
    """``value`` if it is a ``bool``; anything else is :class:`InvalidInput`."""
    if type(value) is not bool:
        raise InvalidInput(field, f"must be True or False (got {value!r})")
    return value


def day(value: object, field: str) -> _dt.date:
    """A date argument (``datetime.date`` or ISO string)."""
    return value if type(value) is _dt.date else date_arg(value, field)
