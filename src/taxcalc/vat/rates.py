"""VAT rates by band (增值税税率), for any day from 2002-01-01.

The rule
    A general taxpayer's sale is taxed at the rate of its band in force on the
    day the VAT liability arises (纳税义务发生时间) — not the invoice day, not the
    payment day.  Each band is one key ``vat.rate.<band>`` in the law data:

    * ``standard`` — goods and imports (基本税率); VAT since 1994 (data from 2002-01-01).
    * ``processing_repair`` — processing, repair and replacement services (加工修理修配劳务); VAT since 1994 (data from 2002-01-01).
    * ``low_rate_goods`` — farm produce, edible oil, salt, water, heating, gas, books and newspapers, feed, fertiliser … (低税率货物); VAT since 1994 (data from 2002-01-01).
    * ``tangible_leasing`` — leasing of tangible movables (有形动产租赁); VAT since 2013-08-01.
    * ``transport`` — transport (交通运输; rail from 2014-01-01); VAT since 2013-08-01.
    * ``modern_services`` — modern services other than leasing (现代服务); VAT since 2013-08-01.
    * ``postal`` — postal services (邮政); VAT since 2014-01-01.
    * ``basic_telecom`` — basic telecommunications (基础电信); VAT since 2014-06-01.
    * ``value_added_telecom`` — value-added telecommunications (增值电信); VAT since 2014-06-01.
    * ``construction`` — construction (建筑); VAT since 2016-05-01.
    * ``real_estate`` — sale of immovable property (销售不动产); VAT since 2016-05-01.
    * ``real_estate_leasing`` — leasing of immovable property (不动产租赁); VAT since 2016-05-01.
    * ``land_use_rights`` — transfer of land-use rights (转让土地使用权); VAT since 2016-05-01.
    * ``financial_services`` — financial services (金融服务); VAT since 2016-05-01.
    * ``life_services`` — life services (生活服务); VAT since 2016-05-01.
    * ``intangibles`` — intangibles other than land-use rights (无形资产); VAT since 2016-05-01.
    * ``export`` — exported goods, zero rate (出口货物); VAT since 1994 (data from 2002-01-01).
    * ``cross_border_services`` — cross-border services and intangibles the State Council names, zero rate (跨境应税行为); VAT since 2016-05-01.

    The switches: 13% → 11% for low-rate goods on 2017-07-01 (财税〔2017〕37号
    第一条); 17%/11% → 16%/10% on 2018-05-01 (财税〔2018〕32号 第一条); 16%/10% →
    13%/9% on 2019-04-01 (财政部 税务总局 海关总署公告2019年第39号 第一条).  From
    2026-01-01 the rates (13/9/6/0) rest on the 增值税法 第十条.  To 2008-12-31 the
    goods bands rest on the 1993 regulations (国务院令第134号 第二条: 17%, 13%, 0), from
    2009-01-01 on those of 2008 (国务院令第538号), same rates.  Before 营改增 the services
    paid business tax: from 2002-01-01 to the day before a band's first day the band
    is a declared gap (:class:`~taxcalc.errors.NotInForce`, "business tax, not VAT");
    any date before 2002-01-01 is outside the data
    (:class:`~taxcalc.errors.OutsideCoverage`).

Keys read
    ``vat.rate.<band>`` (one per band above).

Choices and limits
    * Bands are the law's rate bands, not a product catalogue: which band a good
      or service belongs to is the caller's call.  An unknown band is
      :class:`~taxcalc.errors.UnknownCategory` listing the known ones.
    * The nationwide 营改增 dates are used; the 2012–2013 regional pilots
      (Shanghai from 2012-01-01, eight more provinces in late 2012) are not.
    * A few services inside a band entered VAT later than the band's first day
      (rail transport 2014-01-01; the modern services outside the pilot
      2016-05-01); the value notes say so, the rate is the same.
    * Simplified-method collection rates (征收率, 3% / 5%) are not bands; see
      :mod:`taxcalc.vat.small_scale_exemption`.

>>> r = vat_rate("standard", "2018-04-30")
>>> r.rate, str(r.steps[0].cite[0])
(Decimal('0.17'), '国务院令第538号 第二条第（一）项')
>>> vat_rate("standard", "2018-05-01").rate
Decimal('0.16')
>>> vat_rate("low_rate_goods", "2017-07-01").rate
Decimal('0.11')
>>> print(vat_rate("transport", "2019-04-01").explain("en"))
1. VAT rate: transport services: 9% [财政部 税务总局 海关总署公告2019年第39号 第一条]
>>> vat_rate("construction", "2016-04-30")
Traceback (most recent call last):
...
taxcalc.errors.NotInForce: vat.rate.construction on 2016-04-30: not in force: business tax (营业税), not VAT: construction came under VAT nationwide on 2016-05-01 (财税〔2016〕36号; local pilots from 2012 are not modelled)
>>> r = vat_rate("standard", "2008-12-31")
>>> r.rate, str(r.steps[0].cite[0])
(Decimal('0.17'), '国务院令第134号 第二条第（一）项')
>>> vat_rate("luxury", "2019-04-01")
Traceback (most recent call last):
...
taxcalc.errors.UnknownCategory: band: unknown value 'luxury'; expected one of: basic_telecom, construction, ...
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..explain import Explained, Step
from ..law import Law
from ..money import DateLike
from ._common import band_rate, bands_of, day, law_or_default

__all__ = ["VatRate", "bands", "vat_rate"]


@dataclass(frozen=True, slots=True)
class VatRate(Explained):
    """The VAT rate of a band on a day, with the value's citation in ``steps``."""

    band: str
    on: _dt.date
    rate: Decimal
    steps: tuple[Step, ...]


def bands(*, law: Law | None = None) -> tuple[str, ...]:
    """The band names the law data knows, sorted.

    >>> "standard" in bands() and "life_services" in bands()
    True
    """
    return bands_of(law_or_default(law))


def vat_rate(band: str, on: DateLike, *, law: Law | None = None) -> VatRate:
    """The VAT rate of ``band`` on the day the liability arises, ``on``.

    ``on`` is a ``datetime.date`` or an ISO string.  Raises
    :class:`~taxcalc.errors.UnknownCategory` for an unknown band and
    :class:`~taxcalc.errors.OutsideCoverage` for a day the band does not cover.

    >>> vat_rate("modern_services", "2013-08-01").rate
    Decimal('0.06')
    """
    d = day(on, "on")
    rate, _, step = band_rate(law_or_default(law), band, d)
    return VatRate(band, d, rate, (step,))
