"""Report section ``small_scale``: the small-scale standard, and a small-scale taxpayer's VAT.

**Status.**  The year's taxable sales (domestic sales of every band and kind, plus
exports at FOB: 年应征增值税销售额 includes exempt and export sales) are tested
against the small-scale standard (小规模纳税人标准) of the enterprise's sector on the
last day of the year, with :func:`taxcalc.vat.must_register_general`; when the
standard differs on the first day of the year (2018: 50万/80万 until 30 April,
500万 from 1 May) that one is shown too.  The sector is the input's
``enterprise.sector``; when it is not given it is read from the industry code:
sections B, C, D (mining, manufacturing, utilities) → ``production``; E and G–T
(construction and the services brought into VAT) → ``services``; anything else
(agriculture, trade, no code) → ``commerce``.  Before 2018-05-01 a taxpayer with
both goods and 营改增 services measured the two separately; the report tests the
total against its sector's standard and says so.

**A small-scale taxpayer's VAT** is :func:`taxcalc.vat.small_scale_vat` for each
month (or quarter, ``vat_period = "quarter"``) with sales: the exemption threshold
(小规模纳税人免征增值税, tested separately for goods and for services in 2018), the
collection rate (征收率) and its reductions; from 2026 the 起征点, exempt only below
it.  A per-transaction filer (``vat_period = "transaction"``, from 2026) is computed
day by day (the rows of one day together) against the 起征点 per transaction.  Sales in band ``real_estate`` are the period's sales of immovable property
(taxed at 5% outside these rules: reported, not computed); under the 起征点 (from
2026) the bands ``real_estate_leasing`` and ``land_use_rights`` join them, being
outside the 1% (财政部 税务总局公告2026年第10号 第三条), with no rate in the law data.  Sales on
special VAT invoices (a row's ``special_invoice_sales``, with the period's
``special_invoice_rate``), which do not share the exemption, are passed to the rule,
which taxes them (:mod:`taxcalc.vat.small_scale_special`); the table then shows them
and the rate of their invoices.

**Savings**, each with one policy undone and everything else unchanged: the tax
:func:`taxcalc.vat.small_scale_vat` computes for the period on the law with that
policy undone (:meth:`taxcalc.law.Law.with_values`), less its tax under the law
(:func:`period_figures`), summed over the periods:

* ``vat.small_scale.exemption`` — every exemption limit and 起征点 set to 0, so all
  the sales are taxed: the sales exempt under the threshold times the rate that
  would otherwise be levied on them (3%, or the reduced rate in force).  Sales on
  special invoices, taxed anyway, save nothing.  Counted for the periods with sales
  exempt by the threshold at a rate above 0;
* ``vat.small_scale.reduced_rate`` — ``vat.small_scale.levy_rate`` set to the
  collection rate of the regulations (3%, 国务院令第538号 第十二条: its value where
  its data starts): the sales taxed at a reduced rate (or exempt altogether in
  2022-04 … 2022-12) times the difference.  Special invoices at 3% (the reduction
  given up, or 2022-04 … 2022-12) save nothing.  Counted for the periods whose rate
  is below it.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ...errors import NotInForce, OutsideCoverage
from ...explain import Citation, Step
from ...format import format_money, format_rate
from ...law import Law
from ...money import ZERO, sub, total
from ...vat import SmallScaleVat, must_register_general, small_scale_standard, small_scale_vat
from ...vat.small_scale_exemption import LEVY, LIMIT, REACHED_TAXED, REAL_ESTATE_BANDS, START_POINT
from ...vat.small_scale_standard import PREFIX as STANDARD_PREFIX
from ...vat.small_scale_standard import SECTORS
from ..context import blame
from ..input import ReportInput, sector_of, small_scale_period
from ..ledger import Ledger
from ..model import Column, Line, Saving, Section, Table

__all__ = ["PeriodFigures", "build", "period_figures", "sector_of"]

_TAXPAYER = {"general": ("一般纳税人", "general taxpayer"), "small_scale": ("小规模纳税人", "small-scale taxpayer")}
_PERIOD = {"month": ("按月", "monthly"), "quarter": ("按季", "quarterly"),
           "transaction": ("按次", "per transaction")}
_PERIOD_KIND = {"month": "month", "quarter": "text", "transaction": "date"}
_SECTOR = {
    "production": ("从事货物生产或者提供加工修理修配劳务", "production of goods, processing and repair"),
    "commerce": ("其他（批发、零售等）", "other (wholesale, retail …)"),
    "services": ("营改增应税行为（服务、无形资产、不动产）", "services, intangibles and immovables (营改增)"),
}


def _cite(steps: tuple[Step, ...], name: str) -> tuple[Citation, ...]:
    return next((s.cite for s in steps if s.name == name), ())


def build(facts: ReportInput, law: Law, ledger: Ledger) -> Section:
    """The small-scale standard test; for a small-scale taxpayer, its VAT by period and the savings.

    ``ledger`` is not used: a small-scale taxpayer's VAT is computed here, period by period.
    """
    ent = facts.enterprise
    tz, te = _TAXPAYER[ent.vat_taxpayer]
    pz, pe = _PERIOD[ent.vat_period]
    annual = total([*(s.amount for s in facts.sales), *(x.fob for x in facts.exports)])
    sector, derived = sector_of(ent.industry, ent.sector)
    sz, se = _SECTOR[sector]
    lines = [
        Line("small_scale.taxpayer", "增值税纳税人类型", "VAT taxpayer status", None,
             f"{tz}（{pz}申报）", f"{te}, files {pe}"),
        Line("small_scale.sales", "年度应税销售额（不含税，含出口）", "taxable sales for the year (excl. VAT, incl. exports)",
             annual),
        Line("small_scale.sector", "标准所属类别", "sector of the standard", None,
             sz + ("（按行业代码推定）" if derived else ""), se + (" (read from the industry code)" if derived else "")),
    ]
    jan1, dec31 = _dt.date(facts.year, 1, 1), _dt.date(facts.year, 12, 31)
    with blame("enterprise.sector", coverage=False):
        test = must_register_general(annual, dec31, sector, law=law)
        try:
            first = small_scale_standard(jan1, sector, law=law)
        except OutsideCoverage:  # the sector's standard starts within the year
            first = None
    if first is not None and first.limit != test.limit:
        lines.append(Line("small_scale.standard.start", f"小规模纳税人标准（{jan1}）", f"small-scale standard on {jan1}",
                          first.limit, cite=_cite(first.steps, "limit")))
    lines.append(Line("small_scale.standard", f"小规模纳税人标准（{dec31}）", f"small-scale standard on {dec31}",
                      test.limit, cite=_cite(test.steps, "limit")))
    must = test.must_register
    if ent.vat_taxpayer == "general":
        vz = "超过标准，应当登记为一般纳税人" if must else "未超过标准（可为小规模纳税人）"
        ve = ("above the standard: must be a general taxpayer" if must
              else "within the standard (could be small-scale)")
    else:
        vz = "超过标准，应当登记为一般纳税人" if must else "未超过标准，可按小规模纳税人纳税"
        ve = ("above the standard: must register as a general taxpayer" if must
              else "within the standard: may stay small-scale")
    lines.append(Line("small_scale.must_register", "年度销售额与标准比较", "annual sales against the standard",
                      None, vz, ve, _cite(test.steps, "limit")))
    notes: list[tuple[str, str]] = [_standard_note(law)]
    if ent.vat_taxpayer != "small_scale":
        return Section("small_scale", "小规模纳税人标准与免税", "Small-scale status and exemption", "computed",
                       tuple(lines), notes=tuple(notes))
    table, savings, extra = _small_scale_vat(facts, law)
    if table is not None:
        cites = tuple(dict.fromkeys(c for row in table.rows for c in row[-1]))  # type: ignore[attr-defined]
        lines.append(Line("small_scale.tax_due", "全年应纳增值税", "VAT due for the year",
                          table.total[-2] if table.total else ZERO, cite=cites))  # type: ignore[arg-type]
    notes.extend(extra)
    if facts.exports:
        notes.append(("小规模纳税人出口货物适用免税办法（不退税），本报告不单独计算。",
                      "A small-scale taxpayer's exports are exempt without refund; not computed separately."))
    return Section("small_scale", "小规模纳税人标准与免税", "Small-scale status and exemption", "computed",
                   tuple(lines), (table,) if table is not None else (), tuple(savings), tuple(notes))


#: Why a policy in play saves nothing: its tax, rounded to the fen, is the same without it.
_ZERO_WHY = ("本年不节税：不享受该项政策时的应纳税额四舍五入至分后相同。",
             "saves nothing this year: without it the VAT due, rounded to the fen, is the same; ")


def _rates(rates: Iterable[Decimal | None]) -> tuple[str, str]:
    """The distinct rates of the periods in a note, in zh and en (``1%``; ``1%、3%`` / ``1% or 3%``)."""
    shown = [format_rate(r) for r in sorted({r for r in rates if r is not None})]
    return "、".join(shown), " or ".join(shown)


def _standards_unified(law: Law) -> _dt.date | None:
    """The first day from which every sector has the same small-scale standard (from the law data)."""
    keys = [STANDARD_PREFIX + sector for sector in SECTORS]
    for v in law.history(keys[0]):
        try:
            if not v.gap and all(law.value(k, v.first).value == v.value for k in keys[1:]):
                return v.first
        except (NotInForce, OutsideCoverage):
            continue
    return None


def _standard_note(law: Law) -> tuple[str, str]:
    """How the year's sales are tested against the standard; the day the sectors' standards became one."""
    zh = "年度销售额按全年合计与年末适用的标准比较（标准按连续12个月计算）"
    en = ("The year's total is tested against the standard in force at the end of the year (the law counts "
          "any 12 consecutive months)")
    day = _standards_unified(law)
    if day is None:  # pragma: no cover - the package's data unify them on 2018-05-01
        return f"{zh}。", f"{en}."
    return (f"{zh}；{day.year}年{day.month}月{day.day}日前兼有货物和营改增服务的纳税人分别计算，本报告按合计比较。",
            f"{en}; before {day} goods and 营改增 services were measured separately, the report tests the total.")


def _threshold_heading(results: list[SmallScaleVat], period: str) -> tuple[str, str]:
    """The heading of the threshold column in zh and en: an inclusive exemption limit (免税标准, to 2025) or
    a 起征点 (from 2026; per transaction or day for a per-transaction filer), as the law data say of the
    periods shown (``reached_taxed``)."""
    kinds = {r.reached_taxed for r in results if r.threshold is not None}
    if kinds == {True}:
        if period == "transaction":
            return "每次（日）起征点", "起征点 per transaction"
        return "起征点", "threshold (起征点)"
    if kinds == {True, False}:  # not within one tax year of the law data; said plainly if it were
        return "免税标准或起征点", "exemption limit or threshold (起征点)"
    return "免税标准", "exemption limit"


def _under_start_point(law: Law, start: _dt.date) -> bool:
    """Whether the period is under the 起征点 (from the law data); a period the data do not cover is not."""
    try:
        return law.value(REACHED_TAXED, start).value is True
    except OutsideCoverage:  # small_scale_vat refuses the period itself
        return False


def _label(start: _dt.date, period: str) -> object:
    return start if period != "quarter" else f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def _undone(law: Law) -> tuple[Law, Law]:
    """``law`` with each small-scale policy undone: no exemption (every exemption limit and 起征点 0, so all the
    sales are taxed), and no reduction (the rate levied on sales at 3% that of the regulations)."""
    limits = {key: "0" for key in (*LIMIT.values(), *START_POINT.values())}
    statutory = law.value(LEVY, law.spec(LEVY).first).value
    assert isinstance(statutory, Decimal)
    return law.with_values(limits), law.with_values({LEVY: f"{statutory}"})


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """One small-scale period by the rule, and the saving of each policy in it (``None``: not in play)."""

    result: SmallScaleVat
    #: The tax with the exemption undone less the tax: where sales are exempt by the threshold at a rate above 0.
    exemption: Decimal | None
    #: The tax at the collection rate of the regulations less the tax: where the rate levied is below it
    #: and some sales bear it (taxed at it, or exempt by a rate of 0); not where the only taxable sales are
    #: on special invoices with the reduction given up (放弃减税), which the reduction never reached.
    reduced_rate: Decimal | None


def period_figures(law: Law, start: _dt.date, period: str, sales: Decimal, *, goods: Decimal | None = None,
                   services: Decimal | None = None, real_estate: Decimal = ZERO, special: Decimal = ZERO,
                   special_rate: str = "reduced") -> PeriodFigures:
    """The period by :func:`taxcalc.vat.small_scale_vat` (rule ``vat.small_scale_vat``) and its two savings,
    each the same rule's tax on the law with that one policy undone, less the tax under the law.

    The arguments are the rule's (``special_rate`` its ``special_invoice_rate``).  Also the scalar path of
    the population engine (:mod:`taxcalc.population.vat`), so both count the savings alike.

    >>> from taxcalc.law import default
    >>> f = period_figures(default(), _dt.date(2023, 3, 1), "month", Decimal("80000"), special=Decimal("30000"))
    >>> f.result.tax_due, f.exemption, f.reduced_rate
    (Decimal('300.00'), Decimal('500.00'), Decimal('600.00'))
    """
    def tax(data: Law) -> SmallScaleVat:
        return small_scale_vat(sales, start, period=period, goods_sales=goods, services_sales=services,
                               real_estate_sales=real_estate, special_invoice_sales=special,
                               special_invoice_rate=special_rate, law=data)

    r = tax(law)
    no_exemption, no_reduction = law.memo(_undone)
    moved = next((s.value for s in r.steps if s.name == "exempt_3pct"), ZERO)
    assert isinstance(moved, Decimal)
    base = no_reduction.value(LEVY, start).value
    assert isinstance(base, Decimal)
    exemption = (sub(tax(no_exemption).tax_due, r.tax_due)
                 if sub(r.exempt_sales, moved) > 0 and r.levy_rate > 0 else None)
    full_rate_special = r.special_invoice_rate is not None and r.special_invoice_rate >= base
    at_levied_rate = sub(r.taxable_sales, r.special_invoice_sales) if full_rate_special else r.taxable_sales
    reduced = (sub(tax(no_reduction).tax_due, r.tax_due)
               if r.levy_rate < base and (at_levied_rate or moved) else None)
    return PeriodFigures(r, exemption, reduced)


def _small_scale_vat(facts: ReportInput, law: Law) -> tuple[Table | None, list[Saving], list[tuple[str, str]]]:
    period = facts.enterprise.vat_period
    goods: dict[_dt.date, list[Decimal]] = defaultdict(list)
    services: dict[_dt.date, list[Decimal]] = defaultdict(list)
    estate: dict[_dt.date, list[Decimal]] = defaultdict(list)
    special: dict[_dt.date, list[Decimal]] = defaultdict(list)
    special_rate: dict[_dt.date, str] = {}
    bands: dict[_dt.date, tuple[str, ...]] = {}
    for s in facts.sales:
        p = small_scale_period(s, period)
        if p not in bands:
            bands[p] = REAL_ESTATE_BANDS[_under_start_point(law, p)]
        (estate if s.band in bands[p] else goods if s.kind == "goods" else services)[p].append(s.amount)
        if s.special_invoice_sales:
            special[p].append(s.special_invoice_sales)
            special_rate[p] = s.special_invoice_rate
    starts = sorted({*goods, *services, *estate})
    if not starts:
        return None, [], []
    figures: list[PeriodFigures] = []
    for p in starts:
        with blame("enterprise.vat_period", coverage=False):
            g, sv, re_ = total(goods.get(p, ())), total(services.get(p, ())), total(estate.get(p, ()))
            figures.append(period_figures(
                law, p, period, total((g, sv, re_)), goods=g, services=sv, real_estate=re_,
                special=total(special.get(p, ())), special_rate=special_rate.get(p, "reduced"),
            ))
    results = [f.result for f in figures]
    with_special = bool(special)
    rows = []
    exemption: list[Decimal] = []
    exemption_cites: dict[Citation, None] = {}
    reduced: list[Decimal] = []
    reduced_cites: dict[Citation, None] = {}
    for f in figures:
        r = f.result
        if f.exemption is not None:
            exemption.append(f.exemption)
            exemption_cites.update(dict.fromkeys(_cite(r.steps, "threshold")))
        if f.reduced_rate is not None:
            reduced.append(f.reduced_rate)
            reduced_cites.update(dict.fromkeys(_cite(r.steps, "levy_rate")))
        cites = (*_cite(r.steps, "threshold"), *_cite(r.steps, "levy_rate"))
        extra: tuple[object, ...] = ()
        if with_special:
            extra = (r.special_invoice_sales, r.special_invoice_rate)
            cites = (*cites, *_cite(r.steps, "special_invoice_taxed"), *_cite(r.steps, "special_invoice_rate"))
        rows.append((
            _label(r.period_start, period), r.sales, r.threshold, r.exempt_sales, r.taxable_sales, *extra,
            r.levy_rate, r.tax_due, tuple(dict.fromkeys(cites)),
        ))
    special_columns = (
        Column("special_invoice_sales", "其中：开具专用发票的销售额", "of which: on special invoices", "money"),
        Column("special_invoice_rate", "专用发票征收率", "rate of the special invoices", "rate"),
    ) if with_special else ()
    table = Table(
        "small_scale.periods", "小规模纳税人增值税（按申报期）", "Small-scale VAT by tax period",
        (
            Column("period", "所属期", "period", _PERIOD_KIND[period]),
            Column("sales", "销售额", "sales", "money"),
            Column("threshold", *_threshold_heading(results, period), "money"),
            Column("exempt_sales", "免税销售额", "exempt sales", "money"),
            Column("taxable_sales", "应税销售额", "taxable sales", "money"),
            *special_columns,
            Column("levy_rate", "征收率", "rate", "rate"),
            Column("tax_due", "应纳税额", "VAT due", "money"),
            Column("cite", "依据", "basis", "cite"),
        ),
        tuple(rows),
        ("", total(r.sales for r in results), None, total(r.exempt_sales for r in results),
         total(r.taxable_sales for r in results),
         *((total(r.special_invoice_sales for r in results), None) if with_special else ()), None,
         total(r.tax_due for r in results), ()),
    )
    base = law.value(LEVY, law.spec(LEVY).first).value
    assert isinstance(base, Decimal)
    # A policy in play in some period has a line (as the income-tax preferences that apply): at 0 with
    # the reason; one in play in no period (PeriodFigures: None) has none.
    savings = []
    if exemption:
        saved = total(exemption)
        zh, en = _ZERO_WHY if not saved else ("", "")
        savings.append(Saving(
            "vat.small_scale.exemption", "vat", "small_scale", "小规模纳税人免征增值税", "small-scale VAT exemption",
            saved, tuple(exemption_cites),
            f"{zh}不享受免税（全部销售额计税）时的应纳税额减去实际应纳税额：即免税销售额 × 否则适用的征收率",
            f"{en}the VAT due with the exemption undone (all the sales taxed) less the VAT due: the exempt sales × "
            "the rate otherwise levied on them",
        ))
    if reduced:
        saved = total(reduced)
        zh, en = _ZERO_WHY if not saved else ("", "")
        savings.append(Saving(
            "vat.small_scale.reduced_rate", "vat", "small_scale",
            f"小规模纳税人减按征收（{format_rate(base)}→减征）", f"small-scale reduced rate ({format_rate(base)} → reduced)",
            saved, tuple(reduced_cites),
            f"{zh}按{format_rate(base)}征收率计算的应纳税额减去实际应纳税额",
            f"{en}the VAT due at the collection rate of {format_rate(base)} less the VAT due",
        ))
    notes: list[tuple[str, str]] = []
    if with_special:
        notes.append((f"开具增值税专用发票的销售额不享受免税，按专用发票的征收率计税（放弃减税的按{format_rate(base)}），"
                      "不计入免税节税额；各项节税额为撤销该项政策、其余不变时按同一规则计算的应纳税额增加额。",
                      "Sales on special VAT invoices do not share the exemption: they are taxed at the rate of the "
                      f"invoice ({format_rate(base)} where the reduction is given up) and count in no exemption "
                      "saving; each saving is the VAT the same rule computes with that one policy undone, less the "
                      "VAT due."))
    if period == "transaction":
        notes.append(("按次纳税：同一日的销售额合并为一次，与每次（日）起征点比较。",
                      "Per-transaction filing: the sales of one day are one transaction, tested against the "
                      "threshold (起征点) per transaction or day."))
    sold = [r for r in results if not r.reached_taxed and r.real_estate_taxable]
    outside = [r for r in results if r.reached_taxed and r.real_estate_taxable]
    if outside:
        outside_total = total(r.real_estate_taxable for r in outside)
        zh, en = _rates(r.levy_rate for r in outside)
        notes.append((f"销售、出租不动产和转让土地使用权的应税销售额 {format_money(outside_total, 'zh', symbol=False)} "
                      f"不适用减按{zh}征收，法规数据未载其征收率，另行计算，未计入。",
                      f"Sales of immovable property (sold or leased) and land-use rights of "
                      f"{format_money(outside_total, 'en', symbol=False)} are outside the {en} and the law data hold "
                      "no rate for them; not computed."))
    if sold:
        estate_total = total(r.real_estate_taxable for r in sold)
        zh, en = _rates(r.real_estate_levy_rate for r in sold)
        notes.append((f"销售不动产的应税销售额 {format_money(estate_total, 'zh', symbol=False)} 按{zh}征收率另行计算，未计入。",
                      f"Sales of immovable property of {format_money(estate_total, 'en', symbol=False)} are taxed "
                      f"at {en} outside these rules; not computed."))
    return table, savings, notes
