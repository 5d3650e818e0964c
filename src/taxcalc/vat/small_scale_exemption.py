"""Small-scale VAT for a tax period: the exemption threshold and the (reduced) collection rate.

The rule
    A small-scale taxpayer (小规模纳税人) pays VAT at the collection rate (征收率,
    3%) on its tax-exclusive sales, unless its sales for the month (or quarter,
    for a quarterly filer) are within the exemption threshold (小规模纳税人免征
    增值税).  All thresholds are inclusive ("不超过", "以下（含本数）",
    "未超过"); one fen over and the whole period's sales are taxable, not just
    the excess.

    * 2018-01-01 – 2018-12-31: 3万 a month / 9万 a quarter, sales of goods and
      processing/repair and sales of services and intangibles tested separately
      (国家税务总局公告2017年第52号);
    * 2019-01-01 – 2021-03-31: 10万 / 30万 (财税〔2019〕13号 第一条; 国家税务总局公告
      2019年第4号 第一条), all sales together;
    * 2021-04-01 – 2022-12-31: 15万 / 45万 (财政部 税务总局公告2021年第11号; 国家税务
      总局公告2021年第5号 第一条);
    * 2023-01-01 – 2025-12-31: 10万 / 30万 (财政部 税务总局公告2023年第1号, 第19号;
      国家税务总局公告2023年第1号 第一条).

    From 2019 the test is on all sales together (合计), including sales of
    immovable property (销售不动产); if the total is over the threshold but
    within it once the period's sales of immovable property are deducted, the
    sales of goods, services and intangibles are exempt and the immovable
    property is taxed.

    The rate on sales at the 3% collection rate (增值税暂行条例 第十二条) was
    reduced to 1% from 2020-03-01 to 2022-03-31 (2020年第13号 第二条, 第24号,
    2021年第7号 第一条, 2022年第15号 第二条) and from 2023-01-01 (2023年第1号
    第二条, 第19号 第二条); from 2022-04-01 to 2022-12-31 such sales were exempt
    altogether (2022年第15号 第一条).

Keys read
    ``vat.small_scale.exemption.monthly`` or ``.quarterly``,
    ``vat.small_scale.exemption.basis``, ``vat.small_scale.levy_rate``.

Rounding
    ``应纳税额 = ROUND(taxable_sales × levy_rate, 2)``, half up to the fen as on
    the return.

Choices and limits
    * Amounts are tax-exclusive sales (不含税销售额) of the period; for 差额
      taxpayers, the sales after the deduction.  ``sales`` is the total the
      threshold tests; ``real_estate_sales`` is the part of it from selling
      immovable property.  All of ``sales − real_estate_sales`` is taken to be
      at the 3% collection rate; other 5% items (e.g. leasing immovable
      property) are out of scope.
    * Tax on sales of immovable property (5% collection rate, often on the
      difference over cost, prepaid where the property lies) is not computed;
      the amount left taxable is reported as ``real_estate_taxable``.
    * In 2018 pass ``goods_sales`` and ``services_sales`` (one may be derived
      from the other); from 2019 they are optional and, if given, only checked
      to add up.
    * Sales invoiced on special VAT invoices (专用发票) do not share the
      exemption; they are not modelled: pass only sales on ordinary invoices
      (or none).  The Hubei rules of 2020–2021 are not modelled (other
      provinces' 1% applies).
    * The period starts on the first day of a month, or of a calendar quarter
      for ``period="quarter"``.  A quarter inside which a value changes
      (2020-Q1: 3% to 1% on 2020-03-01) is refused with that reason.
    * Coverage is 2018-01-01 to 2025-12-31 (from 2026 the relief rests on
      财政部 税务总局公告2026年第10号 under the 增值税法, not encoded).

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
>>> r.exempt, r.exempt_sales, r.real_estate_taxable
(True, Decimal('70000'), Decimal('80000'))
>>> r = small_scale_vat("50000", "2018-03-01", goods_sales="28000", services_sales="22000")
>>> r.exempt, r.tax_due
(True, Decimal('0.00'))
>>> small_scale_vat("50000", "2018-03-01", goods_sales="31000").tax_due
Decimal('930.00')
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput
from ..explain import Explained, Step, format_value
from ..law import Law, LawValue
from ..money import ZERO, DateLike, MoneyLike, add, mul, nonnegative_money, round_fen, sub
from ._common import choice, day, law_or_default

__all__ = ["PERIODS", "SmallScaleVat", "small_scale_vat"]

PERIODS: tuple[str, ...] = ("month", "quarter")
THRESHOLD = {"month": "vat.small_scale.exemption.monthly", "quarter": "vat.small_scale.exemption.quarterly"}
BASIS = "vat.small_scale.exemption.basis"
LEVY = "vat.small_scale.levy_rate"


@dataclass(frozen=True, slots=True)
class SmallScaleVat(Explained):
    """A small-scale taxpayer's VAT for one month or quarter.

    ``exempt`` is true when none of the sales at the 3% collection rate is
    taxed; ``exempt_sales`` and ``taxable_sales`` split ``sales`` (with
    ``real_estate_taxable``, the sales of immovable property left taxable,
    whose tax is not computed here).
    """

    period_start: _dt.date
    period: str
    sales: Decimal
    threshold: Decimal
    exempt: bool
    exempt_sales: Decimal
    taxable_sales: Decimal
    levy_rate: Decimal
    tax_due: Decimal
    real_estate_taxable: Decimal
    steps: tuple[Step, ...]


def _step(data: Law, v: LawValue, name: str) -> Step:
    spec = data.spec(v.key)
    return v.step(name, spec.zh, spec.en)


def _month_starts(start: _dt.date, period: str) -> list[_dt.date]:
    if period == "month":
        return [start]
    return [_dt.date(start.year, start.month + i, 1) for i in range(3)]


def _check_start(start: _dt.date, period: str) -> None:
    if start.day != 1:
        raise InvalidInput("period_start", f"{start} is not the first day of a {period}")
    if period == "quarter" and start.month not in (1, 4, 7, 10):
        raise InvalidInput("period_start", f"{start} is not the first day of a calendar quarter")


def _streams(
    other: Decimal, goods: object, services: object, *, required: bool
) -> tuple[Decimal, Decimal] | None:
    g = None if goods is None else nonnegative_money(goods, "goods_sales")
    s = None if services is None else nonnegative_money(services, "services_sales")
    if g is None and s is None:
        if required and other > 0:
            raise InvalidInput(
                "goods_sales",
                "in 2018 sales of goods/processing and of services/intangibles are tested separately "
                "(国家税务总局公告2017年第52号); give goods_sales and services_sales",
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


def small_scale_vat(
    sales: MoneyLike,
    period_start: DateLike,
    *,
    period: str = "month",
    goods_sales: MoneyLike | None = None,
    services_sales: MoneyLike | None = None,
    real_estate_sales: MoneyLike = 0,
    law: Law | None = None,
) -> SmallScaleVat:
    """A small-scale taxpayer's VAT on ``sales`` for the month (or quarter) starting ``period_start``."""
    total_sales = nonnegative_money(sales, "sales")
    real_estate = nonnegative_money(real_estate_sales, "real_estate_sales")
    p = choice(period, "period", PERIODS)
    start = day(period_start, "period_start")
    _check_start(start, p)
    if real_estate > total_sales:
        raise InvalidInput("real_estate_sales", f"is more than sales ({total_sales})")
    other = sub(total_sales, real_estate)
    data = law_or_default(law)

    keys = (THRESHOLD[p], BASIS, LEVY)
    first = [data.value(k, start) for k in keys]
    for month in _month_starts(start, p)[1:]:
        for k, v0 in zip(keys, first, strict=True):
            v = data.value(k, month)
            if v.value != v0.value:
                raise InvalidInput(
                    "period_start",
                    f"{k} changes inside the quarter starting {start} (from {month}); "
                    "this quarter cannot be computed as one period",
                )
    t_v, basis_v, levy_v = first
    threshold: Decimal = t_v.value  # type: ignore[assignment]
    levy: Decimal = levy_v.value  # type: ignore[assignment]
    separate = basis_v.value == "separate"
    streams = _streams(other, goods_sales, services_sales, required=separate)

    steps = [Step("sales", "本期销售额（不含税）", "sales of the period (tax-exclusive)", total_sales, "yuan")]
    if real_estate:
        steps.append(Step("real_estate_sales", "其中：销售不动产的销售额", "of which: sales of immovable property",
                          real_estate, "yuan"))
    steps.append(_step(data, t_v, "threshold"))
    steps.append(_step(data, basis_v, "basis"))

    if separate:
        assert streams is not None
        goods, services = streams
        goods_ok = goods <= threshold
        services_ok = services <= threshold
        steps.append(Step("goods_exempt", "销售货物、加工修理修配劳务的销售额未超过标准",
                          "sales of goods and processing/repair within the limit", goods_ok, "bool",
                          f"{format_value(goods, 'yuan')} ≤ threshold",
                          formula_zh=f"{format_value(goods, 'yuan')} ≤ 免征标准"))
        steps.append(Step("services_exempt", "销售服务、无形资产的销售额未超过标准",
                          "sales of services and intangibles within the limit", services_ok, "bool",
                          f"{format_value(services, 'yuan')} ≤ threshold",
                          formula_zh=f"{format_value(services, 'yuan')} ≤ 免征标准"))
        exempt_sales = add(goods if goods_ok else ZERO, services if services_ok else ZERO)
        taxable = sub(other, exempt_sales)
        exempt = goods_ok and services_ok
        re_taxable = real_estate
    else:
        within = total_sales <= threshold
        steps.append(Step("within", "合计销售额未超过标准", "all sales together within the limit", within,
                          "bool", "sales ≤ threshold", formula_zh="销售额 ≤ 免征标准"))
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

    steps.append(_step(data, levy_v, "levy_rate"))
    if levy == 0 and taxable:
        steps.append(Step("exempt_3pct", "适用3%征收率的应税销售收入免征增值税",
                          "sales at the 3% collection rate exempt", taxable, "yuan", "", (levy_v.citation,)))
        exempt_sales, taxable, exempt = add(exempt_sales, taxable), ZERO, True
    elif levy == 0:
        exempt = True
    tax = round_fen(mul(taxable, levy))
    steps.append(Step("taxable_sales", "应税销售额", "taxable sales", taxable, "yuan"))
    steps.append(Step("tax_due", "应纳税额", "VAT due", tax, "yuan", "ROUND(taxable_sales × levy_rate, 2)",
                      formula_zh="ROUND(应税销售额 × 征收率, 2)"))
    if re_taxable:
        steps.append(Step("real_estate_taxable", "销售不动产的销售额（应税，按5%征收率另行计算）",
                          "sales of immovable property, taxable (5% collection rate; not computed here)",
                          re_taxable, "yuan"))
    return SmallScaleVat(start, p, total_sales, threshold, exempt, exempt_sales, taxable, levy, tax,
                         re_taxable, tuple(steps))
