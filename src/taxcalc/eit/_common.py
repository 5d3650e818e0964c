"""Helpers shared by the enterprise income tax rules: tax years, months, industries, inputs.

A tax year (纳税年度) is the calendar year (企业所得税法 第五十三条).  The law
for tax year ``Y`` is read on ``Y-12-31``: the annual settlement (汇算清缴)
applies the rule in force for the year as a whole, and every retroactive notice
of the period (财税〔2017〕43号, 〔2018〕77号, 2021年第12号, 2023年第6号 …) takes
effect from 1 January, so its value covers the last day of the year.  Where a
value changes inside a year (2015-10-01 for small low-profit enterprises,
2022-10-01 for the R&D ratio), the rule modules read each month on its last day
and apportion by months operated, which is what the notices themselves prescribe
(财税〔2015〕99号 二, 2022年第28号 二).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

from .. import calendar as _calendar
from ..errors import InvalidInput, UnknownCategory
from ..inputs import Year
from ..law import Law, default
from ..money import CONTEXT, FEN, date_arg, money, nonnegative_money, rate
from ..money import choice as choice  # the one check of a choice, shared with every rule
from ..money import flag as flag  # the one check of a flag

__all__ = [
    "INDUSTRIAL",
    "INDUSTRIES",
    "MANUFACTURING",
    "industry_arg",
    "month_end",
    "months_operated",
    "quarters_operated",
    "the_law",
    "tax_year",
    "year_end",
]

T = TypeVar("T")

#: Industry codes (main business, 主营业务) known to the EIT rules, with their names.
#: Coarse groups of GB/T 4754 as far as the rules need them.
INDUSTRIES: dict[str, tuple[str, str]] = {
    "agriculture": ("农、林、牧、渔业", "agriculture, forestry, animal husbandry, fishery"),
    "mining": ("采矿业", "mining"),
    "manufacturing": ("制造业", "manufacturing"),
    "tobacco": ("烟草制品业", "tobacco manufacturing"),
    "utilities": ("电力、热力、燃气及水生产和供应业", "electricity, heat, gas and water"),
    "construction": ("建筑业", "construction"),
    "wholesale_retail": ("批发和零售业", "wholesale and retail"),
    "transport": ("交通运输、仓储和邮政业", "transport, storage and post"),
    "accommodation": ("住宿业", "accommodation"),
    "catering": ("餐饮业", "catering"),
    "information": ("信息传输、软件和信息技术服务业", "information transmission, software and IT services"),
    "finance": ("金融业", "finance"),
    "real_estate": ("房地产业", "real estate"),
    "leasing_business": ("租赁和商务服务业", "leasing and business services"),
    "research": ("科学研究和技术服务业", "scientific research and technical services"),
    "tourism": ("旅游业（旅行社及相关服务、游览景区管理）", "tourism (travel agencies, scenic areas)"),
    "entertainment": ("娱乐业", "entertainment"),
    "film": ("电影制作、发行和放映", "film production, distribution and screening"),
    "other": ("其他行业", "other"),
}

#: 工业企业 for the small low-profit tests before 2019: mining, manufacturing and
#: utilities, the 工业 of the statistical classification (the notices do not define it).
INDUSTRIAL = frozenset({"mining", "manufacturing", "tobacco", "utilities"})

#: Industries whose main business is manufacturing (制造业, GB/T 4754 门类 C).
MANUFACTURING = frozenset({"manufacturing", "tobacco"})


_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


_to_fen = CONTEXT.quantize  # (amount, FEN): half up to the fen, in the money context


def yuan(d: Decimal) -> str:
    """An amount for an explanation: ``1,234.57`` (half up to the fen; never the ambient context).

    Rounded to the fen first, the amount is formatted exactly (no rounding left
    to the ambient context).
    """
    return f"{_to_fen(d, FEN):,.2f}"


def signed_yuan(d: Decimal) -> str:
    """An amount added or taken away in a formula: ``+ 1,234.57`` or ``− 1,234.57`` (as :func:`yuan`)."""
    return f"− {_to_fen(CONTEXT.minus(d), FEN):,.2f}" if d < 0 else f"+ {_to_fen(d, FEN):,.2f}"


def percent(d: Decimal) -> str:
    """A share as a percentage, exact to 0.01% (``81.25%``), else rounded (``≈78.57%``); context-free."""
    p = CONTEXT.multiply(d, _HUNDRED)
    q = CONTEXT.quantize(p, _CENT)
    if q == p:
        return f"{CONTEXT.normalize(p):f}%"
    return f"≈{q:f}%"


def the_law(law: Law | None) -> Law:
    """``law``, or the package's data when ``None``."""
    return default() if law is None else law


_TAX_YEAR = Year("a tax year")


def tax_year(value: object, field: str = "year") -> int:
    """A tax year as an ``int`` (``bool`` and other types refused), as the records' ``Year`` fields take it."""
    return _TAX_YEAR.take(value, field)  # type: ignore[no-any-return]


#: The day on which the law for tax year ``year`` is read: ``year-12-31``
#: (:func:`taxcalc.calendar.year_end`).
year_end = _calendar.year_end

#: The last day of a month (:func:`taxcalc.calendar.month_end`).
month_end = _calendar.month_end


_FULL_YEAR = tuple(range(1, 13))


def quarters_operated(year: int, opened: _dt.date | None, closed: _dt.date | None) -> tuple[int, ...]:
    """The quarters of ``year`` in which an enterprise opened and closed on those days operated.

    No check of the days (the callers report an opening after the year, or a closing
    before it, as a problem of their own input).

    >>> quarters_operated(2018, _dt.date(2018, 5, 20), None)
    (2, 3, 4)
    """
    first = opened.month if opened is not None and opened.year == year else 1
    last = closed.month if closed is not None and closed.year == year else 12
    return tuple(range((first - 1) // 3 + 1, (last - 1) // 3 + 2))


def months_operated(
    year: int, opened: _dt.date | None = None, closed: _dt.date | None = None
) -> tuple[int, ...]:
    """The calendar months of ``year`` in which the enterprise operated (经营月份).

    A month counts when the enterprise operated on any day of it: from the month
    it opened (开业) to the month it closed (终止经营), both included.

    >>> months_operated(2015, opened=_dt.date(2015, 8, 20))
    (8, 9, 10, 11, 12)
    >>> len(months_operated(2022))
    12
    """
    if opened is None and closed is None:
        return _FULL_YEAR
    first, last = 1, 12
    if opened is not None:
        if opened.year > year:
            raise InvalidInput("opened", f"{opened} is after tax year {year}")
        if opened.year == year:
            first = opened.month
    if closed is not None:
        if closed.year < year:
            raise InvalidInput("closed", f"{closed} is before tax year {year}")
        if closed.year == year:
            last = closed.month
    if opened is not None and closed is not None and closed < opened:
        raise InvalidInput("closed", f"{closed} is before the opening day {opened}")
    return tuple(range(first, last + 1))


def industry_arg(value: object, field: str = "industry") -> str:
    """An industry code from :data:`INDUSTRIES` (:class:`UnknownCategory` otherwise)."""
    if not isinstance(value, str) or value not in INDUSTRIES:
        raise UnknownCategory(field, value, tuple(INDUSTRIES))
    return value


def years(value: object, field: str) -> tuple[int, ...]:
    """A sorted tuple of distinct tax years (from any iterable of ints)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInput(field, f"must be a list of years (got {value!r})")
    out = sorted({tax_year(v, field) for v in value})
    return tuple(out)


def optional_date(value: object, field: str) -> _dt.date | None:
    """``None`` or a date (ISO strings accepted)."""
    return None if value is None else date_arg(value, field)


def as_money(value: object, field: str, *, negative: bool = False) -> Decimal:
    """Money (non-negative unless ``negative``)."""
    return money(value, field) if negative else nonnegative_money(value, field)


def as_share(value: object, field: str) -> Decimal:
    """A share between 0 and 1 (``"0.6"`` or ``"60%"``)."""
    return rate(value, field)


def amount(value: object, field: str) -> Decimal:
    """A non-negative amount of yuan: as :func:`~taxcalc.money.nonnegative_money`, in one call.

    The usual value of a file, a string of at most 16 ASCII digits with at most
    one point (``"1234.50"``), is read directly: it is what :func:`~taxcalc.money.money`
    would make of it (no separators, no sign, below 10^16).
    """
    if type(value) is str and 0 < len(value) <= 16 and value.isascii() and value.replace(".", "", 1).isdigit():
        return Decimal(value)  # 1 to 16 ASCII digits, at most one point: as money() reads it
    d = money(value, field)
    if d < 0:
        raise InvalidInput(field, f"must not be negative (got {d})")
    return d


def signed_amount(value: object, field: str) -> Decimal:
    """An amount of yuan, negative allowed (:func:`~taxcalc.money.money`); a plain string read directly."""
    if type(value) is str and _plain(value[1:] if value[:1] == "-" else value):
        d = Decimal(value)
        return d.copy_abs() if d.is_zero() else d  # a negative zero is zero, as money() reads it
    return money(value, field)


def _plain(text: str) -> bool:
    """``text`` is 1 to 16 ASCII digits with at most one point: read by ``Decimal`` as :func:`money` reads it."""
    return 0 < len(text) <= 16 and text.isascii() and text.replace(".", "", 1).isdigit()


def segments(months: tuple[int, ...], read: Callable[[int], T]) -> tuple[tuple[tuple[int, ...], T], ...]:
    """Group consecutive months with equal ``read(month)`` values, in order."""
    out: list[tuple[tuple[int, ...], T]] = []
    run: list[int] = []
    current: T | None = None
    for m in months:
        v = read(m)
        if run and v == current:
            run.append(m)
            continue
        if run:
            assert current is not None
            out.append((tuple(run), current))
        run, current = [m], v
    if run:
        assert current is not None
        out.append((tuple(run), current))
    return tuple(out)
