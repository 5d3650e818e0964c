"""``eit.equipment``: the one-time deduction or depreciation of an asset, 设备、器具
(:func:`taxcalc.eit.equipment_schedule`)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from ...eit.equipment import (
    ACQUISITIONS,
    ASSET_KINDS,
    Equipment,
    EquipmentSchedule,
    equipment_schedule,
)
from ...inputs import Amount, Choice, Date, Flag, record
from ...text import render_table
from ..protocol import Definition
from ._common import WIDTH, yuan

if TYPE_CHECKING:
    from ...law import Law

__all__ = ["DEFINITIONS", "EquipmentInput"]


@record
class EquipmentInput:
    """One asset: its value, class and dates."""

    cost: Annotated[Decimal, Amount("unit value (单位价值), yuan")]
    kind: Annotated[str, Choice("class of fixed asset", ASSET_KINDS)]
    acquired_on: Annotated[_dt.date, Date("purchase date: invoice date (arrival date for instalments, completion "
                                          "for self-built)")]
    in_use: Annotated[_dt.date, Date("day put into use")]
    acquisition: Annotated[str, Choice("how it was acquired", ACQUISITIONS)] = "purchase"
    residual: Annotated[Decimal, Amount("residual value for depreciation, yuan")] = Decimal(0)
    hnte: Annotated[bool, Flag("a high and new technology enterprise in the purchase year")] = False


def _equipment(i: EquipmentInput, *, law: Law | None) -> EquipmentSchedule:
    asset = Equipment("asset", i.cost, i.kind, acquired_on=i.acquired_on, in_use=i.in_use,
                      acquisition=i.acquisition, residual=i.residual)
    return equipment_schedule(asset, hnte_years=[asset.acquired_on.year] if i.hnte else [], law=law)


_METHOD = {
    "one_time": ("一次性扣除", "one-time deduction"),
    "straight_line": ("直线法折旧", "straight-line depreciation"),
    "hnte_q4": ("当年全额扣除并加计扣除", "full deduction in the year plus an extra deduction"),
}


def _text(s: EquipmentSchedule, lang: str, inputs: Any = None) -> str:
    en = lang == "en"
    method = _METHOD[s.method][1 if en else 0]
    columns = [(s.one_time, "one-time", "一次性扣除"), (s.straight_line, "straight line", "直线法折旧"),
               (s.extra, "extra deduction", "加计扣除")]
    by_year = [(dict(schedule), name_en if en else name_zh) for schedule, name_en, name_zh in columns if schedule]
    years = sorted({y for amounts, _ in by_year for y in amounts})
    rows = [[str(y), *(yuan(amounts[y], lang) if y in amounts else "" for amounts, _ in by_year)] for y in years]
    head = ["year" if en else "年度", *(name for _, name in by_year)]
    table = render_table(head, rows, right=tuple(range(1, len(head))), width=WIDTH)
    title = f"tax method: {method}" if en else f"税前扣除方法：{method}"
    return f"{title}\n{table}\n\n{s.explain(lang)}"


DEFINITIONS: dict[str, Definition] = {
    "eit.equipment": Definition(
        input=EquipmentInput, compute=_equipment, result=(EquipmentSchedule,), text=_text,
        example={"cost": "5000000", "kind": "machinery", "acquired_on": "2018-12-05", "in_use": "2018-12-20"}),
}
