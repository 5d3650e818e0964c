"""``eit.equipment``: the one-time deduction or depreciation of an asset, 设备、器具
(:func:`taxcalc.eit.equipment_schedule`)."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...eit.accelerated_depreciation import method_name
from ...eit.equipment import (
    ACQUISITIONS,
    ASSET_KINDS,
    Article98,
    DepreciationMethod,
    Equipment,
    EquipmentSchedule,
    IndustryForAcceleration,
    LifeMonths,
    MainBusinessShareInUse,
    RdInstrument,
    equipment_schedule,
    method_fields_problems,
)
from ...inputs import Amount, Choice, Date, Flag, record
from ...text import render_table
from ..protocol import Definition
from ._common import WIDTH, yuan

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ...law import Law

__all__ = ["DEFINITIONS", "EquipmentInput", "EquipmentScheduleInWords"]


@record
class EquipmentInput:
    """One asset: its value, class and dates, and the depreciation chosen when the one-time deduction is not
    taken (the fields of :class:`~taxcalc.eit.Equipment`)."""

    cost: Annotated[Decimal, Amount("unit value (单位价值), yuan")]
    kind: Annotated[str, Choice("class of fixed asset", ASSET_KINDS)]
    acquired_on: Annotated[_dt.date, Date("purchase date: invoice date (arrival date for instalments, completion "
                                          "for self-built)")]
    in_use: Annotated[_dt.date, Date("day put into use")]
    acquisition: Annotated[str, Choice("how it was acquired", ACQUISITIONS)] = "purchase"
    residual: Annotated[Decimal, Amount("residual value for depreciation, yuan")] = Decimal(0)
    hnte: Annotated[bool, Flag("a high and new technology enterprise in the purchase year")] = False
    # A flag is off unless given (on the command line too): the enterprise declines rather than elects.
    decline_one_time: Annotated[bool, Flag("the enterprise does not choose the one-time deduction (国家税务总局公告"
                                           "2018年第46号 四): Equipment's elect_one_time=false")] = False
    rd_instrument: RdInstrument = False
    method: DepreciationMethod = "straight_line"
    life_months: LifeMonths = None
    industry: IndustryForAcceleration = ""
    main_business_share: MainBusinessShareInUse = None
    article_98: Article98 = False

    def checks(self) -> Iterator[tuple[str, str]]:
        """The fields of the method go together (those of :class:`~taxcalc.eit.Equipment`)."""
        yield from method_fields_problems(self)


@dataclasses.dataclass(frozen=True, slots=True)
class EquipmentScheduleInWords(EquipmentSchedule):
    """The schedule of :func:`~taxcalc.eit.equipment_schedule`, with its ``reasons`` in words in both languages.

    ``reasons_zh`` and ``reasons_en`` are :meth:`~taxcalc.eit.EquipmentSchedule.reasons_in` of ``"zh"`` and
    ``"en"``: one entry for each code of ``reasons``, in the same order (the JSON of the rule is the same
    whatever ``--lang``, as a step gives its ``zh`` and ``en``).
    """

    reasons_zh: tuple[str, ...] = ()
    reasons_en: tuple[str, ...] = ()

    @classmethod
    def of(cls, s: EquipmentSchedule) -> EquipmentScheduleInWords:
        """``s`` with its reasons in words."""
        kept = {f.name: getattr(s, f.name) for f in dataclasses.fields(EquipmentSchedule)}
        return cls(**kept, reasons_zh=s.reasons_in("zh"), reasons_en=s.reasons_in("en"))

    def as_dict(self) -> dict[str, Any]:
        """As :meth:`~taxcalc.explain.Explained.as_dict`, the words just after the codes."""
        whole = EquipmentSchedule.as_dict(self)  # (a slotted dataclass: no bare super())
        words = {name: whole.pop(name) for name in ("reasons_zh", "reasons_en")}
        out: dict[str, Any] = {}
        for name, value in whole.items():
            out[name] = value
            if name == "reasons":
                out.update(words)
        return out


def _equipment(i: EquipmentInput, *, law: Law | None) -> EquipmentScheduleInWords:
    asset = Equipment("asset", i.cost, i.kind, acquired_on=i.acquired_on, in_use=i.in_use,
                      acquisition=i.acquisition, residual=i.residual, elect_one_time=not i.decline_one_time,
                      rd_instrument=i.rd_instrument, method=i.method, life_months=i.life_months, industry=i.industry,
                      main_business_share=i.main_business_share, article_98=i.article_98)
    return EquipmentScheduleInWords.of(
        equipment_schedule(asset, hnte_years=[asset.acquired_on.year] if i.hnte else [], law=law))


_METHOD = {
    "one_time": ("一次性扣除", "one-time deduction"),
    "straight_line": ("直线法折旧", "straight-line depreciation"),
    "hnte_q4": ("当年全额扣除并加计扣除", "full deduction in the year plus an extra deduction"),
}


def _text(s: EquipmentSchedule, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    columns = [(s.one_time, "one-time", "一次性扣除"), (s.straight_line, "straight line", "直线法折旧"),
               (s.extra, "extra deduction", "加计扣除")]
    if s.method in _METHOD:
        method = _METHOD[s.method][1 if en else 0]
    else:  # an accelerated method: its amounts, after the straight line's
        method = method_name(s.method, lang)
        columns.insert(2, (s.chosen, method_name(s.method, "en"), method_name(s.method, "zh")))
    by_year = [(dict(schedule), name_en if en else name_zh) for schedule, name_en, name_zh in columns if schedule]
    years = sorted({y for amounts, _ in by_year for y in amounts})
    rows = [[str(y), *(yuan(amounts[y], lang) if y in amounts else "" for amounts, _ in by_year)] for y in years]
    head = ["year" if en else "年度", *(name for _, name in by_year)]
    table = render_table(head, rows, right=tuple(range(1, len(head))), width=WIDTH)
    why = s.reason_in(lang)
    title = f"tax method: {method}" if en else f"税前扣除方法：{method}"
    if why:
        title += f" (no one-time deduction: {why})" if en else f"（不适用一次性扣除：{why}）"
    return f"{title}\n{table}\n\n{s.explain(lang)}"


DEFINITIONS: dict[str, Definition] = {
    "eit.equipment": Definition(
        input=EquipmentInput, compute=_equipment, result=(EquipmentScheduleInWords,), text=_text,
        example={"cost": "5000000", "kind": "machinery", "acquired_on": "2018-12-05", "in_use": "2018-12-20"}),
}
