"""A synthetic population of enterprise-years: plausible, documented, and the same for the same seed.

The distributions (each row drawn independently, from ``numpy.random.PCG64(seed)``):

* ``size_band``: ``micro`` 70%, ``small`` 20%, ``medium`` 8%, ``large`` 2%;
  ``employees`` uniform in 1–20, 20–300, 300–1,000, 1,000–10,000 by band;
  ``assets`` log-normal around 2百万, 2千万, 1.5亿, 20亿 yuan by band.
* ``industry``: manufacturing 30%, wholesale and retail 20%, information 8%,
  construction 7%, leasing and business services 7%, research 5%,
  transport 4%, catering 3%, accommodation 2%, real estate 3%, agriculture 3%,
  others the rest; ``county`` one of 40 codes ``C01``–``C40``.
* ``profit``: log-normal around 3% of assets, a loss in 20% of rows;
  ``adjustments`` ±5% of the profit in 30% of rows.
* high-tech (``hnte``) 4% (12% of manufacturing, information and research
  rows), tech SMEs 5% of small and micro rows, ``tase`` 0.5%, ``ic_machine``
  0.2%, ``restricted`` 1%; ``qualified_from`` 1–6 years back for half of the
  qualified rows.
* R&D in 15% of rows (60% of the qualified ones): the five items about 2% of
  assets, other expenses in half of them, entrusted R&D in China in 10% and
  overseas in 3%, intangibles amortised in 5%.
* losses brought forward in 25% of rows, from 1 to 10 years back; the 2020
  loss of transport, catering, accommodation and tourism rows marked
  ``hardship``.
* one asset (``equipment_cost`` …) in ``equipment_share`` of the rows
  (default 2%): machinery, tools, vehicles or electronics, bought in the year
  or the year before.

With ``vat=True`` (``taxcalc population generate --vat``), the optional VAT
and export groups too (drawn after the columns above, which stay the same):

* small-scale taxpayers (the small-scale group of
  :mod:`taxcalc.population.vat`): 80% of micro and 30% of small rows, in years
  the law data cover; ``vat_period`` ``quarter`` for 60% of them, else
  ``month``; the year's sales log-normal around 60万 (micro) or 200万 (small)
  yuan (σ 0.9) spread over the periods with random weights, one period in eight
  without sales; ``goods_sales_k`` all the sales in manufacturing, wholesale and
  retail, agriculture and mining rows, none in the services, half elsewhere;
  sales on special VAT invoices (``special_invoice_sales_k``) in 30% of them, in
  years the law data cover special invoices (from 2019): 10–60% of the sales
  of each period with sales, in three periods in four; ``special_invoice_rate``
  ``full`` for a quarter of those rows, in years where every period can give
  the reduction up (not 2020–2022), else ``reduced``.  These are drawn last, so
  the columns above stay the same for a seed.
* exporters (the group of :mod:`taxcalc.population.export`): 25% of the
  manufacturing rows that are not small-scale, for December of the year
  (``export_period``); the levy rate is the standard VAT rate of that day (read
  from the law data), the rebate rate the same for 60% of them, else 1 to 4
  points lower; FOB and domestic sales log-normal around 4% of assets each
  (σ 1); ``domestic_output_tax`` the domestic sales times the levy rate;
  ``input_tax`` 40–90% of the levy on all sales; duty-free materials in 10%
  and bonded imports in 10% of the rows (up to 30% of the FOB each); a credit
  brought forward in 30%.  Empty for the other rows.

With ``accelerated_share`` (``taxcalc population generate --accelerated-share``),
that share of the rows with an asset depreciate it by a method other than the
straight line (the optional method columns of
:mod:`taxcalc.population.columns`), drawn after every column above, which stay
the same for a seed:

* ``equipment_method`` ``shortened``, ``double_declining`` or ``sum_of_years``,
  a third each; ``equipment_life_months`` in half of them: for ``shortened``
  a whole number of months from the floor (``eit.accelerated_depreciation.shortened_life_floor``
  of the 第六十条 life, rounded up) to one month less than that life, for the others the
  第六十条 life plus one or two years (the lives read from the law data);
* ``equipment_article_98`` true where the enterprise's industry (``industry``,
  its share 100%) does not allow the method on the purchase date (checked by
  :func:`taxcalc.eit.equipment.method_problems`: manufacturing rows from 2019
  need none), so that every drawn method is one the law allows.
* ``equipment_elect_one_time`` false in half of those rows, drawn after the
  method columns (which stay the same for a seed), empty in the others: the
  enterprise declines the one-time deduction, so that in 2018–2027 its method
  saves tax on an asset within the cap too (elected, the one-time deduction
  comes first and the method saves nothing there).

Money columns are whole fen (int64).
"""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pyarrow as pa

from .columns import CODES

__all__ = ["generate"]

_BANDS = ("micro", "small", "medium", "large")
_BAND_P = (0.70, 0.20, 0.08, 0.02)
_EMPLOYEES = ((1, 20), (20, 300), (300, 1000), (1000, 10000))
_ASSETS_YUAN = (2e6, 2e7, 1.5e8, 2e9)  # medians of a synthetic draw (not money: sampling only)
_INDUSTRIES = {
    "manufacturing": 0.30, "wholesale_retail": 0.20, "information": 0.08, "construction": 0.07,
    "leasing_business": 0.07, "research": 0.05, "transport": 0.04, "catering": 0.03, "accommodation": 0.02,
    "real_estate": 0.03, "agriculture": 0.03, "mining": 0.01, "utilities": 0.01, "tourism": 0.01, "finance": 0.01,
    "entertainment": 0.01, "film": 0.005, "tobacco": 0.001,
}
_HARDSHIP = ("transport", "catering", "accommodation", "tourism")
_TECH = ("manufacturing", "information", "research")
_KINDS = ("machinery", "tools", "vehicles", "electronics")


def _fen(rng: np.random.Generator, median_yuan: np.ndarray, sigma: float) -> np.ndarray:
    """Log-normal draws as whole fen (the draw is a sample, converted once to integers)."""
    draw = rng.lognormal(np.log(median_yuan * 100), sigma)
    out: np.ndarray = np.minimum(np.rint(draw), 1e14).astype(np.int64)
    return out


#: The share of the rows drawn with a method whose one-time deduction is declined.
_DECLINED_SHARE = 0.5


def generate(n: int, year: int, seed: int = 0, *, equipment_share: float = 0.02, vat: bool = False,
             accelerated_share: float = 0.0) -> pa.Table:
    """``n`` synthetic enterprise-years of tax ``year`` (the same table for the same arguments).

    ``vat`` adds the optional small-scale VAT and export columns; ``accelerated_share`` the share of
    the assets depreciated by a method other than the straight line (see the module notes).
    """
    if n < 0:
        raise ValueError("n must be ≥ 0")
    if not 0 <= accelerated_share <= 1:
        raise ValueError("accelerated_share is a share between 0 and 1")
    rng = np.random.Generator(np.random.PCG64(seed))
    band = rng.choice(len(_BANDS), size=n, p=_BAND_P)
    lo = np.array([e[0] for e in _EMPLOYEES])[band]
    hi = np.array([e[1] for e in _EMPLOYEES])[band]
    employees = rng.integers(lo, hi, endpoint=True)
    assets = _fen(rng, np.array(_ASSETS_YUAN)[band], 0.8)
    names = list(_INDUSTRIES)
    p = np.array(list(_INDUSTRIES.values()))
    industry = np.array(names, dtype=object)[rng.choice(len(names), size=n, p=p / p.sum())]
    profit = _fen(rng, np.array(_ASSETS_YUAN)[band] * 0.03, 1.2)
    loss_rows = rng.random(n) < 0.20
    profit = np.where(loss_rows, -(profit // 2), profit)
    adjustments = np.where(rng.random(n) < 0.30, (profit // 20) * rng.integers(-1, 2, size=n), 0)
    tech_industry = np.isin(industry, _TECH)
    hnte = rng.random(n) < np.where(tech_industry, 0.12, 0.02)
    tech_sme = (band <= 1) & (rng.random(n) < 0.05)
    tase = rng.random(n) < 0.005
    ic_machine = rng.random(n) < 0.002
    restricted = rng.random(n) < 0.01
    qualified = hnte | tech_sme
    back = rng.integers(1, 7, size=n)
    qualified_from = np.where(qualified & (rng.random(n) < 0.5), year - back, 0)
    rd = rng.random(n) < np.where(qualified, 0.60, 0.15)
    five_total = np.where(rd, _fen(rng, np.array(_ASSETS_YUAN)[band] * 0.02, 0.7), 0)
    split = rng.dirichlet(np.ones(5), size=n)
    five = [np.floor(five_total * split[:, j]).astype(np.int64) for j in range(5)]
    rd_other = np.where(rd & (rng.random(n) < 0.5), five_total // rng.integers(5, 15, size=n), 0)
    rd_domestic = np.where(rd & (rng.random(n) < 0.10), five_total // rng.integers(2, 8, size=n), 0)
    rd_overseas = np.where(rd & (rng.random(n) < 0.03), five_total // rng.integers(1, 4, size=n), 0)
    rd_intangible = np.where(rd & (rng.random(n) < 0.05), five_total // rng.integers(5, 20, size=n), 0)
    has_losses = rng.random(n) < 0.25
    losses = {}
    for k in range(1, 11):
        on = has_losses & (rng.random(n) < 0.5 / k)
        losses[f"loss_{k}"] = np.where(on, _fen(rng, np.array(_ASSETS_YUAN)[band] * 0.01, 1.0), 0)
    ext = np.where(np.isin(industry, _HARDSHIP) & (1 <= year - 2020 <= 10), "hardship", "")
    columns: dict[str, object] = {
        "id": pa.array(np.arange(1, n + 1, dtype=np.int64)),
        "county": pa.array(np.array([f"C{i:02d}" for i in range(1, 41)], dtype=object)[rng.integers(0, 40, size=n)],
                           pa.string()).dictionary_encode(),
        "size_band": pa.array(np.array(_BANDS, dtype=object)[band], pa.string()).dictionary_encode(),
        "year": pa.array(np.full(n, year, np.int64)),
        "industry": pa.array(industry, pa.string()).dictionary_encode(),
        "profit": pa.array(profit), "adjustments": pa.array(adjustments.astype(np.int64)),
        "employees": pa.array(employees.astype(np.int64)), "assets": pa.array(assets),
        "hnte": pa.array(hnte), "tech_sme": pa.array(tech_sme), "tase": pa.array(tase),
        "ic_machine": pa.array(ic_machine), "restricted": pa.array(restricted),
        "qualified_from": pa.array(np.where(qualified_from > 0, qualified_from, 0).astype(np.int64),
                                   mask=qualified_from == 0),
        "rd_personnel": pa.array(five[0]), "rd_direct_inputs": pa.array(five[1]), "rd_depreciation": pa.array(five[2]),
        "rd_amortisation": pa.array(five[3]), "rd_design": pa.array(five[4]), "rd_other": pa.array(rd_other),
        "rd_entrusted_domestic": pa.array(rd_domestic), "rd_entrusted_overseas": pa.array(rd_overseas),
        "rd_intangible_amortisation": pa.array(rd_intangible),
        **{k: pa.array(v) for k, v in losses.items()},
        "loss_2020_extension": pa.array(ext.astype(object), pa.string()).dictionary_encode(),
    }
    if equipment_share > 0:
        eq = rng.random(n) < equipment_share
        cost = np.where(eq, _fen(rng, np.array(_ASSETS_YUAN)[band] * 0.05, 1.0), 0)
        first = _dt.date(year - 1, 1, 1).toordinal()
        acquired = first + rng.integers(0, 730, size=n)
        in_use = acquired + rng.integers(0, 60, size=n)
        last = _dt.date(year, 12, 31).toordinal()
        in_use = np.minimum(in_use, last)
        epoch = _dt.date(1970, 1, 1).toordinal()
        columns["equipment_cost"] = pa.array(cost)
        columns["equipment_kind"] = pa.array(np.array(_KINDS, dtype=object)[rng.integers(0, 4, size=n)],
                                             pa.string(), mask=~eq)
        columns["equipment_acquired_on"] = pa.array((acquired - epoch).astype(np.int32), pa.date32(), mask=~eq)
        columns["equipment_in_use"] = pa.array((in_use - epoch).astype(np.int32), pa.date32(), mask=~eq)
        columns["equipment_book_depreciation"] = pa.array(np.where(eq, cost // rng.integers(5, 15, size=n), 0))
    if vat:
        columns.update(_vat_columns(rng, n, year, band, industry, assets))
    if equipment_share > 0 and accelerated_share > 0:  # drawn last: the columns above stay the same
        chosen = eq & (rng.random(n) < accelerated_share)
        columns.update(_method_columns(rng, n, chosen, industry, columns))
        declined = chosen & (rng.random(n) < _DECLINED_SHARE)  # drawn after the methods, which stay the same
        columns["equipment_elect_one_time"] = pa.array(np.zeros(n, bool), pa.bool_(), mask=~declined)
    return pa.table(columns)


def _method_columns(rng: np.random.Generator, n: int, chosen: np.ndarray, industry: np.ndarray,
                    columns: dict[str, object]) -> dict[str, object]:
    """The method columns of the ``chosen`` rows' assets (see the module notes)."""
    from decimal import ROUND_CEILING, Decimal

    from ..eit import Equipment
    from ..eit.equipment import method_problems
    from ..law import default
    from ..money import CONTEXT

    method = rng.integers(1, 4, size=n)  # an index of CODES["equipment_method"] past the straight line
    with_life = rng.random(n) < 0.5
    draw = rng.random(n)
    longer = rng.integers(1, 3, size=n)
    kinds = columns["equipment_kind"].to_pylist()  # type: ignore[attr-defined]
    acquired = columns["equipment_acquired_on"].to_pylist()  # type: ignore[attr-defined]
    in_use = columns["equipment_in_use"].to_pylist()  # type: ignore[attr-defined]
    cost = columns["equipment_cost"].to_pylist()  # type: ignore[attr-defined]
    law = default()
    names = CODES["equipment_method"]
    life = np.zeros(n, np.int64)
    article_98 = np.zeros(n, bool)
    for i in np.flatnonzero(chosen).tolist():
        name = names[int(method[i])]
        if with_life[i]:
            years = law.value(f"eit.depreciation.min_years.{kinds[i]}", in_use[i]).value
            assert isinstance(years, int)
            full = years * 12
            if name == "shortened":
                share = law.value("eit.accelerated_depreciation.shortened_life_floor", acquired[i]).value
                floor = CONTEXT.multiply(Decimal(full), Decimal(str(share)))
                lowest = int(floor.to_integral_value(ROUND_CEILING))
                life[i] = lowest + int(draw[i] * (full - lowest))  # shorter than the 第六十条 life
            else:
                life[i] = full + 12 * int(longer[i])
        asset = Equipment("asset", Decimal(cost[i]).scaleb(-2), kinds[i], acquired[i], in_use[i], method=name,
                          life_months=int(life[i]) or None)
        article_98[i] = any(True for _ in method_problems(asset, str(industry[i]), law=law))
    return {
        "equipment_method": pa.array(np.array(names, dtype=object)[method], pa.string(),
                                     mask=~chosen).dictionary_encode(),
        "equipment_life_months": pa.array(life, pa.int64(), mask=life == 0),
        "equipment_article_98": pa.array(article_98, pa.bool_(), mask=~article_98),
    }


_GOODS = ("manufacturing", "wholesale_retail", "agriculture", "mining")
_SERVICES = ("information", "leasing_business", "research", "transport", "catering", "accommodation", "finance",
             "tourism", "entertainment")
_SMALL_SCALE_SHARE = (0.80, 0.30, 0.0, 0.0)
_SMALL_SCALE_SALES_YUAN = (6e5, 2e6, 1.0, 1.0)  # medians of the year's sales (sampling only)


def _covered(year: int) -> bool:
    """Whether the law data cover small-scale VAT in ``year`` (else no small-scale rows are drawn)."""
    from ..errors import OutsideCoverage
    from ..law import default
    from ..vat.small_scale_exemption import REACHED_TAXED

    try:
        default().value(REACHED_TAXED, _dt.date(year, 1, 1))
        default().value(REACHED_TAXED, _dt.date(year, 12, 31))
    except OutsideCoverage:
        return False
    return True


def _vat_columns(rng: np.random.Generator, n: int, year: int, band: np.ndarray, industry: np.ndarray,
                 assets: np.ndarray) -> dict[str, object]:
    """The optional small-scale VAT and export columns (see the module notes)."""
    from ..money import CONTEXT
    from ..vat import vat_rate

    small = (rng.random(n) < np.array(_SMALL_SCALE_SHARE)[band]) & _covered(year)
    quarterly = rng.random(n) < 0.6
    annual = np.where(small, _fen(rng, np.array(_SMALL_SCALE_SALES_YUAN)[band], 0.9), 0)
    weights = rng.random((n, 12)) * (rng.random((n, 12)) >= 0.125)
    weights[:, 4:] *= ~quarterly[:, None]
    total = weights.sum(axis=1)
    total[total == 0] = 1
    goods_share = np.where(np.isin(industry, _GOODS), 2, np.where(np.isin(industry, _SERVICES), 0, 1))
    columns: dict[str, object] = {
        "vat_period": pa.array(np.where(quarterly, "quarter", "month").astype(object), pa.string(),
                               mask=~small).dictionary_encode(),
    }
    for k in range(12):
        sales = (annual * weights[:, k] / total).astype(np.int64)  # a sample, converted once to fen
        columns[f"sales_{k + 1}"] = pa.array(sales, mask=~small)
        columns[f"goods_sales_{k + 1}"] = pa.array(sales * goods_share // 2, mask=~small)
    december = _dt.date(year, 12, 1)
    levy = vat_rate("standard", december).rate
    levy_pct = int(levy.scaleb(2, CONTEXT))  # the standard rates are whole percents
    exporter = ~small & (industry == "manufacturing") & (rng.random(n) < 0.25)
    cut = np.where(rng.random(n) < 0.6, 0, rng.integers(1, 5, size=n))
    rebate_pct = np.maximum(levy_pct - cut, 0)
    median = assets / 100 * 0.04
    fob = np.where(exporter, _fen(rng, np.maximum(median, 1.0), 1.0), 0)
    domestic = np.where(exporter, _fen(rng, np.maximum(median, 1.0), 1.0), 0)
    output_tax = domestic * levy_pct // 100
    input_tax = (fob + domestic) * levy_pct // 100 * rng.integers(40, 91, size=n) // 100
    exempt = np.where(exporter & (rng.random(n) < 0.1), fob * rng.integers(0, 31, size=n) // 100, 0)
    bonded = np.where(exporter & (rng.random(n) < 0.1), fob * rng.integers(0, 31, size=n) // 100, 0)
    opening = np.where(exporter & (rng.random(n) < 0.3), input_tax // rng.integers(2, 10, size=n), 0)
    epoch = _dt.date(1970, 1, 1).toordinal()
    percent = [f"{r}%" for r in range(levy_pct + 1)]
    columns.update({
        "export_period": pa.array(np.full(n, december.toordinal() - epoch, np.int32), pa.date32(), mask=~exporter),
        "export_fob": pa.array(fob),
        "export_levy_rate": pa.array(np.full(n, percent[levy_pct], object), pa.string(), mask=~exporter),
        "export_rebate_rate": pa.array(np.array(percent, object)[rebate_pct], pa.string(),
                                       mask=~exporter),
        "export_exempt_materials": pa.array(exempt), "export_bonded_materials": pa.array(bonded),
        "domestic_output_tax": pa.array(output_tax), "input_tax": pa.array(input_tax),
        "opening_credit": pa.array(opening),
    })
    columns.update(_special_invoices(rng, n, year, small, [columns[f"sales_{k + 1}"] for k in range(12)]))
    return columns


def _every_month(year: int, key: str) -> bool:
    """Whether the law data hold ``key`` on the first day of every month of ``year``."""
    from ..errors import OutsideCoverage
    from ..law import default

    try:
        for month in range(1, 13):
            default().value(key, _dt.date(year, month, 1))
    except OutsideCoverage:
        return False
    return True


def _special_invoices(rng: np.random.Generator, n: int, year: int, small: np.ndarray,
                      sales: list[object]) -> dict[str, object]:
    """The special-invoice columns of the small-scale rows (see the module notes)."""
    from ..vat.small_scale_special import EXEMPTION_WAIVED, FULL_RATE

    with_special = small & (rng.random(n) < 0.3) & _every_month(year, EXEMPTION_WAIVED)
    full = with_special & (rng.random(n) < 0.25) & _every_month(year, FULL_RATE)
    columns: dict[str, object] = {}
    some = np.zeros(n, bool)
    for k in range(12):
        period_sales = np.asarray(sales[k].fill_null(0).to_numpy(), np.int64)  # type: ignore[attr-defined]
        share = np.where(with_special & (rng.random(n) < 0.75), rng.integers(10, 61, size=n), 0)
        special = period_sales * share // 100
        some |= special > 0
        columns[f"special_invoice_sales_{k + 1}"] = pa.array(special, mask=~small)
    full &= some  # full only with special invoices
    columns["special_invoice_rate"] = pa.array(np.where(full, "full", "reduced").astype(object), pa.string(),
                                               mask=~small).dictionary_encode()
    return columns
