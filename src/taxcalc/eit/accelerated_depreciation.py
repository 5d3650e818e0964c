"""Accelerated depreciation of fixed assets (固定资产加速折旧): a shortened life or an accelerated method.

The rule
--------
A fixed asset is depreciated on a straight line from the month after the month it
was put into use (实施条例 第五十九条) over at least the minimum life of its class
(第六十条: buildings 20 years, machinery and production equipment 10, tools and
furniture 5, vehicles 4, electronics 3).  Instead, the enterprise may choose

* a **shortened life** (缩短折旧年限) of at least 60% of the 第六十条 life, or
* an **accelerated method** (加速折旧的方法): double declining balance (双倍余额递减法)
  or the sum of the years' digits (年数总和法),

one or the other, not both (缩短折旧年限**或**采取加速折旧的方法), where

* the asset is one of 实施条例 第九十八条 — made obsolete fast by technical progress,
  or under strong vibration or high corrosion all year (``article_98=True``; any
  industry, from 2008); or
* the enterprise is of an industry listed on the purchase date (新购进; self-built
  assets included, 国家税务总局公告2014年第64号 一): the six industries of
  财税〔2014〕75号 第一条 for assets bought from 2014-01-01, the four key industries of
  财税〔2015〕106号 一 (light industry, textiles, machinery, automobiles) from
  2015-01-01, and all manufacturing from 2019-01-01 (财政部 税务总局公告2019年第66号 一);
  an enterprise is of the industry when that business earns more than 50% (不含) of
  its total income in the year the asset is put into use (64号 一).

The methods (国税发〔2009〕81号 第四条, as restated; its text was not seen):

* double declining balance over ``n`` years: each depreciation year's amount is the
  net value at its start × 2/n (the residual is ignored), never taking the net
  value below the residual; over the last two years the net value less the
  residual is spread evenly;
* sum of the years' digits: year ``k`` (1 … n) takes (cost − residual) ×
  (n − k + 1) ÷ (n(n + 1)/2).

Depreciation years run twelve months from the month depreciation starts; a tax
year (the calendar year) takes the months that fall in it, a twelfth of the
depreciation year's amount each.

What it answers
---------------
:func:`accelerated_depreciation` gives a tax year's deduction under the chosen
method, the straight-line deduction over the 第六十条 life it stands against (the
general rule, A105080 "按税收一般规定计算的折旧额"), and the difference, the timing
benefit of the year ("加速折旧统计额").  :func:`accelerated_schedule` gives every
year.  A method the law does not allow for the asset, or a life below the floor,
is refused, naming the field.

How it relates to the other rules
---------------------------------
The one-time deductions are the rule ``eit.equipment`` (:mod:`taxcalc.eit.equipment`),
whose :class:`~taxcalc.eit.Equipment` rows may choose these methods (the same
fields): the annual computation then takes the year's deduction from here, unless
the one-time deduction is elected and available.  ``eit.accelerated_depreciation.in_force``
(企业所得税法 第三十二条) switches the preference off (a what-if; the benefit's
policy ``accelerated_depreciation``).

Keys read
---------
``eit.depreciation.start_month_offset`` and ``eit.depreciation.min_years.<kind>``
(on the day put into use, as ``eit.equipment``); on the purchase date, for any
method but the straight line, ``eit.accelerated_depreciation.in_force`` first;
``eit.accelerated_depreciation.shortened_life_floor`` (shortened),
``.methods`` and ``.ddb_final_years`` (accelerated methods), and for any method but
the straight line either ``.article_98.in_force`` (an asset of 第九十八条) or
``.industries`` and ``.main_business_share``.

Rounding and choices
--------------------
* A life is chosen in months (``life_months``); the shortened life's floor is
  60% of the 第六十条 life in months, rounded up to a whole month (21.6 → 22 for
  electronics).  Without ``life_months``: the 第六十条 life, or for ``shortened``
  the floor.  The accelerated methods take whole years, at least the 第六十条 life.
* Amounts are exact per month; each tax year's deduction is the cumulative
  amount to the end of that year rounded half up to the fen, less the same for
  the year before, so the years add up exactly to cost − residual.
* Used assets (60% of the remaining years, 国税发〔2009〕81号 三), the small
  low-profit enterprises' one-time deduction of R&D-and-production instruments
  ≤ 100万 (75号 第一条第二款, 106号 二), R&D instruments above 100万 (75号 第二条) and
  the integrated-circuit and software lives are not modelled.

>>> a = DepreciableAsset("lathe", "1200000", "machinery", acquired_on="2019-03-10", in_use="2019-03-20",
...                      industry="manufacturing", method="double_declining")
>>> r = accelerated_depreciation(a, 2019)
>>> r.deduction, r.straight_line, r.difference
(Decimal('180000.00'), Decimal('90000.00'), Decimal('90000.00'))
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Annotated

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, result
from ..inputs import Amount, Choice, Date, Flag, Integer, Rate, Text, record, take
from ..law import Law, LawValue
from ..money import CONTEXT, ZERO, DateLike, MoneyLike, div, mul, round_fen, sub
from ._common import MANUFACTURING, percent, tax_year, the_law, yuan

__all__ = [
    "ACCELERATED_METHODS",
    "ACCELERATION_INDUSTRIES",
    "ASSET_KINDS",
    "DEPRECIATION_METHODS",
    "AcceleratedSchedule",
    "AcceleratedYear",
    "DepreciableAsset",
    "accelerated_depreciation",
    "accelerated_schedule",
    "acceleration_industry",
    "industry_of_code",
    "method_name",
]

#: Classes of fixed asset with their minimum depreciation life (实施条例 第六十条).
ASSET_KINDS = ("buildings", "machinery", "tools", "vehicles", "electronics")

#: The industries the rule knows (main business, 主营业务), with their names; which
#: of them may accelerate on a purchase date is law data
#: (``eit.accelerated_depreciation.industries``).
ACCELERATION_INDUSTRIES: dict[str, tuple[str, str]] = {
    "biological_pharmaceuticals": ("生物药品制造业", "biological pharmaceuticals"),
    "special_equipment": ("专用设备制造业", "special-purpose equipment"),
    "transport_equipment": ("铁路、船舶、航空航天和其他运输设备制造业",
                            "railway, ship, aerospace and other transport equipment"),
    "computer_electronics": ("计算机、通信和其他电子设备制造业", "computers, communication and other electronic equipment"),
    "instruments": ("仪器仪表制造业", "instruments and meters"),
    "information": ("信息传输、软件和信息技术服务业", "information transmission, software and IT services"),
    "light_industry": ("轻工（重点行业）", "light industry (key industries)"),
    "textiles": ("纺织（重点行业）", "textiles (key industries)"),
    "machinery": ("机械（重点行业）", "machinery (key industries)"),
    "automobiles": ("汽车（重点行业）", "automobiles (key industries)"),
    "manufacturing": ("其他制造业", "other manufacturing"),
    "other": ("其他行业", "other industries"),
}

#: The methods an enterprise may choose: the straight line over at least the 第六十条
#: life, a shortened life on a straight line, or an accelerated method.
DEPRECIATION_METHODS = ("straight_line", "shortened", "double_declining", "sum_of_years")
#: The methods other than the straight line over at least the 第六十条 life: the preference.
ACCELERATED_METHODS = DEPRECIATION_METHODS[1:]

_METHOD_NAMES = {
    "straight_line": ("直线法", "straight line"),
    "shortened": ("缩短折旧年限（直线法）", "shortened life (straight line)"),
    "double_declining": ("双倍余额递减法", "double declining balance"),
    "sum_of_years": ("年数总和法", "sum of the years' digits"),
}
_LINE = "A105080"
_K = "eit.accelerated_depreciation."


def method_name(method: str, lang: str = "zh") -> str:
    """The name of one of :data:`DEPRECIATION_METHODS` in ``lang`` (``"zh"`` or ``"en"``).

    >>> method_name("double_declining"), method_name("sum_of_years", "en")
    ('双倍余额递减法', "sum of the years' digits")
    """
    zh, en = _METHOD_NAMES[method]
    return en if lang == "en" else zh


def acceleration_industry(main_business: str) -> str:
    """The industry of :data:`ACCELERATION_INDUSTRIES` of a main business (``taxcalc.eit.INDUSTRIES``):
    manufacturing (tobacco too), information, or other."""
    if main_business in MANUFACTURING:
        return "manufacturing"
    return "information" if main_business == "information" else "other"


#: The industries of 财税〔2014〕75号 by the start of their GB/T 4754 code (class 276, divisions 35, 37, 39,
#: 40), the longest first; the four industries of 财税〔2015〕106号 are lists of classes, not mapped.
_CODE_STARTS = (("C276", "biological_pharmaceuticals"), ("C35", "special_equipment"), ("C37", "transport_equipment"),
                ("C39", "computer_electronics"), ("C40", "instruments"), ("C", "manufacturing"), ("I", "information"))


def industry_of_code(code: str) -> str:
    """The industry of :data:`ACCELERATION_INDUSTRIES` of a GB/T 4754 code: the six of 财税〔2014〕75号 by
    class 276 and divisions 35, 37, 39, 40 and section I, other manufacturing (section C), or other.

    >>> industry_of_code("C2761"), industry_of_code("C14"), industry_of_code("I65"), industry_of_code("F51")
    ('biological_pharmaceuticals', 'manufacturing', 'information', 'other')
    """
    c = code.strip().upper()
    return next((industry for start, industry in _CODE_STARTS if c.startswith(start)), "other")
_TWELVE = 12
_ZERO_FEN = Decimal("0.00")
_TWO = Decimal(2)


@record(checked=True)
class DepreciableAsset:
    """A fixed asset and the depreciation the enterprise chooses for it.

    ``acquired_on`` is the purchase date (新购进; for a self-built asset the
    completion); ``in_use`` the day it was put into use (only the month counts);
    ``industry`` the enterprise's main business (``ACCELERATION_INDUSTRIES``) and
    ``main_business_share`` that business's share of its total income (收入总额) in
    the year the asset is put into use; ``article_98`` marks an asset of 实施条例
    第九十八条 (fast obsolescence, strong vibration or high corrosion); ``method`` and
    ``life_months`` the choice (see the module notes for the defaults).
    """

    name: Annotated[str, Text("what it is")]
    cost: Annotated[Decimal, Amount("cost, the tax basis (计税基础), excluding VAT", sign="positive")]
    kind: Annotated[str, Choice("class of its minimum tax life (实施条例 第六十条): `buildings`, `machinery`, "
                                "`tools`, `vehicles` or `electronics`", ASSET_KINDS)]
    acquired_on: Annotated[_dt.date, Date("purchase date (新购进; for a self-built asset the completion)")]
    in_use: Annotated[_dt.date, Date("the day it was put into use (投入使用); only the month counts")]
    industry: Annotated[str, Choice("the enterprise's main business (主营业务)", tuple(ACCELERATION_INDUSTRIES))] = "other"
    method: Annotated[str, Choice("`straight_line`, `shortened` (a shortened life), `double_declining` or "
                                  "`sum_of_years`", DEPRECIATION_METHODS)] = "straight_line"
    life_months: Annotated[int | None, Integer("the life chosen, in months (default: the 第六十条 life; "
                                               "for `shortened`, the shortest allowed)",
                                               minimum=1, maximum=1200)] = None
    residual: Annotated[Decimal, Amount("residual value (预计净残值)")] = ZERO
    main_business_share: Annotated[Decimal, Rate("the main business's share of total income (收入总额) in the "
                                                 "year put into use")] = Decimal(1)
    article_98: Annotated[bool, Flag("an asset of 实施条例 第九十八条: fast obsolescence by technical progress, "
                                     "or strong vibration or high corrosion all year")] = False

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, name: str, cost: MoneyLike, kind: str, acquired_on: DateLike, in_use: DateLike,  # noqa: PLR0913
                     industry: str = ..., method: str = ..., life_months: int | None = ...,
                     residual: MoneyLike = ..., main_business_share: MoneyLike = ...,
                     article_98: bool = ...) -> None: ...  # noqa: FBT001

    def checks(self) -> Iterator[tuple[str, str]]:
        """residual is not more than cost."""
        if self.residual > self.cost:
            yield "residual", f"{self.residual} is more than the cost {self.cost}"

    @classmethod
    def from_mapping(cls, data: object, where: str = "asset") -> DepreciableAsset:
        """Build from a table with the field names above (dates as ``YYYY-MM-DD``)."""
        return take(cls, data, where)


Schedule = tuple[tuple[int, Decimal], ...]


@dataclass(frozen=True, slots=True)
class AcceleratedSchedule(Explained):
    """Every tax year's deduction of one asset: the method chosen and the straight line it replaces.

    ``grounds`` is ``"article_98"``, ``"industry"`` or ``""`` (the straight line
    needs none); ``chosen`` the deductions under ``method`` over ``life_months``;
    ``straight_line`` those on a straight line over the 第六十条 life.
    """

    name: str
    method: str
    grounds: str
    life_months: int
    chosen: Schedule
    straight_line: Schedule
    steps: tuple[Step, ...]

    def deduction_in(self, year: int) -> Decimal:
        """The deduction of ``year`` under the chosen method."""
        return next((a for y, a in self.chosen if y == year), _ZERO_FEN)

    def straight_line_in(self, year: int) -> Decimal:
        """The straight-line deduction of ``year`` over the 第六十条 life."""
        return next((a for y, a in self.straight_line if y == year), _ZERO_FEN)


@result
class AcceleratedYear(Explained):
    """One asset in one tax year: the deduction, the straight-line deduction, the difference.

    ``difference`` = ``deduction`` − ``straight_line``: positive while the method
    deducts ahead of the straight line (the timing benefit), negative later.
    """

    name: str
    year: int
    method: str
    grounds: str
    life_months: int
    deduction: Decimal
    straight_line: Decimal
    difference: Decimal
    steps: tuple[Step, ...]


# -- the law an asset's depreciation rests on -------------------------------------


class _Plan:
    """The law values read for one asset, and what they decide."""

    __slots__ = ("final_years", "floor", "floor_months", "grounds", "life", "life_months", "min_months", "start",
                 "steps")

    start: LawValue
    life: LawValue

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.grounds = ""
        self.floor: LawValue | None = None
        self.floor_months = 0
        self.final_years: LawValue | None = None
        self.life_months = 0
        self.min_months = 0


def _month_index(d: _dt.date) -> int:
    return d.year * _TWELVE + d.month - 1


def _industry_name(code: str, lang: str) -> str:
    zh, en = ACCELERATION_INDUSTRIES[code]
    return en if lang == "en" else zh


def _grounds(a: DepreciableAsset, law: Law, plan: _Plan) -> None:
    """Why the asset may leave the straight line: 第九十八条, or its industry on the purchase date; else refuse."""
    if a.article_98:
        art = law.value(_K + "article_98.in_force", a.acquired_on)
        if art.value:
            plan.grounds = "article_98"
            plan.steps.append(art.step("accelerated.article_98", "技术进步、产品更新换代较快或常年处于强震动、高腐蚀状态的固定资产",
                                       "asset of 第九十八条: fast obsolescence, strong vibration or high corrosion"))
            return
    listed = law.value(_K + "industries", a.acquired_on)
    codes = listed.value
    assert isinstance(codes, tuple)
    if a.industry not in codes:
        allowed = ", ".join(codes) if codes else "none"
        raise InvalidInput("method", f"{a.method} is not allowed for an asset bought on {a.acquired_on} by an "
                                     f"enterprise of the industry {a.industry!r}: the industries that may "
                                     f"accelerate for that purchase date are {allowed} ({listed.citation}); "
                                     f"nor is the asset marked article_98 (实施条例 第九十八条)")
    share = law.value(_K + "main_business_share", a.acquired_on)
    least = share.value
    assert isinstance(least, Decimal)
    if a.main_business_share <= least:
        raise InvalidInput("main_business_share", f"{percent(a.main_business_share)} is not more than "
                                                  f"{percent(least)}: the enterprise is not of the industry "
                                                  f"{a.industry!r} for accelerated depreciation ({share.citation})")
    plan.grounds = "industry"
    plan.steps.append(Step("accelerated.industry", "行业适用加速折旧（按购进日期）",
                           "industry may accelerate (by purchase date)", value=True, unit="bool",
                           formula=Formula(_industry_formula, (a.industry, a.acquired_on)), cite=(listed.citation,)))
    plan.steps.append(share.step("accelerated.main_business_share", "主营业务收入占收入总额比例超过（不含）",
                                 "main-business share of total income above (exclusive)",
                                 f"{percent(a.main_business_share)} > {percent(least)} ✓"))


def _industry_formula(lang: str, code: str, bought: _dt.date) -> str:
    if lang == "zh":
        return f"{_industry_name(code, 'zh')}；{bought}购进"
    return f"{_industry_name(code, 'en')}; bought {bought}"


def _plan(a: DepreciableAsset, law: Law) -> _Plan:
    """Read the law for ``a``, check the choice, and fix the life (refusing what the law does not allow)."""
    plan = _Plan()
    plan.start = law.value("eit.depreciation.start_month_offset", a.in_use)
    plan.life = law.value(f"eit.depreciation.min_years.{a.kind}", a.in_use)
    years = plan.life.value
    assert isinstance(years, int)
    plan.min_months = years * _TWELVE
    plan.steps.append(plan.life.step("accelerated.min_years", "最低折旧年限（实施条例第六十条）",
                                     "minimum life (实施条例 第六十条)", f"{years} × 12 = {plan.min_months} months",
                                     _LINE, f"{years} × 12 = {plan.min_months}个月"))
    if a.method != "straight_line":
        on = law.value(_K + "in_force", a.acquired_on)
        if not on.value:
            raise InvalidInput("method", f"{a.method} is not available for an asset bought on {a.acquired_on}: "
                                         f"accelerated depreciation is not in force ({on.citation})")
        _grounds(a, law, plan)
    chosen = a.life_months
    if a.method == "straight_line":
        plan.life_months = plan.min_months if chosen is None else chosen
        if plan.life_months < plan.min_months:
            raise InvalidInput("life_months", f"{plan.life_months} months is below the minimum life of "
                                              f"{plan.min_months} months ({plan.life.citation}); a shorter life "
                                              f"is the method `shortened`, where the law allows it")
    elif a.method == "shortened":
        plan.floor = law.value(_K + "shortened_life_floor", a.acquired_on)
        ratio = plan.floor.value
        assert isinstance(ratio, Decimal)
        plan.floor_months = int(mul(ratio, Decimal(plan.min_months)).quantize(Decimal(1), ROUND_CEILING, CONTEXT))
        plan.life_months = plan.floor_months if chosen is None else chosen
        plan.steps.append(plan.floor.step("accelerated.floor", "缩短折旧年限的下限（不低于第六十条规定年限的比例）",
                                          "floor of a shortened life (share of the 第六十条 life)",
                                          f"{percent(ratio)} × {plan.min_months} = {plan.floor_months} months "
                                          f"(rounded up)", "",
                                          f"{percent(ratio)} × {plan.min_months} = {plan.floor_months}个月（向上取整）"))
        if plan.life_months < plan.floor_months:
            raise InvalidInput("life_months", f"{plan.life_months} months is below the floor of a shortened "
                                              f"life, {plan.floor_months} months ({percent(ratio)} of the "
                                              f"{plan.min_months} months of {plan.life.citation}; "
                                              f"{plan.floor.citation})")
        if plan.life_months >= plan.min_months:
            raise InvalidInput("life_months", f"{plan.life_months} months is not shorter than the minimum life "
                                              f"of {plan.min_months} months; choose `straight_line` for it")
    else:
        methods = law.value(_K + "methods", a.acquired_on)
        assert isinstance(methods.value, tuple)
        if a.method not in methods.value:
            raise InvalidInput("method", f"{a.method} is not an accelerated method the law allows "
                                         f"({', '.join(methods.value)}; {methods.citation})")
        plan.life_months = plan.min_months if chosen is None else chosen
        if plan.life_months % _TWELVE:
            raise InvalidInput("life_months", f"{plan.life_months} months is not a whole number of years, "
                                              f"which {a.method} needs")
        if plan.life_months < plan.min_months:
            raise InvalidInput("life_months", f"{plan.life_months} months is below the minimum life of "
                                              f"{plan.min_months} months: a shortened life and an accelerated "
                                              f"method are alternatives, not combined ({methods.citation})")
        plan.steps.append(methods.step("accelerated.methods", "可采取的加速折旧方法", "accelerated methods allowed"))
        if a.method == "double_declining":
            plan.final_years = law.value(_K + "ddb_final_years", a.acquired_on)
            plan.steps.append(plan.final_years.step("accelerated.ddb_final_years",
                                                    "双倍余额递减法：到期前改为平均摊销的年数",
                                                    "double declining balance: final years spread evenly"))
    return plan


# -- the amounts -------------------------------------------------------------------


def _annual_amounts(a: DepreciableAsset, method: str, years: int, final_years: int) -> list[Decimal]:
    """The amount of each depreciation year (exact, unrounded) of an accelerated method over ``years`` years."""
    base = sub(a.cost, a.residual)
    out: list[Decimal] = []
    if method == "sum_of_years":
        total = Decimal(years * (years + 1) // 2)
        return [div(mul(base, Decimal(years - k)), total) for k in range(years)]
    net = a.cost
    final = min(final_years, years)
    rate = div(_TWO, Decimal(years))
    for k in range(years):
        if k < years - final:
            amount = min(mul(net, rate), max(sub(net, a.residual), ZERO))
        else:
            amount = div(max(sub(net, a.residual), ZERO), Decimal(final)) if k == years - final else out[-1]
        out.append(amount)
        net = sub(net, amount)
    return out


def _through(a: DepreciableAsset, method: str, months: int, annual: list[Decimal]) -> Callable[[int], Decimal]:
    """Cumulative depreciation after ``n`` months of depreciation, to the fen (exactly cost − residual at the end)."""
    base = sub(a.cost, a.residual)

    def cumulative(n: int) -> Decimal:
        n = min(max(n, 0), months)
        if n == 0:
            return _ZERO_FEN
        if n == months:
            return round_fen(base)
        if method in ("straight_line", "shortened"):
            return round_fen(div(mul(base, Decimal(n)), Decimal(months)))
        full, part = divmod(n, _TWELVE)
        done = ZERO
        for amount in annual[:full]:
            done = CONTEXT.add(done, amount)
        return round_fen(CONTEXT.add(done, div(mul(annual[full], Decimal(part)), Decimal(_TWELVE))))

    return cumulative


def _by_year(first: int, months: int, cumulative: Callable[[int], Decimal]) -> Schedule:
    out: list[tuple[int, Decimal]] = []
    done = _ZERO_FEN
    for y in range(first // _TWELVE, (first + months - 1) // _TWELVE + 1):
        cum = cumulative((y + 1) * _TWELVE - first)
        out.append((y, sub(cum, done)))
        done = cum
    return tuple(out)


def _schedules(a: DepreciableAsset, plan: _Plan) -> tuple[Schedule, Schedule, int]:
    assert isinstance(plan.start.value, int)
    first = _month_index(a.in_use) + plan.start.value
    years = plan.life_months // _TWELVE
    final = plan.final_years.value if plan.final_years is not None else 0
    assert isinstance(final, int)
    annual = _annual_amounts(a, a.method, years, final) if a.method in ("double_declining", "sum_of_years") else []
    chosen = _by_year(first, plan.life_months, _through(a, a.method, plan.life_months, annual))
    straight = _by_year(first, plan.min_months, _through(a, "straight_line", plan.min_months, []))
    return chosen, straight, first


def _start_step(a: DepreciableAsset, plan: _Plan, first: int) -> Step:
    begins = f"{first // _TWELVE}-{first % _TWELVE + 1:02d}"
    name_zh, name_en = _METHOD_NAMES[a.method]
    return Step("accelerated.method", f"折旧方法：{name_zh}；折旧年限（月）", f"method: {name_en}; life (months)",
                plan.life_months, "count", f"from {begins}", (plan.start.citation,), _LINE, f"自{begins}起计算折旧")


def _schedule(asset: DepreciableAsset, law: Law | None) -> tuple[AcceleratedSchedule, _Plan]:
    if not isinstance(asset, DepreciableAsset):
        raise InvalidInput("asset", "must be DepreciableAsset")
    plan = _plan(asset, the_law(law))
    chosen, straight, first = _schedules(asset, plan)
    steps = (*plan.steps, _start_step(asset, plan, first))
    return AcceleratedSchedule(asset.name, asset.method, plan.grounds, plan.life_months, chosen, straight,
                               steps), plan


def accelerated_schedule(asset: DepreciableAsset, *, law: Law | None = None) -> AcceleratedSchedule:
    """Every tax year's deduction of ``asset`` under its method, and on the straight line over the 第六十条 life.

    >>> a = DepreciableAsset("server", "90000", "electronics", acquired_on="2014-05-06", in_use="2014-06-01",
    ...                      industry="information", method="sum_of_years")
    >>> s = accelerated_schedule(a)
    >>> s.chosen
    ((2014, Decimal('22500.00')), (2015, Decimal('37500.00')), (2016, Decimal('22500.00')), (2017, Decimal('7500.00')))
    >>> s.straight_line
    ((2014, Decimal('15000.00')), (2015, Decimal('30000.00')), (2016, Decimal('30000.00')), (2017, Decimal('15000.00')))
    """
    return _schedule(asset, law)[0]


def accelerated_depreciation(asset: DepreciableAsset, year: int, *, law: Law | None = None) -> AcceleratedYear:
    """The tax year ``year``'s deduction of ``asset`` under its method, the straight-line deduction, the difference.

    >>> a = DepreciableAsset("press", "1000000", "machinery", acquired_on="2015-02-01", in_use="2015-02-15",
    ...                      industry="machinery", method="shortened", residual="40000")
    >>> r = accelerated_depreciation(a, 2016)
    >>> r.life_months, r.deduction, r.straight_line, r.difference
    (72, Decimal('160000.00'), Decimal('96000.00'), Decimal('64000.00'))
    """
    y = tax_year(year)
    s, plan = _schedule(asset, law)
    ded, sl = s.deduction_in(y), s.straight_line_in(y)
    diff = sub(ded, sl)
    name_zh, name_en = _METHOD_NAMES[s.method]
    cite = tuple(c for step in s.steps for c in step.cite)
    general = (plan.life.citation, plan.start.citation)
    steps = (
        *s.steps,
        Step("accelerated.deduction", f"{y}年度税收折旧额（{name_zh}）", f"tax depreciation of {y} ({name_en})", ded,
             "yuan", Formula(_months_formula, (asset, y, s.chosen)), cite, _LINE),
        Step("accelerated.straight_line", f"{y}年度按税收一般规定计算的折旧额（直线法，第六十条年限）",
             f"depreciation of {y} under the general rule (straight line over the 第六十条 life)", sl, "yuan",
             Formula(_months_formula, (asset, y, s.straight_line)), general, _LINE),
        Step("accelerated.difference", f"{y}年度加速折旧统计额（税收折旧额 − 一般规定折旧额）",
             f"accelerated depreciation of {y} (deduction − general rule)", diff, "yuan",
             Formula(_difference_formula, (ded, sl)), (), _LINE),
    )
    return AcceleratedYear(asset.name, y, s.method, s.grounds, s.life_months, ded, sl, diff, steps)


def _months_formula(lang: str, a: DepreciableAsset, y: int, schedule: Schedule) -> str:
    upto = ZERO
    for year, amount in schedule:
        if year <= y:
            upto = CONTEXT.add(upto, amount)
    if lang == "zh":
        return f"计税基础 {yuan(a.cost)}，残值 {yuan(a.residual)}；至{y}年末累计 {yuan(upto)}"
    return f"basis {yuan(a.cost)}, residual {yuan(a.residual)}; cumulative to the end of {y}: {yuan(upto)}"


def _difference_formula(lang: str, deduction: Decimal, straight: Decimal) -> str:
    return f"{yuan(deduction)} − {yuan(straight)}"


def _equipment_plan(law: Law, asset: DepreciableAsset) -> AcceleratedSchedule | InvalidInput:
    """The schedule of ``asset``, or the refusal of its choice under ``law`` (kept by :meth:`Law.memo`).

    Used by :mod:`taxcalc.eit.equipment` for an asset listed in the annual computation;
    a date the law data does not cover raises :class:`~taxcalc.errors.OutsideCoverage`.
    """
    try:
        return _schedule(asset, law)[0]
    except InvalidInput as exc:
        return exc
