"""Report section ``eit``: enterprise income tax with each preference (企业所得税).

The report's facts are mapped onto :class:`taxcalc.eit.EnterpriseYear` by
:mod:`taxcalc.report.income_tax`; the section shows the annual computation
(:func:`taxcalc.eit.annual`) under the report's law — profit, adjustments, the
depreciation adjustment of each asset, the R&D super-deduction, losses brought
forward, taxable income, the rate regime, the tax and the relief — each line with
its citation and the line of the annual return (A100000 and its schedules), and a
table of each asset and of each loss.

**What an income-tax saving is.**  :func:`taxcalc.eit.benefit` computes the tax
with one preference undone (a what-if on the law data, e.g.
``eit.rd.in_force = false``), everything else as computed; the saving is that tax
less the tax under the law, in fen (the tax is rounded half up to the fen, as on
the return).  Preferences work through the same taxable income and interact — a
deduction may keep the income under a cap, and the small low-profit relief and
the 15% rate are alternatives — so their single savings need not add up to their
saving together; the section shows that figure as well.  The report's total is
the sum of the single savings, as listed.

Listed preferences: those that apply to the enterprise this year — the 15% rate
of a high-tech or technology-advanced service enterprise in a qualification year,
the super-deduction when there is R&D, the one-time deduction (or the 2022 Q4
high-tech rule) when an asset listed takes it, accelerated depreciation when an
asset listed is depreciated by a shortened life or an accelerated method, a loss carry-forward extended by a
qualification, the small low-profit relief when the enterprise qualifies, and, when
their optional facts are given, the employee education cap (wages and expenses
given), the technology-transfer relief (some transfer income qualifies), the
project holiday (a project in its exempt or half years) and the venture-capital
deduction (one earned this year or brought forward) — and any other with a saving.
A preference can save nothing this year (a loss used within its first five years
anyway); the note says why.

**The optional facts.**  The employee education cap and its adjustment (A105050)
are shown before the income after adjustments; the technology-transfer and project
income taken off (所得减免, A107020) after it; the venture-capital deduction
(A107030) after the losses.  Without these facts the section is as it was.

**Timing preferences.**  The one-time deduction of equipment brings the
depreciation of later years forward: the year the asset is deducted shows a
saving, and each later year of its tax life, in which the asset is no longer
depreciated for tax, a negative saving.  Both are shown as computed.  So does
accelerated depreciation: its early years save, its late years (below the
straight line) show a negative saving.

Only the tax of the year is compared: the losses carried to later years differ
too when a preference is undone, and are not valued.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from decimal import Decimal

from ...eit import (
    ACCELERATED_METHODS,
    AnnualResult,
    Benefit,
    EnterpriseYear,
    PolicyBenefit,
    annual,
    benefit,
    equipment_schedule,
)
from ...eit import INDUSTRIES as _INDUSTRIES
from ...eit import Equipment as TaxAsset
from ...eit.accelerated_depreciation import method_name
from ...errors import InvalidInput
from ...explain import Citation, Step, format_value
from ...format import format_rate
from ...law import Law
from ...money import round_fen, sub, total
from ..income_tax import enterprise_year, input_problem, size_needed, size_problem
from ..input import ReportInput
from ..ledger import Ledger
from ..model import Column, Line, Saving, Section, Table

__all__ = ["QUALIFICATIONS", "build", "listed"]

_ZH, _EN = "企业所得税及各项优惠", "Enterprise income tax and each preference"

QUALIFICATIONS = {
    "high_tech": ("高新技术企业", "high and new technology enterprise"),
    "tech_sme": ("科技型中小企业", "technology-based SME"),
    "advanced_tech_service": ("技术先进型服务企业", "advanced technology service enterprise"),
}
_REGIME = {
    "standard": ("基本税率", "standard rate"),
    "hnte": ("高新技术企业", "high and new technology enterprise"),
    "tase": ("技术先进型服务企业", "technology-advanced service enterprise"),
    "small_profit": ("小型微利企业，所得减按比例计入", "small low-profit enterprise, income partly included"),
}
_CLASS = {
    "buildings": ("房屋、建筑物", "buildings"),
    "machinery": ("机器设备", "machinery"),
    "tools": ("器具、工具、家具", "tools, furniture"),
    "vehicles": ("运输工具", "vehicles"),
    "electronics": ("电子设备", "electronics"),
}
_METHOD = {
    "one_time": ("一次性扣除", "one-time deduction"),
    "hnte_q4": ("全额扣除并加计扣除", "full deduction plus extra"),
    "straight_line": ("直线法折旧", "straight line"),
    **{m: (method_name(m, "zh"), method_name(m, "en")) for m in ACCELERATED_METHODS},
}


def build(facts: ReportInput, law: Law, ledger: Ledger) -> Section:
    """The annual computation and the saving of each preference (``ledger`` is not used: no VAT figure)."""
    if facts.income is None:
        return Section("eit", _ZH, _EN, "not_applicable",
                       notes=(("输入中没有 [income]。", "The input has no [income] table."),))
    f = enterprise_year(facts)
    try:
        b = benefit(f, law=law)
    except InvalidInput as exc:
        if not size_needed(exc):
            raise input_problem(exc, facts=facts) from None
        try:
            annual(f, law=law)
        except InvalidInput as first:
            raise (size_problem(first, facts=facts) if size_needed(first)
                   else input_problem(first, facts=facts)) from None
        raise size_problem(exc, " with a preference undone (needed to value it)", facts) from None
    result = b.result
    rows = listed(f, b)
    savings = tuple(_saving(p) for p in rows)
    tables = []
    if result.equipment:
        tables.append(_equipment_table(law, f, result))
    if result.losses.rows:
        tables.append(_loss_table(result))
    if rows:
        tables.append(_policy_table(rows))
    single = total(p.saving for p in rows)
    notes = [(
        "各项节税额：单独取消该项优惠（对法规数据的假设）、其余不变时本年应纳所得税额的增加额；"
        "只比较本年税额，取消优惠后结转以后年度的亏损的差异未计入。",
        "Each saving is how much more tax the year would bear with that one preference undone (a what-if on "
        "the law data), everything else unchanged; only the year's tax is compared (the losses carried to "
        "later years would differ too, and are not valued).",
    )]
    if rows and single != b.total_saving:
        notes.append((
            f"各项优惠相互影响（如所得跨过上限、税率优惠不叠加）：逐项节税额之和为{_yuan(single)}元，"
            f"全部同时取消的节税额为{_yuan(b.total_saving)}元；报告合计按逐项节税额相加。",
            f"The preferences interact (income crossing a cap, rate reliefs not combined): the single savings "
            f"add up to {_yuan(single)}, all undone together save {_yuan(b.total_saving)}; "
            "the report's total adds the single savings.",
        ))
    return Section("eit", _ZH, _EN, "computed", tuple(_lines(facts, law, f, result, b)), tuple(tables), savings,
                   tuple(notes))


# -- which preferences are listed -----------------------------------------------------------------


def _applies(pid: str, f: EnterpriseYear, r: AnnualResult) -> bool:
    y = f.year
    if pid == "small_profit":
        return r.small_profit is not None and r.small_profit.eligible
    if pid == "hnte_rate":
        return y in f.hnte_rate_years
    if pid == "tase_rate":
        return y in f.tase_years
    if pid == "rd_super_deduction":
        return bool(f.rd.projects or f.rd.intangibles)
    if pid == "equipment_one_time":
        return any(e.method == "one_time" for e in r.equipment)
    if pid == "hnte_equipment_2022q4":
        return any(e.method == "hnte_q4" for e in r.equipment)
    if pid == "accelerated_depreciation":
        return any(e.method in ACCELERATED_METHODS for e in r.equipment)
    if pid in _LOSS_YEARS:  # as taxcalc.eit.benefit tells these rows apart
        return any(u.origin < y and u.carry_years == _LOSS_YEARS[pid] for u in r.losses.rows)
    if pid == "employee_education_8pct":  # the expenses given are tested against the cap
        return r.education is not None
    if pid == "tech_transfer":  # some transfer income qualifies
        return r.tech_transfer is not None and r.tech_transfer.reduction > 0
    if pid == "project_holiday":  # a project in its exempt or half years
        return any(h.phase != "none" for h in r.projects)
    if pid == "venture_capital":  # a deduction earned this year or brought forward
        return r.venture is not None and r.venture.available > 0
    return False


_LOSS_YEARS = {"loss_10_years": 10, "loss_8_years_2020": 8}


def listed(f: EnterpriseYear, b: Benefit) -> tuple[PolicyBenefit, ...]:
    """The preferences the report lists: those that apply this year, and any other with a saving."""
    return tuple(p for p in b.policies if p.saving or _applies(p.id, f, b.result))


_ZERO_WHY = {
    "hnte_rate": ("本年不节税：另一种税率方式税额更低，二者不叠加。",
                  "saves nothing this year: another rate regime gives a lower tax, and they are not combined."),
    "small_profit": ("本年不节税：另一种税率方式税额更低，二者不叠加。",
                     "saves nothing this year: another rate regime gives a lower tax, and they are not combined."),
    "loss_10_years": ("本年不节税：所弥补的亏损在5年内本可弥补；延长的弥补期在以后年度起作用。",
                      "saves nothing this year: the losses used were within their five years anyway; the longer "
                      "window counts in later years."),
    "loss_8_years_2020": ("本年不节税：所弥补的亏损在5年内本可弥补。",
                          "saves nothing this year: the losses used were within their five years anyway."),
}


def _saving(p: PolicyBenefit) -> Saving:
    zh, en = "", ""
    if not p.reduces_only:
        if p.id == "accelerated_depreciation" and p.saving:
            zh = ("时间性优惠：缩短折旧年限或加速折旧把以后年度的折旧提前扣除；后期年度税收折旧少于直线法，"
                  "那些年的节税额为负数。")
            en = ("a timing preference: the shortened life or accelerated method deducts later years' depreciation "
                  "earlier; in the later years of the asset's life the tax depreciation is below the straight "
                  "line, and their saving is negative.")
        elif p.saving < 0:
            zh = ("时间性优惠：资产已在以前年度一次性扣除，本年不再计提税收折旧，故本年节税额为负数。")
            en = ("a timing preference: the asset was deducted in full in an earlier year and is no longer "
                  "depreciated for tax, so this year's saving is negative.")
        elif not p.saving:
            zh = "时间性优惠：本年不节税（扣除落在其他年度）。"
            en = "a timing preference: saves nothing this year (the deduction falls in another year)."
        elif p.id == "hnte_equipment_2022q4":
            zh = "全额扣除把以后年度的折旧提前到本年，另加计扣除；以后年度不再扣除该资产折旧，那些年的节税额可能为负数。"
            en = ("the full deduction brings later years' depreciation forward and the extra deduction comes on top; "
                  "in later years the asset is no longer depreciated for tax, and their saving can be negative.")
        else:
            zh = "时间性优惠：把以后年度的折旧提前到本年扣除；以后年度不再扣除折旧，那些年的节税额为负数。"
            en = ("a timing preference: later years' depreciation is deducted now; in those years the asset is "
                  "no longer depreciated for tax, and their saving is negative.")
    elif not p.saving and not p.tax_without:
        zh, en = "本年不节税：无论是否享受，本年均无应纳税额。", "saves nothing this year: there is no tax either way."
    elif not p.saving:
        zh, en = _ZERO_WHY.get(p.id, ("本年不节税。", "saves nothing this year."))
    return Saving(f"eit.{p.id}", "eit", "eit", p.zh, p.en, p.saving, p.citations, zh, en)


# -- lines ---------------------------------------------------------------------------------------


def _yuan(amount: Decimal) -> str:
    """An amount in a note: ``1,234.50`` (half up to the fen; the report's amounts are already in fen)."""
    return format_value(round_fen(amount), "yuan")


def _cites(steps: tuple[Step, ...] | list[Step]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(c for s in steps for c in s.cite))


def _step(r: AnnualResult, name: str) -> Step | None:
    return next((s for s in r.steps if s.name == name), None)


def _lines(facts: ReportInput, law: Law, f: EnterpriseYear, r: AnnualResult, b: Benefit) -> list[Line]:
    lines = [_main_business(facts, f)]
    lines.extend(_qualifications(facts, f, r))
    lines += [
        Line("eit.profit", "利润总额", "accounting profit", r.profit, form="A100000"),
        Line("eit.adjustments", "其他纳税调整（净额）", "other tax adjustments (net)", r.adjustments, form="A105000"),
    ]
    if r.equipment:
        eq_steps = [s for e in r.equipment for s in e.steps]
        lines.append(Line("eit.equipment_adjustment", "所列资产折旧纳税调整（账载折旧 − 税收扣除）",
                          "depreciation adjustment of the assets listed (book − tax)", r.equipment_adjustment,
                          cite=_cites(eq_steps), form="A105080"))
    if f.rd.projects or f.rd.intangibles:
        base = _step(r, "rd.base")
        ratio = [s for s in r.rd.steps if s.name.startswith("rd.ratio")]
        extra = _step(r, "rd.extra")
        if base is not None:
            lines.append(Line("eit.rd.base", "可加计扣除的研发费用（费用化）", "expensed R&D base", r.rd.base,
                              cite=base.cite, form="A107012"))
        if r.rd.amortisation:
            lines.append(Line("eit.rd.amortisation", "研发形成的无形资产摊销", "amortisation of R&D intangibles",
                              r.rd.amortisation, form="A107012"))
        lines.append(Line("eit.rd.ratio", "加计扣除比例", "super-deduction ratio", None,
                          format_rate(r.rd.ratio, "zh"), format_rate(r.rd.ratio, "en"), _cites(ratio)))
        excluded = [s for s in r.rd.steps if s.name in ("rd.excluded_industries", "rd.in_force")]
        lines.append(Line("eit.rd.extra", "研发费用加计扣除额", "R&D super-deduction", r.rd_extra,
                          cite=extra.cite if extra is not None and extra.cite else _cites(excluded),
                          form="A107012"))
    if r.equipment_extra:
        lines.append(Line("eit.equipment_extra", "高新技术企业设备、器具加计扣除", "high-tech equipment extra deduction",
                          r.equipment_extra, cite=_cites([s for e in r.equipment if e.extra for s in e.steps])))
    lines.extend(_education_lines(r))
    lines.append(Line("eit.income_before_losses", "纳税调整后所得", "income after adjustments, before losses",
                      r.income_before_losses, form="A100000"))
    lines.extend(_reduction_lines(f, r))
    if f.losses:
        used = tuple(dict.fromkeys(u.citation for u in r.losses.rows if u.used))
        lines.append(Line("eit.losses_used", "弥补以前年度亏损", "losses brought forward used", r.losses_used,
                          cite=used, form="A106000"))
    if r.inherited:
        lines.append(Line("eit.inherited_losses_used", "弥补合并、分立承继的亏损（特殊性税务处理）",
                          "losses taken over in a merger or division used (special treatment)", r.inherited_used,
                          cite=_cites([s for s in r.steps if s.name.startswith("inherited[")]), form="A106000"))
    lines.extend(_venture_lines(r))
    lines.append(Line("eit.taxable_income", "应纳税所得额", "taxable income", r.taxable_income, form="A100000"))
    std = law.value("eit.rate.standard", _dt.date(f.year, 12, 31))
    assert isinstance(std.value, Decimal)
    lines.append(Line("eit.standard_tax", f"按基本税率{format_rate(std.value, 'zh')}计算的税额",
                      f"tax at the standard rate of {format_rate(std.value, 'en')}", r.standard_tax,
                      cite=(std.citation,)))
    regime_steps = ([s for s in r.small_profit.steps] if r.regime == "small_profit" and r.small_profit is not None
                    else [s for s in r.steps if s.name == "annual.rate"])
    rz, re_ = _REGIME[r.regime]
    lines.append(Line("eit.rate", "适用税率", "rate applied", None,
                      f"{format_rate(r.rate, 'zh')}（{rz}）", f"{format_rate(r.rate, 'en')} ({re_})",
                      _cites(regime_steps), form="A107040" if r.regime != "standard" else ""))
    if r.relief:
        lines.append(Line("eit.relief", "减免所得税额", "tax relief", r.relief, form="A107040"))
    lines.append(Line("eit.tax", "应纳所得税额", "income tax payable", r.tax, form="A100000"))
    if r.losses_carried:
        lines.append(Line("eit.losses_carried", "结转以后年度弥补的亏损", "losses carried to next year",
                          total(c.amount for c in r.losses_carried),
                          note_zh="；".join(f"{c.year}年 {_yuan(c.amount)}" for c in r.losses_carried),
                          note_en="; ".join(f"{c.year}: {_yuan(c.amount)}" for c in r.losses_carried),
                          form="A106000"))
    lines.append(Line("eit.tax_without_all", "各项优惠同时取消时的应纳所得税额", "tax with every preference undone together",
                      b.tax_without_all,
                      note_zh=f"同时取消节税 {_yuan(b.total_saving)}",
                      note_en=f"together they save {_yuan(b.total_saving)}"))
    return lines


def _education_lines(r: AnnualResult) -> list[Line]:
    """The employee education cap and the adjustment, when the expenses are given (A105050)."""
    e = r.education
    if e is None:
        return []
    share = e.step("share")
    return [
        Line("eit.education.cap", f"职工教育经费扣除限额（工资薪金总额×{format_rate(e.share, 'zh')}）",
             f"employee education cap ({format_rate(e.share, 'en')} of wages)", e.cap, cite=share.cite,
             form="A105050"),
        Line("eit.education.adjustment", "职工教育经费纳税调整（超过限额调增，使用结转调减）",
             "employee education adjustment (+ above the cap, − a carry-forward used)", e.adjustment,
             note_zh=f"本年扣除 {_yuan(e.deducted)}，结转以后年度 {_yuan(e.carried_forward)}",
             note_en=f"deducted {_yuan(e.deducted)}, carried forward {_yuan(e.carried_forward)}",
             cite=share.cite, form="A105050"),
    ]


def _reduction_lines(f: EnterpriseYear, r: AnnualResult) -> list[Line]:
    """Technology-transfer and project income taken off before the losses (所得减免, A107020)."""
    out = []
    t = r.tech_transfer
    if t is not None:
        cut = [s for s in t.steps if s.name in ("exempt", "half_taxed")]
        out.append(Line("eit.tech_transfer", "技术转让所得减免（免征部分 + 减半部分×50%）",
                        "technology-transfer income taken off (exempt + half of the excess)", t.reduction,
                        note_zh=f"符合条件的技术转让所得 {_yuan(t.income)}：免征 {_yuan(t.exempt)}，"
                                f"减半征收 {_yuan(t.half_taxed)}",
                        note_en=f"qualifying income {_yuan(t.income)}: exempt {_yuan(t.exempt)}, "
                                f"half-taxed {_yuan(t.half_taxed)}",
                        cite=_cites(cut), form="A107020"))
    for i, (p, h) in enumerate(zip(f.projects, r.projects, strict=True)):
        phase_zh, phase_en = _PHASE[h.phase]
        out.append(Line(f"eit.projects[{i}]", f"项目所得减免：{p.name}（第{h.holiday_year}年，{phase_zh}）",
                        f"project income taken off: {p.name} (year {h.holiday_year}, {phase_en})", h.reduction,
                        cite=h.step("reduction").cite, form="A107020"))
    if out:
        out.append(Line("eit.income_reduction", "所得减免合计（不超过纳税调整后所得）",
                        "income taken off in all (at most the income)", r.income_reduction, form="A107020"))
    return out


_PHASE = {"exempt": ("免征", "exempt"), "half": ("减半征收", "taxed at half"), "none": ("不在优惠期", "outside the holiday")}


def _venture_lines(r: AnnualResult) -> list[Line]:
    """The venture-capital deduction after the losses (A107030)."""
    v = r.venture
    if v is None:
        return []
    earned = [s for s in v.steps if s.name.endswith(".earned")]
    return [Line("eit.venture", "创业投资企业抵扣应纳税所得额", "venture-capital deduction from taxable income",
                 v.deducted,
                 note_zh=f"本年可抵扣 {_yuan(v.earned)}，以前年度结转 {_yuan(sub(v.available, v.earned))}，"
                         f"结转以后年度 {_yuan(v.carried_forward)}",
                 note_en=f"earned this year {_yuan(v.earned)}, brought forward {_yuan(sub(v.available, v.earned))}, "
                         f"carried forward {_yuan(v.carried_forward)}",
                 cite=_cites(earned), form="A107030")]


def _main_business(facts: ReportInput, f: EnterpriseYear) -> Line:
    inc = facts.income
    assert inc is not None
    zh, en = _INDUSTRIES[f.industry]
    share = f.main_business_share
    if inc.industry:
        how_zh, how_en = "输入给定", "given"
    elif facts.enterprise.industry:
        how_zh, how_en = f"按行业代码{facts.enterprise.industry}", f"from industry code {facts.enterprise.industry}"
    else:
        how_zh, how_en = "未给行业代码", "no industry code given"
    if share != 1:
        how_zh += f"，主营业务收入占比{format_rate(share, 'zh')}"
        how_en += f"; {format_rate(share, 'en')} of income"
    return Line("eit.main_business", "主营业务（所得税规则）", "main business (income-tax rules)", None,
                f"{zh}（{how_zh}）", f"{en} ({how_en})")


def _years(years: tuple[int, ...], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(str(y) for y in years) or ("无" if lang == "zh" else "none")


def _qualifications(facts: ReportInput, f: EnterpriseYear, r: AnnualResult) -> list[Line]:
    """The qualification years used, by kind; a high-tech certificate twice: for the rate and for losses."""
    out = []
    y = f.year
    for kind, years in (("high_tech", f.hnte_rate_years), ("tech_sme", f.tech_sme_qualified_years),
                        ("advanced_tech_service", f.tase_years)):
        if not any(q.kind == kind for q in facts.qualifications):
            continue
        zh, en = QUALIFICATIONS[kind]
        now = y in years
        if kind == "high_tech":
            rate = _step(r, "qualification.hnte_rate")
            out.append(Line("eit.qualified.high_tech", "高新技术企业15%税率年度", "high-tech: years of the 15% rate", None,
                            f"{_years(years, 'zh')}（本年度{'适用' if now else '不适用'}）",
                            f"{_years(years, 'en')} ({'applies' if now else 'does not apply'} in {y})",
                            rate.cite if rate is not None else ()))
            years = f.hnte_loss_years
            now = y in years
            why = [s for s in r.steps if s.name.startswith("qualification.losses.")]
            out.append(Line("eit.qualified.high_tech_losses", "高新技术企业资格年度（亏损结转）",
                            "high-tech: qualification years for losses", None,
                            f"{_years(years, 'zh')}（本年度{'具备' if now else '不具备'}）",
                            f"{_years(years, 'en')} ({'qualified' if now else 'not qualified'} in {y})",
                            _cites(why)))
            continue
        out.append(Line(f"eit.qualified.{kind}", f"{zh}资格年度", f"{en}: qualified years", None,
                        f"{_years(years, 'zh')}（本年度{'具备' if now else '不具备'}）",
                        f"{_years(years, 'en')} ({'qualified' if now else 'not qualified'} in {y})"))
    return out


# -- tables --------------------------------------------------------------------------------------


def _equipment_table(law: Law, f: EnterpriseYear, r: AnnualResult) -> Table:
    rows = []
    for asset, ey in zip(f.equipment, r.equipment, strict=True):
        sl = _straight_line(law, f, asset)
        rows.append((
            asset.name, _CLASS[asset.kind], asset.acquired_on, asset.in_use, asset.cost, _METHOD[ey.method],
            ey.deduction, sl, ey.book, ey.adjustment, _cites(ey.steps),
        ))
    return Table(
        "eit.equipment", f"资产折旧与一次性扣除（{f.year}年度）", f"Assets: tax deduction in {f.year}",
        (
            Column("asset", "资产", "asset", "text"),
            Column("class", "类别", "class", "label"),
            Column("acquired", "购进日期", "bought", "date"),
            Column("in_use", "投入使用", "in use", "month"),
            Column("cost", "单位价值", "cost", "money"),
            Column("method", "税收处理", "tax method", "label"),
            Column("deduction", "本年税收扣除", "tax deduction", "money"),
            Column("straight_line", "不享受时直线法折旧", "straight line instead", "money"),
            Column("book", "账载折旧", "book", "money"),
            Column("adjustment", "纳税调整", "adjustment", "money"),
            Column("cite", "依据", "basis", "cite"),
        ),
        tuple(rows),
        ("", None, None, None, total(a.cost for a in f.equipment), None, total(e.deduction for e in r.equipment),
         total(row[7] for row in rows), total(e.book for e in r.equipment), r.equipment_adjustment, ()),
    )


def _straight_line(law: Law, f: EnterpriseYear, asset: TaxAsset) -> Decimal:
    """The asset's straight-line tax depreciation of the year: its deduction without the preference."""
    if asset.method != "straight_line":  # the straight line over the 第六十条 life, whatever the method chosen
        asset = dataclasses.replace(asset, method="straight_line", life_months=None, industry="",
                                    main_business_share=None, article_98=False)
    s = equipment_schedule(asset, hnte_years=f.hnte_q4_years, law=law)
    return next((a for y, a in s.straight_line if y == f.year), Decimal("0.00"))


def _loss_table(r: AnnualResult) -> Table:
    rows = []
    for u in r.losses.rows:
        origin = (f"{u.origin}（本年）", f"{u.origin} (this year)") if u.origin == r.year else (str(u.origin),) * 2
        rows.append((origin, u.available, u.used, u.expired, u.remaining, str(u.last_year), str(u.carry_years),
                     (u.citation,)))
    return Table(
        "eit.losses", "亏损弥补（按亏损年度）", "Losses by the year they arose",
        (
            Column("year", "亏损年度", "year", "label"),
            Column("available", "可弥补额", "available", "money"),
            Column("used", "本年弥补", "used", "money"),
            Column("expired", "已过期", "expired", "money"),
            Column("remaining", "结转", "carried", "money"),
            Column("last_year", "最后弥补年度", "usable to", "text"),
            Column("years", "结转年限", "years", "text"),
            Column("cite", "依据", "basis", "cite"),
        ),
        tuple(rows),
        ("", total(u.available for u in r.losses.rows), r.losses_used, total(u.expired for u in r.losses.rows),
         total(u.remaining for u in r.losses.rows), "", "", ()),
    )


def _policy_table(rows: tuple[PolicyBenefit, ...]) -> Table:
    return Table(
        "eit.policies", "逐项取消各项优惠", "Each preference undone",
        (
            Column("policy", "优惠", "preference", "label"),
            Column("tax_without", "取消后应纳税额", "tax without it", "money"),
            Column("saving", "节税额（减依法应纳税额）", "saving (less the tax)", "money"),
        ),
        tuple(((p.zh, p.en), p.tax_without, p.saving) for p in rows),
    )
