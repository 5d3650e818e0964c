"""The benefit of each policy (政策效应): the tax saved by each preference, with its citation.

For one enterprise year, :func:`benefit` computes the tax under the law, then
the tax with each preference turned off in turn, and the difference — the
saving that preference brings — with the documents it rests on.  It also gives
the tax with every listed preference off together (their savings interact, so
that total is not the sum of the single ones), and, on request, the tax under
the law as it was known on a chosen day (e.g. 2017-12-31, before the 2018
notices), so the saving from everything published since is a number too.

Turning a policy off is an ordinary input: each policy id maps to a what-if
(:meth:`taxcalc.law.Law.with_values`) on the law data, and :func:`policy_law`
gives that law to any rule function, e.g.
``annual(facts, law=policy_law({"rd_super_deduction"}))``.  Changing one of a
policy's values is the same kind of input:
``annual(facts, law=default().with_values({"eit.small_profit.income_cap": "2000000"}))``.

Policy ids
----------
* ``small_profit`` — small low-profit enterprise relief (小型微利企业); off:
  ``eit.small_profit.in_force`` = false;
* ``hnte_rate`` — 15% rate of high and new technology enterprises; off:
  ``eit.hnte.in_force`` = false;
* ``tase_rate`` — 15% rate of technology-advanced service enterprises; off:
  ``eit.tase.in_force`` = false;
* ``rd_super_deduction`` — R&D super-deduction (研发费用加计扣除); off:
  ``eit.rd.in_force`` = false;
* ``equipment_one_time`` — one-time deduction of equipment ≤ 500万; off:
  ``eit.equipment.one_time.in_force`` = false;
* ``hnte_equipment_2022q4`` — high-tech enterprises' Q4 2022 equipment, full
  deduction + 100%; off: ``eit.equipment.hnte_q4.in_force`` = false;
* ``accelerated_depreciation`` — a shortened life or an accelerated method of
  the assets listed with one (``Equipment.method``: 企业所得税法 第三十二条, 实施条例
  第九十八条, 财税〔2014〕75号, 〔2015〕106号, 2019年第66号); off:
  ``eit.accelerated_depreciation.in_force`` = false, and those assets are
  depreciated on the straight line over the 第六十条 life;
* ``loss_10_years`` — 10-year loss carry-forward of high-tech enterprises and
  tech SMEs (财税〔2018〕76号); off: ``eit.losses.years.qualified`` = 5;
* ``loss_8_years_2020`` — 8-year carry-forward of 2020 hardship and film
  losses; off: ``eit.losses.years.hardship`` and ``.film`` = 5;
* ``employee_education_8pct`` — the 8% cap of employee education expenses
  (财税〔2018〕51号, 〔2015〕63号, 〔2017〕79号); off: the caps
  ``eit.education.cap.*`` = 2.5% (实施条例 第四十二条);
* ``tech_transfer`` — technology-transfer income exempt up to 500万 and half
  above (实施条例 第九十条); off: ``eit.tech_transfer.in_force`` = false;
* ``project_holiday`` — three years exempt, three at half, of public-infrastructure
  and environmental projects (实施条例 第八十七条, 第八十八条); off:
  ``eit.project.infrastructure.in_force`` and ``.environment.in_force`` = false;
* ``venture_capital`` — 70% of a venture-capital investment deducted when its
  two-year holding completes (实施条例 第九十七条); off: ``eit.venture.in_force``
  = false (what was carried forward from earlier years is still deducted).

A saving is never negative for a preference that only lowers the tax of the
year (``reduces_only``).  The three equipment rules are timing preferences: they
bring a deduction forward, so in a later year the asset's ordinary
depreciation, which the preference took away, can make the saving negative —
that is shown, not hidden.  The comparison with the law as known on a day can
go either way.

Choices
-------
* Only the tax of the year is compared; the losses carried to later years
  differ too when a policy is off, and are not valued here.
* ``accelerated_depreciation`` is listed by default only when an asset listed
  has a method other than the straight line (as the policies of optional facts).
  An asset that takes the one-time deduction (which comes first) is not
  depreciated by its method, so that policy's saving does not count it.
* A policy that does not apply to the enterprise shows a saving of 0 with the
  documents that would have applied.
* The 15% rate cites 第二十八条, and 国家税务总局公告2017年第24号 一 in a year a
  certificate is issued or lapses in; the 10-year carry-forward cites
  国家税务总局公告2018年第45号 二 too when a certificate or registration made the
  year that lengthened a loss a qualification year.

>>> from decimal import Decimal
>>> from taxcalc.eit import EnterpriseYear, RdFacts, RdProject
>>> f = EnterpriseYear(2018, profit=Decimal("3000000"),
...                    rd=RdFacts(projects=(RdProject("P", personnel="800000"),)))
>>> b = benefit(f, policies=["rd_super_deduction", "small_profit"])
>>> [(p.id, p.saving) for p in b.policies]
[('rd_super_deduction', Decimal('150000.00')), ('small_profit', Decimal('0.00'))]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..errors import OutsideCoverage, UnknownCategory
from ..explain import Citation, Explained, Formula, Step, later, result
from ..law import Law
from ..law.model import WHAT_IF
from ..money import DateLike, date_arg, sub
from ._common import the_law, year_end, yuan
from .accelerated_depreciation import ACCELERATED_METHODS
from .annual import AnnualResult, annual
from .facts import EnterpriseYear

__all__ = ["POLICIES", "Benefit", "FirstValueOf", "Policy", "PolicyBenefit", "benefit", "policy_law"]


@dataclass(frozen=True, slots=True)
class FirstValueOf:
    """A value of a what-if read from the law data: the first value of ``key`` (the rule before any
    preference), as written (``2.5%``), so no law value is repeated in code.

    >>> from taxcalc.law import default
    >>> FirstValueOf("eit.education.cap.ordinary").read(default())
    '2.5%'
    """

    key: str

    def read(self, law: Law) -> str:
        """The first value of ``key`` that is not a gap, as the law data write it."""
        first = next(v for v in law.history(self.key) if not v.gap)
        return first.shown("en")


#: The cap on employee education expenses of 实施条例 第四十二条 (2.5% of wages), before any preference.
_STATUTORY_EDUCATION_CAP = FirstValueOf("eit.education.cap.ordinary")


@dataclass(frozen=True, slots=True)
class Policy:
    """A preference that can be turned off: its id, names, the what-if that does it, the keys it rests on.

    ``reduces_only`` is true when the preference can only lower the tax of the
    year (its saving is never negative).
    """

    id: str
    zh: str
    en: str
    off: tuple[tuple[str, object], ...]
    keys: tuple[str, ...]
    reduces_only: bool = True
    #: a measure of its time: when the computation does not use it, ``keys`` are read on the last day the
    #: law differed from ``off`` (the measure's last day, from the law data), not on the year's end.
    ended: bool = False


#: The policies :func:`benefit` knows, by id (see the module notes).
POLICIES: dict[str, Policy] = {
    p.id: p
    for p in (
        Policy("small_profit", "小型微利企业所得税优惠", "small low-profit enterprise relief",
               (("eit.small_profit.in_force", False),),
               ("eit.small_profit.income_cap", "eit.small_profit.band1.ratio", "eit.small_profit.rate")),
        Policy("hnte_rate", "高新技术企业减按15%税率", "15% rate of high and new technology enterprises",
               (("eit.hnte.in_force", False),), ("eit.rate.hnte",)),
        Policy("tase_rate", "技术先进型服务企业减按15%税率", "15% rate of technology-advanced service enterprises",
               (("eit.tase.in_force", False),), ("eit.rate.tase",)),
        Policy("rd_super_deduction", "研发费用加计扣除", "R&D super-deduction",
               (("eit.rd.in_force", False),), ("eit.rd.ratio.general",)),
        Policy("equipment_one_time", "设备、器具一次性税前扣除", "one-time deduction of equipment",
               (("eit.equipment.one_time.in_force", False),),
               ("eit.equipment.one_time.unit_value_cap", "eit.equipment.one_time.deduction_month_offset"),
               reduces_only=False),
        Policy("hnte_equipment_2022q4", "高新技术企业2022年第四季度新购置设备、器具一次性扣除并加计扣除",
               "high-tech enterprises' Q4 2022 equipment: full deduction plus 100%",
               (("eit.equipment.hnte_q4.in_force", False),), ("eit.equipment.hnte_q4.extra_ratio",),
               reduces_only=False, ended=True),
        Policy("accelerated_depreciation", "固定资产加速折旧（缩短折旧年限或采取加速折旧的方法）",
               "accelerated depreciation of fixed assets (a shortened life or an accelerated method)",
               (("eit.accelerated_depreciation.in_force", False),),
               ("eit.accelerated_depreciation.in_force", "eit.accelerated_depreciation.methods"),
               reduces_only=False),
        Policy("loss_10_years", "高新技术企业和科技型中小企业亏损结转年限延长至10年",
               "10-year loss carry-forward of high-tech enterprises and tech SMEs",
               (("eit.losses.years.qualified", 5),), ("eit.losses.years.qualified",)),
        Policy("loss_8_years_2020", "受疫情影响较大的困难行业和电影行业2020年亏损结转年限延长至8年",
               "8-year carry-forward of 2020 losses of hardship industries and film",
               (("eit.losses.years.hardship", 5), ("eit.losses.years.film", 5)),
               ("eit.losses.years.hardship", "eit.losses.years.film"), ended=True),
        Policy("employee_education_8pct", "职工教育经费按工资薪金总额8%税前扣除",
               "employee education expenses deductible up to 8% of wages",
               (("eit.education.cap.hnte", _STATUTORY_EDUCATION_CAP),
                ("eit.education.cap.ordinary", _STATUTORY_EDUCATION_CAP),
                ("eit.education.cap.tase", _STATUTORY_EDUCATION_CAP)), ("eit.education.cap.ordinary",)),
        Policy("tech_transfer", "技术转让所得免征、减半征收企业所得税",
               "technology-transfer income exempt up to 5 million, half above",
               (("eit.tech_transfer.in_force", False),), ("eit.tech_transfer.exempt_limit",)),
        Policy("project_holiday", "公共基础设施项目、环境保护节能节水项目所得三免三减半",
               "project income holiday: 3 years exempt, 3 at half",
               (("eit.project.environment.in_force", False), ("eit.project.infrastructure.in_force", False)),
               ("eit.project.infrastructure.exempt_years", "eit.project.environment.exempt_years")),
        Policy("venture_capital", "创业投资企业按投资额的70%抵扣应纳税所得额",
               "venture-capital investment: 70% deducted from taxable income",
               (("eit.venture.in_force", False),), ("eit.venture.ratio",)),
    )
}


@dataclass(frozen=True, slots=True)
class PolicyBenefit:
    """The saving one policy brings: ``tax_without`` − the tax under the law."""

    id: str
    zh: str
    en: str
    tax_without: Decimal
    saving: Decimal
    citations: tuple[Citation, ...]
    reduces_only: bool


@result
class Benefit(Explained):
    """The benefit of each policy for one enterprise year.

    ``tax`` and ``result`` are under the law given; ``policies`` one row per
    policy; ``tax_without_all`` / ``total_saving`` with every listed policy off
    together; ``known_on`` / ``tax_as_known_on`` / ``saving_since`` the
    comparison with the law as known on a day (``None`` when not asked).
    """

    year: int
    tax: Decimal
    result: AnnualResult
    policies: tuple[PolicyBenefit, ...]
    tax_without_all: Decimal
    total_saving: Decimal
    known_on: _dt.date | None
    tax_as_known_on: Decimal | None
    saving_since: Decimal | None
    steps: tuple[Step, ...]

    def policy(self, id: str) -> PolicyBenefit:  # noqa: A002
        """The row of policy ``id``."""
        for p in self.policies:
            if p.id == id:
                return p
        raise KeyError(id)


def _policy(p: str | Policy) -> Policy:
    if isinstance(p, Policy):
        return p
    if isinstance(p, str) and p in POLICIES:
        return POLICIES[p]
    raise UnknownCategory("policy", p, tuple(POLICIES))


def _what_if(law: Law, off: tuple[tuple[str, object], ...]) -> Law:
    """The what-if law with some values replaced; one object per (law, what-if), so its cache keeps working."""
    return law.memo(_read_what_if, off)


def _read_what_if(law: Law, off: tuple[tuple[str, object], ...]) -> Law:
    return law.with_values({key: raw.read(law) if isinstance(raw, FirstValueOf) else raw for key, raw in off})


def _known_view(law: Law, day: _dt.date) -> Law:
    """The law as known on ``day``; one view per (law, day), so its cache keeps working."""
    return law.memo(Law.as_known_on, day)


def policy_law(disabled: Iterable[str | Policy], *, law: Law | None = None) -> Law:
    """The law with the given policies turned off (a what-if), for any rule function.

    >>> from taxcalc.eit import rd_ratio
    >>> rd_ratio(2018, law=policy_law({"rd_super_deduction"})).ratio  # the ratio is data; the switch is off
    Decimal('0.75')
    >>> policy_law(["no_such_policy"])
    Traceback (most recent call last):
    ...
    taxcalc.errors.UnknownCategory: policy: unknown value 'no_such_policy'; expected one of: small_profit, hnte_rate, tase_rate, rd_super_deduction, equipment_one_time, hnte_equipment_2022q4, accelerated_depreciation, loss_10_years, loss_8_years_2020, employee_education_8pct, tech_transfer, project_holiday, venture_capital
    """
    off: dict[str, object] = {}
    for p in disabled:
        off.update(_policy(p).off)
    return _what_if(the_law(law), tuple(sorted(off.items())))


def _citations(p: Policy, facts: EnterpriseYear, result: AnnualResult, law: Law) -> tuple[Citation, ...]:
    """The documents of a policy for this enterprise year: those the computation used, else those in force."""
    cites: list[Citation] = []
    pid = p.id
    if pid == "small_profit":
        if result.small_profit is not None:
            for s in result.small_profit.steps:
                cites.extend(s.cite)
    elif pid == "rd_super_deduction":
        for s in result.rd.steps:
            if s.name.startswith("rd.ratio"):
                cites.extend(s.cite)
    elif pid in ("equipment_one_time", "hnte_equipment_2022q4"):
        method = "one_time" if pid == "equipment_one_time" else "hnte_q4"
        for e in result.equipment:
            if e.method == method:
                for s in e.steps:
                    cites.extend(s.cite)
    elif pid == "accelerated_depreciation":  # the enabling article, the grounds and the method of each asset
        for e in result.equipment:
            if e.method in ACCELERATED_METHODS:
                for s in e.steps:
                    cites.extend(s.cite)
    elif pid in ("loss_10_years", "loss_8_years_2020"):
        n = 10 if pid == "loss_10_years" else 8
        cites.extend([u.citation for u in result.losses.rows if u.carry_years == n])
        if pid == "loss_10_years" and cites and (facts.hnte_certificates or facts.tech_sme_registrations):
            for s in result.steps:  # how the qualification years were read (45号 二)
                if s.name.startswith("qualification.losses."):
                    cites.extend(s.cite)
    elif pid == "employee_education_8pct":
        if result.education is not None:
            cites.extend(result.education.step("share").cite)
    elif pid == "tech_transfer":
        if result.tech_transfer is not None and result.income_reduction:
            for s in result.tech_transfer.steps:
                if s.name in ("exempt", "half_taxed"):
                    cites.extend(s.cite)
    elif pid == "project_holiday":
        for h in result.projects:
            cites.extend(h.step("reduction").cite)
    elif pid == "venture_capital":
        if result.venture is not None:
            for s in result.venture.steps:
                if s.name.endswith(".earned"):
                    cites.extend(s.cite)
    elif pid == "hnte_rate":  # the rate (below), and how the certificates decide the year (24号 一)
        if facts.hnte_certificates:
            for s in result.steps:
                if s.name == "qualification.hnte_rate":
                    cites.extend(s.cite)
    if not cites or pid == "hnte_rate":
        day = law.memo(_last_difference, p.off) if p.ended else None
        cites = [*_in_force(law, p.keys, day or year_end(facts.year)), *cites]
    return tuple([c for c in dict.fromkeys(cites) if c.doc != WHAT_IF])


def _last_difference(law: Law, off: tuple[tuple[str, object], ...]) -> _dt.date | None:
    """The last day on which a value of ``law`` differs from the policy's ``off`` values: a measure's last day.

    ``None`` when a window that differs has no end (the measure is still in force).
    """
    last: _dt.date | None = None
    for key, value in off:
        for v in law.spec(key).values:
            if v.gap or v.value == value:
                continue
            if v.last is None:
                return None
            last = v.last if last is None else max(last, v.last)
    return last


def _in_force(law: Law, keys: tuple[str, ...], day: _dt.date) -> tuple[Citation, ...]:
    """The citations of the values of ``keys`` in force on ``day`` (those covering it), once per law."""
    return law.memo(_read_in_force, keys, day)


def _read_in_force(law: Law, keys: tuple[str, ...], day: _dt.date) -> tuple[Citation, ...]:
    own: list[Citation] = []
    for key in keys:
        try:
            v = law.value(key, day)
        except OutsideCoverage:
            continue
        own.append(v.citation)
    return tuple(own)


def _cannot_change(p: Policy, facts: EnterpriseYear, result: AnnualResult) -> bool:
    """Whether turning ``p`` off plainly leaves the tax of ``result`` as it is (so it need not be recomputed).

    Only for the policies of :data:`POLICIES`, each for a reason that holds
    under any law: the rate regimes are alternatives of which the lowest tax
    applies, so turning off one that was not applied changes nothing; the other
    switches are read only for the facts named (R&D expenses, assets, losses
    brought forward).
    """
    if POLICIES.get(p.id) is not p:
        return False
    pid = p.id
    if pid == "small_profit":
        return result.regime != "small_profit"
    if pid == "hnte_rate":
        return result.regime != "hnte"
    if pid == "tase_rate":
        return result.regime != "tase"
    if pid == "rd_super_deduction":
        return not facts.rd.projects and not facts.rd.intangibles
    if pid in ("equipment_one_time", "hnte_equipment_2022q4"):
        return not facts.equipment
    if pid == "accelerated_depreciation":  # the switch is read only for an asset with a method
        return not _accelerating(facts)
    if pid == "loss_10_years":
        return not facts.losses
    if pid == "loss_8_years_2020":
        return not any(loss.extension for loss in facts.losses)
    if pid == "employee_education_8pct":
        return facts.education_expenses is None
    if pid == "tech_transfer":
        return not facts.tech_transfers
    if pid == "venture_capital":
        return not facts.venture_investments
    if pid == "project_holiday":
        return not facts.projects
    return False


def _accelerating(facts: EnterpriseYear) -> bool:
    """Whether an asset listed has a method other than the straight line."""
    for e in facts.equipment:  # a loop, not any() over a generator: the benefit of a year is timed
        if e.method != "straight_line":
            return True
    return False


#: The policies of optional facts, listed by default only when the facts are given (so that the
#: benefit of an enterprise year without them is as it was).
_OF_FACTS: dict[str, Callable[[EnterpriseYear], bool]] = {
    "accelerated_depreciation": _accelerating,
    "employee_education_8pct": lambda f: f.education_expenses is not None,
    "tech_transfer": lambda f: bool(f.tech_transfers),
    "project_holiday": lambda f: bool(f.projects),
    "venture_capital": lambda f: bool(f.venture_investments or f.venture_brought_forward),
}


def _by_default(facts: EnterpriseYear) -> list[Policy]:
    """The policies :func:`benefit` lists when none are named: all, those of optional facts when given."""
    return [p for p in POLICIES.values() if p.id not in _OF_FACTS or _OF_FACTS[p.id](facts)]


def _minus_formula(lang: str, without: Decimal, tax: Decimal) -> str:
    return f"{yuan(without)} − {yuan(tax)}"


def benefit(
    facts: EnterpriseYear,
    *,
    policies: Iterable[str | Policy] | None = None,
    known_on: DateLike | None = None,
    law: Law | None = None,
) -> Benefit:
    """The tax of ``facts`` under ``law``, and the saving each policy brings.

    ``policies`` are ids of :data:`POLICIES` or :class:`Policy` objects (default:
    all, the five of optional facts — ``accelerated_depreciation``,
    ``employee_education_8pct``, ``tech_transfer``, ``project_holiday``,
    ``venture_capital`` — only when their facts are given);
    ``known_on`` also compares with the law as known on that day.
    """
    law = the_law(law)
    chosen = [_policy(p) for p in (_by_default(facts) if policies is None else policies)]
    day = None if known_on is None else date_arg(known_on, "known_on")
    result = annual(facts, law=law)
    tax = result.tax
    rows: list[PolicyBenefit] = []
    for p in chosen:
        without = tax if _cannot_change(p, facts, result) else annual(facts, law=_what_if(law, p.off)).tax
        rows.append(PolicyBenefit(p.id, p.zh, p.en, without, sub(without, tax), _citations(p, facts, result, law),
                                  p.reduces_only))
    all_off: dict[str, object] = {}
    for p in chosen:
        all_off.update(p.off)
    tax_without_all = annual(facts, law=_what_if(law, tuple(sorted(all_off.items())))).tax if chosen else tax
    as_known = since = None
    if day is not None:
        as_known = annual(facts, law=_known_view(law, day)).tax
        since = sub(as_known, tax)
    return Benefit(facts.year, tax, result, tuple(rows), tax_without_all, sub(tax_without_all, tax), day, as_known,
                   since, later(_steps))


def _steps(b: Benefit) -> list[Step]:
    """The tax, the saving of each policy, of all together, and against the law as known on a day."""
    tax = b.tax
    steps = [Step("benefit.tax", "依法计算的应纳所得税额", "tax under the law", tax, "yuan", "", (), "A100000")]
    for r in b.policies:
        steps.append(Step(f"benefit.{r.id}", f"{r.zh}：节税额", f"{r.en}: tax saved", r.saving, "yuan",
                          Formula(_minus_formula, (r.tax_without, tax)), r.citations))
    steps.append(Step("benefit.total", "上述政策合计节税额（同时取消）", "tax saved by all the policies above together",
                      b.total_saving, "yuan", Formula(_minus_formula, (b.tax_without_all, tax))))
    if b.known_on is not None:
        steps.append(Step("benefit.since", f"与{b.known_on}已公布的规定相比的节税额",
                          f"tax saved against the law as known on {b.known_on}", b.saving_since, "yuan",
                          Formula(_minus_formula, (b.tax_as_known_on, tax))))
    return steps
