"""The annual computation (年度汇算清缴): from profit to tax, every line explained and cited.

The computation of one enterprise's tax year, in the order of the annual return
(A100000):

1. accounting profit (利润总额);
2. plus the net tax adjustments given, and the adjustment of each listed asset:
   its book depreciation less its tax deduction — one-time, high-tech Q4 2022,
   or straight line (A105080, :mod:`taxcalc.eit.equipment`);
3. less the R&D super-deduction (A107012, :mod:`taxcalc.eit.rd_super_deduction`)
   and the 2022 Q4 high-tech equipment extra deduction, giving the income before
   losses (纳税调整后所得), which may be a loss — a super-deduction can create one;
4. less the losses brought forward, oldest first, within their windows
   (A106000, :mod:`taxcalc.eit.losses`), giving the taxable income
   (应纳税所得额);
5. the rate regime: 25% (企业所得税法 第四条); 15% for a high and new technology
   enterprise (第二十八条) — in a year on whose 31 December it holds a valid
   certificate (国家税务总局公告2017年第24号 一, :mod:`taxcalc.eit.qualifications`) —
   or a technology-advanced service enterprise (财税〔2017〕79号); or the small
   low-profit relief
   (:mod:`taxcalc.eit.small_profit`).  They are not combined: the regime giving
   the lowest tax applies.  (No notice found states that the small low-profit
   relief and a 15% rate exclude each other; the relief is itself a rate of 20%
   on a reduced income, so the two cannot apply to the same income.)
6. the tax (应纳所得税额), rounded half up to the fen, and the relief
   (减免所得税额, A107040) against the standard rate.

When given (all optional), the employee education adjustment (A105050,
:mod:`taxcalc.eit.employee_education`) is part of the income after adjustments;
the technology-transfer relief (所得减免, :mod:`taxcalc.eit.tech_transfer`) is
taken off before the losses, at most the income; and the venture-capital
deduction (A107030, :mod:`taxcalc.eit.venture`) after them.

Two optional facts bear on the losses:

* ``hardship_tests`` — the facts of the 2020 hardship-industry test
  (2020年第8号 第四条, :func:`taxcalc.eit.hardship_loss_extension`) for a loss
  marked ``"hardship"``.  taxcalc's choice: the mark is **checked, not decided**:
  a mark whose facts fail the test (industry not listed, or main-business share
  below 50%) is refused with an error naming the field
  (``hardship_tests[i].industry`` / ``.main_business_income``); a mark that passes
  keeps its 8 years and the test's steps (``hardship[YEAR].*``, citing 第四条) are
  shown before the losses; a mark without facts is taken as given, as before.
  Under a what-if that gives the hardship years no more than the general ones
  there is nothing to test, and nothing is refused.
* ``inherited_losses`` — losses taken over in a special-treatment merger or
  division (财税〔2009〕59号 第六条第（四）、（五）项): after the enterprise's own
  losses (the order :mod:`taxcalc.eit.restructuring` chooses), each set in the
  order given, by :func:`taxcalc.eit.inherited_loss_year` (oldest first, each
  loss in its own window, a merger's at most its yearly limit).  Steps
  ``inherited[i].*``; the result's :attr:`AnnualResult.inherited` holds each
  set's use and what it carries to next year.  A division's shares are taken the
  same way (no limit), not mixed into the own losses.  It is not a preference:
  :func:`taxcalc.eit.benefit` shows no policy for it (the carry-over is in the
  tax with and without every preference alike).

The losses carried to the next year — including a loss made this year — are
part of the result (``losses_carried``), ready to go into next year's input.

Choices
-------
* The small low-profit size tests need the quarterly figures or the annual
  averages; leaving them out is an error when the relief could otherwise apply.
* Tax credits (抵免), foreign income and the other preferences of the law are
  outside this computation: put their effect into ``adjustments`` where it is a
  base adjustment.

>>> from decimal import Decimal
>>> from taxcalc.eit import EnterpriseYear, RdFacts, RdProject, Loss
>>> e = EnterpriseYear(2018, profit=Decimal("1500000"), employees=Decimal(60), assets=Decimal("9000000"),
...                    rd=RdFacts(projects=(RdProject("P", personnel="400000"),)),
...                    losses=(Loss(2016, Decimal("200000")),))
>>> r = annual(e)
>>> r.income_before_losses, r.losses_used, r.taxable_income, r.regime, r.tax
(Decimal('1200000.00'), Decimal('200000'), Decimal('1000000.00'), 'small_profit', Decimal('100000.00'))
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, format_value, later, result
from ..law import Law
from ..money import CONTEXT, FEN, ZERO, total
from ._common import months_operated, signed_yuan, the_law, year_end, yuan
from .employee_education import EmployeeEducation, employee_education
from .equipment import EquipmentYear, _asset_year
from .facts import EnterpriseYear
from .hardship import HardshipExtension, hardship_loss_extension
from .losses import Loss, LossYear, _year_losses
from .project_holiday import ProjectHoliday, project_holiday
from .qualifications import _read_loss_step, _read_rate_step
from .rd_super_deduction import RdResult
from .rd_super_deduction import _compute as _rd_compute
from .restructuring import InheritedLossYear, _inherited_in_year
from .small_profit import (
    SmallProfit,
    _in_annual,
    _InAnnual,
    _income_above_cap,
    _read_averaging,
    _read_method,
    _read_year_regimes,
)
from .small_profit import _Regime as _SmallProfitLaw
from .tech_transfer import TechTransfer, tech_transfer
from .venture import VentureCapital, venture_capital

__all__ = ["AnnualResult", "REGIMES", "annual"]

#: The rate regimes an enterprise year can be taxed under.
REGIMES = ("standard", "hnte", "tase", "small_profit")


@result(when_read=("losses", "small_profit"))
class AnnualResult(Explained):
    """Every line of one enterprise's tax year.

    ``regime`` is one of :data:`REGIMES`; ``alternatives`` the tax under each
    regime the enterprise qualified for; ``relief`` = ``standard_tax − tax``.
    ``rd``, ``equipment``, ``losses`` and ``small_profit`` hold the detailed
    results of the rules (``small_profit`` is ``None`` when the relief could not
    apply, or when there is no taxable income and no size figures to test);
    ``steps`` explain every line.
    """

    year: int
    profit: Decimal
    adjustments: Decimal
    equipment_adjustment: Decimal
    rd_extra: Decimal
    equipment_extra: Decimal
    income_before_losses: Decimal
    losses_used: Decimal
    taxable_income: Decimal
    regime: str
    rate: Decimal
    standard_tax: Decimal
    tax: Decimal
    relief: Decimal
    alternatives: tuple[tuple[str, Decimal], ...]
    new_loss: Decimal
    losses_carried: tuple[Loss, ...]
    rd: RdResult
    equipment: tuple[EquipmentYear, ...]
    losses: LossYear
    small_profit: SmallProfit | None
    steps: tuple[Step, ...]

    # The preferences of the optional facts (wages and education expenses, technology
    # transfers, venture investments, projects) are read as properties, not fields, so the
    # result of an enterprise year without them is field for field what it was; their
    # figures are in the steps (``education.*``, ``tech_transfer.*``, ``projects[i].*``,
    # ``annual.income_reduction``, ``venture.*``).

    @property
    def income_reduction(self) -> Decimal:
        """Income taken off before the losses (所得减免, A107020): technology transfers and projects (0 when none)."""
        return self._preferences.income_reduction

    @property
    def education(self) -> EmployeeEducation | None:
        """The employee education cap (``None`` when no education expenses are given)."""
        return self._preferences.education

    @property
    def tech_transfer(self) -> TechTransfer | None:
        """The technology-transfer relief (``None`` when no transfers are given)."""
        return self._preferences.tech_transfer

    @property
    def venture(self) -> VentureCapital | None:
        """The venture-capital deduction after the losses (``None`` when no investments are given)."""
        return self._preferences.venture

    @property
    def projects(self) -> tuple[ProjectHoliday, ...]:
        """The holiday of each project given (三免三减半), in the order given."""
        return self._preferences.projects

    @property
    def inherited(self) -> tuple[InheritedLossYear, ...]:
        """The use of each set of inherited losses given (``inherited_losses``), in the order given."""
        return self._preferences.inherited

    @property
    def inherited_used(self) -> Decimal:
        """Inherited losses used this year (0 when none are given); ``taxable_income`` is after them."""
        return total([r.used for r in self._preferences.inherited])

    @property
    def hardship(self) -> tuple[HardshipExtension, ...]:
        """The 2020 hardship-industry test of each ``hardship_tests`` row (each passed: a failed one is refused)."""
        return self._preferences.hardship

    @property
    def _preferences(self) -> _Preferences:
        found: _Preferences = self.__dict__.get("_preferences_given", _NO_PREFERENCES)
        return found


class _Preferences(NamedTuple):
    """What the optional facts of :class:`~taxcalc.eit.EnterpriseYear` added to a year."""

    income_reduction: Decimal
    education: EmployeeEducation | None
    tech_transfer: TechTransfer | None
    venture: VentureCapital | None
    projects: tuple[ProjectHoliday, ...]
    inherited: tuple[InheritedLossYear, ...] = ()
    hardship: tuple[HardshipExtension, ...] = ()
    #: The steps of ``inherited`` (the 59号 rule of each set, then its use).
    inherited_steps: tuple[Step, ...] = ()


_NO_PREFERENCES = _Preferences(ZERO, None, None, None, ())
_result_state = AnnualResult.__getstate__


def _state(self: AnnualResult) -> dict[str, object]:
    """The fields (as :func:`taxcalc.explain.result` pickles them) and the preferences of the optional facts."""
    state: dict[str, object] = {**_result_state(self)}  # type: ignore[dict-item]
    given = self.__dict__.get("_preferences_given")
    if given is not None:
        state["_preferences_given"] = given
    return state


setattr(AnnualResult, "__getstate__", _state)  # noqa: B010  (a pickled result keeps its preferences)


class _Regime(NamedTuple):
    name: str
    rate: Decimal
    step: Step


#: The law of the small low-profit relief in each run of months of a year (``_read_year_regimes``).
_Parts = tuple[tuple[tuple[int, ...], _SmallProfitLaw], ...]


def _read_year_law(law: Law, year: int, months: tuple[int, ...], hnte: bool,  # noqa: FBT001
                   tase: bool) -> tuple[tuple[_Regime, ...], _Parts]:  # noqa: FBT001
    """The law of the rates of ``year``, read once per law (kept by :meth:`Law.memo`).

    The rate regimes open to the enterprise besides the small low-profit relief
    (:func:`_read_rates`), then the law of that relief in each part of the year
    (``_read_year_regimes``), in the order the computation needs them.
    """
    return _read_rates(law, year, hnte, tase), law.memo(_read_year_regimes, year, months)


def _read_rates(law: Law, year: int, hnte: bool, tase: bool) -> tuple[_Regime, ...]:  # noqa: FBT001
    """The rate regimes open to an enterprise in ``year`` (besides small low-profit), standard first."""
    day = year_end(year)
    std = law.value("eit.rate.standard", day)
    assert isinstance(std.value, Decimal)
    out = [_Regime("standard", std.value, std.step("annual.rate", "基本税率", "standard rate", "", "A100000"))]
    for flag_key, key, wanted, name, zh, en in (
        ("eit.hnte.in_force", "eit.rate.hnte", hnte, "hnte", "高新技术企业减按税率", "high and new technology enterprise rate"),
        ("eit.tase.in_force", "eit.rate.tase", tase, "tase", "技术先进型服务企业减按税率",
         "technology-advanced service enterprise rate"),
    ):
        if wanted and law.value(flag_key, day).value:
            v = law.value(key, day)
            assert isinstance(v.value, Decimal)
            out.append(_Regime(name, v.value, v.step("annual.rate", zh, en, "", "A107040")))
    return tuple(out)


def _before_formula(lang: str, profit: Decimal, adjustments: Decimal, equipment: Decimal, rd: Decimal,
                    extra: Decimal, education: Decimal = ZERO) -> str:
    text = f"{yuan(profit)} {signed_yuan(adjustments)} {signed_yuan(equipment)} − {yuan(rd)}"
    if education:
        text = f"{text} {signed_yuan(education)}"
    return f"{text} − {yuan(extra)}" if extra else text


def _regime_formula(lang: str, alternatives: tuple[tuple[str, Decimal], ...]) -> str:
    if lang == "zh":
        return f"min({', '.join([f'{_REGIME_ZH[r]} {yuan(t)}' for r, t in alternatives])})"
    return f"min({', '.join([f'{r} {yuan(t)}' for r, t in alternatives])})"


def _cut_formula(lang: str, reduction: Decimal, before: Decimal) -> str:
    return f"MIN({yuan(reduction)}, MAX({yuan(before)}, 0))"


def _education_kind(f: EnterpriseYear, y: int) -> str:
    """The enterprise's status for the education cap: technology-advanced service, high-tech, or ordinary.

    A technology-advanced service year before the data's first (2017) is outside the coverage, as for its rate.
    """
    if y in f.tase_years:
        return "tase"
    return "hnte" if y in f.hnte_rate_years else "ordinary"


def _minus_formula(lang: str, a: Decimal, b: Decimal) -> str:
    return f"{yuan(a)} − {yuan(b)}"


def _carried_formula(lang: str, carried: tuple[Loss, ...]) -> str:
    return "; ".join([f"{c.year}: {yuan(c.amount)}" for c in carried])


def annual(facts: EnterpriseYear, *, law: Law | None = None) -> AnnualResult:
    """Compute one enterprise's tax year under ``law`` (default: the package's data).

    See the module notes for the order of the lines and the choices made.
    """
    if not isinstance(facts, EnterpriseYear):
        raise InvalidInput("facts", "must be an EnterpriseYear")
    law = the_law(law)
    f = facts
    y = f.year
    months = months_operated(y, f.opened, f.closed)
    # Equipment: each asset's tax deduction against its book depreciation.
    eq_years: list[EquipmentYear] = []
    eq_adj = eq_extra = ZERO
    for i, a in enumerate(f.equipment):
        ey = _asset_year(a, y, f.hnte_q4_years, law, f"equipment[{i}]")
        eq_years.append(ey)
        eq_adj = CONTEXT.add(eq_adj, ey.adjustment)
        if ey.extra:
            eq_extra = CONTEXT.add(eq_extra, ey.extra)
    # R&D super-deduction.
    rd = _rd_compute(law, y, f.rd, f.industry, f.main_business_share, months,
                     tech_sme=y in f.tech_sme_qualified_years, ic_machine=f.ic_machine)
    before = CONTEXT.subtract(CONTEXT.add(CONTEXT.add(f.profit, f.adjustments), eq_adj), rd.extra)
    if eq_extra:
        before = CONTEXT.subtract(before, eq_extra)
    # Employee education expenses (an adjustment) and technology-transfer income (所得减免), when given.
    edu = tt = None
    cut = ZERO
    if f.education_expenses is not None:
        edu = employee_education(y, wages=f.wages, expenses=f.education_expenses,  # type: ignore[arg-type]
                                 brought_forward=f.education_brought_forward, kind=_education_kind(f, y), law=law)
        before = CONTEXT.add(before, edu.adjustment)
    if f.tech_transfers:
        tt = tech_transfer(y, f.tech_transfers, law=law)
    holidays = tuple([project_holiday(y, p.kind, first_income_year=p.first_income_year, income=p.income,
                                      separately_accounted=p.separately_accounted,
                                      contracted_or_own_use=p.contracted_or_own_use, law=law)
                      for p in f.projects]) if f.projects else ()
    if tt is not None or holidays:  # 所得减免 takes off no more than the income
        cut = min(total(([tt.reduction] if tt is not None else []) + [h.reduction for h in holidays]),
                  max(before, ZERO))
    hardship = _hardship_tests(law, f) if f.hardship_tests else ()
    # Losses.
    used, ti, new_loss, carried, rows, losses = _year_losses(
        law, y, CONTEXT.subtract(before, cut) if cut else before, f.losses, f.qualified, f.loss_extension)
    whys: list[Step] = []  # why each qualification year that extended a loss is one
    if rows and (f.hnte_certificates or f.tech_sme_registrations):
        for q in sorted({u.qualified_by for u in rows if u.qualified_by}):
            why = law.memo(_read_loss_step, q, f.hnte_certificates, f.tech_sme_registrations)
            if why is not None:
                whys.append(why)
    inherited: tuple[InheritedLossYear, ...] = ()
    inherited_steps: tuple[Step, ...] = ()
    if f.inherited_losses:  # after the own losses (restructuring.py's order)
        inherited, inherited_steps = _inherited_in_year(law, y, ti, f.inherited_losses)
        ti = inherited[-1].taxable_income
    vc = None
    if f.venture_investments or f.venture_brought_forward:  # after the losses (A100000 line 22)
        vc = venture_capital(y, f.venture_investments, income=ti, brought_forward=f.venture_brought_forward, law=law)
        ti = CONTEXT.subtract(ti, vc.deducted)
    rate_why = None  # the certificates decide the 15% rate of the year
    if f.hnte_certificates and y not in f.hnte_years:
        rate_why = law.memo(_read_rate_step, y, f.hnte_certificates)
    # Rate regimes: the lowest tax of those the enterprise qualifies for (in the order of REGIMES on a tie).
    regimes, segs = law.memo(_read_year_law, y, months, y in f.hnte_rate_years, y in f.tase_years)
    alternatives = []
    for r in regimes:  # the tax under each, half up to the fen
        alternatives.append((r.name, CONTEXT.quantize(CONTEXT.multiply(ti, r.rate), FEN)))
    standard_tax = alternatives[0][1]
    best = 0
    for i in range(1, len(alternatives)):
        if alternatives[i][1] < alternatives[best][1]:
            best = i
    regime, tax = alternatives[best]
    rate = regimes[best].rate
    rate_step: Step | None = regimes[best].step  # None: the small low-profit relief's own steps show the rate
    relief = _small_profit(law, f, y, ti, months, segs)
    sp = None
    if relief is not None:
        eligible, sp_tax, sp = relief
        if eligible:
            alternatives.append(("small_profit", sp_tax))
        if eligible and sp_tax < tax:
            regime, tax, rate_step = "small_profit", sp_tax, None
            last = segs[-1][1].figures
            assert last is not None
            rate = last.rate
    out = AnnualResult(
        y, f.profit, f.adjustments, eq_adj, rd.extra, eq_extra, before, used, ti, regime, rate,
        standard_tax, tax, CONTEXT.subtract(standard_tax, tax), tuple(alternatives), new_loss, carried,
        rd, tuple(eq_years), losses, sp,
        later(_steps, bool(f.rd.projects or f.rd.intangibles), bool(rows), whys, rate_why, rate_step),
    )
    if edu is not None or tt is not None or vc is not None or holidays or inherited or hardship:
        out.__dict__["_preferences_given"] = _Preferences(cut, edu, tt, vc, holidays, inherited, hardship,
                                                          inherited_steps)
    return out


def _hardship_tests(law: Law, f: EnterpriseYear) -> tuple[HardshipExtension, ...]:
    """The 2020 hardship test of each ``hardship_tests`` row; a mark whose facts fail it is refused."""
    out: list[HardshipExtension] = []
    for i, t in enumerate(f.hardship_tests):
        r = hardship_loss_extension(t.year, t.industry, main_business_income=t.main_business_income,
                                    total_income=t.total_income, non_taxable_income=t.non_taxable_income,
                                    investment_income=t.investment_income, law=law)
        if r.share is not None and not r.eligible:  # the law extends the year, the facts do not qualify
            shown = {s.name: s.value for s in r.steps}
            field, why = (("industry", f"{t.industry} is not a hardship industry") if not shown["industry"] else
                          ("main_business_income", f"the main-business share {format_value(r.share, 'rate')} "
                                                   f"is below {format_value(shown['least_share'], 'rate')}"))
            raise InvalidInput(f"hardship_tests[{i}].{field}",
                               f"the {t.year} loss is marked `hardship` but {why} "
                               "(财政部 税务总局公告2020年第8号 第四条): the loss is not carried for 8 years")
        out.append(r)
    return tuple(out)


def _steps(r: AnnualResult, rd_shown: bool, losses_shown: bool, whys: list[Step],  # noqa: FBT001
           rate_why: Step | None, rate_step: Step | None) -> list[Step]:
    """The steps of the annual computation, in the order of the return (written when first read).

    ``rd_shown`` and ``losses_shown``: whether the year has R&D expenses and losses
    (brought forward or its own) whose steps are shown; ``whys`` and ``rate_why`` explain the qualification years that extended a loss
    and the year's 15% rate, when certificates decide them; ``rate_step`` is the
    rate applied, ``None`` when it is the small low-profit relief's.
    """
    steps: list[Step] = [
        Step("annual.profit", "利润总额", "accounting profit", r.profit, "yuan", "", (), "A100000"),
        Step("annual.adjustments", "纳税调整（净额，不含所列资产）", "net tax adjustments (other than the assets listed)",
             r.adjustments, "yuan", "", (), "A105000"),
    ]
    for ey in r.equipment:
        steps.extend(ey.steps)
    if r.equipment:
        steps.append(Step("annual.equipment_adjustment", "资产折旧、摊销纳税调整（所列资产）",
                          "depreciation adjustment of the assets listed", r.equipment_adjustment, "yuan", "", (),
                          "A105080"))
    if rd_shown:
        steps.extend(r.rd.steps)
    if r.equipment_extra:
        steps.append(Step("annual.equipment_extra", "高新技术企业设备、器具加计扣除", "high-tech equipment extra deduction",
                          r.equipment_extra, "yuan"))
    edu_adjustment = ZERO
    given = r._preferences  # the optional facts' preferences, read once
    if given.education is not None:
        steps.extend([e._replace(name="education." + e.name) for e in given.education.steps])
        edu_adjustment = given.education.adjustment
    steps.append(Step("annual.income_before_losses", "纳税调整后所得", "income after adjustments, before losses",
                      r.income_before_losses, "yuan",
                      Formula(_before_formula, (r.profit, r.adjustments, r.equipment_adjustment, r.rd_extra,
                                                r.equipment_extra, edu_adjustment)), (), "A100000"))
    parts: list[Decimal] = []
    if given.tech_transfer is not None:
        steps.extend([t._replace(name="tech_transfer." + t.name) for t in given.tech_transfer.steps
                      if t.name not in ("rate", "tax_saved")])  # the year's rate is the computation's own
        parts.append(given.tech_transfer.reduction)
    for i, h in enumerate(given.projects):
        steps.extend([s._replace(name=f"projects[{i}].{s.name}") for s in h.steps if s.name not in ("rate", "tax_saved")])
        parts.append(h.reduction)
    if parts:
        steps.append(Step("annual.income_reduction", "所得减免（不超过纳税调整后所得）",
                          "income taken off (所得减免; at most the income)", given.income_reduction, "yuan",
                          Formula(_cut_formula, (total(parts), r.income_before_losses)), (), "A100000"))
    steps.extend(whys)
    for test in given.hardship:
        steps.extend([s._replace(name=f"hardship[{test.year}].{s.name}") for s in test.steps])
    if losses_shown:
        steps.extend(r.losses.steps)
    if given.inherited_steps:
        steps.extend(given.inherited_steps)
    if given.venture is not None:
        steps.extend([v._replace(name="venture." + v.name) for v in given.venture.steps])
    steps.append(Step("annual.taxable_income", "应纳税所得额", "taxable income", r.taxable_income, "yuan", "", (),
                      "A100000"))
    if rate_why is not None:
        steps.append(rate_why)
    sp = r.small_profit
    if sp is not None and not sp.eligible:
        steps.extend(sp.steps)
    if rate_step is None:
        assert sp is not None
        steps.extend(sp.steps)
    else:
        steps.append(rate_step)
    tax, regime = r.tax, r.regime
    if len(r.alternatives) > 1:
        steps.append(Step("annual.regime", _REGIME_LABEL_ZH[regime], _REGIME_LABEL_EN[regime], tax, "yuan",
                          Formula(_regime_formula, (r.alternatives,))))
    steps.append(Step("annual.tax", "应纳所得税额", "tax payable", tax, "yuan", "", (), "A100000"))
    if r.relief:
        steps.append(Step("annual.relief", "减免所得税额", "tax relief against the standard rate", r.relief, "yuan",
                          Formula(_minus_formula, (r.standard_tax, tax)), (), "A107040"))
    carried = r.losses_carried
    if carried:
        steps.append(Step("annual.losses_carried", "结转以后年度弥补的亏损", "losses carried to next year",
                          total([c.amount for c in carried]), "yuan", Formula(_carried_formula, (carried,)), (),
                          "A106000"))
    return steps


_REGIME_ZH = {"standard": "基本税率", "hnte": "高新技术企业", "tase": "技术先进型服务企业", "small_profit": "小型微利企业"}
#: The labels of the step naming the regime applied, by regime.
_REGIME_LABEL_ZH = {r: f"适用税率方式：{zh}（取税额最低者，不叠加）" for r, zh in _REGIME_ZH.items()}
_REGIME_LABEL_EN = {r: f"rate regime: {r} (the lowest tax; not combined)" for r in _REGIME_ZH}


def _small_profit(law: Law, f: EnterpriseYear, y: int, ti: Decimal, months: tuple[int, ...],
                  segs: _Parts) -> _InAnnual | None:
    """The small low-profit test, when the relief could apply; ``None`` when it plainly cannot.

    Whether the relief applies, the tax with it, and the :class:`SmallProfit` (made when read).

    ``segs`` is the law of the relief in each part of the year (``_read_year_regimes``).
    Monthly figures (``months``) in a year the law averages by quarter are refused, whatever the income.
    """
    monthly = law.memo(_read_averaging, y, "months") if f.months else None
    in_force = False
    above = True  # above the income cap in every part of the year in which the relief is in force
    for _, r in segs:
        g = r.figures
        if g is not None:
            in_force = True
            if ti <= g.cap:
                above = False
    if not in_force:  # the relief is not in force in any month of the year
        return None
    industrial = bool(f.industrial)
    if len(segs) > 1 and (f.restricted or above):  # not eligible whatever the size: the size is not tested
        return _in_annual(segs, y, ti, months, None, None, industrial=industrial, restricted=f.restricted,
                          averaged=None)
    if len(segs) == 1 and above and not f.restricted:  # above the income cap: the other tests do not matter
        cap = segs[0][1].cap
        assert cap is not None
        return _income_above_cap(y, ti, cap, industrial)
    size = f.size
    if size is None and not ti:  # no income: no tax under any regime, nothing to test
        return None
    if size is None and (len(segs) > 1 or not f.restricted):
        raise _size_wanted(law, y, ti)
    emp, ast = size if size is not None else (None, None)
    return _in_annual(segs, y, ti, months, emp, ast, industrial=industrial, restricted=f.restricted,
                      averaged=law.memo(_read_averaging, y) if f.quarters else monthly)


def _size_wanted(law: Law, y: int, ti: Decimal) -> InvalidInput:
    """The request for the size figures, by the period the year's law averages them by (months to 2016)."""
    if law.memo(_read_method, y).value == "monthly":
        return InvalidInput("months", f"taxable income {ti} is within the small low-profit cap: give the monthly "
                            "employees and total assets (or their annual averages) to test the relief")
    return InvalidInput("quarters", f"taxable income {ti} is within the small low-profit cap: give the "
                        "quarterly employees and total assets (or their annual averages) to test the relief")
