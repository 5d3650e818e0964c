"""The rate that replaced an old VAT rate (原适用X%税率的，税率调整为Y%).

The rule
    Each rate-change notice is worded as a mapping of old rates to new ones:
    财税〔2017〕37号 第一条 abolished 13% (the goods moved to 11%) from 2017-07-01;
    财税〔2018〕32号 第一条: "原适用17%和11%税率的，税率分别调整为16%、10%" from
    2018-05-01; 2019年第39号 第一条: "原适用16%税率的，税率调整为13%；原适用10%
    税率的，税率调整为9%" from 2019-04-01.  Chained, an item taxed at 17% is
    taxed at 13% on 2019-05-01.

    :func:`replacement_rate` applies, in date order, every change that took
    effect after the old rate was last in force and on or before ``on``.  The
    changes are read from the band keys themselves (wherever a band's rate
    changes from one value to the next), so they cannot disagree with
    :func:`~taxcalc.vat.rates.vat_rate`; two bands mapping the same old rate to
    different new rates on the same day would be a data error.

Keys read
    every ``vat.rate.<band>``.

Choices and limits
    * "When the old rate was last in force" is, by default, the last day on or
      before ``on`` on which some band had that rate.  So a rate still in force
      on ``on`` maps to itself: 13% on 2019-05-01 is 13% (the standard rate
      then), although goods taxed at 13% before 2017-07-01 are at 9% by then.
      Pass ``applied_on`` (the day the old rate applied to the item) to follow
      the chain from that day instead.
    * A rate that no band ever had on or before ``on`` (e.g. the 3% collection
      rate, which is not a VAT rate) is :class:`~taxcalc.errors.InvalidInput`.

>>> r = replacement_rate("17%", "2019-05-01")
>>> r.rate, r.last_in_force
(Decimal('0.13'), datetime.date(2018, 4, 30))
>>> print(r.explain("en"))
1. old rate: 17%
2. from 2018-05-01, 17% became: 16% [财税〔2018〕32号 第一条]
3. from 2019-04-01, 16% became: 13% [财政部 税务总局 海关总署公告2019年第39号 第一条]
4. rate that replaced it: 13%
>>> replacement_rate("13%", "2018-06-01").rate
Decimal('0.1')
>>> replacement_rate("13%", "2019-05-01").rate
Decimal('0.13')
>>> replacement_rate("13%", "2019-05-01", applied_on="2016-01-01").rate
Decimal('0.09')
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput, LawDataError
from ..explain import Explained, Step, format_value
from ..law import Law, LawValue
from ..money import DateLike, MoneyLike
from ..money import rate as rate_arg
from ._common import BAND_PREFIX, day, law_or_default

__all__ = ["ReplacementRate", "replacement_rate"]


@dataclass(frozen=True, slots=True)
class ReplacementRate(Explained):
    """The rate that replaced ``old_rate`` by ``on``; ``last_in_force`` is where the chain starts."""

    old_rate: Decimal
    on: _dt.date
    last_in_force: _dt.date
    rate: Decimal
    steps: tuple[Step, ...]


# A change: (day, old rate, new rate, the value that starts on that day).
_Change = tuple[_dt.date, Decimal, Decimal, LawValue]


def _changes(law: Law) -> tuple[_Change, ...]:
    """Every rate change of the bands, by day (derived once per law)."""
    return law.memo(_derive_changes)


def _derive_changes(law: Law) -> tuple[_Change, ...]:
    seen: dict[tuple[_dt.date, Decimal], _Change] = {}
    for key in law.keys(BAND_PREFIX):
        values = [v for v in law.spec(key).values if not v.gap]
        for a, b in zip(values, values[1:], strict=False):
            old, new = a.value, b.value
            assert isinstance(old, Decimal) and isinstance(new, Decimal)
            if old == new or a.last is None or a.last + _dt.timedelta(days=1) != b.first:
                continue
            prior = seen.get((b.first, old))
            if prior is not None and prior[2] != new:
                raise LawDataError(
                    key, f"on {b.first} {old} becomes {new} here but {prior[2]} in {prior[3].key}"
                )
            seen.setdefault((b.first, old), (b.first, old, new, b))
    return tuple(sorted(seen.values(), key=lambda c: (c[0], c[1])))


def _last_in_force(law: Law, old: Decimal, on: _dt.date) -> _dt.date | None:
    best: _dt.date | None = None
    for key in law.keys(BAND_PREFIX):
        for v in law.spec(key).values:
            if v.gap or v.value != old or v.first > on:
                continue
            last = on if v.last is None or v.last > on else v.last
            if best is None or last > best:
                best = last
    return best


def replacement_rate(
    old_rate: MoneyLike, on: DateLike, *, applied_on: DateLike | None = None, law: Law | None = None
) -> ReplacementRate:
    """The VAT rate that replaced ``old_rate`` by the day ``on``.

    ``old_rate`` is ``"17%"``, ``"0.17"`` or a ``Decimal`` (a float is refused).
    ``applied_on``, if given, is a day on which ``old_rate`` applied to the item;
    the chain of changes then starts there (see the module notes).
    """
    old = rate_arg(old_rate, "old_rate")
    d = day(on, "on")
    data = law_or_default(law)
    data.value(BAND_PREFIX + "standard", d)  # a day outside the rate data is OutsideCoverage
    if applied_on is not None:
        start = day(applied_on, "applied_on")
        if start > d:
            raise InvalidInput("applied_on", f"{start} is after on ({d})")
        held = _last_in_force(data, old, start)
        if held != start:
            raise InvalidInput(
                "applied_on", f"no VAT band had the rate {format_value(old, 'rate')} on {start}"
            )
    else:
        found = _last_in_force(data, old, d)
        if found is None:
            raise InvalidInput(
                "old_rate", f"{format_value(old, 'rate')} was not a VAT rate of any band on or before {d}"
            )
        start = found
    steps = [Step("old_rate", "原适用税率", "old rate", old, "rate")]
    current = old
    for when, frm, to, v in _changes(data):
        if start < when <= d and frm == current:
            current = to
            was = format_value(frm, "rate")
            steps.append(v.step("change", f"{when}起{was}调整为", f"from {when}, {was} became"))
    steps.append(Step("rate", "调整后税率", "rate that replaced it", current, "rate"))
    return ReplacementRate(old, d, start, current, tuple(steps))
