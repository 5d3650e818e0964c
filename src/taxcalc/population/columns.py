"""The columns of a population table, and how they are read and checked.

One row is one enterprise-year: the fields of :class:`taxcalc.eit.EnterpriseYear`
flattened into columns.  **Every amount of money is a whole number of fen**
(an integer column, int64), or a decimal column (Arrow ``decimal128``, Python
``Decimal`` objects) of yuan with at most two places; a float column is refused,
whatever its values.  Columns not named here (an id, a county, a size band) are
carried through to the result unchanged, ready for :func:`~taxcalc.population.aggregate`.

==================================  ==========  =======================================================
column                              type        meaning (:class:`~taxcalc.eit.EnterpriseYear` field)
==================================  ==========  =======================================================
``year``                            integer     the tax year (or ``year=`` of :func:`compute`)
``profit``                          fen         利润总额, signed (required)
``adjustments``                     fen         net tax adjustments, signed (default 0)
``industry``                        text        a code of :data:`taxcalc.eit.INDUSTRIES` (default ``other``)
``main_business_share``             decimal     main business's share of income, ``"0.6"`` (default 1)
``industrial``                      bool        工业企业 override (default: from the industry)
``restricted``                      bool        restricted or prohibited industry
``hnte``                            bool        a high and new technology enterprise in the year (``hnte_years``)
``tech_sme``                        bool        a technology-based SME in the year (``tech_sme_years``)
``tase``                            bool        a technology-advanced service enterprise in the year
``ic_machine``                      bool        listed IC / industrial mother-machine enterprise
``qualified_from``                  integer     first year of an unbroken run of high-tech / tech-SME
                                                qualification ending the year before (for the
                                                10-year losses; empty: none)
``employees``                       decimal     average employees of the year (required)
``assets``                          fen         average total assets of the year (required)
``opened`` / ``closed``             date        opening / closing day inside the year
``rd_personnel`` … ``rd_design``    fen         the five items of the year's R&D (one pooled project):
                                                ``rd_personnel``, ``rd_direct_inputs``,
                                                ``rd_depreciation``, ``rd_amortisation``, ``rd_design``
``rd_other``                        fen         other related R&D expenses
``rd_entrusted_domestic``           fen         paid for R&D entrusted in China
``rd_entrusted_overseas``           fen         paid for R&D entrusted overseas
``rd_intangible_amortisation``      fen         the year's amortisation of intangibles formed by R&D
``loss_1`` … ``loss_10``            fen         unused loss brought forward from year − k
``loss_2020_extension``             text        ``""``, ``hardship`` or ``film``: the mark of the 2020 loss
``equipment_cost``                  fen         one asset (when > 0): unit value
``equipment_kind``                  text        ``machinery``, ``tools``, ``vehicles``, ``electronics``, ``buildings``
``equipment_acquired_on``           date        purchase date
``equipment_in_use``                date        day put into use
``equipment_book_depreciation``     fen         book depreciation of the year
``equipment_residual``              fen         residual value (default 0)
``equipment_method``                text        ``straight_line`` (default), ``shortened``,
                                                ``double_declining`` or ``sum_of_years``
``equipment_life_months``           integer     the life chosen with a method (default: the floor for
                                                ``shortened``, the 第六十条 life for the others)
``equipment_industry``              text        the industry for the method, a code of
                                                :data:`taxcalc.eit.ACCELERATION_INDUSTRIES`
                                                (default: from ``industry``)
``equipment_main_business_share``   decimal     main business's share in the year the asset was put
                                                into use (default: ``main_business_share``)
``equipment_article_98``            bool        an asset of 实施条例 第九十八条
``equipment_elect_one_time``        bool        the enterprise chooses the one-time deduction
                                                (``elect_one_time``; default true, empty the same)
==================================  ==========  =======================================================

The five columns from ``equipment_method``, all optional, are the depreciation chosen
(:class:`taxcalc.eit.Equipment` ``method``, ``life_months``, ``industry``,
``main_business_share``, ``article_98``); the four after ``equipment_method`` go
only with a method other than the straight line, and a method only with an asset.
A row with such a method is computed by the scalar rules (``path`` ``scalar``),
which check the method against the law data (a refusal names the column and the
row).  ``equipment_elect_one_time`` false declines the one-time deduction (国家税务总局
公告2018年第46号 四): the asset is then depreciated, on the straight line or by its
method; false goes only with an asset.

Bad input is refused before anything is computed: a missing required column,
a wrong type, a negative amount where there cannot be one, an unknown code,
each with the column and the first offending rows (numbered from 1, the
header not counted).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..eit import EnterpriseYear
from ..eit.accelerated_depreciation import ACCELERATION_INDUSTRIES, DEPRECIATION_METHODS
from ..errors import InvalidInput
from ._exact import Int64s

__all__ = [
    "BOOLS", "CODES", "COLUMNS", "DATES", "LOSS_COLUMNS", "MONEY", "PopulationInputError", "Frame", "read_frame",
]

#: Money columns (fen), with whether a negative amount is possible.
MONEY: dict[str, bool] = {
    "profit": True, "adjustments": True, "assets": False,
    "rd_personnel": False, "rd_direct_inputs": False, "rd_depreciation": False, "rd_amortisation": False,
    "rd_design": False, "rd_other": False, "rd_entrusted_domestic": False, "rd_entrusted_overseas": False,
    "rd_intangible_amortisation": False,
    **{f"loss_{k}": False for k in range(1, 11)},
    "equipment_cost": False, "equipment_book_depreciation": False, "equipment_residual": False,
}
LOSS_COLUMNS = tuple(f"loss_{k}" for k in range(1, 11))
RD_FIVE = ("rd_personnel", "rd_direct_inputs", "rd_depreciation", "rd_amortisation", "rd_design")
RD_COLUMNS = (*RD_FIVE, "rd_other", "rd_entrusted_domestic", "rd_entrusted_overseas", "rd_intangible_amortisation")
BOOLS = ("industrial", "restricted", "hnte", "tech_sme", "tase", "ic_machine")
DATES = ("opened", "closed", "equipment_acquired_on", "equipment_in_use")
#: Text columns and the codes each accepts (``industry``: :data:`taxcalc.eit.INDUSTRIES`).
CODES: dict[str, tuple[str, ...]] = {
    "industry": tuple(__import__("taxcalc.eit", fromlist=["INDUSTRIES"]).INDUSTRIES),
    "loss_2020_extension": ("", "hardship", "film"),
    "equipment_kind": ("buildings", "machinery", "tools", "vehicles", "electronics"),
    "equipment_method": DEPRECIATION_METHODS,  # index 0: straight_line
    "equipment_industry": tuple(ACCELERATION_INDUSTRIES),
}
#: The optional columns of an asset's depreciation method other than ``equipment_method`` (a code above).
METHOD_FIELDS = ("equipment_life_months", "equipment_industry", "equipment_main_business_share",
                 "equipment_article_98")
#: The longest life (months) a method may be given (as :class:`taxcalc.eit.Equipment` ``life_months``).
_LIFE_MONTHS_MAX = 1200
REQUIRED = ("profit", "employees", "assets")
#: Every column with a meaning (the others are carried through).
COLUMNS = ("year", *MONEY, *BOOLS, *DATES, *CODES, "main_business_share", "employees", "qualified_from",
           "equipment_life_months", "equipment_main_business_share", "equipment_article_98",
           "equipment_elect_one_time")

_SHARE_SCALE = 10**6
_EMPLOYEE_SCALE = 10**4
_SHOWN = 5  # offending rows named in a message


class PopulationInputError(InvalidInput):
    """A population table that cannot be used: ``field`` is the column, ``rows`` the first offending rows (from 1)."""

    def __init__(self, column: str, reason: str, rows: Sequence[int] = ()) -> None:
        self.rows = tuple(int(r) for r in rows)
        where = ""
        if self.rows:
            shown = ", ".join(str(r) for r in self.rows[:_SHOWN])
            more = f" and {len(self.rows) - _SHOWN} more" if len(self.rows) > _SHOWN else ""
            where = f" (row{'s' if len(self.rows) > 1 else ''} {shown}{more})"
        super().__init__(column, f"{reason}{where}")


def _offending(column: str, reason: str, mask: Any, offset: int) -> PopulationInputError:
    idx = np.flatnonzero(np.asarray(mask))
    rows = [int(i) + 1 + offset for i in idx]
    return PopulationInputError(column, reason, rows)


@dataclass
class Frame:
    """The checked columns of a table as numpy arrays (money in fen), plus the columns carried through."""

    n: int
    year: Int64s
    money: dict[str, Int64s]
    bools: dict[str, np.ndarray]
    industry: np.ndarray  # int16: index in CODES["industry"]
    share_ppm: Int64s  # main_business_share × 10^6
    employees_e4: Int64s  # employees × 10^4
    qualified_from: Int64s  # 0 when none
    dates: dict[str, np.ndarray]  # int day ordinals, 0 when empty
    codes: dict[str, np.ndarray] = field(default_factory=dict)
    extra: pa.Table | None = None
    present: frozenset[str] = frozenset()
    offset: int = 0
    #: The asset's method fields, only when the table has ``equipment_method``: ``life_months`` (0: none),
    #: ``share_ppm`` (the asset's main_business_share × 10^6, −1: none), ``article_98`` (1: true).
    method: dict[str, np.ndarray] = field(default_factory=dict)
    #: The rows whose asset declines the one-time deduction (``equipment_elect_one_time`` false); ``None`` when
    #: no row does (or the table has no such column).
    declined: np.ndarray | None = None

    def accelerated(self) -> np.ndarray | None:
        """Which rows name a depreciation method other than the straight line (``None``: no such column)."""
        codes = self.codes.get("equipment_method")
        return None if codes is None else codes > 0


def _column(table: pa.Table, name: str) -> pa.Array:
    col = table.column(name)
    if isinstance(col, pa.ChunkedArray):
        return col.chunk(0) if col.num_chunks == 1 else col.combine_chunks()
    return col


def _money(arr: pa.Array, name: str, offset: int) -> Int64s:
    t = arr.type
    if pa.types.is_floating(t):
        raise PopulationInputError(name, f"a float column ({t}) is not money: give whole fen (int64) or a "
                                   "decimal column of yuan; convert explicitly if you know the values are exact")
    if pa.types.is_integer(t) and not pa.types.is_boolean(t):
        out = arr.cast(pa.int64())
    elif pa.types.is_decimal(t):
        values = arr.to_pylist()
        fen = [None if v is None else v.scaleb(2) for v in values]
        bad = [i for i, v in enumerate(fen) if v is not None and v != v.to_integral_value()]
        if bad:
            raise PopulationInputError(name, "an amount finer than the fen", [b + 1 + offset for b in bad])
        out = pa.array([None if v is None else int(v) for v in fen], pa.int64())
    elif pa.types.is_null(t):
        out = pa.array([None] * len(arr), pa.int64())
    else:
        raise PopulationInputError(name, f"must be whole fen (an integer column) or decimal yuan (got {t})")
    if out.null_count:
        if name in REQUIRED:
            raise _offending(name, "empty (required)", np.asarray(out.is_null()), offset)
        out = out.fill_null(0)
    return np.asarray(out, dtype=np.int64)


def _exact_scaled(arr: pa.Array, name: str, scale: int, offset: int, default: int | None) -> Int64s:
    """A decimal, integer or text column as an integer of ``1/scale`` units (error if finer)."""
    t = arr.type
    if pa.types.is_floating(t):
        raise PopulationInputError(name, f"a float column ({t}) is not exact: give a decimal or text column "
                                   "(\"0.6\") or integers")
    if pa.types.is_integer(t) and not pa.types.is_boolean(t):
        if arr.null_count and default is None:
            raise _offending(name, "empty (required)", np.asarray(arr.is_null()), offset)
        return np.asarray(arr.cast(pa.int64()).fill_null(0 if default is None else default // scale),
                          dtype=np.int64) * np.int64(scale)
    if not (pa.types.is_decimal(t) or pa.types.is_string(t) or pa.types.is_large_string(t)
            or pa.types.is_dictionary(t) or pa.types.is_null(t)):
        raise PopulationInputError(name, f"must be a decimal, integer or text column (got {t})")
    values = arr.dictionary_decode().to_pylist() if pa.types.is_dictionary(t) else arr.to_pylist()
    cache: dict[object, int] = {}
    out = np.empty(len(values), dtype=np.int64)
    bad: list[int] = []
    for i, v in enumerate(values):
        if v is None or v == "":
            if default is None:
                bad.append(i)
                continue
            out[i] = default
            continue
        got = cache.get(v)
        if got is None:
            text = v.strip().rstrip("%") if isinstance(v, str) else v
            try:
                d = Decimal(text) / (100 if isinstance(v, str) and v.strip().endswith("%") else 1)
            except (InvalidOperation, TypeError):
                bad.append(i)
                continue
            s = d * scale
            if not s.is_finite() or s != s.to_integral_value() or s < 0 or abs(s) >= 2**62:
                bad.append(i)
                continue
            got = cache[v] = int(s)
        out[i] = got
    if bad:
        raise PopulationInputError(name, f"not a number ≥ 0 with at most {len(str(scale)) - 1} decimal places",
                                   [b + 1 + offset for b in bad])
    return out


def _bools(arr: pa.Array, name: str, offset: int) -> np.ndarray:
    t = arr.type
    if pa.types.is_boolean(t):
        values = arr
    elif pa.types.is_integer(t):
        bad = pc.invert(pc.is_in(arr, pa.array([0, 1], arr.type))).fill_null(fill_value=False)
        if pc.any(bad).as_py():
            raise _offending(name, "a flag is true/false (or 1/0)", np.asarray(bad), offset)
        values = arr.cast(pa.bool_())
    elif pa.types.is_null(t):
        return np.zeros(len(arr), dtype=np.int8) - 1
    else:
        raise PopulationInputError(name, f"must be a true/false column (got {t})")
    # -1 empty, 0 false, 1 true
    as_int8 = values.cast(pa.int8())
    out = np.asarray(as_int8.fill_null(-1) if as_int8.null_count else as_int8, dtype=np.int8)
    return out


def _dates(arr: pa.Array, name: str, offset: int) -> np.ndarray:
    t = arr.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        try:
            arr = pc.strptime(arr, format="%Y-%m-%d", unit="s").cast(pa.date32())
        except pa.ArrowInvalid:
            bad = []
            for i, v in enumerate(arr.to_pylist()):
                try:
                    if v:
                        _dt.date.fromisoformat(v)
                except ValueError:
                    bad.append(i)
            raise PopulationInputError(name, "not a date written YYYY-MM-DD", [b + 1 + offset for b in bad]) from None
    elif pa.types.is_timestamp(t):
        arr = arr.cast(pa.date32())
    elif pa.types.is_null(t):
        return np.zeros(len(arr), dtype=np.int64)
    elif not pa.types.is_date(t):
        raise PopulationInputError(name, f"must be a date column (got {t})")
    as_days = arr.cast(pa.date32()).cast(pa.int32())
    # as proleptic ordinals (date.toordinal), 0 when empty
    epoch = _dt.date(1970, 1, 1).toordinal()
    days = np.asarray(as_days.fill_null(0) if as_days.null_count else as_days).astype(np.int64)
    days += epoch
    if as_days.null_count:
        days[_empty(as_days)] = 0
    return days


def _empty(arr: pa.Array) -> np.ndarray:
    """Whether each entry of ``arr`` is empty (null), read from its validity bitmap."""
    bitmap = arr.buffers()[0]
    if not arr.null_count or bitmap is None:
        return np.full(len(arr), pa.types.is_null(arr.type), bool)
    bits = np.unpackbits(np.frombuffer(bitmap, np.uint8), bitorder="little")[arr.offset:arr.offset + len(arr)]
    empty: np.ndarray = bits == 0
    return empty


def _codes(arr: pa.Array, name: str, offset: int) -> np.ndarray:
    """A text column of codes as the index of each code in :data:`CODES` (``-1``: empty)."""
    t = arr.type
    default = "other" if name == "industry" else ("" if name == "loss_2020_extension" else None)
    known = CODES[name]
    if pa.types.is_dictionary(t) and (pa.types.is_string(t.value_type) or pa.types.is_large_string(t.value_type)):
        return _dictionary_codes(arr, name, offset, default)
    if pa.types.is_dictionary(t):
        arr = arr.dictionary_decode()
        t = arr.type
    if not (pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_null(t)):
        raise PopulationInputError(name, f"must be a text column of codes (got {t})")
    if default is None and not pa.types.is_null(t) and arr.null_count * 2 > len(arr):
        return _sparse_codes(arr, name, offset)
    filled = arr.cast(pa.string()).fill_null(default) if default is not None else arr.cast(pa.string())
    index = pc.index_in(filled, value_set=pa.array(known, pa.string()))
    bad = pc.and_(index.is_null(), filled.is_valid())
    if pc.any(bad).as_py():
        idx = np.flatnonzero(np.asarray(bad))
        first = filled[int(idx[0])].as_py()
        raise _offending(name, f"unknown value {first!r}; expected one of: {', '.join(k or repr(k) for k in known)}",
                         np.asarray(bad), offset)
    return np.asarray(index.fill_null(-1), dtype=np.int16)


def _sparse_codes(arr: pa.Array, name: str, offset: int) -> np.ndarray:
    """:func:`_codes` of a mostly empty text column without a default: only the filled entries are looked up."""
    known = CODES[name]
    positions = np.flatnonzero(~_empty(arr))
    filled = arr.drop_null().cast(pa.string())
    index = pc.index_in(filled, value_set=pa.array(known, pa.string()))
    if index.null_count:
        unknown = np.flatnonzero(_empty(index))
        bad = np.zeros(len(arr), bool)
        bad[positions[unknown]] = True
        first = filled[int(unknown[0])].as_py()
        raise _offending(name, f"unknown value {first!r}; expected one of: {', '.join(k or repr(k) for k in known)}",
                         bad, offset)
    out = np.full(len(arr), -1, np.int16)
    out[positions] = np.asarray(index)
    return out


def _dictionary_codes(arr: pa.DictionaryArray, name: str, offset: int, default: str | None) -> np.ndarray:
    """:func:`_codes` of a dictionary-encoded text column: each dictionary entry looked up once, not each row."""
    known = CODES[name]
    empty = -1 if default is None else known.index(default)
    unknown = -2
    dictionary = arr.dictionary.cast(pa.string())
    index = pc.index_in(dictionary, value_set=pa.array(known, pa.string()))
    on_dictionary = np.asarray(index.fill_null(unknown), dtype=np.int16).copy()
    on_dictionary[np.asarray(dictionary.is_null())] = empty
    on_dictionary = np.append(on_dictionary, np.int16(empty))  # the code of an empty row (a null index)
    indices = arr.indices
    at = np.asarray(indices.fill_null(len(dictionary)) if indices.null_count else indices)
    codes: np.ndarray = on_dictionary[at]
    if (on_dictionary == unknown).any():  # an unknown entry: an error if some row uses it
        bad = codes == unknown
        if bad.any():
            first = dictionary[int(at[np.flatnonzero(bad)[0]])].as_py()
            raise _offending(name, f"unknown value {first!r}; expected one of: "
                             f"{', '.join(k or repr(k) for k in known)}", bad, offset)
    return codes


def read_frame(table: pa.Table, *, year: int | None = None, offset: int = 0) -> Frame:
    """Check ``table`` and return its columns as arrays; :class:`PopulationInputError` on the first problem.

    ``offset`` is the number of rows before this table (for row numbers of a partition).
    """
    names = set(table.column_names)
    for name in REQUIRED:
        if name not in names:
            raise PopulationInputError(name, "missing column (required)")
    if "year" not in names and year is None:
        raise PopulationInputError("year", "missing column: give a year column, or the year (--year)")
    n = table.num_rows
    if "year" in names:
        arr = _column(table, "year")
        if not pa.types.is_integer(arr.type):
            raise PopulationInputError("year", f"must be a whole-number column (got {arr.type})")
        if arr.null_count:
            raise _offending("year", "empty (required)", np.asarray(arr.is_null()), offset)
        years = np.asarray(arr.cast(pa.int64()), dtype=np.int64)
        if year is not None and (years != year).any():
            raise _offending("year", f"a row of another year than {year}", years != year, offset)
        if n and (int(years.min()) < 1950 or int(years.max()) > 2200):  # one pass each; the rows only when needed
            raise _offending("year", "not a plausible tax year", (years < 1950) | (years > 2200), offset)
    else:
        assert year is not None
        years = np.full(n, year, dtype=np.int64)
    money: dict[str, Int64s] = {}
    for name, signed in MONEY.items():
        if name in names:
            values = _money(_column(table, name), name, offset)
            if not signed and n and values.min() < 0:
                raise _offending(name, "must not be negative", values < 0, offset)
            money[name] = values
    bools = {name: _bools(_column(table, name), name, offset) for name in BOOLS if name in names}
    dates = {name: _dates(_column(table, name), name, offset) for name in DATES if name in names}
    codes = {name: _codes(_column(table, name), name, offset) for name in CODES if name in names}
    industry = codes.pop("industry") if "industry" in codes else np.full(n, CODES["industry"].index("other"),
                                                                           np.int16)
    share = (_exact_scaled(_column(table, "main_business_share"), "main_business_share", _SHARE_SCALE, offset,
                           _SHARE_SCALE) if "main_business_share" in names else np.full(n, _SHARE_SCALE, np.int64))
    if n and share.max() > _SHARE_SCALE:
        raise _offending("main_business_share", "a share is at most 1", share > _SHARE_SCALE, offset)
    employees = _exact_scaled(_column(table, "employees"), "employees", _EMPLOYEE_SCALE, offset, None)
    qualified = np.zeros(n, dtype=np.int64)
    if "qualified_from" in names:
        arr = _column(table, "qualified_from")
        if not (pa.types.is_integer(arr.type) or pa.types.is_null(arr.type)):
            raise PopulationInputError("qualified_from", f"must be a year (a whole-number column; got {arr.type})")
        qualified = np.asarray(arr.cast(pa.int64()).fill_null(0), dtype=np.int64)
        if n and qualified.any():
            wrong = (qualified != 0) & ((qualified >= years) | (qualified < 1950))
            if wrong.any():
                raise _offending("qualified_from", "must be a year before the tax year", wrong, offset)
    if "equipment_cost" in money:
        has = money["equipment_cost"] > 0
        for need in ("equipment_kind", "equipment_acquired_on", "equipment_in_use"):
            missing = has if need not in names else has & (
                (dates[need] == 0) if need in dates else codes[need] < 0)
            if np.any(missing):
                raise _offending(need, "needed for the asset of equipment_cost", missing, offset)
        residual = money.get("equipment_residual")
        if residual is not None and (residual > money["equipment_cost"]).any():
            raise _offending("equipment_residual", "more than equipment_cost", residual > money["equipment_cost"],
                             offset)
    method = _method_fields(table, names, n, codes, money, offset)
    declined = _declined(table, names, money, offset)
    for a, b in (("opened", "closed"),):
        if a in dates and b in dates:
            wrong = (dates[a] > 0) & (dates[b] > 0) & (dates[b] < dates[a])
            if wrong.any():
                raise _offending(b, "before the opening day", wrong, offset)
    extra_names = [c for c in table.column_names if c not in COLUMNS]
    extra = table.select(extra_names) if extra_names else None
    return Frame(n, years, money, bools, industry, share, employees, qualified, dates, codes, extra,
                 frozenset(names), offset, method, declined)


def _declined(table: pa.Table, names: set[str], money: dict[str, Int64s], offset: int) -> np.ndarray | None:
    """The rows whose asset declines the one-time deduction (``equipment_elect_one_time`` false; empty: true).

    ``None``, and nothing more read, when the table has no such column or no row declines.
    """
    if "equipment_elect_one_time" not in names:
        return None
    declined: np.ndarray = _bools(_column(table, "equipment_elect_one_time"), "equipment_elect_one_time",
                                  offset) == 0
    if not declined.any():
        return None
    cost = money.get("equipment_cost")
    no_asset = declined if cost is None else declined & (cost <= 0)
    if no_asset.any():
        raise _offending("equipment_elect_one_time", "false (the one-time deduction declined) without an asset "
                         "(equipment_cost empty or 0)", no_asset, offset)
    return declined


_ONLY_WITH_A_METHOD = ("only with a method other than straight_line (equipment_method shortened, double_declining "
                       "or sum_of_years): the straight line is over the 第六十条 minimum life")


def _method_fields(table: pa.Table, names: set[str], n: int, codes: dict[str, np.ndarray],
                   money: dict[str, Int64s], offset: int) -> dict[str, np.ndarray]:
    """The asset's method columns, checked on their own (the law is read when the row is computed).

    Nothing is read, and an empty dictionary returned, when the table has none of them.
    """
    if "equipment_method" not in names and not names.intersection(METHOD_FIELDS):
        return {}
    method = codes.get("equipment_method")
    if method is None:  # the other columns without a method: each non-empty value is refused below
        method = codes["equipment_method"] = np.full(n, -1, np.int16)
    accelerated = method > 0
    cost = money.get("equipment_cost")
    no_asset = accelerated if cost is None else accelerated & (cost <= 0)
    if no_asset.any():
        raise _offending("equipment_method", "a method other than straight_line without an asset (equipment_cost "
                         "empty or 0)", no_asset, offset)
    life = np.zeros(n, np.int64)
    if "equipment_life_months" in names:
        arr = _column(table, "equipment_life_months")
        if not (pa.types.is_integer(arr.type) or pa.types.is_null(arr.type)):
            raise PopulationInputError("equipment_life_months",
                                       f"must be a whole number of months (an integer column; got {arr.type})")
        life = np.asarray(arr.cast(pa.int64()).fill_null(0), dtype=np.int64)
        given = ~_empty(arr)
        wrong = given & ((life < 1) | (life > _LIFE_MONTHS_MAX))
        if wrong.any():
            raise _offending("equipment_life_months", f"a life is 1 to {_LIFE_MONTHS_MAX} months", wrong, offset)
        if (given & ~accelerated).any():
            raise _offending("equipment_life_months", _ONLY_WITH_A_METHOD, given & ~accelerated, offset)
        whole_years = (method == CODES["equipment_method"].index("double_declining")) | \
            (method == CODES["equipment_method"].index("sum_of_years"))
        if (whole_years & (life % 12 != 0)).any():
            raise _offending("equipment_life_months", "not a whole number of years, which double_declining and "
                             "sum_of_years need", whole_years & (life % 12 != 0), offset)
    industry = codes.get("equipment_industry")
    if industry is not None and ((industry >= 0) & ~accelerated).any():
        raise _offending("equipment_industry", _ONLY_WITH_A_METHOD, (industry >= 0) & ~accelerated, offset)
    share = np.full(n, -1, np.int64)
    if "equipment_main_business_share" in names:
        share = _exact_scaled(_column(table, "equipment_main_business_share"), "equipment_main_business_share",
                              _SHARE_SCALE, offset, -_SHARE_SCALE)
        share[share < 0] = -1
        if share.max(initial=0) > _SHARE_SCALE:
            raise _offending("equipment_main_business_share", "a share is at most 1", share > _SHARE_SCALE, offset)
        if ((share >= 0) & ~accelerated).any():
            raise _offending("equipment_main_business_share", _ONLY_WITH_A_METHOD, (share >= 0) & ~accelerated,
                             offset)
    article_98 = np.zeros(n, np.int8)
    if "equipment_article_98" in names:
        article_98 = _bools(_column(table, "equipment_article_98"), "equipment_article_98", offset)
        if ((article_98 == 1) & ~accelerated).any():
            raise _offending("equipment_article_98", _ONLY_WITH_A_METHOD, (article_98 == 1) & ~accelerated, offset)
    return {"life_months": life, "share_ppm": share, "article_98": article_98}


def fen_to_yuan(v: int) -> Decimal:
    """Whole fen as exact yuan."""
    return Decimal(int(v)).scaleb(-2)


def row_mapping(f: Frame, i: int) -> dict[str, object]:
    """Row ``i`` of ``f`` as the table :meth:`taxcalc.eit.EnterpriseYear.from_mapping` reads (the scalar path)."""
    y = int(f.year[i])
    m = f.money

    def get(name: str) -> int:
        col = m.get(name)
        return 0 if col is None else int(col[i])

    data: dict[str, object] = {
        "year": y, "profit": fen_to_yuan(get("profit")), "adjustments": fen_to_yuan(get("adjustments")),
        "industry": CODES["industry"][int(f.industry[i])],
        "main_business_share": Decimal(int(f.share_ppm[i])).scaleb(-6),
        "employees": Decimal(int(f.employees_e4[i])).scaleb(-4),
        "assets": fen_to_yuan(get("assets")),
    }
    b = f.bools
    if "industrial" in b and b["industrial"][i] >= 0:
        data["industrial"] = bool(b["industrial"][i] == 1)
    for name in ("restricted", "ic_machine"):
        if name in b and b[name][i] == 1:
            data[name] = True
    if "hnte" in b and b["hnte"][i] == 1:
        data["hnte_years"] = [y]
    if "tase" in b and b["tase"][i] == 1:
        data["tase_years"] = [y]
    sme = list(range(int(f.qualified_from[i]), y)) if f.qualified_from[i] else []
    if "tech_sme" in b and b["tech_sme"][i] == 1:
        sme.append(y)
    if sme:
        data["tech_sme_years"] = sme
    for name in ("opened", "closed"):
        if name in f.dates and f.dates[name][i]:
            data[name] = _dt.date.fromordinal(int(f.dates[name][i]))
    if any(get(c) for c in RD_COLUMNS[:-1]):
        project: dict[str, object] = {"name": "R&D"}
        for c in RD_COLUMNS[:-1]:
            if get(c):
                project[c.removeprefix("rd_")] = fen_to_yuan(get(c))
        rd: dict[str, object] = {"projects": [project]}
    else:
        rd = {}
    if get("rd_intangible_amortisation"):
        a = fen_to_yuan(get("rd_intangible_amortisation"))
        rd["intangibles"] = [{"name": "R&D intangibles", "cost": a, "amortisation": a}]
    if rd:
        data["rd"] = rd
    ext = f.codes.get("loss_2020_extension")
    losses = []
    for k, name in enumerate(LOSS_COLUMNS, start=1):
        if get(name):
            loss: dict[str, object] = {"year": y - k, "amount": fen_to_yuan(get(name))}
            if ext is not None and y - k == 2020 and ext[i] > 0:
                loss["extension"] = CODES["loss_2020_extension"][int(ext[i])]
            losses.append(loss)
    if losses:
        data["losses"] = losses
    if get("equipment_cost"):
        asset: dict[str, object] = {
            "name": "asset", "cost": fen_to_yuan(get("equipment_cost")), "kind": CODES["equipment_kind"][int(f.codes["equipment_kind"][i])],
            "acquired_on": _dt.date.fromordinal(int(f.dates["equipment_acquired_on"][i])),
            "in_use": _dt.date.fromordinal(int(f.dates["equipment_in_use"][i])),
            "book_depreciation": fen_to_yuan(get("equipment_book_depreciation")),
            "residual": fen_to_yuan(get("equipment_residual")),
        }
        if f.method and f.codes["equipment_method"][i] > 0:
            asset.update(_method_mapping(f, i))
        if f.declined is not None and f.declined[i]:
            asset["elect_one_time"] = False
        data["equipment"] = [asset]
    return data


def _method_mapping(f: Frame, i: int) -> dict[str, object]:
    """The method fields of the asset of row ``i`` (a method other than the straight line)."""
    out: dict[str, object] = {"method": CODES["equipment_method"][int(f.codes["equipment_method"][i])]}
    if f.method["life_months"][i] > 0:
        out["life_months"] = int(f.method["life_months"][i])
    industry = f.codes.get("equipment_industry")
    if industry is not None and industry[i] >= 0:
        out["industry"] = CODES["equipment_industry"][int(industry[i])]
    if f.method["share_ppm"][i] >= 0:
        out["main_business_share"] = Decimal(int(f.method["share_ppm"][i])).scaleb(-6)
    if f.method["article_98"][i] == 1:
        out["article_98"] = True
    return out


def facts_of(f: Frame, i: int) -> EnterpriseYear:
    """Row ``i`` as :class:`~taxcalc.eit.EnterpriseYear`; an error names the column and the row."""
    try:
        return EnterpriseYear.from_mapping(row_mapping(f, i))
    except InvalidInput as exc:
        raise PopulationInputError(_column_of(exc.field), exc.reason, [i + 1 + f.offset]) from None


def _column_of(path: str) -> str:
    """The column behind a field path of the record (``rd.projects[0].other`` → ``rd_other``)."""
    head = path.split(".")[0].split("[")[0]
    last = path.split(".")[-1]
    if head == "rd":
        return "rd_intangible_amortisation" if "intangibles" in path else f"rd_{last}"
    if head == "equipment":
        return f"equipment_{last}"
    if head == "losses":
        return "loss_1..loss_10"
    if head in ("hnte_years",):
        return "hnte"
    if head in ("tech_sme_years",):
        return "tech_sme"
    if head == "quarters":
        return "employees"
    return head


def present(names: Iterable[str]) -> frozenset[str]:
    """The meaningful columns among ``names``."""
    return frozenset(n for n in names if n in COLUMNS)
