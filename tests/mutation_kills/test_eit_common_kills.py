"""What the income-tax rules share (``taxcalc.eit._common``): industries, amounts shown in formulas,
percentages, tax years, months operated, and the direct reading of a plain amount, one table each."""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from taxcalc.errors import InvalidInput, UnknownCategory
from taxcalc.law import Law, default

common = importlib.import_module("taxcalc.eit._common")
D = Decimal
INDUSTRY_CODES = ("agriculture", "mining", "manufacturing", "tobacco", "utilities", "construction",
                  "wholesale_retail", "transport", "accommodation", "catering", "information", "finance",
                  "real_estate", "leasing_business", "research", "tourism", "entertainment", "film", "other")


def test_the_industries_and_their_groups() -> None:
    assert tuple(common.INDUSTRIES) == INDUSTRY_CODES
    assert common.INDUSTRIES["manufacturing"] == ("制造业", "manufacturing")
    assert common.INDUSTRIAL == {"mining", "manufacturing", "tobacco", "utilities"}
    assert common.MANUFACTURING == {"manufacturing", "tobacco"}
    assert common.industry_arg("film") == "film"


#: (function, arguments, keyword arguments, the result or (error type, message))
CALLS: list[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any], object]] = [
    (common.yuan, (D("1234.565"),), {}, "1,234.57"),
    (common.yuan, (D("-1234.565"),), {}, "-1,234.57"),
    (common.yuan, (D("1234.564"),), {}, "1,234.56"),
    (common.signed_yuan, (D("-1234.5"),), {}, "− 1,234.50"),
    (common.signed_yuan, (D("0"),), {}, "+ 0.00"),
    (common.signed_yuan, (D("12"),), {}, "+ 12.00"),
    (common.percent, (D("0.8125"),), {}, "81.25%"),
    (common.percent, (D(11) / D(14),), {}, "≈78.57%"),
    (common.percent, (D("0.785750"),), {}, "≈78.58%"),
    (common.percent, (D(1),), {}, "100%"),
    (common.percent, (D("0.5"),), {}, "50%"),
    (common.tax_year, (2018,), {}, 2018),
    (common.tax_year, (True,), {}, (InvalidInput, "year: a tax year is a whole number such as 2018 (got True)")),
    (common.tax_year, ("2018", "y"), {}, (InvalidInput, "y: a tax year is a whole number such as 2018 (got '2018')")),
    (common.months_operated, (2015,), {}, tuple(range(1, 13))),
    (common.months_operated, (2015, _dt.date(2015, 8, 20)), {}, (8, 9, 10, 11, 12)),
    (common.months_operated, (2015, None, _dt.date(2015, 4, 1)), {}, (1, 2, 3, 4)),
    (common.months_operated, (2015, _dt.date(2015, 4, 1), _dt.date(2015, 4, 30)), {}, (4,)),
    (common.months_operated, (2015, _dt.date(2014, 5, 3), _dt.date(2016, 4, 1)), {}, tuple(range(1, 13))),
    (common.months_operated, (2015, _dt.date(2015, 12, 31), _dt.date(2015, 12, 31)), {}, (12,)),
    (common.months_operated, (2015, _dt.date(2016, 1, 1)), {},
     (InvalidInput, "opened: 2016-01-01 is after tax year 2015")),
    (common.months_operated, (2015, None, _dt.date(2014, 12, 31)), {},
     (InvalidInput, "closed: 2014-12-31 is before tax year 2015")),
    (common.months_operated, (2015, _dt.date(2015, 5, 3), _dt.date(2015, 4, 1)), {},
     (InvalidInput, "closed: 2015-04-01 is before the opening day 2015-05-03")),
    (common.months_operated, (2015, _dt.date(2015, 5, 3), _dt.date(2015, 5, 2)), {},
     (InvalidInput, "closed: 2015-05-02 is before the opening day 2015-05-03")),
    (common.industry_arg, ("nope",), {},
     (UnknownCategory, "industry: unknown value 'nope'; expected one of: " + ", ".join(INDUSTRY_CODES))),
    (common.industry_arg, (3, "x.industry"), {},
     (UnknownCategory, "x.industry: unknown value 3; expected one of: " + ", ".join(INDUSTRY_CODES))),
    (common.years, ([2019, 2018, 2019], "hnte_years"), {}, (2018, 2019)),
    (common.years, ((), "hnte_years"), {}, ()),
    (common.years, ("2018", "hnte_years"), {}, (InvalidInput, "hnte_years: must be a list of years (got '2018')")),
    (common.years, (b"2018", "hnte_years"), {},
     (InvalidInput, "hnte_years: must be a list of years (got b'2018')")),
    (common.years, (5, "hnte_years"), {}, (InvalidInput, "hnte_years: must be a list of years (got 5)")),
    (common.years, ([True], "hnte_years"), {},
     (InvalidInput, "hnte_years: a tax year is a whole number such as 2018 (got True)")),
    (common.optional_date, (None, "d"), {}, None),
    (common.optional_date, ("2019-01-01", "d"), {}, _dt.date(2019, 1, 1)),
    (common.optional_date, ("2019-02-30", "d"), {}, (InvalidInput, "d: '2019-02-30' is not a date (write YYYY-MM-DD)")),
    (common.as_money, ("-5", "f"), {}, (InvalidInput, "f: must not be negative (got -5)")),
    (common.as_money, ("-5", "f"), {"negative": True}, D("-5")),
    (common.as_money, ("5.10", "f"), {}, D("5.10")),
    (common.as_money, ("x", "f"), {"negative": True}, (InvalidInput, "f: 'x' is not a number")),
    (common.as_money, ("x", "f"), {}, (InvalidInput, "f: 'x' is not a number")),
    (common.as_share, ("60%", "s"), {}, D("0.6")),
    (common.as_share, ("1.5", "s"), {}, (InvalidInput, "s: must be between 0 and 1 (got 1.5)")),
    (common.amount, ("1234.50", "amt"), {}, D("1234.50")),
    (common.amount, ("1234567890123456", "amt"), {}, D("1234567890123456")),
    (common.amount, ("12345678901234567", "amt"), {},
     (InvalidInput, "amt: '12345678901234567' is too large to be an amount of yuan")),
    (common.amount, ("", "amt"), {}, (InvalidInput, "amt: '' is not a number")),
    (common.amount, ("-1", "amt"), {}, (InvalidInput, "amt: must not be negative (got -1)")),
    (common.amount, ("1.2.3", "amt"), {}, (InvalidInput, "amt: '1.2.3' is not a number")),
    (common.amount, ("1,000.00", "amt"), {}, D("1000.00")),
    (common.amount, (5, "amt"), {}, D("5")),
    (common.signed_amount, ("-12.5", "amt"), {}, D("-12.5")),
    (common.signed_amount, ("12.5", "amt"), {}, D("12.5")),
    (common.signed_amount, ("-1234567890123456", "amt"), {}, D("-1234567890123456")),
    (common.signed_amount, ("-", "amt"), {}, (InvalidInput, "amt: '-' is not a number")),
    (common.signed_amount, ("1,000.00", "amt"), {}, D("1000.00")),
    (common.signed_amount, ("x", "amt"), {}, (InvalidInput, "amt: 'x' is not a number")),
    (common.signed_amount, ("1.2.3", "amt"), {}, (InvalidInput, "amt: '1.2.3' is not a number")),
    (common.signed_amount, ("-1.2.3", "amt"), {}, (InvalidInput, "amt: '-1.2.3' is not a number")),
    (common.signed_amount, ("1..2", "amt"), {}, (InvalidInput, "amt: '1..2' is not a number")),
    (common.segments, ((1, 2, 3, 4, 5), lambda m: m < 3), {}, (((1, 2), True), ((3, 4, 5), False))),
    (common.segments, ((1, 2, 3), lambda m: m == 2), {}, (((1,), False), ((2,), True), ((3,), False))),
    (common.segments, ((), lambda m: m), {}, ()),
    (common.segments, ((4,), lambda m: D(m)), {}, (((4,), D(4)),)),
]


@pytest.mark.parametrize("n", range(len(CALLS)))
def test_each_helper_gives_its_result_or_names_the_field(n: int) -> None:
    fn, args, kwargs, expected = CALLS[n]
    if isinstance(expected, tuple) and len(expected) == 2 and isinstance(expected[0], type) \
            and issubclass(expected[0], Exception):
        with pytest.raises(expected[0]) as caught:
            fn(*args, **kwargs)
        assert str(caught.value) == expected[1]
    else:
        got = fn(*args, **kwargs)
        assert (got, type(got)) == (expected, type(expected))


@pytest.mark.parametrize(("fn", "text", "expected"), [
    (common.signed_amount, "-0", "0"), (common.signed_amount, "-0.00", "0.00"), (common.amount, "-0", "0")])
def test_a_negative_zero_is_zero(fn: Callable[[object, str], Decimal], text: str, expected: str) -> None:
    got = fn(text, "amt")
    assert (str(got), got.is_signed()) == (expected, False)


@pytest.mark.parametrize(("fn", "plain"), [
    (common.amount, "1234.50"), (common.amount, "1234567890123456"), (common.amount, "0.5"), (common.amount, "7"),
    (common.signed_amount, "-1234567890123456"), (common.signed_amount, "-0"), (common.signed_amount, "7"),
    (common.signed_amount, "-12.50"), (common.signed_amount, "12.50")])
def test_a_plain_amount_is_read_directly(fn: Callable[[object, str], Decimal], plain: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The usual value of a file is read without the general parser (the same figure, faster)."""
    expected = fn(plain, "amt")

    def refuse(value: object, field: str) -> Decimal:
        raise AssertionError(f"parsed in full: {value!r}")

    monkeypatch.setattr(common, "money", refuse)
    assert fn(plain, "amt") == expected


@pytest.mark.parametrize(("fn", "other"), [
    (common.amount, "12345678901234567"), (common.amount, "1,000"), (common.amount, ""), (common.amount, "1.2.3"),
    (common.amount, "１２"), (common.amount, 5), (common.signed_amount, "-12345678901234567"),
    (common.signed_amount, "--1"), (common.signed_amount, "-"), (common.signed_amount, "+5")])
def test_anything_else_goes_through_the_general_parser(fn: Callable[[object, str], Decimal], other: object,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def parsed(value: object, field: str) -> Decimal:
        assert (value, field) == (other, "amt")
        return D(42)

    monkeypatch.setattr(common, "money", parsed)
    assert fn(other, "amt") == D(42)


def test_the_law() -> None:
    law: Law = default().with_values({})
    assert common.the_law(law) is law
    assert common.the_law(None) is default()
