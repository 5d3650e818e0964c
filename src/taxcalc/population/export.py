"""A manufacturer's 免抵退 (exempt, credit, refund) for one tax period of the year.

The optional column group of :func:`taxcalc.export.exempt_credit_refund` (rule
``export.exempt_credit_refund``), one export line (one pair of rates, FOB in
yuan) flattened as the asset is (``exports[0].fob`` → ``export_fob``):

================================  =====  ==========================================================
column                            type   meaning
================================  =====  ==========================================================
``export_period``                 month  the tax period (所属期, ``period``): a date or ``YYYY-MM``
                                         in the row's year.  A row with a period is an exporter's
                                         period; the other rows have 0 in every result column
``export_fob``                    fen    FOB value of the period's exports in yuan (离岸价 ×
                                         外汇人民币折合率, ``fob`` with ``exchange_rate`` 1)
``export_levy_rate``              rate   征税率 (text ``"13%"`` or ``"0.13"``, or decimal; required)
``export_rebate_rate``            rate   退税率 (likewise; required)
``export_exempt_materials``       fen    duty-free domestic materials (免税购进原材料)
``export_bonded_materials``       fen    进料加工 bonded imports at their composite taxable value
``domestic_output_tax``           fen    当期内销货物的销项税额
``input_tax``                     fen    当期进项税额
``opening_credit``                fen    上期留抵税额
================================  =====  ==========================================================

The result columns (fen) are the rule's figures: ``export_non_creditable``
(当期不得免征和抵扣税额), ``export_tax_payable`` (当期应纳税额, negative: a credit),
``export_tax_due``, ``export_end_credit`` (期末留抵税额), ``export_exempt_credit_refund``
(免抵退税额, the ceiling), ``export_refund`` (应退税额), ``export_exempt_credit``
(免抵税额) and ``export_credit_carried`` (结转下期的留抵税额).  The rule defines no
saving (the refund is not a preference measured against a law without it).

The vector path rounds half up to the fen where the summary return does (the
four gross and reduction lines), exactly as the scalar rule; a levy rate below
the rebate rate counts as a gap of 0 there too.  The law data are read for the
method's coverage (``export.method.exempt_credit_refund``): a period outside it
is refused naming ``export_period``.  A row whose amounts could take a product
past int64 is computed by the scalar rule itself.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pyarrow as pa

from ..errors import InvalidInput, OutsideCoverage
from ..export import ExemptCreditRefundInput, ExportLine, exempt_credit_refund
from ..export.catalogue import MAX_RATE
from ..export.exempt_credit_refund import METHOD_KEY
from ..inputs import grammar
from ..law import Law
from ..money import CONTEXT
from ._exact import LIMIT, Int64s
from ._read import RATE_SCALE, fen, months, offending, rates
from .columns import PopulationInputError

__all__ = ["INPUT_COLUMNS", "OUTPUT_MONEY", "ExportRows", "compute", "present", "read", "scalar_row"]

PERIOD_COLUMN = "export_period"
_AMOUNTS = ("export_fob", "export_exempt_materials", "export_bonded_materials", "domestic_output_tax",
            "input_tax", "opening_credit")
RATE_COLUMNS = ("export_levy_rate", "export_rebate_rate")
INPUT_COLUMNS: tuple[str, ...] = (PERIOD_COLUMN, *_AMOUNTS, *RATE_COLUMNS)
OUTPUT_MONEY: tuple[str, ...] = (
    "export_non_creditable", "export_tax_payable", "export_tax_due", "export_end_credit",
    "export_exempt_credit_refund", "export_refund", "export_exempt_credit", "export_credit_carried",
)
#: Amounts above this are computed by the scalar rule (``amount · rate`` in ppm, doubled, fits int64).
_BOUND = LIMIT // RATE_SCALE
#: The figures of a month add up to less than this (fen): the input model's limit.
_TOTAL_LIMIT_FEN = grammar.AMOUNT_LIMIT // 10 * 100
#: The return figures above this are computed by the scalar rule too (their differences stay inside int64).
_SUM_BOUND = _TOTAL_LIMIT_FEN


@dataclass
class ExportRows:
    """The checked export columns: money in fen, rates in parts per million, the period as a month index."""

    exporter: np.ndarray  # bool: a row with an export_period
    month: Int64s  # year * 12 + month - 1
    money: dict[str, Int64s]
    levy: Int64s
    rebate: Int64s
    offset: int


def present(names: frozenset[str] | set[str] | list[str]) -> bool:
    """Whether a table with these columns has the export group (an ``export_period`` column)."""
    return PERIOD_COLUMN in names


def read(table: pa.Table, year: Int64s, offset: int) -> ExportRows:
    """The export columns of ``table`` checked (an error names the column and the first rows)."""
    names = set(table.column_names)
    month = months(table, PERIOD_COLUMN, offset)
    exporter = month >= 0
    wrong = exporter & (month // 12 != year)
    if wrong.any():
        raise offending(PERIOD_COLUMN, "a tax period in another year than the row's year", wrong, offset)
    money = {c: fen(table, c, offset) for c in _AMOUNTS}
    got: list[Int64s] = []
    for c in RATE_COLUMNS:
        if c not in names:
            raise PopulationInputError(c, f"missing column (required with {PERIOD_COLUMN})")
        r = rates(table, c, offset, MAX_RATE)
        missing = exporter & (r < 0)
        if missing.any():
            raise offending(c, f"empty (required for a row with an {PERIOD_COLUMN})", missing, offset)
        got.append(r)
    levy, rebate = got
    # as the rule's input model checks (taxcalc.rules.export.exempt_credit_refund, ExemptCreditRefundMonth):
    # the month's figures add up to less than 10^15 yuan
    three = (money["export_fob"], money["domestic_output_tax"], money["input_tax"])
    each = np.maximum.reduce(three) >= _TOTAL_LIMIT_FEN  # else the sum of the three fits int64
    wrong = exporter & (each | (three[0] + three[1] + three[2] >= _TOTAL_LIMIT_FEN))
    if wrong.any():
        raise offending("export_fob", "export_fob + domestic_output_tax + input_tax add up to 10^15 yuan or more",
                        wrong, offset)
    materials = money["export_exempt_materials"] + money["export_bonded_materials"]
    wrong = exporter & (materials > money["export_fob"])
    if wrong.any():
        raise offending("export_exempt_materials", "duty-free materials (with bonded imports) exceed export_fob: "
                        "免抵退税额 would be negative, and how the excess is carried is outside taxcalc's rules",
                        wrong, offset)
    return ExportRows(exporter, month, money, levy, rebate, offset)


def _half_up(x: Int64s, ppm: Int64s) -> Int64s:
    """``x · ppm / 10⁶`` rounded half up (``x, ppm ≥ 0``; ``x · ppm ≤`` :data:`LIMIT`)."""
    out: Int64s = (x * ppm * 2 + RATE_SCALE) // (2 * RATE_SCALE)
    return out


def _check_coverage(v: ExportRows, law: Law) -> None:
    """Every period is inside the method's law data; else an error with all the rows outside it."""
    outside = np.zeros(len(v.month), bool)
    first = None
    for m in np.unique(v.month[v.exporter]):
        day = _dt.date(int(m) // 12, int(m) % 12 + 1, 1)
        try:
            law.value(METHOD_KEY, day)
        except OutsideCoverage as exc:
            outside |= v.exporter & (v.month == m)
            first = first or f"{day:%Y-%m} is outside the law data ({exc})"
    if first is not None:
        raise offending(PERIOD_COLUMN, first, outside, v.offset)


def compute(v: ExportRows, law: Law) -> tuple[dict[str, Int64s], np.ndarray]:
    """The result columns of every row, and which rows were computed by the scalar rule."""
    n = len(v.month)
    out = {c: np.zeros(n, np.int64) for c in OUTPUT_MONEY}
    _check_coverage(v, law)
    m = v.money
    big = (np.maximum(m["export_fob"], m["export_exempt_materials"] + m["export_bonded_materials"]) > _BOUND) | (
        np.maximum.reduce([m["domestic_output_tax"], m["input_tax"], m["opening_credit"]]) > _SUM_BOUND)
    slow = v.exporter & big
    rows = np.flatnonzero(v.exporter & ~slow)
    if len(rows):
        _vector(v, rows, out)
    for i in np.flatnonzero(slow):
        for c, value in scalar_row(v, int(i), law).items():
            out[c][i] = value
    return out, slow


def _vector(v: ExportRows, rows: np.ndarray, out: dict[str, Int64s]) -> None:
    m = {c: a[rows] for c, a in v.money.items()}
    fob = m["export_fob"]
    materials = m["export_exempt_materials"] + m["export_bonded_materials"]
    levy, rebate = v.levy[rows], v.rebate[rows]
    gap = np.maximum(levy - rebate, 0)  # a levy rate below the rebate rate: the difference counts as zero
    non_creditable = _half_up(fob, gap) - _half_up(materials, gap)
    ceiling = _half_up(fob, rebate) - _half_up(materials, rebate)
    payable = m["domestic_output_tax"] - (m["input_tax"] - non_creditable) - m["opening_credit"]
    end_credit = np.maximum(-payable, 0)
    within = end_credit <= ceiling
    refund = np.where(within, end_credit, ceiling)
    out["export_non_creditable"][rows] = non_creditable
    out["export_tax_payable"][rows] = payable
    out["export_tax_due"][rows] = np.maximum(payable, 0)
    out["export_end_credit"][rows] = end_credit
    out["export_exempt_credit_refund"][rows] = ceiling
    out["export_refund"][rows] = refund
    out["export_exempt_credit"][rows] = ceiling - refund
    out["export_credit_carried"][rows] = end_credit - refund


def _yuan(fen_: int) -> Decimal:
    return Decimal(int(fen_)).scaleb(-2, CONTEXT)


def _rate(ppm: int) -> Decimal:
    return Decimal(int(ppm)).scaleb(-6, CONTEXT)


def _whole_fen(d: Decimal) -> int:
    v = d.scaleb(2, CONTEXT)
    if v != v.to_integral_value():
        raise AssertionError(f"not whole fen: {d}")
    return int(v)


_FIELDS = {"fob": "export_fob", "levy_rate": "export_levy_rate", "rebate_rate": "export_rebate_rate",
           "exempt_materials": "export_exempt_materials", "bonded_materials": "export_bonded_materials"}


def scalar_row(v: ExportRows, i: int, law: Law) -> dict[str, int]:
    """Row ``i`` by :func:`taxcalc.export.exempt_credit_refund` (the exact scalar rule)."""
    m = {c: int(a[i]) for c, a in v.money.items()}
    month = int(v.month[i])
    try:
        line = ExportLine(fob=_yuan(m["export_fob"]), levy_rate=_rate(int(v.levy[i])),
                          rebate_rate=_rate(int(v.rebate[i])), exempt_materials=_yuan(m["export_exempt_materials"]),
                          bonded_materials=_yuan(m["export_bonded_materials"]))
        r = exempt_credit_refund(ExemptCreditRefundInput(
            period=_dt.date(month // 12, month % 12 + 1, 1), exports=(line,),
            domestic_output_tax=_yuan(m["domestic_output_tax"]), input_tax=_yuan(m["input_tax"]),
            opening_credit=_yuan(m["opening_credit"])), law=law)
    except InvalidInput as exc:
        column = _FIELDS.get(exc.field.split(".")[-1], exc.field)
        raise PopulationInputError(column, exc.reason, [i + 1 + v.offset]) from None
    except OutsideCoverage as exc:
        raise PopulationInputError(PERIOD_COLUMN, f"outside the law data: {exc}", [i + 1 + v.offset]) from None
    return {
        "export_non_creditable": _whole_fen(r.non_creditable), "export_tax_payable": _whole_fen(r.tax_payable),
        "export_tax_due": _whole_fen(r.tax_due), "export_end_credit": _whole_fen(r.end_credit),
        "export_exempt_credit_refund": _whole_fen(r.exempt_credit_refund), "export_refund": _whole_fen(r.refund),
        "export_exempt_credit": _whole_fen(r.exempt_credit), "export_credit_carried": _whole_fen(r.credit_carried),
    }
