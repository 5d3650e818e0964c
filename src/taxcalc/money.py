"""Exact money: ``Decimal`` yuan, never floats, never the ambient decimal context.

Amounts are :class:`decimal.Decimal` yuan.  ``int``, ``str`` and ``Decimal`` are
accepted as input; a ``float`` is refused with :class:`~taxcalc.errors.NotMoney`
(a ``TypeError``) because a binary float cannot hold most fen exactly.

All arithmetic in taxcalc goes through :data:`CONTEXT` (50 significant digits,
errors trapped), so a host program that changes ``decimal.getcontext()`` cannot
change a result.  Rounding to the fen is half up (四舍五入) and happens only at
the points where a law, a return form or an invoice rounds; each caller says
which.

>>> money("1234.5", "amount")
Decimal('1234.5')
>>> money(1000, "amount")
Decimal('1000')
>>> money(0.1, "amount")
Traceback (most recent call last):
...
taxcalc.errors.NotMoney: amount: a float is not money; write "0.1" (a string) or Decimal("0.1")
>>> round_fen(Decimal("0.125")), round_fen(Decimal("-0.125"))
(Decimal('0.13'), Decimal('-0.13'))
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from typing import TypeAlias

from .errors import InvalidInput, NotMoney, UnknownCategory

__all__ = [
    "CONTEXT",
    "FEN",
    "ZERO",
    "DateLike",
    "MoneyLike",
    "add",
    "choice",
    "date_arg",
    "div",
    "flag",
    "money",
    "month_arg",
    "mul",
    "nonnegative_money",
    "rate",
    "round_fen",
    "sub",
    "total",
]

#: The one decimal context used for every operation: 50 digits, half-up, errors trapped.
CONTEXT = Context(
    prec=50,
    rounding=ROUND_HALF_UP,
    Emax=999_999,
    Emin=-999_999,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
FEN = Decimal("0.01")
ZERO = Decimal(0)

#: What taxcalc accepts as an amount or a rate: an exact ``Decimal``, an ``int``, or a
#: string (``"1234.50"``, ``"13%"``) — never a ``float``, so a type checker refuses one too.
MoneyLike: TypeAlias = Decimal | int | str
#: What taxcalc accepts as a day: a ``datetime.date`` or an ISO string ``"YYYY-MM-DD"``.
DateLike: TypeAlias = _dt.date | str
_ONE = Decimal(1)
_MAX = Decimal("1e16")  # 一亿亿元: beyond any enterprise figure; guards typos


def _a(value: object) -> str:
    """``value``'s type as a noun phrase: ``None``, ``an int``, ``a list``."""
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _float_message(value: float) -> str:
    return f'a float is not money; write "{value!r}" (a string) or Decimal("{value!r}")'


#: A number as a caller may write it: ASCII digits, an optional minus and point, thousands
#: separators only grouped by three.
_NUMBER = re.compile(r"-?(([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]*)?|\.[0-9]+)\Z", re.ASCII)


def money(value: object, field: str) -> Decimal:
    """Return ``value`` as an exact ``Decimal`` amount of yuan.

    ``field`` names the input in error messages.  Accepts ``int`` (not ``bool``),
    ``str`` and finite ``Decimal``.  A string is ASCII digits with an optional minus
    and decimal point; surrounding spaces and thousands separators grouped by three
    (``"1,234.50"``) are fine, anything else is refused rather than read as some
    other figure: ``"1234,50"`` (a comma as the decimal point), ``"2_150_000"``,
    ``"2.15e6"``, full-width digits, ``"NaN"``.  A negative zero is zero.

    >>> money(" 1,234.50 ", "sales")
    Decimal('1234.50')
    >>> money("1234,50", "sales")
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: sales: '1234,50' is not written as an amount (ASCII digits, a point, thousands separators only grouped by three)
    >>> money("-0.00", "sales")
    Decimal('0.00')
    >>> money("12x", "sales")
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: sales: '12x' is not a number
    >>> money(True, "sales")
    Traceback (most recent call last):
    ...
    taxcalc.errors.NotMoney: sales: a bool is not money
    """
    if type(value) is Decimal:
        d = value
    elif isinstance(value, bool):
        raise NotMoney(field, "a bool is not money")
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        try:
            d = Decimal(text.replace(",", ""))
        except InvalidOperation:
            raise InvalidInput(field, f"{value!r} is not a number") from None
        if d.is_finite() and d.copy_abs() < _MAX and not _NUMBER.match(text):
            raise InvalidInput(field, f"{value!r} is not written as an amount (ASCII digits, a point, "
                               "thousands separators only grouped by three)")
    elif isinstance(value, float):
        raise NotMoney(field, _float_message(value))
    elif isinstance(value, Decimal):  # a subclass
        d = Decimal(value)
    else:
        raise NotMoney(
            field, f"{_a(value)} is not money; use int, str or Decimal"
        )
    if not d.is_finite():
        raise InvalidInput(field, f"{value!r} is not a finite amount")
    if d.copy_abs() >= _MAX:
        raise InvalidInput(field, f"{value!r} is too large to be an amount of yuan")
    return d.copy_abs() if d.is_zero() else d


def nonnegative_money(value: object, field: str) -> Decimal:
    """Like :func:`money`, and refuse a negative amount.

    >>> nonnegative_money("-1", "purchase")
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: purchase: must not be negative (got -1)
    """
    d = money(value, field)
    if d < 0:
        raise InvalidInput(field, f"must not be negative (got {d})")
    return d


def rate(value: object, field: str, *, maximum: Decimal = _ONE) -> Decimal:
    """Return ``value`` as an exact rate between 0 and ``maximum`` (default 1).

    Strings may be written as a fraction (``"0.13"``) or a percentage (``"13%"``).

    >>> rate("13%", "rate"), rate("0.09", "rate")
    (Decimal('0.13'), Decimal('0.09'))
    >>> rate("1.3", "rate")
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: rate: must be between 0 and 1 (got 1.3)
    """
    if isinstance(value, str) and value.strip().endswith("%"):
        d = CONTEXT.divide(money(value.strip()[:-1], field), Decimal(100))
    else:
        d = money(value, field)
    if d < 0 or d > maximum:
        raise InvalidInput(field, f"must be between 0 and {maximum} (got {d})")
    return d


def date_arg(value: object, field: str) -> _dt.date:
    """Return ``value`` as a ``datetime.date``; ISO strings (``"2018-05-01"``) are accepted.

    >>> date_arg("2018-05-01", "on")
    datetime.date(2018, 5, 1)
    >>> date_arg("2018-13-01", "on")
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: on: '2018-13-01' is not a date (write YYYY-MM-DD)
    """
    if type(value) is _dt.date:
        return value
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return _dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInput(field, f"{value!r} is not a date (write YYYY-MM-DD)") from None
    raise InvalidInput(field, f"{_a(value)} is not a date (write YYYY-MM-DD)")


def month_arg(value: object, field: str) -> _dt.date:
    """Return the first day of the month ``value`` names: ``"YYYY-MM"``, or any day of it.

    >>> month_arg("2019-08", "period"), month_arg("2019-08-15", "period")
    (datetime.date(2019, 8, 1), datetime.date(2019, 8, 1))
    >>> month_arg("2019-13", "period")
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: period: '2019-13' is not a month (write YYYY-MM)
    """
    if isinstance(value, str) and len(value.strip()) == 7:
        try:
            return _dt.date.fromisoformat(value.strip() + "-01")
        except ValueError:
            raise InvalidInput(field, f"{value!r} is not a month (write YYYY-MM)") from None
    return date_arg(value, field).replace(day=1)


def choice(value: object, field: str, known: Iterable[str]) -> str:
    """``value`` if it is one of ``known``; else :class:`~taxcalc.errors.UnknownCategory` listing them.

    >>> choice("month", "period", ("month", "quarter"))
    'month'
    >>> choice("year", "period", ("month", "quarter"))
    Traceback (most recent call last):
    ...
    taxcalc.errors.UnknownCategory: period: unknown value 'year'; expected one of: month, quarter
    """
    options = tuple(known)
    if not isinstance(value, str) or value not in options:
        raise UnknownCategory(field, value, options)
    return value


def flag(value: object, field: str) -> bool:
    """``value`` if it is a ``bool``: no truthy strings or numbers.

    >>> flag(1, "tax_inclusive")
    Traceback (most recent call last):
    ...
    taxcalc.errors.InvalidInput: tax_inclusive: must be true or false (got 1)
    """
    if not isinstance(value, bool):
        raise InvalidInput(field, f"must be true or false (got {value!r})")
    return value


def round_fen(amount: Decimal) -> Decimal:
    """Round to the fen, half up (四舍五入; half away from zero for negatives)."""
    return CONTEXT.quantize(amount, FEN)  # CONTEXT rounds ROUND_HALF_UP


def mul(a: Decimal, b: Decimal) -> Decimal:
    """``a × b`` in :data:`CONTEXT`."""
    return CONTEXT.multiply(a, b)


def div(a: Decimal, b: Decimal) -> Decimal:
    """``a ÷ b`` in :data:`CONTEXT` (50 significant digits)."""
    return CONTEXT.divide(a, b)


def add(a: Decimal, b: Decimal) -> Decimal:
    """``a + b`` in :data:`CONTEXT`."""
    return CONTEXT.add(a, b)


def sub(a: Decimal, b: Decimal) -> Decimal:
    """``a − b`` in :data:`CONTEXT`."""
    return CONTEXT.subtract(a, b)


def total(amounts: Iterable[Decimal]) -> Decimal:
    """The exact sum of ``amounts`` in :data:`CONTEXT` (``0`` when empty)."""
    s = ZERO
    for a in amounts:
        s = CONTEXT.add(s, a)
    return s
