"""R&D super-deduction (研发费用加计扣除): the extra deduction of a tax year.

The rule
--------
On top of deducting its R&D expenses, an enterprise deducts a further share of
them (企业所得税法 第三十条; 实施条例 第九十五条); an intangible asset formed by R&D
is amortised at (1 + that share) times its cost.  The share by year and kind of
enterprise:

* 2008–2017: 50% (amortised at 150%), all (实施条例 第九十五条; 财税〔2015〕119号);
* 2017–2019: 75% (175%), 科技型中小企业 (财税〔2017〕34号);
* 2018 – 2022-09-30: 75% (175%), all (财税〔2018〕99号; 2021年第6号);
* 2021–2022: 100% (200%), 制造业企业 (2021年第13号);
* 2022: 100% (200%), 科技型中小企业 (2022年第16号);
* 2022-10-01 – 2022-12-31: 100% (200%), those then at 75% (2022年第28号 二);
* from 2023: 100% (200%), all (2023年第7号);
* 2023–2027: 120% (220%), listed IC and 工业母机 enterprises (2023年第44号).

The base (财税〔2015〕119号, 国家税务总局公告2015年第97号, 2021年第28号, 财税〔2018〕64号):

* own R&D: personnel, direct inputs, depreciation, amortisation, new-product
  design fees (the "five items", 人员人工等五项), plus other related expenses
  (其他相关费用) up to ``五项之和 × 10% ÷ (1 − 10%)`` — per project before 2021,
  all projects together from 2021;
* entrusted R&D (委托研发) counts at 80% of the amount paid;
* entrusted overseas R&D (委托境外研发) counted nothing before 2018; from 2018 it
  counts at 80%, limited to 2/3 of the qualifying domestic R&D expenses
  (own + entrusted domestic, both as counted).

2022: for an enterprise at 75% until 2022-09-30 the Q4 share is either the
actual Q4 expenses (``base_after_switch``) or the year's base × the months it
operated from 2022-10-01 ÷ the months it operated in 2022 (2022年第28号 二);
the months method is the default.  Amortisation is always apportioned by months.
``base_after_switch`` is ignored in a year whose ratio does not change (for the
enterprise, or under a what-if).

Cliffs (tested as such)
-----------------------
* The negative list (负面清单, 财税〔2015〕119号 四, from 2016): an enterprise
  whose main business is tobacco, accommodation, catering, wholesale and retail,
  real estate, leasing and business services or entertainment and whose
  main-business income is **more than** 50% of its income (97号 第四条 "50%（不含）
  以上") gets no super-deduction at all: at 50% it does, at 50.01% it does not.
* Manufacturer status (2021–2022): main-business income **50% or more**
  ("达到50%以上", 2021年第13号 一).

Keys read
---------
``eit.rd.in_force``, ``eit.rd.ratio.{general,tech_sme,manufacturer,ic_machine}`` (a
kind's key holds only the periods of its own rule; outside them the general
ratio applies, so a what-if on the general ratio reaches every enterprise
without a rule of its own),
``eit.rd.excluded_industries``, ``eit.rd.excluded_share``,
``eit.rd.manufacturer_share``, ``eit.rd.other_expenses.capped`` / ``.cap_share`` / ``.pooled``,
``eit.rd.entrusted.share``, ``eit.rd.entrusted_overseas.share`` / ``.cap``.
``eit.rd.other_expenses.capped`` says which form the other expenses take.

Before 2016 (国税发〔2008〕116号; 财税〔2013〕70号 from 2013) the eligible expenses were
a closed list, each counted in full, with no negative list and no capped "other"
category: for those years ``other`` is read as the listed expenses outside the five
items (technical books and translation; appraisal, review and acceptance of results;
the items 财税〔2013〕70号 added from 2013, whose text was not seen) and counted in full — leave out what the list does
not name (travel, meetings, expert consultation), which was not eligible then.
Domestic entrusted R&D counted in full (116号 第六条).  Overseas entrusted R&D of
2008–2015 is outside the coverage (whether it qualified was not verified): giving it
for such a year is an :class:`~taxcalc.errors.OutsideCoverage` error.  Whether the
R&D falls in the fields 116号 第四条 names is the caller's to decide.

Rounding and choices
--------------------
* The caps on other related expenses and on overseas R&D, and the extra
  deductions, are rounded half up to the fen (the form A107012 carries fen);
  the 2/3 test itself is exact.
* ``main_business_share`` is one figure for both tests, although the
  denominators differ slightly (97号 deducts non-taxable and investment income).
* The capitalised costs of a year are not part of the other-expenses cap of that
  year here (2021年第28号 counts them in the year the intangible is formed).

>>> r = rd_super_deduction(RdFacts(projects=(RdProject("A", personnel="600000", direct_inputs="300000",
...                                             other="150000"),)), 2018)
>>> r.other_eligible, r.base, r.ratio, r.extra
(Decimal('100000.00'), Decimal('1000000.00'), Decimal('0.75'), Decimal('750000.00'))
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, NamedTuple

from ..errors import InvalidInput, OutsideCoverage
from ..explain import Citation, Explained, Formula, Step, later, result
from ..inputs import Amount, Rows, Text, derived, record, take
from ..law import Law, LawValue
from ..money import CONTEXT, ZERO, DateLike, MoneyLike, div, round_fen, total
from ._common import (
    INDUSTRIES,
    MANUFACTURING,
    as_share,
    choice,
    flag,
    industry_arg,
    month_end,
    months_operated,
    optional_date,
    percent,
    segments,
    tax_year,
    the_law,
    year_end,
    yuan,
)

__all__ = [
    "KINDS",
    "RdFacts",
    "RdIntangible",
    "RdProject",
    "RdRatio",
    "RdResult",
    "rd_ratio",
    "rd_super_deduction",
]

#: Kinds of enterprise with their own ratio key (``eit.rd.ratio.<kind>``).
KINDS = ("general", "tech_sme", "manufacturer", "ic_machine")
_ONE = Decimal(1)
_ZERO_FEN = Decimal("0.00")


@record(checked=True)
class RdProject:
    """One R&D project's expenses of the year (研发项目), expensed (not capitalised).

    File fields (amounts in yuan): ``name``, ``personnel`` (人员人工费用),
    ``direct_inputs`` (直接投入费用), ``depreciation`` (折旧费用), ``amortisation``
    (无形资产摊销费用), ``design`` (新产品设计费等), ``other`` (其他相关费用),
    ``entrusted_domestic`` and ``entrusted_overseas`` (amounts paid for R&D
    entrusted to others in China / to overseas bodies).
    """

    name: Annotated[str, Text("the project's name")] = ""
    personnel: Annotated[Decimal, Amount("人员人工费用: wages, social insurance, contractors' labour")] = ZERO
    direct_inputs: Annotated[Decimal, Amount("直接投入费用: materials, fuel, power, testing")] = ZERO
    depreciation: Annotated[Decimal, Amount("折旧费用: depreciation of instruments and equipment used")] = ZERO
    amortisation: Annotated[Decimal, Amount("无形资产摊销费用: software, patents, know-how used")] = ZERO
    design: Annotated[Decimal, Amount("新产品设计费等: new-product design, new process rules, trials")] = ZERO
    other: Annotated[Decimal, Amount("其他相关费用: counted up to the cap on other expenses")] = ZERO
    entrusted_domestic: Annotated[Decimal, Amount("paid for R&D entrusted in China (counted at 80%)")] = ZERO
    entrusted_overseas: Annotated[Decimal, Amount("paid for R&D entrusted overseas (80%, within 2/3 of the "
                                                  "domestic base)")] = ZERO

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, name: str = ..., personnel: MoneyLike = ..., direct_inputs: MoneyLike = ...,
            depreciation: MoneyLike = ..., amortisation: MoneyLike = ..., design: MoneyLike = ...,
            other: MoneyLike = ..., entrusted_domestic: MoneyLike = ...,
            entrusted_overseas: MoneyLike = ...) -> None: ...

    @property
    def five(self) -> Decimal:
        """The five items (人员人工等五项费用之和)."""
        return total((self.personnel, self.direct_inputs, self.depreciation, self.amortisation, self.design))

    @classmethod
    def from_mapping(cls, data: object, where: str = "project") -> RdProject:
        """Build from a table with the field names above."""
        return take(cls, data, where)


@record(checked=True)
class RdIntangible:
    """An intangible asset formed by R&D, and its ordinary amortisation for the year.

    File fields: ``name``, ``cost`` (its cost), ``amortisation`` (the year's
    straight-line amortisation of that cost, 100%).
    """

    name: Annotated[str, Text("what it is")]
    cost: Annotated[Decimal, Amount("its cost")]
    amortisation: Annotated[Decimal, Amount("the year's straight-line amortisation of that cost")]

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, name: str, cost: MoneyLike, amortisation: MoneyLike) -> None: ...

    def checks(self) -> Iterator[tuple[str, str]]:
        """amortisation is not more than cost."""
        if self.amortisation > self.cost:
            yield "amortisation", f"is more than the cost {self.cost}"

    @classmethod
    def from_mapping(cls, data: object, where: str = "intangible") -> RdIntangible:
        """Build from a table with the field names above."""
        return take(cls, data, where)


class _Totals(NamedTuple):
    fives: tuple[Decimal, ...]
    five: Decimal
    other: Decimal
    entrusted_domestic: Decimal
    entrusted_overseas: Decimal
    amortisation: Decimal


#: Projects and intangibles a year's R&D may list.
MAX_ROWS = 10_000


@record(checked=True)
class RdFacts:
    """The R&D of one tax year: projects, intangibles amortised, and the 2022 Q4 choice.

    ``base_after_switch`` (optional) is the part of the year's base incurred on or
    after the day the ratio changed inside the year (2022-10-01): the "actual"
    method of 2022年第28号 二.  File fields: ``projects``, ``intangibles``,
    ``base_after_switch``.
    """

    projects: Annotated[tuple[RdProject, ...], Rows("R&D projects, spending by category", RdProject,
                                                    max_items=MAX_ROWS)] = ()
    intangibles: Annotated[tuple[RdIntangible, ...], Rows("intangibles formed by R&D, amortised in the year",
                                                          RdIntangible, max_items=MAX_ROWS)] = ()
    base_after_switch: Annotated[Decimal | None, Amount("2022 only: the part of the base incurred from "
                                                        "2022-10-01 (the actual method of 2022年第28号 二); "
                                                        "default: by months")] = None
    #: Sums of the projects' figures (made the first time they are read, and kept).
    totals: _Totals = derived("_totals")

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, projects: Iterable[RdProject | Mapping[str, object]] = ...,
            intangibles: Iterable[RdIntangible | Mapping[str, object]] = ...,
            base_after_switch: MoneyLike | None = ...) -> None: ...

    def _totals(self) -> _Totals:
        """The sums of the projects' figures, each added up in the order of the rows (as :func:`total`)."""
        add = CONTEXT.add
        fives: list[Decimal] = []
        five = other = domestic = overseas = amortisation = ZERO
        for p in self.projects:  # a project's five items in the order of RdProject.five
            x = add(add(add(add(add(ZERO, p.personnel), p.direct_inputs), p.depreciation), p.amortisation),
                    p.design)
            fives.append(x)
            five = add(five, x)
            other = add(other, p.other)
            domestic = add(domestic, p.entrusted_domestic)
            overseas = add(overseas, p.entrusted_overseas)
        for i in self.intangibles:
            amortisation = add(amortisation, i.amortisation)
        return _Totals(tuple(fives), five, other, domestic, overseas, amortisation)

    @classmethod
    def from_mapping(cls, data: object, where: str = "rd") -> RdFacts:
        """Build from a table with the field names above (arrays of tables for the lists)."""
        return take(cls, data, where)


#: A year without R&D: the default of :attr:`taxcalc.eit.EnterpriseYear.rd`.
NO_RD = RdFacts()


@dataclass(frozen=True, slots=True)
class RdRatio(Explained):
    """The super-deduction ratio of a tax year for the given kinds of enterprise.

    ``ratio`` is the months-weighted ratio of the months operated; ``segments``
    lists each run of months with its ratio and citation (one in most years).
    """

    year: int
    kinds: tuple[str, ...]
    ratio: Decimal
    amortisation_multiple: Decimal
    segments: tuple[tuple[tuple[int, ...], Decimal, Citation], ...]
    steps: tuple[Step, ...]


@result
class RdResult(Explained):
    """The super-deduction of one tax year (A107012).

    ``base`` is the expensed base (own R&D with other expenses capped, entrusted
    R&D as counted); ``extra`` = ``extra_expensed`` + ``extra_amortisation``,
    the amount deducted on top of the expenses (加计扣除额).
    """

    year: int
    kinds: tuple[str, ...]
    excluded: bool
    five: Decimal
    other: Decimal
    other_cap: Decimal
    other_eligible: Decimal
    entrusted_domestic: Decimal
    entrusted_overseas: Decimal
    base: Decimal
    ratio: Decimal
    extra_expensed: Decimal
    amortisation: Decimal
    extra_amortisation: Decimal
    extra: Decimal
    steps: tuple[Step, ...]


class _Seg(NamedTuple):
    months: tuple[int, ...]
    ratio: Decimal
    value: LawValue


def _best(law: Law, kinds: tuple[str, ...], day: _dt.date) -> LawValue:
    """The best ratio on ``day`` among the kinds: the general one, or a kind's own where it has one.

    A kind's key holds only the periods of its own rule; outside them (or in a
    declared gap) that kind has no ratio of its own (see the key's note).
    """
    best = law.value("eit.rd.ratio.general", day)
    for k in kinds:
        if k == "general":
            continue
        try:
            v = law.value(f"eit.rd.ratio.{k}", day)
        except OutsideCoverage:  # includes NotInForce (a gap): no rule of its own then
            continue
        if v.value >= best.value:  # type: ignore[operator]  # ties: the specific rule
            best = v
    return best


def _segments(law: Law, year: int, kinds: tuple[str, ...], months: tuple[int, ...]) -> tuple[_Seg, ...]:
    segs = segments(months, lambda m: _best(law, kinds, month_end(year, m)))
    out = []
    for ms, v in segs:
        assert isinstance(v.value, Decimal)
        out.append(_Seg(ms, v.value, v))
    return tuple(out)


class _RatioPlan(NamedTuple):
    segs: tuple[_Seg, ...]
    ratio: Decimal
    steps: tuple[Step, ...]
    cites: tuple[Citation, ...]


def _read_ratio_plan(law: Law, y: int, ks: tuple[str, ...], months: tuple[int, ...]) -> _RatioPlan:
    """The ratio of a year for some kinds, with its (law-only) explanation (kept by :meth:`Law.memo`)."""
    segs = _segments(law, y, ks, months)
    ratio = _weighted(segs, len(months))
    return _RatioPlan(segs, ratio, tuple(_ratio_steps(segs, months, ratio, ks)),
                      tuple(dict.fromkeys(s.value.citation for s in segs)))


class _OtherLaw(NamedTuple):
    pooled: bool
    share: Decimal
    factor: Decimal
    cite: Citation
    capped: bool = True  # False before 2016: listed items counted in full, no cap


def _read_other_law(law: Law, y: int) -> _OtherLaw:
    """The cap of the other expenses in ``y`` (kept by :meth:`Law.memo`)."""
    day = year_end(y)
    capped = law.value("eit.rd.other_expenses.capped", day)
    if not capped.value:  # before 2016: a closed list counted in full (国税发〔2008〕116号 第四条)
        return _OtherLaw(pooled=False, share=ZERO, factor=ZERO, cite=capped.citation, capped=False)
    pooled = law.value("eit.rd.other_expenses.pooled", day)
    share = law.value("eit.rd.other_expenses.cap_share", day)
    s = share.value
    assert isinstance(s, Decimal)
    return _OtherLaw(bool(pooled.value), s, div(s, CONTEXT.subtract(_ONE, s)), pooled.citation)


def _read_entrusted(law: Law, y: int) -> LawValue:
    """The share of domestic entrusted R&D counted in ``y`` (kept by :meth:`Law.memo`)."""
    return law.value("eit.rd.entrusted.share", year_end(y))


def _read_year_law(law: Law, y: int) -> tuple[LawValue, LawValue]:
    """Whether the super-deduction is in force in ``y``, and its negative list (kept by :meth:`Law.memo`)."""
    day = year_end(y)
    return law.value("eit.rd.in_force", day), law.value("eit.rd.excluded_industries", day)


def _weighted(segs: tuple[_Seg, ...], n: int) -> Decimal:
    if len(segs) == 1:
        return segs[0].ratio
    return div(total(CONTEXT.multiply(s.ratio, Decimal(len(s.months))) for s in segs), Decimal(n))


def _kinds_arg(kinds: Iterable[str]) -> tuple[str, ...]:
    ks = {"general"}
    for k in kinds:
        ks.add(choice(k, "kind", KINDS))
    return tuple(k for k in KINDS if k in ks)


def rd_ratio(
    year: int, *, kinds: Iterable[str] = ("general",), opened: DateLike | None = None, closed: DateLike | None = None,
    law: Law | None = None,
) -> RdRatio:
    """The super-deduction ratio of ``year`` for an enterprise of the given ``kinds``.

    ``kinds`` are any of :data:`KINDS` (``"general"`` always applies); the best
    ratio among them applies.  A year in which the ratio changes is weighted by
    the months operated (``opened`` / ``closed``).

    >>> rd_ratio(2017).ratio, rd_ratio(2017, kinds=["tech_sme"]).ratio
    (Decimal('0.5'), Decimal('0.75'))
    >>> r = rd_ratio(2022)
    >>> r.ratio, [(s[0][0], s[1]) for s in r.segments]
    (Decimal('0.8125'), [(1, Decimal('0.75')), (10, Decimal('1'))])
    >>> rd_ratio(2023, kinds=["ic_machine"]).amortisation_multiple
    Decimal('2.2')
    """
    law = the_law(law)
    y = tax_year(year)
    ks = _kinds_arg(kinds)
    months = months_operated(y, optional_date(opened, "opened"), optional_date(closed, "closed"))
    segs = _segments(law, y, ks, months)
    ratio = _weighted(segs, len(months))
    steps = _ratio_steps(segs, months, ratio, ks)
    return RdRatio(y, ks, ratio, CONTEXT.add(_ONE, ratio), tuple((s.months, s.ratio, s.value.citation) for s in segs),
                   tuple(steps))


def _ratio_steps(segs: tuple[_Seg, ...], months: tuple[int, ...], ratio: Decimal, ks: tuple[str, ...]) -> list[Step]:
    kinds_zh = "、".join(_KIND_ZH[k] for k in ks)
    steps: list[Step] = []
    if len(segs) == 1:
        steps.append(segs[0].value.step("rd.ratio", f"加计扣除比例（{kinds_zh}）", f"super-deduction ratio ({', '.join(ks)})"))
        return steps
    for s in segs:
        steps.append(s.value.step(f"rd.ratio[{s.months[0]:02d}..{s.months[-1]:02d}]",
                                  f"{s.months[0]}–{s.months[-1]}月加计扣除比例",
                                  f"ratio for months {s.months[0]}–{s.months[-1]}", f"× {len(s.months)}/{len(months)}"))
    steps.append(Step("rd.ratio", "按经营月份加权的加计扣除比例", "ratio weighted by months operated", ratio, "rate",
                      " + ".join(f"{percent(s.ratio)} × {len(s.months)}/{len(months)}" for s in segs),
                      tuple(dict.fromkeys(s.value.citation for s in segs))))
    return steps


_KS = {
    (t, m, i): tuple(k for k, on in (("general", True), ("tech_sme", t), ("manufacturer", m), ("ic_machine", i)) if on)
    for t in (False, True) for m in (False, True) for i in (False, True)
}
_KIND_ZH = {"general": "一般企业", "tech_sme": "科技型中小企业", "manufacturer": "制造业企业",
            "ic_machine": "集成电路/工业母机企业"}


def rd_super_deduction(
    facts: RdFacts,
    year: int,
    *,
    industry: str = "other",
    main_business_share: MoneyLike = "1",
    tech_sme: bool = False,
    ic_machine: bool = False,
    opened: DateLike | None = None,
    closed: DateLike | None = None,
    law: Law | None = None,
) -> RdResult:
    """The super-deduction of tax year ``year``.

    ``industry`` (a code of :data:`taxcalc.eit._common.INDUSTRIES`) and
    ``main_business_share`` (main-business income ÷ total income, default 100%)
    decide the negative list and manufacturer status; ``tech_sme`` and
    ``ic_machine`` give the other kinds.

    >>> facts = RdFacts(projects=(RdProject("A", personnel="800000", other="100000",
    ...                                     entrusted_overseas="1000000"),))
    >>> r = rd_super_deduction(facts, 2018)
    >>> r.other_eligible, r.entrusted_overseas, r.base, r.extra
    (Decimal('88888.89'), Decimal('592592.59'), Decimal('1481481.48'), Decimal('1111111.11'))
    >>> rd_super_deduction(facts, 2018, industry="wholesale_retail").extra
    Decimal('0.00')
    """
    law = the_law(law)
    y = tax_year(year)
    if not isinstance(facts, RdFacts):
        raise InvalidInput("rd", "must be RdFacts")
    ind = industry_arg(industry)
    share = as_share(main_business_share, "main_business_share")
    months = months_operated(y, optional_date(opened, "opened"), optional_date(closed, "closed"))
    return _compute(law, y, facts, ind, share, months, tech_sme=flag(tech_sme, "tech_sme"),
                    ic_machine=flag(ic_machine, "ic_machine"))


def _base_formula(lang: str, five: Decimal, other: Decimal, other_cap: Decimal, other_law: _OtherLaw | None,
                  domestic_paid: Decimal, domestic_share: Decimal, overseas_paid: Decimal,
                  overseas_share: Decimal | None, domestic: Decimal, overseas_cap: object, overseas: Decimal) -> str:
    """The expensed base: own R&D with other expenses capped, entrusted R&D as counted."""
    zh = lang == "zh"
    text = yuan(five)
    if other_law is not None and not other_law.capped:
        text += (f" + {yuan(other)}（清单内其他费用，据实）" if zh
                 else f" + {yuan(other)} (listed items outside the five, in full)")
    elif other_law is not None:
        s, pooled = percent(other_law.share), other_law.pooled
        if zh:
            text += f" + min({yuan(other)}, 限额 {yuan(other_cap)} = {'' if pooled else '各项目'}五项费用之和 × {s} ÷ (1 − {s}))"
        else:
            text += (f" + min({yuan(other)}, cap {yuan(other_cap)} = {s} ÷ (1 − {s}) of the five items"
                     f"{'' if pooled else ', per project'})")
    if domestic_paid:
        share = percent(domestic_share)
        text += f" + {yuan(domestic_paid)} × {share}（委托境内）" if zh else f" + {yuan(domestic_paid)} × {share} (entrusted)"
    if overseas_paid:
        assert overseas_share is not None
        if overseas_share:
            part = (f" + min({yuan(overseas_paid)} × {percent(overseas_share)}, {yuan(domestic)} × "
                    f"{overseas_cap}) = {yuan(overseas)}")
        else:
            part = f" + {yuan(overseas_paid)} × 0"
        text += f"{part}（委托境外）" if zh else f"{part} (overseas)"
    return text


def _extra_formula(lang: str, base: Decimal, after: Decimal | None, r1: Decimal, r2: Decimal) -> str:
    if after is None:
        return f"{yuan(base)} × {percent(r1)}"
    both = f"{yuan(CONTEXT.subtract(base, after))} × {percent(r1)} + {yuan(after)} × {percent(r2)}"
    return f"{both}（第四季度按实际发生额）" if lang == "zh" else f"{both} (actual Q4)"


def _amortisation_formula(lang: str, amort: Decimal, ratio: Decimal) -> str:
    times, multiple = f"{yuan(amort)} × {percent(ratio)}", percent(CONTEXT.add(_ONE, ratio))
    return f"{times}（按无形资产成本的{multiple}摊销）" if lang == "zh" else f"{times} (amortised at {multiple})"


def _sum_formula(lang: str, a: Decimal, b: Decimal) -> str:
    return f"{yuan(a)} + {yuan(b)}"


def _share_test_formula(lang: str, share: Decimal, limit: Decimal, ok: bool) -> str:  # noqa: FBT001
    return f"{percent(share)} ≥ {percent(limit)} {'✓' if ok else '✗'}"


def _excluded_formula(lang: str, share: Decimal, limit: Decimal, excluded: bool) -> str:  # noqa: FBT001
    mark = ("✓ 不得加计扣除" if lang == "zh" else "✓ excluded") if excluded else "✗"
    return f"{percent(share)} > {percent(limit)} {mark}"


def _compute(law: Law, y: int, facts: RdFacts, ind: str, share: Decimal, months: tuple[int, ...], *,
             tech_sme: bool, ic_machine: bool) -> RdResult:
    if not facts.projects and not facts.intangibles:  # nothing to deduct (the ratio is still shown)
        return law.memo(_read_no_expenses, y, _KS[tech_sme, False, ic_machine], months)
    steps: list[Step] = []  # the tests of the kind of enterprise, where they apply (read with the law)
    on, neg = law.memo(_read_year_law, y)
    manufacturer = False
    if ind in MANUFACTURING and law.memo(_read_manufacturer_matters, y, months):
        test = law.value("eit.rd.manufacturer_share", year_end(y))
        assert isinstance(test.value, Decimal)
        manufacturer = share >= test.value
        steps.append(test.step("rd.manufacturer", "制造业企业：主营业务收入占比（含）",
                               "manufacturer: main-business income share (inclusive)",
                               Formula(_share_test_formula, (share, test.value, manufacturer))))
    ks = _KS[tech_sme, manufacturer, ic_machine]
    excluded = False
    if not on.value:
        steps.append(on.step("rd.in_force", "研发费用加计扣除是否有效", "super-deduction in force"))
        excluded = True
    elif ind in neg.value:  # type: ignore[operator]
        lim = law.value("eit.rd.excluded_share", year_end(y))
        assert isinstance(lim.value, Decimal)
        excluded = share > lim.value
        steps.append(neg.step("rd.excluded_industries", f"负面清单行业：{INDUSTRIES[ind][0]}",
                              f"excluded industry: {INDUSTRIES[ind][1]}"))
        steps.append(lim.step("rd.excluded_share", "主营业务收入占比超过（不含本数）则不得加计扣除",
                              "excluded when the main-business share is above (exclusive)",
                              Formula(_excluded_formula, (share, lim.value, excluded))))
    tt = facts.totals
    five, other = tt.five, tt.other
    other_cap = other_ok = ZERO
    ol: _OtherLaw | None = None
    cites: tuple[Citation, ...] = ()
    if other:
        ol = law.memo(_read_other_law, y)
        if not ol.capped:
            other_cap = other_ok = other
        elif ol.pooled:
            other_cap = round_fen(CONTEXT.multiply(five, ol.factor))
            other_ok = other if other <= other_cap else other_cap
        else:
            for p, x in zip(facts.projects, tt.fives, strict=True):
                c = round_fen(CONTEXT.multiply(x, ol.factor))
                other_cap = CONTEXT.add(other_cap, c)
                other_ok = CONTEXT.add(other_ok, p.other if p.other <= c else c)
        cites = (ol.cite,)
    own = CONTEXT.add(five, other_ok)
    dom_paid = tt.entrusted_domestic
    dom = dom_share = ZERO
    if dom_paid:
        entrusted = law.memo(_read_entrusted, y)
        assert isinstance(entrusted.value, Decimal)
        dom_share = entrusted.value
        dom = CONTEXT.multiply(dom_paid, dom_share)
        cites = (*cites, entrusted.citation)
    ovs_paid = tt.entrusted_overseas
    ovs = ZERO
    ovs_share: Decimal | None = None
    cap_fraction: object = None
    domestic = CONTEXT.add(own, dom)
    if ovs_paid:
        day = year_end(y)
        os_ = law.value("eit.rd.entrusted_overseas.share", day)
        assert isinstance(os_.value, Decimal)
        ovs_share = os_.value
        counted = CONTEXT.multiply(ovs_paid, os_.value)
        if counted:
            cap_v = law.value("eit.rd.entrusted_overseas.cap", day)
            cap_fraction = cap_v.value
            num, den = _fraction(cap_v)
            if CONTEXT.multiply(counted, den) <= CONTEXT.multiply(domestic, num):
                ovs = counted
            else:
                ovs = round_fen(div(CONTEXT.multiply(domestic, num), den))
            cites = (*cites, os_.citation) if cap_v.citation == os_.citation else (*cites, os_.citation, cap_v.citation)
        else:
            cites = (*cites, os_.citation)
    base = CONTEXT.add(domestic, ovs)
    base_args = (five, other, other_cap, ol, dom_paid, dom_share, ovs_paid, ovs_share, domestic, cap_fraction, ovs)
    plan = law.memo(_read_ratio_plan, y, ks, months)
    segs, ratio = plan.segs, plan.ratio
    amort = tt.amortisation
    extra_args: tuple[Decimal, Decimal | None, Decimal, Decimal] | None = None  # None: excluded
    if excluded:
        extra_exp = extra_am = _ZERO_FEN
        ratio_out = ZERO if not on.value else ratio
    else:
        after = facts.base_after_switch
        if after is not None and len(segs) == 2:
            if after > base:
                raise InvalidInput("rd.base_after_switch", f"{after} is more than the year's base {base}")
            extra_raw = CONTEXT.add(CONTEXT.multiply(CONTEXT.subtract(base, after), segs[0].ratio),
                                    CONTEXT.multiply(after, segs[1].ratio))
            extra_args = (base, after, segs[0].ratio, segs[1].ratio)
        elif after is not None and len(segs) > 2:
            raise InvalidInput("rd.base_after_switch", f"the ratio changes more than once in {y}; "
                               "the actual method is not defined for that")
        else:
            extra_raw = CONTEXT.multiply(base, ratio)
            extra_args = (base, None, ratio, ratio)
        extra_exp = round_fen(extra_raw)
        extra_am = round_fen(CONTEXT.multiply(amort, ratio)) if amort else _ZERO_FEN
        ratio_out = ratio
    extra = CONTEXT.add(extra_exp, extra_am)
    return RdResult(y, ks, excluded, five, other, other_cap, other_ok, dom, ovs, base, ratio_out, extra_exp,
                    amort, extra_am, extra, later(_steps, steps, base_args, cites, plan, extra_args))


def _steps(r: RdResult, tests: list[Step], base_args: tuple[object, ...], cites: tuple[Citation, ...],
           plan: _RatioPlan, extra_args: tuple[Decimal, Decimal | None, Decimal, Decimal] | None) -> list[Step]:
    """The steps of the super-deduction (written when first read): the tests, the base, the ratio, the deduction.

    ``extra_args`` are the figures of the deduction's formula (``None``: not
    deductible, the enterprise excluded or the rule not in force).
    """
    steps = [*tests, Step("rd.base", "可加计扣除的研发费用（费用化）", "expensed R&D base", r.base, "yuan",
                          Formula(_base_formula, base_args), cites, "A107012"), *plan.steps]
    if extra_args is None:
        steps.append(Step("rd.excluded", "加计扣除额：不适用", "super-deduction: none", _ZERO_FEN, "yuan", "", (),
                          "A107012"))
        steps.append(Step("rd.extra", "研发费用加计扣除额", "super-deduction", r.extra, "yuan", "", (), "A107012"))
        return steps
    formula = Formula(_extra_formula, extra_args)
    if r.amortisation:
        steps.append(Step("rd.extra_expensed", "费用化研发费用加计扣除额", "super-deduction on expensed R&D",
                          r.extra_expensed, "yuan", formula, plan.cites, "A107012"))
        steps.append(Step("rd.extra_amortisation", "无形资产摊销加计扣除额", "super-deduction on amortisation",
                          r.extra_amortisation, "yuan", Formula(_amortisation_formula, (r.amortisation, r.ratio)),
                          plan.cites, "A107012"))
        formula = Formula(_sum_formula, (r.extra_expensed, r.extra_amortisation))
    steps.append(Step("rd.extra", "研发费用加计扣除额", "super-deduction", r.extra, "yuan", formula, plan.cites,
                      "A107012"))
    return steps


def _read_no_expenses(law: Law, y: int, ks: tuple[str, ...], months: tuple[int, ...]) -> RdResult:
    """The result of a year without R&D expenses: the ratio of the year, and nothing to deduct.

    It holds only law (the ratio of these kinds of enterprise in these months),
    so it is kept by :meth:`Law.memo` like the ratio itself.
    """
    plan = law.memo(_read_ratio_plan, y, ks, months)
    z, excluded = _ZERO_FEN, False
    return RdResult(y, ks, excluded, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, plan.ratio, z, ZERO, z, z,
                    (*plan.steps, Step("rd.extra", "研发费用加计扣除额：无研发费用", "super-deduction: no R&D expenses",
                                       z, "yuan", "", (), "A107012")))


def _read_manufacturer_matters(law: Law, y: int, months: tuple[int, ...]) -> bool:
    """Whether the manufacturer ratio beats the general one in some month of ``y`` (kept by :meth:`Law.memo`)."""
    return any(
        _best(law, ("general", "manufacturer"), month_end(y, m)).value
        > _best(law, ("general",), month_end(y, m)).value  # type: ignore[operator]
        for m in months
    )


def _fraction(v: LawValue) -> tuple[Decimal, Decimal]:
    """``"2/3"`` → (2, 3)."""
    raw = v.value
    try:
        assert isinstance(raw, str)
        num, den = (Decimal(x.strip()) for x in raw.split("/"))
    except Exception:
        raise InvalidInput(v.key, f"{raw!r} is not a fraction such as 2/3") from None
    if den <= 0 or num < 0:
        raise InvalidInput(v.key, f"{raw!r} is not a fraction such as 2/3")
    return num, den
