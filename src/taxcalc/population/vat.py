"""A small-scale taxpayer's VAT for the periods of the year, and the saving of its two policies.

The optional column group of :func:`taxcalc.vat.small_scale_vat` (rule
``vat.small_scale_vat``), its fields flattened over the periods of the year:

===========================  ======  ===============================================================
column                       type    meaning
===========================  ======  ===============================================================
``vat_period``               text    ``month`` (default) or ``quarter``: the filing period (``period``)
``sales_1`` … ``sales_12``   fen     tax-exclusive sales of period *k* of the year (``sales``):
                                     month *k*, or quarter *k* for a quarterly filer (``sales_1`` …
                                     ``sales_4``; ``sales_5`` … must then be empty or 0)
``goods_sales_1`` … ``_12``  fen     of those, sales of goods and processing/repair (``goods_sales``;
                                     the rest are services and intangibles).  Needed in 2018, when
                                     the two are tested separately; otherwise only checked
===========================  ======  ===============================================================

The group is there when any ``sales_k`` column is: each row with sales is a
small-scale taxpayer's year (leave them empty for a general taxpayer).  A
period with no sales is not computed (nothing is taxed in it), as the report
computes only the periods with sales.  Sales of immovable property are not
taken (``real_estate_sales`` is 0: all sales are at the 3% collection rate).

The result columns (fen, sums over the year's periods):
``vat_sales``, ``vat_exempt_sales``, ``vat_taxable_sales``, ``vat_tax_due``
(应纳税额), and the savings as the report defines them
(:mod:`taxcalc.report.sections.small_scale`), summed period by period:

* ``saving_vat_small_scale_exemption`` — for each period, the sales exempt by
  the threshold times the rate otherwise levied, rounded half up to the fen;
* ``saving_vat_small_scale_reduced_rate`` — for each period taxed below the
  collection rate of the regulations (the value of ``vat.small_scale.levy_rate``
  where its data start), the taxable sales (with the sales exempt because the
  rate was 0, 2022-04 … 2022-12) times that rate, rounded, less the tax due.

The vector path reads every law value from the :class:`~taxcalc.law.Law` given,
by the scalar rule's own reading (the same keys, the same refusal of a quarter
inside which a value changes), and rounds half up by integer division where the
rule rounds.  A row whose sales could take a product past int64 is computed by
:func:`taxcalc.vat.small_scale_vat` itself.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pyarrow as pa

from ..errors import InvalidInput, OutsideCoverage
from ..law import Law
from ..money import CONTEXT, add, mul, round_fen, sub
from ..vat import small_scale_vat
from ..vat.small_scale_exemption import LEVY, PERIODS, period_readings
from ._exact import LIMIT, Int64s, fraction
from ._read import codes, fen, offending
from .columns import PopulationInputError

__all__ = ["INPUT_COLUMNS", "OUTPUT_MONEY", "SAVINGS", "SmallScaleRows", "compute", "present", "read", "scalar_row"]

PERIOD_COLUMN = "vat_period"
SALES = tuple(f"sales_{k}" for k in range(1, 13))
GOODS = tuple(f"goods_sales_{k}" for k in range(1, 13))
INPUT_COLUMNS: tuple[str, ...] = (PERIOD_COLUMN, *SALES, *GOODS)
#: The saving columns and the id of the saving in the report.
SAVINGS: dict[str, str] = {
    "saving_vat_small_scale_exemption": "vat.small_scale.exemption",
    "saving_vat_small_scale_reduced_rate": "vat.small_scale.reduced_rate",
}
OUTPUT_MONEY: tuple[str, ...] = ("vat_sales", "vat_exempt_sales", "vat_taxable_sales", "vat_tax_due", *SAVINGS)
_COUNT = {"month": 12, "quarter": 4}


@dataclass
class SmallScaleRows:
    """The checked small-scale columns: ``sales[k]`` and ``goods[k]`` of period ``k + 1`` (fen)."""

    year: Int64s
    quarterly: np.ndarray  # bool
    sales: list[Int64s]
    goods: list[Int64s] | None
    offset: int


def present(names: frozenset[str] | set[str] | list[str]) -> bool:
    """Whether a table with these columns has the small-scale group."""
    return any(c in names for c in SALES)


def read(table: pa.Table, year: Int64s, offset: int) -> SmallScaleRows:
    """The small-scale columns of ``table`` checked (an error names the column and the first rows)."""
    names = set(table.column_names)
    quarterly = codes(table, PERIOD_COLUMN, PERIODS, "month", offset) == PERIODS.index("quarter")
    sales = [fen(table, c, offset) for c in SALES]
    for k in range(4, 12):
        wrong = quarterly & (sales[k] > 0)
        if wrong.any():
            raise offending(SALES[k], "a quarterly filer (vat_period = quarter) has four periods, sales_1 … sales_4",
                            wrong, offset)
    goods = None
    if any(c in names for c in GOODS):
        goods = [fen(table, c, offset) for c in GOODS]
        for k in range(12):
            wrong = goods[k] > sales[k]
            if wrong.any():
                raise offending(GOODS[k], f"more than {SALES[k]}", wrong, offset)
    return SmallScaleRows(year, quarterly, sales, goods, offset)


def _start(year: int, k: int, period: str) -> _dt.date:
    return _dt.date(year, k + 1 if period == "month" else 3 * k + 1, 1)


@dataclass(frozen=True)
class _PeriodLaw:
    strict: bool
    separate: bool
    threshold: int  # fen
    levy: Fraction


def _fen_of(value: object) -> int:
    f = fraction(value) * 100
    if f.denominator != 1:
        raise AssertionError(f"a threshold in the law data finer than the fen: {value}")
    return int(f)


def _period_law(law: Law, start: _dt.date, period: str) -> _PeriodLaw:
    values = period_readings(law, start, period)
    strict = values[0].value is True
    return _PeriodLaw(strict, not strict and values[2].value == "separate", _fen_of(values[1].value),
                      fraction(values[-1].value))


def _base(law: Law) -> Fraction:
    """The collection rate of the regulations: ``vat.small_scale.levy_rate`` where its data start."""
    return fraction(law.value(LEVY, law.spec(LEVY).first).value)


def _refused(column: str, start: _dt.date, exc: Exception, rows: np.ndarray, offset: int) -> PopulationInputError:
    reason = exc.reason if isinstance(exc, InvalidInput) else f"outside the law data: {exc}"
    return PopulationInputError(column, f"the period starting {start}: {reason}", [int(r) + 1 + offset for r in rows])


def compute(v: SmallScaleRows, law: Law) -> tuple[dict[str, Int64s], np.ndarray]:
    """The result columns of every row, and which rows were computed by the scalar rule."""
    n = len(v.year)
    out = {c: np.zeros(n, np.int64) for c in OUTPUT_MONEY}
    base = _base(law)
    slow = np.zeros(n, bool)
    with_sales = np.logical_or.reduce([s > 0 for s in v.sales])
    for y in np.unique(v.year[with_sales]):
        for period, quarterly in (("month", False), ("quarter", True)):
            rows = np.flatnonzero(with_sales & (v.year == y) & (v.quarterly == quarterly))
            if len(rows):
                _group(v, rows, int(y), period, law, base, out, slow)
    for i in np.flatnonzero(slow):
        for c, value in scalar_row(v, int(i), law).items():
            out[c][i] = value
    return out, slow


def _group(v: SmallScaleRows, rows: np.ndarray, year: int, period: str, law: Law, base: Fraction,
           out: dict[str, Int64s], slow: np.ndarray) -> None:
    """The rows of one year and filing period on the vector path: every period at once, one per line of arrays."""
    used: list[tuple[int, _PeriodLaw]] = []
    for k in range(_COUNT[period]):
        with_sales = v.sales[k][rows] > 0
        if not with_sales.any():
            continue  # a period without sales is not computed
        start = _start(year, k, period)
        try:
            pl = _period_law(law, start, period)
        except (InvalidInput, OutsideCoverage) as exc:
            raise _refused(SALES[k], start, exc, rows[with_sales], v.offset) from None
        if pl.separate and v.goods is None:
            raise PopulationInputError(
                GOODS[k], f"the period starting {start} tests sales of goods and of services separately "
                "(国家税务总局公告2017年第52号): give goods_sales_1 … goods_sales_12",
                [int(r) + 1 + v.offset for r in rows[with_sales]])
        # a product is sales × 2 × numerator; 12 periods' sums stay inside int64 with room to spare
        bound = LIMIT // (16 * max(pl.levy.numerator, base.numerator, 1))
        slow[rows[v.sales[k][rows] > bound]] = True
        used.append((k, pl))
    rows = rows[~slow[rows]]
    if not used or not len(rows):
        return
    laws = [pl for _, pl in used]
    sales = np.stack([v.sales[k][rows] for k, _ in used])
    threshold = np.array([[pl.threshold] for pl in laws], np.int64)
    strict = np.array([[pl.strict] for pl in laws])
    separate = np.array([[pl.separate] for pl in laws])
    levy = [pl.levy for pl in laws]
    if not strict.any():
        exempt_sales = np.where(sales <= threshold, sales, 0)
    elif strict.all():
        exempt_sales = np.where(sales < threshold, sales, 0)
    else:
        exempt_sales = np.where(strict, np.where(sales < threshold, sales, 0), np.where(sales <= threshold, sales, 0))
    if separate.any():
        assert v.goods is not None
        goods = np.stack([v.goods[k][rows] for k, _ in used])
        services = sales - goods
        by_stream = np.where(goods <= threshold, goods, 0) + np.where(services <= threshold, services, 0)
        exempt_sales = np.where(separate, by_stream, exempt_sales)
    taxable = sales - exempt_sales
    by_threshold, levied = exempt_sales, taxable  # the sales the two savings are measured on
    zero_rate = np.array([[not pl.strict and pl.levy == 0] for pl in laws])
    if zero_rate.any():
        # 适用3%征收率的应税销售收入免征增值税 (2022-04 … 12): the taxable sales are exempt altogether
        moved = np.where(zero_rate, taxable, 0)
        by_threshold = exempt_sales.copy()
        exempt_sales = exempt_sales + moved
        levied = taxable.copy()
        taxable = taxable - moved
    tax = _half_up_rows(taxable, levy)
    # a rate of 0 rounds every line to 0, as the report's condition (levy_rate > 0) leaves it out
    exemption = _half_up_rows(by_threshold, levy)
    # taxable + moved = 0 gives 0 − 0, as the report's condition (taxable or moved) leaves it out
    reduced = np.zeros_like(tax)
    for p, f in enumerate(levy):
        if f < base:
            reduced[p] = _half_up_rows(levied[p:p + 1], [base])[0] - tax[p]
    for column, values in (("vat_sales", sales), ("vat_exempt_sales", exempt_sales),
                           ("vat_taxable_sales", taxable), ("vat_tax_due", tax),
                           ("saving_vat_small_scale_exemption", exemption),
                           ("saving_vat_small_scale_reduced_rate", reduced)):
        out[column][rows] = values.sum(axis=0)


def _half_up_rows(x: Int64s, fractions: list[Fraction]) -> Int64s:
    """Each line ``x[p]`` times ``fractions[p]``, rounded half up (``x ≥ 0``); a scalar divisor a line (fast)."""
    out: Int64s = np.empty_like(x)
    for p, f in enumerate(fractions):
        line = x[p] * np.int64(2 * f.numerator)
        line += np.int64(f.denominator)
        line //= np.int64(2 * f.denominator)
        out[p] = line
    return out


def _yuan(fen_: int) -> Decimal:
    return Decimal(int(fen_)).scaleb(-2, CONTEXT)


def _whole_fen(d: Decimal) -> int:
    v = d.scaleb(2, CONTEXT)
    if v != v.to_integral_value():
        raise AssertionError(f"not whole fen: {d}")
    return int(v)


def scalar_row(v: SmallScaleRows, i: int, law: Law) -> dict[str, int]:
    """Row ``i`` by :func:`taxcalc.vat.small_scale_vat`, period by period, with the report's savings."""
    period = "quarter" if v.quarterly[i] else "month"
    base = law.value(LEVY, law.spec(LEVY).first).value
    assert isinstance(base, Decimal)
    row = dict.fromkeys(OUTPUT_MONEY, 0)
    for k in range(_COUNT[period]):
        s = int(v.sales[k][i])
        if not s:
            continue
        start = _start(int(v.year[i]), k, period)
        goods = None if v.goods is None else _yuan(int(v.goods[k][i]))
        try:
            r = small_scale_vat(_yuan(s), start, period=period, goods_sales=goods, law=law)
        except (InvalidInput, OutsideCoverage) as exc:
            column = GOODS[k] if isinstance(exc, InvalidInput) and exc.field == "goods_sales" else SALES[k]
            raise _refused(column, start, exc, np.array([i]), v.offset) from None
        moved = next((st.value for st in r.steps if st.name == "exempt_3pct"), Decimal(0))
        assert isinstance(moved, Decimal)
        row["vat_sales"] += _whole_fen(r.sales)
        row["vat_exempt_sales"] += _whole_fen(r.exempt_sales)
        row["vat_taxable_sales"] += _whole_fen(r.taxable_sales)
        row["vat_tax_due"] += _whole_fen(r.tax_due)
        by_threshold = sub(r.exempt_sales, moved)
        if by_threshold > 0 and r.levy_rate > 0:
            row["saving_vat_small_scale_exemption"] += _whole_fen(round_fen(mul(by_threshold, r.levy_rate)))
        if r.levy_rate < base and (r.taxable_sales or moved):
            row["saving_vat_small_scale_reduced_rate"] += _whole_fen(
                sub(round_fen(mul(add(r.taxable_sales, moved), base)), r.tax_due))
    return row
