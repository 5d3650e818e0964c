"""The benefit of every policy for every row of a population: the vector path, and the scalar path where needed.

For each row, the columns of :func:`taxcalc.eit.benefit`: the tax under the
law, the saving of each policy of :data:`taxcalc.eit.POLICIES` (the tax with
that policy off, less the tax), the tax with all of them off, and, with
``known_on``, the tax under the law as known on that day.  A policy is turned
off exactly as :func:`~taxcalc.eit.benefit` turns it off
(:func:`taxcalc.eit.policy_law`), and a policy is recomputed only for the rows
it can reach, for the reasons :func:`~taxcalc.eit.benefit` gives (a rate
regime not applied, no R&D, no losses brought forward: a saving of 0).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pyarrow as pa

from .. import eit
from ..errors import InvalidInput, OutsideCoverage
from ..law import Law, default
from ..money import date_arg
from ._exact import LIMIT
from .columns import Frame, PopulationInputError, facts_of, read_frame
from .groups import add_groups
from .vector import Rows, YearLaw, annual_vector, scalar_rows, tax_vector, year_law

__all__ = ["KNOWN_MONEY", "OUTPUT_MONEY", "POLICY_IDS", "compute_frame", "compute_table"]

POLICY_IDS: tuple[str, ...] = tuple(eit.POLICIES)
#: The money columns of the result (fen), in order.
OUTPUT_MONEY: tuple[str, ...] = (
    "equipment_adjustment", "rd_extra", "equipment_extra", "income_before_losses", "losses_used", "taxable_income",
    "standard_tax", "tax", "relief", "new_loss", *(f"saving_{p}" for p in POLICY_IDS), "tax_without_all",
    "total_saving",
)
#: The columns added with ``known_on``.
KNOWN_MONEY: tuple[str, ...] = ("tax_as_known_on", "saving_since")


def _fen(d: Decimal) -> int:
    v = d * 100
    if v != v.to_integral_value():
        raise AssertionError(f"not whole fen: {d}")
    return int(v)


def _fractions(yl: YearLaw) -> list[Fraction]:
    out: list[Fraction] = [yl.standard]
    out += [x for x in (yl.hnte, yl.tase, yl.rd_excluded_share, yl.rd_manufacturer_share, yl.rd_other_factor,
                        yl.rd_entrusted, yl.rd_overseas, yl.rd_overseas_cap) if x is not None]
    out += [r for r in yl.rd_ratio.values() if r is not None]
    if yl.small_profit is not None:
        sp = yl.small_profit
        out += [sp.rate, sp.ratio1, sp.ratio2, sp.ratio1 * sp.rate, sp.ratio2 * sp.rate]
    return out


def _limit(laws: Sequence[YearLaw]) -> int:
    """The largest sum of a row's amounts (fen) whose intermediate products all fit int64 under ``laws``.

    A bound on every product the vector path forms: an amount times the
    numerator of a law fraction times the common denominator it is put over.
    """
    fr = [f for yl in laws for f in _fractions(yl)]
    num = max((abs(f.numerator) for f in fr), default=1)
    den = max((f.denominator for f in fr), default=1)
    return max(LIMIT // (num * den * den * 8), 1)


def _laws(law: Law, known_on: _dt.date | None) -> dict[str, Law]:
    laws = {"": law}
    for p in POLICY_IDS:
        laws[p] = eit.policy_law([p], law=law)
    laws["*"] = eit.policy_law(POLICY_IDS, law=law)
    if known_on is not None:
        laws["known"] = law.as_known_on(known_on)
    return laws


def _values_laws(laws: dict[str, Law]) -> dict[str, tuple[Law, Law]]:
    """For each law, the laws an asset's switches and its other values are read from.

    A policy's law is the law given with some values replaced
    (:data:`taxcalc.eit.POLICIES`): where it replaces no asset value, the asset
    is read from the law given; where it replaces only the asset switches
    (``eit.equipment.*.in_force``), the other values are.  The assets of a row
    are then worked out once for the policies that cannot change them.
    """
    base = laws[""]
    out = {}
    for name, law in laws.items():
        policies = POLICY_IDS if name == "*" else (name,) if name in eit.POLICIES else ()
        replaced = {k for p in policies for k, _ in eit.POLICIES[p].off}
        assets = {k for k in replaced if k.startswith(("eit.equipment.", "eit.depreciation."))}
        if not policies or any(not k.endswith(".in_force") for k in assets):
            out[name] = (law, law)
        else:
            out[name] = (law if assets else base, base)
    return out


class _Columns(dict[str, np.ndarray]):
    """The money columns of a result, each made (all 0) when first asked for: a column given whole is not made."""

    def __init__(self, n: int, names: Sequence[str]) -> None:
        super().__init__()
        self.n, self.names = n, tuple(names)

    def __missing__(self, name: str) -> np.ndarray:
        if name not in self.names:
            raise KeyError(name)
        got = self[name] = np.zeros(self.n, np.int64)
        return got

    def in_order(self) -> list[tuple[str, np.ndarray]]:
        """The columns named at the start in their order (made if never written), then any other, as written."""
        return [(name, self[name]) for name in self.names] + \
            [(name, column) for name, column in self.items() if name not in self.names]


class _Result:
    def __init__(self, n: int, *, known: bool) -> None:
        self.n = n
        self.money = _Columns(n, (*OUTPUT_MONEY, *(KNOWN_MONEY if known else ())))
        self.regime = np.zeros(n, np.int8)
        self.scalar = np.zeros(n, bool)


def _vector(v: Rows, rows: np.ndarray | slice, laws: dict[str, Law], out: _Result) -> None:
    """The rows ``v`` (at ``rows`` of the frame) on the vector path, under each law of ``laws``."""
    y = v.year
    values = _values_laws(laws)
    base = annual_vector(v, year_law(laws[""], y), *values[""])
    m = out.money
    whole = isinstance(rows, slice) and rows.start == 0 and rows.stop == out.n

    given: set[int] = set()

    def put(name: str, values: np.ndarray) -> None:
        if whole:  # every row of the frame: the array itself, not a copy (unless shared or read-only)
            if id(values) in given or not values.flags.writeable:
                values = values.copy()
            given.add(id(values))
            m[name] = values
        else:
            m[name][rows] = values

    put("rd_extra", base.rd_extra)
    put("equipment_adjustment", base.equipment_adjustment)
    put("equipment_extra", base.equipment_extra)
    put("income_before_losses", base.income_before_losses)
    put("losses_used", base.losses_used)
    put("taxable_income", base.taxable_income)
    put("standard_tax", base.standard_tax)
    put("tax", base.tax)
    put("relief", base.standard_tax - base.tax)
    put("new_loss", base.new_loss)
    if whole:
        out.regime = base.regime
    else:
        out.regime[rows] = base.regime
    has_2020 = np.zeros(v.n, bool)
    if v.extension is not None:
        for k, a in v.losses:
            if y - k == 2020:
                has_2020 |= (a > 0) & (v.extension > 0)
    reach: dict[str, np.ndarray] = {
        "small_profit": base.regime == 3, "hnte_rate": base.regime == 1, "tase_rate": base.regime == 2,
        # the longer window of a qualification: rows with a loss and a qualification (this year or a run before)
        "rd_super_deduction": v.has_rd, "loss_10_years": v.has_loss & (v.flag("hnte") | v.flag("tech_sme")
                                                                        | (v.qualified_from > 0)),
        "loss_8_years_2020": has_2020,
        "equipment_one_time": v.equipment, "hnte_equipment_2022q4": v.equipment,
    }
    for p in POLICY_IDS:
        mask = reach.get(p)
        if mask is None or not mask.any():  # the policy cannot change these rows' tax
            continue
        if np.count_nonzero(mask) * _DENSE >= v.n:  # many rows: all of them, from what is already worked out
            saving = tax_vector(v, year_law(laws[p], y), *values[p]) - base.tax
            saving *= mask  # 0 where the policy does not reach, as the scalar rules say
            put(f"saving_{p}", saving)
            continue
        sub = np.flatnonzero(mask)
        m[f"saving_{p}"][_at(rows, sub)] = tax_vector(v.subset(mask), year_law(laws[p], y), *values[p]) - base.tax[sub]
    off = tax_vector(v, year_law(laws["*"], y), *values["*"])
    put("tax_without_all", off)
    put("total_saving", off - base.tax)
    if "known" in laws:
        known = tax_vector(v, year_law(laws["known"], y), *values["known"])
        put("tax_as_known_on", known)
        put("saving_since", known - base.tax)


#: A policy reaching more than one row in this many is computed over all the rows (no subset taken).
_DENSE = 3


def _at(rows: np.ndarray | slice, sub: np.ndarray) -> np.ndarray:
    """The positions in the frame of the rows ``sub`` of ``rows``."""
    out: np.ndarray = sub + rows.start if isinstance(rows, slice) else rows[sub]
    return out


def _as_slice(rows: np.ndarray) -> np.ndarray | slice:
    """``rows`` (increasing positions) as a slice when they are consecutive: assigning to it is then a copy."""
    if len(rows) and int(rows[-1]) - int(rows[0]) + 1 == len(rows):
        return slice(int(rows[0]), int(rows[-1]) + 1)
    return rows


_REGIME_INDEX = {r: i for i, r in enumerate(eit.REGIMES)}


#: The column whose date or year a law key outside its data is read on.
_KEY_COLUMNS = (("eit.equipment.", "equipment_acquired_on"), ("eit.depreciation.", "equipment_in_use"),
                ("eit.accelerated_depreciation.", "equipment_method"),
                ("eit.rd.", "year (with R&D columns)"), ("eit.losses.", "loss_1..loss_10"))


def _column_of_key(key: str) -> str:
    return next((column for prefix, column in _KEY_COLUMNS if key.startswith(prefix)), "year")


def scalar_row(f: Frame, i: int, law: Law, known_on: _dt.date | None) -> dict[str, int | str]:
    """Row ``i`` computed by :func:`taxcalc.eit.benefit` (the exact scalar rules), as result columns."""
    facts = facts_of(f, i)
    try:
        b = eit.benefit(facts, law=law, known_on=known_on)
    except InvalidInput as exc:
        raise PopulationInputError(exc.field, exc.reason, [i + 1 + f.offset]) from None
    except OutsideCoverage as exc:
        raise PopulationInputError(_column_of_key(exc.key), f"outside the law data: {exc}",
                                   [i + 1 + f.offset]) from None
    r = b.result
    row: dict[str, int | str] = {
        "equipment_adjustment": _fen(r.equipment_adjustment), "rd_extra": _fen(r.rd_extra),
        "equipment_extra": _fen(r.equipment_extra), "income_before_losses": _fen(r.income_before_losses),
        "losses_used": _fen(r.losses_used), "taxable_income": _fen(r.taxable_income),
        "standard_tax": _fen(r.standard_tax), "tax": _fen(r.tax), "relief": _fen(r.relief),
        "new_loss": _fen(r.new_loss), "tax_without_all": _fen(b.tax_without_all), "total_saving": _fen(b.total_saving),
        "regime": r.regime,
    }
    for p in b.policies:
        row[f"saving_{p.id}"] = _fen(p.saving)
    if b.tax_as_known_on is not None and b.saving_since is not None:
        row["tax_as_known_on"] = _fen(b.tax_as_known_on)
        row["saving_since"] = _fen(b.saving_since)
    return row


def compute_frame(f: Frame, *, law: Law | None = None, known_on: _dt.date | None = None,
                  progress: Callable[[int], None] | None = None) -> pa.Table:
    """The result table of a checked frame (see :func:`taxcalc.population.compute`)."""
    law = default() if law is None else law
    laws = _laws(law, known_on)
    out = _Result(f.n, known=known_on is not None)
    accelerated = f.accelerated()
    if accelerated is not None and not accelerated.any():
        accelerated = None
    single = f.n == 0 or int(f.year.min()) == int(f.year.max())  # (the common case: no sort, no comparison)
    for y in f.year[:1] if single else np.unique(f.year):
        rows = np.arange(f.n) if single else np.flatnonzero(f.year == y)
        try:
            yls = [year_law(lw, int(y)) for lw in laws.values()]
        except OutsideCoverage as exc:
            raise PopulationInputError("year", f"{int(y)} is outside the law data ({exc})",
                                       [int(r) + 1 + f.offset for r in rows]) from None
        v = Rows(f, rows)
        values = _values_laws(laws)
        slow = scalar_rows(v, yls, _limit(yls), list(values.values()))
        if accelerated is not None:  # an asset depreciated by a method the arrays do not take
            slow |= accelerated[rows]
        fast = rows[~slow]
        if len(fast):
            _vector(v if not slow.any() else v.subset(~slow), _as_slice(fast), laws, out)
            if progress is not None:
                progress(len(fast))
        for i in rows[slow]:
            row = scalar_row(f, int(i), law, known_on)
            for c, value in row.items():
                if c == "regime":
                    out.regime[i] = _REGIME_INDEX[str(value)]
                else:
                    out.money[c][i] = value
            out.scalar[i] = True
            if progress is not None:
                progress(1)
    return _table(f, out)


def _table(f: Frame, out: _Result) -> pa.Table:
    columns: dict[str, pa.Array] = {}
    if f.extra is not None:
        for name in f.extra.column_names:
            columns[name] = f.extra.column(name)
    columns["year"] = pa.array(f.year, pa.int64())
    columns["regime"] = pa.DictionaryArray.from_arrays(pa.array(out.regime, pa.int8()), pa.array(eit.REGIMES))
    for c, v in out.money.in_order():
        columns[c] = pa.array(v, pa.int64())
    columns["path"] = pa.DictionaryArray.from_arrays(pa.array(out.scalar.astype(np.int8), pa.int8()),
                                                     pa.array(["vector", "scalar"]))
    return pa.table(columns)


#: Rows checked and computed at a time: the memory of the arrays in flight is bounded by this.
CHUNK_ROWS = 250_000


def compute_table(table: pa.Table, *, year: int | None = None, law: Law | None = None,
                  known_on: object = None, offset: int = 0,
                  progress: Callable[[int], None] | None = None, chunk_rows: int = CHUNK_ROWS) -> pa.Table:
    """Check and compute an Arrow table (``offset``: rows before it, for the row numbers of errors).

    The table is read ``chunk_rows`` rows at a time; nothing is returned (so
    nothing is written) unless every row was read and computed.
    """
    day = None if known_on is None else date_arg(known_on, "known_on")
    law = default() if law is None else law
    parts = []
    for start in range(0, max(table.num_rows, 1), chunk_rows):
        chunk = table.slice(start, chunk_rows)
        f = read_frame(chunk, year=year, offset=offset + start)
        parts.append(add_groups(chunk, compute_frame(f, law=law, known_on=day, progress=progress), law,
                                offset + start))  # the optional VAT and export groups
    return parts[0] if len(parts) == 1 else pa.concat_tables(parts)
