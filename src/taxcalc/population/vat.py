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
``special_invoice_sales_1``  fen     of ``sales_k``, sales on special VAT invoices (增值税专用发票,
… ``_12``                            ``special_invoice_sales``, from 2019): taxed even in a period
                                     under the threshold
``special_invoice_rate``     text    ``reduced`` (default) or ``full`` (the reduction given up,
                                     放弃减税): the rate of the row's special invoices in every
                                     period that has some (``special_invoice_rate``)
===========================  ======  ===============================================================

The group is there when any ``sales_k`` column is: each row with sales is a
small-scale taxpayer's year (leave them empty for a general taxpayer).  A
period with no sales is not computed (nothing is taxed in it), as the report
computes only the periods with sales.  Sales of immovable property are not
taken (``real_estate_sales`` is 0: all sales are at the 3% collection rate).

The special-invoice columns are optional: without them no row has special
invoices and the vector path does no work for them.  A period with special
invoices before 2019, or with ``full`` where the law data hold no text for giving
the reduction up (2020-03 … 2022-03), is refused naming the column and rows.

The result columns (fen, sums over the year's periods):
``vat_sales``, ``vat_exempt_sales``, ``vat_taxable_sales`` (special invoices
included), ``vat_tax_due`` (应纳税额), and the savings as the report defines them
(:func:`taxcalc.report.sections.small_scale.period_figures`), summed period by
period: the tax of the rule on the law with one policy undone, less its tax.

* ``saving_vat_small_scale_exemption`` — every exemption limit and 起征点 0:
  for a period with sales exempt by the threshold at a rate above 0, the tax on
  all its sales less its tax — the exempt sales times the rate otherwise levied;
  the special invoices, taxed anyway, save nothing;
* ``saving_vat_small_scale_reduced_rate`` — the levied rate at the collection
  rate of the regulations (the value of ``vat.small_scale.levy_rate`` where its
  data start): for a period taxed below it, the tax at that rate less the tax
  due (the sales exempt because the rate was 0, 2022-04 … 2022-12, taxed too;
  special invoices at 3% save nothing).

The vector path reads every law value from the :class:`~taxcalc.law.Law` given,
by the scalar rule's own reading (the same keys, the same refusal of a quarter
inside which a value changes), and rounds half up by integer division where the
rule rounds: the taxable sales together at one rate, each rate's sales apart
when the special invoices are at 3% and the others at a reduced rate.  A row
whose sales could take a product past int64 is computed by the scalar path.
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
from ..money import CONTEXT
from ..vat.small_scale_exemption import LEVY, PERIODS, period_readings
from ..vat.small_scale_special import EXEMPTION_WAIVED, FULL_RATE, SPECIAL_INVOICE_RATES
from ._exact import LIMIT, Int64s, fraction
from ._read import codes, fen, offending
from .columns import PopulationInputError

__all__ = ["INPUT_COLUMNS", "OUTPUT_MONEY", "SAVINGS", "SmallScaleRows", "compute", "present", "read", "scalar_row"]

PERIOD_COLUMN = "vat_period"
SALES = tuple(f"sales_{k}" for k in range(1, 13))
GOODS = tuple(f"goods_sales_{k}" for k in range(1, 13))
SPECIAL = tuple(f"special_invoice_sales_{k}" for k in range(1, 13))
RATE_COLUMN = "special_invoice_rate"
INPUT_COLUMNS: tuple[str, ...] = (PERIOD_COLUMN, *SALES, *GOODS, *SPECIAL, RATE_COLUMN)
#: The saving columns and the id of the saving in the report.
SAVINGS: dict[str, str] = {
    "saving_vat_small_scale_exemption": "vat.small_scale.exemption",
    "saving_vat_small_scale_reduced_rate": "vat.small_scale.reduced_rate",
}
OUTPUT_MONEY: tuple[str, ...] = ("vat_sales", "vat_exempt_sales", "vat_taxable_sales", "vat_tax_due", *SAVINGS)
_COUNT = {"month": 12, "quarter": 4}


@dataclass
class SmallScaleRows:
    """The checked small-scale columns: ``sales[k]``, ``goods[k]`` and ``special[k]`` of period ``k + 1`` (fen)."""

    year: Int64s
    quarterly: np.ndarray  # bool
    sales: list[Int64s]
    goods: list[Int64s] | None
    offset: int
    #: The special-invoice sales (``None``: no such column), and whether they are at 3% (``full``).
    special: list[Int64s] | None = None
    full: np.ndarray | None = None  # bool


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
    special = full = None
    if any(c in names for c in SPECIAL):
        special = [fen(table, c, offset) for c in SPECIAL]
        for k in range(12):
            wrong = special[k] > sales[k]
            if wrong.any():
                raise offending(SPECIAL[k], f"more than {SALES[k]}", wrong, offset)
        full = codes(table, RATE_COLUMN, SPECIAL_INVOICE_RATES, "reduced", offset) == 1
        wrong = full & ~np.logical_or.reduce([s > 0 for s in special])
        if wrong.any():
            raise offending(RATE_COLUMN, "full applies only to sales on special invoices: the row has none",
                            wrong, offset)
    elif RATE_COLUMN in names:
        full = codes(table, RATE_COLUMN, SPECIAL_INVOICE_RATES, "reduced", offset) == 1
        if full.any():
            raise offending(RATE_COLUMN, "full applies only to sales on special invoices: give "
                            "special_invoice_sales_1 … special_invoice_sales_12", full, offset)
        full = None
    return SmallScaleRows(year, quarterly, sales, goods, offset, special, full)


def _start(year: int, k: int, period: str) -> _dt.date:
    return _dt.date(year, k + 1 if period == "month" else 3 * k + 1, 1)


@dataclass(frozen=True)
class _PeriodLaw:
    strict: bool
    separate: bool
    threshold: int  # fen
    levy: Fraction
    #: The rate of a special invoice with the reduction given up (``None``: not in the law data that day).
    full: Fraction | None = None


def _fen_of(value: object) -> int:
    f = fraction(value) * 100
    if f.denominator != 1:
        raise AssertionError(f"a threshold in the law data finer than the fen: {value}")
    return int(f)


def _period_law(law: Law, start: _dt.date, period: str) -> _PeriodLaw:
    values = period_readings(law, start, period)
    strict = values[0].value is True
    try:
        full: Fraction | None = fraction(law.value(FULL_RATE, start).value)
    except OutsideCoverage:
        full = None
    return _PeriodLaw(strict, not strict and values[2].value == "separate", _fen_of(values[1].value),
                      fraction(values[-1].value), full)


def _check_special(v: SmallScaleRows, rows: np.ndarray, k: int, start: _dt.date, pl: _PeriodLaw,
                   law: Law) -> None:
    """Special invoices in period ``k`` are read on a day the law data cover, at a rate they hold."""
    if v.special is None or v.full is None:
        return
    has = v.special[k][rows] > 0
    if not has.any():
        return
    try:
        law.value(EXEMPTION_WAIVED, start)
    except OutsideCoverage as exc:
        raise _refused(SPECIAL[k], start, exc, rows[has], v.offset) from None
    full = has & v.full[rows] if pl.levy else has
    if pl.full is None and full.any():
        raise PopulationInputError(
            RATE_COLUMN, f"the period starting {start}: giving up the reduced rate cannot be computed: "
            f"{FULL_RATE} is not in the law data that day", [int(r) + 1 + v.offset for r in rows[full]])


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
        _check_special(v, rows, k, start, pl, law)
        # a product is sales × 2 × numerator; 12 periods' sums stay inside int64 with room to spare
        bound = LIMIT // (16 * max(pl.levy.numerator, base.numerator, pl.full.numerator if pl.full else 1, 1))
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
    levied = taxable  # the sales taxed before the rate of 0 (2022-04 … 12) exempts them
    zero_rate = np.array([[not pl.strict and pl.levy == 0] for pl in laws])
    if zero_rate.any():
        # 适用3%征收率的应税销售收入免征增值税 (2022-04 … 12): the taxable sales are exempt altogether
        moved = np.where(zero_rate, taxable, 0)
        exempt_sales = exempt_sales + moved
        taxable = taxable - moved
    fulls = [pl.full for pl in laws]
    # every row as if without special invoices: one rate a period
    tax = _half_up_rows(taxable, levy)
    # the exemption undone: every sale taxed at the rate levied (nothing where the rate is 0)
    exemption = _half_up_rows(sales, levy) - tax
    reduced = np.zeros_like(tax)
    below = [p for p, f in enumerate(levy) if f < base]
    for p in below:  # the reduction undone: the sales taxed before any move, at the base rate
        reduced[p] = _half_up_rows(levied[p:p + 1], [base])[0] - tax[p]
    if v.special is not None:  # the rows with special invoices again, on their own
        assert v.full is not None
        special = np.stack([v.special[k][rows] for k, _ in used])
        some = np.flatnonzero(special.any(axis=0))
        if len(some):
            e, t, x, r = _with_special(sales[:, some], exempt_sales[:, some], taxable[:, some], levied[:, some],
                                       special[:, some], v.full[rows[some]], levy, fulls, base, zero_rate, below)
            exempt_sales[:, some], taxable[:, some], tax[:, some] = e, t, x
            exemption[:, some], reduced[:, some] = r
    for column, values in (("vat_sales", sales), ("vat_exempt_sales", exempt_sales),
                           ("vat_taxable_sales", taxable), ("vat_tax_due", tax),
                           ("saving_vat_small_scale_exemption", exemption),
                           ("saving_vat_small_scale_reduced_rate", reduced)):
        out[column][rows] = values.sum(axis=0)


def _with_special(sales: Int64s, exempt_sales: Int64s, taxable: Int64s, levied: Int64s, special: Int64s,
                  full_row: np.ndarray, levy: list[Fraction], fulls: list[Fraction | None], base: Fraction,
                  zero_rate: np.ndarray, below: list[int]) -> tuple[Int64s, Int64s, Int64s, tuple[Int64s, Int64s]]:
    """Rows with special invoices: the exempt and taxable sales, the tax, and the two savings, as the rule."""
    # the special invoices leave the exemption, or are taxed with the period's taxable sales
    with_taxable = (taxable >= special) & (taxable > 0)
    ordinary = np.where(with_taxable, taxable - special, taxable)
    exempt_sales = np.where(with_taxable, exempt_sales, exempt_sales - special)
    tax = _split_tax(ordinary, special, levy, fulls, full_row)
    # the exemption undone: all the sales taxed (the others at the rate levied); 0 where the rate is 0
    exemption = np.where(zero_rate, 0, _split_tax(sales - special, special, levy, fulls, full_row) - tax)
    reduced = np.zeros_like(tax)
    if below:  # the reduction undone: the base rate levied, nothing exempt by a rate of 0
        w = (levied >= special) & (levied > 0)
        undone = _split_tax(np.where(w, levied - special, levied), special, [base] * len(levy), fulls, full_row)
        for p in below:
            reduced[p] = undone[p] - tax[p]
    return exempt_sales, ordinary + special, tax, (exemption, reduced)


def _split_tax(ordinary: Int64s, special: Int64s, levy: list[Fraction], fulls: list[Fraction | None],
               full_row: np.ndarray) -> Int64s:
    """The tax of each period: the taxable sales together at the rate levied, or, where the special invoices
    are at another rate (``full`` chosen, or a rate of 0 levied), each rate's sales rounded apart."""
    out = _half_up_rows(ordinary + special, levy)
    for p, (f, g) in enumerate(zip(levy, fulls, strict=True)):
        if g is None or g == f:
            continue
        two = (special[p] > 0) & (full_row | (f == 0))
        if two.any():
            split = (_half_up_rows(ordinary[p:p + 1], [f]) + _half_up_rows(special[p:p + 1], [g]))[0]
            out[p] = np.where(two, split, out[p])
    return out


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
    """Row ``i`` by :func:`taxcalc.vat.small_scale_vat`, period by period, with the report's savings
    (:func:`taxcalc.report.sections.small_scale.period_figures`)."""
    from ..report.sections.small_scale import period_figures

    period = "quarter" if v.quarterly[i] else "month"
    full = v.full is not None and bool(v.full[i])
    row = dict.fromkeys(OUTPUT_MONEY, 0)
    for k in range(_COUNT[period]):
        s = int(v.sales[k][i])
        if not s:
            continue
        start = _start(int(v.year[i]), k, period)
        goods = None if v.goods is None else _yuan(int(v.goods[k][i]))
        special = 0 if v.special is None else int(v.special[k][i])
        try:
            f = period_figures(law, start, period, _yuan(s), goods=goods, special=_yuan(special),
                               special_rate="full" if full and special else "reduced")
        except (InvalidInput, OutsideCoverage) as exc:
            field = exc.field if isinstance(exc, InvalidInput) else ""
            column = {"goods_sales": GOODS[k], "special_invoice_rate": RATE_COLUMN}.get(
                field, SPECIAL[k] if special and not isinstance(exc, InvalidInput) else SALES[k])
            raise _refused(column, start, exc, np.array([i]), v.offset) from None
        r = f.result
        row["vat_sales"] += _whole_fen(r.sales)
        row["vat_exempt_sales"] += _whole_fen(r.exempt_sales)
        row["vat_taxable_sales"] += _whole_fen(r.taxable_sales)
        row["vat_tax_due"] += _whole_fen(r.tax_due)
        row["saving_vat_small_scale_exemption"] += _whole_fen(f.exemption or Decimal(0))
        row["saving_vat_small_scale_reduced_rate"] += _whole_fen(f.reduced_rate or Decimal(0))
    return row
