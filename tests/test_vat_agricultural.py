"""Agricultural-product deduction rates and input tax from the purchase price."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taxcalc.errors import InvalidInput, NotMoney, OutsideCoverage
from taxcalc.vat import agricultural_deduction_rate, agricultural_input_tax

D = dt.date
P = Decimal
ONE = dt.timedelta(days=1)

# (switch day, ordinary before, ordinary on, top-rate before, top-rate on)
# 财税〔2017〕37号 第二条; 财税〔2018〕32号 第二条, 第三条; 2019年第39号 第二条.
SWITCHES = [
    (D(2017, 7, 1), "0.13", "0.11", "0.13", "0.13"),
    (D(2018, 5, 1), "0.11", "0.10", "0.13", "0.12"),
    (D(2019, 4, 1), "0.10", "0.09", "0.12", "0.10"),
]


@pytest.mark.parametrize(("switch", "o_before", "o_on", "t_before", "t_on"), SWITCHES)
def test_switch_days(switch, o_before, o_on, t_before, t_on):
    assert agricultural_deduction_rate(switch - ONE).rate == P(o_before)
    assert agricultural_deduction_rate(switch).rate == P(o_on)
    assert agricultural_deduction_rate(switch - ONE, for_top_rate_goods=True).rate == P(t_before)
    assert agricultural_deduction_rate(switch, for_top_rate_goods=True).rate == P(t_on)


def test_citations():
    assert str(agricultural_deduction_rate("2018-05-01", for_top_rate_goods=True).steps[0].cite[0]) == (
        "财税〔2018〕32号 第三条"
    )
    assert str(agricultural_deduction_rate("2018-05-01").steps[0].cite[0]) == "财税〔2018〕32号 第二条"


@pytest.mark.parametrize("day", [D(2001, 12, 31), D(2028, 1, 1)])
def test_outside_coverage(day):
    with pytest.raises(OutsideCoverage):
        agricultural_deduction_rate(day)
    with pytest.raises(OutsideCoverage):
        agricultural_input_tax("100", day, for_top_rate_goods=True)


def test_from_2026_only_the_top_rate_goods_rate_is_outside_coverage():
    assert agricultural_deduction_rate(D(2026, 1, 1)).rate == Decimal("0.09")
    with pytest.raises(OutsideCoverage):
        agricultural_input_tax("100", D(2026, 1, 1), for_top_rate_goods=True)


@pytest.mark.parametrize(
    ("price", "day", "top", "tax"),
    [
        ("10000", "2019-04-01", False, "900.00"),
        ("10000", "2019-04-01", True, "1000.00"),
        ("10000", "2018-05-01", True, "1200.00"),
        ("10000", "2017-07-01", False, "1100.00"),
        ("10000", "2016-12-31", False, "1300.00"),
        ("123.45", "2019-04-01", False, "11.11"),  # 11.1105
        ("0.50", "2018-06-01", False, "0.05"),  # exactly 0.05
        ("0.05", "2019-04-01", False, "0.00"),  # 0.0045 rounds down
    ],
)
def test_input_tax_golden(price, day, top, tax):
    assert agricultural_input_tax(price, day, for_top_rate_goods=top).input_tax == P(tax)


def test_refusals():
    with pytest.raises(TypeError):
        agricultural_input_tax(100.0, "2019-04-01")
    with pytest.raises(NotMoney):
        agricultural_input_tax(None, "2019-04-01")
    with pytest.raises(InvalidInput, match="purchase_price: must not be negative"):
        agricultural_input_tax("-1", "2019-04-01")
    with pytest.raises(InvalidInput, match="for_top_rate_goods"):
        agricultural_deduction_rate("2019-04-01", for_top_rate_goods="yes")  # type: ignore[arg-type]


def test_hostile_context():
    expected = agricultural_input_tax("98765.43", "2018-06-01", for_top_rate_goods=True)
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        ctx.rounding = decimal.ROUND_DOWN
        assert agricultural_input_tax("98765.43", "2018-06-01", for_top_rate_goods=True) == expected
    assert expected.input_tax == P("11851.85")


prices = st.decimals(min_value=0, max_value=10**11, places=2)


@given(prices, prices, st.dates(D(2009, 1, 1), D(2025, 12, 31)), st.booleans())
def test_monotonic_never_negative_and_top_rate_never_lower(a, b, day, top):
    lo, hi = sorted((a, b))
    t_lo = agricultural_input_tax(lo, day, for_top_rate_goods=top).input_tax
    t_hi = agricultural_input_tax(hi, day, for_top_rate_goods=top).input_tax
    assert P(0) <= t_lo <= t_hi
    assert (agricultural_deduction_rate(day, for_top_rate_goods=True).rate
            >= agricultural_deduction_rate(day).rate)
