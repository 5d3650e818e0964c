"""Equipment (设备、器具): the one-time deduction, or ordinary depreciation, year by year.

The rule
--------
Equipment — any fixed asset other than buildings and structures (除房屋、建筑物以外
的固定资产) — newly purchased (新购进) in a window and of a unit value (单位价值) of
at most 5,000,000 yuan may be deducted in full, once, instead of being
depreciated (一次性计入当期成本费用在计算应纳税所得额时扣除，不再分年度计算折旧):

* purchases 2018-01-01 – 2020-12-31 (财税〔2018〕54号), extended to 2023-12-31
  (2021年第6号), then 2024-01-01 – 2027-12-31 (2023年第37号);
* before that, purchases 2014-01-01 – 2017-12-31 of a unit value of at most
  5,000 yuan (财税〔2014〕75号 第三条), deducted in the year the depreciation would
  have started (a choice where the text is silent: law data
  ``eit.equipment.one_time.deduction_month_offset``); nothing before 2014;
* instruments and equipment used only for research and development
  (``rd_instrument=True``, 专门用于研发的仪器、设备) bought from 2014-01-01, by an
  enterprise of any industry, of a unit value of at most 1,000,000 yuan
  (财税〔2014〕75号 第二条): the cap is the higher of this and the general cap
  (from 2018 the 500万 of 财税〔2018〕54号 covers them);
* the purchase date is the invoice date; for an instalment or credit purchase
  the arrival date; for a self-built asset the completion settlement date
  (国家税务总局公告2018年第46号 一（二）).  Donations, contributions, exchanges and
  restructurings are not purchases (``acquisition="other"``);
* it is deducted in the tax year of the month after the month it was put into
  use (46号 二): put into use in December 2018 → deducted in 2019; in November
  2018 → 2018;
* the enterprise chooses (46号 四); ``elect_one_time=False`` declines.

Otherwise the asset is depreciated on a straight line from the month after the
month it was put into use (实施条例 第五十九条) over the minimum life of its class
(第六十条: buildings 20 years, machinery and production equipment 10, tools and
furniture 5, vehicles 4, electronics 3), down to the residual value given.

High-tech enterprises, Q4 2022 (2022年第28号 一): equipment bought from
2022-10-01 to 2022-12-31 by an enterprise that is a high and new technology
enterprise may be deducted in full in 2022 ("当年") and a further 100% of its
cost deducted on top, whatever its unit value.

Cliffs (tested as such)
-----------------------
* Unit value 5,000,000.00 is deducted at once; 5,000,000.01 is depreciated.
* Bought on the last day of a window vs the day after (2027-12-31 / 2028-01-01).
* Put into use in November vs December: deducted this year vs next year.

Keys read
---------
``eit.equipment.one_time.in_force``, ``.unit_value_cap``,
``.deduction_month_offset``, ``eit.equipment.rd_instrument.unit_value_cap``
(for an R&D instrument) (on the purchase date);
``eit.equipment.hnte_q4.in_force``, ``.extra_ratio`` (on the purchase date);
``eit.depreciation.start_month_offset``, ``eit.depreciation.min_years.<kind>``
(on the day put into use).

Rounding and choices
--------------------
* Straight-line amounts are exact per month; each year's deduction is the
  cumulative amount to the end of that year rounded half up to the fen, less
  the same for the year before, so the years add up exactly to cost − residual.
* The one-time deduction is the whole unit value (the residual is not kept).
* The 2022 Q4 high-tech deduction is taken in 2022 whatever the month put into
  use (the text says 当年); ``hnte_years`` are the years in whose fourth quarter
  the enterprise held the high-tech qualification on some day (the text asks
  for the status at some time in Q4 2022): :func:`taxcalc.eit.hnte_q4_years`
  of its certificates, which :func:`taxcalc.eit.annual` passes.
* The shortened lives (at least 60% of the 第六十条 life) and accelerated methods
  (double declining balance, sum of the years' digits) of 实施条例 第九十八条,
  财税〔2014〕75号, 〔2015〕106号 and 2019年第66号 are the rule
  :func:`taxcalc.eit.accelerated_depreciation`; an asset whose ``method`` is one of
  them is depreciated by it (see "Accelerated depreciation" below).  Not encoded: R&D instruments above 100万
  (75号 第二条), the six industries' small low-profit enterprises' ≤ 100万
  deduction of instruments used for both R&D and production (75号 第一条), and
  the 2022 rule for SMEs' equipment above 5,000,000 (2022年第12号), all optional
  for the enterprise: the tax computed without them is still a tax the law
  allows.

Accelerated depreciation
------------------------
``method`` (``straight_line`` by default, ``shortened``, ``double_declining``,
``sum_of_years``), ``life_months``, ``industry``, ``main_business_share`` and
``article_98``, named as on :class:`~taxcalc.eit.DepreciableAsset`, choose the
depreciation used when the one-time deduction is not taken: that deduction,
elected and available, comes first.  In an :class:`~taxcalc.eit.EnterpriseYear`
the enterprise's industry and share stand in for those a row leaves out (alone:
``other``, 100%); a choice the law does not allow is refused when read, naming
the field (:func:`method_problems`).  Under a law that does not allow it (a
what-if, the law as known before the notice) the annual computation uses the
straight line and says why.  See docs/rules/eit-equipment.md.

>>> a = Equipment("lathe", "5000000", "machinery", acquired_on="2018-12-05", in_use="2018-12-20")
>>> s = equipment_schedule(a)
>>> s.method, s.chosen
('one_time', ((2019, Decimal('5000000')),))
>>> b = Equipment("lathe", "5000000.01", "machinery", acquired_on="2018-12-05", in_use="2018-12-20")
>>> equipment_schedule(b).chosen[:2]
((2019, Decimal('500000.00')), (2020, Decimal('500000.00')))
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ..errors import InvalidInput, OutsideCoverage
from ..explain import Citation, Explained, Formula, Step, result
from ..inputs import Amount, Choice, Date, Flag, Integer, Rate, Text, record, take
from ..law import Law, LawValue
from ..money import CONTEXT, ZERO, DateLike, MoneyLike, div, round_fen
from ._common import (
    percent,
    tax_year,
    the_law,
    years,
    yuan,
)
from .accelerated_depreciation import (
    ACCELERATION_INDUSTRIES,
    ASSET_KINDS,
    DEPRECIATION_METHODS,
    AcceleratedSchedule,
    DepreciableAsset,
    _equipment_plan,
    acceleration_industry,
    method_name,
)

__all__ = [
    "ACQUISITIONS",
    "ASSET_KINDS",
    "REASONS",
    "Equipment",
    "EquipmentSchedule",
    "EquipmentYear",
    "equipment_in_year",
    "equipment_schedule",
    "method_problems",
]

# The fields of the depreciation chosen for an asset, declared once: for Equipment and for the
# report's [[equipment]] rows (taxcalc.report.input.Equipment), as DepreciableAsset names them.
#: ``method``: the depreciation chosen when the one-time deduction is not taken.
DepreciationMethod = Annotated[str, Choice(
    "the depreciation chosen when the one-time deduction is not taken: `straight_line` (the 第六十条 "
    "life), `shortened` (a shortened life), `double_declining` or `sum_of_years` (实施条例 第九十八条; "
    "财税〔2014〕75号, 〔2015〕106号, 2019年第66号)", DEPRECIATION_METHODS)]
#: ``life_months``: the life chosen, for a method other than the straight line.
LifeMonths = Annotated[int | None, Integer(
    "the life chosen, in months, with a method other than `straight_line` (default: the shortest "
    "allowed for `shortened`, the 第六十条 life for the others)", minimum=1, maximum=1200)]
#: ``industry``: the enterprise's industry for accelerated depreciation (``""``: from its main business).
IndustryForAcceleration = Annotated[str, Choice(
    "the enterprise's industry for accelerated depreciation, a code of taxcalc.eit.ACCELERATION_INDUSTRIES "
    "(default: from its main business)", ("", *ACCELERATION_INDUSTRIES))]
#: ``main_business_share``: the share of the year the asset was put into use (``None``: the enterprise's).
MainBusinessShareInUse = Annotated[Decimal | None, Rate(
    "the main business's share of total income (收入总额) in the year the asset was put into use "
    "(default: the enterprise's main_business_share)")]
#: ``article_98``: an asset of 实施条例 第九十八条.
Article98 = Annotated[bool, Flag("an asset of 实施条例 第九十八条: fast obsolescence by technical progress, or "
                                 "strong vibration or high corrosion all year")]
#: ``elect_one_time``: whether the enterprise chooses the one-time deduction.
ElectOneTime = Annotated[bool, Flag("whether the one-time deduction is chosen where it is available")]
#: ``rd_instrument``: an instrument used only for R&D (the cap of 财税〔2014〕75号 第二条).
RdInstrument = Annotated[bool, Flag("an instrument or equipment used only for research and development "
                                    "(专门用于研发的仪器、设备; 财税〔2014〕75号 第二条)")]
#: The fields that go with a method other than the straight line.
_WITH_A_METHOD = ("life_months", "industry", "main_business_share", "article_98")
#: How the asset was acquired: bought (invoice date), bought on instalments or
#: credit (arrival date), self-built (completion settlement date), or other
#: (donation, contribution, exchange, restructuring: not a purchase).
ACQUISITIONS = ("purchase", "instalment", "self_built", "other")
_DATE_ZH = {"purchase": "发票开具时间", "instalment": "到货时间", "self_built": "竣工结算时间", "other": "取得时间"}
_DATE_EN = {"purchase": "invoice date", "instalment": "arrival date", "self_built": "completion settlement date",
            "other": "date acquired"}
_ZERO_FEN = Decimal("0.00")
#: Why an asset is not deducted at once, by the code of :attr:`EquipmentSchedule.reasons`: (中文, English).
REASONS = {
    "buildings": ("房屋、建筑物不属于设备、器具", "buildings"),
    "not_purchased": ("非购进取得", "not purchased"),
    "not_elected": ("未选择一次性扣除", "not elected"),
    "outside_window": ("购进日期不在一次性扣除政策期间", "outside the purchase windows"),
    "over_cap": ("单位价值超过上限", "over the cap"),
}


@record(checked=True)
class Equipment:
    """A fixed asset: its unit value, class, purchase and first use.

    ``acquired_on`` is the purchase date as 46号 defines it for the
    ``acquisition`` method (invoice / arrival / completion settlement date);
    ``in_use`` the day it was put into use (only the month counts);
    ``residual`` the residual value for straight-line depreciation;
    ``elect_one_time`` whether the enterprise chooses the one-time deduction
    where available; ``book_depreciation`` the depreciation charged in the
    accounts for the tax year being computed (used by :func:`taxcalc.eit.annual`).
    File fields: those names.
    """

    name: Annotated[str, Text("what it is")]
    cost: Annotated[Decimal, Amount("cost, the unit value (单位价值, 计税基础), excluding VAT", sign="positive")]
    kind: Annotated[str, Choice("class of its minimum tax life (实施条例 第六十条): `buildings`, `machinery`, "
                                "`tools`, `vehicles` or `electronics`", ASSET_KINDS)]
    acquired_on: Annotated[_dt.date, Date("purchase date (购进日期): the invoice date; for an instalment or "
                                          "credit purchase the arrival date; self-built, the completion "
                                          "settlement date")]
    in_use: Annotated[_dt.date, Date("the day it was put into use (投入使用); only the month counts")]
    acquisition: Annotated[str, Choice("`purchase`, `instalment`, `self_built`, or `other` (donated, "
                                       "contributed, exchanged: not bought, no one-time deduction)",
                                       ACQUISITIONS)] = "purchase"
    residual: Annotated[Decimal, Amount("residual value for tax depreciation (预计净残值)")] = ZERO
    elect_one_time: ElectOneTime = True
    book_depreciation: Annotated[Decimal, Amount("depreciation charged in the accounts for the tax year "
                                                 "computed")] = ZERO
    rd_instrument: RdInstrument = False
    # The depreciation chosen, left out of the repr, which is as it was without them.
    method: DepreciationMethod = field(default="straight_line", repr=False)
    life_months: LifeMonths = field(default=None, repr=False)
    industry: IndustryForAcceleration = field(default="", repr=False)
    main_business_share: MainBusinessShareInUse = field(default=None, repr=False)
    article_98: Article98 = field(default=False, repr=False)

    if TYPE_CHECKING:  # what the constructor accepts; the fields hold the checked values
        def __init__(self, name: str, cost: MoneyLike, kind: str, acquired_on: DateLike, in_use: DateLike,  # noqa: PLR0913
            acquisition: str = ..., residual: MoneyLike = ..., elect_one_time: bool = ...,  # noqa: FBT001
            book_depreciation: MoneyLike = ..., rd_instrument: bool = ...,  # noqa: FBT001
            method: str = ..., life_months: int | None = ..., industry: str = ...,
            main_business_share: MoneyLike | None = ..., article_98: bool = ...) -> None: ...  # noqa: FBT001

    def checks(self) -> Iterator[tuple[str, str]]:
        """residual is not more than cost; life_months, industry, main_business_share and article_98 only with
        a method other than straight_line; double_declining and sum_of_years over whole years."""
        if self.residual > self.cost:
            yield "residual", f"{self.residual} is more than the cost {self.cost}"
        if (self.method != "straight_line" or self.life_months is not None or self.industry
                or self.main_business_share is not None or self.article_98):
            yield from method_fields_problems(self)

    def accelerated(self, industry: str = "other", main_business_share: Decimal = Decimal(1)) -> DepreciableAsset:
        """The asset as :class:`~taxcalc.eit.DepreciableAsset` with its method, ``industry`` and
        ``main_business_share`` standing in for those left out."""
        share = self.main_business_share
        return DepreciableAsset(self.name, self.cost, self.kind, acquired_on=self.acquired_on, in_use=self.in_use,
                                industry=self.industry or industry, method=self.method,
                                life_months=self.life_months, residual=self.residual,
                                main_business_share=main_business_share if share is None else share,
                                article_98=self.article_98)

    def described(self, lang: str = "zh") -> str:
        """"bought … (invoice date); in use YYYY-MM", for explanations."""
        in_use = f"{self.in_use.year}-{self.in_use.month:02d}"
        if lang == "zh":
            return f"购进 {self.acquired_on}（{_DATE_ZH[self.acquisition]}）；{in_use}投入使用"
        return f"bought {self.acquired_on} ({_DATE_EN[self.acquisition]}); in use {in_use}"

    @classmethod
    def from_mapping(cls, data: object, where: str = "equipment") -> Equipment:
        """Build from a table with the field names above (dates as ``YYYY-MM-DD``)."""
        return take(cls, data, where)


def method_fields_problems(row: Any) -> Iterator[tuple[str, str]]:
    """The fields of the method that do not go together, on their own (no law read).

    ``life_months``, ``industry``, ``main_business_share`` and ``article_98`` go with a
    method other than ``straight_line`` only; ``double_declining`` and ``sum_of_years``
    take whole years.  ``row`` is an :class:`Equipment` or a row of the report's
    ``[[equipment]]`` (the same fields).
    """
    method = row.method
    if method == "straight_line":
        given = (row.life_months is not None, row.industry != "", row.main_business_share is not None,
                 row.article_98 is True)
        for name, is_given in zip(_WITH_A_METHOD, given, strict=True):
            if is_given:
                yield name, ("only with a method other than straight_line (shortened, double_declining or "
                             "sum_of_years): the straight line is over the 第六十条 minimum life")
    elif method != "shortened" and row.life_months is not None and row.life_months % 12:
        yield "life_months", f"{row.life_months} months is not a whole number of years, which {method} needs"


def method_problems(asset: Equipment, main_business: str = "other", main_business_share: Decimal = Decimal(1), *,
                    law: Law | None = None) -> Iterator[tuple[str, str]]:
    """Whether ``law`` (default: the package's) allows ``asset``'s method: each problem as (field, reason).

    ``main_business`` (``taxcalc.eit.INDUSTRIES``) and ``main_business_share`` are the
    enterprise's, for a row that leaves out its own; a date the law data does not
    cover is left to the computation.
    """
    if asset.method == "straight_line":
        return
    industry = acceleration_industry(main_business)
    try:
        got = the_law(law).memo(_equipment_plan, asset.accelerated(industry, main_business_share))
    except OutsideCoverage:
        return
    if isinstance(got, InvalidInput):
        yield _refusal(asset, got, main_business, industry, main_business_share)


def with_enterprise(rows: tuple[Equipment, ...], main_business: str, main_business_share: Decimal
                    ) -> tuple[Equipment, ...]:
    """``rows`` with the enterprise's industry and share in the rows with a method that leave them out.

    (:class:`~taxcalc.eit.EnterpriseYear` keeps its rows so, once checked: the annual
    computation reads each row alone.)
    """
    out = []
    for e in rows:
        if e.method != "straight_line" and (not e.industry or e.main_business_share is None):
            share = main_business_share if e.main_business_share is None else e.main_business_share
            e = dataclasses.replace(e, industry=e.industry or acceleration_industry(main_business),  # noqa: PLW2901
                                    main_business_share=share)
        out.append(e)
    return rows if all(a is b for a, b in zip(out, rows, strict=True)) else tuple(out)


def _refusal(asset: Equipment, exc: InvalidInput, main_business: str, industry: str,
             share: Decimal) -> tuple[str, str]:
    """The field of ``asset`` a refusal of its method names, and why (saying what was taken from the enterprise)."""
    name, why = exc.field, exc.reason
    if name == "main_business_share" and asset.main_business_share is None:
        return "method", (f"the enterprise's main_business_share {percent(share)} (of the tax year) does not make it "
                          f"of its industry: {why}; give the asset's main_business_share of the year it was put "
                          f"into use if that differs")
    if name == "method" and not asset.industry and not asset.article_98 and "industry" in why:
        why = (f"{why}; the industry {industry!r} is the enterprise's main business {main_business!r}: give "
               f"the asset's industry (taxcalc.eit.ACCELERATION_INDUSTRIES) for the classes of "
               f"财税〔2014〕75号 and 〔2015〕106号")
    return name, why


@dataclass(frozen=True, slots=True)
class EquipmentSchedule(Explained):
    """The tax deductions of one asset, year by year, both ways.

    ``method`` is ``"one_time"``, ``"hnte_q4"``, ``"straight_line"`` or the
    asset's accelerated method (``"shortened"``, ``"double_declining"``,
    ``"sum_of_years"``) when that applies;
    ``one_time`` the one-time schedule where the asset qualifies (else empty);
    ``straight_line`` the ordinary depreciation; ``chosen`` the schedule that
    applies; ``extra`` any extra deduction (the 2022 Q4 high-tech rule).

    ``reasons`` says why the one-time deduction is not taken, as codes for programs, in
    the order found: ``buildings`` (buildings and structures are not equipment),
    ``not_purchased`` (``acquisition="other"``: donated, contributed, exchanged),
    ``not_elected`` (``elect_one_time=False``), ``outside_window`` (bought outside the
    windows of the deduction) and ``over_cap`` (a unit value over the cap); empty when
    it is taken.  :meth:`reasons_in` and :meth:`reason_in` give them in words
    (:data:`REASONS`).
    """

    name: str
    cost: Decimal
    method: str
    reasons: tuple[str, ...]
    one_time: tuple[tuple[int, Decimal], ...]
    straight_line: tuple[tuple[int, Decimal], ...]
    chosen: tuple[tuple[int, Decimal], ...]
    extra: tuple[tuple[int, Decimal], ...]
    steps: tuple[Step, ...]

    def reasons_in(self, lang: str = "en") -> tuple[str, ...]:
        """``reasons`` in words, in ``lang`` (``"zh"`` or ``"en"``).

        >>> s = equipment_schedule(Equipment("crane", "6000000", "machinery", acquired_on="2019-03-01",
        ...                                  in_use="2019-03-10", elect_one_time=False))
        >>> s.reasons, s.reasons_in("zh")
        (('not_elected', 'over_cap'), ('未选择一次性扣除', '单位价值超过上限'))
        """
        return tuple(_reason_words(code, lang) for code in self.reasons)

    def reason_in(self, lang: str = "en") -> str:
        """``reasons`` in words in one line, in ``lang`` (``"zh"`` or ``"en"``); empty when the one-time
        deduction is taken.

        >>> s = equipment_schedule(Equipment("office", "3000000", "buildings", acquired_on="2019-03-01",
        ...                                  in_use="2019-03-10", acquisition="other"))
        >>> s.reason_in("en")
        'buildings; not purchased'
        """
        return ("；" if lang == "zh" else "; ").join(self.reasons_in(lang))

    def deduction_in(self, year: int) -> Decimal:
        """The tax deduction (depreciation or one-time) of ``year``."""
        return next((a for y, a in self.chosen if y == year), _ZERO_FEN)

    def extra_in(self, year: int) -> Decimal:
        """The extra deduction of ``year``."""
        return next((a for y, a in self.extra if y == year), _ZERO_FEN)


@result
class EquipmentYear(Explained):
    """One asset in one tax year: the tax deduction, the extra deduction, the book amount.

    ``adjustment`` = ``book`` − ``deduction`` (A105080: positive increases the
    taxable income, negative decreases it).
    """

    name: str
    year: int
    method: str
    deduction: Decimal
    extra: Decimal
    book: Decimal
    adjustment: Decimal
    steps: tuple[Step, ...]


def _reason_words(code: str, lang: str) -> str:
    """A code of :attr:`EquipmentSchedule.reasons` in words, in ``lang``."""
    zh, en = REASONS[code]
    return zh if lang == "zh" else en


def _month_index(d: _dt.date) -> int:
    return d.year * 12 + d.month - 1


def _read_rules(law: Law, acquired: _dt.date, in_use: _dt.date, kind: str) -> tuple[LawValue, ...]:
    """The law values an asset's treatment rests on (kept by :meth:`Law.memo`)."""
    v = law.value
    return (
        v("eit.equipment.one_time.in_force", acquired),
        v("eit.equipment.hnte_q4.in_force", acquired),
        v("eit.depreciation.start_month_offset", in_use),
        v(f"eit.depreciation.min_years.{kind}", in_use),
    )


def _decide(asset: Equipment, hnte: frozenset[int] | tuple[int, ...], law: Law) -> tuple[str, list[str], list[Step],
                                                                                     LawValue | None, LawValue | None]:
    """Which method applies, why, and the law values it rests on."""
    one, q4, _start, _life = law.memo(_read_rules, asset.acquired_on, asset.in_use, asset.kind)
    a = asset
    steps: list[Step] = [
        Step("equipment.purchase_date", f"购进日期（{_DATE_ZH[a.acquisition]}）", f"purchase date ({_DATE_EN[a.acquisition]})",
             a.acquired_on, "date", "", ()),
        Step("equipment.cost", "单位价值", "unit value", a.cost, "yuan"),
    ]
    reasons: list[str] = []
    not_equipment = a.kind == "buildings"
    not_purchase = a.acquisition == "other"
    if not_equipment:
        reasons.append("buildings")
    if not_purchase:
        reasons.append("not_purchased")
    if not a.elect_one_time:
        reasons.append("not_elected")
    if q4.value and a.acquired_on.year in hnte and not reasons:
        steps.append(q4.step("equipment.hnte_q4", "高新技术企业2022年第四季度新购置设备、器具：当年一次性全额扣除并加计扣除",
                             "high-tech enterprise, bought in Q4 2022: full deduction this year plus an extra deduction"))
        return "hnte_q4", reasons, steps, q4, None
    steps.append(one.step("equipment.one_time", "购进日期适用一次性税前扣除政策", "one-time deduction available for the purchase date"))
    if not one.value:
        reasons.append("outside_window")
        return "straight_line", reasons, steps, None, None
    cap = law.memo(_read_cap, a.acquired_on, a.rd_instrument)
    assert isinstance(cap.value, Decimal)
    over = a.cost > cap.value
    zh, en = _CAP_LABEL[cap.key]
    steps.append(cap.step("equipment.unit_value_cap", zh, en, f"{yuan(a.cost)} ≤ {yuan(cap.value)} {'✗' if over else '✓'}"))
    if over:
        reasons.append("over_cap")
    if reasons:
        if not_equipment:
            steps.append(Step("equipment.buildings", "房屋、建筑物不属于设备、器具", "buildings are not equipment",
                              value=True, unit="bool", cite=(one.citation,)))
        if not_purchase:
            steps.append(Step("equipment.not_purchased", "非货币形式取得，不属于购进", "not acquired by purchase",
                              value=True, unit="bool", cite=(one.citation,)))
        return "straight_line", reasons, steps, None, None
    return "one_time", reasons, steps, None, cap


#: The labels of the unit value cap step, by the key of the cap that applies.
_CAP_LABEL = {
    "eit.equipment.one_time.unit_value_cap": ("单位价值上限（含）", "unit value cap (inclusive)"),
    "eit.equipment.rd_instrument.unit_value_cap": ("研发专用仪器、设备单位价值上限（含）",
                                                   "R&D instrument: unit value cap (inclusive)"),
}


def _read_cap(law: Law, acquired: _dt.date, rd_instrument: bool) -> LawValue:  # noqa: FBT001
    """The unit value cap of the one-time deduction: the higher of the general cap and, for an
    instrument used only for R&D, the R&D-instrument cap (kept by :meth:`Law.memo`)."""
    cap = law.value("eit.equipment.one_time.unit_value_cap", acquired)
    if not rd_instrument:
        return cap
    rd = law.value("eit.equipment.rd_instrument.unit_value_cap", acquired)
    assert isinstance(cap.value, Decimal) and isinstance(rd.value, Decimal)
    return rd if rd.value > cap.value else cap


def _straight_line(asset: Equipment, law: Law) -> tuple[tuple[tuple[int, Decimal], ...], LawValue, LawValue]:
    _one, _q4, start, life = law.memo(_read_rules, asset.acquired_on, asset.in_use, asset.kind)
    assert isinstance(start.value, int) and isinstance(life.value, int)
    first = _month_index(asset.in_use) + start.value
    months = life.value * 12
    out: list[tuple[int, Decimal]] = []
    done = _ZERO_FEN
    for y in range(first // 12, (first + months - 1) // 12 + 1):
        cum = _sl_through(asset, first, months, (y + 1) * 12)
        out.append((y, CONTEXT.subtract(cum, done)))
        done = cum
    return tuple(out), start, life


def _one_time_year(asset: Equipment, law: Law) -> tuple[int, LawValue]:
    off = law.value("eit.equipment.one_time.deduction_month_offset", asset.acquired_on)
    assert isinstance(off.value, int)
    m = _month_index(asset.in_use) + off.value
    return m // 12, off


def equipment_schedule(asset: Equipment, *, hnte_years: Iterable[int] = (), law: Law | None = None) -> EquipmentSchedule:
    """The year-by-year tax deductions of ``asset``, one-time and straight-line.

    ``hnte_years`` are the years in whose fourth quarter the enterprise was a
    high and new technology enterprise on some day (for the 2022 Q4 rule; see
    :func:`taxcalc.eit.hnte_q4_years`).

    >>> a = Equipment("server", "300000", "electronics", acquired_on="2020-11-03", in_use="2020-11-10")
    >>> s = equipment_schedule(a)
    >>> s.one_time, s.straight_line
    (((2020, Decimal('300000')),), ((2020, Decimal('8333.33')), (2021, Decimal('100000.00')), (2022, Decimal('100000.00')), (2023, Decimal('91666.67'))))
    """
    law = the_law(law)
    if not isinstance(asset, Equipment):
        raise InvalidInput("equipment", "must be Equipment")
    hnte = years(hnte_years, "hnte_years")
    accelerated = _strictly(asset, law)
    method, reasons, steps, q4, _cap = _decide(asset, hnte, law)
    sl, start, life = _straight_line(asset, law)
    one_time: tuple[tuple[int, Decimal], ...] = ()
    extra: tuple[tuple[int, Decimal], ...] = ()
    if method == "one_time":
        y, off = _one_time_year(asset, law)
        one_time = ((y, asset.cost),)
        steps.append(off.step("equipment.deduction_year", "投入使用月份的次月所属年度一次性扣除",
                              "deducted in the tax year of the month after the month put into use",
                              f"{asset.in_use.year}-{asset.in_use.month:02d} → {y}"))
        chosen: tuple[tuple[int, Decimal], ...] = one_time
    elif method == "hnte_q4":
        assert q4 is not None
        ratio = law.value("eit.equipment.hnte_q4.extra_ratio", asset.acquired_on)
        assert isinstance(ratio.value, Decimal)
        y = asset.acquired_on.year
        one_time = ((y, asset.cost),)
        extra = ((y, round_fen(CONTEXT.multiply(asset.cost, ratio.value))),)
        steps.append(ratio.step("equipment.hnte_q4_extra", "加计扣除比例", "extra deduction ratio",
                                f"{yuan(asset.cost)} × {percent(ratio.value)} = {yuan(extra[0][1])}"))
        chosen = one_time
    elif accelerated is not None:
        method = asset.method
        steps.extend(accelerated.steps)
        chosen = accelerated.chosen
    else:
        chosen = sl
    assert isinstance(life.value, int)
    begins = _next_month(asset.in_use, start)
    steps.append(life.step("equipment.min_years", "最低折旧年限", "minimum depreciation life",
                           f"({yuan(asset.cost)} − {yuan(asset.residual)}) ÷ {life.value * 12} months "
                           f"from {begins}", "A105080",
                           f"({yuan(asset.cost)} − {yuan(asset.residual)}) ÷ {life.value * 12}个月，"
                           f"自{begins}起"))
    label = {"one_time": ("一次性扣除", "one-time deduction"), "hnte_q4": ("当年全额扣除并加计扣除", "full deduction plus extra"),
             "straight_line": ("按直线法计算折旧", "straight-line depreciation")}.get(method) or (
                 method_name(method, "zh"), method_name(method, "en"))
    why_zh, why_en = (f"（不适用一次性扣除：{'；'.join(_reason_words(r, 'zh') for r in reasons)}）",
                      f" (no one-time deduction: {'; '.join(_reason_words(r, 'en') for r in reasons)})"
                      ) if reasons else ("", "")
    steps.append(Step("equipment.method", f"税前扣除方法：{label[0]}{why_zh}", f"tax method: {label[1]}{why_en}",
                      "; ".join(f"{y}: {yuan(a)}" for y, a in chosen), "", "", (), "A105080"))
    return EquipmentSchedule(asset.name, asset.cost, method, tuple(reasons), one_time, sl, chosen, extra, tuple(steps))


def _strictly(asset: Equipment, law: Law) -> AcceleratedSchedule | None:
    """The accelerated schedule of ``asset`` under ``law`` (``None`` for the straight line); a choice the law does
    not allow is refused, naming the field."""
    if asset.method == "straight_line":
        return None
    got = law.memo(_equipment_plan, asset.accelerated())
    if isinstance(got, InvalidInput):
        raise InvalidInput(got.field, got.reason)
    return got


def _next_month(d: _dt.date, start: LawValue) -> str:
    assert isinstance(start.value, int)
    m = _month_index(d) + start.value
    return f"{m // 12}-{m % 12 + 1:02d}"


def equipment_in_year(asset: Equipment, year: int, *, hnte_years: Iterable[int] = (), law: Law | None = None
                      ) -> EquipmentYear:
    """The tax deduction of ``asset`` in tax year ``year``, against its book depreciation.

    Only that year is worked out (see :func:`equipment_schedule` for every year).

    >>> a = Equipment("lathe", "1200000", "machinery", acquired_on="2018-06-01", in_use="2018-06-15",
    ...               book_depreciation="60000")
    >>> r = equipment_in_year(a, 2018)
    >>> r.deduction, r.adjustment
    (Decimal('1200000'), Decimal('-1140000'))
    """
    law = the_law(law)
    y = tax_year(year)
    if not isinstance(asset, Equipment):
        raise InvalidInput("equipment", "must be Equipment")
    _strictly(asset, law)
    return _asset_year(asset, y, years(hnte_years, "hnte_years"), law, "equipment")


def _read_plan(law: Law, acquired: _dt.date, in_use: _dt.date, kind: str, acquisition: str,  # noqa: PLR0913
               elect: bool, hnte: bool, rd_instrument: bool,  # noqa: FBT001
               ) -> tuple[str, LawValue, LawValue | None, LawValue, LawValue]:
    one, q4, start, life = law.memo(_read_rules, acquired, in_use, kind)
    eligible = kind != "buildings" and acquisition != "other" and elect
    if eligible and q4.value and hnte:
        ratio = law.value("eit.equipment.hnte_q4.extra_ratio", acquired)
        return "hnte_q4", q4, ratio, start, life
    if eligible and one.value:
        cap = law.memo(_read_cap, acquired, rd_instrument)
        off = law.value("eit.equipment.one_time.deduction_month_offset", acquired)
        return "one_time", cap, off, start, life
    return "straight_line", one, None, start, life


def _sl_through(asset: Equipment, first: int, months: int, upto: int) -> Decimal:
    """Cumulative straight-line depreciation to the end of month index ``upto`` (exclusive), to the fen."""
    n = min(max(upto - first, 0), months)
    if n == 0:
        return _ZERO_FEN
    if n == months:
        return round_fen(CONTEXT.subtract(asset.cost, asset.residual))
    return round_fen(div(CONTEXT.multiply(CONTEXT.subtract(asset.cost, asset.residual), Decimal(n)), Decimal(months)))


def _one_time_formula(lang: str, a: Equipment, cap: Decimal, ded: Decimal) -> str:
    adj = yuan(CONTEXT.subtract(a.book_depreciation, ded))
    if lang == "zh":
        first = f"（一次性扣除优先于所选的{method_name(a.method)}）" if a.method != "straight_line" else ""
        return (f"{yuan(a.cost)} ≤ {yuan(cap)} ✓；{a.described('zh')}；会计折旧 {yuan(a.book_depreciation)} → "
                f"纳税调整 {adj}{first}")
    first = (f" (the one-time deduction comes before the {method_name(a.method, 'en')} chosen)"
             if a.method != "straight_line" else "")
    return (f"{yuan(a.cost)} ≤ {yuan(cap)} ✓; {a.described('en')}; book {yuan(a.book_depreciation)} → "
            f"adjustment {adj}{first}")


def _accelerated_formula(lang: str, a: Equipment, y: int, s: AcceleratedSchedule, adj: Decimal) -> str:
    general = yuan(s.straight_line_in(y))
    if lang == "zh":
        return (f"{method_name(a.method)}，{s.life_months}个月：计税基础 {yuan(a.cost)}，残值 {yuan(a.residual)}；"
                f"按税收一般规定（直线法）{general}；会计折旧 {yuan(a.book_depreciation)} → 纳税调整 {yuan(adj)}")
    return (f"{method_name(a.method, 'en')} over {s.life_months} months: basis {yuan(a.cost)}, residual "
            f"{yuan(a.residual)}; general rule (straight line) {general}; book {yuan(a.book_depreciation)} → "
            f"adjustment {yuan(adj)}")


def _hnte_q4_formula(lang: str, a: Equipment, ratio: Decimal, extra: Decimal, ded: Decimal) -> str:
    adj = yuan(CONTEXT.subtract(a.book_depreciation, ded))
    if lang == "zh":
        return (f"{a.described('zh')}；加计扣除 {percent(ratio)} = {yuan(extra)}；"
                f"会计折旧 {yuan(a.book_depreciation)} → 纳税调整 {adj}")
    return (f"{a.described('en')}; extra {percent(ratio)} = {yuan(extra)}; "
            f"book {yuan(a.book_depreciation)} → adjustment {adj}")


def _straight_line_formula(lang: str, a: Equipment, y: int, months: int, adj: Decimal) -> str:
    base = f"({yuan(a.cost)} − {yuan(a.residual)})"
    if lang == "zh":
        return f"{base} × {y}年度折旧月数 ÷ {months}；会计折旧 {yuan(a.book_depreciation)} → 纳税调整 {yuan(adj)}"
    return f"{base} × months of {y} ÷ {months}; book {yuan(a.book_depreciation)} → adjustment {yuan(adj)}"


def _asset_year(asset: Equipment, y: int, hnte: tuple[int, ...], law: Law, label: str) -> EquipmentYear:
    """One asset in one year, explained in one step (used by the annual computation)."""
    a = asset
    method, v1, v2, start, life = law.memo(_read_plan, a.acquired_on, a.in_use, a.kind, a.acquisition, a.elect_one_time,
                                        a.acquired_on.year in hnte, a.rd_instrument)
    extra = _ZERO_FEN
    cost = a.cost
    book = a.book_depreciation
    if method == "one_time":
        cap = v1.value
        assert isinstance(cap, Decimal) and v2 is not None and isinstance(v2.value, int)
        if cost > cap:
            method = "straight_line"
        else:
            when = (_month_index(a.in_use) + v2.value) // 12
            ded = cost if when == y else _ZERO_FEN
            adj = CONTEXT.subtract(book, ded)
            step = Step(f"{label}.deduction", f"{a.name}：一次性税前扣除（{when}年度）",
                        f"{a.name}: one-time deduction (in {when})", ded, "yuan",
                        Formula(_one_time_formula, (a, cap, ded)), (v1.citation, v2.citation), "A105080")
    elif method == "hnte_q4":
        assert v2 is not None and isinstance(v2.value, Decimal)
        when = a.acquired_on.year
        ded = cost if when == y else _ZERO_FEN
        extra = round_fen(CONTEXT.multiply(cost, v2.value)) if when == y else _ZERO_FEN
        adj = CONTEXT.subtract(book, ded)
        step = Step(f"{label}.deduction", f"{a.name}：高新技术企业2022年第四季度购置，当年全额扣除并加计扣除",
                    f"{a.name}: high-tech enterprise, bought in Q4 2022: full deduction plus extra", ded, "yuan",
                    Formula(_hnte_q4_formula, (a, v2.value, extra, ded)), (v1.citation, v2.citation), "A105080")
    if method == "straight_line":
        over = v1.key.endswith("cap")
        code = ("over_cap" if over else "buildings" if a.kind == "buildings"
                else "not_purchased" if a.acquisition == "other" else "not_elected" if not a.elect_one_time
                else "outside_window")
        why, why_zh = _reason_words(code, "en"), _reason_words(code, "zh")
        zh_not = ""
        if a.method != "straight_line":  # the method chosen, where the law applied allows it
            got = law.memo(_equipment_plan, a.accelerated())
            if isinstance(got, AcceleratedSchedule):
                on = law.value("eit.accelerated_depreciation.in_force", a.acquired_on)  # the enabling article
                return _accelerated_year(a, y, got, label, (why_zh, why),
                                         (on.citation, v1.citation) if over else (on.citation,))
            why = f"{why}; {method_name(a.method, 'en')} not available: {got.reason}"
            zh_not = f"；所选{method_name(a.method)}不适用"
        assert isinstance(start.value, int) and isinstance(life.value, int)
        first = _month_index(a.in_use) + start.value
        months = life.value * 12
        ded = CONTEXT.subtract(_sl_through(a, first, months, (y + 1) * 12), _sl_through(a, first, months, y * 12))
        adj = CONTEXT.subtract(book, ded)
        step = Step(f"{label}.deduction", f"{a.name}：{y}年度税收折旧额（直线法，最低折旧年限{life.value}年；{why_zh}{zh_not}）",
                    f"{a.name}: tax depreciation in {y} (straight line over {life.value} years; {why})", ded, "yuan",
                    Formula(_straight_line_formula, (a, y, months, adj)),
                    (life.citation, start.citation, v1.citation) if over else (life.citation, start.citation),
                    "A105080")
    return EquipmentYear(a.name, y, method, ded, extra, book, adj, (step,))


def _accelerated_year(a: Equipment, y: int, s: AcceleratedSchedule, label: str, why: tuple[str, str],
                      cap: tuple[Citation, ...]) -> EquipmentYear:
    """One asset in one year by its accelerated method (A105080), citing the enabling article, the grounds and
    the method (``why``: why not the one-time deduction, in Chinese and English; ``cap``: the enabling article,
    then the one-time cap when the asset is over it)."""
    ded = s.deduction_in(y)
    adj = CONTEXT.subtract(a.book_depreciation, ded)
    cites = tuple(dict.fromkeys([*cap[:1], *[c for st in s.steps for c in st.cite], *cap[1:]]))
    step = Step(f"{label}.deduction", f"{a.name}：{y}年度税收折旧额（{method_name(a.method)}，{s.life_months}个月；"
                f"不适用一次性扣除：{why[0]}）",
                f"{a.name}: tax depreciation in {y} ({method_name(a.method, 'en')} over {s.life_months} months; "
                f"one-time deduction: {why[1]})", ded, "yuan", Formula(_accelerated_formula, (a, y, s, adj)), cites,
                "A105080")
    return EquipmentYear(a.name, y, a.method, ded, _ZERO_FEN, a.book_depreciation, adj, (step,))
