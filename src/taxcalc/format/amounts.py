"""Money and rates as a reader of the report sees them.

:func:`format_money` first rounds the amount half up to the fen (四舍五入, the
rounding of invoices and returns) with the explicit context
:data:`taxcalc.money.CONTEXT`, and only then hands it to babel for the locale's
symbol, grouping and sign: ``zh_CN`` gives ``¥1,234.50``, ``en_US`` gives
``CN¥1,234.50``.  babel on its own would round half to even (``0.125`` →
``0.12``); because the amount reaches babel already at two decimals, babel never
rounds.

babel is imported on the first amount formatted, not with the package: importing
:mod:`taxcalc.report` or starting the command line does not load it.  It is asked,
once per language, what it writes before and after an amount, positive and
negative (the locale's symbol and sign); every amount is then the digits of the
fen, grouped by three, with those around them: what babel writes for it (the tests
compare the two for amounts drawn at random), ten times faster or more than a call
of babel.  A locale whose digits babel groups otherwise is formatted by babel.

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


#: An amount whose digits babel writes, in the locales of :data:`LOCALES`, as ``f"{amount:,.2f}"`` does.
_PROBE = Decimal("1234567.89")
_PROBE_DIGITS = "1,234,567.89"


@functools.cache
def _affixes(name: str, *, symbol: bool) -> tuple[str, str, str, str] | None:
    """What babel writes around an amount in locale ``name``: before and after a positive one, then a negative one.

    ``None`` when babel does not write the probe's digits as Python groups them
    (then every amount is formatted by babel).
    """
    positive, negative = _babel_money(_PROBE, name, symbol=symbol), _babel_money(-_PROBE, name, symbol=symbol)
    if positive.count(_PROBE_DIGITS) != 1 or negative.count(_PROBE_DIGITS) != 1:
        return None
    before, after = positive.split(_PROBE_DIGITS)
    before_negative, after_negative = negative.split(_PROBE_DIGITS)
    return before, after, before_negative, after_negative


def _babel_money(fen: Decimal, name: str, *, symbol: bool) -> str:
    """``fen`` (yuan, two decimals) formatted by babel in locale ``name``."""
    from babel.numbers import format_currency

    locale = _babel_locale(name)
    # babel computes in the ambient context; give it ours, so a host program's
    # context cannot change what is shown.
    with localcontext(CONTEXT):
        if not symbol:
            return format_currency(fen, "CNY", locale=locale, format="#,##0.00;-#,##0.00",
                                   currency_digits=False)
        return format_currency(fen, "CNY", locale=locale)


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
    name = _check_lang(lang)
    fen = round_fen(money(amount, "amount"))
    affixes = _affixes(name, symbol=symbol)
    if affixes is None:
        return _babel_money(fen, name, symbol=symbol)
    if fen.is_signed():  # as babel tells a negative amount (-0.00 from a rounding included)
        return f"{affixes[2]}{fen.copy_abs():,.2f}{affixes[3]}"
    return f"{affixes[0]}{fen:,.2f}{affixes[1]}"


def format_rate(value: Decimal, lang: str = "zh") -> str:
    """A rate as a percentage with no trailing zeros (``Decimal("0.165")`` → ``16.5%``).

    >>> format_rate(Decimal("0.16")), format_rate(Decimal("0.0025"), "en")
    ('16%', '0.25%')
    """
    _check_lang(lang)
    pct = CONTEXT.multiply(value, Decimal(100)).normalize(CONTEXT)
    return f"{pct:f}%"
