"""One strict grammar for amounts, rates, dates, months and codes at every boundary.

Each form is a regular expression, written once here and used twice: the parser
matches a value against it, and the published JSON Schema carries it as the
field's ``pattern``, so the schema and the parser accept exactly the same text.

* an **amount** of yuan: ``"1234.50"`` — optional minus, digits without leading
  zeros or separators, at most two decimals (fen), fewer than 17 integer digits
  (below 10¹⁶ yuan, 一亿亿元); or a JSON integer in that range;
* a **rate**: a fraction ``"0.13"`` (0 to 1) or a percentage ``"13%"`` (0% to 100%);
* a **date**: ``"YYYY-MM-DD"`` of a real day from 1950 to 2099 (the years a tax rule can ask about);
* a **month**: ``"YYYY-MM"``.

>>> import re
>>> [bool(re.match(AMOUNT, s)) for s in ("1234.50", "-0.01", "0", "1,234.50", "1234,50", "2.15e6", " 1")]
[True, True, True, False, False, False, False]
>>> [bool(re.match(DATE, s)) for s in ("2020-02-29", "2019-02-29", "20180615", "2018-6-1", "1949-12-31")]
[True, False, False, False, False]
>>> [bool(re.match(RATE, s)) for s in ("13%", "0.13", "1", "100%", "101%", "1.3", "13 %")]
[True, True, True, True, False, False, False]
"""

from __future__ import annotations

__all__ = ["AMOUNT", "AMOUNT_LIMIT", "DATE", "MONTH", "RATE", "TAX_YEAR_FIRST", "TAX_YEAR_LAST", "YEAR_FIRST", "YEAR_LAST"]

#: Amounts are below 10¹⁶ yuan (一亿亿元): beyond any enterprise figure, and a guard against typos.
AMOUNT_LIMIT = 10**16

#: An amount of yuan written as text (see the module notes).
AMOUNT = r"^-?(0|[1-9][0-9]{0,15})(\.[0-9]{1,2})?$"

#: A rate: a fraction from 0 to 1, or a percentage from 0% to 100%.
RATE = r"^((0(\.[0-9]+)?|1(\.0+)?)|((100(\.0+)?|[1-9]?[0-9](\.[0-9]+)?)%))$"

#: The first and last years a date may name.
YEAR_FIRST, YEAR_LAST = 1950, 2099

#: The first and last tax years an input may name (a year the law data does not cover is then
#: refused by the rule that reads it, naming the key and the year).
TAX_YEAR_FIRST, TAX_YEAR_LAST = 1950, 2200

_YEAR = r"(19[5-9][0-9]|20[0-9]{2})"
_LEAP_YEAR = r"(19([579][26]|[68][048])|20([02468][048]|[13579][26]))"
_MONTH_DAY = (
    r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
    r"|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
    r"|02-(0[1-9]|1[0-9]|2[0-8]))"
)

#: A real day, ``YYYY-MM-DD``, from 1950-01-01 to 2099-12-31.
DATE = rf"^({_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"

#: A month, ``YYYY-MM``.
MONTH = rf"^{_YEAR}-(0[1-9]|1[0-2])$"
