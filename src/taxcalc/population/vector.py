"""The annual income tax of many enterprise-years at once, in integer fen.

The same computation as :func:`taxcalc.eit.annual`, line by line, on arrays:
the asset's tax deduction (:mod:`taxcalc.population.equipment`), the R&D
super-deduction, income before losses, losses brought forward (oldest
first, within their windows), the rate regimes and the small low-profit relief,
the lowest tax.  Every law value is read from the :class:`~taxcalc.law.Law`
given, by the keys the scalar rules read, for the tax year (kept with the law by
:meth:`~taxcalc.law.Law.memo`); nothing of the law is written here.

What this path does not take is sent to the scalar path by
:func:`scalar_rows`: a row of a year in which the small low-profit law changes
inside the year (2015), a row with R&D in a year whose ratio changes inside it
(2022), a part-year row (``opened`` / ``closed``), a row whose amounts could overflow
int64 in an intermediate product, and a row for which a law value its
features need is outside the data (the scalar path then gives the error).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import NamedTuple

import numpy as np

from .. import eit
from ..calendar import month_end, year_end
from ..errors import OutsideCoverage
from ..law import Law
from ._exact import Int64s, fraction, mul_round
from .columns import CODES, LOSS_COLUMNS, MONEY, RD_COLUMNS, RD_FIVE, Frame
from .equipment import AssetYear, asset_year

__all__ = ["Annual", "Rows", "YearLaw", "annual_vector", "scalar_rows", "tax_vector", "year_law"]

_MONTHS = tuple(range(1, 13))
_KINDS = ("general", "tech_sme", "manufacturer", "ic_machine")


class SmallProfitLaw(NamedTuple):
    rate: Fraction
    cap: int  # fen
    employees_industrial: int
    employees_other: int
    assets_industrial: int  # fen
    assets_other: int  # fen
    limit: int  # fen
    ratio1: Fraction
    ratio2: Fraction
    progressive: bool


@dataclass(frozen=True)
class YearLaw:
    """The law values of one tax year that the vector path needs (``None``: not available; see :func:`scalar_rows`)."""

    year: int
    standard: Fraction
    hnte: Fraction | None  # the 15% rate when in force
    tase: Fraction | None
    small_profit: SmallProfitLaw | None  # None: not in force in any month
    small_profit_varies: bool  # the law changes inside the year: scalar path
    rd_on: bool
    rd_excluded: frozenset[str]
    rd_excluded_share: Fraction | None
    rd_ratio: dict[tuple[bool, bool, bool], Fraction | None]  # by (tech_sme, manufacturer, ic_machine)
    rd_manufacturer_share: Fraction | None  # None: the manufacturer ratio does not matter this year
    rd_other_factor: Fraction | None
    rd_entrusted: Fraction | None
    rd_overseas: Fraction | None
    rd_overseas_cap: Fraction | None
    loss_years: dict[tuple[int, str], int | None]  # (origin, extension) → years
    loss_qualified: dict[int, tuple[int | None, int | None]]  # Q → (years, lookback), None outside the data
    keys: dict[str, tuple[object, ...]] = field(default_factory=dict, compare=False, repr=False)  # see _key_of


def _v(law: Law, key: str, day: _dt.date) -> object:
    return law.value(key, day).value


def _maybe(law: Law, key: str, day: _dt.date) -> object | None:
    try:
        return law.value(key, day).value
    except OutsideCoverage:
        return None


def _small_profit_month(law: Law, day: _dt.date) -> SmallProfitLaw | None:
    if not _v(law, "eit.small_profit.in_force", day):
        return None

    def fen(key: str) -> int:
        v = _v(law, key, day)
        assert isinstance(v, Decimal)
        return int(v * 100)

    def count(key: str) -> int:
        v = _v(law, key, day)
        assert isinstance(v, int)
        return v

    rate = fraction(_v(law, "eit.small_profit.rate", day))
    limit = fen("eit.small_profit.band1.limit")
    return SmallProfitLaw(rate, fen("eit.small_profit.income_cap"), count("eit.small_profit.employees_cap.industrial"),
                          count("eit.small_profit.employees_cap.other"), fen("eit.small_profit.assets_cap.industrial"),
                          fen("eit.small_profit.assets_cap.other"), limit,
                          fraction(_v(law, "eit.small_profit.band1.ratio", day)),
                          fraction(_v(law, "eit.small_profit.band2.ratio", day)),
                          bool(_v(law, "eit.small_profit.progressive", day)))


#: A rate the data does not cover in the year: the rows that would need it take the scalar path.
_UNREAD = Fraction(-1)


def _special_rate(law: Law, name: str, day: _dt.date) -> Fraction | None:
    """The 15% rate of ``name`` (``hnte``, ``tase``) when in force; ``None`` when not; :data:`_UNREAD` outside the data."""
    try:
        if not _v(law, f"eit.{name}.in_force", day):
            return None
        return fraction(_v(law, f"eit.rate.{name}", day))
    except OutsideCoverage:
        return _UNREAD


def _rd_best(law: Law, kinds: tuple[str, ...], day: _dt.date) -> Fraction:
    """The best ratio among ``kinds`` on ``day``: the general one, or a kind's own where it has one."""
    best = fraction(_v(law, "eit.rd.ratio.general", day))
    for k in kinds:
        if k == "general":
            continue
        own = _maybe(law, f"eit.rd.ratio.{k}", day)
        if own is not None and fraction(own) >= best:
            best = fraction(own)
    return best


def _read_year(law: Law, y: int) -> YearLaw:
    """The values of tax year ``y`` (kept by :meth:`Law.memo`); a year outside the data raises ``OutsideCoverage``."""
    day = year_end(y)
    standard = fraction(_v(law, "eit.rate.standard", day))
    hnte, tase = _special_rate(law, "hnte", day), _special_rate(law, "tase", day)
    _small_profit_month(law, day)  # a year outside the data is reported on its last day, as the scalar rule does
    months = [(_small_profit_month(law, month_end(y, m)), fraction(_v(law, "eit.rate.standard", month_end(y, m))))
              for m in _MONTHS]
    varies = any(m != months[0] for m in months)
    sp = None if all(m[0] is None for m in months) else months[-1][0]
    rd_on = bool(_v(law, "eit.rd.in_force", day))
    excluded = _v(law, "eit.rd.excluded_industries", day)
    assert isinstance(excluded, tuple | list | frozenset)
    excluded_share = _maybe(law, "eit.rd.excluded_share", day)
    ratios: dict[tuple[bool, bool, bool], Fraction | None] = {}
    for t in (False, True):
        for m in (False, True):
            for i in (False, True):
                ks = tuple(k for k, on in zip(_KINDS, (True, t, m, i), strict=True) if on)
                by_month = {_rd_best(law, ks, month_end(y, mo)) for mo in _MONTHS}
                ratios[t, m, i] = by_month.pop() if len(by_month) == 1 else None
    matters = any(_rd_best(law, ("general", "manufacturer"), month_end(y, mo)) > _rd_best(law, ("general",),
                                                                                         month_end(y, mo))
                  for mo in _MONTHS)
    manufacturer_share = fraction(_v(law, "eit.rd.manufacturer_share", day)) if matters else None
    share = _maybe(law, "eit.rd.other_expenses.cap_share", day)
    factor = None if share is None else fraction(share) / (1 - fraction(share))
    entrusted = _maybe(law, "eit.rd.entrusted.share", day)
    overseas = _maybe(law, "eit.rd.entrusted_overseas.share", day)
    overseas_cap = _maybe(law, "eit.rd.entrusted_overseas.cap", day)
    keys = {"": "eit.losses.years.general", "hardship": "eit.losses.years.hardship", "film": "eit.losses.years.film"}
    loss_years: dict[tuple[int, str], int | None] = {}
    for origin in range(y - len(LOSS_COLUMNS), y + 1):
        for ext, key in keys.items():
            v = _maybe(law, key, year_end(origin)) if origin >= 1950 else None
            loss_years[origin, ext] = v if isinstance(v, int) else None
    qualified: dict[int, tuple[int | None, int | None]] = {}
    for q in range(y - len(LOSS_COLUMNS), y + 1):
        m_ = _maybe(law, "eit.losses.years.qualified", year_end(q)) if q >= 1950 else None
        b_ = _maybe(law, "eit.losses.qualified_lookback", year_end(q)) if q >= 1950 else None
        qualified[q] = (m_ if isinstance(m_, int) else None, b_ if isinstance(b_, int) else None)
    return YearLaw(
        y, standard, hnte, tase, sp, varies, rd_on, frozenset(excluded),
        None if excluded_share is None else fraction(excluded_share), ratios, manufacturer_share, factor,
        None if entrusted is None else fraction(entrusted), None if overseas is None else fraction(overseas),
        None if overseas_cap is None else fraction(overseas_cap), loss_years, qualified)


def year_law(law: Law, y: int) -> YearLaw:
    """The values of tax year ``y`` under ``law`` (read once per law)."""
    return law.memo(_read_year, y)


def _industry_sets() -> tuple[frozenset[str], frozenset[str]]:
    """The industries that are 工业企业 by default, and those whose main business is manufacturing.

    Both are taken from the public rules themselves, not restated: the default of
    :attr:`EnterpriseYear.industrial`, and the industries
    :func:`taxcalc.eit.rd_super_deduction` tests for manufacturer status.
    """
    industrial = frozenset(code for code in eit.INDUSTRIES
                           if eit.EnterpriseYear.from_mapping({"year": 2018, "profit": 0, "industry": code}).industrial)
    probe = eit.RdFacts(projects=(eit.RdProject("probe", personnel="1"),))
    manufacturing = frozenset(code for code in eit.INDUSTRIES
                              if "manufacturer" in eit.rd_super_deduction(probe, 2021, industry=code).kinds)
    return industrial, manufacturing


_SETS: list[tuple[frozenset[str], frozenset[str]]] = []


def industry_sets() -> tuple[frozenset[str], frozenset[str]]:
    """:func:`_industry_sets`, worked out once."""
    if not _SETS:
        _SETS.append(_industry_sets())
    return _SETS[0]


class Annual(NamedTuple):
    """The lines of the annual computation for the rows of the vector path (fen)."""

    rd_extra: Int64s
    equipment_adjustment: Int64s
    equipment_extra: Int64s
    income_before_losses: Int64s
    losses_used: Int64s
    taxable_income: Int64s
    regime: np.ndarray  # int8 index into taxcalc.eit.REGIMES
    standard_tax: Int64s
    tax: Int64s
    new_loss: Int64s


def _lookup(codes: frozenset[str] | tuple[str, ...]) -> np.ndarray:
    """A table: for each industry index, whether its code is in ``codes``."""
    table = np.zeros(len(CODES["industry"]), bool)
    for i, code in enumerate(CODES["industry"]):
        table[i] = code in codes
    return table


class _Sliced(Mapping[str, np.ndarray]):
    """The columns of a subset of rows, each taken when first asked for."""

    def __init__(self, source: Mapping[str, np.ndarray], idx: np.ndarray) -> None:
        self._source, self._idx = source, idx
        self._taken: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        got = self._taken.get(name)
        if got is None:
            got = self._taken[name] = self._source[name][self._idx]
        return got

    def __contains__(self, name: object) -> bool:
        return name in self._source

    def __iter__(self) -> Iterator[str]:
        return iter(self._source)

    def __len__(self) -> int:
        return len(self._source)


class Rows:
    """The columns of some rows of a frame, taken once (every array has one entry per row).

    What is worked out for these rows under some law values (the R&D deduction,
    the assets, the income lines, the standard tax) is kept in :meth:`cached`,
    by the law values it depends on; a subset (:meth:`subset`) takes its share
    of it when first asked, so nothing a policy cannot change is computed again.
    """

    def __init__(self, f: Frame, rows: np.ndarray) -> None:
        self.n = len(rows)
        self.year = int(f.year[rows[0]]) if len(rows) else 0
        whole = len(rows) == f.n

        def take(a: np.ndarray) -> np.ndarray:
            return a if whole else a[rows]

        zeros = np.zeros(self.n, np.int64)
        zeros.flags.writeable = False  # shared by the lines that are 0 for every row
        self.zeros = zeros
        self.money: Mapping[str, Int64s] = {name: take(col) for name, col in f.money.items()
                                            if not name.startswith("equipment")}
        self.flags: Mapping[str, np.ndarray] = {name: take(col) == 1 for name, col in f.bools.items()
                                                if name != "industrial"}
        industrial_codes, manufacturing_codes = industry_sets()
        self.industry = take(f.industry)
        ind = _lookup(industrial_codes)[self.industry]
        if "industrial" in f.bools:
            given = take(f.bools["industrial"])
            ind = np.where(given >= 0, given == 1, ind)
        self.industrial = ind
        self.manufacturing = _lookup(manufacturing_codes)[self.industry]
        self.share_ppm = take(f.share_ppm)
        self.employees_e4 = take(f.employees_e4)
        self.qualified_from = take(f.qualified_from)
        ext = f.codes.get("loss_2020_extension")
        self.extension = None if ext is None else take(ext)
        # the amounts are checked ≥ 0, so a row has some when the bitwise or of its amounts is not 0
        self.has_rd = _any_positive([self.money[c] for c in RD_COLUMNS if c in self.money], self.n)
        self._losses: list[tuple[int, Int64s]] | None = [
            (k, self.money[c]) for k, c in enumerate(LOSS_COLUMNS, start=1) if c in self.money and self.money[c].any()]
        self._parent: tuple[Rows, np.ndarray, np.ndarray | None] | None = None
        self.has_loss = _any_positive([a for _, a in self._losses], self.n)
        self.part_year = np.zeros(self.n, bool)
        for name in ("opened", "closed"):
            if name in f.dates:
                self.part_year |= take(f.dates[name]) > 0
        self.equipment = np.zeros(self.n, bool)
        if "equipment_cost" in f.money:
            self.equipment = take(f.money["equipment_cost"]) > 0
        self.assets: dict[str, np.ndarray] = {}
        if self.equipment.any():
            idx = np.flatnonzero(self.equipment)
            src = rows[idx]
            self.assets = {
                "cost": f.money["equipment_cost"][src], "kind": f.codes["equipment_kind"][src],
                "acquired": f.dates["equipment_acquired_on"][src], "in_use": f.dates["equipment_in_use"][src],
                "book": f.money["equipment_book_depreciation"][src] if "equipment_book_depreciation" in f.money
                else np.zeros(len(idx), np.int64),
                "residual": f.money["equipment_residual"][src] if "equipment_residual" in f.money
                else np.zeros(len(idx), np.int64),
            }
            if f.declined is not None:  # the assets whose one-time deduction is declined
                self.assets["declined"] = f.declined[src]
        self.cache: dict[object, object] = {}

    @property
    def losses(self) -> list[tuple[int, Int64s]]:
        """The losses brought forward, by how many years back they arose (only those some row has)."""
        if self._losses is None:
            assert self._parent is not None
            parent, idx, _ = self._parent
            self._losses = [(k, a[idx]) for k, a in parent.losses if a[idx].any()]
        return self._losses

    def col(self, name: str) -> Int64s:
        got: Int64s = self.money.get(name, self.zeros)
        return got

    def flag(self, name: str) -> np.ndarray:
        got = self.flags.get(name)
        return np.zeros(self.n, bool) if got is None else got

    def where(self, name: str) -> np.ndarray:
        """The positions of the rows with ``name`` (kept): a flag, ``rd``, ``loss``, ``equipment``,
        ``may_qualify`` (a loss and a qualification, now or before), ``loss_2020_special`` (those, and a loss
        with a mark of 2020)."""
        key = ("where", name)
        got = self.cache.get(key)
        if got is None:
            may_qualify = name in ("may_qualify", "loss_2020_special")
            if may_qualify:  # a loss brought forward, and a qualification this year or before
                mask = self.has_loss & (self.flag("hnte") | self.flag("tech_sme") | (self.qualified_from > 0))
                if name == "loss_2020_special" and self.extension is not None:  # or a mark of the 2020 loss
                    mask |= self.has_loss & (self.extension > 0)
            else:
                mask = {"rd": self.has_rd, "loss": self.has_loss, "equipment": self.equipment}.get(name,
                                                                                                 self.flag(name))
            got = self.cache[key] = np.flatnonzero(mask)
        assert isinstance(got, np.ndarray)
        return got

    def cached(self, key: object) -> object | None:
        """What is kept under ``key`` for these rows, taken from the rows they are a subset of when not here."""
        got = self.cache.get(key)
        if got is None and self._parent is not None:
            parent, idx, chosen = self._parent

            def take(a: np.ndarray) -> np.ndarray:
                return self.zeros if a is parent.zeros else a[idx]

            whole = parent.cached(key)
            if isinstance(whole, AssetYear):
                if chosen is not None:
                    got = AssetYear(whole.adjustment[chosen], whole.extra[chosen], whole.unavailable[chosen])
            elif isinstance(whole, _Income):
                got = _Income(*(take(a) for a in whole))
            elif isinstance(whole, np.ndarray):
                got = take(whole)
            if got is not None:
                self.cache[key] = got
        return got

    def subset(self, mask: np.ndarray) -> Rows:
        """These rows where ``mask`` holds."""
        out = object.__new__(Rows)
        idx = np.flatnonzero(mask)
        out.n, out.year, out.zeros = len(idx), self.year, np.zeros(len(idx), np.int64)
        out.zeros.flags.writeable = False
        out.money = _Sliced(self.money, idx)
        out.flags = _Sliced(self.flags, idx)
        out.industry, out.industrial, out.manufacturing = self.industry[idx], self.industrial[idx], \
            self.manufacturing[idx]
        out.share_ppm, out.employees_e4, out.qualified_from = self.share_ppm[idx], self.employees_e4[idx], \
            self.qualified_from[idx]
        out.extension = None if self.extension is None else self.extension[idx]
        out.has_rd, out.has_loss = self.has_rd[idx], self.has_loss[idx]
        out._losses = None
        out.equipment = self.equipment[idx]
        out.part_year = self.part_year[idx]
        chosen = None
        out.assets = {}
        if self.assets and out.equipment.any():
            position = np.cumsum(self.equipment) - 1  # the index of each row's asset among the assets
            chosen = position[idx][out.equipment]
            out.assets = {k: a[chosen] for k, a in self.assets.items()}
        out._parent = (self, idx, chosen)
        out.cache = {}
        return out

    def asset_year(self, law: Law, values: Law | None = None) -> AssetYear | None:
        """The assets of these rows in their year under ``law`` (``None`` when no row has one).

        ``values`` is the law to read the values other than the two switches
        (``eit.equipment.*.in_force``) from, when ``law`` differs from it in the
        switches only (a policy turned off): they are then read once.
        """
        if not self.assets:
            return None
        key = ("equipment", law.digest, (law if values is None else values).digest)
        got = self.cached(key)
        if got is None:
            a = self.assets
            memo = self.cache.setdefault("asset memo", {})
            assert isinstance(memo, dict)
            got = self.cache[key] = asset_year(law, self.year, a["cost"], a["kind"], a["acquired"], a["in_use"],
                                               a["book"], a["residual"], self.flag("hnte")[self.equipment],
                                               values=values, memo=memo, declined=a.get("declined"))
        assert isinstance(got, AssetYear)
        return got


def _any_positive(columns: list[Int64s], n: int) -> np.ndarray:
    """Whether some of ``columns`` (amounts checked ≥ 0) is not 0 in each row."""
    if not columns:
        return np.zeros(n, bool)
    acc = columns[0].copy()
    for a in columns[1:]:
        acc |= a
    out: np.ndarray = acc != 0
    return out


def _ge_share(share_ppm: Int64s, f: Fraction) -> np.ndarray:
    return share_ppm * f.denominator >= f.numerator * 10**6


def _gt_share(share_ppm: Int64s, f: Fraction) -> np.ndarray:
    return share_ppm * f.denominator > f.numerator * 10**6


def _key_of(yl: YearLaw, which: str) -> tuple[object, ...]:
    """:func:`_rd_key` or :func:`_loss_key` of ``yl``, worked out once (they are built and hashed often)."""
    got = yl.keys.get(which)
    if got is None:
        got = yl.keys[which] = _rd_key(yl) if which == "rd" else _loss_key(yl)
    return got


def _rd_key(yl: YearLaw) -> tuple[object, ...]:
    return (yl.rd_on, yl.rd_excluded, yl.rd_excluded_share, tuple(sorted(yl.rd_ratio.items())),
            yl.rd_manufacturer_share, yl.rd_other_factor, yl.rd_entrusted, yl.rd_overseas, yl.rd_overseas_cap)


def _rd_extra(v: Rows, yl: YearLaw) -> Int64s:
    """The R&D super-deduction of each row (A107012), as :func:`taxcalc.eit.rd_super_deduction`."""
    key = ("rd", _key_of(yl, "rd"))
    got = v.cached(key)
    if got is None:
        got = v.cache[key] = _rd_compute(v, yl) if v.has_rd.any() and yl.rd_on else v.zeros
    assert isinstance(got, np.ndarray)
    return got


def _rd_compute(v: Rows, yl: YearLaw) -> Int64s:
    out = np.zeros(v.n, np.int64)
    if not v.has_rd.any() or not yl.rd_on:
        return out
    sel = np.flatnonzero(v.has_rd)
    share = v.share_ppm[sel]
    excluded = np.zeros(len(sel), bool)
    if yl.rd_excluded:
        in_list = _lookup(yl.rd_excluded)[v.industry[sel]]
        if in_list.any():
            assert yl.rd_excluded_share is not None
            excluded = in_list & _gt_share(share, yl.rd_excluded_share)
    manufacturer = np.zeros(len(sel), bool)
    if yl.rd_manufacturer_share is not None:
        manufacturer = v.manufacturing[sel] & _ge_share(share, yl.rd_manufacturer_share)
    tech, ic = v.flag("tech_sme")[sel], v.flag("ic_machine")[sel]
    five = np.zeros(len(sel), np.int64)
    for c in RD_FIVE:
        five += v.col(c)[sel]
    other = v.col("rd_other")[sel]
    own = five.copy()
    if other.any():
        assert yl.rd_other_factor is not None
        own += np.minimum(other, mul_round(five, yl.rd_other_factor))
    dom_paid = v.col("rd_entrusted_domestic")[sel]
    ovs_paid = v.col("rd_entrusted_overseas")[sel]
    ds = yl.rd_entrusted if dom_paid.any() else Fraction(0)
    os_ = yl.rd_overseas if ovs_paid.any() else Fraction(0)
    assert ds is not None and os_ is not None
    scale = lcm(ds.denominator, os_.denominator)
    domestic = own * scale + dom_paid * (ds.numerator * (scale // ds.denominator))
    base = domestic.copy()
    if os_:
        assert yl.rd_overseas_cap is not None
        counted = ovs_paid * (os_.numerator * (scale // os_.denominator))
        cap_f = yl.rd_overseas_cap
        within = counted * cap_f.denominator <= domestic * cap_f.numerator
        capped = mul_round(domestic, cap_f / scale) * scale
        base += np.where(within, counted, capped)
    amort = v.col("rd_intangible_amortisation")[sel]
    extra = np.zeros(len(sel), np.int64)
    for (t, m, i), ratio in yl.rd_ratio.items():
        kind = (tech == t) & (manufacturer == m) & (ic == i) & ~excluded
        if not kind.any():
            continue
        assert ratio is not None
        k = np.flatnonzero(kind)
        extra[k] = mul_round(base[k], ratio / scale) + mul_round(amort[k], ratio)
    out[sel] = extra
    return out


def _loss_key(yl: YearLaw) -> tuple[object, ...]:
    return (tuple(sorted(yl.loss_years.items())), tuple(sorted(yl.loss_qualified.items())))


def _losses_available(v: Rows, yl: YearLaw) -> Int64s:
    """The losses brought forward of each row still within their windows in the tax year (kept per law values).

    Used oldest first against the income, each within its window, they are
    used up to the income: what is used in all is the smaller of the income
    and this sum, whatever the order.  The longer window of a qualification
    (high-tech / technology-based SME) is looked for only in the rows that
    have one (this year, or a run from ``qualified_from``).
    """
    key = ("losses available", _key_of(yl, "losses"))
    got = v.cached(key)
    if isinstance(got, np.ndarray):
        return got
    if not v.losses:
        v.cache[key] = v.zeros
        return v.zeros
    y = yl.year
    total = np.zeros(v.n, np.int64)
    # the rows whose window may not be the general one: a loss of 2020 with its mark, a qualification
    may_qualify = v.where("may_qualify")
    this_year_all = v.flag("hnte") | v.flag("tech_sme") if len(may_qualify) else None
    hardship, film = CODES["loss_2020_extension"].index("hardship"), CODES["loss_2020_extension"].index("film")
    for k, avail in v.losses:
        o = y - k
        general = yl.loss_years[o, ""] or 0
        marked = o == 2020 and v.extension is not None
        if o + general >= y and (not marked or all(o + (yl.loss_years[o, e] or 0) >= y for e in ("hardship", "film"))):
            total += avail  # every window is open (a qualification only makes one longer)
            continue
        special = v.where("loss_2020_special") if marked else may_qualify
        special = special[avail[special] > 0]  # (a row without this loss adds 0 either way)
        alive = np.zeros(0, bool)
        if len(special):
            years = np.full(len(special), general, np.int64)
            if marked:
                assert v.extension is not None
                e = v.extension[special]
                for code, name in ((hardship, "hardship"), (film, "film")):
                    years[e == code] = yl.loss_years[o, name] or 0
            best = years.copy()
            this_year = None if this_year_all is None else this_year_all[special]
            qf = v.qualified_from[special]
            for q in range(o + 1, y + 1):
                m_, back = yl.loss_qualified[q]
                if m_ is None or back is None or q - o > back:  # (rows that would read a missing value: scalar)
                    continue
                assert this_year is not None or len(may_qualify) == 0
                qualified = (this_year if this_year is not None else np.zeros(len(special), bool)) if q == y \
                    else (qf > 0) & (qf <= q)
                best[qualified & (q <= o + years) & (m_ > best)] = m_
            alive = (o + best) >= y
        if o + general >= y:  # the general window: every row, less the special rows whose window has closed
            total += avail
            closed = special[~alive]
            if len(closed):
                total[closed] -= avail[closed]
        else:
            open_ = special[alive]
            if len(open_):
                total[open_] += avail[open_]
    v.cache[key] = total
    return total


class _Income(NamedTuple):
    """The income lines of some rows under some law values (fen)."""

    rd_extra: Int64s
    equipment_adjustment: Int64s
    equipment_extra: Int64s
    before: Int64s
    used: Int64s
    taxable: Int64s


def _income(v: Rows, yl: YearLaw, law: Law, values: Law | None) -> tuple[_Income, tuple[object, ...]]:
    """The income lines of the rows ``v`` under ``law`` (kept by the law values they depend on), and that key."""
    assets = v.asset_year(law, values)
    asset_key = None if assets is None else (law.digest, (law if values is None else values).digest)
    key: tuple[object, ...] = ("income", _key_of(yl, "rd"), asset_key, _key_of(yl, "losses"))
    got = v.cached(key)
    if isinstance(got, _Income):
        return got, key
    rd_extra = _rd_extra(v, yl)
    eq_adj = eq_extra = v.zeros
    before = v.cached("profit+adjustments")
    if not isinstance(before, np.ndarray):
        before = v.cache["profit+adjustments"] = v.col("profit") + v.col("adjustments")
    if assets is not None or rd_extra is not v.zeros:
        before = before.copy()
        if rd_extra is not v.zeros:
            rows = v.where("rd")
            before[rows] -= rd_extra[rows]
        if assets is not None:
            rows = v.where("equipment")
            eq_adj, eq_extra = np.zeros(v.n, np.int64), np.zeros(v.n, np.int64)
            eq_adj[rows], eq_extra[rows] = assets.adjustment, assets.extra
            before[rows] += assets.adjustment - assets.extra
    taxable = np.maximum(before, 0)
    available = _losses_available(v, yl)
    used = v.zeros
    if available is not v.zeros:
        used = np.minimum(taxable, available)
        taxable -= used
    got = _Income(rd_extra, eq_adj, eq_extra, before, used, taxable)
    v.cache[key] = got
    return got, key


def _small_profit_eligible(v: Rows, sp: SmallProfitLaw) -> np.ndarray:
    """The rows within the small low-profit caps on employees and assets, and not restricted (kept per law)."""
    key = ("small_profit", sp)
    got = v.cached(key)
    if isinstance(got, np.ndarray):
        return got
    if sp.employees_industrial == sp.employees_other:
        eligible = v.employees_e4 <= sp.employees_other * 10**4
    else:
        eligible = v.employees_e4 <= np.where(v.industrial, sp.employees_industrial * 10**4,
                                              sp.employees_other * 10**4)
    assets = v.col("assets")
    if sp.assets_industrial == sp.assets_other:
        eligible &= assets <= sp.assets_other
    else:
        eligible &= assets <= np.where(v.industrial, sp.assets_industrial, sp.assets_other)
    if "restricted" in v.flags:
        eligible &= ~v.flags["restricted"]
    v.cache[key] = eligible
    return eligible


def _taxes(v: Rows, yl: YearLaw, income: _Income, key: tuple[object, ...], *,
           regimes: bool) -> tuple[Int64s, Int64s, np.ndarray | None]:
    """The standard tax, the lowest tax and (with ``regimes``) the regime of each row (ties: order of REGIMES)."""
    taxable = income.taxable
    standard_key = ("standard", key, yl.standard)
    standard = v.cached(standard_key)
    if not isinstance(standard, np.ndarray):
        standard = v.cache[standard_key] = mul_round(taxable, yl.standard)
    tax = standard
    regime = np.zeros(v.n, np.int8) if regimes else None
    for index, (flag, rate) in enumerate((("hnte", yl.hnte), ("tase", yl.tase)), start=1):
        if rate is None or rate is _UNREAD or flag not in v.flags:
            continue
        rows = v.where(flag)  # few rows: computed on those alone
        if not len(rows):
            continue
        alt = mul_round(taxable[rows], rate)
        better = alt < tax[rows]
        if better.any():
            if tax is standard:
                tax = standard.copy()
            tax[rows[better]] = alt[better]
            if regime is not None:
                regime[rows[better]] = index
    sp = yl.small_profit
    if sp is not None:
        eligible = _small_profit_eligible(v, sp) & (taxable <= sp.cap)
        if eligible.any():
            t1, t2 = sp.ratio1 * sp.rate, sp.ratio2 * sp.rate
            if t1 == t2:  # one rate on the whole income (a progressive scale of one band is the same product)
                sp_tax = mul_round(taxable, t1)  # the eligible rows are within the cap
            elif sp.progressive:
                ti = np.minimum(taxable, sp.cap)
                d = lcm(t1.denominator, t2.denominator)
                low = np.minimum(ti, sp.limit)
                ti -= low
                ti *= t2.numerator * (d // t2.denominator)
                low *= t1.numerator * (d // t1.denominator)
                ti += low
                sp_tax = mul_round(ti, Fraction(1, d))
            else:
                ti = np.minimum(taxable, sp.cap)
                sp_tax = np.where(ti <= sp.limit, mul_round(ti, t1), mul_round(ti, t2))
            better = eligible
            better &= sp_tax < tax
            # the lower tax where better, by arithmetic (a mask of this density is slow to branch on)
            lower = np.subtract(tax, sp_tax, out=sp_tax)
            lower *= better
            tax = tax - lower
            if regime is not None:
                np.maximum(regime, better.view(np.int8) * np.int8(3), out=regime)  # regime 3 where better
    return standard, tax, regime


def annual_vector(v: Rows, yl: YearLaw, law: Law, values: Law | None = None) -> Annual:
    """The annual computation of the rows ``v`` (all of tax year ``yl.year``) under ``law`` (``yl``: its values)."""
    income, key = _income(v, yl, law, values)
    standard, tax, regime = _taxes(v, yl, income, key, regimes=True)
    assert regime is not None
    new_loss = np.negative(income.before)
    np.maximum(new_loss, 0, out=new_loss)
    return Annual(income.rd_extra, income.equipment_adjustment, income.equipment_extra, income.before, income.used,
                  income.taxable, regime, standard, tax, new_loss)


def tax_vector(v: Rows, yl: YearLaw, law: Law, values: Law | None = None) -> Int64s:
    """The tax alone of :func:`annual_vector` (what a policy turned off is measured by)."""
    income, key = _income(v, yl, law, values)
    return _taxes(v, yl, income, key, regimes=False)[1]


def _largest_magnitude(a: Int64s, *, signed: bool) -> int:
    """The largest ``|x|`` of ``a`` (0 when empty), by reductions, no temporary array.

    ``signed``: whether ``a`` may hold a negative amount (the others are checked ≥ 0 when read).
    """
    if a.size == 0:
        return 0
    return max(int(a.max()), -int(a.min())) if signed else int(a.max())


def scalar_rows(v: Rows, laws: list[YearLaw], limit: int,  # noqa: C901
                equipment_laws: list[tuple[Law, Law]]) -> np.ndarray:
    """Which of the rows ``v`` (all of one tax year) the vector path cannot take under every law of ``laws``.

    ``limit`` is the largest sum of amounts whose products stay inside int64
    (see :func:`taxcalc.population._exact.headroom`); ``equipment_laws`` the laws
    of the assets (see :meth:`Rows.asset_year`).
    """
    n = v.n
    out = v.part_year.copy()
    if v.assets:
        cost = v.assets["cost"]
        out[np.flatnonzero(v.equipment)[cost >= limit // 1000]] = True  # the cost times the months of a life
        for law, values in equipment_laws:
            got = v.asset_year(law, values)
            assert got is not None
            out[np.flatnonzero(v.equipment)[got.unavailable]] = True
    # the amounts that enter a product (assets are only compared with a cap)
    amounts = [(col, MONEY[name]) for name, col in v.money.items() if name != "assets"]
    if sum(_largest_magnitude(a, signed=signed) for a, signed in amounts) >= limit:  # some row may be too large
        total = np.zeros(n, np.float64)  # a bound only (never money): overflow screening
        for a, _ in amounts:
            total += np.abs(a).astype(np.float64)
        out |= total >= float(limit) * 0.999
    has_rd = v.has_rd
    for yl in laws:
        if yl.small_profit_varies:
            out[:] = True
            return out
        if has_rd.any() and yl.rd_on:
            if any(r is None for r in yl.rd_ratio.values()):
                out |= has_rd
            needs = [("rd_other", yl.rd_other_factor), ("rd_entrusted_domestic", yl.rd_entrusted),
                     ("rd_entrusted_overseas", yl.rd_overseas)]
            for col, value in needs:
                if value is None and col in v.money:
                    out |= v.money[col] > 0
            if yl.rd_overseas is not None and yl.rd_overseas and yl.rd_overseas_cap is None and \
                    "rd_entrusted_overseas" in v.money:
                out |= v.money["rd_entrusted_overseas"] > 0
            if yl.rd_excluded and yl.rd_excluded_share is None:
                out |= has_rd & _lookup(yl.rd_excluded)[v.industry]
        for flag, rate in (("hnte", yl.hnte), ("tase", yl.tase)):
            if rate is _UNREAD:
                out |= v.flag(flag)
        y = yl.year
        for k, has_amount in v.losses:
            o = y - k
            if any(yl.loss_years.get((o, e)) is None for e in ("", "hardship", "film") if e == "" or o == 2020):
                out |= has_amount > 0
                continue
            windows = [w for e in ("", "hardship", "film") if (w := yl.loss_years.get((o, e))) is not None]
            shortest, longest = min(windows), max(windows)
            for q in range(o + 1, min(y, o + longest) + 1):
                m_, back = yl.loss_qualified[q]
                # the scalar rule reads the years of a qualification year inside the window, and its lookback
                # only when those years are more than the window's
                if m_ is None or (back is None and m_ > shortest):
                    this_year = v.flag("hnte") | v.flag("tech_sme")
                    qf = v.qualified_from
                    out |= (has_amount > 0) & (this_year if q == y else (qf > 0) & (qf <= q))
    return out
