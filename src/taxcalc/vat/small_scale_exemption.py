"""Small-scale VAT for a tax period: the exemption threshold or 起征点, and the (reduced) collection rate.

The rule
    A small-scale taxpayer (小规模纳税人) pays VAT at the collection rate (征收率,
    3%) on its tax-exclusive sales, unless its sales for the month (or quarter,
    for a quarterly filer) stay under the threshold.  Over it, the whole
    period's sales are taxable, not just the excess.

    To 2025-12-31 the threshold is an exemption limit (小规模纳税人免征增值税),
    inclusive ("不超过", "以下（含本数）", "未超过"): sales equal to it are exempt,
    one fen more and the period is taxed.

    * 2018-01-01 – 2018-12-31: 3万 a month / 9万 a quarter, sales of goods and
      processing/repair and sales of services and intangibles tested separately
      (国家税务总局公告2017年第52号);
    * 2019-01-01 – 2021-03-31: 10万 / 30万 (财税〔2019〕13号 第一条; 国家税务总局公告
      2019年第4号 第一条), all sales together;
    * 2021-04-01 – 2022-12-31: 15万 / 45万 (财政部 税务总局公告2021年第11号; 国家税务
      总局公告2021年第5号 第一条);
    * 2023-01-01 – 2025-12-31: 10万 / 30万 (财政部 税务总局公告2023年第1号, 第19号;
      国家税务总局公告2023年第1号 第一条).

    From 2019 to 2025 the test is on all sales together (合计), including sales of
    immovable property (销售不动产); if the total is over the threshold but
    within it once the period's sales of immovable property are deducted, the
    sales of goods, services and intangibles are exempt and the immovable
    property is taxed.

    From 2026-01-01 the threshold is a 起征点 (增值税法 第二十三条): sales that do not
    reach it are exempt, sales that reach it are taxed in full — a strict bound,
    so sales of exactly 10万 in a month are taxable.  For 2026-01-01 to
    2027-12-31 it is 10万 a month and 30万 a quarter (财政部 税务总局公告2026年第10号
    第一条).

    The direction of the test comes from the law data
    (``vat.small_scale.threshold_reached_taxed``): false, the inclusive limits of
    ``vat.small_scale.exemption.*`` and ``sales ≤ limit``; true, the 起征点 of
    ``vat.small_scale.start_point.*`` and ``sales < 起征点``.

    The rate on sales at the 3% collection rate (增值税暂行条例 第十二条) was
    reduced to 1% from 2020-03-01 to 2022-03-31 (2020年第13号 第二条, 第24号,
    2021年第7号 第一条, 2022年第15号 第二条) and from 2023-01-01 (2023年第1号
    第二条, 第19号 第二条; from 2026, 2026年第10号 第三条, not for selling or leasing
    immovable property or transferring land-use rights); from 2022-04-01 to
    2022-12-31 such sales were exempt altogether (2022年第15号 第一条).

Keys read
    ``vat.small_scale.threshold_reached_taxed``; to 2025
    ``vat.small_scale.exemption.monthly`` or ``.quarterly`` and
    ``vat.small_scale.exemption.basis``; from 2026
    ``vat.small_scale.start_point.monthly`` or ``.quarterly``;
    ``vat.small_scale.levy_rate``; to 2025, where sales of immovable property
    are taxed, ``vat.small_scale.real_estate_levy_rate``; for
    ``period="transaction"``, ``vat.small_scale.start_point.per_transaction``;
    with special-invoice sales, ``vat.small_scale.special_invoice.*``
    (:mod:`taxcalc.vat.small_scale_special`).

Rounding
    ``应纳税额 = ROUND(taxable_sales × levy_rate, 2)``, half up to the fen as on
    the return; with special-invoice sales at the same rate, the same on all the
    taxable sales together (``special_invoice_tax`` is their share, rounded on its
    own, shown only); at 3% with the reduction given up, ``ROUND((taxable_sales −
    special_invoice_sales) × levy_rate, 2) + ROUND(special_invoice_sales ×
    special_invoice_rate, 2)``, each rate's sales rounded apart.

Choices and limits
    * Amounts are tax-exclusive sales (不含税销售额) of the period; for 差额
      taxpayers, the sales after the deduction.  ``sales`` is the total the
      threshold tests; ``real_estate_sales`` is the part of it from selling
      immovable property — from 2026, from selling or leasing immovable
      property and transferring land-use rights, the sales 2026年第10号 第三条
      leaves out of the 1%.  All of ``sales − real_estate_sales`` is taken to be
      at the 3% collection rate; other 5% items (e.g., before 2026, leasing
      immovable property) are out of scope.
    * To 2025 the sales of immovable property left taxable
      (``real_estate_taxable``) are taxed at the 5% collection rate
      (``vat.small_scale.real_estate_levy_rate``; 财税〔2016〕36号 附件2 第一条第
      （八）项第5目、第6目), never reduced: ``real_estate_tax =
      ROUND(real_estate_taxable × 5%, 2)`` (the sales on line 4 of the
      small-scale return).  ``real_estate_sales`` is the 销售额 — for property acquired other
      than by building it, the price less its purchase price.  ``tax_due`` stays
      the tax on the other sales; ``total_tax_due`` adds the two.  The prepayment
      where the property lies (预缴) is not modelled.  From 2026 the law data hold
      no rate for such sales (增值税法 第十一条 names only 3%; no 2026 text found
      keeps 5%): their tax is not computed (``real_estate_tax`` is ``None``),
      with a step that says so.
    * Whether, from 2026, the 起征点 is tested without the period's
      ``real_estate_sales`` as in 2019–2025 is not stated by the 2026 texts
      found: ``start_point_basis`` chooses the reading, ``"all_sales"`` (the
      default: the statute as written) or ``"carve_out"`` (see
      :func:`small_scale_vat`).
    * ``period="transaction"``: one transaction (or day) of a taxpayer who files
      per transaction (按次纳税, in practice natural persons), tested against
      ``vat.small_scale.start_point.per_transaction`` — from 2026-01-01 1000元
      (财政部 税务总局公告2026年第10号 第一条): 999.99 is exempt, 1000 taxed in
      full.  Before 2026 each province set the figure within the national range
      (300–500元 from 2011-11-01, 增值税暂行条例实施细则 第三十七条): no national
      figure, so the law data declare a gap and such a day is refused
      (:class:`~taxcalc.errors.NotInForce`) with that reason; the provincial
      figure is not taken as an input.  The natural persons that
      国家税务总局公告2026年第4号 二 sends to the monthly test (rent, interest …)
      pass ``period="month"``.
    * In 2018 pass ``goods_sales`` and ``services_sales`` (one may be derived
      from the other); from 2019 they are optional and, if given, only checked
      to add up.
    * ``special_invoice_sales`` (from 2019): the part of the sales at 3%
      invoiced on special VAT invoices (增值税专用发票).  They do not share the
      exemption: in a period under the threshold they are taxed and the other
      sales stay exempt (the exemption given up for them, 放弃免税); at the levied
      rate (1% where reduced) or, with ``special_invoice_rate="full"`` (放弃减税),
      at 3%.  Giving up the exemption for the whole period is passing all the
      sales at 3% as special-invoice sales.  See
      :mod:`taxcalc.vat.small_scale_special` for the texts and limits.  The
      Hubei rules of 2020–2021 are not modelled (other provinces' 1% applies).
    * The period starts on the first day of a month, or of a calendar quarter
      for ``period="quarter"``.  A quarter inside which a value changes
      (2020-Q1: 3% to 1% on 2020-03-01) is refused with that reason.
    * Coverage is 2018-01-01 to 2027-12-31.  Read as known on a day before
      2026年第10号 was published (2026-01-30), a period from 2026 does not
      answer: the statute's 起征点 was known, its amount not yet.

>>> r = small_scale_vat("100000", "2019-06-01")
>>> r.exempt, r.tax_due
(True, Decimal('0.00'))
>>> r = small_scale_vat("100000.01", "2019-06-01")
>>> r.exempt, r.taxable_sales, r.tax_due
(False, Decimal('100000.01'), Decimal('3000.00'))
>>> small_scale_vat("450000", "2021-04-01", period="quarter").exempt
True
>>> small_scale_vat("200000", "2023-03-01").tax_due
Decimal('2000.00')
>>> r = small_scale_vat("150000", "2019-06-01", real_estate_sales="80000")
>>> r.exempt, r.exempt_sales, r.real_estate_taxable, r.real_estate_tax, r.total_tax_due
(True, Decimal('70000'), Decimal('80000'), Decimal('4000.00'), Decimal('4000.00'))
>>> r = small_scale_vat("50000", "2018-03-01", goods_sales="28000", services_sales="22000")
>>> r.exempt, r.tax_due
(True, Decimal('0.00'))
>>> small_scale_vat("50000", "2018-03-01", goods_sales="31000").tax_due
Decimal('930.00')

From 2026 the 起征点: exempt only below it.

>>> small_scale_vat("99999.99", "2026-01-01").exempt
True
>>> r = small_scale_vat("100000", "2026-01-01")
>>> r.exempt, r.reached_taxed, r.tax_due
(False, True, Decimal('1000.00'))
>>> r = small_scale_vat("150000", "2026-06-01", real_estate_sales="60000")
>>> r.basis, r.exempt, r.tax_due, r.real_estate_taxable, r.real_estate_tax
('all_sales', False, Decimal('900.00'), Decimal('60000'), None)
>>> r = small_scale_vat("150000", "2026-06-01", real_estate_sales="60000", start_point_basis="carve_out")
>>> r.exempt, r.tax_due, r.real_estate_taxable
(True, Decimal('0.00'), Decimal('60000'))

Special invoices under the 起征点, and the per-transaction 起征点.

>>> r = small_scale_vat("80000", "2026-06-01", special_invoice_sales="30000")
>>> r.exempt, r.exempt_sales, r.tax_due
(False, Decimal('50000'), Decimal('300.00'))
>>> small_scale_vat("80000", "2026-06-01", special_invoice_sales="30000", special_invoice_rate="full").tax_due
Decimal('900.00')
>>> small_scale_vat("999.99", "2026-06-18", period="transaction").tax_due
Decimal('0.00')
>>> small_scale_vat("1000", "2026-06-18", period="transaction").tax_due
Decimal('10.00')
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput, NotInForce
from ..explain import Explained, Formula, Step, format_value
from ..law import Law, LawValue
from ..money import ZERO, DateLike, MoneyLike, add, mul, nonnegative_money, round_fen, sub
from ._common import choice, day, law_or_default
from .small_scale_special import (
    EXEMPTION_WAIVED,
    SPECIAL_INVOICE_RATES,
    split_special_invoice_sales,
)

__all__ = [
    "BUSINESSES",
    "DEFAULT_START_POINT_BASIS",
    "PERIODS",
    "REAL_ESTATE_BANDS",
    "SMALL_SCALE_PERIODS",
    "SPECIAL_INVOICE_RATES",
    "START_POINT_BASES",
    "SmallScaleVat",
    "small_scale_vat",
]

PERIODS: tuple[str, ...] = ("month", "quarter")
#: The periods :func:`small_scale_vat` takes: :data:`PERIODS` and ``transaction``, one transaction
#: or one day of a taxpayer who files per transaction (按次纳税).
SMALL_SCALE_PERIODS: tuple[str, ...] = (*PERIODS, "transaction")
#: The inclusive exemption limits (免征标准, 2018–2025): sales up to and including them are exempt.
LIMIT = {"month": "vat.small_scale.exemption.monthly", "quarter": "vat.small_scale.exemption.quarterly"}
#: The strict 起征点 (from 2026): sales below them are exempt, sales that reach them taxed in full.
START_POINT = {"month": "vat.small_scale.start_point.monthly", "quarter": "vat.small_scale.start_point.quarterly",
               "transaction": "vat.small_scale.start_point.per_transaction"}
#: Whether sales exactly at the threshold are taxed: the direction of the test, and which keys hold it.
REACHED_TAXED = "vat.small_scale.threshold_reached_taxed"
BASIS = "vat.small_scale.exemption.basis"
LEVY = "vat.small_scale.levy_rate"
#: The collection rates by business where they differed (to 2008-12-31: 4% for commerce, 6% for the others).
LEVY_BY_BUSINESS = "vat.small_scale.levy_rate_by_business."
#: The kinds of business whose collection rates differed before 2009: ``commerce`` (a commercial
#: enterprise, 商业企业: wholesale or retail of goods) and ``other``.
BUSINESSES: tuple[str, ...] = ("commerce", "other")
REAL_ESTATE_LEVY = "vat.small_scale.real_estate_levy_rate"
_FORM = "《增值税纳税申报表（小规模纳税人适用）》"

#: The VAT bands whose sales are ``real_estate_sales``, by ``reached_taxed``: to 2025
#: (false) selling immovable property; under the 起征点 (true) also leasing it and
#: transferring land-use rights, which 2026年第10号 第三条 leaves out of the 1%.
REAL_ESTATE_BANDS: dict[bool, tuple[str, ...]] = {
    False: ("real_estate",),
    True: ("real_estate", "real_estate_leasing", "land_use_rights"),
}

#: The readings of a point the 2026 texts leave open: how the 起征点 is tested when a
#: period has sales of immovable property (see :func:`small_scale_vat`).
START_POINT_BASES: tuple[str, ...] = ("all_sales", "carve_out")
#: The reading used when none is given: the 增值税法 第二十三条 as written.
DEFAULT_START_POINT_BASIS = "all_sales"

_BASIS_LABEL = {
    "all_sales": ("起征点按本期全部销售额合计判断，含销售不动产（默认解读：2026年文件未规定扣除）",
                  "the threshold (起征点) tested on all the period's sales together, immovable property "
                  "included (the default reading: the 2026 texts provide no deduction)"),
    "carve_out": ("起征点按全部销售额合计判断；达到的，扣除本期不动产、土地使用权的销售额后再判断（沿用2019—2025年口径的解读）",
                  "the threshold (起征点) tested on all sales together, then again without the sales of "
                  "immovable property and land-use rights (the 2019–2025 test carried on, a reading)"),
}


def _cliff(lang: str, amount: Decimal, threshold: Decimal) -> str:
    """The 起征点 test with its figures, and the side of the cliff they fall on."""
    a, t = format_value(amount, "yuan"), format_value(threshold, "yuan")
    below = amount < threshold
    if lang == "zh":
        return f"{a} < {t}，未达到起征点，免征" if below else f"{a} ≥ {t}，达到起征点，全额计税"
    return f"{a} < {t}: below the threshold, exempt" if below else f"{a} ≥ {t}: reaches it, taxed in full"


@dataclass(frozen=True, slots=True)
class SmallScaleVat(Explained):
    """A small-scale taxpayer's VAT for one month or quarter.

    ``exempt`` is true when none of the sales at the 3% collection rate is
    taxed; ``exempt_sales`` and ``taxable_sales`` split ``sales`` (with
    ``real_estate_taxable``, the sales of immovable property left taxable,
    whose tax is not computed here).  ``threshold`` is the inclusive exemption
    limit (to 2025) or the 起征点 (from 2026); ``reached_taxed`` says which:
    false, sales up to and including it are exempt; true, only sales below it
    are.  ``basis`` is how the sales were tested: ``"separate"`` or
    ``"combined"`` as the law data say (to 2025), or the reading of
    ``start_point_basis`` (from 2026).  ``real_estate_tax`` is the tax on
    ``real_estate_taxable`` at ``real_estate_levy_rate`` (5%, to 2025), ``None``
    where the law data hold no rate (from 2026); ``total_tax_due`` is
    ``tax_due`` plus it (``None`` likewise, unless nothing is taxable).
    Before 2013-08-01 units had no exemption: ``threshold`` is ``None``, ``basis``
    ``"none"`` and all the sales are taxed.

    ``special_invoice_sales`` is the part of the sales at 3% invoiced on special VAT
    invoices, always taxed (in ``taxable_sales``), at ``special_invoice_rate`` (``None``
    when there are none); ``special_invoice_tax`` is its tax, part of ``tax_due``.
    ``exempt`` is false when any of them is taxed.
    """

    period_start: _dt.date
    period: str
    sales: Decimal
    threshold: Decimal | None
    reached_taxed: bool
    basis: str
    exempt: bool
    exempt_sales: Decimal
    taxable_sales: Decimal
    levy_rate: Decimal
    tax_due: Decimal
    real_estate_taxable: Decimal
    real_estate_levy_rate: Decimal | None
    real_estate_tax: Decimal | None
    total_tax_due: Decimal | None
    steps: tuple[Step, ...]
    special_invoice_sales: Decimal = ZERO
    special_invoice_rate: Decimal | None = None
    special_invoice_tax: Decimal = ZERO


def _month_starts(start: _dt.date, period: str) -> list[_dt.date]:
    if period != "quarter":
        return [start]
    return [_dt.date(start.year, start.month + i, 1) for i in range(3)]


def _check_start(start: _dt.date, period: str) -> None:
    if period == "transaction":
        return
    if start.day != 1:
        raise InvalidInput("period_start", f"{start} is not the first day of a {period}")
    if period == "quarter" and start.month not in (1, 4, 7, 10):
        raise InvalidInput("period_start", f"{start} is not the first day of a calendar quarter")


def _same_value_window(data: Law, reading: LawValue) -> tuple[_dt.date, _dt.date | None]:
    """The first and last day of the run of adjoining windows of ``reading``'s key that hold its value.

    A value the law data split over documents (the separate test of 2016年第23号 and then
    2017年第52号) reads as one window, as a refusal names it: 2016-05-01 – 2018-12-31.
    """
    history = data.history(reading.key)
    at = next((i for i, v in enumerate(history) if v.first == reading.first), None)
    if at is None:  # pragma: no cover - a reading is one of its key's windows
        return reading.first, reading.last

    def joins(before: LawValue, after: LawValue) -> bool:
        """Adjoining windows that hold the value of ``reading``."""
        return (before.last is not None and after.first == before.last + _dt.timedelta(days=1)
                and all(not v.gap and v.value == reading.value for v in (before, after)))

    lo = hi = at
    while lo > 0 and joins(history[lo - 1], history[lo]):
        lo -= 1
    while hi + 1 < len(history) and joins(history[hi], history[hi + 1]):
        hi += 1
    return history[lo].first, history[hi].last


def _streams(
    other: Decimal, goods: object, services: object, *, required: bool,
    basis: tuple[LawValue, tuple[_dt.date, _dt.date | None]] | None = None,
) -> tuple[Decimal, Decimal] | None:
    """The sales of goods/processing and of services/intangibles, one derived from the other where
    only one is given; with ``required`` (the separate test) and neither given, refused with the
    window of the ``basis`` reading (its value, and the run of windows that hold it)."""
    g = None if goods is None else nonnegative_money(goods, "goods_sales")
    s = None if services is None else nonnegative_money(services, "services_sales")
    if g is None and s is None:
        if required and other > 0:
            assert basis is not None
            reading, (first, last) = basis
            cite = reading.citation
            to_en, to_zh = (f" to {last}", f"至{last}") if last is not None else ("", "起")
            raise InvalidInput(
                "goods_sales",
                f"from {first}{to_en} sales of goods/processing and of services/intangibles are "
                f"tested separately ({cite}); give goods_sales and services_sales",
                reason_zh=f"{first}{to_zh}，销售货物及加工、修理修配劳务的销售额与销售服务、无形资产的销售额"
                f"分别判断是否免征（{cite}）；请分别给出 goods_sales 和 services_sales",
            )
        return (ZERO, ZERO) if required else None
    if g is None:
        assert s is not None
        g = sub(other, s)
        field = "services_sales"
    elif s is None:
        s = sub(other, g)
        field = "goods_sales"
    else:
        field = "goods_sales"
        if add(g, s) != other:
            raise InvalidInput(
                field, f"goods_sales + services_sales must equal sales − real_estate_sales ({other})"
            )
    if g < 0 or s < 0:
        raise InvalidInput(field, f"is more than sales − real_estate_sales ({other})")
    return g, s


def _start_point_first(data: Law) -> _dt.date | None:
    """The first day under the 起征点 (``vat.small_scale.threshold_reached_taxed`` true), if any."""
    return next((v.first for v in data.history(REACHED_TAXED) if not v.gap and v.value is True), None)


def _basis_refused(data: Law, start: _dt.date) -> InvalidInput:
    """``start_point_basis`` given for a period before the 起征点: the refusal, naming its first day."""
    first = _start_point_first(data)
    since_en, since_zh = (f" (from {first})", f"（{first}起）") if first is not None else ("", "")
    try:
        data.value(BASIS, start)
    except NotInForce:
        tested_en = tested_zh = ""
    else:
        tested_en = f"; for {start} the law data say how sales are tested ({BASIS})"
        tested_zh = f"；{start}所属期间按法规数据规定的口径判断（{BASIS}）"
    return InvalidInput(
        "start_point_basis",
        f"applies only to periods under the 起征点{since_en}{tested_en}",
        reason_zh=f"仅适用于按起征点判断的期间{since_zh}{tested_zh}",
    )


def period_readings(data: Law, start: _dt.date, period: str) -> tuple[LawValue, ...]:
    """The values the period is computed with; refused if one changes inside a quarter."""
    reached = data.value(REACHED_TAXED, start)
    strict = reached.value is True
    keys = (REACHED_TAXED, START_POINT[period], LEVY) if strict else (REACHED_TAXED, LIMIT[period], BASIS, LEVY)
    first = [reached, *(data.value(k, start) for k in keys[1:])]
    for month in _month_starts(start, period)[1:]:
        for k, v0 in zip(keys, first, strict=True):
            v = data.value(k, month)
            if v.value != v0.value:
                raise InvalidInput(
                    "period_start",
                    f"{k} changes inside the quarter starting {start} (from {month}); "
                    "this quarter cannot be computed as one period",
                )
    return tuple(first)


def small_scale_vat(
    sales: MoneyLike,
    period_start: DateLike,
    *,
    period: str = "month",
    goods_sales: MoneyLike | None = None,
    services_sales: MoneyLike | None = None,
    real_estate_sales: MoneyLike = 0,
    start_point_basis: str | None = None,
    business: str | None = None,
    special_invoice_sales: MoneyLike = 0,
    special_invoice_rate: str = "reduced",
    law: Law | None = None,
) -> SmallScaleVat:
    """A small-scale taxpayer's VAT on ``sales`` for the month (or quarter) starting ``period_start``.

    ``start_point_basis`` is the reading of a point the 2026 texts leave open, for
    periods under the 起征点 (from 2026-01-01): whether the period's sales of immovable
    property stay out of the test, as they did in 2019–2025.

    * ``"all_sales"`` (the default, :data:`DEFAULT_START_POINT_BASIS`): all the
      period's sales together, immovable property included, are tested against the
      起征点.  This is the 增值税法 第二十三条 as written ("销售额未达到起征点的，免征
      增值税"); the 2019–2025 deduction was made by notices of the State Taxation
      Administration that no longer apply from 2026 (国家税务总局公告2026年第4号), and no
      2026 source found restates it.  It never exempts more than the statute's words do.
    * ``"carve_out"``: the 2019–2025 test carried on: if all sales together reach the
      起征点 but the sales without those of immovable property do not, the other sales
      are exempt and the immovable property is taxed.

    Give it only for such periods: before 2026 the law data say how sales are tested
    (``vat.small_scale.exemption.basis``), and a reading given for those periods is
    refused (:class:`~taxcalc.errors.InvalidInput`).

    ``business`` (``"commerce"`` or ``"other"``) is needed only where the collection
    rate depended on it (to 2008-12-31: 4% for commercial enterprises, 财税字〔1998〕113号;
    6% for the others, 国务院令第134号 第十三条); from 2009 one rate applies and it is not read.
    Before 2013-08-01 units had no exemption (the 起征点 applied to individuals only):
    the whole period's sales are taxed, with a step that says so.

    ``special_invoice_sales`` (from 2019) is the part of ``sales − real_estate_sales``
    invoiced on special VAT invoices (增值税专用发票): taxed even in a period under the
    threshold, the exemption given up for them (the other sales stay exempt); at the
    rate levied on the period's sales at 3% (1% where reduced) or, with
    ``special_invoice_rate="full"`` (the reduction given up, 放弃减税), at 3%.  See
    :mod:`taxcalc.vat.small_scale_special`.

    ``period="transaction"`` is one transaction (or one day) of a taxpayer who files per
    transaction (按次纳税): ``period_start`` is its day, and the 起征点 is
    ``vat.small_scale.start_point.per_transaction`` (1000元 from 2026; before 2026 each
    province set its own figure, a gap in the law data, so such a day is refused with
    that reason).
    """
    total_sales = nonnegative_money(sales, "sales")
    real_estate = nonnegative_money(real_estate_sales, "real_estate_sales")
    p = choice(period, "period", SMALL_SCALE_PERIODS)
    start = day(period_start, "period_start")
    _check_start(start, p)
    if real_estate > total_sales:
        raise InvalidInput("real_estate_sales", f"is more than sales ({total_sales})")
    special = nonnegative_money(special_invoice_sales, "special_invoice_sales")
    rate_choice = choice(special_invoice_rate, "special_invoice_rate", SPECIAL_INVOICE_RATES)
    if special > sub(total_sales, real_estate):
        raise InvalidInput("special_invoice_sales", f"is more than the sales at the 3% collection rate, "
                                                    f"sales − real_estate_sales ({sub(total_sales, real_estate)})")
    if rate_choice == "full" and not special:
        raise InvalidInput("special_invoice_rate", "full applies only to sales on special invoices: give "
                                                   "special_invoice_sales")
    reading = None if start_point_basis is None else choice(start_point_basis, "start_point_basis",
                                                              START_POINT_BASES)
    other = sub(total_sales, real_estate)
    data = law_or_default(law)
    kind = None if business is None else choice(business, "business", BUSINESSES)
    if p == "transaction":
        data.value(START_POINT[p], start)  # before 2026 a gap: the provinces set it
    if special:
        data.value(EXEMPTION_WAIVED, start)  # before 2019 outside the data: OutsideCoverage
    special_in = (special, rate_choice)
    try:
        data.value(REACHED_TAXED, start)
    except NotInForce as gap:
        if reading is not None:
            raise _basis_refused(data, start) from None
        return _no_exemption(data, gap, start, p, total_sales, real_estate, kind)
    values = period_readings(data, start, p)
    if values[0].value is True:
        return _start_point(data, values, start, p, total_sales, real_estate, other, goods_sales, services_sales,
                            reading or DEFAULT_START_POINT_BASIS, special_in)
    if reading is not None:
        raise _basis_refused(data, start)
    reached_v, t_v, basis_v, levy_v = values
    threshold: Decimal = t_v.value  # type: ignore[assignment]
    levy: Decimal = levy_v.value  # type: ignore[assignment]
    separate = basis_v.value == "separate"
    streams = _streams(other, goods_sales, services_sales, required=separate,
                       basis=(basis_v, _same_value_window(data, basis_v)) if separate else None)
    cite = (reached_v.citation,)

    steps = [Step("sales", "本期销售额（不含税）", "sales of the period (tax-exclusive)", total_sales, "yuan")]
    if real_estate:
        steps.append(Step("real_estate_sales", "其中：销售不动产的销售额", "of which: sales of immovable property",
                          real_estate, "yuan"))
    steps.append(data.step(t_v, "threshold"))
    steps.append(data.step(basis_v, "basis"))

    if separate:
        assert streams is not None
        goods, services = streams
        goods_ok = goods <= threshold
        services_ok = services <= threshold
        steps.append(Step("goods_exempt", "销售货物、加工修理修配劳务的销售额未超过标准",
                          "sales of goods and processing/repair within the limit", goods_ok, "bool",
                          f"{format_value(goods, 'yuan')} ≤ threshold", cite,
                          formula_zh=f"{format_value(goods, 'yuan')} ≤ 免征标准"))
        steps.append(Step("services_exempt", "销售服务、无形资产的销售额未超过标准",
                          "sales of services and intangibles within the limit", services_ok, "bool",
                          f"{format_value(services, 'yuan')} ≤ threshold", cite,
                          formula_zh=f"{format_value(services, 'yuan')} ≤ 免征标准"))
        exempt_sales = add(goods if goods_ok else ZERO, services if services_ok else ZERO)
        taxable = sub(other, exempt_sales)
        exempt = goods_ok and services_ok
        re_taxable = real_estate
    else:
        within = total_sales <= threshold
        steps.append(Step("within", "合计销售额未超过标准", "all sales together within the limit", within,
                          "bool", "sales ≤ threshold", cite, formula_zh="销售额 ≤ 免征标准"))
        if within:
            exempt, exempt_sales, taxable, re_taxable = True, total_sales, ZERO, ZERO
        elif real_estate and other <= threshold:
            steps.append(Step("within_without_real_estate", "扣除本期销售不动产的销售额后未超过标准",
                              "within the limit without the period's sales of immovable property",
                              value=True, unit="bool", formula="sales − real_estate_sales ≤ threshold",
                              formula_zh="销售额 − 销售不动产的销售额 ≤ 免征标准"))
            exempt, exempt_sales, taxable, re_taxable = True, other, ZERO, real_estate
        else:
            exempt, exempt_sales, taxable, re_taxable = False, ZERO, other, real_estate

    steps.append(data.step(levy_v, "levy_rate"))
    if levy == 0 and taxable:
        steps.append(Step("exempt_3pct", "适用3%征收率的应税销售收入免征增值税",
                          "sales at the 3% collection rate exempt", taxable, "yuan", "", (levy_v.citation,)))
        exempt_sales, taxable, exempt = add(exempt_sales, taxable), ZERO, True
    elif levy == 0:
        exempt = True
    exempt, exempt_sales, taxable, tax, special_out = _tax(data, start, steps, special_in, exempt=exempt,
                                                           exempt_sales=exempt_sales, taxable=taxable, levy_v=levy_v)
    re_rate: Decimal | None = None
    re_tax = ZERO
    if re_taxable:
        re_v = data.value(REAL_ESTATE_LEVY, start)
        re_rate = re_v.value  # type: ignore[assignment]
        assert re_rate is not None
        re_tax = round_fen(mul(re_taxable, re_rate))
        steps.append(Step("real_estate_taxable", "销售不动产的销售额（应税）", "sales of immovable property, taxable",
                          re_taxable, "yuan", line=f"{_FORM}第4栏"))
        steps.append(data.step(re_v, "real_estate_levy_rate"))
        steps.append(Step("real_estate_tax", "销售不动产的应纳税额", "VAT due on the sales of immovable property",
                          re_tax, "yuan", "ROUND(real_estate_taxable × real_estate_levy_rate, 2)",
                          formula_zh="ROUND(销售不动产的应税销售额 × 征收率, 2)"))
        steps.append(Step("total_tax_due", "本期应纳税额合计", "VAT due for the period", add(tax, re_tax), "yuan",
                          "tax_due + real_estate_tax",
                          formula_zh="应纳税额 + 销售不动产的应纳税额"))
    return SmallScaleVat(start, p, total_sales, threshold, reached_taxed=False, basis=str(basis_v.value),
                         exempt=exempt, exempt_sales=exempt_sales, taxable_sales=taxable, levy_rate=levy,
                         tax_due=tax, real_estate_taxable=re_taxable, real_estate_levy_rate=re_rate,
                         real_estate_tax=re_tax, total_tax_due=add(tax, re_tax), steps=tuple(steps),
                         special_invoice_sales=special, special_invoice_rate=special_out[0],
                         special_invoice_tax=special_out[1])


def _start_point(
    data: Law, values: tuple[LawValue, ...], start: _dt.date, p: str, total_sales: Decimal,
    real_estate: Decimal, other: Decimal, goods_sales: MoneyLike | None, services_sales: MoneyLike | None,
    reading: str, special_in: tuple[Decimal, str],
) -> SmallScaleVat:
    """A period under the 起征点 (增值税法 第二十三条): exempt only below it, taxed in full on reaching it."""
    reached_v, t_v, levy_v = values
    threshold: Decimal = t_v.value  # type: ignore[assignment]
    levy: Decimal = levy_v.value  # type: ignore[assignment]
    _streams(other, goods_sales, services_sales, required=False)  # only checked to add up
    steps = [Step("sales", "本期销售额（不含税）", "sales of the period (tax-exclusive)", total_sales, "yuan")]
    if real_estate:
        steps.append(Step("real_estate_sales", "其中：销售、出租不动产和转让土地使用权的销售额",
                          "of which: selling or leasing immovable property, transferring land-use rights",
                          real_estate, "yuan"))
    steps.append(data.step(t_v, "threshold"))
    zh, en = _BASIS_LABEL[reading]
    steps.append(Step("basis", zh, en, None))
    below = total_sales < threshold
    steps.append(Step("below_start_point", "合计销售额未达到起征点", "all sales together below the threshold (起征点)",
                      below, "bool", Formula(_cliff, (total_sales, threshold)), (reached_v.citation,)))
    if below:
        exempt, exempt_sales, taxable, re_taxable = True, total_sales, ZERO, ZERO
    elif reading == "carve_out" and real_estate and other < threshold:
        steps.append(Step("below_without_real_estate", "扣除本期不动产、土地使用权的销售额后未达到起征点",
                          "below the threshold without the sales of immovable property and land-use rights",
                          value=True, unit="bool", formula=Formula(_cliff, (other, threshold))))
        exempt, exempt_sales, taxable, re_taxable = True, other, ZERO, real_estate
    else:
        exempt, exempt_sales, taxable, re_taxable = False, ZERO, other, real_estate
    steps.append(data.step(levy_v, "levy_rate"))
    exempt, exempt_sales, taxable, tax, special_out = _tax(data, start, steps, special_in, exempt=exempt,
                                                           exempt_sales=exempt_sales, taxable=taxable, levy_v=levy_v)
    if re_taxable:
        rate = format_value(levy, "rate")
        steps.append(Step("real_estate_taxable",
                          f"销售、出租不动产和转让土地使用权的销售额（应税；不适用减按{rate}，法规数据未载其征收率，本函数不计算其税额）",
                          "selling or leasing immovable property and transferring land-use rights, taxable: "
                          f"outside the {rate}, no rate in the law data, tax not computed here",
                          re_taxable, "yuan", cite=(levy_v.citation,)))
    computed = not re_taxable
    return SmallScaleVat(start, p, total_sales, threshold, reached_taxed=True, basis=reading, exempt=exempt,
                         exempt_sales=exempt_sales, taxable_sales=taxable, levy_rate=levy, tax_due=tax,
                         real_estate_taxable=re_taxable, real_estate_levy_rate=None,
                         real_estate_tax=ZERO if computed else None, total_tax_due=tax if computed else None,
                         steps=tuple(steps), special_invoice_sales=special_in[0],
                         special_invoice_rate=special_out[0], special_invoice_tax=special_out[1])


def _tax(
    data: Law, start: _dt.date, steps: list[Step], special_in: tuple[Decimal, str], *, exempt: bool,
    exempt_sales: Decimal, taxable: Decimal, levy_v: LawValue,
) -> tuple[bool, Decimal, Decimal, Decimal, tuple[Decimal | None, Decimal]]:
    """The tax on the sales at 3%, the sales on special invoices taken out and taxed apart; appends the steps.

    Returns ``exempt``, ``exempt_sales``, ``taxable_sales`` (special-invoice sales included),
    ``tax_due`` and (``special_invoice_rate``, ``special_invoice_tax``).
    """
    special, rate_choice = special_in
    levy: Decimal = levy_v.value  # type: ignore[assignment]
    if not special:
        tax = round_fen(mul(taxable, levy))
        steps.append(Step("taxable_sales", "应税销售额", "taxable sales", taxable, "yuan"))
        steps.append(Step("tax_due", "应纳税额", "VAT due", tax, "yuan", "ROUND(taxable_sales × levy_rate, 2)",
                          formula_zh="ROUND(应税销售额 × 征收率, 2)"))
        return exempt, exempt_sales, taxable, tax, (None, ZERO)
    split = split_special_invoice_sales(data, start, special=special, exempt_sales=exempt_sales, taxable=taxable,
                                        levy_v=levy_v, rate_choice=rate_choice)
    steps.extend(split.steps)
    all_taxable = add(split.ordinary_taxable, special)
    steps.append(Step("taxable_sales", "应税销售额（含开具专用发票的销售额）",
                      "taxable sales (those on special invoices included)", all_taxable, "yuan"))
    if split.special_rate == levy:  # one rate: the taxable sales together, rounded once as on the return
        tax = round_fen(mul(all_taxable, levy))
        steps.append(Step("tax_due", "应纳税额", "VAT due", tax, "yuan", "ROUND(taxable_sales × levy_rate, 2)",
                          formula_zh="ROUND(应税销售额 × 征收率, 2)"))
    else:  # two rates (the reduction given up on the special invoices): each part rounded to the fen
        tax = add(round_fen(mul(split.ordinary_taxable, levy)), split.special_tax)
        steps.append(Step("tax_due", "应纳税额", "VAT due", tax, "yuan",
                          "ROUND((taxable_sales − special_invoice_sales) × levy_rate, 2) + special_invoice_tax",
                          formula_zh="ROUND((应税销售额 − 专用发票销售额) × 征收率, 2) + 专用发票销售额应纳税额"))
    return False, split.exempt_sales, all_taxable, tax, (split.special_rate, split.special_tax)


def _levy(data: Law, on: _dt.date, business: str | None) -> LawValue:
    """The collection rate of ``business`` on ``on``: where rates differed by business (to 2008) the
    rate of the business given (refused when none is given), else the one rate."""
    try:
        commerce = data.value(LEVY_BY_BUSINESS + "commerce", on)
    except NotInForce:
        return data.value(LEVY, on)
    other = data.value(LEVY_BY_BUSINESS + "other", on)
    if business is None:
        raise InvalidInput(
            "business",
            f"on {on} the collection rate depends on the business: {format_value(commerce.value, 'rate')} for a "
            f"commercial enterprise ({commerce.citation}), {format_value(other.value, 'rate')} for the others "
            f"({other.citation}); give business = commerce or other",
        )
    return commerce if business == "commerce" else other


def _no_exemption(
    data: Law, gap: NotInForce, start: _dt.date, p: str, total_sales: Decimal, real_estate: Decimal,
    business: str | None,
) -> SmallScaleVat:
    """A period before the exemption for units (to 2013-07-31): all the sales are taxed."""
    if real_estate:
        raise InvalidInput("real_estate_sales", f"on {start} selling immovable property was under business tax "
                                                "(营业税), not VAT")
    for month in _month_starts(start, p)[1:]:
        try:
            data.value(REACHED_TAXED, month)
        except NotInForce:
            continue
        raise InvalidInput("period_start", f"the exemption begins inside the quarter starting {start} (on {month}); "
                                           "this quarter cannot be computed as one period")
    levy_v = _levy(data, start, business)
    for month in _month_starts(start, p)[1:]:
        if _levy(data, month, business).value != levy_v.value:  # pragma: no cover - no change inside a quarter
            raise InvalidInput("period_start", f"{LEVY} changes inside the quarter starting {start}")
    levy: Decimal = levy_v.value  # type: ignore[assignment]
    cite = (gap.cite,) if gap.cite is not None else ()
    steps = [
        Step("sales", "本期销售额（不含税）", "sales of the period (tax-exclusive)", total_sales, "yuan"),
        Step("no_exemption", "单位无免征增值税的销售额标准（起征点仅适用于个人），全部销售额计税",
             "no exemption for units (the 起征点 applied to individuals only): all the sales are taxed",
             None, "", "", cite),
        data.step(levy_v, "levy_rate"),
    ]
    tax = round_fen(mul(total_sales, levy))
    steps.append(Step("taxable_sales", "应税销售额", "taxable sales", total_sales, "yuan"))
    steps.append(Step("tax_due", "应纳税额", "VAT due", tax, "yuan", "ROUND(taxable_sales × levy_rate, 2)",
                      formula_zh="ROUND(应税销售额 × 征收率, 2)"))
    return SmallScaleVat(start, p, total_sales, None, reached_taxed=False, basis="none", exempt=False,
                         exempt_sales=ZERO, taxable_sales=total_sales, levy_rate=levy, tax_due=tax,
                         real_estate_taxable=ZERO, real_estate_levy_rate=None, real_estate_tax=ZERO,
                         total_tax_due=tax, steps=tuple(steps))
