"""Money formatting (babel after half-up rounding) and the 大写金额 formatter.

The property tests check our 大写 against an independent parser (cn2an) for every
amount up to 10^13 with two decimals, and the PBoC banking rules structurally.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import InvalidInput, NotMoney, UnknownCategory
from taxcalc.format import daxie, format_money, format_rate

# -- format_money -------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "lang", "shown"),
    [
        ("1234.50", "zh", "¥1,234.50"),
        ("1234.50", "en", "CN¥1,234.50"),
        ("1234.5", "zh", "¥1,234.50"),
        ("0", "zh", "¥0.00"),
        ("1000000", "en", "CN¥1,000,000.00"),
        ("-88.1", "zh", "-¥88.10"),
        # half up, not babel's half-even
        ("0.125", "zh", "¥0.13"),
        ("0.135", "en", "CN¥0.14"),
        ("2.675", "zh", "¥2.68"),
        ("-0.125", "en", "-CN¥0.13"),
        ("0.124999", "zh", "¥0.12"),
    ],
)
def test_format_money(amount, lang, shown):
    assert format_money(Decimal(amount), lang) == shown


def test_format_money_without_symbol():
    assert format_money("1234567.005", "zh", symbol=False) == "1,234,567.01"
    assert format_money("-3", "en", symbol=False) == "-3.00"


def test_format_money_refuses_floats_and_unknown_languages():
    with pytest.raises(NotMoney, match="amount: a float is not money"):
        format_money(1.5, "zh")
    with pytest.raises(UnknownCategory, match="lang: unknown value 'de'"):
        format_money("1", "de")


@given(st.integers(min_value=-(10**15), max_value=10**15), st.integers(0, 999))
def test_format_money_rounds_half_up_like_round_fen(fen: int, mill: int):
    amount = Decimal(fen).scaleb(-2) + Decimal(mill).scaleb(-5)
    shown = format_money(amount, "zh", symbol=False).replace(",", "")
    expected = amount.quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    assert Decimal(shown) == expected


def test_format_money_ignores_a_hostile_decimal_context():
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        assert format_money(Decimal("12345.675"), "zh") == "¥12,345.68"
        assert daxie(Decimal("12345.675")) == "人民币壹万贰仟叁佰肆拾伍元陆角捌分"
        assert format_rate(Decimal("0.1675")) == "16.75%"


def test_format_rate():
    assert format_rate(Decimal("0.17")) == "17%"
    assert format_rate(Decimal("0.175"), "en") == "17.5%"
    assert format_rate(Decimal("0")) == "0%"


# -- daxie: the PBoC rules' own examples and our chosen forms ------------------


@pytest.mark.parametrize(
    ("amount", "written"),
    [
        # 《正确填写票据和结算凭证的基本规定》 五（一）–（四）
        ("1409.50", "人民币壹仟肆佰零玖元伍角整"),
        ("6007.14", "人民币陆仟零柒元壹角肆分"),
        ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
        ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
        ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "人民币叁佰贰拾伍元零肆分"),
        # the example
        ("1234.56", "人民币壹仟贰佰叁拾肆元伍角陆分"),
        # 整 after 元 and 角, never after 分
        ("1234", "人民币壹仟贰佰叁拾肆元整"),
        ("1234.50", "人民币壹仟贰佰叁拾肆元伍角整"),
        ("1234.05", "人民币壹仟贰佰叁拾肆元零伍分"),
        # below one yuan, zero
        ("0", "人民币零元整"),
        ("0.5", "人民币伍角整"),
        ("0.05", "人民币伍分"),
        ("0.55", "人民币伍角伍分"),
        # runs of zeros across 万 and 亿
        ("10", "人民币壹拾元整"),
        ("15", "人民币壹拾伍元整"),
        ("1005", "人民币壹仟零伍元整"),
        ("1050", "人民币壹仟零伍拾元整"),
        ("1000500", "人民币壹佰万零伍佰元整"),
        ("1070000", "人民币壹佰零柒万元整"),
        ("100000001", "人民币壹亿零壹元整"),
        ("107000000", "人民币壹亿零柒佰万元整"),
        ("110000000", "人民币壹亿壹仟万元整"),
        ("1000000000000", "人民币壹万亿元整"),
        ("1000100000000", "人民币壹万零壹亿元整"),
        ("1000000010000", "人民币壹万亿零壹万元整"),
        ("9999999999999999.99", "人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        # rounded half up to the fen first
        ("0.125", "人民币壹角叁分"),
        ("99.995", "人民币壹佰元整"),
    ],
)
def test_daxie_examples(amount, written):
    assert daxie(Decimal(amount)) == written


def test_daxie_refuses_negative_float_and_too_large():
    with pytest.raises(InvalidInput, match="amount: 大写金额 has no negative form"):
        daxie(Decimal("-0.01"))
    with pytest.raises(NotMoney):
        daxie(12.5)
    with pytest.raises(InvalidInput, match="too large"):
        daxie(Decimal("9999999999999999.995"))


# -- daxie against an independent parser ----------------------------------------

_JIAO_FEN = re.compile(r"^(?:零)?(?:([零壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?(整)?$")
_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}


def parse_daxie(text: str) -> Decimal:
    """Read 人民币…: the yuan part by cn2an (strict), the 角/分 tail by a pattern."""
    assert text.startswith("人民币")
    body = text.removeprefix("人民币")
    yuan_text, sep, tail = body.rpartition("元")
    if not sep:  # below one yuan
        yuan_text, tail = "", body
    yuan = cn2an.cn2an(yuan_text, "strict") if yuan_text else 0
    m = _JIAO_FEN.match(tail)
    assert m, f"bad 角/分 tail {tail!r} in {text}"
    jiao = _DIGIT[m.group(1)] if m.group(1) else 0
    fen = _DIGIT[m.group(2)] if m.group(2) else 0
    return Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100


def _check_banking_rules(amount: Decimal, text: str) -> None:
    assert set(text) <= set("人民币零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    assert "零零" not in text
    jiao = int(amount * 10) % 10
    fen = int(amount * 100) % 10
    if fen:
        assert text.endswith("分")  # never 整 after 分
    else:
        assert text.endswith("整")  # 整 after 元 or 角
    if amount >= 1 and jiao == 0 and fen:
        assert "元零" in text  # rule 五（四）
    if amount:
        assert not re.search(r"零[万亿元]", text)


amounts_to_1e13 = st.integers(min_value=0, max_value=10**15).map(lambda f: Decimal(f).scaleb(-2))


@given(amounts_to_1e13)
def test_daxie_agrees_with_cn2an_up_to_1e13(amount: Decimal):
    text = daxie(amount)
    assert parse_daxie(text) == amount
    _check_banking_rules(amount, text)


@given(
    st.integers(min_value=0, max_value=13).flatmap(
        lambda k: st.integers(min_value=0, max_value=10**k)
    ),
    st.sampled_from([0, 1, 5, 10, 50, 99]),
)
def test_daxie_agrees_with_cn2an_on_sparse_amounts(yuan: int, fen: int):
    """Many zeros (the hard cases): 10^k, 10^k + 1, 1000…0500 and so on."""
    for y in {yuan, yuan * 10, 10**13 if yuan > 10**13 else yuan}:
        amount = Decimal(y) + Decimal(fen).scaleb(-2)
        if amount > 10**13:
            continue
        text = daxie(amount)
        assert parse_daxie(text) == amount
        _check_banking_rules(amount, text)


def test_daxie_agrees_at_powers_of_ten_and_neighbours():
    for k in range(14):
        for y in (10**k - 1, 10**k, 10**k + 1, 10**k + 10 ** (k // 2)):
            for tail in ("0", "0.01", "0.1", "0.99"):
                amount = Decimal(y) + Decimal(tail)
                if 0 <= amount <= 10**13:
                    text = daxie(amount)
                    assert parse_daxie(text) == amount, text
                    _check_banking_rules(amount, text)


# -- format_money: the affixes babel writes, around the digits of the fen ------------


@given(
    st.one_of(
        st.decimals(min_value=-10**15, max_value=10**15, allow_nan=False, allow_infinity=False, places=3),
        st.decimals(min_value=-10**6, max_value=10**6, allow_nan=False, allow_infinity=False),
        st.sampled_from([Decimal("-0.00"), Decimal("-0.001"), Decimal("-0.005"), Decimal(0), Decimal("0E+3"),
                         Decimal("999.995"), Decimal("-999999.995"), Decimal("9999999999999999.99")]),
    ),
    st.sampled_from(["zh", "en"]),
    st.booleans(),
)
def test_format_money_writes_what_babel_writes(amount, lang, symbol):
    from taxcalc.format.amounts import LOCALES, _babel_money
    from taxcalc.money import money, round_fen

    expected = _babel_money(round_fen(money(amount, "amount")), LOCALES[lang], symbol=symbol)
    assert format_money(amount, lang, symbol=symbol) == expected
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR, traps=list(decimal.Context().flags))):
        assert format_money(amount, lang, symbol=symbol) == expected


def test_format_money_in_a_locale_babel_groups_otherwise_is_babel_s(monkeypatch):
    from taxcalc.format import amounts

    monkeypatch.setitem(amounts.LOCALES, "hi", "hi_IN")  # 12,34,567.89: grouped by two after the first three
    amounts._affixes.cache_clear()
    try:
        assert amounts._affixes("hi_IN", symbol=True) is None
        assert format_money("1234567.891", "hi") == amounts._babel_money(Decimal("1234567.89"), "hi_IN", symbol=True)
        assert "12,34,567.89" in format_money("1234567.891", "hi")
    finally:
        amounts._affixes.cache_clear()
