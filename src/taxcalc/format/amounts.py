"""Money and rates as a reader of the report sees them.

:func:`format_money` first rounds the amount half up to the fen (四舍五入, the
rounding of invoices and returns) with the explicit context
:data:`taxcalc.money.CONTEXT`, and only then hands it to babel for the locale's
symbol, grouping and sign: ``zh_CN`` gives ``¥1,234.50``, ``en_US`` gives
``CN¥1,234.50``.  babel on its own would round half to even (``0.125`` →
``0.12``); because the amount reaches babel already at two decimals, babel never
rounds.

babel is imported on the first amount formatted, not with the package: importing
:mod:`taxcalc.report` or starting the command line does not load it.

>>> from decimal import Decimal
>>> format_money(Decimal("1234.5"), "zh")
'¥1,234.50'
>>> format_money(Decimal("1234.5"), "en")
'CN¥1,234.50'
>>> format_money(Decimal("0.125"), "en"), format_money(Decimal("-0.125"), "zh")
('CN¥0.13', '-¥0.13')
>>> format_money(0.1, "zh")
Traceback (most recent call last):
...
taxcalc.errors.NotMoney: amount: a float is not money; write "0.1" (a string) or Decimal("0.1")
"""

from __future__ import annotations

import functools
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

from ..errors import UnknownCategory
from ..money import CONTEXT, MoneyLike, money, round_fen

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["LANGS", "LOCALES", "format_money", "format_rate"]

#: The report languages, and the babel locale each one formats money in.
LOCALES: dict[str, str] = {"zh": "zh_CN", "en": "en_US"}
LANGS: tuple[str, ...] = tuple(LOCALES)


@functools.cache
def _babel_locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


def _check_lang(lang: str) -> str:
    """The babel locale name of ``lang`` (``UnknownCategory`` for another language)."""
    try:
        return LOCALES[lang]
    except KeyError:
        raise UnknownCategory("lang", lang, LANGS) from None


def _locale(lang: str) -> Locale:
    return _babel_locale(_check_lang(lang))


def format_money(amount: MoneyLike, lang: str = "zh", *, symbol: bool = True) -> str:
    """``amount`` (yuan) rounded half up to the fen, in the style of ``lang`` (``zh`` or ``en``).

    With ``symbol=False`` the currency sign is left out (for table columns whose
    header names the currency).

    >>> format_money("1234567.891", "zh", symbol=False)
    '1,234,567.89'
    >>> format_money("5", "fr")
    Traceback (most recent call last):
    ...
    taxcalc.errors.UnknownCategory: lang: unknown value 'fr'; expected one of: zh, en
    """
    from babel.numbers import format_currency

    locale = _locale(lang)
    fen = round_fen(money(amount, "amount"))
    # babel computes in the ambient context; give it ours, so a host program's
    # context cannot change what is shown.
    with localcontext(CONTEXT):
        if not symbol:
            return format_currency(fen, "CNY", locale=locale, format="#,##0.00;-#,##0.00",
                                   currency_digits=False)
        return format_currency(fen, "CNY", locale=locale)


def format_rate(value: Decimal, lang: str = "zh") -> str:
    """A rate as a percentage with no trailing zeros (``Decimal("0.165")`` → ``16.5%``).

    >>> format_rate(Decimal("0.16")), format_rate(Decimal("0.0025"), "en")
    ('16%', '0.25%')
    """
    _check_lang(lang)
    pct = CONTEXT.multiply(value, Decimal(100)).normalize(CONTEXT)
    return f"{pct:f}%"
