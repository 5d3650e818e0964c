"""The small-scale taxpayer standard (小规模纳税人标准) and when general registration is due.

The rule
    A taxpayer whose annual taxable sales (年应征增值税销售额, summed over at
    most 12 consecutive months or 4 consecutive quarters) do not exceed the
    standard is small-scale; above it, it must register as a general taxpayer
    (一般纳税人).  The standard by date and sector:

    * 2009-01-01 – 2018-04-30 (增值税暂行条例实施细则 第二十八条): 50万元 for
      producers of goods and providers of processing/repair services, including
      taxpayers mainly so engaged that also wholesale or retail
      (``production``); 80万元 for the others (``commerce``); both
      "以下（含本数）".
    * 2016-05-01 – 2018-04-30: 500万元（含本数） for the taxable services,
      intangibles and immovables brought into VAT by 营改增 (``services``;
      财税〔2016〕36号 附件2).
    * from 2018-05-01, every sector: 500万元及以下 (财税〔2018〕33号 第一条);
      from 2026-01-01 "未超过五百万元" (增值税法 第九条).

    So annual sales exactly at the standard stay small-scale; one fen more
    obliges general registration.

Keys read
    ``vat.small_scale.standard.production``, ``.commerce``, ``.services``.

Choices and limits
    * The sector is the caller's call (``production``, ``commerce``,
      ``services``).  A taxpayer with both goods and 营改增 services measured
      them separately before 2018-05-01; call once per stream.
    * ``services`` is covered from 2016-05-01; the 2013–2016 pilot years (also
      500万) are not encoded.
    * What counts in annual sales (exempt sales in, occasional sales of
      immovable property out, 稽查查补 adjustments …; 国家税务总局令第43号) is
      the caller's figure; taxpayers that may opt to stay small-scale
      (non-business units, occasional sellers) are not modelled.

>>> small_scale_standard("2018-04-30", "production").limit
Decimal('500000')
>>> small_scale_standard("2018-05-01", "production").limit
Decimal('5000000')
>>> must_register_general("5000000", "2019-06-01", "commerce").must_register
False
>>> must_register_general("5000000.01", "2019-06-01", "commerce").must_register
True
>>> small_scale_standard("2018-01-01", "retail")
Traceback (most recent call last):
...
taxcalc.errors.UnknownCategory: sector: unknown value 'retail'; expected one of: production, commerce, services
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..explain import Explained, Step
from ..law import Law
from ..money import DateLike, MoneyLike, nonnegative_money
from ._common import choice, day, law_or_default

__all__ = [
    "SECTORS",
    "GeneralRegistration",
    "SmallScaleStandard",
    "must_register_general",
    "small_scale_standard",
]

#: The sectors the standard distinguishes (one key each).
SECTORS: tuple[str, ...] = ("production", "commerce", "services")
PREFIX = "vat.small_scale.standard."


@dataclass(frozen=True, slots=True)
class SmallScaleStandard(Explained):
    """The annual-sales standard: small-scale up to and including ``limit``."""

    on: _dt.date
    sector: str
    limit: Decimal
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class GeneralRegistration(Explained):
    """Whether annual sales of ``annual_sales`` oblige general-taxpayer registration."""

    annual_sales: Decimal
    on: _dt.date
    sector: str
    limit: Decimal
    must_register: bool
    steps: tuple[Step, ...]


def _limit(on: _dt.date, sector: str, law: Law | None) -> tuple[Decimal, Step]:
    data = law_or_default(law)
    key = PREFIX + sector
    v = data.value(key, on)
    assert isinstance(v.value, Decimal)
    return v.value, data.step(v, "limit")


def small_scale_standard(on: DateLike, sector: str, *, law: Law | None = None) -> SmallScaleStandard:
    """The small-scale standard for ``sector`` on ``on`` (sales up to and including it are small-scale)."""
    d = day(on, "on")
    s = choice(sector, "sector", SECTORS)
    limit, step = _limit(d, s, law)
    return SmallScaleStandard(d, s, limit, (step,))


def must_register_general(
    annual_sales: MoneyLike, on: DateLike, sector: str, *, law: Law | None = None
) -> GeneralRegistration:
    """Whether annual taxable sales of ``annual_sales`` exceed the standard on ``on``."""
    sales = nonnegative_money(annual_sales, "annual_sales")
    d = day(on, "on")
    s = choice(sector, "sector", SECTORS)
    limit, step = _limit(d, s, law)
    must = sales > limit
    steps = (
        Step("annual_sales", "年应征增值税销售额", "annual taxable sales", sales, "yuan"),
        step,
        Step(
            "must_register", "应当登记为一般纳税人", "must register as a general taxpayer", must,
            "bool", "annual_sales > limit", formula_zh="年应征增值税销售额 > 小规模纳税人标准",
        ),
    )
    return GeneralRegistration(sales, d, s, limit, must, steps)
