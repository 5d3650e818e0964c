"""The input composition ratio (进项构成比例) of a refund of excess input credit.

The rule
    Only the part of an excess credit that comes from input VAT shown on the listed
    vouchers is refunded.  The ratio is the input VAT on those vouchers deducted from
    April 2019 to the tax period before the application, over all the input VAT
    deducted in the same months:

    * from 2019-04-01 (财政部 税务总局 海关总署公告2019年第39号 第八条第（三）项): special
      VAT invoices (增值税专用发票, including the motor-vehicle sales invoice of the tax
      control system), customs import VAT payment certificates and tax payment
      certificates for withheld VAT;
    * from 2022-04-01 (财政部 税务总局公告2022年第14号 第八条): the same, and VAT
      electronic ordinary invoices for toll-road fees (收费公路通行费增值税电子普通发票),
      kept from 2025-09 (财政部 税务总局公告2025年第7号; secondary, see
      docs/law-audit.md).

    Input transferred out in those months need not be taken off the listed vouchers
    (国家税务总局公告2022年第4号 第二条): give the vouchers' VAT as deducted.

Keys read
    ``vat.input_composition.toll_road_counted``.

Choices and limits
    * ``listed_input_tax`` is the VAT on the special invoices (with the motor-vehicle
      invoices), customs certificates and withholding certificates together;
      ``toll_road_input_tax`` the VAT on toll-road e-invoices, given apart because it
      counts only from 2022-04-01.  Farm-produce deductions, passenger-transport
      tickets and other computed input belong in ``total_input_tax`` only.
    * The ratio is exact (not rounded); no deducted input VAT gives a ratio of 0.
    * The day is the application day; before 2019-04-01 there was no such ratio
      (:class:`~taxcalc.errors.OutsideCoverage`).

>>> r = input_composition_ratio("2022-05-10", listed_input_tax="700000", total_input_tax="1000000",
...                             toll_road_input_tax="100000")
>>> r.ratio, r.counted
(Decimal('0.8'), Decimal('800000'))
>>> input_composition_ratio("2021-05-10", listed_input_tax="700000", total_input_tax="1000000",
...                         toll_road_input_tax="100000").ratio
Decimal('0.7')
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput
from ..explain import Explained, Formula, Step, format_value
from ..law import Law
from ..money import ZERO, DateLike, MoneyLike, add, div, nonnegative_money
from ._common import day, law_or_default

__all__ = ["TOLL_ROAD_KEY", "InputCompositionRatio", "input_composition_ratio", "ratio_of"]

TOLL_ROAD_KEY = "vat.input_composition.toll_road_counted"


@dataclass(frozen=True, slots=True)
class InputCompositionRatio(Explained):
    """The input composition ratio (进项构成比例): ``counted ÷ total_input_tax`` (0 when nothing was deducted)."""

    on: _dt.date
    listed_input_tax: Decimal
    toll_road_input_tax: Decimal
    total_input_tax: Decimal
    toll_road_counted: bool
    counted: Decimal
    ratio: Decimal
    steps: tuple[Step, ...]


def _y(x: Decimal) -> str:
    return format_value(x, "yuan")


def _counted(lang: str, listed: Decimal, toll: Decimal, with_toll: object) -> str:
    if with_toll:
        return f"{_y(listed)} + {_y(toll)}"
    return f"{_y(listed)}（通行费电子普通发票不计入）" if lang == "zh" else f"{_y(listed)} (toll-road e-invoices not counted)"


def _ratio(lang: str, counted: Decimal, total: Decimal) -> str:
    if total == 0:
        return "无已抵扣进项税额：0" if lang == "zh" else "no input VAT deducted: 0"
    return f"{_y(counted)} ÷ {_y(total)}"


def input_composition_ratio(
    on: DateLike,
    *,
    listed_input_tax: MoneyLike,
    total_input_tax: MoneyLike,
    toll_road_input_tax: MoneyLike = ZERO,
    law: Law | None = None,
) -> InputCompositionRatio:
    """The 进项构成比例 for an application on ``on`` (see the module documentation)."""
    return ratio_of(
        day(on, "on"),
        nonnegative_money(listed_input_tax, "listed_input_tax"),
        nonnegative_money(toll_road_input_tax, "toll_road_input_tax"),
        nonnegative_money(total_input_tax, "total_input_tax"),
        law_or_default(law),
    )


def ratio_of(on: _dt.date, listed: Decimal, toll: Decimal, total: Decimal, data: Law) -> InputCompositionRatio:
    """:func:`input_composition_ratio` of amounts already read (for the refund rule)."""
    if add(listed, toll) > total:
        raise InvalidInput("listed_input_tax", f"the listed vouchers and toll-road e-invoices ({add(listed, toll)}) "
                           f"exceed all deducted input VAT ({total})")
    flag = data.value(TOLL_ROAD_KEY, on)
    with_toll = flag.value is True
    counted = add(listed, toll) if with_toll else listed
    ratio = ZERO if total == 0 else div(counted, total)
    cite = (flag.citation,)
    steps = (
        Step("listed_input_tax", "已抵扣的增值税专用发票（含税控机动车销售统一发票）、海关进口增值税专用缴款书、"
             "解缴税款完税凭证注明的增值税额", "input VAT on special invoices, customs and withholding certificates",
             listed, "yuan", cite=cite),
        flag.step("toll_road_counted", "收费公路通行费增值税电子普通发票注明的税额计入",
                  "VAT on toll-road e-invoices counted", formula=_y(toll)),
        Step("counted", "计入进项构成比例的进项税额", "input VAT counted", counted, "yuan",
             Formula(_counted, (listed, toll, with_toll)), cite),
        Step("total_input_tax", "同期全部已抵扣进项税额", "all input VAT deducted in the same months", total, "yuan"),
        Step("ratio", "进项构成比例", "input composition ratio", ratio, "rate", Formula(_ratio, (counted, total)), cite),
    )
    return InputCompositionRatio(on, listed, toll, total, with_toll, counted, ratio, steps)
