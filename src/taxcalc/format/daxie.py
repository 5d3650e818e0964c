"""The Chinese uppercase amount (大写金额) written on cheques, invoices and vouchers.

Follows 中国人民银行《正确填写票据和结算凭证的基本规定》 (the rules for filling in
bills and settlement vouchers, reprinted with 《支付结算办法》, 银发〔1997〕393号):

* 一: only the characters 零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整 are used;
* 二: an amount that ends at 元 is followed by 整 (or 正); after 角 整 *may* be
  omitted; after 分 整 is never written;
* 三: the amount is preceded by 人民币 with nothing in between;
* 五: zeros — (一) a 0 between digits is written 零 (¥1,409.50 →
  人民币壹仟肆佰零玖元伍角); (二) a run of 0s is written as one 零 (¥6,007.14 →
  人民币陆仟零柒元壹角肆分); (三) when the 万 or 元 digit is 0 but the 千 or 角
  digit is not, one 零 may be written or left out (¥1,680.32 →
  人民币壹仟陆佰捌拾元零叁角贰分; ¥107,000.53 → 人民币壹拾万柒仟元零伍角叁分);
  (四) when the 角 digit is 0 and the 分 digit is not, 零 is written after 元
  (¥16,409.02 → 人民币壹万陆仟肆佰零玖元零贰分).

Choices where the rules allow two forms (we always take the first form the rules
print, so every amount has exactly one spelling):

* 整 is written after 角 too (``伍角整``), never after 分;
* rule (三): no 零 between 万 and a non-zero 千 (壹拾万柒仟), but 零 between 元 and
  角 when the 元 digit is 0 (壹仟陆佰捌拾元零叁角);
* 拾 at the head of a number is written 壹拾 (壹拾万, 壹拾元), as in the rules'
  own example;
* an amount below one yuan has no 元 part (人民币伍角整, 人民币伍分); zero is
  人民币零元整;
* amounts above 亿 are written in 万亿 (¥1,000,000,000,000 → 人民币壹万亿元整);
* a negative amount is refused: the rules define no negative form, and a figure
  to be written in 大写 (a tax payable, a saving) is never negative;
* more than two decimals are rounded half up to the fen first (as on an invoice).

>>> from decimal import Decimal
>>> daxie(Decimal("1234.56"))
'人民币壹仟贰佰叁拾肆元伍角陆分'
>>> daxie(Decimal("1409.50")), daxie(Decimal("6007.14"))
('人民币壹仟肆佰零玖元伍角整', '人民币陆仟零柒元壹角肆分')
>>> daxie(Decimal("1680.32")), daxie(Decimal("107000.53"))
('人民币壹仟陆佰捌拾元零叁角贰分', '人民币壹拾万柒仟元零伍角叁分')
>>> daxie(Decimal("16409.02")), daxie(Decimal("325.04"))
('人民币壹万陆仟肆佰零玖元零贰分', '人民币叁佰贰拾伍元零肆分')
>>> daxie("100000000.5"), daxie(0), daxie("0.05")
('人民币壹亿元零伍角整', '人民币零元整', '人民币伍分')
>>> daxie("-1")
Traceback (most recent call last):
...
taxcalc.errors.InvalidInput: amount: 大写金额 has no negative form (got -1)
"""

from __future__ import annotations

from ..errors import InvalidInput
from ..money import CONTEXT, MoneyLike, money, round_fen

__all__ = ["daxie"]

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("仟", "佰", "拾", "")
_WAN = 10**4
_YI = 10**8
_LIMIT = 10**16


def _group(n: int) -> str:
    """1 ≤ n ≤ 9999 without a leading 零; one 零 for each inner run of zeros."""
    out: list[str] = []
    zero = False
    for place, ch in zip(_PLACES, f"{n:04d}", strict=True):
        d = int(ch)
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[d] + place)
    return "".join(out)


def _below_yi(n: int) -> str:
    """1 ≤ n < 10^8: ``[group 万][零]group``."""
    hi, lo = divmod(n, _WAN)
    if not hi:
        return _group(lo)
    text = _group(hi) + "万"
    if lo:
        text += ("零" if lo < 1000 else "") + _group(lo)
    return text


def _integer(n: int) -> str:
    """1 ≤ n < 10^16: the yuan part, in 亿 and (above 亿) 万亿."""
    hi, lo = divmod(n, _YI)
    if not hi:
        return _below_yi(n)
    text = _below_yi(hi) + "亿"
    if lo:
        text += ("零" if lo < 10**7 else "") + _below_yi(lo)
    return text


def daxie(amount: MoneyLike) -> str:
    """``amount`` (yuan; ``Decimal``, ``int`` or ``str``) as 人民币… in 大写金额.

    >>> daxie(10), daxie("1005"), daxie("1000500"), daxie("12345678901234.5")
    ('人民币壹拾元整', '人民币壹仟零伍元整', '人民币壹佰万零伍佰元整', '人民币壹拾贰万叁仟肆佰伍拾陆亿柒仟捌佰玖拾万壹仟贰佰叁拾肆元伍角整')
    """
    value = round_fen(money(amount, "amount"))
    if value < 0:
        raise InvalidInput("amount", f"大写金额 has no negative form (got {amount})")
    fen_total = int(value.scaleb(2, context=CONTEXT))
    if fen_total >= _LIMIT * 100:
        raise InvalidInput("amount", f"{amount} is too large for 大写金额")
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    if fen_total == 0:
        return "人民币零元整"
    text = "人民币"
    if yuan:
        text += _integer(yuan) + "元"
    if not jiao and not fen:
        return text + "整"
    if jiao:
        if yuan and yuan % 10 == 0:
            text += "零"
        text += _DIGITS[jiao] + "角"
        return text + (_DIGITS[fen] + "分" if fen else "整")
    return text + ("零" if yuan else "") + _DIGITS[fen] + "分"
