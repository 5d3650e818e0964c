"""Exact money: what is accepted, what is refused, and independence from the ambient context."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import InvalidInput, NotMoney
from taxcalc.money import date_arg, div, money, month_arg, mul, nonnegative_money, rate, round_fen


@pytest.mark.parametrize("value", [0.1, 1.0, float("nan")])
def test_float_is_a_type_error_that_says_why(value):
    with pytest.raises(TypeError, match="amount: a float is not money"):
        money(value, "amount")
    with pytest.raises(NotMoney):
        nonnegative_money(value, "amount")


@pytest.mark.parametrize("value", [None, [1], b"1", True])
def test_other_types_are_refused(value):
    with pytest.raises(NotMoney, match="^x: "):
        money(value, "x")


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-inf", "1e20", "", "1.2.3"])
def test_unusable_strings_are_invalid_input(text):
    with pytest.raises(InvalidInput, match="^sales: "):
        money(text, "sales")


def test_negative_refused_where_it_cannot_be():
    assert money("-5", "adj") == Decimal("-5")
    with pytest.raises(InvalidInput, match="must not be negative"):
        nonnegative_money("-0.01", "purchase")


def test_rate_bounds():
    assert rate("16%", "r") == Decimal("0.16")
    with pytest.raises(InvalidInput, match="between 0 and 1"):
        rate("-1%", "r")


@given(st.decimals(min_value=-10**12, max_value=10**12, places=6))
def test_round_fen_is_idempotent_and_within_half_a_fen(x):
    r = round_fen(x)
    assert round_fen(r) == r
    assert abs(r - x) <= Decimal("0.005")
    assert r == r.quantize(Decimal("0.01"))


@given(st.integers(-10**8, 10**8))
def test_half_fen_rounds_away_from_zero(n):
    x = Decimal(n) / 100 + Decimal("0.005") * (1 if n >= 0 else -1)
    r = round_fen(x)
    assert abs(r) > abs(x)


def test_results_ignore_a_hostile_ambient_context():
    a, b = Decimal("123456789.12"), Decimal("0.13")
    expected = (mul(a, b), div(a, Decimal("1.13")), round_fen(Decimal("2.675")))
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        got = (mul(a, b), div(a, Decimal("1.13")), round_fen(Decimal("2.675")))
    assert got == expected
    assert expected[2] == Decimal("2.68")


def test_validation_and_display_work_under_a_context_that_traps_everything():
    from taxcalc.explain import format_value

    with decimal.localcontext() as ctx:
        ctx.prec = 2
        ctx.traps[decimal.Inexact] = True
        ctx.traps[decimal.Rounded] = True
        assert money("123456789.123", "x") == Decimal("123456789.123")
        assert rate("13%", "r") == Decimal("0.13")
        assert format_value(Decimal("0.175"), "rate") == "17.5%"
        assert format_value(Decimal("1234567.5"), "yuan") == "1,234,567.50"
        assert format_value(Decimal("1234567"), "") == "1234567"


@pytest.mark.parametrize(("value", "phrase"), [(None, "None is"), (20190101, "an int is"), ([1], "a list is")])
def test_a_value_of_the_wrong_type_is_named_in_plain_words(value, phrase):
    with pytest.raises(InvalidInput, match=f"^on: {phrase} not a date"):
        date_arg(value, "on")


def test_a_month_is_yyyy_mm_or_a_day_of_it():
    assert month_arg("2019-08", "period") == month_arg("2019-08-31", "period") == dt.date(2019, 8, 1)
    with pytest.raises(InvalidInput, match=r"^period: '2019-13' is not a month \(write YYYY-MM\)$"):
        month_arg("2019-13", "period")
    with pytest.raises(InvalidInput, match=r"^period: '2019-02-30' is not a date"):
        month_arg("2019-02-30", "period")


# -- a string is read as written, or refused: never as another figure ---------------------------

@pytest.mark.parametrize("text", ["1234,50", "1,23", "12,345,67", "2_150_000", "2.15e6", "１２３", "+1", "1 000",
                                  "1.2.3", "--1", "0x10", "٣"])
def test_a_string_that_is_not_an_amount_as_written_is_refused(text):
    with pytest.raises(InvalidInput, match="^sales: "):
        money(text, "sales")


@pytest.mark.parametrize(("text", "figure"), [("1,234.50", "1234.50"), (" 12 ", "12"), ("1,234,567", "1234567"),
                                              ("0.", "0"), (".5", "0.5"), ("-0", "0"), ("-0.00", "0.00")])
def test_the_forms_a_caller_may_write(text, figure):
    d = money(text, "sales")
    assert d == Decimal(figure) and str(d) == figure


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**15, max_value=10**15, places=2))
def test_grouped_or_not_the_same_figure(d):
    plain = format(d, "f")
    assert money(plain, "x") == d
    assert money(f"{d:,f}", "x") == d
    assert money(plain, "x").is_signed() is (d < 0)  # a negative zero is zero
