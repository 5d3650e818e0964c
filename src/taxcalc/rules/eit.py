"""The enterprise income tax rules as the registry describes them: input models, compute
adapters, texts.

Each ``compute`` is a thin adapter calling the public function of :mod:`taxcalc.eit`.
The records of :mod:`taxcalc.eit` are :func:`taxcalc.inputs.record` classes:
``eit.annual`` takes :class:`~taxcalc.eit.EnterpriseYear` itself, and the tables
inside the other inputs (losses, certificates, R&D facts, the enterprise's year)
are those records, read by :func:`taxcalc.inputs.parse` like every field.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from .. import eit
from ..eit.accelerated_depreciation import method_name
from ..errors import InvalidInput
from ..explain import Citation, format_value, jsonable
from ..inputs import Amount, Choice, Date, Flag, Integer, Nested, Rate, Rows, Year, Years, record
from ..text import render_table
from .fields import Names
from .protocol import Definition

if TYPE_CHECKING:
    from ..law import Law

__all__ = ["DEFINITIONS", "LossWindow"]

_WIDTH = 100
_ONE = Decimal(1)
#: Rows a list of an input may hold.
_MAX_ROWS = 10_000


def _yuan(v: object, lang: str) -> str:
    return format_value(v, "yuan", lang)


@record
class SmallProfitInput:
    """An enterprise's taxable income and size for a tax year."""

    income: Annotated[Decimal, Amount("taxable income of the year after losses (应纳税所得额), yuan", sign="any")]
    year: Annotated[int, Year("tax year")]
    employees: Annotated[Decimal | None, Amount("average employees of the year (从业人数)")] = None
    assets: Annotated[Decimal | None, Amount("average total assets of the year (资产总额), yuan")] = None
    industrial: Annotated[bool, Flag("an industrial enterprise (工业企业; caps before 2019)")] = False
    restricted: Annotated[bool, Flag("in a restricted or prohibited industry")] = False


def _small_profit(i: SmallProfitInput, *, law: Law | None) -> eit.SmallProfit:
    return eit.small_profit(i.income, i.year, employees=i.employees, assets=i.assets, industrial=i.industrial,
                            restricted=i.restricted, law=law)


#: The tests a small low-profit enterprise can fail (``SmallProfit.failed``), as people read them.
_FAILED = {
    "income": ("应纳税所得额超过上限", "taxable income over the cap"),
    "employees": ("从业人数超过上限", "employees over the cap"),
    "assets": ("资产总额超过上限", "total assets over the cap"),
    "restricted": ("从事国家限制和禁止行业", "restricted or prohibited industry"),
}


def _small_profit_text(r: eit.SmallProfit, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    failed = [_FAILED[f][1 if en else 0] if f in _FAILED else f for f in r.failed]
    if en:
        head = (f"small low-profit enterprise, tax year {r.year}: "
                f"{'eligible' if r.eligible else 'not eligible (' + ', '.join(failed) + ')'}; "
                f"tax {_yuan(r.tax, 'en')}, relief {_yuan(r.relief, 'en')}")
    else:
        head = (f"小型微利企业 {r.year}年度：{'符合条件' if r.eligible else '不符合条件（' + '、'.join(failed) + '）'}；"
                f"应纳所得税额 {_yuan(r.tax, 'zh')}，减免所得税额 {_yuan(r.relief, 'zh')}")
    return head + "\n" + r.explain(lang)


@record
class RdRatioInput:
    """A tax year and the kinds of enterprise."""

    year: Annotated[int, Year("tax year")]
    kinds: Annotated[tuple[str, ...], Names("kind of enterprise (repeatable; general always applies)",
                                             eit.KINDS)] = ()


def _rd_ratio(i: RdRatioInput, *, law: Law | None) -> eit.RdRatio:
    return eit.rd_ratio(i.year, kinds=i.kinds, law=law)


def _rd_ratio_text(r: eit.RdRatio, lang: str, inputs: Any = None) -> str:
    ratio = format_value(r.ratio, "rate")
    amort = format_value(r.amortisation_multiple, "rate")
    if lang == "en":
        head = f"R&D super-deduction {r.year} ({', '.join(r.kinds)}): {ratio}; intangibles amortised at {amort} of cost"
    else:
        head = f"研发费用加计扣除 {r.year}年度：加计扣除比例 {ratio}；形成无形资产的按成本的 {amort} 摊销"
    return head + "\n" + r.explain(lang)


@record
class RdSuperDeductionInput:
    """The R&D expenses of a tax year and what decides the ratio."""

    facts: Annotated[eit.RdFacts, Nested("the R&D projects and intangibles (as the report's rd table)", eit.RdFacts)]
    year: Annotated[int, Year("tax year")]
    industry: Annotated[str, Choice("the industry (for the excluded industries)", tuple(eit.INDUSTRIES))] = "other"
    main_business_share: Annotated[Decimal, Rate("the main business's share of revenue (manufacturers)")] = _ONE
    tech_sme: Annotated[bool, Flag("a technology-based SME in the year")] = False
    ic_machine: Annotated[bool, Flag("an integrated-circuit or industrial-machine enterprise")] = False
    opened: Annotated[_dt.date | None, Date("the day the enterprise opened, if in the year")] = None
    closed: Annotated[_dt.date | None, Date("the day the enterprise closed, if in the year")] = None


def _rd_super_deduction(i: RdSuperDeductionInput, *, law: Law | None) -> eit.RdResult:
    return eit.rd_super_deduction(i.facts, i.year, industry=i.industry, main_business_share=i.main_business_share,
                                  tech_sme=i.tech_sme, ic_machine=i.ic_machine, opened=i.opened, closed=i.closed,
                                  law=law)


@record
class EquipmentInput:
    """One asset: its value, class and dates."""

    cost: Annotated[Decimal, Amount("unit value (单位价值), yuan")]
    kind: Annotated[str, Choice("class of fixed asset", eit.ASSET_KINDS)]
    acquired_on: Annotated[_dt.date, Date("purchase date: invoice date (arrival date for instalments, completion "
                                          "for self-built)")]
    in_use: Annotated[_dt.date, Date("day put into use")]
    acquisition: Annotated[str, Choice("how it was acquired", eit.ACQUISITIONS)] = "purchase"
    residual: Annotated[Decimal, Amount("residual value for depreciation, yuan")] = Decimal(0)
    hnte: Annotated[bool, Flag("a high and new technology enterprise in the purchase year")] = False


def _equipment(i: EquipmentInput, *, law: Law | None) -> eit.EquipmentSchedule:
    asset = eit.Equipment("asset", i.cost, i.kind, acquired_on=i.acquired_on, in_use=i.in_use,
                          acquisition=i.acquisition, residual=i.residual)
    return eit.equipment_schedule(asset, hnte_years=[asset.acquired_on.year] if i.hnte else [], law=law)


_METHOD = {
    "one_time": ("一次性扣除", "one-time deduction"),
    "straight_line": ("直线法折旧", "straight-line depreciation"),
    "hnte_q4": ("当年全额扣除并加计扣除", "full deduction in the year plus an extra deduction"),
}


def _equipment_text(s: eit.EquipmentSchedule, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    method = _METHOD[s.method][1 if en else 0]
    columns = [(s.one_time, "one-time", "一次性扣除"), (s.straight_line, "straight line", "直线法折旧"),
               (s.extra, "extra deduction", "加计扣除")]
    by_year = [(dict(schedule), name_en if en else name_zh) for schedule, name_en, name_zh in columns if schedule]
    years = sorted({y for amounts, _ in by_year for y in amounts})
    rows = [[str(y), *(_yuan(amounts[y], lang) if y in amounts else "" for amounts, _ in by_year)] for y in years]
    head = ["year" if en else "年度", *(name for _, name in by_year)]
    table = render_table(head, rows, right=tuple(range(1, len(head))), width=_WIDTH)
    title = f"tax method: {method}" if en else f"税前扣除方法：{method}"
    return f"{title}\n{table}\n\n{s.explain(lang)}"


@record
class AcceleratedDepreciationInput:
    """One fixed asset, the depreciation chosen for it, and the tax year asked about."""

    cost: Annotated[Decimal, Amount("cost, the tax basis (计税基础), yuan", sign="positive")]
    kind: Annotated[str, Choice("class of fixed asset (实施条例 第六十条)", eit.ASSET_KINDS)]
    acquired_on: Annotated[_dt.date, Date("purchase date (新购进; self-built: completion)")]
    in_use: Annotated[_dt.date, Date("day put into use")]
    year: Annotated[int, Year("the tax year asked about")]
    method: Annotated[str, Choice("depreciation method", eit.DEPRECIATION_METHODS)] = "straight_line"
    industry: Annotated[str, Choice("the enterprise's main business (主营业务)",
                                    tuple(eit.ACCELERATION_INDUSTRIES))] = "other"
    life_months: Annotated[int | None, Integer("the life chosen, in months", minimum=1, maximum=1200)] = None
    residual: Annotated[Decimal, Amount("residual value (预计净残值), yuan")] = Decimal(0)
    main_business_share: Annotated[Decimal, Rate("the main business's share of total income in the year "
                                                 "put into use")] = _ONE
    article_98: Annotated[bool, Flag("an asset of 实施条例 第九十八条 (fast obsolescence, strong vibration, "
                                     "high corrosion)")] = False


def _accelerated_depreciation(i: AcceleratedDepreciationInput, *, law: Law | None) -> eit.AcceleratedYear:
    asset = eit.DepreciableAsset("asset", i.cost, i.kind, acquired_on=i.acquired_on, in_use=i.in_use,
                                 industry=i.industry, method=i.method, life_months=i.life_months,
                                 residual=i.residual, main_business_share=i.main_business_share,
                                 article_98=i.article_98)
    return eit.accelerated_depreciation(asset, i.year, law=law)


def _accelerated_text(r: eit.AcceleratedYear, lang: str, inputs: Any = None) -> str:
    if lang == "en":
        head = (f"{r.year}: deduction {_yuan(r.deduction, 'en')} ({method_name(r.method, 'en')}, "
                f"{r.life_months} months); "
                f"straight line {_yuan(r.straight_line, 'en')}; difference {_yuan(r.difference, 'en')}")
    else:
        head = (f"{r.year}年度：税收折旧额 {_yuan(r.deduction, 'zh')}（{method_name(r.method)}，{r.life_months}个月）；"
                f"一般规定折旧额 {_yuan(r.straight_line, 'zh')}；加速折旧统计额 {_yuan(r.difference, 'zh')}")
    return head + "\n" + r.explain(lang)


@dataclasses.dataclass(frozen=True, slots=True)
class LossWindow:
    """The carry-forward window of a loss: the last year it may be used, and the rule that sets it."""

    origin: int
    last_year: int
    years: int
    citation: Citation

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {f.name: jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}

    def explain(self, lang: str = "zh") -> str:
        """One line."""
        if lang == "en":
            return f"loss of {self.origin}: usable to {self.last_year} ({self.years} years) [{self.citation}]"
        return f"{self.origin}年度亏损：可结转弥补至{self.last_year}年度（{self.years}年）[{self.citation}]"


@record
class LossWindowInput:
    """A loss's year, and what extends its window."""

    origin: Annotated[int, Year("the tax year of the loss")]
    qualified_years: Annotated[tuple[int, ...], Years("a year as high-tech enterprise or tech SME "
                                                      "(repeatable)")] = ()
    extension: Annotated[str, Choice("a 2020 hardship or film loss", eit.EXTENSIONS)] = ""


def _loss_window(i: LossWindowInput, *, law: Law | None) -> LossWindow:
    last, years, cite = eit.loss_window(i.origin, extension=i.extension, qualified_years=i.qualified_years, law=law)
    return LossWindow(i.origin, last, years, cite)


@record
class LossesInput:
    """A year's income before losses and the losses brought into it."""

    year: Annotated[int, Year("tax year")]
    income: Annotated[Decimal, Amount("income before losses (纳税调整后所得; negative for a loss)", sign="any")]
    brought_forward: Annotated[tuple[eit.Loss, ...], Rows("losses of earlier years not yet made up",
                                                          eit.Loss, max_items=_MAX_ROWS)] = ()
    qualified_years: Annotated[tuple[int, ...], Years("years as high-tech enterprise or tech SME")] = ()
    extension: Annotated[str, Choice("a 2020 hardship or film loss of this year", eit.EXTENSIONS)] = ""

    def checks(self) -> Iterator[tuple[str, str]]:
        """Every loss brought forward arose before the year; one loss a year."""
        seen: set[int] = set()
        for n, loss in enumerate(self.brought_forward):
            if loss.year >= self.year:
                yield f"brought_forward[{n}].year", f"a loss brought into {self.year} must arise before it " \
                    f"(got {loss.year})"
            if loss.year in seen:
                yield f"brought_forward[{n}].year", f"two losses of {loss.year}; give one amount per year"
            seen.add(loss.year)


def _losses(i: LossesInput, *, law: Law | None) -> eit.LossYear:
    return eit.apply_losses(i.year, i.income, i.brought_forward, qualified_years=i.qualified_years,
                            extension=i.extension, law=law)


@record
class QualificationInput:
    """A tax year and the enterprise's certificates and registrations."""

    year: Annotated[int, Year("tax year")]
    certificates: Annotated[tuple[eit.HnteCertificate, ...], Rows("high-tech enterprise certificates",
                                                                  eit.HnteCertificate, max_items=_MAX_ROWS)] = ()
    registrations: Annotated[tuple[eit.TechSmeRegistration, ...], Rows(
        "technology-based SME registrations", eit.TechSmeRegistration, max_items=_MAX_ROWS)] = ()


def _qualification(i: QualificationInput, *, law: Law | None) -> eit.QualificationYear:
    return eit.qualification_year(i.year, certificates=i.certificates, registrations=i.registrations, law=law)


def _annual(facts: eit.EnterpriseYear, *, law: Law | None) -> eit.AnnualResult:
    return eit.annual(facts, law=law)


@record
class BenefitInput:
    """An enterprise's year and, optionally, the policies to measure."""

    facts: Annotated[eit.EnterpriseYear, Nested("the enterprise's facts for the year (as eit.annual reads them)",
                                                eit.EnterpriseYear)]
    policies: Annotated[tuple[str, ...], Names("the policies to measure (default: all)",
                                               tuple(eit.POLICIES))] = ()


def _benefit(i: BenefitInput, *, law: Law | None) -> eit.Benefit:
    try:
        return eit.benefit(i.facts, policies=i.policies or None, law=law)
    except InvalidInput as exc:  # a fact the law asks for, named where the document has it
        if type(exc) is not InvalidInput:
            raise
        raise InvalidInput(f"facts.{exc.field}", exc.reason) from None


def _explained(r: Any, lang: str, inputs: Any = None) -> str:
    return str(r.explain(lang))


def _loss_window_text(r: LossWindow, lang: str, inputs: Any = None) -> str:
    return r.explain(lang)


def _d(input: type[Any], compute: Any, result: tuple[type[Any], ...], text: Any = _explained) -> Definition:
    return Definition(input=input, compute=compute, result=result, text=text)


def _examples(definitions: dict[str, Definition]) -> dict[str, Definition]:
    return {k: dataclasses.replace(d, example=EXAMPLES[k]) for k, d in definitions.items()}


#: An input of each rule, as a JSON document gives it.
EXAMPLES: dict[str, dict[str, Any]] = {
    "eit.small_profit": {"income": "1000000", "year": 2018, "employees": "50", "assets": "8000000"},
    "eit.rd_ratio": {"year": 2023, "kinds": ["ic_machine"]},
    "eit.rd_super_deduction": {"facts": {"projects": [{"name": "P1", "personnel": "600000",
                                                       "direct_inputs": "300000", "other": "100000"}]},
                               "year": 2022, "industry": "manufacturing"},
    "eit.equipment": {"cost": "5000000", "kind": "machinery", "acquired_on": "2018-12-05", "in_use": "2018-12-20"},
    "eit.accelerated_depreciation": {"cost": "1200000", "kind": "machinery", "acquired_on": "2019-03-20",
                                     "in_use": "2019-03-20", "year": 2019, "method": "double_declining",
                                     "article_98": True},
    "eit.loss_window": {"origin": 2013, "qualified_years": [2018]},
    "eit.losses": {"year": 2018, "income": "300000", "qualified_years": [2018],
                   "brought_forward": [{"year": 2013, "amount": "500000"}]},
    "eit.qualification_year": {"year": 2018, "certificates": [{"number": "GR201711000123", "first": "2017-10-25",
                                                               "last": "2020-10-24"}]},
    "eit.annual": {"year": 2018, "profit": "800000", "employees": "50", "assets": "8000000",
                   "losses": [{"year": 2016, "amount": "100000"}]},
    "eit.benefit": {"facts": {"year": 2018, "profit": "800000", "employees": "50", "assets": "8000000"}},
}

#: The definition of each income tax rule, by id (see :mod:`taxcalc.rules.protocol`).
DEFINITIONS: dict[str, Definition] = _examples({
    "eit.small_profit": _d(SmallProfitInput, _small_profit, (eit.SmallProfit,), _small_profit_text),
    "eit.rd_ratio": _d(RdRatioInput, _rd_ratio, (eit.RdRatio,), _rd_ratio_text),
    "eit.rd_super_deduction": _d(RdSuperDeductionInput, _rd_super_deduction, (eit.RdResult,)),
    "eit.equipment": _d(EquipmentInput, _equipment, (eit.EquipmentSchedule,), _equipment_text),
    "eit.accelerated_depreciation": _d(AcceleratedDepreciationInput, _accelerated_depreciation,
                                       (eit.AcceleratedYear,), _accelerated_text),
    "eit.loss_window": _d(LossWindowInput, _loss_window, (LossWindow,), _loss_window_text),
    "eit.losses": _d(LossesInput, _losses, (eit.LossYear,)),
    "eit.qualification_year": _d(QualificationInput, _qualification, (eit.QualificationYear,)),
    "eit.annual": _d(eit.EnterpriseYear, _annual, (eit.AnnualResult,)),
    "eit.benefit": _d(BenefitInput, _benefit, (eit.Benefit,)),
})
